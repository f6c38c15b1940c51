"""`make serve`: editing a YAML file under data/ rebuilds the pages that show it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

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


@pytest.mark.slow
def test_editing_data_rebuilds_the_served_page(tmp_path):
    copy_site_files(make_repo(tmp_path))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/departments/zhujianwei/"
        assert wait_for(url, "<h1>市住建委</h1>"), "the first build never served the page"
        departments = tmp_path / "data" / "departments.yml"
        text = departments.read_text(encoding="utf-8")
        assert "  - 住建委\n" in text
        departments.write_text(text.replace("  - 住建委\n", "  - 住建委\n  - 市住房和城乡建设委员会\n"),
                               encoding="utf-8")
        assert wait_for(url, "市住房和城乡建设委员会"), "the edit was not rebuilt"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
