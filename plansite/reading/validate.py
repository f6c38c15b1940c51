"""Turn what :mod:`plansite.load` read into typed records, collecting every problem on the way.

Two passes. The shape pass walks each file against its :mod:`plansite.schema` record: unknown and
missing fields, wrong types, bad ids and choices. The meaning pass resolves references (department
names and aliases to ids, indicator and chapter ids), checks ids are unique across files, parents
form no cycle, and years and values make sense. Nothing raises: problems are returned. The
shape pass over a plan folder can run apart, even in another process (:class:`PlanCheck`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.departments import DepartmentRegistry, name_key
from plansite.language.numerals import normalize_width
from plansite.language.similar import closest
from plansite.model import fields as S
from plansite.problems import Problem, problem
from plansite.reading.yamlfile import Located, LocatedList
from plansite.model.records import (Chapter, Deadline, Department, Indicator, Plan, Quantity, Source,
                            Target, Task)

_SLUG_RE = re.compile(S.SLUG_PATTERN)
_LOCAL_RE = re.compile(S.LOCAL_ID_PATTERN)
_PERIOD_RE = re.compile(r"^\s*(\d{4})\s*[-–—至~]\s*(\d{4})\s*$")

CHOICE_WORDS = {
    "约束性": "binding", "约束性指标": "binding", "预期性": "expected", "预期性指标": "expected",
    "监测": "monitoring", "监测指标": "monitoring", "部门": "department", "群体": "group",
    "企业": "company", "党委部门": "party", "人民团体": "organization", "不低于": ">=",
    "不超过": "<=", "以上": ">=", "以内": "<=", "等于": "=", "区间": "range", "水平": "level",
    "变化": "change", "年均增长": "annual-growth", "比例": "ratio",
}
"""Choices as editors say them in Chinese, for the hint that gives the word to write."""

def _kind_words(kind: str) -> Phrase:
    """What a field of ``kind`` expects, as the catalogue words it."""
    return phrase(f"kind-{kind}")


def _found(value: Any) -> Phrase:
    """A value that is of the wrong kind, as a message quotes it: its kind, and itself when short."""
    if value is None:
        return phrase("value-null")
    if isinstance(value, bool):
        return phrase("value-bool", value=str(value).lower())
    if isinstance(value, (int, float)):
        return phrase("value-number", value=value)
    if isinstance(value, str):
        return phrase("value-text", value=value)
    if isinstance(value, list):
        return phrase("value-list")
    if isinstance(value, dict):
        return phrase("value-mapping")
    return phrase("value-other", type=type(value).__name__)


def _did_you_mean(near: list[str]) -> Phrase | None:
    return phrase("did-you-mean", word=near[0]) if near else None


@dataclass
class Checker:
    """Shape checks against a :class:`~plansite.schema.Record`; fills ``problems``."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, code: str, file: str, pos: tuple[int, int], path: str,
            hint: Phrase | None = None, **args: object) -> None:
        self.problems.append(problem(code, file, pos[0], pos[1], path=path, hint=hint, **args))

    def record(self, data: Any, record: S.Record, path: str, file: str,
               pos: tuple[int, int]) -> Located | None:
        """Check ``data`` against ``record``; the result holds only values of the right kind."""
        if not isinstance(data, Located):
            self.add("wrong-type", file, pos, path, found=_found(data),
                     expected=phrase("record-mapping", record=phrase(record.name)))
            return None
        out = Located(file, data.line, data.column)
        out.key_pos, out.value_pos, out.raw = data.key_pos, data.value_pos, data.raw
        if not record.by_name.keys() >= data.keys():
            self.unknown_fields(data, record, path, file, pos)
        for f in record.fields:
            given = data.get(f.name)
            if given is None:
                if f.required:
                    self.add("missing-field", file, (data.line, data.column), _join(path, f.name),
                             field=f.name, expected=phrase(f"{record.name}.{f.name}"))
                continue
            if type(given) is str and _kept_as_written(given, f.kind, f):  # most values
                out[f.name] = given
                continue
            value = self.value(given, f, _join(path, f.name), file, data.pos(f.name),
                               data.raw.get(f.name))
            if value is not None:
                out[f.name] = value
        return out

    def unknown_fields(self, data: Located, record: S.Record, path: str, file: str,
                       pos: tuple[int, int]) -> None:
        """Report each key of ``data`` that is no field of ``record``, in the order written."""
        for key in data:
            if record.get(str(key)) is None:
                near = closest(str(key), record.names, 1)
                self.add("unknown-field", file, data.key_pos.get(key, pos), _join(path, key),
                         hint=_did_you_mean(near), found=key, expected=record.names)

    def value(self, value: Any, f: S.Field, path: str, file: str, pos: tuple[int, int],
              raw: str | None) -> Any:
        if f.kind == "list":
            if not isinstance(value, LocatedList):
                example = phrase("list-example" if f.item == "text" else "list-example-ids")
                self.add("wrong-type", file, pos, path,
                         hint=phrase("write-a-list", example=example), found=_found(value),
                         expected=_kind_words("list"))
                return None
            items = LocatedList(file, value.line, value.column)
            record, kind = f.sub, f.item or "text"
            for i, item in enumerate(value):
                if record is not None:
                    checked = self.record(item, record, f"{path}[{i}]", file, value.pos(i))
                elif type(item) is str and _kept_as_written(item, kind, f):
                    checked = item
                else:
                    checked = self.scalar(item, kind, f"{path}[{i}]", file, value.pos(i),
                                          value.raw[i] if i < len(value.raw) else None, f)
                if checked is not None:
                    items.append(checked)
                    items.item_pos.append(value.pos(i))
                    items.raw.append(None)
            return items
        if f.kind == "record":
            return self.record(value, f.sub, path, file, pos)
        if f.kind == "target":
            if isinstance(value, str):
                if not value.strip():
                    self.add("empty-value", file, pos, path, expected=_kind_words("target"))
                    return None
                return value.strip()
            return self.record(value, f.sub, path, file, pos)
        return self.scalar(value, f.kind, path, file, pos, raw, f)

    def scalar(self, value: Any, kind: str, path: str, file: str, pos: tuple[int, int],
               raw: str | None, f: S.Field) -> Any:
        if isinstance(value, (dict, list)) or value is None and kind != "text":
            self.add("wrong-type", file, pos, path, found=_found(value),
                     expected=_kind_words(kind))
            return None
        if kind in ("text", "markdown"):
            if isinstance(value, bool):
                self.add("wrong-type", file, pos, path, hint=phrase("quote-text"),
                         found=_found(value), expected=_kind_words(kind))
                return None
            return raw if isinstance(value, (int, float)) and raw is not None else (
                "" if value is None else str(value))
        if kind == "slug":
            text = str(value) if not isinstance(value, bool) else ""
            if not _SLUG_RE.match(text):
                self.add("bad-id", file, pos, path, found=value,
                         expected=phrase("slug-example"))
                return None
            return text
        if kind == "local-id":
            text = raw if isinstance(value, (int, float)) and raw is not None else str(value)
            if isinstance(value, bool) or not _LOCAL_RE.match(text):
                self.add("bad-id", file, pos, path, found=value,
                         expected=phrase("local-id-example"))
                return None
            return text
        if kind == "number":
            return self.number(value, path, file, pos)
        if kind == "year":
            return self.year(value, path, file, pos)
        if kind == "bool":
            if not isinstance(value, bool):
                self.add("wrong-type", file, pos, path, found=_found(value),
                         expected=_kind_words("bool"))
                return None
            return value
        if kind == "choice":
            if not isinstance(value, str) or value not in f.choices:
                near = [CHOICE_WORDS[value]] if value in CHOICE_WORDS else \
                    closest(str(value), list(f.choices), 1)
                self.add("bad-choice", file, pos, path, hint=_did_you_mean(near),
                         found=value, expected=" | ".join(f.choices))
                return None
            return value
        if kind == "period":
            return self.period(value, path, file, pos)
        if kind == "deadline":
            if isinstance(value, bool):
                self.add("wrong-type", file, pos, path, found=_found(value),
                         expected=_kind_words("deadline"))
                return None
            return str(value)
        raise ValueError(f"unknown field kind {kind}")

    def number(self, value: Any, path: str, file: str, pos: tuple[int, int]) -> float | None:
        if isinstance(value, bool):
            self.add("wrong-type", file, pos, path, found=_found(value),
                     expected=_kind_words("number"))
            return None
        if isinstance(value, (int, float)):
            if math.isfinite(value):
                return float(value)
            self.add("bad-number", file, pos, path, found=value,
                     expected=phrase("finite-number"))
            return None
        text = str(value).strip()
        plain = normalize_width(text).replace(",", "")
        if plain != text.replace(",", "") and _is_number(plain):
            self.add("fullwidth-digits", file, pos, path, hint=phrase("write-instead", value=plain),
                     found=text, expected=plain)
            return None
        if _is_number(plain):
            self.add("wrong-type", file, pos, path, hint=phrase("remove-quotes", value=plain),
                     found=_found(value), expected=_kind_words("number"))
            return None
        hint = phrase("unit-apart") if re.search(r"\d", text) else None
        self.add("bad-number", file, pos, path, hint=hint, found=text,
                 expected=phrase("base-number"))
        return None

    def year(self, value: Any, path: str, file: str, pos: tuple[int, int]) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            if 1900 <= value <= 2200:
                return value
            self.add("bad-year", file, pos, path, found=value, expected=phrase("year-between"))
            return None
        text = str(value).strip()
        plain = normalize_width(text).rstrip("年")
        if plain.isdigit() and len(plain) == 4:
            code = "fullwidth-digits" if plain != text.rstrip("年") else "wrong-type"
            self.add(code, file, pos, path, hint=phrase("number-only", value=plain),
                     found=text if code == "fullwidth-digits" else _found(value),
                     expected=plain if code == "fullwidth-digits" else _kind_words("year"))
            return None
        self.add("bad-year", file, pos, path, found=text, expected=phrase("year-example"))
        return None

    def period(self, value: Any, path: str, file: str,
               pos: tuple[int, int]) -> tuple[int, int] | None:
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return (value, value)
        match = _PERIOD_RE.match(normalize_width(str(value)))
        if match:
            start, end = int(match.group(1)), int(match.group(2))
            if start <= end:
                return (start, end)
        self.add("bad-period", file, pos, path, found=value, expected=phrase("period-example"))
        return None


