"""Which records each page shows, and which pages an edit changes.

A served site re-renders after every save; rendering all of it again takes most of a minute at
5,000 tasks, although a one-line edit changes a handful of pages. Each record gets a
fingerprint (:func:`fingerprints`: its own fields, and the order of what it holds), and each
kind of page names the records it shows (:func:`page_inputs`, from the repository's index). A
:class:`Snapshot` holds both for one build; :func:`pages_to_render` compares two builds and
names the pages whose records changed, including pages that listed a record before and no longer
do, or list it now. Nothing here knows the engine that writes the pages.

Record keys: ``department:<id>``, ``plan:<id>`` (the plan's own fields), ``chapter:<plan>:<id>``,
``task:<plan>:<id>``, ``indicator:<id>``; and for the lists that count rather than show:
``at:<plan>:<id>``, the page of a long plan that holds a task; ``reports:<plan>``, a plan's
progress reports; ``who:<plan>:<id>``, what a task assigns (its departments, indicators, chapter and deadline)
and where it stands (after which task), and ``outline:<plan>``, the chapters a plan has and
where, and the order of its indicators. ``placed:…`` keys hold where a
department or indicator sits (its parent; an indicator's plan, chapter, departments).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from plansite.model.records import Chapter, Department, Indicator, Plan, Task
from plansite.model.repository import Repository

_NESTED = {"tasks", "chapters", "indicators", "reports"}
"""Fields that hold other records: their content is theirs, their order the plan's outline's and
their places' (``who:``)."""


_FIELDS: dict[type, tuple[str, ...]] = {}


def _own(record: Any) -> int:
    """A fingerprint of ``record``'s own fields: where it was written (its source line, which
    moves when lines are added above it) and the records it holds left out."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(
            f.name for f in dataclasses.fields(record) if f.name != "source")
    values: list[Any] = []
    for name in names:
        value = getattr(record, name)
        if isinstance(value, list):
            if name in _NESTED:
                continue
            value = repr(value)
        elif hasattr(value, "__dataclass_fields__"):  # a deadline, a target: small, unhashable
            value = repr(value)
        values.append(value)
    return hash(tuple(values))


def fingerprints(repo: Repository) -> dict[str, int]:
    """Every record of ``repo`` by its key, with the fingerprint of what it says; and the
    structure the pages' inputs are computed from (:data:`STRUCTURE`)."""
    out: dict[str, int] = {}
    for dept in repo.departments.values():
        out[f"department:{dept.id}"] = _own(dept)
        # what decides which departments a task names as its implementers, and a parent
        group = (dept.name, dept.aliases) if dept.kind == "group" else ()
        out[f"placed:department:{dept.id}"] = hash((dept.parent, dept.kind, group))
    for plan in repo.plans.values():
        out[f"plan:{plan.id}"] = _own(plan)
        chapters = plan.walk_chapters()
        for chapter in chapters:
            out[f"chapter:{plan.id}:{chapter.id}"] = _own(chapter)
        out[f"outline:{plan.id}"] = hash((tuple((c.id, c.parent) for c in chapters),
                                          tuple(ind.id for ind in plan.indicators)))
        out[f"reports:{plan.id}"] = hash(repr(plan.reports))
        for holder in [*chapters, *plan.walk_tasks()]:
            before = None  # each task with the one before it: a task moved moves both
            for task in holder.tasks:
                out[f"who:{task.key}"] = hash(repr((
                    task.lead, task.cooperating, task.indicators, task.implementers,
                    task.chapter, task.parent, task.deadline, before)))
                before = task.id
    for key, task in repo.tasks.items():
        out[f"task:{key}"] = _own(task)
        out[f"at:{key}"] = hash(repo.task_anchor_url(task))  # the page of its plan that holds it
    for ind in repo.indicators.values():
        out[f"indicator:{ind.id}"] = _own(ind)
        out[f"placed:indicator:{ind.id}"] = hash((ind.plan, ind.chapter, ind.departments))
    return out


STRUCTURE = ("who:", "outline:", "placed:")
"""The keys whose fingerprints decide which records each page shows: while none of them
changes, and no record is added or removed, every page shows the records it showed."""


