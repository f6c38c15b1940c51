"""Re-importing a revised document keeps the editors' work: ids, fields, comments; conflicts listed.

A plan is imported, then edited as an editor would (a progress note, an English title, a
department chosen by hand, an indicator's reported value, comments), then the revised document
is imported with ``--update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plansite.cli import main
from plansite.importers import import_document
from plansite.problems import PlanError

FIRST = """2026年全市重点工作方案

一、城市建设
1.改造老旧小区。全年改造老旧小区30个。（牵头单位：市住建局；配合单位：市财政局）
2.建设停车场。新建公共停车场5个。（牵头单位：市交通局）
3.整治河道。整治城区河道10公里。（牵头单位：市水务局）

二、民生保障
1.新增就业。城镇新增就业1.2万人。（牵头单位：市人社局）
"""

# the revision: task 1.1's text and its co-operating unit change; 1.2's lead changes (an
# editor changed it too); 1.3 is dropped; a task is added before the jobs task
REVISED = """2026年全市重点工作方案

一、城市建设
1.改造老旧小区。全年改造老旧小区40个。（牵头单位：市住建局；配合单位：市发改委）
2.建设停车场。新建公共停车场5个。（牵头单位：市公安局）

二、民生保障
1.办好托育。新增托位500个。（牵头单位：市卫健委）
2.新增就业。城镇新增就业1.2万人。（牵头单位：市人社局）
"""


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "data").mkdir()
    source = tmp_path / "plan.txt"
    source.write_text(FIRST, encoding="utf-8")
    out = tmp_path / "data" / "plans" / "work-2026"
    import_document(source, "work-2026", out_dir=out,
                    registry_path=tmp_path / "data" / "departments.yml")
    return source, out


def _edit(out: Path) -> None:
    """What an editor does by hand: text edits that keep the file's layout."""
    tasks = (out / "tasks.yml").read_text(encoding="utf-8")
    tasks = tasks.replace("    tasks:\n      - id: '1.1'\n",
                          "    tasks:\n      # checked against the signed document\n"
                          "      - id: '1.1'\n        progress: 已完成20个  # as of June\n"
                          "        title_en: Renovate old residential areas\n", 1)
    tasks = tasks.replace("lead: [市交通局]", "lead: [市住建局]  # the bureau named in 2026-05")
    (out / "tasks.yml").write_text(tasks, encoding="utf-8")
    plan = (out / "plan.yml").read_text(encoding="utf-8")
    (out / "plan.yml").write_text(plan + "title_en: Key work plan 2026  # translated\n",
                                  encoding="utf-8")
    indicators = yaml.safe_load((out / "indicators.yml").read_text(encoding="utf-8"))
    assert indicators["indicators"], "the plan's targets are indicators"
    text = (out / "indicators.yml").read_text(encoding="utf-8")
    first = indicators["indicators"][0]["id"]
    text = text.replace(f"  - id: {first}\n",
                        f"  - id: {first}\n    actuals: [{{year: 2026, value: 12}}]\n", 1)
    (out / "indicators.yml").write_text(text, encoding="utf-8")


def _update(tmp_path: Path, source: Path, out: Path):
    source.write_text(REVISED, encoding="utf-8")
    return import_document(source, "work-2026", out_dir=out, update=True,
                           registry_path=tmp_path / "data" / "departments.yml")


def _tasks(out: Path) -> dict[str, dict]:
    data = yaml.safe_load((out / "tasks.yml").read_text(encoding="utf-8"))
    return {t["id"]: t for c in data["chapters"] for t in c.get("tasks") or []}


def test_an_edit_and_its_comment_survive_a_re_import(tmp_path):
    source, out = _setup(tmp_path)
    _edit(out)
    _update(tmp_path, source, out)
    text = (out / "tasks.yml").read_text(encoding="utf-8")
    assert "# checked against the signed document" in text
    assert "progress: 已完成20个  # as of June" in text
    assert "# the bureau named in 2026-05" in text
    tasks = _tasks(out)
    assert tasks["1.1"]["title_en"] == "Renovate old residential areas"
    assert "title_en: Key work plan 2026  # translated" in (out / "plan.yml").read_text(
        encoding="utf-8")
    indicators = yaml.safe_load((out / "indicators.yml").read_text(encoding="utf-8"))
    assert indicators["indicators"][0]["actuals"] == [{"year": 2026, "value": 12}]


