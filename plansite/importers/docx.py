"""Word documents (.docx): paragraphs with their heading levels, and task tables.

A paragraph styled 标题 1 / Heading 1 … is a heading of that level; the Title style gives the
document's title. Tables whose header names a task column become task rows where they stand
(merged cells and line breaks inside cells read as :mod:`plansite.importers.table` says); any
other table is kept as text, one paragraph a row. Paragraph numbers stand in for line numbers in
messages.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from plansite.problems import PlanError, problem
from plansite.importers.document import Block, Document
from plansite.importers.limits import ImportLimits, check_archive
from plansite.importers.table import cell_text, rows_to_blocks

HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
TITLE_STYLE = re.compile(r"^(?:title|标题)$", re.I)


@dataclass
class Part:
    """A paragraph (with its style's name) or a table (its rows' cell texts) of a Word file, with
    its place in the document (a count of its parts, standing in for a line number)."""

    number: int
    text: str = ""
    style: str = ""
    rows: list[list[str]] | None = None


def docx_parts(raw: bytes, file: str, limits: ImportLimits = ImportLimits()) -> list[Part]:
    """The paragraphs and tables of the Word file ``file`` whose bytes are ``raw``, in order;
    a file that unpacks past ``limits`` is refused before it is opened."""
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
    parts: list[Part] = []
    for number, item in enumerate(doc.iter_inner_content(), 1):
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            parts.append(Part(number, item.text.strip(), style.strip()))
        elif isinstance(item, Table):
            parts.append(Part(number, rows=[_row_texts(row) for row in item.rows]))
    return parts


def read_docx(raw: bytes, file: str, limits: ImportLimits = ImportLimits()) -> list[Document]:
    """The document held in the Word file ``file`` whose bytes are ``raw``."""
    document = Document(file=file, encoding="docx")
    for part in docx_parts(raw, file, limits):
        if part.rows is not None:
            blocks = rows_to_blocks(part.rows, file, first_row=part.number, required=False)
            if blocks is None:
                blocks = [Block(text="　".join(c for c in row if c), line=part.number)
                          for row in part.rows if any(row)]
            document.blocks.extend(blocks)
            continue
        if not part.text:
            continue
        heading = HEADING_STYLE.match(part.style)
        if TITLE_STYLE.match(part.style) and not document.title:
            document.title = part.text
        elif heading:
            document.blocks.append(Block(text=part.text, line=part.number,
                                         heading=int(heading.group(1))))
        else:
            document.blocks.append(Block(text=part.text, line=part.number))
    return [document]


def _row_texts(row) -> list[str]:
    """The texts of a table row's grid cells. A cell merged across columns is one cell: its text
    counts once (python-docx hands it back for each column it spans); a cell merged down over
    rows is handed back for each row, as its value holds for each."""
    texts: list[str] = []
    previous = None
    for cell in row.cells:
        texts.append("" if previous is not None and cell._tc is previous._tc
                     else cell_text(cell.text))
        previous = cell
    return texts
