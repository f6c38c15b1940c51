"""Reading a repository the fast way gives exactly what the careful way gives.

Two shortcuts are checked against the paths they stand in for: YAML read from the parser's
events against the composed node tree (values, positions, raw texts, problems), and plan folders
read in a worker process against the same folders read in one process (problems in order,
records, cross-references).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansite.reading import yamlfile as load
from plansite.reading import repository
from plansite.reading.yamlfile import Located, LocatedList, load_text
from plansite.reading.repository import PlanReading, load_repository
from plansite.synthetic import synth_repository
from plansite.reading.validate import Validator

EXAMPLES = int(os.environ.get("PLANSITE_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES * 3, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

HAS_FORK = "fork" in multiprocessing.get_all_start_methods()


def composed(text: str, name: str = "data/x.yml"):
    """What :func:`load_text` gave before it read events: the composer's reading."""
    if not text.strip():
        return load_text(text, name)
    return load._compose_text(text, name)


def shape(value: object) -> object:
    """A value with everything load keeps (types, positions, raw texts), comparable with ==."""
    if isinstance(value, Located):
        return ("mapping", value.file, value.line, value.column,
                [(shape(k), shape(v)) for k, v in value.items()],
                [(shape(k), p) for k, p in value.key_pos.items()],
                [(shape(k), p) for k, p in value.value_pos.items()],
                [(shape(k), r) for k, r in value.raw.items()])
    if isinstance(value, LocatedList):
        return ("list", value.file, value.line, value.column, [shape(v) for v in value],
                value.item_pos, value.raw)
    if isinstance(value, float):
        return ("float", repr(value))  # .nan is equal to no other .nan, its text is
    return (type(value).__name__, value)


def assert_read_alike(text: str) -> None:
    data, problems = load_text(text, "data/x.yml")
    expected, expected_problems = composed(text)
    assert shape(data) == shape(expected)
    assert problems == expected_problems


SCALARS = ["a", "市住建委", "'2.10'", '"q"', "2.10", "1", "-0", "1.0", "0x1F", "1e400", ".nan", ".inf",
           "~", "null", "", "yes", "no", "true", "2015-01-01", "2015-13-01", "2011-2015", "２０１５",
           "!!str 1", "!!int abc", "!!float x", "!!binary aGk=", "!!timestamp 2015-02-30",
           "!!bool 2", "!foo x", "! 12", "=", "<<", "|\n  块", ">-\n  折叠"]
KEYS = ["id", "id", "name", "1", "1.0", "null", "~", "<<", "yes", "true", '"id"', "!!str id",
        "!!merge m", ".nan", "2015-01-01", "名称"]


@st.composite
def documents(draw, depth: int = 0, indent: int = 0) -> str:
    """Block and flow YAML with repeated keys, merge keys, tags and numbers as plans never have."""
    kind = draw(st.sampled_from(["scalar", "flow-map", "flow-list", "map", "list"]
                                if depth < 3 else ["scalar"]))
    pad = " " * indent
    if kind == "scalar":
        return " " + draw(st.sampled_from(SCALARS))
    if kind == "flow-map":
        pairs = draw(st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(SCALARS)),
                              max_size=3))
        return " {" + ", ".join(f"{k}: {v}" for k, v in pairs if "\n" not in v) + "}"
    if kind == "flow-list":
        items = draw(st.lists(st.sampled_from(SCALARS), max_size=3))
        return " [" + ", ".join(v for v in items if "\n" not in v) + "]"
    count = draw(st.integers(min_value=1, max_value=4))
    if kind == "map":
        return "".join(f"\n{pad}{draw(st.sampled_from(KEYS))}:"
                       f"{draw(documents(depth + 1, indent + 2))}" for _ in range(count))
    return "".join(f"\n{pad}-{draw(documents(depth + 1, indent + 2))}" for _ in range(count))


PIECES = ["id: a", "name: 甲", "- ", "  ", "\t", ": ", "[", "]", "{", "}", "&a ", "*a", "<<: *a",
          "\"", "'", "#", "---", "...", "? ", "|", "2011-2015", "\n", "\n  ", "\n- ", "%YAML 1.1\n"]


