"""A reader in a real browser: search 住建委 from the home page, reach the department, open a task."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def search(page, query: str) -> None:
    """Type ``query`` into the site's search box as a reader would."""
    box = page.locator("input.md-search__input, input[type=search]").first
    box.click()
    box.fill(query)


def test_search_department_abbreviation_then_open_a_task(page, real_site, serve_site):
    base = serve_site(real_site)
    page.goto(base + "/")
    search(page, "住建委")
    result = page.locator(".md-search-result__link, .pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__link, .pagefind-ui__result-link", "els => els.map(e => e.href)")
    target = next(h for h in hrefs if "/departments/zhujianwei/" in h)
    page.locator(f'a[href="{target}"]').first.click()
    page.wait_for_url(re.compile(r"/departments/zhujianwei/"))
    assert page.locator("h1").first.inner_text().strip() == "市住建委"
    task = page.locator("a.ps-task-link").first
    title = task.inner_text().strip()
    task.click()
    page.wait_for_url(re.compile(r"/plans/[^/]+/tasks/[^/]+/$"))
    heading = page.locator("h1").first
    assert heading.is_visible()
    assert title in heading.inner_text()


@pytest.fixture(scope="module")
def reported_site(tmp_path_factory):
    """A small site whose plan publishes two progress reports."""
    import copy

    from factories import REPORT, copy_site_files, make_repo
    from plansite.adapter.build import build_site

    root = tmp_path_factory.mktemp("reported")
    later = copy.deepcopy(REPORT)
    later.update(period="2014", as_of="2014-12-31")
    later["entries"] = [{"task": "1.2", "status": "done", "progress": "新校舍投入使用。",
                         "evidence": [{"title": "竣工验收公告",
                                       "url": "https://example.gov.cn/ys.html"}]}]
    make_repo(root, reports={"2013": copy.deepcopy(REPORT), "2014": later})
    copy_site_files(root)
    code, output = build_site(root)
    assert code == 0, output
    return root / "site"


def test_department_page_to_a_task_page_and_its_timeline(page, reported_site, serve_site):
    base = serve_site(reported_site)
    page.goto(base + "/departments/jiaoyuju/")
    assert page.locator(".ps-rollup").first.is_visible()
    page.locator("a.ps-task-link", has_text="优先发展教育").first.click()
    page.wait_for_url(re.compile(r"/plans/demo/tasks/1\.2/$"))
    assert "优先发展教育" in page.locator("h1").first.inner_text()
    assert page.locator(".ps-current .ps-progress-done").is_visible()
    entries = page.locator("ol.ps-timeline > li")
    assert entries.count() == 2
    newest, oldest = entries.nth(0).inner_text(), entries.nth(1).inner_text()
    assert newest.startswith("2014") and "已完成" in newest and "竣工验收公告" in newest
    assert oldest.startswith("2013") and "滞后" in oldest and "校舍用地未落实。" in oldest
    assert "市人大常委会" in oldest  # the independent assessment, beside the reported status
    page.locator("ol.ps-timeline > li").nth(0).locator("h3 a").click()
    page.wait_for_url(re.compile(r"/plans/demo/reports/2014/$"))
    assert "优先发展教育" in page.locator("#done + ul").inner_text()
