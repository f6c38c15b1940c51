"""``make bench`` at a small fraction of its size: it builds the site and the engine's floor
beside it, and writes its table."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import run as bench  # noqa: E402


def test_the_bench_measures_both_sites_and_checks_the_goals(tmp_path):
    out = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--scales", "1", "--fraction", "0.01",
         "--no-serve", "--no-browser", "--no-references", "--work", str(tmp_path / "work"),
         "--out", str(out)],
        capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    assert "The run stopped early" not in text, text
    for row in ("| plansite validate (1x data, median of 3) |", "| plansite 1x |",
                "| engine floor 1x |", "build at 1x <= 2.0x the engine's floor",
                "validation < 2 s", "median HTML page < 60 KB",
                "peak memory at 1x, every process of the build <= 1 GB"):
        assert row in text, row
    starter = next(line for line in text.splitlines()
                   if line.startswith("| a new site's checks well under a minute"))
    # the new site passed its checks; whether in time is the bench's figure, not this test's
    assert re.search(r"\| [0-9.]+ s \(clean\) \| (yes|\*\*no\*\*) \|$", starter), starter


def test_memory_counts_the_forked_children_of_the_build():
    code = ("import os, time\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    block = bytearray(150 * 1024 * 1024)\n"
            "    block[::4096] = b'x' * len(block[::4096])\n"
            "    time.sleep(1.5)\n"
            "    os._exit(0)\n"
            "os.waitpid(pid, 0)\n")
    started = time.perf_counter()
    result = bench.run([sys.executable, "-c", code], ROOT)
    assert result.code == 0 and time.perf_counter() - started < 60
    assert result.peak_mb > 150  # the child's memory, though the parent never held it
    assert bench.tree_memory_mb(os.getpid()) > 0


def test_processor_time_counts_the_children_and_not_the_waiting():
    code = ("import os, time\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    end = time.process_time() + 0.6\n"
            "    while time.process_time() < end: pass\n"
            "    os._exit(0)\n"
            "os.waitpid(pid, 0)\n"
            "time.sleep(1.0)\n")
    result = bench.run([sys.executable, "-c", code], ROOT)
    assert result.code == 0
    assert result.cpu_seconds >= 0.6  # the child's work
    assert result.cpu_seconds < result.seconds - 0.5  # the parent's sleep is no work


FIRST_SEARCH = """
import json, sys
sys.path[:0] = [sys.argv[2], sys.argv[3]]
from pathlib import Path
from measure import first_search_bytes
seen = []
print(json.dumps([first_search_bytes(Path(sys.argv[1]), ours=True, seen=seen), seen]))
"""


@pytest.mark.browser
def test_the_first_search_counts_every_search_file_it_loads(browser, real_site):
    # The figure is the bytes of every Pagefind file (and search.js) the first search loads,
    # each as a compressing server sends it: summed here from the files on disk. (In a process
    # of its own: this one may drive a browser already.)
    done = subprocess.run([sys.executable, "-c", FIRST_SEARCH, str(real_site),
                           str(ROOT / "bench"), str(ROOT / "tests")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    measured, urls = json.loads(done.stdout)
    assert len(urls) > 10  # the entry, the metadata, the index chunks, the fragments ...
    expected = 0
    for url in urls:
        path = real_site / urlsplit(url).path.lstrip("/")
        expected += len(gzip.compress(path.read_bytes(), 6))
    assert measured == {"pagefind": expected}
