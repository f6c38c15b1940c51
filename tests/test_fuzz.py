"""Property tests: whatever an editor writes, reading and checking give problems, never a crash.

The loader gets arbitrary text, YAML-like text and bytes; the validator gets the good fixture with
any field replaced by any YAML value (which also sends random phrases through the target and
deadline parsers). Each run is bounded by PLANSITE_FUZZ_EXAMPLES (100 by default, so ``make
test`` stays fast; ``make fuzz`` raises it). The importer has its own fuzz tests
(tests/test_import_fuzz.py).
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import DEPARTMENTS, INDICATORS, PLAN, TASKS, make_repo
from plansite.problems import Problem
from plansite.reading.yamlfile import Located, LocatedList, load_file, load_text
from plansite.reading.repository import load_repository

EXAMPLES = int(os.environ.get("PLANSITE_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)

# Pieces of YAML, so random text often parses and reaches the position-keeping converter.
YAML_PIECES = ["departments:", "  - id: a", "    name: 甲", "    name: 乙", "- ", "  ", "\t", ": ",
               "[", "]", "{", "}", "&a ", "*a", "<<: *a", "\"", "'", "#", "---", "...", "!!str ",
               "!!binary ", "? ", "|", ">-", "2011-2015", "２０１５", "0x1F", ".inf", "~", "null",
               "2015-01-01", "1e400", "%YAML 1.1", "\ufeff", "\x85", "\u2028", "\r\n", "\n",
               "2015-13-01", "!!int abc", "!!float x", "!!timestamp 2015-02-30", ".nan", "!!bool 2"]
YAMLISH = st.lists(st.one_of(st.sampled_from(YAML_PIECES), TEXT.map(lambda t: t[:12])),
                   max_size=40).map("".join)


def check_problems(problems: list[Problem]) -> None:
    """Every problem names its file and renders in both languages."""
    for p in problems:
        assert isinstance(p, Problem) and p.file
        assert p.format("zh") and p.format("en")


def check_loaded(data: object, problems: list[Problem]) -> None:
    # None with no problem is a file holding YAML's null: the validator reports its type
    assert data is None or isinstance(data, (Located, LocatedList, str, int, float, bool))
    check_problems(problems)


@FUZZ
@given(TEXT)
def test_fuzz_load_text_on_any_text(text):
    check_loaded(*load_text(text, "data/x.yml"))


@FUZZ
@given(YAMLISH)
def test_fuzz_load_text_on_yaml_like_text(text):
    data, problems = load_text(text, "data/x.yml")
    check_loaded(data, problems)
    if isinstance(data, Located):
        for key in data:
            assert isinstance(data.pos(key), tuple)
    if isinstance(data, LocatedList):
        assert len(data.item_pos) == len(data)


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_load_file_on_any_bytes(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data" / "departments.yml"
        path.parent.mkdir()
        path.write_bytes(raw)
        loaded, problems = load_file(path, Path(folder))
        assert loaded.file == "data/departments.yml"
        check_loaded(loaded.data, problems)


# Any value YAML can hold, with the words and numbers plans use.
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True), TEXT,
    st.sampled_from(["", " ", "2015", "２０１５", "2015年", "2011-2015", "2015-2011", "55%", "达到55%",
                     "不超过5%", "五年下降13%", "年均增长12%以上", "100:120", "15.58万公顷", "1000亿元",
                     "8.5‰", "2026年12月底前", "2026年第二季度", "持续推进", "长期", "市住建委", "住建委",
                     "chengzhenhualv", "zhujianwei", "1", "1.1", ">=", "range", "level", "binding",
                     "1e309", "-0", "nan", "{{ 7*7 }}", "<script>"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "name", "value", "year", "low", "high", "phrase",
                                     "unit", "comparator", "kind", "source", "title", "tasks",
                                     "chapters", "x"]), inner, max_size=4)), max_leaves=12)


def _places(tree: object, path: tuple = ()) -> list[tuple]:
    """Every place (path of keys and indexes) in a nested fixture value, the root included."""
    out = [path]
    if isinstance(tree, dict):
        for key, value in tree.items():
            out.extend(_places(value, path + (key,)))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            out.extend(_places(value, path + (i,)))
    return out


def _replace(tree: object, path: tuple, value: object) -> object:
    if not path:
        return value
    tree[path[0]] = _replace(tree[path[0]], path[1:], value)
    return tree


PARTS = {"departments": DEPARTMENTS, "plan": PLAN, "tasks": TASKS, "indicators": INDICATORS}


@st.composite
def broken_fixtures(draw) -> dict[str, object]:
    """The good fixture with one to three places replaced by any value."""
    parts = copy.deepcopy(PARTS)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        name = draw(st.sampled_from(sorted(parts)))
        path = draw(st.sampled_from(_places(parts[name])))
        parts[name] = _replace(parts[name], path, draw(VALUES))
    # a field the fixture leaves out, added anywhere a record is
    if draw(st.booleans()):
        extra = draw(st.sampled_from(["parent", "deadline", "progress", "target", "actuals",
                                      "baseline", "departments", "chapter", "aliases", "note"]))
        record = draw(st.sampled_from([parts["departments"], parts["tasks"], parts["indicators"]]))
        targets = [d for d in _walk_dicts(record)]
        if targets:
            draw(st.sampled_from(targets))[extra] = draw(VALUES)
    return parts


def _walk_dicts(tree: object) -> list[dict]:
    out = []
    if isinstance(tree, dict):
        out.append(tree)
        tree = list(tree.values())
    if isinstance(tree, list):
        for item in tree:
            out.extend(_walk_dicts(item))
    return out


@FUZZ
@given(broken_fixtures())
def test_fuzz_validator_on_any_structure(parts):
    folder = Path(tempfile.mkdtemp(prefix="plansite-fuzz-"))
    try:
        make_repo(folder, **parts)
        repo, problems = load_repository(folder)
        check_problems(list(problems))
        for task in repo.tasks.values():
            assert all(d in repo.departments for d in (*task.lead, *task.cooperating))
            assert all(i in repo.indicators for i in task.indicators)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
