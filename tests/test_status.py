"""The computed status of an indicator, rule by rule, at each rule's boundaries."""

from __future__ import annotations

import pytest

from plansite.model import records as model
from plansite.analysis.status import (
    ACHIEVED,
    AT_RISK,
    NO_DATA,
    NOT_DUE,
    NO_TARGET,
    OFF_TRACK,
    ON_TRACK,
    STATUS_LABELS,
    STATUSES,
    UNCLEAR,
    compute_status,
    rollup,
    target_levels,
)

PLAN = (2011, 2015)


def make_indicator(
    target: dict | None = None,
    baseline: tuple[float, int] | None = (40, 2010),
    actuals: tuple[tuple[int, float], ...] = (),
    unit: str = "%",
    type: str = "expected",
) -> model.Indicator:
    """A small indicator of a 2011–2015 plan; ``target`` overrides the default ">= 50 by 2015"."""
    spec = {"value": 50, "year": 2015, "comparator": ">=", "kind": "level", "unit": unit}
    spec.update(target or {})
    return model.Indicator(
        id="x",
        plan="p",
        name="测试指标",
        type=type,
        unit=unit,
        baseline=None if baseline is None else model.Quantity(baseline[0], baseline[1], unit),
        target=model.Target(**spec),
        actuals=[model.Quantity(value, year, unit) for year, value in actuals],
    )


def status_of(indicator: model.Indicator, as_of: int = 2016, plan: tuple = PLAN) -> str:
    return compute_status(indicator, plan[0], plan[1], as_of).status


# --- progress against time: baseline 40 (2010), at least 50 by 2015 -------------------------


def test_progress_exactly_equal_to_elapsed_share_is_on_track():
    # 2012: 2 of 5 years gone (0.4); 44 is 4 of the 10 points to go (0.4)
    result = compute_status(make_indicator(actuals=((2012, 44),)), *PLAN, 2013)
    assert result.status == ON_TRACK
    assert result.progress == pytest.approx(0.4)
    assert result.expected == pytest.approx(0.4)
    assert "完成进度40%，时间进度40%" in result.reason("zh")


def test_progress_just_below_elapsed_share_is_at_risk():
    assert status_of(make_indicator(actuals=((2012, 43.9),)), as_of=2013) == AT_RISK


def test_progress_exactly_half_the_elapsed_share_is_at_risk():
    result = compute_status(make_indicator(actuals=((2012, 42),)), *PLAN, 2013)
    assert (result.status, result.progress) == (AT_RISK, pytest.approx(0.2))


def test_progress_below_half_the_elapsed_share_is_off_track():
    assert status_of(make_indicator(actuals=((2012, 41.9),)), as_of=2013) == OFF_TRACK


def test_the_latest_actual_decides_not_the_first():
    indicator = make_indicator(actuals=((2013, 41), (2012, 44)))
    result = compute_status(indicator, *PLAN, 2014)
    assert result.latest is not None and result.latest.year == 2013
    assert result.status == OFF_TRACK


def test_progress_in_the_wrong_direction_is_shown_as_zero_and_is_off_track():
    result = compute_status(make_indicator(actuals=((2012, 38),)), *PLAN, 2013)
    assert (result.status, result.progress) == (OFF_TRACK, 0.0)


def test_reaching_the_target_early_is_achieved():
    result = compute_status(make_indicator(actuals=((2013, 50),)), *PLAN, 2014)
    assert (result.status, result.progress) == (ACHIEVED, 1.0)
    assert "已达到目标" in result.reason("zh")


def test_missing_the_target_in_the_target_year_is_off_track_however_close():
    assert status_of(make_indicator(actuals=((2015, 49.9),)), as_of=2016) == OFF_TRACK


def test_an_old_actual_after_the_target_year_has_passed_is_off_track():
    indicator = make_indicator(actuals=((2014, 49.9),))
    assert status_of(indicator, as_of=2015) == ON_TRACK  # 99 % of the way, 80 % of the time
    result = compute_status(indicator, *PLAN, 2016)
    assert result.status == OFF_TRACK
    assert "目标年份2015年已到" in result.reason("zh")


def test_actuals_after_the_as_of_year_are_not_counted():
    indicator = make_indicator(actuals=((2012, 44), (2014, 50)))
    assert status_of(indicator, as_of=2013) == ON_TRACK
    assert status_of(indicator, as_of=2014) == ACHIEVED


# --- comparators -----------------------------------------------------------------------------


