"""Chinese quantities, targets and deadlines as plans write them, and back into words.

This is the one parser of numbers in plan text; the importer, the validator and the extractor
(:mod:`plansite.extract`) all call it, so ``15.58万公顷`` means the same thing everywhere.
Everything here is a pure function of its arguments.

Rules, in the order an editor is likely to ask about them:

* Width. Full-width digits and punctuation (``５５％``, ``１，０００``, ``：``) are read as their
  half-width forms (:func:`normalize_width`).
* Magnitudes. ``万`` (1e4), ``亿`` (1e8), ``百万``, ``千万`` and ``万亿`` multiply the number and
  are dropped from the unit: values are kept in base units (``15.58万公顷`` -> 155800 公顷,
  ``1000亿元`` -> 1e11 元, ``7.2万亩`` -> 72000 亩). Results are rounded to 10 significant digits
  so that no float noise (155800.00000000003) reaches a data file.
* Units. Only the units in :data:`UNITS` (and their ``/日``-style rates) are accepted; an unknown
  word after a number is an error, not a guess.
* Comparators. Words standing directly before the value and the suffix after it decide:

  - ``达到`` / ``达`` / ``实现`` / ``提高到`` / ``发展到`` / ``延长到`` … : ``>=`` (a level to reach;
    more is fine);
  - ``为`` / ``保持`` / ``稳定在`` / ``维持在`` or no word at all: ``=``;
  - ``不低于`` / ``不少于`` / ``至少``: ``>=``; ``突破`` / ``超过`` / ``过`` / ``高于``: ``>``;
  - ``不超过`` / ``不高于`` / ``最多``: ``<=``; ``低于`` / ``少于``: ``<``;
  - ``控制在`` / ``降低到`` / ``下降到`` … : ``<=``;
  - suffix ``以上`` / ``及以上``: ``>=``; ``以内`` / ``以下`` / ``之内``: ``<=``; ``左右``: ``=``.

  A suffix overrides a "soft" word (``达到``, ``控制在``, ``为`` …): ``控制在15.58万公顷以上``
  is ``>=``. A "hard" word (``不低于``, ``突破`` …) keeps its comparator when the suffix points
  the same way and is an error when it points the other way (``不低于5%以内``).
* Kinds. ``下降`` / ``降低`` / ``减少`` / ``增长`` / ``增加`` / ``提高`` … followed directly by the
  value is a ``change`` over the plan period (``五年下降13%`` -> -13 %); with ``年均`` /
  ``年平均`` / ``平均每年`` / ``每年`` it is an ``annual-growth`` rate. The comparator of a change
  applies to the signed value: ``下降13%以上`` is ``<= -13``. ``翻一番`` is a change of +100 %,
  ``翻两番`` +300 %. ``a:b`` is a ``ratio`` whose value is b per 100 of a (``100:120`` -> 120).
  ``5%-8%``, ``5至8%``, ``1至2所`` are ranges (comparator ``range``, ``low``/``high`` set, value
  None); a magnitude written only on the upper end applies to both (``5-8万人`` is 5万 to 8万).
* Years. ``到2015年`` / ``2015年`` / ``2015年底`` in a target phrase set its year; ``比2010年``
  names a baseline and is ignored; two different target years are an error.
* Narrative targets. Words without a number that contain a target word (``全覆盖``,
  ``基本实现``, ``达到国家建设标准`` …) give a target with value None and the words in
  ``narrative``.

Anything else raises :class:`ValueError` with a short reason; nothing is guessed silently.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from plansite.model.records import Deadline, Quantity, Target

# ---------------------------------------------------------------------------------------------
# building blocks shared with plansite.extract

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

# Units never written with 万/亿 in front when a value is displayed.
_NO_MAGNITUDE = frozenset({"%", "‰", "个百分点", "百分点", "", "年", "个月", "天", "工作日", "小时", "倍"})

_RATE_UNITS = "日|天|年|月|人|户|亩|吨|小时|秒"


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BASE_UNIT = _alternation(list(UNITS) + list(UNIT_ALIASES))
#: A number: ASCII digits (after :func:`normalize_width`), optional thousands separators and
#: decimals. Digits next to ``*`` are not a number: the sources blank digits out with ``*``.
NUMBER = r"(?<![0-9.*])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![0-9*])"
_MAGNITUDE = _alternation(list(MAGNITUDES))
UNIT = rf"(?:{_BASE_UNIT})(?:/(?:{_RATE_UNITS}))?"
#: Words after a value that set its comparator.
SUFFIX = r"(?:及以上|以上|以内|以下|之内|左右)"
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

# Words directly before a value. "Soft" words are overridden by a suffix; "hard" ones are not.
_SOFT_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "达到 达 实现 提高到 提高至 提升到 增加到 增至 增长到 发展到 扩大到 延长到 上升到".split(), ">="
    ),
    **dict.fromkeys("为 保持 保持在 稳定在 维持 维持在".split(), "="),
    **dict.fromkeys(
        "控制在 控制到 降低到 降低至 下降到 下降至 降到 降至 减少到 减少至 压缩到 压缩至 压减到 压减至 "
        "缩短到 缩短至".split(), "<="
    ),
}
_HARD_WORDS: dict[str, str] = {
    **dict.fromkeys("不低于 不少于 不小于 至少".split(), ">="),
    **dict.fromkeys("突破 超过 过 高于 多于 大于".split(), ">"),
    **dict.fromkeys("不超过 不高于 不多于 不大于 最多".split(), "<="),
    **dict.fromkeys("低于 少于 小于".split(), "<"),
}
_SUFFIX_COMPARATOR = {"以上": ">=", "及以上": ">=", "以内": "<=", "以下": "<=", "之内": "<=", "左右": "="}
_RISE_VERBS = ("增长", "递增", "增加", "提高", "上升")
_FALL_VERBS = ("下降", "降低", "减少", "递减")
_ANNUAL_WORDS = ("年均", "年平均", "平均每年", "每年")
_CHANGE_LEAD = (
    rf"(?:五年|累计|期内)?(?P<annual>{_alternation(_ANNUAL_WORDS)})?"
    rf"(?P<verb>{_alternation(_RISE_VERBS + _FALL_VERBS)})了?"
)
_LEVEL_LEAD = rf"(?P<word>{_alternation(list(_SOFT_WORDS) + list(_HARD_WORDS))})"
#: Comparator or change words that stand directly before a value (``达到``, ``五年下降`` …).
PREDICATE_WORDS = rf"(?:{_CHANGE_LEAD}|{_LEVEL_LEAD})"
_LEAD_AT_END = re.compile(rf"{PREDICATE_WORDS}$")
_CHANGE_LEAD_RE = re.compile(_CHANGE_LEAD)
_DOUBLING_RE = re.compile(r"翻(?P<times>一|两|二|三)?番")

_NARRATIVE_WORDS = (
    "全覆盖", "基本实现", "实现", "全面完成", "完成", "标准", "水平", "明显", "显著", "逐步", "逐年",
    "稳步", "持续", "不断", "提高", "下降", "降低", "减少", "增长", "增加", "扩大", "前列", "完善",
    "建立", "杜绝", "消除", "达标", "覆盖", "达到",
)
_ALLOWED_TRAILER = re.compile(r"(?:的目标|的水平)?[\s。.,;!]*")

_YEAR_RANGE_RE = re.compile(r"((?:19|20)[0-9]{2})\s*年?\s*(?:-|—|–|~|至|到)+\s*((?:19|20)[0-9]{2})年(?:底|末)?")
_BASELINE_YEAR_RE = re.compile(r"(?:比|较)(?:19|20)[0-9]{2}年(?:底|末)?")
_YEAR_RE = re.compile(r"(?:到|至|截至|于|在)?(?<![0-9])((?:19|20)[0-9]{2})年(?:底|末)?(?:前)?")
_PLAN_PERIOD_RE = re.compile(r"(?:到|至|在)?[“\"']?十(?P<n>[一二三四五六七八九]?)五[”\"']?(?:期间|时期|末)?")


def normalize_width(text: str) -> str:
    """Full-width digits, letters and punctuation as half-width, keeping the length.

    Each character is replaced by its NFKC form when that is one character (``５`` -> ``5``,
    ``％`` -> ``%``, ``，`` -> ``,``); so offsets into the result are offsets into ``text``.
    """
    return text.translate(_WIDTH_FOLD)


class _WidthFold(dict):
    """``str.translate`` table that learns each character's one-character NFKC form once."""

    def __missing__(self, code: int) -> int:
        folded = unicodedata.normalize("NFKC", chr(code))
        self[code] = ord(folded) if len(folded) == 1 else code
        return self[code]


