"""The accessibility statement's claims, each with the test that backs it.

The statement page (``accessibility/``) prints these and nothing else: the level aimed at, each
check with the test that runs it, the kinds of page the checks visit and the known exceptions.
``tests/test_accessibility_statement.py`` fails when a claimed test is missing or a kind of page
the statement lists is not the list the tests visit, so the page cannot say more than is checked.
"""

from __future__ import annotations

from dataclasses import dataclass

STANDARD = "WCAG 2.2 AA"
"""The level the site aims to meet."""


@dataclass(frozen=True)
class Check:
    """One way the site is tested: its words (catalogue key ``a11y_check_<key>``) and the tests
    that run it, each as ``file::function``."""

    key: str
    tests: tuple[str, ...]


CHECKS: tuple[Check, ...] = (
    Check("axe", ("tests/test_a11y.py::test_no_serious_violation",
                  "tests/test_a11y.py::test_open_search_results_have_no_serious_violation")),
    Check("contrast", ("tests/test_a11y.py::test_no_serious_violation",)),
    Check("keyboard", ("tests/test_a11y.py::test_keyboard_only_walk_of_navigation_and_search",
                       "tests/test_a11y.py::test_keyboard_reaches_search_results")),
    Check("zoom", ("tests/test_a11y.py::test_nothing_scrolls_sideways_at_200_percent_zoom",)),
    Check("phone", ("tests/test_mobile.py::test_nothing_overflows_the_phone_screen",
                    "tests/test_mobile.py::test_a_wide_table_reads_as_one_card_per_row_with_"
                    "labelled_fields",
                    "tests/test_mobile.py::test_links_in_tables_are_big_enough_to_tap")),
)

PAGES_CHECKED: tuple[str, ...] = (
    "home", "plans index", "plan", "departments index", "department", "indicators index",
    "indicator", "downloads", "matrix", "plan matrix", "deadlines", "changes", "methodology",
    "accessibility", "not found",
)
"""The kinds of page the checks visit (``tests/site_pages.py`` holds their addresses); words:
catalogue key ``a11y_page_<name>``. Open search results are checked by axe too."""

EXCEPTIONS: tuple[str, ...] = ("browsers", "readers", "cards", "sources")
"""Known exceptions (catalogue key ``a11y_exception_<key>``)."""
