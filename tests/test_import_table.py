"""Task tables (.xlsx, .csv, .tsv): columns found by their header words, in any order.

The .xlsx workbooks are built here with openpyxl, not kept as binaries.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plansite.problems import PlanError
from plansite.importers import import_document

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SHEET = [["市2024年重点工作任务清单", None, None, None, None],
         ["完成时间", "配合单位", "主要任务", "牵头单位", "序号"],
         ["一、城市建设", None, None, None, None],
         ["2024年12月底", "市财政局", "改造老旧小区30个", "市住建委", 1],
         ["持续推进", None, "推进海绵城市建设", "市住建委、市水务局", 2],
         ["二、民生保障", None, None, None, None],
         ["2024年底", "各县（市、区）人民政府", "城镇新增就业1.2万人", "市人社局", 3]]


def build_xlsx(path: Path) -> tuple[Path, list[str]]:
    """A task list as an .xlsx workbook; returns its path and every cell text below the
    header row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "任务清单"
    for row in SHEET:
        sheet.append(row)
    book.save(path)
    return path, [str(c) for i, row in enumerate(SHEET) if i != 1 for c in row if c is not None]


def _tasks(out: Path) -> list[dict]:
    data = yaml.safe_load((out / "tasks.yml").read_text(encoding="utf-8"))
    return [t for c in data["chapters"] for t in c.get("tasks") or []]


def _chapters(out: Path) -> list[dict]:
    return yaml.safe_load((out / "tasks.yml").read_text(encoding="utf-8"))["chapters"]


def test_spreadsheet_columns_in_any_order_and_section_rows(tmp_path):
    source, _ = build_xlsx(tmp_path / "tasks.xlsx")
    result = import_document(source, "demo", out_dir=tmp_path / "out",
                             registry_path=tmp_path / "departments.yml")
    chapters = _chapters(tmp_path / "out")
    assert [(c["number"], c["title"]) for c in chapters] == [("一、", "城市建设"), ("二、", "民生保障")]
    first, second = chapters[0]["tasks"]
    assert (first["number"], first["title"], first["lead"], first["cooperating"],
            first["deadline"]) == ("1", "改造老旧小区30个", ["市住建委"], ["市财政局"], "2024年12月底")
    assert second["lead"] == ["市住建委", "市水务局"]
    jobs = chapters[1]["tasks"][0]
    assert jobs["implementers"] == ["各县（市、区）人民政府"] and jobs["cooperating"] == []
    assert result.plan["title"] == "任务清单"
    assert result.report.tasks == 3 and result.report.chapters == 2


def test_csv_with_a_title_row_and_a_target_column(tmp_path):
    result = import_document(FIXTURES / "tasks.csv", "demo", out_dir=tmp_path / "out",
                             registry_path=tmp_path / "departments.yml")
    tasks = _tasks(tmp_path / "out")
    assert [t["title"] for t in tasks] == ["推进老旧小区改造", "新增城镇就业"]
    assert tasks[0]["cooperating"] == ["市财政局", "市城乡规划局"]
    assert "目标：改造老旧小区30个" in tasks[0]["text"]
    assert tasks[1]["indicators"], "城镇新增就业1.2万人 is a target"
    assert result.plan["summary"].strip() == "市2024年重点工作任务分解表"


def test_tsv_with_lead_and_cooperating_in_one_responsibility_cell(tmp_path):
    import_document(FIXTURES / "tasks.tsv", "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    chapters = _chapters(tmp_path / "out")
    assert [c["title"] for c in chapters] == ["产业发展", "社会事业"]
    plan = chapters[0]["tasks"][0]
    assert (plan["lead"], plan["cooperating"], plan["deadline"]) == (
        ["市发改委"], ["市统计局"], "2024年6月")
    assert chapters[1]["tasks"][0]["deadline"] == "持续推进"


def test_a_table_without_a_task_column_is_refused_with_file_and_row(tmp_path):
    source = tmp_path / "numbers.csv"
    source.write_text("指标,2022年,2023年\n地区生产总值,500,540\n", encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        import_document(source, "demo", out_dir=tmp_path / "out",
                        registry_path=tmp_path / "departments.yml")
    (found,) = caught.value.problems
    assert (found.code, found.file, found.line) == ("import-no-task-column", str(source), 1)
    assert "指标、2022年、2023年" in found.message("zh")


def test_a_workbook_with_two_task_sheets_is_two_parts(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "城建"
    first.append(["序号", "工作任务", "责任单位"])
    first.append([1, "改造老旧小区", "市住建委"])
    second = book.create_sheet("民生")
    second.append(["序号", "工作任务", "责任单位"])
    second.append([1, "新增就业", "市人社局"])
    book.save(tmp_path / "two.xlsx")
    with pytest.raises(PlanError) as caught:
        import_document(tmp_path / "two.xlsx", "demo", out_dir=tmp_path / "out",
                        registry_path=tmp_path / "departments.yml")
    assert caught.value.problems[0].code == "import-parts"
    import_document(tmp_path / "two.xlsx", "demo", out_dir=tmp_path / "out", part="民生",
                    registry_path=tmp_path / "departments.yml")
    assert [t["lead"] for t in _tasks(tmp_path / "out")] == [["市人社局"]]


def test_a_file_that_is_no_workbook_is_a_plan_error(tmp_path):
    source = tmp_path / "fake.xlsx"
    source.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(PlanError) as caught:
        import_document(source, "demo", out_dir=tmp_path / "out",
                        registry_path=tmp_path / "departments.yml")
    assert caught.value.problems[0].code == "import-unreadable"
