"""What the analysis finds in one repository at one build date, computed once and shared.

The site's pages, the search records and the downloads all ask the same questions (the status
of an indicator, a department's deadlines, a plan's matrix); :class:`Findings` answers each
once per build, so a department page and the department index never compute a status twice
and never disagree.
"""

from __future__ import annotations

import datetime as _dt
from functools import cached_property

from plansite.analysis.deadlines import DeadlineGroup, build_date, repository_deadlines
from plansite.analysis.history import History, load_history
from plansite.analysis.progress import Progress
from plansite.analysis.matrix import Matrix, Pair, compute_matrix, shared_tasks
from plansite.analysis.status import StatusResult, compute_status, rollup
from plansite.model.repository import Repository


class Findings:
    """The computed facts of ``repo`` as of ``today`` (the build date)."""

    def __init__(self, repo: Repository, today: _dt.date | None = None):
        self.repo = repo
        self.today = today or _dt.date.today()
        self._deadlines: dict[str | None, list[DeadlineGroup]] = {}

    @property
    def build_date(self) -> _dt.date:
        """The day deadlines are judged on: today, or the end of the repository's as-of year."""
        return build_date(self.repo.as_of, self.today)

    @cached_property
    def statuses(self) -> dict[str, StatusResult]:
        """The computed status of every indicator as of the repository's as-of year."""
        return indicator_statuses(self.repo)

    def status_counts(self, indicator_ids) -> dict[str, int]:
        """How many of ``indicator_ids`` have each status, every status present."""
        statuses = self.statuses
        return rollup(statuses[i].status for i in indicator_ids)

    def deadlines(self, department: str | None = None) -> list[DeadlineGroup]:
        """Tasks with a deadline by quarter, all of them or those of ``department``."""
        groups = self._deadlines.get(department)
        if groups is None:
            groups = self._deadlines[department] = repository_deadlines(
                self.repo, self.today, department)
        return groups

    def matrix(self, plan_id: str) -> Matrix:
        """The department × chapter responsibility matrix of a plan."""
        return compute_matrix(self.repo, plan_id)

    def pairs(self, plan_id: str) -> list[Pair]:
        """The departments that share tasks in a plan, most shared first."""
        return shared_tasks(self.repo, plan_id)

    @cached_property
    def progress(self) -> Progress:
        """What the progress reports say of every task at the build date."""
        return Progress(self.repo, self.build_date, self.statuses)

    @cached_property
    def history(self) -> History:
        """What git knows of the data (empty outside a git repository), read once."""
        return load_history(self.repo)


def indicator_statuses(repo: Repository) -> dict[str, StatusResult]:
    """The computed status of every indicator of ``repo`` as of its as-of year."""
    out = {}
    for ind in repo.indicators.values():
        plan = repo.plans[ind.plan]
        out[ind.id] = compute_status(ind, plan.period_start, plan.period_end, repo.as_of)
    return out
