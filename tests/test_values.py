"""The one parser of Chinese quantities, targets and deadlines, and its words for readers."""

from __future__ import annotations

import math
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansite.language.deadlines import parse_deadline
from plansite.language.numerals import chinese_number, chinese_numeral, ordinal
from plansite.language.quantities import parse_number, parse_quantity
from plansite.language.targets import direction, parse_target
from plansite.language.wording import format_value, target_words
from plansite.model.records import Target

FUZZ_EXAMPLES = int(os.environ.get("PLANSITE_FUZZ_EXAMPLES", "200"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("1,000", 1000.0, id="thousands-separator"),
        pytest.param("１，０００", 1000.0, id="full-width-thousands"),
        pytest.param("１２．５", 12.5, id="full-width-decimal"),
        pytest.param("-3.5", -3.5, id="signed"),
        pytest.param("7.94万", 79400.0, id="wan"),
        pytest.param("五", 5.0, id="chinese-digit"),
        pytest.param("两", 2.0, id="liang"),
        pytest.param("十二", 12.0, id="shi-er"),
        pytest.param("二十", 20.0, id="er-shi"),
        pytest.param("一百零五", 105.0, id="with-ling"),
        pytest.param("三万", 30000.0, id="chinese-wan"),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", "abc", "1,00", "1.2.3", "nan", "inf", "十二五", "一二", "1e5", "万"],
)
def test_parse_number_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        pytest.param("7.94万人", 79400.0, "人", id="wan-ren"),
        pytest.param("217.3万元", 2173000.0, "元", id="wan-yuan"),
        pytest.param("15.58万公顷", 155800.0, "公顷", id="no-float-noise"),
        pytest.param("1000亿元", 1e11, "元", id="yi-yuan"),
        pytest.param("87.39%", 87.39, "%", id="percent"),
        pytest.param("8.5‰", 8.5, "‰", id="per-mille"),
        pytest.param("20万吨/日", 200000.0, "吨/日", id="rate-unit"),
        pytest.param("20万吨/天", 200000.0, "吨/日", id="rate-unit-tian"),
        pytest.param("280万立方米", 2800000.0, "立方米", id="cubic-metres"),
        pytest.param("9.5万个", 95000.0, "个", id="wan-ge"),
        pytest.param("1018套", 1018.0, "套", id="sets"),
        pytest.param("2平方米", 2.0, "平方米", id="square-metres"),
        pytest.param("50平方公里", 50.0, "平方公里", id="square-km"),
        pytest.param("7.2万亩", 72000.0, "亩", id="wan-mu"),
        pytest.param("10.14万人次", 101400.0, "人次", id="person-times"),
        pytest.param("两个", 2.0, "个", id="chinese-count"),
        pytest.param("五年", 5.0, "年", id="chinese-years"),
        pytest.param("５５％", 55.0, "%", id="full-width"),
        pytest.param("1,200㎡", 1200.0, "平方米", id="square-metre-sign"),
    ],
)
def test_parse_quantity(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.phrase) == (value, unit, text)


@pytest.mark.parametrize("text", ["", "万人", "5个区域中心镇", "12 apples", "1*场次", "百分之五十"])
def test_parse_quantity_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_quantity(text)


def test_unknown_unit_names_the_units_it_knows() -> None:
    with pytest.raises(ValueError, match="unknown unit '个区域中心镇'.*公顷"):
        parse_quantity("5个区域中心镇")


