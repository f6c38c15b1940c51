"""What the progress reports say of each task at the build date, and what needs attention.

Computed, never typed:

- a task's **current status** is the status of its latest report entry (the entry of the latest
  period, as of its date); an entry that states none is ``unstated``, a task no report speaks of
  is ``unreported``;
- a task is **overdue** when its deadline's last day is before the build date and its current
  status is not done, done as modified or dropped;
- a task is **stale** when nothing was reported on it for longer than its plan's reporting
  interval (``reporting_interval`` in plan.yml, a year by default), counted from its latest
  entry's as-of date, or from the start of the plan's first reporting period;
- a **contradiction** is a task reported on track or ahead while an indicator it serves is
  off track (严重滞后) or at risk (存在风险) by :mod:`plansite.analysis.status`.

Overdue and stale are judged only for plans that publish progress reports: of a plan that
publishes none, nothing is known, and its pages say so. A report dated after the build date is
left out, so a build for a past year shows what was known then.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterable

from plansite.analysis.deadlines import due_date
from plansite.analysis.status import AT_RISK, OFF_TRACK, StatusResult
from plansite.model.progress import FINISHED, REPORT_STATUSES, Period, ProgressReport, ReportEntry
from plansite.model.records import REPORTING_INTERVALS, Plan, Task
from plansite.model.repository import Repository

UNSTATED = "unstated"
UNREPORTED = "unreported"
STATUSES: tuple[str, ...] = (*REPORT_STATUSES, UNSTATED, UNREPORTED)
"""Every current status a task can have, in the order roll-ups count them."""
DONE: tuple[str, ...] = ("done", "done_modified")
ON_TRACK: tuple[str, ...] = ("on_track", "ahead")
WORRYING: tuple[str, ...] = (OFF_TRACK, AT_RISK)
"""The indicator statuses that contradict a task reported on track."""


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` moved ``months`` later, on the same day of the month or the month's last."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class TaskProgress:
    """A task's reported progress at the build date."""

    key: str
    status: str
    entries: list[ReportEntry] = field(default_factory=list)
    """Every entry on the task, newest first."""
    due: _dt.date | None = None
    overdue: bool = False
    stale: bool = False
    stale_since: _dt.date | None = None
    """The day the task's last word was given (or reporting began) when it is stale."""
    contradicted_by: tuple[str, ...] = ()
    """The ids of the off-track or at-risk indicators of a task reported on track."""

    @property
    def latest(self) -> ReportEntry | None:
        return self.entries[0] if self.entries else None

    @property
    def attention(self) -> bool:
        """Whether the task belongs in an attention list: overdue, stale, contradicted, or
        reported late."""
        return self.overdue or self.stale or bool(self.contradicted_by) \
            or self.status == "delayed"


@dataclass
class Rollup:
    """The current statuses of a set of tasks: counts by status, and those needing attention."""

    counts: dict[str, int]
    attention: list[TaskProgress]
    reported: bool
    """Whether any of the tasks belongs to a plan with progress reports (only those count)."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(self.counts[s] for s in DONE)

    def share(self, status: str) -> float:
        """The share of the tasks with ``status``, for a progress bar."""
        return self.counts[status] / self.total if self.total else 0.0


@dataclass
class PeriodChanges:
    """One reporting period of a plan: what changed since the period before, and how complete
    it is."""

    plan: str
    report: ProgressReport
    previous: Period | None
    newly_done: list[ReportEntry] = field(default_factory=list)
    newly_late: list[ReportEntry] = field(default_factory=list)
    dropped: list[ReportEntry] = field(default_factory=list)
    changed: list[tuple[ReportEntry, str]] = field(default_factory=list)
    """Every entry whose status differs from the task's status before, with that status."""
    tasks: int = 0
    """How many tasks the plan has: the period's completeness is ``len(entries) / tasks``."""

    @property
    def period(self) -> Period:
        return self.report.period

    @property
    def reported(self) -> int:
        return len(self.report.entries)


