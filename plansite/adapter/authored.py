"""Authors' own pages (``docs/*.md``) are input too: what they print is escaped or sanitised.

Material prints front matter (``title``, ``description``, ``author``) into the page as HTML, some
of it before the Content-Security-Policy; :func:`escape_front_matter` makes each value text.
Raw HTML written in a page's Markdown goes through an allowlist sanitiser (nh3): the tags and
attributes of :data:`ALLOWED_TAGS` and :data:`ALLOWED_ATTRIBUTES` stay, scripts, styles,
``<meta>``, ``<base>``, forms, frames and event attributes go. The macros' HTML comes from the
site's autoescaped templates; :class:`MacroOutputs` keeps it out of the sanitiser's way, so it
reaches the page exactly as the templates wrote it. A macro that fails is told as the page, line
and reason (:func:`failure_line`, :func:`front_matter_lines`), without a traceback.
"""

from __future__ import annotations

import html
import re
import secrets
import traceback
from pathlib import Path
from typing import Any

import nh3
from markupsafe import Markup

from plansite.adapter.addresses import repository_name
from plansite.problems import Problem, problem

PRINTED_META = ("title", "description", "author")
"""Front matter keys the theme prints into the page as they are."""

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
})
"""The HTML elements an authored page may hold: Markdown's own output and what authors write
for layout. Anything else is removed, its text kept (scripts and styles are removed whole)."""

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "type"}),
    "td": frozenset({"align", "colspan", "rowspan", "style"}),
    "th": frozenset({"align", "colspan", "rowspan", "style", "scope"}),
    "col": frozenset({"span"}),
    "details": frozenset({"open"}),
}
"""The attributes each element may keep ("*": every element). Event handlers never."""

ALLOWED_STYLES = frozenset({"text-align"})
"""The one style property kept: Markdown tables align their columns with it."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The schemes a link or image may use; relative addresses are kept too."""

REMOVED_WITH_CONTENT = frozenset({"script", "style"})

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS), clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
    filter_style_properties=set(ALLOWED_STYLES))


def sanitise(page_html: str) -> str:
    """The HTML of an authored page with only the allowed elements and attributes."""
    return _CLEANER.clean(page_html)


def escape_front_matter(meta: dict[str, Any]) -> None:
    """Make each front matter value the theme prints into text (in place)."""
    for key in PRINTED_META:
        value = meta.get(key)
        if value is not None:
            meta[key] = html.escape(str(value), quote=True)


class MacroOutputs:
    """The macros' HTML of one page, held aside while the page's own HTML is sanitised.

    A macro's HTML (a :class:`~markupsafe.Markup` holding markup) is replaced in the Markdown by
    a token no author can guess; after Markdown and the sanitiser, :meth:`restore` puts the HTML
    back where the token is (a token alone in a paragraph is a block: the paragraph goes too).
    """

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.kept: dict[str, str] = {}
        self.pattern = re.compile(rf"<p>(plansite{self.nonce}m\d+)</p>|(plansite{self.nonce}m\d+)")

    def keep(self, value: Any) -> Any:
        """The token that stands for ``value`` if it is HTML a macro made; else ``value``."""
        if not isinstance(value, Markup) or "<" not in value:
            return value
        token = f"plansite{self.nonce}m{len(self.kept)}"
        self.kept[token] = str(value)
        return token

    def restore(self, page_html: str) -> str:
        """``page_html`` with every token replaced by the macro's HTML; the tokens are then
        forgotten."""
        if not self.kept:
            return page_html
        kept, self.kept = self.kept, {}
        return self.pattern.sub(lambda m: kept.get(m.group(1) or m.group(2), ""), page_html)


def failure_line(error: BaseException) -> int:
    """The line of the page's template where ``error`` happened (0 when unknown)."""
    line = getattr(error, "lineno", None)
    if line:
        return int(line)
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == "<template>" and frame.lineno:
            return frame.lineno
    return 0


def front_matter_lines(path: str | Path, markdown: str) -> int:
    """How many lines of the file at ``path`` come before its Markdown (the front matter)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 0
    start = text.find(markdown[:200]) if markdown.strip() else -1
    return text.count("\n", 0, start) if start > 0 else 0


def macro_problem(file: str, markdown: str, error: BaseException, root: Path) -> Problem:
    """Where in its file (``file``, an authored page) a macro failed, and why, as one problem."""
    offset = front_matter_lines(file, markdown)
    line = failure_line(error)
    name = repository_name(Path(file), root)
    reason = getattr(error, "message", None) or str(error) or type(error).__name__
    return problem("macro-error", name, line + offset if line else 0, found=reason)
