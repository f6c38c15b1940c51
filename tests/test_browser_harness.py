"""The test harness itself: a served folder opens in the real browser."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser_support import serve_folder
from conftest import LONGEST_FIRST, SPREAD, run_order

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>规划</title></head>
<body><h1 id="title">市“十二五”规划纲要</h1>
<p id="js">静态</p>
<script src="app.js"></script></body></html>
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "app.js").write_text(
        'document.getElementById("js").textContent = "脚本已运行";', encoding="utf-8")
    return tmp_path


def test_server_serves_files_and_stops(folder: Path) -> None:
    with serve_folder(folder) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(base_url + "app.js") as response:
            assert response.headers["Content-Type"].startswith("text/javascript")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base_url + "missing.html")
        assert missing.value.code == 404
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base_url, timeout=2)


@pytest.mark.browser
def test_browser_reads_served_page(page, serve_site, folder: Path) -> None:
    base_url = serve_site(folder)
    page.goto(base_url)
    assert page.title() == "规划"
    assert page.text_content("#title") == "市“十二五”规划纲要"
    # The script ran: the browser loaded a second file from the same server.
    assert page.text_content("#js") == "脚本已运行"


def test_the_longest_modules_run_first_and_the_one_by_one_tests_last() -> None:
    here = Path(__file__).resolve().parent
    for stem in (*LONGEST_FIRST, *SPREAD):
        assert (here / f"{stem}.py").is_file(), f"{stem} is named in conftest.py but gone"
    assert run_order("tests/test_search_synthetic.py::test_x") == 0
    assert run_order(f"tests/{LONGEST_FIRST[-1]}.py::t") < run_order("tests/test_values.py::t")
    assert run_order("tests/test_values.py::t") < run_order("tests/test_a11y.py::t[home-dark]")