@FUZZ
@given(documents().map(str.lstrip))
def test_events_read_any_document_as_the_composer_does(text):
    assert_read_alike(text)


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_events_read_any_broken_text_as_the_composer_does(text):
    assert_read_alike(text)


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\nb: {c: 1, c: 2}\n",
    "a: 1\na:\n  b: [1, 2]\n  b: 3\nc: 4\n",
    "<<: {a: 1, a: 2}\nb: 1\n",
    "!!merge x: 1\nb: 2\n",
    "base: &b {x: 1}\nuse: *b\n",
    "base: &b [1]\nuse:\n  <<: *b\n",
    "x: &v 3\ny: *v\n",
    "a: 1\na: &b {x: 1}\nc: *b\n",
    "? [a, b]\n: 1\n",
    "a: 1\n---\nb: 2\n",
    ".nan: 1\n.nan: 2\n1: a\n1.0: b\n",
    "a: 'unclosed\nb: 2\n",
    "a:\n\t- 1\n",
    "# only a comment\n",
    "---\n",
    "- " * 200 + "x\n",
    "[" * 300 + "]" * 300 + "\n",
    "a: !!set {x, y}\nb: !!omap [{x: 1}]\n",
])
def test_events_read_what_plans_rarely_hold_as_the_composer_does(text):
    assert_read_alike(text)


def test_plain_plan_text_is_read_without_composing(monkeypatch):
    def refuse(text, name):
        raise AssertionError("composed")

    monkeypatch.setattr(load, "_compose_text", refuse)
    data, problems = load_text("id: '2.10'\ntitle: 标题\nlead: [市住建委, 1.5]\nyear: 2015\n",
                               "data/x.yml")
    assert data == {"id": "2.10", "title": "标题", "lead": ["市住建委", 1.5], "year": 2015}
    assert data.raw["id"] == "2.10" and data["lead"].item_pos == [(3, 8), (3, 14)]
    assert problems == []


# -- plan folders in a worker process ------------------------------------------------------------

def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1)
    assert changed != text, f"{pattern} not in {path}"
    path.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def broken_repository(tmp_path_factory) -> Path:
    """A synthetic repository with problems of every stage in several plans."""
    root = tmp_path_factory.mktemp("broken")
    synth_repository(root, tasks=160, departments=20, indicators=40, plans=4, seed=5)
    a, b, c, d = sorted((root / "data" / "plans").iterdir())
    _edit(a / "tasks.yml", r"(\n *lead:\n( *)- )", r"\1不存在的部门\n\2- ")
    _edit(a / "indicators.yml", r"(\n  type: [^\n]*)", r"\1\1")
    _edit(b / "tasks.yml", r"(\n *indicators:\n( *)- )", r"\1no-such-indicator\n\2- ")
    _edit(b / "tasks.yml", r"\n( *)deadline: [^\n]*", r"\n\1deadline: [2015]")
    with (b / "indicators.yml").open("a", encoding="utf-8") as out:
        out.write("- id: alias-case\n  name: 别名\n  type: expected\n"
                  "  baseline: &base {value: 1, year: 2020}\n  target: *base\n")
    _edit(c / "tasks.yml", r"\n(  )", "\n\t")
    _edit(d / "plan.yml", r"\ntitle: [^\n]*", "\ntitel: 无题")
    shutil.copytree(a, root / "data" / "plans" / "zz-copy")
    return root


def test_broken_repository_has_problems_in_several_plans(broken_repository):
    _, problems = load_repository(broken_repository, parallel=False)
    codes = {p.code for p in problems}
    assert {"unknown-department", "duplicate-key", "unknown-indicator", "wrong-type",
            "yaml-anchor", "yaml-tab", "unknown-field", "duplicate-id"} <= codes
    assert len({p.file.split("/")[2] for p in problems if p.file.startswith("data/plans/")}) >= 4


@pytest.mark.skipif(not HAS_FORK, reason="a worker process needs fork")
def test_a_worker_process_reads_plan_folders_beside_this_one(broken_repository):
    with PlanReading(broken_repository, Validator(), parallel=True) as reading:
        assert reading.worker is not None and reading.worker.in_process
        folders = reading.folders()
    assert [f.folder for f in folders] == [
        f"data/plans/{p.name}" for p in sorted((broken_repository / "data/plans").iterdir())]
    assert reading.claimed.value == len(folders)


