"""Plain-text import: numbering, responsibility conventions, encodings, web page noise,
truncated and bad input, report counts, and re-import with --force."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest
import yaml

from plansite.cli import main
from plansite.problems import PlanError
from plansite.importers import import_document
from plansite.importers.responsibility import parse_line, split_names
from plansite.importers.headings import parse_numbering

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PLAN = "一、重点任务\n\n1.新建幼儿园2所。\n\n——由区教育局组织落实。\n\n2.改造老旧小区30个。\n\n——由区住建局会同有关部门组织落实。\n"


def run(tmp_path: Path, source: Path, **options) -> tuple[object, dict]:
    options.setdefault("out_dir", tmp_path / "out")
    options.setdefault("registry_path", tmp_path / "departments.yml")
    result = import_document(source, "demo", **options)
    data = yaml.safe_load((Path(options["out_dir"]) / "tasks.yml").read_text(encoding="utf-8"))
    return result, data


def tasks_of(data: dict) -> list[dict]:
    out: list[dict] = []

    def visit(task: dict) -> None:
        out.append(task)
        for sub in task.get("tasks") or []:
            visit(sub)

    def chapters(items: list[dict]) -> None:
        for chapter in items:
            for task in chapter.get("tasks") or []:
                visit(task)
            chapters(chapter.get("chapters") or [])

    chapters(data["chapters"])
    return out


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# numbering

@pytest.mark.parametrize("text, style, ordinal, number", [
    ("第三章 产业发展", "chapter", 3, "第三章"),
    ("第十二节 保障措施", "section", 12, "第十二节"),
    ("二十一、其他", "cn", 21, "二十一、"),
    ("（三）统筹城乡", "paren-cn", 3, "（三）"),
    ("(三)统筹城乡", "paren-cn", 3, "(三)"),
    ("12.加快发展", "arabic", 12, "12."),
    ("３．加快发展", "arabic", 3, "３．"),
    ("4、加快发展", "arabic", 4, "4、"),
    ("（２）打造平台", "paren-arabic", 2, "（２）"),
    ("③培育品牌", "circled", 3, "③"),
    ("二是培育龙头企业", "enum", 2, "二是"),
])
def test_numbering_styles_full_and_half_width(text, style, ordinal, number):
    found = parse_numbering(text)
    assert (found.style, found.ordinal, found.number) == (style, ordinal, number)


@pytest.mark.parametrize("text", ["2015年，城镇化率达到55%。", "1.5万人参加培训。", "十二五期间完成。"])
def test_sentences_that_start_with_numbers_are_not_headings(text):
    assert parse_numbering(text) is None


def test_nested_numbering_gives_chapters_tasks_and_sub_tasks(tmp_path):
    _, data = run(tmp_path, FIXTURES / "chapters.txt")
    second = data["chapters"][1]
    assert (second["number"], second["title"]) == ("第二章", "重点任务")
    industry = second["chapters"][0]["chapters"][0]
    assert (industry["id"], industry["number"], industry["title"]) == ("2.1.1", "一、", "做强特色产业")
    assert [t["number"] for t in industry["tasks"]] == ["一是", "二是", "三是"]
    tourism = second["chapters"][0]["chapters"][1]
    lodging = tourism["tasks"][0]
    assert [s["number"] for s in lodging["tasks"]] == ["①", "②"]
    assert [t["number"] for t in tourism["tasks"]] == ["（1）", "（2）", "(3)"]
    assert [s["id"] for s in lodging["tasks"]] == ["2.1.2.1.1", "2.1.2.1.2"]


def test_a_first_part_without_heading_gets_a_supplied_one(tmp_path):
    source = write(tmp_path / "report.txt",
                   "一年来，各项工作进展顺利。\n（一）教育。一是建成学校2所。二是培训教师100人。\n"
                   "二、明年工作\n（一）教育工作。一是要新建学校3所。二是要培训教师200人。\n")
    result, data = run(tmp_path, source)
    first = data["chapters"][0]
    assert (first["number"], first["title"]) == ("一、", "（原文无标题）")
    assert first["text"].strip() == "一年来，各项工作进展顺利。"
    assert [c["number"] for c in data["chapters"]] == ["一、", "二、"]
    assert "import-supplied-heading" in [w.code for w in result.report.warnings]


# responsibility conventions

@pytest.mark.parametrize("line, lead, cooperating, implementers", [
    ("——由市住建委、市城乡规划局会同有关部门和各乡镇办场区园组织落实。",
     ["市住建委", "市城乡规划局"], [], ["有关部门", "各乡镇办场区园"]),
    ("——由市住房公积金中心同有关部门和各乡镇办场区园组织落实。",
     ["市住房公积金中心"], [], ["有关部门", "各乡镇办场区园"]),
    ("——由市教育局和各乡镇办场区园组织落实。", ["市教育局"], [], ["各乡镇办场区园"]),
    ("——由市发改委会同市财政局、统计局组织落实。", ["市发改委"], ["市财政局", "市统计局"], []),
    ("（牵头单位：省发展改革委；配合单位：财政厅、省统计局）",
     ["省发展改革委"], ["省财政厅", "省统计局"], []),
    ("责任单位：市发改委牵头，市财政局按职责分工负责", ["市发改委"], ["市财政局"], []),
    ("市住房和城乡建设局牵头，市教育局、各县（市、区）人民政府配合。",
     ["市住房和城乡建设局"], ["市教育局"], ["各县（市、区）人民政府"]),
    ("牵头单位：各地级以上市人民政府", [], [], ["各地级以上市人民政府"]),
])
def test_responsibility_conventions(line, lead, cooperating, implementers):
    found = parse_line(line)
    assert (found.lead, found.cooperating, found.implementers) == (lead, cooperating, implementers)
    assert found.phrase == line


@pytest.mark.parametrize("line", ["——坚持创新驱动，发展实体经济。", "各部门要加强领导，狠抓落实。",
                                  "市场监管局2022年工作总结"])
def test_lines_that_only_look_like_responsibilities_are_text(line):
    assert parse_line(line) is None


def test_names_split_on_separators_but_not_inside_a_name():
    assert split_names("市住房和城乡建设局和市教育局、市财政局及市审计局") == [
        "市住房和城乡建设局", "市教育局", "市财政局", "市审计局"]
    assert split_names("省交通运输厅、水利厅与自然资源厅") == ["省交通运输厅", "省水利厅", "省自然资源厅"]


def test_paragraph_groups_each_with_a_line_become_sub_tasks(tmp_path):
    _, data = run(tmp_path, FIXTURES / "dash_lines.txt")
    social = next(t for t in tasks_of(data) if t["title"] == "健全社会保障体系")
    assert social["lead"] == []
    assert [(s["title"], s["lead"]) for s in social["tasks"]] == [
        ("完善社会保险制度", ["市人社局"]), ("完善城乡社会救助体系", ["市民政局", "市财政局"])]
    education = next(t for t in tasks_of(data) if t["title"] == "优先发展教育事业")
    assert "tasks" not in education
    assert education["text"].count("\n\n") == 1, "two paragraphs, one line: one task"


def test_embedded_and_labelled_responsibilities(tmp_path):
    _, data = run(tmp_path, FIXTURES / "labelled.txt")
    by_title = {t["title"]: t for t in tasks_of(data)}
    five_g = by_title["加快5G网络建设"]
    assert (five_g["lead"], five_g["cooperating"]) == (
        ["省通信管理局"], ["省发展改革委", "省工业和信息化厅"])
    assert "（牵头单位" in five_g["text"], "the parenthesis stays in the text as written"
    farming = by_title["发展智慧农业"]
    assert (farming["implementers"], farming["deadline"]) == (["各地级以上市人民政府"], "2025年底")
    making = by_title["实施制造业数字化转型行动"]
    assert making["responsibility"] == "省工业和信息化厅牵头，省财政厅、省科技厅配合。"
    assert [s["number"] for s in making["tasks"]] == ["（1）", "（2）"]


def test_new_departments_are_proposed_with_pinyin_ids_and_known_ones_resolved(tmp_path):
    registry = tmp_path / "departments.yml"
    registry.write_text(yaml.safe_dump({"departments": [
        {"id": "zhujianwei", "name": "市住建委", "aliases": ["住建委"]}]}, allow_unicode=True),
        encoding="utf-8")
    result, _ = run(tmp_path, FIXTURES / "dash_lines.txt")
    assert result.report.departments_found == ["zhujianwei"]
    entries = yaml.safe_load(registry.read_text(encoding="utf-8"))["departments"]
    by_name = {e["name"]: e for e in entries}
    assert by_name["市城乡规划局"]["id"] == "chengxiangguihuaju"
    assert by_name["市城乡规划局"]["aliases"] == ["城乡规划局"]
    assert by_name["市住建委"]["id"] == "zhujianwei"
    assert len(result.report.departments_new) == len(entries) - 1


def test_a_name_two_departments_claim_is_left_for_the_editor_with_both(tmp_path):
    registry = tmp_path / "departments.yml"
    registry.write_text(yaml.safe_dump({"departments": [
        {"id": "jiaoyuju", "name": "市教育局", "aliases": ["教育局"]},
        {"id": "xian-jiaoyuju", "name": "县教育局", "aliases": ["教育局"]}]},
        allow_unicode=True), encoding="utf-8")
    source = write(tmp_path / "p.txt", "一、任务\n1.新建学校。\n——由教育局组织落实。\n")
    result, data = run(tmp_path, source)
    assert tasks_of(data)[0]["lead"] == ["教育局"]
    assert result.report.departments_new == []
    (warning,) = [w for w in result.report.warnings if w.code == "ambiguous-department"]
    assert warning.format("en") == (
        f"{source}:2: department '教育局' is ambiguous, it may be: '市教育局' (jiaoyuju), "
        "'县教育局' (xian-jiaoyuju); write the full name or id")


def test_a_blanked_department_name_is_kept_and_marked_incomplete(tmp_path):
    source = write(tmp_path / "p.txt", "一、任务\n1.维护社会稳定。\n——由市综治办、市局会同有关部门组织落实。\n")
    run(tmp_path, source)
    entries = yaml.safe_load((tmp_path / "departments.yml").read_text(encoding="utf-8"))
    blanked = next(e for e in entries["departments"] if e["name"] == "市局")
    assert blanked["incomplete"] is True and "市局" in blanked["note"]
    assert blanked["aliases"] == []


# indicators

def test_targets_become_indicators_linked_from_their_task(tmp_path):
    result, data = run(tmp_path, FIXTURES / "dash_lines.txt", period="2011-2015")
    indicators = yaml.safe_load((tmp_path / "out" / "indicators.yml").read_text(encoding="utf-8"))
    by_id = {i["id"]: i for i in indicators["indicators"]}
    urban = next(t for t in tasks_of(data) if t["title"] == "城镇化率达到55%")
    (ident,) = urban["indicators"]
    assert ident == "chengzhenhualv"
    assert by_id[ident]["type"] == "binding", "under the 约束性指标 heading"
    assert by_id[ident]["target"] == {"value": 55, "year": 2015, "comparator": ">=", "kind": "level"}
    jobless = next(i for i in by_id.values() if i["name"] == "城镇登记失业率")
    assert jobless["type"] == "expected" and jobless["target"]["comparator"] == "<="
    assert result.report.indicators == len(by_id)


def test_sentences_with_unreadable_numbers_are_listed_not_guessed(tmp_path):
    source = write(tmp_path / "p.txt",
                   "一、回顾\n（一）培训。一是共组织开展培训1*场次28*0人次。二是完成了全年任务。\n")
    result, _ = run(tmp_path, source, period="2007")
    assert [u["sentence"] for u in result.report.unparsed] == ["共组织开展培训1*场次28*0人次"]
    assert result.report.indicators == 0


# encodings

@pytest.mark.parametrize("encoding, prefix, name", [
    ("utf-8", b"", "UTF-8"),
    ("utf-8", codecs.BOM_UTF8, "UTF-8-BOM"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16-LE"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16-BE"),
    ("gbk", b"", "GB18030"),
])
def test_encodings_are_detected_and_reported(tmp_path, encoding, prefix, name):
    source = tmp_path / "plan.txt"
    source.write_bytes(prefix + PLAN.replace("\n", "\r\n").encode(encoding))
    result, data = run(tmp_path, source)
    assert result.report.encoding == name
    assert [t["lead"] for t in tasks_of(data)] == [["区教育局"], ["区住建局"]]


# web page noise

def test_web_page_header_and_footer_are_skipped_and_reported(tmp_path):
    result, data = run(tmp_path, FIXTURES / "web_page.txt")
    assert result.report.skipped == [
        "欢迎访问某某范文网 客服热线：400-123-4567", "首页 > 工作计划 > 市场监管工作计划",
        "发布时间：2023-03-01 10:00:00", "来源：网络  浏览：1234", "市场监管工作计划",
        "上一篇：市场监管局2022年工作总结", "版权所有 © 某某范文网 ICP备12345678号"]
    assert [c["title"] for c in data["chapters"]] == ["工作目标", "重点工作"]
    report = yaml.safe_load((tmp_path / "out" / "import-report.yml").read_text(encoding="utf-8"))
    assert report["counts"]["skipped_noise_lines"] == 7


def test_a_clean_document_keeps_its_title_line(tmp_path):
    result, _ = run(tmp_path, FIXTURES / "dash_lines.txt")
    assert result.report.skipped == []
    assert result.plan["title"] == "市“十二五”规划纲要主要目标任务分解（节选）"
    assert result.plan["period"] == "2011-2015"


# truncated and bad input

def test_a_document_cut_off_mid_sentence_is_imported_with_a_warning(tmp_path):
    result, data = run(tmp_path, FIXTURES / "truncated.txt")
    assert "import-truncated" in [w.code for w in result.report.warnings]
    assert tasks_of(data)[-1]["title"] == "改扩建中小学校3所，新增学位"


def test_a_file_cut_inside_a_character_is_read_up_to_the_cut(tmp_path):
    raw = (FIXTURES / "dash_lines.txt").read_bytes()
    source = tmp_path / "cut.txt"
    source.write_bytes(raw[:-5])
    result, _ = run(tmp_path, source)
    assert "import-truncated" in [w.code for w in result.report.warnings]


def test_a_heading_with_nothing_under_it_at_the_end_is_reported(tmp_path):
    source = write(tmp_path / "p.txt", "一、任务\n1.新建幼儿园2所。\n二、工作计划\n")
    result, _ = run(tmp_path, source)
    (warning,) = [w for w in result.report.warnings if w.code == "import-empty-heading"]
    assert (warning.line, dict(warning.args)["found"]) == (3, "二、工作计划")


@pytest.mark.parametrize("name, content, code", [
    ("missing.txt", None, "file-missing"),
    ("plan.pdf", b"%PDF-1.4", "import-format"),
    ("empty.txt", b"  \n\n", "file-empty"),
    ("binary.txt", b"\x00\x01\x02abc\xff\xfe\x00", "import-undecodable"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 3, "import-undecodable"),
])
def test_bad_input_is_a_plan_error_naming_the_file(tmp_path, name, content, code):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        run(tmp_path, source)
    assert [(p.code, p.file) for p in caught.value.problems] == [(code, str(source))]


def test_only_noise_is_an_empty_document(tmp_path):
    source = write(tmp_path / "noise.txt", "欢迎来到某某网,咨询电话:400-838-9661\n关于我们 登录/注册 购物车(0)\n")
    with pytest.raises(PlanError) as caught:
        run(tmp_path, source)
    assert caught.value.problems[0].code == "file-empty"


def test_undecodable_bytes_name_the_line(tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes("一、任务\n".encode() + b"\x80\x81\x00\x01\n")
    with pytest.raises(PlanError) as caught:
        run(tmp_path, source)
    assert caught.value.problems[0].line == 2


# several documents in one file

def test_a_file_with_several_documents_asks_for_one(tmp_path):
    source = write(tmp_path / "two.txt", "篇1\n一、甲\n正文。\n篇2\n一、乙\n正文。\n")
    with pytest.raises(PlanError) as caught:
        run(tmp_path, source)
    (found,) = caught.value.problems
    assert found.code == "import-parts" and "篇1、篇2" in found.message("zh")
    _, data = run(tmp_path, source, part=2)
    assert data["chapters"][0]["title"] == "乙"
    with pytest.raises(PlanError) as caught:
        run(tmp_path, source, part="篇3", force=True)
    assert caught.value.problems[0].code == "import-no-part"


# re-import

def test_an_existing_plan_is_not_overwritten_without_force(tmp_path):
    run(tmp_path, FIXTURES / "dash_lines.txt")
    before = (tmp_path / "out" / "tasks.yml").read_text(encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        run(tmp_path, FIXTURES / "labelled.txt")
    assert caught.value.problems[0].code == "import-exists"
    assert (tmp_path / "out" / "tasks.yml").read_text(encoding="utf-8") == before


def test_force_keeps_the_ids_of_unchanged_tasks(tmp_path):
    source = tmp_path / "plan.txt"
    shutil.copy(FIXTURES / "dash_lines.txt", source)
    _, first = run(tmp_path, source)
    ids = {t["title"]: t["id"] for t in tasks_of(first)}
    text = source.read_text(encoding="utf-8").replace(
        "1.城镇化率达到55%。", "1.森林覆盖率达到30%。\n\n——由市林业局组织落实。\n\n2.城镇化率达到55%。"
    ).replace("2.耕地保有量", "3.耕地保有量")
    source.write_text(text, encoding="utf-8")
    _, second = run(tmp_path, source, force=True)
    again = {t["title"]: t["id"] for t in tasks_of(second)}
    for title, ident in ids.items():
        assert again[title] == ident, title
    assert again["森林覆盖率达到30%"] not in ids.values()
    assert len(set(again.values())) == len(again)


# report and command line

def test_the_report_counts_what_was_made(tmp_path):
    result, _ = run(tmp_path, FIXTURES / "dash_lines.txt")
    report = yaml.safe_load((tmp_path / "out" / "import-report.yml").read_text(encoding="utf-8"))
    assert report["counts"] == {
        "chapters": 5, "tasks": 6, "departments_found": 0, "departments_new": 7,
        "departments_to_review": 0,
        "indicators": result.report.indicators, "unplaced_paragraphs": 0,
        "skipped_noise_lines": 0, "unparsed_sentences": 0,
        "warnings": len(result.report.warnings)}
    assert report["encoding"] == "UTF-8"


def test_a_responsibility_line_before_any_task_is_unplaced(tmp_path):
    source = write(tmp_path / "p.txt", "——由市教育局组织落实。\n一、任务\n1.新建学校。\n")
    result, _ = run(tmp_path, source)
    assert result.report.unplaced == [{"line": 1, "text": "——由市教育局组织落实。"}]


def test_the_command_imports_into_the_repository_and_prints_the_report(tmp_path, monkeypatch,
                                                                       capsys):
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    code = main(["import", str(FIXTURES / "dash_lines.txt"), "--plan", "city-demo",
                 "--issuer", "市人民政府"])
    assert code == 0
    plan = yaml.safe_load((tmp_path / "data/plans/city-demo/plan.yml").read_text(encoding="utf-8"))
    assert (plan["id"], plan["issuer"]) == ("city-demo", "市人民政府")
    assert (tmp_path / "data/departments.yml").exists()
    first = (tmp_path / "data/plans/city-demo/tasks.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/tasks.schema.json"
    assert "任务: 6" in capsys.readouterr().out
    code = main(["import", str(FIXTURES / "dash_lines.txt"), "--plan", "city-demo"])
    assert code == 1
    assert "--force" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["dash_lines.txt", "labelled.txt", "tasks.tsv", "tasks.csv"])
def test_an_imported_plan_passes_validation(tmp_path, monkeypatch, name):
    from plansite.reading.repository import load_repository

    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(FIXTURES / name), "--plan", "demo", "--period", "2021-2025"]) == 0
    _, problems = load_repository(tmp_path)
    assert [p.format() for p in problems.errors] == []


def test_indicator_ids_stay_unique_across_the_plans_of_a_repository(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(FIXTURES / "dash_lines.txt"), "--plan", "first"]) == 0
    assert main(["import", str(FIXTURES / "dash_lines.txt"), "--plan", "second"]) == 0
    ids = {}
    for plan in ("first", "second"):
        data = yaml.safe_load((tmp_path / f"data/plans/{plan}/indicators.yml").read_text(
            encoding="utf-8"))
        ids[plan] = {i["id"] for i in data["indicators"]}
    assert "chengzhenhualv" in ids["first"] and "chengzhenhualv-2" in ids["second"]
    assert not ids["first"] & ids["second"]
    assert main(["import", str(FIXTURES / "dash_lines.txt"), "--plan", "first", "--force"]) == 0
    again = yaml.safe_load((tmp_path / "data/plans/first/indicators.yml").read_text(encoding="utf-8"))
    assert {i["id"] for i in again["indicators"]} == ids["first"], "a re-import keeps its own ids"
