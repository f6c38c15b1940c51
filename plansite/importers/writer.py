"""Imported records written as the repository's YAML data files, in a style people can edit.

Each file starts with the ``# yaml-language-server: $schema=…`` line that points an editor at the
file's JSON Schema; mappings are block style with 2-space indents (lists indented under their
key), Markdown texts are ``|`` blocks, short lists of names and small value records are written
inline (``lead: [市教育局]``, ``target: {value: 55, year: 2015}``), Chinese is written as is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

# Keys whose values are Markdown or long text: always written as literal blocks.
BLOCK_KEYS = {"text", "summary"}
# Keys whose mapping values are small records, written on one line.
FLOW_MAPPINGS = {"baseline", "target"}
FLOW_SEQUENCES = {"lead", "cooperating", "implementers", "indicators", "aliases", "departments"}


class _Block(str):
    """A string to be written as a ``|`` block."""


class _FlowList(list):
    """A list to be written inline."""


class _FlowDict(dict):
    """A mapping to be written inline."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that indents block sequences under their key, as the spec's examples do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _block(dumper: yaml.SafeDumper, value: _Block) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


def _flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _flow_dict(dumper: yaml.SafeDumper, value: _FlowDict) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


_Dumper.add_representer(_Block, _block)
_Dumper.add_representer(_FlowList, _flow_list)
_Dumper.add_representer(_FlowDict, _flow_dict)

# A literal block cannot hold trailing spaces on a line or most control characters; such text
# is written quoted instead, which loses nothing.
_BLOCK_SAFE = re.compile(r"^[^\x00-\x08\x0b-\x1f\x7f\ufeff\u2028\u2029\x85]*$")


def _styled(value: object, key: str = "") -> object:
    if isinstance(value, dict):
        items = {k: _styled(v, k) for k, v in value.items()}
        if key in FLOW_MAPPINGS or (key == "" and _is_small_record(value)):
            return _FlowDict(items)
        return items
    if isinstance(value, list):
        items = [_styled(v) for v in value]
        if key in FLOW_SEQUENCES and all(isinstance(v, str) for v in value):
            return _FlowList(items)
        return items
    if isinstance(value, str) and key in BLOCK_KEYS and value:
        text = "\n".join(line.rstrip() for line in value.strip("\n").split("\n")) + "\n"
        if _BLOCK_SAFE.match(text) and not text.startswith((" ", "\n")):
            return _Block(text)
        return text
    return value


def _is_small_record(value: dict) -> bool:
    """An actual ``{year, value, source}`` inside a list reads best on one line."""
    return set(value) <= {"year", "value", "unit", "source", "phrase"}


def schema_comment(path: Path, kind: str, root: Path | None) -> str:
    """The first line of a data file: where its JSON Schema is, relative to the file."""
    if root is not None:
        relative = os.path.relpath(root / "schema" / f"{kind}.schema.json", path.parent)
    else:
        depth = {"departments": "../", }.get(kind, "../../../")
        relative = f"{depth}schema/{kind}.schema.json"
    return f"# yaml-language-server: $schema={relative.replace(os.sep, '/')}\n"


def dump(data: object) -> str:
    """``data`` as YAML text in the repository's style (no schema line)."""
    return yaml.dump(_styled(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100, indent=2)


def write_data_file(path: Path, kind: str, data: object, root: Path | None) -> None:
    """Write one data file: the schema line, then ``data``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_comment(path, kind, root) + dump(data), encoding="utf-8")


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
