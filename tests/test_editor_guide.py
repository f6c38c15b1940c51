"""The editing guide's examples are real: each is written into a repository and validated.

docs/editing.md marks each YAML example with ``<!-- example: name -->`` or
``<!-- mistake: code -->`` and each message with ``<!-- message: code -->``. Here the good
examples are written into a copy of the real data, exactly as shown and where the guide says,
and must validate clean and add what they say (a task, not a chapter); each mistake replaces the
lines it stands for in a small repository and must produce exactly the message the page shows.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest

from factories import DEPARTMENTS, INDICATORS, TASKS
from plansite.importers.writer import write_data_file
from plansite.reading.repository import load_repository

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "editing.md"
PLAN = {"id": "city-12th-fyp", "title": "市“十二五”规划纲要主要目标任务分解", "issuer": "市人民政府",
        "level": "市", "period": "2011-2015"}
DEPARTMENTS_FILE = "data/departments.yml"
TASKS_FILE = "data/plans/city-12th-fyp/tasks.yml"
INDICATORS_FILE = "data/plans/city-12th-fyp/indicators.yml"

# where each good example goes: appended to the end of this file
EXAMPLES = {"add-department": DEPARTMENTS_FILE, "add-task": TASKS_FILE,
            "add-actual": INDICATORS_FILE}
# which lines of the good repository each mistake stands for
MISTAKES = {
    "unknown-department": (TASKS_FILE, "        lead: [市住建委, 规划局]"),
    "duplicate-id": (TASKS_FILE, "      - id: '1.2'\n        number: '2.'\n        title: 优先发展教育"),
    "bad-number": (INDICATORS_FILE, "    baseline: {value: 45, year: 2010}"),
    "fullwidth-digits": (INDICATORS_FILE, "      - {year: 2012, value: 50.1, source: 2012年统计公报}"),
    "yaml-tab": (TASKS_FILE, "        lead: [jiaoyuju]"),
}


def blocks(kind: str) -> dict[str, str]:
    """The code block after each ``<!-- kind: name -->`` marker of the guide, by name."""
    text = GUIDE.read_text(encoding="utf-8")
    pattern = rf"<!-- {kind}: ([a-z-]+) -->\n```[a-z]*\n(.*?)\n```"
    found = re.findall(pattern, text, flags=re.DOTALL)
    assert len(found) == len(dict(found)), f"a {kind} marker is used twice"
    return dict(found)


def real_ids() -> dict[str, str]:
    """The ids the site's own registry gives the factory's departments, by name."""
    import yaml

    registry = yaml.safe_load((GUIDE.parent.parent / DEPARTMENTS_FILE).read_text(encoding="utf-8"))
    return {d["name"]: d["id"] for d in registry["departments"]}


def good_repo(root: Path) -> Path:
    """The factory plan as the importer writes it (schema line, two-space style), one actual.

    Departments carry the ids of the site's own registry, so the guide's messages read as the
    editor will see them on the real data.
    """
    ids = real_ids()
    departments = [{**d, "id": ids.get(d["name"], d["id"])} for d in DEPARTMENTS]
    indicators = copy.deepcopy(INDICATORS)
    indicators["indicators"][0]["actuals"] = [
        {"year": 2012, "value": 50.1, "source": "2012年统计公报"}]
    write_data_file(root / DEPARTMENTS_FILE, "departments", {"departments": departments}, root)
    folder = root / "data/plans/city-12th-fyp"
    write_data_file(folder / "plan.yml", "plan", PLAN, root)
    write_data_file(folder / "tasks.yml", "tasks", TASKS, root)
    write_data_file(folder / "indicators.yml", "indicators", indicators, root)
    return root


def replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{file} no longer holds the lines the example replaces"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_guide_shows_five_mistakes_each_with_its_message():
    assert set(blocks("mistake")) == set(blocks("message")) == set(MISTAKES)
    assert set(blocks("example")) == set(EXAMPLES)


# where the guide says each good example goes in the real data: the file, and the line it is
# written after ("") or before (">"); the guide names that place in its own words
PLACES = {
    "add-department": (DEPARTMENTS_FILE, None),
    "add-task": (TASKS_FILE, ">      - id: '2.2'\n"),
    "add-actual": (INDICATORS_FILE, "  - id: gaozhongjiaoyumaoruxuelv\n"),
}


def place(text: str, snippet: str, where: str | None) -> str:
    """``text`` with ``snippet`` written where the guide says: at the end of the file, before
    the line ``>where``, or under the ``target:`` line of the record that starts ``where``."""
    if where is None:
        return text + snippet + "\n"
    if where.startswith(">"):
        assert text.count(where[1:]) == 1
        return text.replace(where[1:], snippet + "\n" + where[1:])
    start = text.index(where)
    target = text.index("    target:", start)
    end = text.index("\n", target) + 1
    return text[:end] + snippet + "\n" + text[end:]


def test_the_guide_names_the_places_the_examples_go():
    guide = GUIDE.read_text(encoding="utf-8")
    assert "`data/departments.yml` 的末尾" in guide
    assert "`      - id: '2.2'` 开头，新任务就写在这一行的上面" in guide
    assert "`id: gaozhongjiaoyumaoruxuelv`" in guide and "`target:` 这一行下面先写 `actuals:`" in guide


def test_the_good_examples_fit_the_real_files_exactly_as_written(tmp_path):
    shutil.copytree(GUIDE.parent.parent / "data", tmp_path / "data")
    shutil.copytree(GUIDE.parent.parent / "sources", tmp_path / "sources")  # reports cite them
    before, problems = load_repository(tmp_path)
    assert list(problems) == []
    assert "city-12th-fyp:2.1.10" not in before.index.tasks
    assert not before.indicators["gaozhongjiaoyumaoruxuelv"].actuals
    for name, snippet in blocks("example").items():
        file, where = PLACES[name]
        path = tmp_path / file
        path.write_text(place(path.read_text(encoding="utf-8"), snippet, where), encoding="utf-8")
    repo, problems = load_repository(tmp_path)
    assert [p.format() for p in problems] == []
    assert repo.departments["shuiwuju"].aliases == ("水务局",)
    task = repo.task("city-12th-fyp:2.1.10")
    assert (task.chapter, task.title) == ("2.1", "保障城乡供水安全")
    assert task.lead == ("shuiwuju",) and task.cooperating == ("zhujianwei",)
    assert sum(len(p.chapters) for p in repo.plans.values()) == \
        sum(len(p.chapters) for p in before.plans.values())  # no chapter more
    assert [(a.year, a.value) for a in repo.indicators["gaozhongjiaoyumaoruxuelv"].actuals] == [
        (2013, 96.5)]


@pytest.mark.parametrize("code", MISTAKES)
def test_each_mistake_gives_the_message_the_guide_shows(tmp_path, code):
    root = good_repo(tmp_path)
    _, problems = load_repository(root)
    assert list(problems) == []
    file, old = MISTAKES[code]
    replace(root, file, old, blocks("mistake")[code])
    _, problems = load_repository(root)
    assert [p.code for p in problems] == [code]
    assert "\n".join(p.format("zh") for p in problems.sorted()) == blocks("message")[code]
