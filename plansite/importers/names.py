"""Lists of names in responsibility statements: where one name ends and the next begins.

A list such as ``省环保厅、发展改革委按职责分工负责`` or ``区财政局、区水务局等部门，区国投公司、
各街道办事处`` is read into groups of names (a group ends at ， or ；, a name at 、, a space, a
line break inside a table cell, or 和 / 及 / 与 after a name's ending):

- duty phrases end a list or an item and are no part of a name (按职责分工负责, 按职能分工落实,
  负责, 等单位, 等部门, 等, 结合实际落实 …); 及有关单位 is a collective of its own;
- an item that says there is no one (无, —, /) names no one;
- a level prefix is shared with the bare offices of the same list (省发展改革委、商务厅 names
  省商务厅), but not with a name that carries its own place or is no office of that level
  (:func:`plansite.language.departments.with_level`);
- 各 is shared over the area words after it (各区、县级市 names 各区 and 各县级市);
- collective bodies (各区, 有关部门, 区直各部门, 县级市 …) are implementers, never departments;
- ``X（Y）`` where both are office names is one body with an alias (省市场监管局（省知识产权局）),
  and ``X（牵头）`` marks the lead.

Everything is recognised on the text with traditional characters folded
(:func:`plansite.language.script.fold`); names are kept as the document writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.departments import (OFFICE_ENDS, has_own_place, places_in, shared_prefix,
                                           shares_level, with_level)
from plansite.language.script import fold

OPEN = "（(〔［[【"
CLOSE = "）)〕］]】"
GROUP_SEPARATORS = "，,；;"
ITEM_SEPARATORS = "、/／ 　\n\t"
_SEPARATOR = re.compile("[" + re.escape(GROUP_SEPARATORS + ITEM_SEPARATORS) + "]")
# A name ends in one of these; a 和 after one of them separates two names, elsewhere it is part
# of a name (市住房和城乡建设局).
NAME_END = ("局", "委", "办", "厅", "部", "会", "院", "室", "中心", "公司", "站", "所", "队",
            "政府", "联", "行", "处", "园", "门", "署", "司", "馆", "台", "社", "团", "校", "组",
            "区", "镇", "场", "位", "县", "市", "乡", "协", "村", "街道", "班", "关")
CONNECTOR = re.compile(r"以及|和|及|与")
DUTY = re.compile(
    r"(?:等(?:有关|相关)?(?:单位|部门|机构)?)?"
    r"(?:(?:要|须|应)?(?:按照?|根据)?(?:各自)?(?:职责|职能)(?:分工)?|结合(?:本地|各地|自身)?实际"
    r"|分别|共同|具体|切实|认真)*"
    r"(?:负责|抓好落实|组织落实|组织实施|贯彻落实|落实|实施|推进|承办|执行|办理|承担)?$")
# The last characters a duty phrase can end with: a name ending otherwise has none.
DUTY_ENDS = frozenset("等位门构责能工际别同体实真施进办行理担")
LEADING = re.compile(r"^(?:由|请|责成)")
PLACEHOLDER = re.compile(r"^(?:无|暂无|空|不涉及|无此项|[—–\-－─/／.。…]+|N/?A)$", re.I)
COLLECTIVE = re.compile(
    r"^(?:各|有关|相关|其他|其它|所属|全(?:省|市|县|区|州))|等有关|社会各界|^(?:各级|群众)"
    r"|(?:有关|相关)(?:部门|单位|机构|方面)$|各(?:部门|单位|成员单位|专班|街道|乡镇|直属|工作部门)"
    r"|^(?:县级市|区|县|市|州|乡镇|镇|乡|村|街道|社区|镇街|镇村)$"
    r"|^(?:区县|县区|县市区|县（市、区）|县\(市、区\)|乡镇|镇街|乡镇街道)(?:人民政府|政府|党委)?$")
# Area words 各 is shared over: 各区、县级市; 各区、县人民政府.
AREA = re.compile(r"^(?:县级市|地级市|区|县|市|州|盟|旗|乡镇|乡|镇|街道|开发区|园区)"
                  r"(?:人民政府|政府|党委和政府|党委、政府|办事处)?$")
# Marks written after a name: 市发改委（牵头）.
MARKS = {"牵头": "lead", "牵头单位": "lead", "主责": "lead", "配合": "cooperating",
         "配合单位": "cooperating", "参与": "cooperating", "协办": "cooperating"}


@dataclass
class Name:
    """One name of a list: as it stands for the body, and how the list wrote it."""

    text: str
    written: str
    alias: str = ""
    collective: bool = False
    mark: str = ""
    notes: list[Phrase] = field(default_factory=list)


@dataclass
class NameList:
    """The names of a list, in groups (a group ends at ， or ；), and what was left out."""

    groups: list[list[Name]] = field(default_factory=list)
    notes: list[Phrase] = field(default_factory=list)
    places: frozenset[str] = frozenset()

    @property
    def names(self) -> list[Name]:
        return [name for group in self.groups for name in group]

    def take_level(self, prefix: str) -> None:
        """A list whose every name is a bare office of one level (财政厅、统计局) takes the
        level ``prefix`` of the statement it stands in."""
        names = self.names
        if not prefix or not names or list_prefix(names) or not all(
                n.collective or shares_level(fold(n.text), self.places) for n in names):
            return
        for name in names:
            if not name.collective:
                shared = with_level(prefix, name.text, self.places)
                self.notes.append(phrase("names-level-shared", written=name.text, name=shared))
                name.text = shared


def is_collective(name: str) -> bool:
    """True for words that name no single body: 有关部门, 各乡镇办场区园, 各县（市、区）人民政府,
    区直各部门, 县级市."""
    return bool(COLLECTIVE.search(fold(name)))


def looks_like_name(name: str) -> bool:
    """True when ``name`` ends like the name of a body (局, 委, 中心, 政府 …)."""
    return fold(name).endswith(NAME_END)


def _top_level(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` between separators outside brackets, each with the separator that
    ended it (``"group"``, ``"item"`` or ``""`` at the end)."""
    spans: list[tuple[int, int, str]] = []
    if not any(ch in text for ch in OPEN):
        start = 0
        for m in _SEPARATOR.finditer(text):
            spans.append((start, m.start(), "group" if m.group() in GROUP_SEPARATORS else "item"))
            start = m.end()
        spans.append((start, len(text), ""))
        return spans
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and (ch in GROUP_SEPARATORS or ch in ITEM_SEPARATORS):
            spans.append((start, i, "group" if ch in GROUP_SEPARATORS else "item"))
            start = i + 1
    spans.append((start, len(text), ""))
    return spans


