"""``make bench``: how the site scales, measured side by side with the engine it runs on.

In one run on one machine (shared and noisy, so only ratios of figures taken together mean much):

- build the site of a synthetic repository (``plansite synth``: tasks, departments, indicators
  and their progress reports) at 1x (5,000 tasks, 300 departments, 2,000 indicators), 4x and
  16x, timing each build and the peak memory of every process it runs;
- at 1x, build the engine's floor beside it (the visible text of every page plansite wrote,
  through MkDocs and Material with the home page alone in the navigation and no search plugin)
  and, for reference, plain Material with its Chinese search (:mod:`bench.baselines`);
- run ``plansite validate`` alone on the 1x data;
- make a new site with ``plansite new`` (its small example plan) and time its checks as its
  README gives them (``make check``: ``plansite validate``, then the strict ``plansite build``
  with its link check), without the one-off set-up of its environment;
- serve the 1x site as `make serve` does (``mkdocs serve --livereload --dirty``), edit one task's
  title and time until the task's own page is served updated (and count the pages rendered
  again);
- open the built sites in chromium, type a query and count the search bytes (gzip) the browser
  loads before the first result shows;
- at 1x, type the project's own search queries (tests/test_search_quality.py) that name one
  record of the synthetic site, and a sample of its unique department and indicator names, and
  count those whose record is among the first three results.

It prints a table and writes it to ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from baselines import write_floor, write_plain_material  # noqa: E402
from factories import copy_site_files  # noqa: E402 - the site files tests build with
from measure import (Run, SiteFigures, first_search_bytes, run, search_hits,  # noqa: E402
                     serve_edit_seconds, site_figures, tree_memory_mb, unique_queries)
from plansite.model.urls import task_page_url  # noqa: E402
from plansite.progress import QUIET, Progress, Quiet  # noqa: E402
from plansite.reading.repository import load_repository  # noqa: E402
from plansite.synthetic import synth_repository  # noqa: E402

__all__ = ["run", "tree_memory_mb"]

BASE_SIZE = {"tasks": 5000, "departments": 300, "indicators": 2000}

GOALS = {
    "floor_ratio": 2.0, "scale_ratio": 4.4, "validate_s": 2.0, "median_kb": 60,
    "largest_mb": 1.0, "memory_1x_mb": 1024, "memory_4x_mb": 2048, "serve_s": 5.0,
    "search_kb": 300, "search_hits": 0.95, "memory_16x_mb": 24 * 1024, "starter_s": 30.0,
}


STARTER_LABEL = "a new site's checks (`plansite new`, then validate and the strict build)"


def starter_checks(work: Path) -> Row:
    """A new site's checks (``make check`` of ``plansite new``'s site), timed together."""
    site = work / "new-site"
    shutil.rmtree(site, ignore_errors=True)
    made = run([sys.executable, "-m", "plansite", "new", str(site)], work)
    if made.code:
        raise SystemExit(f"plansite new failed: {made.output[-2000:]}")
    validate = run([sys.executable, "-m", "plansite", "validate"], site)
    build = run([sys.executable, "-m", "plansite", "build"], site)
    both = Run(validate.seconds + build.seconds, max(validate.peak_mb, build.peak_mb),
               validate.code or build.code, validate.output + build.output,
               validate.cpu_seconds + build.cpu_seconds)
    return Row(STARTER_LABEL, both, site_figures(site / "site"),
               note="clean" if both.code == 0 else "FAILED")


@dataclass
class Row:
    label: str
    run: Run | None = None
    figures: SiteFigures | None = None
    note: str = ""


def build(root: Path, site: Path, strict: bool, scale: int = 1) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    if strict:
        command.append("--strict")
    result = run(command, root, timeout=1800 * max(1, scale // 4))
    if result.code:
        sys.stderr.write(result.output[-3000:])
        raise SystemExit(f"build failed in {root}")
    return result


def _built(rows: list[Row], label: str, root: Path, strict: bool, scale: int = 1) -> Row:
    print(f"  build {label}", flush=True)
    result = build(root, root / "site", strict, scale)
    row = Row(label, result, site_figures(root / "site"))
    rows.append(row)
    print(f"    {result.seconds:.1f} s, {result.peak_mb:,.0f} MB, {row.figures.pages} pages",
          flush=True)
    return row


def measure(work: Path, scales: list[int], serve: bool, browser: bool, rows: list[Row],
            extra: dict, fraction: float = 1.0, references: bool = True,
            progress: Quiet = QUIET, save: Callable[[], None] = lambda: None) -> None:
    """Fill ``rows`` and ``extra`` step by step, so a failed step keeps what was measured;
    ``save()`` after each size writes what is measured so far (a long 16x build may be
    stopped and the figures before it stay). Each scale is a phase of ``progress``, its steps
    counted."""
    for scale in scales:
        save()
        first = scale == scales[0]
        progress.phase("progress-bench", 2 + 2 * first + (first and references)
                       + (browser and scale in scales[:2]) + (serve and first), step=f"{scale}x")
        counts = {k: max(3, round(v * scale * fraction)) for k, v in BASE_SIZE.items()}
        ours = work / f"plansite-{scale}x"
        shutil.rmtree(ours, ignore_errors=True)
        ours.mkdir(parents=True)
        print(f"[{scale}x] synth {counts}", flush=True)
        synth_repository(ours, seed=1, **counts)
        copy_site_files(ours)
        progress.advance()
        if scale == scales[0]:
            # the median of three runs: one run on a shared machine says little
            runs = sorted((run([sys.executable, "-m", "plansite", "--root", str(ours),
                                "validate"], ours) for _ in range(3)), key=lambda r: r.seconds)
            rows.append(Row(f"plansite validate ({scale}x data, median of 3)", runs[1],
                            note="clean" if all(r.code == 0 for r in runs) else "PROBLEMS"))
            print(f"  validate: {', '.join(f'{r.seconds:.2f}' for r in runs)} s", flush=True)
            rows.append(starter_checks(work))
            print(f"  a new site's checks: {rows[-1].run.seconds:.1f} s", flush=True)
            progress.advance()
        mine = _built(rows, f"plansite {scale}x", ours, strict=True, scale=scale)
        save()
        progress.advance()
        if scale == scales[0]:
            floor = work / f"floor-{scale}x"
            shutil.rmtree(floor, ignore_errors=True)
            write_floor(ours / "site", floor)
            _built(rows, f"engine floor {scale}x", floor, strict=False)
            progress.advance()
            if references:
                plain = work / f"material-{scale}x"
                shutil.rmtree(plain, ignore_errors=True)
                repo, _ = load_repository(ours)
                write_plain_material(repo, plain, mine.figures.pages)
                _built(rows, f"plain Material with search {scale}x", plain, strict=False)
                progress.advance()
        if browser and scale in scales[:2]:
            print(f"[{scale}x] first search", flush=True)
            mine.figures.search_bytes = first_search_bytes(ours / "site", ours=True)
            progress.advance()
        if browser and scale == scales[0]:
            from test_search_quality import QUERIES
            repo, _ = load_repository(ours)
            queries = unique_queries(repo, QUERIES)
            print(f"[{scale}x] search quality: {len(queries)} queries", flush=True)
            hits, misses = search_hits(ours / "site", queries)
            extra["search_quality"] = (hits, len(queries), misses)
            print(f"  {hits} of {len(queries)} in the top 3", flush=True)
        if serve and scale == scales[0]:
            print(f"[{scale}x] serve: edit one task's title", flush=True)
            edit = sorted((ours / "data" / "plans").glob("*/tasks.yml"))[0]
            extra["serve_file"] = edit.relative_to(ours).as_posix()
            text = edit.read_text(encoding="utf-8")
            # the first task's id and title (the titles before it are its chapters'); the
            # task's own page shows its title whatever page of a long plan lists it
            first = text.split("tasks:\n", 1)[1]
            task_id = first.split("id: ", 1)[1].split("\n", 1)[0].strip("'\"")
            old = first.split("title: ", 1)[1].split("\n", 1)[0]
            extra["serve"] = serve_edit_seconds(ours, edit, old, "修订" + old,
                                                task_page_url(edit.parent.name, task_id))
            print(f"  served updated after {extra['serve']}", flush=True)
            progress.advance()


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 1e6 else f"{n / 1e3:,.0f} KB"


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def _table(rows: list[Row], extra: dict) -> list[str]:
    lines = ["| run | processor time | wall time | peak memory | pages | site size | "
             "median page | largest page | first search (gzip) |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for row in rows:
        f = row.figures
        search = ""
        if f and f.search_bytes:
            search = " + ".join(f"{k} {_kb(v)}" for k, v in sorted(f.search_bytes.items()))
        largest = f"{f.largest[0][0]} ({_mb(f.largest[0][1])})" if f and f.largest else ""
        lines.append(
            f"| {row.label} | {row.run.cpu_seconds:.1f} s | {row.run.seconds:.1f} s | "
            f"{row.run.peak_mb:,.0f} MB | "
            f"{f.pages if f else ''} | {_mb(f.bytes) if f else ''} | "
            f"{_kb(f.median_page) if f else ''} | {largest} | {search or row.note} |")
    if "serve" in extra:
        serve = extra["serve"]
        rendered = f"{serve.rendered} pages rendered again" if serve.rendered is not None else ""
        reloaded = "browser told to reload" if serve.reloaded else "no reload seen"
        lines.append(f"| `make serve` (1x): edit one task's title in `{extra.get('serve_file')}`, "
                     f"until the task's own page is served updated | | "
                     + (f"{serve.seconds:.1f} s" if serve.seconds is not None else "did not show")
                     + f" | | {serve.rendered if serve.rendered is not None else ''} | | | | "
                     f"{rendered}; {reloaded} |")
    return lines


def _times(row: Row) -> str:
    return f"{row.run.cpu_seconds:.1f} s"


def _goals(rows: list[Row], extra: dict, scales: list[int]) -> list[tuple[str, str, bool | None]]:
    by = {r.label: r for r in rows}
    first = scales[0]
    checks: list[tuple[str, str, bool | None]] = []
    ours1, floor1 = by.get(f"plansite {first}x"), by.get(f"engine floor {first}x")
    plain1 = by.get(f"plain Material with search {first}x")
    if ours1 and floor1:
        ratio = ours1.run.cpu_seconds / floor1.run.cpu_seconds
        checks.append((f"build at 1x <= {GOALS['floor_ratio']}x the engine's floor "
                       "(processor time)", f"{ratio:.2f}x ({_times(ours1)} against "
                       f"{_times(floor1)})", ratio <= GOALS["floor_ratio"]))
        checks.append(("(for reference) the same in wall time",
                       f"{ours1.run.seconds / floor1.run.seconds:.2f}x", None))
    if ours1 and plain1:
        checks.append(("(for reference) build at 1x against plain Material with search "
                       "(processor time)",
                       f"{ours1.run.cpu_seconds / plain1.run.cpu_seconds:.2f}x", None))
    for small, big in zip(scales, scales[1:]):
        a, b = by.get(f"plansite {small}x"), by.get(f"plansite {big}x")
        if a and b:
            limit = GOALS["scale_ratio"] * (big / small) / 4
            ratio = b.run.cpu_seconds / a.run.cpu_seconds
            checks.append((f"{big // small}x the data ({small}x -> {big}x) <= {limit:.1f}x the "
                           "processor time", f"{ratio:.2f}x ({_times(b)} against {_times(a)}; "
                           f"wall {b.run.seconds / a.run.seconds:.2f}x)", ratio <= limit))
    validate = by.get(f"plansite validate ({first}x data, median of 3)")
    if validate:
        checks.append((f"validation < {GOALS['validate_s']:.0f} s",
                       f"{validate.run.seconds:.2f} s ({validate.note})",
                       validate.run.seconds < GOALS["validate_s"] and validate.run.code == 0))
    starter = next((r for r in rows if r.label == STARTER_LABEL), None)
    if starter:
        checks.append((f"a new site's checks well under a minute (<= {GOALS['starter_s']:.0f} s)",
                       f"{starter.run.seconds:.1f} s ({starter.note})",
                       starter.run.seconds <= GOALS["starter_s"] and starter.run.code == 0))
    if ours1 and ours1.figures:
        kb = ours1.figures.median_page / 1024
        checks.append((f"median HTML page < {GOALS['median_kb']} KB", f"{kb:.1f} KB",
                       kb < GOALS["median_kb"]))
    for scale, key in ((first, "memory_1x_mb"), (scales[1] if len(scales) > 1 else None,
                                                 "memory_4x_mb"),
                       (scales[2] if len(scales) > 2 else None, "memory_16x_mb")):
        row = by.get(f"plansite {scale}x")
        if row:
            checks.append((f"peak memory at {scale}x, every process of the build <= "
                           f"{GOALS[key] / 1024:.0f} GB", f"{row.run.peak_mb:,.0f} MB",
                           row.run.peak_mb <= GOALS[key]))
    if len(scales) > 1:
        row = by.get(f"plansite {scales[1]}x")
        if row and row.figures and row.figures.largest:
            name, size = row.figures.largest[0]
            checks.append((f"no page over {GOALS['largest_mb']:.0f} MB at {scales[1]}x",
                           f"largest {name} ({_mb(size)})",
                           size <= GOALS["largest_mb"] * 1024 * 1024))
        if row and row.figures and row.figures.search_bytes:
            total = sum(row.figures.search_bytes.values()) / 1024
            checks.append((f"first search at {scales[1]}x <= {GOALS['search_kb']} KB gzip",
                           f"{total:,.0f} KB", total <= GOALS["search_kb"]))
    if "search_quality" in extra:
        hits, total, _ = extra["search_quality"]
        rate = hits / total if total else 0.0
        checks.append((f"search at {first}x: the expected record in the top 3 for >= "
                       f"{GOALS['search_hits']:.0%} of the queries (records unique there)",
                       f"{rate:.1%} ({hits} of {total})", rate >= GOALS["search_hits"]))
    if "serve" in extra:
        seconds = extra["serve"].seconds
        checks.append((f"an edit is served within {GOALS['serve_s']:.0f} s (1x, `make serve`)",
                       "did not show" if seconds is None else f"{seconds:.1f} s",
                       seconds is not None and seconds <= GOALS["serve_s"]))
    return checks


def report(rows: list[Row], extra: dict, scales: list[int], elapsed: float) -> str:
    lines = [
        "# Benchmark: plansite at scale beside the engine it runs on", "",
        f"Run by `make bench` (`bench/run.py --scales {','.join(map(str, scales))}`) on "
        f"{datetime.date.today().isoformat()}, this machine: {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; whole run {elapsed / 60:.1f} min. The machine is shared, "
        "so absolute times drift between runs; the ratios compare figures taken in the same run, "
        "and the goals on time compare processor time (user and system, of the build and every "
        "process it runs), which the other work on the machine does not inflate as it does the "
        "wall time.",
        "",
        "Data: `plansite synth --tasks 5000 --departments 300 --indicators 2000 --seed 1` at 1x "
        "(with its progress reports), every count times the scale for larger sizes. The engine's "
        "floor: the visible text of every page plansite wrote, as plain Markdown at the same "
        "addresses, built by MkDocs and Material with the same theme settings, the home page "
        "alone in the navigation and no search plugin. Plain Material with search (for "
        "reference): as many pages of plain Markdown with the same words, plansite's "
        "navigation and Material's Chinese search plugin. Peak memory is the largest sum, "
        "sampled every 0.2 s, of the proportional set sizes of the build and every process it "
        "runs (forked workers share its loaded data; Pagefind's indexer is counted too).", "",
    ]
    lines += _table(rows, extra)
    if extra.get("failure"):
        lines += ["", f"The run stopped early: {extra['failure']}"]
    lines += ["", "## Against the goals", "", "| goal | measured | met |", "|---|---|---|"]
    for goal, measured, met in _goals(rows, extra, scales):
        lines.append(f"| {goal} | {measured} | {'' if met is None else ('yes' if met else '**no**')} |")
    if extra.get("search_quality") and extra["search_quality"][2]:
        lines += ["", "Search misses (query, expected, first three results):", ""]
        lines += [f"- `{q}`: {', '.join(e)}; got {', '.join(g) or 'nothing'}"
                  for q, e, g in extra["search_quality"][2]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,4,16",
                        help="the sizes built, as multiples of 1x (default 1,4,16)")
    parser.add_argument("--work", help="folder for the repositories and sites (default: a temp dir)")
    parser.add_argument("--fraction", type=float, default=1.0,
                        help="shrink 1x to this fraction, to try the bench quickly (default 1)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve edit")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-search bytes")
    parser.add_argument("--no-references", action="store_true",
                        help="skip plain Material with search (a reference, not a goal)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results.md"),
                        help="where the table goes (default bench/results.md)")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    started = time.perf_counter()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    rows: list[Row] = []
    extra: dict = {}

    def save() -> None:
        Path(args.out).write_text(report(rows, extra, scales, time.perf_counter() - started),
                                  encoding="utf-8")

    try:
        with Progress() as progress:
            measure(work, scales, not args.no_serve, not args.no_browser, rows, extra,
                    args.fraction, not args.no_references, progress, save)
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