# -- what each kind of page shows ------------------------------------------------------------------
def _departments(repo: Repository, ids: Iterable[str]) -> Iterator[str]:
    """The keys of the departments ``ids`` (their links show their names)."""
    for dept_id in ids:
        yield f"department:{dept_id}"


def _tasks(repo: Repository, keys: Iterable[str]) -> Iterator[str]:
    """What a row or block of each task shows: the task, its plan, its chapters, its departments
    and the departments named as its implementers."""
    index = repo.index
    for key in keys:
        task = repo.tasks.get(key)
        if task is None:
            continue
        yield f"task:{key}"
        yield f"who:{key}"
        yield f"at:{key}"
        yield f"plan:{task.plan}"
        yield f"outline:{task.plan}"  # the order of the tasks of several chapters
        yield f"reports:{task.plan}"  # the progress reported on it
        for chapter_id in index.task_chapters.get(key, ()):
            yield f"chapter:{task.plan}:{chapter_id}"
        yield from _departments(repo, task.departments)
        for word in task.implementers:
            if word in index.group_implementers:
                yield f"department:{index.group_implementers[word]}"


def _indicators(repo: Repository, ids: Iterable[str]) -> Iterator[str]:
    """What a row of each indicator shows: it, its plan, its chapter, its departments."""
    index = repo.index
    for ind_id in ids:
        ind = repo.indicators.get(ind_id)
        if ind is None:
            continue
        yield f"indicator:{ind_id}"
        yield f"plan:{ind.plan}"
        yield f"reports:{ind.plan}"  # the values reported
        if ind.chapter:
            yield f"chapter:{ind.plan}:{ind.chapter}"
        elif index.indicator_tasks.get(ind_id):  # shown in the chapter of its first task
            first = repo.tasks[index.indicator_tasks[ind_id][0]]
            yield f"who:{first.key}"
            yield f"chapter:{ind.plan}:{first.chapter}"
        yield from _departments(repo, index.indicator_departments.get(ind_id, ()))


def _everything_listed(repo: Repository) -> Iterator[str]:
    """The lists over the whole site: every plan, department and indicator, and what every task
    assigns (they count tasks; they do not show their words)."""
    yield from (f"plan:{p}" for p in repo.plans)
    yield from (f"outline:{p}" for p in repo.plans)
    yield from (f"reports:{p}" for p in repo.plans)
    yield from (f"department:{d}" for d in repo.departments)
    yield from (f"who:{key}" for key in repo.tasks)
    yield from _indicators(repo, repo.indicators)


def _plan_inputs(repo: Repository, plan_id: str) -> Iterator[str]:
    plan = repo.plans.get(plan_id)
    if plan is None:
        return
    yield f"plan:{plan_id}"
    for chapter in plan.walk_chapters():
        yield f"chapter:{plan_id}:{chapter.id}"
    yield from _tasks(repo, (task.key for task in plan.walk_tasks()))
    yield from _indicators(repo, (ind.id for ind in plan.indicators))


def _department_inputs(repo: Repository, dept_id: str) -> Iterator[str]:
    dept = repo.departments.get(dept_id)
    if dept is None:
        return
    yield from _departments(repo, (dept_id,))
    if dept.parent:
        yield f"department:{dept.parent}"
    yield from _tasks(repo, repo.index.department_tasks(dept_id))
    yield from _indicators(repo, repo.index.department_indicators.get(dept_id, ()))


def _task_inputs(repo: Repository, plan_id: str, task_id: str) -> Iterator[str]:
    """A task's page: it, the tasks above and below it, its indicators."""
    task = repo.tasks.get(f"{plan_id}:{task_id}")
    if task is None:
        return
    near = [task.key, *(sub.key for sub in task.tasks)]
    if task.parent:
        near.append(f"{plan_id}:{task.parent}")
    yield from _tasks(repo, near)
    yield from _indicators(repo, task.indicators)


def _indicator_inputs(repo: Repository, ind_id: str) -> Iterator[str]:
    yield from _indicators(repo, (ind_id,))
    yield from _tasks(repo, repo.index.indicator_tasks.get(ind_id, ()))


