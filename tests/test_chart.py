"""The build-time SVG chart: its axis, its coordinates, its text alternative and its safety."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from plansite.model import records as model
from plansite.site.chart import (
    HEIGHT,
    PLOT_BOTTOM,
    PLOT_LEFT,
    PLOT_RIGHT,
    PLOT_TOP,
    X_PAD,
    indicator_chart,
    layout_chart,
    nice_axis,
)

SVG = "{http://www.w3.org/2000/svg}"


def make_indicator(
    target: dict | None = None,
    baseline: tuple[float, int] | None = (45, 2010),
    actuals: tuple[tuple[int, float], ...] = ((2012, 50.1),),
    unit: str = "%",
    name: str = "城镇化率",
) -> model.Indicator:
    """城镇化率 of a 2011–2015 plan: 45 % in 2010, at least 55 % by 2015, 50.1 % in 2012."""
    spec = {"value": 55, "year": 2015, "comparator": ">=", "kind": "level", "unit": unit}
    spec.update(target or {})
    return model.Indicator(
        id="chengzhenhualv",
        plan="city-12th-fyp",
        name=name,
        unit=unit,
        baseline=None if baseline is None else model.Quantity(baseline[0], baseline[1], unit),
        target=model.Target(**spec),
        actuals=[model.Quantity(value, year, unit) for year, value in actuals],
    )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


# --- the value axis --------------------------------------------------------------------------


def test_values_far_from_zero_get_a_zoomed_axis_with_round_ticks():
    assert nice_axis([45, 55, 50.1]) == (40, 60, (40, 45, 50, 55, 60))


def test_non_negative_values_start_at_zero_when_zero_does_not_squash_them():
    assert nice_axis([20, 60, 30]) == (0, 60, (0, 20, 40, 60))
    # exactly half: still from zero
    assert nice_axis([50, 100])[0] == 0
    # just over half: zoomed
    assert nice_axis([50.1, 100])[0] > 0


def test_a_single_value_is_shown_from_zero():
    assert nice_axis([55]) == (0, 60, (0, 20, 40, 60))
    assert nice_axis([0]) == (0, 1, (0, 0.25, 0.5, 0.75, 1))


def test_negative_values_end_at_zero_or_are_zoomed():
    assert nice_axis([-13, -8, 0]) == (-15, 0, (-15, -10, -5, 0))
    low, high, _ = nice_axis([-13, -12])
    assert -14 <= low < -13 and -12 < high < 0


def test_large_base_unit_values_get_round_ticks():
    # 全市总人口控制在166.2万人以内, 160万 in 2013
    assert nice_axis([1662000, 1600000]) == (
        1580000,
        1680000,
        (1580000, 1600000, 1620000, 1640000, 1660000, 1680000),
    )


def test_small_steps_have_no_float_noise():
    _, _, ticks = nice_axis([0.1, 0.3, 0.25])
    assert all(t == round(t, 2) for t in ticks)
    assert 0.3 in ticks or max(ticks) >= 0.3


# --- layout ----------------------------------------------------------------------------------


def test_layout_spans_the_baseline_year_and_the_plan_period():
    layout = layout_chart(make_indicator(), 2011, 2015)
    assert layout is not None
    assert (layout.first_year, layout.last_year) == (2010, 2015)
    assert layout.year_ticks == (2010, 2011, 2012, 2013, 2014, 2015)
    assert (layout.y_min, layout.y_max) == (40, 60)


def test_points_are_placed_on_the_year_and_value_scales():
    layout = layout_chart(make_indicator(), 2011, 2015)
    assert layout is not None and layout.baseline is not None
    left, right = PLOT_LEFT + X_PAD, PLOT_RIGHT - X_PAD
    assert (layout.baseline.x, layout.baseline.y) == (left, 169.0)  # 45 is a quarter up 40..60
    (actual,) = layout.actuals
    assert actual.year == 2012
    assert actual.x == pytest.approx(left + (right - left) * 2 / 5)
    assert actual.y == pytest.approx(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * 10.1 / 20, abs=0.01)
    assert layout.target_y == (83.0, 83.0)  # 55 is three quarters up
    assert layout.y_of(60) == PLOT_TOP and layout.y_of(40) == PLOT_BOTTOM


def test_actuals_outside_the_plan_period_widen_the_years():
    indicator = make_indicator(actuals=((2012, 50.1), (2017, 56)))
    layout = layout_chart(indicator, 2011, 2015)
    assert layout is not None
    assert layout.last_year == 2017
    assert layout.actuals[-1].x == PLOT_RIGHT - X_PAD


def test_many_years_get_every_other_year_labelled():
    layout = layout_chart(make_indicator(baseline=(45, 2005)), 2006, 2015)
    assert layout is not None
    assert layout.year_ticks == (2005, 2007, 2009, 2011, 2013, 2015)


def test_a_change_target_is_drawn_at_the_level_it_implies():
    # 能耗五年下降13% from 1.0 吨标准煤/万元: the target line is at 0.87
    indicator = make_indicator(
        {"value": -13, "comparator": "=", "kind": "change", "unit": "%"},
        baseline=(1.0, 2010),
        actuals=((2013, 0.9),),
        unit="吨标准煤/万元",
    )
    indicator.target.unit = "%"
    layout = layout_chart(indicator, 2011, 2015)
    assert layout is not None
    assert layout.target == pytest.approx((0.87, 0.87))
    assert layout.unit == "吨标准煤/万元"


def test_a_change_without_baseline_keeps_zero_in_view():
    indicator = make_indicator(
        {"value": -13, "comparator": "=", "kind": "change"}, baseline=None, actuals=((2013, -8),)
    )
    layout = layout_chart(indicator, 2011, 2015)
    assert layout is not None
    assert (layout.y_min, layout.y_max) == (-15, 0)
    assert layout.first_year == 2011


def test_a_range_target_is_a_band():
    indicator = make_indicator(
        {"value": None, "comparator": "range", "low": 3, "high": 5},
        baseline=(2, 2010),
        actuals=((2012, 3.5),),
    )
    layout = layout_chart(indicator, 2011, 2015)
    assert layout is not None
    assert layout.target == (3, 5)
    low_y, high_y = layout.target_y
    assert low_y > high_y  # the lower value is further down
    root = parse(indicator_chart(indicator, 2011, 2015))
    assert root.find(f".//{SVG}rect[@class='ps-chart-target-band']") is not None


def test_nothing_to_draw_gives_no_chart():
    indicator = make_indicator({"value": None, "narrative": "位居全省前列"}, baseline=None,
                               actuals=())
    assert layout_chart(indicator, 2011, 2015) is None
    assert indicator_chart(indicator, 2011, 2015) == ""


def test_undated_actuals_are_not_drawn():
    indicator = make_indicator(baseline=None, actuals=())
    indicator.actuals = [model.Quantity(79400, None, "人")]
    layout = layout_chart(indicator, 2011, 2015)
    assert layout is not None and layout.actuals == ()


# --- the SVG ---------------------------------------------------------------------------------


def test_the_svg_is_well_formed_scalable_and_labelled():
    svg = indicator_chart(make_indicator(), 2011, 2015)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 400 {HEIGHT}"
    assert root.get("width") == "100%"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}title").text == "城镇化率"


def test_the_description_gives_the_numbers_in_one_sentence():
    root = parse(indicator_chart(make_indicator(), 2011, 2015))
    assert root.find(f"{SVG}desc").text == "基期2010年45%，目标2015年不低于55%，2012年实际50.1%。"


def test_the_english_description_gives_the_same_numbers():
    root = parse(indicator_chart(make_indicator(), 2011, 2015, lang="en"))
    desc = root.find(f"{SVG}desc").text
    assert desc.startswith("Baseline 2010: 45%; target 2015: ")
    assert desc.endswith("; actual 2012: 50.1%.")


def test_the_chart_draws_the_target_line_and_the_actual_line():
    root = parse(indicator_chart(make_indicator(actuals=((2012, 50.1), (2013, 52))), 2011, 2015))
    target = root.find(f".//{SVG}g[@class='ps-chart-target']")
    line = target.find(f"{SVG}line")
    assert line.get("stroke-dasharray") and line.get("y1") == "83"
    assert "不低于55%" in "".join(target.itertext())
    polyline = root.find(f".//{SVG}polyline")
    assert polyline.get("points").split() == ["72,169", "188,125.14", "246,108.8"]
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"2010", "2015", "40%", "60%"} <= set(labels)


def test_a_hostile_name_is_text_not_markup():
    hostile = '<script>alert("x")</script>&'
    svg = indicator_chart(make_indicator(name=hostile), 2011, 2015)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == hostile
    assert root.find(f".//{SVG}script") is None


def test_colours_come_from_the_page_and_nothing_is_loaded():
    svg = indicator_chart(make_indicator(), 2011, 2015)
    root = parse(svg)
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in (None, "none", "currentColor"), element.tag
        assert element.get("style") is None
        assert element.get("href") is None
    assert "<script" not in svg and "url(" not in svg


def test_a_long_unit_is_written_once_above_the_axis():
    # 污水处理能力达到20万吨/日以上
    indicator = make_indicator({"value": 200000}, baseline=(150000, 2010),
                               actuals=((2012, 170000),), unit="吨/日")
    root = parse(indicator_chart(indicator, 2011, 2015))
    axis = root.find(f".//{SVG}g[@class='ps-chart-axis']")
    assert "单位：吨/日" in [t.text for t in axis]
    tick_labels = [t.text for t in axis if t.get("text-anchor") == "end"]
    assert len(tick_labels) >= 3
    assert not any("吨" in label for label in tick_labels)
