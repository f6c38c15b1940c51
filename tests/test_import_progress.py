"""``plansite import-report``: progress tables and text reports into a plan's report file.

The real case is Shanghai's 2024 为民办实事 completion table (tests/fixtures/progress/), against
the plan's own list; the other cases are minimal examples written for the tests.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
import yaml

from plansite.cli import main
from plansite.importers.progress import import_report
from plansite.problems import PlanError

SHANGHAI = Path(__file__).parent / "fixtures" / "progress" / "shanghai-2024"
URL = "https://wxredian.com/art?id=bd7cd930c6657519c80e45e2ec441443"

TASKS = """chapters:
  - id: '1'
    number: 一、
    title: 城市建设
    text: ''
    tasks:
      - {id: '1.1', number: '1.', title: 改造老旧小区, text: 全年改造老旧小区30个。, lead: [市住建局]}
      - {id: '1.2', number: '2.', title: 建设公共停车场, text: 新建公共停车场5个。, lead: [市交通局]}
      - {id: '1.3', number: '3.', title: 整治城区河道, text: 整治城区河道10公里。, lead: [市水务局]}
  - id: '2'
    number: 二、
    title: 民生保障
    text: ''
    tasks:
      - {id: '2.1', number: '1.', title: 新增城镇就业, text: 城镇新增就业1.2万人。, lead: [市人社局]}
      - {id: '2.2', number: '2.', title: 办好普惠托育, text: 新增托位500个。, lead: [市卫健委]}
