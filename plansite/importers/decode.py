"""Bytes of a text source turned into text, with the encoding it was written in.

Plan texts arrive as UTF-8 (with or without a byte-order mark), as UTF-16 saved by Windows tools
(always with a byte-order mark) and as GB18030/GBK from older Chinese office software. A file cut
off in the middle of a character is read up to the cut, with a warning; bytes that are no text
in any of these encodings are refused with a problem that names the file and line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from plansite.catalogue.phrases import Phrase, phrase
from plansite.problems import PlanError, Problem, problem

# Control characters other than tab, newline, carriage return and form feed never occur in a
# text document; finding them means the bytes were not text in the guessed encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class Decoded:
    """The text of a source, the encoding it was read with, and any warnings."""

    text: str
    encoding: str
    warnings: list[Problem] = field(default_factory=list)


def _line_of(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


def _refuse(file: str, raw: bytes, offset: int, found: Phrase) -> PlanError:
    return PlanError([problem("import-undecodable", file, _line_of(raw, offset), found=found,
                              hint=phrase("save-text-utf8"))])


def _utf8(raw: bytes, file: str) -> Decoded | int:
    """UTF-8 text, tolerating only a character cut off at the very end of the file; else the
    offset of the first byte that is not UTF-8."""
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and len(raw) - exc.start < 4:
            text = raw[:exc.start].decode("utf-8")
            return Decoded(text, "UTF-8", [problem(
                "import-truncated", file, _line_of(raw, exc.start), severity="warning",
                found=phrase("last-character-cut"))])
        return exc.start


def decode(raw: bytes, file: str) -> Decoded:
    """Read ``raw`` as text; raise :class:`PlanError` when it is not text in a known encoding."""
    if raw.startswith(codecs.BOM_UTF8):
        decoded = _utf8(raw[3:], file)
        if isinstance(decoded, int):
            raise _refuse(file, raw, decoded + 3, phrase("not-utf8-after-bom"))
        decoded.encoding = "UTF-8-BOM"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = "UTF-16-LE" if raw.startswith(codecs.BOM_UTF16_LE) else "UTF-16-BE"
        body = raw[2:]
        warnings = []
        if len(body) % 2:
            body = body[:-1]
            warnings.append(problem("import-truncated", file, 0, severity="warning",
                                    found=phrase("last-character-cut")))
        try:
            decoded = Decoded(body.decode(name.lower()), name, warnings)
        except UnicodeDecodeError as exc:
            raise _refuse(file, raw, exc.start + 2, phrase("bad-byte-sequence", encoding=name)) from None
    else:
        decoded = _utf8(raw, file)
        if isinstance(decoded, int):
            try:
                decoded = Decoded(raw.decode("gb18030"), "GB18030")
            except UnicodeDecodeError:
                # the UTF-8 position is the useful one: most files are UTF-8 with a bad spot
                raise _refuse(file, raw, decoded, phrase("unknown-encoding")) from None
    bad = _CONTROL.search(decoded.text)
    if bad:
        line = decoded.text.count("\n", 0, bad.start()) + 1
        raise PlanError([problem("import-undecodable", file, line,
                                 found=phrase("control-character", encoding=decoded.encoding,
                                              character=f"U+{ord(bad.group()):04X}"),
                                 hint=phrase("not-a-text-file"))])
    decoded.text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return decoded
