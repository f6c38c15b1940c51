"""Who is to carry out a task, as plan documents write it, and by which rule.

The statements read here:

- a line after the task: ``——由市住建委、市城乡规划局会同有关部门和各乡镇办场区园组织落实。``
  (the names before 会同/同 lead, the names after it co-operate);
- a bracket in or closing the task: ``（牵头单位：市发改委；配合单位：市财政局）``,
  ``（省经贸委牵头）``, ``(省环保厅、发展改革委按职责分工负责)``, ``〔责任单位：…〕``,
  ``[责任单位：A、B，C，排在首位为牵头单位，下同]``;
- label lines: ``责任单位：市发改委牵头，市财政局按职责分工负责``, or ``牵头单位：X`` and
  ``责任单位：Y`` on lines of their own;
- a plain ``市发改委牵头，市财政局配合`` or ``省人事厅配合省委有关部门落实``;
- the cells of a task table (:func:`parse_cells`);
- in a work plan's prose, ``由X牵头`` and ``各乡镇及县交通局等部门加强协作`` (:func:`find_in_prose`).

Each result says the rule that decided it (:data:`RULES`): a label, a verb (牵头, 配合, 会同),
the table's columns, or, for a plain list, the document's convention: the first group (up to the
first ， or ；) leads and later groups co-operate, unless the document says that the first-listed
unit leads (:class:`Convention`). Names are read by :mod:`plansite.importers.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from plansite.catalogue.phrases import Phrase, phrase
from plansite.importers.names import (CLOSE, NAME_END, OPEN, Name, NameList, bracket_closing,
                                      is_collective, list_prefix, looks_like_name, split_list,
                                      split_names)
from plansite.language.departments import OFFICE_ENDS
from plansite.language.script import fold

__all__ = ["NAME_END", "Convention", "Responsibility", "find_embedded", "find_in_prose",
           "find_trailing", "first_listed_note", "is_collective", "parse_cells", "parse_line",
           "split_names", "starts_with_label"]

RULES = ("label", "verb", "columns", "first-group", "first-listed", "prose")
"""The rules a task's departments can be decided by, each worded in the catalogue."""

DASH = re.compile(r"^[—–\-－─━]{1,4}\s*")
LEAD_LABELS = ("牵头单位", "牵头部门", "主办单位", "主责单位", "第一责任单位", "牵头")
RESPONSIBLE_LABELS = ("责任单位", "责任部门", "实施单位", "责任主体", "主要责任单位")
COOPERATING_LABELS = ("配合单位", "配合部门", "协办单位", "参与单位", "协助单位", "协同单位",
                      "参加单位")
DEADLINE_LABELS = ("完成时限", "时间节点", "完成时间", "时限")
# Labels of persons, not bodies: 责任领导：杜新国.
PERSON_LABELS = re.compile(r"^(?:(?:责任|牵头|分管|联系|督办|包保)(?:省|市|县|区)?领导|责任人|联系人)$")
LABEL = re.compile("(" + "|".join(sorted(
    LEAD_LABELS + RESPONSIBLE_LABELS + COOPERATING_LABELS + DEADLINE_LABELS, key=len,
    reverse=True)) + r"|(?:责任|牵头|分管|联系|督办|包保)(?:省|市|县|区)?领导|责任人|联系人)\s*[:：]\s*")
# Words that give the names before (or after) them a role.
ROLE = re.compile(r"牵头|配合|参与|协助|协办|会同|协同"
                  r"|(?:按照?(?:各自)?(?:职责|职能)(?:分工)?)?(?:共同)?"
                  r"(?:负责|抓好落实|组织落实|组织实施|贯彻落实|落实|实施)")
# A document's note that the first-listed unit leads: （列第一位者为牵头单位）,
# 排在首位的为牵头单位，下同, 排名第一的责任单位为牵头单位，其他列入单位为参与单位.
FIRST_LISTED = re.compile(
    r"(?:排在|排名|列|列在|位列|排)?(?:首位|第一位|第一个|第一)(?:的|者)?(?:责任)?(?:单位|部门)?"
    r"(?:为|是)(?:牵头(?:单位|部门)?|主责单位)"
    r"(?:[，,；;]?\s*其(?:他|余)(?:列入)?(?:的)?(?:责任)?(?:单位|部门)?(?:为|是)(?:参与|配合|协办)"
    r"(?:单位|部门)?)?(?:[，,；;]?\s*下同)?")
