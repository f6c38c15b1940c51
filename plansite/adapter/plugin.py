"""The MkDocs side of plansite: a thin adapter over the core package.

It loads and validates the data once per build (a problem fails the build before anything is
written), adds a page for each page of the registry (:mod:`plansite.site.pages`), gives each its
title, description and edit link, writes the downloads and the chunked Chinese search index
(:mod:`plansite.site.search`), and checks every internal link of the written site. The pages'
content comes from the site's templates through :class:`plansite.site.render.Renderer`; the
macros (:mod:`plansite.adapter.macros`) show the same in authors' own pages.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base, config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from plansite.adapter.authored import (MacroOutputs, escape_front_matter, macro_problem,
                                       sanitise)
from plansite import __version__
from plansite.adapter.beside import Beside, write_feeds
from plansite.adapter.addresses import base_url, edit_url, refuse_outside_links
from plansite.adapter.nav import default_nav, source_paths, translate_nav
from plansite.adapter.serving import Rebuilds, problems_page
from plansite.adapter.theme import install, with_generator
from plansite.catalogue.labels import translate, translate_default
from plansite.model.repository import Repository
from plansite.model.urls import INDEX_URLS
from plansite.problems import Problem
from plansite.progress import ENVIRONMENT, QUIET, EventWriter
from plansite.reading.repository import load_repository
from plansite.site.pages import Page, site_pages
from plansite.site.portal import FETCH_TIMEOUT, MemberSite, read_members
from plansite.site.progress import page_feeds
from plansite.site.render import Renderer, Site
from plansite.site.search import PageLayout

log = logging.getLogger("mkdocs.plugins.plansite")

MATERIAL_LAYOUT = PageLayout("md-content__inner", frozenset({"md-content__button",
                                                              "md-source-file"}))
"""Where a page of Material for MkDocs holds its content, and the theme's buttons inside it
(edit and view source, the page's dates), which are no words of the page."""


PAGE_MARKDOWN = "---\nhide:\n  - navigation\n  - toc\n---\n"
"""The Markdown of a generated page. The plugin renders its HTML itself (on_page_markdown) from
the page registry; MkDocs' Markdown converter would cost more than the page. Generated pages
hide Material's side navigation and table of contents: their tables need the width, and their
own headings and breadcrumbs lead the reader."""


def _finished_page(page, body: str, config, files) -> None:
    """Page.render for a generated page: its HTML is written already, it has no Markdown."""
    page.content = body
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def problem_files(files: Files, config) -> Files:
    """The site while the data has problems: the theme's files and one page listing them."""
    kept = Files([f for f in files if not f.is_documentation_page()])
    kept.append(File.generated(config, "index.md", content=PAGE_MARKDOWN))
    return kept


def portal_settings(members: list[MemberSite]) -> dict:
    """What a portal's pages tell the browser: each member's name and address, whose search
    index the search box merges (``theme/assets/search.js``), and the origins the
    Content-Security-Policy lets it fetch from (``theme/main.html``)."""
    origins = dict.fromkeys("{0.scheme}://{0.netloc}".format(urlsplit(site.member.url))
                            for site in members)
    return {"members": [{"name": site.member.name, "url": site.member.url} for site in members],
            "origins": " ".join(origins)}


def interface_language(config, lang: str) -> None:
    """Set the theme's own words (search box, buttons), the site name and the navigation
    titles to the plugin's ``lang``, where mkdocs.yml holds the shipped Chinese defaults."""
    if not str(config.theme["language"]).startswith(lang):
        config.theme["language"] = lang
    for option, key in (("site_name", "site_name"), ("site_description", "site_description"),
                        ("repo_name", "edit_source")):
        if config[option]:
            config[option] = translate_default(key, config[option], lang)
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle") or {}
        if toggle.get("name"):
            key = "palette_dark" if palette.get("scheme") == "default" else "palette_light"
            toggle["name"] = translate_default(key, toggle["name"], lang)
    if config.nav:
        config.nav = translate_nav(config.nav, lang)


def _broken_links(broken: list) -> PluginError:
    """The error that fails a build with broken internal links (the first 50 listed)."""
    listing = "\n".join(str(b) for b in broken[:50])
    more = f"\n… and {len(broken) - 50} more" if len(broken) > 50 else ""
    return PluginError(f"plansite: {len(broken)} broken internal link(s):\n{listing}{more}")


class PlansiteConfig(base.Config):
    """Options of the ``plansite`` plugin in mkdocs.yml."""

    lang = c.Choice(("zh", "en"), default="zh")
    as_of = c.Optional(c.Type(int))
    check_links = c.Type(bool, default=True)
    member_timeout = c.Type((int, float), default=FETCH_TIMEOUT)
    """Seconds a portal waits for a member site's data.json (``data/portal.yml``)."""


class PlansitePlugin(BasePlugin[PlansiteConfig]):
    """Builds the plan pages from ``data/`` next to mkdocs.yml."""

    def __init__(self) -> None:
        self.repo: Repository | None = None
        self.site: Site | None = None
        self.pages: dict[str, Page] = {}
        self.root = Path.cwd()
        # the downloads, the search index and the link check: run beside the page rendering
        self.beside = Beside()
        # authors' pages: macros' HTML held aside while sanitising, and the first failed macro
        self.macro_outputs = MacroOutputs()
        self.macro_failure: BaseException | None = None
        # `mkdocs serve` shows the data's problems in the browser instead of failing, and
        # under --dirty writes again only the pages whose records changed
        self.serving = self.started_beside = False
        self.rebuilds: Rebuilds | None = None
        self.problems: list[Problem] = []
        self.overrides: Path | None = None
        # `plansite build` shows the phases and pages as they are done
        self.progress = EventWriter() if os.environ.get(ENVIRONMENT) else QUIET

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"
        if self.rebuilds is not None:
            self.rebuilds.close()
        self.rebuilds = Rebuilds.serving(dirty) if self.serving else None

    def on_shutdown(self) -> None:
        self.beside.stop()  # MkDocs keeps a plugin for its next build: that one starts afresh
        if self.rebuilds is not None:
            self.rebuilds.close()
        self.rebuilds, self.serving = None, False

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        install(config)
        if self.rebuilds is not None:
            self.rebuilds.pause_collector()
        self.progress.phase("progress-load")
        repo, problems = load_repository(self.root, as_of=self.config.as_of,
                                         cache=self.rebuilds.cache if self.rebuilds else None)
        members: list[MemberSite] = []
        if repo.members and not problems.errors:
            members, unread = read_members(repo.members, self.root, self.config.member_timeout)
            problems.extend(unread)
        self.problems = []
        if problems.errors and self.serving:
            # the editor sees the problems in the browser, which reloads once they are fixed;
            # `plansite build` stays strict
            self.problems = problems.sorted()
            self.overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
            log.info("plansite: the data has %d problem(s); the browser lists them",
                      len(problems.errors))
            interface_language(config, self.config.lang)
            return config
        if problems.errors:
            report = "\n".join(p.format(self.config.lang) for p in problems.sorted())
            raise PluginError(f"plansite: the data has {len(problems.errors)} problem(s):\n"
                              f"{report}")
        self.repo = repo
        custom_dir = config.theme.custom_dir
        self.overrides = Path(custom_dir) if custom_dir else None
        self.site = Site(repo, self.config.lang, overrides=self.overrides, members=members,
                         templates=self.rebuilds.compiled(self.overrides) if self.rebuilds
                         else None)
        if members:
            config.extra["plansite_portal"] = portal_settings(members)
        self.site.download_sizes = self.beside.download_sizes
        if config.repo_url:
            self.site.file_link = partial(edit_url, config)
        interface_language(config, self.config.lang)
        return config

    def on_env(self, env, config, files):
        """Theme templates (overrides/404.html) take their words from the catalogue too. A
        served site keeps the theme's templates compiled from one build to the next."""
        lang = self.config.lang
        if self.rebuilds is not None and self.rebuilds.dirty:
            env = self.rebuilds.theme(env)
        env.globals["plansite_t"] = lambda key, **args: translate(key, lang, **args)
        return env

    def on_files(self, files: Files, config) -> Files:
        refuse_outside_links(files, Path(config.docs_dir), self.root, self.config.lang)
        site_dir = Path(config.site_dir)
        if self.problems:
            if self.rebuilds is not None:
                self.rebuilds.put_aside(site_dir, self.beside)
            self.pages = {}
            return problem_files(files, config)
        assert self.repo is not None and self.site is not None
        if self.rebuilds is not None:
            self.rebuilds.put_back(site_dir)
        self.pages = {}
        pages = site_pages(self.repo, self.config.lang)
        # The downloads page goes last: it shows the sizes of files made beside the rendering.
        pages.sort(key=lambda page: page.kind == "downloads")
        for page in pages:
            generated, authored = source_paths(page.url)
            if files.get_file_from_path(generated) or files.get_file_from_path(authored):
                continue  # an author's own page of that address takes precedence
            files.append(File.generated(config, generated, content=PAGE_MARKDOWN))
            self.pages[generated] = page
        if config.nav is None:
            config.nav = default_nav(self.config.lang, {f.src_uri for f in files},
                                     portal=bool(self.repo.members))
        self.progress.phase("progress-pages", len(files.documentation_pages()))
        authored_pages = [f.src_uri for f in files.documentation_pages()
                          if f.src_uri not in self.pages]
        deferred = self.rebuilds is not None and self.rebuilds.prepare(
            self.repo, self.site, self.pages, files, self.rebuilds.context(
                self.root, self.config.lang, self.repo.as_of, self.overrides, authored_pages,
                config.config_file_path))
        self.started_beside = not deferred or bool(self.rebuilds and self.rebuilds.records_changed)
        if self.started_beside:
            # The reader-written pages the search index reads from the site once they are
            # written (documentation pages come first in the build, so the index can finish
            # long before it).
            self.beside.start(self.repo, site_dir, base_url(config), self.config.lang,
                              MATERIAL_LAYOUT, self.config.check_links,
                              [p.url for p in self.pages.values()], authored_pages, deferred)
        return files

    def on_build_error(self, error) -> None:
        try:
            self.beside.stop()
            self.progress.close()
        finally:
            if self.rebuilds is not None:
                self.rebuilds.failed()

    def renderer(self, page) -> Renderer:
        """A renderer whose links are relative to ``page``."""
        assert self.site is not None
        return self.site.renderer(page.url if page is not None else "")

    def macro_failed(self, error: BaseException) -> None:
        """A macro of the page being rendered failed (:class:`plansite.adapter.macros.PageSandbox`)."""
        if self.macro_failure is None:
            self.macro_failure = error

    @event_priority(100)  # before the macros: they render with the page's meta
    def _before_macros(self, markdown: str, page, config, files):
        self.macro_failure = None
        if page.file.src_uri not in self.pages:
            escape_front_matter(page.meta)
        return markdown

    @event_priority(-100)  # after the macros have rendered authors' pages
    def _after_macros(self, markdown: str, page, config, files):
        if self.macro_failure is not None:
            error, self.macro_failure = self.macro_failure, None
            found = macro_problem(page.file.abs_src_path, page.markdown or markdown, error,
                                  self.root)
            raise PluginError("plansite: " + found.format(self.config.lang))
        # The theme's own search would put every page into one index that readers download
        # whole; the site's search index is written beside the build (plansite.site.search).
        page.meta["search"] = {"exclude": True}
        if self.problems:
            page.meta["title"] = page.title = html.escape(
                translate("serve_problems_title", self.config.lang, n=len(self.problems)))
            page.render = partial(_finished_page, page, problems_page(
                self.overrides, self.config.lang, self.problems))
            return ""
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        # Theme templates print titles and descriptions without escaping (a page title is
        # HTML to MkDocs), so data text is escaped here. The title also goes in meta.title,
        # which the theme prints as is in <title>; page.title alone would be un-escaped there.
        page.meta["title"] = page.title = html.escape(generated.title, quote=True)
        page.meta["description"] = html.escape(generated.description, quote=True)
        if generated.source is not None and config.repo_url:
            page.edit_url = edit_url(config, generated.source.file, generated.source.line)
        page.meta["plansite_feeds"] = page_feeds(self.repo, generated, self.config.lang)
        # The page is one block of finished HTML. It skips Markdown, whose raw-HTML parser
        # cost more than writing it (a third of a 5,000-task build), and MkDocs' own
        # rendering, which makes a Markdown converter for each page. It is made when the
        # theme writes the page (on_page_context): MkDocs reads every page before it writes
        # the first, and keeps each page's content to the end of the build.
        page.render = partial(_finished_page, page, "")
        return ""

    @event_priority(100)  # before any other plugin reads the page's content
    def on_page_context(self, context, page, config, nav):
        """A generated page's HTML, made just before the theme writes the page."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.content = str(self.renderer(page).page(generated.kind, *generated.args,
                                                        number=generated.number))
            if self.rebuilds is not None:
                self.rebuilds.rendered.append(generated.url)
        return context

    on_page_markdown = CombinedEvent(_before_macros, _after_macros)

    def on_page_content(self, content: str, page, config, files) -> str:
        """An authored page's HTML through the sanitiser, with the macros' HTML put back."""
        if page.file.src_uri in self.pages or self.problems:
            return content
        return self.macro_outputs.restore(sanitise(content))

    @event_priority(-100)  # once every other plugin is done with the page: it is written next
    def on_post_page(self, output: str, page, config) -> str:
        self.beside.page_written(page.file.src_uri, page.file.dest_uri)
        self.progress.advance()
        if page.file.src_uri in self.pages:
            # written next: a generated page's HTML is not held to the end of the build
            page.content = ""
        return with_generator(output, __version__)

    def on_post_build(self, config) -> None:
        site = Path(config.site_dir)
        if self.problems:  # every address shows the problems (MkDocs serves 404.html)
            (site / "404.html").write_bytes((site / "index.html").read_bytes())
            return
        assert self.repo is not None and self.site is not None
        self.progress.phase("progress-finish")
        if self.rebuilds is None or self.rebuilds.renders(INDEX_URLS["indicators"]):
            self.site.write_chunks(site)  # the rows of the indicator list's filter
        broken = self.finish_beside(site, config, partial(
            write_feeds, site, self.repo, self.site.findings.progress,
            config.site_url or base_url(config), self.config.lang))
        self.progress.close()
        if broken:
            raise _broken_links(broken)

    def finish_beside(self, site: Path, config, feeds: Callable[[], None]) -> list:
        """Feeds and side work done (after the build, if a served one wrote only what changed)."""
        if self.rebuilds is not None and self.rebuilds.partial:
            self.rebuilds.finish(self.beside if self.started_beside else None, site,
                                 self.repo, base_url(config), self.config.lang, feeds)
            return []
        feeds()
        try:
            broken = self.beside.finish(site, self.repo, base_url(config), self.config.lang)
        except Exception as exc:
            raise PluginError(f"plansite: the search index could not be written:\n{exc}") from exc
        if self.rebuilds is not None and not broken:
            self.rebuilds.succeeded(site, self.beside.download_sizes())
        return broken

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / "data"))
        if self.rebuilds is not None:
            server.watch(str(self.rebuilds.trigger))
        return server
