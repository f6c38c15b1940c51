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


def markdown_html(text: str) -> str:
    """Safe HTML of Markdown ``text``; empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    md = _converter()
    md.reset()
    # Python-Markdown keeps stashed HTML between "\x02" markers; data must not forge them.
    return md.convert(text.replace("\x02", "").replace("\x03", ""))


def plain(text: str) -> str:
    """Escaped inline text (no Markdown): for titles, names and table cells."""
    return html.escape(text or "", quote=True)
