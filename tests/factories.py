"""Tiny plan repositories built from dicts, with overrides, for tests."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

DEPARTMENTS = [
    {"id": "zhujianwei", "name": "市住建委", "aliases": ["住建委"], "kind": "department"},
    {"id": "guihuaju", "name": "市城乡规划局", "aliases": ["规划局", "城乡规划局"]},
    {"id": "jiaoyuju", "name": "市教育局", "aliases": ["教育局"]},
    {"id": "xiangzhen", "name": "各乡镇办场区园", "kind": "group"},
]

PLAN = {"id": "demo", "title": "示例规划", "issuer": "市人民政府", "level": "市",
        "period": "2011-2015"}

TASKS = {"chapters": [
    {"id": "1", "number": "一、", "title": "统筹城乡发展", "text": "总体要求。", "tasks": [
        {"id": "1.1", "number": "1.", "title": "优化城镇空间布局",
         "text": "到2015年，城镇化率达到55%。", "lead": ["市住建委", "规划局"],
         "implementers": ["有关部门", "各乡镇办场区园"], "indicators": ["chengzhenhualv"],
         "responsibility": "——由市住建委、市城乡规划局会同有关部门和各乡镇办场区园组织落实。"},
        {"id": "1.2", "number": "2.", "title": "优先发展教育", "text": "办好教育。",
         "lead": ["jiaoyuju"], "cooperating": ["住建委"]},
    ]},
]}

INDICATORS = {"indicators": [
    {"id": "chengzhenhualv", "name": "城镇化率", "type": "expected", "unit": "%",
     "phrase": "城镇化率达到55%", "baseline": {"value": 45, "year": 2010},
     "target": {"value": 55, "year": 2015, "comparator": ">=", "kind": "level"}},
]}


REPORT = {
    "period": "2013", "as_of": "2013-12-31", "reported_by": "市发展改革委",
    "source": {"title": "2013年规划实施情况", "url": "https://example.gov.cn/2013.html"},
    "entries": [
        {"task": "1.1", "status": "on_track", "progress": "完成片区规划编制。", "percent": 60,
         "reported_by": "市住建委",
         "evidence": [{"title": "片区规划批复", "url": "https://example.gov.cn/pf.html"}],
         "indicators": [{"indicator": "chengzhenhualv", "year": 2013, "value": 51.2}]},
        {"task": "1.2", "status": "delayed", "reason": "校舍用地未落实。",
         "assessment": {"by": "市人大常委会", "rating": "滞后", "note": "建议加快用地审批。"}},
    ],
}
"""A good progress report on the fixture's plan (the body that reported 1.1 leads it)."""


def write_yaml(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def make_repo(root: Path, departments: list | None = None, plan: dict | None = None,
              tasks: dict | None = None, indicators: dict | None = None,
              plan_id: str = "demo", reports: dict[str, dict] | None = None) -> Path:
    """Write a small valid repository under ``root``; each part can be replaced. ``reports``
    are report files by period (none unless given)."""
    write_yaml(root / "data" / "departments.yml",
               {"departments": copy.deepcopy(DEPARTMENTS if departments is None else departments)})
    folder = root / "data" / "plans" / plan_id
    write_yaml(folder / "plan.yml", copy.deepcopy(PLAN if plan is None else plan))
    write_yaml(folder / "tasks.yml", copy.deepcopy(TASKS if tasks is None else tasks))
    write_yaml(folder / "indicators.yml",
               copy.deepcopy(INDICATORS if indicators is None else indicators))
    for period, report in (reports or {}).items():
        write_yaml(folder / "reports" / f"{period}.yml", copy.deepcopy(report))
    return root


SITE_FILES = ("mkdocs.yml", "docs", "overrides")
"""What a repository needs beside data/ to build the site (theme overrides included)."""


def copy_site_files(root: Path) -> Path:
    """Copy this repository's site configuration next to a test repository's data/."""
    import shutil

    repo = Path(__file__).resolve().parent.parent
    for item in SITE_FILES:
        src = repo / item
        if src.is_dir():
            shutil.copytree(src, root / item, dirs_exist_ok=True)
        elif src.exists():
            shutil.copy(src, root / item)
    return root


SEED = Path(__file__).resolve().parent.parent / "sources" / "seed-plans.txt"
"""The source page of the seed plans (a web page holding 篇1 and 篇2), kept in the repository."""
