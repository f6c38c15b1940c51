"""The one writer of CSV downloads: cells no spreadsheet will run, in UTF-8 it opens directly.

Every CSV file the site offers (the tables of :mod:`plansite.publishing.tables`, each plan's
responsibility matrix) is written here. A cell of text from the data that would start a formula
(``=HYPERLINK(…)``, ``+…``, ``@…``) gets a leading apostrophe, as spreadsheets expect. The file
starts with a byte-order mark: without it Excel on Windows reads Chinese as GBK and shows
mojibake.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark, as the Data Package names it."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    """A value as a cell holds it: empty for nothing, integers without ``.0``, booleans in lower
    case."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet cannot run: text that would start a formula is quoted with
    an apostrophe; numbers, signed ones too, stay as they are."""
    text = cell_text(value)
    if isinstance(value, str) and len(text) > 1 and text.startswith(FORMULA_STARTS):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def csv_bytes(header: list[str], rows: Iterable[Iterable[Any]], newline: str = "\r\n") -> bytes:
    """A CSV file: the header row, then ``rows``, every cell made safe. Line ends are CRLF, as
    RFC 4180 has them, unless a download has always had others (``newline``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue().encode(CSV_ENCODING)
