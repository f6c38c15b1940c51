"""Every internal link and anchor of a built site, checked: a broken one fails the build.

MkDocs checks the Markdown links authors write; the links plansite generates are HTML, so they
are checked here, over the written site, with the anchors each page really has.
"""

from __future__ import annotations

import bisect
import html
import os
import posixpath
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from plansite.background import Background

SKIP_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}


# A start tag with its attributes (quoted values may hold ">"), and the stretches of a page
# whose "<" opens no tag: comments and the text of scripts and styles.
_TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_NOT_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)


@dataclass
class _Collector:
    """The ids (anchors) and the links of one page, each link with its line.

    A check holds those of every page until the last is written (800,000 links at the
    synthetic 1x, most of them the same navigation on every page): each address and id is
    kept once for the whole check (``known``, shared by its pages) and the lines in a compact
    array, beside the links."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    lines: array = field(default_factory=lambda: array("I"))
    known: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def feed(self, text: str) -> None:
        # A scan of the start tags, several times faster than html.parser on pages of thousands
        # of links, which matters when a site has thousands of pages.
        skipped = []
        for match in _NOT_MARKUP.finditer(text):
            span = match.span(2) if match.group(1) else match.span()
            skipped.append(span)
        starts = [s for s, _ in skipped]
        newlines = [m.start() for m in re.finditer("\n", text)]
        for match in _TAG.finditer(text):
            attrs = match.group(2)
            lowered = attrs.lower()
            if not ("id" in lowered or "href" in lowered or "src" in lowered
                    or "name" in lowered):
                continue
            at = match.start()
            k = bisect.bisect_right(starts, at) - 1
            if k >= 0 and skipped[k][0] <= at < skipped[k][1]:
                continue
            tag = match.group(1).lower()
            for attr in _ATTR.finditer(attrs):
                value = attr.group(2)
                if value is None:
                    value = attr.group(3) if attr.group(3) is not None else attr.group(4)
                if value is None:
                    continue
                if "&" in value:
                    value = html.unescape(value)
                name = attr.group(1).lower()
                if name == "id" or (name == "name" and tag == "a"):
                    self.ids.add(self.known.setdefault(value, value))
                if (name == "href" and tag in ("a", "link")) or (
                        name == "src" and tag in ("img", "script")):
                    self.links.append(self.known.setdefault(value, value))
                    self.lines.append(bisect.bisect_right(newlines, at) + 1)


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (line ``line``) whose target file or anchor does not exist."""

    page: str
    line: int
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.href}: {self.reason}"


def _parse(path: Path, known: dict[str, str]) -> _Collector:
    collector = _Collector(known=known)
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


