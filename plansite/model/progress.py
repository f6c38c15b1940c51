"""Progress reports: what a reporting body said, period by period, about each task of a plan.

A plan folder holds one report file per reporting period (``reports/2013-Q2.yml``). A report
has its period, the date its facts are at, the body that published it, its source, and one
:class:`ReportEntry` per task it reports on: a status from :data:`REPORT_STATUSES`, the reason a
delay, a change or a drop needs, what was done, evidence, the indicator values of the period and,
kept apart from the self-reported status, an independent :class:`Assessment`.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field

from plansite.model.records import Source

REPORT_STATUSES: tuple[str, ...] = ("not_started", "on_track", "ahead", "delayed", "done",
                                    "done_modified", "dropped")
"""The fixed vocabulary of a task's reported status, in the order a task moves through it."""

NEEDS_REASON: tuple[str, ...] = ("delayed", "done_modified", "dropped")
"""The statuses an entry must give a reason for."""

FINISHED: tuple[str, ...] = ("done", "done_modified", "dropped")
"""The statuses after which a task is no longer open: never overdue, never stale."""

PERIOD_PATTERN = (r"^(?P<year>(?:19|20)\d\d)(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])"
                  r"|(?P<month>0[1-9]|1[0-2])))?$")
"""A reporting period: a year (2013), a half (2013-H1), a quarter (2013-Q2) or a month (2013-05)."""
_PERIOD = re.compile(PERIOD_PATTERN)

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
"""A date as report files write it: 2013-06-30."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: its first and last day, and how it is written."""

    start: _dt.date
    end: _dt.date
    text: str

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """The period ``text`` writes, or None when it is no period of :data:`PERIOD_PATTERN`."""
        m = _PERIOD.match(text)
        if m is None:
            return None
        year = int(m.group("year"))
        if m.group("month"):
            first = last = int(m.group("month"))
        elif m.group("quarter"):
            last = 3 * int(m.group("quarter")[1])
            first = last - 2
        elif m.group("half"):
            last = 6 * int(m.group("half")[1])
            first = last - 5
        else:
            first, last = 1, 12
        return cls(_dt.date(year, first, 1),
                   _dt.date(year, last, calendar.monthrange(year, last)[1]), text)

    def __str__(self) -> str:
        return self.text


def parse_date(text: str) -> _dt.date | None:
    """The date ``text`` writes as YYYY-MM-DD, or None."""
    if not re.match(DATE_PATTERN, text):
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass
class Evidence:
    """A document that shows what was done: a titled link, or a file kept under ``sources/``."""

    title: str
    url: str = ""
    file: str = ""


@dataclass
class IndicatorValue:
    """A value of an indicator a report gives for a year; it joins the indicator's actuals."""

    indicator: str
    year: int
    value: float
    unit: str = ""
    phrase: str = ""


@dataclass
class Assessment:
    """An independent judgement of a task (by 人大, 审计, a third party), shown beside the
    self-reported status and never merged with it."""

    by: str
    rating: str
    note: str = ""
    url: str = ""


@dataclass
class ReportEntry:
    """What one report says about one task."""

    task: str
    plan: str
    period: Period
    as_of: _dt.date
    status: str = ""
    status_phrase: str = ""
    reason: str = ""
    progress: str = ""
    percent: float | None = None
    reported_by: str = ""
    """The body that reported this entry, as written; the report's body when the entry names none."""
    reported_by_id: str = ""
    """The department of the register that ``reported_by`` names, if any."""
    evidence: tuple[Evidence, ...] = ()
    indicators: tuple[IndicatorValue, ...] = ()
    assessment: Assessment | None = None
    note: str = ""
    source: Source = field(default_factory=lambda: Source(""))

    @property
    def task_key(self) -> str:
        return f"{self.plan}:{self.task}"


@dataclass
class ProgressReport:
    """One report file: a plan's progress in one period."""

    plan: str
    period: Period
    as_of: _dt.date
    reported_by: str
    title: str
    url: str = ""
    file: str = ""
    note: str = ""
    entries: list[ReportEntry] = field(default_factory=list)
    source: Source = field(default_factory=lambda: Source(""))
