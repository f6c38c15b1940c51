"""Departments by the names people write: the one rule for finding a department by a word.

Editors write a department's id, its name or an alias in a task (``lead: [住建委]``), authors
pass one to a macro (``department_tasks("市教育局")``), documents name them in responsibility
lines, and readers type them into search. All of them are read here, alike:

* A word is compared without its spaces (full-width ones too) and with full-width letters and
  digits folded (``ｚｈｕｊｉａｎｗｅｉ`` is ``zhujianwei``).
* It names a department when it is its id, its name or one of its aliases. A word that several
  departments claim is ambiguous and is answered with all of them; a word no department claims
  is answered with the departments most like it, except those whose name the source gave only
  in part (市局 is like too many words to be a useful guess).
* The administrative level that starts a name (:data:`LEVEL_PREFIXES`) is what a short form
  leaves out (市住建委 is 住建委 to everyone in the city), and what a list of names carries over
  from one name to the next (省发展改革委、财政厅 names 省财政厅). Whether a short form names the
  department is the registry's to say: it names it when it is written as an alias.
"""

from __future__ import annotations

import difflib

import re
from dataclasses import dataclass
from typing import Collection, Iterable

from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.numerals import normalize_width
from plansite.language.similar import closest
from plansite.model.records import Department
from plansite.problems import Problem, problem

LEVEL_PREFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")
"""Administrative levels a department's name may start with, from the province down."""

LEVEL = "|".join(LEVEL_PREFIXES)
"""The levels as a regular-expression alternation, for patterns of names."""

LEVEL_WORDS = ("市场", "乡村", "区域", "县域", "市域", "省域", "镇村", "省会")
"""Words that start with a level's character without being a level prefix: 市场监管局 is the
market regulator of no level, 乡村振兴局 is no township's office."""

PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
             "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川",
             "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆",
             "香港", "澳门")
"""Place names a body's name may hold without a level character: 江苏金融监管局."""

OFFICE_ENDS = ("厅", "局", "委", "委员会", "办", "办公室", "中心", "署", "院", "会", "联", "协",
               "部", "处", "站", "所", "队")
"""How the name of a government office ends: the bodies a list's level prefix is shared with."""

OWN_PLACE = re.compile(
    "|".join(PROVINCES) + r"|^(国家|中国|中央|国务院|全国|人民银行)|实验室|公司|集团|银行|分行|支行|分局"
    r"|海关|大学|学院|学校|医院|开发区|新区|园区|港区|管委会|驻"
    # a level character after a place name: 杭州市政府, 人民银行某省分行, 西咸新区
    r"|(?<=[\u4e00-\u9fff])(?<!城|都|超|社|园|景|辖|片|本|全|各|该|我)(省|市|县|区|州|盟|旗)"
    r"(?!场|政(?!府)|域|级|直)")
"""A name that carries its own place, or belongs to no level's government (a laboratory, a bank
branch, a development zone): it keeps its name in a list of another level's offices."""

_SPACE = re.compile(r"\s+")


def level_of(name: str) -> str:
    """The level prefix ``name`` starts with (``市`` of 市住建委), or ``""`` (市场监管局 has
    none: 市场 is a word of its own)."""
    if name[:1] not in LEVEL_PREFIXES:
        return ""
    if name.startswith(LEVEL_WORDS) or (name.startswith("市政") and not name.startswith("市政府")):
        return ""
    return name[0]


def has_own_place(name: str, places: Collection[str] = ()) -> bool:
    """True when ``name`` (without a level prefix) names its own place or is no office of a
    level's government: 杭州市政府, 某实验室, 人民银行某省分行, 江苏金融监管局; or starts with
    one of ``places``, the places its document names (嘉兴 of 嘉兴电力局)."""
    return bool(OWN_PLACE.search(name)) or (bool(places) and name.startswith(tuple(places)))


def shares_level(name: str, places: Collection[str] = ()) -> bool:
    """True when ``name``, written bare in a list of one level's offices, is an office of that
    level: 省发展改革委、商务厅 names 省商务厅, but 省发展改革委、紫金山实验室 keeps the
    laboratory's name."""
    return (not level_of(name) and name.endswith(OFFICE_ENDS) and len(name) >= 2
            and not has_own_place(name, places))


def with_level(prefix: str, name: str, places: Collection[str] = ()) -> str:
    """``name`` with the level ``prefix`` of the list it stands in, when it shares that level
    (:func:`shares_level`), else as written. A party organ takes the committee's prefix:
    省委宣传部、组织部 names 省委组织部."""
    if not prefix or not shares_level(name, places):
        return name
    if prefix.endswith("委") and not name.endswith("部"):
        prefix = prefix[:-1]
    return prefix + name


PLACE = re.compile(r"([\u4e00-\u9fff]{2})(?:(?:经济|高新|经济技术)?(?:开发区|新区|港区|园区|高新区)"
                   r"|(?:省|市|县|区|州|盟|旗)(?!场|域|级|直|政(?!府)))")
