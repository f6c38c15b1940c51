"""The pinned requirements of a new site: plansite and every package it needs, with hashes.

``pins.txt`` beside this module holds the part of ``requirements/lock.txt`` that plansite needs
at run time (not its test tools), hashes included; ``make lock`` rewrites it and
``tests/test_starter.py`` fails while it is stale. plansite's own line gets the hash of the
wheel it was installed from, when pip recorded one.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

PINS = Path(__file__).parent / "pins.txt"

_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")
_VIA = re.compile(r"^\s+#\s+(?:via\s+)?([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(\s+\(pyproject\.toml\))?\s*$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _blocks(lock_text: str) -> dict[str, tuple[str, set[str]]]:
    """Each package of a uv lock file: its block of lines and the packages it is there for."""
    blocks: dict[str, tuple[str, set[str]]] = {}
    name, lines, via = "", [], set()
    for line in lock_text.splitlines():
        match = _NAME.match(line)
        if match:
            if name:
                blocks[name] = ("\n".join(lines), via)
            name, lines, via = _normal(match.group(1)), [line], set()
        elif name and line.startswith("    --hash"):
            lines.append(line)
        elif name:
            found = _VIA.match(line)
            if found and not found.group(2):
                via.add(_normal(found.group(1)))
    if name:
        blocks[name] = ("\n".join(lines), via)
    return blocks


def excerpt(lock_text: str, dependencies: list[str]) -> str:
    """The blocks of ``lock_text`` for ``dependencies`` and everything they need, in order."""
    blocks = _blocks(lock_text)
    needed = {_normal(_NAME.match(d.strip()).group(1)) for d in dependencies}
    while True:
        more = {n for n, (_, via) in blocks.items() if n not in needed and via & needed}
        if not more:
            break
        needed |= more
    return "".join(blocks[n][0] + "\n" for n in blocks if n in needed)


def plansite_requirement() -> str:
    """plansite's own line: the installed version, with the hash of the wheel it came from."""
    try:
        dist = distribution("plansite")
    except PackageNotFoundError:
        return "# plansite is not installed: add its line by hand\n"
    line = f"plansite=={dist.version}"
    origin = json.loads(dist.read_text("direct_url.json") or "{}")
    hashes = (origin.get("archive_info") or {}).get("hashes") or {}
    if "sha256" in hashes:
        return f"{line} \\\n    --hash=sha256:{hashes['sha256']}\n"
    return (f"# {line}: installed from a source folder, so its hash is unknown; write the hash "
            f"of the published wheel here (pip hash plansite-{dist.version}-py3-none-any.whl)\n")


def requirements_text() -> str:
    """A new site's ``requirements.txt``."""
    return ("# plansite and everything it needs, pinned with hashes: pip install --require-hashes\n"
            "# -r requirements.txt. To upgrade, take this file from the new version's plansite new.\n"
            + plansite_requirement() + PINS.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    """``python -m plansite.starter.pins LOCK PYPROJECT``: print the pins of ``pins.txt``."""
    lock, pyproject = (Path(a) for a in argv)
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    sys.stdout.write(excerpt(lock.read_text(encoding="utf-8"), dependencies))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
