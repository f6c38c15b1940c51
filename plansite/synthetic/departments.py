"""The register of a synthetic repository: groups, then bodies at every level, in the order
real task breakdowns name them most."""

from __future__ import annotations

import random
from dataclasses import dataclass

from plansite.language.departments import without_level
from plansite.synthetic.words import (COUNTIES, DEPARTMENT_STEMS, GROUPS, LEVELS, OTHER_BODIES,
                                      PLACES)


@dataclass
class SynthDepartment:
    """A department of the synthetic registry, with the weight of being named in a task."""

    id: str
    name: str
    alias: str = ""
    kind: str = "department"
    incomplete: bool = False

    def record(self) -> dict:
        out: dict = {"id": self.id, "name": self.name}
        if self.alias:
            out["aliases"] = [self.alias]
        out["kind"] = self.kind
        if self.incomplete:
            out["incomplete"] = True
            out["note"] = "来源只给出了部分名称"
        return out


def make_departments(count: int, rng: random.Random) -> list[SynthDepartment]:
    """``count`` departments: groups first, then bodies in the order plans name them most."""
    if count < 3:
        raise ValueError("a repository needs at least 3 departments (one group, two bodies)")
    groups = [SynthDepartment(slug, name, kind="group") for name, slug in GROUPS]
    groups = groups[:max(1, min(len(groups), count // 40))]
    pool: list[SynthDepartment] = []
    for prefix, level_slug, column in LEVELS:
        for stem in DEPARTMENT_STEMS:
            pool.append(SynthDepartment(f"{level_slug}-{stem[1]}", f"{prefix}{stem[0]}{stem[column]}"))
        for name, slug, kind in OTHER_BODIES:
            pool.append(SynthDepartment(f"{level_slug}-{slug}", f"{prefix}{name}", kind=kind))
    for place, place_slug in PLACES + COUNTIES:
        for stem in DEPARTMENT_STEMS:
            pool.append(SynthDepartment(f"{place_slug}-{stem[1]}", f"{place}{stem[0]}{stem[3]}"))
    # Interleave levels so a small registry still holds every level, most-named stems first.
    per_level = len(DEPARTMENT_STEMS) + len(OTHER_BODIES)
    ordered = [pool[level * per_level + i] for i in range(per_level) for level in range(len(LEVELS))]
    ordered += pool[len(LEVELS) * per_level:]
    wanted = count - len(groups) - 1  # one name the source blanked out, as in real data
    if wanted > len(ordered):
        raise ValueError(f"at most {len(ordered) + len(groups) + 1} departments can be made")
    chosen = ordered[:wanted]
    chosen.insert(min(len(chosen), 40), SynthDepartment("shi-ju", "市局", incomplete=True))
    # An alias is the name without its level ("教育局"), where only one department has it.
    short: dict[str, int] = {}
    for dept in chosen:
        short[without_level(dept.name)] = short.get(without_level(dept.name), 0) + 1
    for dept in chosen:
        word = without_level(dept.name)
        if word != dept.name and short[word] == 1 and len(word) > 1 and not dept.incomplete:
            dept.alias = word
    return groups + chosen
