"""Progress report files: read into the model, every rule checked with file:line, field and fix."""

from __future__ import annotations

import copy
import datetime as _dt
from typing import Callable

import pytest

from factories import INDICATORS, REPORT, make_repo
from plansite.model.progress import Period
from plansite.reading.repository import load_repository

FILE = "data/plans/demo/reports/2013.yml"


def entry(report: dict, i: int = 0) -> dict:
    return report["entries"][i]


def load(tmp_path, change: Callable[[dict], object] = lambda r: None, period: str = "2013",
         **parts):
    report = copy.deepcopy(REPORT)
    change(report)
    root = make_repo(tmp_path, reports={period: report}, **parts)
    return load_repository(root)


def said(problems) -> list[str]:
    return [p.format() for p in problems]


def test_a_good_report_is_read_into_the_plan(tmp_path):
    repo, problems = load(tmp_path)
    assert said(problems) == []
    (report,) = repo.plans["demo"].reports
    assert (report.period.text, report.as_of, report.title) == (
        "2013", _dt.date(2013, 12, 31), "2013年规划实施情况")
    first, second = report.entries
    assert (first.task, first.status, first.percent, first.reported_by_id) == (
        "1.1", "on_track", 60, "zhujianwei")
    assert first.evidence[0].url == "https://example.gov.cn/pf.html"
    assert first.source.file == FILE and first.source.line == 8
    assert (second.status, second.reason, second.reported_by) == (
        "delayed", "校舍用地未落实。", "市发展改革委")
    assert (second.assessment.by, second.assessment.rating) == ("市人大常委会", "滞后")


def test_indicator_values_join_the_actuals(tmp_path):
    repo, _ = load(tmp_path)
    (actual,) = repo.indicators["chengzhenhualv"].actuals
    assert (actual.year, actual.value, actual.unit) == (2013, 51.2, "%")
    # the report's title names the source; its year stands beside it in the actuals' table,
    # worded in the site's language
    assert actual.source == "2013年规划实施情况"


@pytest.mark.parametrize("text, start, end", [
    ("2013", "2013-01-01", "2013-12-31"), ("2013-H2", "2013-07-01", "2013-12-31"),
    ("2013-Q1", "2013-01-01", "2013-03-31"), ("2012-02", "2012-02-01", "2012-02-29")])
def test_periods(text, start, end):
    period = Period.parse(text)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["2013-Q5", "13", "2013-13", "2013年", "2013-h1"])
def test_bad_periods(text):
    assert Period.parse(text) is None


