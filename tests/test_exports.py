"""Every export reopened and compared with the data, record by record: JSON, CSV, XLSX, Data Package.

The comparison reads the repository model, not the export code, so a column that drifts from
the data (a lost unit, a wrong id, a page URL that moved) fails here.
"""

from __future__ import annotations

import datetime

import copy
import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from factories import DEPARTMENTS, INDICATORS, TASKS, make_repo
from plansite.model import urls
from plansite.cli import main
from plansite.model.repository import Repository
from plansite.reading.repository import load_repository
from plansite.publishing.csvfile import cell_text as written_text
from plansite.publishing.tables import TABLES, table_rows

ROOT = Path(__file__).resolve().parent.parent
BASE = "/gov/"
BOM = b"\xef\xbb\xbf"


def rich_repo(root: Path) -> Path:
    """The factory repository with actuals, a range target, a sub-task and a nested department."""
    departments = copy.deepcopy(DEPARTMENTS)
    departments[1]["parent"] = "zhujianwei"
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["tasks"] = [
        {"id": "1.1.1", "title": "编制城镇体系规划", "lead": ["规划局"], "deadline": "2013年",
         "indicators": ["renkou"]}]
    inds = copy.deepcopy(INDICATORS)
    inds["indicators"][0]["actuals"] = [{"year": 2012, "value": 50.5, "source": "统计公报"},
                                        {"year": 2013, "value": 52}]
    inds["indicators"].append({
        "id": "renkou", "name": "户籍人口", "type": "binding", "unit": "人",
        "phrase": "户籍人口控制在160万至166.2万人", "baseline": {"value": 1550000, "year": 2010},
        "target": {"comparator": "range", "low": 1600000, "high": 1662000, "year": 2015}})
    return make_repo(root, departments=departments, tasks=tasks, indicators=inds)


