"""Write the task-table documents of the corpus (table.xlsx, table.docx) from their table.yml.

The pages these documents come from show their tasks as tables; table.yml holds the cells as the
page shows them, and this script lays them out as a spreadsheet and a Word file with the same
cells, merged cells and line breaks inside cells. Run it from the repository root:

    .venv/bin/python tests/corpus/make_tables.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent


def _grid(table: dict) -> tuple[list[list[str | None]], list[tuple[int, int, int, int]]]:
    """The rows below the header as cell texts, and merged ranges (row, col, last row, last col),
    counted from 0 over the header and the rows."""
    width = len(table["header"])
    grid: list[list[str | None]] = [list(table["header"])]
    merges: list[tuple[int, int, int, int]] = []
    for row in table["rows"]:
        r = len(grid)
        if isinstance(row, dict):
            grid.append([row["section"]] + [None] * (width - 1))
            merges.append((r, 0, r, width - 1))
            continue
        cells: list[str | None] = []
        for c, cell in enumerate(row):
            if isinstance(cell, dict):
                cells.append(cell["text"])
                merges.append((r, c, r + cell["down"] - 1, c))
            else:
                cells.append(cell)
        grid.append(cells)
    return grid, merges


def write_xlsx(table: dict, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = "任务分解"
    lines = [table["title"], *table.get("above", [])]
    for line in lines:
        sheet.append([line])
    width = len(table["header"])
    for r in range(1, len(lines) + 1):
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    grid, merges = _grid(table)
    offset = len(lines)
    for row in grid:
        sheet.append(row)
    for r, c, last_r, last_c in merges:
        sheet.merge_cells(start_row=r + offset + 1, start_column=c + 1,
                          end_row=last_r + offset + 1, end_column=last_c + 1)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)


def write_docx(table: dict, path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(table["title"], 0)
    for line in table.get("before", []) + table.get("above", []):
        document.add_paragraph(line)
    grid, merges = _grid(table)
    out = document.add_table(rows=len(grid), cols=len(table["header"]))
    out.style = "Table Grid"
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1)
               for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if (r, c) not in covered and text:
                out.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        out.cell(r0, c0).merge(out.cell(r1, c1))
    document.save(path)


def main() -> int:
    for source in sorted(CORPUS.glob("*/table.yml")):
        table = yaml.safe_load(source.read_text(encoding="utf-8"))
        write_xlsx(table, source.with_suffix(".xlsx"))
        write_docx(table, source.with_suffix(".docx"))
        print(source.parent.name, "table.xlsx table.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
