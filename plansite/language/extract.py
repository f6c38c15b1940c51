"""Quantified targets and reported figures found in the sentences of a plan.

The importer calls :func:`find_targets` on each paragraph of a plan to propose indicators
(``到2015年，城镇人口突破90万人，城镇化率达到55%`` gives 城镇人口 > 900000 人 and 城镇化率
>= 55 %), and :func:`find_reported` on the paragraphs of a work report to propose actuals
(``20*年全县参合农民7.94万人`` gives 全县参合农民 = 79400 人). Every value is read by
:func:`plansite.parse_target`; this module only finds where a value is and what it is a
value of.

How a sentence is read (sentences end at 。；！？ or a line break, clauses at ，and ：):

* A value is a number with a unit from :data:`plansite.UNITS`, a ratio (``100:120``) or a
  range (``1至2所``). Numbers without a unit (``321产业工程``, ``过100亿的产业``), Chinese
  numerals (``三大战略``, ``两基``), numbers with digits blanked by ``*`` (``1*场次``) and years
  (``2015年``, which set the year of the rest of the sentence) are not values. A duration
  (``5年``) is a value only after a comparator (``延长到20年``).
* The name is the text between the previous value (or ``、`` or the clause start) and the
  comparator words, without enumerations (``1.``, ``一是``), time words (``到2015年``,
  ``“十二五”期间``), lead-in words (``力争``, ``其中``, ``实现``, ``使``) and lists ending in
  ``等`` (``廉租住房、…等城市保障性住房`` -> 城市保障性住房). A value with no name takes the
  name of the value before it in the sentence (``达到11000元，年均增长12%以上``); ``占…的4.7%``
  becomes ``<previous name>占…比重``; a bare ``人口`` after ``城区建成区面积`` becomes
  ``人口(城区)``.
* A count followed by what it counts (``建设5个区域中心镇``, ``2所以上省级示范幼儿园``) is named
  by what follows. A value followed by ``的`` describes the noun after it (``不低于1000平方米的
  社区服务中心``) and is not a target, except a leading percentage (``80%的城镇社区建成…``,
  named by the rest of the clause); in a report it is the figure of that noun (``53万元的医疗
  设备``).
* ``A、B、C…分别达到x、y、z`` gives one value per name; the names share the prefix of the first
  and the suffix of the last (``城镇失业、工伤、生育保险人数`` -> 城镇失业保险人数, …).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from plansite.language.numerals import normalize_width
from plansite.language.quantities import (CLASSIFIERS, DURATION_UNITS, SUFFIX, SUFFIX_RE,
                                          VALUE_RE, quantity_pattern)
from plansite.language.targets import PREDICATE_WORDS, parse_target, predicate_start
from plansite.model.records import Target

log = logging.getLogger(__name__)


@dataclass
class TargetMention:
    """A value found in a text: what it measures, the words as written, and where they are."""

    name: str
    phrase: str
    target: Target
    start: int
    end: int


@dataclass
class _Sentence:
    """What a sentence has said so far: its year and the names of its values."""

    year: int | None
    names: list[str] = field(default_factory=list)


_SENTENCE_RE = re.compile(r"[^。;!?\n]+")
# a comma between digits and three more digits is a thousands separator and a colon between
# digits a ratio (100:120), not a clause end
_CLAUSE_RE = re.compile(r"(?:[^,:]|(?<=[0-9]),(?=[0-9]{3}(?![0-9]))|(?<=[0-9]):(?=[0-9]))+")
_LEAD_RE = re.compile(PREDICATE_WORDS)
_LEADING_RE = re.compile(
    r"\s+|”+"
    r"|\(?[一二三四五六七八九十]+\)|[0-9]+[.、)](?![0-9])|[一二三四五六七八九十]+是"
    r"|(?:到|至|截至|力争|确保|争取|在)?(?:[0-9]{4}|[0-9]*\*+[0-9]*)年(?:底|末|内)?"
    r"|(?:到|至|在)?[“\"]?十[一二三四五六七八九]?五[”\"]?(?:期间|时期|末)?"
    r"|[0-9]+年(?![0-9])|一年来|年内|今年"
    r"|其中|力争|确保|争取|实现|使(?!用)|共(?!青|享|建)|累计|提供|通过|并|和|及|与|对(?!外)|积极|进一步|努力"
    r"|要(?!素)|完成(?!率)|新建和改扩建|改扩建|新建|改建|建成(?!区)|建设(?!用地)|创办|整理|组织实施了?|实施了?"
    r"|在[^,]*?(?:建设|新建|建成|改造)(?!区|用地)"
)
_TRAILING_RE = re.compile(r"(?:(?:比|较)(?:19|20)[0-9]{2}年(?:底|末)?|必需|必须|要|将|应|均|统一|争取|力争|确保)+$")
_CONNECTOR_RE = re.compile(r"[\s、和及与并]*")
_NOUN_END_RE = re.compile(r"、|[和及与](?=[0-9])|进行|做好|开工|完工")
_MODIFIER_RE = re.compile(
    rf"(?:{PREDICATE_WORDS})?{quantity_pattern()}{SUFFIX}?的"
)
_CJK_START_RE = re.compile(r"[\u4e00-\u9fff“\"(]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_GENERIC_NAMES = frozenset({"人口", "面积", "总面积", "规模", "总量", "人数"})
_PLACES = ("城区", "全市", "全县", "城镇", "农村", "城市", "城乡", "全省", "全区", "市区", "县城")


def find_targets(text: str, default_year: int | None = None) -> list[TargetMention]:
    """The quantified targets a plan text states, in text order.

    ``default_year`` is the target year when the sentence names none (a five-year plan's last
    year). Narrative targets (``基本实现全覆盖``) are not returned: they have no value to find.
    """
    return _scan(text, default_year, reported=False)


def find_reported(text: str, default_year: int | None = None) -> list[TargetMention]:
    """The figures a work report gives for a past year, as ``=`` level targets (future actuals).

    ``20*年全县参合农民7.94万人,参合率87.39%`` -> 全县参合农民 79400 人, 参合率 87.39 %. The
    year is the one the sentence names, else ``default_year`` (None when the source blanked it).
    """
    return _scan(text, default_year, reported=True)


def _scan(text: str, default_year: int | None, reported: bool) -> list[TargetMention]:
    norm = normalize_width(text)
    mentions: list[TargetMention] = []
    for sentence in _SENTENCE_RE.finditer(norm):
        state = _Sentence(year=None)
        for clause in _CLAUSE_RE.finditer(norm, sentence.start(), sentence.end()):
            found = _distributed(text, norm, clause.start(), clause.end(), state, default_year, reported)
            if found is None:
                found = _clause(text, norm, clause.start(), clause.end(), state, default_year, reported)
            mentions.extend(found)
    return mentions


def _clean_name(raw: str) -> tuple[str, int]:
    """The indicator name in ``raw`` and how many leading characters were not part of it."""
    cut = 0
    while True:
        m = _LEADING_RE.match(raw, cut)
        if not m or m.end() == cut:
            break
        cut = m.end()
    name = _TRAILING_RE.sub("", raw[cut:]).strip()
    if "等" in name[:-1]:
        cut += name.rindex("等") + 1
        name = name[name.rindex("等") + 1:]
    return name, cut


def _noun_end(norm: str, start: int, end: int) -> int:
    stop = _NOUN_END_RE.search(norm, start, end)
    return stop.start() if stop else end


def _noun_after(norm: str, start: int, end: int) -> tuple[str, int]:
    """The noun a count or a ``的`` phrase points at, from ``start``, and where it ends.

    Sizes that describe the noun (``不低于1000平方米的``) are dropped; a ``的`` left after that
    ends the noun (``2所学校的校园环境建设`` counts 学校).
    """
    noun_end = _noun_end(norm, start, end)
    noun = _MODIFIER_RE.sub("", norm[start:noun_end])
    return noun.split("的")[0].strip(), noun_end


def _display_name(name: str, state: _Sentence) -> str:
    """The name as readers see it: shares (占…的) and bare generic names get their context."""
    previous = state.names[-1] if state.names else ""
    if name.startswith("占") and previous:
        return f"{previous}{name.rstrip('的')}比重"
    if name in _GENERIC_NAMES and previous:
        place = next((p for p in _PLACES if previous.startswith(p)), "")
        if place:
            return f"{name}({place})"
    return name


def _make_target(predicate: str, year: int | None, reported: bool) -> Target | None:
    try:
        target = parse_target(predicate, year=year)
    except ValueError as error:
        log.debug("not a target: %r (%s)", predicate, error)
        return None
    return replace(target, comparator="=") if reported and target.comparator != "range" else target


def _unit_of(match: re.Match[str]) -> str:
    if match.group("ratio"):
        return ""
    return (match.group("hiunit") if match.group("range") else match.group("unit")) or ""


def _clause(text: str, norm: str, a: int, b: int, state: _Sentence, default_year: int | None,
            reported: bool) -> list[TargetMention]:
    """The values of the clause ``norm[a:b]`` (offsets are into the whole text)."""
    out: list[TargetMention] = []
    last_end = a
    for m in VALUE_RE.finditer(norm, a, b):
        if m.start() < last_end:
            continue
        unit = _unit_of(m)
        number = m.group("hinum") if m.group("range") else m.group("num")
        if unit == "年" and number and re.fullmatch(r"(?:19|20)[0-9]{2}", number) and not m.group("mag"):
            # 比2015年 names a baseline: it stays inside the name and sets no target year
            if not re.search(r"(?:比|较)$", norm[a:m.start()]):
                state.year = int(number)
                last_end = m.end()
            continue
        if not unit and not m.group("ratio"):
            continue
        if m.group("ratio") and any(re.match(r"0[0-9]", m.group(g)) for g in ("ra", "rb")):
            continue  # 05:49 is a time of day
        seg_start = max(last_end, norm.rfind("、", a, m.start()) + 1)
        pre = norm[seg_start:m.start()]
        lead_idx = predicate_start(pre)
        lead = _LEAD_RE.fullmatch(pre[lead_idx:]) if lead_idx < len(pre) else None
        base_unit = unit.split("/")[0]
        if base_unit in DURATION_UNITS and not (lead and lead.group("word")):
            continue
        suffix = SUFFIX_RE.match(norm, m.end(), b)
        value_end = suffix.end() if suffix else m.end()
        after = norm[value_end:b]
        described = after.startswith("的") and not after.startswith(("的目标", "的水平"))
        name_raw = pre[:lead_idx]
        name, cut = _clean_name(name_raw)
        if described:
            leading_share = unit == "%" and not name
            if not (reported or leading_share):
                last_end = value_end
                continue
            name, end = _noun_after(norm, value_end + 1, b)
            start = seg_start + len(_CONNECTOR_RE.match(pre).group(0))
        elif base_unit in CLASSIFIERS and _CJK_START_RE.match(after):
            if suffix and suffix.group(0) and "的" in norm[value_end:_noun_end(norm, value_end, b)]:
                # 20户以上已通电的自然村: a condition on what is counted, not a count
                last_end = value_end
                continue
            name, end = _noun_after(norm, value_end, b)
            start = seg_start + len(_CONNECTOR_RE.match(pre).group(0))
        else:
            end = value_end
            if name:
                start = seg_start + cut
                name = _display_name(name, state)
            elif state.names:
                start = seg_start + lead_idx
                name = state.names[-1]
            else:
                log.debug("value without a name: %r", norm[m.start():value_end])
                continue
        target = _make_target(norm[seg_start + lead_idx:value_end], state.year or default_year, reported)
        last_end = max(value_end, end)
        if target is None or not _CJK_RE.search(name):
            continue
        state.names.append(name)
        out.append(TargetMention(name=name, phrase=text[start:end], target=target, start=start, end=end))
    return out


def _distribute_names(items: list[str]) -> list[str]:
    """Names of a ``分别`` list: ``城镇失业、工伤、生育保险人数`` -> 城镇失业保险人数, 城镇工伤…

    The shortest middle item (or the shorter end) gives the length of the part that differs;
    the first item's extra start is the shared prefix, the last item's extra end the suffix.
    """
    middle = items[1:-1] or [items[0], items[-1]]
    core = min(len(item) for item in middle)
    prefix, suffix = items[0][: len(items[0]) - core], items[-1][core:]
    names = [items[0][len(prefix):]] + items[1:-1] + [items[-1][:core]]
    return [f"{prefix}{item}{suffix}" for item in names]


def _distributed(text: str, norm: str, a: int, b: int, state: _Sentence, default_year: int | None,
                 reported: bool) -> list[TargetMention] | None:
    """``A、B、C分别达到x、y、z`` in ``norm[a:b]``; None when the clause is not such a list."""
    at = norm.find("分别", a, b)
    if at < 0:
        return None
    name_raw = norm[a:at]
    names_text, cut = _clean_name(name_raw)
    lead = _LEAD_RE.match(norm, at + 2, b)
    pos = lead.end() if lead else at + 2
    words = norm[at + 2:pos]
    predicates: list[str] = []
    while True:
        m = VALUE_RE.match(norm, pos, b)
        if not m:
            break
        suffix = SUFFIX_RE.match(norm, m.end(), b)
        pos = suffix.end() if suffix else m.end()
        predicates.append(words + norm[m.start():pos])
        sep = re.compile(r"[、和及]").match(norm, pos, b)
        if not sep:
            break
        pos = sep.end()
    items = [item for item in names_text.split("、") if item]
    if len(predicates) < 2 or len(items) != len(predicates):
        log.debug("分别 list does not pair names with values: %r", norm[a:b])
        return None
    start, end = a + cut, pos
    out = []
    for name, predicate in zip(_distribute_names(items), predicates):
        target = _make_target(predicate, state.year or default_year, reported)
        if target is None:
            return None
        out.append(TargetMention(name=name, phrase=text[start:end], target=target, start=start, end=end))
    state.names.extend(mention.name for mention in out)
    return out
