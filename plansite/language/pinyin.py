"""Chinese words as pinyin syllables, from which the importer makes ASCII ids (zhujianwei)."""

from __future__ import annotations


def syllables(text: str) -> list[str]:
    """The pinyin of each character of ``text`` without tones; other characters as they are."""
    # pypinyin's dictionaries take a third of a second to load: only making an id loads them
    from pypinyin import lazy_pinyin

    return lazy_pinyin(text)
