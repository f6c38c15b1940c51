"""Cross-references between validated records: who leads what, which tasks serve which indicator.

Built once per load from the typed records; every page and export reads these maps instead of
searching the records again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from plansite.model.records import Chapter, Department, Indicator, Plan, Task
from plansite.model.walk import depth_first, tasks_under

PLAN_PAGE_TASKS = 150
"""The tasks one page of a plan shows at most: a longer plan goes on over numbered pages, whole
chapters each (a chapter with more tasks is split into its own tasks and its sections, and a
section with more tasks of its own is a page of its own)."""


@dataclass(frozen=True)
class PlanPart:
    """A piece of a plan's pages: a chapter with everything in it (``whole``), or only its
    heading, text and own tasks when its sections are pieces of their own; ``level`` is its
    heading's level, ``weight`` its tasks and itself."""

    chapter: Chapter
    whole: bool
    level: int
    weight: int


def plan_parts(plan: Plan, budget: int = PLAN_PAGE_TASKS) -> list[PlanPart]:
    """A plan's chapters in document order as pieces no heavier than ``budget`` where a
    chapter can be split, for :func:`cut` to lay out on pages."""
    parts: list[PlanPart] = []

    def add(chapter: Chapter, level: int) -> None:
        weight = 1 + _tasks_in([chapter])
        if weight <= budget or not chapter.chapters:
            parts.append(PlanPart(chapter, True, level, weight))
            return
        own = 1 + sum(1 for _ in depth_first(chapter.tasks, lambda t: t.tasks))
        parts.append(PlanPart(chapter, False, level, own))
        for section in chapter.chapters:
            add(section, level + 1)

    for chapter in plan.chapters:
        add(chapter, 2)
    return parts


def plan_weights(plan: Plan, parts: list[PlanPart]) -> list[int]:
    """What a plan's pages list, one after the other: its indicators (a table row each),
    then the pieces of its chapters."""
    return [1] * len(plan.indicators) + [part.weight for part in parts]


def _tasks_in(chapters: list[Chapter]) -> int:
    return sum(1 for _ in tasks_under(chapters, lambda c: c.chapters, lambda c: c.tasks,
                                      lambda t: t.tasks))


def cut(weights: Sequence[int], budget: int) -> list[tuple[int, int]]:
    """Consecutive items cut into parts weighing at most ``budget`` each (an item heavier than
    the budget is a part of its own), as (start, stop) pairs; one part when there is nothing."""
    parts: list[tuple[int, int]] = []
    start = load = 0
    for i, weight in enumerate(weights):
        if i > start and load + weight > budget:
            parts.append((start, i))
            start, load = i, 0
        load += weight
    parts.append((start, len(weights)))
    return parts


@dataclass
class Index:
    """Maps from each record to the records that name it, in document order."""

    tasks: dict[str, Task] = field(default_factory=dict)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    led: dict[str, list[str]] = field(default_factory=dict)
    cooperated: dict[str, list[str]] = field(default_factory=dict)
    indicator_tasks: dict[str, list[str]] = field(default_factory=dict)
    indicator_departments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    department_indicators: dict[str, list[str]] = field(default_factory=dict)
    task_chapters: dict[str, list[str]] = field(default_factory=dict)
    chapter_indicators: dict[str, list[str]] = field(default_factory=dict)
    group_implementers: dict[str, str] = field(default_factory=dict)
    chapter_pages: dict[str, int] = field(default_factory=dict)

    def page_of(self, plan: str, chapter_id: str | None) -> int:
        """The page of its plan a chapter (and its tasks) is on: 1 but in a long plan."""
        return self.chapter_pages.get(f"{plan}:{chapter_id}", 1)

    def department_tasks(self, dept: str) -> list[str]:
        """Task keys the department leads or co-operates on, led first, without repeats."""
        return list(dict.fromkeys(self.led.get(dept, []) + self.cooperated.get(dept, [])))


def build_index(departments: dict[str, Department], plans: dict[str, Plan],
                indicators: dict[str, Indicator]) -> Index:
    """Compute every cross-reference of the repository in one pass over the tasks."""
    index = Index()
    for dept in departments.values():
        index.led[dept.id] = []
        index.cooperated[dept.id] = []
        index.department_indicators[dept.id] = []
        if dept.kind == "group":
            for word in (dept.name, *dept.aliases):
                index.group_implementers[word] = dept.id
    for ind in indicators:
        index.indicator_tasks[ind] = []
    served = _Served(index.chapter_indicators)
    for plan in plans.values():
        for chapter in plan.walk_chapters():
            index.chapters[f"{plan.id}:{chapter.id}"] = chapter
        parts = plan_parts(plan)
        before = len(plan.indicators)
        for number, (start, stop) in enumerate(cut(plan_weights(plan, parts),
                                                   PLAN_PAGE_TASKS), 1):
            if number == 1:
                continue
            for part in parts[max(0, start - before):max(0, stop - before)]:
                for chapter in depth_first([part.chapter],
                                           lambda c: c.chapters if part.whole else []):
                    index.chapter_pages[f"{plan.id}:{chapter.id}"] = number
        chains: dict[str, list[str]] = {}  # a chapter and those above it, for its tasks
        for task in plan.walk_tasks():
            key = task.key
            index.tasks[key] = task
            for dept in task.lead:
                index.led[dept].append(key)
            for dept in task.cooperating:
                index.cooperated[dept].append(key)
            for ind in task.indicators:
                index.indicator_tasks[ind].append(key)
            chain = chains.get(task.chapter)
            if chain is None:
                chain = chains[task.chapter] = _chapters_up(index, plan.id, task.chapter)
            index.task_chapters[key] = chain[::-1]
            for chapter_id in chain:  # a chapter counts the indicators of all its sections
                served.add(f"{plan.id}:{chapter_id}", task.indicators)
    for ind in indicators.values():
        # an indicator placed in a chapter counts there and above
        for chapter_id in _chapters_up(index, ind.plan, ind.chapter):
            served.add(f"{ind.plan}:{chapter_id}", (ind.id,))
        owners = ind.departments
        if not owners:
            owners = tuple(dict.fromkeys(
                d for key in index.indicator_tasks[ind.id] for d in index.tasks[key].departments))
        index.indicator_departments[ind.id] = owners
        for dept in owners:
            index.department_indicators[dept].append(ind.id)
    return index


def _chapters_up(index: Index, plan: str, chapter_id: str | None) -> list[str]:
    """The chapter ``chapter_id`` of ``plan`` and each chapter above it, the nearest first."""
    chain = []
    while chapter_id:
        chain.append(chapter_id)
        chapter_id = index.chapters[f"{plan}:{chapter_id}"].parent
    return chain


class _Served:
    """The indicators each chapter serves, in first-served order and each once.

    A chapter near the top serves hundreds of indicators; a set beside each list answers
    "already there?" without reading the list.
    """

    def __init__(self, lists: dict[str, list[str]]):
        self.lists = lists
        self.sets: dict[str, set[str]] = {}

    def add(self, chapter_key: str, indicator_ids: tuple[str, ...]) -> None:
        listed = self.lists.setdefault(chapter_key, [])
        known = self.sets.setdefault(chapter_key, set())
        for ind in indicator_ids:
            if ind not in known:
                known.add(ind)
                listed.append(ind)
