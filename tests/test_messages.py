"""Every problem message, hint and quoted value exists in Chinese and English, and a problem
says where the first of a pair is."""

from __future__ import annotations

import copy
import re
import string
from pathlib import Path

import pytest

from factories import DEPARTMENTS, INDICATORS, TASKS, make_repo
from plansite.catalogue.messages import MESSAGES
from plansite.catalogue.phrases import LANGUAGES, TABLES, TEMPLATES
from plansite.problems import problem
from plansite.reading.repository import load_repository

PACKAGE = Path(__file__).resolve().parent.parent / "plansite"
# problem("code", ...) and self.add("code", ...), the code possibly on the next line
CODE_USE = re.compile(r"(?:\bproblem|\.add)\(\s*\"([a-z][a-z0-9-]*)\"")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def used_codes() -> dict[str, str]:
    """Every problem code the package raises, with a file that raises it."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for code in CODE_USE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, str(path.relative_to(PACKAGE.parent)))
    return found


# Where the languages differ on purpose: the parser's reason is English, so only English quotes it.
ENGLISH_ONLY = {"bad-target": {"reason"}, "bad-deadline": {"reason"}, "unread-target": {"reason"}}


@pytest.mark.parametrize("code", TEMPLATES)
def test_every_code_has_both_languages_with_the_same_fields(code):
    templates = TEMPLATES[code]
    assert set(templates) == set(LANGUAGES)
    assert all(templates[lang].strip() for lang in LANGUAGES)
    assert fields(templates["zh"]) == fields(templates["en"]) - ENGLISH_ONLY.get(code, set())


def test_every_code_belongs_to_one_table():
    assert sum(len(table) for table in TABLES.values()) == len(TEMPLATES)


def test_every_code_the_package_raises_has_a_message():
    used = used_codes()
    assert {"unknown-department", "duplicate-id", "yaml-tab"} <= set(used)
    missing = {code: where for code, where in used.items() if code not in MESSAGES}
    assert missing == {}


@pytest.mark.parametrize("code", MESSAGES)
def test_every_message_fills_all_its_fields(code):
    args = {name: f"<{name}>" for lang in LANGUAGES for name in fields(MESSAGES[code][lang])}
    item = problem(code, "data/x.yml", 3, 5, path="a.b", **args)
    for lang in LANGUAGES:
        text = item.message(lang)
        assert "{" not in text
        assert all(f"<{name}>" in text for name in fields(MESSAGES[code][lang]))


def test_duplicate_task_id_names_the_first_place_in_both_languages(tmp_path):
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][1]["id"] = "1.1"
    make_repo(tmp_path, tasks=tasks)
    _, problems = load_repository(tmp_path)
    assert [p.format("zh") for p in problems.errors] == [
        "data/plans/demo/tasks.yml:20:9: chapters[0].tasks[1].id: 编号“1.1”重复，已在 "
        "data/plans/demo/tasks.yml:7 使用；编号必须唯一"]
    assert [p.format("en") for p in problems.errors] == [
        "data/plans/demo/tasks.yml:20:9: chapters[0].tasks[1].id: id '1.1' is used twice, first "
        "at data/plans/demo/tasks.yml:7; ids must be unique"]


def test_duplicate_department_id_and_name_name_the_first_place(tmp_path):
    departments = copy.deepcopy(DEPARTMENTS)
    departments.append({"id": "zhujianwei", "name": "市住房和城乡建设委员会"})
    departments.append({"id": "jianwei", "name": "市建委", "aliases": ["规划局"]})
    make_repo(tmp_path, departments=departments)
    _, problems = load_repository(tmp_path)
    assert [p.format("zh") for p in problems.sorted()] == [
        "data/departments.yml:19:7: departments[4].id: 编号“zhujianwei”重复，已在 "
        "data/departments.yml:2 使用；编号必须唯一",
        "data/departments.yml:24:5: departments[5].aliases[0]: 名称或别名“规划局”已属于部门 "
        "guihuaju（data/departments.yml:7）；一个名称只能指一个部门",
        "data/plans/demo/tasks.yml:13:7: chapters[0].tasks[0].lead[1]: 部门“规划局”有歧义，可能是："
        "市城乡规划局（guihuaju）、市建委（jianwei）；请写全称或编号",
    ]


def test_duplicate_indicator_id_in_one_file_names_the_first_place(tmp_path):
    inds = copy.deepcopy(INDICATORS)
    inds["indicators"].append({"id": "chengzhenhualv", "name": "城镇化水平", "type": "expected"})
    make_repo(tmp_path, indicators=inds)
    _, problems = load_repository(tmp_path)
    assert [p.format("en") for p in problems.errors] == [
        "data/plans/demo/indicators.yml:15:3: id: id 'chengzhenhualv' is used twice, first at "
        "data/plans/demo/indicators.yml:2; ids must be unique"]


CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"'[^']*'")


@pytest.mark.parametrize("code", TEMPLATES)
def test_english_quotes_the_chinese_it_gives_as_an_example(code):
    """English says everything in English; Chinese in it is an example of what to write in the
    data, quoted as the data is quoted."""
    assert not CHINESE.search(QUOTED.sub("", TEMPLATES[code]["en"]))
