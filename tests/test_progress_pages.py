"""The progress parts of the pages, rendered without the engine: the task page and its timeline,
the plan's honest line when it has no reports, the period page, deadlines and the matrix."""

from __future__ import annotations

import copy
import datetime as _dt
import re

from factories import REPORT, TASKS, make_repo
from plansite.model import urls
from plansite.reading.repository import load_repository
from plansite.site.progress import ATTENTION_SHOWN
from plansite.site.render import Site
from plansite.synthetic import synth_repository

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


def test_a_rollup_lists_the_first_tasks_needing_attention_and_counts_the_rest(tmp_path):
    """A site's roll-up of thousands of tasks would list every late one on the home page: it
    lists the first ATTENTION_SHOWN, each a link, and says how many more there are."""
    synth_repository(tmp_path, tasks=1500, departments=60, indicators=100, seed=2)
    repo, problems = load_repository(tmp_path)
    assert problems.errors == []
    synthetic = Site(repo, today=TODAY)
    needing = synthetic.findings.progress.site().attention
    assert len(needing) > ATTENTION_SHOWN  # the data is large enough to need the cut
    html = str(synthetic.renderer("").page("home"))
    listed = re.search(r'<ul class="ps-attention">(.*?)</ul>', html, re.S).group(1)
    assert listed.count("<li>") == ATTENTION_SHOWN
    first = repo.task(needing[0].key)
    assert f'href="{urls.task_url(first)}"' in listed
    more = len(needing) - ATTENTION_SHOWN
    assert f'<p class="ps-attention-more">另有 {more} 项需要关注的任务未在此列出。' in html


def test_a_short_attention_list_is_listed_whole(tmp_path):
    html = str(site(tmp_path).renderer("").page("home"))
    assert '<ul class="ps-attention">' in html
    assert "ps-attention-more" not in html
