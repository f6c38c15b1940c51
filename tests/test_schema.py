"""The JSON Schema editors see and the validator agree; the published schema files are current."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from pathlib import Path
from typing import Callable

import pytest
import yaml
from jsonschema import Draft202012Validator

from factories import DEPARTMENTS, INDICATORS, PLAN, TASKS, make_repo
from plansite.cli import main
from plansite.reading.repository import load_repository
from plansite.model import records
from plansite.model.fields import FILES, RECORDS, json_schema, schema_files

ROOT = Path(__file__).resolve().parent.parent
KIND_OF_FILE = {"departments.yml": "departments", "plan.yml": "plan", "tasks.yml": "tasks",
                "indicators.yml": "indicators"}
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def fixture() -> dict:
    return {"departments": copy.deepcopy(DEPARTMENTS), "plan": copy.deepcopy(PLAN),
            "tasks": copy.deepcopy(TASKS), "indicators": copy.deepcopy(INDICATORS)}


def task(data: dict, i: int = 0) -> dict:
    return data["tasks"]["chapters"][0]["tasks"][i]


def indicator(data: dict) -> dict:
    return data["indicators"]["indicators"][0]


def schema_errors(root: Path) -> list[str]:
    """Every JSON Schema error of every data file under ``root``, as ``file: path: message``."""
    errors = []
    for path in sorted(p for p in (root / "data").rglob("*.yml") if p.name in KIND_OF_FILE):
        kind = KIND_OF_FILE[path.name]
        validator = Draft202012Validator(json_schema(kind))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors.extend(f"{path.relative_to(root)}: {'/'.join(map(str, e.absolute_path))}: "
                      f"{e.message}" for e in validator.iter_errors(data))
    return errors


def build(root: Path, change: Callable[[dict], None]) -> Path:
    data = fixture()
    change(data)
    return make_repo(root, **data)


GOOD: dict[str, Callable[[dict], None]] = {
    "factory": lambda d: None,
    "target-as-phrase": lambda d: indicator(d).update(target="不超过60%"),
    "range-target": lambda d: indicator(d).update(
        target={"comparator": "range", "low": 50, "high": 60, "year": 2015}),
    "narrative-target": lambda d: indicator(d).update(target={"narrative": "明显提高"}),
    "sub-tasks-and-deadline": lambda d: task(d).update(deadline="2015年", tasks=[
        {"id": "1.1.1", "title": "编制规划", "lead": ["市城乡规划局"]}]),
    "numeric-ids-and-single-year": lambda d: (d["tasks"]["chapters"][0].update(id=1),
                                              d["plan"].update(period=2011)),
    "nulls-for-optional-fields": lambda d: (d["departments"][0].update(parent=None, note=None),
                                            indicator(d).update(category=None)),
    "actuals-and-parent": lambda d: (indicator(d).update(actuals=[
        {"year": 2012, "value": 50.1, "source": "统计公报"}]),
        d["departments"][1].update(parent="zhujianwei", incomplete=False)),
}

BROKEN: dict[str, Callable[[dict], None]] = {
    "missing-title": lambda d: task(d, 1).pop("title"),
    "unknown-field": lambda d: task(d).update(leader=["市住建委"]),
    "misspelt-type": lambda d: indicator(d).update(type="bindng"),
    "type-in-chinese": lambda d: indicator(d).update(type="约束性"),
    "departments-as-text": lambda d: indicator(d).update(departments="市住建委、市城乡规划局"),
    "unit-in-value": lambda d: indicator(d).update(baseline={"value": "45%", "year": 2010}),
    "quoted-number": lambda d: indicator(d).update(baseline={"value": "45", "year": 2010}),
    "fullwidth-digits": lambda d: indicator(d).update(actuals=[{"year": 2012, "value": "５０．１"}]),
    "year-with-character": lambda d: indicator(d)["target"].update(year="2015年"),
    "year-out-of-range": lambda d: indicator(d)["target"].update(year=15),
    "unknown-comparator": lambda d: indicator(d)["target"].update(comparator="≥"),
    "capital-letters-in-id": lambda d: d["departments"][0].update(id="ZhuJianWei"),
    "incomplete-as-text": lambda d: d["departments"][0].update(incomplete="是"),
    "bad-period": lambda d: d["plan"].update(period="2011到2015"),
    "space-in-chapter-id": lambda d: d["tasks"]["chapters"][0].update(id="1 1"),
    "sub-task-without-id": lambda d: task(d).update(tasks=[{"title": "编制规划"}]),
    "lead-as-text": lambda d: task(d).update(lead="市住建委"),
    "title-as-number": lambda d: task(d).update(title=None),
    "missing-indicator-name": lambda d: indicator(d).pop("name"),
    "empty-target-phrase": lambda d: indicator(d).update(target=""),
}


@pytest.mark.parametrize("name", GOOD)
def test_good_fixture_is_accepted_by_both(tmp_path, name):
    root = build(tmp_path, GOOD[name])
    _, problems = load_repository(root)
    assert [p.format() for p in problems.errors] == []
    assert schema_errors(root) == []


@pytest.mark.parametrize("name", BROKEN)
def test_broken_fixture_is_rejected_by_both(tmp_path, name):
    root = build(tmp_path, BROKEN[name])
    _, problems = load_repository(root)
    assert problems.errors, f"the validator accepts {name}"
    assert schema_errors(root), f"the JSON Schema accepts {name}"


def test_schema_rejects_at_the_same_place_as_the_validator(tmp_path):
    root = build(tmp_path, BROKEN["misspelt-type"])
    _, problems = load_repository(root)
    assert [(p.file, p.path) for p in problems.errors] == [
        ("data/plans/demo/indicators.yml", "indicators[0].type")]
    assert schema_errors(root) == [
        "data/plans/demo/indicators.yml: indicators/0/type: 'bindng' is not one of "
        "['binding', 'expected', 'monitoring']"]


@pytest.mark.parametrize("kind", FILES)
def test_schema_is_valid_draft_2020_12_and_describes_every_field(kind):
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    for name, definition in [(kind, schema), *schema["$defs"].items()]:
        for key, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{key} has no description"


def test_committed_schema_files_are_the_generated_ones():
    generated = schema_files()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.json")}
    assert set(committed) == set(generated) == {f"{k}.schema.json" for k in FILES}
    for name, text in generated.items():
        assert committed[name] == text, f"schema/{name} is stale: run plansite schema --out schema/"


def test_schema_command_writes_the_files(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path / "schema")]) == 0
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "schema").iterdir()}
    assert written == schema_files()
    assert json.loads(written["tasks.schema.json"])["$id"] == "tasks.schema.json"


def test_every_data_file_names_an_existing_schema_on_its_first_line():
    files = sorted(p for p in (ROOT / "data").rglob("*.yml") if p.name in KIND_OF_FILE)
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = SCHEMA_LINE.match(first)
        assert match, f"{path.relative_to(ROOT)} does not start with the yaml-language-server line"
        target = (path.parent / match.group(1)).resolve()
        assert target == (ROOT / "schema" / f"{KIND_OF_FILE[path.name]}.schema.json").resolve(), \
            f"{path.relative_to(ROOT)} points at {match.group(1)}"
        assert target.is_file()


def test_the_repository_data_is_accepted_by_both():
    _, problems = load_repository(ROOT)
    assert [p.format() for p in problems.errors] == []
    assert schema_errors(ROOT) == []


MODEL_OF = {"department": "Department", "plan-file": "Plan", "chapter": "Chapter", "task": "Task",
            "indicator": "Indicator", "quantity": "Quantity", "target": "Target"}


@pytest.mark.parametrize("name", sorted(MODEL_OF))
def test_every_field_of_a_record_is_an_attribute_of_its_model(name):
    """The validator builds the model's records from the fields the schema describes, by name:
    a field added to one must be added to the other."""
    model = getattr(records, MODEL_OF[name])
    attributes = {f.name for f in dataclasses.fields(model)}
    written = {f.name for f in RECORDS[name].fields} - {"period"}  # a plan's period: two years
    assert written <= attributes, written - attributes