_AS_WRITTEN: dict[str, Callable[[str, S.Field], bool]] = {
    "text": lambda text, f: True,
    "markdown": lambda text, f: True,
    "deadline": lambda text, f: True,
    "slug": lambda text, f: _SLUG_RE.match(text) is not None,
    "local-id": lambda text, f: _LOCAL_RE.match(text) is not None,
    "choice": lambda text, f: text in f.choices,
}
"""For each kind, whether :meth:`Checker.scalar` would return a text unchanged, with no problem."""


def _kept_as_written(text: str, kind: str, f: S.Field) -> bool:
    """Whether the shape pass keeps ``text`` as it is: most values of a plan, checked at once
    instead of through :meth:`Checker.value` and :meth:`Checker.scalar`."""
    keeps = _AS_WRITTEN.get(kind)
    return keeps is not None and keeps(text, f)


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _src(file: str, data: Located, key: str | None = None) -> Source:
    line, col = data.pos(key) if key else (data.line, data.column)
    return Source(file, line, col)


class Mention(NamedTuple):
    """What one field of a record names (departments, indicators, its chapter) and where each word
    was written: the meaning pass resolves them once every file is read. Plain tuples, because
    a plan checked in a worker process sends its mentions back."""

    path: str
    words: tuple[Any, ...]
    places: tuple[tuple[int, int], ...]


