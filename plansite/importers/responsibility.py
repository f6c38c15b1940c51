"""Who is to carry out a task, as plan documents write it.

The conventions read here:

- a line after the task: ``——由市住建委、市城乡规划局会同有关部门和各乡镇办场区园组织落实。``
  (the names before 会同/同 lead, the names after it co-operate);
- a parenthesis in the task: ``（牵头单位：市发改委；配合单位：市财政局、市统计局）``;
- a label line: ``责任单位：市发改委牵头，市财政局按职责分工负责``;
- a plain ``市发改委牵头，市财政局配合``;
- the cells of a task table (牵头单位, 责任单位, 配合单位 columns).

Names are split on 、，, 和 及 与 (a 和 inside a name such as 住房和城乡建设局 is kept); a level
prefix carries over to the names after it (``省发展改革委、财政厅`` names 省财政厅); generic
phrases (有关部门, 各乡镇办场区园, 各县（市、区）人民政府 …) are implementers, not departments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plansite.language.departments import level_of

DASH = re.compile(r"^[—–\-－─━]{1,4}\s*")
GENERIC = re.compile(r"^(各|有关|相关|其他|其它|所属|全[市县区省])|等有关|社会各界|^(各级|群众)")
# A name ends in one of these; a 和 after one of them separates two names, elsewhere it is part
# of a name (市住房和城乡建设局).
NAME_END = ("局", "委", "办", "厅", "部", "会", "院", "室", "中心", "公司", "站", "所", "队",
            "政府", "联", "行", "处", "园", "门", "署", "司", "馆", "台", "社", "团", "校", "组",
            "区", "镇", "场", "位", "县", "市", "乡", "协")
CONNECTOR = re.compile(r"以及|和|及|与")
CO_WORDS = re.compile(r"会同|协同|联合|配合")
VERB_TAIL = re.compile(
    r"(按职责分工|按照职责分工|按职能)?(共同)?(负责)?(组织)?(落实|实施|推进|完成|承办|执行)?[。.；;，,]*$")
LEAD_LABELS = ("牵头单位", "牵头部门", "主办单位", "主责单位", "主要责任单位", "牵头")
RESPONSIBLE_LABELS = ("责任单位", "责任部门", "实施单位", "责任主体")
COOPERATING_LABELS = ("配合单位", "配合部门", "协办单位", "参与单位", "协助单位", "协同单位", "参加单位")
DEADLINE_LABELS = ("完成时限", "时间节点", "完成时间", "时限")
LABEL = re.compile("(" + "|".join(sorted(
    LEAD_LABELS + RESPONSIBLE_LABELS + COOPERATING_LABELS + DEADLINE_LABELS,
    key=len, reverse=True)) + r")\s*[:：]\s*")
PAREN = re.compile(r"[（(]([^（）()]*(?:[（(][^（）()]*[)）][^（）()]*)*)[)）]")
LEADS_PHRASE = re.compile(r"^(?P<lead>.+?)牵头[，,、；;\s]*(?P<rest>.*)$")
CO_TAIL = re.compile(r"(按职责分工负责|分工负责|共同负责|按职责负责|配合|参与|协助|协办|负责)[。.；;]?$")


@dataclass
class Responsibility:
    """The departments a statement names: lead, co-operating, generic implementers, deadline."""

    phrase: str
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    implementers: list[str] = field(default_factory=list)
    deadline: str = ""

    @property
    def departments(self) -> list[str]:
        return list(dict.fromkeys(self.lead + self.cooperating))


def is_generic(name: str) -> bool:
    """True for words that name no single body: 有关部门, 各乡镇办场区园, 各县（市、区）人民政府."""
    return bool(GENERIC.search(name))


def _top_level_split(text: str, seps: str) -> list[str]:
    """Split ``text`` on any character of ``seps`` outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in seps:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _split_connectors(text: str) -> list[str]:
    """Split on 和/及/与 only where the text before it ends like a name."""
    out: list[str] = []
    rest = text
    while True:
        for m in CONNECTOR.finditer(rest):
            left = rest[:m.start()]
            if left.endswith(NAME_END) and m.end() < len(rest):
                out.append(left)
                rest = rest[m.end():]
                break
        else:
            out.append(rest)
            return out


def split_names(text: str, prefix: str = "") -> list[str]:
    """The names in a list such as ``市教育局、市财政局和各乡镇办场区园``.

    A name without a level prefix after one with it inherits it (省X厅、Y厅 -> 省Y厅); pass
    ``prefix`` to carry one over from an earlier part of the same statement.
    """
    names: list[str] = []
    for chunk in _top_level_split(text, "、，,；;/／ 　"):
        for name in _split_connectors(chunk.strip()):
            name = name.strip().strip("。.:：")
            if not name:
                continue
            level = level_of(name)
            if level:
                prefix = prefix or level
            elif prefix and not is_generic(name) and not name.startswith(("中", "国")):
                name = prefix + name
            names.append(name)
    return names


def _first_prefix(names: list[str]) -> str:
    for name in names:
        level = level_of(name)
        if level:
            return level
    return ""


def _sort(phrase: str, lead: list[str], cooperating: list[str], deadline: str = "") -> Responsibility:
    out = Responsibility(phrase=phrase, deadline=deadline)
    for target, names in ((out.lead, lead), (out.cooperating, cooperating)):
        for name in names:
            if is_generic(name):
                out.implementers.append(name)
            elif name not in out.lead and name not in out.cooperating:
                target.append(name)
    return out


