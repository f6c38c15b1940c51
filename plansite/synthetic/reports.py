"""Synthetic progress reports: a plan's tasks reported on period after period, each task moving
through the statuses as tasks do (not started, on track or ahead or late, then done, done as
modified or dropped), some tasks left out of a period, a few with an independent assessment.

Every status appears in the last report of the first plan with reports, so tests and benchmarks
cover each; overdue, stale and contradicted tasks follow from the deadlines, the gaps and the
indicators.
"""

from __future__ import annotations

import random

from plansite.model.progress import FINISHED, NEEDS_REASON, REPORT_STATUSES
from plansite.synthetic.words import REPORTED_UP_TO

NEXT: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "": (("not_started", "on_track", "delayed", "ahead"), (30, 50, 15, 5)),
    "not_started": (("not_started", "on_track", "delayed", "ahead"), (30, 50, 15, 5)),
    "on_track": (("on_track", "ahead", "delayed", "done", "done_modified", "dropped"),
                 (50, 10, 15, 20, 3, 2)),
    "ahead": (("ahead", "on_track", "done"), (30, 20, 50)),
    "delayed": (("delayed", "on_track", "done", "dropped", "done_modified"), (40, 30, 15, 10, 5)),
}
"""A task's status in the next period, by its status in this one, with weights."""

REASONS = ("项目用地尚未落实", "资金未能及时到位", "前期手续办理时间较长", "上级政策调整",
           "建设内容按实际需要调整", "并入其他项目统筹推进", "施工受天气影响")
ASSESSORS = ("市人大常委会", "市审计局", "第三方评估机构")
RATINGS = ("基本完成", "进度滞后", "成效明显", "需要加快")
REPORTED_SHARE = 0.85
"""The share of open tasks a report speaks of: the others are missing from that period."""


def report_periods(start: int, end: int) -> list[tuple[str, str]]:
    """The periods (and their as-of dates) a plan of ``start``-``end`` has reports for: the
    last three years reported, and the first half of the last one."""
    years = list(range(start, min(end, REPORTED_UP_TO) + 1))[-3:]
    out = [(str(y), f"{y}-12-31") for y in years]
    if years:
        out.insert(len(out) - 1, (f"{years[-1]}-H1", f"{years[-1]}-06-30"))
    return out


def make_reports(plan: dict, tasks: list[dict], rng: random.Random, sentence,
                 every_status: bool) -> dict[str, dict]:
    """The report files of one plan by period. ``sentence`` writes a sentence of progress;
    ``every_status`` gives the last report one task of each status."""
    reports: dict[str, dict] = {}
    state: dict[str, str] = {}
    periods = report_periods(plan["start"], plan["end"])
    for n, (period, as_of) in enumerate(periods):
        entries = []
        last = n == len(periods) - 1
        for i, task in enumerate(tasks):
            was = state.get(task["id"], "")
            if was in FINISHED and rng.random() < 0.7 or rng.random() > REPORTED_SHARE:
                continue
            choices, weights = NEXT.get(was, ((was,), (1,)))
            status = rng.choices(choices, weights)[0]
            if last and every_status and i < len(REPORT_STATUSES):
                status = REPORT_STATUSES[i]
            state[task["id"]] = status
            entries.append(_entry(task, status, rng, sentence))
        reports[period] = {
            "period": period, "as_of": as_of, "reported_by": f"{plan['issuer']}办公室",
            "source": {"title": f"{plan['title']}{period}年实施情况",
                       "url": f"https://example.gov.cn/reports/{plan['id']}/{period}.html"},
            "entries": entries}
    return reports


def _entry(task: dict, status: str, rng: random.Random, sentence) -> dict:
    entry: dict = {"task": task["id"], "status": status}
    if status in NEEDS_REASON:
        entry["reason"] = REASONS[rng.randrange(len(REASONS))]
    entry["progress"] = sentence()
    if status in ("on_track", "ahead", "delayed"):
        entry["percent"] = rng.randrange(10, 95, 5)
    elif status in ("done", "done_modified"):
        entry["percent"] = 100
    entry["reported_by"] = task["lead"][0]
    if rng.random() < 0.2:
        address = f"https://example.gov.cn/docs/{rng.randrange(10**6)}.html"
        entry["evidence"] = [{"title": "相关文件", "url": address}]
    if rng.random() < 0.05:
        entry["assessment"] = {"by": ASSESSORS[rng.randrange(len(ASSESSORS))],
                               "rating": RATINGS[rng.randrange(len(RATINGS))],
                               "note": sentence()}
    return entry
