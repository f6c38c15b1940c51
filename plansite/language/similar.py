"""Which known words a mistyped word is most like: the guesses a hint offers."""

from __future__ import annotations

import difflib


def closest(word: str, candidates: list[str], n: int = 3) -> list[str]:
    """The known words most like ``word``: containment first, then spelling similarity."""
    contained = [c for c in candidates if word and (word in c or c in word)]
    contained.sort(key=lambda c: (abs(len(c) - len(word)), c))
    similar = difflib.get_close_matches(word, candidates, n=n, cutoff=0.4)
    return list(dict.fromkeys(contained + similar))[:n]
