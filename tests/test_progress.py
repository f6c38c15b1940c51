"""The reported progress of tasks: current status, overdue, stale, contradiction, roll-ups and
the changes between periods, each rule pinned on a small plan."""

from __future__ import annotations

import copy
import datetime as _dt

import pytest

from factories import INDICATORS, PLAN, TASKS, make_repo
from plansite.analysis.findings import Findings
from plansite.analysis.progress import add_months
from plansite.reading.repository import load_repository

TODAY = _dt.date(2026, 12, 1)


def report(period: str, as_of: str, *entries: dict) -> dict:
    return {"period": period, "as_of": as_of, "reported_by": "市发展改革委",
            "source": {"title": f"{period}年进展", "url": f"https://example.gov.cn/{period}.html"},
            "entries": list(entries)}


def progress(tmp_path, reports: dict, as_of: int = 2014, plan: dict | None = None,
             indicators: dict | None = None, deadlines: dict | None = None):
    tasks = copy.deepcopy(TASKS)
    for task in tasks["chapters"][0]["tasks"]:
        if task["id"] in (deadlines or {}):
            task["deadline"] = deadlines[task["id"]]
    root = make_repo(tmp_path, plan=plan, tasks=tasks, indicators=indicators, reports=reports)
    repo, problems = load_repository(root, as_of=as_of)
    assert [p.format() for p in problems.errors] == []
    return Findings(repo, TODAY).progress


TWO_YEARS = {
    "2012": report("2012", "2012-12-31", {"task": "1.1", "status": "on_track"},
                   {"task": "1.2", "status": "not_started"}),
    "2013": report("2013", "2013-12-31", {"task": "1.1", "status": "done"},
                   {"task": "1.2", "status": "delayed", "reason": "用地未落实"}),
}


def test_the_current_status_is_the_latest_entry_and_the_timeline_is_newest_first(tmp_path):
    found = progress(tmp_path, TWO_YEARS)
    first = found.tasks["demo:1.1"]
    assert first.status == "done"
    assert [e.period.text for e in first.entries] == ["2013", "2012"]
    assert found.tasks["demo:1.2"].status == "delayed"


def test_a_report_after_the_build_date_is_left_out(tmp_path):
    found = progress(tmp_path, TWO_YEARS, as_of=2012)
    assert found.tasks["demo:1.1"].status == "on_track"
    assert [c.period.text for c in found.periods("demo")] == ["2012"]


def test_overdue_is_a_passed_deadline_not_done(tmp_path):
    found = progress(tmp_path, TWO_YEARS, deadlines={"1.1": "2012年", "1.2": "2013年6月"})
    assert found.tasks["demo:1.1"].overdue is False  # done
    assert found.tasks["demo:1.2"].overdue is True
    assert found.tasks["demo:1.2"].due == _dt.date(2013, 6, 30)


def test_a_deadline_not_yet_passed_is_not_overdue(tmp_path):
    found = progress(tmp_path, TWO_YEARS, deadlines={"1.2": "2015年"})
    assert found.tasks["demo:1.2"].overdue is False


def test_without_reports_nothing_is_overdue_or_stale(tmp_path):
    found = progress(tmp_path, {}, deadlines={"1.2": "2012年"})
    task = found.tasks["demo:1.2"]
    assert (task.status, task.overdue, task.stale) == ("unreported", False, False)
    assert found.plan("demo").reported is False


@pytest.mark.parametrize("interval, stale", [("year", False), ("quarter", True)])
def test_stale_is_no_entry_for_longer_than_the_reporting_interval(tmp_path, interval, stale):
    reports = {"2013-H2": report("2013-H2", "2013-12-31", {"task": "1.2", "status": "on_track"})}
    found = progress(tmp_path, reports, plan={**PLAN, "reporting_interval": interval},
                     as_of=2014)
    assert found.tasks["demo:1.2"].stale is stale
    # never reported: counted from the start of the first reporting period
    assert found.tasks["demo:1.1"].stale is True
    assert found.tasks["demo:1.1"].stale_since == _dt.date(2013, 7, 1)


