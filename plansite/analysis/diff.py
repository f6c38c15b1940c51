"""What a change to the data means: plans, tasks, departments and indicators added, removed or
changed between two versions of a repository, in the words a reviewer reads.

A pull request shows YAML lines; a reviewer wants "市住建委 is no longer lead of 2.3.1" and
"target of 城镇化率: 55% -> 56%". :func:`differences` compares two loaded repositories record
by record (references already resolved, targets already read), and also the indicator statuses
each version computes, so a change of a figure shows what it does to the site.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from plansite.analysis.findings import indicator_statuses
from plansite.analysis.status import StatusResult
from plansite.catalogue.labels import translate
from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.wording import target_words, value_words
from plansite.model.records import Department, Indicator, Plan, Quantity, Task
from plansite.model.repository import Repository

SECTIONS = ("plans", "departments", "tasks", "responsibility", "indicators", "statuses")
"""The kinds of change, in the order a summary lists them."""


@dataclass(frozen=True)
class Label:
    """A word of the interface (a field's name: 完成时限, 目标) quoted by a change."""

    key: str

    def words(self, lang: str = "zh") -> str:
        return translate(self.key, lang)


@dataclass(frozen=True)
class Said:
    """A value quoted by a change, in each language as the site shows it."""

    zh: str
    en: str

    def words(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


NONE = Phrase("none-written")


@dataclass(frozen=True)
class Difference:
    """One change: its section, the record it concerns, what it says, and the same as data."""

    section: str
    record: str
    said: Phrase
    field: str = ""
    before: Any = None
    after: Any = None

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {"section": self.section, "record": self.record, "field": self.field,
                "before": self.before, "after": self.after, "text": self.said.words(lang)}


def differences(before: Repository, after: Repository) -> list[Difference]:
    """Every change from ``before`` to ``after``, section by section, in document order."""
    out: list[Difference] = []
    out += _departments(before, after)
    out += _plans(before, after)
    out += _tasks(before, after)
    out += _indicators(before, after)
    out += _statuses(before, after)
    order = {section: i for i, section in enumerate(SECTIONS)}
    return sorted(out, key=lambda d: order[d.section])


def _named(record: Plan | Task | Indicator | Department, repo: Repository) -> Phrase:
    if isinstance(record, Task):
        plan = repo.plans[record.plan]
        return phrase("diff-task", id=record.id, title=record.title,
                      plan=plan.short_title or plan.title)
    if isinstance(record, Indicator):
        plan = repo.plans[record.plan]
        return phrase("diff-indicator", name=record.name, plan=plan.short_title or plan.title)
    if isinstance(record, Plan):
        return phrase("diff-plan", title=record.title)
    return phrase("diff-department", name=record.name)


def _fields(section: str, record_key: str, code: str, name: Phrase, name_arg: str,
            pairs: Iterable[tuple[str, Any, Any, Said | str, Said | str]]) -> list[Difference]:
    """A change for each field whose value differs: (field, before, after, as said)."""
    out = []
    for field, old, new, old_said, new_said in pairs:
        if old != new:
            out.append(Difference(section, record_key, phrase(
                code, **{name_arg: name}, field=Label(field), before=old_said or NONE,
                after=new_said or NONE), field, old, new))
    return out


# -- departments ------------------------------------------------------------------------------
def _departments(before: Repository, after: Repository) -> list[Difference]:
    out = []
    for dept_id, dept in after.departments.items():
        old = before.departments.get(dept_id)
        if old is None:
            out.append(Difference("departments", dept_id, phrase(
                "department-added", department=dept.name), "", None, dept.name))
        elif old.name != dept.name:
            out.append(Difference("departments", dept_id, phrase(
                "department-renamed", before=old.name, after=dept.name), "name", old.name,
                dept.name))
    for dept_id, dept in before.departments.items():
        if dept_id not in after.departments:
            out.append(Difference("departments", dept_id, phrase(
                "department-removed", department=dept.name), "", dept.name, None))
    return out


# -- plans ------------------------------------------------------------------------------------
def _plans(before: Repository, after: Repository) -> list[Difference]:
    out = []
    for plan_id, plan in after.plans.items():
        old = before.plans.get(plan_id)
        name = _named(plan, after)
        if old is None:
            out.append(Difference("plans", plan_id, phrase(
                "plan-added", plan=name, tasks=len(plan.walk_tasks()),
                indicators=len(plan.indicators))))
            continue
        out += _fields("plans", plan_id, "plan-field", name, "plan", (
            (key, getattr(old, attr), getattr(plan, attr), str(getattr(old, attr)),
             str(getattr(plan, attr)))
            for key, attr in (("name", "title"), ("issuer", "issuer"), ("level", "level"),
                              ("period", "period"))))
    for plan_id, plan in before.plans.items():
        if plan_id not in after.plans:
            out.append(Difference("plans", plan_id, phrase(
                "plan-removed", plan=_named(plan, before), tasks=len(plan.walk_tasks()),
                indicators=len(plan.indicators))))
    return out


# -- tasks ------------------------------------------------------------------------------------
def _tasks(before: Repository, after: Repository) -> list[Difference]:
    out = []
    for key, task in after.tasks.items():
        old = before.tasks.get(key)
        name = _named(task, after)
        if old is None:
            if task.plan in before.plans:  # a new plan's tasks are counted in its line
                out.append(Difference("tasks", key, phrase("task-added", task=name)))
            continue
        deadline = (old.deadline.phrase if old.deadline else "",
                    task.deadline.phrase if task.deadline else "")
        out += _fields("tasks", key, "task-field", name, "task", (
            ("name", old.title, task.title, old.title, task.title),
            ("deadline", *deadline, *deadline)))
        for role in ("lead", "cooperating"):
            was, now = getattr(old, role), getattr(task, role)
            for dept in now:
                if dept not in was:
                    out.append(Difference("responsibility", key, phrase(
                        f"{role}-added", department=after.departments[dept].name, task=name),
                        role, None, dept))
            for dept in was:
                if dept not in now:
                    out.append(Difference("responsibility", key, phrase(
                        f"{role}-removed", department=before.departments[dept].name,
                        task=name), role, dept, None))
    for key, task in before.tasks.items():
        if key not in after.tasks and task.plan in after.plans:
            out.append(Difference("tasks", key, phrase("task-removed",
                                                        task=_named(task, before))))
    return out


# -- indicators -------------------------------------------------------------------------------
def _target_said(ind: Indicator) -> Said | str:
    if ind.target is None:
        return ""
    def said(lang: str) -> str:
        words = target_words(ind.target, lang)
        if ind.target.year:
            words = translate("with_year", lang, words=words, year=ind.target.year)
        return words
    return Said(said("zh"), said("en"))


def _quantity_said(q: Quantity | None, unit: str) -> Said | str:
    if q is None:
        return ""
    def said(lang: str) -> str:
        words = value_words(q.value, q.unit or unit, lang)
        return translate("with_year", lang, words=words, year=q.year) if q.year else words
    return Said(said("zh"), said("en"))


def _target_data(ind: Indicator) -> Any:
    t = ind.target
    return None if t is None else [t.comparator, t.value, t.low, t.high, t.kind, t.year,
                                   t.narrative]


def _indicators(before: Repository, after: Repository) -> list[Difference]:
    out = []
    for ind_id, ind in after.indicators.items():
        old = before.indicators.get(ind_id)
        name = _named(ind, after)
        if old is None:
            if ind.plan in before.plans:
                out.append(Difference("indicators", ind_id, phrase("indicator-added",
                                                                   indicator=name)))
            continue
        out += _fields("indicators", ind_id, "indicator-field", name, "indicator", (
            ("name", old.name, ind.name, old.name, ind.name),
            ("type", old.type, ind.type, Label(f"type_{old.type}"), Label(f"type_{ind.type}")),
            ("unit", old.unit, ind.unit, old.unit, ind.unit),
            ("target", _target_data(old), _target_data(ind), _target_said(old),
             _target_said(ind)),
            ("baseline", _quantity_data(old.baseline), _quantity_data(ind.baseline),
             _quantity_said(old.baseline, old.unit), _quantity_said(ind.baseline, ind.unit))))
        out += _actuals(old, ind, name)
    for ind_id, ind in before.indicators.items():
        if ind_id not in after.indicators and ind.plan in after.plans:
            out.append(Difference("indicators", ind_id, phrase(
                "indicator-removed", indicator=_named(ind, before))))
    return out


def _quantity_data(q: Quantity | None) -> Any:
    return None if q is None else [q.value, q.year]


def _actuals(old: Indicator, ind: Indicator, name: Phrase) -> list[Difference]:
    out = []
    was = {a.year: a for a in old.actuals if a.year is not None}
    now = {a.year: a for a in ind.actuals if a.year is not None}

    def said(q: Quantity, unit: str) -> Said:
        return Said(value_words(q.value, q.unit or unit, "zh"),
                    value_words(q.value, q.unit or unit, "en"))

    for year in sorted(set(was) | set(now)):
        a, b = was.get(year), now.get(year)
        if a is None and b is not None:
            out.append(Difference("indicators", ind.id, phrase(
                "actual-added", indicator=name, year=year, value=said(b, ind.unit)),
                f"actuals.{year}", None, b.value))
        elif b is None and a is not None:
            out.append(Difference("indicators", ind.id, phrase(
                "actual-removed", indicator=name, year=year, value=said(a, old.unit)),
                f"actuals.{year}", a.value, None))
        elif a is not None and b is not None and a.value != b.value:
            out.append(Difference("indicators", ind.id, phrase(
                "actual-changed", indicator=name, year=year, before=said(a, old.unit),
                after=said(b, ind.unit)), f"actuals.{year}", a.value, b.value))
    return out


# -- statuses ---------------------------------------------------------------------------------
def _statuses(before: Repository, after: Repository) -> list[Difference]:
    """Indicators whose computed status differs between the two versions (both as of the same
    year, so only the data decides)."""
    was, now = indicator_statuses(before), indicator_statuses(after)
    out = []
    for ind_id, result in now.items():
        old: StatusResult | None = was.get(ind_id)
        if old is not None and old.status != result.status:
            out.append(Difference("statuses", ind_id, phrase(
                "status-changed", indicator=_named(after.indicators[ind_id], after),
                before=Label(f"status_{old.status}"), after=Label(f"status_{result.status}")),
                "status", old.status, result.status))
    return out


# -- words ------------------------------------------------------------------------------------
def markdown(found: list[Difference], before: str, after: str, lang: str = "zh",
             notes: Iterable[Phrase] = ()) -> str:
    """The changes as Markdown for a pull request's summary: a title, the counts, then a list
    per section."""
    say: Callable[..., str] = lambda code, **args: phrase(code, **args).words(lang)  # noqa: E731
    lines = [f"### {say('diff-title', before=before, after=after)}", ""]
    lines += [f"> {note.words(lang)}" for note in notes]
    if not found:
        return "\n".join(lines + [say("diff-none"), ""])
    counts = [(s, sum(1 for d in found if d.section == s)) for s in SECTIONS]
    parts = [say("diff-count-part", section=Phrase(f"diff-section-{s}"), n=n)
             for s, n in counts if n]
    lines += [say("diff-counts", n=len(found), parts=tuple(parts)), ""]
    for section, n in counts:
        if not n:
            continue
        lines += [f"#### {say(f'diff-section-{section}')}", ""]
        lines += [f"- {d.said.words(lang)}" for d in found if d.section == section]
        lines.append("")
    return "\n".join(lines)


def as_json(found: list[Difference], before: str, after: str, lang: str = "zh") -> str:
    """The changes as JSON, for tools: each with its section, record, field, old and new data
    and its words."""
    return json.dumps({"before": before, "after": after,
                       "changes": [d.as_dict(lang) for d in found]},
                      ensure_ascii=False, indent=2) + "\n"
