"""``make bench``: how the site scales, measured side by side with a plain Material site.

In one run on one machine (shared and noisy, so only ratios of figures taken together mean much):

- build the site of a synthetic repository (``plansite synth``) at 1x (5,000 tasks, 300
  departments, 2,000 indicators) and at ``--scale`` times that;
- build, for each size, a plain Material site with the same number of pages of plain Markdown
  holding the same words, and the same navigation (the same nav entries; every other page
  reached through the index pages): the floor of the engine for that much content;
- run ``plansite validate`` alone on the 1x data;
- start ``mkdocs serve``, edit one data file and time the rebuild until the log says it is done;
- open the built sites in chromium, type a query and count the search bytes (gzip) the browser
  loads before the first result shows.

It prints a table and writes it to ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from factories import copy_site_files  # noqa: E402 - the site files tests build with
from plansite.adapter.nav import source_paths  # noqa: E402
from plansite.site.pages import site_pages  # noqa: E402
from plansite.model.repository import Repository  # noqa: E402
from plansite.reading.repository import load_repository  # noqa: E402
from plansite.synthetic import synth_repository  # noqa: E402

BASE_SIZE = {"tasks": 5000, "departments": 300, "indicators": 2000}
QUERY = "住建委"
"""A typical first query: a department abbreviation readers type."""

GOALS = {
    "build_ratio": 1.3, "scale_ratio": 4.4, "validate_s": 2.0, "median_kb": 60,
    "search_kb": 500, "memory_mb": 2048,
}


@dataclass
class Run:
    """One measured command: wall time, peak memory of its process tree, exit code, output."""

    seconds: float
    peak_mb: float
    code: int
    output: str = ""


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
    return Run(seconds, max(peak_tree, usage.ru_maxrss / 1024), process.returncode, output)


# -- the plain Material baseline ---------------------------------------------------------------
def _cell(text: str) -> str:
    return text.replace("|", "／").replace("\n", " ")


def baseline_pages(repo: Repository) -> dict[str, str]:
    """Plain Markdown for each generated page: the same words, without plansite's HTML."""
    names = {d.id: d.name for d in repo.departments.values()}
    pages: dict[str, str] = {}
    for page in site_pages(repo):
        pages[source_paths(page.url)[0]] = f"# {page.title}\n\n{page.description}\n"
    for plan in repo.plans.values():
        lines = [f"# {plan.title}", "", f"{plan.issuer} · {plan.period}", "", plan.summary, ""]

        def chapter(ch, level: int) -> None:
            lines.extend([f"{'#' * min(level, 6)} {ch.number}{ch.title}", "", ch.text, ""])
            for task in ch.tasks:
                add_task(task, level + 1)
            for sub in ch.chapters:
                chapter(sub, level + 1)

        def add_task(task, level: int) -> None:
            lines.extend([f"{'#' * min(level, 6)} {task.number} {task.title}", "", task.text, "",
                          "牵头部门：" + "、".join(names[d] for d in task.lead), "",
                          "配合部门：" + "、".join(names[d] for d in task.cooperating), "",
                          task.responsibility, ""])
            for sub in task.tasks:
                add_task(sub, level + 1)

        for ch in plan.chapters:
            chapter(ch, 2)
        pages[f"plans/{plan.id}/index.md"] = "\n".join(lines)
    for dept in repo.departments.values():
        lines = [f"# {dept.name}", "", "## 牵头的任务", "", "| 规划 | 任务 | 配合部门 | 完成时限 |",
                 "|---|---|---|---|"]
        for role, keys in (("牵头", repo.index.led[dept.id]), ("配合", repo.index.cooperated[dept.id])):
            if role == "配合":
                lines += ["", "## 配合的任务", "", "| 规划 | 任务 | 牵头部门 | 完成时限 |", "|---|---|---|---|"]
            for key in keys:
                task = repo.task(key)
                others = task.cooperating if role == "牵头" else task.lead
                lines.append(f"| {_cell(repo.plans[task.plan].title)} | {_cell(task.number + task.title)} "
                             f"| {'、'.join(names[d] for d in others)} "
                             f"| {task.deadline.phrase if task.deadline else ''} |")
        lines += ["", "## 相关指标", ""]
        lines += [f"- {repo.indicators[i].name}：{repo.indicators[i].phrase}"
                  for i in repo.index.department_indicators[dept.id]]
        pages[f"departments/{dept.id}/index.md"] = "\n".join(lines) + "\n"
    for ind in repo.indicators.values():
        lines = [f"# {ind.name}", "", f"- 规划：{repo.plans[ind.plan].title}", f"- 类型：{ind.type}",
                 f"- 原文：{ind.phrase}", f"- 单位：{ind.unit}", ""]
        if ind.baseline:
            lines.append(f"- 基期值：{ind.baseline.value:g}（{ind.baseline.year}年）")
        lines += ["", "## 实际值", "", "| 年份 | 数值 | 来源 |", "|---|---|---|"]
        lines += [f"| {a.year} | {a.value:g} | {a.source} |" for a in ind.actuals]
        lines += ["", "## 相关任务", ""]
        lines += [f"- {repo.task(k).title}" for k in repo.index.indicator_tasks[ind.id]]
        lines += ["", "责任部门：" + "、".join(names[d] for d in repo.index.indicator_departments[ind.id])]
        pages[f"indicators/{ind.id}/index.md"] = "\n".join(lines) + "\n"
    # the index pages link every page, as ours do
    for kind, records in (("plans", repo.plans.values()), ("departments", repo.departments.values()),
                          ("indicators", repo.indicators.values())):
        items = []
        for record in records:
            target = f"{record.id}/index.md" if kind == "plans" else f"{record.id}.md"
            items.append(f"- [{getattr(record, 'title', None) or record.name}]({target})")
        pages[f"{kind}/index.md"] = f"# {kind}\n\n" + "\n".join(items) + "\n"
    return pages


