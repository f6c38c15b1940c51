"""The responsibility matrix of a plan: which department carries what, chapter by chapter.

For each plan, rows are the departments named as lead or co-operating on its tasks, columns are
the chapters that spread its tasks, and each cell holds the keys of the tasks the department
leads and co-operates on in that chapter. :func:`shared_tasks` pairs the departments that work
on the same tasks (who works with whom). Both are plain data: the renderer draws them and
:mod:`plansite.publishing.matrix` writes the matrix as CSV for download.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from plansite.model.records import Chapter, Plan
from plansite.model.repository import Repository


@dataclass
class Cell:
    """The tasks of one department in one chapter: those it leads and those it co-operates on."""

    led: list[str] = field(default_factory=list)
    cooperated: list[str] = field(default_factory=list)

    @property
    def tasks(self) -> list[str]:
        """Led then co-operated task keys, without repeats."""
        return list(dict.fromkeys(self.led + self.cooperated))

    @property
    def total(self) -> int:
        return len(self.tasks)


@dataclass
class MatrixRow:
    """One department's cells, one per column, and its totals over the plan."""

    department: str
    cells: list[Cell]

    @property
    def led(self) -> int:
        return sum(len(c.led) for c in self.cells)

    @property
    def cooperated(self) -> int:
        return sum(len(c.cooperated) for c in self.cells)

    @property
    def total(self) -> int:
        """Distinct tasks the department leads or co-operates on in the plan."""
        return sum(c.total for c in self.cells)


@dataclass
class Matrix:
    """Departments × chapters of one plan, rows sorted by total (most tasks first)."""

    plan: str
    columns: list[Chapter]
    rows: list[MatrixRow]

    def row(self, dept_id: str) -> MatrixRow:
        return next(r for r in self.rows if r.department == dept_id)

    def column_total(self, index: int) -> Cell:
        """Every lead and co-operating assignment in column ``index`` (a key once per department)."""
        total = Cell()
        for row in self.rows:
            total.led.extend(row.cells[index].led)
            total.cooperated.extend(row.cells[index].cooperated)
        return total


def _holds_tasks(chapter: Chapter) -> bool:
    return bool(chapter.tasks) or any(_holds_tasks(c) for c in chapter.chapters)


def column_chapters(plan: Plan) -> list[Chapter]:
    """The chapters that make the matrix's columns: the shallowest level that spreads the tasks.

    Start from the top-level chapters that hold tasks; while all tasks sit in one chapter that
    has sub-chapters holding tasks, use those sub-chapters instead (with the chapter itself first
    when it holds tasks of its own). A five-year-plan breakdown whose tasks all sit under
    "二、任务分解" gets its sections (一)…(九) as columns; a plan whose tasks spread over its top
    chapters keeps those.
    """
    columns = [c for c in plan.chapters if _holds_tasks(c)]
    while len(columns) == 1 and any(_holds_tasks(c) for c in columns[0].chapters):
        only = columns[0]
        columns = ([only] if only.tasks else []) + [c for c in only.chapters if _holds_tasks(c)]
    return columns


def _column_of(repo: Repository, plan: Plan, task_chapter: str,
               column_ids: dict[str, int]) -> int:
    chapter_id: str | None = task_chapter
    while chapter_id is not None and chapter_id not in column_ids:
        chapter_id = repo.chapter(plan.id, chapter_id).parent
    if chapter_id is None:
        raise ValueError(f"chapter {task_chapter} of plan {plan.id} is under no matrix column")
    return column_ids[chapter_id]


def _row(cells: dict[str, list[Cell]], dept: str, width: int) -> list[Cell]:
    """The row of ``dept``, made empty the first time it is named."""
    row = cells.get(dept)
    if row is None:
        row = cells[dept] = [Cell() for _ in range(width)]
    return row


def compute_matrix(repo: Repository, plan_id: str) -> Matrix:
    """The responsibility matrix of plan ``plan_id``, sub-tasks included (worked out once per
    loaded repository: the matrix page and the cutting of it into pages both ask)."""
    return repo.derive(("matrix", plan_id), lambda: _compute_matrix(repo, plan_id))


def _compute_matrix(repo: Repository, plan_id: str) -> Matrix:
    plan = repo.plans[plan_id]
    columns = column_chapters(plan)
    column_ids = {c.id: i for i, c in enumerate(columns)}
    cells: dict[str, list[Cell]] = {}
    for task in plan.walk_tasks():
        if not task.departments:
            continue
        i = _column_of(repo, plan, task.chapter, column_ids)
        for dept in task.lead:
            _row(cells, dept, len(columns))[i].led.append(task.key)
        for dept in task.cooperating:
            _row(cells, dept, len(columns))[i].cooperated.append(task.key)
    order = {dept: n for n, dept in enumerate(repo.departments)}
    rows = sorted((MatrixRow(dept, row) for dept, row in cells.items()),
                  key=lambda r: (-r.total, -r.led, order[r.department]))
    return Matrix(plan_id, columns, rows)


@dataclass
class Pair:
    """Two departments that share tasks (lead or co-operating on the same task), and which."""

    first: str
    second: str
    tasks: list[str]

    @property
    def count(self) -> int:
        return len(self.tasks)


def shared_tasks(repo: Repository, plan_id: str) -> list[Pair]:
    """Who works with whom in a plan: every pair of departments named on the same task.

    Pairs come most shared tasks first; a pair's departments are in registry order.
    """
    return repo.derive(("shared", plan_id), lambda: _shared_tasks(repo, plan_id))


def _shared_tasks(repo: Repository, plan_id: str) -> list[Pair]:
    order = {dept: n for n, dept in enumerate(repo.departments)}
    pairs: dict[tuple[str, str], list[str]] = {}
    for task in repo.plans[plan_id].walk_tasks():
        named = sorted(task.departments, key=order.__getitem__)
        for first, second in combinations(named, 2):
            pairs.setdefault((first, second), []).append(task.key)
    return sorted((Pair(a, b, keys) for (a, b), keys in pairs.items()),
                  key=lambda p: (-p.count, order[p.first], order[p.second]))
