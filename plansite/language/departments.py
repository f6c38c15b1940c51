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
from typing import Iterable

from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.numerals import normalize_width
from plansite.language.similar import closest
from plansite.model.records import Department
from plansite.problems import Problem, problem

LEVEL_PREFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")
"""Administrative levels a department's name may start with, from the province down."""

LEVEL = "|".join(LEVEL_PREFIXES)
"""The levels as a regular-expression alternation, for patterns of names."""

_SPACE = re.compile(r"\s+")


def level_of(name: str) -> str:
    """The level prefix ``name`` starts with (``市`` of 市住建委), or ``""``."""
    return name[0] if name[:1] in LEVEL_PREFIXES else ""


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
