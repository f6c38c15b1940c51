"""What ``make bench`` measures of one run of a command or one built site: wall time and the
peak memory of a process tree, page sizes, the bytes of a first search, and how long ``mkdocs
serve`` takes to serve a page again after an edit."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

QUERY = "住建委"
"""A typical first query: a department abbreviation readers type."""


@dataclass
class Run:
    """One measured command: wall time, peak memory of its process tree, exit code, output,
    and the processor time it and every process it waited for used (user and system): on a
    shared machine the wall time also counts the others' work, the processor time does not."""

    seconds: float
    peak_mb: float
    code: int
    output: str = ""
    cpu_seconds: float = 0.0


@dataclass
class SiteFigures:
    """What one built site weighs."""

    pages: int = 0
    bytes: int = 0
    median_page: int = 0
    largest: list[tuple[str, int]] = field(default_factory=list)
    search_bytes: dict[str, int] = field(default_factory=dict)


def _children() -> dict[int, list[int]]:
    """Each running process's children, from /proc."""
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # the parent pid is the second field after the command name, which may hold spaces
        parent = int(stat[stat.rindex(b")") + 2:].split()[1])
        out.setdefault(parent, []).append(int(entry))
    return out


def tree_memory_mb(root: int) -> float:
    """The proportional set size (shared pages split between their users) of ``root`` and all
    its descendants: what the process tree holds in memory, forked children included."""
    children = _children()
    total_kb, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                total_kb += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total_kb / 1024


def run(command: list[str], cwd: Path, timeout: float = 1800) -> Run:
    """Run ``command``; its wall time and the peak memory of it and its children together.

    Memory is sampled every 0.2 s as the sum of the tree's proportional set sizes (a build forks
    workers that share its loaded data; adding their resident sizes would count that data once
    per process), and is never below the largest single process's peak resident size.
    """
    started = time.perf_counter()
    peak_tree = 0.0
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        deadline = started + timeout
        next_sample = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            if time.perf_counter() >= next_sample:
                peak_tree = max(peak_tree, tree_memory_mb(process.pid))
                next_sample = time.perf_counter() + 0.2
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    # ru_maxrss of a reaped child covers its own reaped children too (kilobytes on Linux)
    return Run(seconds, max(peak_tree, usage.ru_maxrss / 1024), process.returncode, output,
               usage.ru_utime + usage.ru_stime)




# -- measurements ------------------------------------------------------------------------------
def site_figures(site: Path) -> SiteFigures:
    figures = SiteFigures()
    sizes = []
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            figures.bytes += size
            if path.suffix == ".html":
                sizes.append((size, path.relative_to(site).as_posix()))
    figures.pages = len(sizes)
    figures.median_page = int(statistics.median(s for s, _ in sizes)) if sizes else 0
    figures.largest = [(name, size) for size, name in sorted(sizes, reverse=True)[:3]]
    return figures


SEARCH_RESOURCES = re.compile(r"search_index\.json|/workers/search|/lunr/|/pagefind/|/assets/search\.js")


def first_search_bytes(site: Path, ours: bool, seen: list[str] | None = None) -> dict[str, int]:
    """Search bytes (gzip, as a compressing server sends them) loaded from opening the home page
    until the first results of :data:`QUERY` show, by kind of resource (the addresses counted
    are added to ``seen``)."""
    from playwright.sync_api import sync_playwright

    from browser_support import launch_browser, serve_folder

    loaded: dict[str, int] = {}

    def record(response) -> None:
        if SEARCH_RESOURCES.search(response.url) and response.ok:
            kind = "pagefind" if "/pagefind/" in response.url or "search.js" in response.url \
                else "material"
            # the body first: waiting for it lets Playwright call this for other responses,
            # whose bytes a sum read before the wait would lose
            size = len(gzip.compress(response.body(), 6))
            loaded[kind] = loaded.get(kind, 0) + size
            if seen is not None:
                seen.append(response.url)

    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.on("response", record)
            page.goto(base, wait_until="load")
            if ours and page.locator("#ps-search-input").count():
                page.locator("#ps-search-input").fill(QUERY)
                page.wait_for_function(
                    "q => document.querySelector('#ps-search-results').dataset.psQuery === q",
                    arg=QUERY, timeout=120000)
            else:
                page.keyboard.press("/")
                page.locator("input.md-search__input").fill(QUERY)
                page.wait_for_function(
                    "() => /找到|没有|[0-9]/.test((document.querySelector("
                    "'.md-search-result__meta') || {}).textContent || '')", timeout=300000)
            page.wait_for_load_state("networkidle")
        finally:
            browser.close()
    return loaded