def assert_same_repository(one: tuple, other: tuple) -> None:
    (repo, problems), (other_repo, other_problems) = one, other
    assert list(problems) == list(other_problems)
    assert repo.departments == other_repo.departments
    assert repo.plans == other_repo.plans
    assert repo.indicators == other_repo.indicators
    assert repo.index == other_repo.index


def _this_process_waits(monkeypatch) -> None:
    """Folders are claimed by the worker first: its results travel back by pickle."""
    here = os.getpid()
    read_claimed = PlanReading._read_claimed

    def wait_here(self, receive=None):
        if os.getpid() == here:
            time.sleep(0.5)
        return read_claimed(self, receive)

    monkeypatch.setattr(PlanReading, "_read_claimed", wait_here)


@pytest.mark.parametrize("who", ["both", "worker-first"])
def test_the_worker_and_one_process_give_the_same_problems_and_records(broken_repository,
                                                                       monkeypatch, who):
    if who == "worker-first":
        _this_process_waits(monkeypatch)
    assert_same_repository(load_repository(broken_repository, as_of=2024, parallel=True),
                           load_repository(broken_repository, as_of=2024, parallel=False))


def test_a_good_repository_reads_the_same_with_a_worker(tmp_path):
    synth_repository(tmp_path, tasks=120, departments=16, indicators=30, plans=3, seed=2)
    in_parallel = load_repository(tmp_path, as_of=2024, parallel=True)
    assert list(in_parallel[1]) == []
    assert_same_repository(in_parallel, load_repository(tmp_path, as_of=2024, parallel=False))


@pytest.mark.skipif(not HAS_FORK, reason="a worker process needs fork")
@pytest.mark.parametrize("failure", ["error", "exit"])
def test_a_failed_worker_leaves_its_folders_to_this_process(broken_repository, monkeypatch,
                                                             failure):
    here = os.getpid()
    read_claimed = PlanReading._read_claimed

    def fail_in_worker(self, receive=None):
        if os.getpid() == here:
            time.sleep(0.5)  # the worker claims folders first
            return read_claimed(self, receive)
        read_claimed(self, receive)  # the worker reads folders, then fails to send them back
        if failure == "exit":
            os._exit(3)
        raise MemoryError("the worker ran out of memory")

    monkeypatch.setattr(PlanReading, "_read_claimed", fail_in_worker)
    assert_same_repository(load_repository(broken_repository, as_of=2024, parallel=True),
                           load_repository(broken_repository, as_of=2024, parallel=False))


def _problems_in_a_daemon(root: Path, conn) -> None:
    _, problems = load_repository(root, as_of=2024, parallel=True)
    conn.send(list(problems))


@pytest.mark.skipif(not HAS_FORK, reason="a worker process needs fork")
def test_a_process_pool_worker_reads_every_folder_itself(broken_repository):
    """multiprocessing lets a daemonic process start no child: it reads alone."""
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    daemon = context.Process(target=_problems_in_a_daemon, args=(broken_repository, theirs),
                             daemon=True)
    daemon.start()
    assert mine.recv() == list(load_repository(broken_repository, as_of=2024)[1])
    daemon.join()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@pytest.mark.skipif(not HAS_FORK or _cores() < 2, reason="a worker needs fork and two cores")
def test_large_repositories_get_a_worker(broken_repository, monkeypatch):
    monkeypatch.setattr(repository, "WORKER_BYTES", 0)
    reading = PlanReading(broken_repository, Validator())
    assert reading.worker is not None
    assert len(reading.folders()) == 5


def test_small_repositories_are_read_in_one_process(broken_repository, monkeypatch):
    assert PlanReading(broken_repository, Validator()).worker is None
    monkeypatch.setattr(repository, "WORKER_BYTES", 0)
    monkeypatch.setattr(repository.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(repository.os, "cpu_count", lambda: 1)
    assert PlanReading(broken_repository, Validator()).worker is None  # one core: no gain
