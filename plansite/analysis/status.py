"""The progress status of an indicator, computed from its baseline, target and latest actual.

A status is never typed by hand: :func:`compute_status` derives it by the rules that
``docs/methodology.md`` (方法说明) writes out for readers; the two must tell the same story.
:func:`rollup` counts statuses for a department, a chapter or a plan.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from plansite.catalogue.labels import STRINGS
from plansite.catalogue.phrases import Phrase, phrase, sentence
from plansite.language.wording import Amount
from plansite.model import records as model

ACHIEVED = "achieved"
ON_TRACK = "on-track"
AT_RISK = "at-risk"
OFF_TRACK = "off-track"
NO_DATA = "no-data"
UNCLEAR = "unclear"
NOT_DUE = "not-due"
NO_TARGET = "no-target"
"""A monitoring indicator: the plan reports its figures and sets it no target, so it has no
progress to judge, and its figures are there: it is not "no data"."""

STATUSES: tuple[str, ...] = (ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, UNCLEAR, NOT_DUE,
                             NO_TARGET)
"""Every status, in the order tables, legends and roll-ups show them."""

STATUS_LABELS: dict[str, dict[str, str]] = {
    status: STRINGS[f"status_{status}"] for status in STATUSES
}
"""Words for each status, taken from the one translation table in :mod:`plansite.catalogue.labels`."""

AT_RISK_SHARE = 0.5
"""Progress below the elapsed share of the period but at least this fraction of it is at risk."""

EQUAL_TOLERANCE = 0.005
"""An "=" target that only asks to hold a value is met within 0.5 % of it."""

ABOUT_TOLERANCE = 0.05
"""An approximate target (``~``, "about": see plansite.language.targets) is met within 5 % of
its value, or beyond it in the direction the indicator is to move."""

_EPS = 1e-9  # shares and comparisons exactly at a threshold must not fail on float rounding


@dataclass(frozen=True)
class StatusResult:
    """The computed status of one indicator and the numbers it was decided on.

    ``progress`` is the share of the way from the baseline to the target covered by the latest
    actual (0..1; for an annual-growth target, the share of the target rate reached);
    ``expected`` is the share of the period elapsed at the latest actual's year (1 for a rate
    that must hold every year). ``measured`` is what was compared with the target: the level,
    the change since the baseline, or the compound annual growth rate. ``why`` is the reason,
    a code of :mod:`plansite.catalogue.reasons` with the years and values it speaks of.
    """

    status: str
    why: Phrase
    progress: float | None = None
    expected: float | None = None
    latest: model.Quantity | None = None
    measured: float | None = None

    def label(self, lang: str = "zh") -> str:
        """The status in the reader's language."""
        return status_label(self.status, lang)

    def reason(self, lang: str = "zh") -> str:
        """The one-sentence reason in the reader's language."""
        return sentence(self.why, lang)


def status_label(status: str, lang: str = "zh") -> str:
    """The words for a status id in ``lang`` (zh or en)."""
    return STATUS_LABELS[status]["en" if lang == "en" else "zh"]


def rollup(statuses: Iterable[str]) -> dict[str, int]:
    """Count statuses; every status is a key, in the order of :data:`STATUSES`."""
    counts = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        if status not in counts:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        counts[status] += 1
    return counts


def is_relative_change(indicator: model.Indicator) -> bool:
    """Whether a change target is a percentage of the baseline (能耗五年下降13%).

    A change written in % of a quantity measured in another unit is relative to the baseline;
    a change of a rate that is itself in % is read in percentage points, and a change in the
    indicator's own unit (新增9.5万个) is a plain difference.
    """
    target = indicator.target
    return target is not None and target.unit == "%" and indicator.unit != "%"


def start_year(indicator: model.Indicator, plan_start: int | None) -> int | None:
    """The year progress is measured from: the baseline year, else the year before the period."""
    if indicator.baseline is not None and indicator.baseline.year is not None:
        return indicator.baseline.year
    return plan_start - 1 if plan_start is not None else None


def counted_actuals(
    indicator: model.Indicator, plan_start: int | None, as_of_year: int | None = None
) -> list[model.Quantity]:
    """The dated actuals that report progress: after the start year, up to ``as_of_year``."""
    start = start_year(indicator, plan_start)
    return sorted(
        (
            a
            for a in indicator.actuals
            if a.year is not None
            and (start is None or a.year > start)
            and (as_of_year is None or a.year <= as_of_year)
        ),
        key=lambda a: a.year or 0,
    )


