"""The responsibility matrix: departments × chapters, with the tasks behind every count."""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path

import lxml.html
import pytest

from factories import TASKS, make_repo
from plansite.analysis.matrix import column_chapters, compute_matrix, shared_tasks
from plansite.publishing.matrix import matrix_csv, write_matrix_csvs
from plansite.site.render import Site
from plansite.reading.repository import load_repository

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_PLAN = "city-12th-fyp"


def _task(task_id: str, lead: list[str], cooperating: list[str] | None = None) -> dict:
    return {"id": task_id, "number": "1.", "title": f"任务{task_id}", "lead": lead,
            "cooperating": cooperating or []}


# A breakdown like 篇2: 一、 holds principles only, 二、 holds every task in its sections.
NESTED = {"chapters": [
    {"id": "1", "number": "一、", "title": "分解原则", "text": "原则。"},
    {"id": "2", "number": "二、", "title": "任务分解", "chapters": [
        {"id": "2.1", "number": "（一）", "title": "约束性指标", "tasks": [
            _task("2.1.1", ["市住建委"]),
            _task("2.1.2", ["市住建委", "规划局"], ["教育局"]),
        ]},
        {"id": "2.2", "number": "（二）", "title": "加快产业发展", "tasks": [
            {**_task("2.2.1", ["教育局"], ["住建委"]),
             "tasks": [_task("2.2.1.1", ["规划局"])]},
        ]},
        {"id": "2.3", "number": "（三）", "title": "无责任部门", "tasks": [
            {"id": "2.3.1", "number": "1.", "title": "只写有关部门",
             "implementers": ["有关部门"]},
        ]},
    ]},
]}


@pytest.fixture()
def nested(tmp_path):
    repo, problems = load_repository(make_repo(tmp_path, tasks=copy.deepcopy(NESTED)))
    assert not problems.errors, problems.errors
    return repo


@pytest.fixture(scope="module")
def seed():
    repo, problems = load_repository(REPO_ROOT)
    assert not problems.errors
    return repo


def test_columns_are_the_sections_when_one_chapter_holds_every_task(nested):
    # 一、 holds no task and 二、 holds them all: its sections (一)…(三) are the columns
    assert [c.id for c in column_chapters(nested.plans["demo"])] == ["2.1", "2.2", "2.3"]


def test_columns_stay_top_level_when_the_tasks_spread_over_top_chapters(tmp_path):
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"].append({"id": "2", "number": "二、", "title": "第二章", "chapters": [
        {"id": "2.1", "number": "（一）", "title": "小节", "tasks": [_task("2.1.1", ["教育局"])]}]})
    repo, _ = load_repository(make_repo(tmp_path, tasks=tasks))
    assert [c.id for c in column_chapters(repo.plans["demo"])] == ["1", "2"]


def test_cells_hold_exactly_the_led_and_cooperated_tasks(nested):
    matrix = compute_matrix(nested, "demo")
    zhujianwei = matrix.row("zhujianwei")
    assert zhujianwei.cells[0].led == ["demo:2.1.1", "demo:2.1.2"]
    assert zhujianwei.cells[0].cooperated == []
    assert zhujianwei.cells[1].led == [] and zhujianwei.cells[1].cooperated == ["demo:2.2.1"]
    # a sub-task counts in its chapter's column
    assert matrix.row("guihuaju").cells[1].led == ["demo:2.2.1.1"]
    assert (zhujianwei.led, zhujianwei.cooperated, zhujianwei.total) == (2, 1, 3)
    assert matrix.row("jiaoyuju").cells[0].cooperated == ["demo:2.1.2"]


def test_rows_are_sorted_by_total_and_groups_of_implementers_are_no_rows(nested):
    matrix = compute_matrix(nested, "demo")
    assert [(r.department, r.total) for r in matrix.rows] == [
        ("zhujianwei", 3), ("guihuaju", 2), ("jiaoyuju", 2)]
    assert [matrix.column_total(i).total for i in range(3)] == [2, 2, 0]
    assert (len(matrix.column_total(0).led), len(matrix.column_total(0).cooperated)) == (3, 1)


