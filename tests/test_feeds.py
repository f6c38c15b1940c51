"""Atom feeds of progress and iCalendar files of deadlines, read back with feedparser and
icalendar as a reader's feed reader and calendar would."""

from __future__ import annotations

import copy
import datetime as _dt

import feedparser
import icalendar
import pytest

from factories import REPORT, TASKS, copy_site_files, make_repo
from plansite.adapter.build import build_site
from plansite.analysis.findings import Findings
from plansite.publishing import feeds
from plansite.publishing.feeds import feed_files
from plansite.reading.repository import load_repository
from plansite.synthetic import synth_repository

TODAY = _dt.date(2026, 12, 1)
ROOT_URL = "https://plans.example.org/"


def later_report() -> dict:
    report = copy.deepcopy(REPORT)
    report.update(period="2014", as_of="2014-12-31")
    report["entries"] = [{"task": "1.2", "status": "done", "progress": "新校舍投入使用。"}]
    return report


def files(tmp_path, reports: dict) -> dict[str, bytes]:
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["deadline"] = "2015年6月底前"
    root = make_repo(tmp_path, tasks=tasks, reports=reports)
    repo, problems = load_repository(root)
    assert problems.errors == []
    return feed_files(repo, Findings(repo, TODAY).progress, ROOT_URL)


@pytest.fixture()
def made(tmp_path) -> dict[str, bytes]:
    return files(tmp_path, {"2013": copy.deepcopy(REPORT), "2014": later_report()})


def test_the_site_feed_lists_every_entry_newest_first_with_status_changes(made):
    feed = feedparser.parse(made["feeds/all.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "规划公开：任务进展"
    titles = [e.title for e in feed.entries]
    assert titles == ["2.优先发展教育（2014）：滞后 → 已完成", "1.优化城镇空间布局（2013）：未报告 → 正常推进",
                      "2.优先发展教育（2013）：未报告 → 滞后"]
    assert feed.entries[0].link == ROOT_URL + "plans/demo/tasks/1.2/"
    assert "校舍用地未落实。" in feed.entries[2].summary
    assert feed.entries[0].updated == "2014-12-31T00:00:00Z"


def test_plan_and_department_feeds_hold_their_own_entries(made):
    plan = feedparser.parse(made["feeds/plans/demo.xml"])
    assert not plan.bozo and len(plan.entries) == 3
    education = feedparser.parse(made["feeds/departments/jiaoyuju.xml"])
    assert not education.bozo
    assert [e.link.rsplit("/", 2)[-2] for e in education.entries] == ["1.2", "1.2"]
    assert feedparser.parse(made["feeds/departments/xiangzhen.xml"]).entries == []


def test_ids_are_the_same_in_every_build(tmp_path, made):
    again = files(tmp_path / "again", {"2013": copy.deepcopy(REPORT), "2014": later_report()})
    only_first = files(tmp_path / "first", {"2013": copy.deepcopy(REPORT)})

    def ids(data: bytes) -> list[str]:
        parsed = feedparser.parse(data)
        return [parsed.feed.id] + [e.id for e in parsed.entries]

    assert ids(again["feeds/all.xml"]) == ids(made["feeds/all.xml"])
    # a new period adds its entries; the earlier ones keep their ids
    assert set(ids(only_first["feeds/all.xml"])) < set(ids(made["feeds/all.xml"]))
    calendar = icalendar.Calendar.from_ical(again["calendars/zhujianwei.ics"])
    first = icalendar.Calendar.from_ical(made["calendars/zhujianwei.ics"])
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == \
        [str(e["UID"]) for e in first.walk("VEVENT")]


def test_each_department_has_a_calendar_of_its_deadlines(made):
    calendar = icalendar.Calendar.from_ical(made["calendars/zhujianwei.ics"])
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == _dt.date(2015, 6, 30)
    assert str(event["SUMMARY"]) == "到期：1.优化城镇空间布局（2015年6月底前）"
    assert str(event["URL"]) == ROOT_URL + "plans/demo/tasks/1.1/"
    assert str(calendar["X-WR-CALNAME"]) == "市住建委：任务完成时限"
    empty = icalendar.Calendar.from_ical(made["calendars/xiangzhen.ics"])
    assert empty.walk("VEVENT") == []


@pytest.mark.slow
def test_the_built_site_offers_its_feeds_in_the_page_head(tmp_path):
    root = make_repo(tmp_path, reports={"2013": copy.deepcopy(REPORT)})
    copy_site_files(root)
    code, output = build_site(root)
    assert code == 0, output
    site = root / "site"
    assert feedparser.parse((site / "feeds" / "all.xml").read_bytes()).entries
    html = (site / "departments" / "jiaoyuju" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="规划公开：任务进展" ' \
           'href="../../feeds/all.xml">' in html
    assert 'href="../../feeds/departments/jiaoyuju.xml"' in html
    assert 'href="../../calendars/jiaoyuju.ics" type="text/calendar"' in html
    plan = (site / "plans" / "demo" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/plans/demo.xml"' in plan
    assert (site / "calendars" / "jiaoyuju.ics").is_file()


def test_a_feed_holds_the_newest_entries_only(tmp_path, monkeypatch):
    import plansite.publishing.feeds as feeds

    monkeypatch.setattr(feeds, "FEED_ENTRIES", 1)
    made = files(tmp_path, {"2013": copy.deepcopy(REPORT), "2014": later_report()})
    (entry,) = feedparser.parse(made["feeds/all.xml"]).entries
    assert entry.title == "2.优先发展教育（2014）：滞后 → 已完成"


def test_each_department_feed_gathers_the_entries_of_its_tasks_in_order(tmp_path, monkeypatch):
    """A department's feed holds the entries of the tasks it leads or co-operates on, in the
    order of the site's entries, on a synthetic repository with many reports and departments."""
    synth_repository(tmp_path, tasks=400, departments=40, indicators=50, seed=3)
    repo, problems = load_repository(tmp_path)
    assert problems.errors == []
    given: dict[str, list] = {}
    real = feeds.atom_feed

    def kept(repo_, progress, entries, title, scope_id, *rest):
        given[scope_id] = list(entries)
        return real(repo_, progress, entries, title, scope_id, *rest)

    monkeypatch.setattr(feeds, "atom_feed", kept)
    feed_files(repo, Findings(repo, TODAY).progress, ROOT_URL)
    every = given["site"]
    assert len(every) > 100
    with_entries = 0
    for dept in repo.departments:
        keys = set(repo.index.department_tasks(dept))
        expected = [pair for pair in every if pair[0].task_key in keys]
        assert given[f"department:{dept}"] == expected, dept
        with_entries += bool(expected)
    assert with_entries > 10
