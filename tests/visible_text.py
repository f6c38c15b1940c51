"""The text a reader sees on each page of a built site, for comparing two builds page by page.

Markup may change (a template writes cleaner HTML than an f-string did); what a reader reads
must not. For every HTML page this takes the document title, the description, and the visible
text of the article (the page's own content, not the theme's navigation), one line per block,
whitespace folded. Links are written with their targets, so a link that moves shows up too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import html as lxml_html

BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption",
          "section", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "nav", "figure",
          "figcaption", "br", "form", "label", "option", "details", "summary", "blockquote",
          "pre", "header", "footer", "article", "svg", "title", "desc"}
INVISIBLE = {"script", "style", "template", "noscript"}


def _walk(element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.rsplit("}", 1)[-1].lower()
    if tag in INVISIBLE or element.get("hidden") is not None and tag != "form":
        _tail(element, out)
        return
    if tag in BLOCKS:
        out.append("\n")
    if tag in ("td", "th"):
        out.append(" | ")
    if element.text:
        out.append(element.text)
    for child in element:
        _walk(child, out)
    if tag == "a" and element.get("href"):
        out.append(f" <{element.get('href')}>")
    if tag in BLOCKS:
        out.append("\n")
    _tail(element, out)


def _tail(element, out: list[str]) -> None:
    if element.tail:
        out.append(element.tail)


def page_text(document: str) -> str:
    """The title, description and article text of one HTML page."""
    tree = lxml_html.fromstring(document)
    title = " ".join(tree.findtext(".//title", default="").split())
    description = tree.xpath("string(//meta[@name='description']/@content)")
    article = tree.xpath("//article")
    out: list[str] = []
    for node in article:
        _walk(node, out)
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    body = "\n".join(line for line in lines if line.strip(" |"))
    return f"title: {title}\ndescription: {' '.join(description.split())}\n{body}"


def site_text(site: Path) -> dict[str, str]:
    """The visible text of every HTML page of a built site, by its path in the site."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("pagefind/", "search/", "assets/")):
            continue
        out[rel] = page_text(path.read_text(encoding="utf-8"))
    return out


def dump(site: Path) -> str:
    """All pages' text in one document, each page under its path: what the golden file holds."""
    pages = site_text(site)
    return "".join(f"=== {rel}\n{text}\n" for rel, text in pages.items())


if __name__ == "__main__":  # python tests/visible_text.py SITE > golden
    sys.stdout.write(dump(Path(sys.argv[1])))