def _split_connectors(text: str) -> list[str]:
    """Split on 和/及/与 only where the text before it ends like a name."""
    out: list[str] = []
    rest = text
    while True:
        key = fold(rest)
        for m in CONNECTOR.finditer(key):
            if key[:m.start()].endswith(NAME_END) and m.end() < len(rest):
                out.append(rest[:m.start()])
                rest = rest[m.end():]
                break
        else:
            out.append(rest)
            return out


def bracket_closing(text: str) -> tuple[int, int] | None:
    """The span of the bracket that ends ``text`` (nesting kept), or None."""
    if not text or text[-1] not in CLOSE:
        return None
    depth = 0
    for start in range(len(text) - 1, -1, -1):
        if text[start] in CLOSE:
            depth += 1
        elif text[start] in OPEN:
            depth -= 1
            if depth == 0:
                return start, len(text)
    return None


def _trailing_bracket(text: str) -> tuple[str, str]:
    """``text`` without a bracket closing it, and the bracket's content (``""`` when none)."""
    span = bracket_closing(text)
    if span is None:
        return text, ""
    return text[:span[0]], text[span[0] + 1:-1]


def _without_duty(text: str, notes: list[Phrase]) -> str:
    """``text`` without the duty phrases that end it (按职责分工负责, 等部门, 等 …)."""
    text = text.strip().strip("。.:：")
    found = LEADING.match(fold(text))
    if found:
        text = text[found.end():]
    m = DUTY.search(fold(text)) if fold(text[-1:]) in DUTY_ENDS else None
    if m and m.start() < len(text):
        notes.append(phrase("names-duty-dropped", words=text[m.start():]))
        text = text[:m.start()].strip()
    return text


