"""The progress parts of the pages, rendered without the engine: the task page and its timeline,
the plan's honest line when it has no reports, the period page, deadlines and the matrix."""

from __future__ import annotations

import copy
import datetime as _dt

from factories import REPORT, TASKS, make_repo
from plansite.reading.repository import load_repository
from plansite.site.render import Site

TODAY = _dt.date(2026, 12, 1)


def site(tmp_path, reports: dict | None = None) -> Site:
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][1]["deadline"] = "2014年"
    later = copy.deepcopy(REPORT)
    later.update(period="2014", as_of="2014-12-31")
    later["entries"] = [{"task": "1.2", "status": "done", "progress": "新校舍投入使用。"}]
    if reports is None:
        reports = {"2013": copy.deepcopy(REPORT), "2014": later}
    root = make_repo(tmp_path, tasks=tasks, reports=reports)
    repo, problems = load_repository(root)
    assert problems.errors == []
    return Site(repo, today=TODAY)


def test_the_task_page_shows_the_timeline_newest_first(tmp_path):
    html = str(site(tmp_path).renderer("plans/demo/tasks/1.2/").page("task", "demo", "1.2"))
    assert html.index('id="report-2014"') < html.index('id="report-2013"')
    assert '<p class="ps-current"><span class="ps-progress ps-progress-done">已完成</span>' in html
    assert "原因：校舍用地未落实。" in html
    assert "独立评估（市人大常委会）：<strong>滞后</strong>" in html
    assert '<a href="../../../../plans/demo/reports/2013/">2013</a>' in html


def test_a_plan_without_reports_says_so_and_shows_no_status(tmp_path):
    rendered = site(tmp_path, {})
    plan = str(rendered.renderer("plans/demo/").page("plan", "demo"))
    assert "本规划没有公开的进展报告，网站不显示任务的完成情况。" in plan
    assert "ps-progress" not in plan and "ps-rollup" not in plan
    task = str(rendered.renderer("plans/demo/tasks/1.1/").page("task", "demo", "1.1"))
    assert "本规划没有公开的进展报告" in task and "ps-timeline" not in task


def test_the_period_page_says_what_changed(tmp_path):
    html = str(site(tmp_path).renderer("plans/demo/reports/2014/").page("period", "demo", "2014"))
    assert "本期报告了 1 项任务（共 2 项）。" in html
    assert "与上一报告期 2013 相比：" in html
    done = html[html.index('id="done"'):html.index('id="late"')]
    assert "优先发展教育" in done


def test_deadlines_and_matrix_show_the_reported_status(tmp_path):
    rendered = site(tmp_path)
    deadlines = str(rendered.renderer("deadlines/").page("deadlines"))
    row = deadlines[deadlines.index('data-task="demo:1.2"'):]
    row = row[:row.index("</tr>")]
    assert "ps-progress-done" in row and 'data-overdue="false"' in row  # done: not overdue
    matrix = str(rendered.renderer("matrix/demo/").page("plan-matrix", "demo"))
    assert 'title="2. 优先发展教育（已完成）"' in matrix
