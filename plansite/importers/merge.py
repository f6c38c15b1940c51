"""Re-import: a revised document merged into a plan editors have worked on, keeping their work.

Every import also writes ``import-base.yml`` beside the plan: the plan, tasks and indicators as
the document gave them, before anyone edited them. Importing a revised document with
``--update`` compares three versions of every field of every chapter, task and indicator (and of
plan.yml): the base, the editors' file and the revised document.

- A field only the document changed takes the document's value.
- A field only an editor changed keeps the editor's value (a department an editor chose, a
  corrected title). Fields the importer never writes (progress, title_en, notes, actuals …)
  are the editors' and are always kept.
- A field both changed keeps the editor's value and is listed as a **conflict** in the report,
  with the document's value beside it. Without a base (a plan imported before there were
  bases) every field the document and the file disagree on is such a conflict.
- A task the document no longer has is removed when no editor touched it; otherwise it is kept
  and listed.

Tasks keep the ids they had (matched by title and text, :func:`keep_ids`). The files are written
back with ruamel.yaml's round trip, so the editors' comments and layout stay; new records are
written in the repository's style (lists of names on one line, texts as ``|`` blocks). Reading
and validation keep to :mod:`plansite.reading.yamlfile`; this module only writes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from plansite.importers.outline import Outline
from plansite.importers.writer import (BLOCK_KEYS, FLOW_SEQUENCES, markdown_paragraphs,
                                       schema_comment, write_data_file)
from plansite.problems import PlanError
from plansite.reading.roundtrip import load_round_trip, round_trip_text
from plansite.reading.yamlfile import load_file, plain

BASE_FILE = "import-base.yml"
# The fields of each record that an import writes; every other field is an editor's.
TASK_FIELDS = ("id", "number", "title", "text", "lead", "cooperating", "implementers",
               "indicators", "deadline", "responsibility")
CHAPTER_FIELDS = ("id", "number", "title", "text")
INDICATOR_FIELDS = ("id", "name", "type", "unit", "category", "chapter", "phrase", "baseline",
                    "target", "departments")
PLAN_FIELDS = ("id", "title", "issuer", "issued", "level", "period", "source_document",
               "summary", "note")
_MISSING = object()


@dataclass
class MergeReport:
    """What a merge kept, took from the document, and could not decide."""

    has_base: bool = True
    updated: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"base": self.has_base, "updated": self.updated, "conflicts": self.conflicts,
                "added": self.added, "removed": self.removed, "kept": self.kept}


def dump_round_trip(data: Any, path: Path, kind: str, root: Path | None) -> None:
    """Write ``data`` back; a file that lost its schema line gets it again."""
    text = round_trip_text(data)
    if not text.startswith("# yaml-language-server:"):
        text = schema_comment(path, kind, root) + text
    path.write_text(text, encoding="utf-8")


def styled(value: Any, key: str = "") -> Any:
    """A plain value as ruamel writes it in the repository's style: lists of names on one line,
    texts as ``|`` blocks."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = styled(v, k)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(styled(v) for v in value)
        if key in FLOW_SEQUENCES or not value:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and key in BLOCK_KEYS and value.strip():
        return LiteralScalarString(value.rstrip("\n") + "\n")
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal as data: a text block's closing newline and the quoting style do not count."""
    a, b = _plain(a), _plain(b)
    if isinstance(a, str) and isinstance(b, str):
        return a.rstrip("\n") == b.rstrip("\n")
    return a == b


