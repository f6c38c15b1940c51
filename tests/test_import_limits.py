"""`plansite import` refuses what it cannot read in seconds and a few hundred megabytes.

Each file is made here: a .docx of under a megabyte that unpacks to 300 MB, and a .csv and an
.xlsx of a million rows. Each import runs in a child process whose peak memory the kernel
reports for that child alone (``os.wait4``), and whose time is taken from outside: the refusal,
its exact message, under 500 MB and under 10 s. The memory probe is shown to see a child that
does take 600 MB, so the bound cannot hold by a probe that reads nothing.
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from factories import make_repo

from plansite.importers.limits import MB, ImportLimits

MEMORY_BOUND = 500 * MB
TIME_BOUND = 10.0
ROWS = 1_000_000


MEASURE = """
import os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs a command as the child of a small process and prints its peak memory: a child forked
straight from a large test process would count that process's pages as its own."""


def run_measured(args: list[str], cwd: Path) -> tuple[int, str, int, float]:
    """Run ``args`` in a child: its exit code, standard error (without the progress lines a
    command writes there when not on a terminal), peak memory (bytes) and seconds."""
    started = time.monotonic()
    child = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=cwd,
                           capture_output=True, check=False)
    elapsed = time.monotonic() - started
    said = "".join(line for line in child.stderr.decode("utf-8").splitlines(keepends=True)
                   if not line.startswith("plansite ["))
    return child.returncode, said, int(child.stdout.split()[-1]) * 1024, elapsed


def plansite_import(source: Path, tmp_path: Path, *extra: str) -> tuple[int, str, int, float]:
    """``plansite import`` of ``source`` into a small repository at ``tmp_path``, measured."""
    if not (tmp_path / "data").exists():
        make_repo(tmp_path)
    return run_measured([sys.executable, "-m", "plansite", "--root", str(tmp_path), "import",
                         str(source), "--plan", "big", "--out", str(tmp_path / "out"), *extra],
                        tmp_path)


def test_the_memory_probe_sees_a_child_that_takes_memory(tmp_path):
    code, _, peak, _ = run_measured(
        [sys.executable, "-c", "b = bytearray(600 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"],
        tmp_path)
    assert code == 0
    assert peak > MEMORY_BOUND


def _docx_bomb(path: Path) -> None:
    """A real Word document with a 300 MB member of zeros, deflated to under a megabyte."""
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.save(path)
    chunk = b"\0" * MB
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/media/image1.bin", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)


def _csv(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("序号,任务,牵头单位\n")
        for i in range(ROWS):
            fh.write(f"{i},任务{i},市发改委\n")


def _xlsx(path: Path) -> None:
    """A workbook of one sheet of a million rows, written as the XML an .xlsx holds."""
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
            '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
            'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="任务" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                        b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            sheet.write('<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c><c r="B1" '
                        't="inlineStr"><is><t>牵头单位</t></is></c></row>'.encode())
            rows = []
            for i in range(2, ROWS + 2):
                rows.append(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>任务{i}</t></is></c>'
                            f'<c r="B{i}" t="inlineStr"><is><t>市发改委</t></is></c></row>')
                if len(rows) == 10000:
                    sheet.write("".join(rows).encode())
                    rows = []
            sheet.write("".join(rows).encode() + b"</sheetData></worksheet>")


def _unpacked(path: Path) -> int:
    return sum(m.file_size for m in zipfile.ZipFile(path).infolist())


@pytest.mark.slow
def test_a_docx_that_unpacks_to_300_mb_is_refused_quickly_and_small(tmp_path):
    source = tmp_path / "bomb.docx"
    _docx_bomb(source)
    assert source.stat().st_size < MB
    unpacked = _unpacked(source)
    code, err, peak, elapsed = plansite_import(source, tmp_path)
    assert code == 1
    assert err.strip() == (
        f"{source}: 文件解压后有 {unpacked} 字节，超过上限 {ImportLimits().unpacked_bytes} 字节；"
        f"规划文件通常只有几兆字节; 提示：确认文件无误后，可用 --max-unpacked-mb "
        f"{-(-unpacked // MB)} 放宽上限")
    assert peak < MEMORY_BOUND, f"{peak / MB:.0f} MB"
    assert elapsed < TIME_BOUND, f"{elapsed:.1f} s"


@pytest.mark.slow
@pytest.mark.parametrize("suffix, make, place", [(".csv", _csv, ""), (".xlsx", _xlsx, "")])
def test_a_table_of_a_million_rows_is_refused_quickly_and_small(tmp_path, suffix, make, place):
    source = tmp_path / f"tasks{suffix}"
    make(source)
    # past the size limits (a 32 MB .csv, an .xlsx of 140 MB unpacked): the rows stop it, read
    # as a stream
    code, err, peak, elapsed = plansite_import(source, tmp_path, "--max-mb", "100",
                                               "--max-unpacked-mb", "400")
    assert code == 1
    rows = ImportLimits().rows
    assert err.strip() == (f"{source}{place}: 表格超过 {rows} 行；应为一份任务表; "
                           f"提示：确认文件无误后，可用 --max-rows {rows * 10} 放宽上限")
    assert peak < MEMORY_BOUND, f"{peak / MB:.0f} MB"
    assert elapsed < TIME_BOUND, f"{elapsed:.1f} s"


def test_the_limits_are_options_of_the_command(tmp_path):
    source = tmp_path / "tasks.csv"
    source.write_text("序号,任务,牵头单位\n1,任务一,市发改委\n2,任务二,市发改委\n", encoding="utf-8")
    code, err, _, _ = plansite_import(source, tmp_path, "--max-rows", "2")
    assert code == 1
    assert err.strip() == (f"{source}: 表格超过 2 行；应为一份任务表; "
                           "提示：确认文件无误后，可用 --max-rows 20 放宽上限")
    code, err, _, _ = plansite_import(source, tmp_path, "--max-mb", "0")
    assert code == 1
    size = source.stat().st_size
    assert err.strip() == (f"{source}: 文件有 {size} 字节，超过上限 0 字节; "
                           "提示：确认文件无误后，可用 --max-mb 1 放宽上限")
    code, err, _, _ = plansite_import(source, tmp_path, "--max-rows", "3")
    assert code == 0, err
