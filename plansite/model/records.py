"""Typed records of a plan repository: departments, plans, chapters, tasks, indicators.

Records are built by :mod:`plansite.validate` from what :mod:`plansite.load` read; every record
keeps the :class:`Source` (file and line) it came from so that any later message can point at it.
Department, task and indicator references inside records are already resolved to ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from plansite.model.walk import depth_first, tasks_under

IndicatorType = Literal["binding", "expected", "monitoring"]
Comparator = Literal[">=", "<=", "=", ">", "<", "range"]
TargetKind = Literal["level", "change", "annual-growth", "ratio"]
DepartmentKind = Literal["department", "group", "company", "party", "organization"]

INDICATOR_TYPES: tuple[str, ...] = ("binding", "expected", "monitoring")
COMPARATORS: tuple[str, ...] = (">=", "<=", "=", ">", "<", "~", "range")
"""``~`` is "about" (约, 左右, 力争): met within a tolerance (plansite.analysis.status)."""
TARGET_KINDS: tuple[str, ...] = ("level", "change", "annual-growth", "ratio")
DEPARTMENT_KINDS: tuple[str, ...] = ("department", "group", "company", "party", "organization")
REPORTING_INTERVALS: dict[str, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}
"""How often a plan's tasks are reported on, and that interval in months: a task with no entry
for longer is stale (plansite.analysis.progress)."""


@dataclass(frozen=True)
class Source:
    """Where a record or value was written: a repository-relative path and a 1-based line."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass
class Department:
    """A body that leads or co-operates on tasks: a bureau, a commission, a group of bodies."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "department"
    parent: str | None = None
    incomplete: bool = False
    note: str = ""
    name_en: str = ""
    source: Source = field(default_factory=lambda: Source(""))


@dataclass(frozen=True)
class Abbreviation:
    """A short form readers use for a plan term (医保 for 医疗保险, CPI for 居民消费价格指数).

    ``full`` may hold several words separated by spaces (双拥: 拥军优属 拥政爱民): the full form
    stands in a text when all of them do. ``source`` says where the short form was seen in use.
    """

    short: str
    full: str
    source: str = ""


@dataclass
class Quantity:
    """A measured value at a year, e.g. a baseline or one reported actual."""

    value: float
    year: int | None = None
    unit: str = ""
    phrase: str = ""
    source: str = ""


@dataclass
class Target:
    """What a plan promises: a value (or range), a comparator, a kind and a year.

    ``value`` is None for a narrative target (words only, kept in ``narrative``) and for a
    phrase that could not be read as a target (kept as written; ``unread`` says why).
    ``kind`` says what the value measures: the ``level`` reached, the ``change`` over the
    period (negative for a fall), the ``annual-growth`` rate, or a ``ratio``.
    """

    value: float | None = None
    low: float | None = None
    high: float | None = None
    year: int | None = None
    comparator: str = "="
    kind: str = "level"
    unit: str = ""
    phrase: str = ""
    narrative: str = ""
    unread: str = ""


@dataclass
class Deadline:
    """A task's deadline as written and as understood: a date, a year end, or ongoing."""

    phrase: str
    year: int | None = None
    month: int | None = None
    ongoing: bool = False


@dataclass
class Task:
    """One task of a plan, with its responsible departments and the indicators it serves."""

    id: str
    plan: str
    chapter: str
    number: str = ""
    title: str = ""
    text: str = ""
    lead: tuple[str, ...] = ()
    cooperating: tuple[str, ...] = ()
    implementers: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    deadline: Deadline | None = None
    progress: str = ""
    responsibility: str = ""
    parent: str | None = None
    tasks: list[Task] = field(default_factory=list)
    title_en: str = ""
    source: Source = field(default_factory=lambda: Source(""))

    @property
    def key(self) -> str:
        """The repository-wide reference of the task: ``<plan>:<id>``."""
        return f"{self.plan}:{self.id}"

    @property
    def anchor(self) -> str:
        """The HTML anchor of the task on its plan page (stable: derived from the id)."""
        return "task-" + self.id.replace(".", "-")

    @property
    def departments(self) -> tuple[str, ...]:
        """Lead then co-operating departments, without repeats."""
        return tuple(dict.fromkeys(self.lead + self.cooperating))


@dataclass
class Chapter:
    """A chapter or section of a plan; holds narrative text, sub-chapters and tasks."""

    id: str
    plan: str
    number: str = ""
    title: str = ""
    text: str = ""
    parent: str | None = None
    chapters: list[Chapter] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    title_en: str = ""
    source: Source = field(default_factory=lambda: Source(""))

    @property
    def anchor(self) -> str:
        """The HTML anchor of the chapter on its plan page."""
        return "chapter-" + self.id.replace(".", "-")


@dataclass
class Indicator:
    """A quantified objective of a plan with its baseline, target, actuals and owners."""

    id: str
    plan: str
    name: str
    type: str = "expected"
    unit: str = ""
    category: str = ""
    chapter: str = ""
    baseline: Quantity | None = None
    target: Target | None = None
    actuals: list[Quantity] = field(default_factory=list)
    departments: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    phrase: str = ""
    note: str = ""
    name_en: str = ""
    source: Source = field(default_factory=lambda: Source(""))

    @property
    def binding(self) -> bool:
        return self.type == "binding"

    @property
    def latest(self) -> Quantity | None:
        """The most recent reported actual, if any."""
        dated = [a for a in self.actuals if a.year is not None]
        return max(dated, key=lambda a: a.year) if dated else None


@dataclass
class Plan:
    """A plan document: its metadata, chapters (with tasks) and indicators."""

    id: str
    title: str
    issuer: str = ""
    issued: str = ""
    level: str = ""
    period_start: int | None = None
    period_end: int | None = None
    source_document: str = ""
    summary: str = ""
    note: str = ""
    title_en: str = ""
    short_title: str = ""
    reporting_interval: str = "year"
    format: int = 1
    """The data format its folder is written in (:data:`plansite.model.fields.DATA_FORMAT`)."""
    chapters: list[Chapter] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    reports: list = field(default_factory=list)
    """The plan's progress reports (:class:`plansite.model.progress.ProgressReport`), oldest
    period first."""
    source: Source = field(default_factory=lambda: Source(""))

    @property
    def period(self) -> str:
        if self.period_start and self.period_end and self.period_start != self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_end or self.period_start or "")

    def walk_chapters(self) -> list[Chapter]:
        """Every chapter of the plan, depth first, in document order."""
        return list(depth_first(self.chapters, lambda chapter: chapter.chapters))

    def walk_tasks(self) -> list[Task]:
        """Every task and sub-task of the plan, depth first, in document order."""
        return list(tasks_under(self.chapters, lambda chapter: chapter.chapters,
                                lambda chapter: chapter.tasks, lambda task: task.tasks))


@dataclass(frozen=True)
class Member:
    """A member site of a portal: another plansite site, published from its own repository and
    CI at its own address, whose plans and departments the portal lists and searches.

    ``url`` is the member's address, ending in ``/``; ``data`` a repository-relative copy of
    its ``data.json`` for builds without the network (tests, a mirror), empty to fetch it.
    """

    id: str
    name: str
    url: str
    data: str = ""
    source: Source = field(default_factory=lambda: Source(""))