class _Merger:
    """Merges one kind of record (a task, a chapter, an indicator, the plan) field by field."""

    def __init__(self, report: MergeReport):
        self.report = report

    def fields(self, where: str, current: Any, base: dict | None, new: dict,
               names: tuple[str, ...]) -> Any:
        """``current`` (the editors' record, kept as an object for its comments) with the
        fields only the document changed taken from ``new``."""
        for name in names:
            nv = new.get(name, _MISSING)
            cv = current.get(name, _MISSING)
            bv = base.get(name, _MISSING) if base is not None else _MISSING
            if _equal(nv, cv):
                continue
            if base is not None and _equal(cv, bv):
                if nv is _MISSING:
                    del current[name]
                else:
                    current[name] = styled(nv, name)
                self.report.updated.append({"record": where, "field": name})
            elif base is not None and _equal(nv, bv):
                continue
            else:
                self.report.conflicts.append({
                    "record": where, "field": name,
                    "editor": None if cv is _MISSING else _plain(cv),
                    "document": None if nv is _MISSING else _plain(nv),
                    **({"before": None if bv is _MISSING else _plain(bv)} if base is not None
                       else {})})
        return current


def _equal(a: Any, b: Any) -> bool:
    if a is _MISSING or b is _MISSING:
        return a is b or (a is _MISSING and b in ("", [], None)) or \
            (b is _MISSING and a in ("", [], None))
    return _same(a, b)


def _index(records: list, children: Callable[[Any], list]) -> dict[str, Any]:
    """Every record of a tree of records by id."""
    out: dict[str, Any] = {}
    stack = list(records or [])
    while stack:
        record = stack.pop()
        if isinstance(record, dict) and record.get("id") is not None:
            out[str(record["id"])] = record
            stack.extend(children(record))
    return out


def _children(record: Any) -> list:
    if not isinstance(record, dict):
        return []
    return [*(record.get("chapters") or []), *(record.get("tasks") or [])]


def _touched(current: Any, base: dict | None) -> bool:
    """Whether an editor changed ``current`` since the base (any field, or any sub-record)."""
    if base is None:
        return True
    return not _same(current, base)


class TreeMerge:
    """Merges the chapters and tasks of tasks.yml."""

    def __init__(self, current: Any, base: dict | None, new: dict, report: MergeReport):
        self.report = report
        self.merger = _Merger(report)
        self.new_ids = set(_index(new.get("chapters") or [], _children))
        chapters = current.get("chapters") if isinstance(current, dict) else None
        self.current = _index(chapters or [], _children)
        base_chapters = base.get("chapters") if isinstance(base, dict) else None
        self.base = _index(base_chapters or [], _children) if base is not None else None
        self.used: set[str] = set()

    def base_of(self, ident: str) -> dict | None:
        if self.base is None:
            return None
        return self.base.get(ident, {})

    def record(self, new: dict, kind: str) -> Any:
        """The merged record of ``new`` (a chapter or a task of the revised document)."""
        ident = str(new["id"])
        current = self.current.get(ident)
        if current is None or ident in self.used:
            self.report.added.append(ident)
            return styled(new)
        self.used.add(ident)
        names = TASK_FIELDS if kind == "task" else CHAPTER_FIELDS
        base = self.base_of(ident)
        merged = self.merger.fields(ident, current, base, new, names)
        for key in ("chapters", "tasks"):
            merged_children = self.children(new.get(key) or [], current.get(key) or [],
                                            "chapter" if key == "chapters" else "task")
            if merged_children:
                current[key] = merged_children
            elif key in current:
                del current[key]
        return merged

    def children(self, new: list[dict], current: list, kind: str) -> Any:
        """The merged list of sub-records: the document's, in its order, then the editors'
        records the document no longer has but an editor touched or added."""
        from ruamel.yaml.comments import CommentedSeq

        out = current if hasattr(current, "ca") else CommentedSeq()
        kept_before = list(current)
        out.clear()
        for item in new:
            out.append(self.record(item, kind))
        for item in kept_before:
            ident = str(item.get("id")) if isinstance(item, dict) else ""
            # a record the document still has, maybe under another parent, is merged there
            if ident in self.new_ids or ident in self.used:
                continue
            if self.base is not None and ident in self.base and \
                    not _touched(item, self.base[ident]):
                self.report.removed.append(ident)
                continue
            self.used.add(ident)
            self.report.kept.append({"record": ident, "title": str(item.get("title", ""))})
            out.append(item)
        return out

    def tree(self, current: Any, new: dict) -> Any:
        current["chapters"] = self.children(new.get("chapters") or [],
                                            current.get("chapters") or [], "chapter")
        return current


