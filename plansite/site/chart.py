"""The chart of one indicator, drawn as inline SVG when the site is built.

It shows the baseline, the target (a dashed line, or a band for a range) and the reported
actuals joined by a line, over the years of the plan. The SVG has no script and no external
resource; colours come from the page through ``currentColor`` and ``ps-chart-*`` classes, so
the chart follows a dark scheme and prints in black. It scales to the width of its container
(``viewBox``), and a ``<title>`` and ``<desc>`` give screen readers the same numbers in words.

:func:`layout_chart` computes every number of the drawing (axis range, ticks, coordinates), so
that tests can check the geometry without reading SVG; :func:`chart_drawing` adds the words and
places the labels, and the template ``plansite/chart.svg`` writes the SVG.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from plansite.model import records as model
from plansite.analysis.status import target_levels
from plansite.catalogue.labels import translate
from plansite.site.templates import Templates
from plansite.language.wording import target_words, value_words

WIDTH = 400
HEIGHT = 240
PLOT_LEFT = 46  # value labels sit right-aligned in the margin to the left of this
PLOT_RIGHT = 388
PLOT_TOP = 40  # room for the unit caption and a target label above a line at the top
PLOT_BOTTOM = 212  # year labels sit below this
X_PAD = 26  # keeps the first and last years off the edges, where labels would be cut
ZERO_SHARE = 0.5
"""The value axis starts at 0 unless all values lie on one side of 0 and the one nearest 0 is
more than this share of the farthest: then 0 would squash the data into a thin strip."""
STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
"""Tick steps, times a power of ten, from which the value axis picks the smallest that gives
at most four intervals."""


@dataclass(frozen=True)
class ChartPoint:
    """A value drawn at a year, with its position in the SVG's coordinates."""

    year: int
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class ChartLayout:
    """Everything the chart draws, in values and in SVG coordinates (y grows downwards)."""

    first_year: int
    last_year: int
    year_ticks: tuple[int, ...]
    y_min: float
    y_max: float
    ticks: tuple[float, ...]
    unit: str
    baseline: ChartPoint | None
    actuals: tuple[ChartPoint, ...]
    target: tuple[float, float] | None  # (low, high); equal for a single target value
    target_y: tuple[float, float] | None  # SVG y of (low, high)

    def x_of(self, year: float) -> float:
        """The SVG x of a year."""
        return _x(year, self.first_year, self.last_year)

    def y_of(self, value: float) -> float:
        """The SVG y of a value."""
        return _y(value, self.y_min, self.y_max)


def nice_axis(values: list[float]) -> tuple[float, float, tuple[float, ...]]:
    """A value axis (min, max, ticks) with round ticks that holds every value.

    The axis includes 0 when the values do not sit far from it (see :data:`ZERO_SHARE`);
    otherwise it is zoomed on the values with a 5 % margin at each end.
    """
    low, high = min(values), max(values)
    if low == high:
        low, high = min(low, 0.0), max(high, 0.0)
        if low == high:
            high = 1.0
    elif 0 <= low <= ZERO_SHARE * high:
        low = 0.0
    elif ZERO_SHARE * low <= high <= 0:
        high = 0.0
    else:
        margin = (high - low) * 0.05
        low, high = low - margin, high + margin
    raw = (high - low) / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in STEPS if s * power >= raw * (1 - 1e-9))
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    decimals = max(0, 1 - math.floor(math.log10(step)))
    ticks = tuple(round(i * step, decimals) + 0.0 for i in range(first, last + 1))
    return ticks[0], ticks[-1], ticks


def layout_chart(
    indicator: model.Indicator, plan_start: int | None, plan_end: int | None
) -> ChartLayout | None:
    """Compute the drawing of ``indicator``; None when it has no number to show or no year."""
    baseline = indicator.baseline
    target = indicator.target
    target_bounds = target_levels(indicator)
    actuals = sorted((a for a in indicator.actuals if a.year is not None), key=lambda a: a.year or 0)
    years = [y for y in (plan_start, plan_end) if y is not None]
    years += [a.year for a in actuals if a.year is not None]
    if baseline is not None and baseline.year is not None:
        years.append(baseline.year)
    if target is not None and target.year is not None:
        years.append(target.year)
    values = [a.value for a in actuals]
    if baseline is not None and baseline.year is not None:
        values.append(baseline.value)
    if target_bounds is not None:
        values.extend(target_bounds)
    if not values or not years:
        return None
    if _actuals_are_changes(indicator):
        values.append(0.0)  # a change or a rate is measured from 0: keep the start in view

    first_year, last_year = min(years), max(years)
    y_min, y_max, ticks = nice_axis(values)

    def point(quantity: model.Quantity) -> ChartPoint:
        assert quantity.year is not None
        return ChartPoint(
            quantity.year,
            quantity.value,
            _x(quantity.year, first_year, last_year),
            _y(quantity.value, y_min, y_max),
        )

    return ChartLayout(
        first_year=first_year,
        last_year=last_year,
        year_ticks=_year_ticks(first_year, last_year),
        y_min=y_min,
        y_max=y_max,
        ticks=ticks,
        unit=_chart_unit(indicator),
        baseline=point(baseline) if baseline is not None and baseline.year is not None else None,
        actuals=tuple(point(a) for a in actuals),
        target=target_bounds,
        target_y=None
        if target_bounds is None
        else (_y(target_bounds[0], y_min, y_max), _y(target_bounds[1], y_min, y_max)),
    )


