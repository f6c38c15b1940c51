"""Cross-references between validated records: who leads what, which tasks serve which indicator.

Built once per load from the typed records; every page and export reads these maps instead of
searching the records again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plansite.model.records import Chapter, Department, Indicator, Plan, Task


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
