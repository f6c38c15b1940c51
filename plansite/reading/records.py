"""One plan folder's records, built from its files once the shape pass has checked them.

The plan, its chapters and tasks (to any depth) and its indicators are made from the fields
their records in :mod:`plansite.model.fields` describe (:func:`~plansite.model.fields.attributes`);
what needs more than a copy is built here: the plan period, deadlines and targets read as
phrases, baselines and reported values in the indicator's unit, unique ids. References to
departments, indicators and chapters are kept as written, with where each was written
(:class:`Mention`), for :mod:`plansite.reading.references` to resolve once every file is read.
Nothing in this pass looks beyond its folder, so a folder can be read apart, even in another
process (:class:`PlanCheck`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.plausible import implausible, measures_change, year_range
from plansite.model import fields as S
from plansite.model.records import (Chapter, Deadline, Indicator, Plan, Quantity, Source, Target,
                                    Task)
from plansite.model.progress import ReportEntry
from plansite.problems import Problem
from plansite.reading.shape import Checker
from plansite.reading.yamlfile import Located, LocatedList


def _differs(said: Target, written: Target) -> bool:
    """Whether a target mapping says something else than its phrase (a unit is not compared:
    the mapping holds base units, the phrase 万 and 亿)."""
    def close(a: float | None, b: float | None) -> bool:
        return a is None and b is None or a is not None and b is not None \
            and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    keys = ("low", "high") if said.comparator == "range" else ("value",)
    return said.comparator != written.comparator or said.kind != written.kind \
        or not all(close(getattr(said, k), getattr(written, k)) for k in keys)


def target_summary(target: Target) -> str:
    """A target as its fields say it, for a message: ``~ 60 (level)``."""
    if target.comparator == "range":
        return f"{target.low:g}–{target.high:g} ({target.kind})"
    return f"{target.comparator} {target.value:g} ({target.kind})"


def source_of(file: str, data: Located) -> Source:
    """Where the checked mapping ``data`` was written."""
    return Source(file, data.line, data.column)


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
    reports: list[tuple[str, Any]] = field(default_factory=list)
    """The report files of ``reports/``, as read, by name."""
    root: str = ""
    """The repository's folder, where a report's source files must be."""


@dataclass
class PlanCheck:
    """The shape pass over one plan folder, whole: the plan, its problems, its records' mentions.

    Nothing in the shape pass looks beyond its folder, so a folder can be checked apart (in a
    worker process too) and taken in by :meth:`plansite.reading.validate.Validator.adopt`. Each
    mention travels with its record: pickled together, the two stay one object, which the meaning
    pass (keeping mentions by the record's ``id``) needs.
    """

    plan: Plan | None
    problems: list[Problem]
    mentions: list[tuple[Task | Indicator | ReportEntry, dict[str, Mention]]]


class PlanBuilder:
    """Builds the records of one plan folder from its files, collecting problems and mentions."""

    def __init__(self, parse_target: Callable[..., Target] | None = None,
                 parse_deadline: Callable[..., Deadline] | None = None):
        self.check = Checker()
        self.parse_target = parse_target
        self.parse_deadline = parse_deadline
        # where each record's references were written, for the meaning pass
        self.refs: dict[int, dict[str, Mention]] = {}
        # the anchor of each chapter and task of the plan page, and whose it is
        self.anchors: dict[str, tuple[str, Source]] = {}

    def add(self, code: str, file: str, pos: tuple[int, int], path: str = "",
            hint: Phrase | None = None, **args: object) -> None:
        self.check.add(code, file, pos, path, hint, **args)

    def folder(self, files: PlanFiles) -> PlanCheck:
        """The plan of ``files`` with its problems and mentions, ready to be adopted."""
        plan = self.plan(files)
        records = [*plan.walk_tasks(), *plan.indicators] if plan is not None else []
        return PlanCheck(plan, self.check.problems, [(r, self.refs[id(r)]) for r in records])

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
        plan = Plan(**S.attributes(S.PLAN_FILE, top, leave=("period",)), period_start=start,
                    period_end=end, source=source_of(file, top))
        if files.tasks is None:
            self.add("file-missing", f"{files.folder}/tasks.yml", (0, 0),
                     expected=f"{files.folder}/tasks.yml")
        else:
            tfile, tdata = files.tasks
            ttop = self.check.record(tdata, S.TASKS_FILE, "", tfile, (1, 1))
            if ttop is not None and "chapters" in ttop and not ttop["chapters"]:
                self.add("empty-value", tfile, ttop.pos("chapters"), "chapters",
                         expected=phrase("tasks-file.chapters"))
            if ttop is not None and "chapters" in ttop:
                chapter_ids: dict[str, Source] = {}
                task_ids: dict[str, Source] = {}
                plan.chapters = [c for c in (
                    self.chapter(c, plan, None, f"chapters[{i}]", tfile, chapter_ids, task_ids)
                    for i, c in enumerate(ttop["chapters"])) if c is not None]
        if files.indicators is not None:
            ifile, idata = files.indicators
            itop = self.check.record(idata, S.INDICATORS_FILE, "", ifile, (1, 1))
            if itop is not None and "indicators" in itop:
                plan.indicators = [ind for ind in (
                    self.indicator(d, plan, f"indicators[{i}]", ifile)
                    for i, d in enumerate(itop["indicators"])) if ind is not None]
        if not plan.chapters:
            # the chapters were not read (their problem is told); an indicator naming one is
            # not wrong as well
            for ind in plan.indicators:
                self.refs[id(ind)].pop("chapter", None)
                ind.chapter = ""
        return plan

    def chapter(self, d: Located, plan: Plan, parent: str | None, path: str, file: str,
                chapter_ids: dict[str, Source], task_ids: dict[str, Source]) -> Chapter | None:
        if "id" not in d or "title" not in d:
            return None
        src = source_of(file, d)
        if d["id"] in chapter_ids:
            self.add("duplicate-id", file, d.pos("id"), f"{path}.id", found=d["id"],
                     first=str(chapter_ids[d["id"]]))
        chapter_ids.setdefault(d["id"], src)
        chapter = Chapter(**S.attributes(S.CHAPTER, d), plan=plan.id, parent=parent, source=src)
        self.unique_anchor(chapter, file, d.pos("id"), f"{path}.id")
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
        src = source_of(file, d)
        if d["id"] in task_ids:
            self.add("duplicate-id", file, d.pos("id"), f"{path}.id", found=d["id"],
                     first=str(task_ids[d["id"]]))
            return None
        task_ids[d["id"]] = src
        deadline = None
        if "deadline" in d and d["deadline"].strip():
            deadline = self.deadline(d["deadline"], plan, file, d.pos("deadline"),
                                     f"{path}.deadline")
        task = Task(**S.attributes(S.TASK, d, leave=("deadline",)), plan=plan.id,
                    chapter=chapter, deadline=deadline, parent=parent, source=src)
        self.unique_anchor(task, file, d.pos("id"), f"{path}.id")
        # positions of references, for the meaning pass
        self.refs[id(task)] = _mentions(d, path, ("lead", "cooperating", "indicators"))
        task.tasks = [t for t in (
            self.task(t, plan, chapter, task.id, f"{path}.tasks[{i}]", file, task_ids)
            for i, t in enumerate(d.get("tasks", []))) if t is not None]
        return task

    def unique_anchor(self, record: Chapter | Task, file: str, pos: tuple[int, int],
                      path: str) -> None:
        """Report two ids of a plan that make one anchor of its page (``2-1`` and ``2.1``)."""
        first = self.anchors.setdefault(record.anchor, (record.id, record.source))
        if first[0] != record.id:
            self.add("anchor-clash", file, pos, path, found=record.id, other=first[0],
                     first=str(first[1]), anchor=record.anchor)

    def deadline(self, written: str, plan: Plan, file: str, pos: tuple[int, int],
                 path: str) -> Deadline | None:
        if self.parse_deadline is None:
            return Deadline(phrase=written)
        try:
            return self.parse_deadline(written, default_year=plan.period_end,
                                       period_end=plan.period_end)
        except ValueError as exc:
            self.add("bad-deadline", file, pos, path, reason=str(exc), found=written,
                     expected=phrase("deadline-examples"))
            return None

    def indicator(self, d: Located, plan: Plan, path: str, file: str) -> Indicator | None:
        if "id" not in d:
            return None
        # a missing name or type is reported by the shape pass; the record still resolves
        ind = Indicator(**{"name": d["id"], **S.attributes(S.INDICATOR, d)}, plan=plan.id,
                        source=source_of(file, d))
        if "baseline" in d and "value" in d["baseline"]:
            ind.baseline = self.quantity(d["baseline"], ind.unit)
        if "target" in d:
            ind.target = self.target(d["target"], plan, ind, file, d.pos("target"),
                                     f"{path}.target")
            if ind.target is not None and not ind.unit:
                ind.unit = ind.target.unit
        years: dict[int, int] = {}
        for j, a in enumerate(d.get("actuals", [])):
            if "year" not in a and "value" in a:
                self.add("missing-field", file, (a.line, a.column), f"{path}.actuals[{j}].year",
                         field="year", expected=phrase("actual-year"))
                continue
            if "year" in a and a["year"] in years:
                self.add("duplicate-year", file, a.pos("year"), f"{path}.actuals[{j}].year",
                         found=a["year"], first=years[a["year"]],
                         hint=phrase("one-value-a-year"))
                continue
            if "value" in a:
                years[a["year"]] = a.pos("year")[0]
                ind.actuals.append(self.quantity(a, ind.unit))
        if ind.baseline and ind.target and ind.baseline.year and ind.target.year \
                and ind.baseline.year > ind.target.year:
            self.add("baseline-after-target", file, d["baseline"].pos("year"),
                     f"{path}.baseline.year", found=ind.baseline.year,
                     expected=ind.target.year)
        self.plausible(ind, d, plan, path, file)
        self.refs[id(ind)] = _mentions(d, path, ("departments", "chapter"))
        return ind

    def plausible(self, ind: Indicator, d: Located, plan: Plan, path: str, file: str) -> None:
        """Report figures their unit or the plan's period rules out (:mod:`~plansite.language.plausible`)."""
        years = year_range(plan.period_start, plan.period_end)
        for j, a in enumerate(d.get("actuals", [])):
            if years is not None and "year" in a and not years[0] <= a["year"] <= years[1]:
                self.add("year-outside-period", file, a.pos("year"), f"{path}.actuals[{j}].year",
                         found=a["year"], low=years[0], high=years[1])
        if measures_change(ind.name, ind.target.kind if ind.target else None):
            return
        written = [("baseline", d.get("baseline"))]
        written += [(f"actuals[{j}]", a) for j, a in enumerate(d.get("actuals", []))]
        target = d.get("target")
        if isinstance(target, Located) and ind.target is not None and ind.target.kind == "level":
            written += [("target", target)]
        for where, values in written:
            if not isinstance(values, Located):
                continue
            unit = values.get("unit") or ind.unit
            for key in ("value", "low", "high"):
                if key not in values:
                    continue
                why = implausible(values[key], unit)
                if why is not None:
                    self.add("implausible-value", file, values.pos(key), f"{path}.{where}.{key}",
                             found=values.raw.get(key, values[key]), unit=unit, why=why,
                             hint=phrase("check-figure"))

    @staticmethod
    def quantity(d: Located, unit: str) -> Quantity:
        """A baseline or reported value; its unit is the indicator's unless it says its own."""
        return Quantity(**{"unit": unit, **S.attributes(S.QUANTITY, d)})

    def target(self, value: Any, plan: Plan, ind: Indicator, file: str, pos: tuple[int, int],
               path: str) -> Target | None:
        if isinstance(value, str):
            if self.parse_target is None:
                return Target(narrative=value, phrase=value)
            try:
                target = self.parse_target(value, year=plan.period_end)
            except ValueError as exc:
                # kept as written, its status "cannot judge": a guess would publish a wrong one
                self.add("unread-target", file, pos, path, severity="warning", reason=str(exc),
                         found=value)
                return Target(phrase=value, unread=str(exc) or "unread", year=plan.period_end)
            return target
        # without a comparator, low/high mean a range; a value or narrative stands alone
        comparator = "range" if "low" in value or "high" in value else "="
        target = Target(**{"year": plan.period_end, "comparator": comparator,
                           "phrase": ind.phrase, **S.attributes(S.TARGET, value)},
                        unit=ind.unit)
        if target.comparator == "range":
            for key in ("low", "high"):
                if getattr(target, key) is None:
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
        said = self.phrase_target(value.get("phrase", ""), target.year)
        if said is not None and (target.value is not None or target.comparator == "range") \
                and _differs(said, target):
            self.add("target-contradicts-phrase", file, pos, path, hint=phrase("match-phrase"),
                     found=target_summary(target),
                     phrase=target.phrase, expected=target_summary(said))
        return target

    def phrase_target(self, written: str, year: int | None) -> Target | None:
        """The target a target mapping's own phrase states, when it states one with a number."""
        if self.parse_target is None or not written:
            return None
        try:
            said = self.parse_target(written, year=year)
        except ValueError:
            return None
        return said if said.value is not None or said.comparator == "range" else None
