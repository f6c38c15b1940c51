"""What can be wrong with a YAML data file as a whole, told as the editor sees it.

Bytes that are no UTF-8 text, the parser's complaints (a tab, an unclosed quote, a colon too
many, an indentation off), keys written twice and anchors are each one problem with its place
and a hint; :mod:`plansite.reading.yamlfile` reads the values.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from plansite.catalogue.phrases import phrase
from plansite.problems import Problem, problem


def merge_key(file: str, line: int, column: int) -> Problem:
    """``<<`` copies another mapping's keys: editors cannot see where a value came from."""
    return problem("yaml-anchor", file, line, column, found="<<")


def duplicate_key(file: str, key: Any, line: int, column: int, first: int) -> Problem:
    """PyYAML keeps the last of two equal keys; the editor meant one of them."""
    return problem("duplicate-key", file, line, column, path=str(key), found=key, first=first)


def decode(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(problem("file-bom", name, 1, 1,
                                hint=phrase("save-utf8-no-bom")))
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(problem("file-encoding", name, 1, 1, found="UTF-16",
                                hint=phrase("save-utf8")))
        return None
    if b"\x00" in raw:
        problems.append(problem("file-binary", name, 1, 1))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            problems.append(problem("file-binary", name, line, 1))
            return None
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            problems.append(problem("file-encoding", name, line, 1, found="GBK/GB18030",
                                    hint=phrase("save-utf8")))
        else:
            problems.append(problem("file-binary", name, line, 1))
        return None
    control = CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        problems.append(control_character(name, line, column, control.group()))
        return None
    return text


CONTROL = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML does not allow in a file (PyYAML's reader refuses the same): control
characters, which no editor shows and the spreadsheet download cannot hold."""


def control_character(file: str, line: int, column: int, character: str,
                      path: str = "") -> Problem:
    """An invisible control character: named by its code point, for the editor to find it."""
    code = f"U+{ord(character):04X}"
    return problem("invisible-character", file, line, column, path=path, found=code,
                   hint=phrase("delete-control", character=code))


_OPEN_QUOTE = re.compile(r"""^(\s*(?:-\s+)*(?:[^\s#'"-][^#]*?:\s+)?)(["'])""")


def _closing(text: str, quote: str) -> int:
    """Where the quoted text ``text`` (after its opening ``quote``) ends, or -1."""
    pattern = r'(?<!\\)"' if quote == '"' else r"'(?!')"
    match = re.search(pattern, text.replace("''", "\0\0") if quote == "'" else text)
    return match.start() if match else -1


def _unclosed_quote(lines: list[str], error_line: int) -> tuple[int, int, str] | None:
    """The value whose opening quote is closed only at (or after) the error, if there is one.

    A missing closing quote swallows the lines after it, and the parser complains lines later;
    the editor needs the line where the quote was opened.
    """
    for i, text in enumerate(lines[:max(error_line, 0)]):
        match = _OPEN_QUOTE.match(text)
        if match is None:
            continue
        quote, start = match.group(2), match.end()
        if _closing(text[start:], quote) >= 0:
            continue
        rest = "\n".join(lines[i + 1:])
        end = _closing(rest, quote)
        closed_on = i + 2 + rest[:end].count("\n") if end >= 0 else None
        if closed_on is None or closed_on >= error_line:
            return i + 1, start, quote
    return None


def syntax_problem(exc: yaml.YAMLError, name: str, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    what = getattr(exc, "problem", None) or str(exc)
    lines = text.splitlines()
    if "'\\t'" in what or (
            0 < line <= len(lines) and "\t" in lines[line - 1][:max(col, 1)]):
        tab_line = line
        if not (0 < line <= len(lines) and "\t" in lines[line - 1]):
            tab_line = next((i + 1 for i, l in enumerate(lines) if "\t" in l), line)
        column = lines[tab_line - 1].index("\t") + 1 if 0 < tab_line <= len(lines) else col
        return problem("yaml-tab", name, tab_line, column, hint=phrase("tab-to-spaces"))
    quote = _unclosed_quote(lines, line)
    if quote is not None:
        q_line, q_col, q = quote
        return problem("yaml-syntax", name, q_line, q_col, found=phrase("quote-unclosed", quote=q),
                       hint=phrase("close-quote", quote=q))
    for words, code in _SYNTAX_CODES:
        if words in what:
            start = getattr(exc, "context_mark", None)
            if code == "yaml-missing-colon" and start is not None:
                # the parser notices at the next line; the key without its colon is where the
                # text it was reading began
                line, col = start.line + 1, start.column + 1
            return problem(code, name, line, col)
    context = getattr(exc, "context", None)
    found = what if not context else phrase("parser-complaint", context=context, problem=what)
    return problem("yaml-syntax", name, line, col, found=found, hint=phrase("check-yaml-line"))


_SYNTAX_CODES = (
    ("mapping values are not allowed", "yaml-colon"),
    ("did not find expected key", "yaml-indent"),
    ("did not find expected '-' indicator", "yaml-indent"),
    ("expected <block end>", "yaml-indent"),
    ("could not find expected ':'", "yaml-missing-colon"),
)
"""The parser's commonest complaints, each told in the editor's words with its fix."""