def test_pairs_are_departments_named_on_the_same_task(nested):
    pairs = {(p.first, p.second): p.tasks for p in shared_tasks(nested, "demo")}
    assert pairs == {
        ("zhujianwei", "guihuaju"): ["demo:2.1.2"],
        ("zhujianwei", "jiaoyuju"): ["demo:2.1.2", "demo:2.2.1"],
        ("guihuaju", "jiaoyuju"): ["demo:2.1.2"],
    }
    assert shared_tasks(nested, "demo")[0].count == 2


def test_csv_has_a_lead_and_a_cooperating_count_per_chapter(nested, tmp_path):
    text = matrix_csv(nested, compute_matrix(nested, "demo")).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["部门", "部门编号", "（一）约束性指标 牵头", "（一）约束性指标 配合",
                       "（二）加快产业发展 牵头", "（二）加快产业发展 配合",
                       "（三）无责任部门 牵头", "（三）无责任部门 配合", "合计牵头", "合计配合", "合计"]
    assert rows[1] == ["市住建委", "zhujianwei", "2", "0", "0", "1", "0", "0", "2", "1", "3"]
    assert rows[-1] == ["合计", "", "3", "1", "2", "1", "0", "0", "5", "2", "4"]
    english = matrix_csv(nested, compute_matrix(nested, "demo"), "en").decode().splitlines()[0]
    assert english.endswith("Total led,Total co-operated,Total")
    written = write_matrix_csvs(nested, tmp_path / "downloads")
    assert [p.name for p in written] == ["matrix-demo.csv"]


def test_csv_text_that_would_start_a_formula_is_defused_in_the_matrix_too(tmp_path):
    departments = [{"id": "evil", "name": "=HYPERLINK(\"http://evil.example\")"},
                   {"id": "zhujianwei", "name": "市住建委"}]
    tasks = {"chapters": [{"id": "1", "title": "=SUM(1)", "tasks": [
        _task("1.1", ["=HYPERLINK(\"http://evil.example\")"], ["市住建委"])]}]}
    make_repo(tmp_path, departments=departments, tasks=tasks, indicators={"indicators": []})
    repo, problems = load_repository(tmp_path)
    assert not problems.errors
    rows = list(csv.reader(io.StringIO(matrix_csv(repo, compute_matrix(repo, "demo"))
                                       .decode("utf-8-sig"))))
    assert rows[0][:3] == ["部门", "部门编号", "'=SUM(1) 牵头"]
    assert rows[1][:2] == ["'=HYPERLINK(\"http://evil.example\")", "evil"]
    assert rows[2][:2] == ["市住建委", "zhujianwei"]


def test_seed_matrix_zhujianwei_carries_the_most_tasks_of_the_city_plan(seed):
    matrix = compute_matrix(seed, SEED_PLAN)
    # 篇2's tasks all sit under 二、任务分解: its nine sections (一)…(九) are the columns
    assert [c.id for c in matrix.columns] == [f"2.{n}" for n in range(1, 10)]
    assert matrix.rows[0].department == "zhujianwei"
    assert matrix.rows[0].total > matrix.rows[1].total
    # 市住建委 is named in 12 of the 52 responsibility lines, more than any other department
    lines = [t for t in seed.plans[SEED_PLAN].walk_tasks() if "市住建委" in t.responsibility]
    assert matrix.rows[0].total == len(lines) == 12


def _table(html_text: str, plan_id: str):
    return lxml.html.fromstring(html_text).get_element_by_id(f"matrix-{plan_id}-table")


def test_rendered_table_matches_the_matrix_cell_by_cell(seed, real_site):
    matrix = compute_matrix(seed, SEED_PLAN)
    page = (real_site / "matrix" / SEED_PLAN / "index.html").read_text(encoding="utf-8")
    table = _table(page, SEED_PLAN)
    head = [th.get("data-column") for th in table.xpath("./thead/tr/th")]
    assert head == ["department", *[c.id for c in matrix.columns], "total"]
    rows = table.xpath("./tbody/tr")
    assert [tr.get("data-department") for tr in rows] == [r.department for r in matrix.rows]
    for tr, row in zip(rows, matrix.rows):
        cells = tr.xpath("./td")
        for td, cell in zip(cells, row.cells):
            assert (int(td.get("data-led")), int(td.get("data-cooperated"))) == (
                len(cell.led), len(cell.cooperated)), (row.department, td.get("data-column"))
            links = {(li.get("data-role"), li.xpath("./a")[0].get("href").rsplit("/tasks/", 1)[1])
                     for li in td.xpath(".//li")}
            expected = {(role, f"{seed.task(k).id}/") for role, keys in (
                ("lead", cell.led), ("cooperating", cell.cooperated)) for k in keys}
            assert links == expected
        total = cells[-1]
        assert (int(total.get("data-led")), int(total.get("data-cooperated")),
                int(total.get("data-sort"))) == (row.led, row.cooperated, row.total)
    # the table says it first: 市住建委 has the highest row total of 篇2
    assert rows[0].xpath("./th//a")[0].text_content() == "市住建委"
    assert max(int(tr.xpath("./td")[-1].get("data-sort")) for tr in rows) == int(
        rows[0].xpath("./td")[-1].get("data-sort"))
    foot = table.xpath("./tfoot/tr/td")
    for i, td in enumerate(foot[:-1]):
        total = matrix.column_total(i)
        assert (int(td.get("data-led")), int(td.get("data-cooperated"))) == (
            len(total.led), len(total.cooperated))


