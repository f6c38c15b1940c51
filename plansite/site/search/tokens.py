"""The words of the index and of a query cut the same way: Chinese as overlapping character pairs.

Word segmenters disagree with each other (see :mod:`plansite.site.search`); pairs never do. The
search box (``assets/search.js``) cuts a query as :func:`search_tokens` cuts the index.
"""

from __future__ import annotations

import re
import unicodedata

INDEX_LANGUAGE = "en"
"""The language Pagefind is told the index is in: one it does not segment (see above)."""

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""A run of Chinese characters. search.js uses the same ranges: the two must cut alike."""


def search_tokens(text: str, indexing: bool = True) -> str:
    """``text`` as the index holds it: each run of Chinese characters as overlapping pairs.

    Other words stay as they are (Pagefind splits them). When ``indexing``, the last character
    of each run is a token too, so a one-character query (which Pagefind matches as a prefix)
    finds it. Width and case are folded (NFKC) so ５５％ and 55% meet.

    >>> search_tokens("森林蓄积量达到280万立方米")
    '森林 林蓄 蓄积 积量 量达 达到 到 280 万立 立方 方米 米'
    """
    text = unicodedata.normalize("NFKC", text or "").lower()
    out: list[str] = []
    end = 0
    for run in HAN.finditer(text):
        out.append(text[end:run.start()])
        chars = run.group()
        pairs = [chars[i:i + 2] for i in range(len(chars) - 1)] or [chars]
        if indexing and len(chars) > 1:
            pairs.append(chars[-1])
        out.append(" " + " ".join(pairs) + " ")
        end = run.end()
    out.append(text[end:])
    return " ".join("".join(out).split())
