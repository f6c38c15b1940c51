"""When each record last changed, and what changed in targets and responsibilities, from git.

Two questions, both answered from the git repository that holds the data:

* **Last change of a record.** A record (a department, a task, an indicator) is a run of lines of
  its data file: from its own first line to the line before the next record of that file. One
  ``git blame --line-porcelain`` per data file dates every line, so a few files answer for
  hundreds of records; the newest commit among a record's lines is its last change.
* **Recent changes.** :func:`recent_changes` walks the latest commits that touched a plan's
  ``indicators.yml`` or ``tasks.yml``, reads both versions of the file and reports every indicator
  whose target changed and every task whose lead or co-operating departments changed.

A folder that is not a git repository (or a machine without git) has no history: the answers
are empty and nothing fails.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plansite.model.repository import Repository
from plansite.model.walk import written_tasks
from plansite.reading.git import is_git_repository, run_git
from plansite.reading.yamlfile import Located, load_text

log = logging.getLogger(__name__)

UNCOMMITTED = "0" * 40
RECENT_COMMITS = 200
"""How many of the newest commits touching plan files :func:`recent_changes` reads."""
RECENT_CHANGE_SETS = 50
"""How many commits with changes to targets or responsibilities the changes page lists."""

@dataclass(frozen=True)
class Revision:
    """A commit as readers see it: its id, the day it was committed and its message."""

    commit: str
    date: str
    summary: str
    time: int = 0  # seconds since the epoch, to order revisions

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class Change:
    """One record's target or responsibility as it was before a commit and after it.

    ``record`` is ``indicator:<id>`` or ``task:<plan>:<id>``; ``field`` is ``target``, ``lead``
    or ``cooperating``; ``before`` is empty for a record the commit added, ``after`` for one it
    removed.
    """

    record: str
    plan: str
    record_id: str
    label: str
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangeSet:
    """The changes one commit made to targets and responsibilities."""

    revision: Revision
    changes: tuple[Change, ...]


@dataclass
class History:
    """Everything the site shows from git: last change per record key and recent changes."""

    available: bool = False
    records: dict[str, Revision] = field(default_factory=dict)
    changes: list[ChangeSet] = field(default_factory=list)

    def last_change(self, key: str) -> Revision | None:
        """The last commit that touched the record ``key`` (``task:<plan>:<id>``, ...)."""
        return self.records.get(key)


def _date(seconds: str, tz: str) -> str:
    """The committer's own calendar day of a git timestamp (``1700000000``, ``+0800``)."""
    sign = -1 if tz.startswith("-") else 1
    offset = _dt.timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * sign
    moment = _dt.datetime.fromtimestamp(int(seconds), _dt.timezone(offset))
    return moment.date().isoformat()


def blame(root: Path, file: str) -> list[Revision | None] | None:
    """The revision of every line of ``file`` (None for uncommitted lines), or None."""
    out = run_git(root, "blame", "--line-porcelain", "--", file)
    if out is None:
        return None
    lines: list[Revision | None] = []
    commit, info = "", {}
    for raw in out.decode("utf-8", errors="replace").split("\n"):
        if raw.startswith("\t"):
            if commit == UNCOMMITTED:
                lines.append(None)
            else:
                seconds = info.get("committer-time", "0")
                lines.append(Revision(commit, _date(seconds, info.get("committer-tz", "+0000")),
                                      info.get("summary", ""), int(seconds)))
            commit, info = "", {}
        elif not commit:
            commit = raw.split(" ", 1)[0]
        else:
            key, _, value = raw.partition(" ")
            info[key] = value
    return lines


def record_starts(repo: Repository) -> dict[str, dict[str, int]]:
    """The first line of every record, by file: ``{file: {record key: line}}``."""
    starts: dict[str, dict[str, int]] = {}

    def put(key: str, source) -> None:
        if source.file and source.line:
            starts.setdefault(source.file, {})[key] = source.line

    for dept in repo.departments.values():
        put(f"department:{dept.id}", dept.source)
    for plan in repo.plans.values():
        put(f"plan:{plan.id}", plan.source)
        for chapter in plan.walk_chapters():
            put(f"chapter:{plan.id}:{chapter.id}", chapter.source)
    for key, task in repo.tasks.items():
        put(f"task:{key}", task.source)
    for ind in repo.indicators.values():
        put(f"indicator:{ind.id}", ind.source)
    return starts


def last_changes(repo: Repository) -> dict[str, Revision]:
    """The last commit of every record whose lines are committed, by record key."""
    out: dict[str, Revision] = {}
    for file, starts in record_starts(repo).items():
        revisions = blame(repo.root, file)
        if revisions is None:
            continue
        ordered = sorted(starts.items(), key=lambda item: item[1])
        for i, (key, start) in enumerate(ordered):
            end = ordered[i + 1][1] - 1 if i + 1 < len(ordered) else len(revisions)
            # a plan record's first line follows the schema comment; the comment is the file's
            first = 1 if key.startswith("plan:") else start
            dated = [r for r in revisions[first - 1:end] if r is not None]
            if dated:
                out[key] = max(dated, key=lambda r: r.time)
    return out


# -- recent changes -------------------------------------------------------------------------------
def _read_blobs(root: Path, names: list[str]) -> list[bytes | None]:
    """The content of each ``<rev>:./<path>`` in ``names`` (None where it does not exist)."""
    out = run_git(root, "cat-file", "--batch", input="".join(n + "\n" for n in names).encode())
    if out is None:
        return [None] * len(names)
    blobs: list[bytes | None] = []
    pos = 0
    for _ in names:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3 or header[1] != b"blob":
            blobs.append(None)
            continue
        size = int(header[2])
        blobs.append(out[pos:pos + size])
        pos += size + 1
    return blobs


