"""The work of a build that needs only the loaded data, done beside the page rendering (in
forked processes, :mod:`plansite.background`), and the files it leaves in the site: the
downloads, the matrix CSVs, the schemas, the headers file, the search index and the link check.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
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

    def start(self, repo: Repository, site_dir: Path, base_url: str, lang: str,
              layout: PageLayout, check_links: bool, generated_urls: Iterable[str],
              authored: Iterable[str]) -> None:
        """Start the work for a build of ``repo`` into ``site_dir``. ``generated_urls`` are the
        pages whose words the search records hold already; ``authored`` the source paths of
        the reader-written pages the index reads once they are written."""
        self.stop()
        self.downloads_job = Background(lambda receive: download_files(repo, base_url, lang))
        self.search_job = SearchIndexJob(site_dir, repo, layout, lang)
        if check_links:
            self.link_job = LinkCheckJob(site_dir)
        self.generated_urls = list(generated_urls)
        self.authored_left = set(authored)
        self.search_told = False

    def stop(self) -> None:
        for job in (self.downloads_job, self.search_job, self.link_job):
            if job is not None:
                job.cancel()
        self.downloads_job = self.search_job = self.link_job = None
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
        downloads = site / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        # the same bytes `plansite export` writes: JSON, CSV, XLSX, datapackage.json
        for name, data in self.downloads().items():
            (downloads / name).write_bytes(data)
        write_matrix_csvs(repo, downloads, lang)
        schema_dir = site / "schema"
        schema_dir.mkdir(exist_ok=True)
        for name, text in schema_files().items():
            (schema_dir / name).write_text(text, encoding="utf-8")
        write_headers(site)
        self.tell_search()
        broken: list[BrokenLink] = []
        if self.link_job is not None:
            job, self.link_job = self.link_job, None
            broken = job.broken(base_url)
        if not broken:
            job, self.search_job = self.search_job, None
            assert job is not None
            job.wait()
        return broken
