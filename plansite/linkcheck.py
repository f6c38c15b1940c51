"""Every internal link and anchor of a built site, checked: a broken one fails the build.

MkDocs checks the Markdown links authors write; the links plansite generates are HTML, so they
are checked here, over the written site, with the anchors each page really has.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

SKIP_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}


# A start tag with its attributes (quoted values may hold ">"), and the stretches of a page
# whose "<" opens no tag: comments and the text of scripts and styles.
_TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_NOT_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)


@dataclass
class _Collector:
    """The ids (anchors) and the links of one page, each link with its line."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)

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
                    self.ids.add(value)
                if (name == "href" and tag in ("a", "link")) or (
                        name == "src" and tag in ("img", "script")):
                    self.links.append((value, bisect.bisect_right(newlines, at) + 1))


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (line ``line``) whose target file or anchor does not exist."""

    page: str
    line: int
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.href}: {self.reason}"


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_site(site_dir: Path, base_path: str = "/") -> list[BrokenLink]:
    """All broken internal links of the HTML pages under ``site_dir``.

    ``base_path`` is the path the site is served under (from ``site_url``): root-absolute links,
    which MkDocs writes on the 404 page, are read relative to it.
    """
    site_dir = Path(site_dir)
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    pages = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*.html")}
    parsed = {rel: _parse(path) for rel, path in pages.items()}
    broken: list[BrokenLink] = []
    for rel, collector in parsed.items():
        for href, line in collector.links:
            parts = urlsplit(href)
            if parts.scheme in SKIP_SCHEMES or parts.netloc or href.startswith("//"):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if not (path + "/").startswith(base_path):
                    broken.append(BrokenLink(rel, line, href, "points outside the site"))
                    continue
                # from the site's top folder: the same as a relative link from index.html
                rel_from, path = "index.html", path[len(base_path):] or "./"
            else:
                rel_from = rel
            if path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel_from), path))
                if target.startswith(".."):
                    broken.append(BrokenLink(rel, line, href, "points outside the site"))
                    continue
                if path.endswith("/") or (site_dir / target).is_dir():
                    target = posixpath.join(target, "index.html")
                if target == ".":
                    target = "index.html"
                if not (site_dir / target).is_file():
                    broken.append(BrokenLink(rel, line, href, "no such page or file"))
                    continue
            else:
                target = rel
            anchor = unquote(parts.fragment)
            if anchor and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else _parse(site_dir / target).ids
                if anchor not in ids:
                    broken.append(BrokenLink(rel, line, href, f"no anchor #{anchor}"))
    return broken
