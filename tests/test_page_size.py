"""A page must not grow with the number of pages of the site: the O(pages²) navigation trap.

MkDocs themes print the navigation on every page; a site that lists its records in the nav
writes every record's link on every page, so each page grows with the site and the whole site
with its square (DESIGN.md: 550 KB a page at 2,000 pages in one flat section). Two synthetic
sites, one four times the other, are built; the page frame (everything but the article) of the
same department page and of the median page must stay the same size.

Nor may a page grow with the data: long lists (indicators, departments, deadlines, a plan's
tasks, its matrix) go on over numbered pages, so the largest page of a repository four times
larger, with plans four times longer, is about as large.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

import pytest

from factories import copy_site_files
from plansite.adapter.build import build_site
from plansite.model import urls
from plansite.reading.repository import load_repository
from plansite.site.pages import site_pages
from plansite.site import views
from plansite.site.render import Site
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


# -- long lists: no page grows with the data ----------------------------------------------------
def rendered(root: Path, scale: int) -> dict[str, int]:
    """The size of every generated page's content for a synthetic repository of two plans,
    ``scale`` times 240 tasks: the plans themselves grow, not only their number."""
    synth_repository(root, tasks=240 * scale, departments=40 * scale, indicators=120 * scale,
                     plans=2, seed=5)
    repo, problems = load_repository(root)
    assert not problems.errors
    site = Site(repo)
    site.download_sizes = lambda: defaultdict(int)
    return {page.url: len(str(site.renderer(page.url).page(
        page.kind, *page.args, number=page.number)).encode("utf-8"))
        for page in site_pages(repo)}


@pytest.fixture(scope="module")
def contents(tmp_path_factory) -> tuple[dict[str, int], dict[str, int]]:
    return (rendered(tmp_path_factory.mktemp("one"), 1),
            rendered(tmp_path_factory.mktemp("four"), 4))


def test_the_largest_page_does_not_grow_with_the_data(contents) -> None:
    small, large = contents
    before, after = max(small.values()), max(large.values())
    largest = max(large, key=large.__getitem__)
    assert after <= before * 1.5, f"largest page {before} -> {after} bytes ({largest})"
    assert after < 1024 * 1024


def test_the_home_page_does_not_grow_with_the_data(contents) -> None:
    """The home page sums up the whole site (its roll-up of progress lists the first tasks
    needing attention, not all of them)."""
    small, large = contents
    home = urls.INDEX_URLS["home"]
    assert large[home] <= small[home] * 1.5, f"home page {small[home]} -> {large[home]} bytes"


def test_every_long_list_goes_on_over_numbered_pages(contents) -> None:
    _, large = contents
    assert "indicators/page/2/" in large
    assert "indicators/page/1/" not in large  # the first page is the list's own address
    plans = [url for url in large if re.fullmatch(r"plans/[a-z0-9-]+/", url)]
    assert len(plans) == 2
    for plan in plans:
        assert f"{plan}page/2/" in large, plan
        assert f"matrix/{plan[len('plans/'):]}page/2/" in large, plan


def test_each_plans_indicator_rows_are_a_file_of_their_own(tmp_path) -> None:
    synth_repository(tmp_path, tasks=300, departments=40, indicators=150, plans=2, seed=5)
    repo, _ = load_repository(tmp_path)
    written = Site(repo).write_chunks(tmp_path / "site")
    assert written == len(repo.plans) + 1  # and the filter's choices
    for plan in repo.plans.values():
        chunk = json.loads((tmp_path / "site" / "indicators" / "rows" / f"{plan.id}.json")
                           .read_text(encoding="utf-8"))
        assert chunk["plan"] == plan.id
        assert len(chunk["rows"]) == len(plan.indicators)
        # links are relative to the file, two folders below the site's root
        assert all('href="../../indicators/' in row for row in chunk["rows"])


def test_a_paged_indicator_list_loads_its_plans_and_departments_from_one_file(tmp_path) -> None:
    """Every page of the indicator list once printed every plan and department as a filter
    choice: 1.7 MB of each 2.1 MB page at 16x (4,800 departments). A page of a paged list
    now prints only the fixed choices (type, status); the rest is one file for all pages."""
    synth_repository(tmp_path, tasks=300, departments=40, indicators=450, plans=2, seed=5)
    repo, _ = load_repository(tmp_path)
    site = Site(repo)
    site.download_sizes = lambda: defaultdict(int)
    page = next(p for p in site_pages(repo) if p.url == "indicators/page/2/")
    html = str(site.renderer(page.url).page(page.kind, *page.args, number=page.number))
    offered = re.findall(r'<option value="([^"]*)"', html)
    assert sorted(offered) == sorted(["", "binding", "expected", "monitoring", "",
                                      *views.STATUSES, "", ""])
    assert 'data-choices="../../../indicators/filter-choices.json"' in html
    Site(repo).write_chunks(tmp_path / "site")
    choices = json.loads((tmp_path / "site" / urls.indicator_choices_url())
                         .read_text(encoding="utf-8"))
    assert [value for value, _, _ in choices["plan"]] == list(repo.plans)
    owners: dict[str, set[str]] = defaultdict(set)
    for ind in repo.indicators.values():
        for dept in repo.index.indicator_departments[ind.id]:
            owners[dept].add(ind.plan)
    assert {value: set(plans.split()) for value, _, plans in choices["departments"]} == owners
    assert all(words == repo.departments[value].name
               for value, words, _ in choices["departments"])
