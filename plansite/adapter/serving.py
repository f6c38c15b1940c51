"""A served site written again in part: what ``mkdocs serve --dirty`` keeps from one build to
the next.

MkDocs builds the whole site again after every save. Under ``--dirty`` it writes again only the
pages whose :meth:`File.is_modified` says so, and leaves the others as they are in the site
folder. :class:`Rebuilds` answers that question for plansite's pages: it keeps the plan folders
as read (:class:`plansite.reading.repository.FolderCache`) and the last build's
:class:`~plansite.site.inputs.Snapshot`, and marks modified only the pages whose records
changed (:func:`~plansite.site.inputs.pages_to_render`). It also removes the pages of records
that are gone, puts the site aside while the data has problems (every address then shows them)
and back once they are fixed, and asks the server for one more build when the downloads made
beside a build change what the downloads page says.
"""

from __future__ import annotations

import gc
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from plansite.adapter.beside import Beside
from plansite.catalogue.labels import translate
from plansite.model.repository import Repository
from plansite.problems import Problem
from plansite.reading.git import run_git
from plansite.reading.repository import FolderCache
from plansite.site.inputs import Snapshot, changed_records, pages_to_render, snapshot
from plansite.site.pages import Page
from plansite.site.render import Site
from plansite.site.templates import Templates

log = logging.getLogger("mkdocs.plugins.plansite")

COLLECT_AFTER = 1.0
"""Seconds after a partial build ends before Python's cycle collector runs, once: the
browsers are told to reload first."""

DIRTY_WARNING = "A 'dirty' build is being performed"
"""The start of MkDocs' warning for every ``--dirty`` build, which a strict build counts."""


class DirtyBuildFilter(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation and links stale: plansite
    writes again every page whose records changed and removes the pages of records that are
    gone, so the warning would only fail the strict build it cannot apply to."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def _mtimes(folder: Path | None) -> tuple:
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted((p.as_posix(), p.stat().st_mtime_ns)
                        for p in folder.rglob("*") if p.is_file()))


def sizes_key(sizes: dict[str, int] | None) -> int:
    """The fingerprint of the download files' sizes, which the downloads page shows."""
    return hash(repr(sorted((sizes or {}).items())))