class Progress:
    """The reported progress of every task of ``repo`` at ``build_date``."""

    def __init__(self, repo: Repository, build_date: _dt.date,
                 indicator_statuses: dict[str, StatusResult]):
        self.repo = repo
        self.build_date = build_date
        self.statuses = indicator_statuses
        self.tasks: dict[str, TaskProgress] = {}
        for plan in repo.plans.values():
            self._plan(plan)

    def reports(self, plan: Plan) -> list[ProgressReport]:
        """The plan's reports known at the build date, oldest period first."""
        return [r for r in plan.reports if r.as_of <= self.build_date]

    def _plan(self, plan: Plan) -> None:
        reports = self.reports(plan)
        entries: dict[str, list[ReportEntry]] = {}
        for report in reports:
            for entry in report.entries:
                entries.setdefault(entry.task, []).append(entry)
        months = REPORTING_INTERVALS[plan.reporting_interval]
        began = reports[0].period.start if reports else None
        for task in plan.walk_tasks():
            said = sorted(entries.get(task.id, []), key=lambda e: (e.period.end, e.as_of),
                          reverse=True)
            status = (said[0].status or UNSTATED) if said else UNREPORTED
            progress = TaskProgress(task.key, status, said)
            if task.deadline is not None:
                progress.due = due_date(task.deadline)
            if reports and status not in FINISHED:
                progress.overdue = progress.due is not None and progress.due < self.build_date
                last = said[0].as_of if said else began
                if add_months(last, months) < self.build_date:
                    progress.stale, progress.stale_since = True, last
            if status in ON_TRACK:
                progress.contradicted_by = self._contradicting(task)
            self.tasks[task.key] = progress

    def _contradicting(self, task: Task) -> tuple[str, ...]:
        return tuple(i for i in task.indicators
                     if i in self.statuses and self.statuses[i].status in WORRYING)

    def rollup(self, keys: Iterable[str]) -> Rollup:
        """The roll-up of the tasks ``keys`` that belong to plans with progress reports."""
        counts = dict.fromkeys(STATUSES, 0)
        attention = []
        for key in keys:
            if not self.repo.plans[self.repo.task(key).plan].reports:
                continue  # of a plan without reports nothing is known: it is not counted
            progress = self.tasks[key]
            counts[progress.status] += 1
            if progress.attention:
                attention.append(progress)
        return Rollup(counts, attention, any(counts.values()))

    def site(self) -> Rollup:
        return self.rollup(self.tasks)

    def plan(self, plan_id: str) -> Rollup:
        return self.rollup(t.key for t in self.repo.plans[plan_id].walk_tasks())

    def chapter(self, plan_id: str, chapter_id: str) -> Rollup:
        return self.rollup(t.key for t in self.repo.plans[plan_id].walk_tasks()
                           if chapter_id in self.repo.index.task_chapters[t.key])

    def department(self, dept: str) -> Rollup:
        return self.rollup(self.repo.index.department_tasks(dept))

    def periods(self, plan_id: str) -> list[PeriodChanges]:
        """Each reporting period of the plan, oldest first, with what changed since the one
        before: tasks newly done, newly late, dropped, and every change of status."""
        plan = self.repo.plans[plan_id]
        total = len(plan.walk_tasks())
        before: dict[str, str] = {}
        out = []
        previous = None
        for report in self.reports(plan):
            changes = PeriodChanges(plan_id, report, previous, tasks=total)
            for entry in report.entries:
                was = before.get(entry.task, UNREPORTED)
                now = entry.status or UNSTATED
                if now in DONE and was not in DONE:
                    changes.newly_done.append(entry)
                elif now == "delayed" and was != "delayed":
                    changes.newly_late.append(entry)
                elif now == "dropped" and was != "dropped":
                    changes.dropped.append(entry)
                if now != was:
                    changes.changed.append((entry, was))
                before[entry.task] = now
            out.append(changes)
            previous = report.period
        return out
