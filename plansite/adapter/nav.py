"""The navigation of an MkDocs site in the interface language.

mkdocs.yml names pages by their source paths; the titles of the pages plansite ships are
translated when they are the shipped Chinese defaults, and an owner's own titles are kept.
"""

from __future__ import annotations

from plansite.catalogue.labels import translate_default

NAV_KEYS: dict[str, str] = {
    "index.md": "home",
    "plans/index.md": "plans",
    "departments/index.md": "departments",
    "indicators/index.md": "indicators",
    "matrix.md": "matrix",
    "deadlines.md": "deadlines",
    "methodology.md": "methodology",
    "downloads/index.md": "downloads",
    "changes/index.md": "recent_changes",
    "editing.md": "editing_guide",
}
"""The navigation title of each page the site ships, by its source path."""


def translate_nav(nav: list, lang: str) -> list:
    """A copy of the MkDocs ``nav`` list with the shipped pages' titles in ``lang``."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {(translate_default(NAV_KEYS[value], title, lang)
                     if isinstance(value, str) and value in NAV_KEYS else title):
                    (translate_nav(value, lang) if isinstance(value, list) else value)
                    for title, value in item.items()}
        out.append(item)
    return out