class Rebuilds:
    """What a served site keeps between builds (see the module's description)."""

    def __init__(self, dirty: bool) -> None:
        self.dirty = dirty
        self.cache = FolderCache()
        self.previous: Snapshot | None = None
        self.current: Snapshot | None = None
        self.written: dict[str, str] = {}  # the generated pages' addresses -> their files
        self.dests: dict[str, str] = {}  # the same, of this build
        self.to_render: set[str] = set()
        self.records_changed = True
        self.stash: Path | None = None
        self.written_over: set[str] = set()  # files the page of problems took the place of
        self.sizes: dict[str, int] | None = None
        self.unwritten = False  # what a build left to write after it failed: build all again
        self.trigger = Path(tempfile.mkdtemp(prefix="plansite-serve-")) / "downloads-made"
        self.trigger.write_text("", encoding="utf-8")
        self.rendered: list[str] = []  # the generated pages rendered by the last build
        # templates compiled once while the overrides stay the same: plansite's and the theme's
        self.overrides_seen: tuple | None = None
        self.templates: Templates | None = None
        self.theme_env: Any = None
        self.collect_later: threading.Timer | None = None  # the collector's run after a build

    def compiled(self, overrides: Path | None) -> Templates:
        """plansite's templates, compiled again only when a file of ``overrides`` changed."""
        seen = _mtimes(overrides)
        if self.templates is None or seen != self.overrides_seen:
            self.templates, self.theme_env, self.overrides_seen = Templates(overrides), None, seen
        return self.templates

    def theme(self, env: Any) -> Any:
        """The theme's template environment of the first build while the overrides stay the
        same (its templates compiled), with the globals and filters of this build's ``env``."""
        if self.theme_env is None:
            self.theme_env = env
            return env
        self.theme_env.globals.update(env.globals)
        self.theme_env.filters.update(env.filters)
        return self.theme_env

    @classmethod
    def serving(cls, dirty: bool) -> Rebuilds:
        """The rebuilds of a ``mkdocs serve`` session (``dirty``: run with ``--dirty``)."""
        if dirty:
            build_log = logging.getLogger("mkdocs.commands.build")
            if not any(isinstance(f, DirtyBuildFilter) for f in build_log.filters):
                build_log.addFilter(DirtyBuildFilter())
        return cls(dirty)

    @property
    def partial(self) -> bool:
        """Whether this build writes again only what changed (the last one succeeded)."""
        return self.dirty and self.previous is not None

    def context(self, root: Path, lang: str, as_of: int, overrides: Path | None,
                authored: Iterable[str], config_file: str | None) -> tuple:
        """What every page depends on at once: the language, the build date, the git commit
        (the history pages show), the theme overrides, the authored pages (the navigation)
        and mkdocs.yml."""
        head = run_git(root, "rev-parse", "--quiet", "--verify", "HEAD")
        config = Path(config_file).stat().st_mtime_ns if config_file else 0
        return (lang, as_of, head, _mtimes(overrides), tuple(sorted(authored)), config)

    def prepare(self, repo: Repository, site: Site, pages: dict[str, Page], files: Any,
                context: tuple) -> bool:
        """Before the pages render: which of ``pages`` (by source path) this build writes
        again, told to MkDocs through ``files``. True when it writes only those (the build
        then need not wait for the side work)."""
        if self.unwritten:  # the last build left files unwritten: this one writes everything
            self.previous, self.unwritten = None, False
        sizes = self.sizes if self.partial else None
        self.current = snapshot(repo, pages.values(), context, {"downloads": sizes_key(sizes)},
                                self.previous if self.partial else None)
        self.plan(self.current)
        self.dests = {}
        for file in files.documentation_pages():
            page = pages.get(file.src_uri)
            if page is not None:
                self.dests[page.url] = file.dest_uri
            self.mark(file, page.url if page is not None else None)
        if not self.partial:
            return False
        # the downloads page shows the sizes of the files last made; made again after the
        # build, they render it once more when they differ (downloads_made)
        site.download_sizes = lambda: dict(sizes or {})
        return True

    def finish(self, beside: Beside | None, site_dir: Path, repo: Repository, base_url: str,
               lang: str, feeds: Callable[[], None]) -> None:
        """After a build that wrote again only what changed: the feeds, the link check, the
        downloads and the search index left to finish beside (``beside`` is None when no
        record changed, and nothing was started: the feeds stay as they are)."""
        def write_feeds() -> None:
            try:
                feeds()
            except Exception as exc:  # noqa: BLE001 - shown in the terminal; the site is served
                # info, not a warning: a strict build counts the warnings of its own run, and
                # this one may come while that run ends
                log.info("plansite: the feeds were not written: %s", exc)
                self.unwritten = True  # the next build writes every page and file again

        if beside is not None:
            beside.finish_later(site_dir, repo, base_url, lang, self.downloads_made, write_feeds)
        self.succeeded(site_dir, self.sizes)

    def succeeded(self, site_dir: Path, sizes: dict[str, int] | None) -> None:
        """The build succeeded (the download files it knows of have ``sizes``): the pages gone
        are removed, and the next build compares with this one."""
        assert self.current is not None
        self.sizes = sizes
        self.remove_gone(site_dir, self.dests)
        self.current.records["downloads"] = sizes_key(self.sizes)
        self.previous = self.current
        self.written_over = set()
        log.info("plansite: %d generated page(s) rendered", len(self.rendered))
        self.resume_collector()

    def plan(self, after: Snapshot) -> set[str]:
        """The addresses to render in this build (every one unless it is partial)."""
        before = self.previous if self.partial else None
        self.to_render = pages_to_render(before, after)
        self.records_changed = before is None or before.context != after.context \
            or bool(changed_records(before.records, after.records))
        self.rendered = []
        return self.to_render

    def renders(self, url: str) -> bool:
        """Whether this build renders the page at ``url`` (and what goes with it) again."""
        return not self.partial or url in self.to_render

    def mark(self, file: Any, url: str | None) -> None:
        """Tell MkDocs whether ``file`` is written again: a generated page (``url``) when its
        records changed, an authored page when any record did (its macros may show them);
        every page when the build is not partial (the site folder may hold anything)."""
        if not self.dirty:
            return
        if not self.partial or file.dest_uri in self.written_over:
            modified = True
        elif url is not None:
            modified = url in self.to_render
        else:
            modified = self.records_changed or file.is_modified()
        file.is_modified = lambda: modified

    def remove_gone(self, site_dir: Path, written: dict[str, str]) -> None:
        """Delete the files of generated pages this build no longer lists."""
        for url, dest in self.written.items():
            if url not in written:
                path = site_dir / dest
                path.unlink(missing_ok=True)
                try:
                    path.parent.rmdir()  # the page's folder, when nothing else is in it
                except OSError:
                    pass
        self.written = dict(written)

    def failed(self) -> None:
        """A build failed part-way: the site folder is no longer what a snapshot says."""
        self.previous = None
        self.resume_collector()

    # -- Python's cycle collector -------------------------------------------------------------
    def pause_collector(self) -> None:
        """A partial build runs without Python's cycle collector, from the reading of the data
        to the build's end. Between saves the served process holds the last build's records,
        pages and snapshot, and the collector looked through all of them again and again
        while a build made new ones: about a second of a 4-second partial build at 1x. The
        objects of a build hold few cycles; they are collected once, when it is done."""
        self.collector_back()  # the last build's run would start it in the middle of this one
        if self.partial and not self.unwritten:
            gc.disable()

    def collector_back(self) -> None:
        """The collector on at once, its run after the last build no longer waited for."""
        if self.collect_later is not None:
            self.collect_later.cancel()
            self.collect_later = None
        gc.enable()

    def resume_collector(self) -> None:
        """The build is over: the collector runs once, :data:`COLLECT_AFTER` seconds later
        (after the browsers are told to reload), and from then on as usual."""
        if gc.isenabled():
            return

        def collect() -> None:
            gc.enable()
            gc.collect()

        self.collect_later = threading.Timer(COLLECT_AFTER, collect)
        self.collect_later.daemon = True
        self.collect_later.start()

    # -- while the data has problems -----------------------------------------------------------
    def put_aside(self, site_dir: Path, beside: Beside) -> None:
        """Move the built site aside, so that every address shows the page of problems (the
        last build's side work stopped first: nothing of it writes into the site moved)."""
        self.resume_collector()
        beside.stop()
        self.rendered = []
        if not self.dirty or self.stash is not None or not site_dir.is_dir():
            return
        self.stash = Path(tempfile.mkdtemp(prefix=".plansite-aside-", dir=site_dir.parent))
        for entry in site_dir.iterdir():
            entry.rename(self.stash / entry.name)

    def put_back(self, site_dir: Path) -> None:
        """The problems are fixed: the site comes back, and its home page (which showed the
        problems) renders again."""
        if self.stash is None:
            return
        stash, self.stash = self.stash, None
        for entry in stash.iterdir():
            target = site_dir / entry.name
            if entry.name == "index.html" or target.exists():
                continue
            entry.rename(target)
        shutil.rmtree(stash, ignore_errors=True)
        self.written_over = {"index.html"}

    # -- the downloads, made beside -----------------------------------------------------------------
    def downloads_made(self, sizes: dict[str, int]) -> None:
        """The downloads of a build are written: when their sizes differ from what the
        downloads page says, touch the file the server watches, for one more build."""
        if sizes != self.sizes:
            self.sizes = dict(sizes)
            self.trigger.write_text(repr(sorted(sizes.items())), encoding="utf-8")

    def close(self) -> None:
        self.collector_back()
        shutil.rmtree(self.trigger.parent, ignore_errors=True)


def problems_page(overrides: Path | None, lang: str, problems: list[Problem]) -> str:
    """The HTML of the page a served site shows at every address while its data has problems."""
    return str(Templates(overrides).render(
        "problems.html",
        title=translate("serve_problems_title", lang, n=len(problems)),
        intro=translate("serve_problems_intro", lang),
        problems=[(p.location() + (f": {p.path}" if p.path else ""), p.said(lang))
                  for p in problems]))
