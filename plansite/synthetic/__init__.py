"""Synthetic plan repositories of any size, for measuring how the site scales.

``plansite synth --tasks N --departments M --indicators K --out DIR`` writes a repository in the
data format the site reads: several plans with nested chapters, tasks and sub-tasks in the
shape of real task breakdowns (chapter titles, task sentences, ``——由市住建委会同有关部门和各乡镇办
场区园组织落实。`` responsibility lines), a registry of ``市X局`` / ``省X厅`` / ``X委`` departments,
and indicators with baselines, targets written as the plans write them (达到55%, 五年下降13%,
年均增长12%以上) and reported actuals. The output validates cleanly and is the same for the same
seed, so figures measured on it can be compared between runs.
"""

from __future__ import annotations

import logging
import math
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plansite.model.walk import written_chapters, written_tasks
from plansite.progress import QUIET, Quiet
from plansite.synthetic.departments import make_departments
from plansite.synthetic.reports import make_reports
from plansite.synthetic.words import CHAPTER_THEMES, PERIODS, PLAN_KINDS, REPORTED_UP_TO
from plansite.synthetic.writer import Writer, split

log = logging.getLogger(__name__)


@dataclass
class SynthSummary:
    """What was written: counts per kind of record and the plan ids."""

    out: Path
    plans: list[str] = field(default_factory=list)
    tasks: int = 0
    departments: int = 0
    indicators: int = 0
    chapters: int = 0


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """YAML as editors write it: 2-space indent, block style, readable Chinese."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Markdown of several paragraphs is written as a literal block (text: |), as editors do.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(path: Path, data: dict, kind: str, depth: int) -> None:
    header = f"# yaml-language-server: $schema={'../' * depth}schema/{kind}.schema.json\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, indent=2,
                     width=1000, default_flow_style=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")


def synth_repository(out: Path | str, tasks: int, departments: int, indicators: int,
                     seed: int = 1, plans: int | None = None,
                     progress: Quiet = QUIET) -> SynthSummary:
    """Write a synthetic repository with exactly these counts under ``out`` (replacing data/);
    the plans written so far are shown on ``progress``."""
    if tasks < 1 or indicators < 0:
        raise ValueError("need at least one task and no negative count")
    out = Path(out)
    rng = random.Random(seed)
    plan_count = plans or max(2, math.ceil(tasks / 500))
    plan_count = min(plan_count, tasks)
    depts = make_departments(departments, rng)
    writer = Writer(rng, depts)
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    _dump(data / "departments.yml", {"departments": [d.record() for d in depts]},
          "departments", 1)
    summary = SynthSummary(out=out, departments=len(depts))
    task_shares = split(tasks, plan_count, rng)
    indicator_shares = split(indicators, plan_count, rng)
    used_ids: set[str] = set()
    progress.phase("progress-plans", plan_count)
    every_status = True  # the first plan with reports shows every status
    for index, (n_tasks, n_inds) in enumerate(zip(task_shares, indicator_shares)):
        plan = _plan_meta(index, rng, used_ids)
        chapters = writer.plan_tree(plan, max(n_tasks, 1) if n_tasks else 0) if n_tasks else []
        if not chapters:  # a plan always has a chapter, even when it got no tasks
            chapters = [{"id": "1", "number": "一、", "title": CHAPTER_THEMES[0][0]}]
        inds = writer.indicators(plan, n_inds)
        all_tasks = list(written_tasks(chapters))
        for ind in inds:
            links = rng.choices((0, 1, 2, 3), (10, 65, 18, 7))[0] if all_tasks else 0
            for task in rng.sample(all_tasks, min(links, len(all_tasks))):
                task.setdefault("indicators", []).append(ind["id"])
                if ind.get("phrase") and rng.random() < 0.7:
                    task["text"] += f"\n\n{ind['phrase']}。"
            if not links:
                owners = writer.departments(rng.randint(1, 2), set())
                ind["departments"] = [writer.reference(d) for d in owners]
        folder = data / "plans" / plan["id"]
        meta = {"id": plan["id"], "title": plan["title"], "issuer": plan["issuer"],
                "level": plan["level"], "period": plan["period"],
                "source_document": f"{plan['issuer']}印发的《{plan['title']}》",
                "summary": writer.paragraph(CHAPTER_THEMES[index % len(CHAPTER_THEMES)][1], 2),
                "reporting_interval": "half" if index % 2 else "year"}
        _dump(folder / "plan.yml", meta, "plan", 3)
        objects = CHAPTER_THEMES[index % len(CHAPTER_THEMES)][1]
        reports = make_reports(plan, all_tasks, rng, lambda: writer.sentence(objects),
                               every_status)
        every_status = every_status and not reports
        for period, report in reports.items():
            _dump(folder / "reports" / f"{period}.yml", report, "report", 4)
        _dump(folder / "tasks.yml", {"chapters": chapters}, "tasks", 3)
        _dump(folder / "indicators.yml", {"indicators": inds}, "indicators", 3)
        summary.plans.append(plan["id"])
        summary.tasks += len(all_tasks)
        summary.indicators += len(inds)
        summary.chapters += sum(1 for _ in written_chapters(chapters))
        progress.advance()
    progress.close()
    log.info("wrote %d plans, %d tasks, %d departments, %d indicators to %s",
             len(summary.plans), summary.tasks, summary.departments, summary.indicators, data)
    return summary


def _plan_meta(index: int, rng: random.Random, used: set[str]) -> dict:
    level, level_slug = ("省", "sheng") if rng.random() < 0.5 else ("市", "shi")
    kind, kind_slug = PLAN_KINDS[index % len(PLAN_KINDS)]
    if rng.random() < 0.2:
        year = rng.randint(2018, REPORTED_UP_TO)
        start = end = year
        title = f"{year}年全{level}{kind.replace('规划', '工作要点').replace('纲要', '')}"
        period: str | int = year
    else:
        start, end, name = PERIODS[rng.randrange(len(PERIODS) - 1)]
        title = f"{level}“{name}”{kind}"
        period = f"{start}-{end}"
    plan_id, n = f"{level_slug}-{kind_slug}-{start}", 1
    while plan_id in used:
        n += 1
        plan_id = f"{level_slug}-{kind_slug}-{start}-{n}"
    used.add(plan_id)
    return {"id": plan_id, "title": title, "issuer": f"{level}人民政府", "level": level,
            "period": period, "start": start, "end": end, "index": index}