def test_at_most_target_measures_progress_downwards():
    indicator = make_indicator({"value": 5, "comparator": "<="}, baseline=(10, 2010))
    indicator.actuals = [model.Quantity(7.5, 2013)]  # half way down with 60 % of the time gone
    assert status_of(indicator, as_of=2014) == AT_RISK
    indicator.actuals = [model.Quantity(5, 2013)]
    assert status_of(indicator, as_of=2014) == ACHIEVED
    indicator.actuals = [model.Quantity(5.01, 2015)]
    assert status_of(indicator, as_of=2016) == OFF_TRACK


def test_at_least_and_at_most_read_the_same_actual_oppositely():
    at_least = make_indicator({"value": 45, "comparator": ">="}, baseline=(50, 2010),
                              actuals=((2015, 44),))
    at_most = make_indicator({"value": 45, "comparator": "<="}, baseline=(50, 2010),
                             actuals=((2015, 44),))
    assert status_of(at_least) == OFF_TRACK
    assert status_of(at_most) == ACHIEVED


def test_a_floor_already_met_at_baseline_must_hold_until_the_target_year():
    # 耕地保有量控制在15.58万公顷以上: above the floor at baseline, so a limit to keep
    indicator = make_indicator({"value": 155800, "comparator": ">="}, baseline=(156000, 2010),
                               unit="公顷", actuals=((2013, 155900),))
    assert status_of(indicator, as_of=2014) == ON_TRACK
    indicator.actuals = [model.Quantity(155700, 2013)]
    assert status_of(indicator, as_of=2014) == AT_RISK
    indicator.actuals = [model.Quantity(155800, 2015)]
    assert status_of(indicator) == ACHIEVED


def test_strict_comparators_exclude_the_target_value():
    # 城镇人口突破90万人
    indicator = make_indicator({"value": 900000, "comparator": ">"}, baseline=None, unit="人",
                               actuals=((2015, 900000),))
    assert status_of(indicator) == OFF_TRACK
    indicator.actuals = [model.Quantity(900001, 2015)]
    assert status_of(indicator) == ACHIEVED
    below = make_indicator({"value": 5, "comparator": "<"}, baseline=(8, 2010),
                           actuals=((2015, 5),))
    assert status_of(below) == OFF_TRACK


def test_equals_takes_its_direction_from_the_baseline():
    falling = make_indicator({"value": 55, "comparator": "="}, baseline=(60, 2010),
                             actuals=((2014, 54),))
    assert status_of(falling) == ACHIEVED
    rising = make_indicator({"value": 55, "comparator": "="}, baseline=(50, 2010),
                            actuals=((2014, 54),))
    assert status_of(rising, as_of=2015) == ON_TRACK  # 80 % of the way with 80 % of the time gone


def test_equals_without_a_baseline_is_a_level_to_reach():
    # 高中教育毛入学率98%: 99 % is more than asked, not a miss
    indicator = make_indicator({"value": 98, "comparator": "="}, baseline=None,
                               actuals=((2014, 99),))
    assert status_of(indicator) == ACHIEVED


def test_equals_the_baseline_is_a_value_to_hold_within_half_a_percent():
    # 耕地保有量保持15.58万公顷
    indicator = make_indicator({"value": 155800, "comparator": "="}, baseline=(155800, 2010),
                               unit="公顷", actuals=((2013, 155021),))  # 0.5 % under
    assert status_of(indicator, as_of=2014) == ON_TRACK
    indicator.actuals = [model.Quantity(155000, 2013)]
    assert status_of(indicator, as_of=2014) == AT_RISK
    indicator.actuals = [model.Quantity(156500, 2015)]
    assert status_of(indicator) == ACHIEVED


def test_range_with_a_baseline_outside_is_reached_at_the_nearer_bound():
    indicator = make_indicator({"comparator": "range", "value": None, "low": 3, "high": 5},
                               baseline=(1, 2010), actuals=((2012, 2),))
    result = compute_status(indicator, *PLAN, 2013)
    assert result.progress == pytest.approx(0.5)  # from 1 towards 3
    assert result.status == ON_TRACK
    indicator.actuals = [model.Quantity(3, 2012)]
    assert status_of(indicator, as_of=2013) == ACHIEVED
    indicator.actuals = [model.Quantity(5.5, 2015)]
    assert status_of(indicator) == OFF_TRACK


def test_range_without_a_baseline_must_hold_until_the_target_year():
    indicator = make_indicator({"comparator": "range", "value": None, "low": 3, "high": 5},
                               baseline=None, actuals=((2013, 5),))
    assert status_of(indicator, as_of=2014) == ON_TRACK
    indicator.actuals = [model.Quantity(6, 2013)]
    assert status_of(indicator, as_of=2014) == AT_RISK
    indicator.actuals = [model.Quantity(4, 2015)]
    assert status_of(indicator) == ACHIEVED