def test_a_finished_task_is_never_stale(tmp_path):
    found = progress(tmp_path, TWO_YEARS, plan={**PLAN, "reporting_interval": "month"})
    assert found.tasks["demo:1.1"].stale is False
    assert found.tasks["demo:1.2"].stale is True


def test_on_track_while_its_indicator_is_off_track_is_a_contradiction(tmp_path):
    indicators = copy.deepcopy(INDICATORS)
    indicators["indicators"][0]["actuals"] = [{"year": 2014, "value": 44}]
    reports = {"2014": report("2014", "2014-12-31", {"task": "1.1", "status": "on_track"},
                              {"task": "1.2", "status": "on_track"})}
    found = progress(tmp_path, reports, indicators=indicators, as_of=2014)
    assert found.statuses["chengzhenhualv"].status == "off-track"
    assert found.tasks["demo:1.1"].contradicted_by == ("chengzhenhualv",)
    assert found.tasks["demo:1.2"].contradicted_by == ()  # serves no indicator
    assert [t.key for t in found.plan("demo").attention] == ["demo:1.1"]


def test_rollups_count_every_status(tmp_path):
    found = progress(tmp_path, TWO_YEARS)
    rollup = found.plan("demo")
    assert {k: v for k, v in rollup.counts.items() if v} == {"done": 1, "delayed": 1}
    assert (rollup.total, rollup.done, rollup.share("done")) == (2, 1, 0.5)
    assert found.department("jiaoyuju").counts["delayed"] == 1
    assert found.department("jiaoyuju").counts["done"] == 0
    assert found.department("zhujianwei").total == 2  # leads 1.1, co-operates on 1.2
    assert found.chapter("demo", "1").counts == rollup.counts
    assert found.site().counts == rollup.counts


def test_each_period_says_what_changed_since_the_one_before(tmp_path):
    reports = {**TWO_YEARS, "2014": report(
        "2014", "2014-12-31", {"task": "1.2", "status": "dropped", "reason": "并入其他任务"})}
    found = progress(tmp_path, reports)
    first, second, third = found.periods("demo")
    assert first.previous is None and second.previous.text == "2012"
    assert [e.task for e in second.newly_done] == ["1.1"]
    assert [e.task for e in second.newly_late] == ["1.2"]
    assert [(e.task, e.reason) for e in third.dropped] == [("1.2", "并入其他任务")]
    assert (third.reported, third.tasks) == (1, 2)
    assert [(e.task, was) for e, was in second.changed] == [("1.1", "on_track"),
                                                           ("1.2", "not_started")]


def test_add_months_keeps_the_day_or_the_months_last():
    assert add_months(_dt.date(2013, 12, 31), 2) == _dt.date(2014, 2, 28)
    assert add_months(_dt.date(2013, 1, 15), 12) == _dt.date(2014, 1, 15)


def test_rollups_count_only_plans_with_reports(tmp_path):
    from factories import write_yaml

    root = make_repo(tmp_path, reports=TWO_YEARS)
    other = root / "data" / "plans" / "other"
    write_yaml(other / "plan.yml", {**PLAN, "id": "other"})
    write_yaml(other / "tasks.yml", {"chapters": [{"id": "1", "title": "其他", "tasks": [
        {"id": "1.1", "title": "另一项任务", "lead": ["市教育局"]}]}]})
    repo, problems = load_repository(root, as_of=2014)
    assert problems.errors == []
    found = Findings(repo, TODAY).progress
    assert found.site().total == 2
    assert found.tasks["other:1.1"].status == "unreported"
    assert found.department("jiaoyuju").total == 1  # 1.2 of demo; the other plan is not counted
    assert found.plan("other").reported is False


def test_the_method_page_states_every_status_and_rule():
    from pathlib import Path

    from plansite.analysis.progress import STATUSES
    from plansite.catalogue.labels import translate

    text = (Path(__file__).resolve().parent.parent / "docs" / "methodology.md").read_text(
        encoding="utf-8")
    for status in STATUSES:
        assert f"| {translate('report_status_' + status)} |" in text, status
    for rule in ("**当前状态。**", "**逾期。**", "**久未报告。**", "**自报与指标矛盾。**",
                 "reporting_interval", "**每个报告期。**", "独立评估"):
        assert rule in text, rule