_WIDTH_FOLD = _WidthFold()


def _round(value: float) -> float:
    """``value`` rounded to 10 significant digits (drops float noise from 15.58*1e4)."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    return float(f"{value:.10g}")


def predicate_start(before: str) -> int:
    """Where the comparator or change words that end ``before`` start (``len(before)`` if none).

    ``城镇化率达到`` -> 4 (``达到`` belongs to the value); ``单位生产总值能源消耗五年下降`` -> the
    index of ``五年``. Used by the extractor to split an indicator name from its target words.
    """
    match = _LEAD_AT_END.search(before)
    return match.start() if match else len(before)


# ---------------------------------------------------------------------------------------------
# numbers and quantities

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def _parse_chinese_number(text: str) -> int:
    """A Chinese numeral such as 五, 两, 十二, 一百零五, 三万 (not 十二五: that is a plan name)."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_SMALL and c not in _CN_BIG for c in text):
        raise ValueError(f"not a number: {text!r}")
    total = section = 0
    digit: int | None = None
    last_small = 10_000
    last_big = 10**12
    for c in text:
        if c in _CN_DIGITS:
            if digit not in (None, 0) and _CN_DIGITS[c] != 0:
                raise ValueError(f"two digits in a row in {text!r}")
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= last_small:
                raise ValueError(f"units out of order in {text!r}")
            section += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        else:
            big = _CN_BIG[c]
            section += digit or 0
            if section == 0 or big >= last_big:
                raise ValueError(f"misplaced {c} in {text!r}")
            total += section * big
            section, digit, last_small, last_big = 0, None, 10_000, big
    return total + section + (digit or 0)


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
        return _round(value)
    return float(_parse_chinese_number(t))


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
    value = _round(number * MAGNITUDES.get(match.group(f"{tag}mag") or "", 1))
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
        return Quantity(value=float(_parse_chinese_number(m.group("cn"))), unit=_unit(m.group("unit")), phrase=text)
    head = re.match(rf"{NUMBER}(?:{_MAGNITUDE})?", t)
    if head and t[head.end():]:
        raise ValueError(f"unknown unit {t[head.end():]!r}; expected one of {', '.join(UNITS)}")
    raise ValueError(f"not a quantity: {text!r}")


