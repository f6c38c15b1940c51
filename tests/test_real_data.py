"""The plan published from real documents, Shanghai's 2024 为民办实事 list and its completion
table, is what the saved sources say: every task, indicator, figure and status traces back to
sources/, and the importers make the published files from them unchanged."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from plansite.importers import import_document
from plansite.importers.progress import import_report
from plansite.importers.table import text_table
from plansite.language.quantities import parse_number

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "plans" / "shanghai-shishi-2024"
PLAN_SOURCE = ROOT / "sources" / "shanghai-2024-wmbss-plan.txt"
REPORT_SOURCE = ROOT / "sources" / "shanghai-2024-wmbss-report.md"
HANDWRITTEN = ("plan.yml",)
"""Files an editor wrote from the sources (the plan's description); the rest is the importers'."""


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _tasks() -> list[dict]:
    return [t for c in _yaml(PLAN / "tasks.yml")["chapters"] for t in c["tasks"]]


def _report() -> dict:
    return _yaml(PLAN / "reports" / "2024.yml")


def _table() -> list[list[str]]:
    lines = REPORT_SOURCE.read_text(encoding="utf-8").splitlines()
    _, _, rows = text_table(lines)
    return [row for row in rows if row]


def test_the_sources_say_where_they_are_from():
    for source, url in ((PLAN_SOURCE, "https://m.jfdaily.com/news/detail?id=711178"),
                        (REPORT_SOURCE, "https://m.jfdaily.com/sgh/detail?id=1455960")):
        head = source.read_text(encoding="utf-8").splitlines()[:4]
        assert [line.split("：")[0] for line in head] == ["标题", "发布", "日期", "网址"]
        assert head[3] == f"网址：{url}"
    plan = _yaml(PLAN / "plan.yml")
    assert "https://m.jfdaily.com/news/detail?id=711178" in plan["source_document"]
    assert "sources/shanghai-2024-wmbss-plan.txt" in plan["source_document"]
    report = _report()
    assert report["source"] == {"title": "请您打分啦!2024年我市为民办实事项目接受您的评议",
                                "url": "https://m.jfdaily.com/sgh/detail?id=1455960",
                                "file": "sources/shanghai-2024-wmbss-report.md"}


def test_every_task_and_target_is_in_the_plan_source():
    text = PLAN_SOURCE.read_text(encoding="utf-8")
    tasks = _tasks()
    assert len(tasks) == 20
    for task in tasks:
        assert task["title"] in text
        assert not task["lead"] and not task["cooperating"], "the list names no departments"
    for indicator in _yaml(PLAN / "indicators.yml")["indicators"]:
        assert indicator["phrase"] in text
        written = [parse_number(n) for n in re.findall(r"\d+(?:\.\d+)?万?", indicator["phrase"])]
        assert indicator["target"]["value"] in written, indicator["phrase"]


def test_every_report_entry_is_backed_by_a_row_of_the_source_table():
    table = _table()
    entries = _report()["entries"]
    assert [e["task"] for e in entries] == [t["id"] for t in _tasks()]
    rows = [e for e in entries if "progress" in e]
    assert [e["task"] for e in rows] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4"]
    # the tasks the stored table has no row of say only what the notice says of every project
    assert all(set(e) == {"task", "status", "status_phrase"} for e in entries if e not in rows)
    for entry in rows:
        for paragraph in entry["progress"].strip().split("\n\n"):
            # 新增4000张养老床位；完成情况：4385；占全年计划：110% is one row of the table
            said = [part.split("：", 1)[-1] for part in paragraph.split("；")]
            assert any(all(cell in row for cell in said) for row in table), paragraph


def test_every_status_is_the_reports_own_words():
    text = REPORT_SOURCE.read_text(encoding="utf-8")
    for entry in _report()["entries"]:
        assert (entry["status"], entry["status_phrase"]) == ("done", "所有项目均已提前完成全年目标任务")
        assert entry["status_phrase"] in text


def test_every_indicator_value_is_a_figure_of_the_table():
    table = {row[1]: row[2] for row in _table()[1:]}
    names = {i["id"]: i["name"] for i in _yaml(PLAN / "indicators.yml")["indicators"]}
    values = [v for e in _report()["entries"] for v in e.get("indicators", [])]
    assert len(values) == 12
    for value in values:
        (figure,) = [f for words, f in table.items() if names[value["indicator"]] in words]
        assert (value["year"], str(value["value"])) == (2024, figure)
    # an entry's figures are those of its own task's indicators
    tasks = {t["id"]: t for t in _tasks()}
    for entry in _report()["entries"]:
        assert {v["indicator"] for v in entry.get("indicators", [])} <= \
            set(tasks[entry["task"]]["indicators"])


def test_the_importers_make_the_published_files_from_the_sources(tmp_path):
    plan = tmp_path / "data" / "plans" / "shanghai-shishi-2024"
    sources = tmp_path / "sources"
    sources.mkdir(parents=True)
    for source in (PLAN_SOURCE, REPORT_SOURCE):
        shutil.copy(source, sources / source.name)
    shutil.copy(ROOT / "data" / "departments.yml", tmp_path / "departments.yml")
    import_document(sources / PLAN_SOURCE.name, "shanghai-shishi-2024", out_dir=plan,
                    title="2024年上海市为民办实事项目", period="2024", level="市",
                    registry_path=tmp_path / "departments.yml")
    import_report(sources / REPORT_SOURCE.name, plan, "2024", reported_by="上海嘉定",
                  as_of="2024-11-06", url="https://m.jfdaily.com/sgh/detail?id=1455960",
                  root=tmp_path)
    for name in ("tasks.yml", "indicators.yml"):
        assert _yaml(plan / name) == _yaml(PLAN / name), name
    made = _yaml(plan / "reports" / "2024.yml")
    published = _report()
    assert published.pop("note").startswith("通知没有写明发布机关")
    assert made == published
    assert sorted(p.name for p in PLAN.iterdir() if p.is_file() and p.name not in HANDWRITTEN) \
        == sorted(p.name for p in plan.iterdir() if p.is_file() and p.name not in HANDWRITTEN)


@pytest.mark.parametrize("word", ["（原文无标题）"])
def test_the_chapters_say_the_list_gave_them_no_title(word):
    chapters = _yaml(PLAN / "tasks.yml")["chapters"]
    assert [c["title"] for c in chapters] == [word] * 6
    assert word in _yaml(PLAN / "plan.yml")["note"]
