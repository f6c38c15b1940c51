"""The work of a build that needs only the loaded data, done beside the page rendering (in
forked processes, :mod:`plansite.background`), and the files it leaves in the site: the
downloads, the matrix CSVs, the schemas, the headers file, the search index and the link check.
"""

from __future__ import annotations

import html
import logging
import re
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from plansite.background import Background
from plansite.model.fields import schema_files
from plansite.model.repository import Repository
from plansite.analysis.progress import Progress
from plansite.publishing.feeds import feed_files
from plansite.publishing.matrix import write_matrix_csvs
from plansite.publishing.tables import downloads as download_files
from plansite.site.linkcheck import BrokenLink, LinkCheckJob
from plansite.site.search import PageLayout, SearchIndexJob

log = logging.getLogger("mkdocs.plugins.plansite")

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"')


def write_headers(site: Path) -> None:
    """``_headers`` for hosts that send headers from a file (Netlify, Cloudflare Pages): the
    Content-Security-Policy the pages carry in their <head>, for every address, where the
    header also covers what a meta tag cannot (a page shown in another site's frame). The search
    index may be read from any site: a portal gathering this one searches it from its pages."""
    home = site / "index.html"
    found = _POLICY.search(home.read_text(encoding="utf-8")) if home.exists() else None
    if found is None:
        return
    policy = html.unescape(found.group(1))
    (site / "_headers").write_text(
        f"/*\n  Content-Security-Policy: {policy}; frame-ancestors 'self'\n"
        "  X-Content-Type-Options: nosniff\n"
        # a portal's search box (on another host) merges this site's search index
        "/pagefind/*\n  Access-Control-Allow-Origin: *\n", encoding="utf-8")


def write_feeds(site: Path, repo: Repository, progress: Progress, root_url: str,
                lang: str) -> None:
    """The Atom feeds and the departments' deadline calendars, at their addresses; links in
    them start with ``root_url`` (the site's address, or the path it is served under)."""
    root_url = root_url.rstrip("/") + "/"
    for name, data in feed_files(repo, progress, root_url, lang).items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