def merge_tasks(current: Any, base: dict | None, new: dict, report: MergeReport) -> Any:
    """The editors' tasks.yml (round-trip data) with the revised document merged in."""
    if current is None:
        return styled(new)
    return TreeMerge(current, base, new, report).tree(current, new)


def merge_list(current: Any, base: dict | None, new: dict, key: str,
               names: tuple[str, ...], report: MergeReport) -> Any:
    """A file holding a list of records by id (indicators.yml) merged like tasks."""
    from ruamel.yaml.comments import CommentedSeq

    if current is None:
        return styled(new)
    merger = _Merger(report)
    items = current.get(key) or CommentedSeq()
    by_id = {str(i.get("id")): i for i in items if isinstance(i, dict)}
    base_items = {str(i.get("id")): i for i in (base or {}).get(key) or []
                  if isinstance(i, dict)} if base is not None else None
    kept_before = list(items)
    out = items if hasattr(items, "ca") else CommentedSeq()
    out.clear()
    new_ids = set()
    for item in new.get(key) or []:
        ident = str(item["id"])
        new_ids.add(ident)
        if ident in by_id:
            out.append(merger.fields(f"{key}:{ident}", by_id[ident],
                                     base_items.get(ident, {}) if base_items is not None
                                     else None, item, names))
        else:
            report.added.append(f"{key}:{ident}")
            out.append(styled(item))
    for item in kept_before:
        ident = str(item.get("id")) if isinstance(item, dict) else ""
        if ident in new_ids:
            continue
        if base_items is not None and ident in base_items and not _touched(item,
                                                                           base_items[ident]):
            report.removed.append(f"{key}:{ident}")
            continue
        report.kept.append({"record": f"{key}:{ident}", "title": str(item.get("name", ""))})
        out.append(item)
    current[key] = out
    return current


def merge_plan(current: Any, base: dict | None, new: dict, report: MergeReport) -> Any:
    """plan.yml merged field by field."""
    if current is None:
        return styled(new)
    merged = _Merger(report).fields("plan", current, base, new, PLAN_FIELDS)
    for name, value in new.items():
        if name not in merged and name not in PLAN_FIELDS:
            merged[name] = styled(value, name)
    return merged


def append_departments(path: Path, entries: list[dict], root: Path | None) -> None:
    """Add the proposed ``entries`` to the registry at ``path``, keeping its comments."""
    current = load_round_trip(path)
    if current is None or not isinstance(current.get("departments"), list):
        write_data_file(path, "departments", {"departments": entries}, root)
        return
    for entry in entries:
        current["departments"].append(styled(entry))
    dump_round_trip(current, path, "departments", root)


def load_base(folder: Path) -> dict | None:
    """What the last import of the plan in ``folder`` wrote, before any edit (None when the
    plan was imported before bases were kept)."""
    path = folder / BASE_FILE
    if not path.exists():
        return None
    data = plain(load_file(path)[0].data)
    return data if isinstance(data, dict) and isinstance(data.get("tasks"), dict) else None


def write_base(folder: Path, written: dict[str, str]) -> None:
    """Keep what this import made of the document, for the next re-import to compare with.
    ``written`` holds the YAML of the plan, tasks and indicators under those keys."""
    parts = ["# What the last import made of its document, before any edit; plansite import "
             "--update\n# compares it with the data files to tell editors' changes from the "
             "document's.\n"]
    for key in ("plan", "tasks", "indicators"):
        parts.append(f"{key}:\n" + textwrap.indent(written[key], "  "))
    (folder / BASE_FILE).write_text("".join(parts), encoding="utf-8")


def _squashed(text: Any) -> str:
    return "".join(str(text or "").split())


