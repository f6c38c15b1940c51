"""The sign-off closing an official document: who issued it and when.

A notice ends with the issuing body and the date on lines of their own (``市人民政府办公室`` /
``2026年3月1日``). They say who issued the document and when, not what the plan says: they go
into plan.yml's ``issuer`` and ``issued`` fields, not into the last chapter's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.importers.document import Block
from plansite.importers.headings import parse_numbering
from plansite.importers.names import NAME_END
from plansite.language.numerals import chinese_number, ordinal

# The sign-off closing an official document: the issuing body and the date.
SIGN_OFF_DATE = re.compile(r"^(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日$"
                           r"|^[二〇一][〇零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月"
                           r"[一二三四五六七八九十]{1,3}日$")
SIGN_OFF_ISSUER_MAX = 30


def _is_issuer(text: str) -> bool:
    """True for a line that is only the name of a body: 市人民政府办公室."""
    return (len(text) <= SIGN_OFF_ISSUER_MAX and text.endswith(NAME_END)
            and not re.search(r"[。，,；;：:、！？!?“”\"（）()\s]", text) and parse_numbering(text) is None)


@dataclass(frozen=True)
class SignOff:
    """Who signed the document and when: the issuing body as written, the date as an ISO date."""

    issuer: str = ""
    date: str = ""


def _iso_date(text: str) -> str:
    """``2026年3月1日`` or ``二〇二六年三月一日`` as ``2026-03-01``."""
    m = re.match(r"^(.+)年(.+)月(.+)日$", text)
    if not m:
        return ""
    year = m.group(1)
    if not year.isdigit():
        year = str(chinese_number(year, positional=True))
    return f"{int(year):04d}-{ordinal(m.group(2)):02d}-{ordinal(m.group(3)):02d}"


def split_sign_off(blocks: list[Block]) -> tuple[list[Block], SignOff]:
    """The blocks without the document's closing sign-off, and the sign-off (issuer and date):
    it says who issued the document and when, not what the plan says."""
    texts = [(i, b.text.strip()) for i, b in enumerate(blocks)
             if b.row is None and b.heading is None and b.text.strip()]
    tail: list[int] = []
    for i, text in reversed(texts):
        if len(tail) == 2 or not (SIGN_OFF_DATE.match(text) or _is_issuer(text)):
            break
        tail.insert(0, i)
    if not tail or len(tail) == len(texts) or (blocks[tail[-1]] is not blocks[-1]
                                                and any(b.text.strip() or b.row
                                                        for b in blocks[tail[-1] + 1:])):
        return blocks, SignOff()
    drop = set(tail)
    lines = [blocks[i].text.strip() for i in tail]
    issuer = next((line for line in lines if not SIGN_OFF_DATE.match(line)), "")
    date = next((_iso_date(line) for line in lines if SIGN_OFF_DATE.match(line)), "")
    return [b for i, b in enumerate(blocks) if i not in drop], SignOff(issuer, date)
