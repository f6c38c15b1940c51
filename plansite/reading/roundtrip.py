"""YAML files read and written back as editors wrote them: comments, quotes and order kept.

The importer's ``--update``, ``plansite migrate`` and ``plansite remove-example`` change data
files that editors have written in; each goes through here, so every rewritten file keeps the
repository's style (two-space mappings, list items indented under their key, long lines whole).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


def round_trip_yaml() -> YAML:
    """A ruamel.yaml reader and writer in the repository's style."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def load_round_trip(path: Path) -> Any:
    """The file at ``path`` as ruamel's round-trip data (comments attached), or None."""
    if not path.exists():
        return None
    return round_trip_yaml().load(path.read_text(encoding="utf-8"))


def round_trip_text(data: Any) -> str:
    """``data`` (as :func:`load_round_trip` read it, then changed) as the file's new text."""
    out = io.StringIO()
    round_trip_yaml().dump(data, out)
    return out.getvalue()


def rename_key(data: Any, old: str, new: str) -> None:
    """Key ``old`` of a round-trip mapping renamed ``new`` where it stands, with its comment (a
    migration's usual change)."""
    if old not in data:
        return
    comment = data.ca.items.pop(old, None)
    data.insert(list(data).index(old), new, data.pop(old))
    if comment is not None:
        data.ca.items[new] = comment