# ---------------------------------------------------------------------------------------------
# targets


def _plan_period_end(n: str) -> int:
    """Last year of the N-th five-year plan (十一五 -> 2010, 十二五 -> 2015, 十五 -> 2005)."""
    number = 10 + (_CN_DIGITS[n] if n else 0)
    return 1955 + 5 * number


def _take_years(text: str) -> tuple[str, int | None]:
    """``text`` without its year words, and the target year they name (None if none)."""
    years: set[int] = set()

    def keep(year: str) -> str:
        years.add(int(year))
        return ""

    text = _BASELINE_YEAR_RE.sub("", text)
    text = _YEAR_RANGE_RE.sub(lambda m: keep(m.group(2)), text)
    text = _YEAR_RE.sub(lambda m: keep(m.group(1)), text)
    text = _PLAN_PERIOD_RE.sub("", text)
    if len(years) > 1:
        raise ValueError(f"more than one target year: {sorted(years)}")
    return text, (years.pop() if years else None)


def _level_comparator(word: str, suffix: str) -> str:
    """Comparator of a level from the word before the value and the suffix after it."""
    by_suffix = _SUFFIX_COMPARATOR.get(suffix)
    if word in _HARD_WORDS:
        hard = _HARD_WORDS[word]
        if by_suffix and by_suffix != "=" and by_suffix[0] != hard[0]:
            raise ValueError(f"{word} contradicts {suffix}")
        return hard
    if by_suffix:
        return by_suffix
    return _SOFT_WORDS.get(word, "=")


