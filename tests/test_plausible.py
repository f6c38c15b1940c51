"""Figures that cannot be right are refused; approximate and unreadable targets say so.

A share in % lies within 0-100, a per-mille within 0-1000, other levels are not negative, and
growth rates may be anything. 约, 左右 and 力争 make an "about" target, met within a stated
tolerance; a phrase that gives no definite value is published as written with the status
"cannot judge" (无法判断), never a guessed one.
"""

from __future__ import annotations

import pytest

from factories import INDICATORS, make_repo
from plansite.analysis.status import (ABOUT_TOLERANCE, ACHIEVED, AT_RISK, UNCLEAR,
                                      compute_status)
from plansite.language.plausible import implausible, measures_change
from plansite.language.targets import parse_target
from plansite.language.wording import target_words
from plansite.model import records as model
from plansite.reading.repository import load_repository


@pytest.mark.parametrize("value, unit, bad", [
    (98, "%", False), (0, "%", False), (100, "%", False), (980, "%", True), (-1, "%", True),
    (980, "‰", False), (1001, "‰", True), (1662000, "人", False), (-3, "人", True),
    (-3, "", True), (12.5, "元", False),
])
def test_a_level_is_plausible_by_its_unit(value, unit, bad):
    assert (implausible(value, unit) is not None) == bad


def test_growth_rates_and_changes_may_be_anything():
    assert measures_change("地区生产总值年均增长", "level")
    assert measures_change("人口自然增长率", None)
    assert measures_change("单位生产总值能源消耗", "change")
    assert not measures_change("城镇化率", "level")


@pytest.mark.parametrize("phrase, comparator, value", [
    ("力争达到60%左右", "~", 60), ("力争达到60%", "~", 60), ("约60%", "~", 60),
    ("城镇化率约为60%", "~", 60), ("60%左右浮动", "~", 60), ("五年下降13%左右", "~", -13),
    ("达到60%以上", ">=", 60), ("力争达到60%以上", ">=", 60), ("不低于60%左右", ">=", 60),
    ("达到55%", ">=", 55),
])
def test_approximate_phrases_keep_their_about(phrase, comparator, value):
    target = parse_target(phrase, 2015)
    assert (target.comparator, target.value) == (comparator, value)


@pytest.mark.parametrize("phrase", ["力争达到60%左右", "五年下降13%左右", "年均增长12%左右"])
def test_an_about_target_reads_back_to_itself(phrase):
    target = parse_target(phrase, 2015)
    words = target_words(target)
    assert words.endswith("左右")
    again = parse_target(words, 2015)
    assert (again.comparator, again.value, again.kind) == ("~", target.value, target.kind)
    assert target_words(target, "en").startswith(("about", "a rise of about", "a fall of about",
                                                  "annual growth of about"))


def _about(actual: float, baseline: float | None = 45) -> str:
    indicator = model.Indicator(
        id="x", plan="p", name="城镇化率", type="expected", unit="%",
        baseline=None if baseline is None else model.Quantity(baseline, 2010, "%"),
        target=model.Target(value=60, year=2015, comparator="~", kind="level", unit="%"),
        actuals=[model.Quantity(actual, 2015, "%")])
    return compute_status(indicator, 2011, 2015, 2016).status


def test_an_about_target_is_met_within_its_tolerance():
    edge = 60 * (1 - ABOUT_TOLERANCE)
    assert _about(edge) == ACHIEVED
    assert _about(edge - 0.1) != ACHIEVED
    assert _about(66) == ACHIEVED  # beyond it, in the direction the indicator moves
    assert _about(60 * (1 + ABOUT_TOLERANCE), baseline=60) == ACHIEVED  # to hold: either side
    assert _about(60 * (1 + ABOUT_TOLERANCE) + 0.1, baseline=60) != ACHIEVED


def test_an_unreadable_phrase_is_kept_and_cannot_be_judged(tmp_path):
    indicator = {**INDICATORS["indicators"][0], "target": "城镇化率达到55%或60%",
                 "actuals": [{"year": 2013, "value": 58}]}
    make_repo(tmp_path, indicators={"indicators": [indicator]})
    repo, problems = load_repository(tmp_path)
    assert not problems.errors
    assert [(p.code, p.severity, p.line) for p in problems] == [
        ("unread-target", "warning", 10)]
    target = repo.indicators["chengzhenhualv"].target
    assert target.phrase == "城镇化率达到55%或60%" and target.value is None
    assert target_words(target) == "城镇化率达到55%或60%"
    result = compute_status(repo.indicators["chengzhenhualv"], 2011, 2015, 2016)
    assert (result.status, result.label(), result.label("en")) == (
        UNCLEAR, "无法判断", "Cannot judge")
    assert result.reason() == "目标原文“城镇化率达到55%或60%”读不出确定的数值，照原文显示，无法判断进展。"


def test_a_figure_far_off_is_not_achieved_by_a_slip(tmp_path):
    indicator = {**INDICATORS["indicators"][0], "actuals": [{"year": 2013, "value": 980}]}
    make_repo(tmp_path, indicators={"indicators": [indicator]})
    _, problems = load_repository(tmp_path)
    assert [p.code for p in problems.errors] == ["implausible-value"]
    indicator["actuals"] = [{"year": 2013, "value": 50}]
    make_repo(tmp_path, indicators={"indicators": [indicator]})
    repo, problems = load_repository(tmp_path)
    assert not problems.errors
    assert compute_status(repo.indicators["chengzhenhualv"], 2011, 2015, 2014).status == AT_RISK


def test_the_methodology_states_the_tolerance_and_the_limits():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "methodology.md").read_text(
        encoding="utf-8")
    assert f"不超过目标值的 {ABOUT_TOLERANCE:.0%}" in text
    assert "以 % 计的比例应在 0—100" in text and "以 ‰ 计的应在 0—1000" in text
    assert "| 无法判断 |" in text
