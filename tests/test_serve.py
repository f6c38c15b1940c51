"""`make serve`: editing a YAML file under data/ rebuilds the pages that show it."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from factories import copy_site_files, make_repo

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def serving(root, dirty: bool = True) -> Iterator[int]:
    """`mkdocs serve` of the repository at ``root`` on a free port, stopped afterwards; with
    ``dirty`` as `make serve` runs it (writing again only the pages whose records changed)."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
               "--livereload"] + (["--dirty"] if dirty else [])
    server = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.mark.slow
@pytest.mark.parametrize("dirty", [True, False], ids=["make-serve", "plain-mkdocs-serve"])
def test_editing_data_rebuilds_the_served_page(tmp_path, dirty):
    copy_site_files(make_repo(tmp_path))
    with serving(tmp_path, dirty) as port:
        url = f"http://127.0.0.1:{port}/departments/zhujianwei/"
        assert wait_for(url, "<h1>市住建委</h1>"), "the first build never served the page"
        departments = tmp_path / "data" / "departments.yml"
        text = departments.read_text(encoding="utf-8")
        assert "  - 住建委\n" in text
        departments.write_text(text.replace("  - 住建委\n", "  - 住建委\n  - 市住房和城乡建设委员会\n"),
                               encoding="utf-8")
        assert wait_for(url, "市住房和城乡建设委员会"), "the edit was not rebuilt"


def fetch_any(url: str) -> str:
    """The page at ``url``, also when it is answered with an error status (the 404 page)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.slow
def test_a_data_problem_is_shown_in_the_browser_until_it_is_fixed(tmp_path):
    copy_site_files(make_repo(tmp_path))
    tasks = tmp_path / "data" / "plans" / "demo" / "tasks.yml"
    good = tasks.read_text(encoding="utf-8")
    tasks.write_text(good.replace("- 规划局", "- 规划所"), encoding="utf-8")
    problem = ("<li><code>data/plans/demo/tasks.yml:13:7: chapters[0].tasks[0].lead[1]</code> "
               "找不到部门“规划所”；应为部门名录 data/departments.yml 中的编号、名称或别名; "
               "提示：最接近的部门：市城乡规划局（guihuaju）</li>")
    with serving(tmp_path) as port:
        home = f"http://127.0.0.1:{port}/"
        assert wait_for(home, "<h1>数据有 1 个问题，网站暂未更新</h1>"), "no page of the problems"
        assert problem in fetch(home)
        assert "livereload" in fetch(home)  # the page reloads itself once the file is fixed
        assert problem in fetch_any(f"http://127.0.0.1:{port}/plans/demo/")  # at every address
        tasks.write_text(good, encoding="utf-8")
        assert wait_for(f"http://127.0.0.1:{port}/departments/guihuaju/", "<h1>市城乡规划局</h1>")
        assert "数据有" not in fetch(home)