class SiteLinks:
    """The links and anchors of a site's pages, given as they are written or read at the end."""

    def __init__(self) -> None:
        self.parsed: dict[str, _Collector] = {}
        self.known: dict[str, str] = {}  # each address and id once, for all the pages

    def add_page(self, rel: str, text: str) -> None:
        """The HTML of the page written at ``rel`` (site-relative, ``plans/x/index.html``)."""
        collector = _Collector(known=self.known)
        collector.feed(text)
        self.parsed[rel] = collector

    def check(self, site_dir: Path, base_path: str = "/",
              given_only: bool = False) -> list[BrokenLink]:
        """All broken internal links of the HTML pages under ``site_dir``.

        Pages not given to :meth:`add_page` (a theme's 404 page, HTML files copied as they are)
        are read from ``site_dir``. ``base_path`` is the path the site is served under (from
        ``site_url``): root-absolute links, which MkDocs writes on the 404 page, are read
        relative to it. With ``given_only`` only the links of the pages given are checked (a
        served site written again in part); the pages they point at are read for their anchors.
        """
        site_dir = Path(site_dir)
        base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        files: set[str] = set()
        folders: set[str] = {"."}
        for folder, dirs, names in os.walk(site_dir):
            rel_folder = Path(folder).relative_to(site_dir).as_posix()
            prefix = "" if rel_folder == "." else rel_folder + "/"
            folders.update(prefix + d for d in dirs)
            files.update(prefix + n for n in names)
        parsed = dict(self.parsed)

        def page(rel: str) -> _Collector:
            found = parsed.get(rel)
            if found is None:
                found = parsed[rel] = _parse(site_dir / rel, self.known)
            return found

        checked = sorted(self.parsed) if given_only else \
            [rel for rel in sorted(files) if rel.endswith(".html")]
        # Every page repeats the navigation's links, so each (folder, href) is resolved once.
        resolved: dict[tuple[str, str], tuple[str | None, str, str]] = {}

        def resolve(folder: str, href: str) -> tuple[str | None, str, str]:
            """The target file of ``href`` from a page in ``folder``, its anchor, or why it is
            broken."""
            parts = urlsplit(href)
            if parts.scheme in SKIP_SCHEMES or parts.netloc or href.startswith("//"):
                return None, "", ""
            path = unquote(parts.path)
            if path.startswith("/"):
                if not (path + "/").startswith(base_path):
                    return None, "", "points outside the site"
                # from the site's top folder: the same as a relative link from index.html
                folder, path = "", path[len(base_path):] or "./"
            if not path:
                return "", unquote(parts.fragment), ""  # the page itself
            target = posixpath.normpath(posixpath.join(folder, path))
            if target.startswith(".."):
                return None, "", "points outside the site"
            if path.endswith("/") or target in folders:
                target = "index.html" if target == "." else posixpath.join(target, "index.html")
            if target not in files:
                return None, "", "no such page or file"
            return target, unquote(parts.fragment), ""

        broken: list[BrokenLink] = []
        for rel in checked:
            folder = posixpath.dirname(rel)
            found_on = page(rel)
            for href, line in zip(found_on.links, found_on.lines, strict=True):
                key = (folder, href)
                found = resolved.get(key)
                if found is None:
                    found = resolved[key] = resolve(folder, href)
                target, anchor, reason = found
                if reason:
                    broken.append(BrokenLink(rel, line, href, reason))
                    continue
                if target is None:
                    continue
                target = target or rel
                if anchor and target.endswith(".html") and anchor not in page(target).ids:
                    broken.append(BrokenLink(rel, line, href, f"no anchor #{anchor}"))
        return broken


def check_site(site_dir: Path, base_path: str = "/") -> list[BrokenLink]:
    """All broken internal links of the HTML pages under ``site_dir`` (see SiteLinks.check)."""
    return SiteLinks().check(site_dir, base_path)


class LinkCheckJob:
    """The link check made beside the build, by a process of its own (plansite.background).

    The build names each page as it writes it; the process reads the page from disk once the
    next page is named (the build writes one page at a time, so the one before is whole by
    then), and :meth:`broken` resolves the links once all are in. Reading half a million links
    then costs the build nothing but a file name per page. ``written_only`` checks the links of
    the pages written by this build alone (a served site writes again only what changed).
    """

    def __init__(self, site_dir: Path, use_process: bool | None = None,
                 written_only: bool = False):
        self.site_dir = Path(site_dir)
        self.job = Background(partial(_check_beside, self.site_dir, written_only),
                              use_process=use_process)

    def page_written(self, rel: str) -> None:
        """The page at ``rel`` (site-relative, ``plans/x/index.html``) is being written."""
        self.job.send(rel)

    def broken(self, base_path: str = "/") -> list[BrokenLink]:
        """Every broken link of the site, once all its pages are written."""
        self.job.send((base_path,))
        return self.job.result()

    def cancel(self) -> None:
        self.job.cancel()


def _check_beside(site_dir: Path, written_only: bool,
                  receive: Callable[[], str | tuple[str]]) -> list[BrokenLink]:
    links = SiteLinks()
    pending: str | None = None
    while True:
        message = receive()
        if pending is not None:
            path = site_dir / pending
            if path.is_file():
                links.add_page(pending, path.read_text(encoding="utf-8", errors="replace"))
        if isinstance(message, tuple):
            return links.check(site_dir, message[0], given_only=written_only)
        pending = message
