"""``plansite new``: a site repository of its own for a government's plans.

The files come from ``files/`` beside this module (templates in Jinja, a few values filled in:
the title, the issuer, the level and the interface language). A new site pins plansite and its
dependencies with hashes, checks its data and builds strictly in its own CI, and never runs
plansite's own tests. This repository's reference site is configured by the same files
(``tests/test_starter.py`` compares them).
"""

from __future__ import annotations

import re

import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from ruamel.yaml.comments import CommentedSeq

from plansite.model.fields import DATA_FILES, schema_files
from plansite.reading.roundtrip import load_round_trip, round_trip_text
from plansite.starter.pins import requirements_text

FILES = Path(__file__).parent / "files"
"""The starter's files; ``*.j2`` are templates (the name without ``.j2`` is written)."""

EXAMPLE_PLAN = "example"
"""The folder of the example plan under ``data/plans/``; ``plansite remove-example`` removes it."""

DEFAULT_TITLE = "规划公开"
DEFAULT_DESCRIPTION = "政府规划的任务、责任部门和指标，逐条公开、可检索"
DEFAULT_REPO_URL = "https://github.com/plansite/plansite"


@dataclass(frozen=True)
class SiteSettings:
    """What ``plansite new`` asks: the site's title, the issuing government, its level and the
    interface language."""

    title: str = DEFAULT_TITLE
    issuer: str = "市人民政府"
    level: str = "市"
    lang: str = "zh"
    description: str = DEFAULT_DESCRIPTION
    repo_url: str = DEFAULT_REPO_URL
    example: bool = True


def _environment() -> Environment:
    # The files are YAML, Markdown and shell, not HTML: nothing is escaped; the values are the
    # site owner's own words on their own command line.
    return Environment(loader=FileSystemLoader(str(FILES)), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=False)


def starter_files(settings: SiteSettings) -> dict[str, str]:
    """Every file of a new site by its path, as it will be written."""
    env = _environment()
    values = {"title": settings.title, "issuer": settings.issuer, "level": settings.level,
              "lang": settings.lang, "description": settings.description,
              "repo_url": settings.repo_url, "example": settings.example,
              "example_plan": EXAMPLE_PLAN,
              "schemas": {f"./schema/{kind}.schema.json": re.sub(r"<\w+>", "*", path)
                          for kind, path in DATA_FILES.items()}}
    files: dict[str, str] = {}
    for path in sorted(FILES.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        name = path.relative_to(FILES).as_posix()
        text = (env.get_template(name).render(values) if name.endswith(".j2")
                else path.read_text(encoding="utf-8"))
        name = name.removesuffix(".j2")
        if name.startswith("example/"):
            if settings.example:
                files[f"data/plans/{EXAMPLE_PLAN}/{name.removeprefix('example/')}"] = text
            continue
        files[name] = text
    for name, text in schema_files().items():
        files[f"schema/{name}"] = text
    files["requirements.txt"] = requirements_text()
    return files


def new_site(folder: Path, settings: SiteSettings) -> list[Path]:
    """Write a new site into ``folder`` (empty or missing); the paths written."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty")
    written = []
    for name, text in starter_files(settings).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if name.startswith(".ci/"):
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        written.append(path)
    return written


EXAMPLE_DEPARTMENTS = ("zhujianwei", "chengxiangguihuaju")
"""The departments the example plan names, removed with it."""
EXAMPLE_NOTE = "下面两个部门属于示例规划"
"""The registry's comment line that says so, removed with them."""


def remove_example(root: Path) -> list[str]:
    """Remove the example plan and its departments from the site at ``root``; what was removed.

    The registry is written back round-trip, so the editors' own departments and comments stay
    as they were.
    """
    removed = []
    plan = Path(root) / "data" / "plans" / EXAMPLE_PLAN
    if plan.is_dir():
        shutil.rmtree(plan)
        removed.append(f"data/plans/{EXAMPLE_PLAN}/")
    registry = Path(root) / "data" / "departments.yml"
    data = load_round_trip(registry)
    departments = data.get("departments") if data else None
    if not departments:
        return removed
    kept = [d for d in departments if d.get("id") not in EXAMPLE_DEPARTMENTS]
    removed += [f"departments: {d['id']}" for d in departments
                if d.get("id") in EXAMPLE_DEPARTMENTS]
    if len(kept) == len(departments):
        return removed
    departments[:] = kept
    if not kept:
        data["departments"] = CommentedSeq()
        data["departments"].fa.set_flow_style()
    text = "".join(line for line in round_trip_text(data).splitlines(keepends=True)
                   if EXAMPLE_NOTE not in line)
    registry.write_text(text, encoding="utf-8")
    return removed