# phrase -> value, unit, comparator, kind; from the seed plans and written as plans write them
TARGETS = [
    ("高中教育毛入学率98%", 98, "%", "=", "level"),
    ("九年义务教育巩固率98%以上", 98, "%", ">=", "level"),
    ("耕地保有量保持15.58万公顷", 155800, "公顷", "=", "level"),
    ("耕地保有量控制在15.58万公顷以上", 155800, "公顷", ">=", "level"),
    ("五年下降13%", -13, "%", "=", "change"),
    ("单位生产总值二氧化碳排放五年下降17%", -17, "%", "=", "change"),
    ("森林蓄积量达到280万立方米", 2800000, "立方米", ">=", "level"),
    ("全市总人口控制在166.2万人以内", 1662000, "人", "<=", "level"),
    ("城镇参加基本养老保险人数16万人", 160000, "人", "=", "level"),
    ("城乡三项医疗保险参保率达到95%", 95, "%", ">=", "level"),
    ("发展到450家以上", 450, "家", ">=", "level"),
    ("工业总产值实现1000亿元", 1e11, "元", ">=", "level"),
    ("年均增长4%", 4, "%", "=", "annual-growth"),
    ("年均增长12%以上", 12, "%", ">=", "annual-growth"),
    ("城镇人口突破90万人", 900000, "人", ">", "level"),
    ("城镇化率达到55%", 55, "%", ">=", "level"),
    ("城区建成区面积达到50平方公里", 50, "平方公里", ">=", "level"),
    ("全市污水处理能力达到20万吨/日以上", 200000, "吨/日", ">=", "level"),
    ("学前三年入园率达65%", 65, "%", ">=", "level"),
    ("入园儿童3.45万人以上", 34500, "人", ">=", "level"),
    ("城镇登记失业率控制在5%以内", 5, "%", "<=", "level"),
    ("参保率稳定在95%", 95, "%", "=", "level"),
    ("人均补差150元以上", 150, "元", ">=", "level"),
    ("归集总额突破8亿元", 8e8, "元", ">", "level"),
    ("贷款额度提高到20万元", 200000, "元", ">=", "level"),
    ("贷款年限延长到20年", 20, "年", ">=", "level"),
    ("生产安全事故死亡人数控制在0.2人以内", 0.2, "人", "<=", "level"),
    ("人口出生率8.5‰", 8.5, "‰", "=", "level"),
    ("出生人口性别比100:120", 120, "", "=", "ratio"),
    ("出生人口性别比控制在100:120以内", 120, "", "<=", "ratio"),
    ("不低于98%", 98, "%", ">=", "level"),
    ("至少3所", 3, "所", ">=", "level"),
    ("超过90万人", 900000, "人", ">", "level"),
    ("不超过5%", 5, "%", "<=", "level"),
    ("不高于8‰", 8, "‰", "<=", "level"),
    ("低于5%", 5, "%", "<", "level"),
    ("为100%", 100, "%", "=", "level"),
    ("下降13%以上", -13, "%", "<=", "change"),
    ("累计下降10%以内", -10, "%", ">=", "change"),
    ("增长20%", 20, "%", "=", "change"),
    ("比2010年增长20%", 20, "%", "=", "change"),
    ("减少5万吨", -50000, "吨", "=", "change"),
    ("提高5个百分点", 5, "个百分点", "=", "change"),
    ("年均下降2%", -2, "%", "=", "annual-growth"),
    ("翻一番", 100, "%", "=", "change"),
    ("翻两番", 300, "%", "=", "change"),
    ("城镇化率达到５５％", 55, "%", ">=", "level"),
    ("控制在１６６．２万人以内", 1662000, "人", "<=", "level"),
    ("达到1,200万元", 12000000, "元", ">=", "level"),
    ("出生缺陷发生率9‰的目标", 9, "‰", "=", "level"),
]


