"""Task tables: .xlsx sheets, .csv and .tsv files, and the tables inside Word documents.

Columns are recognised by the words of their header, in any order: 序号; 任务 / 重点任务 /
工作任务 / 主要任务 / 措施; 牵头单位 / 第一责任单位; 责任单位; 配合单位 / 协办单位 / 参与单位;
完成时限 / 时间节点 / 完成时间; 类别 / 领域 (a grouping). Any other column is kept in the task's
text as ``表头：内容``. A row with one filled cell is a section heading of the table. A table
without a task column is refused with a problem naming the file and the header row.

Tables nest: when several columns hold tasks (a province's task, then the city's measures for
it), the last is the task and the others, like a 序号 cell holding a heading rather than a
number, are the levels above it; a cell merged over several rows (or left empty below its first
row) is the same level for each of them. A merged cell's value counts for every row it spans,
once per row. A cell reading 无, — or / says there is nothing; line breaks inside a cell separate
names, and in a task's cell join the lines of a hard-wrapped sentence.
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
from plansite.importers.limits import (ImportLimits, check_archive, check_sheet_rows,
                                       limited_rows)
from plansite.importers.document import Block, Document, TaskRow

# Header words of each known column, tried in this order (目标任务 is a task column, 目标 alone
# a target column).
COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(序号|编号|序)$")),
    ("group", re.compile(r"类别|分类|领域|板块|章节|类型")),
    ("lead", re.compile(r"牵头(单位|部门)?|第一责任(单位|部门)|主责(单位|部门)")),
    ("cooperating", re.compile(r"配合(单位|部门)|协办单位|参与单位|协助单位|协同单位")),
    ("responsible", re.compile(r"责任(单位|部门|主体)|实施(单位|主体)")),
    ("deadline", re.compile(r"完成时限|时间节点|完成时间|时限|进度安排")),
    ("task", re.compile(r"任务|工作内容|具体内容|主要内容|事项|举措|措施")),
)
# Columns of which a table may have several: the levels of a nested task table.
REPEATABLE = ("task",)
# A cell that says there is nothing: 无, —, /.
EMPTY_CELL = re.compile(r"^(?:无|暂无|/|／|[—–\-－─]+|\.{1,3}|…+)$")
# How a sentence or item ends: a line break after it starts a new line of the cell's text.
LINE_END = tuple("。！？!?；;：:")
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv")
# Rows above the header row are the table's title lines; the header is looked for this far.
HEADER_SEARCH = 10


# A line of a table written in text: | between the cells (a Markdown table, a web page's table
# copied as text); a rule of dashes under its header.
TEXT_ROW = re.compile(r"^\s*\|.*\|\s*$")
TEXT_RULE = re.compile(r"^[\s|:\-－—]+$")


def text_table(lines: list[str]) -> tuple[int, int, list[list[str]]] | None:
    """The first table written in ``lines`` with | between its cells, at least a header and a
    row: the index of its first line, of the line after it, and its rows, each line one row (a
    rule of dashes an empty row, so that row numbers stay line numbers)."""
    start = 0
    while start < len(lines):
        if not TEXT_ROW.match(lines[start]):
            start += 1
            continue
        end = start
        while end < len(lines) and TEXT_ROW.match(lines[end]):
            end += 1
        if end - start >= 2:
            rows = [[] if TEXT_RULE.match(line) else
                    [cell.strip() for cell in line.strip()[1:-1].split("|")]
                    for line in lines[start:end]]
            return start, end, rows
        start = end
    return None


def cell_text(value: object) -> str:
    """A cell's value as text: numbers and dates as written, lines trimmed, a cell that says
    there is nothing (无, —) empty."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = "\n".join(line.strip() for line in str(value).strip().splitlines())
    return "" if EMPTY_CELL.match(text) else text


def column_roles(header: list[str]) -> dict[int, str]:
    """Which known column each header cell is (by index); unknown headers are left out."""
    roles: dict[int, str] = {}
    for index, text in enumerate(header):
        words = re.sub(r"\s+", "", text)
        if not words:
            continue
        for role, pattern in COLUMNS:
            if pattern.search(words) and (role in REPEATABLE or role not in roles.values()):
                roles[index] = role
                break
    return roles


