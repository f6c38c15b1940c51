"""Tasks by deadline (完成时限): grouped by quarter, with what is overdue at the build date.

A deadline is read once, by :func:`plansite.language.deadlines.parse_deadline`, into a
:class:`plansite.model.Deadline`. Here it becomes the last day it allows: the end of its month,
or the end of its year when only a year is written (``2015年`` means "within 2015"). A task is
overdue when that day is before the build date. Ongoing deadlines (持续推进, 长期, 每年 …) are
no date: they form their own group and are never overdue.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field

from plansite.model.records import Deadline, Task
from plansite.model.repository import Repository


def due_date(deadline: Deadline) -> _dt.date | None:
    """The last day a dated deadline allows; None for an ongoing or undated one."""
    if deadline.ongoing or deadline.year is None:
        return None
    month = deadline.month or 12
    return _dt.date(deadline.year, month, calendar.monthrange(deadline.year, month)[1])


def build_date(as_of: int, today: _dt.date) -> _dt.date:
    """The day a build judges deadlines on: ``today``, or the last day of ``as_of`` when the
    repository is read as of another year (so a build for a past year is reproducible)."""
    return today if as_of == today.year else _dt.date(as_of, 12, 31)


@dataclass
class DueTask:
    """A task with its deadline as understood and whether the build date has passed it."""

    key: str
    deadline: Deadline
    due: _dt.date | None
    overdue: bool


@dataclass
class DeadlineGroup:
    """The tasks due in one quarter (``year``, ``quarter`` 1–4), or the ongoing ones
    (``ongoing``), or those whose deadline names no date the parser could place (neither)."""

    year: int | None = None
    quarter: int | None = None
    ongoing: bool = False
    tasks: list[DueTask] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(t.overdue for t in self.tasks)


def group_by_quarter(tasks: list[Task], today: _dt.date) -> list[DeadlineGroup]:
    """Tasks with a deadline, grouped by the quarter of their due date (earliest first), then
    the ongoing group, then any undated group; within a group by due date, then in given order."""
    dated: dict[tuple[int, int], DeadlineGroup] = {}
    ongoing = DeadlineGroup(ongoing=True)
    undated = DeadlineGroup()
    for task in tasks:
        if task.deadline is None:
            continue
        due = due_date(task.deadline)
        entry = DueTask(task.key, task.deadline, due, due is not None and due < today)
        if task.deadline.ongoing:
            ongoing.tasks.append(entry)
        elif due is None:
            undated.tasks.append(entry)
        else:
            quarter = (due.month - 1) // 3 + 1
            dated.setdefault((due.year, quarter),
                             DeadlineGroup(due.year, quarter)).tasks.append(entry)
    for group in dated.values():
        group.tasks.sort(key=lambda t: t.due)
    groups = [dated[k] for k in sorted(dated)]
    return groups + [g for g in (ongoing, undated) if g.tasks]


def repository_deadlines(repo: Repository, today: _dt.date,
                         department: str | None = None) -> list[DeadlineGroup]:
    """Every task of the repository with a deadline, or only those ``department`` leads or
    co-operates on, grouped by quarter as of the build date for ``today``."""
    if department is None:
        tasks = list(repo.tasks.values())
    else:
        tasks = [repo.task(k) for k in repo.index.department_tasks(department)]
    return group_by_quarter(tasks, build_date(repo.as_of, today))
