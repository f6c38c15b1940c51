"""The accessibility statement says only what the tests check: each claimed check names a test
that exists, the kinds of page it lists are those the browser tests visit, and the built page
prints every claim, its test, every kind of page and every known exception."""

from __future__ import annotations

import ast
from pathlib import Path

from lxml import html as lxml_html

from plansite.catalogue.labels import translate
from plansite.site.accessibility import CHECKS, EXCEPTIONS, PAGES_CHECKED, STANDARD
from site_pages import PAGE_TYPES

ROOT = Path(__file__).resolve().parent.parent


def test_every_claimed_check_is_a_test_that_exists() -> None:
    for check in CHECKS:
        assert check.tests
        for test in check.tests:
            file, function = test.split("::")
            tree = ast.parse((ROOT / file).read_text(encoding="utf-8"))
            names = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
            assert function in names and function.startswith("test_"), test


def test_the_kinds_of_page_listed_are_those_the_tests_visit() -> None:
    assert PAGES_CHECKED == tuple(PAGE_TYPES)


def test_the_statement_page_prints_every_claim(real_site) -> None:
    tree = lxml_html.fromstring((real_site / "accessibility/index.html").read_text("utf-8"))
    article = tree.xpath("//article")[0]
    assert STANDARD in article.text_content()
    checks = article.xpath("//ul[contains(@class,'ps-a11y-checks')]/li")
    assert [li.get("data-check") for li in checks] == [c.key for c in CHECKS]
    for li, check in zip(checks, CHECKS):
        assert translate(f"a11y_check_{check.key}") in li.text_content()
        assert [code.text_content() for code in li.xpath(".//code")] == list(check.tests)
    pages = [li.get("data-page")
             for li in article.xpath("//ul[contains(@class,'ps-a11y-pages')]/li")]
    assert pages == [*PAGES_CHECKED, "search"]
    exceptions = [li.get("data-exception")
                  for li in article.xpath("//ul[contains(@class,'ps-a11y-exceptions')]/li")]
    assert exceptions == list(EXCEPTIONS)


def test_the_statement_is_in_the_navigation(real_site) -> None:
    tree = lxml_html.fromstring((real_site / "index.html").read_text("utf-8"))
    assert tree.xpath("//a[contains(@class,'md-tabs__link') or contains(@class,'md-nav__link')]"
                      "[contains(@href,'accessibility/')]")
