"""What Chinese search needs to know about the plans: the words that must stay whole.

The segmenter splits unknown names badly (市住建委 becomes 市住 / 建委), so every department
name and alias and every indicator name is given to it as one word before pages are indexed.
"""

from __future__ import annotations

from plansite.repository import Repository


def segmenter_words(repo: Repository) -> list[str]:
    """Department names and aliases and indicator names, longest first, without repeats."""
    words: list[str] = []
    for dept in repo.departments.values():
        words.extend((dept.name, *dept.aliases))
    words.extend(ind.name for ind in repo.indicators.values())
    unique = {w.strip() for w in words if w and len(w.strip()) > 1 and " " not in w.strip()}
    return sorted(unique, key=lambda w: (-len(w), w))
