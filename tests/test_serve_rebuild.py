"""`make serve` (``mkdocs serve --dirty``) after a save: the pages whose records changed are
rendered again, the others are left as written, and the pages of removed records are gone.

The builds run in this process as ``mkdocs serve`` runs them: a fresh config per build, the
plugin instance kept, ``build(dirty=True)`` into one site folder."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from factories import REPORT, TASKS, copy_site_files, make_repo
from plansite.adapter import beside
from plansite.adapter import plugin as plugin_module
from plansite.adapter import serving

SERVE_URL = "http://127.0.0.1:8000/"


class Served:
    """A repository built as ``mkdocs serve --dirty`` builds it, one save at a time."""

    def __init__(self, root: Path, site: Path):
        self.root, self.site = root, site
        self.plugin = None

    def build(self) -> list[str]:
        """Build once; the addresses of the generated pages rendered."""
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        if self.plugin is None:
            config.plugins.on_startup(command="serve", dirty=True)
        self.plugin = config.plugins["plansite"]
        build(config, serve_url=SERVE_URL, dirty=True)
        return sorted(self.plugin.rebuilds.rendered)

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def close(self) -> None:
        if self.plugin is not None:
            self.plugin.on_shutdown()


@pytest.fixture
def served(tmp_path, request) -> Iterator[Served]:
    reports = getattr(request, "param", None)
    root = copy_site_files(make_repo(tmp_path / "repo", reports=reports))
    cwd = os.getcwd()
    os.chdir(root)
    served = Served(root, tmp_path / "site")
    try:
        yield served
    finally:
        served.close()
        os.chdir(cwd)


def edit_tasks(root: Path, change) -> None:
    path = root / "data" / "plans" / "demo" / "tasks.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["chapters"][0]["tasks"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_an_edit_renders_again_only_the_pages_that_show_the_task(served):
    first = served.build()
    assert len(first) > 10 and "plans/demo/" in first
    untouched = served.site / "departments" / "guihuaju" / "index.html"
    written_at = untouched.stat().st_mtime_ns

    def retitle(tasks):
        tasks[1]["title"] = "优先发展教育事业"  # led by 教育局, with 住建委 co-operating
    edit_tasks(served.root, retitle)
    again = set(served.build())
    # its own page, its plan, the plan's matrix, its two departments; the deadlines and the
    # list of plans (which sums up every task's progress) at most
    shown = {"plans/demo/tasks/1.2/", "plans/demo/", "matrix/demo/", "departments/jiaoyuju/",
             "departments/zhujianwei/"}
    assert shown <= again <= shown | {"deadlines/", "plans/"}
    assert "优先发展教育事业" in served.page("plans/demo")
    assert "优先发展教育事业" in served.page("departments/jiaoyuju")
    # a department the task does not name is left as it was written
    assert untouched.stat().st_mtime_ns == written_at

    # a save that changes no record renders nothing again, but for the downloads page catching
    # up with the sizes of the files the edit above changed, once their side work is done
    edit_tasks(served.root, lambda tasks: None)
    assert set(served.build()) <= {"downloads/"}
    edit_tasks(served.root, lambda tasks: None)
    assert set(served.build()) <= {"downloads/"}


def test_adding_and_removing_a_task_renders_its_lists_again(served):
    served.build()

    def add(tasks):
        tasks.append({"id": "1.3", "number": "3.", "title": "新建城市绿道", "lead": ["规划局"],
                      "deadline": "2014年底前"})
    edit_tasks(served.root, add)
    again = set(served.build())
    # its plan, the plan's matrix, its department, the deadlines and the lists that count tasks
    assert {"plans/demo/", "matrix/demo/", "departments/guihuaju/", "deadlines/",
            "departments/", "matrix/", "plans/"} <= again
    assert "departments/jiaoyuju/" not in again
    assert "新建城市绿道" in served.page("departments/guihuaju")

    edit_tasks(served.root, lambda tasks: tasks.pop())
    again = set(served.build())
    assert {"plans/demo/", "departments/guihuaju/", "deadlines/", "departments/"} <= again
    assert "新建城市绿道" not in served.page("departments/guihuaju")
    assert "新建城市绿道" not in served.page("deadlines")


def test_the_page_of_a_removed_record_is_gone(served):
    served.build()
    assert (served.site / "departments" / "jiaoyuju" / "index.html").exists()

    def drop_jiaoyuju(tasks):
        tasks[1]["lead"] = ["住建委"]
        tasks[1].pop("cooperating", None)
    edit_tasks(served.root, drop_jiaoyuju)
    departments = served.root / "data" / "departments.yml"
    data = yaml.safe_load(departments.read_text(encoding="utf-8"))
    data["departments"] = [d for d in data["departments"] if d["id"] != "jiaoyuju"]
    departments.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    again = served.build()
    assert "departments/" in again
    assert not (served.site / "departments" / "jiaoyuju" / "index.html").exists()


def test_a_data_problem_puts_the_site_aside_and_the_fix_brings_it_back(served):
    served.build()
    tasks = served.root / "data" / "plans" / "demo" / "tasks.yml"
    good = tasks.read_text(encoding="utf-8")
    tasks.write_text(good.replace("- 规划局", "- 规划所"), encoding="utf-8")
    assert served.build() == []
    home = (served.site / "index.html").read_text(encoding="utf-8")
    assert "数据有 1 个问题" in home and "规划所" in home
    # every address shows the problems: no page of the site is left to answer instead
    assert not (served.site / "plans" / "demo" / "index.html").exists()
    assert "规划所" in (served.site / "404.html").read_text(encoding="utf-8")

    tasks.write_text(good, encoding="utf-8")
    assert served.build() == []  # no record changed: the pages come back as they were
    home = (served.site / "index.html").read_text(encoding="utf-8")
    assert "数据有" not in home and "<h1>规划公开</h1>" in home  # written again
    assert "<h1>市城乡规划局</h1>" in served.page("departments/guihuaju")
    assert "规划所" not in (served.site / "404.html").read_text(encoding="utf-8")


def test_the_factory_tasks_are_what_these_tests_edit():
    # the tests above name the departments of the second task of the factory's plan
    second = TASKS["chapters"][0]["tasks"][1]
    assert second["lead"] == ["jiaoyuju"] and second["cooperating"] == ["住建委"]


def wait_until(condition, seconds: float = 300) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_the_downloads_and_the_search_index_follow_the_edit_beside(served):
    served.build()
    entry = served.site / "pagefind" / "pagefind-entry.json"
    indexed_at = entry.stat().st_mtime_ns
    data = served.site / "downloads" / "data.json"
    downloads_page = served.page("downloads")

    def retitle(tasks):
        tasks[1]["title"] = "优先发展教育事业，办好人民满意的教育"
    edit_tasks(served.root, retitle)
    assert "downloads/" not in served.build()  # the build does not wait for the files
    assert wait_until(lambda: "办好人民满意的教育" in data.read_text(encoding="utf-8"))
    assert wait_until(lambda: entry.exists() and entry.stat().st_mtime_ns != indexed_at)
    assert not (served.site / ".pagefind-next").exists()
    # the files' sizes changed: the server is asked for one more build, which writes the
    # downloads page alone
    assert wait_until(lambda: served.plugin.rebuilds.trigger.read_text(encoding="utf-8"))
    assert served.build() == ["downloads/"]
    assert served.page("downloads") != downloads_page


@pytest.mark.parametrize("served", [{"2013": REPORT}], indirect=True)
def test_the_feeds_follow_the_edit_beside(served):
    """The feeds name the tasks their entries report on: a retitled task is in them after a
    save, written beside the build, as the downloads are."""
    served.build()
    feed = served.site / "feeds" / "all.xml"
    assert "优先发展教育事业" not in feed.read_text(encoding="utf-8")

    def retitle(tasks):
        tasks[1]["title"] = "优先发展教育事业"  # task 1.2, which the report names
    edit_tasks(served.root, retitle)
    assert "plans/demo/tasks/1.2/" in served.build()
    assert wait_until(lambda: "优先发展教育事业" in feed.read_text(encoding="utf-8"))
    assert wait_until(lambda: "优先发展教育事业" in (
        served.site / "feeds" / "departments" / "jiaoyuju.xml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("served", [{"2013": REPORT}], indirect=True)
def test_feeds_that_fail_after_the_build_make_the_next_build_whole(served, monkeypatch):
    """The feeds of a partial build are written after it: when that fails, the terminal says
    so and the next build writes every page and file again, the feeds with them."""
    every = served.build()

    def failing(*args, **kwargs):
        raise OSError("no space left on device")
    monkeypatch.setattr(plugin_module, "write_feeds", failing)

    def retitle(tasks):
        tasks[1]["title"] = "优先发展教育事业"
    edit_tasks(served.root, retitle)
    assert len(served.build()) < len(every)  # written in part; the feeds after it
    assert wait_until(lambda: served.plugin.rebuilds.unwritten)
    monkeypatch.undo()
    assert served.build() == every  # whole again
    assert "优先发展教育事业" in (served.site / "feeds" / "all.xml").read_text(encoding="utf-8")


def test_a_partial_build_runs_without_the_cycle_collector_which_runs_once_after(served,
                                                                              monkeypatch):
    monkeypatch.setattr(serving, "COLLECT_AFTER", 0.05)
    during: list[bool] = []
    render = plugin_module.PlansitePlugin.on_page_context

    def watched(self, context, page, config, nav):
        during.append(gc.isenabled())
        return render(self, context, page, config, nav)

    monkeypatch.setattr(plugin_module.PlansitePlugin, "on_page_context", watched)
    collected: list[int] = []
    monkeypatch.setattr(serving.gc, "collect", lambda: collected.append(1) or 0)
    try:
        served.build()  # the first build writes everything, with the collector as usual
        assert during and all(during)
        during.clear()
        edit_tasks(served.root, lambda tasks: tasks[1].update(title="优先发展教育事业"))
        assert served.build()
        assert during and not any(during)  # paused from the reading of the data on
        assert wait_until(lambda: gc.isenabled() and collected == [1], 10)
        # a save right after a build: the run of the collector the build before left waiting
        # does not start it in the middle of this one
        monkeypatch.setattr(serving, "COLLECT_AFTER", 0.3)
        edit_tasks(served.root, lambda tasks: tasks[1].update(title="优先发展职业教育"))
        served.build()
        during.clear()
        original = watched

        def slower(self, context, page, config, nav):
            time.sleep(0.1)  # the build outlasts the collector's wait
            return original(self, context, page, config, nav)

        monkeypatch.setattr(plugin_module.PlansitePlugin, "on_page_context", slower)
        edit_tasks(served.root, lambda tasks: tasks[1].update(title="优先发展教育事业"))
        assert len(served.build()) >= 5  # 0.5 s or more at 0.1 s a page
        assert during and not any(during)
        assert wait_until(gc.isenabled, 10)
        # data with problems puts the site aside: the collector runs again at once
        edit_tasks(served.root, lambda tasks: tasks[1].update(lead=["没有这个部门"]))
        served.build()
        assert wait_until(gc.isenabled, 10)
    finally:
        gc.enable()


def test_a_served_session_that_ends_leaves_the_collector_on():
    rebuilds = serving.Rebuilds.serving(dirty=True)
    rebuilds.previous = object()  # as after a build: the next one is partial
    try:
        rebuilds.pause_collector()
        assert not gc.isenabled()
        rebuilds.close()  # the server stops before the build ends
        assert gc.isenabled()
    finally:
        gc.enable()


def test_downloads_a_later_build_stops_are_said_to_be_stopped_not_failed(served, monkeypatch,
                                                                         caplog):
    made = beside.download_files
    slow = {"on": False}

    def downloads(*args):
        if slow["on"]:
            time.sleep(60)  # still making them when the next save comes
        return made(*args)

    monkeypatch.setattr(beside, "download_files", downloads)
    served.build()
    slow["on"] = True
    edit_tasks(served.root, lambda tasks: tasks[1].update(title="优先发展教育事业"))
    served.build()
    caplog.clear()
    caplog.set_level("INFO", logger="mkdocs.plugins.plansite")
    edit_tasks(served.root, lambda tasks: tasks[1].update(title="优先发展职业教育"))
    served.build()
    said = [r.getMessage() for r in caplog.records]
    assert "plansite: the last build's downloads were stopped before they were written" in said
    assert not [line for line in said if "were not written" in line]
