"""The meaning pass: the department register, then every reference across files.

The register (``data/departments.yml``) is read first: its ids and names must each point at one
department and its parents must form no cycle. Once every plan folder is read, each department a
task or indicator names is resolved to an id by the one rule of
:mod:`plansite.language.departments`, each indicator a task serves must be one of its plan's, an
indicator's chapter must exist and an indicator id is used once across all plans. Nothing raises:
problems are collected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plansite.catalogue.phrases import phrase
from plansite.language.departments import DepartmentRegistry, name_key
from plansite.language.similar import closest
from plansite.model import fields as S
from plansite.model.records import Department, Indicator, Plan, Source, Task
from plansite.reading.records import Mention, source_of
from plansite.reading.shape import Checker
from plansite.reading.yamlfile import LocatedList


@dataclass
class Register:
    """The departments of ``data/departments.yml`` as read, and what reading them decided.

    ``read`` is False when the file could not be read: references are then not checked, so an
    unreadable register is one problem, not one per department a plan names. ``unregistered``
    holds the names of departments refused for a duplicate id: a task naming one is not wrong.
    """

    departments: list[Department] = field(default_factory=list)
    unregistered: set[str] = field(default_factory=set)
    read: bool = False


def read_register(check: Checker, file: str, data: Any) -> Register:
    """The departments of the register ``data`` (from ``file``), with every problem in ``check``."""
    top = check.record(data, S.DEPARTMENTS_FILE, "", file, (1, 1))
    if top is None or "departments" not in top:
        return Register()
    register = Register(read=True)
    seen: dict[str, Source] = {}
    seen_names: dict[str, tuple[str, Source]] = {}
    for i, d in enumerate(top["departments"]):
        path = f"departments[{i}]"
        if "id" not in d:
            continue
        if "name" not in d:  # reported by the shape pass; tasks naming it are not wrong too
            register.unregistered.update(name_key(w) for w in (d["id"], *d.get("aliases", [])))
            continue
        src = source_of(file, d)
        if d["id"] in seen:
            check.add("duplicate-id", file, d.pos("id"), f"{path}.id", found=d["id"],
                      first=str(seen[d["id"]]))
            # tasks naming this department are not wrong: the duplicate id is the problem
            register.unregistered.update(name_key(w) for w in (d["name"], *d.get("aliases", [])))
            continue
        seen[d["id"]] = src
        aliases = tuple(dict.fromkeys(a.strip() for a in d.get("aliases", []) if a.strip()))
        dept = Department(**{**S.attributes(S.DEPARTMENT, d), "name": d["name"].strip(),
                             "aliases": aliases}, source=src)
        for j, word in enumerate((dept.name, *dept.aliases)):
            owner = seen_names.get(name_key(word))
            if owner and owner[0] != dept.id:
                where = f"{path}.name" if j == 0 else f"{path}.aliases[{j - 1}]"
                pos = d.pos("name") if j == 0 else d["aliases"].pos(j - 1) \
                    if isinstance(d.get("aliases"), LocatedList) else d.pos("aliases")
                check.add("duplicate-name", file, pos, where, found=word,
                          first=phrase("record-at", id=owner[0], place=str(owner[1])))
            else:
                seen_names[name_key(word)] = (dept.id, src)
        register.departments.append(dept)
    _check_parents(check, file, register.departments)
    return register


def _check_parents(check: Checker, file: str, departments: list[Department]) -> None:
    """Report parents that do not exist and parents that form a cycle; drop both."""
    by_id = {d.id: d for d in departments}
    for i, dept in enumerate(departments):
        if dept.parent and dept.parent not in by_id:
            check.add("unknown-parent", file, (dept.source.line, dept.source.column),
                      f"departments[{i}].parent", found=dept.parent)
            dept.parent = None
    reported: set[str] = set()
    for i, dept in enumerate(departments):
        chain, node = [dept.id], dept
        while node.parent:
            if node.parent in chain:
                cycle = chain[chain.index(node.parent):] + [node.parent]
                if not reported.intersection(cycle):
                    check.add("cyclic-parent", file, (dept.source.line, dept.source.column),
                              f"departments[{i}].parent", found=" → ".join(cycle))
                    reported.update(cycle)
                break
            chain.append(node.parent)
            node = by_id[node.parent]
    for dept in departments:
        if dept.id in reported:
            dept.parent = None


class References:
    """Resolves what the records of every plan name, once every file is read."""

    def __init__(self, check: Checker, register: Register,
                 mentions: dict[int, dict[str, Mention]]):
        self.check = check
        self.register = register
        self.registry = DepartmentRegistry(register.departments)
        self.mentions = mentions

    def resolve(self, plans: list[Plan], indicator_files: dict[str, str]) -> None:
        """Resolve department, indicator and chapter references in place; report the unknown."""
        indicators, duplicates = self._unique_indicators(plans)
        for plan in plans:
            plan.indicators = [i for i in plan.indicators if indicators.get(i.id) is i]
            for task in plan.walk_tasks():
                self._task(task, plan, indicators, duplicates,
                           indicator_files.get(plan.id, "indicators.yml"))
            chapters = {c.id for c in plan.walk_chapters()}
            for ind in plan.indicators:
                self._indicator(ind, chapters)
            self._reporters(plan)

    def _reporters(self, plan: Plan) -> None:
        """Resolve the body each report entry names; warn when it neither leads nor co-operates
        on the task (the report's own body, often the office compiling it, is not checked)."""
        tasks = {t.id: t for t in plan.walk_tasks()}
        names = {d.id: d.name for d in self.register.departments}
        for report in plan.reports:
            for entry in report.entries:
                mention = self.mentions.get(id(entry), {}).get("reported_by")
                if mention is None:
                    continue
                entry.reported_by_id = self.registry.resolve(entry.reported_by).id or ""
                task = tasks[entry.task]
                if not self.register.read or entry.reported_by_id in task.departments:
                    continue
                expected = tuple(names[d] for d in task.departments) or phrase("no-departments")
                self.check.add("report-reporter-not-responsible", entry.source.file,
                               mention.places[0], mention.path, severity="warning",
                               found=entry.reported_by, task=entry.task, expected=expected)

    def _unique_indicators(self, plans: list[Plan]
                           ) -> tuple[dict[str, Indicator], set[tuple[str, str]]]:
        """Every indicator by id, and the (plan, id) of those refused for a duplicate id."""
        indicators: dict[str, Indicator] = {}
        duplicates: set[tuple[str, str]] = set()
        for plan in plans:
            for ind in plan.indicators:
                if ind.id in indicators:
                    duplicates.add((plan.id, ind.id))
                    self.check.add("duplicate-id", ind.source.file,
                                   (ind.source.line, ind.source.column), "id", found=ind.id,
                                   first=str(indicators[ind.id].source))
                    continue
                indicators[ind.id] = ind
        return indicators, duplicates

    def _task(self, task: Task, plan: Plan, indicators: dict[str, Indicator],
              duplicates: set[tuple[str, str]], indicator_file: str) -> None:
        refs = self.mentions.get(id(task), {})
        for key in ("lead", "cooperating"):
            if key in refs:
                setattr(task, key, tuple(self.departments(refs[key], task.source.file)))
        if "indicators" in refs:
            path, words, places = refs["indicators"]
            kept = []
            for i, ref in enumerate(words):
                if ref in indicators and indicators[ref].plan == plan.id:
                    kept.append(ref)
                    continue
                if (plan.id, ref) in duplicates:
                    continue  # its duplicate id is the one problem to report
                named = [ind.id for ind in plan.indicators if ind.name == ref]
                if ref in indicators:  # a task serves the indicators of its own plan
                    hint = phrase("indicator-of-plan", indicator=ref, plan=indicators[ref].plan)
                elif named:  # its name, where the id belongs
                    hint = phrase("indicator-id-for-name", id=named[0], name=ref)
                else:
                    near = closest(ref, [ind.id for ind in plan.indicators], 3)
                    hint = phrase("closest", names=near) if near else None
                self.check.add("unknown-indicator", task.source.file, places[i], f"{path}[{i}]",
                               hint=hint, found=ref, expected=indicator_file)
            task.indicators = tuple(dict.fromkeys(kept))
        task.cooperating = tuple(d for d in task.cooperating if d not in task.lead)

    def _indicator(self, ind: Indicator, chapters: set[str]) -> None:
        refs = self.mentions.get(id(ind), {})
        if "departments" in refs:
            ind.departments = tuple(self.departments(refs["departments"], ind.source.file))
        if "chapter" in refs and ind.chapter not in chapters:
            self.check.add("unknown-chapter", ind.source.file,
                           (ind.source.line, ind.source.column), refs["chapter"].path,
                           found=ind.chapter)
            ind.chapter = ""

    def departments(self, mention: Mention, file: str) -> list[str]:
        """The ids of the departments ``mention`` names, each once; a word that names none is a
        problem (unless the register refused its department already)."""
        if not self.register.read:
            return []
        path, words, places = mention
        ids: list[str] = []
        for i, word in enumerate(words):
            found = self.registry.resolve(word)
            if found.id:
                if found.id not in ids:
                    ids.append(found.id)
                continue
            if name_key(word) in self.register.unregistered:
                continue
            self.check.problems.append(self.registry.problem(found, file, *places[i],
                                                             path=f"{path}[{i}]"))
        return ids
