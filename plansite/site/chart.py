"""The chart of one indicator, drawn as inline SVG when the site is built.

It shows the baseline, the target (a dashed line, or a band for a range) and the reported
actuals joined by a line, over the years of the plan. The SVG has no script and no external
resource; colours come from the page through ``currentColor`` and ``ps-chart-*`` classes, so
the chart follows a dark scheme and prints in black. It scales to the width of its container
(``viewBox``), and a ``<title>`` and ``<desc>`` give screen readers the same numbers in words.

:func:`layout_chart` computes every number of the drawing (axis range, ticks, coordinates), so
that tests can check the geometry without reading SVG; :func:`indicator_chart` only writes it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

from plansite.model import records as model
from plansite.analysis.status import target_levels
from plansite.catalogue.labels import translate
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


def chart_description(indicator: model.Indicator, lang: str = "zh") -> str:
    """The chart's numbers as one sentence: 基期2010年45%，目标2015年不低于55%，2012年实际50.1%。"""
    baseline = indicator.baseline
    target = indicator.target
    unit = _chart_unit(indicator)
    parts: list[str] = []
    if baseline is not None:
        value = value_words(baseline.value, indicator.unit, lang)
        parts.append(translate("chart_baseline_year", lang, year=baseline.year, value=value)
                     if baseline.year else translate("chart_baseline", lang, value=value))
    if target is not None and (target_levels(indicator) is not None or target.narrative):
        words = target_words(target, lang)
        parts.append(translate("chart_target_year", lang, year=target.year, words=words)
                     if target.year else translate("chart_target", lang, words=words))
    for actual in sorted(
        (a for a in indicator.actuals if a.year is not None), key=lambda a: a.year or 0
    ):
        parts.append(translate("chart_actual", lang, year=actual.year,
                               value=value_words(actual.value, unit, lang)))
    if not parts:
        return ""
    sentence = translate("list_separator_clause", lang).join(parts)
    return sentence[:1].upper() + sentence[1:] + translate("sentence_end", lang)


def indicator_chart(
    indicator: model.Indicator, plan_start: int | None, plan_end: int | None, lang: str = "zh"
) -> str:
    """The inline SVG chart of ``indicator``, or "" when there is nothing to draw."""
    layout = layout_chart(indicator, plan_start, plan_end)
    if layout is None:
        return ""
    dom_id = "ps-chart-" + re.sub(r"[^A-Za-z0-9_-]", "-", indicator.id)
    name = indicator.name_en if lang == "en" and indicator.name_en else indicator.name
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ps-chart" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="100%" role="img" aria-labelledby="{dom_id}-title {dom_id}-desc"'
        ' font-size="11">',
        f'<title id="{dom_id}-title">{_text(name)}</title>',
        f'<desc id="{dom_id}-desc">{_text(chart_description(indicator, lang))}</desc>',
    ]
    out += _axes(layout, lang)
    out += _target(layout, indicator, lang)
    out += _series(layout, lang)
    out.append("</svg>")
    return "\n".join(out)


def _axes(layout: ChartLayout, lang: str) -> list[str]:
    """Grid lines with value labels, the unit caption and the year labels."""
    out = ['<g class="ps-chart-grid" stroke="currentColor" stroke-opacity="0.15">']
    for tick in layout.ticks:
        y = _n(layout.y_of(tick))
        out.append(f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{y}" y2="{y}"/>')
    out.append("</g>")
    out.append('<g class="ps-chart-axis" fill="currentColor">')
    for tick in layout.ticks:
        label = _tick_label(tick, layout.unit, lang)
        out.append(
            f'<text x="{PLOT_LEFT - 4}" y="{_n(layout.y_of(tick) + 4)}"'
            f' text-anchor="end">{_text(label)}</text>'
        )
    if layout.unit and layout.unit not in ("%", "‰"):
        caption = translate("chart_unit", lang, unit=layout.unit)
        out.append(f'<text x="{PLOT_LEFT}" y="14">{_text(caption)}</text>')
    for year in layout.year_ticks:
        out.append(
            f'<text x="{_n(layout.x_of(year))}" y="{PLOT_BOTTOM + 18}"'
            f' text-anchor="middle">{year}</text>'
        )
    out.append("</g>")
    return out


def _target(layout: ChartLayout, indicator: model.Indicator, lang: str) -> list[str]:
    """The dashed target line, or a band between two dashed lines, labelled with its words."""
    if layout.target is None or layout.target_y is None or indicator.target is None:
        return []
    y_low, y_high = (_n(y) for y in layout.target_y)
    dash = 'stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"'
    out = ['<g class="ps-chart-target">']
    if y_low != y_high:
        out.append(
            f'<rect class="ps-chart-target-band" x="{PLOT_LEFT}" y="{y_high}"'
            f' width="{PLOT_RIGHT - PLOT_LEFT}" height="{_n(layout.target_y[0] - layout.target_y[1])}"'
            ' fill="currentColor" fill-opacity="0.1"/>'
        )
        out.append(f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{y_low}" y2="{y_low}" {dash}/>')
    out.append(f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{y_high}" y2="{y_high}" {dash}/>')
    target = indicator.target
    words = target_words(target, lang)
    label = (translate("chart_target_label_year", lang, year=target.year, words=words)
             if target.year else translate("chart_target_label", lang, words=words))
    out.append(
        f'<text x="{PLOT_RIGHT}" y="{_n(layout.target_y[1] - 5)}" text-anchor="end"'
        f' fill="currentColor">{_text(label)}</text>'
    )
    out.append("</g>")
    return out


def _series(layout: ChartLayout, lang: str) -> list[str]:
    """The baseline point, the actual points joined by a line, and their value labels."""
    out: list[str] = []
    path = ([layout.baseline] if layout.baseline else []) + list(layout.actuals)
    path = sorted(path, key=lambda p: p.year)
    if len(path) > 1:
        points = " ".join(f"{_n(p.x)},{_n(p.y)}" for p in path)
        out.append(
            f'<polyline class="ps-chart-actual-line" points="{points}" fill="none"'
            ' stroke="currentColor" stroke-width="2"/>'
        )
    if layout.baseline is not None:
        b = layout.baseline
        out.append(
            f'<g class="ps-chart-baseline"><circle cx="{_n(b.x)}" cy="{_n(b.y)}" r="4"'
            ' fill="none" stroke="currentColor" stroke-width="2"/>'
            f"{_value_label(layout, b, lang, translate('chart_baseline_prefix', lang))}</g>"
        )
    if layout.actuals:
        out.append('<g class="ps-chart-actual">')
        for a in layout.actuals:
            out.append(f'<circle cx="{_n(a.x)}" cy="{_n(a.y)}" r="3.5" fill="currentColor"/>')
        out.append(_value_label(layout, layout.actuals[-1], lang))
        out.append("</g>")
    return out


def _value_label(layout: ChartLayout, point: ChartPoint, lang: str, prefix: str = "") -> str:
    """The value written next to a point, on the side away from the target line."""
    target_y = layout.target_y[1] if layout.target_y else None
    below = target_y is not None and point.y > target_y
    y = point.y + 16 if below else point.y - 8
    if y > PLOT_BOTTOM - 2 or y < PLOT_TOP - 12:
        y = point.y - 8 if below else point.y + 16
    label = prefix + value_words(point.value, layout.unit, lang)
    return (
        f'<text x="{_n(point.x)}" y="{_n(y)}" text-anchor="middle"'
        f' fill="currentColor">{_text(label)}</text>'
    )


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


def _text(text: str) -> str:
    return escape(text, quote=True)
