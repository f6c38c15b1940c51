"""Long commands say where they are: live on a terminal, a few plain lines in a log."""

from __future__ import annotations

import io
import re
import subprocess
import sys

from factories import copy_site_files, make_repo
from plansite.progress import EVENT, EventWriter, Progress, replay

LINE = re.compile(r"^plansite \[ *\d+\.\d s\] \S.*$")
"""A plain progress line: the time since the command started, then the phase and its count."""


def plain_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("plansite [")]


def test_without_a_terminal_a_phase_is_a_few_plain_lines():
    stream = io.StringIO()
    with Progress(stream, lang="zh") as progress:
        progress.phase("progress-pages", 1000)
        for _ in range(1000):
            progress.advance()
    text = stream.getvalue()
    assert "\r" not in text and "\x1b" not in text
    lines = text.splitlines()
    assert all(LINE.match(line) for line in lines), lines
    # its start, each quarter, its end: not a line per page
    counts = [line.split("] ", 1)[1] for line in lines]
    assert counts[0] == "写页面 0/1000" and counts[-1].startswith("写页面 1000/1000 完成 (")
    assert counts[1:-1] == ["写页面 250/1000", "写页面 500/1000", "写页面 750/1000"]


def test_on_a_terminal_the_display_is_live():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with Progress(stream) as progress:
        assert progress.live
        progress.phase("progress-plans", 4)
        progress.advance(4)
    assert "4/4" in stream.getvalue() and "写规划" in stream.getvalue()
    assert "plansite [" not in stream.getvalue()


def test_a_childs_progress_is_read_back_and_its_other_lines_kept():
    sent = io.StringIO()
    child = EventWriter(sent)
    child.phase("progress-pages", 400)
    for _ in range(400):
        child.advance()
    child.close()
    lines = sent.getvalue().splitlines()
    assert all(line.startswith(EVENT) for line in lines)
    assert len(lines) <= 202  # batched: about two hundred steps a phase at most
    shown = io.StringIO()
    progress = Progress(shown, live=False)
    assert not replay("INFO    -  Building documentation\n", progress)
    for line in lines:
        assert replay(line, progress)
    progress.close()
    assert plain_lines(shown.getvalue())[-1].split("] ", 1)[1].startswith("写页面 400/400 完成")


def test_the_build_without_a_terminal_reports_in_plain_lines(tmp_path):
    copy_site_files(make_repo(tmp_path))
    done = subprocess.run([sys.executable, "-m", "plansite", "build"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr and "\x1b[?25l" not in done.stderr  # no live display
    lines = plain_lines(done.stderr)
    assert all(LINE.match(line) for line in lines), lines
    phases = [line.split("] ", 1)[1] for line in lines]
    pages = [p for p in phases if p.startswith("写页面")]
    total = int(pages[0].split("/")[1])
    assert total > 10 and pages[0] == f"写页面 0/{total}"
    assert pages[-1].startswith(f"写页面 {total}/{total} 完成")
    assert len(pages) <= 6  # sparse
    assert phases[0] == "读取数据" and phases[-1].startswith("搜索索引、下载文件和链接检查 完成")
    # the child's progress lines are shown, not repeated as output
    assert EVENT not in done.stderr


def test_synth_and_import_report_their_phases_in_plain_lines(tmp_path, capsys):
    from plansite.cli import main

    assert main(["synth", "--tasks", "40", "--departments", "10", "--indicators", "10",
                 "--plans", "2", "--out", str(tmp_path)]) == 0
    phases = [line.split("] ", 1)[1] for line in plain_lines(capsys.readouterr().err)]
    assert phases[0] == "写规划 0/2" and phases[-1].startswith("写规划 2/2 完成")
    source = tmp_path / "plan.txt"
    source.write_text("某市工作方案\n\n一、总体要求\n\n（一）加快建设。由市住建委负责。\n",
                      encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", str(source), "--plan", "work-plan"]) == 0
    phases = [line.split("] ", 1)[1] for line in plain_lines(capsys.readouterr().err)]
    assert phases[0] == "读取文档" and phases[-1].startswith("写数据文件 3/3 完成")