def write_baseline(repo: Repository, folder: Path, page_count: int) -> None:
    """A plain Material site with ``page_count`` pages and the nav of our mkdocs.yml."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!ENV", "").replace("[PLANSITE_SITE_URL, \"\"]", '""'))
    docs = folder / "docs"
    pages = baseline_pages(repo)
    nav = config.get("nav", [])
    for entry in nav:
        for title, path in entry.items():
            pages.setdefault(path, f"# {title}\n\n规划任务、部门和指标的公开页面。\n")
    pages.setdefault("index.md", "# 规划公开\n")
    extra = page_count - len(pages)
    for i in range(max(0, extra)):
        pages[f"extra/page-{i}.md"] = f"# 页面 {i}\n\n规划任务、部门和指标的公开页面。\n"
    if extra > 0:
        pages["extra/index.md"] = "# 其他\n\n" + "\n".join(
            f"- [页面 {i}](page-{i}.md)" for i in range(extra)) + "\n"
    for path, text in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    baseline = {
        "site_name": config["site_name"], "docs_dir": "docs", "use_directory_urls": True,
        "theme": theme, "markdown_extensions": config.get("markdown_extensions", []),
        "plugins": [p for p in config.get("plugins", []) if (
            p == "search" or isinstance(p, dict) and "search" in p)],
        "nav": nav,
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {
            "not_found": "ignore", "unrecognized_links": "ignore", "anchors": "ignore"}},
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(baseline, allow_unicode=True),
                                       encoding="utf-8")


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


def first_search_bytes(site: Path, ours: bool) -> dict[str, int]:
    """Search bytes (gzip, as a compressing server sends them) loaded from opening the home page
    until the first results of :data:`QUERY` show, by kind of resource."""
    from playwright.sync_api import sync_playwright

    from browser_support import launch_browser, serve_folder

    loaded: dict[str, int] = {}

    def record(response) -> None:
        if SEARCH_RESOURCES.search(response.url) and response.ok:
            kind = "pagefind" if "/pagefind/" in response.url or "search.js" in response.url \
                else "material"
            loaded[kind] = loaded.get(kind, 0) + len(gzip.compress(response.body(), 6))

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


def serve_rebuild(root: Path, edit: Path, timeout: float = 900) -> float | None:
    """Seconds from editing ``edit`` to the end of the rebuild, with ``mkdocs serve`` running."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--livereload"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    lines: list[tuple[float, str]] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.perf_counter(), line))
            if "Serving on" in line:
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(timeout):
            return None
        time.sleep(1.0)  # let the watcher settle
        seen = len(lines)
        text = edit.read_text(encoding="utf-8")
        started = time.perf_counter()
        edit.write_text(text.replace("title: ", "title: 修订：", 1), encoding="utf-8")
        while time.perf_counter() - started < timeout:
            for at, line in lines[seen:]:
                if "Reloading browsers" in line or "Documentation built" in line and at > started:
                    return at - started
            if process.poll() is not None:
                return None
            time.sleep(0.05)
        return None
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(20)
        if process.poll() is None:
            process.kill()


# -- the run -----------------------------------------------------------------------------------
@dataclass
class Row:
    label: str
    run: Run | None = None
    figures: SiteFigures | None = None
    note: str = ""


