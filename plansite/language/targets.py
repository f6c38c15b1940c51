"""Targets as plans state them (``达到55%``, ``五年下降13%``, ``年均增长12%以上``), read into a
:class:`~plansite.model.records.Target`.

Rules, in the order an editor is likely to ask about them (values and units are read as
:mod:`plansite.language.quantities` reads them):

* Comparators. Words standing directly before the value and the suffix after it decide:

  - ``达到`` / ``达`` / ``实现`` / ``提高到`` / ``发展到`` / ``延长到`` … : ``>=`` (a level to reach;
    more is fine);
  - ``为`` / ``保持`` / ``稳定在`` / ``维持在`` or no word at all: ``=``;
  - ``不低于`` / ``不少于`` / ``至少``: ``>=``; ``突破`` / ``超过`` / ``过`` / ``高于``: ``>``;
  - ``不超过`` / ``不高于`` / ``最多``: ``<=``; ``低于`` / ``少于``: ``<``;
  - ``控制在`` / ``降低到`` / ``下降到`` … : ``<=``;
  - suffix ``以上`` / ``及以上``: ``>=``; ``以内`` / ``以下`` / ``之内``: ``<=``.
  - Approximate targets are ``~`` (about): suffix ``左右`` / ``左右浮动`` / ``上下``, the word
    ``约`` / ``大约`` / ``约为`` before the value, or ``力争`` before a soft word without a
    suffix (``力争达到60%左右``, ``力争达到60%``); a hard word or ``以上`` / ``以内`` keeps its own.

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

import re

from plansite.language.numerals import CHINESE_DIGITS, normalize_width
from plansite.language.quantities import (MAGNITUDES, SUFFIX_RE, VALUE_RE, alternation,
                                          quantity_value, significant)
from plansite.model.records import Target

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
_SUFFIX_COMPARATOR = {"以上": ">=", "及以上": ">=", "以内": "<=", "以下": "<=", "之内": "<=",
                      "左右": "~", "左右浮动": "~", "上下": "~"}
_ABOUT_WORDS = ("大约", "约为", "约")
_STRIVE = "力争"
_RISE_VERBS = ("增长", "递增", "增加", "提高", "上升")
_FALL_VERBS = ("下降", "降低", "减少", "递减")
_ANNUAL_WORDS = ("年均", "年平均", "平均每年", "每年")
_CHANGE_LEAD = (
    rf"(?:五年|累计|期内)?(?P<annual>{alternation(_ANNUAL_WORDS)})?"
    rf"(?P<verb>{alternation(_RISE_VERBS + _FALL_VERBS)})了?"
)
_LEVEL_LEAD = rf"(?P<word>{alternation(list(_SOFT_WORDS) + list(_HARD_WORDS))})"
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


def predicate_start(before: str) -> int:
    """Where the comparator or change words that end ``before`` start (``len(before)`` if none).

    ``城镇化率达到`` -> 4 (``达到`` belongs to the value); ``单位生产总值能源消耗五年下降`` -> the
    index of ``五年``. Used by the extractor to split an indicator name from its target words.
    """
    match = _LEAD_AT_END.search(before)
    return match.start() if match else len(before)



def plan_period_end(n: str) -> int:
    """Last year of the N-th five-year plan (十一五 -> 2010, 十二五 -> 2015, 十五 -> 2005)."""
    number = 10 + (CHINESE_DIGITS[n] if n else 0)
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
        if by_suffix and by_suffix != "~" and by_suffix[0] != hard[0]:
            raise ValueError(f"{word} contradicts {suffix}")
        return hard
    if by_suffix:
        return by_suffix
    return _SOFT_WORDS.get(word, "=")


def _change_comparator(sign: int, suffix: str) -> str:
    """Comparator of a signed change: 下降13%以上 is <= -13, 增长12%以上 is >= 12."""
    by_suffix = _SUFFIX_COMPARATOR.get(suffix, "=")
    if by_suffix in ("=", "~") or sign > 0:
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
        return Target(value=significant(b * 100 / a), comparator=_level_comparator(word, suffix), kind="ratio",
                      unit="", phrase=phrase, year=target_year)

    if match.group("range"):
        low, low_unit = quantity_value(match, "lo")
        high, unit = quantity_value(match, "hi")
        if not match.group("hiunit") or (match.group("lounit") and low_unit != unit):
            raise ValueError(f"a range needs one unit on its upper end: {phrase!r}")
        if match.group("himag") and not match.group("lomag"):
            low = significant(low * MAGNITUDES[match.group("himag")])
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
    about = _about(before[: lead.start()] if lead else before, word, suffix)
    if change:
        sign = -1 if change.group("verb") in _FALL_VERBS else 1
        kind = "annual-growth" if change.group("annual") else "change"
        comparator = "~" if about else _change_comparator(sign, suffix)
        return Target(value=significant(sign * value), comparator=comparator, kind=kind,
                      unit=unit, phrase=phrase, year=target_year)
    return Target(value=value, comparator="~" if about else _level_comparator(word, suffix),
                  kind="level", unit=unit, phrase=phrase, year=target_year)


def _about(before: str, word: str, suffix: str) -> bool:
    """Whether a target is approximate: 左右 after it, 约 just before it, or 力争 with a soft
    word and no suffix of its own; 不低于, 以上 and the like keep their comparator."""
    if _SUFFIX_COMPARATOR.get(suffix) == "~":
        return word not in _HARD_WORDS
    if suffix or word in _HARD_WORDS:
        return False
    return before.endswith(_ABOUT_WORDS) or _STRIVE in before


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