def _lead_and_rest(text: str) -> tuple[list[str], list[str]]:
    """``X牵头，Y配合`` or plain ``X、Y``: the lead names and the co-operating names."""
    text = text.strip().rstrip("。.；;")
    m = LEADS_PHRASE.match(text)
    if not m:
        return split_names(VERB_TAIL.sub("", text)), []
    lead = split_names(m.group("lead"))
    rest = CO_TAIL.sub("", m.group("rest").strip())
    return lead, split_names(rest, _first_prefix(lead))


def parse_dash_line(text: str) -> Responsibility | None:
    """A ``——由X、Y会同Z组织落实。`` line, or None when the dash line says something else."""
    m = DASH.match(text)
    if not m:
        return None
    body = text[m.end():].strip()
    if not body.startswith("由") and not re.search(r"(牵头|负责|落实|实施)[。.]?$", body):
        return None
    body = VERB_TAIL.sub("", body[1:] if body.startswith("由") else body)
    co = CO_WORDS.search(body)
    if co is None:
        for same in re.finditer("同", body):
            if body[:same.start()].endswith(NAME_END) and same.end() < len(body):
                co = same
                break
    if co is None:
        lead, rest = _lead_and_rest(body)
        return _sort(text, lead, rest)
    lead = split_names(body[:co.start()])
    return _sort(text, lead, split_names(body[co.end():], _first_prefix(lead)))


def _labelled(text: str) -> Responsibility | None:
    """``牵头单位：X；配合单位：Y`` (with any of the known labels), or None."""
    marks = list(LABEL.finditer(text))
    if not marks or not any(m.group(1) not in DEADLINE_LABELS for m in marks):
        return None
    values: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        values[m.group(1)] = text[m.end():end].strip().strip("；;，,。. ")
    lead: list[str] = []
    cooperating: list[str] = []
    deadline = ""
    has_lead_label = any(k in LEAD_LABELS for k in values)
    for label, value in values.items():
        if label in DEADLINE_LABELS:
            deadline = value
        elif label in LEAD_LABELS:
            lead += split_names(VERB_TAIL.sub("", value))
        elif label in COOPERATING_LABELS:
            cooperating += split_names(CO_TAIL.sub("", value), _first_prefix(lead))
        elif has_lead_label:
            cooperating += split_names(CO_TAIL.sub("", value), _first_prefix(lead))
        else:
            first, rest = _lead_and_rest(value)
            lead += first
            cooperating += rest
    return _sort(text, lead, cooperating, deadline)


def parse_line(text: str) -> Responsibility | None:
    """A paragraph that is only a responsibility statement (any convention), or None."""
    text = text.strip()
    found = parse_dash_line(text)
    if found is not None:
        return found
    inner = text
    paren = PAREN.fullmatch(text.rstrip("。."))
    if paren:
        inner = paren.group(1)
    if LABEL.match(inner):
        found = _labelled(inner)
        if found is not None:
            found.phrase = text
        return found
    m = LEADS_PHRASE.match(text.rstrip("。."))
    if m and len(text) <= 80 and CO_TAIL.search(text) and "，" not in m.group("lead") \
            and "," not in m.group("lead"):
        lead, rest = _lead_and_rest(text)
        if lead and all(n.endswith(NAME_END) for n in lead):
            return _sort(text, lead, rest)
    if text.startswith("由") and len(text) <= 80:
        # the dash line's words without the dash: 由市政府办会同市监察局组织落实。
        found = parse_dash_line("——" + text)
        if found is not None and found.lead and all(
                n.endswith(NAME_END) or is_generic(n) for n in found.departments):
            found.phrase = text
            return found
    return None


def find_embedded(text: str) -> Responsibility | None:
    """A responsibility parenthesis inside a task's text: ``（牵头单位：X；配合单位：Y）``."""
    for m in PAREN.finditer(text):
        if LABEL.match(m.group(1).strip()):
            found = _labelled(m.group(1).strip())
            if found is not None:
                found.phrase = m.group(0)
                return found
    return None


_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")


def find_trailing(text: str) -> Responsibility | None:
    """A responsibility sentence closing a task's paragraph after other sentences:
    ``推行“拿地即开工”。市发改委牵头，市住建委配合。``, ``…。由市政府办会同市监察局组织落实。``
    or ``…。责任单位：市发改委。``; None when the last sentence names no departments."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    if len(sentences) < 2:
        return None
    last = sentences[-1].strip()
    found = parse_line(last)
    if found is None and last.startswith("由"):
        found = parse_dash_line("——" + last)
        if found is not None:
            found.phrase = last
    if found is None or not found.lead:
        return None
    # a sentence such as 加快推进项目落实。 is no statement of who does it
    if not all(n.endswith(NAME_END) for n in found.lead + found.cooperating):
        return None
    return found


def parse_cells(lead: str, cooperating: str, responsible: str, phrase: str) -> Responsibility:
    """The responsibility of a task-table row from its 牵头 / 配合 / 责任单位 cells."""
    lead_names = split_names(VERB_TAIL.sub("", lead)) if lead else []
    co_names = split_names(CO_TAIL.sub("", cooperating), _first_prefix(lead_names)) \
        if cooperating else []
    if responsible:
        first, rest = _lead_and_rest(responsible)
        if lead_names:
            co_names += first + rest
        else:
            lead_names, co_names = first, co_names + rest
    return _sort(phrase, lead_names, co_names)