SAME_BELOW = re.compile(r"下同")
COLLECTIVE_WORDS = re.compile(r"(?:各|相关|有关)[^，,。；;、及和]{0,10}?(?:人民政府|政府|部门|单位)")
_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")
# Inside a statement, a 。 ends the list of names; what follows is a note.
_STATEMENT_END = re.compile(r"(?<=[。！!？?])")
STATEMENT_MAX = 120
# A line's names come before its first role word within this many characters.
NAMES_MAX = 60
# How a name ends when a plain list in brackets is all there is to go by.
OFFICE_NAME_END = OFFICE_ENDS + ("政府", "公司", "集团")


@dataclass(frozen=True)
class Convention:
    """What a document says once for all its statements: how it reads a plain list of
    responsible units (the first group leads, the default, or the first-listed unit when the
    document says so), and the places its title names (嘉兴 of 《嘉兴市…》), whose bodies keep
    their names in a list of another level's offices."""

    first_listed: bool = False
    note: str = ""
    line: int = 0
    places: frozenset[str] = frozenset()

    @property
    def rule(self) -> str:
        return "first-listed" if self.first_listed else "first-group"


@dataclass
class Responsibility:
    """The departments a statement names: lead, co-operating, collective implementers, the
    deadline it gives, the rule that decided the roles and what was done to the names."""

    phrase: str
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    implementers: list[str] = field(default_factory=list)
    deadline: str = ""
    rule: str = ""
    aliases: dict[str, str] = field(default_factory=dict)
    notes: list[Phrase] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)

    @property
    def departments(self) -> list[str]:
        return list(dict.fromkeys(self.lead + self.cooperating))


def _may_hold_label(text: str) -> bool:
    """Whether ``text`` has the colon every label is written with (a quick test first)."""
    return "：" in text or ":" in text


def starts_with_label(text: str) -> bool:
    """True for a line that starts with a label such as 牵头单位： or （责任单位："""
    return LABEL.match(fold(text.strip().lstrip(OPEN))) is not None


def first_listed_note(text: str) -> re.Match[str] | None:
    """Where ``text`` says that the first-listed unit leads, or None."""
    return FIRST_LISTED.search(fold(text))


class _Sorter:
    """Names sorted into lead, co-operating and implementers as a statement is read."""

    def __init__(self, phrase_: str):
        self.out = Responsibility(phrase=phrase_)

    def add(self, names: list[Name], role: str) -> None:
        for name in names:
            if name.collective:
                if name.text not in self.out.implementers:
                    self.out.implementers.append(name.text)
                continue
            target = {"lead": self.out.lead, "cooperating": self.out.cooperating}[
                name.mark or role]
            if name.text not in self.out.lead and name.text not in self.out.cooperating:
                target.append(name.text)
            if name.alias:
                self.out.aliases[name.text] = name.alias

    def add_list(self, found: NameList, convention: Convention) -> str:
        """A plain list: by the names it marks (市发改委（牵头）), else by the document's
        convention. Returns the rule used."""
        if any(n.mark == "lead" for n in found.names):
            self.add(found.names, "cooperating")
            return "verb"
        if convention.first_listed:
            named = [n for n in found.names if not n.collective and not n.mark]
            self.add(named[:1], "lead")
            self.add(found.names, "cooperating")
        else:
            self.add(found.groups[0] if found.groups else [], "lead")
            self.add([n for g in found.groups[1:] for n in g], "cooperating")
        return convention.rule

    def merge(self, found: Responsibility) -> None:
        """Take in what another statement of the same task found, and its rule."""
        out = self.out
        out.lead += [n for n in found.lead if n not in out.lead]
        out.cooperating += [n for n in found.cooperating if n not in out.lead + out.cooperating]
        out.implementers += [n for n in found.implementers if n not in out.implementers]
        out.aliases.update(found.aliases)
        out.notes += found.notes
        out.carried += found.carried
        out.rule = found.rule

    def note(self, found: NameList) -> NameList:
        self.out.notes.extend(found.notes)
        return found


