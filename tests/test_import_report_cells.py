"""What ``plansite import-report`` reads beyond each row's words: a table written in a text file,
a statement that every item is done, and the values of the plan's indicators a row reports.

The cases are minimal examples written for the tests; the real case, Shanghai's 2024 list and
its completion table, is imported in tests/test_real_data.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plansite.importers.progress import import_report
from plansite.importers.report_cells import (PlanIndicator, all_done, indicator_value,
                                             percent_of)
from plansite.importers.table import text_table

TASKS = """chapters:
  - id: '1'
    number: 一、
    title: （原文无标题）
    text: ''
    tasks:
      - {id: '1.1', title: 新增养老床位4000张、护理床位800张, text: '', indicators: [chuang, huli]}
      - {id: '1.2', title: 新增长者食堂30个, text: '', indicators: [shitang]}
      - {id: '1.3', title: 培养技能人才4.5万人次, text: '', indicators: [rencai]}
      - {id: '1.4', title: 建设社区食堂20个, text: ''}
      - {id: '1.5', title: 改造公厕10座, text: ''}
"""
INDICATORS = """indicators:
  - {id: chuang, name: 养老床位, unit: 张, phrase: 新增养老床位4000张, target: {value: 4000}}
  - {id: huli, name: 护理床位, unit: 张, phrase: 护理床位800张, target: {value: 800}}
  - {id: shitang, name: 长者食堂, unit: 个, phrase: 新增长者食堂30个, target: {value: 30}}
  - {id: rencai, name: 技能人才, unit: 人次, phrase: 培养技能人才4.5万人次, target: {value: 45000}}
"""
REPORT = """标题：2026年为民办实事项目完成情况
网址：https://example.gov.cn/r
{statement}

| 序号 | 项目名称 | 完成情况 | 占全年计划 |
| --- | --- | --- | --- |
| 1 | 新增养老床位4000张 | 4385 | 110% |
|  | 新增护理床位800张 | 810张 | 101% |
| 2 | 新增长者食堂30个 | 39 | 130% |
| 3 | 培养技能人才4.5万人次 | 4.8万人次 | 107% |
| 4 | 建设社区食堂20个 | 正在推进 | 60% |

