"""Targets and reported figures found in the seed plans, measured against a hand-checked gold list.

The gold list (tests/gold/seed_targets.yml) names every quantified target of 篇2 and every
figure the report part of 篇1 gives. A found value counts as right when its span overlaps the
gold phrase and value, unit, comparator, kind and year agree. Run with ``-s`` to see the
precision and recall.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from plansite.language.extract import TargetMention, find_reported, find_targets

from factories import SEED

GOLD = Path(__file__).parent / "gold" / "seed_targets.yml"

# 篇1's report figures: what the extractor finds now is 10 of 10 with nothing extra; the bar
# leaves room for one miss and one extra value on a report written this loosely.
REPORTED_THRESHOLD = 0.9


@dataclass
class Score:
    """Matches of found values against gold entries, one to one."""

    matched: int
    found: int
    gold: int
    names_agree: int
    misses: list[str]
    extras: list[str]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


def _seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def city_plan_paragraphs() -> list[str]:
    """篇2's paragraphs, without the responsibility lines (——由…组织落实)."""
    lines = _seed_lines()
    start = lines.index("篇2") + 1
    return [line for line in lines[start:] if line.strip() and not line.startswith("——")]


def county_report_paragraphs() -> list[str]:
    """篇1's report of the past year: the paragraphs before “二、认清形势”."""
    lines = _seed_lines()
    start = lines.index("篇1") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("二、认清形势"))
    return [line for line in lines[start:end] if line.strip()]


def gold(plan: str) -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))[plan]


def _agrees(mention: TargetMention, entry: dict) -> bool:
    target = mention.target
    return (
        target.value is not None
        and math.isclose(target.value, entry["value"], rel_tol=1e-9)
        and target.unit == entry["unit"]
        and target.comparator == entry["comparator"]
        and target.kind == entry["kind"]
        and target.year == entry["year"]
    )


def score(paragraphs: list[str], entries: list[dict], find) -> Score:
    """Match every gold entry to one found value of its paragraph whose span overlaps it."""
    found = [(i, mention) for i, paragraph in enumerate(paragraphs) for mention in find(paragraph)]
    used: set[int] = set()
    matched = names_agree = 0
    misses = []
    for entry in entries:
        homes = [i for i, paragraph in enumerate(paragraphs) if entry["phrase"] in paragraph]
        assert len(homes) == 1, f"gold phrase must be in exactly one paragraph: {entry['phrase']}"
        home = homes[0]
        begin = paragraphs[home].index(entry["phrase"])
        end = begin + len(entry["phrase"])
        hit = next(
            (k for k, (i, mention) in enumerate(found)
             if k not in used and i == home and mention.start < end and begin < mention.end
             and _agrees(mention, entry)),
            None,
        )
        if hit is None:
            misses.append(entry["phrase"])
            continue
        used.add(hit)
        matched += 1
        names_agree += found[hit][1].name == entry["name"]
    extras = [f"{m.phrase} -> {m.target.value} {m.target.unit}" for k, (_, m) in enumerate(found) if k not in used]
    return Score(matched, len(found), len(entries), names_agree, misses, extras)


def report(title: str, result: Score) -> None:
    print(f"\n{title}: precision {result.precision:.3f} ({result.matched}/{result.found}), "
          f"recall {result.recall:.3f} ({result.matched}/{result.gold}), "
          f"names as in gold {result.names_agree}/{result.matched}")
    for miss in result.misses:
        print(f"  missed: {miss}")
    for extra in result.extras:
        print(f"  extra:  {extra}")


def test_city_plan_targets_match_gold() -> None:
    result = score(city_plan_paragraphs(), gold("city-12th-fyp"), lambda p: find_targets(p, default_year=2015))
    report("篇2 targets", result)
    assert result.precision >= 0.95, result.extras
    assert result.recall >= 0.95, result.misses


def test_county_report_figures_match_gold() -> None:
    result = score(county_report_paragraphs(), gold("county-social-2007"), find_reported)
    report("篇1 reported figures", result)
    assert result.precision >= REPORTED_THRESHOLD, result.extras
    assert result.recall >= REPORTED_THRESHOLD, result.misses


def test_gold_has_every_binding_indicator() -> None:
    """篇2's nine binding items hold fourteen indicators (item 1: two, item 5: four, item 9: two)."""
    binding = city_plan_paragraphs()[city_plan_paragraphs().index("(一)约束性指标。") + 2:][:9]
    entries = gold("city-12th-fyp")
    per_item = [sum(entry["phrase"] in item for entry in entries) for item in binding]
    assert per_item == [2, 1, 1, 1, 4, 1, 1, 1, 2]


def mentions(text: str, **kwargs) -> list[tuple[str, float | None, str, str, str]]:
    return [(m.name, m.target.value, m.target.unit, m.target.comparator, m.target.kind)
            for m in find_targets(text, **kwargs)]


