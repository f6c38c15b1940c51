"""Tasks by deadline: quarters, ongoing apart, overdue against the build date.

The parser's own table of deadline forms (more than 20 real forms: 2026年12月, 2015年, 年底前,
持续推进 …) is in tests/test_values.py; here each form goes through the whole path: written in
tasks.yml, read by the loader, placed in a quarter and judged overdue or not.
"""

from __future__ import annotations

import copy
import datetime as dt

import lxml.html
import pytest

from factories import TASKS, make_repo
from plansite.analysis.deadlines import build_date, due_date, group_by_quarter, repository_deadlines
from plansite.model.records import Deadline, Task
from plansite.site.render import Site
from plansite.reading.repository import load_repository

TODAY = dt.date(2026, 5, 1)

# phrase written in tasks.yml -> (year, quarter) it is due in, or "ongoing"
FORMS = {
    "2026年12月": (2026, 4),
    "2026年12月底前": (2026, 4),
    "2015年": (2015, 4),          # a bare year: due by its end
    "年底前": (2015, 4),          # this year's end: the plan's last year (2011-2015)
    "2026年第二季度": (2026, 2),
    "2026年上半年": (2026, 2),
    "2026年3月": (2026, 1),
    "2026年6月30日前": (2026, 2),
    "2026年三季度": (2026, 3),
    "“十二五”期间": (2015, 4),
    "规划期内": (2015, 4),
    "持续推进": "ongoing",
    "长期坚持": "ongoing",
    "每年": "ongoing",
}

OVERDUE = {"2015年", "年底前", "2026年3月", "“十二五”期间", "规划期内"}


def _tasks_with(deadlines: dict[str, str]) -> dict:
    tasks = copy.deepcopy(TASKS)
    chapter = tasks["chapters"][0]
    chapter["tasks"] = [
        {"id": f"1.{n}", "number": f"{n}.", "title": f"任务{n}", "lead": [lead],
         "deadline": phrase}
        for n, (phrase, lead) in enumerate(deadlines.items(), start=1)]
    return tasks


@pytest.fixture()
def repo(tmp_path):
    leads = {phrase: ("市住建委" if n % 2 else "教育局") for n, phrase in enumerate(FORMS)}
    repo, problems = load_repository(make_repo(tmp_path, tasks=_tasks_with(leads)), as_of=2026)
    assert not problems.errors, problems.errors
    return repo


def _placed(groups) -> dict[str, object]:
    out = {}
    for group in groups:
        for entry in group.tasks:
            out[entry.deadline.phrase] = "ongoing" if group.ongoing else (group.year, group.quarter)
    return out


def test_every_form_lands_in_its_quarter_or_in_ongoing(repo):
    assert _placed(repository_deadlines(repo, TODAY)) == FORMS


def test_overdue_means_due_before_the_build_date(repo):
    groups = repository_deadlines(repo, TODAY)
    overdue = {e.deadline.phrase for g in groups for e in g.tasks if e.overdue}
    assert overdue == OVERDUE
    ongoing = [g for g in groups if g.ongoing]
    assert len(ongoing) == 1 and ongoing[0].overdue == 0
    assert all(e.due is None for e in ongoing[0].tasks)


def test_groups_run_earliest_first_and_ongoing_last(repo):
    groups = repository_deadlines(repo, TODAY)
    keys = [(g.year, g.quarter) for g in groups if not g.ongoing]
    assert keys == sorted(keys) == [(2015, 4), (2026, 1), (2026, 2), (2026, 3), (2026, 4)]
    assert groups[-1].ongoing


def test_due_date_is_the_last_day_allowed():
    assert due_date(Deadline("2026年2月", 2026, 2)) == dt.date(2026, 2, 28)
    assert due_date(Deadline("2015年", 2015)) == dt.date(2015, 12, 31)
    assert due_date(Deadline("持续推进", ongoing=True)) is None
    # a task due today is not late yet
    [group] = group_by_quarter([_task_due("2026年5月", 2026, 5)], dt.date(2026, 5, 31))
    assert not group.tasks[0].overdue


def _task_due(phrase: str, year: int, month: int) -> Task:
    return Task(id="1", plan="p", chapter="1", deadline=Deadline(phrase, year, month))


def test_build_date_of_a_past_year_is_its_last_day():
    assert build_date(2026, TODAY) == TODAY
    assert build_date(2014, TODAY) == dt.date(2014, 12, 31)


def test_a_repository_read_as_of_2014_has_nothing_overdue_from_2015(tmp_path):
    repo, _ = load_repository(make_repo(tmp_path, tasks=_tasks_with({"2015年": "市住建委"})),
                              as_of=2014)
    [group] = repository_deadlines(repo, TODAY)
    assert group.overdue == 0


def test_a_department_sees_only_its_own_tasks(repo):
    own = _placed(repository_deadlines(repo, TODAY, "jiaoyuju"))
    assert own == {p: q for n, (p, q) in enumerate(FORMS.items()) if n % 2 == 0}


def test_deadlines_page_groups_by_quarter_and_marks_overdue_in_words(repo):
    page = lxml.html.fromstring(Site(repo, today=TODAY).renderer("deadlines/").page("deadlines"))
    headings = [h.text_content() for h in page.xpath("//h2")]
    assert headings == ["2015年第四季度", "2026年第一季度", "2026年第二季度", "2026年第三季度",
                        "2026年第四季度", "持续推进"]
    rows = page.xpath("//tr[@data-task]")
    assert len(rows) == len(FORMS)
    for row in rows:
        phrase = row.xpath("./td[3]")[0].text_content()
        state = row.xpath("./td[5]")[0].text_content()
        assert (state == "已逾期") == (phrase in OVERDUE), phrase
        assert row.get("data-overdue") == ("true" if phrase in OVERDUE else "false")
        # its departments, linked
        assert row.xpath("./td[6]//a[@class='ps-dept']")
    assert "按 2026年5月1日 计" in page.xpath("//p")[0].text_content()


def test_deadlines_page_in_english(repo):
    page = lxml.html.fromstring(Site(repo, "en", TODAY).renderer("deadlines/").page("deadlines"))
    assert [h.text_content() for h in page.xpath("//h2")][:2] == ["Q4 2015", "Q1 2026"]
    assert page.xpath("//span[@class='ps-overdue']")[0].text_content() == "Overdue"


def test_department_page_lists_the_deadlines_of_its_own_tasks(repo):
    html_text = Site(repo, today=TODAY).renderer("departments/jiaoyuju/").page("department", "jiaoyuju")
    page = lxml.html.fromstring(html_text)
    assert page.get_element_by_id("deadlines").text_content() == "完成时限"
    listed = {r.get("data-task") for r in page.xpath("//table[contains(@class,'ps-deadlines')]//tr[@data-task]")}
    assert listed == set(repo.index.department_tasks("jiaoyuju"))
    # a department without deadlines gets no empty section
    assert 'id="deadlines"' not in Site(repo, today=TODAY).renderer().page("department", "guihuaju")


def test_no_deadline_no_group(tmp_path):
    repo, _ = load_repository(make_repo(tmp_path))
    assert repository_deadlines(repo, TODAY) == []
    assert "暂无写明完成时限的任务" in Site(repo, today=TODAY).renderer().page("deadlines")