@pytest.mark.parametrize(("phrase", "value", "unit", "comparator", "kind"), TARGETS, ids=[t[0] for t in TARGETS])
def test_parse_target(phrase: str, value: float, unit: str, comparator: str, kind: str) -> None:
    target = parse_target(phrase)
    assert math.isclose(target.value, value)
    assert (target.unit, target.comparator, target.kind, target.phrase) == (unit, comparator, kind, phrase)


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit", "kind"),
    [
        pytest.param("5%-8%", 5, 8, "%", "level", id="percent-range"),
        pytest.param("5至8%", 5, 8, "%", "level", id="zhi-range"),
        pytest.param("５％～８％", 5, 8, "%", "level", id="full-width-range"),
        pytest.param("1至2所", 1, 2, "所", "level", id="count-range"),
        pytest.param("5-8万人", 50000, 80000, "人", "level", id="magnitude-on-upper-end"),
        pytest.param("增长5%-8%", 5, 8, "%", "change", id="change-range"),
        pytest.param("年均下降2%-3%", -3, -2, "%", "annual-growth", id="falling-range"),
    ],
)
def test_parse_range(phrase: str, low: float, high: float, unit: str, kind: str) -> None:
    target = parse_target(phrase)
    assert (target.comparator, target.value, target.low, target.high, target.unit, target.kind) == (
        "range", None, low, high, unit, kind)


@pytest.mark.parametrize(
    ("phrase", "year", "expected"),
    [
        pytest.param("到2015年，城镇化率达到55%", None, 2015, id="dao-year"),
        pytest.param("2015年城镇化率达到55%", 2011, 2015, id="phrase-year-wins"),
        pytest.param("城镇化率达到55%", 2015, 2015, id="argument-year"),
        pytest.param("比2010年增长20%", 2015, 2015, id="baseline-year-ignored"),
        pytest.param("到“十二五”末达到1.1亿元", 2015, 2015, id="plan-period-words"),
        pytest.param("２０２０年底前达到60%", None, 2020, id="full-width-year"),
    ],
)
def test_target_year(phrase: str, year: int | None, expected: int) -> None:
    assert parse_target(phrase, year=year).year == expected


@pytest.mark.parametrize("phrase", ["城镇基本养老保险基本实现全覆盖", "全市乡镇综合文化站统一达到国家建设标准",
                                    "单位生产总值综合能耗明显下降"])
