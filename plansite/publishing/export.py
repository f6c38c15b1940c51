"""All data of a repository as open data in JSON, from which :mod:`plansite.publishing.tables`
cuts its tables (CSV, XLSX, a Data Package).

Every record keeps its id and the URL of the page that shows it; department and indicator
references are ids. Values are in base units with the unit beside them.
"""

from __future__ import annotations

import datetime as _dt
import json

from plansite.model import urls
from plansite.model.records import Indicator, Quantity, Target, Task
from plansite.analysis.deadlines import build_date
from plansite.analysis.findings import indicator_statuses
from plansite.analysis.progress import Progress
from plansite.model.progress import ProgressReport, ReportEntry
from plansite.model.repository import Repository


def _quantity(q: Quantity | None) -> dict | None:
    if q is None:
        return None
    return {"value": q.value, "year": q.year, "unit": q.unit, "source": q.source,
            "phrase": q.phrase}


def _target(t: Target | None) -> dict | None:
    if t is None:
        return None
    return {"value": t.value, "low": t.low, "high": t.high, "year": t.year,
            "comparator": t.comparator, "kind": t.kind, "unit": t.unit, "phrase": t.phrase,
            "narrative": t.narrative}


def task_record(repo: Repository, task: Task, base_url: str = "/",
                status: str | None = None) -> dict:
    return {
        "id": task.id, "plan": task.plan, "chapter": task.chapter, "parent": task.parent,
        "number": task.number, "title": task.title, "text": task.text,
        "lead": list(task.lead), "cooperating": list(task.cooperating),
        "implementers": list(task.implementers), "indicators": list(task.indicators),
        "deadline": task.deadline.phrase if task.deadline else None,
        "progress": task.progress,
        "responsibility": task.responsibility,
        "status": status,
        "url": base_url + repo.task_url(task),
    }


def _entry(entry: ReportEntry, base_url: str) -> dict:
    assessment = entry.assessment
    return {
        "task": entry.task, "status": entry.status or None, "status_phrase": entry.status_phrase,
        "reason": entry.reason, "progress": entry.progress, "percent": entry.percent,
        "reported_by": entry.reported_by, "reported_by_department": entry.reported_by_id or None,
        "evidence": [{"title": e.title, "url": e.url, "file": e.file} for e in entry.evidence],
        "indicators": [{"indicator": v.indicator, "year": v.year, "value": v.value,
                        "unit": v.unit} for v in entry.indicators],
        "assessment": None if assessment is None else {
            "by": assessment.by, "rating": assessment.rating, "note": assessment.note,
            "url": assessment.url},
        "url": base_url + urls.task_page_url(entry.plan, entry.task),
    }


def report_record(report: ProgressReport, base_url: str = "/") -> dict:
    """A progress report with its entries, as plain values."""
    return {"plan": report.plan, "period": report.period.text,
            "as_of": report.as_of.isoformat(), "reported_by": report.reported_by,
            "title": report.title, "source_url": report.url, "source_file": report.file,
            "entries": [_entry(e, base_url) for e in report.entries],
            "url": base_url + urls.period_url(report.plan, report.period.text)}


def indicator_record(repo: Repository, ind: Indicator, statuses: dict[str, str],
                     base_url: str = "/") -> dict:
    latest = ind.latest
    return {
        "id": ind.id, "plan": ind.plan, "name": ind.name, "type": ind.type, "unit": ind.unit,
        "category": ind.category, "chapter": ind.chapter, "phrase": ind.phrase,
        "note": ind.note,
        "baseline": _quantity(ind.baseline), "target": _target(ind.target),
        "actuals": [_quantity(a) for a in ind.actuals],
        "latest": _quantity(latest),
        "status": statuses.get(ind.id),
        "departments": list(repo.index.indicator_departments[ind.id]),
        "tasks": [repo.task(k).id for k in repo.index.indicator_tasks[ind.id]],
        "url": base_url + urls.indicator_url(ind.id),
    }


def data_dict(repo: Repository, base_url: str = "/") -> dict:
    """Everything, as plain JSON-ready values."""
    indicator_results = indicator_statuses(repo)
    statuses = {key: result.status for key, result in indicator_results.items()}
    progress = Progress(repo, build_date(repo.as_of, _dt.date.today()), indicator_results)
    reported = {p.id for p in repo.plans.values() if p.reports}
    return {
        "plans": [{"id": p.id, "title": p.title, "short_title": p.short_title,
                   "issuer": p.issuer, "level": p.level,
                   "period_start": p.period_start, "period_end": p.period_end,
                   "source_document": p.source_document, "summary": p.summary, "note": p.note,
                   "url": base_url + urls.plan_url(p.id)} for p in repo.plans.values()],
        "chapters": [{"id": c.id, "plan": c.plan, "parent": c.parent, "number": c.number,
                      "title": c.title, "text": c.text, "url": base_url + repo.chapter_url(c)}
                     for p in repo.plans.values() for c in p.walk_chapters()],
        "departments": [{"id": d.id, "name": d.name, "aliases": list(d.aliases), "kind": d.kind,
                         "parent": d.parent, "incomplete": d.incomplete, "note": d.note,
                         "led": [repo.task(k).key for k in repo.index.led[d.id]],
                         "cooperating": [repo.task(k).key for k in repo.index.cooperated[d.id]],
                         "url": base_url + urls.department_url(d.id)}
                        for d in repo.departments.values()],
        "tasks": [task_record(repo, t, base_url,
                              progress.tasks[t.key].status if t.plan in reported else None)
                  for t in repo.tasks.values()],
        "reports": [report_record(r, base_url) for p in repo.plans.values()
                    for r in progress.reports(p)],
        "indicators": [indicator_record(repo, i, statuses, base_url)
                       for i in repo.indicators.values()],
    }


def json_text(repo: Repository, base_url: str = "/") -> str:
    """Everything as the text of ``data.json``."""
    return json.dumps(data_dict(repo, base_url), ensure_ascii=False, indent=2) + "\n"