SERVE_ARGS = ["--livereload", "--dirty"]
"""How `make serve` runs ``mkdocs serve`` (see the Makefile): live reload, and only the pages
whose records changed written again."""


@dataclass
class ServeEdit:
    """One edit timed while ``mkdocs serve`` runs: seconds until the page showed it (None when
    it never did), whether the server told the browser to reload, and how many generated pages
    the build after the save rendered."""

    seconds: float | None
    reloaded: bool = False
    rendered: int | None = None


def unique_queries(repo, queries: list[tuple[str, tuple[str, ...]]], sample: int = 40
                   ) -> list[tuple[str, tuple[str, ...]]]:
    """The search queries to ask of a synthetic site: each query of the project's own set
    (tests/test_search_quality.py) that names exactly one record there (a department by its
    name or alias, an indicator or a plan by its name), then up to ``sample`` department and
    ``sample`` indicator names that no other record of the site bears, each expecting its
    record's page."""
    from plansite.model import urls

    names: dict[str, set[str]] = {}
    for dept in repo.departments.values():
        for name in (dept.name, *dept.aliases):
            names.setdefault(name, set()).add(urls.department_url(dept.id))
    for ind in repo.indicators.values():
        names.setdefault(ind.name, set()).add(urls.indicator_url(ind.id))
    for plan in repo.plans.values():
        names.setdefault(plan.title, set()).add(urls.plan_url(plan.id))
    chosen = [(query, tuple(names[query])) for query, _ in queries
              if len(names.get(query, ())) == 1]
    for kind in ("departments/", "indicators/"):
        unique = [(name, tuple(found)) for name, found in names.items()
                  if len(found) == 1 and next(iter(found)).startswith(kind)
                  and name not in dict(chosen)]
        step = max(1, len(unique) // sample)
        chosen += unique[::step][:sample]
    return chosen


def search_hits(site: Path, queries: list[tuple[str, tuple[str, ...]]]
                ) -> tuple[int, list[tuple[str, tuple[str, ...], list[str]]]]:
    """Each query typed into the site's search box as a reader would: how many find one of
    their expected addresses in the first three results, and the misses."""
    from playwright.sync_api import sync_playwright

    from browser_support import launch_browser, serve_folder
    from test_search_quality import run_queries

    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            found = run_queries(browser, base, [query for query, _ in queries])
        finally:
            browser.close()
    misses = [(query, expected, found[query][:3]) for query, expected in queries
              if not set(expected) & set(found[query][:3])]
    return len(queries) - len(misses), misses


def serve_edit_seconds(root: Path, edit: Path, old: str, new: str, page: str,
                       timeout: float = 1200) -> ServeEdit:
    """Time from replacing ``old`` by ``new`` in ``edit`` while ``mkdocs serve`` runs in
    ``root`` as `make serve` runs it, until the served page at ``page`` (site-relative) shows
    ``new``."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         *SERVE_ARGS], cwd=root, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    ready = threading.Event()
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if "Serving on" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    url = f"http://127.0.0.1:{port}/{page}"

    def shows(text: str) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return text in response.read().decode("utf-8", "replace")
        except OSError:
            return False

    text = edit.read_text(encoding="utf-8")
    result = ServeEdit(None)
    try:
        if not ready.wait(timeout) or not shows(old):
            return result
        time.sleep(1.0)  # let the file watcher settle
        seen = len(lines)
        started = time.perf_counter()
        edit.write_text(text.replace(old, new, 1), encoding="utf-8")
        while time.perf_counter() - started < timeout:
            if shows(new):
                result.seconds = time.perf_counter() - started
                break
            if process.poll() is not None:
                return result
            time.sleep(0.1)
        time.sleep(2.0)  # the server's own lines after the build
        after = lines[seen:]
        result.reloaded = any("Reloading browsers" in line for line in after)
        counts = [re.search(r"plansite: (\d+) generated page", line) for line in after]
        result.rendered = next((int(m.group(1)) for m in counts if m), None)
        return result
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(20)
        if process.poll() is None:
            process.kill()
        edit.write_text(text, encoding="utf-8")
