"""Markdown from data files turned into HTML that cannot carry code into a reader's browser.

Editors write task and chapter texts in Markdown. Raw HTML in them is shown as the text it is
(the HTML parsers of Python-Markdown are switched off), and a link or image may only point at
http(s), mailto, tel or a relative address: ``javascript:`` and ``data:`` URLs are dropped.
"""

from __future__ import annotations

import html
import re
import threading
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(url: str) -> bool:
    """True when ``url`` is relative or uses a scheme that cannot run code."""
    cleaned = _CONTROL.sub("", html.unescape(url or ""))
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


class _LinkGuard(Treeprocessor):
    """Removes unsafe link targets and image sources; links to other sites open as usual."""

    def run(self, root: Element) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None and not safe_url(value):
                    del el.attrib[attr]
            for attr in list(el.attrib):
                if attr.lower().startswith("on"):
                    del el.attrib[attr]


class _Local(threading.local):
    md: markdown.Markdown | None = None


_local = _Local()


def _converter() -> markdown.Markdown:
    if _local.md is None:
        md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkGuard(md), "plansite_link_guard", 0)
        _local.md = md
    return _local.md


_MARKUP = re.compile(r"[*_`\[\]!<>&\\#=+|~\-\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters that may make Markdown of a text: emphasis, code, links, HTML, entities, escapes,
headings, rules, lists, tables, tabs and control characters."""
_LIST_ITEM = re.compile(r"^\d+[.)]", re.M)


def _plain_paragraphs(text: str) -> str | None:
    """The HTML of ``text`` when it is plain paragraphs, as Markdown would write it; else None.

    Most task texts are Chinese sentences without any markup, and Python-Markdown costs about
    a millisecond a text; a plan page of 500 tasks spent most of its time there.
    """
    if _MARKUP.search(text) or _LIST_ITEM.search(text):
        return None
    paragraphs: list[list[str]] = [[]]
    for line in text.split("\n"):
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if line[0].isspace() or line[-1].isspace():
            return None  # indented code, a hard line break, or spaces Markdown strips
        paragraphs[-1].append(line)
    return "\n".join("<p>" + "\n".join(lines) + "</p>" for lines in paragraphs if lines)


def markdown_html(text: str) -> str:
    """Safe HTML of Markdown ``text``; empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    fast = _plain_paragraphs(text)
    if fast is not None:
        return fast
    md = _converter()
    md.reset()
    # Python-Markdown keeps stashed HTML between "\x02" markers; data must not forge them.
    return md.convert(text.replace("\x02", "").replace("\x03", ""))


def plain(text: str) -> str:
    """Escaped inline text (no Markdown): for titles, names and table cells."""
    return html.escape(text or "", quote=True)
