"""``plansite migrate``: data files of an older format brought to this plansite's format.

The format is written once per unit of data: ``format:`` in ``data/departments.yml`` for the
registry, and in each ``plan.yml`` for its whole folder (plan, tasks, indicators, progress
reports). A file without it is of format 1. Each step from one format to the next is a
:class:`Step` in :data:`STEPS`: it changes the files of a unit in place, as ruamel read them, so
the editors' comments, quotes and order stay; then ``format:`` says the new format. A unit
already at this format is not rewritten; one of a newer format is left alone and reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plansite.model import fields
from plansite.reading.roundtrip import load_round_trip, round_trip_text


@dataclass(frozen=True)
class Step:
    """The change from format ``to - 1`` to format ``to``: ``change(kind, data)`` edits one
    file's data in place (``kind`` is ``departments``, ``plan``, ``tasks``, ``indicators`` or
    ``report``); ``says`` is what it changes, for the person who reviews the result."""

    to: int
    says: str
    change: Callable[[str, Any], None]


STEPS: dict[int, Step] = {}
"""The step from each older format (the key) to the next. Format 1 is the first: none yet."""


@dataclass
class Migrated:
    """What ``plansite migrate`` did to one unit of data."""

    file: str
    found: int
    to: int
    said: list[str] = field(default_factory=list)
    newer: bool = False
    unknown: bool = False
    """No step leads from its format to this plansite's: it was left as it was."""


def _units(root: Path) -> list[tuple[Path, list[tuple[str, Path]]]]:
    """Each unit of data: the file holding its ``format:`` and every file of the unit."""
    data = root / "data"
    units = []
    registry = data / "departments.yml"
    if registry.is_file():
        units.append((registry, [("departments", registry)]))
    for plan in sorted((data / "plans").glob("*/plan.yml")):
        folder = plan.parent
        members = [("plan", plan)] + [(kind, folder / f"{kind}.yml")
                                      for kind in ("tasks", "indicators")
                                      if (folder / f"{kind}.yml").is_file()]
        members += [("report", path) for path in sorted((folder / "reports").glob("*.yml"))]
        units.append((plan, members))
    return units


def data_format(data: Any) -> int:
    """The format a unit's head file says it is in (1 when it says nothing)."""
    value = data.get("format", 1) if hasattr(data, "get") else 1
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def migrate(root: Path, target: int | None = None) -> list[Migrated]:
    """Bring every unit of data under ``root`` to ``target`` (this plansite's format)."""
    target = fields.DATA_FORMAT if target is None else target
    done = []
    for head, members in _units(Path(root)):
        loaded = {path: load_round_trip(path) for _, path in members}
        found = data_format(loaded[head])
        name = head.relative_to(root).as_posix()
        if found > target or any(v not in STEPS for v in range(found, target)):
            # newer than this plansite, or older than any step it knows
            done.append(Migrated(name, found, found, newer=found > target, unknown=True))
            continue
        if found == target:
            continue
        result = Migrated(name, found, target)
        version = found
        while version < target:
            step = STEPS[version]
            for kind, path in members:
                if loaded[path] is not None:
                    step.change(kind, loaded[path])
            result.said.append(step.says)
            version = step.to
        head_data = loaded[head]
        if "format" in head_data:
            head_data["format"] = target
        else:
            head_data.insert(0, "format", target)
        for _, path in members:
            if loaded[path] is not None:
                path.write_text(round_trip_text(loaded[path]), encoding="utf-8")
        done.append(result)
    return done