def test_the_document_s_changes_are_taken_where_no_editor_changed_the_field(tmp_path):
    source, out = _setup(tmp_path)
    _edit(out)
    result = _update(tmp_path, source, out)
    tasks = _tasks(out)
    assert "40个" in tasks["1.1"]["text"]
    assert tasks["1.1"]["cooperating"] == ["市发改委"]
    assert tasks["1.1"]["id"] == "1.1" and tasks["2.1"]["title"] == "新增就业"
    assert tasks["2.1"]["lead"] == ["市人社局"], "the unchanged jobs task keeps its id"
    new = next(t for t in tasks.values() if t["title"] == "办好托育")
    assert new["id"] not in ("1.1", "1.2", "2.1") and new["lead"] == ["市卫健委"]
    assert "1.3" not in tasks, "a task the document dropped and no editor touched goes"
    merge = result.report.merge
    # the dropped task's target goes with it
    assert merge.removed == ["1.3", "indicators:zhengzhichengquhedao"] and new["id"] in merge.added
    assert {"record": "1.1", "field": "text"} in merge.updated


def test_a_field_both_changed_keeps_the_editor_s_value_and_is_a_conflict(tmp_path):
    source, out = _setup(tmp_path)
    _edit(out)
    result = _update(tmp_path, source, out)
    assert _tasks(out)["1.2"]["lead"] == ["市住建局"]
    (conflict,) = [c for c in result.report.merge.conflicts if c["field"] == "lead"]
    assert conflict == {"record": "1.2", "field": "lead", "editor": ["市住建局"],
                        "document": ["市公安局"], "before": ["市交通局"]}
    report = yaml.safe_load((out / "import-report.yml").read_text(encoding="utf-8"))
    assert report["update"]["conflicts"][0]["document"] == ["市公安局"]
    assert "冲突 1.2.lead" in result.report.text()


def test_a_task_an_editor_changed_is_kept_when_the_document_drops_it(tmp_path):
    source, out = _setup(tmp_path)
    text = (out / "tasks.yml").read_text(encoding="utf-8").replace(
        "      - id: '1.3'\n", "      - id: '1.3'\n        progress: 已完成5公里\n", 1)
    (out / "tasks.yml").write_text(text, encoding="utf-8")
    result = _update(tmp_path, source, out)
    assert _tasks(out)["1.3"]["progress"] == "已完成5公里"
    assert result.report.merge.kept == [{"record": "1.3", "title": "整治河道"}]


def test_the_merged_plan_passes_validation(tmp_path):
    from plansite.reading.repository import load_repository

    source, out = _setup(tmp_path)
    _edit(out)
    _update(tmp_path, source, out)
    _, problems = load_repository(tmp_path)
    assert [p.format() for p in problems.errors] == []


def test_without_a_base_every_difference_is_a_conflict_and_the_file_wins(tmp_path):
    source, out = _setup(tmp_path)
    (out / "import-base.yml").unlink()
    result = _update(tmp_path, source, out)
    assert result.report.merge.has_base is False
    assert _tasks(out)["1.2"]["lead"] == ["市交通局"]
    assert {(c["record"], c["field"]) for c in result.report.merge.conflicts} >= {
        ("1.1", "text"), ("1.2", "lead")}


def test_the_registry_keeps_its_comments_when_departments_are_added(tmp_path):
    source, _ = _setup(tmp_path)
    registry = tmp_path / "data" / "departments.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "# reviewed by the office\n",
                        encoding="utf-8")
    out = tmp_path / "data" / "plans" / "other"
    source.write_text(REVISED, encoding="utf-8")
    import_document(source, "other", out_dir=out, registry_path=registry)
    text = registry.read_text(encoding="utf-8")
    assert "# reviewed by the office" in text
    names = {d["name"] for d in yaml.safe_load(text)["departments"]}
    assert {"市卫健委", "市公安局", "市住建局"} <= names


def test_an_existing_plan_asks_for_update_or_force(tmp_path, monkeypatch, capsys):
    source, out = _setup(tmp_path)
    with pytest.raises(PlanError) as caught:
        import_document(source, "work-2026", out_dir=out)
    assert caught.value.problems[0].code == "import-exists"
    monkeypatch.chdir(tmp_path)
    source.write_text(REVISED, encoding="utf-8")
    assert main(["import", str(source), "--plan", "work-2026"]) == 1
    assert "--update" in capsys.readouterr().err
    assert main(["import", str(source), "--plan", "work-2026", "--update"]) == 0
    assert "合并修订" in capsys.readouterr().out


def test_an_editor_s_file_that_cannot_be_read_is_named_and_left_alone(tmp_path):
    source, out = _setup(tmp_path)
    broken = (out / "tasks.yml").read_text(encoding="utf-8").replace("lead: [市交通局]",
                                                                      "lead: [市交通局")
    (out / "tasks.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        _update(tmp_path, source, out)
    assert caught.value.problems[0].file.endswith("tasks.yml")
    assert (out / "tasks.yml").read_text(encoding="utf-8") == broken