_NOT_PLACE = re.compile(r"[全我本各该年的和与及城都社在到为对于由以从等之其县市区省]")


def places_in(text: str) -> set[str]:
    """The places ``text`` names before a level or a zone: 嘉兴 of 《嘉兴市…》 and of
    嘉兴经济开发区, 西咸 of 西咸新区管委会."""
    return {m.group(1) for m in PLACE.finditer(text) if not _NOT_PLACE.search(m.group(1))}


def shared_prefix(name: str) -> str:
    """The prefix ``name`` shares with the bare names of its list: its level (省 of
    省发展改革委), or its party committee (省委 of 省委宣传部)."""
    level = level_of(name)
    if level and name[len(level):len(level) + 1] == "委" and name.endswith("部"):
        return level + "委"
    return level


def without_level(name: str) -> str:
    """``name`` without its level prefix, as people shorten it: 市住建委 -> 住建委.

    A name that would be left with one character (市局), and a party committee's organ
    (市委组织部: 市委 is one word, the city's party committee) keep their prefix.
    """
    level = level_of(name)
    if level and len(name) > len(level) + 1 and not name.startswith(level + "委"):
        return name[len(level):]
    return name


def name_key(word: str) -> str:
    """What of a written name is compared: no spaces, full-width forms folded."""
    return _SPACE.sub("", normalize_width(word))


@dataclass(frozen=True)
class Resolution:
    """What a written word names: one department, several (ambiguous), or none.

    ``candidates`` are the departments an ambiguous word may mean; ``suggestions`` those most
    like a word that names none. All are ids.
    """

    word: str
    id: str | None = None
    candidates: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.id is None and bool(self.candidates)


class DepartmentRegistry:
    """Departments by id, and every name and alias that points at them."""

    def __init__(self, departments: Iterable[Department] = ()):
        self.by_id: dict[str, Department] = {}
        self.names: dict[str, list[str]] = {}
        for department in departments:
            self.add(department)

    def add(self, department: Department) -> None:
        """Take in ``department``: its id, name and aliases now find it."""
        self.by_id[department.id] = department
        for word in (department.id, department.name, *department.aliases):
            if not name_key(word):
                continue
            ids = self.names.setdefault(name_key(word), [])
            if department.id not in ids:
                ids.append(department.id)

    def __contains__(self, word: str) -> bool:
        """Whether some department is found by ``word`` (or several are)."""
        return name_key(word) in self.names

    def resolve(self, word: str) -> Resolution:
        """What ``word`` names; the departments most like it when it names none."""
        ids = self.names.get(name_key(word), [])
        if len(ids) == 1:
            return Resolution(word, ids[0])
        if ids:
            return Resolution(word, candidates=tuple(ids))
        return Resolution(word, suggestions=tuple(self.suggestions(word)))

    def suggestions(self, word: str, n: int = 3) -> list[str]:
        """The ids of the departments whose id, name or alias is most like ``word``."""
        labels: dict[str, str] = {}
        for department in self.by_id.values():
            if not department.incomplete:
                for label in (department.id, department.name, *department.aliases):
                    labels.setdefault(name_key(label), department.id)
        key = name_key(word)
        near = [label for label in closest(key, list(labels), n * 2) if _alike(key, label)][:n]
        return list(dict.fromkeys(labels[label] for label in near))

    def named(self, department_id: str) -> Phrase:
        """A department as a message names it: its name and id."""
        return phrase("department-named", name=self.by_id[department_id].name, id=department_id)

    def problem(self, found: Resolution, file: str, line: int = 0, column: int = 0,
                path: str = "", severity: str = "error") -> Problem:
        """The problem of a word that names no one department: the departments it may mean,
        or those most like it, or (a word like none) to add it to the registry."""
        if found.ambiguous:
            return problem("ambiguous-department", file, line, column, path=path,
                           severity=severity, found=found.word,
                           expected=[self.named(c) for c in found.candidates])
        hint = phrase("closest-departments", names=[self.named(s) for s in found.suggestions]) \
            if found.suggestions else phrase("add-department")
        return problem("unknown-department", file, line, column, path=path, severity=severity,
                       hint=hint, found=found.word)


_AFFIXES = re.compile(r"^(?:省|市|县|区|州|镇|乡)|(?:委员会|办公室|管理局|局|委|厅|办|处|中心)$")
"""What most department names share (市…局): not what makes two names alike."""


def _alike(word: str, label: str) -> bool:
    """Whether ``label`` is like ``word`` in what names the department, not only in 市 and 局:
    one holds the other, or their cores are at least half the same. A new department (市水务局)
    is like no 市财政局, and its hint is to add it to the registry."""
    if word in label or label in word:
        return True
    if word.isascii() != label.isascii():
        return False
    a, b = _AFFIXES.sub("", word) or word, _AFFIXES.sub("", label) or label
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.5
