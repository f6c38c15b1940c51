"""Import of a one-year work plan issued with a 通知: inline responsibility sentences, deadline
lines, the sign-off, the plan year from the title, and one indicator for a target stated twice."""

from __future__ import annotations

from pathlib import Path

import yaml

from plansite.importers import import_document
from plansite.importers.registry import is_department_name
from plansite.importers.responsibility import find_trailing, parse_line
from plansite.language.targets import parse_target

WORKPLAN = """关于印发《2026年全市优化营商环境工作方案》的通知

各乡镇办场区园，市直各部门：
　　现将《2026年全市优化营商环境工作方案》印发给你们，请认真贯彻落实。

2026年全市优化营商环境工作方案

一、总体目标
　　到2026年底，企业开办时间压缩至1个工作日以内，全市市场主体总量突破12万户。

二、重点任务
1.压缩企业开办时间。企业开办时间压缩至1个工作日以内。（牵头单位：市市场监管局；配合单位：市公安局）
完成时限：2026年9月底前
2.推行“拿地即开工”。市发改委牵头，市住建委、市城乡规划局配合。
时间节点：2026年6月底前
3.加强廉政监督。
严格审批事项监督检查。由市政府办会同市监察局组织落实。
完成时间：持续推进
4.保障用工需求。全年城镇新增就业8000人以上。

三、保障措施
（一）加强组织领导。成立市优化营商环境工作领导小组，统筹推进各项工作。

市人民政府办公室
2026年3月1日
"""


def _import(tmp_path: Path, text: str = WORKPLAN) -> tuple[object, dict, dict, dict, dict]:
    source = tmp_path / "plan2026.txt"
    source.write_text(text, encoding="gbk")
    registry = tmp_path / "departments.yml"
    out = tmp_path / "out"
    result = import_document(source, "biz-2026", out_dir=out, registry_path=registry)

    def load(path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    return result, load(out / "plan.yml"), load(out / "tasks.yml"), \
        load(out / "indicators.yml"), load(registry)


def _tasks(tasks: dict) -> dict[str, dict]:
    out: dict[str, dict] = {}

    def visit(chapters: list[dict]) -> None:
        for chapter in chapters:
            for task in chapter.get("tasks") or []:
                out[task["title"]] = task
            visit(chapter.get("chapters") or [])

    visit(tasks["chapters"])
    return out


def test_a_numbered_line_with_its_own_responsibility_is_a_new_task(tmp_path):
    result, _, tasks, _, registry = _import(tmp_path)
    by_title = _tasks(tasks)
    assert by_title["压缩企业开办时间"]["lead"] == ["市市场监管局"]
    assert by_title["压缩企业开办时间"]["cooperating"] == ["市公安局"]
    land = by_title["推行“拿地即开工”"]
    assert land["number"] == "2."
    assert land["lead"] == ["市发改委"]
    assert land["cooperating"] == ["市住建委", "市城乡规划局"]
    names = [d["name"] for d in registry["departments"]]
    assert all(is_department_name(name) for name in names)
    assert not any("拿地" in name for name in names)


def test_a_responsibility_sentence_closing_a_task_paragraph_is_read(tmp_path):
    _, _, tasks, _, _ = _import(tmp_path)
    audit = _tasks(tasks)["加强廉政监督"]
    assert audit["lead"] == ["市政府办"]
    assert audit["cooperating"] == ["市监察局"]
    assert audit["responsibility"] == "由市政府办会同市监察局组织落实。"
    assert find_trailing("做好工作。责任单位：市发改委。").lead == ["市发改委"]
    # a last sentence that names no body is no responsibility
    assert find_trailing("加快推进。确保项目落实。") is None
    assert parse_line("由市政府办会同市监察局组织落实。").lead == ["市政府办"]


def test_deadline_lines_after_a_task_are_its_deadline(tmp_path):
    _, _, tasks, _, _ = _import(tmp_path)
    by_title = _tasks(tasks)
    assert by_title["压缩企业开办时间"]["deadline"] == "2026年9月底前"
    assert by_title["推行“拿地即开工”"]["deadline"] == "2026年6月底前"
    assert by_title["加强廉政监督"]["deadline"] == "持续推进"
    assert "完成时限" not in by_title["压缩企业开办时间"]["text"]
    assert "deadline" not in by_title["保障用工需求"]


def test_department_names_never_hold_sentences():
    assert is_department_name("市住房和城乡建设局")
    assert not is_department_name("2.推行“拿地即开工”。市发改委")
    assert not is_department_name("（一）市发改委")
    assert not is_department_name("责任单位：市发改委")
    assert not is_department_name("市" + "发展和改革委员会办公室综合协调处督查科" * 2)


def test_a_one_year_plan_with_a_sign_off_has_its_period_and_no_false_warnings(tmp_path):
    result, plan, tasks, _, _ = _import(tmp_path)
    assert plan["period"] == 2026
    # the sign-off goes into the plan's fields, not into its text or a note
    assert (plan["issuer"], plan["issued"]) == ("市人民政府办公室", "2026-03-01")
    assert "市人民政府办公室" not in plan["note"]
    assert "现将《2026年全市优化营商环境工作方案》印发给你们" in plan["summary"]
    last = tasks["chapters"][-1]["chapters"][-1]
    assert "市人民政府办公室" not in last["text"] and "2026年3月1日" not in last["text"]
    codes = [w.code for w in result.report.warnings]
    assert "import-truncated" not in codes and "import-no-period" not in codes


def test_a_target_stated_in_the_goals_and_in_a_task_is_one_indicator(tmp_path):
    _, _, tasks, indicators, _ = _import(tmp_path)
    records = {i["id"]: i for i in indicators["indicators"]}
    opening = [i for i in records.values() if i["name"] == "企业开办时间"]
    assert len(opening) == 1
    assert opening[0]["unit"] == "工作日"
    assert opening[0]["target"] == {"value": 1, "year": 2026, "comparator": "<=", "kind": "level"}
    by_title = _tasks(tasks)
    assert by_title["压缩企业开办时间"]["indicators"] == [opening[0]["id"]]
    jobs = records[by_title["保障用工需求"]["indicators"][0]]
    # a task's target with no year written takes the plan's year
    assert jobs["target"]["year"] == 2026


def test_work_days_and_shortening_words_read_as_an_upper_bound():
    for phrase in ("压缩至1个工作日以内", "缩短至1个工作日", "压减至1个工作日"):
        target = parse_target(phrase)
        assert (target.value, target.unit, target.comparator) == (1, "工作日", "<="), phrase
