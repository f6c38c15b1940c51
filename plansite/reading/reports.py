"""A plan folder's progress reports (``reports/<period>.yml``), built once the plan is read.

Each file has passed the shape pass against :data:`plansite.model.fields.REPORT_FILE`; here the
rules across its values and the plan are checked: the file is named by its period, the as-of date
falls in or after the period and not after the build date, each entry names a task of the plan
once, a delay, change or drop gives its reason, evidence has an address or a file, and the
indicator values of the period join the indicator's actuals (the same year twice with another
figure is an error). Whether the reporting body leads or co-operates on the task needs the
department register: :mod:`plansite.reading.references` checks it from the mentions kept here.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from plansite.catalogue.phrases import phrase
from plansite.model import fields as S
from plansite.model.progress import (NEEDS_REASON, Assessment, Evidence, IndicatorValue, Period,
                                     ProgressReport, ReportEntry, parse_date)
from plansite.model.records import Plan, Quantity
from plansite.reading.records import Mention, source_of
from plansite.reading.shape import Checker
from plansite.reading.yamlfile import Located

REPORTS_DIR = "reports"
"""The folder of a plan folder that holds its report files."""


class ReportBuilder:
    """Builds the reports of one plan, collecting problems and the mentions of reporting bodies."""

    def __init__(self, check: Checker, refs: dict[int, dict[str, Mention]], root: str = "",
                 today: _dt.date | None = None):
        self.check = check
        self.refs = refs
        self.root = root
        self.today = today or _dt.date.today()
        # where each entry's indicator values were written: the field path, and the places of
        # each value's indicator and figure
        self.values_at: dict[int, tuple[str, list[tuple[tuple[int, int], tuple[int, int]]]]] = {}

    def reports(self, plan: Plan, files: list[tuple[str, Any]]) -> list[ProgressReport]:
        """The reports of ``plan`` from its report files, oldest period first."""
        tasks = {t.id for t in plan.walk_tasks()}
        indicators = {i.id: i for i in plan.indicators}
        # where each (indicator, year) value was first given, and the value
        values: dict[tuple[str, int], tuple[float, str]] = {
            (i.id, a.year): (a.value, str(i.source)) for i in plan.indicators
            for a in i.actuals if a.year is not None}
        out = []
        for file, data in files:
            report = self.report(plan, file, data, tasks)
            if report is not None:
                out.append(report)
        out.sort(key=lambda r: (r.period.end, r.period.start))
        for report in out:
            for entry in report.entries:
                self.join_values(entry, report, indicators, values)
        return out

    def report(self, plan: Plan, file: str, data: Any, tasks: set[str]) -> ProgressReport | None:
        top = self.check.record(data, S.REPORT_FILE, "", file, (1, 1))
        if top is None or not {"period", "as_of", "source"} <= top.keys():
            return None
        period = Period.parse(top["period"])
        as_of = parse_date(top["as_of"])
        name = Path(file).stem
        if name != period.text:
            self.check.add("report-file-name", file, top.pos("period"), "period", found=Path(file).name,
                           expected=period.text, hint=phrase("name-file-by-period",
                                                             name=f"{period.text}.yml"))
        if as_of < period.start:
            self.check.add("report-as-of-early", file, top.pos("as_of"), "as_of",
                           found=top["as_of"], period=period.text,
                           expected=period.start.isoformat())
        elif as_of > self.today:
            self.check.add("report-as-of-future", file, top.pos("as_of"), "as_of",
                           found=top["as_of"], expected=self.today.isoformat())
        source = top["source"]
        self.has_place(source, file, "source", "source-record")
        report = ProgressReport(plan=plan.id, period=period, as_of=as_of,
                                reported_by=top.get("reported_by", ""),
                                title=source.get("title", ""), url=source.get("url", ""),
                                file=source.get("file", ""), note=top.get("note", ""),
                                source=source_of(file, top))
        seen: dict[str, int] = {}
        for i, d in enumerate(top.get("entries", [])):
            entry = self.entry(d, report, f"entries[{i}]", file, tasks, seen)
            if entry is not None:
                report.entries.append(entry)
        return report

    def entry(self, d: Located, report: ProgressReport, path: str, file: str, tasks: set[str],
              seen: dict[str, int]) -> ReportEntry | None:
        if "task" not in d:
            return None
        task = d["task"]
        if task not in tasks:
            self.check.add("report-unknown-task", file, d.pos("task"), f"{path}.task", found=task)
            return None
        if task in seen:
            self.check.add("report-duplicate-entry", file, d.pos("task"), f"{path}.task",
                           found=task, first=seen[task])
            return None
        seen[task] = d.pos("task")[0]
        status = d.get("status", "")
        if status in NEEDS_REASON and not d.get("reason", "").strip():
            self.check.add("report-reason-missing", file, d.pos("status"), f"{path}.reason",
                           hint=phrase("give-reason"), status=phrase(f"report-status-{status}"))
        evidence = []
        for j, e in enumerate(d.get("evidence", [])):
            if "title" in e and self.has_place(e, file, f"{path}.evidence[{j}]", "evidence-record"):
                evidence.append(Evidence(e["title"], e.get("url", ""), e.get("file", "")))
        given = [v for v in d.get("indicators", []) if {"indicator", "year", "value"} <= v.keys()]
        assessment = None
        if "assessment" in d and {"by", "rating"} <= d["assessment"].keys():
            assessment = Assessment(**S.attributes(S.ASSESSMENT, d["assessment"]))
        values = tuple(IndicatorValue(**S.attributes(S.INDICATOR_VALUE, v)) for v in given)
        entry = ReportEntry(**S.attributes(S.REPORT_ENTRY, d, leave=("reported_by",)),
                            plan=report.plan, period=report.period, as_of=report.as_of,
                            reported_by=d.get("reported_by") or report.reported_by,
                            evidence=tuple(evidence), indicators=values, assessment=assessment,
                            source=source_of(file, d))
        self.refs[id(entry)] = {"reported_by": Mention(
            f"{path}.reported_by", (d["reported_by"],), (d.pos("reported_by"),))} \
            if "reported_by" in d else {}
        self.values_at[id(entry)] = (f"{path}.indicators",
                                     [(v.pos("indicator"), v.pos("value")) for v in given])
        return entry

    def has_place(self, d: Located, file: str, path: str, record: str) -> bool:
        """Whether a source or a piece of evidence says where it is: a url, or a file kept in
        the repository."""
        if "url" not in d and "file" not in d:
            self.check.add("report-no-place", file, (d.line, d.column), path,
                           record=phrase(record))
            return False
        if "file" in d and self.root and not (Path(self.root) / d["file"]).is_file():
            self.check.add("report-file-missing", file, d.pos("file"), f"{path}.file",
                           found=d["file"])
            return False
        return True

    def join_values(self, entry: ReportEntry, report: ProgressReport, indicators: dict,
                    values: dict[tuple[str, int], tuple[float, str]]) -> None:
        """Add the entry's indicator values to their indicators' actuals; report the unknown
        and a year given twice with another figure."""
        path, places = self.values_at[id(entry)]
        file = entry.source.file
        kept = []
        for i, value in enumerate(entry.indicators):
            where, (named_at, figure_at) = f"{path}[{i}]", places[i]
            ind = indicators.get(value.indicator)
            if ind is None:
                self.check.add("report-unknown-indicator", file, named_at,
                               f"{where}.indicator", found=value.indicator)
                continue
            first = values.get((ind.id, value.year))
            if first is not None:
                if abs(first[0] - value.value) > 1e-9 * max(1.0, abs(value.value)):
                    self.check.add("report-value-conflict", file, figure_at,
                                   f"{where}.value", hint=phrase("one-value-a-year-report"),
                                   indicator=ind.id, year=value.year, found=f"{value.value:g}",
                                   expected=f"{first[0]:g}", first=first[1])
                    continue
                kept.append(value)
                continue
            values[(ind.id, value.year)] = (value.value, f"{file}:{figure_at[0]}")
            ind.actuals.append(Quantity(value.value, value.year, value.unit or ind.unit,
                                        value.phrase, report.title))
            ind.actuals.sort(key=lambda a: a.year or 0)
            kept.append(value)
        entry.indicators = tuple(kept)