def _item(text: str, notes: list[Phrase]) -> list[Name]:
    """The names one item of a list holds (a 和 may join two)."""
    out: list[Name] = []
    for piece in _split_connectors(_without_duty(text, notes)):
        piece = _without_duty(piece, notes)
        if not piece:
            continue
        if PLACEHOLDER.match(piece):
            notes.append(phrase("names-placeholder", words=piece))
            continue
        name = Name(text=piece, written=piece)
        outer, inner = _trailing_bracket(piece)
        mark = MARKS.get(fold(inner).strip())
        if mark and outer:
            name.text = name.written = outer.strip()
            name.mark = mark
        elif inner and outer and fold(outer).endswith(OFFICE_ENDS) \
                and fold(inner).endswith(OFFICE_ENDS) and len(inner) >= 3 \
                and not any(ch in inner for ch in "、，,；;"):
            name.text = name.written = outer.strip()
            name.alias = inner.strip()
            name.notes.append(phrase("names-alias", name=name.text, alias=name.alias))
        name.collective = is_collective(name.text)
        out.append(name)
    return out


def _share_each(names: list[Name]) -> None:
    """各 written before the first of several area words is theirs too: 各区、县级市."""
    each = False
    for name in names:
        key = fold(name.text)
        if key.startswith("各"):
            each = True
        elif each and AREA.match(key):
            name.text = "各" + name.text
            name.collective = True
            name.notes.append(phrase("names-each-shared", written=name.written, name=name.text))
        else:
            each = False


def _share_level(names: list[Name], places: frozenset[str]) -> None:
    """The level prefix of a list's names is shared with its bare offices: the prefix of the
    nearest name before (or, for the first names, after) that has one.
    ``places`` are the places the document names; the list adds those of its own names
    (嘉兴 of 嘉兴经济开发区 keeps 嘉兴电力局 from taking 市)."""
    prefixes = [shared_prefix(fold(n.text)) if not n.collective else "" for n in names]
    if all(p or n.collective for n, p in zip(names, prefixes)) or not any(prefixes):
        return
    places = places | {p for n in names if has_own_place(fold(n.text))
                       for p in places_in(fold(n.text))}
    written = [n.text[:len(p)] for n, p in zip(names, prefixes)]
    for i, name in enumerate(names):
        if name.collective or prefixes[i] or not shares_level(fold(name.text), places):
            continue
        before = [w for p, w in zip(prefixes[:i], written[:i]) if p]
        after = [w for p, w in zip(prefixes[i + 1:], written[i + 1:]) if p]
        prefix = before[-1] if before else (after[0] if after else "")
        shared = with_level(prefix, name.text, places) if prefix else name.text
        if shared != name.text:
            name.notes.append(phrase("names-level-shared", written=name.text, name=shared))
            name.text = shared


def split_list(text: str, fallback_prefix: str = "",
               places: frozenset[str] = frozenset()) -> NameList:
    """The names of the list ``text``, in groups, with what was done to them noted.

    ``fallback_prefix`` is the level of the statement the list stands in: a list whose every
    name is a bare office of one level (财政厅、统计局) takes it. ``places`` are the places the
    document names (嘉兴 of 《嘉兴市…》): a bare name starting with one keeps its name.
    """
    found = NameList(places=places)
    group: list[Name] = []
    for start, end, ended in _top_level(text):
        group.extend(_item(text[start:end], found.notes))
        if ended == "group" or not ended:
            if group:
                found.groups.append(group)
            group = []
    names = found.names
    _share_each(names)
    _share_level(names, places)
    for name in names:
        found.notes.extend(name.notes)
    found.take_level(fallback_prefix)
    return found


def list_prefix(names: list[Name]) -> str:
    """The level prefix (as written) of the first of ``names`` that has one, else ``""``."""
    for name in names:
        prefix = shared_prefix(fold(name.text))
        if prefix and not name.collective:
            return name.text[:len(prefix)]
    return ""


def split_names(text: str, prefix: str = "", places: frozenset[str] = frozenset()) -> list[str]:
    """The names in a list such as ``市教育局、市财政局和各乡镇办场区园``, as they stand for
    their bodies (a shared level prefix added, duty phrases left out)."""
    return [name.text for name in split_list(text, prefix, places).names]

