"""A resident's phone (375 px wide): every page type fits the screen and its links can be tapped."""

from __future__ import annotations

import pytest

from site_pages import PAGE_TYPES, existing_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
MIN_TAP = 24  # px: WCAG 2.2 target size (minimum), for links in tables and lists of records


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def base(real_site, serve_site) -> str:
    return serve_site(real_site)


def test_every_page_type_is_built(real_site) -> None:
    assert set(existing_pages(real_site)) == set(PAGE_TYPES)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_nothing_overflows_the_phone_screen(phone, base, real_site, name) -> None:
    phone.goto(base + PAGE_TYPES[name])
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    wide = phone.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && !e.closest('.ps-scroll, .md-sidebar, .md-search, .md-nav, pre, svg'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert width <= PHONE["width"], (name, width, wide)


@pytest.mark.parametrize("name", ["departments index", "department", "indicators index",
                                  "plan", "indicator"])
def test_links_in_tables_are_big_enough_to_tap(phone, base, real_site, name) -> None:
    phone.goto(base + existing_pages(real_site)[name])
    small = phone.evaluate(f"""() => [...document.querySelectorAll('.ps-table td a')]
        .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])
        .filter(([, h]) => h > 0 && h < {MIN_TAP}).slice(0, 5)""")
    assert not small, (name, small)


def test_wide_tables_scroll_in_their_own_box(phone, base) -> None:
    phone.goto(base + "indicators/")
    box = phone.locator(".ps-scroll").first
    assert box.get_attribute("tabindex") == "0"
    assert box.get_attribute("role") == "region"
    sizes = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1], "the indicator table is wider than the phone and scrolls inside"


def test_search_opens_and_answers_on_the_phone(phone, base) -> None:
    phone.goto(base)
    phone.locator(".md-header label[for=__search]").first.click()
    box = phone.locator("#ps-search-input")
    assert box.is_visible()
    box.fill("发改委")
    first = phone.locator("#ps-search-results a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href").endswith("departments/fazhangaigewei/")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    first.click()
    phone.wait_for_url("**/departments/fazhangaigewei/")
