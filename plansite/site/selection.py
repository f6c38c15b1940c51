"""Choosing records for a table or a list: the filters authors pass to macros."""

from __future__ import annotations

from plansite.language.departments import DepartmentRegistry
from plansite.model.records import Indicator, Task
from plansite.model.repository import Repository


class SelectionError(ValueError):
    """A macro or page asked for a plan, chapter, department or type that does not exist."""


def select_indicators(repo: Repository, plan: str | None = None, chapter: str | None = None,
                      type: str | None = None, department: str | None = None) -> list[Indicator]:
    """Indicators in document order, narrowed by plan, chapter (with its sub-chapters), type
    (binding / expected / monitoring) and responsible department (id, name or alias)."""
    if plan is not None and plan not in repo.plans:
        raise SelectionError(f"unknown plan '{plan}'; known: {', '.join(repo.plans)}")
    if chapter is not None and plan is None:
        raise SelectionError("chapter= needs plan= as well")
    if type is not None and type not in ("binding", "expected", "monitoring"):
        raise SelectionError(f"unknown type '{type}'; expected binding, expected or monitoring")
    dept = resolve_department(repo, department) if department is not None else None
    in_chapter: set[str] | None = None
    if chapter is not None:
        if f"{plan}:{chapter}" not in repo.index.chapters:
            raise SelectionError(f"plan '{plan}' has no chapter '{chapter}'")
        in_chapter = set(repo.index.chapter_indicators.get(f"{plan}:{chapter}", []))
    out = []
    for ind in repo.indicators.values():
        if plan is not None and ind.plan != plan:
            continue
        if type is not None and ind.type != type:
            continue
        if dept is not None and dept not in repo.index.indicator_departments[ind.id]:
            continue
        if in_chapter is not None and ind.id not in in_chapter:
            continue
        out.append(ind)
    return out


def resolve_department(repo: Repository, word: str) -> str:
    """The id of the department named ``word`` (id, name or alias), found as the validator
    finds the departments of a task; an ambiguous or unknown word is an error that says so."""
    registry = DepartmentRegistry(repo.departments.values())
    found = registry.resolve(word)
    if found.id is None:
        raise SelectionError(registry.problem(found, "").said("en"))
    return found.id


def resolve_task(repo: Repository, ref: str) -> Task:
    """The task named by ``<plan>:<id>``."""
    if ref not in repo.index.tasks:
        raise SelectionError(f"unknown task '{ref}'; write it as <plan>:<task id>, "
                             f"e.g. {next(iter(repo.index.tasks), 'plan:1.1')}")
    return repo.index.tasks[ref]
