"""Every internal link and anchor of a built site, checked: a broken one fails the build.

MkDocs checks the Markdown links authors write; the links plansite generates are HTML, so they
are checked here, over the written site, with the anchors each page really has.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SKIP_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if (name == "href" and tag in ("a", "link")) or (
                    name == "src" and tag in ("img", "script")):
                self.links.append((value, self.getpos()[0]))


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
