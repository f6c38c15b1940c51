"""A page must not grow with the number of pages of the site: the O(pages²) navigation trap.

MkDocs themes print the navigation on every page; a site that lists its records in the nav
writes every record's link on every page, so each page grows with the site and the whole site
with its square (DESIGN.md: 550 KB a page at 2,000 pages in one flat section). Two synthetic
sites, one four times the other, are built; the page frame (everything but the article) of the
same department page and of the median page must stay the same size.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from factories import copy_site_files
from plansite.adapter.build import build_site
from plansite.synthetic import synth_repository

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
SAME_PAGE = "departments/sheng-fagai/index.html"
"""A department both sites hold (the registry lists the most-named departments first)."""


def build(root: Path, tasks: int, departments: int, indicators: int) -> Path:
    synth_repository(root, tasks=tasks, departments=departments, indicators=indicators, seed=5)
    copy_site_files(root)
    code, output = build_site(root)
    assert code == 0, output[-3000:]
    return root / "site"


def frame(page: Path) -> int:
    """Bytes of a page outside its article: header, navigation, footer."""
    return len(ARTICLE.sub("", page.read_text(encoding="utf-8")).encode("utf-8"))


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    small = build(tmp_path_factory.mktemp("small"), 60, 40, 20)
    large = build(tmp_path_factory.mktemp("large"), 240, 160, 80)
    return small, large


def test_the_large_site_has_over_three_times_the_pages(sites) -> None:
    small, large = sites
    assert len(pages(large)) > 3 * len(pages(small))  # the fixed pages are the same


def test_a_page_frame_does_not_grow_with_the_site(sites) -> None:
    small, large = sites
    before, after = frame(small / SAME_PAGE), frame(large / SAME_PAGE)
    assert after <= before * 1.02, f"{SAME_PAGE}: frame {before} -> {after} bytes"


def test_the_median_page_does_not_grow_with_the_site(sites) -> None:
    small, large = sites
    frames = [statistics.median(frame(p) for p in pages(s)) for s in (small, large)]
    assert frames[1] <= frames[0] * 1.02, f"median frame {frames[0]} -> {frames[1]} bytes"
    sizes = [statistics.median(p.stat().st_size for p in pages(s)) for s in (small, large)]
    assert sizes[1] <= sizes[0] * 1.10, f"median page {sizes[0]} -> {sizes[1]} bytes"