def target_levels(indicator: model.Indicator) -> tuple[float, float] | None:
    """The target as (low, high) in the units the actuals are written in, for drawing.

    A level target is its value (or range). A change or annual-growth target with a baseline
    becomes the level it implies at the target year; without a baseline the actuals are read
    as the change or the growth rate itself, so the target stays as written.
    """
    target = indicator.target
    bounds = _bounds(target)
    if target is None or bounds is None:
        return None
    baseline = indicator.baseline
    if target.kind in ("level", "ratio") or baseline is None:
        return bounds
    if target.kind == "change":
        if is_relative_change(indicator):
            return (baseline.value * (1 + bounds[0] / 100), baseline.value * (1 + bounds[1] / 100))
        return (baseline.value + bounds[0], baseline.value + bounds[1])
    if baseline.year is None or target.year is None:
        return None
    years = target.year - baseline.year
    return (
        baseline.value * (1 + bounds[0] / 100) ** years,
        baseline.value * (1 + bounds[1] / 100) ** years,
    )


def compute_status(
    indicator: model.Indicator, plan_start: int | None, plan_end: int | None, as_of_year: int
) -> StatusResult:
    """Decide the status of ``indicator`` in ``as_of_year`` from the plan period and its data.

    The rules, in order (docs/methodology.md gives the reader's version): no numeric target ->
    no-data; no actual yet -> not-due before the period starts, else no-data; target met ->
    achieved, except that a limit to hold (a cap, a floor already met at the baseline, a range
    without baseline, an annual growth rate) is on-track until an actual of the target year
    meets it; not met once the target year has come -> off-track; otherwise progress towards
    the target against the elapsed share of the period: at least that share -> on-track, at
    least half of it -> at-risk, less -> off-track; no measurable progress -> at-risk.
    """
    target = indicator.target
    if target is None or _bounds(target) is None:
        return _without_numeric_target(indicator)

    start = start_year(indicator, plan_start)
    end = target.year if target.year is not None else plan_end
    actuals = counted_actuals(indicator, plan_start, as_of_year)
    if not actuals:
        first_year = plan_start
        if first_year is None and start is not None:
            first_year = start + 1
        if first_year is not None and as_of_year < first_year:
            return StatusResult(NOT_DUE, phrase("not-due", year=first_year))
        return StatusResult(NO_DATA, phrase("no-actual"))

    latest = actuals[-1]
    assert latest.year is not None  # counted_actuals keeps dated actuals only
    measured = _measure(indicator, latest)
    if measured is None:
        return StatusResult(NO_DATA, phrase("unmeasurable"), latest=latest)

    said = _measured_phrase(indicator, latest, measured)
    goal = _Goal.of(indicator)
    reference = _reference(indicator)
    if target.kind == "annual-growth":
        holds = True
    elif reference is None:
        holds = target.comparator in ("<=", "<", "range")
    else:
        holds = goal.meets(reference)
    target_year_reached = end is not None and latest.year >= end
    expected = _elapsed(latest.year, start, end)

    def result(status: str, why: Phrase, progress: float | None) -> StatusResult:
        shown = None if progress is None else min(max(progress, 0.0), 1.0)
        return StatusResult(status, why, shown, expected, latest, measured)

    if goal.meets(measured):
        if holds and not target_year_reached:
            until = phrase("until-year", year=end) if end is not None else \
                phrase("until-period-end")
            return result(ON_TRACK, phrase("holds-until", measured=said, until=until), 1.0)
        return result(ACHIEVED, phrase("achieved", measured=said), 1.0)

    progress: float | None = None
    if target.kind == "annual-growth":
        # A rate is due every year: progress is the share of the target rate reached so far.
        expected = 1.0 if goal.rises and goal.value > _EPS else None
        progress = measured / goal.value if expected is not None else None
    elif not holds and reference is not None:
        aim = goal.aim(reference)
        if abs(aim - reference) > _EPS:
            progress = (measured - reference) / (aim - reference)

    if target_year_reached or (end is not None and as_of_year > end):
        return result(OFF_TRACK, phrase("target-year-missed", year=end, measured=said), progress)
    if holds and progress is None:
        return result(AT_RISK, phrase("breaks-target", measured=said, year=end), progress)
    if progress is None or expected is None:
        return result(AT_RISK, phrase("progress-unmeasured", measured=said), progress)
    shares = {"measured": said, "progress": _percent(progress), "elapsed": _percent(expected)}
    if progress >= expected - _EPS:
        return result(ON_TRACK, phrase("on-pace", **shares), progress)
    if progress >= AT_RISK_SHARE * expected - _EPS:
        return result(AT_RISK, phrase("behind-pace", **shares), progress)
    return result(OFF_TRACK, phrase("far-behind-pace", **shares), progress)


def _without_numeric_target(indicator: model.Indicator) -> StatusResult:
    """The no-data result of an indicator whose target is missing or in words only."""
    if indicator.type == "monitoring":
        return StatusResult(NO_TARGET, phrase("monitoring"))
    if indicator.target is not None and indicator.target.unread:
        return StatusResult(UNCLEAR, phrase("target-unread", phrase=indicator.target.phrase))
    if indicator.target is not None and indicator.target.narrative:
        return StatusResult(NO_DATA, phrase("narrative-target"))
    return StatusResult(NO_DATA, phrase("no-numeric-target"))


