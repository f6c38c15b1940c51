"""Imported records written as the repository's YAML data files, in a style people can edit.

Each file starts with the ``# yaml-language-server: $schema=…`` line that points an editor at the
file's JSON Schema; mappings are block style with 2-space indents (lists indented under their
key), Markdown texts are ``|`` blocks, short lists of names and small value records are written
inline (``lead: [市教育局]``, ``target: {value: 55, year: 2015}``), Chinese is written as is.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

# Longest line of an inline list before it is wrapped.
WIDTH = 100
# Keys whose values are Markdown or long text: always written as literal blocks.
BLOCK_KEYS = {"text", "summary", "progress"}
# Keys whose mapping values are small records, written on one line.
FLOW_MAPPINGS = {"baseline", "target"}
FLOW_SEQUENCES = {"lead", "cooperating", "implementers", "indicators", "aliases", "departments"}


_RESOLVER = yaml.resolver.Resolver()
# Characters that YAML reads specially at the start of a plain scalar.
_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")
# Characters a plain or block scalar must not hold (control characters, odd line breaks).
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff\t]")
# Characters YAML does not allow in a file at all: written as escapes inside double quotes.
_NOT_PRINTABLE = re.compile(r"[\x7f-\x84\x86-\x9f\ufffe\uffff]")
_FLOW_UNSAFE = re.compile(r"[,?:#\[\]{}]")
# Every key the data files use is a plain word; they skip the scalar checks.
_PLAIN_KEYS = frozenset(
    "id name aliases kind parent incomplete note name_en chapters number title text tasks lead "
    "cooperating implementers indicators deadline progress responsibility title_en type unit "
    "category chapter phrase baseline target departments actuals value year source low high "
    "comparator narrative departments issuer issued level period source_document summary "
    "as_of reported_by entries task status status_phrase reason percent evidence url file "
    "assessment by rating".split())
_ESCAPES = {"\x85": "\\N", "\ufeff": "\\ufeff", "\u2028": "\\L", "\u2029": "\\P"}


def _plain(text: str, flow: bool) -> bool:
    """True when ``text`` can be written without quotes and still read back as this string."""
    if not text or text != text.strip() or _UNSAFE.search(text) or text.startswith(_INDICATORS):
        return False
    if ": " in text or " #" in text or text.endswith(":") or (flow and _FLOW_UNSAFE.search(text)):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _scalar(value: object, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        # YAML 1.1 reads a float only with a dot in it: 1e-05 must be written 1.0e-05
        mantissa, e, exponent = repr(value).partition("e")
        if "." not in mantissa:
            mantissa += ".0"
        return mantissa + e + exponent
    return _string(str(value), flow)


@lru_cache(maxsize=65536)
def _string(text: str, flow: bool) -> str:
    if _plain(text, flow):
        return text
    if not _UNSAFE.search(text):
        return "'" + text.replace("'", "''") + "'"
    quoted = json.dumps(text, ensure_ascii=False)
    for char, escape in _ESCAPES.items():
        quoted = quoted.replace(char, escape)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _block_text(text: str) -> str | None:
    """``text`` prepared for a ``|`` block, or None when a block cannot hold it exactly."""
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    if not lines[0] or lines[0][0] == " " or any(_UNSAFE.search(line) for line in lines):
        return None
    return "\n".join(lines)


def _is_small_record(value: dict) -> bool:
    """An actual ``{year, value, source}`` inside a list reads best on one line."""
    return bool(value) and set(value) <= {"year", "value", "unit", "source", "phrase"} \
        and all(not isinstance(v, (dict, list)) for v in value.values())


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, True)


def _mapping(data: dict, indent: int, out: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for position, (key, value) in enumerate(data.items()):
        head = (first_prefix if position == 0 and first_prefix is not None else pad) + \
            (key if key in _PLAIN_KEYS else _scalar(key)) + ":"
        if isinstance(value, dict):
            if not value or key in FLOW_MAPPINGS:
                out.append(f"{head} {_flow(value)}")
            else:
                out.append(head)
                _mapping(value, indent + 2, out)
        elif isinstance(value, list):
            if not value or (key in FLOW_SEQUENCES
                             and all(not isinstance(v, (dict, list)) for v in value)):
                out.extend(_wrapped(head, [_flow(v) for v in value], indent + 2))
            else:
                out.append(head)
                _sequence(value, indent + 2, out)
        elif isinstance(value, str) and key in BLOCK_KEYS and value.strip():
            block = _block_text(value)
            if block is None:
                out.append(f"{head} {_scalar(value)}")
            else:
                out.append(f"{head} |")
                inner = " " * (indent + 2)
                out.extend(inner + line if line else "" for line in block.split("\n"))
        else:
            out.append(f"{head} {_scalar(value)}")


def _wrapped(head: str, items: list[str], indent: int) -> list[str]:
    """``head [a, b, …]`` broken into lines of at most WIDTH characters where it is long."""
    lines, line = [], head + " ["
    for i, item in enumerate(items):
        piece = item + (", " if i + 1 < len(items) else "")
        if len(line) + len(piece) > WIDTH and not line.endswith("["):
            lines.append(line.rstrip())
            line = " " * indent
        line += piece
    lines.append(line + "]")
    return lines


def _sequence(items: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item and not _is_small_record(item):
            _mapping(item, indent + 2, out, first_prefix=pad + "- ")
        elif isinstance(item, list) and item:
            out.append(pad + "-")
            _sequence(item, indent + 2, out)
        elif isinstance(item, (dict, list)):
            out.append(pad + "- " + _flow(item))
        else:
            out.append(pad + "- " + _scalar(item))


def schema_comment(path: Path, kind: str, root: Path | None) -> str:
    """The first line of a data file: where its JSON Schema is, relative to the file."""
    if root is not None:
        relative = os.path.relpath(root / "schema" / f"{kind}.schema.json", path.parent)
    else:
        depth = {"departments": "../", }.get(kind, "../../../")
        relative = f"{depth}schema/{kind}.schema.json"
    return f"# yaml-language-server: $schema={relative.replace(os.sep, '/')}\n"


def dump(data: object) -> str:
    """``data`` (mappings, lists, strings, numbers) as YAML text in the repository's style.

    Written here rather than by PyYAML's emitter, which takes seconds for a large plan; what is
    written reads back as exactly ``data`` (texts in ``|`` blocks end with one newline).
    """
    out: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, 0, out)
    elif isinstance(data, list) and data:
        _sequence(data, 0, out)
    else:
        out.append(_flow(data))
    return "\n".join(out) + "\n"


def write_data_file(path: Path, kind: str, data: object, root: Path | None) -> str:
    """Write one data file: the schema line, then ``data``; returns the YAML of ``data``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = dump(data)
    path.write_text(schema_comment(path, kind, root) + text, encoding="utf-8")
    return text


_MD_INLINE = re.compile(r"([\\`*_\[\]<>])")
_MD_LINE_START = re.compile(r"^(\s*)(#|>|[-+](?=\s)|={3,}|-{3,})", re.M)
_MD_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.M)


def markdown_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs of plain source text as Markdown that shows exactly those characters.

    Plans blank out names with ``*`` (``建设活力*、构建和谐*``); unescaped, Markdown would turn
    that into emphasis.
    """
    out = []
    for paragraph in paragraphs:
        text = _MD_INLINE.sub(r"\\\1", paragraph.strip())
        text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
        out.append(_MD_LIST_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), text))
    return "\n\n".join(p for p in out if p)