class Beside:
    """The downloads, the search index and the link check of one build, started once the data is
    loaded and the pages are known, finished once the pages are written."""

    def __init__(self) -> None:
        self.downloads_job: Background | None = None
        self.download_files: dict[str, bytes] | None = None
        self.search_job: SearchIndexJob | None = None
        self.link_job: LinkCheckJob | None = None
        # the reader-written pages not yet written, and whether the search index was told
        self.authored_left: set[str] = set()
        self.generated_urls: list[str] = []
        self.search_told = False
        # the downloads and the link check of the last deferred finish, perhaps still at work
        self.later: Background | None = None
        self.later_links: LinkCheckJob | None = None
        self.writer: threading.Thread | None = None  # writes what the later work made
        # the work of a deferred build, started once its pages (``written``) are written
        self.pending: Callable[[], None] | None = None
        self.written: list[str] = []

    def start(self, repo: Repository, site_dir: Path, base_url: str, lang: str,
              layout: PageLayout, check_links: bool, generated_urls: Iterable[str],
              authored: Iterable[str], deferred: bool = False) -> None:
        """Start the work for a build of ``repo`` into ``site_dir``. ``generated_urls`` are the
        pages whose words the search records hold already; ``authored`` the source paths of
        the reader-written pages the index reads once they are written.

        ``deferred`` (a served site written again in part): the work starts once the pages
        are written (:meth:`finish_later`), the link check reads the pages this build wrote,
        and the build does not wait for the downloads and the search index, which replace the
        site's once made."""
        self.stop()
        self.generated_urls = list(generated_urls)
        self.authored_left = set(authored)
        self.search_told = False
        self.written = []
        self.pending = partial(self._start_jobs, repo, site_dir, base_url, lang, layout,
                               check_links, deferred)
        if not deferred:
            self._start_jobs_now()

    def _start_jobs_now(self) -> None:
        if self.pending is not None:
            start, self.pending = self.pending, None
            start()

    def _start_jobs(self, repo: Repository, site_dir: Path, base_url: str, lang: str,
                    layout: PageLayout, check_links: bool, deferred: bool) -> None:
        self.downloads_job = Background(lambda receive: download_files(repo, base_url, lang))
        self.search_job = SearchIndexJob(site_dir, repo, layout, lang, swap=deferred)
        if check_links:
            self.link_job = LinkCheckJob(site_dir, written_only=deferred)
        if self.link_job is not None:
            for dest_uri in self.written:
                self.link_job.page_written(dest_uri)

    def stop(self) -> None:
        """Stop the work of the last build; the files it was writing into the site are
        written before this returns (the next build may move the site aside)."""
        for job in (self.downloads_job, self.search_job, self.link_job, self.later,
                    self.later_links):
            if job is not None:
                job.cancel()
        if self.writer is not None:
            self.writer.join()
            self.writer = None
        self.downloads_job = self.search_job = self.link_job = None
        self.later = self.later_links = self.pending = None
        self.download_files = None

    def downloads(self) -> dict[str, bytes]:
        """The files of ``/downloads/`` (made once a build: the page and the end share them)."""
        if self.download_files is None:
            assert self.downloads_job is not None, "the downloads are made once the files are known"
            job, self.downloads_job = self.downloads_job, None
            self.download_files = job.result()
        return self.download_files

    def download_sizes(self) -> dict[str, int]:
        return {name: len(data) for name, data in self.downloads().items()}

    def page_written(self, src_uri: str, dest_uri: str) -> None:
        """The page of ``src_uri`` is being written to ``dest_uri``."""
        if self.pending is not None:  # the work starts later: it will read what was written
            self.written.append(dest_uri)
        if self.link_job is not None:
            self.link_job.page_written(dest_uri)
        if not self.authored_left:  # every one was named before this page, so is written
            self.tell_search()
        self.authored_left.discard(src_uri)

    def tell_search(self) -> None:
        """The reader-written pages are on disk: the search index can read them and finish."""
        if self.search_job is not None and not self.search_told:
            self.search_job.pages_written(self.generated_urls)
            self.search_told = True

    def finish(self, site: Path, repo: Repository, base_url: str, lang: str) -> list[BrokenLink]:
        """Write the files into ``site``, wait for the search index, and return the broken
        internal links the check found."""
        self.write_files(site, repo, lang, self.downloads())
        self.tell_search()
        broken = self.broken_links(base_url)
        if not broken:
            job, self.search_job = self.search_job, None
            assert job is not None
            job.wait()
        return broken

    def broken_links(self, base_url: str) -> list[BrokenLink]:
        """The broken internal links the check found, once the pages are written."""
        if self.link_job is None:
            return []
        job, self.link_job = self.link_job, None
        return job.broken(base_url)

    @staticmethod
    def write_files(site: Path, repo: Repository, lang: str, files: dict[str, bytes]) -> None:
        """The downloads ``files``, the matrix CSVs, the schemas and the headers."""
        downloads = site / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        # the same bytes `plansite export` writes: JSON, CSV, XLSX, datapackage.json
        for name, data in files.items():
            (downloads / name).write_bytes(data)
        write_matrix_csvs(repo, downloads, lang)
        schema_dir = site / "schema"
        schema_dir.mkdir(exist_ok=True)
        for name, text in schema_files().items():
            (schema_dir / name).write_text(text, encoding="utf-8")
        write_headers(site)

    def finish_later(self, site: Path, repo: Repository, base_url: str, lang: str,
                     made: Callable[[dict[str, int]], None], feeds: Callable[[], None]) -> None:
        """Let the search index finish on its own; from a thread, write the ``feeds``, report
        the broken links of the pages written (in the terminal: the pages are served already)
        and write the files once the downloads are made, then tell ``made`` their sizes. A
        later build's :meth:`start` stops what is left of it."""
        self._start_jobs_now()
        self.tell_search()  # it swaps its index in when whole, unless the next start stops it
        job, self.downloads_job = self.downloads_job, None
        links, self.link_job = self.link_job, None
        assert job is not None
        self.later, self.later_links = job, links

        def write() -> None:
            feeds()  # reports its own failure (Rebuilds.finish)
            try:
                broken = links.broken(base_url) if links is not None else []
                for link in broken:
                    log.warning("plansite: broken internal link: %s", link)
                files = job.result()
                self.write_files(site, repo, lang, files)
            except Exception as exc:  # noqa: BLE001 - stopped by a later build, which makes them
                if job.cancelled:
                    log.info("plansite: the last build's downloads were stopped before they "
                             "were written")
                else:
                    log.info("plansite: the downloads were not written: %s", exc)
                return
            made({name: len(data) for name, data in files.items()})

        self.writer = threading.Thread(target=write, daemon=True, name="plansite-downloads")
        self.writer.start()
