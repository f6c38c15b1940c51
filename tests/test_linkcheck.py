"""The link check: every internal link and anchor of a written site, given page by page as the
build writes them or read from the folder at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite.site.linkcheck import LinkCheckJob, SiteLinks, check_site

PAGES = {
    "index.html": '<h1 id="top">首页</h1><a href="plans/">规划</a><a href="plans/demo/#t-1">任务</a>'
                  '<link rel="stylesheet" href="assets/a.css"><a href="https://example.org/">外</a>',
    "plans/index.html": '<a href="../">首页</a><a href="demo/">示例</a><a href="../missing/">无</a>',
    "plans/demo/index.html": '<section id="t-1"></section><a href="#t-2">下一项</a>'
                             '<a title="a&lt;b" href="../../#top">顶</a>'
                             '<script>var s = "<a href=\\"gone/\\">";</script>'
                             '\n<!-- <a href="commented/"> --><a href="#gone">x</a>',
    "404.html": '<a href="/plans/">规划</a>',
}
BROKEN = [
    "plans/demo/index.html:1: #t-2: no anchor #t-2",
    "plans/demo/index.html:2: #gone: no anchor #gone",
    "plans/index.html:1: ../missing/: no such page or file",
]


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    for rel, text in PAGES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("", encoding="utf-8")
    return tmp_path


def test_broken_links_and_anchors_are_found_and_nothing_else(site):
    assert sorted(str(b) for b in check_site(site)) == BROKEN


@pytest.mark.parametrize("use_process", [True, False], ids=["process", "thread"])
def test_pages_named_as_written_are_read_once_the_next_one_is_named(tmp_path, use_process):
    job = LinkCheckJob(tmp_path, use_process=use_process)
    for rel, text in PAGES.items():
        if rel == "404.html":  # the theme's 404 page is written without being named
            continue
        job.page_written(rel)  # named first, then written, as MkDocs does
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "404.html").write_text(PAGES["404.html"], encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("", encoding="utf-8")
    assert sorted(str(b) for b in job.broken()) == BROKEN


def test_the_text_given_is_what_is_checked(site):
    links = SiteLinks()
    links.add_page("plans/index.html", '<a href="../">首页</a>')  # the build's final text
    assert sorted(str(b) for b in links.check(site)) == BROKEN[:2]
