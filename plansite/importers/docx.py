"""Word documents (.docx): paragraphs with their heading levels, and task tables.

A paragraph styled 标题 1 / Heading 1 … is a heading of that level; the Title style gives the
document's title. Tables whose header names a task column become task rows where they stand;
any other table is kept as text, one paragraph a row. Paragraph numbers stand in for line
numbers in messages.
"""

from __future__ import annotations

import io
import re
import zipfile

from plansite.problems import PlanError, problem
from plansite.importers.document import Block, Document
from plansite.importers.limits import ImportLimits, check_archive
from plansite.importers.table import rows_to_blocks

HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
TITLE_STYLE = re.compile(r"^(?:title|标题)$", re.I)


def read_docx(raw: bytes, file: str, limits: ImportLimits = ImportLimits()) -> list[Document]:
    """The document held in the Word file ``file`` whose bytes are ``raw``."""
    from docx import Document as open_docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_archive(raw, file, limits, ".docx")
    try:
        doc = open_docx(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PlanError([problem("import-unreadable", file, found=type(exc).__name__,
                                 expected=".docx")]) from None
    except Exception as exc:  # python-docx raises lxml and package errors of many types
        raise PlanError([problem("import-unreadable", file, found=type(exc).__name__,
                                 expected=".docx")]) from None
    document = Document(file=file, encoding="docx")
    number = 0
    for item in doc.iter_inner_content():
        number += 1
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            heading = HEADING_STYLE.match(style.strip())
            if TITLE_STYLE.match(style.strip()) and not document.title:
                document.title = text
            elif heading:
                document.blocks.append(Block(text=text, line=number, heading=int(heading.group(1))))
            else:
                document.blocks.append(Block(text=text, line=number))
        elif isinstance(item, Table):
            rows = [[cell.text.strip() for cell in row.cells] for row in item.rows]
            rows = [_unmerge(row) for row in rows]
            blocks = rows_to_blocks(rows, file, first_row=number, required=False)
            if blocks is None:
                blocks = [Block(text="　".join(c for c in row if c), line=number)
                          for row in rows if any(row)]
            document.blocks.extend(blocks)
    return [document]


def _unmerge(row: list[str]) -> list[str]:
    """A horizontally merged cell repeats its text in every grid cell; keep it once."""
    out: list[str] = []
    for i, text in enumerate(row):
        out.append("" if i and text and text == row[i - 1] else text)
    return out
