"""The committed seed plans against the seed text itself.

Every ``——由…组织落实。`` line of 篇2 names exactly the lead and co-operating departments of the
task it follows in data/plans/city-12th-fyp/tasks.yml; the department registry holds each of
them once. The expected departments are read from the seed here with a plain regular
expression, independently of the importer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import yaml

from factories import SEED

REPO = Path(__file__).resolve().parent.parent
CITY = REPO / "data" / "plans" / "city-12th-fyp"
COUNTY = REPO / "data" / "plans" / "county-social-2007"
RESPONSIBILITY = re.compile(r"^——由(?P<lead>.+?)(?:会同|同)有关部门.*组织落实。$|^——由(?P<only>.+?)组织落实。$")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _seed_part(label: str) -> list[str]:
    """The non-empty lines of one part of the seed (篇1 or 篇2), without the part marker."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = lines.index(label) + 1
    later = [i for i, line in enumerate(lines) if re.fullmatch(r"篇\d+", line) and i >= start]
    return lines[start:later[0] if later else len(lines)]


def _expected_names(line: str) -> list[str]:
    m = RESPONSIBILITY.match(line)
    assert m, line
    names = re.split(r"[、和]", m.group("lead") or m.group("only"))
    return [n for n in names if n and not n.startswith(("各", "有关"))]


def _tasks(chapters: list[dict]):
    for chapter in chapters:
        for task in chapter.get("tasks") or []:
            yield from _task_tree(task)
        yield from _tasks(chapter.get("chapters") or [])


def _task_tree(task: dict):
    yield task
    for sub in task.get("tasks") or []:
        yield from _task_tree(sub)


def _squash(text: str) -> str:
    return re.sub(r"\s|\\", "", text).rstrip("。")


@pytest.fixture(scope="module")
def registry() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in _load(REPO / "data" / "departments.yml")["departments"]:
        for word in [entry["id"], entry["name"], *(entry.get("aliases") or [])]:
            assert word not in index, f"{word} names two departments"
            index[word] = entry["id"]
    return index


@pytest.fixture(scope="module")
def city_tasks() -> list[dict]:
    return list(_tasks(_load(CITY / "tasks.yml")["chapters"]))


def test_seed_has_52_responsibility_lines_naming_46_departments():
    lines = [line for line in _seed_part("篇2") if line.startswith("——")]
    assert len(lines) == 52
    names = {name for line in lines for name in _expected_names(line)}
    assert len(names) == 46


def test_every_responsibility_line_names_exactly_the_departments_of_the_task_it_follows(
        registry, city_tasks):
    part = _seed_part("篇2")
    checked = 0
    for index, line in enumerate(part):
        if not line.startswith("——"):
            continue
        before = _squash(re.sub(r"^\d+\.", "", part[index - 1]))
        owners = [t for t in city_tasks if t.get("responsibility") == line
                  and before in _squash(t["title"] + t.get("text", ""))]
        assert len(owners) == 1, f"{line} after {part[index - 1][:30]}: {len(owners)} tasks"
        task = owners[0]
        expected = [registry[name] for name in _expected_names(line)]
        assert [registry[name] for name in task["lead"]] == expected, task["id"]
        assert task.get("cooperating", []) == [], task["id"]
        checked += 1
    assert checked == 52
    assert sum(1 for t in city_tasks if t.get("responsibility")) == 52


def test_registry_holds_the_46_departments_and_the_implementer_group(registry):
    entries = _load(REPO / "data" / "departments.yml")["departments"]
    names = {e["name"] for e in entries}
    lines = [line for line in _seed_part("篇2") if line.startswith("——")]
    assert {n for line in lines for n in _expected_names(line)} <= names
    group = next(e for e in entries if e["name"] == "各乡镇办场区园")
    assert group["kind"] == "group"
    blanked = next(e for e in entries if e["name"] == "市局")
    assert blanked["incomplete"] is True and "市局" in blanked["note"]
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"]) for e in entries)
    assert registry["发改委"] == registry["发展改革委"] == registry["市发展改革委"]
    assert registry["住建委"] == "zhujianwei"
    assert registry["规划局"] == registry["城乡规划局"] == registry["市城乡规划局"]
    assert next(e for e in entries if e["name"] == "市供电公司")["kind"] == "company"


