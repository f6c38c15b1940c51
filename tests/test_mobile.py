"""A resident's phone (375 px wide): every page type fits the screen and its links can be tapped."""

from __future__ import annotations

import pytest

from site_pages import PAGE_TYPES, existing_pages, sideways

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
    width, wide = sideways(phone)
    assert width <= PHONE["width"], (name, width, wide)


@pytest.mark.parametrize("name", ["departments index", "department", "indicators index",
                                  "plan", "indicator"])
def test_links_in_tables_are_big_enough_to_tap(phone, base, real_site, name) -> None:
    phone.goto(base + existing_pages(real_site)[name])
    small = phone.evaluate(f"""() => [...document.querySelectorAll('.ps-table td a')]
        .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])
        .filter(([, h]) => h > 0 && h < {MIN_TAP}).slice(0, 5)""")
    assert not small, (name, small)


CARDS = {
    "department": ("ps-tasks", ["规划", "章节", "任务", "配合部门", "完成时限"]),
    "indicators index": ("ps-indicators", ["规划", "指标", "章节", "类型", "基期值", "目标",
                                           "最新值", "状态", "责任部门"]),
    "plan matrix": ("ps-matrix", None),
}


@pytest.mark.parametrize("name", list(CARDS))
def test_a_wide_table_reads_as_one_card_per_row_with_labelled_fields(phone, base, name) -> None:
    table_class, labels = CARDS[name]
    phone.goto(base + PAGE_TYPES[name])
    table = phone.locator(f"table.{table_class}").first
    shown = table.evaluate("""t => {
        const rows = [...t.tBodies[0].rows].filter(r => getComputedStyle(r).display !== 'none');
        const box = t.closest('.ps-scroll');
        return {
            rowDisplay: getComputedStyle(rows[0]).display,
            head: getComputedStyle(t.tHead).position,
            fits: t.getBoundingClientRect().right <= window.innerWidth,
            boxScrolls: box.scrollWidth > box.clientWidth + 1,
            cue: box.hasAttribute('data-overflowing'),
            labels: [...rows[0].cells].filter(c => c.tagName === 'TD')
                .filter(c => getComputedStyle(c).display !== 'none')
                .map(c => [c.dataset.label, getComputedStyle(c, '::before').content]),
        };
    }""")
    assert shown["rowDisplay"] == "block", "each row is a card"
    assert shown["head"] == "absolute", "the head row is kept for screen readers only"
    assert shown["fits"] and not shown["boxScrolls"] and not shown["cue"]
    assert shown["labels"], "the fields are labelled"
    for label, before in shown["labels"]:
        assert label and before == f'"{label}"', (label, before)
    if labels is not None:
        assert [label for label, _ in shown["labels"]] == [
            label for label in labels if label in dict(shown["labels"])]


def test_the_matrix_on_a_phone_names_its_tasks_not_only_their_ids(phone, base, real_site) -> None:
    phone.goto(base + PAGE_TYPES["plan matrix"])
    links = phone.locator("table.ps-matrix .ps-cell-tasks a")
    assert links.count() > 0
    first = links.first
    title = first.get_attribute("title")
    assert first.locator(".ps-cell-title").is_visible()
    assert title in first.inner_text()
    # the same page on a wide screen keeps the compact grid of ids
    phone.set_viewport_size({"width": 1280, "height": 900})
    try:
        assert not first.locator(".ps-cell-title").is_visible()
    finally:
        phone.set_viewport_size(PHONE)


def test_a_table_that_still_scrolls_says_so_in_words(phone, base) -> None:
    phone.goto(base + PAGE_TYPES["downloads"])
    boxes = phone.locator(".ps-scroll")
    states = boxes.evaluate_all("""bs => bs.map(b => [b.scrollWidth > b.clientWidth + 1,
        b.hasAttribute('data-overflowing'), getComputedStyle(b, '::before').content])""")
    assert states
    for scrolls, marked, cue in states:
        assert scrolls == marked
        assert ("左右滑动" in cue) == scrolls


def test_search_opens_and_answers_on_the_phone(phone, base) -> None:
    phone.goto(base)
    phone.locator(".md-header label[for=__search]").first.click()
    box = phone.locator("#ps-search-input")
    assert box.is_visible()
    box.fill("发改委")
    first = phone.locator("#ps-search-results a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href").endswith("departments/fazhangaigewei/")
    # once the box has opened: while the theme's overlay grows from the search button (a
    # transition of 0.3 s) it reaches past the screen, and the results may come sooner (the
    # index is in the browser's cache after an earlier search)
    phone.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    first.click()
    phone.wait_for_url("**/departments/fazhangaigewei/")