def _change_comparator(sign: int, suffix: str) -> str:
    """Comparator of a signed change: 下降13%以上 is <= -13, 增长12%以上 is >= 12."""
    by_suffix = _SUFFIX_COMPARATOR.get(suffix, "=")
    if by_suffix == "=" or sign > 0:
        return by_suffix
    return {">=": "<=", "<=": ">="}[by_suffix]


def _is_narrative(text: str) -> bool:
    words = re.sub(r"[\s\W_]+", "", text)
    return len(words) >= 3 and any(w in text for w in _NARRATIVE_WORDS)


def parse_target(phrase: str, year: int | None = None) -> Target:
    """The target a phrase states: value, comparator, kind, unit and year (see module rules).

    Examples: ``98%以上`` -> >= 98 %; ``控制在166.2万人以内`` -> <= 1662000 人; ``五年下降13%`` ->
    change -13 %; ``年均增长12%以上`` -> annual-growth >= 12 %; ``100:120`` -> ratio 120;
    ``5%-8%`` -> range 5..8 %; ``基本实现全覆盖`` -> narrative. Words before the comparator words
    (an indicator name such as ``城镇化率``) are allowed and ignored. ``year`` is used when the
    phrase names no year. Raises :class:`ValueError` when there is no value, more than one value,
    digits blanked with ``*``, unknown words after the value, or contradicting comparators.
    """
    text = normalize_width(phrase).strip()
    if not text:
        raise ValueError("empty target")
    if re.search(r"[0-9]\*|\*[0-9]", text):
        raise ValueError(f"digits are blanked out in {phrase!r}")
    text, named_year = _take_years(text)
    target_year = named_year if named_year is not None else year
    matches = list(VALUE_RE.finditer(text))
    if len(matches) > 1:
        raise ValueError(f"more than one value in {phrase!r}; write one target per phrase")
    if not matches:
        doubling = _DOUBLING_RE.search(text)
        if doubling and not re.search(r"[0-9]", text):
            times = {"一": 1, None: 1, "两": 2, "二": 2, "三": 3}[doubling.group("times")]
            return Target(value=float(2**times * 100 - 100), comparator="=", kind="change", unit="%",
                          phrase=phrase, year=target_year)
        if not re.search(r"[0-9]", text) and _is_narrative(text):
            return Target(value=None, narrative=phrase.strip(), phrase=phrase, year=target_year)
        raise ValueError(f"no value in {phrase!r}")
    match = matches[0]
    after = text[match.end():]
    suffix_match = SUFFIX_RE.match(after)
    suffix = suffix_match.group(0) if suffix_match else ""
    trailer = after[len(suffix):]
    if not _ALLOWED_TRAILER.fullmatch(trailer):
        raise ValueError(f"unexpected words after the value: {trailer.strip()!r}")
    before = text[: match.start()]
    lead = _LEAD_AT_END.search(before)
    change = _CHANGE_LEAD_RE.fullmatch(lead.group(0)) if lead and lead.group("verb") else None
    word = lead.group("word") if lead and not change else ""

    if match.group("ratio"):
        a, b = float(match.group("ra").replace(",", "")), float(match.group("rb").replace(",", ""))
        if a == 0:
            raise ValueError(f"ratio with zero first term: {phrase!r}")
        if change:
            raise ValueError(f"a ratio cannot be a change: {phrase!r}")
        return Target(value=_round(b * 100 / a), comparator=_level_comparator(word, suffix), kind="ratio",
                      unit="", phrase=phrase, year=target_year)

    if match.group("range"):
        low, low_unit = quantity_value(match, "lo")
        high, unit = quantity_value(match, "hi")
        if not match.group("hiunit") or (match.group("lounit") and low_unit != unit):
            raise ValueError(f"a range needs one unit on its upper end: {phrase!r}")
        if match.group("himag") and not match.group("lomag"):
            low = _round(low * MAGNITUDES[match.group("himag")])
        if low > high:
            raise ValueError(f"range runs backwards: {phrase!r}")
        if word in _HARD_WORDS or suffix:
            raise ValueError(f"a range takes no comparator words: {phrase!r}")
        kind = "level"
        if change:
            kind = "annual-growth" if change.group("annual") else "change"
            if change.group("verb") in _FALL_VERBS:
                low, high = -high, -low
        return Target(low=low, high=high, comparator="range", kind=kind, unit=unit, phrase=phrase,
                      year=target_year)

    value, unit = quantity_value(match)
    if change:
        sign = -1 if change.group("verb") in _FALL_VERBS else 1
        kind = "annual-growth" if change.group("annual") else "change"
        return Target(value=_round(sign * value), comparator=_change_comparator(sign, suffix), kind=kind,
                      unit=unit, phrase=phrase, year=target_year)
    return Target(value=value, comparator=_level_comparator(word, suffix), kind="level", unit=unit,
                  phrase=phrase, year=target_year)


