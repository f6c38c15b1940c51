"""The search records and their tokens: what the index holds for each task, department, indicator."""

from __future__ import annotations

import asyncio
import doctest
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import plansite.site.search as search
from factories import DEPARTMENTS, make_repo
from plansite.reading.repository import load_repository
from plansite.adapter.plugin import MATERIAL_LAYOUT
from plansite.site.search import (name_variants, page_record, search_records,
                             search_tokens, write_search_index)
from plansite.site.search.pagefind import INDEXER_ALLOCATOR, _pagefind_service
from plansite.site.search.records import NAMED_KINDS, KeyTerms, release_segmenter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def repo(tmp_path: Path):
    departments = DEPARTMENTS + [{"id": "fagaiwei", "name": "市发展改革委",
                                  "aliases": ["<b>发改</b>"]}]
    repository, problems = load_repository(make_repo(tmp_path, departments=departments))
    assert not problems.errors
    return repository


def test_examples_in_docstrings() -> None:
    assert doctest.testmod(search).failed == 0


def test_chinese_runs_become_overlapping_pairs_the_same_way_as_search_js() -> None:
    assert search_tokens("市住建委") == "市住 住建 建委 委"
    assert search_tokens("住建委", indexing=False) == "住建 建委"
    assert search_tokens("水", indexing=False) == "水"
    # width and case folded; numbers and Latin words kept whole
    assert search_tokens("５５％ ABC", indexing=False) == "55% abc"
    assert search_tokens("15.58万公顷", indexing=False) == "15.58 万公 公顷"


def test_search_js_uses_the_same_character_ranges(repo_root: Path) -> None:
    script = (repo_root / "plansite" / "adapter" / "theme" / "assets" / "search.js").read_text(encoding="utf-8")
    ranges = search.HAN.pattern.encode("unicode_escape").decode()  # [\u3400-\u4dbf...]+
    assert f"/{ranges}/g" in script


def test_search_js_starts_pagefind_in_the_language_of_the_index(repo_root: Path) -> None:
    # a zh page would have Pagefind cut each query of pairs into single characters
    script = (repo_root / "plansite" / "adapter" / "theme" / "assets" / "search.js").read_text(encoding="utf-8")
    assert f'var INDEX_LANGUAGE = "{search.tokens.INDEX_LANGUAGE}";' in script


@pytest.mark.parametrize("name, wanted", [
    ("市发展改革委", {"发改委", "发展改革委", "发展和改革委员会"}),
    ("市人社局", {"人社局", "人力资源和社会保障局"}),
    ("市城乡规划局", {"城乡规划局", "规划局"}),
    ("市住建委", {"住建委", "住房和城乡建设委员会"}),
])
def test_name_variants_find_abbreviations_and_full_names(name, wanted) -> None:
    assert wanted <= set(name_variants(name))


def test_prefix_of_a_party_committee_is_kept() -> None:
    # 市委宣传部 is the city party committee's department, not a "宣传部 of 市"
    assert "委员会宣传部" not in "".join(name_variants("市委宣传部"))


def test_every_record_kind_and_address(repo) -> None:
    records = {r.url: r for r in search_records(repo)}
    assert records["plans/demo/"].kind == "plan"
    assert records["plans/demo/#chapter-1"].kind == "chapter"
    task = records["plans/demo/tasks/1.1/"]
    assert task.kind == "task" and task.plan == "示例规划"
    assert task.context == "一、统筹城乡发展"
    assert "牵头部门：市住建委、市城乡规划局" in task.text
    assert records["departments/zhujianwei/"].terms[:2] == ("市住建委", "住建委")
    indicator = records["indicators/chengzhenhualv/"]
    assert indicator.kind == "indicator" and indicator.terms == ("城镇化率",)
    assert "城镇化率达到55%" in indicator.text


def test_record_html_escapes_data_and_carries_display_fields(repo) -> None:
    record = next(r for r in search_records(repo) if r.url == "departments/fagaiwei/")
    document = record.html("zh")
    assert "<b>" not in document and "&lt;b&gt;" in document
    assert 'data-pagefind-meta="kind" data-pagefind-filter="kind"' in document
    assert '>部门</span>' in document
    assert '<h1 data-pagefind-weight="10">市发 发展 展改 改革 革委 委</h1>' in document
    assert "发改 改委" in document  # the abbreviation is indexed as a term


def test_only_the_kinds_searched_again_on_their_own_carry_the_kind_filter(repo) -> None:
    # the search box's second search asks for departments and indicators alone: the filter
    # that search loads lists their records, not every task
    script = (ROOT / "plansite" / "adapter" / "theme" / "assets" / "search.js").read_text(
        encoding="utf-8")
    assert f'kind_id: {{ any: {json.dumps(list(NAMED_KINDS))} }}' in script
    filtered = 'data-pagefind-meta="kind_id" data-pagefind-filter="kind_id"'
    for record in search_records(repo):
        document = record.html("zh")
        assert 'data-pagefind-meta="kind_id"' in document
        assert (filtered in document) == (record.kind in NAMED_KINDS), record.url


def test_page_record_reads_only_the_content_article() -> None:
    document = ('<html><body><nav>导航 市住建委</nav><article class="md-content__inner md-typeset">'
                '<a class="md-content__button">编辑</a><h1>方法说明<a class="headerlink">¶</a></h1>'
                '<p>状态如何计算</p></article><footer>页脚</footer></body></html>')
    record = page_record("methodology/", document, MATERIAL_LAYOUT)
    assert record is not None
    assert record.title == "方法说明"
    assert record.text == "方法说明 状态如何计算"
    assert record.kind == "page"