def test_cells_say_lead_and_cooperate_in_words_and_marks(nested):
    html_text = Site(nested).renderer("matrix/").matrix_table("demo")
    cell = lxml.html.fromstring(html_text).xpath("//tbody/tr[1]/td[2]")[0]
    assert cell.xpath(".//*[@class='ps-sr']")[0].text == "牵头 0 / 配合 1"
    assert "○1" in cell.text_content() and "●" not in cell.xpath(".//*[@aria-hidden]")[0].text_content()


def test_matrix_page_offers_the_csv_that_the_build_writes(seed, real_site):
    index = lxml.html.fromstring((real_site / "matrix" / "index.html").read_text(encoding="utf-8"))
    for plan_id in seed.plans:
        page = lxml.html.fromstring(
            (real_site / "matrix" / plan_id / "index.html").read_text(encoding="utf-8"))
        for where in (index, page):
            link = where.xpath(
                f"//a[@class='ps-download'][contains(@href, 'matrix-{plan_id}.csv')]")
            # a plan none of whose tasks names a department (篇1) has no table to download
            assert bool(link) == bool(compute_matrix(seed, plan_id).rows), plan_id
        written = real_site / "downloads" / f"matrix-{plan_id}.csv"
        assert written.read_bytes() == matrix_csv(seed, compute_matrix(seed, plan_id))
        assert page.xpath("//script[contains(@src, 'plansite-sort.js')]")
        assert page.get_element_by_id("pairs") is not None
    page = lxml.html.fromstring(
        (real_site / "matrix" / SEED_PLAN / "index.html").read_text(encoding="utf-8"))
    assert page.xpath("//table[contains(@class, 'ps-pairs')]")


def test_matrix_index_leads_to_each_plans_matrix_and_keeps_the_old_anchors(seed, real_site):
    index = lxml.html.fromstring((real_site / "matrix" / "index.html").read_text(encoding="utf-8"))
    for plan_id, plan in seed.plans.items():
        # links to /matrix/#matrix-<plan> and #pairs-<plan> from when it was one page still land
        row = index.get_element_by_id(f"matrix-{plan_id}").getparent().getparent()
        assert index.get_element_by_id(f"pairs-{plan_id}").getparent().getparent() is row
        link = row.xpath(".//a[not(@class)]")[0]
        assert link.get("href") == f"../matrix/{plan_id}/" and link.text_content() == plan.title
        cells = [td.text_content() for td in row.xpath("./td")]
        matrix = compute_matrix(seed, plan_id)
        assert cells[1:4] == [str(len(matrix.rows)),
                              str(sum(1 for t in plan.walk_tasks() if t.departments)),
                              str(len(shared_tasks(seed, plan_id)))]
    # the plan page leads to its matrix, and the matrix page back to the plan
    plan_page = lxml.html.fromstring(
        (real_site / "plans" / SEED_PLAN / "index.html").read_text(encoding="utf-8"))
    assert plan_page.xpath(f"//a[@href='../../matrix/{SEED_PLAN}/']")
    page = lxml.html.fromstring(
        (real_site / "matrix" / SEED_PLAN / "index.html").read_text(encoding="utf-8"))
    assert page.xpath(f"//dl[@class='ps-facts']//a[@href='../../plans/{SEED_PLAN}/']")
    assert [li.text_content() for li in page.xpath("//nav[@class='ps-breadcrumb']//li")] == [
        "首页", "责任矩阵", seed.plans[SEED_PLAN].title]
