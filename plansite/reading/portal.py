"""A portal's member sites, read from ``data/portal.yml`` with the place of every value.

A portal is a plansite site that gathers other plansite sites: each city or department
publishes its own site from its own repository, and the portal lists their plans and
departments and searches them all at once. The file is checked like every data file (shape,
kinds, duplicate ids and addresses, each problem at its file and line); the members' data is
fetched only by a build (:mod:`plansite.site.portal`).
"""

from __future__ import annotations

from pathlib import Path

from plansite.model import fields as S
from plansite.model.records import Member, Source
from plansite.problems import Problems
from plansite.reading.shape import Checker
from plansite.reading.yamlfile import load_file

PORTAL_FILE = "data/portal.yml"


def read_portal(root: Path, problems: Problems) -> list[Member]:
    """The members of ``data/portal.yml`` under ``root`` (none when there is no such file);
    every problem of the file goes into ``problems``."""
    path = root / PORTAL_FILE
    if not path.exists():
        return []
    loaded, found = load_file(path, root)
    problems.extend(found)
    if loaded.data is None:
        return []
    check = Checker()
    top = check.record(loaded.data, S.PORTAL_FILE, "", loaded.file, (1, 1))
    members: list[Member] = []
    first: dict[tuple[str, str], tuple[int, Source]] = {}
    for i, item in enumerate((top or {}).get("members", [])):
        repeated = False
        for key in ("id", "url"):
            if key not in item:
                continue
            at, seen = first.setdefault((key, item[key]),
                                        (i, Source(loaded.file, *item.pos(key))))
            if at != i:
                check.add("duplicate-id", loaded.file, item.pos(key), f"members[{i}].{key}",
                          found=item[key], first=str(seen))
                repeated = True
        # a member with a missing or bad value is left out: the shape pass said what is wrong
        if not repeated and {"id", "name", "url"} <= item.keys():
            members.append(Member(**S.attributes(S.MEMBER, item),
                                  source=Source(loaded.file, *item.pos("id"))))
    problems.extend(check.problems)
    return members