def _remove_notes(text: str, sorter: _Sorter, convention: Convention) -> tuple[str, Convention]:
    """The statement without the notes written into it: a first-listed note (it sets the rule
    for this statement too) and sentences after the first, whose collectives a 下同 carries."""
    key = fold(text)
    note = FIRST_LISTED.search(key) if "牵头" in key or "主责" in key else None
    if note and note.end() > note.start():
        convention = replace(convention, first_listed=True, note=text[note.start():note.end()])
        sorter.out.notes.append(phrase("names-first-listed-note", words=convention.note))
        text = (text[:note.start()] + text[note.end():])
        key = fold(text)
    sentences = [s for s in _STATEMENT_END.split(text) if s.strip()] \
        if re.search(r"[。！!？?].", text) else [text]
    if len(sentences) > 1:
        text = sentences[0]
        for later in sentences[1:]:
            if SAME_BELOW.search(fold(later)):
                carried = [m.group(0) for m in COLLECTIVE_WORDS.finditer(fold(later))]
                starts = [m.start() for m in COLLECTIVE_WORDS.finditer(fold(later))]
                sorter.out.carried += [later[s:s + len(c)] for s, c in zip(starts, carried)]
            sorter.out.notes.append(phrase("names-note-kept", words=later.strip()))
    if "）" in text or ")" in text:
        text = re.sub(r"[（(][\s，,；;]*[)）]", "", text)
    return text.strip().strip("，,；;。. "), convention


def _by_verbs(text: str, sorter: _Sorter, convention: Convention, prefix: str = "") -> str:
    """Names sorted by the role words between them (牵头, 配合, 会同, 负责 …); a list with no
    role word, or a list before 负责/落实 when no one leads, by the convention. ``prefix`` is
    the level of the statement, when a label's list is only part of it. Returns the rule."""
    key = fold(text)
    marks = [m for m in ROLE.finditer(key) if _outside_brackets(key, m.start())]
    segments: list[tuple[str, str]] = []
    start = 0
    for m in marks:
        segments.append((text[start:m.start()], m.group(0)))
        start = m.end()
    segments.append((text[start:], ""))
    lists = [split_list(words, places=convention.places) for words, _ in segments]
    prefix = prefix or next((list_prefix(f.names) for f in lists if list_prefix(f.names)), "")
    for found in lists:
        found.take_level(prefix)
        sorter.note(found)
    if not marks:
        return sorter.add_list(lists[0], convention)
    rule = ""
    pending: list[NameList] = []
    previous = ""
    for (_, role), found in zip(segments, lists):
        if found.names:
            if role == "牵头" and len(found.groups) > 1:
                # 市财政局、市税务局，市发改委牵头: the group before 牵头 leads, not the list
                sorter.add([n for g in found.groups[:-1] for n in g], "cooperating")
                sorter.add(found.groups[-1], "lead")
                rule = "verb"
            elif role in ("牵头", "会同", "协同") or (previous == "配合" and role):
                # 省人事厅配合省委有关部门落实: the body after 配合 leads
                sorter.add(found.names, "lead")
                rule = "verb"
            elif role in ("配合", "参与", "协助", "协办") or previous in ("会同", "协同"):
                sorter.add(found.names, "cooperating")
                rule = "verb"
            else:
                pending.append(found)
        previous = role
    for found in pending:
        if sorter.out.lead:
            sorter.add(found.names, "cooperating")
        else:
            rule = sorter.add_list(found, convention) if not rule else rule
            if rule == "verb":
                sorter.add_list(found, convention)
    return rule or convention.rule


def _outside_brackets(text: str, at: int) -> bool:
    return sum(text.count(c, 0, at) for c in OPEN) <= sum(text.count(c, 0, at) for c in CLOSE)


def _labelled(text: str, sorter: _Sorter, convention: Convention) -> str | None:
    """``牵头单位：X；配合单位：Y`` (with any of the known labels); the rule, or None when
    ``text`` holds no label of a body."""
    if not _may_hold_label(text):
        return None
    key = fold(text)
    marks = list(LABEL.finditer(key))
    labels = [m.group(1) for m in marks]
    if not any(label in LEAD_LABELS + RESPONSIBLE_LABELS + COOPERATING_LABELS
               for label in labels):
        return None
    values: list[tuple[str, str]] = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        values.append((m.group(1), text[m.end():end].strip().strip("；;，,。. ")))
    has_lead = any(label in LEAD_LABELS for label in labels)
    rule = "label"
    bodies = LEAD_LABELS + RESPONSIBLE_LABELS + COOPERATING_LABELS
    lists = [split_list(value, places=convention.places) if label in bodies else None
             for label, value in values]
    prefix = next((list_prefix(f.names) for f in lists if f and list_prefix(f.names)), "")
    for (label, value), found in zip(values, lists):
        if label in DEADLINE_LABELS:
            sorter.out.deadline = value
        elif PERSON_LABELS.match(label):
            sorter.out.notes.append(phrase("names-person-label", label=label, words=value))
        elif label in LEAD_LABELS or label in COOPERATING_LABELS or has_lead:
            found.take_level(prefix)
            sorter.add(sorter.note(found).names, "lead" if label in LEAD_LABELS
                       else "cooperating")
        else:
            rule = _by_verbs(value, sorter, convention, prefix)
    return rule