@dataclass(frozen=True)
class ChartNumber:
    """One number the chart draws: the baseline, the target or a reported actual, in words."""

    kind: str  # baseline | target | actual
    year: int | None
    words: str


def chart_numbers(indicator: model.Indicator, lang: str = "zh") -> list[ChartNumber]:
    """The numbers of the chart in the order it draws them: baseline, target, actuals by year.
    The indicator page prints them as a table beside the chart."""
    baseline = indicator.baseline
    target = indicator.target
    out: list[ChartNumber] = []
    if baseline is not None:
        out.append(ChartNumber("baseline", baseline.year,
                               value_words(baseline.value, indicator.unit, lang)))
    if target is not None and (target_levels(indicator) is not None or target.narrative):
        out.append(ChartNumber("target", target.year, target_words(target, lang)))
    unit = _chart_unit(indicator)
    out.extend(ChartNumber("actual", a.year, value_words(a.value, unit, lang))
               for a in sorted((a for a in indicator.actuals if a.year is not None),
                               key=lambda a: a.year or 0))
    return out


def chart_description(indicator: model.Indicator, lang: str = "zh") -> str:
    """The chart's numbers as one sentence: 基期2010年45%，目标2015年不低于55%，2012年实际50.1%。"""
    parts: list[str] = []
    for number in chart_numbers(indicator, lang):
        if number.kind == "actual":
            parts.append(translate("chart_actual", lang, year=number.year, value=number.words))
            continue
        key = f"chart_{number.kind}" + ("_year" if number.year else "")
        word = {"baseline": "value", "target": "words"}[number.kind]
        parts.append(translate(key, lang, year=number.year, **{word: number.words}))
    if not parts:
        return ""
    sentence = translate("list_separator_clause", lang).join(parts)
    return sentence[:1].upper() + sentence[1:] + translate("sentence_end", lang)


@dataclass(frozen=True)
class Label:
    """A text drawn at a point of the SVG (coordinates already written as SVG numbers)."""

    x: str
    y: str
    text: str


@dataclass(frozen=True)
class ChartDrawing:
    """What the chart template draws: every element's coordinates and words, decided here.

    ``grid`` holds the y of each value tick; ``ticks`` the value labels; ``years`` the year
    labels; ``target_lines`` the y of each dashed target line (two for a band, drawn as
    ``band`` = (y, height)); ``line`` the points of the line through the baseline and actuals.
    """

    dom_id: str
    title: str
    description: str
    grid: tuple[str, ...]
    ticks: tuple[Label, ...]
    unit_caption: Label | None
    years: tuple[Label, ...]
    band: tuple[str, str] | None
    target_lines: tuple[str, ...]
    target_label: Label | None
    line: str
    baseline: tuple[str, str] | None
    baseline_label: Label | None
    actuals: tuple[tuple[str, str], ...]
    actual_label: Label | None


