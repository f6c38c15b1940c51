"""Word documents: heading styles give levels, tables with a task column give tasks.

The .docx files are built here with python-docx, not kept as binaries.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plansite.problems import PlanError
from plansite.importers import import_document

TABLE = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
         ["1", "推行“一网通办”，政务服务事项网上可办率达到95%", "市政务服务局", "市大数据中心", "2025年底"],
         ["2", "压缩企业开办时间至1个工作日", "市市场监管局", "市税务局、市公安局", "2024年6月"]]


def build_docx(path: Path) -> tuple[Path, list[str]]:
    """A small action plan as a Word file; returns its path and every text it holds."""
    import docx

    doc = docx.Document()
    texts = ["市优化营商环境三年行动计划（2023—2025年）", "为进一步优化营商环境，制定本计划。",
             "一、总体要求", "到2025年，市场主体达到10万户。", "二、重点任务",
             "（一）提升政务服务效能", "1.深化“放管服”改革。", "——由市政府办会同有关部门组织落实。",
             "三、保障措施", "加强组织领导，各部门按职责分工抓好落实。"]
    doc.add_heading(texts[0], 0)
    doc.add_paragraph(texts[1])
    doc.add_heading(texts[2], 1)
    doc.add_paragraph(texts[3])
    doc.add_heading(texts[4], 1)
    doc.add_heading(texts[5], 2)
    doc.add_paragraph(texts[6])
    doc.add_paragraph(texts[7])
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_heading(texts[8], 1)
    doc.add_paragraph(texts[9])
    doc.save(path)
    return path, texts + [cell for row in TABLE[1:] for cell in row]


def _tasks(out: Path) -> dict:
    return yaml.safe_load((out / "tasks.yml").read_text(encoding="utf-8"))


def test_heading_styles_give_chapter_levels_and_the_title_gives_the_plan_title(tmp_path):
    source, _ = build_docx(tmp_path / "plan.docx")
    result = import_document(source, "demo", out_dir=tmp_path / "out",
                             registry_path=tmp_path / "departments.yml")
    assert result.plan["title"] == "市优化营商环境三年行动计划（2023—2025年）"
    assert result.plan["period"] == "2023-2025"
    chapters = _tasks(tmp_path / "out")["chapters"]
    assert [(c["number"], c["title"]) for c in chapters] == [
        ("一、", "总体要求"), ("二、", "重点任务"), ("三、", "保障措施")]
    section = chapters[1]["chapters"][0]
    assert (section["id"], section["number"], section["title"]) == ("2.1", "（一）", "提升政务服务效能")
    assert result.report.encoding == "docx"


def test_a_task_table_in_a_word_document_becomes_tasks_where_it_stands(tmp_path):
    source, _ = build_docx(tmp_path / "plan.docx")
    import_document(source, "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    tasks = _tasks(tmp_path / "out")["chapters"][1]["chapters"][0]["tasks"]
    assert [t["title"] for t in tasks] == ["深化“放管服”改革", TABLE[1][1], TABLE[2][1]]
    assert tasks[0]["lead"] == ["市政府办"]
    assert (tasks[2]["lead"], tasks[2]["cooperating"], tasks[2]["deadline"]) == (
        ["市市场监管局"], ["市税务局", "市公安局"], "2024年6月")


def test_a_table_without_a_task_column_is_kept_as_text(tmp_path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("一、基本情况")
    table = doc.add_table(rows=2, cols=2)
    for r, row in enumerate([["指标", "2022年"], ["地区生产总值", "500亿元"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.save(tmp_path / "plain.docx")
    import_document(tmp_path / "plain.docx", "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    chapter = _tasks(tmp_path / "out")["chapters"][0]
    assert "地区生产总值" in chapter["text"] and "500亿元" in chapter["text"]


def test_a_broken_word_file_is_a_plan_error_naming_the_file(tmp_path):
    source, _ = build_docx(tmp_path / "plan.docx")
    cut = tmp_path / "cut.docx"
    cut.write_bytes(source.read_bytes()[:2000])
    with pytest.raises(PlanError) as caught:
        import_document(cut, "demo", out_dir=tmp_path / "out",
                        registry_path=tmp_path / "departments.yml")
    (found,) = caught.value.problems
    assert (found.code, found.file) == ("import-unreadable", str(cut))