@pytest.fixture(scope="module", params=["factory", "repository"])
def exported(request, tmp_path_factory) -> tuple[Repository, Path]:
    """A repository and every format exported from it by the command line."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    root = rich_repo(tmp_path / "repo") if request.param == "factory" else ROOT
    repo, problems = load_repository(root)
    assert not problems.errors
    out = tmp_path / "out"
    for fmt in ("csv", "xlsx", "datapackage"):
        assert main(["--root", str(root), "export", "--format", fmt, "--out",
                     str(out / fmt), "--base-url", BASE]) == 0
    assert main(["--root", str(root), "export", "--out", str(out / "data.json"),
                 "--base-url", BASE]) == 0
    return repo, out


def ids(cell: str) -> list[str]:
    return cell.split(";") if cell else []


def number(cell: str) -> float | None:
    return float(cell) if cell != "" else None


def check_tables(repo: Repository, tables: dict[str, list[dict[str, str]]]) -> None:
    """Every record of ``repo`` is in ``tables`` (cells as text) with its id, URL and units."""
    plans = {r["id"]: r for r in tables["plans"]}
    assert set(plans) == set(repo.plans)
    for plan in repo.plans.values():
        row = plans[plan.id]
        assert (row["title"], row["url"]) == (plan.title, BASE + urls.plan_url(plan.id))
        assert number(row["period_start"]) == plan.period_start

    departments = {r["id"]: r for r in tables["departments"]}
    assert len(departments) == len(tables["departments"]) == len(repo.departments)
    for dept in repo.departments.values():
        row = departments[dept.id]
        assert row["name"] == dept.name and ids(row["aliases"]) == list(dept.aliases)
        assert row["kind"] == dept.kind and row["parent"] == (dept.parent or "")
        assert row["url"] == BASE + urls.department_url(dept.id)
        assert ids(row["led"]) == repo.index.led[dept.id]
        assert ids(row["cooperating"]) == repo.index.cooperated[dept.id]

    tasks = {(r["plan"], r["id"]): r for r in tables["tasks"]}
    assert len(tasks) == len(tables["tasks"]) == len(repo.tasks)
    for task in repo.tasks.values():
        row = tasks[(task.plan, task.id)]
        assert row["title"] == task.title and row["chapter"] == task.chapter
        assert row["parent"] == (task.parent or "")
        assert ids(row["lead"]) == list(task.lead)
        assert ids(row["lead_names"]) == [repo.departments[d].name for d in task.lead]
        assert ids(row["cooperating"]) == list(task.cooperating)
        assert ids(row["indicators"]) == list(task.indicators)
        assert row["deadline"] == (task.deadline.phrase if task.deadline else "")
        assert row["url"] == BASE + urls.task_url(task)

    indicators = {r["id"]: r for r in tables["indicators"]}
    assert len(indicators) == len(tables["indicators"]) == len(repo.indicators)
    for ind in repo.indicators.values():
        row = indicators[ind.id]
        assert (row["plan"], row["name"], row["type"]) == (ind.plan, ind.name, ind.type)
        assert row["unit"] == ind.unit
        assert number(row["baseline_value"]) == (ind.baseline.value if ind.baseline else None)
        target = ind.target
        assert number(row["target_value"]) == (target.value if target else None)
        assert number(row["target_low"]) == (target.low if target else None)
        assert number(row["target_high"]) == (target.high if target else None)
        assert row["target_comparator"] == (target.comparator if target else "")
        assert number(row["latest_value"]) == (ind.latest.value if ind.latest else None)
        assert ids(row["departments"]) == list(repo.index.indicator_departments[ind.id])
        assert ids(row["tasks"]) == [repo.task(k).id for k in repo.index.indicator_tasks[ind.id]]
        assert row["url"] == BASE + urls.indicator_url(ind.id)

    actuals = [(r["indicator"], int(r["year"]), float(r["value"]), r["unit"])
               for r in tables["actuals"]]
    assert actuals == [(ind.id, a.year, a.value, a.unit or ind.unit)
                       for ind in repo.indicators.values() for a in ind.actuals]


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM), "CSV without BOM: Excel would read it as GBK"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_json_holds_every_record(exported):
    repo, out = exported
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["departments"]] == list(repo.departments)
    assert [(t["plan"], t["id"]) for t in data["tasks"]] == [
        (t.plan, t.id) for t in repo.tasks.values()]
    for record, ind in zip(data["indicators"], repo.indicators.values(), strict=True):
        assert (record["id"], record["unit"]) == (ind.id, ind.unit)
        assert record["url"] == BASE + urls.indicator_url(ind.id)
        assert record["target"] is None or record["target"]["unit"] == ind.unit
    for record, task in zip(data["tasks"], repo.tasks.values(), strict=True):
        assert record["lead"] == list(task.lead) and record["url"] == BASE + urls.task_url(task)


def test_csv_files_hold_every_record(exported):
    repo, out = exported
    assert sorted(p.name for p in (out / "csv").iterdir()) == sorted(t.csv_name for t in TABLES)
    tables = {t.name: read_csv((out / "csv" / t.csv_name).read_bytes()) for t in TABLES}
    check_tables(repo, tables)


def test_xlsx_has_one_sheet_per_table_frozen_header_and_every_record(exported):
    repo, out = exported
    book = load_workbook(out / "xlsx" / "data.xlsx")
    assert book.sheetnames == [t.name for t in TABLES]
    rows_by_table = table_rows(repo, BASE)
    tables = {}
    for table in TABLES:
        sheet = book[table.name]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])  # the header row in bold
        # each column as wide as its header and its first 200 values, 8 to 62 characters
        shown = rows_by_table[table.name][:200]
        for i, column in enumerate(table.columns, start=1):
            wide = max([len(column.name)] + [len(written_text(r.get(column.name)))
                                             for r in shown])
            assert sheet.column_dimensions[get_column_letter(i)].width == min(max(wide, 6) + 2,
                                                                              60)
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == [c.name for c in table.columns]
        tables[table.name] = [dict(zip(rows[0], map(cell_text, row))) for row in rows[1:]]
    # the comparator "=" is text, not an empty formula
    assert all(not isinstance(c.value, str) or c.data_type == "s"
               for row in book["indicators"].iter_rows(min_row=2) for c in row)
    for table in ("indicators", "actuals"):
        numbers = [r for r in book[table].iter_rows(min_row=2, values_only=True)]
        column = [c.name for c in next(t for t in TABLES if t.name == table).columns]
        for row in numbers:
            for name in ("baseline_value", "target_value", "value"):
                if name in column and row[column.index(name)] is not None:
                    assert isinstance(row[column.index(name)], (int, float))
    check_tables(repo, tables)


CASTS = {"string": str, "integer": int, "number": float, "year": int,
         "boolean": {"true": True, "false": False}.__getitem__,
         "date": datetime.date.fromisoformat}


def test_datapackage_describes_the_csv_files_with_types_and_units(exported):
    repo, out = exported
    folder = out / "datapackage"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert [r["name"] for r in package["resources"]] == [t.name for t in TABLES]
    tables = {}
    for resource in package["resources"]:
        data = (folder / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["encoding"] == "utf-8-sig" and resource["format"] == "csv"
        rows = read_csv(data)
        fields = resource["schema"]["fields"]
        header = data.decode("utf-8-sig").splitlines()[0].split(",")
        assert [f["name"] for f in fields] == header
        for f in fields:
            assert f["description"]
            if "unitField" in f:
                assert f["unitField"] in header and f["type"] == "number"
            for row in rows:
                if row[f["name"]] not in resource["schema"]["missingValues"]:
                    CASTS[f["type"]](row[f["name"]])  # raises when the type is wrong
        key = resource["schema"].get("primaryKey")
        if key:
            values = [tuple(row[k] for k in key) for row in rows]
            assert len(values) == len(set(values)), f"{resource['name']}: primary key repeats"
        tables[resource["name"]] = rows
    indicator_fields = {f["name"]: f for f in package["resources"][3]["schema"]["fields"]}
    assert indicator_fields["target_value"]["unitField"] == "unit"
    assert indicator_fields["baseline_year"]["type"] == "year"
    check_tables(repo, tables)


def test_export_formats_write_the_same_bytes(exported):
    _, out = exported
    for table in TABLES:
        assert (out / "csv" / table.csv_name).read_bytes() == \
            (out / "datapackage" / table.csv_name).read_bytes()


def test_table_formats_need_a_folder(tmp_path, capsys):
    make_repo(tmp_path)
    assert main(["--root", str(tmp_path), "export", "--format", "csv"]) == 2
    assert "--format csv needs --out FOLDER" in capsys.readouterr().err


def test_csv_text_that_would_start_a_formula_is_defused(tmp_path):
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["title"] = '=HYPERLINK("http://evil.example","点击")'
    make_repo(tmp_path, tasks=tasks)
    repo, problems = load_repository(tmp_path)
    assert not problems.errors
    from plansite.publishing.tables import downloads

    text = downloads(repo)["tasks.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example","点击")'
    assert rows[1]["title"] == "优先发展教育"