"""


def _repo(tmp_path: Path, tasks: str = TASKS) -> Path:
    plan = tmp_path / "data" / "plans" / "demo"
    plan.mkdir(parents=True)
    (plan / "tasks.yml").write_text(tasks, encoding="utf-8")
    return plan


def _report(plan: Path, period: str) -> dict:
    return yaml.safe_load((plan / "reports" / f"{period}.yml").read_text(encoding="utf-8"))


def _shanghai(tmp_path: Path) -> Path:
    plan = tmp_path / "data" / "plans" / "shanghai-2024"
    plan.mkdir(parents=True)
    shutil.copy(SHANGHAI / "tasks.yml", plan / "tasks.yml")
    return plan


def _csv_rows() -> list[list[str]]:
    with open(SHANGHAI / "report-table.csv", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _check_shanghai(report: dict) -> None:
    entries = {e["task"]: e for e in report["entries"]}
    assert list(entries) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4"]
    # the sub-rows of 序号 1 report on the one task that lists the three kinds of beds
    assert entries["1.1"]["progress"].strip().split("\n\n") == [
        "新增4000张养老床位；完成情况：4385；占全年计划：110%",
        "新增800张困难重度残疾人养护床位；完成情况：810；占全年计划：101%",
        "改建3000张认知障碍照护床位；完成情况：3210；占全年计划：107%"]
    assert entries["1.2"]["progress"].strip() == "完成情况：39；占全年计划：130%"
    # a percentage is kept as percent only where it is one row's and within 0-100
    assert {t: e["percent"] for t, e in entries.items() if "percent" in e} == {"1.3": 100}
    # the table states no status: none is made up
    assert not any("status" in e for e in entries.values())
    assert entries["2.4"]["progress"].strip() == "完成情况：347"


def test_a_real_completion_table_as_csv(tmp_path):
    plan = _shanghai(tmp_path)
    source = tmp_path / "sources" / "shanghai-2024-11.csv"
    source.parent.mkdir()
    shutil.copy(SHANGHAI / "report-table.csv", source)
    result = import_report(source, plan, "2024-11", reported_by="上海嘉定", as_of="2024-11-06",
                           url=URL, root=tmp_path)
    report = _report(plan, "2024-11")
    assert report["period"] == "2024-11" and report["as_of"] == "2024-11-06"
    assert report["reported_by"] == "上海嘉定"
    assert report["source"] == {"title": "2024年上海市为民办实事项目完成情况", "url": URL,
                                "file": "sources/shanghai-2024-11.csv"}
    _check_shanghai(report)
    assert result.unmatched == [] and result.doubtful == []
    first = (plan / "reports" / "2024-11.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../schema/report.schema.json"


def test_nothing_of_the_table_is_dropped(tmp_path):
    plan = _shanghai(tmp_path)
    shutil.copy(SHANGHAI / "report-table.csv", tmp_path / "t.csv")
    import_report(tmp_path / "t.csv", plan, "2024-11", reported_by="上海嘉定", url=URL,
                  root=tmp_path)
    written = (plan / "reports" / "2024-11.yml").read_text(encoding="utf-8") + \
        (plan / "import-report-2024-11.yml").read_text(encoding="utf-8")
    for row in _csv_rows()[2:]:
        for cell in row[2:]:
            assert cell in written, cell
    # the sub-rows' own words are kept beside their figures
    assert "新增800张困难重度残疾人养护床位" in written


def test_a_real_completion_table_as_a_spreadsheet_with_merged_cells(tmp_path):
    from openpyxl import Workbook

    rows = _csv_rows()
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    sheet.merge_cells("A1:D1")
    for row in rows[1:]:
        sheet.append([int(c) if c.isdigit() and i == 0 else (c or None) for i, c in enumerate(row)])
    # 序号 1, 5 and 6 span their sub-rows
    for first, last in ((3, 5), (9, 10), (11, 12)):
        sheet.merge_cells(f"A{first}:A{last}")
    book.save(tmp_path / "t.xlsx")
    plan = _shanghai(tmp_path)
    import_report(tmp_path / "t.xlsx", plan, "2024-11", reported_by="上海嘉定", url=URL,
                  root=tmp_path)
    _check_shanghai(_report(plan, "2024-11"))


TABLE = [["说明：截至2026年6月30日"],
         ["进展情况", "存在问题", "牵头单位", "序号", "下一步计划", "重点任务"],
         ["已完成改造18个，正常推进", "", "市住建局", "1", "9月底前完成", "改造老旧小区"],
         ["停车场2个开工，进度滞后", "用地审批未完成", "市交通局", "2", "加快审批", "建设公共停车场"],
         ["完成河道整治6公里", "", "市水务局", "3", "", "整治城区河道"],
         ["新增就业8000人", "", "市人社局", "4", "", "新增城镇就业"],
         ["开办夜市3处", "", "市商务局", "5", "", "发展夜间经济"],
         ["新增托位300个", "", "市卫健委", "6", "", "办好托育"]]


def test_a_progress_table_with_its_columns_in_any_order(tmp_path):
    plan = _repo(tmp_path)
    path = tmp_path / "report.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(TABLE)
    result = import_report(path, plan, "2026-H1", reported_by="市政府办公室", url="https://x.gov.cn/r",
                           root=tmp_path)
    report = _report(plan, "2026-H1")
    assert report["as_of"] == "2026-06-30", "the 截至 date of the heading"
    entries = {e["task"]: e for e in report["entries"]}
    assert (entries["1.1"]["status"], entries["1.1"]["status_phrase"]) == ("on_track", "正常推进")
    assert "下一步计划：9月底前完成" in entries["1.1"]["progress"]
    parking = entries["1.2"]
    assert (parking["status"], parking["reason"]) == ("delayed", "用地审批未完成")
    assert "status" not in entries["1.3"]
    # a row like no task of the plan is listed whole, not dropped
    assert [u["row"] for u in result.unmatched] == [
        "5；发展夜间经济；进展情况：开办夜市3处；牵头单位：市商务局"]
    # 办好托育 is only part of the task's title: matched, and listed for a check
    assert entries["2.2"]["progress"].startswith("进展情况：新增托位300个")
    assert [d["task"] for d in result.doubtful] == ["2.2"]
    written = yaml.safe_load((plan / "import-report-2026-H1.yml").read_text(encoding="utf-8"))
    assert written["unmatched"][0]["line"] == 7 and written["doubtful"][0]["likeness"] < 0.8


def test_a_text_report_that_follows_the_plan_s_numbering(tmp_path):
    plan = _repo(tmp_path)
    text = ("2026年上半年重点工作进展情况\n"
            "一、城市建设\n"
            "1.改造老旧小区。已完成18个，占全年计划60%，正常推进。\n"
            "2.建设公共停车场。2个停车场已开工。\n因用地审批未完成，进度滞后。\n"
            "二、民生保障\n"
            "1.新增城镇就业8000人，完成全年目标的67%。\n"
            "2.托育工作。新增托位300个。\n")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = import_report(tmp_path / "r.txt", plan, "2026-H1", reported_by="市政府办公室",
                           url="https://x.gov.cn/r", root=tmp_path)
    entries = {e["task"]: e for e in _report(plan, "2026-H1")["entries"]}
    assert list(entries) == ["1.1", "1.2", "2.1", "2.2"]
    assert entries["1.1"]["status"] == "on_track"
    assert entries["1.2"]["status"] == "delayed"
    assert "因用地审批未完成" in entries["1.2"]["progress"]
    # a text has no 存在问题 column: the reason a delayed task needs is the source's status
    # words, and the report says so
    assert entries["1.2"]["reason"] == "滞后"
    assert entries["2.2"]["progress"].strip() == "托育工作。新增托位300个。"
    assert result.unmatched == [] and result.preamble == ["2026年上半年重点工作进展情况"]
    # no date in the text: the end of the period, said in a warning
    assert _report(plan, "2026-H1")["as_of"] == "2026-06-30"
    assert [w.code for w in result.warnings] == ["report-reason-from-status",
                                                 "report-as-of-guessed"]


def test_a_progress_table_in_a_word_document(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2026年第一季度重点任务推进情况")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "任务", "完成进度"], ["1.1", "改造老旧小区", "35%"],
                             ["2.1", "新增城镇就业", "28%"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(tmp_path / "r.docx")
    plan = _repo(tmp_path)
    import_report(tmp_path / "r.docx", plan, "2026-Q1", reported_by="市政府办公室",
                  url="https://x.gov.cn/q1", root=tmp_path)
    report = _report(plan, "2026-Q1")
    assert report["source"]["title"] == "2026年第一季度重点任务推进情况"
    assert [(e["task"], e["percent"]) for e in report["entries"]] == [("1.1", 35), ("2.1", 28)]
    assert report["as_of"] == "2026-03-31"


def test_bad_input_is_refused_with_every_problem_at_once(tmp_path):
    plan = tmp_path / "data" / "plans" / "missing"
    with pytest.raises(PlanError) as caught:
        import_report(tmp_path / "none.csv", plan, "2026-Q5", reported_by="x")
    assert [p.code for p in caught.value.problems] == ["file-missing", "report-bad-period",
                                                       "file-missing"]
    message = caught.value.problems[1].message("zh")
    assert "2026-Q5" in message and "YYYY-Q1" in message


def test_the_command_writes_the_report_and_refuses_to_overwrite_it(tmp_path, monkeypatch, capsys):
    plan = _repo(tmp_path)
    path = tmp_path / "report.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(TABLE)
    monkeypatch.chdir(tmp_path)
    args = ["import-report", str(path), "--plan", "demo", "--period", "2026-H1",
            "--reported-by", "市政府办公室"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert re.search(r"5 个任务的进展（5 行匹配，1 行待核对，1 行未匹配）", out)
    assert "未匹配：第 7 行" in out
    assert (plan / "reports" / "2026-H1.yml").exists()
    assert main(args) == 1
    assert "--force" in capsys.readouterr().err
    assert main(args + ["--force", "--lang", "en"]) == 0
    assert "unmatched: line 7" in capsys.readouterr().out