@dataclass(frozen=True)
class _Goal:
    """A target reduced to what a measured value is compared with."""

    comparator: str
    value: float
    low: float
    high: float
    direction: int  # for "=": +1 reach at least, -1 come down to at most, 0 hold the value

    @classmethod
    def of(cls, indicator: model.Indicator) -> _Goal:
        target = indicator.target
        assert target is not None
        low, high = _bounds(target) or (0.0, 0.0)
        value = low if target.comparator != "range" else (low + high) / 2
        if target.kind in ("change", "annual-growth"):
            direction = _sign(value)  # the change is measured from 0: its sign says which way
        elif indicator.baseline is not None:
            direction = _sign(value - indicator.baseline.value)
        else:
            direction = 1  # a bare level in a plan (入学率98%, 达到55%) is a level to reach
        return cls(target.comparator, value, low, high, direction)

    @property
    def rises(self) -> bool:
        """Whether meeting the target means getting up to it (以上, 达到) rather than down."""
        return self.comparator in (">=", ">") or (self.comparator in ("=", "~")
                                                   and self.direction > 0)

    def meets(self, measured: float) -> bool:
        v = self.value
        if self.comparator == ">=":
            return measured >= v - _EPS
        if self.comparator == "<=":
            return measured <= v + _EPS
        if self.comparator == ">":
            return measured > v + _EPS
        if self.comparator == "<":
            return measured < v - _EPS
        if self.comparator == "range":
            return self.low - _EPS <= measured <= self.high + _EPS
        if self.comparator == "~" and abs(measured - v) <= ABOUT_TOLERANCE * abs(v) + _EPS:
            return True
        if self.direction > 0:
            return measured >= v - _EPS
        if self.direction < 0:
            return measured <= v + _EPS
        return abs(measured - v) <= EQUAL_TOLERANCE * abs(v) + _EPS

    def aim(self, reference: float | None) -> float:
        """The value progress is measured towards: the nearer bound of a range."""
        if self.comparator != "range" or reference is None:
            return self.value
        return self.low if reference < self.low else self.high


def _bounds(target: model.Target | None) -> tuple[float, float] | None:
    if target is None:
        return None
    if target.comparator == "range":
        if target.low is None or target.high is None:
            return None
        return (min(target.low, target.high), max(target.low, target.high))
    if target.value is None:
        return None
    return (target.value, target.value)


def _reference(indicator: model.Indicator) -> float | None:
    """The measured value at the start: the baseline level, or no change for a change target."""
    target = indicator.target
    assert target is not None
    if target.kind == "change":
        return 0.0
    if target.kind == "annual-growth" or indicator.baseline is None:
        return None
    return indicator.baseline.value


def _measure(indicator: model.Indicator, latest: model.Quantity) -> float | None:
    """The latest actual in the target's terms: level, change since baseline, or annual growth."""
    target = indicator.target
    baseline = indicator.baseline
    assert target is not None and latest.year is not None
    if target.kind in ("level", "ratio") or baseline is None:
        return latest.value
    if target.kind == "change":
        if is_relative_change(indicator):
            if baseline.value == 0:
                return None
            return (latest.value - baseline.value) / abs(baseline.value) * 100
        return latest.value - baseline.value
    if baseline.year is None or baseline.value <= 0 or latest.value <= 0:
        return None
    years = latest.year - baseline.year
    return ((latest.value / baseline.value) ** (1 / years) - 1) * 100


def _measured_phrase(indicator: model.Indicator, latest: model.Quantity,
                     measured: float) -> Phrase:
    """What was measured, as a reason quotes it: the latest level, change or growth rate."""
    target = indicator.target
    assert target is not None and latest.year is not None
    if target.kind == "annual-growth":
        rate = Amount(round(measured, 2), "%")
        if indicator.baseline is None:
            return phrase("measured-growth", year=latest.year, value=rate)
        return phrase("measured-annual-growth", since=indicator.baseline.year, year=latest.year,
                      value=rate)
    if target.kind == "change":
        unit = "%" if is_relative_change(indicator) else indicator.unit
        amount = Amount(round(abs(measured), 2), unit)
        return phrase("measured-fall" if measured < 0 else "measured-rise", year=latest.year,
                      value=amount)
    return phrase("measured-actual", year=latest.year, value=Amount(latest.value, indicator.unit))


def _elapsed(year: int, start: int | None, end: int | None) -> float | None:
    """Share of the period from ``start`` to ``end`` elapsed at ``year`` (0..1)."""
    if start is None or end is None or end <= start:
        return None
    return min(max((year - start) / (end - start), 0.0), 1.0)


def _sign(value: float) -> int:
    if math.isclose(value, 0.0, abs_tol=_EPS):
        return 0
    return 1 if value > 0 else -1


def _percent(share: float) -> Amount:
    return Amount(round(share * 100), "%")