def test_narrative_target(phrase: str) -> None:
    target = parse_target(phrase, year=2015)
    assert (target.value, target.narrative, target.year) == (None, phrase, 2015)
    assert target_words(target) == phrase
    assert direction(target) is None


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("达到", "no value", id="comparator-only"),
        pytest.param("abc", "no value", id="latin"),
        pytest.param("城镇失业、工伤保险人数分别达到6.3万人、6.2万人", "more than one value", id="two-values"),
        pytest.param("1*场次", "blanked", id="blanked-digits"),
        pytest.param("28*0人次", "blanked", id="blanked-middle"),
        pytest.param("不低于5%以内", "contradicts", id="contradiction"),
        pytest.param("达到55%左右吧", "unexpected words", id="trailing-words"),
        pytest.param("8%-5%", "backwards", id="backwards-range"),
        pytest.param("2010年达到45%，2015年达到55%", "more than one", id="two-years"),
        pytest.param("0:5", "zero", id="zero-ratio"),
    ],
)
def test_parse_target_rejects(phrase: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_target(phrase)


DEADLINES = [
    ("2026年12月", 2026, 12, False),
    ("2026年12月底前", 2026, 12, False),
    ("2026年底", 2026, 12, False),
    ("2026年底前", 2026, 12, False),
    ("2015年", 2015, None, False),
    ("2015年前", 2015, None, False),
    ("2026年6月30日前", 2026, 6, False),
    ("2026年第二季度", 2026, 6, False),
    ("2026年二季度", 2026, 6, False),
    ("2026年第四季度末", 2026, 12, False),
    ("2026年上半年", 2026, 6, False),
    ("2026年下半年", 2026, 12, False),
    ("2025—2026年", 2026, None, False),
    ("2025年至2026年底", 2026, 12, False),
    ("年底前", 2008, 12, False),
    ("6月30日前", 2008, 6, False),
    ("长期", None, None, True),
    ("持续推进", None, None, True),
    ("持续实施", None, None, True),
    ("长期坚持", None, None, True),
    ("每年", None, None, True),
    ("每年度", None, None, True),
    ("每年6月底前", None, 6, True),
    ("“十二五”期间", 2015, None, False),
    ("“十二五”末", 2015, 12, False),
    ("规划期内", 2015, None, False),
    ("２０２６年１２月底前", 2026, 12, False),
    ("2026.12", 2026, 12, False),
    ("2026-12", 2026, 12, False),
    ("2026/12", 2026, 12, False),
    ("完成时限：2015年", 2015, None, False),
]


@pytest.mark.parametrize(("phrase", "year", "month", "ongoing"), DEADLINES, ids=[d[0] for d in DEADLINES])
def test_parse_deadline(phrase: str, year: int | None, month: int | None, ongoing: bool) -> None:
    deadline = parse_deadline(phrase, default_year=2008, period_end=2015)
    assert (deadline.phrase, deadline.year, deadline.month, deadline.ongoing) == (phrase, year, month, ongoing)


@pytest.mark.parametrize(
    ("phrase", "kwargs", "reason"),
    [
        pytest.param("明天", {}, "not a deadline", id="unknown"),
        pytest.param("", {}, "empty", id="empty"),
        pytest.param("2026年13月", {}, "no month 13", id="month-13"),
        pytest.param("2026年2月40日", {}, "no day 40", id="day-40"),
        pytest.param("年底前", {}, "names no year", id="year-end-without-year"),
        pytest.param("规划期末", {}, "last year", id="period-end-without-plan"),
        pytest.param("“十二五”末", {"period_end": 2010}, "ends in 2015", id="wrong-plan-period"),
        pytest.param("2027—2026年", {}, "backwards", id="backwards-span"),
    ],
)
def test_parse_deadline_rejects(phrase: str, kwargs: dict, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_deadline(phrase, **kwargs)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        pytest.param(155800, "公顷", "15.58万公顷", id="wan-hectares"),
        pytest.param(1662000, "人", "166.2万人", id="wan-persons"),
        pytest.param(1e11, "元", "1000亿元", id="yi-yuan"),
        pytest.param(1.1e8, "元", "1.1亿元", id="decimal-yi"),
        pytest.param(12000000, "元", "1200万元", id="qian-wan"),
        pytest.param(55, "%", "55%", id="percent"),
        pytest.param(8.5, "‰", "8.5‰", id="per-mille"),
        pytest.param(1018, "套", "1018套", id="below-wan"),
        pytest.param(0.2, "人", "0.2人", id="fraction"),
        pytest.param(0.1 + 0.2, "%", "0.3%", id="no-float-noise"),
        pytest.param(200000, "吨/日", "20万吨/日", id="rate"),
        pytest.param(-13, "%", "-13%", id="negative"),
        pytest.param(20000, "%", "20000%", id="percent-never-wan"),
        pytest.param(None, "%", "", id="no-value"),
    ],
)
def test_format_value(value: float | None, unit: str, text: str) -> None:
    assert format_value(value, unit) == text


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        pytest.param("98%以上", "不低于98%", id="at-least"),
        pytest.param("控制在166.2万人以内", "不超过166.2万人", id="at-most"),
        pytest.param("突破90万人", "超过90万人", id="more-than"),
        pytest.param("低于5%", "低于5%", id="less-than"),
        pytest.param("98%", "98%", id="exactly"),
        pytest.param("五年下降13%", "下降13%", id="fall"),
        pytest.param("下降13%以上", "下降13%以上", id="fall-at-least"),
        pytest.param("增长20%以内", "增长20%以内", id="rise-at-most"),
        pytest.param("年均增长12%以上", "年均增长12%以上", id="annual-growth"),
        pytest.param("100:120", "100:120", id="ratio"),
        pytest.param("控制在100:120以内", "不超过100:120", id="ratio-at-most"),
        pytest.param("5%-8%", "5%–8%", id="range"),
        pytest.param("年均下降2%-3%", "年均下降2%–3%", id="falling-range"),
        pytest.param("翻一番", "增长100%", id="doubling"),
    ],
)
def test_target_words_read_back(phrase: str, words: str) -> None:
    target = parse_target(phrase)
    assert target_words(target) == words
    again = parse_target(words)
    assert (again.value, again.low, again.high, again.unit, again.comparator, again.kind) == (
        target.value, target.low, target.high, target.unit, target.comparator, target.kind)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        pytest.param("达到55%", "increase", id="reach"),
        pytest.param("突破90万人", "increase", id="exceed"),
        pytest.param("控制在166.2万人以内", "decrease", id="cap"),
        pytest.param("五年下降13%", "decrease", id="fall"),
        pytest.param("年均增长12%以上", "increase", id="growth"),
        pytest.param("保持15.58万公顷", "maintain", id="keep"),
        pytest.param("5%-8%", "maintain", id="range"),
        pytest.param("98%", None, id="bare-level"),
    ],
)
def test_direction(phrase: str, expected: str | None) -> None:
    assert direction(parse_target(phrase)) == expected


