"""Which known words a mistyped word is most like: the guesses a hint offers."""

from __future__ import annotations

import difflib
import re
import unicodedata


def closest(word: str, candidates: list[str], n: int = 3) -> list[str]:
    """The known words most like ``word``: containment first, then spelling similarity."""
    contained = [c for c in candidates if word and (word in c or c in word)]
    contained.sort(key=lambda c: (abs(len(c) - len(word)), c))
    similar = difflib.get_close_matches(word, candidates, n=n, cutoff=0.4)
    return list(dict.fromkeys(contained + similar))[:n]


_SKIP = re.compile(r"[\s\d.．%％]+")


def _pairs(text: str) -> set[str]:
    kept = "".join(ch for ch in _SKIP.sub("", text) if unicodedata.category(ch)[0] not in "PSZC")
    return {kept[i:i + 2] for i in range(len(kept) - 1)} or ({kept} if kept else set())


def likeness(words: str, text: str) -> float:
    """How much of ``words`` the ``text`` holds, from 0 to 1: the share of the character pairs
    of ``words`` (punctuation, spaces and figures left out) found in ``text``. A report's row
    新增800张困难重度残疾人养护床位 is 1.0 like the plan's task that lists it among others."""
    mine = _pairs(words)
    if not mine:
        return 0.0
    return len(mine & _pairs(text)) / len(mine)
