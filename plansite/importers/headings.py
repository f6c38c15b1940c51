"""How a paragraph of a plan document is numbered and titled.

Chinese official documents number their levels 第一章 / 第一节 / 一、 / （一） / 1. / （1） / ① and
enumerate inside a paragraph with 一是……二是……; full- and half-width forms are both used, and a
numeral means what :func:`plansite.language.numerals.ordinal` reads. A heading's title is its
first sentence, shortened when long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.importers.responsibility import find_embedded
from plansite.language.numerals import ordinal

_CN = "[一二三四五六七八九十百零〇]{1,4}"
_DIGITS = "[0-9０-９]{1,2}"

# Paragraph numbering styles, in the order a document nests them.
STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第\s*({_CN}|{_DIGITS})\s*(?:部分|篇)\s*")),
    ("chapter", re.compile(rf"^第\s*({_CN}|{_DIGITS})\s*章\s*")),
    ("section", re.compile(rf"^第\s*({_CN}|{_DIGITS})\s*节\s*")),
    ("cn", re.compile(rf"^({_CN})\s*[、．.](?![0-9０-９])\s*")),
    ("paren-cn", re.compile(rf"^[（(]\s*({_CN})\s*[)）]\s*")),
    ("arabic", re.compile(rf"^({_DIGITS})\s*[.．、](?![0-9０-９%])\s*")),
    ("paren-arabic", re.compile(rf"^[（(]\s*({_DIGITS})\s*[)）]\s*")),
    ("circled", re.compile(r"^([①-⑳])\s*")),
    ("enum", re.compile(rf"^({_CN})是(?=[^，,。、；;]{{2}})")),
)
RANK = {name: i for i, (name, _) in enumerate(STYLES)}
HEADING_STYLES = ("part", "chapter", "section", "cn", "paren-cn")
ITEM_STYLES = ("arabic", "paren-arabic", "circled", "enum", "group", "row", "project")

# Enumerations inside a paragraph, from the outermost: 一是…二是…, （1）…（2）…, ①…②….
_AFTER_BREAK = r"(?:(?<=^)|(?<=[。；;：:，,！!？?\s]))"
INLINE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("enum", re.compile(_AFTER_BREAK + rf"({_CN})是")),
    ("paren-arabic", re.compile(_AFTER_BREAK + rf"[（(]({_DIGITS})[)）]")),
    ("circled", re.compile(_AFTER_BREAK + r"([①-⑳])")),
)

PART_MARK = re.compile(rf"^篇\s*({_DIGITS}|{_CN})$")
TERMINATORS = "。！？!?"
# A first sentence longer than this is cut at the first semicolon, then comma, for the title.
TITLE_MAX = 50


@dataclass
class Numbering:
    """The numbering at the start of a paragraph: its style, value, text as written, and the rest."""

    style: str
    ordinal: int
    number: str
    rest: str


def parse_numbering(text: str) -> Numbering | None:
    """The numbering a paragraph starts with, or None for an unnumbered paragraph."""
    for style, pattern in STYLES:
        m = pattern.match(text)
        if m:
            rest = text[m.end():].strip()
            if not rest and style not in ("part", "chapter", "section"):
                continue
            return Numbering(style, ordinal(m.group(1)), text[:m.end()].strip(), rest)
    return None


def is_document_start(text: str) -> bool:
    """True for a paragraph that can only be a document's own heading (篇1, 第一章, 一、, （一）)."""
    if PART_MARK.match(text.strip()):
        return True
    found = parse_numbering(text.strip())
    return found is not None and found.style in HEADING_STYLES


def is_part_mark(text: str) -> bool:
    """True for a line such as ``篇2`` that starts another document held in the same file."""
    return bool(PART_MARK.match(text.strip()))


def split_title(content: str) -> tuple[str, str]:
    """A heading's title (its first sentence, shortened when long) and the text after it."""
    cut = next((i for i, ch in enumerate(content) if ch in TERMINATORS), len(content))
    title, rest = content[:cut], content[cut + 1:]
    for seps in ("；;", "，,"):
        if len(title) <= TITLE_MAX:
            break
        at = next((i for i, ch in enumerate(title) if ch in seps), -1)
        if at > 0:
            title, rest = title[:at], content[at + 1:]
    embedded = find_embedded(title)
    if embedded is not None:
        title = title.replace(embedded.phrase, "")
    return title.strip().rstrip("；;，,、：: "), rest.strip()