def test_two_targets_of_one_sentence_share_its_year() -> None:
    text = "到2015年，城镇人口突破90万人，城镇化率达到55%。"
    found = find_targets(text, default_year=2020)
    assert mentions(text) == [("城镇人口", 900000, "人", ">", "level"), ("城镇化率", 55, "%", ">=", "level")]
    assert [m.target.year for m in found] == [2015, 2015]
    assert [m.phrase for m in found] == ["城镇人口突破90万人", "城镇化率达到55%"]
    assert all(text[m.start:m.end] == m.phrase for m in found)


def test_falls_over_the_period() -> None:
    text = "主要污染物排放总量：化学需氧量排放五年下降7.4%；二氧化硫排放五年下降8.3%"
    assert mentions(text) == [("化学需氧量排放", -7.4, "%", "=", "change"), ("二氧化硫排放", -8.3, "%", "=", "change")]


def test_fenbie_distributes_names_over_values() -> None:
    text = "城镇失业、工伤、生育保险人数分别达到6.3万人、6.2万人、4.5万人"
    assert mentions(text) == [
        ("城镇失业保险人数", 63000, "人", ">=", "level"),
        ("城镇工伤保险人数", 62000, "人", ">=", "level"),
        ("城镇生育保险人数", 45000, "人", ">=", "level"),
    ]


def test_list_of_rates_with_a_ratio() -> None:
    text = "实现人口出生率8.5‰、自然增长率2.5‰、出生人口性别比100:120、出生缺陷发生率9‰的目标"
    assert mentions(text) == [
        ("人口出生率", 8.5, "‰", "=", "level"),
        ("自然增长率", 2.5, "‰", "=", "level"),
        ("出生人口性别比", 120, "", "=", "ratio"),
        ("出生缺陷发生率", 9, "‰", "=", "level"),
    ]


def test_full_width_text_keeps_offsets_into_the_original() -> None:
    text = "到２０１５年，城镇化率达到５５％，人均补差１，２００元以上。"
    found = find_targets(text)
    assert [(m.name, m.target.value, m.target.year) for m in found] == [("城镇化率", 55, 2015), ("人均补差", 1200, 2015)]
    assert [m.phrase for m in found] == ["城镇化率达到５５％", "人均补差１，２００元以上"]


def test_a_value_without_a_name_takes_the_one_before() -> None:
    assert mentions("农民人均纯收入达到11000元，年均增长12%以上") == [
        ("农民人均纯收入", 11000, "元", ">=", "level"),
        ("农民人均纯收入", 12, "%", ">=", "annual-growth"),
    ]


def test_counts_are_named_by_what_they_count() -> None:
    assert mentions("建设5个区域中心镇、14个特色镇和200个中心村，创办2所以上省级示范幼儿园") == [
        ("区域中心镇", 5, "个", "=", "level"),
        ("特色镇", 14, "个", "=", "level"),
        ("中心村", 200, "个", "=", "level"),
        ("省级示范幼儿园", 2, "所", ">=", "level"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("大力推进“321产业工程”，实施“三大战略”，巩固“两基”成果", id="ordinals"),
        pytest.param("打造三个产值过100亿的产业", id="no-unit"),
        pytest.param("20*年共组织开展各种实用技术培训1*场次28*0人次", id="blanked-digits"),
        pytest.param("力争通过5年的努力，到2015年完成", id="duration-and-year"),
        pytest.param("建4所不低于1000平方米的社区", id="size-of-a-thing"),
        pytest.param("城镇基本养老保险基本实现全覆盖", id="narrative"),
    ],
)
def test_numbers_that_are_not_targets(text: str) -> None:
    assert [(m.name, m.target.value) for m in find_targets(text)
            if m.target.value in (321, 100, 1, 28, 0, 5, 2015, 1000)] == []


def test_baseline_year_stays_in_the_sentence_and_sets_no_target_year() -> None:
    found = find_targets("森林覆盖率提高到45%以上，万元GDP能耗比2015年下降15%。", default_year=2020)
    assert [(m.name, m.target.value, m.target.kind, m.target.year) for m in found] == [
        ("森林覆盖率", 45, "level", 2020), ("万元GDP能耗", -15, "change", 2020)]
    assert found[1].phrase == "万元GDP能耗比2015年下降15%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("推进农村人口20户以上已通电的自然村“村村通”工程建设", [], id="condition-on-what-is-counted"),
        pytest.param("发布时间：2022-07-28 05:49", [], id="date-and-time"),
        pytest.param("每个乡镇每年要突出抓好1至2所学校的校园环境建设", [("学校", None, "所", "range", "level")],
                     id="count-of-the-noun-before-de"),
    ],
)
def test_what_a_count_counts(text: str, expected: list) -> None:
    assert mentions(text) == expected


def test_report_figures_are_levels_reached() -> None:
    text = "20*年全县参合农民7.94万人,参合率87.39%。一年来,减免金额217.3万元。组织实施了32个村卫生室建设"
    found = find_reported(text, default_year=2006)
    assert [(m.name, m.target.value, m.target.unit, m.target.comparator, m.target.year) for m in found] == [
        ("全县参合农民", 79400, "人", "=", 2006),
        ("参合率", 87.39, "%", "=", 2006),
        ("减免金额", 2173000, "元", "=", 2006),
        ("村卫生室建设", 32, "个", "=", 2006),
    ]
