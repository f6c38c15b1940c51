"""The search index: the records written into ``site/pagefind/`` by Pagefind beside the build."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from plansite.background import Background
from plansite.model.repository import Repository
from plansite.site.search.records import (RECORD_CLASS, PageLayout, SearchRecord, page_record,
                                          release_segmenter, search_records)
from plansite.site.search.tokens import INDEX_LANGUAGE

log = logging.getLogger(__name__)

NAMES_FILE = "plansite-names.json"
"""Beside the index: the department and indicator names the search box suggests when a query
finds nothing (loaded only then)."""

INDEX_WRITE_POLLS = 300
"""How many tenths of a second to wait for Pagefind to finish writing its files."""


def page_url(site_dir: Path, path: Path) -> str:
    """The site-relative URL of a built HTML file (``plans/index.html`` -> ``plans/``)."""
    rel = path.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


INDEXER_ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}
"""Pagefind's allocator (jemalloc) is told to give memory back as soon as it is freed. Pagefind
builds its index in steps that each free what the step before made; kept for later use, that
memory was its peak: at 5,000 tasks 918 MB, with this 781 MB, for under a second more of its
processor time (``bench/results.md``). A value set in the environment wins."""

SEND_BATCH = 200
"""Records sent to Pagefind before waiting for its answers: the service works while we write."""


def _pagefind_service():
    """Pagefind's indexing service, reading its answers as fast as they come.

    The packaged client sleeps 0.1 s before reading each answer, so indexing one record at a
    time costs at least 0.1 s a record: 7,600 records (5,000 tasks) took over 12 minutes. This
    reader takes each answer as soon as it is written and resolves the request it answers.
    """
    from pagefind.service import PagefindService

    class Service(PagefindService):
        async def launch(self) -> Service:
            # as the packaged launch does, with the allocator's settings in the environment
            self._backend = await asyncio.create_subprocess_exec(
                self._bin, "--service", cwd=os.getcwd(), env={**INDEXER_ALLOCATOR, **os.environ},
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT, limit=2**21)
            self._poll_task = self._loop.create_task(self._wait_for_responses())
            return self

        async def _wait_for_responses(self) -> None:
            assert self._backend.stdout is not None
            while True:
                output = b""
                try:
                    output = await self._backend.stdout.readuntil(b",")
                    answer = json.loads(base64.b64decode(output[:-1], validate=True))
                except Exception as exc:  # noqa: BLE001 - any end of the answers
                    # Pagefind stopped, or wrote a panic instead of an answer (it does when it
                    # cannot write its files): every waiting request fails, none waits for ever.
                    if isinstance(exc, asyncio.IncompleteReadError):
                        output = exc.partial
                    rest = b""
                    with contextlib.suppress(Exception):
                        rest = await asyncio.wait_for(self._backend.stdout.read(), 5)
                    said = (output + rest).decode("utf-8", "replace").strip()[-2000:]
                    for future in self._responses.values():
                        if not future.done():
                            future.set_exception(RuntimeError(
                                f"pagefind stopped answering: {said or type(exc).__name__}"))
                    return
                if answer is None:
                    continue
                payload = answer["payload"]
                message_id = answer.get("message_id")
                if message_id is None and payload.get("original_message"):
                    # an unreadable request is answered with the request itself
                    message_id = json.loads(payload["original_message"]).get("message_id")
                future = self._responses.get(message_id)
                if future is None or future.done():
                    continue
                if payload["type"] == "Error":
                    future.set_exception(RuntimeError(f"pagefind: {payload.get('message')}"))
                else:
                    future.set_result(payload)

    return Service()


async def _write_index(output: Path, records: list[SearchRecord], lang: str,
                       more: Callable[[], list[SearchRecord]] | None = None) -> int:
    """Index ``records``, then those ``more()`` returns (it may wait: it runs in a thread),
    into the folder ``output``."""
    from pagefind.index import IndexConfig

    config = IndexConfig(root_selector=f"article.{RECORD_CLASS}",
                         force_language=INDEX_LANGUAGE, output_path=str(output))
    service = await _pagefind_service().launch()
    count = 0
    try:
        index = await service.create_index(config)

        async def add(batch: list[SearchRecord]) -> None:
            for start in range(0, len(batch), SEND_BATCH):
                await asyncio.gather(*(index.add_html_file(url="/" + r.url, content=r.html(lang))
                                       for r in batch[start:start + SEND_BATCH]))

        await add(records)
        count = len(records)
        if more is not None:
            extra = await asyncio.get_running_loop().run_in_executor(None, more)
            await add(extra)
            count += len(extra)
        await index.write_files()
        # Pagefind answers before its last files are on disk; closing the service then cuts
        # the entry file short (an empty pagefind-entry.json was seen on a loaded machine).
        for _ in range(INDEX_WRITE_POLLS):
            if index_complete(output):
                break
            await asyncio.sleep(0.1)
    finally:
        await service.close()
    if not index_complete(output):
        raise RuntimeError(f"the search index in {output} was not written whole")
    (output / NAMES_FILE).write_text(
        json.dumps(suggestion_names(records), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")
    return count


def suggestion_names(records: Iterable[SearchRecord]) -> list[list[str]]:
    """``[name, url, kind]`` for every department (by each of its names) and indicator: what
    the search box offers when nothing matches, the closest first."""
    out = []
    for record in records:
        if record.kind in ("department", "indicator"):
            out.extend([name, record.url, record.kind]
                       for name in dict.fromkeys((record.title, *record.terms))
                       if name.strip())
    return out


def index_complete(folder: Path) -> bool:
    """Whether a Pagefind index is whole: its entry file reads, and the files it names exist."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = entry["languages"].values()
    except (OSError, ValueError, KeyError, AttributeError):
        return False
    return all((folder / f"pagefind.{lang['hash']}.pf_meta").is_file() for lang in languages) \
        and (folder / "pagefind.js").is_file()