# ---------------------------------------------------------------------------------------------
# deadlines

_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_ONGOING = frozenset(
    "长期 长期坚持 长期推进 长期实施 持续 持续推进 持续实施 持续开展 常年 常态化 经常性 逐步推进".split()
)
_Y = r"(?P<y>(?:19|20)[0-9]{2})"
_DEADLINE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (rf"{_Y}年(?P<m>[0-9]{{1,2}})月(?P<d>[0-9]{{1,2}})日", "date"),
        (rf"{_Y}年(?P<m>[0-9]{{1,2}})月(?:底|末|份)?", "date"),
        (rf"{_Y}年(?:底|末|年底|年末)", "year-end"),
        (rf"{_Y}年", "year"),
        (rf"{_Y}年?第?(?P<q>[一二三四1-4])季度(?:末|底)?", "quarter"),
        (rf"{_Y}年(?P<h>上|下)半年", "half"),
        (rf"(?P<y0>(?:19|20)[0-9]{{2}})年?\s*(?:-|—|–|~|至|到)+\s*{_Y}年(?:底|末)?", "span"),
        (rf"{_Y}[.\-/](?P<m>[0-9]{{1,2}})(?:[.\-/](?P<d>[0-9]{{1,2}}))?", "date"),
        (r"(?:今年|本年|当年)?(?:年底|年末|年内|年度内|底)", "this-year-end"),
        (r"(?:今年|本年)?(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})日|底|末)?", "this-year-date"),
        (r"(?:今年|本年)?(?P<h>上|下)半年", "this-year-half"),
        (r"(?:今年|本年)?第?(?P<q>[一二三四1-4])季度(?:末|底)?", "this-year-quarter"),
        (r"(?:每年|每年度|年年)(?:(?P<m>[0-9]{1,2})月(?:底|末)?)?", "recurring"),
        (r"每季度|每月|每半年", "recurring"),
        (r"十(?P<n>[一二三四五六七八九]?)五(?:期间|时期|末|期末)?", "plan-period"),
        (r"规划期(?:内|末|间)|期末", "period-end"),
    )
)


