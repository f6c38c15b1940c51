"""Loading and validation: each broken fixture beside the good one, with its exact message."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from factories import DEPARTMENTS, INDICATORS, TASKS, make_repo
from plansite.cli import main
from plansite.reading.repository import load_repository


def messages(root: Path, lang: str = "zh") -> list[str]:
    _, problems = load_repository(root)
    return [p.format(lang) for p in problems.sorted()]


def test_good_fixture_has_no_problems(tmp_path):
    make_repo(tmp_path)
    repo, problems = load_repository(tmp_path)
    assert list(problems) == []
    assert repo.task("demo:1.1").lead == ("zhujianwei", "guihuaju")
    assert repo.task("demo:1.2").cooperating == ("zhujianwei",)
    assert repo.index.led["zhujianwei"] == ["demo:1.1"]
    assert repo.index.cooperated["zhujianwei"] == ["demo:1.2"]
    assert repo.index.indicator_tasks["chengzhenhualv"] == ["demo:1.1"]
    assert repo.index.indicator_departments["chengzhenhualv"] == ("zhujianwei", "guihuaju")


def test_unknown_department_names_file_line_field_and_closest_names(tmp_path):
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["lead"][1] = "规划所"
    make_repo(tmp_path, tasks=tasks)
    assert messages(tmp_path) == [
        "data/plans/demo/tasks.yml:13:7: chapters[0].tasks[0].lead[1]: 找不到部门“规划所”；"
        "应为部门名录 data/departments.yml 中的编号、名称或别名; 提示：最接近的部门：市城乡规划局（guihuaju）"]
    assert messages(tmp_path, "en") == [
        "data/plans/demo/tasks.yml:13:7: chapters[0].tasks[0].lead[1]: department '规划所' is not "
        "known; expected an id, name or alias from data/departments.yml; hint: closest departments: "
        "'市城乡规划局' (guihuaju)"]


def test_alias_shared_by_two_departments_is_reported_and_ambiguous(tmp_path):
    departments = copy.deepcopy(DEPARTMENTS)
    departments[2]["aliases"] = ["教育局", "住建委"]
    make_repo(tmp_path, departments=departments)
    assert messages(tmp_path) == [
        "data/departments.yml:16:5: departments[2].aliases[1]: 名称或别名“住建委”已属于部门 "
        "zhujianwei（data/departments.yml:2）；一个名称只能指一个部门",
        "data/plans/demo/tasks.yml:27:7: chapters[0].tasks[1].cooperating[0]: 部门“住建委”有歧义，"
        "可能是：市住建委（zhujianwei）、市教育局（jiaoyuju）；请写全称或编号",
    ]


def test_missing_required_fields_and_unknown_field(tmp_path):
    tasks = copy.deepcopy(TASKS)
    del tasks["chapters"][0]["tasks"][1]["title"]
    tasks["chapters"][0]["tasks"][0]["leader"] = ["市住建委"]
    make_repo(tmp_path, tasks=tasks)
    assert messages(tmp_path) == [
        "data/plans/demo/tasks.yml:20:5: chapters[0].tasks[0].leader: 未知字段“leader”；可用字段："
        "id、number、title、text、lead、cooperating、implementers、indicators、deadline、progress、"
        "responsibility、title_en、tasks; 提示：是否想写“lead”？",
        "data/plans/demo/tasks.yml:22:5: chapters[0].tasks[1].title: 缺少必填字段“title”；应为 任务名称",
    ]


def test_duplicate_ids_across_plans_name_the_first_place(tmp_path):
    make_repo(tmp_path)
    make_repo(tmp_path, plan={"id": "other", "title": "另一规划"}, plan_id="other")
    assert messages(tmp_path) == [
        "data/plans/other/indicators.yml:2:3: id: 编号“chengzhenhualv”重复，已在 "
        "data/plans/demo/indicators.yml:2 使用；编号必须唯一"]


def test_unknown_indicator_reference(tmp_path):
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["indicators"] = ["chengzhenhua"]
    make_repo(tmp_path, tasks=tasks)
    assert messages(tmp_path) == [
        "data/plans/demo/tasks.yml:18:7: chapters[0].tasks[0].indicators[0]: 找不到指标“chengzhenhua”；"
        "应为 data/plans/demo/indicators.yml 中的指标编号; 提示：最接近的：chengzhenhualv"]


def test_baseline_after_target_and_fullwidth_digits(tmp_path):
    inds = copy.deepcopy(INDICATORS)
    inds["indicators"][0]["baseline"] = {"value": 45, "year": 2016}
    inds["indicators"][0]["actuals"] = [{"year": 2012, "value": "５０．１"}]
    make_repo(tmp_path, indicators=inds)
    assert messages(tmp_path) == [
        "data/plans/demo/indicators.yml:9:11: indicators[0].baseline.year: 基期年份 2016 晚于目标年份 2015；"
        "基期应早于目标",
        "data/plans/demo/indicators.yml:17:12: indicators[0].actuals[0].value: 数字“５０．１”用了全角字符；"
        "应为半角数字 50.1; 提示：改写为 50.1",
    ]


def test_wrong_types_and_choices(tmp_path):
    inds = copy.deepcopy(INDICATORS)
    inds["indicators"][0]["type"] = "bindng"
    inds["indicators"][0]["departments"] = "市住建委、市城乡规划局"
    make_repo(tmp_path, indicators=inds)
    assert messages(tmp_path) == [
        "data/plans/demo/indicators.yml:4:9: indicators[0].type: 值“bindng”不在可选范围内；"
        "应为 binding | expected | monitoring; 提示：是否想写“binding”？",
        "data/plans/demo/indicators.yml:15:16: indicators[0].departments: 类型不对：写的是 "
        "文字“市住建委、市城乡规划局”；应为 列表; 提示：写成列表，如 [市住建委, 市城乡规划局]",
    ]


def test_cyclic_parents(tmp_path):
    departments = copy.deepcopy(DEPARTMENTS)
    departments[0]["parent"] = "guihuaju"
    departments[1]["parent"] = "zhujianwei"
    make_repo(tmp_path, departments=departments)
    assert messages(tmp_path) == [
        "data/departments.yml:2:3: departments[0].parent: 上级部门形成循环：zhujianwei → guihuaju → "
        "zhujianwei；上级关系不能绕回自身"]


YAML_CASES = {
    "tab": (b"departments:\n\t- id: a\n", ["data/departments.yml:2:1: 缩进里有制表符（Tab）；"
                                          "YAML 只能用空格缩进; 提示：把 Tab 换成空格，与同一层的上一行左对齐"]),
    "duplicate-key": (
        "departments:\n  - id: a\n    name: 甲\n    name: 乙\n".encode(),
        ["data/departments.yml:4:5: name: 键“name”重复出现（第一次在第 3 行）；每个键只能写一次"]),
    "syntax": (b"departments: [a, b\n", ["data/departments.yml:2:1: YAML 语法错误：while parsing a "
                                         "flow sequence，did not find expected ',' or ']'"
                                         "; 提示：检查这一行及上一行的缩进、冒号和引号"]),
    "empty": (b"", ["data/departments.yml:1:1: 文件是空的；应包含 YAML 数据"]),
    "bom": ("\ufeffdepartments:\n  - id: a\n    name: 甲\n".encode(),
            ["data/departments.yml:1:1: 文件开头有 BOM（字节顺序标记）；应为不带 BOM 的 UTF-8; "
             "提示：用编辑器“另存为 UTF-8（无 BOM）”"]),
    "gbk": ("departments:\n  - id: a\n    name: 市住建委\n".encode("gbk"),
            ["data/departments.yml:3:1: 文件不是 UTF-8 编码（看起来是 GBK/GB18030）；应为 UTF-8; "
             "提示：用编辑器“另存为 UTF-8”"]),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["data/departments.yml:1:1: 这不是文本文件"
                                                      "（含有二进制字节）；应为 UTF-8 编码的 YAML 文本"]),
    "alias": (b"a: &x [1]\ndepartments: *x\n", [
        "data/departments.yml:1:1: a: 未知字段“a”；可用字段：departments、format; 提示：是否想写“format”？",
        "data/departments.yml:1:4: 不支持 YAML 锚点和别名（*alias）；请直接写出内容"]),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_unreadable_department_files(tmp_path, case):
    raw, expected = YAML_CASES[case]
    make_repo(tmp_path)
    (tmp_path / "data" / "departments.yml").write_bytes(raw)
    got = [m for m in messages(tmp_path) if m.startswith("data/departments.yml")]
    assert got == expected


def test_huge_file_is_refused_without_reading_it(tmp_path):
    make_repo(tmp_path)
    path = tmp_path / "data" / "departments.yml"
    with path.open("ab") as fh:
        fh.write(b"#" * (50 * 1024 * 1024))
    size = path.stat().st_size
    assert messages(tmp_path)[0] == (
        f"data/departments.yml: 文件有 {size} 字节，超过上限 5242880 字节; "
        "提示：数据文件只应包含文字和数字；请拆分或删去误放的内容")


def test_validate_command_exit_codes(tmp_path, monkeypatch, capsys):
    make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["lead"] = ["不存在的局"]
    make_repo(tmp_path, tasks=tasks)
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "data/plans/demo/tasks.yml:12:7: chapters[0].tasks[0].lead[0]: 找不到部门“不存在的局”" in out
    assert main(["validate", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error file=data/plans/demo/tasks.yml,line=12,col=7,"
                          "title=chapters[0].tasks[0].lead[0]::找不到部门“不存在的局”")
    assert main(["validate", "--bogus"]) == 2
    monkeypatch.chdir(tmp_path / "data" / "..")
    assert main(["--root", str(tmp_path / "nowhere"), "validate"]) == 2


def test_a_choice_written_in_chinese_gets_the_word_to_write(tmp_path):
    inds = copy.deepcopy(INDICATORS)
    inds["indicators"][0]["type"] = "约束性"
    make_repo(tmp_path, indicators=inds)
    assert messages(tmp_path) == [
        "data/plans/demo/indicators.yml:4:9: indicators[0].type: 值“约束性”不在可选范围内；"
        "应为 binding | expected | monitoring; 提示：是否想写“binding”？"]


def test_chapters_and_tasks_nest_to_any_depth(tmp_path):
    task = {"id": "1.1.1.1", "title": "第四层任务", "lead": ["住建委"], "tasks": [
        {"id": "1.1.1.1.1", "title": "子任务", "tasks": [
            {"id": "1.1.1.1.1.1", "title": "子子任务", "cooperating": ["教育局"]}]}]}
    tasks = {"chapters": [{"id": "1", "title": "第一章", "chapters": [
        {"id": "1.1", "title": "第一节", "chapters": [
            {"id": "1.1.1", "title": "一、", "tasks": [task]}]}]}]}
    make_repo(tmp_path, tasks=tasks, indicators={"indicators": []})
    repo, problems = load_repository(tmp_path)
    assert list(problems) == []
    deepest = repo.task("demo:1.1.1.1.1.1")
    assert deepest.parent == "1.1.1.1.1" and deepest.chapter == "1.1.1"
    assert deepest.cooperating == ("jiaoyuju",)
    assert repo.index.task_chapters["demo:1.1.1.1.1.1"] == ["1", "1.1", "1.1.1"]


@pytest.mark.parametrize("written, message", [
    ("2015-13-01", "年份“2015-13-01”不合理；应为 四位年份，如 2015"),
    ("!!int abc", "年份“abc”不合理；应为 四位年份，如 2015"),
    ("!!timestamp 2015-02-30", "年份“2015-02-30”不合理；应为 四位年份，如 2015"),
])
def test_values_that_cannot_be_constructed_are_read_as_text(tmp_path, written, message):
    make_repo(tmp_path)
    path = tmp_path / "data" / "plans" / "demo" / "indicators.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2010", f"year: {written}"),
                    encoding="utf-8")
    assert messages(tmp_path) == [
        f"data/plans/demo/indicators.yml:9:11: indicators[0].baseline.year: {message}"]


def test_infinite_and_missing_numbers_are_refused(tmp_path):
    make_repo(tmp_path)
    path = tmp_path / "data" / "plans" / "demo" / "indicators.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 45", "value: .inf").replace("value: 55", "value: .nan"),
                    encoding="utf-8")
    assert messages(tmp_path) == [
        "data/plans/demo/indicators.yml:8:12: indicators[0].baseline.value: “inf”不是数字；"
        "应为 有限的数字（基本单位，如 155800）",
        "data/plans/demo/indicators.yml:11:12: indicators[0].target.value: “nan”不是数字；"
        "应为 有限的数字（基本单位，如 155800）",
    ]


def test_a_task_serves_only_its_own_plans_indicators(tmp_path):
    make_repo(tmp_path)
    other = {"indicators": [{"id": "other-rate", "name": "另一指标", "type": "expected"}]}
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][1]["indicators"] = ["chengzhenhualv"]
    make_repo(tmp_path, plan={"id": "other", "title": "另一规划"}, plan_id="other",
              tasks=tasks, indicators=other)
    assert messages(tmp_path) == [
        "data/plans/other/tasks.yml:18:7: chapters[0].tasks[0].indicators[0]: 找不到指标“chengzhenhualv”；"
        "应为 data/plans/other/indicators.yml 中的指标编号; 提示：指标 chengzhenhualv 属于规划 demo",
        "data/plans/other/tasks.yml:29:7: chapters[0].tasks[1].indicators[0]: 找不到指标“chengzhenhualv”；"
        "应为 data/plans/other/indicators.yml 中的指标编号; 提示：指标 chengzhenhualv 属于规划 demo",
    ]


def test_a_duplicate_department_id_is_one_problem_not_one_per_task(tmp_path):
    departments = copy.deepcopy(DEPARTMENTS)
    departments[1]["id"] = "zhujianwei"
    make_repo(tmp_path, departments=departments)
    assert messages(tmp_path) == [
        "data/departments.yml:7:7: departments[1].id: 编号“zhujianwei”重复，已在 "
        "data/departments.yml:2 使用；编号必须唯一"]


def test_incomplete_names_are_not_offered_as_guesses(tmp_path):
    departments = copy.deepcopy(DEPARTMENTS) + [
        {"id": "shiju", "name": "市局", "incomplete": True}]
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][1]["lead"] = ["市教局"]
    make_repo(tmp_path, departments=departments, tasks=tasks)
    assert messages(tmp_path) == [
        "data/plans/demo/tasks.yml:25:7: chapters[0].tasks[1].lead[0]: 找不到部门“市教局”；"
        "应为部门名录 data/departments.yml 中的编号、名称或别名; 提示：最接近的部门：市教育局（jiaoyuju）"]


@pytest.mark.parametrize("text, expected", [
    ("departments:\n  - id: a\n    name: 总量: 下降\n",
     "data/departments.yml:3:13: 这一行在“键: 值”之后又有“冒号+空格”；含有冒号的文字请加引号，"
     "如 title: \"总量: 下降13%\""),
    ("departments:\n  - id: a\n   name: 甲\n",
     "data/departments.yml:3:4: 缩进与上下文不一致；同一层的键要左对齐，列表项以“- ”开头，"
     "缩进只用空格（每层两个）"),
])
def test_common_yaml_mistakes_are_told_with_their_fix(tmp_path, text, expected):
    make_repo(tmp_path)
    (tmp_path / "data" / "departments.yml").write_text(text, encoding="utf-8")
    got = [m for m in messages(tmp_path) if m.startswith("data/departments.yml")]
    assert got == [expected]


def test_validate_closes_with_a_summary_line(tmp_path, monkeypatch, capsys):
    make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "没有发现问题。\n"
    assert main(["validate", "--lang", "en"]) == 0
    assert capsys.readouterr().err == "No problems found.\n"
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["lead"] = ["不存在的局"]
    make_repo(tmp_path, tasks=tasks)
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == "\n共 1 个问题，请按上面的提示修改。\n"
