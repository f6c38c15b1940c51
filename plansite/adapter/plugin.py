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
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base, config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from plansite.adapter.authored import (MacroOutputs, escape_front_matter, failure_line,
                                       front_matter_lines, sanitise)
from plansite import __version__
from plansite.adapter.beside import Beside, write_feeds
from plansite.adapter.addresses import (base_url, edit_url, refuse_outside_links,
                                        repository_name)
from plansite.adapter.nav import default_nav, source_paths, translate_nav
from plansite.adapter.theme import install, with_generator
from plansite.catalogue.labels import translate, translate_default
from plansite.model.repository import Repository
from plansite.problems import Problem, problem
from plansite.progress import ENVIRONMENT, QUIET, EventWriter
from plansite.reading.repository import load_repository
from plansite.site.pages import Page, site_pages
from plansite.site.portal import FETCH_TIMEOUT, MemberSite, read_members
from plansite.site.progress import page_feeds
from plansite.site.render import Renderer, Site
from plansite.site.templates import Templates
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


def portal_settings(members: list[MemberSite]) -> dict:
    """What a portal's pages tell the browser: each member's name and address, whose search
    index the search box merges (``theme/assets/search.js``), and the origins the
    Content-Security-Policy lets it fetch from (``theme/main.html``)."""
    origins = dict.fromkeys("{0.scheme}://{0.netloc}".format(urlsplit(site.member.url))
                            for site in members)
    return {"members": [{"name": site.member.name, "url": site.member.url} for site in members],
            "origins": " ".join(origins)}


def edit_url(config, file: str, line: int = 0) -> str:
    """The editing address of a repository file: ``<repo_url>/edit/<branch>/<file>#L<line>``."""
    edit_uri = (config.edit_uri or "edit/main/docs/").strip("/")
    docs = Path(config.docs_dir).name
    if edit_uri.endswith("/" + docs):
        edit_uri = edit_uri[: -len(docs) - 1]
    url = f"{config.repo_url.rstrip('/')}/{edit_uri}/{file}"
    return f"{url}#L{line}" if line else url


