"""End to end: build the real site from data/ and read the HTML as a reader's browser gets it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from plansite.site.linkcheck import check_site
from plansite.reading.repository import load_repository

REPO = Path(__file__).resolve().parent.parent
TASK_LINK = re.compile(r'class="ps-task-link" href="([^"]+)"')
DEPT_LINK = re.compile(r'class="ps-dept" href="([^"]+)"')


@pytest.fixture(scope="module")
def repo():
    repository, problems = load_repository(REPO)
    assert not problems.errors, "\n".join(p.format() for p in problems.errors)
    return repository


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def site_url(page_url: str, href: str) -> str:
    """The site-relative URL (with anchor) that ``href`` on page ``page_url`` points at."""
    return urljoin("http://x/" + page_url, href).removeprefix("http://x/")


def section(html: str, anchor: str) -> str:
    start = html.index(f'<h2 id="{anchor}">')
    end = html.find("<h2 ", start + 1)
    return html[start:end if end != -1 else len(html)]


def test_every_record_has_its_page(real_site, repo):
    for plan in repo.plans:
        assert (real_site / "plans" / plan / "index.html").is_file()
    for dept in repo.departments:
        assert (real_site / "departments" / dept / "index.html").is_file()
    for ind in repo.indicators:
        assert (real_site / "indicators" / ind / "index.html").is_file()
    for index in ("plans", "departments", "indicators"):
        assert (real_site / index / "index.html").is_file()


def test_department_pages_list_exactly_their_tasks(real_site, repo):
    for dept in repo.departments:
        url = f"departments/{dept}/"
        html = page_html(real_site, url)
        for anchor, keys in (("led", repo.index.led[dept]),
                             ("cooperating", repo.index.cooperated[dept])):
            shown = [site_url(url, h) for h in TASK_LINK.findall(section(html, anchor))]
            expected = [f"plans/{repo.task(k).plan}/tasks/{repo.task(k).id}/" for k in keys]
            assert shown == expected, (dept, anchor)


def test_every_task_shows_its_departments_as_links(real_site, repo):
    checked = 0
    for plan in repo.plans.values():
        url = f"plans/{plan.id}/"
        html = page_html(real_site, url)
        for task in plan.walk_tasks():
            start = html.index(f'id="{task.anchor}"')
            nxt = html.find('<section class="ps-task">', start)
            block = html[start:nxt if nxt != -1 else len(html)]
            linked = [site_url(url, h) for h in DEPT_LINK.findall(block)]
            for dept in task.lead + task.cooperating:
                assert f"departments/{dept}/" in linked, (task.key, dept)
            checked += 1
    assert checked == len(repo.tasks)


def test_no_internal_link_or_anchor_is_broken(real_site):
    assert [str(b) for b in check_site(real_site)] == []


def test_indicator_pages_link_back_to_tasks_and_departments(real_site, repo):
    for ind in repo.indicators.values():
        url = f"indicators/{ind.id}/"
        html = page_html(real_site, url)
        tasks = [site_url(url, h) for h in TASK_LINK.findall(section(html, "tasks"))]
        assert tasks == [f"plans/{ind.plan}/tasks/{repo.task(k).id}/"
                         for k in repo.index.indicator_tasks[ind.id]]
        depts = [site_url(url, h) for h in DEPT_LINK.findall(section(html, "departments"))]
        assert depts == [f"departments/{d}/" for d in repo.index.indicator_departments[ind.id]]


def test_downloads_json_matches_the_data_and_every_url_resolves(real_site, repo):
    data = json.loads((real_site / "downloads" / "data.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["plans"]] == list(repo.plans)
    assert {d["id"]: d["name"] for d in data["departments"]} == {
        d.id: d.name for d in repo.departments.values()}
    assert [(t["plan"], t["id"]) for t in data["tasks"]] == [
        (t.plan, t.id) for t in repo.tasks.values()]
    for record in data["tasks"]:
        task = repo.task(f"{record['plan']}:{record['id']}")
        assert record["lead"] == list(task.lead)
        assert record["cooperating"] == list(task.cooperating)
        assert record["indicators"] == list(task.indicators)
    for record in data["indicators"]:
        ind = repo.indicators[record["id"]]
        assert record["type"] in ("binding", "expected", "monitoring")
        assert record["unit"] == ind.unit
        assert set(record) >= {"id", "plan", "name", "type", "unit", "baseline", "target",
                               "departments", "tasks", "url"}
    anchors = {}
    for kind in ("plans", "departments", "tasks", "indicators"):
        for record in data[kind]:
            path, _, anchor = record["url"].lstrip("/").partition("#")
            page = real_site / path / "index.html"
            assert page.is_file(), record["url"]
            if anchor:
                html = anchors.setdefault(path, page.read_text(encoding="utf-8"))
                assert f'id="{anchor}"' in html, record["url"]


def test_export_command_prints_the_same_json(repo, real_site):
    result = subprocess.run([sys.executable, "-m", "plansite", "export", "--format", "json"],
                            cwd=REPO, capture_output=True, text=True, check=True)
    printed = json.loads(result.stdout)
    built = json.loads((real_site / "downloads" / "data.json").read_text(encoding="utf-8"))
    assert printed == built


def test_pages_are_chinese_and_titled_by_their_record(real_site, repo):
    dept = next(iter(repo.departments.values()))
    html = page_html(real_site, f"departments/{dept.id}/")
    assert '<html lang="zh' in html
    assert f"<title>{dept.name} - " in html
