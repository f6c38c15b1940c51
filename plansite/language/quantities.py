"""Values as plans write them: a number, a magnitude (万, 亿) and a unit, read into base units.

This is the one parser of numbers in plan text; the importer, the validator and the extractor
(:mod:`plansite.language.extract`) all call it, so ``15.58万公顷`` means the same thing
everywhere. Everything here is a pure function of its arguments.

* Width. Full-width digits and punctuation (``５５％``, ``１，０００``, ``：``) are read as their
  half-width forms (:func:`plansite.language.numerals.normalize_width`).
* Magnitudes. ``万`` (1e4), ``亿`` (1e8), ``百万``, ``千万`` and ``万亿`` multiply the number and
  are dropped from the unit: values are kept in base units (``15.58万公顷`` -> 155800 公顷,
  ``1000亿元`` -> 1e11 元, ``7.2万亩`` -> 72000 亩). Results are rounded to 10 significant digits
  so that no float noise (155800.00000000003) reaches a data file.
* Units. Only the units in :data:`UNITS` (and their ``/日``-style rates) are accepted; an unknown
  word after a number is an error, not a guess.

Anything else raises :class:`ValueError` with a short reason; nothing is guessed silently.
"""

from __future__ import annotations

import math
import re

from plansite.language.numerals import chinese_number, normalize_width
from plansite.model.records import Quantity


#: Units a value may carry, in their normal written form. Longer ones first where they share a
#: start, so that ``人次`` is not read as ``人`` followed by ``次``.
UNITS: tuple[str, ...] = (
    "%", "‰", "个百分点", "百分点",
    "人次", "人", "户", "名", "位",
    "元", "美元",
    "平方公里", "平方米", "立方米", "公顷", "亩",
    "吨标准煤", "吨", "千克", "公斤",
    "千瓦时", "千瓦", "公里", "千米", "米",
    "场次", "个月", "个", "所", "座", "家", "套", "项", "处", "条", "间", "张", "辆", "台",
    "场", "次", "册", "件", "株", "棵", "头", "只", "部", "篇", "床",
    "年", "天", "工作日", "小时", "倍",
)

#: Other spellings of a unit and the form a value is stored with.
UNIT_ALIASES: dict[str, str] = {
    "㎡": "平方米", "m2": "平方米", "平米": "平方米", "km2": "平方公里", "平方千米": "平方公里",
    "m3": "立方米", "km": "公里", "kg": "千克", "个工作日": "工作日",
}

#: Counting words: ``5个区域中心镇`` counts the thing named after it.
CLASSIFIERS: frozenset[str] = frozenset(
    "个 所 座 家 套 项 处 条 间 张 辆 台 名 位 件 部 篇 株 棵 头 只 户".split()
)

#: Units of time: ``5年`` is a value only when a comparator stands before it (``延长到20年``).
DURATION_UNITS: frozenset[str] = frozenset({"年", "天", "工作日", "个工作日", "小时", "个月"})

MAGNITUDES: dict[str, float] = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4}

_RATE_UNITS = "日|天|年|月|人|户|亩|吨|小时|秒"


def alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BASE_UNIT = alternation(list(UNITS) + list(UNIT_ALIASES))
#: A number: ASCII digits (after :func:`normalize_width`), optional thousands separators and
#: decimals. Digits next to ``*`` are not a number: the sources blank digits out with ``*``.
NUMBER = r"(?<![0-9.*])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![0-9*])"
_MAGNITUDE = alternation(list(MAGNITUDES))
UNIT = rf"(?:{_BASE_UNIT})(?:/(?:{_RATE_UNITS}))?"
#: Words after a value that set its comparator.
SUFFIX = r"(?:及以上|以上|以内|以下|之内|左右浮动|左右|上下)"
_RANGE_SEP = r"(?:-|—|–|~|〜|至|到)+"


def quantity_pattern(tag: str = "") -> str:
    """Regex source of one quantity with groups ``<tag>num``, ``<tag>mag`` and ``<tag>unit``."""
    return rf"(?P<{tag}num>{NUMBER})(?P<{tag}mag>{_MAGNITUDE})?(?P<{tag}unit>{UNIT})?"


#: One value expression: a ratio ``100:120``, a range ``5%-8%`` or a single quantity.
VALUE_RE = re.compile(
    rf"(?P<ratio>(?P<ra>{NUMBER})\s*:\s*(?P<rb>{NUMBER}))"
    rf"|(?P<range>{quantity_pattern('lo')}\s*{_RANGE_SEP}\s*{quantity_pattern('hi')})"
    rf"|{quantity_pattern()}"
)
SUFFIX_RE = re.compile(SUFFIX)


def significant(value: float) -> float:
    """``value`` rounded to 10 significant digits (drops float noise from 15.58*1e4)."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    return float(f"{value:.10g}")


def parse_number(text: str) -> float:
    """A number as written: ``1,000``, ``１２．５``, ``7.94万``, ``五``, ``两``, ``十二``, ``一百零五``.

    ASCII or full-width digits with optional ``,`` thousands separators (groups of three) and a
    sign; a trailing 万/亿/百万/千万/万亿 multiplies; a Chinese numeral gives a whole number.
    Anything else (``1,00``, ``1.2.3``, ``nan``, ``十二五``) raises :class:`ValueError`.
    """
    t = normalize_width(text).strip()
    m = re.fullmatch(rf"([+-]?(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?)({_MAGNITUDE})?", t)
    if m:
        value = float(m.group(1).replace(",", "")) * MAGNITUDES.get(m.group(2) or "", 1)
        return significant(value)
    return float(chinese_number(t))


def _unit(written: str | None) -> str:
    written = written or ""
    base, _, rate = written.partition("/")
    base = UNIT_ALIASES.get(base, base)
    if rate in ("天",) and base == "吨":
        rate = "日"
    return f"{base}/{rate}" if rate else base


def quantity_value(match: re.Match[str], tag: str = "") -> tuple[float, str]:
    """Value in base units and normal unit of a quantity matched by :func:`quantity_pattern`."""
    number = float(match.group(f"{tag}num").replace(",", ""))
    value = significant(number * MAGNITUDES.get(match.group(f"{tag}mag") or "", 1))
    return value, _unit(match.group(f"{tag}unit"))


def parse_quantity(text: str) -> Quantity:
    """A value with its unit: ``7.94万人`` -> 79400 人, ``20万吨/日`` -> 200000 吨/日.

    The magnitude (万, 亿 …) is folded into the value and the unit normalised (``万亩`` -> 亩,
    ``㎡`` -> 平方米); ``两个`` and ``五年`` are read as 2 个 and 5 年. The phrase is kept as given.
    An unknown unit or anything that is not one quantity raises :class:`ValueError`.
    """
    t = normalize_width(text).strip()
    m = re.fullmatch(quantity_pattern(), t)
    if m:
        value, unit = quantity_value(m)
        return Quantity(value=value, unit=unit, phrase=text)
    m = re.fullmatch(rf"(?P<cn>[零〇一二两三四五六七八九十百千万亿]+)(?P<unit>{UNIT})", t)
    if m:
        return Quantity(value=float(chinese_number(m.group("cn"))), unit=_unit(m.group("unit")), phrase=text)
    head = re.match(rf"{NUMBER}(?:{_MAGNITUDE})?", t)
    if head and t[head.end():]:
        raise ValueError(f"unknown unit {t[head.end():]!r}; expected one of {', '.join(UNITS)}")
    raise ValueError(f"not a quantity: {text!r}")