def test_direction_of_narrative_target() -> None:
    assert direction(Target(value=None, narrative="基本实现全覆盖")) is None


@settings(max_examples=FUZZ_EXAMPLES)
@given(st.text())
def test_parsers_raise_only_value_error_on_any_text(text: str) -> None:
    for parse in (parse_target, parse_quantity, parse_deadline, parse_number):
        try:
            parse(text)
        except ValueError:
            pass


_PLAN_ALPHABET = st.sampled_from(list("0123456789０１２３４５.．,，%％‰:：-—至到万亿元人个年月日底前达到以上以内下降增长年均控制在不低于超过突破翻一番十二五第季度“”期间末 "))


@settings(max_examples=FUZZ_EXAMPLES)
@given(st.text(_PLAN_ALPHABET, max_size=20))
def test_parsers_raise_only_value_error_on_plan_like_text(text: str) -> None:
    """Random text rarely looks like a target; these strings are made of the words that do."""
    for parse in (parse_target, parse_quantity, parse_deadline, parse_number):
        try:
            result = parse(text)
        except ValueError:
            continue
        if parse is parse_target:
            target_words(result)
            direction(result)


@pytest.mark.parametrize(("text", "value"), [
    ("五", 5), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一千零一", 1001),
    ("三万", 30000), ("十二万五千", 125000), ("一亿二千万", 120000000), ("零", 0),
])
def test_chinese_numerals_read_alike_in_text_and_in_numbering(text: str, value: int) -> None:
    assert chinese_number(text) == value
    assert chinese_number(text, positional=True) == value
    assert ordinal(text) == value


def test_digits_in_a_row_are_a_number_only_where_places_are_read() -> None:
    for text in ("一二", "一零五", "二〇二五", "十二五"):
        with pytest.raises(ValueError):
            chinese_number(text)
    assert chinese_number("二〇二五", positional=True) == 2025
    assert chinese_number("一零五", positional=True) == 105
    assert [ordinal(t) for t in ("3", "３", "③", "⑳", "十二", "十十")] == [3, 3, 3, 20, 12, 0]


def test_chapter_numerals_are_written_as_they_are_read() -> None:
    assert [chinese_numeral(n) for n in (1, 10, 12, 20, 99)] == ["一", "十", "十二", "二十", "九十九"]
    assert all(chinese_number(chinese_numeral(n)) == n for n in range(100))


@pytest.mark.parametrize(("phrase", "english"), [
    ("不低于98%", "at least 98%"),
    ("五年下降13%", "a fall of 13%"),
    ("下降13%以上", "a fall of at least 13%"),
    ("年均增长12%以上", "annual growth of at least 12%"),
    ("5%-8%", "5% to 8%"),
    ("年均下降5%-8%", "an annual fall of 5% to 8%"),
    ("控制在166.2万人以内", "at most 1,662,000 人"),
])
def test_a_target_reads_in_english_as_in_chinese(phrase: str, english: str) -> None:
    assert target_words(parse_target(phrase), "en") == english