def chart_drawing(
    indicator: model.Indicator, plan_start: int | None, plan_end: int | None, lang: str = "zh"
) -> ChartDrawing | None:
    """The drawing of ``indicator``'s chart in ``lang``, or None when there is nothing to draw."""
    layout = layout_chart(indicator, plan_start, plan_end)
    if layout is None:
        return None
    name = indicator.name_en if lang == "en" and indicator.name_en else indicator.name
    ticks = tuple(Label(str(PLOT_LEFT - 4), _n(layout.y_of(tick) + 4),
                        _tick_label(tick, layout.unit, lang)) for tick in layout.ticks)
    caption = None
    if layout.unit and layout.unit not in ("%", "‰"):
        caption = Label(str(PLOT_LEFT), "14", translate("chart_unit", lang, unit=layout.unit))
    band, lines, target_label = None, (), None
    target = indicator.target
    if layout.target_y is not None and target is not None:
        y_low, y_high = (_n(y) for y in layout.target_y)
        if y_low != y_high:
            band = (y_high, _n(layout.target_y[0] - layout.target_y[1]))
            lines = (y_low, y_high)
        else:
            lines = (y_high,)
        words = target_words(target, lang)
        text = (translate("chart_target_label_year", lang, year=target.year, words=words)
                if target.year else translate("chart_target_label", lang, words=words))
        target_label = Label(str(PLOT_RIGHT), _n(layout.target_y[1] - 5), text)
    path = sorted(([layout.baseline] if layout.baseline else []) + list(layout.actuals),
                  key=lambda p: p.year)
    baseline = layout.baseline
    return ChartDrawing(
        dom_id="ps-chart-" + re.sub(r"[^A-Za-z0-9_-]", "-", indicator.id),
        title=name,
        description=chart_description(indicator, lang),
        grid=tuple(_n(layout.y_of(tick)) for tick in layout.ticks),
        ticks=ticks,
        unit_caption=caption,
        years=tuple(Label(_n(layout.x_of(year)), str(PLOT_BOTTOM + 18), str(year))
                    for year in layout.year_ticks),
        band=band,
        target_lines=lines,
        target_label=target_label,
        line=" ".join(f"{_n(p.x)},{_n(p.y)}" for p in path) if len(path) > 1 else "",
        baseline=(_n(baseline.x), _n(baseline.y)) if baseline else None,
        baseline_label=_value_label(layout, baseline, lang,
                                    translate("chart_baseline_prefix", lang))
        if baseline else None,
        actuals=tuple((_n(a.x), _n(a.y)) for a in layout.actuals),
        actual_label=_value_label(layout, layout.actuals[-1], lang) if layout.actuals else None,
    )


def _value_label(layout: ChartLayout, point: ChartPoint, lang: str, prefix: str = "") -> Label:
    """The value written next to a point, on the side away from the target line."""
    target_y = layout.target_y[1] if layout.target_y else None
    below = target_y is not None and point.y > target_y
    y = point.y + 16 if below else point.y - 8
    if y > PLOT_BOTTOM - 2 or y < PLOT_TOP - 12:
        y = point.y - 8 if below else point.y + 16
    return Label(_n(point.x), _n(y), prefix + value_words(point.value, layout.unit, lang))


def _actuals_are_changes(indicator: model.Indicator) -> bool:
    """Whether the actuals are a change or a growth rate themselves (no baseline to measure from)."""
    target = indicator.target
    return (
        target is not None
        and target.kind in ("change", "annual-growth")
        and indicator.baseline is None
    )


def _chart_unit(indicator: model.Indicator) -> str:
    """The unit of the values drawn: the target's when the actuals are changes or rates."""
    target = indicator.target
    if _actuals_are_changes(indicator) and target is not None and target.unit:
        return target.unit
    return indicator.unit


def _tick_label(value: float, unit: str, lang: str = "zh") -> str:
    """A value label without a long unit, which the caption above the axis gives once."""
    text = value_words(value, unit, lang)
    if unit and unit not in ("%", "‰") and text.endswith(unit):
        return text[: -len(unit)].rstrip()
    return text


def _year_ticks(first: int, last: int) -> tuple[int, ...]:
    span = last - first
    step = 1 if span <= 7 else 2 if span <= 14 else 5
    return tuple(range(first, last + 1, step))


def _x(year: float, first: int, last: int) -> float:
    if first == last:
        return round((PLOT_LEFT + PLOT_RIGHT) / 2, 2)
    share = (year - first) / (last - first)
    return round(PLOT_LEFT + X_PAD + share * (PLOT_RIGHT - PLOT_LEFT - 2 * X_PAD), 2)


def _y(value: float, y_min: float, y_max: float) -> float:
    share = (value - y_min) / (y_max - y_min)
    return round(PLOT_BOTTOM - share * (PLOT_BOTTOM - PLOT_TOP), 2)


def _n(number: float) -> str:
    """A coordinate as short SVG text: 125.14, 72 (not 72.0)."""
    return f"{number:.2f}".rstrip("0").rstrip(".")



def indicator_chart(indicator: model.Indicator, plan_start: int | None, plan_end: int | None,
                    lang: str = "zh", templates: Templates | None = None) -> str:
    """The inline SVG chart of ``indicator`` (template ``plansite/chart.svg``), or "" when
    there is nothing to draw."""
    drawing = chart_drawing(indicator, plan_start, plan_end, lang)
    if drawing is None:
        return ""
    return (templates or Templates()).render("chart.svg", d=drawing, width=WIDTH, height=HEIGHT,
                                             left=PLOT_LEFT, right=PLOT_RIGHT)