def build(root: Path, site: Path, strict: bool) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    result = run(command, root)
    if result.code:
        sys.stderr.write(result.output[-3000:])
        raise SystemExit(f"build failed in {root}")
    return result


def measure(work: Path, scales: list[int], serve: bool, browser: bool, rows: list[Row],
            extra: dict, fraction: float = 1.0) -> None:
    """Fill ``rows`` and ``extra`` step by step, so a failed step keeps what was measured."""
    for scale in scales:
        counts = {k: max(3, round(v * scale * fraction)) for k, v in BASE_SIZE.items()}
        ours = work / f"plansite-{scale}x"
        plain = work / f"material-{scale}x"
        for folder in (ours, plain):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        print(f"[{scale}x] synth {counts}", flush=True)
        synth_repository(ours, seed=1, **counts)
        copy_site_files(ours)
        if scale == scales[0]:
            # the median of three runs: one run on a shared machine says little
            runs = sorted((run([sys.executable, "-m", "plansite", "--root", str(ours),
                                "validate"], ours) for _ in range(3)), key=lambda r: r.seconds)
            result = runs[1]
            rows.append(Row(f"plansite validate ({scale}x data, median of 3)", result,
                            note="clean" if all(r.code == 0 for r in runs) else "PROBLEMS"))
            print(f"  validate: {', '.join(f'{r.seconds:.2f}' for r in runs)} s", flush=True)
        print(f"[{scale}x] build plansite", flush=True)
        result = build(ours, ours / "site", strict=True)
        figures = site_figures(ours / "site")
        rows.append(Row(f"plansite site {scale}x", result, figures))
        print(f"  {result.seconds:.1f} s, {figures.pages} pages", flush=True)
        repo, _ = load_repository(ours)
        write_baseline(repo, plain, figures.pages)
        print(f"[{scale}x] build plain Material", flush=True)
        result = build(plain, plain / "site", strict=False)
        base_figures = site_figures(plain / "site")
        rows.append(Row(f"plain Material {scale}x", result, base_figures))
        print(f"  {result.seconds:.1f} s, {base_figures.pages} pages", flush=True)
        if browser and scale == scales[0]:
            print(f"[{scale}x] first search", flush=True)
            figures.search_bytes = first_search_bytes(ours / "site", ours=True)
            base_figures.search_bytes = first_search_bytes(plain / "site", ours=False)
        if serve and scale == scales[0]:
            print(f"[{scale}x] serve: edit one tasks.yml", flush=True)
            edit = sorted((ours / "data" / "plans").glob("*/tasks.yml"))[0]
            extra["serve"] = serve_rebuild(ours, edit)
            extra["serve_file"] = edit.relative_to(ours).as_posix()
            print(f"  rebuild {extra['serve']}", flush=True)
            edit_plain = plain / "docs" / "departments" / "index.md"
            extra["serve_plain"] = serve_rebuild(plain, edit_plain)


