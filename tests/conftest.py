"""Fixtures shared by every test: the repository, a browser, and a static file server."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from browser_support import browser_executable, in_ci, launch_browser, serve_folder

REPO_ROOT = Path(__file__).resolve().parent.parent

try:
    from hypothesis import settings
except ImportError:  # hypothesis is in the test extra; the fixtures do not need it
    settings = None

if settings is not None:
    # No per-example deadline: the CI machine is small and shared, and a slow
    # example is not a failure. `make fuzz` raises the example count through
    # PLANSITE_FUZZ_EXAMPLES.
    _examples = os.environ.get("PLANSITE_FUZZ_EXAMPLES")
    settings.register_profile(
        "plansite",
        deadline=None,
        **({"max_examples": int(_examples)} if _examples else {}),
    )
    settings.load_profile("plansite")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The plansite repository this test suite belongs to."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, driven by Playwright for the whole session.

    Without the browser the test is skipped on a developer machine, but in CI
    (CI=true) it fails: browser tests must never silently skip there.
    """
    executable = browser_executable()
    if not executable.exists():
        message = (f"no browser at {executable}: apt-get install chromium fonts-noto-cjk, "
                   "or set PLANSITE_BROWSER")
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def page(browser):
    """A fresh page in its own context (Chinese locale, desktop size), closed after the test."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def serve_site() -> Iterator[Callable[[Path], str]]:
    """Start a static HTTP server for a folder: ``base_url = serve_site(path)``.

    Each call serves its folder on its own free port of 127.0.0.1; every server
    stops when the session ends. Session-scoped so that session fixtures (a
    site built once) can serve through it as well.
    """
    with contextlib.ExitStack() as stack:
        yield lambda folder: stack.enter_context(serve_folder(Path(folder)))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site built once per session from this repository's own data/, docs/ and mkdocs.yml.

    Built with ``plansite build`` into a temporary folder, so the developer's site/ is untouched.
    """
    from plansite.adapter.build import build_site

    out = tmp_path_factory.mktemp("real-site") / "site"
    code, output = build_site(REPO_ROOT, out)
    assert code == 0, output
    return out


SPREAD = {"test_a11y", "test_mobile", "test_matrix_browser", "test_browser_site"}
"""Modules whose tests share only session fixtures: with pytest-xdist their tests run one by
one on whichever worker is free. Every other module runs whole on one worker, so a site its
module fixtures build is built once."""


LONGEST_FIRST = ("test_search_synthetic", "test_search_quality", "test_bad_inputs", "test_wheel",
                 "test_serve_rebuild", "test_indicator_pages", "test_portal", "test_injection",
                 "test_bench", "test_supply_chain", "test_page_size", "test_authored_pages",
                 "test_serve", "test_macros", "test_page_inputs", "test_import_limits")
"""The modules that take longest, longest first (``make test PYTEST_ARGS=--durations=0``
measures them). Each worker takes the next module when it is free, so a long module handed out
last keeps one worker busy after the other has finished; handed out first, the short modules
and then the tests of :data:`SPREAD` fill in around it."""


def run_order(nodeid: str) -> int:
    """Where the module of ``nodeid`` comes in the run: the longest first, then the others as
    collected, the tests of :data:`SPREAD` (one by one, each short) last."""
    stem = Path(nodeid.split("::", 1)[0]).stem
    if stem in LONGEST_FIRST:
        return LONGEST_FIRST.index(stem)
    return len(LONGEST_FIRST) + (stem in SPREAD)


def pytest_collection_modifyitems(config, items) -> None:
    """The longest modules first (:func:`run_order`; a stable sort keeps each module's order)."""
    items.sort(key=lambda item: run_order(item.nodeid))


def module_scope(nodeid: str) -> str:
    """The unit of work pytest-xdist hands a worker for the test ``nodeid``: its module, or the
    test alone in a module of :data:`SPREAD`."""
    module = nodeid.split("::", 1)[0]
    return nodeid if Path(module).stem in SPREAD else module


@pytest.hookimpl(optionalhook=True)  # a run without pytest-xdist (-p no:xdist) knows no such hook
def pytest_xdist_make_scheduler(config, log):
    """Under ``--dist loadscope`` (as `make test` runs), whole modules to a worker
    (:func:`module_scope`). pytest-xdist's ``loadgroup`` marks a group in the test's id, which
    pytest 9 no longer reads back: each test then went its own way and every module's
    fixtures were built on both workers."""
    if config.getvalue("dist") != "loadscope":
        return None
    # hand the modules out in the run's order, not by how many tests each has
    config.option.loadscopereorder = False
    from xdist.scheduler import LoadScopeScheduling

    class ByModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return module_scope(nodeid)

    return ByModule(config, log)
