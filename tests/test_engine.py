"""The core renders every page without MkDocs: a future engine needs only a new adapter.

MkDocs 1.6 and Material 9.x are pinned; Material receives only critical fixes and its successor
drops plugins it does not know, so everything but the thin adapter must work without them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RENDER_WITHOUT_MKDOCS = r"""
import collections, importlib.abc, json, sys

class NoEngine(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "material", "mkdocs_macros"):
            raise ImportError(f"{name} is blocked: the core must not need it")
        return None

sys.meta_path.insert(0, NoEngine())

from plansite.reading.repository import load_repository
from plansite.site.pages import site_pages
from plansite.site.render import Site

repo, problems = load_repository(sys.argv[1])
assert not problems.errors, problems.sorted()
site = Site(repo, sys.argv[2])
# the download files are written beside the build; their sizes do not matter here
site.download_sizes = lambda: collections.defaultdict(int)
sizes = {}
for page in site_pages(repo, sys.argv[2]):
    sizes[page.url] = len(str(site.renderer(page.url).page(page.kind, *page.args)))
engines = sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material"))
print(json.dumps({"sizes": sizes, "engines": engines}))
"""


def render_without_mkdocs(lang: str) -> dict:
    done = subprocess.run([sys.executable, "-c", RENDER_WITHOUT_MKDOCS, str(ROOT), lang],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_every_page_renders_with_mkdocs_blocked():
    result = render_without_mkdocs("zh")
    assert result["engines"] == []
    sizes = result["sizes"]
    # every kind of page, for the seed plans: indexes, plans, tasks, departments, indicators
    for url in ("", "plans/", "departments/", "indicators/", "plans/city-12th-fyp/",
                "departments/zhujianwei/", "indicators/chengzhenhualv/", "downloads/"):
        assert sizes.get(url, 0) > 200, url
    assert len(sizes) > 100


def test_the_blocker_is_live():
    """The same guard stops the adapter, which does need MkDocs."""
    done = subprocess.run(
        [sys.executable, "-c", RENDER_WITHOUT_MKDOCS.split("from plansite")[0]
         + "import plansite.adapter.plugin\n"], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "mkdocs is blocked" in done.stderr