def _mentions(d: Located, path: str, keys: tuple[str, ...]) -> dict[str, Mention]:
    """The mentions in the fields ``keys`` of the checked record ``d``."""
    out = {}
    for key in keys:
        if key in d:
            value = d[key]
            if isinstance(value, LocatedList):
                places = value.item_pos  # one place for each item in a list the shape pass made
                if len(places) != len(value):
                    places = [value.pos(i) for i in range(len(value))]
                out[key] = Mention(f"{path}.{key}", tuple(value), tuple(places))
            else:
                out[key] = Mention(f"{path}.{key}", (value,), (d.pos(key),))
    return out


@dataclass
class PlanFiles:
    """The three files of one plan folder as read (None where missing or unreadable)."""

    folder: str
    plan: tuple[str, Any] | None
    tasks: tuple[str, Any] | None
    indicators: tuple[str, Any] | None


@dataclass
class PlanCheck:
    """The shape pass over one plan folder, whole: the plan, its problems, its records' mentions.

    Nothing in the shape pass looks beyond its folder, so a folder can be checked apart (in a
    worker process too) and taken in by :meth:`Validator.adopt`. Each mention travels with its
    record: pickled together, the two stay one object, which ``Validator.refs`` (by ``id``) needs.
    """

    plan: Plan | None
    problems: list[Problem]
    mentions: list[tuple[Task | Indicator, dict[str, Mention]]]


