"""Where the registry's pages live in an MkDocs site, and its navigation in the interface language.

MkDocs names a page by its source path. A page at the site address ``departments/zhujianwei/``
is the generated file ``departments/zhujianwei/index.md``, unless the site's ``docs/`` holds an
author's own page of that address (``departments/zhujianwei.md`` or ``…/index.md``): then the
author's page is shown. The navigation comes from :data:`plansite.site.pages.NAVIGATION` when
mkdocs.yml has none; a ``nav:`` written in mkdocs.yml is kept, and the titles of plansite's own
pages in it are translated when they are the shipped Chinese defaults.
"""

from __future__ import annotations

from plansite.catalogue.labels import translate_default
from plansite.model import urls
from plansite.site.pages import AUTHORED, NAVIGATION, PAGE_KINDS, PORTAL_NAVIGATION, navigation


def source_paths(url: str) -> tuple[str, str]:
    """The two source paths that make the page at site address ``url``: ``<url>index.md``
    (how a generated page is written) and ``<url without its slash>.md``."""
    if url == "":
        return "index.md", "index.md"
    return f"{url}index.md", f"{url.rstrip('/')}.md"


def url_of(src_path: str) -> str:
    """The site address of the page at ``src_path`` (directory URLs)."""
    path = src_path[: -len(".md")] if src_path.endswith(".md") else src_path
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    return path if path == "" or path.endswith("/") else path + "/"


_LABELS = {urls.INDEX_URLS[name]: (PAGE_KINDS[name].label if name in PAGE_KINDS
                                    else AUTHORED[name])
          for name in NAVIGATION + PORTAL_NAVIGATION}
"""The label key of each page of the navigation, by its site address."""


def default_nav(lang: str, existing: set[str], portal: bool = False) -> list[dict[str, str]]:
    """The navigation of :data:`NAVIGATION` as an MkDocs ``nav`` (title: source path), each
    entry naming the source file that exists among ``existing`` (generated or the author's);
    a ``portal``'s lists its member sites too."""
    out = []
    for title, url in navigation(lang, portal):
        generated, authored = source_paths(url)
        src = authored if authored in existing else generated
        out.append({title: src})
    return out


def translate_nav(nav: list, lang: str) -> list:
    """A copy of an MkDocs ``nav`` with the titles of plansite's pages in ``lang``, where they
    are the shipped Chinese defaults; a title the site's owner wrote is kept."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {(translate_default(_LABELS[url_of(value)], title, lang)
                     if isinstance(value, str) and url_of(value) in _LABELS else title):
                    (translate_nav(value, lang) if isinstance(value, list) else value)
                    for title, value in item.items()}
        out.append(item)
    return out