def parse_deadline(phrase: str, default_year: int | None = None, period_end: int | None = None) -> Deadline:
    """A task's deadline (完成时限) as a year and month, or ongoing.

    Accepted forms (full-width digits too; a trailing 前/以前/之前 and a leading 于/到/截至/
    完成时限: are allowed): ``2026年12月``, ``2026年12月底前``, ``2026年6月30日前``, ``2026年底``,
    ``2015年`` (month None: by the end of that year), ``2026年第二季度``/``2026年二季度`` (month of
    the quarter's end), ``2026年上半年`` (6) / ``下半年`` (12), ``2025—2026年`` (the end year),
    ``2026.12``, ``2026-12``, ``2026/12``; ``年底前``, ``6月30日前``, ``上半年`` with
    ``default_year``; ``长期``, ``持续推进``, ``长期坚持`` … (ongoing) and ``每年``, ``每年度``,
    ``每年6月`` (ongoing, recurring); ``“十二五”期间``/``末`` (the plan's last year: 2015; must
    agree with ``period_end`` when given) and ``规划期内``/``期末`` (``period_end``).
    Anything else raises :class:`ValueError`.
    """
    text = normalize_width(phrase).strip()
    text = re.sub(r"^(?:完成时限|时限)\s*:?\s*", "", text)
    text = re.sub(r"^(?:截至|截止|于|在|到|至)", "", text)
    text = re.sub(r"(?:以前|之前|前)$", "", text)
    text = re.sub(r"[“”\"'「」\s]", "", text)
    if not text:
        raise ValueError("empty deadline")
    if text in _ONGOING:
        return Deadline(phrase=phrase, ongoing=True)
    for pattern, kind in _DEADLINE_FORMS:
        m = pattern.fullmatch(text)
        if m:
            return _deadline_from(m, kind, phrase, default_year, period_end)
    raise ValueError(f"not a deadline: {phrase!r}; write e.g. 2026年12月底前 or 长期")


def _deadline_from(m: re.Match[str], kind: str, phrase: str, default_year: int | None,
                   period_end: int | None) -> Deadline:
    groups = m.groupdict()
    month: int | None = None
    if groups.get("m"):
        month = int(groups["m"])
    elif groups.get("q"):
        month = _QUARTERS[groups["q"]]
    elif groups.get("h"):
        month = 6 if groups["h"] == "上" else 12
    elif kind in ("year-end", "this-year-end") or (kind == "span" and m.group(0)[-1] in "底末"):
        month = 12
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"no month {month} in {phrase!r}")
    if groups.get("d") and not 1 <= int(groups["d"]) <= 31:
        raise ValueError(f"no day {groups['d']} in {phrase!r}")
    if kind == "recurring":
        return Deadline(phrase=phrase, month=month, ongoing=True)
    if kind == "plan-period":
        year = _plan_period_end(groups["n"])
        if period_end is not None and period_end != year:
            raise ValueError(f"{phrase!r} ends in {year}, the plan in {period_end}")
        return Deadline(phrase=phrase, year=year, month=12 if m.group(0).endswith("末") else None)
    if kind == "period-end":
        if period_end is None:
            raise ValueError(f"{phrase!r} needs the plan's last year")
        return Deadline(phrase=phrase, year=period_end)
    if kind.startswith("this-year"):
        if default_year is None:
            raise ValueError(f"{phrase!r} names no year; give the year of the plan")
        year = default_year
    else:
        year = int(groups["y"])
        if kind == "span" and int(groups["y0"]) > year:
            raise ValueError(f"years run backwards in {phrase!r}")
    return Deadline(phrase=phrase, year=year, month=month)


# ---------------------------------------------------------------------------------------------
# back into words


