"""The page types of the built seed site that the phone, accessibility and screenshot checks visit.

One address per kind of generated page (and the reader-written ones), so a new page type is
checked everywhere by adding it here. Pages a build does not write (yet) are left out by
:func:`existing_pages`.
"""

from __future__ import annotations

from pathlib import Path

PAGE_TYPES: dict[str, str] = {
    "home": "",
    "plans index": "plans/",
    "plan": "plans/city-12th-fyp/",
    "departments index": "departments/",
    "department": "departments/zhujianwei/",
    "indicators index": "indicators/",
    "indicator": "indicators/chengzhenhualv/",
    "downloads": "downloads/",
    "matrix": "matrix/",
    "plan matrix": "matrix/city-12th-fyp/",
    "deadlines": "deadlines/",
    "changes": "changes/",
    "methodology": "methodology/",
    "accessibility": "accessibility/",
    "not found": "404.html",
}


def existing_pages(site: Path) -> dict[str, str]:
    """The page types of :data:`PAGE_TYPES` that the site at ``site`` holds."""
    out = {}
    for name, url in PAGE_TYPES.items():
        path = site / (url + "index.html" if url == "" or url.endswith("/") else url)
        if path.is_file():
            out[name] = url
    return out


def sideways(page) -> tuple[int, list[str]]:
    """How wide the open page is, and the first elements wider than the window outside the
    boxes that may scroll (tables marked scrollable, the theme's sidebars and search, code)."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && !e.closest('.ps-scroll, .md-sidebar, .md-search, .md-nav, pre, svg'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    return width, wide

