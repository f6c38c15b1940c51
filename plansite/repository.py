"""A plan repository on disk, loaded, validated and indexed: the one object every output reads.

``load_repository(root)`` finds ``data/departments.yml`` and each ``data/plans/<plan>/`` folder,
reads them with :mod:`plansite.load`, checks them with :mod:`plansite.validate` and indexes them
with :mod:`plansite.index`. It returns the repository and every problem found; it never raises
for bad data.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from plansite.errors import Problem, Problems, problem
from plansite.index import Index, build_index
from plansite.load import load_file
from plansite.model import Chapter, Department, Indicator, Plan, Task
from plansite.validate import PlanFiles, Validator
from plansite.values import parse_deadline, parse_target

if TYPE_CHECKING:
    from plansite.status import StatusResult

log = logging.getLogger(__name__)

DEPARTMENTS_FILE = "data/departments.yml"
PLANS_DIR = "data/plans"
PLAN_FILES = ("plan.yml", "tasks.yml", "indicators.yml")


@dataclass
class Repository:
    """All records of a plan repository and their cross-references."""

    root: Path
    departments: dict[str, Department] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    index: Index = field(default_factory=Index)
    as_of: int = field(default_factory=lambda: _dt.date.today().year)

    @property
    def tasks(self) -> dict[str, Task]:
        """Every task by its key ``<plan>:<id>``, in document order."""
        return self.index.tasks

    def task(self, key: str) -> Task:
        return self.index.tasks[key]

    def chapter(self, plan: str, chapter_id: str) -> Chapter:
        return self.index.chapters[f"{plan}:{chapter_id}"]

    @cached_property
    def statuses(self) -> dict[str, "StatusResult"]:
        """The computed status of every indicator as of :attr:`as_of` (computed once)."""
        from plansite.status import compute_status

        out = {}
        for ind in self.indicators.values():
            plan = self.plans[ind.plan]
            out[ind.id] = compute_status(ind, plan.period_start, plan.period_end, self.as_of)
        return out

    def status_counts(self, indicator_ids) -> dict[str, int]:
        """How many of ``indicator_ids`` have each status, all statuses present."""
        from plansite.status import rollup

        return rollup(self.statuses[i].status for i in indicator_ids)


def load_repository(root: Path | str, as_of: int | None = None) -> tuple[Repository, Problems]:
    """Load, validate and index the repository at ``root``."""
    root = Path(root).resolve()
    problems = Problems()
    validator = Validator(parse_target=parse_target, parse_deadline=parse_deadline)

    def read(path: Path):
        loaded, found = load_file(path, root)
        problems.extend(found)
        return loaded

    departments: list[Department] = []
    dept_path = root / DEPARTMENTS_FILE
    if dept_path.exists():
        loaded = read(dept_path)
        if loaded.data is not None:
            departments = validator.departments(loaded.file, loaded.data)
    else:
        problems.add(problem("file-missing", DEPARTMENTS_FILE, expected=DEPARTMENTS_FILE))

    plans: list[Plan] = []
    indicator_files: dict[str, str] = {}
    plans_dir = root / PLANS_DIR
    for folder in sorted(p for p in plans_dir.iterdir() if p.is_dir()) if plans_dir.is_dir() else []:
        rel = f"{PLANS_DIR}/{folder.name}"
        parts: dict[str, tuple[str, object] | None] = {}
        unreadable = False
        for name in PLAN_FILES:
            path = folder / name
            if not path.exists():
                parts[name] = None
                continue
            loaded = read(path)
            if loaded.data is None:
                unreadable = True
            parts[name] = (loaded.file, loaded.data)
        if unreadable:
            continue
        plan = validator.plan(PlanFiles(rel, parts["plan.yml"], parts["tasks.yml"],
                                        parts["indicators.yml"]))
        if plan is not None:
            plans.append(plan)
            indicator_files[plan.id] = f"{rel}/indicators.yml"
    seen: dict[str, Plan] = {}
    for plan in plans:
        if plan.id in seen:
            problems.add(problem("duplicate-id", plan.source.file, plan.source.line, 1, path="id",
                                 found=plan.id, first=str(seen[plan.id].source)))
        seen.setdefault(plan.id, plan)
    plans = list(seen.values())
    validator.resolve(departments, plans, indicator_files)
    problems.extend(validator.problems)

    repo = Repository(root=root, as_of=as_of or _dt.date.today().year)
    repo.departments = {d.id: d for d in departments}
    repo.plans = {p.id: p for p in plans}
    repo.indicators = {i.id: i for p in plans for i in p.indicators}
    repo.index = build_index(repo.departments, repo.plans, repo.indicators)
    return repo, problems
