"""The responsibility matrix in a real browser: sorting by mouse and keyboard, the header row
and department column that stay in view while the table scrolls, and a phone-width page that
does not scroll sideways itself (only the matrix's own box does)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PLAN = "city-12th-fyp"
TABLE = f"#matrix-{PLAN}-table"
BOX = f"div.ps-matrix-scroll:has({TABLE})"


@pytest.fixture()
def open_matrix(page, real_site, serve_site):
    """Open the plan's matrix page at a given width once the sort buttons are in place; returns the page."""
    base = serve_site(real_site)

    def open_at(width: int = 1280, height: int = 900):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(base + f"matrix/{PLAN}/")
        page.locator(f"{TABLE} thead .ps-sort").first.wait_for(state="attached")
        # bring the box just below the theme's fixed header, so points in it can be hit-tested
        page.locator(BOX).evaluate(
            "box => window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 120)")
        return page

    return open_at


def column_values(page, column: str) -> list[int]:
    """The sort value (task count) of each body row in ``column``, top to bottom."""
    return page.eval_on_selector_all(
        f"{TABLE} tbody tr",
        "(rows, column) => rows.map("
        "r => Number(r.querySelector(`td[data-column='${column}']`).dataset.sort))", column)


def sort_button(page, column: str):
    return page.locator(f'{TABLE} thead th[data-column="{column}"] .ps-sort')


def aria_sort(page, column: str) -> str | None:
    return page.locator(f'{TABLE} thead th[data-column="{column}"]').get_attribute("aria-sort")


def test_clicking_the_total_header_sorts_ascending_then_descending(open_matrix):
    page = open_matrix()
    built = column_values(page, "total")
    # as built (and without JavaScript): most tasks first, and the totals differ
    assert built == sorted(built, reverse=True) and built[0] > built[-1]
    assert aria_sort(page, "total") == "descending"

    sort_button(page, "total").click()
    assert column_values(page, "total") == sorted(built)
    assert aria_sort(page, "total") == "ascending"

    sort_button(page, "total").click()
    assert column_values(page, "total") == sorted(built, reverse=True)
    assert aria_sort(page, "total") == "descending"


def test_clicking_a_chapter_header_sorts_by_that_chapter(open_matrix):
    page = open_matrix()
    chapters = page.eval_on_selector_all(
        f"{TABLE} thead th[data-column]", "ths => ths.map(th => th.dataset.column)")[1:-1]
    # a chapter whose order differs from the order by total, so the click visibly re-sorts
    chapter = next(c for c in chapters
                   if column_values(page, c) != sorted(column_values(page, c), reverse=True))
    before = column_values(page, chapter)

    sort_button(page, chapter).click()
    assert column_values(page, chapter) == sorted(before, reverse=True)
    assert aria_sort(page, chapter) == "descending"
    assert aria_sort(page, "total") is None

    sort_button(page, chapter).click()
    assert column_values(page, chapter) == sorted(before)
    assert aria_sort(page, chapter) == "ascending"


def test_sorting_works_from_the_keyboard(open_matrix):
    page = open_matrix()
    built = column_values(page, "total")
    target = sort_button(page, "total")
    assert target.evaluate("b => b.tagName") == "BUTTON"
    assert target.get_attribute("aria-label")
    page.locator(BOX).focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if target.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the sort button of the total column")
    # the reader sees where the focus is
    outline = target.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline not in ("", "none"), outline

    page.keyboard.press("Enter")
    assert column_values(page, "total") == sorted(built)
    assert aria_sort(page, "total") == "ascending"
    page.keyboard.press("Enter")
    assert column_values(page, "total") == sorted(built, reverse=True)


# Where a cell is relative to its box, and what the reader sees at its centre, before and
# after the box scrolls by (dx, dy).
SCROLL = """([boxSelector, selector, dx, dy]) => {
  const box = document.querySelector(boxSelector);
  const cell = box.querySelector(selector);
  const place = () => {
    const b = box.getBoundingClientRect(), c = cell.getBoundingClientRect();
    const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
    return {top: c.top - b.top, left: c.left - b.left, width: c.width, height: c.height,
            seen: !!hit && cell.contains(hit)};
  };
  const before = place();
  box.scrollTop += dy;
  box.scrollLeft += dx;
  return {before, after: place(), scrollTop: box.scrollTop, scrollLeft: box.scrollLeft,
          canScrollDown: box.scrollHeight > box.clientHeight,
          canScrollRight: box.scrollWidth > box.clientWidth};
}"""


def scroll_box(page, selector: str, dx: int = 0, dy: int = 0) -> dict:
    return page.evaluate(SCROLL, [BOX, selector, dx, dy])


def test_the_header_row_stays_in_view_when_the_box_scrolls_down(open_matrix):
    page = open_matrix()
    # the first chapter's header: in the viewport, so what covers it can be hit-tested
    moved = scroll_box(page, "thead th:nth-child(2)", dy=400)
    assert moved["canScrollDown"] and moved["scrollTop"] >= 300, moved
    # before: below the caption; after: pinned to the top edge of the box, and drawn over
    # the rows that scrolled under it
    assert moved["before"]["top"] > 0
    assert abs(moved["after"]["top"]) <= 1, moved
    assert moved["after"]["seen"], moved
    # the first body row did scroll away, so the header really stayed while the rows moved
    row = scroll_box(page, "tbody tr:first-child td[data-column='total']")
    assert row["before"]["top"] < 0, row


def test_the_department_column_stays_in_view_when_the_box_scrolls_sideways(open_matrix):
    page = open_matrix(width=700)
    moved = scroll_box(page, "tbody tr:first-child th", dx=300)
    assert moved["canScrollRight"] and moved["scrollLeft"] >= 200, moved
    assert abs(moved["before"]["left"]) <= 1 and abs(moved["after"]["left"]) <= 1, moved
    assert moved["after"]["seen"], moved
    # the corner header cell stays too, and is drawn over the scrolled headers
    corner = scroll_box(page, 'thead th[data-column="department"]')
    assert abs(corner["before"]["left"]) <= 1 and corner["before"]["seen"], corner
    # scrolling back moves the chapter cells but not the department
    chapter = scroll_box(page, "tbody tr:first-child td", dx=-100)
    assert chapter["after"]["left"] - chapter["before"]["left"] >= 99, chapter
    department = scroll_box(page, "tbody tr:first-child th", dx=-100)
    assert abs(department["after"]["left"]) <= 1, department


def test_on_a_phone_nothing_scrolls_sideways_the_matrix_reads_as_cards(open_matrix):
    # below 480 px each department is a card of its chapters (tests/test_mobile.py checks the
    # labels): neither the page nor the matrix box is wider than the phone
    page = open_matrix(width=375, height=740)
    widths = page.evaluate(f"""() => {{
      const box = document.querySelector({BOX!r});
      return {{page: document.documentElement.scrollWidth, body: document.body.scrollWidth,
               box: box.scrollWidth, boxVisible: box.clientWidth}};
    }}""")
    assert widths["page"] <= 375 and widths["body"] <= 375, widths
    assert widths["box"] <= widths["boxVisible"] + 1, widths
    assert widths["boxVisible"] <= 375, widths