BROKEN: dict[str, tuple[Callable[[dict], object], list[str]]] = {
    "period": (lambda r: r.update(period="2013年"), [
        f"{FILE}:1:9: period: 报告期“2013年”无法识别；应为 YYYY、YYYY-H1/H2、YYYY-Q1…Q4 或 YYYY-MM，"
        "如 2024-Q2"]),
    "file-name": (lambda r: r.update(period="2013-Q4"), [
        f"{FILE}:1:9: period: 报告文件名 2013.yml 与其中的报告期 2013-Q4 不符；每个报告期一个文件，"
        "文件名即报告期; 提示：把文件改名为 2013-Q4.yml，或改正 period"]),
    "as-of-before": (lambda r: r.update(as_of="2012-12-31"), [
        f"{FILE}:2:8: as_of: 截止日期 2012-12-31 早于报告期 2013 的开始（2013-01-01）"]),
    "as-of-future": (lambda r: r.update(period="2013", as_of="2999-01-01"), [
        f"{FILE}:2:8: as_of: 截止日期 2999-01-01 晚于构建日期 {_dt.date.today().isoformat()}；"
        "报告只能写已经发生的事"]),
    "bad-date": (lambda r: r.update(as_of="2013年底"), [
        f"{FILE}:2:8: as_of: 日期“2013年底”无法识别；应为 年-月-日，如 2013-06-30"]),
    "unknown-task": (lambda r: entry(r).update(task="9.9"), [
        f"{FILE}:8:9: entries[0].task: 找不到任务“9.9”；应为本规划 tasks.yml 中的任务编号"]),
    "two-entries": (lambda r: entry(r, 1).update(task="1.1"), [
        f"{FILE}:20:9: entries[1].task: 任务 1.1 在本报告期已有一条进展（第 8 行）；每个任务每期只写一条"]),
    "no-reason": (lambda r: entry(r, 1).pop("reason"), [
        f"{FILE}:21:11: entries[1].reason: 状态为“滞后”的进展必须写明原因（reason）; "
        "提示：写明滞后、调整或不再推进的原因，如 reason: 征地未完成"]),
    "bad-status": (lambda r: entry(r).update(status="滞后"), [
        f"{FILE}:9:11: entries[0].status: 值“滞后”不在可选范围内；应为 not_started | on_track | ahead | "
        "delayed | done | done_modified | dropped"]),
    "percent": (lambda r: entry(r).update(percent=160), [
        f"{FILE}:11:12: entries[0].percent: 完成百分比 160 不在 0 到 100 之间"]),
    "evidence-nowhere": (lambda r: entry(r)["evidence"][0].pop("url"), [
        f"{FILE}:14:5: entries[0].evidence[0]: 佐证材料没有网址或文件；应有 url 或 sources/ 下的 file"]),
    "file-missing": (lambda r: r["source"].update(file="sources/none.pdf"), [
        f"{FILE}:7:9: source.file: 文件 sources/none.pdf 不在仓库中；应为 sources/ 下的文件"]),
    "unknown-indicator": (lambda r: entry(r)["indicators"][0].update(indicator="gdp"), [
        f"{FILE}:17:16: entries[0].indicators[0].indicator: 找不到指标“gdp”；应为本规划 "
        "indicators.yml 中的指标编号"]),
    "unknown-field": (lambda r: entry(r).update(state="done"), [
        f"{FILE}:20:3: entries[0].state: 未知字段“state”；可用字段：task、status、status_phrase、reason、"
        "progress、percent、reported_by、evidence、indicators、assessment、note; 提示：是否想写“status”？"]),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_reports_say_where_what_and_how_to_fix(tmp_path, case):
    change, expected = BROKEN[case]
    _, problems = load(tmp_path, change)
    assert said(problems.errors) == expected


def test_a_value_given_twice_with_another_figure_is_an_error(tmp_path):
    indicators = copy.deepcopy(INDICATORS)
    indicators["indicators"][0]["actuals"] = [{"year": 2013, "value": 50.5}]
    _, problems = load(tmp_path, indicators=indicators)
    assert said(problems.errors) == [
        f"{FILE}:19:12: entries[0].indicators[0].value: 指标 chengzhenhualv 2013 年的值 51.2 与 "
        "data/plans/demo/indicators.yml:2 写的 50.5 不同；一年只能有一个值; 提示：核对两处的数值，"
        "只保留正确的一个"]


def test_the_same_value_given_again_is_no_error(tmp_path):
    indicators = copy.deepcopy(INDICATORS)
    indicators["indicators"][0]["actuals"] = [{"year": 2013, "value": 51.2}]
    repo, problems = load(tmp_path, indicators=indicators)
    assert said(problems) == []
    assert len(repo.indicators["chengzhenhualv"].actuals) == 1


def test_a_reporter_that_neither_leads_nor_cooperates_is_warned_of(tmp_path):
    repo, problems = load(tmp_path, lambda r: entry(r).update(reported_by="市教育局"))
    assert problems.errors == []
    assert said(problems) == [
        f"{FILE}:12:16: entries[0].reported_by: 填报单位“市教育局”不是任务 1.1 的牵头或配合单位"
        "（市住建委、市城乡规划局）"]
    assert repo.plans["demo"].reports[0].entries[0].reported_by_id == "jiaoyuju"


def test_reports_are_kept_oldest_period_first(tmp_path):
    later = copy.deepcopy(REPORT)
    later.update(period="2014-Q1", as_of="2014-03-31")
    root = make_repo(tmp_path, reports={"2014-Q1": later, "2013": copy.deepcopy(REPORT)})
    repo, problems = load_repository(root)
    assert said(problems.errors) == []
    assert [r.period.text for r in repo.plans["demo"].reports] == ["2013", "2014-Q1"]


def test_the_json_schema_and_the_validator_agree_on_reports():
    from jsonschema import Draft202012Validator

    from plansite.model.fields import json_schema

    validator = Draft202012Validator(json_schema("report"))
    assert list(validator.iter_errors(copy.deepcopy(REPORT))) == []
    for case in ("period", "bad-status", "percent", "bad-date", "unknown-field"):
        report = copy.deepcopy(REPORT)
        BROKEN[case][0](report)
        assert list(validator.iter_errors(report)), case


def test_reports_are_in_the_json_dump_and_the_tables(tmp_path):
    from plansite.publishing.export import data_dict
    from plansite.publishing.tables import table_rows

    repo, _ = load(tmp_path)
    data = data_dict(repo)
    (report,) = data["reports"]
    assert (report["period"], report["as_of"], report["url"]) == (
        "2013", "2013-12-31", "/plans/demo/reports/2013/")
    entry = report["entries"][1]
    assert (entry["task"], entry["status"], entry["reason"], entry["url"]) == (
        "1.2", "delayed", "校舍用地未落实。", "/plans/demo/tasks/1.2/")
    assert entry["assessment"]["by"] == "市人大常委会"
    assert [t["status"] for t in data["tasks"]] == ["on_track", "delayed"]
    rows = table_rows(repo)["reports"]
    assert [(r["task"], r["status"], r["evidence"]) for r in rows] == [
        ("1.1", "on_track", "https://example.gov.cn/pf.html"), ("1.2", "delayed", "")]
    assert rows[1]["assessment_rating"] == "滞后"


def test_a_task_search_record_carries_its_status(tmp_path):
    from plansite.site.search.records import search_records

    repo, _ = load(tmp_path)
    task = next(r for r in search_records(repo) if r.url == "plans/demo/tasks/1.2/")
    assert task.status == "delayed"
    assert '<span data-pagefind-meta="status" data-pagefind-ignore hidden>滞后</span>' in task.html()
