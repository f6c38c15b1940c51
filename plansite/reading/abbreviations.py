"""The site's own short forms, ``data/abbreviations.yml``, read and checked like the other files.

plansite ships a table of the short forms readers use for plan terms
(:mod:`plansite.language.abbreviations`); a site adds its own here. Each entry is checked for
its shape (:data:`plansite.model.fields.ABBREVIATIONS_FILE`), and for what would make the search
worse: a one-character form matches nearly every text, a form that is its own full form changes
nothing, a pair written twice is noise. Every problem names the file and line.
"""

from __future__ import annotations

from pathlib import Path

from plansite.catalogue.phrases import phrase
from plansite.model import fields as S
from plansite.model.records import Abbreviation
from plansite.problems import Problem
from plansite.reading.shape import Checker
from plansite.reading.yamlfile import load_file

ABBREVIATIONS_FILE = "data/abbreviations.yml"


def read_abbreviations(root: Path) -> tuple[tuple[Abbreviation, ...], list[Problem]]:
    """The short forms of ``root/data/abbreviations.yml`` (none when there is no such file)."""
    path = root / ABBREVIATIONS_FILE
    if not path.exists():
        return (), []
    loaded, problems = load_file(path, root)
    if loaded.data is None:
        return (), problems
    check = Checker()
    entries = check_abbreviations(check, loaded.file, loaded.data)
    return entries, problems + check.problems


def check_abbreviations(check: Checker, file: str, data: object) -> tuple[Abbreviation, ...]:
    """The entries of an abbreviations file's ``data``; every problem goes to ``check``."""
    top = check.record(data, S.ABBREVIATIONS_FILE, "", file, (1, 1))
    if top is None or "abbreviations" not in top:
        return ()
    out: list[Abbreviation] = []
    seen: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(top["abbreviations"]):
        path = f"abbreviations[{i}]"
        if "short" not in entry or "full" not in entry:
            continue  # the shape pass said which field is missing
        short, full = entry["short"].strip(), " ".join(entry["full"].split())
        problem_found = False
        for name, form in (("short", short), *((("full", w) for w in full.split(" ")))):
            if len(form) < 2:
                check.add("abbreviation-too-short", file, entry.pos(name), f"{path}.{name}",
                          found=form, expected=phrase("two-characters"))
                problem_found = True
        if short == full:
            check.add("abbreviation-same", file, entry.pos("full"), f"{path}.full", found=short)
            problem_found = True
        key = (short.casefold(), full)
        if key in seen:
            check.add("duplicate-abbreviation", file, entry.pos("short"), f"{path}.short",
                      found=short, first=seen[key])
            problem_found = True
        seen.setdefault(key, entry.pos("short")[0])
        if not problem_found:
            out.append(Abbreviation(short, full, entry.get("source", "")))
    return tuple(out)
