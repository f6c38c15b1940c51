"""Task tables: .xlsx sheets, .csv and .tsv files, and the tables inside Word documents.

Columns are recognised by the words of their header, in any order: 序号; 任务 / 重点任务 /
工作任务 / 主要任务; 牵头单位; 责任单位; 配合单位 / 协办单位 / 参与单位; 完成时限 / 时间节点 /
完成时间; 指标 / 目标; 类别 / 领域 (a grouping). Any other column is kept in the task's text as
``表头：内容``. A row with one filled cell is a section heading of the table. A table without a
task column is refused with a problem naming the file and the header row.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile

from plansite.catalogue.phrases import phrase
from plansite.problems import PlanError, problem
from plansite.importers.decode import decode
from plansite.importers.document import Block, Document, TaskRow
from plansite.importers.limits import (ImportLimits, check_archive, check_sheet_rows,
                                       limited_rows)

# Header words of each known column, tried in this order (目标任务 is a task column, 目标 alone
# a target column).
COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(序号|编号|序)$")),
    ("group", re.compile(r"类别|分类|领域|板块|章节|类型")),
    ("lead", re.compile(r"牵头(单位|部门)?")),
    ("cooperating", re.compile(r"配合(单位|部门)|协办单位|参与单位|协助单位|协同单位")),
    ("responsible", re.compile(r"责任(单位|部门|主体)|实施(单位|主体)")),
    ("deadline", re.compile(r"完成时限|时间节点|完成时间|时限|进度安排")),
    ("task", re.compile(r"任务|工作内容|具体内容|主要内容|事项|举措|措施")),
)
# Rows above the header row are the table's title lines; the header is looked for this far.
HEADER_SEARCH = 10


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_roles(header: list[str]) -> dict[int, str]:
    """Which known column each header cell is (by index); unknown headers are left out."""
    roles: dict[int, str] = {}
    for index, text in enumerate(header):
        words = re.sub(r"\s+", "", text)
        if not words:
            continue
        for role, pattern in COLUMNS:
            if pattern.search(words) and role not in roles.values():
                roles[index] = role
                break
    return roles


def rows_to_blocks(rows: list[list[str]], file: str, first_row: int = 1,
                   required: bool = True) -> list[Block] | None:
    """Blocks of a task table given as rows of cell texts; None when it has no task column
    (or a PlanError when ``required``)."""
    header_at = None
    for i, row in enumerate(rows[:HEADER_SEARCH]):
        # a header names at least two columns; a title row above it may mention 任务 too
        if sum(1 for c in row if c) >= 2 and "task" in column_roles(row).values():
            header_at = i
            break
    if header_at is None:
        if not required:
            return None
        header = next((r for r in rows if any(r)), [])
        raise PlanError([problem("import-no-task-column", file, first_row,
                                 found=[c for c in header if c] or phrase("nothing-written"),
                                 expected=phrase("task-headers"))])
    blocks = [Block(text=" ".join(c for c in row if c), line=first_row + i)
              for i, row in enumerate(rows[:header_at]) if any(row)]
    header = rows[header_at]
    roles = column_roles(header)
    group = ""
    for offset, row in enumerate(rows[header_at + 1:], header_at + 1):
        line = first_row + offset
        filled = [c for c in row if c]
        if not filled:
            continue
        if len(filled) == 1 and len(header) > 1:
            # a row with a single cell is a section heading spanning the table
            group = filled[0]
            continue
        cells: dict[str, str] = {}
        extra: dict[str, str] = {}
        for index, text in enumerate(row):
            if not text:
                continue
            role = roles.get(index)
            if role is None:
                name = header[index] if index < len(header) and header[index] else f"第{index + 1}列"
                extra[name] = text
            else:
                cells[role] = text
        if cells.get("group"):
            group = cells["group"]
        if not cells.get("task"):
            blocks.append(Block(text="；".join(filled), line=line))
            continue
        blocks.append(Block(text=cells["task"], line=line, row=TaskRow(
            task=cells["task"], number=cells.get("number", ""), lead=cells.get("lead", ""),
            cooperating=cells.get("cooperating", ""), responsible=cells.get("responsible", ""),
            deadline=cells.get("deadline", ""), group=group, extra=extra)))
    return blocks


def _xlsx(raw: bytes, file: str, limits: ImportLimits) -> list[Document]:
    from openpyxl import load_workbook

    check_archive(raw, file, limits, ".xlsx")
    check_sheet_rows(raw, file, limits)
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PlanError([problem("import-unreadable", file, found=type(exc).__name__,
                                 expected=".xlsx")]) from None
    documents = []
    problems = []
    for sheet in book.worksheets:
        rows = [[_cell(v) for v in row] for row in
                limited_rows(sheet.iter_rows(values_only=True), f"{file}#{sheet.title}", limits)]
        if not any(any(r) for r in rows):
            continue
        try:
            blocks = rows_to_blocks(rows, f"{file}#{sheet.title}")
        except PlanError as exc:
            problems.extend(exc.problems)
            continue
        documents.append(Document(file=file, blocks=blocks or [], encoding="xlsx",
                                  part=sheet.title, title=sheet.title))
    book.close()
    if not documents:
        if problems:
            raise PlanError(problems)
        raise PlanError([problem("file-empty", file, expected=phrase("task-table"))])
    if len(documents) == 1:
        documents[0].part = ""
    return documents


def _delimited(raw: bytes, file: str, suffix: str, limits: ImportLimits) -> list[Document]:
    decoded = decode(raw, file)
    delimiter = "\t" if suffix == ".tsv" else ","
    if suffix == ".csv":
        sample = decoded.text[:4096]
        counts = {d: sample.count(d) for d in (",", "，", ";", "\t")}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    try:
        rows = [[c.strip() for c in row] for row in limited_rows(
            csv.reader(io.StringIO(decoded.text), delimiter=delimiter), file, limits)]
    except csv.Error as exc:
        raise PlanError([problem("import-undecodable", file, found=str(exc))]) from None
    blocks = rows_to_blocks(rows, file)
    return [Document(file=file, blocks=blocks or [], encoding=decoded.encoding,
                     warnings=list(decoded.warnings))]


def read_table(raw: bytes, file: str, suffix: str,
               limits: ImportLimits = ImportLimits()) -> list[Document]:
    """The task tables of a spreadsheet (one document per sheet) or a delimited text file."""
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(raw, file, limits)
    return _delimited(raw, file, suffix, limits)