def _parse(blob: bytes | None, name: str) -> Any:
    """An old version of a data file, read as the current one is (None when it cannot be)."""
    if blob is None:
        return None
    return load_text(blob.decode("utf-8", errors="replace"), name)[0]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def target_notation(target: Any, unit: str = "") -> str:
    """A target as an old version of a data file holds it, in the file's own notation
    (``>= 55% (2015)``): a version need not be valid, so it is shown as written, not read into a
    target and put into words (:func:`plansite.language.wording.target_words` does that)."""
    if target is None:
        return ""
    if not isinstance(target, dict):
        return str(target)
    if target.get("narrative") and target.get("value") is None:
        words = str(target["narrative"])
    elif target.get("comparator") == "range" or target.get("value") is None:
        words = f"{_number(target.get('low'))}–{_number(target.get('high'))}{unit}"
    else:
        words = f"{target.get('comparator', '=')} {_number(target.get('value'))}{unit}"
    if target.get("kind") not in (None, "level"):
        words += f" [{target['kind']}]"
    if target.get("year"):
        words += f" ({target['year']})"
    return words


def _names(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return "" if value is None else str(value)


def _indicator_fields(data: Any) -> dict[str, tuple[str, dict[str, str]]]:
    items = data.get("indicators") if isinstance(data, dict) else None
    out = {}
    for item in items if isinstance(items, list) else ():
        if isinstance(item, Located) and item.get("id"):
            ident = item.text("id")
            out[ident] = (item.text("name") or ident,
                          {"target": target_notation(item.get("target"), item.text("unit"))})
    return out


def _task_fields(data: Any) -> dict[str, tuple[str, dict[str, str]]]:
    chapters = data.get("chapters") if isinstance(data, dict) else None
    out = {}
    for task in written_tasks(chapters):
        if isinstance(task, Located) and task.get("id") is not None:
            ident = task.text("id")
            out[ident] = (task.text("title") or ident,
                          {"lead": _names(task.get("lead")),
                           "cooperating": _names(task.get("cooperating"))})
    return out


def _compare(kind: str, plan: str, before: Any, after: Any) -> list[Change]:
    """What changed in targets (indicators.yml) or responsibilities (tasks.yml) of one file."""
    read = _indicator_fields if kind == "indicator" else _task_fields
    old, new = read(before), read(after)
    changes = []
    for rid in list(new) + [r for r in old if r not in new]:
        label = (new.get(rid) or old[rid])[0]
        old_fields = old[rid][1] if rid in old else {}
        new_fields = new[rid][1] if rid in new else {}
        for name in (new_fields or old_fields):
            was, now = old_fields.get(name, ""), new_fields.get(name, "")
            if was != now:
                record = f"indicator:{rid}" if kind == "indicator" else f"task:{plan}:{rid}"
                changes.append(Change(record, plan, rid, label, name, was, now))
    return changes


def recent_changes(root: Path, commits: int = RECENT_COMMITS,
                   limit: int = RECENT_CHANGE_SETS) -> list[ChangeSet]:
    """The newest commits that changed targets or responsibilities, newest first."""
    out = run_git(root, "log", f"-n{commits}", "--relative", "--no-renames", "--name-only",
               "--format=%x1e%H%x1f%ct%x1f%cI%x1f%s", "--", "data/plans")
    if out is None:
        return []
    entries = []
    for block in out.decode("utf-8", errors="replace").split("\x1e")[1:]:
        head, _, names = block.partition("\n")
        commit, seconds, iso, summary = head.split("\x1f", 3)
        files = [n.strip() for n in names.splitlines()
                 if n.strip().endswith(("/indicators.yml", "/tasks.yml"))]
        if files:
            tz = iso[-6:].replace(":", "") if iso[-6] in "+-" else "+0000"
            entries.append((Revision(commit, _date(seconds, tz), summary, int(seconds)), files))
    wanted = [f"{rev.commit}{suffix}:./{file}" for rev, files in entries for file in files
              for suffix in ("^", "")]
    blobs = iter(_read_blobs(root, wanted))
    sets = []
    for rev, files in entries:
        changes: list[Change] = []
        for file in files:
            before, after = next(blobs), next(blobs)
            parts = file.split("/")
            if before is None or len(parts) < 4:
                continue  # a file the commit created: its records are new, not changed
            kind = "indicator" if parts[-1] == "indicators.yml" else "task"
            changes.extend(_compare(kind, parts[-2], _parse(before, file), _parse(after, file)))
        if changes:
            sets.append(ChangeSet(rev, tuple(changes)))
            if len(sets) >= limit:
                break
    return sets


def load_history(repo: Repository) -> History:
    """The history of ``repo`` from git; empty (``available`` False) outside a git repository."""
    if not is_git_repository(repo.root):
        return History()
    return History(available=True, records=last_changes(repo),
                   changes=recent_changes(repo.root))


_CACHE: dict[int, tuple[Repository, History]] = {}


def history_of(repo: Repository) -> History:
    """:func:`load_history` once per loaded repository (pages of one build share it)."""
    cached = _CACHE.get(id(repo))
    if cached is None or cached[0] is not repo:
        _CACHE.clear()  # one repository is built at a time; an older one is done
        cached = (repo, load_history(repo))
        _CACHE[id(repo)] = cached
    return cached[1]