def _plain(value: float) -> str:
    """A number without float noise or exponent: 155800.0 -> '155800', 0.2 -> '0.2'."""
    text = format(Decimal(repr(_round(value))).normalize(), "f")
    return "0" if text in ("-0", "-0.0") else text


def format_value(value: float | None, unit: str = "") -> str:
    """A value for readers, with 万/亿 where Chinese writes them: 155800 公顷 -> ``15.58万公顷``.

    Values of 1e8 and more are written in 亿, of 1e4 and more in 万, except for percentages,
    per-mille, durations and unitless numbers. None (a narrative target) gives ``""``.
    """
    if value is None:
        return ""
    if unit not in _NO_MAGNITUDE and abs(value) >= 1e4:
        if abs(value) >= 1e8:
            return f"{_plain(value / 1e8)}亿{unit}"
        return f"{_plain(value / 1e4)}万{unit}"
    return f"{_plain(value)}{unit}"


_LEVEL_WORDS = {">=": "不低于", "<=": "不超过", ">": "超过", "<": "低于", "=": ""}


def describe_target(target: Target) -> str:
    """The target in words for readers; :func:`parse_target` reads it back to the same target.

    ``不低于98%``, ``不超过166.2万人``, ``下降13%``, ``下降13%以上``, ``年均增长12%以上``,
    ``100:120``, ``5%–8%``; a narrative target is its words. Plans write no strict bound on a
    change, so a change with ``>`` or ``<`` is worded like ``>=`` / ``<=`` (以上 / 以内).
    """
    if target.value is None and target.comparator != "range":
        return target.narrative or target.phrase
    if target.comparator == "range":
        low, high = target.low, target.high
        if target.kind in ("change", "annual-growth"):
            verb = "下降" if (high or 0) <= 0 else "增长"
            if verb == "下降":
                low, high = -(high or 0), -(low or 0)
            lead = ("年均" if target.kind == "annual-growth" else "") + verb
            return f"{lead}{format_value(low, target.unit)}–{format_value(high, target.unit)}"
        return f"{format_value(low, target.unit)}–{format_value(high, target.unit)}"
    value = float(target.value or 0)
    if target.kind == "ratio":
        return f"{_LEVEL_WORDS.get(target.comparator, '')}100:{_plain(value)}"
    if target.kind in ("change", "annual-growth"):
        verb = "下降" if value < 0 else "增长"
        lead = ("年均" if target.kind == "annual-growth" else "") + verb
        amount = format_value(abs(value), target.unit)
        # the comparator is on the signed value: for a fall, <= means "at least this much"
        wider = ">=" if value >= 0 else "<="
        narrower = "<=" if value >= 0 else ">="
        if target.comparator in (wider, wider[0]):
            return f"{lead}{amount}以上"
        if target.comparator in (narrower, narrower[0]):
            return f"{lead}{amount}以内"
        return f"{lead}{amount}"
    return f"{_LEVEL_WORDS.get(target.comparator, '')}{format_value(value, target.unit)}"


def direction(target: Target) -> str | None:
    """Which way the indicator should move for the target to be met.

    ``increase`` for ``>=``/``>`` levels and rises; ``decrease`` for ``<=``/``<`` levels and falls;
    ``maintain`` for ranges, for a change of 0, and for ``=`` levels written with 保持/稳定/维持.
    None for other ``=`` levels (the way depends on the baseline, which the target does not know)
    and for narrative targets.
    """
    if target.comparator == "range":
        return "maintain"
    if target.value is None:
        return None
    if target.kind in ("change", "annual-growth"):
        if target.value > 0:
            return "increase"
        return "decrease" if target.value < 0 else "maintain"
    if target.comparator in (">=", ">"):
        return "increase"
    if target.comparator in ("<=", "<"):
        return "decrease"
    if any(word in target.phrase for word in ("保持", "稳定", "维持")):
        return "maintain"
    return None