def base_url(config) -> str:
    """The path the site is served under (``/`` or ``/sub/``), from ``site_url``."""
    path = "/" if not config.site_url else "/" + config.site_url.split("//", 1)[-1] \
        .split("/", 1)[-1].strip("/") + "/"
    return path.replace("//", "/")


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
        # Work that needs only the loaded data runs beside the page rendering: the download
        # files, the search index and the link check.
        self.beside = Beside()
        # authors' pages: the macros' HTML held aside while the page is sanitised, and the
        # first macro of the page that failed
        self.macro_outputs = MacroOutputs()
        self.macro_failure: BaseException | None = None
        # `mkdocs serve` shows the data's problems in the browser instead of failing
        self.serving = False
        self.problems: list[Problem] = []
        self.overrides: Path | None = None
        # `plansite build` shows the phases and pages as they are done
        self.progress = EventWriter() if os.environ.get(ENVIRONMENT) else QUIET

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        install(config)
        self.progress.phase("progress-load")
        repo, problems = load_repository(self.root, as_of=self.config.as_of)
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
            self.interface_language(config)
            return config
        if problems.errors:
            report = "\n".join(p.format(self.config.lang) for p in problems.sorted())
            raise PluginError(f"plansite: the data has {len(problems.errors)} problem(s):\n"
                              f"{report}")
        self.repo = repo
        custom_dir = config.theme.custom_dir
        self.site = Site(repo, self.config.lang,
                         overrides=Path(custom_dir) if custom_dir else None, members=members)
        if members:
            config.extra["plansite_portal"] = portal_settings(members)
        self.site.download_sizes = self.beside.download_sizes
        if config.repo_url:
            self.site.file_link = partial(edit_url, config)
        self.interface_language(config)
        return config

    def interface_language(self, config) -> None:
        """Set the theme's own words (search box, buttons), the site name and the navigation
        titles to the plugin's ``lang``, where mkdocs.yml holds the shipped Chinese defaults."""
        lang = self.config.lang
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

    def on_env(self, env, config, files):
        """Theme templates (overrides/404.html) take their words from the catalogue too."""
        lang = self.config.lang
        env.globals["plansite_t"] = lambda key, **args: translate(key, lang, **args)
        return env

    def on_files(self, files: Files, config) -> Files:
        refuse_outside_links(files, Path(config.docs_dir), self.root, self.config.lang)
        if self.problems:
            return self.problem_files(files, config)
        assert self.repo is not None
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
        # The reader-written pages the search index reads from the site once they are written
        # (documentation pages come first in the build, so the index can finish long before it).
        self.beside.start(self.repo, Path(config.site_dir), base_url(config),
                          self.config.lang, MATERIAL_LAYOUT, self.config.check_links,
                          [p.url for p in self.pages.values()],
                          [f.src_uri for f in files.documentation_pages()
                           if f.src_uri not in self.pages])
        return files

    def problem_files(self, files: Files, config) -> Files:
        """The site while the data has problems: the theme's files and one page listing them."""
        self.pages = {}
        kept = Files([f for f in files if not f.is_documentation_page()])
        kept.append(File.generated(config, "index.md", content=PAGE_MARKDOWN))
        return kept

    def problems_page(self) -> str:
        """The HTML of the page that lists the data's problems."""
        lang = self.config.lang
        return str(Templates(self.overrides).render(
            "problems.html",
            title=translate("serve_problems_title", lang, n=len(self.problems)),
            intro=translate("serve_problems_intro", lang),
            problems=[(p.location() + (f": {p.path}" if p.path else ""), p.said(lang))
                      for p in self.problems]))

    def on_build_error(self, error) -> None:
        self.beside.stop()
        self.progress.close()

    def renderer(self, page) -> Renderer:
        """A renderer whose links are relative to ``page``."""
        assert self.site is not None
        return self.site.renderer(page.url if page is not None else "")

    def macro_failed(self, error: BaseException) -> None:
        """A macro of the page being rendered failed (:class:`plansite.adapter.macros.PageSandbox`)."""
        if self.macro_failure is None:
            self.macro_failure = error

    def macro_problem(self, page, markdown: str, error: BaseException) -> Problem:
        """Where in its file a macro of ``page`` failed, and why, as one problem."""
        offset = front_matter_lines(page.file.abs_src_path, markdown)
        line = failure_line(error)
        name = repository_name(Path(page.file.abs_src_path), self.root)
        reason = getattr(error, "message", None) or str(error) or type(error).__name__
        return problem("macro-error", name, line + offset if line else 0, found=reason)

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
            raise PluginError("plansite: " + self.macro_problem(page, page.markdown or markdown,
                                                                error).format(self.config.lang))
        # The theme's own search would put every page into one index that readers download
        # whole; the site's search index is written beside the build (plansite.site.search).
        page.meta["search"] = {"exclude": True}
        if self.problems:
            page.meta["title"] = page.title = html.escape(
                translate("serve_problems_title", self.config.lang, n=len(self.problems)))
            page.render = partial(_finished_page, page, self.problems_page())
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
        self.site.write_chunks(site)
        write_feeds(site, self.repo, self.site.findings.progress,
                    config.site_url or base_url(config), self.config.lang)
        try:
            broken = self.beside.finish(site, self.repo, base_url(config), self.config.lang)
        except Exception as exc:
            raise PluginError(f"plansite: the search index could not be written:\n{exc}") from exc
        self.progress.close()
        if broken:
            listing = "\n".join(str(b) for b in broken[:50])
            more = f"\n… and {len(broken) - 50} more" if len(broken) > 50 else ""
            raise PluginError(f"plansite: {len(broken)} broken internal link(s):\n"
                              f"{listing}{more}")

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / "data"))
        return server