def test_index_is_written_in_chunks(repo, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "methodology").mkdir(parents=True)
    (site / "methodology" / "index.html").write_text(
        '<article class="md-content__inner"><h1>方法说明</h1><p>说明</p></article>',
        encoding="utf-8")
    count = write_search_index(site, repo, skip_urls=[], layout=MATERIAL_LAYOUT)
    assert count == len(search_records(repo)) + 1
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == count
    assert list((site / "pagefind" / "index").glob("*.pf_index"))
    assert list((site / "pagefind" / "fragment").glob("*.pf_fragment"))


def test_index_is_written_from_inside_a_running_event_loop(repo, tmp_path: Path) -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    site = tmp_path / "site"
    site.mkdir()

    async def caller() -> int:
        return write_search_index(site, repo, skip_urls=[], layout=MATERIAL_LAYOUT)

    # the caller's loop runs on a thread of its own: this test session may hold one already
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, caller()).result() == len(search_records(repo))
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_an_index_cut_short_is_not_whole(repo, tmp_path: Path) -> None:
    from plansite.site.search import index_complete

    site = tmp_path / "site"
    site.mkdir()
    write_search_index(site, repo, skip_urls=[], layout=MATERIAL_LAYOUT)
    folder = site / "pagefind"
    assert index_complete(folder)
    (folder / "pagefind-entry.json").write_text("", encoding="utf-8")
    assert not index_complete(folder)


def test_index_made_beside_the_build_waits_for_the_written_pages(repo, tmp_path: Path) -> None:
    from plansite.site.search import SearchIndexJob

    site = tmp_path / "site"
    site.mkdir()
    job = SearchIndexJob(site, repo, MATERIAL_LAYOUT, use_process=True)
    # the page is written after the job started: it is read only once the pages are written
    (site / "methodology").mkdir()
    (site / "methodology" / "index.html").write_text(
        '<article class="md-content__inner"><h1>方法说明</h1><p>说明</p></article>',
        encoding="utf-8")
    (site / "plans").mkdir()
    (site / "plans" / "index.html").write_text(
        '<article class="md-content__inner"><h1>全部规划</h1></article>', encoding="utf-8")
    job.pages_written(["plans/"])
    assert job.wait() == len(search_records(repo)) + 1
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(search_records(repo)) + 1


def test_index_made_beside_the_build_reports_its_failure(repo, tmp_path: Path) -> None:
    from plansite.background import BackgroundError
    from plansite.site.search import SearchIndexJob

    site = tmp_path / "site"
    site.write_text("a file where the site folder should be", encoding="utf-8")
    job = SearchIndexJob(site, repo, MATERIAL_LAYOUT, use_process=True)
    job.pages_written([])
    # Pagefind cannot write its files there: its own words come back, nothing waits for ever
    with pytest.raises(BackgroundError, match="(?s)pagefind stopped answering.*Not a directory"):
        job.wait()


def test_the_built_site_indexes_every_record_and_every_reader_written_page(real_site) -> None:
    from plansite.reading.repository import load_repository

    root = Path(__file__).resolve().parent.parent
    repo, _ = load_repository(root)
    # the index reads the reader-written pages while the generated ones are still being written
    authored = list((root / "docs").rglob("*.md"))
    assert len(authored) == 3
    entry = json.loads((real_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(search_records(repo)) + len(authored)


def test_the_segmenter_let_go_is_read_again_when_needed(repo) -> None:
    """The search worker lets go of jieba's tables before Pagefind writes the index (the
    build's peak of memory); a later use reads them again and finds the same keywords."""
    import jieba
    import jieba.analyse

    text = "全面推进节能减排，单位生产总值能耗和主要污染物排放总量持续下降，完成上级下达的约束性指标。"
    before = KeyTerms(repo)(text)
    assert before
    release_segmenter()
    assert not jieba.dt.FREQ and not jieba.analyse.default_tfidf.idf_freq
    assert KeyTerms(repo)(text) == before


def _indexer_environment() -> dict[str, str]:
    """The environment of a Pagefind service as the search index launches it."""
    async def launched() -> bytes:
        service = await _pagefind_service().launch()
        try:
            with open(f"/proc/{service._backend.pid}/environ", "rb") as f:
                return f.read()
        finally:
            await service.close()

    # a thread of its own: a browser test before this one may run an event loop here
    with ThreadPoolExecutor(max_workers=1) as pool:
        environ = pool.submit(asyncio.run, launched()).result()
    pairs = (item.split("=", 1) for item in environ.decode().split("\0") if item)
    return dict(pairs)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_the_indexer_gives_freed_memory_back_unless_told_otherwise(monkeypatch) -> None:
    monkeypatch.delenv("_RJEM_MALLOC_CONF", raising=False)
    monkeypatch.setenv("PLANSITE_PROBE", "kept")
    environment = _indexer_environment()
    assert environment["_RJEM_MALLOC_CONF"] == INDEXER_ALLOCATOR["_RJEM_MALLOC_CONF"]
    assert "dirty_decay_ms:0" in environment["_RJEM_MALLOC_CONF"]
    assert environment["PLANSITE_PROBE"] == "kept"  # the rest of the environment goes along
    monkeypatch.setenv("_RJEM_MALLOC_CONF", "narenas:1")
    assert _indexer_environment()["_RJEM_MALLOC_CONF"] == "narenas:1"