def old_records(tasks: Any) -> list[tuple[str, str, str, str]]:
    """(kind, id, title, text) of every chapter and task of a tasks.yml's data."""
    out: list[tuple[str, str, str, str]] = []

    def visit(records: Any, kind: str) -> None:
        for record in records if isinstance(records, list) else []:
            if not isinstance(record, dict) or record.get("id") is None:
                continue
            out.append((kind, str(record["id"]), _squashed(record.get("title")),
                        _squashed(record.get("text"))))
            visit(record.get("chapters"), "chapter")
            visit(record.get("tasks"), "task")

    visit(tasks.get("chapters") if isinstance(tasks, dict) else None, "chapter")
    return out


def keep_ids(outline: Outline, old: list[tuple[str, str, str, str]]) -> None:
    """Give each chapter and task that is unchanged (same title and text, or same title, or
    same text) the id it had before; the others keep their position-derived id unless that id
    is taken."""
    if not old:
        return
    nodes = list(outline.walk())
    keys = [(n.kind, _squashed(n.title), _squashed(markdown_paragraphs(n.text_paragraphs())))
            for n in nodes]
    taken_old: set[int] = set()
    chosen: dict[int, str] = {}
    rules = (lambda kind, title, text: (kind, title, text),
             lambda kind, title, text: (kind, title) if title else None,
             lambda kind, title, text: (kind, text) if text else None)
    for rule in rules:
        index: dict[object, list[int]] = {}
        for position, (kind, _, title, text) in enumerate(old):
            if position not in taken_old:
                index.setdefault(rule(kind, title, text), []).append(position)
        for i, key in enumerate(rule(*k) for k in keys):
            if i in chosen or key is None:
                continue
            candidates = [p for p in index.get(key, []) if p not in taken_old]
            if candidates:
                taken_old.add(candidates[0])
                chosen[i] = old[candidates[0]][1]
    taken = set(chosen.values())
    for i, node in enumerate(nodes):
        if i in chosen:
            node.id = chosen[i]
            continue
        ident, suffix = node.id, 0
        while ident in taken:
            suffix += 1
            ident = f"{node.id}-{suffix}"
        node.id = ident
        taken.add(ident)


def keep_plan_fields(plan: dict, path: Path) -> dict:
    """The new plan record of a forced re-import, keeping what an editor added to the old
    plan.yml (a short title, an English title, a note) wherever the import has nothing to say."""
    old = plain(load_file(path)[0].data) if path.exists() else None
    if not isinstance(old, dict):
        return plan
    merged = {key: plan[key] if plan.get(key) not in (None, "") else value
              for key, value in old.items()}
    merged.update({key: value for key, value in plan.items() if key not in merged})
    return merged


def merge_into(folder: Path, root: Path | None, base: dict | None, plan: dict, tasks: dict,
               indicators: dict) -> MergeReport:
    """Merge the revised document's plan, tasks and indicators into the files of ``folder``,
    keeping the editors' work and comments; what was done is returned for the report."""
    problems = [p for name in ("plan.yml", "tasks.yml", "indicators.yml")
                if (folder / name).exists()
                for p in load_file(folder / name)[1] if p.severity == "error"]
    if problems:
        # an editor's file that cannot be read is fixed first: nothing is merged into it
        raise PlanError(problems)
    report = MergeReport(has_base=base is not None)
    files = (("plan.yml", "plan", lambda current: merge_plan(
                 current, base["plan"] if base else None, plan, report)),
             ("tasks.yml", "tasks", lambda current: merge_tasks(
                 current, base["tasks"] if base else None, tasks, report)),
             ("indicators.yml", "indicators", lambda current: merge_list(
                 current, base["indicators"] if base else None, indicators, "indicators",
                 INDICATOR_FIELDS, report)))
    for name, kind, merge in files:
        path = folder / name
        dump_round_trip(merge(load_round_trip(path)), path, kind, root)
    return report
