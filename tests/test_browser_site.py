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
    page.wait_for_url(re.compile(r"/plans/[^/]+/#task-"))
    anchor = page.url.split("#", 1)[1]
    heading = page.locator(f'[id="{anchor}"]')
    assert heading.is_visible()
    assert title in heading.inner_text()