def test_a_cap_without_baseline_is_on_track_while_under_and_achieved_in_the_target_year():
    # 全市总人口控制在166.2万人以内
    cap = make_indicator({"value": 1662000, "comparator": "<="}, baseline=None, unit="人",
                         type="binding", actuals=((2013, 1600000),))
    result = compute_status(cap, *PLAN, 2014)
    assert result.status == ON_TRACK
    assert "需保持到2015年" in result.reason("zh")
    cap.actuals = [model.Quantity(1662000, 2015)]
    assert status_of(cap) == ACHIEVED
    cap.actuals = [model.Quantity(1662001, 2013)]
    assert status_of(cap, as_of=2014) == AT_RISK
    cap.actuals = [model.Quantity(1662001, 2015)]
    assert status_of(cap) == OFF_TRACK


def test_a_level_without_baseline_is_only_met_or_not():
    indicator = make_indicator({"value": 95}, baseline=None, actuals=((2013, 90),))
    result = compute_status(indicator, *PLAN, 2014)
    assert (result.status, result.progress, result.expected) == (AT_RISK, None, pytest.approx(0.6))
    assert "缺少基期值" in result.reason("zh")
    indicator.actuals = [model.Quantity(95, 2013)]
    assert status_of(indicator, as_of=2014) == ACHIEVED


# --- change and annual growth ----------------------------------------------------------------


def energy(*actuals: tuple[int, float], value: float = -13) -> model.Indicator:
    """单位生产总值能源消耗五年下降13%: a % change of a quantity in 吨标准煤/万元"""
    return make_indicator({"value": value, "comparator": "=", "kind": "change", "unit": "%"},
                          baseline=(1.0, 2010), unit="吨标准煤/万元", actuals=actuals)


def test_a_fall_in_percent_of_the_baseline_is_met_at_exactly_the_fall():
    assert status_of(energy((2015, 0.87))) == ACHIEVED
    assert status_of(energy((2015, 0.88))) == OFF_TRACK


def test_a_fall_part_way_is_progress_towards_the_fall():
    result = compute_status(energy((2013, 0.9)), *PLAN, 2014)
    assert result.measured == pytest.approx(-10)
    assert result.progress == pytest.approx(10 / 13)
    assert result.status == ON_TRACK
    assert "2013年累计下降10%" in result.reason("zh")


def test_a_rise_is_not_progress_towards_a_fall():
    assert status_of(energy((2013, 1.05)), as_of=2014) == OFF_TRACK


def test_a_rise_part_way_is_measured_upwards():
    result = compute_status(energy((2013, 1.1), value=20), *PLAN, 2014)
    assert result.progress == pytest.approx(0.5)
    assert result.status == AT_RISK
    assert status_of(energy((2013, 1.2), value=20), as_of=2014) == ACHIEVED


def test_a_change_of_a_rate_in_percent_is_in_percentage_points():
    rate = make_indicator({"value": 5, "comparator": ">=", "kind": "change", "unit": "%"},
                          baseline=(40, 2010), actuals=((2015, 45),))
    assert status_of(rate) == ACHIEVED
    rate.actuals = [model.Quantity(42, 2015)]  # +5 % of 40 would be 42: not what a rate means
    assert status_of(rate) == OFF_TRACK


def test_a_change_without_baseline_reads_the_actuals_as_the_change_so_far():
    # 累计下降8%, reported as -8, with 3 of 5 years gone from the start of 2011
    indicator = make_indicator({"value": -13, "comparator": "=", "kind": "change"},
                               baseline=None, actuals=((2013, -8),))
    result = compute_status(indicator, *PLAN, 2014)
    assert result.progress == pytest.approx(8 / 13)
    assert result.expected == pytest.approx(0.6)
    assert result.status == ON_TRACK


def growth(value_2012: float) -> model.Indicator:
    """农民人均纯收入年均增长12%以上, from 100 in 2010."""
    return make_indicator({"value": 12, "comparator": ">=", "kind": "annual-growth"},
                          baseline=(100, 2010), unit="元", actuals=((2012, value_2012),))


def test_annual_growth_at_exactly_the_rate_is_on_track_until_the_target_year():
    result = compute_status(growth(125.44), *PLAN, 2013)  # 100 × 1.12²
    assert result.measured == pytest.approx(12)
    assert result.status == ON_TRACK
    indicator = growth(125.44)
    indicator.actuals = [model.Quantity(100 * 1.12**5, 2015)]
    assert status_of(indicator) == ACHIEVED


