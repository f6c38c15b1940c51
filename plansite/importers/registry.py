"""The department registry (data/departments.yml) as the importer uses it.

Names found in a document are resolved by name, alias or id, by the rule every other reader of
department names follows (:mod:`plansite.language.departments`). A name the registry does not
know becomes a proposed entry with an ASCII id from its pinyin (市住建委 -> zhujianwei: the level
prefix is left out of the id), a guessed kind, and its short form as an alias when that is free.
A name that is only a level and a generic word (市局: the source blanked the rest) is kept as
written and marked incomplete. A name several departments claim is left for the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from plansite.language.pinyin import syllables

from plansite.catalogue.phrases import phrase
from plansite.language.departments import (LEVEL, PROVINCES, DepartmentRegistry, Resolution,
                                           level_of, places_in, without_level)
from plansite.language.script import fold
from plansite.model.records import Department
from plansite.problems import PlanError, problem
from plansite.reading.yamlfile import load_file, plain

INCOMPLETE = re.compile(rf"^({LEVEL})?(局|委|办|厅|部|处|中心)$")
KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^各|^有关|^相关"), "group"),
    (re.compile(r"公司|集团|银行股份"), "company"),
    (re.compile(rf"^({LEVEL})?委(组织|宣传|统战|政法|办公室)|编办|文明委|综治办|^({LEVEL})?委$|"
                r"党校|纪委|老干部局"), "party"),
    (re.compile(r"妇联|总工会|工会|团委|共青团|科协|残联|侨联|文联|红十字|工商联"), "organization"),
)


# What a department name never holds: sentence punctuation, quotes, a numbering at its start.
NOT_A_NAME = re.compile(r"[。“”\"：:！!？?]|^\s*(?:[0-9０-９]+\s*[.．、]|[（(][0-9０-９一二三四五六七八九十]+[)）]"
                        r"|[一二三四五六七八九十]+、)")
NAME_MAX = 20


# Words no department's name holds: verbs of a sentence and the duty phrases of a statement.
VERBS = re.compile(r"推进|加强|加快|落实|负责|实施|开展|推动|确保|做好|抓好|督促|牵头|配合|参与|会同"
                   r"|完成|提高|组织实施|组织落实")
DUTY_WORDS = re.compile(r"按职责|按职能|分工|等单位|等部门|下同|为牵头|首位|结合实际")
DOUBTFUL_LENGTH = 18
# Bodies of the nation, never of a level below: 省人民银行 was put together by mistake.
NATIONAL = ("国家", "中国", "中央", "国务院", "人民银行")


def is_department_name(name: str) -> bool:
    """True when ``name`` can be a department's name; a sentence caught by mistake (2.推行
    “拿地即开工”。市发改委) is not, and must not reach the registry."""
    return bool(name.strip()) and len(name) <= NAME_MAX and not NOT_A_NAME.search(name)


def doubt(name: str) -> str | None:
    """Why ``name`` looks like no department's name (a catalogue code), or None: a sentence,
    too long, holding a verb or a duty phrase, or a level prefix before a place of its own
    (省杭州市政府) or before nothing of a name (省无). Such a name goes to the report for
    review and is not proposed as a new department."""
    key = fold(name)
    if not is_department_name(name):
        return "doubt-sentence"
    if DUTY_WORDS.search(key):
        return "doubt-duty-phrase"
    if VERBS.search(key):
        return "doubt-verb"
    if len(name) > DOUBTFUL_LENGTH:
        return "doubt-too-long"
    level = level_of(key)
    rest = key[len(level):]
    if level and not INCOMPLETE.match(key) and (
            len(rest) < 2 or rest.startswith(PROVINCES + NATIONAL)
            or any(rest.startswith(place) for place in places_in(rest))):
        return "doubt-level-prefix"
    return None


def slug(name: str) -> str:
    """The ASCII id of a department name: pinyin without the level prefix, e.g. zhujianwei."""
    text = "".join(syllables(without_level(name))).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "bumen"


def guess_kind(name: str) -> str:
    """The kind of body a name suggests: group, company, party, organization or department."""
    for pattern, kind in KINDS:
        if pattern.search(name):
            return kind
    return "department"


def _department(entry: dict) -> Department:
    """An entry of the registry file as the record names are resolved against."""
    aliases = entry.get("aliases") or []
    aliases = [aliases] if isinstance(aliases, str) else aliases
    return Department(id=str(entry["id"]), name=str(entry.get("name") or ""),
                      aliases=tuple(str(a) for a in aliases if a),
                      incomplete=bool(entry.get("incomplete")))


@dataclass
class Registry:
    """The departments known so far, and those proposed by this import."""

    entries: list[dict] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    path: Path | None = None

    def __post_init__(self) -> None:
        self.departments = DepartmentRegistry(_department(e) for e in self.entries)
        # ids already counted, found or new: each is reported once
        self._seen: set[str] = set()

    @classmethod
    def load(cls, path: Path | None) -> Registry:
        """The registry at ``path`` (an empty one when there is no such file)."""
        if path is None or not path.exists():
            return cls(path=path)
        loaded, problems = load_file(path)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise PlanError(errors)
        data = plain(loaded.data)
        entries = data.get("departments") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise PlanError([problem("wrong-type", str(path), path="departments",
                                     found=type(entries).__name__,
                                     expected=phrase("department-list"))])
        return cls(entries=[e for e in entries if isinstance(e, dict) and e.get("id")], path=path)

    def ensure(self, name: str, aliases: tuple[str, ...] = ()) -> Resolution:
        """What ``name`` names, proposing a new registry entry when it names no department
        (an ambiguous name is left as it is: the editor chooses). ``aliases`` are other names
        the document gives the body (省市场监管局（省知识产权局））: a known alias finds it, and a
        new entry lists them."""
        for alias in aliases:
            known = self.departments.resolve(alias)
            if known.id is not None and self.departments.resolve(name).id is None:
                if known.id not in self._seen:
                    self._seen.add(known.id)
                    self.found.append(known.id)
                return known
        found = self.departments.resolve(name)
        if found.id is not None:
            if found.id not in self._seen:
                self._seen.add(found.id)
                self.found.append(found.id)
            return found
        if found.ambiguous:
            return found
        base = slug(name)
        ident, level = base, level_of(name)
        if ident in self.departments and level:
            ident = f"{''.join(syllables(level))}-{base}"
        counter = 2
        while ident in self.departments:
            ident = f"{base}-{counter}"
            counter += 1
        entry: dict = {"id": ident, "name": name, "aliases": [], "kind": guess_kind(name)}
        short = without_level(name)
        if INCOMPLETE.match(name):
            entry["incomplete"] = True
            entry["note"] = f"来源只写了“{name}”，部门全称在原文中被隐去"
        elif short != name and len(short) >= 2 and short not in self.departments:
            entry["aliases"] = [short]
        entry["aliases"] += [a for a in aliases if a not in self.departments
                             and a not in entry["aliases"] and a != name]
        self.entries.append(entry)
        self.new.append(entry)
        self._seen.add(ident)
        self.departments.add(_department(entry))
        return Resolution(name, ident)