def read_statement(text: str, convention: Convention = Convention(),
                   strict: bool = True) -> Responsibility | None:
    """The departments the statement ``text`` names (a bracket's content, or a line without
    its dash); None when it names none, or (``strict``) when a part of it is no name."""
    sorter = _Sorter(text)
    body, convention = _remove_notes(text, sorter, convention)
    if not body:
        return None
    rule = _labelled(body, sorter, convention)
    if rule is None:
        rule = _by_verbs(body, sorter, convention)
    out = sorter.out
    out.rule = rule
    if not out.lead and not out.cooperating and not out.implementers:
        return None
    if strict and not _plausible(out, bool(LABEL.search(fold(body)) or ROLE.search(fold(body)))):
        return None
    return out


def _plausible(found: Responsibility, worded: bool) -> bool:
    """Whether every name of ``found`` can be a body's name: a statement caught by mistake
    (（含农村）, 各部门要加强领导，狠抓落实) is none. Without a label or a verb to go by
    (``worded``), a name must end like an office."""
    ends = NAME_END if worded else OFFICE_NAME_END
    return all(fold(n).endswith(ends) and _no_sentence(n) for n in found.lead + found.cooperating) \
        and all(_no_sentence(n) and len(n) <= 15 for n in found.implementers)


def _no_sentence(name: str) -> bool:
    return not re.search(r"[。“”\"：:！!？?]", name) and len(name) <= 30


def parse_dash_line(text: str, convention: Convention = Convention()) -> Responsibility | None:
    """A ``——由X、Y会同Z组织落实。`` line, or None when the dash line says something else."""
    m = DASH.match(text)
    if not m:
        return None
    body = text[m.end():].strip()
    if not body.startswith("由") and not re.search(r"(牵头|负责|落实|实施)[。.]?$", fold(body)):
        return None
    body = body[1:] if body.startswith("由") else body
    key = fold(body)
    if not re.search(r"会同|协同|配合|牵头", key):
        # 由市住房公积金中心同有关部门…: 同 after a name's ending is 会同
        for same in re.finditer("同", key):
            if key[:same.start()].endswith(NAME_END) and same.end() < len(body):
                body = body[:same.start()] + "会同" + body[same.end():]
                break
    found = read_statement(body.rstrip("。."), convention, strict=False)
    if found is not None:
        found.phrase = text
    return found


def parse_line(text: str, convention: Convention = Convention()) -> Responsibility | None:
    """A paragraph that is only a responsibility statement (any convention), or None."""
    text = text.strip()
    found = parse_dash_line(text, convention)
    if found is not None:
        return found
    inner = text.rstrip("。.")
    if inner.endswith(tuple(CLOSE)) and bracket_closing(inner) == (0, len(inner)):
        inner = inner[1:-1].strip()
    key = fold(inner)
    if LABEL.match(key):
        found = read_statement(inner, convention, strict=False)
    elif len(text) <= STATEMENT_MAX and _names_first(key, inner != text.rstrip("。.")):
        found = read_statement(inner.rstrip("。."), convention)
    if found is not None:
        found.phrase = text
    return found


def _names_first(key: str, bracketed: bool) -> bool:
    """Whether ``key`` can be a statement of names and role words: a bracket's content, or a
    line whose role word comes after a short run of words with no sentence's end in it."""
    if bracketed:
        return True
    role = ROLE.search(key)
    return role is not None and role.start() <= NAMES_MAX and not re.search(
        r"[。！？!?“”]", key[:role.start()])


def _bracket_around(text: str, at: int) -> tuple[int, int] | None:
    """The span of the innermost bracket of ``text`` that holds position ``at``."""
    depth = 0
    for start in range(at - 1, -1, -1):
        if text[start] in CLOSE:
            depth += 1
        elif text[start] in OPEN:
            if depth == 0:
                break
            depth -= 1
    else:
        return None
    depth = 0
    for end in range(start, len(text)):
        if text[end] in OPEN:
            depth += 1
        elif text[end] in CLOSE:
            depth -= 1
            if depth == 0:
                return start, end + 1
    return None


