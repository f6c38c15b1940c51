"""What plansite adds to Material for MkDocs, shipped in the package: a site's mkdocs.yml needs
only the plugin.

This folder is a theme folder of its own: ``main.html`` (the Content-Security-Policy and the
link preview tags), ``404.html``, ``partials/`` (the header's search box, the source link) and
``assets/`` (the tables' filters and sorting, the search box's script, the site's styles). The
plugin puts it between the site's own ``custom_dir`` and Material, so a site still replaces any
of these files by one of the same name in its own overrides folder, and adds the assets to the
pages. Nothing is read from a checkout of plansite: a site that installed the wheel has all of it.
"""

from __future__ import annotations

import re
from pathlib import Path

THEME_DIR = Path(__file__).parent
"""The theme folder plansite ships (templates, partials and assets)."""

STYLESHEETS = ("assets/plansite.css",)
SCRIPTS = ("assets/plansite.js", "assets/plansite-sort.js",
           "assets/search.js")  # the header search box over the chunked index in pagefind/

_GENERATOR = re.compile(r'(<meta name="generator" content="[^"]*)"')


def install(config) -> None:
    """Add plansite's theme folder, styles and scripts to a loaded MkDocs ``config``.

    Idempotent: ``mkdocs serve`` hands the plugin a fresh configuration on each rebuild, but a
    second call leaves one copy of each.
    """
    theme = config.theme
    folder = str(THEME_DIR)
    if folder not in theme.dirs:
        # after the site's own custom_dir (its overrides win), before Material's templates
        theme.dirs.insert(1 if theme.custom_dir else 0, folder)
    # No web fonts: the Content-Security-Policy refuses other hosts; the system's CJK fonts
    # are used.
    theme["font"] = False
    # One storage scope for every page, so the theme's first inline script is the same text on
    # every page and the Content-Security-Policy allows it by its hash.
    config.extra.setdefault("scope", "/")
    config.extra_css[:0] = [s for s in STYLESHEETS if s not in config.extra_css]
    present = {str(script) for script in config.extra_javascript}
    config.extra_javascript[:0] = [s for s in SCRIPTS if s not in present]


def with_generator(html: str, version: str) -> str:
    """A written page whose ``<meta name="generator">`` names plansite and its version too."""
    return _GENERATOR.sub(rf'\1, plansite-{version}"', html, count=1)
