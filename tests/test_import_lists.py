"""Project lists (a year's 为民办实事: 一、新增…；新增…；打造…。二、…) import as one task per project.

The real case is Shanghai's 2024 list (sources/shanghai-2024-wmbss-plan.txt); the other cases are
minimal examples written for the tests, including the documents the rule must leave alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plansite.importers import import_document

ROOT = Path(__file__).resolve().parent.parent
SHANGHAI = ROOT / "sources" / "shanghai-2024-wmbss-plan.txt"


def _import(tmp_path: Path, text: str | None = None, source: Path | None = None):
    if source is None:
        source = tmp_path / "list.txt"
        source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = import_document(source, "demo", out_dir=out, registry_path=tmp_path / "d.yml")
    read = {name: yaml.safe_load((out / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("tasks", "indicators")}
    return result, read["tasks"], read["indicators"]


def test_each_project_of_a_numbered_group_is_a_task(tmp_path):
    result, tasks, indicators = _import(
        tmp_path, "2026年区政府为民办实事项目\n"
        "一、新建幼儿园2所;改造老旧小区30个;新增停车位500个。\n"
        "二、新增就业岗位1000个；开办暑托班20个。\n")
    chapters = tasks["chapters"]
    assert [(c["number"], c["title"]) for c in chapters] == [("一、", "（原文无标题）"),
                                                          ("二、", "（原文无标题）")]
    assert [[t["title"] for t in c["tasks"]] for c in chapters] == [
        ["新建幼儿园2所", "改造老旧小区30个", "新增停车位500个"],
        ["新增就业岗位1000个", "开办暑托班20个"]]
    assert [t["id"] for t in chapters[1]["tasks"]] == ["2.1", "2.2"]
    assert all(not c["text"] for c in chapters)
    # each project's quantity is an indicator of its own task
    by_id = {i["id"]: i for i in indicators["indicators"]}
    assert [by_id[i]["phrase"] for i in chapters[0]["tasks"][1]["indicators"]] == ["改造老旧小区30个"]
    (warning,) = [w for w in result.report.warnings if w.code == "import-project-list"]
    assert (warning.line, dict(warning.args)) == (2, {"count": "5", "found": "2"})
    assert result.report.tasks == 5


def test_a_project_keeps_the_department_it_names(tmp_path):
    _, tasks, _ = _import(tmp_path, "一、新建幼儿园2所（区教育局负责）；改造老旧小区30个（区住建局负责）。\n"
                                    "二、新增就业岗位1000个（区人社局负责）。\n")
    leads = [t["lead"] for c in tasks["chapters"] for t in c["tasks"]]
    assert leads == [["区教育局"], ["区住建局"], ["区人社局"]]


@pytest.mark.parametrize("text", [
    # numbered items under the groups: the ordinary outline
    "一、城市建设\n1.新建幼儿园2所;改造老旧小区30个。\n二、民生保障\n1.新增就业岗位1000个。\n",
    # one action to each group: nothing to split
    "一、新建幼儿园2所。\n二、新增就业岗位1000个。\n",
    # a group with a paragraph of its own is a chapter with text
    "一、新建幼儿园2所;改造老旧小区30个。\n全年完成投资5亿元。\n二、新增就业岗位1000个。\n",
])
def test_documents_that_are_no_project_lists_are_left_alone(tmp_path, text):
    result, tasks, _ = _import(tmp_path, text)
    assert "import-project-list" not in [w.code for w in result.report.warnings]
    assert "（原文无标题）" not in [c["title"] for c in tasks["chapters"]]


def test_shanghais_2024_list_gives_its_twenty_projects(tmp_path):
    result, tasks, indicators = _import(tmp_path, source=SHANGHAI)
    chapters = tasks["chapters"]
    assert [c["number"] for c in chapters] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [len(c["tasks"]) for c in chapters] == [4, 4, 4, 4, 3, 1]
    text = SHANGHAI.read_text(encoding="utf-8")
    lines = {line.split("、", 1)[0]: line.split("、", 1)[1] for line in text.splitlines()
             if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")}
    for chapter in chapters:
        # the projects, in order, are the group's line cut at its semicolons
        line = lines[chapter["number"][0]].rstrip("。")
        assert ";".join(t["title"] for t in chapter["tasks"]) == line
    assert chapters[0]["tasks"][0]["indicators"] == [
        "yanglaochuangwei", "kunnanzhongducanjirenyanghuchuangwei", "renzhizhangaizhaohuchuangwei"]
    assert len(indicators["indicators"]) == 25
    # the stored copy of the page stops inside the sixth group
    assert "import-truncated" in [w.code for w in result.report.warnings]


def test_a_statement_after_a_groups_last_project_is_the_groups(tmp_path):
    _, tasks, _ = _import(tmp_path, "一、新建幼儿园2所；改造老旧小区30个。（区住建局负责）\n"
                                    "二、新增就业岗位1000个；开办暑托班20个。\n")
    leads = [t["lead"] for c in tasks["chapters"] for t in c["tasks"]]
    assert leads == [["区住建局"], ["区住建局"], [], []]
    (tmp_path / "inside").mkdir()
    _, tasks, _ = _import(tmp_path / "inside", "一、新建幼儿园2所；改造老旧小区30个（区住建局负责）。\n"
                                    "二、新增就业岗位1000个；开办暑托班20个。\n")
    leads = [t["lead"] for c in tasks["chapters"] for t in c["tasks"]]
    assert leads == [[], ["区住建局"], [], []], "inside the last sentence: the last project's"


@pytest.mark.parametrize("text", [
    # measures of a work plan, each under a title: 加强组织领导：…
    "（一）加强组织领导：由县交通局牵头推进。各乡镇成立专班;倒排时间节点。\n"
    "（二）强化协调配合：各乡镇加强协作;一般项目鼓励自行实施。\n",
    # clauses that count nothing are sentences of one measure
    "一、深化改革;优化营商环境。\n二、加强监管;提升服务水平。\n",
])
def test_measures_separated_by_semicolons_are_no_project_list(tmp_path, text):
    result, tasks, _ = _import(tmp_path, text)
    assert "import-project-list" not in [w.code for w in result.report.warnings]