def find_embedded(text: str, convention: Convention = Convention()) -> Responsibility | None:
    """A responsibility bracket inside a task's text: a labelled one anywhere
    (``（牵头单位：X；配合单位：Y）``), or one closing the text (``（省经贸委牵头）``)."""
    stripped = text.rstrip().rstrip("。.；;")
    spans: list[tuple[int, int, bool]] = []
    if _may_hold_label(text):
        for mark in LABEL.finditer(fold(text)):
            span = _bracket_around(text, mark.start())
            if span is not None and LABEL.match(fold(text[span[0] + 1:span[1] - 1].strip())):
                spans.append((*span, True))
    if stripped.endswith(tuple(CLOSE)):
        span = bracket_closing(stripped)
        if span is not None and span[1] - span[0] <= STATEMENT_MAX:
            spans.append((*span, False))
    for start, end, labelled in spans:
        inner = text[start + 1:end - 1].strip()
        found = read_statement(inner, convention, strict=not labelled)
        if found is not None and (labelled or found.lead or found.cooperating):
            found.phrase = text[start:end]
            return found
    return None


def find_trailing(text: str, convention: Convention = Convention()) -> Responsibility | None:
    """A responsibility sentence closing a task's paragraph after other sentences:
    ``推行“拿地即开工”。市发改委牵头，市住建委配合。``, ``…。由市政府办会同市监察局组织落实。``
    or ``…。责任单位：市发改委。``; None when the last sentence names no departments."""
    sentences = [s for s in _STATEMENT_END.split(text.strip()) if s.strip()]
    if len(sentences) < 2:
        return None
    last = sentences[-1].strip()
    found = parse_line(last, convention)
    if found is None and last.startswith("由"):
        found = parse_dash_line("——" + last, convention)
        if found is not None:
            found.phrase = last
    if found is None or not found.lead:
        return None
    # a sentence such as 加快推进项目落实。 is no statement of who does it
    if not all(looks_like_name(n) for n in found.lead + found.cooperating):
        return None
    return found


# Prose: 由县交通运输局牵头推进…; 各乡镇及县交通局等部门加强协作.
_LED_BY = re.compile(r"由([^，,。；;：:“”]{2,40}?)牵头")
_SUBJECT = re.compile(r"(?:^|[。；;：:，,])\s*([^，,。；;：:“”]{2,40}?)等(?:有关|相关)?(?:部门|单位)")


def find_in_prose(text: str, convention: Convention = Convention()) -> Responsibility | None:
    """Who a work plan's paragraph names as doing it, when it has no statement of its own:
    ``由X牵头…`` (X leads), or a clause whose subject is a list ending 等部门 (they lead)."""
    key = fold(text)
    for pattern, role, needs in ((_LED_BY, "lead", "牵头"), (_SUBJECT, "list", "等")):
        m = pattern.search(key) if needs in key else None
        if not m:
            continue
        words = text[m.start(1):m.end(1)]
        sorter = _Sorter(text[m.start():m.end()].lstrip("。；;：:，, "))
        found = sorter.note(split_list(words, places=convention.places))
        if not found.names or not all(n.collective or (looks_like_name(n.text)
                                                       and _no_sentence(n.text))
                                      for n in found.names):
            continue
        if role == "lead":
            sorter.add(found.names, "lead")
        else:
            sorter.add_list(found, convention)
        if sorter.out.lead:
            sorter.out.rule = "prose"
            return sorter.out
    return None


def parse_cells(lead: str, cooperating: str, responsible: str, phrase_: str,
                convention: Convention = Convention()) -> Responsibility:
    """The responsibility of a task-table row from its 牵头 / 配合 / 责任单位 cells: the lead
    column leads, the co-operating column co-operates, and a 责任单位 column co-operates beside
    a lead column; alone, it is read as a statement (its own labels and verbs, or the
    document's convention)."""
    sorter = _Sorter(phrase_)
    cells = [split_list(cell, places=convention.places) for cell in (lead, cooperating)]
    prefix = next((list_prefix(f.names) for f in cells if list_prefix(f.names)), "")
    for found, role in zip(cells, ("lead", "cooperating")):
        found.take_level(prefix)
        sorter.add(sorter.note(found).names, role)
    sorter.out.rule = "columns"
    if responsible and sorter.out.lead:
        found = split_list(responsible, prefix, convention.places)
        sorter.add(sorter.note(found).names, "cooperating")
    elif responsible:
        found = read_statement(responsible, convention, strict=False)
        if found is not None:
            sorter.merge(found)
    return sorter.out