def joined_lines(text: str) -> str:
    """A cell's lines as its text: a line that does not end a sentence goes on in the next."""
    lines = [line for line in text.split("\n") if line]
    out = lines[:1]
    for line in lines[1:]:
        out[-1:] = [out[-1] + line] if not out[-1].endswith(LINE_END) else [out[-1], line]
    return "\n".join(out)


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[（(]?[0-9０-９一二三四五六七八九十百.．、]+[)）]?[.．、]?", text))


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
    tasks = [i for i, role in roles.items() if role == "task"]
    task_column = tasks[-1]
    # the columns above the task: groupings, a 序号 holding headings, earlier task columns
    levels = [i for i in sorted(roles) if roles[i] == "group"
              or (i < task_column and roles[i] in ("number", "task"))]
    section = ""
    above: dict[int, str] = {}
    for offset, row in enumerate(rows[header_at + 1:], header_at + 1):
        line = first_row + offset
        filled = [c for c in row if c]
        if not filled:
            continue
        if len(filled) == 1 and len(header) > 1:
            # a row with a single cell is a section heading spanning the table
            section, above = filled[0], {}
            continue
        cells: dict[str, str] = {}
        extra: dict[str, str] = {}
        groups = [section] if section else []
        for index, text in enumerate(row):
            if index in levels:
                if roles[index] == "number" and (not text or _is_number(text)):
                    cells["number"] = text
                    continue
                # an empty cell below a heading cell is that heading merged over its rows
                text = text or above.get(index, "")
                above[index] = text
                if text:
                    groups.append(joined_lines(text))
                continue
            if not text:
                continue
            role = roles.get(index)
            if role is None:
                name = header[index] if index < len(header) and header[index] else f"第{index + 1}列"
                extra[name] = text
            else:
                cells[role] = text
        task = joined_lines(row[task_column]) if task_column < len(row) else ""
        if not task:
            blocks.append(Block(text="；".join(filled), line=line))
            continue
        blocks.append(Block(text=task, line=line, row=TaskRow(
            task=task, number=cells.get("number", ""), lead=cells.get("lead", ""),
            cooperating=cells.get("cooperating", ""), responsible=cells.get("responsible", ""),
            deadline=cells.get("deadline", ""), groups=tuple(groups), extra=extra)))
    return blocks


def _merged_rows(sheet, file: str, limits: ImportLimits) -> list[list[str]]:
    """The cell texts of a worksheet, a merged cell's value in the first column of each row it
    spans (its other columns left empty)."""
    rows = [[cell_text(v) for v in row] for row in
            limited_rows(sheet.iter_rows(values_only=True), f"{file}#{sheet.title}", limits)]
    for merged in sheet.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            rows[r - 1][merged.min_col - 1] = value
    return rows


def sheets(raw: bytes, file: str, suffix: str, limits: ImportLimits = ImportLimits()
           ) -> tuple[list[tuple[str, list[list[str]]]], str, list]:
    """The tables of a spreadsheet (each sheet's name and cell texts) or of a delimited text
    file (one table, named ``""``), the encoding they were read in, and any warnings. A file
    past ``limits`` (unpacked size, rows) is refused before it is loaded."""
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        check_archive(raw, file, limits, ".xlsx")
        check_sheet_rows(raw, file, limits)
        try:
            # not read-only: merged cells are known only to a fully loaded sheet
            book = load_workbook(io.BytesIO(raw), data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise PlanError([problem("import-unreadable", file, found=type(exc).__name__,
                                     expected=".xlsx")]) from None
        return [(sheet.title, _merged_rows(sheet, file, limits))
                for sheet in book.worksheets], "xlsx", []
    decoded = decode(raw, file)
    delimiter = "\t" if suffix == ".tsv" else ","
    if suffix == ".csv":
        sample = decoded.text[:4096]
        counts = {d: sample.count(d) for d in (",", "，", ";", "\t")}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    try:
        rows = [[cell_text(c) for c in row] for row in limited_rows(
            csv.reader(io.StringIO(decoded.text), delimiter=delimiter), file, limits)]
    except csv.Error as exc:
        raise PlanError([problem("import-undecodable", file, found=str(exc))]) from None
    return [("", rows)], decoded.encoding, list(decoded.warnings)


def read_table(raw: bytes, file: str, suffix: str,
               limits: ImportLimits = ImportLimits()) -> list[Document]:
    """The task tables of a spreadsheet (one document per sheet) or a delimited text file."""
    tables, encoding, warnings = sheets(raw, file, suffix, limits)
    documents = []
    problems = []
    for name, rows in tables:
        if not any(any(r) for r in rows):
            continue
        try:
            blocks = rows_to_blocks(rows, f"{file}#{name}" if name else file)
        except PlanError as exc:
            problems.extend(exc.problems)
            continue
        documents.append(Document(file=file, blocks=blocks or [], encoding=encoding,
                                  part=name, title=name, warnings=list(warnings)))
    if not documents:
        if problems:
            raise PlanError(problems)
        raise PlanError([problem("file-empty", file, expected=phrase("task-table"))])
    if len(documents) == 1:
        documents[0].part = ""
        if encoding != "xlsx":
            documents[0].title = ""
    return documents