表后的说明一行。
"""


def _import(tmp_path: Path, statement: str = "", indicators: bool = True) -> dict:
    plan = tmp_path / "data" / "plans" / "demo"
    plan.mkdir(parents=True)
    (plan / "tasks.yml").write_text(TASKS, encoding="utf-8")
    if indicators:
        (plan / "indicators.yml").write_text(INDICATORS, encoding="utf-8")
    source = tmp_path / "report.md"
    source.write_text(REPORT.format(statement=statement), encoding="utf-8")
    import_report(source, plan, "2026", reported_by="区政府办", as_of="2026-11-30", root=tmp_path)
    report = yaml.safe_load((plan / "reports" / "2026.yml").read_text(encoding="utf-8"))
    return report


def test_a_table_written_in_a_text_file_is_read_as_a_table(tmp_path):
    report = _import(tmp_path)
    entries = {e["task"]: e for e in report["entries"]}
    assert list(entries) == ["1.1", "1.2", "1.3", "1.4"], "1.5 has no row"
    assert entries["1.1"]["progress"].strip().split("\n\n") == [
        "新增养老床位4000张；完成情况：4385；占全年计划：110%",
        "新增护理床位800张；完成情况：810张；占全年计划：101%"]
    assert entries["1.4"]["percent"] == 60 and entries["1.4"]["status"] == "on_track"
    # the line "标题：…" names the source, without its label
    assert report["source"] == {"title": "2026年为民办实事项目完成情况", "file": "report.md"}


def test_text_table_keeps_line_numbers_and_needs_two_lines():
    lines = ["前言", "| a | b |", "|---|---|", "| 1 | 2 |", "后记", "| only | one |"]
    assert text_table(lines) == (1, 4, [["a", "b"], [], ["1", "2"]])
    assert text_table(["| only | one |", "text"]) is None


@pytest.mark.parametrize("statement, done", [
    ("目前所有项目均已提前完成全年目标任务。", "所有项目均已提前完成全年目标任务"),
    ("今年29个为民办实事项目已全部完成。", "已全部完成"),
    ("各项目已完成前期工作。", ""),
    ("部分项目尚未全部完成。", ""),
    ("所有项目均未完成。", ""),
])
def test_a_statement_that_every_item_is_done(statement, done):
    assert all_done(["2026年为民办实事项目", statement]) == done


def test_every_item_is_done_where_the_report_says_so_and_the_row_says_nothing(tmp_path):
    report = _import(tmp_path, "目前所有项目均已提前完成全年目标任务。")
    statuses = {e["task"]: (e.get("status"), e.get("status_phrase")) for e in report["entries"]}
    assert statuses == {"1.1": ("done", "所有项目均已提前完成全年目标任务"),
                        "1.2": ("done", "所有项目均已提前完成全年目标任务"),
                        "1.3": ("done", "所有项目均已提前完成全年目标任务"),
                        "1.4": ("on_track", "正在推进"),
                        "1.5": ("done", "所有项目均已提前完成全年目标任务")}, \
        "a row's own status stands; a task without a row is done by the statement"
    assert report["entries"][-1] == {"task": "1.5", "status": "done",
                                     "status_phrase": "所有项目均已提前完成全年目标任务"}
    (tmp_path / "again").mkdir()
    plain = _import(tmp_path / "again")
    assert [e.get("status") for e in plain["entries"]] == [None, None, None, "on_track"], \
        "without the statement a task without a row has no entry"


def test_a_row_reports_the_value_of_its_tasks_indicator(tmp_path):
    report = _import(tmp_path)
    values = {e["task"]: e.get("indicators") for e in report["entries"]}
    assert values == {
        "1.1": [{"indicator": "chuang", "year": 2026, "value": 4385, "unit": "张"},
                {"indicator": "huli", "year": 2026, "value": 810, "unit": "张"}],
        "1.2": [{"indicator": "shitang", "year": 2026, "value": 39, "unit": "个"}],
        "1.3": [{"indicator": "rencai", "year": 2026, "value": 48000, "unit": "人次"}],
        "1.4": None}
    (tmp_path / "none").mkdir()
    assert not any("indicators" in e for e in _import(tmp_path / "none", indicators=False)
                   ["entries"]), "a plan without indicators.yml gets no values"


BEDS = PlanIndicator("chuang", "养老床位", "新增养老床位4000张", "张", 4000.0)
BEDS_ALL = PlanIndicator("chuangwei", "床位", "新增床位4000张", "张", 4000.0)
CARE = PlanIndicator("huli", "护理床位", "新增护理床位800张", "张", 800.0)


@pytest.mark.parametrize("words, cell, candidates, value", [
    ("新增养老床位4000张", "4385", [BEDS], 4385),
    ("新增养老床位4000张", "4,385", [BEDS], 4385),
    ("新增养老床位4000张", "4385张", [BEDS], 4385),
    # a quantity in another unit, a number ten times off the target, words: not a value
    ("新增养老床位4000张", "4385个", [BEDS], None),
    ("新增养老床位4000张", "43.85", [BEDS], None),
    ("新增养老床位4000张", "已完成", [BEDS], None),
    # no indicator named in the words
    ("新增长者食堂30个", "39", [BEDS], None),
    # two names in the words (床位, 护理床位): the phrase decides
    ("新增护理床位800张", "810", [BEDS_ALL, CARE], 810),
    ("护理床位", "810", [BEDS_ALL, CARE], None),
])
def test_indicator_value_rules(words, cell, candidates, value):
    found = indicator_value(words, cell, candidates, 2026)
    assert (found["value"] if found else None) == value


def test_percent_of():
    assert [percent_of(t) for t in ("85%", "85", "８５％", "12.5%", "110%", "约85%")] == \
        [85, 85, 85, 12.5, None, None]
