"""axe-core on every page type of the seed site, light and dark: no serious or critical violation.

axe is the copy inside the axe-playwright-python package (test extra); it is evaluated in the
page through the browser's debugging protocol, so the site's Content-Security-Policy, which
admits only the site's own scripts, does not have to make room for it.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_pages import PAGE_TYPES, sideways

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def base(real_site, serve_site) -> str:
    return serve_site(real_site)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def serious(axe: Axe, page) -> list[str]:
    results = axe.run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_serious_violation(browser, base, axe, name, scheme) -> None:
    context = browser.new_context(locale="zh-CN", color_scheme=scheme,
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(base + PAGE_TYPES[name])
        assert not serious(axe, page)
    finally:
        context.close()


def test_open_search_results_have_no_serious_violation(page, base, axe) -> None:
    page.goto(base)
    page.locator("#ps-search-input").fill("住建委")
    page.locator("#ps-search-results a").first.wait_for(timeout=15000)
    assert not serious(axe, page)


@pytest.mark.parametrize("name", ["home", "department", "indicator"])
def test_page_language_is_chinese(page, base, name) -> None:
    page.goto(base + PAGE_TYPES[name])
    assert page.get_attribute("html", "lang") in ("zh", "zh-Hans", "zh-CN")


def test_status_and_chart_have_text(page, base) -> None:
    page.goto(base + PAGE_TYPES["indicator"])
    status = page.locator(".ps-status").first
    assert status.inner_text().strip(), "a status is said in words, not only by colour"
    chart = page.locator("svg.ps-chart")
    assert chart.count() == 1
    assert chart.get_attribute("role") == "img"
    names = chart.get_attribute("aria-labelledby").split()
    words = [page.locator(f'[id="{n}"]').text_content().strip() for n in names]
    assert all(words), "the chart's title and description are text"


def test_keyboard_reaches_search_results(page, base) -> None:
    page.goto(base + PAGE_TYPES["department"])
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "ps-search-input"
    page.keyboard.type("发改委")
    page.locator("#ps-search-results a").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert href.endswith("departments/fazhangaigewei/")
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('__search').checked")


FOCUS_SHOWN = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
        || s.boxShadow !== 'none' || s.textDecorationLine.includes('underline');
}"""


def tab_to(page, test: str, limit: int = 60) -> list[str]:
    """Press Tab until ``test`` (a JS expression on ``document.activeElement``) holds; each
    stop's focus must be visible. Returns where the focus stopped on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = page.evaluate("() => { const e = document.activeElement;"
                             " return e.tagName + (e.id ? '#' + e.id : '') + ' ' + "
                             "(e.textContent || '').trim().slice(0, 20); }")
        stops.append(here)
        visible = page.evaluate("() => { const r = document.activeElement"
                                ".getBoundingClientRect(); return r.width > 0 && r.height > 0; }")
        if visible:
            assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {here}"
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({test}); }}"):
            return stops
    raise AssertionError(f"Tab never reached {test}: {stops}")


def test_keyboard_only_walk_of_navigation_and_search(page, base) -> None:
    page.goto(base)
    # through the header to the navigation's tab of the departments, and open it with Enter
    tab_to(page, "e.classList.contains('md-tabs__link')"
                 " && e.getAttribute('href').endsWith('departments/')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/departments/")
    # on to the search box, a query, the first result by arrow key, opened with Enter
    tab_to(page, "e.id === 'ps-search-input'")
    page.keyboard.type("住建委")
    page.locator("#ps-search-results a").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUS_SHOWN), "the chosen result shows its focus"
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert href.endswith("departments/zhujianwei/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/departments/zhujianwei/")
    assert page.locator("h1").first.inner_text().strip() == "市住建委"


ZOOMED = {"width": 640, "height": 450}  # a 1280 x 900 window at 200 %


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_nothing_scrolls_sideways_at_200_percent_zoom(browser, base, name) -> None:
    context = browser.new_context(locale="zh-CN", viewport=ZOOMED)
    page = context.new_page()
    try:
        page.goto(base + PAGE_TYPES[name])
        width, wide = sideways(page)
        assert width <= ZOOMED["width"] and not wide, (name, width, wide)
        # a box that does scroll is marked and says so
        boxes = page.locator(".ps-scroll").evaluate_all(
            "bs => bs.map(b => [b.scrollWidth > b.clientWidth + 1, b.hasAttribute('data-overflowing'),"
            " b.getAttribute('role'), b.getAttribute('tabindex')])")
        for scrolls, marked, role, tabindex in boxes:
            assert scrolls == marked and role == "region" and tabindex == "0"
    finally:
        context.close()
