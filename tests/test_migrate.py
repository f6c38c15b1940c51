"""Data files say their format; ``plansite migrate`` upgrades older ones and keeps comments.

Format 1 is the first format, so the mechanism is tested with a made-up format 0 in which a
plan's title was called ``name`` and a task's lead departments ``leads``.
"""

from __future__ import annotations

import re

import pytest

from factories import make_repo
from plansite.cli import main
from plansite.model.fields import DATA_FORMAT
from plansite.reading.migrate import STEPS, Step
from plansite.reading.repository import load_repository
from plansite.reading.roundtrip import rename_key


def format_0_to_1(kind: str, data) -> None:
    if kind == "plan":
        rename_key(data, "name", "title")
    if kind == "tasks":
        for chapter in data["chapters"]:
            for task in chapter.get("tasks", []):
                rename_key(task, "leads", "lead")


@pytest.fixture
def made_up_format_0(monkeypatch):
    monkeypatch.setitem(STEPS, 0, Step(1, "plan.yml: name is now title; tasks: leads is now lead",
                                       format_0_to_1))


def old_repository(root):
    make_repo(root)
    plan = root / "data" / "plans" / "demo" / "plan.yml"
    plan.write_text("# yaml-language-server: $schema=../../../schema/plan.schema.json\n"
                    "# 示例规划的基本信息\nformat: 0\nid: demo\n"
                    "name: 示例规划  # 原文标题\nissuer: 市人民政府\nlevel: 市\nperiod: 2011-2015\n",
                    encoding="utf-8")
    tasks = root / "data" / "plans" / "demo" / "tasks.yml"
    text = tasks.read_text(encoding="utf-8")
    assert text.count("lead:") == 2
    tasks.write_text("# 任务分解\n" + text.replace("lead:", "leads:", 1).replace(
        "leads:", "leads:  # 牵头单位", 1), encoding="utf-8")
    return plan, tasks


def test_an_older_file_is_named_with_the_command_that_upgrades_it(tmp_path, made_up_format_0,
                                                                 capsys):
    old_repository(tmp_path)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    out = capsys.readouterr().out
    assert ("data/plans/demo/plan.yml:3:9: format: 数据格式 0 已过时；当前格式为 1; "
            "提示：运行 plansite migrate 升级数据文件（保留注释），再检查改动后提交") in out


def test_migrate_upgrades_every_file_of_the_unit_and_keeps_comments(tmp_path, made_up_format_0,
                                                                    capsys):
    plan, tasks = old_repository(tmp_path)
    registry = (tmp_path / "data" / "departments.yml").read_bytes()
    assert main(["--root", str(tmp_path), "migrate"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["data/plans/demo/plan.yml: format 0 -> 1",
                                "  plan.yml: name is now title; tasks: leads is now lead"]
    assert re.fullmatch(
        r"# yaml-language-server: \$schema=../../../schema/plan.schema.json\n"
        r"# 示例规划的基本信息\nformat: 1\nid: demo\n"
        r"title: 示例规划 +# 原文标题\nissuer: 市人民政府\nlevel: 市\nperiod: 2011-2015\n",
        plan.read_text(encoding="utf-8"))
    text = tasks.read_text(encoding="utf-8")
    assert text.startswith("# 任务分解\n") and re.search(r"\n +lead: +# 牵头单位\n", text)
    assert "leads" not in text
    # a unit without format: is of format 1 already and is not rewritten
    assert (tmp_path / "data" / "departments.yml").read_bytes() == registry
    _, problems = load_repository(tmp_path)
    assert not problems.errors, problems.sorted()
    # once more: nothing to do
    assert main(["--root", str(tmp_path), "migrate"]) == 0
    assert capsys.readouterr().out == f"the data is in format {DATA_FORMAT}: nothing to do\n"


def test_a_newer_format_is_left_alone_and_asks_for_a_newer_plansite(tmp_path, capsys):
    make_repo(tmp_path)
    plan = tmp_path / "data" / "plans" / "demo" / "plan.yml"
    plan.write_text(f"format: {DATA_FORMAT + 1}\n" + plan.read_text(encoding="utf-8"),
                    encoding="utf-8")
    before = plan.read_bytes()
    assert main(["--root", str(tmp_path), "migrate"]) == 1
    assert "newer than this plansite's" in capsys.readouterr().err
    assert plan.read_bytes() == before
    assert main(["--root", str(tmp_path), "validate", "--lang", "en"]) == 1
    assert (f"data/plans/demo/plan.yml:1:9: format: data format {DATA_FORMAT + 1} is newer than "
            f"the format {DATA_FORMAT} this plansite reads") in capsys.readouterr().out


def test_a_format_that_is_no_number_is_a_wrong_type(tmp_path, capsys):
    make_repo(tmp_path)
    registry = tmp_path / "data" / "departments.yml"
    registry.write_text("format: 一\n" + registry.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--root", str(tmp_path), "validate"]) == 1
    assert "data/departments.yml:1:9: format: 类型不对" in capsys.readouterr().out
