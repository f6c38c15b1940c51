"""Which pages an edit changes: every page whose HTML an edit changes is among the pages
:func:`plansite.site.inputs.pages_to_render` names, and a one-record edit names few pages."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from plansite.publishing.tables import downloads
from plansite.reading.repository import load_repository
from plansite.site.inputs import Snapshot, pages_to_render, snapshot
from plansite.site.pages import site_pages
from plansite.site.render import Site
from plansite.synthetic import synth_repository


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def built(root: Path) -> tuple[Snapshot, dict[str, str]]:
    """The snapshot of the repository at ``root`` and the HTML of each of its pages."""
    repo, problems = load_repository(root, parallel=False)
    assert not problems.errors, problems.sorted()[:3]
    site = Site(repo)
    files = downloads(repo, "/", "zh")
    site.download_sizes = lambda: {name: len(data) for name, data in files.items()}
    pages = site_pages(repo)
    html = {page.url: str(site.renderer(page.url).page(page.kind, *page.args)) for page in pages}
    sizes = repr(sorted(site.download_sizes().items()))
    return snapshot(repo, pages, "context", {"downloads": hash(sizes)}), html


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    synth_repository(root, seed=3, tasks=80, departments=20, indicators=24)
    # written once through the same dumper the edits use, so an edit changes only itself
    for path in (root / "data").rglob("*.yml"):
        _dump(path, _load(path))
    return root


def _first_plan(root: Path) -> Path:
    return sorted((root / "data" / "plans").iterdir())[0]


def _tasks_of(data: dict) -> list[dict]:
    out = []

    def walk(chapters: list[dict]) -> None:
        for chapter in chapters:
            for task in chapter.get("tasks", []):
                out.append(task)
                out.extend(task.get("tasks", []))
            walk(chapter.get("chapters", []))
    walk(data["chapters"])
    return out


def _chapters_of(data: dict) -> list[dict]:
    out = []

    def walk(chapters: list[dict]) -> None:
        for chapter in chapters:
            out.append(chapter)
            walk(chapter.get("chapters", []))
    walk(data["chapters"])
    return out


def retitle_task(root: Path) -> None:
    path = _first_plan(root) / "tasks.yml"
    data = _load(path)
    task = _tasks_of(data)[3]
    task["title"] += "（修订）"
    _dump(path, data)


def change_lead(root: Path) -> None:
    path = _first_plan(root) / "tasks.yml"
    data = _load(path)
    names = [d["name"] for d in _load(root / "data" / "departments.yml")["departments"]
             if d.get("kind", "department") == "department"]
    task = _tasks_of(data)[5]
    task["lead"] = [next(n for n in names if n not in task.get("lead", []))]
    _dump(path, data)


def report_actual(root: Path) -> None:
    path = _first_plan(root) / "indicators.yml"
    data = _load(path)
    ind = next(i for i in data["indicators"] if i.get("actuals"))
    ind["actuals"][-1]["value"] = ind["actuals"][-1]["value"] * 0.5
    _dump(path, data)


def rename_department(root: Path) -> None:
    path = root / "data" / "departments.yml"
    data = _load(path)
    dept = data["departments"][3]
    dept.setdefault("aliases", []).append(dept["name"])
    dept["name"] = dept["name"] + "（新）"
    _dump(path, data)


def add_task(root: Path) -> None:
    path = _first_plan(root) / "tasks.yml"
    data = _load(path)
    chapter = next(c for c in _chapters_of(data) if c.get("tasks"))
    names = [d["name"] for d in _load(root / "data" / "departments.yml")["departments"]]
    chapter["tasks"].append({"id": "new-1", "title": "新增任务", "lead": [names[2]],
                             "deadline": "2015年底前"})
    _dump(path, data)


def remove_task(root: Path) -> None:
    """A task removed, with the entries of the progress reports on it."""
    path = _first_plan(root) / "tasks.yml"
    data = _load(path)
    chapter = next(c for c in _chapters_of(data) if len(c.get("tasks", [])) > 1
                   and not c["tasks"][-1].get("tasks"))
    removed = str(chapter["tasks"].pop()["id"])
    _dump(path, data)
    for report_path in (_first_plan(root) / "reports").glob("*.yml"):
        report = _load(report_path)
        entries = report.get("entries", [])
        kept = [entry for entry in entries if str(entry.get("task")) != removed]
        if len(kept) != len(entries):
            report["entries"] = kept
            _dump(report_path, report)


def retitle_chapter(root: Path) -> None:
    path = _first_plan(root) / "tasks.yml"
    data = _load(path)
    _chapters_of(data)[-1]["title"] += "（修订）"
    _dump(path, data)


def retitle_plan(root: Path) -> None:
    path = _first_plan(root) / "plan.yml"
    data = _load(path)
    data["title"] += "（修订）"
    _dump(path, data)


LOCAL_EDITS: list[Callable[[Path], None]] = [retitle_task, change_lead, report_actual, add_task,
                                             retitle_chapter]
"""Edits of one task, chapter or indicator: a small part of the site shows them."""

WIDE_EDITS: list[Callable[[Path], None]] = [rename_department, retitle_plan, remove_task]
"""Edits of a name that most pages of a small site link to, and of a plan's progress reports
(every page that shows a task of the plan shows its progress)."""


@pytest.mark.parametrize("edit", LOCAL_EDITS + WIDE_EDITS, ids=lambda edit: edit.__name__)
def test_every_page_an_edit_changes_is_rendered_again(synthetic, tmp_path, edit):
    root = tmp_path / "repo"
    shutil.copytree(synthetic, root)
    before, old_html = built(root)
    edit(root)
    after, new_html = built(root)
    changed = {url for url, text in new_html.items() if old_html.get(url) != text}
    assert changed, "the edit changed no page: it tests nothing"
    again = pages_to_render(before, after)
    assert changed <= again, f"changed but not rendered again: {sorted(changed - again)}"
    share = 0.5 if edit in LOCAL_EDITS else 0.8
    assert len(again) < len(new_html) * share, (len(again), len(new_html))


def test_a_task_title_renders_its_plan_departments_and_lists_that_show_it(synthetic, tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(synthetic, root)
    before, _ = built(root)
    retitle_task(root)
    after, _ = built(root)
    again = pages_to_render(before, after)
    plan = _first_plan(root).name
    assert f"plans/{plan}/" in again and f"matrix/{plan}/" in again
    # the department index counts tasks: a new title changes no count
    assert "departments/" not in again and "indicators/" not in again
    assert not any(url.startswith("plans/") and url != "plans/"
                   and not url.startswith(f"plans/{plan}/") for url in again)


def test_a_changed_context_renders_every_page(synthetic):
    before, _ = built(synthetic)
    after = Snapshot("another day", before.records, before.pages, before.inputs)
    assert pages_to_render(before, after) == set(before.pages)
    assert pages_to_render(None, before) == set(before.pages)