def test_annual_growth_below_the_rate_is_judged_by_its_share_of_the_rate():
    assert status_of(growth(100 * 1.06**2), as_of=2013) == AT_RISK  # half the rate
    assert status_of(growth(100 * 1.0599**2), as_of=2013) == OFF_TRACK
    result = compute_status(growth(100 * 1.09**2), *PLAN, 2013)
    assert (result.progress, result.expected) == (pytest.approx(0.75), 1.0)


def test_annual_growth_without_baseline_reads_the_actual_as_the_rate():
    indicator = make_indicator({"value": 35, "comparator": ">=", "kind": "annual-growth"},
                               baseline=None, actuals=((2013, 36),))
    assert status_of(indicator, as_of=2014) == ON_TRACK
    assert target_levels(indicator) == (35, 35)


# --- no data, not due, words -----------------------------------------------------------------


def test_no_actual_is_no_data_once_the_period_has_started():
    result = compute_status(make_indicator(), *PLAN, 2012)
    assert (result.status, result.latest) == (NO_DATA, None)


def test_no_actual_before_the_period_starts_is_not_due():
    assert status_of(make_indicator(), as_of=2010) == NOT_DUE
    assert status_of(make_indicator(baseline=None), as_of=2010) == NOT_DUE


def test_no_actual_and_no_baseline_with_the_target_year_ahead_is_no_data():
    assert status_of(make_indicator(baseline=None), as_of=2013) == NO_DATA


def test_an_actual_of_the_baseline_year_is_not_progress():
    assert status_of(make_indicator(actuals=((2010, 50),)), as_of=2012) == NO_DATA


def test_a_narrative_target_is_no_data():
    words = "国民体质监测指标水平位居全省前列"
    indicator = make_indicator({"value": None, "narrative": words}, actuals=((2013, 50),))
    result = compute_status(indicator, *PLAN, 2014)
    assert result.status == NO_DATA
    assert "文字表述" in result.reason("zh")


def test_a_monitoring_indicator_reads_no_target_set_not_no_data():
    indicator = make_indicator(type="monitoring", actuals=((2013, 50),))
    indicator.target = None
    result = compute_status(indicator, *PLAN, 2014)
    assert result.status == NO_TARGET != NO_DATA
    assert (result.label(), result.label("en")) == ("不设目标", "No target set")


def test_a_single_year_plan_measures_from_the_year_before():
    indicator = make_indicator({"value": 50, "year": 2007}, baseline=None, actuals=((2007, 52),))
    assert status_of(indicator, as_of=2008, plan=(2007, 2007)) == ACHIEVED
    indicator.actuals = [model.Quantity(52, 2006)]  # last year's report is not this plan's work
    assert status_of(indicator, as_of=2008, plan=(2007, 2007)) == NO_DATA


# --- labels and roll-ups ---------------------------------------------------------------------


def test_every_status_has_a_chinese_and_an_english_label():
    assert set(STATUS_LABELS) == set(STATUSES)
    assert STATUS_LABELS[OFF_TRACK] == {"zh": "严重滞后", "en": "Off track"}
    result = compute_status(make_indicator(actuals=((2013, 50),)), *PLAN, 2014)
    assert (result.label(), result.label("en")) == ("已实现", "Achieved")
    assert result.reason("en") == "The 2013 actual of 50% meets the target."
    assert result.reason() == "2013年实际50%，已达到目标。"


def test_rollup_counts_in_a_fixed_order_with_every_status_present():
    counts = rollup([AT_RISK, ACHIEVED, AT_RISK])
    assert list(counts) == [ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, UNCLEAR, NOT_DUE,
                            NO_TARGET]
    assert counts == {ACHIEVED: 1, ON_TRACK: 0, AT_RISK: 2, OFF_TRACK: 0, NO_DATA: 0,
                      UNCLEAR: 0, NOT_DUE: 0, NO_TARGET: 0}
    assert rollup([]) == dict.fromkeys(STATUSES, 0)


def test_rollup_refuses_an_unknown_status():
    with pytest.raises(ValueError, match="done"):
        rollup(["done"])


def test_the_methodology_page_names_every_status_and_threshold():
    from pathlib import Path

    from plansite.analysis.status import AT_RISK_SHARE, EQUAL_TOLERANCE

    page = (Path(__file__).parent.parent / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert page.startswith('---\nrender_macros: true\n---\n\n# {{ t("methodology") }}\n')
    for status in STATUSES:
        assert f"| {STATUS_LABELS[status]['zh']} |" in page
    assert f"时间进度的 {AT_RISK_SHARE:.0%}" in page
    assert f"{EQUAL_TOLERANCE:.1%}" in page