class Validator:
    """Checks a whole repository, one file at a time for shape, then across files for meaning."""

    def __init__(self, parse_target: Callable[..., Target] | None = None,
                 parse_deadline: Callable[..., Deadline] | None = None):
        self.check = Checker()
        # where each record's references were written, for the meaning pass
        self.refs: dict[int, dict[str, Mention]] = {}
        # names of departments refused for a duplicate id: reported once, not at every use
        self.unregistered: set[str] = set()
        self.parse_target = parse_target
        self.parse_deadline = parse_deadline
        # References are checked against the department registry only when it could be read:
        # an unreadable departments.yml is reported once, not once per department it names.
        self.departments_read = False

    @property
    def problems(self) -> list[Problem]:
        return self.check.problems

    def add(self, code: str, file: str, pos: tuple[int, int], path: str = "",
            hint: Phrase | None = None, **args: object) -> None:
        self.check.add(code, file, pos, path, hint, **args)

    # -- departments ------------------------------------------------------------------------
    def departments(self, file: str, data: Any) -> list[Department]:
        top = self.check.record(data, S.DEPARTMENTS_FILE, "", file, (1, 1))
        if top is None or "departments" not in top:
            return []
        self.departments_read = True
        out: list[Department] = []
        seen: dict[str, Source] = {}
        seen_names: dict[str, tuple[str, Source]] = {}
        for i, d in enumerate(top["departments"]):
            path = f"departments[{i}]"
            if "id" not in d or "name" not in d:
                continue
            src = _src(file, d)
            if d["id"] in seen:
                self.add("duplicate-id", file, d.pos("id"), f"{path}.id", found=d["id"],
                         first=str(seen[d["id"]]))
                # tasks naming this department are not wrong: the duplicate id is the problem
                self.unregistered.update(name_key(w) for w in (d["name"], *d.get("aliases", [])))
                continue
            seen[d["id"]] = src
            aliases = tuple(dict.fromkeys(a.strip() for a in d.get("aliases", []) if a.strip()))
            dept = Department(id=d["id"], name=d["name"].strip(), aliases=aliases,
                              kind=d.get("kind", "department"), parent=d.get("parent"),
                              incomplete=d.get("incomplete", False), note=d.get("note", ""),
                              name_en=d.get("name_en", ""), source=src)
            for j, word in enumerate((dept.name, *dept.aliases)):
                owner = seen_names.get(name_key(word))
                if owner and owner[0] != dept.id:
                    where = f"{path}.name" if j == 0 else f"{path}.aliases[{j - 1}]"
                    pos = d.pos("name") if j == 0 else d["aliases"].pos(j - 1) \
                        if isinstance(d.get("aliases"), LocatedList) else d.pos("aliases")
                    self.add("duplicate-name", file, pos, where, found=word,
                             first=phrase("record-at", id=owner[0], place=str(owner[1])))
                else:
                    seen_names[name_key(word)] = (dept.id, src)
            out.append(dept)
        by_id = {d.id: d for d in out}
        for i, dept in enumerate(out):
            if dept.parent and dept.parent not in by_id:
                self.add("unknown-parent", file, (dept.source.line, dept.source.column),
                         f"departments[{i}].parent", found=dept.parent)
                dept.parent = None
        reported: set[str] = set()
        for dept in out:
            chain, node = [dept.id], dept
            while node.parent:
                if node.parent in chain:
                    cycle = chain[chain.index(node.parent):] + [node.parent]
                    if not reported.intersection(cycle):
                        self.add("cyclic-parent", file, (dept.source.line, dept.source.column),
                                 f"departments[{out.index(dept)}].parent",
                                 found=" → ".join(cycle))
                        reported.update(cycle)
                    break
                chain.append(node.parent)
                node = by_id[node.parent]
        for dept in out:
            if dept.id in reported:
                dept.parent = None
        return out

    # -- plans --------------------------------------------------------------------------------
    def check_plan(self, files: PlanFiles) -> PlanCheck:
        """The shape pass over one plan folder by a validator of its own, to :meth:`adopt` later."""
        own = Validator(parse_target=self.parse_target, parse_deadline=self.parse_deadline)
        plan = own.plan(files)
        records = [*plan.walk_tasks(), *plan.indicators] if plan is not None else []
        return PlanCheck(plan, own.problems, [(r, own.refs[id(r)]) for r in records])

    def adopt(self, check: PlanCheck) -> Plan | None:
        """Take in a plan folder checked apart, as if :meth:`plan` had checked it here."""
        self.problems.extend(check.problems)
        self.refs.update((id(record), refs) for record, refs in check.mentions)
        return check.plan

    def plan(self, files: PlanFiles) -> Plan | None:
        if files.plan is None:
            self.add("file-missing", f"{files.folder}/plan.yml", (0, 0),
                     expected=f"{files.folder}/plan.yml")
            return None
        file, data = files.plan
        top = self.check.record(data, S.PLAN_FILE, "", file, (1, 1))
        if top is None or "id" not in top or "title" not in top:
            return None
        folder_name = files.folder.rsplit("/", 1)[-1]
        if top["id"] != folder_name:
            self.add("plan-id-mismatch", file, top.pos("id"), "id", found=top["id"],
                     expected=folder_name, hint=phrase("rename-id", id=folder_name))
        start, end = top.get("period", (None, None))
        plan = Plan(id=top["id"], title=top["title"], issuer=top.get("issuer", ""),
                    level=top.get("level", ""), period_start=start, period_end=end,
                    source_document=top.get("source_document", ""),
                    summary=top.get("summary", ""), note=top.get("note", ""),
                    title_en=top.get("title_en", ""), short_title=top.get("short_title", ""),
                    source=_src(file, top))
        if files.tasks is None:
            self.add("file-missing", f"{files.folder}/tasks.yml", (0, 0),
                     expected=f"{files.folder}/tasks.yml")
        else:
            tfile, tdata = files.tasks
            ttop = self.check.record(tdata, S.TASKS_FILE, "", tfile, (1, 1))
            if ttop is not None and "chapters" in ttop:
                chapter_ids: dict[str, Source] = {}
                task_ids: dict[str, Source] = {}
                plan.chapters = [self.chapter(c, plan, None, f"chapters[{i}]", tfile,
                                              chapter_ids, task_ids)
                                 for i, c in enumerate(ttop["chapters"])]
                plan.chapters = [c for c in plan.chapters if c is not None]
        if files.indicators is not None:
            ifile, idata = files.indicators
            itop = self.check.record(idata, S.INDICATORS_FILE, "", ifile, (1, 1))
            if itop is not None and "indicators" in itop:
                for i, d in enumerate(itop["indicators"]):
                    ind = self.indicator(d, plan, f"indicators[{i}]", ifile)
                    if ind is not None:
                        plan.indicators.append(ind)
        return plan

    def chapter(self, d: Located, plan: Plan, parent: str | None, path: str, file: str,
                chapter_ids: dict[str, Source], task_ids: dict[str, Source]) -> Chapter | None:
        if "id" not in d or "title" not in d:
            return None
        src = _src(file, d)
        if d["id"] in chapter_ids:
            self.add("duplicate-id", file, d.pos("id"), f"{path}.id", found=d["id"],
                     first=str(chapter_ids[d["id"]]))
        chapter_ids.setdefault(d["id"], src)
        chapter = Chapter(id=d["id"], plan=plan.id, number=d.get("number", ""),
                          title=d["title"], text=d.get("text", ""), parent=parent,
                          title_en=d.get("title_en", ""), source=src)
        chapter.chapters = [c for c in (
            self.chapter(c, plan, chapter.id, f"{path}.chapters[{i}]", file, chapter_ids,
                         task_ids) for i, c in enumerate(d.get("chapters", []))) if c is not None]
        chapter.tasks = [t for t in (
            self.task(t, plan, chapter.id, None, f"{path}.tasks[{i}]", file, task_ids)
            for i, t in enumerate(d.get("tasks", []))) if t is not None]
        return chapter

    def task(self, d: Located, plan: Plan, chapter: str, parent: str | None, path: str,
             file: str, task_ids: dict[str, Source]) -> Task | None:
        if "id" not in d:
            return None
        src = _src(file, d)
        if d["id"] in task_ids:
            self.add("duplicate-id", file, d.pos("id"), f"{path}.id", found=d["id"],
                     first=str(task_ids[d["id"]]))
            return None
        task_ids[d["id"]] = src
        deadline = None
        if "deadline" in d and d["deadline"].strip():
            deadline = self.deadline(d["deadline"], plan, file, d.pos("deadline"),
                                     f"{path}.deadline")
        task = Task(id=d["id"], plan=plan.id, chapter=chapter, number=d.get("number", ""),
                    title=d.get("title", ""), text=d.get("text", ""),
                    lead=tuple(d.get("lead", [])), cooperating=tuple(d.get("cooperating", [])),
                    implementers=tuple(d.get("implementers", [])),
                    indicators=tuple(d.get("indicators", [])), deadline=deadline,
                    progress=d.get("progress", ""), responsibility=d.get("responsibility", ""),
                    parent=parent, title_en=d.get("title_en", ""), source=src)
        # positions of references, for the meaning pass
        self.refs[id(task)] = _mentions(d, path, ("lead", "cooperating", "indicators"))
        task.tasks = [t for t in (
            self.task(t, plan, chapter, task.id, f"{path}.tasks[{i}]", file, task_ids)
            for i, t in enumerate(d.get("tasks", []))) if t is not None]
        return task

    def deadline(self, phrase: str, plan: Plan, file: str, pos: tuple[int, int],
                 path: str) -> Deadline | None:
        if self.parse_deadline is None:
            return Deadline(phrase=phrase)
        try:
            return self.parse_deadline(phrase, default_year=plan.period_end,
                                       period_end=plan.period_end)
        except ValueError as exc:
            self.add("bad-deadline", file, pos, path, reason=str(exc), found=phrase,
                     expected=phrase("deadline-examples"))
            return None

    def indicator(self, d: Located, plan: Plan, path: str, file: str) -> Indicator | None:
        if "id" not in d:
            return None
        # a missing name or type is reported by the shape pass; the record still resolves
        ind = Indicator(id=d["id"], plan=plan.id, name=d.get("name", d["id"]),
                        type=d.get("type", "expected"),
                        unit=d.get("unit", ""), category=d.get("category", ""),
                        chapter=d.get("chapter", ""), phrase=d.get("phrase", ""),
                        note=d.get("note", ""), name_en=d.get("name_en", ""),
                        source=_src(file, d))
        if "baseline" in d and "value" in d["baseline"]:
            ind.baseline = self.quantity(d["baseline"], ind.unit)
        if "target" in d:
            ind.target = self.target(d["target"], plan, ind, file, d.pos("target"),
                                     f"{path}.target")
            if ind.target is not None and not ind.unit:
                ind.unit = ind.target.unit
        for j, a in enumerate(d.get("actuals", [])):
            if "year" not in a and "value" in a:
                self.add("missing-field", file, (a.line, a.column), f"{path}.actuals[{j}].year",
                         field="year", expected=phrase("actual-year"))
                continue
            if "value" in a:
                ind.actuals.append(self.quantity(a, ind.unit))
        if ind.baseline and ind.target and ind.baseline.year and ind.target.year \
                and ind.baseline.year > ind.target.year:
            self.add("baseline-after-target", file, d["baseline"].pos("year"),
                     f"{path}.baseline.year", found=ind.baseline.year,
                     expected=ind.target.year)
        self.refs[id(ind)] = _mentions(d, path, ("departments", "chapter"))
        return ind

    @staticmethod
    def quantity(d: Located, unit: str) -> Quantity:
        return Quantity(value=d["value"], year=d.get("year"), unit=d.get("unit", unit),
                        phrase=d.get("phrase", ""), source=d.get("source", ""))

    def target(self, value: Any, plan: Plan, ind: Indicator, file: str, pos: tuple[int, int],
               path: str) -> Target | None:
        if isinstance(value, str):
            if self.parse_target is None:
                return Target(narrative=value, phrase=value)
            try:
                target = self.parse_target(value, year=plan.period_end)
            except ValueError as exc:
                self.add("bad-target", file, pos, path, reason=str(exc), found=value,
                         expected=phrase("target-examples"))
                return None
            return target
        # without a comparator, low/high mean a range; a value or narrative stands alone
        comparator = value.get("comparator",
                               "range" if "low" in value or "high" in value else "=")
        target = Target(value=value.get("value"), low=value.get("low"), high=value.get("high"),
                        year=value.get("year", plan.period_end), comparator=comparator,
                        kind=value.get("kind", "level"), unit=ind.unit,
                        phrase=value.get("phrase", ind.phrase),
                        narrative=value.get("narrative", ""))
        if comparator == "range":
            for key in ("low", "high"):
                if target.__dict__[key] is None:
                    self.add("missing-field", file, pos, f"{path}.{key}", field=key,
                             expected=phrase("range-ends"))
                    return None
            if target.low > target.high:
                self.add("bad-range", file, value.pos("low"), f"{path}.low", found=target.low,
                         expected=target.high)
                return None
        elif target.value is None and not target.narrative:
            if "value" not in value.key_pos:  # a value written but refused is reported already
                self.add("missing-field", file, pos, f"{path}.value", field="value",
                         expected=phrase("target-value"))
            return None
        return target

    # -- references ---------------------------------------------------------------------------
    def resolve(self, departments: list[Department], plans: list[Plan],
                indicator_files: dict[str, str]) -> None:
        """Resolve department, indicator and chapter references in place; report the unknown."""
        registry = DepartmentRegistry(departments)
        indicators: dict[str, Indicator] = {}
        duplicates: set[tuple[str, str]] = set()  # (plan, id) refused as a duplicate id
        for plan in plans:
            for ind in plan.indicators:
                if ind.id in indicators:
                    duplicates.add((plan.id, ind.id))
                    first = indicators[ind.id].source
                    self.add("duplicate-id", ind.source.file, (ind.source.line, ind.source.column),
                             "id", found=ind.id, first=str(first))
                    continue
                indicators[ind.id] = ind
        for plan in plans:
            plan.indicators = [i for i in plan.indicators if indicators.get(i.id) is i]
            chapters = {c.id for c in plan.walk_chapters()}
            for task in plan.walk_tasks():
                refs = self.refs.get(id(task), {})
                for key in ("lead", "cooperating"):
                    if key in refs:
                        ids = self.departments_of(registry, refs[key], task.source.file)
                        setattr(task, key, tuple(ids))
                if "indicators" in refs:
                    path, words, places = refs["indicators"]
                    kept = []
                    for i, ref in enumerate(words):
                        if ref in indicators and indicators[ref].plan == plan.id:
                            kept.append(ref)
                            continue
                        if (plan.id, ref) in duplicates:
                            continue  # its duplicate id is the one problem to report
                        if ref in indicators:  # a task serves the indicators of its own plan
                            hint = phrase("indicator-of-plan", indicator=ref,
                                          plan=indicators[ref].plan)
                        else:
                            near = closest(ref, [ind.id for ind in plan.indicators], 3)
                            hint = phrase("closest", names=near) if near else None
                        self.add("unknown-indicator", task.source.file, places[i],
                                 f"{path}[{i}]", found=ref,
                                 expected=indicator_files.get(plan.id, "indicators.yml"),
                                 hint=hint)
                    task.indicators = tuple(dict.fromkeys(kept))
                task.cooperating = tuple(d for d in task.cooperating if d not in task.lead)
            for ind in plan.indicators:
                refs = self.refs.get(id(ind), {})
                if "departments" in refs:
                    ind.departments = tuple(self.departments_of(registry, refs["departments"],
                                                                ind.source.file))
                if "chapter" in refs and ind.chapter not in chapters:
                    self.add("unknown-chapter", ind.source.file,
                             (ind.source.line, ind.source.column), refs["chapter"].path,
                             found=ind.chapter)
                    ind.chapter = ""

    def departments_of(self, registry: DepartmentRegistry, mention: Mention,
                       file: str) -> list[str]:
        if not self.departments_read:
            return []
        path, words, places = mention
        ids: list[str] = []
        for i, word in enumerate(words):
            found = registry.resolve(word)
            if found.id:
                if found.id not in ids:
                    ids.append(found.id)
                continue
            if name_key(word) in self.unregistered:
                continue
            self.problems.append(registry.problem(found, file, *places[i], path=f"{path}[{i}]"))
        return ids