def _progress_inputs(repo: Repository) -> Iterator[str]:
    """The pages that sum up the progress of every task (the home page, the list of plans)."""
    yield from _everything_listed(repo)
    yield from (f"task:{key}" for key in repo.tasks)


def _deadlines_inputs(repo: Repository) -> Iterator[str]:
    """Every task with a deadline (a deadline added or removed changes what it assigns)."""
    yield from _everything_listed(repo)
    yield from (f"task:{key}" for key, task in repo.tasks.items() if task.deadline)


_KINDS: dict[str, Callable[..., Iterable[str]]] = {
    "home": _progress_inputs,
    "plans": _progress_inputs,
    "departments": lambda repo: _everything_listed(repo),
    "indicators": lambda repo: _everything_listed(repo),
    "matrix": lambda repo: _everything_listed(repo),
    "deadlines": _deadlines_inputs,
    "downloads": lambda repo: ("downloads",),
    "changes": lambda repo: (),
    "accessibility": lambda repo: (),  # what the tests check: no record of the data
    "plan": _plan_inputs,
    "plan-matrix": _plan_inputs,
    "period": lambda repo, plan_id, period: _plan_inputs(repo, plan_id),
    "task": _task_inputs,
    "department": _department_inputs,
    "indicator": _indicator_inputs,
}
"""Each kind of page (:data:`plansite.site.pages.PAGE_KINDS`) and the records its page shows."""


def page_inputs(repo: Repository, kind: str, *args: str) -> frozenset[str]:
    """The keys of the records the page of ``kind`` for ``args`` shows; a kind not named here
    shows everything (the empty key set would never render it again)."""
    inputs = _KINDS.get(kind)
    if inputs is None:
        return frozenset({"*"})
    return frozenset(inputs(repo, *args))


# -- two builds compared ---------------------------------------------------------------------------
@dataclass
class Snapshot:
    """One build's records and pages: each record's fingerprint, each page (by address) as it
    was listed (title, description, edit link) and the records it showed. ``context`` holds
    what every page depends on at once (the language, the build date, the git history, the
    templates): when it differs, every page renders again."""

    context: Any
    records: dict[str, int]
    pages: dict[str, Any] = field(default_factory=dict)
    inputs: dict[str, frozenset[str]] = field(default_factory=dict)


def snapshot(repo: Repository, pages: Iterable[Any], context: Any,
             made: dict[str, int] | None = None, before: Snapshot | None = None) -> Snapshot:
    """The snapshot of a build of ``repo`` listing ``pages`` (:class:`plansite.site.pages.Page`).
    ``made`` fingerprints what pages show beside the records: ``downloads``, the sizes of the
    download files. The inputs of each page are those of ``before`` (the last build) when the
    structure they come from is the same (the usual edit of a text or a value)."""
    shot = Snapshot(context, {**fingerprints(repo), **(made or {})})
    same = before is not None and _same_structure(before.records, shot.records)
    for page in pages:
        shot.pages[page.url] = page
        kept = before.inputs.get(page.url) if same and before is not None else None
        shot.inputs[page.url] = kept if kept is not None else \
            page_inputs(repo, page.kind, *page.args)
    return shot


def _same_structure(before: dict[str, int], after: dict[str, int]) -> bool:
    if before.keys() != after.keys():
        return False
    return all(before[key] == value for key, value in after.items()
               if key.startswith(STRUCTURE))


def changed_records(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """Keys of the records added, removed or changed between two builds."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def pages_to_render(before: Snapshot | None, after: Snapshot) -> set[str]:
    """The addresses of ``after`` whose pages differ from ``before``'s: new pages, pages listed
    differently, and pages that show (or showed) a record that changed."""
    if before is None or before.context != after.context:
        return set(after.pages)
    changed = changed_records(before.records, after.records)
    out = set()
    for url, page in after.pages.items():
        if before.pages.get(url) != page:
            out.add(url)
            continue
        inputs = after.inputs[url]
        if "*" in inputs or not inputs.isdisjoint(changed) \
                or not before.inputs[url].isdisjoint(changed):
            out.add(url)
    return out