def test_first_line_names_lead_and_the_implementer_group(city_tasks):
    task = next(t for t in city_tasks if t["id"] == "2.1.1")
    assert task["lead"] == ["市教育局"]
    assert task["implementers"] == ["各乡镇办场区园"]
    assert task["responsibility"] == "——由市教育局和各乡镇办场区园组织落实。"


def test_binding_indicators_are_tasks_2_1_1_to_2_1_9(city_tasks):
    indicators = {i["id"]: i for i in _load(CITY / "indicators.yml")["indicators"]}
    binding = [t for t in city_tasks if re.fullmatch(r"2\.1\.\d", t["id"])]
    assert [t["id"] for t in binding] == [f"2.1.{n}" for n in range(1, 10)]
    for task in binding:
        assert task["indicators"], task["id"]
        assert all(indicators[i]["type"] == "binding" for i in task["indicators"])
    assert all(i["type"] != "binding" for i in indicators.values()
               if i.get("chapter") != "2.1")


def test_paragraph_groups_with_their_own_lines_are_sub_tasks(city_tasks):
    by_id = {t["id"]: t for t in city_tasks}
    social = by_id["2.7.3"]
    assert social["title"] == "健全社会保障体系"
    assert [s["title"] for s in social["tasks"]] == [
        "完善社会保险制度", "完善城乡社会救助体系", "加大保障性住房建设力度", "推进住房公积金制度",
        "发展社会化养老"]
    opening = by_id["2.8.4"]
    assert [s["title"] for s in opening["tasks"]] == [
        "积极对接大武汉", "加大招商引资力度,加强区域间经济合作", "努力扩大出口"]
    assert opening["tasks"][2]["lead"] == ["市商务局", "市招商局"]


def test_city_plan_metadata_and_chapters():
    plan = _load(CITY / "plan.yml")
    assert plan["title"] == "市“十二五”规划纲要主要目标任务分解"
    assert (plan["level"], plan["period"], plan["issuer"]) == ("市", "2011-2015", "市人民政府")
    chapters = _load(CITY / "tasks.yml")["chapters"]
    assert [(c["number"], c["title"]) for c in chapters[:2]] == [("一、", "分解原则"),
                                                                ("二、", "任务分解")]
    assert [c["number"] for c in chapters[1]["chapters"]] == [
        f"({n})" for n in "一二三四五六七八九"]


def test_county_plan_year_chapters_and_reported_figures():
    plan = _load(COUNTY / "plan.yml")
    assert plan["period"] == 2007 and plan["level"] == "县"
    assert "2006" in plan["note"] and "补加" in plan["note"]
    chapters = _load(COUNTY / "tasks.yml")["chapters"]
    assert [(c["number"], c["title"][:4]) for c in chapters] == [
        ("一、", "工作回顾"), ("二、", "认清形势"), ("三、", "明确目标"), ("四、", "转变作风")]
    assert len(chapters[0]["chapters"]) == 7
    assert [c["title"] for c in chapters[2]["chapters"]][0] == "教育工作"
    assert len(chapters[2]["chapters"]) == 9 and len(chapters[3]["chapters"]) == 4
    education = chapters[2]["chapters"][0]["tasks"]
    assert [t["number"] for t in education] == ["一是", "二是", "三是", "四是", "五是"]
    indicators = _load(COUNTY / "indicators.yml")["indicators"]
    reported = {(a["value"], i["unit"]) for i in indicators if i["type"] == "monitoring"
                for a in i["actuals"] if a["year"] == 2006}
    for figure in [(79400, "人"), (87.39, "%"), (101400, "人次"), (2173000, "元"), (32, "个"),
                   (530000, "元"), (69, "人"), (177, "座")]:
        assert figure in reported
    tasks = list(_tasks(chapters))
    linked = {i for t in tasks for i in t["indicators"]}
    assert {i["id"] for i in indicators if i["type"] == "monitoring"} <= linked


def test_data_files_start_with_their_schema_line():
    for path in [REPO / "data" / "departments.yml", *sorted((REPO / "data" / "plans").glob(
            "*/*.yml"))]:
        if path.name.startswith("import-"):  # the importer's reports and base: no data files
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "departments" if path.name == "departments.yml" else path.stem
        assert first.startswith("# yaml-language-server: $schema=") and \
            first.endswith(f"schema/{kind}.schema.json"), path