def page_records(site_dir: Path, skip_urls: Iterable[str],
                 layout: PageLayout) -> list[SearchRecord]:
    """Records of the built pages of ``site_dir`` whose URLs are not in ``skip_urls``."""
    skip = set(skip_urls) | {"404.html"}
    records = []
    for path in sorted(site_dir.rglob("*.html")):
        url = page_url(site_dir, path)
        if url in skip or url.startswith("pagefind/"):
            continue
        record = page_record(url, path.read_text(encoding="utf-8"), layout)
        if record is not None:
            records.append(record)
    return records


def write_search_index(site_dir: Path, repo: Repository, skip_urls: Iterable[str],
                       layout: PageLayout, lang: str = "zh") -> int:
    """Index ``repo`` and the built pages not in ``skip_urls`` into ``site_dir/pagefind/``.

    ``skip_urls`` are the site-relative URLs of the generated pages, whose words the records
    already hold. Returns the number of records indexed.
    """
    job = SearchIndexJob(site_dir, repo, layout, lang, use_process=False)
    job.pages_written(skip_urls)
    return job.wait()


class SearchIndexJob:
    """The search index made beside the build: started once the data is loaded, finished once
    the pages are written.

    The records of the data (and jieba's keywords, the costly part) are made and sent to
    Pagefind while the pages render; :meth:`pages_written` adds the built reader-written pages
    and :meth:`wait` waits for the index files. Only the data is needed to start, so the whole
    index is no longer a step after the build. ``layout`` says where a built page holds its
    content. With ``swap`` the index is written apart and replaces the site's at once when
    whole: a served site keeps searching its last index while the next one is made.
    """

    def __init__(self, site_dir: Path, repo: Repository, layout: PageLayout, lang: str = "zh",
                 use_process: bool | None = None, swap: bool = False):
        self.site_dir = Path(site_dir)
        self.job = Background(partial(_index_beside, self.site_dir, repo, layout, lang, swap),
                              use_process=use_process)

    def pages_written(self, skip_urls: Iterable[str]) -> None:
        """The pages are on disk: index those not in ``skip_urls`` (the generated ones)."""
        self.job.send(list(skip_urls))

    def wait(self) -> int:
        """Wait until the index files are written; the number of records indexed."""
        count = self.job.result()
        log.info("search: %d records indexed into %s", count, self.site_dir / "pagefind")
        return count

    def cancel(self) -> None:
        self.job.cancel()


def _index_beside(site_dir: Path, repo: Repository, layout: PageLayout, lang: str, swap: bool,
                  receive: Callable[[], Any]) -> int:
    records = search_records(repo, lang)
    if multiprocessing.parent_process() is not None:
        # a worker process (of this job, or a program's that indexes a site): it makes no more
        # records, and a later search_records would read the tables again
        release_segmenter()
    final = site_dir / "pagefind"
    output = site_dir / ".pagefind-next" if swap else final
    if swap:
        shutil.rmtree(output, ignore_errors=True)
    # A thread of its own gets a fresh event loop even when the caller runs one already
    # (a build started from a program that uses asyncio, such as a browser test).
    with ThreadPoolExecutor(max_workers=1) as pool:
        count = pool.submit(asyncio.run, _write_index(
            output, records, lang, lambda: page_records(site_dir, receive(), layout))).result()
    if swap:  # the whole new index replaces the old one at once
        old = site_dir / ".pagefind-old"
        shutil.rmtree(old, ignore_errors=True)
        if final.exists():
            final.rename(old)
        output.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    return count