def _mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB" if n >= 1e6 else f"{n / 1e3:,.0f} KB"


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def report(rows: list[Row], extra: dict, scales: list[int], elapsed: float) -> str:
    by = {r.label: r for r in rows}
    lines = [
        "# Benchmark: plansite at scale beside a plain Material site",
        "",
        f"Run by `make bench` (`bench/run.py --scale {scales[-1]}`) on "
        f"{datetime.date.today().isoformat()}, {platform.node() and 'this machine'}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; whole run {elapsed / 60:.1f} min. "
        "The machine is shared, so absolute times drift between runs; the ratios compare figures "
        "taken in the same run.",
        "",
        "Data: `plansite synth --tasks 5000 --departments 300 --indicators 2000 --seed 1` at 1x, "
        "every count times the scale for larger sizes. Baseline: the same number of HTML pages as "
        "our site, written as plain Markdown with the same words (task texts, department tables, "
        "indicator facts), the same theme, features, Markdown extensions and search plugin, the same "
        "nav entries, every other page reached through the index pages. Peak memory is the "
        "largest sum, sampled every 0.2 s, of the proportional set sizes of the build and the "
        "processes it forks (which share its loaded data).",
        "",
        "| run | wall time | peak memory | pages | site size | median page | largest page | "
        "first search (gzip) |",
        "|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for row in rows:
        f = row.figures
        search = ""
        if f and f.search_bytes:
            search = " + ".join(f"{k} {_kb(v)}" for k, v in sorted(f.search_bytes.items()))
        largest = f"{f.largest[0][0]} ({_mb(f.largest[0][1])})" if f and f.largest else ""
        lines.append(
            f"| {row.label} | {row.run.seconds:.1f} s | {row.run.peak_mb:,.0f} MB | "
            f"{f.pages if f else ''} | {_mb(f.bytes) if f else ''} | "
            f"{_kb(f.median_page) if f else ''} | {largest} | {search or row.note} |")
    if extra.get("serve") is not None or "serve" in extra:
        serve = extra.get("serve")
        plain = extra.get("serve_plain")
        lines.append(f"| `mkdocs serve` rebuild after editing `{extra.get('serve_file')}` "
                     f"(1x) | {serve:.1f} s |" if serve is not None else
                     "| `mkdocs serve` rebuild (1x) | did not finish |")
        lines[-1] += " | | | | | |"
        if plain is not None:
            lines.append(f"| `mkdocs serve` rebuild of plain Material after editing one page "
                         f"(1x) | {plain:.1f} s | | | | | | |")
    if extra.get("failure"):
        lines += ["", f"The run stopped early: {extra['failure']}"]
    lines += ["", "## Against the goals", ""]
    first = scales[0]
    ours1, base1 = by.get(f"plansite site {first}x"), by.get(f"plain Material {first}x")
    checks = []
    if ours1 and base1:
        ratio = ours1.run.seconds / base1.run.seconds
        checks.append((f"build time at 1x <= {GOALS['build_ratio']}x plain Material",
                       f"{ratio:.2f}x ({ours1.run.seconds:.1f} s against {base1.run.seconds:.1f} s)",
                       ratio <= GOALS["build_ratio"]))
    if len(scales) > 1:
        big = scales[-1]
        ours4 = by.get(f"plansite site {big}x")
        base4 = by.get(f"plain Material {big}x")
        if ours1 and ours4:
            ratio = ours4.run.seconds / ours1.run.seconds
            limit = GOALS["scale_ratio"] * big / 4
            checks.append((f"{big}x the data <= {limit:.1f}x the time",
                           f"{ratio:.2f}x ({ours4.run.seconds:.1f} s against {ours1.run.seconds:.1f} s)",
                           ratio <= limit))
        if base4 and base1:
            checks.append((f"(for reference) plain Material, {big}x the pages",
                           f"{base4.run.seconds / base1.run.seconds:.2f}x the time", None))
        if ours4 and base4:
            checks.append((f"(for reference) build time at {big}x against plain Material",
                           f"{ours4.run.seconds / base4.run.seconds:.2f}x", None))
    validate = by.get(f"plansite validate ({first}x data, median of 3)")
    if validate:
        checks.append((f"validation < {GOALS['validate_s']:.0f} s",
                       f"{validate.run.seconds:.2f} s ({validate.note})",
                       validate.run.seconds < GOALS["validate_s"] and validate.run.code == 0))
    if ours1 and ours1.figures:
        kb = ours1.figures.median_page / 1024
        checks.append((f"median HTML page < {GOALS['median_kb']} KB", f"{kb:.1f} KB",
                       kb < GOALS["median_kb"]))
        if ours1.figures.search_bytes:
            total = sum(ours1.figures.search_bytes.values()) / 1024
            checks.append((f"first search < {GOALS['search_kb']} KB gzip",
                           f"{total:,.0f} KB", total < GOALS["search_kb"]))
        peak = max(r.run.peak_mb for r in rows if r.label.startswith("plansite") and
                   f"{first}x" in r.label)
        checks.append((f"peak memory at 1x < {GOALS['memory_mb'] / 1024:.0f} GB",
                       f"{peak:,.0f} MB", peak < GOALS["memory_mb"]))
    lines += ["| goal | measured | met |", "|---|---|---|"]
    for goal, measured, met in checks:
        lines.append(f"| {goal} | {measured} | {'' if met is None else ('yes' if met else '**no**')} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=4,
                        help="the larger size, as a multiple of 1x (default 4; 0 builds 1x only)")
    parser.add_argument("--work", help="folder for the repositories and sites (default: a temp dir)")
    parser.add_argument("--fraction", type=float, default=1.0,
                        help="shrink 1x to this fraction, to try the bench quickly (default 1)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-search bytes")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results.md"),
                        help="where the table goes (default bench/results.md)")
    args = parser.parse_args(argv)
    scales = [1] + ([args.scale] if args.scale > 1 else [])
    started = time.perf_counter()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    rows: list[Row] = []
    extra: dict = {}
    try:
        measure(work, scales, not args.no_serve, not args.no_browser, rows, extra, args.fraction)
    except (Exception, SystemExit) as exc:  # report what was measured before the failure
        extra["failure"] = f"{type(exc).__name__}: {exc}"
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    text = report(rows, extra, scales, time.perf_counter() - started)
    print("\n" + text)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
