"""How much ``plansite import`` reads before it refuses a file: bytes, unpacked bytes and rows.

A plan document is a few megabytes and a task table a few thousand rows. A 0.9 MB .docx that
unpacks to 300 MB (a zip bomb, or a document full of pasted images) and a table of a million
rows are refused before they are read, with the limit and how to raise it, so an import answers
any file within seconds and a few hundred megabytes of memory. Word and Excel files are zip
archives: their unpacked size is known from the archive's directory before anything is
unpacked, and each member is held to the size it declares. Tables are read row by row and the
reading stops at the limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterable, Iterator, TypeVar

from plansite.catalogue.phrases import phrase
from plansite.problems import PlanError, problem

MB = 1024 * 1024

T = TypeVar("T")


@dataclass(frozen=True)
class ImportLimits:
    """The limits of one import; ``plansite import --max-mb/--max-unpacked-mb/--max-rows``."""

    file_bytes: int = 20 * MB
    """The largest file imported at all."""
    unpacked_bytes: int = 100 * MB
    """The most a .docx or .xlsx may unpack to (all its members together)."""
    rows: int = 100_000
    """The most rows of a table (a sheet, a .csv or .tsv file)."""


def check_size(size: int, file: str, limits: ImportLimits) -> None:
    """Refuse a file of ``size`` bytes when that is more than the limit."""
    if size > limits.file_bytes:
        raise PlanError([problem("file-too-large", file, found=size, expected=limits.file_bytes,
                                 hint=phrase("raise-limit", option="--max-mb",
                                             value=_mb(size)))])


def check_archive(raw: bytes, file: str, limits: ImportLimits, expected: str) -> None:
    """Refuse a zip archive (.docx, .xlsx) that unpacks to more than the limit.

    The sizes come from the archive's directory; Python's zip reader stops a member that
    unpacks to more than it declared, so a directory that lies is caught when the member is read.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PlanError([problem("import-unreadable", file, found=type(exc).__name__,
                                 expected=expected)]) from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.unpacked_bytes:
        raise PlanError([problem("import-unpacked-too-large", file, found=unpacked,
                                 expected=limits.unpacked_bytes,
                                 hint=phrase("raise-limit", option="--max-unpacked-mb",
                                             value=_mb(unpacked)))])


_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")


def check_sheet_rows(raw: bytes, file: str, limits: ImportLimits) -> None:
    """Refuse a workbook with a sheet of more rows than the limit, counted in its XML as it
    unpacks (a megabyte at a time), before a spreadsheet reader parses it: a sheet without its
    size written would have the reader parse it whole just to open the workbook."""
    archive = zipfile.ZipFile(io.BytesIO(raw))
    for member in archive.infolist():
        if not member.filename.startswith("xl/worksheets/") or member.is_dir():
            continue
        count, tail = 0, b""
        with archive.open(member) as sheet:
            while chunk := sheet.read(MB):
                block = tail + chunk
                count += len(_ROW.findall(block))
                tail = block[-16:]
                count -= len(_ROW.findall(tail))  # counted again with the next chunk
                if count > limits.rows:
                    raise PlanError([_too_many_rows(file, limits)])


def _too_many_rows(file: str, limits: ImportLimits):
    return problem("import-too-many-rows", file, found=limits.rows,
                   hint=phrase("raise-limit", option="--max-rows", value=limits.rows * 10))


def limited_rows(rows: Iterable[T], file: str, limits: ImportLimits) -> Iterator[T]:
    """The rows of a table, refusing the table once it has more than the limit."""
    for count, row in enumerate(rows, 1):
        if count > limits.rows:
            raise PlanError([_too_many_rows(file, limits)])
        yield row


def _mb(size: int) -> str:
    """A size in whole megabytes, rounded up: what to give the option to let the file through."""
    return f"{-(-size // MB)}"
