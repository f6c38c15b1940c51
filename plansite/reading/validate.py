"""Turn what :mod:`plansite.reading.yamlfile` read into typed records, collecting every problem.

Three stages, one module each: the shape pass checks each file against its record of
:mod:`plansite.model.fields` (:mod:`.shape`); the records of each plan folder are built from what
it kept (:mod:`.records`); the meaning pass reads the department register and resolves every
reference across files (:mod:`.references`). Nothing raises: problems are returned. A plan
folder can be checked apart, even in another process (:class:`~.records.PlanCheck`), and
adopted here.
"""

from __future__ import annotations

from typing import Any, Callable

from plansite.model.records import Deadline, Department, Plan, Target
from plansite.problems import Problem
from plansite.reading.records import Mention, PlanBuilder, PlanCheck, PlanFiles
from plansite.reading.reports import ReportBuilder
from plansite.reading.references import References, Register, read_register
from plansite.reading.shape import Checker


class Validator:
    """Checks a whole repository, one file at a time for shape, then across files for meaning."""

    def __init__(self, parse_target: Callable[..., Target] | None = None,
                 parse_deadline: Callable[..., Deadline] | None = None):
        self.check = Checker()
        self.parse_target = parse_target
        self.parse_deadline = parse_deadline
        self.register = Register()
        # where each record's references were written, by the record's id
        self.mentions: dict[int, dict[str, Mention]] = {}

    @property
    def problems(self) -> list[Problem]:
        return self.check.problems

    def departments(self, file: str, data: Any) -> list[Department]:
        """The departments of the register ``data``; the references are checked against them."""
        self.register = read_register(self.check, file, data)
        return self.register.departments

    def check_plan(self, files: PlanFiles) -> PlanCheck:
        """The records of one plan folder, built apart, to :meth:`adopt` later."""
        builder = PlanBuilder(self.parse_target, self.parse_deadline)
        check = builder.folder(files)
        if check.plan is not None:
            check.plan.reports = ReportBuilder(builder.check, builder.refs, files.root).reports(
                check.plan, files.reports)
            check.mentions += [(e, builder.refs[id(e)]) for r in check.plan.reports
                               for e in r.entries]
        return check

    def adopt(self, check: PlanCheck) -> Plan | None:
        """Take in a plan folder checked apart, with its problems and what its records name."""
        self.problems.extend(check.problems)
        self.mentions.update((id(record), refs) for record, refs in check.mentions)
        return check.plan

    def resolve(self, departments: list[Department], plans: list[Plan],
                indicator_files: dict[str, str]) -> None:
        """Resolve department, indicator and chapter references in place; report the unknown."""
        register = Register(departments, self.register.unregistered, self.register.read)
        References(self.check, register, self.mentions).resolve(plans, indicator_files)
