"""What `plansite build` leaves on disk: a site everyone can read, and no staging folder.

A build killed with SIGKILL cannot clean up: its MkDocs child dies with it and the next build
sweeps its staging folder. A data file that is a link out of the repository is refused.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factories import copy_site_files, make_repo
from plansite.adapter.build import sweep_stale
from plansite.cli import main


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_staging_folders_are_swept_and_running_ones_kept(tmp_path):
    dead = tmp_path / f".site-{_dead_pid()}-abc"
    dead_old = tmp_path / f".site-old-{_dead_pid()}-abc"
    running = tmp_path / f".site-{os.getpid()}-abc"
    other = tmp_path / ".site-notabuild"
    for folder in (dead, dead_old, running, other):
        (folder / "x").mkdir(parents=True)
    assert sorted(sweep_stale(tmp_path)) == sorted([dead, dead_old])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, other.name])


@pytest.mark.slow
def test_the_published_site_is_readable_by_everyone(tmp_path):
    make_repo(tmp_path)
    copy_site_files(tmp_path)
    assert main(["--root", str(tmp_path), "build"]) == 0
    site = tmp_path / "site"
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in [site, *site.rglob("*")]}
    assert not [p for p, mode in modes.items() if not mode & stat.S_IROTH]
    assert not [p for p, mode in modes.items() if p.is_dir() and not mode & stat.S_IXOTH]


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        out.extend(int(c) for c in text)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_build_takes_mkdocs_with_it_and_the_next_build_sweeps_up(tmp_path):
    make_repo(tmp_path)
    copy_site_files(tmp_path)
    build = subprocess.Popen([sys.executable, "-m", "plansite", "--root", str(tmp_path), "build"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    children: list[int] = []
    while time.monotonic() < deadline and not children:
        time.sleep(0.1)
        children = _children(build.pid)
    assert children, "the build started no MkDocs process"
    assert list(tmp_path.glob(".site-*"))
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(c) for c in children):
        time.sleep(0.1)
    assert not [c for c in children if _alive(c)], "MkDocs outlived the build"
    assert list(tmp_path.glob(".site-*")), "the killed build left its staging folder"
    assert main(["--root", str(tmp_path), "build"]) == 0
    assert not list(tmp_path.glob(".site-*"))


def test_a_data_file_linking_out_of_the_repository_is_refused(tmp_path, capsys):
    make_repo(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere.yml"
    outside.write_text("id: demo\ntitle: " + "x" * 300_000 + "\n", encoding="utf-8")
    plan = tmp_path / "data" / "plans" / "demo" / "plan.yml"
    plan.unlink()
    plan.symlink_to(outside)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"data/plans/demo/plan.yml: 这是指向仓库之外的链接（指向 {outside.resolve().as_posix()}）；"
        "数据文件和页面必须在仓库里; 提示：把文件本身复制到仓库里，或删去这个链接"]


def test_a_long_value_is_quoted_by_its_first_line_only(tmp_path, capsys):
    make_repo(tmp_path)
    plan = tmp_path / "data" / "plans" / "demo" / "plan.yml"
    plan.write_text("x" * 300_000 + "\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "validate"]) == 1
    out = capsys.readouterr().out
    assert len(out) < 500
    assert "文字“" + "x" * 200 + "…”" in out
