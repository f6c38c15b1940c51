"""All data of a repository as tables: CSV, one XLSX workbook and a Frictionless Data Package.

The tables are cut from :func:`plansite.export.data_dict`, the same values the JSON download
holds, so every format says the same thing. Each row keeps its record's id and page URL;
references to departments, tasks and indicators are ids, several in one cell separated by
:data:`LIST_SEPARATOR`. Values are in base units (155800, not 15.58万) and every table that holds
values has a ``unit`` column beside them.

CSV files are written by :mod:`plansite.publishing.csvfile`. ``datapackage.json`` describes them
(field types, units, keys) so tools such as frictionless or pandas can read them typed; what each
table and column holds is said in :mod:`plansite.catalogue.labels` (``sheet_*``, ``column_*``).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from plansite.catalogue.labels import translate
from plansite.model.repository import Repository
from plansite.publishing.csvfile import CSV_ENCODING, cell_text, csv_bytes
from plansite.publishing.export import data_dict, json_text

log = logging.getLogger(__name__)

LIST_SEPARATOR = ";"
"""Between several ids in one cell (``zhujianwei;guihuaju``)."""

XLSX_NAME = "data.xlsx"
JSON_NAME = "data.json"
DATAPACKAGE_NAME = "datapackage.json"


@dataclass(frozen=True)
class Column:
    """One column of a table: its name (the CSV header) and Table Schema type.

    ``unit_column`` names the column that holds the unit of this column's values, for value
    columns whose unit differs from row to row (an indicator's unit). ``about`` is the key of
    the column's description in :mod:`plansite.catalogue.labels` when tables share it;
    otherwise the key is ``column_<table>_<column>``.
    """

    name: str
    type: str
    unit_column: str = ""
    about: str = ""


@dataclass(frozen=True)
class Table:
    """One table of the downloads: a name (file, sheet, and the key of its title), columns and a
    row source."""

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[dict], list[dict]]
    primary_key: tuple[str, ...] = ("id",)  # empty when no column set is unique (actuals)

    @property
    def csv_name(self) -> str:
        return f"{self.name}.csv"

    def title(self, lang: str = "zh") -> str:
        return translate(f"sheet_{self.name}", lang)

    def description(self, lang: str = "zh") -> str:
        return translate(f"sheet_{self.name}_about", lang)

    def column_description(self, column: Column, lang: str = "zh") -> str:
        """What ``column`` holds, with where its unit is when another column holds it."""
        words = translate(column.about or f"column_{self.name}_{column.name}", lang)
        if column.unit_column:
            # the unit differs between rows, so it is named by the column that holds it
            words = translate("column_unit_in", lang, description=words,
                              column=column.unit_column)
        return words


def _joined(values: Iterable[Any] | None) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values or ())


def _plan_rows(data: dict) -> list[dict]:
    return [dict(p) for p in data["plans"]]


def _department_rows(data: dict) -> list[dict]:
    return [{**d, "aliases": _joined(d["aliases"]), "led": _joined(d["led"]),
             "cooperating": _joined(d["cooperating"])} for d in data["departments"]]


def _task_rows(data: dict) -> list[dict]:
    names = {d["id"]: d["name"] for d in data["departments"]}
    rows = []
    for t in data["tasks"]:
        rows.append({
            "plan": t["plan"], "id": t["id"], "chapter": t["chapter"], "parent": t["parent"],
            "number": t["number"], "title": t["title"],
            "lead": _joined(t["lead"]), "lead_names": _joined(names[d] for d in t["lead"]),
            "cooperating": _joined(t["cooperating"]),
            "cooperating_names": _joined(names[d] for d in t["cooperating"]),
            "implementers": _joined(t["implementers"]), "indicators": _joined(t["indicators"]),
            "deadline": t["deadline"], "responsibility": t["responsibility"], "text": t["text"],
            "status": t["status"], "url": t["url"]})
    return rows


def _report_rows(data: dict) -> list[dict]:
    rows = []
    for r in data["reports"]:
        for e in r["entries"]:
            assessment = e["assessment"] or {}
            rows.append({
                "plan": r["plan"], "period": r["period"], "as_of": r["as_of"], "task": e["task"],
                "status": e["status"], "reason": e["reason"], "progress": e["progress"],
                "percent": e["percent"], "reported_by": e["reported_by"],
                "evidence": _joined(d["url"] or d["file"] for d in e["evidence"]),
                "assessment_by": assessment.get("by"),
                "assessment_rating": assessment.get("rating"),
                "assessment_note": assessment.get("note"),
                "report_title": r["title"], "report_url": r["source_url"] or r["source_file"],
                "url": e["url"]})
    return rows


def _indicator_rows(data: dict) -> list[dict]:
    rows = []
    for i in data["indicators"]:
        baseline, target, latest = i["baseline"] or {}, i["target"] or {}, i["latest"] or {}
        rows.append({
            "plan": i["plan"], "id": i["id"], "name": i["name"], "type": i["type"],
            "category": i["category"], "unit": i["unit"], "phrase": i["phrase"],
            "baseline_value": baseline.get("value"), "baseline_year": baseline.get("year"),
            "target_comparator": target.get("comparator"), "target_value": target.get("value"),
            "target_low": target.get("low"), "target_high": target.get("high"),
            "target_year": target.get("year"), "target_kind": target.get("kind"),
            "target_narrative": target.get("narrative") or None,
            "latest_value": latest.get("value"), "latest_year": latest.get("year"),
            "status": i["status"], "departments": _joined(i["departments"]),
            "tasks": _joined(i["tasks"]), "url": i["url"]})
    return rows


def _actual_rows(data: dict) -> list[dict]:
    return [{"indicator": i["id"], "plan": i["plan"], "year": a["year"], "value": a["value"],
             "unit": a["unit"] or i["unit"], "source": a["source"], "phrase": a["phrase"],
             "url": i["url"]}
            for i in data["indicators"] for a in i["actuals"]]


_URL = Column("url", "string", about="column_url")
_PLAN = Column("plan", "string", about="column_plan")

TABLES: tuple[Table, ...] = (
    Table("plans", (
        Column("id", "string"),
        Column("title", "string"),
        Column("issuer", "string"),
        Column("level", "string"),
        Column("period_start", "year"),
        Column("period_end", "year"),
        _URL), _plan_rows),
    Table("departments", (
        Column("id", "string"),
        Column("name", "string"),
        Column("aliases", "string"),
        Column("kind", "string"),
        Column("parent", "string"),
        Column("incomplete", "boolean"),
        Column("led", "string"),
        Column("cooperating", "string"),
        _URL), _department_rows),
    Table("tasks", (
        _PLAN,
        Column("id", "string"),
        Column("chapter", "string"),
        Column("parent", "string"),
        Column("number", "string"),
        Column("title", "string"),
        Column("lead", "string"),
        Column("lead_names", "string"),
        Column("cooperating", "string"),
        Column("cooperating_names", "string"),
        Column("implementers", "string"),
        Column("indicators", "string"),
        Column("deadline", "string"),
        Column("responsibility", "string"),
        Column("text", "string"),
        Column("status", "string"),
        _URL), _task_rows, ("plan", "id")),
    Table("indicators", (
        _PLAN,
        Column("id", "string"),
        Column("name", "string"),
        Column("type", "string"),
        Column("category", "string"),
        Column("unit", "string"),
        Column("phrase", "string"),
        Column("baseline_value", "number", "unit"),
        Column("baseline_year", "year"),
        Column("target_comparator", "string"),
        Column("target_value", "number", "unit"),
        Column("target_low", "number", "unit"),
        Column("target_high", "number", "unit"),
        Column("target_year", "year"),
        Column("target_kind", "string"),
        Column("target_narrative", "string"),
        Column("latest_value", "number", "unit"),
        Column("latest_year", "year"),
        Column("status", "string"),
        Column("departments", "string"),
        Column("tasks", "string"),
        _URL), _indicator_rows),
    Table("actuals", (
        Column("indicator", "string"),
        _PLAN,
        Column("year", "year"),
        Column("value", "number", "unit"),
        Column("unit", "string"),
        Column("source", "string"),
        Column("phrase", "string"),
        Column("url", "string")), _actual_rows, ()),
    Table("reports", (
        _PLAN,
        Column("period", "string"),
        Column("as_of", "date"),
        Column("task", "string"),
        Column("status", "string"),
        Column("reason", "string"),
        Column("progress", "string"),
        Column("percent", "number"),
        Column("reported_by", "string"),
        Column("evidence", "string"),
        Column("assessment_by", "string"),
        Column("assessment_rating", "string"),
        Column("assessment_note", "string"),
        Column("report_title", "string"),
        Column("report_url", "string"),
        Column("url", "string")), _report_rows, ("plan", "period", "task")),
)

FOREIGN_KEYS: dict[str, list[dict]] = {
    "tasks": [{"fields": "plan", "reference": {"resource": "plans", "fields": "id"}}],
    "indicators": [{"fields": "plan", "reference": {"resource": "plans", "fields": "id"}}],
    "actuals": [{"fields": "indicator", "reference": {"resource": "indicators", "fields": "id"}}],
    "reports": [{"fields": ["plan", "task"],
                 "reference": {"resource": "tasks", "fields": ["plan", "id"]}}],
}


def table_rows(repo: Repository, base_url: str = "/") -> dict[str, list[dict]]:
    """The rows of every table, by table name."""
    data = data_dict(repo, base_url)
    return {table.name: table.rows(data) for table in TABLES}


def table_csv(table: Table, rows: list[dict]) -> bytes:
    """One table as CSV: a header row of column names, then a row per record."""
    return csv_bytes([c.name for c in table.columns],
                     ([row.get(c.name) for c in table.columns] for row in rows))


def xlsx_bytes(rows_by_table: dict[str, list[dict]]) -> bytes:
    """One workbook, one sheet per table, the header row frozen, numbers stored as numbers.

    Written row by row (openpyxl's write-only workbook): about half the time of a workbook
    kept whole in memory, and a fraction of its memory."""
    from openpyxl import Workbook  # a second's import, for the one download that needs it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def text_cell(value: str) -> WriteOnlyCell:
        # openpyxl stores text that starts with "=" (the comparator "=") as a formula
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in TABLES:
        sheet = book.create_sheet(table.name)
        rows = rows_by_table[table.name]
        sheet.freeze_panes = "A2"
        for i, column in enumerate(table.columns, start=1):
            # wide enough for the header and short values; long texts wrap in Excel anyway
            width = max([len(column.name)] + [len(cell_text(r.get(column.name)))
                                               for r in rows[:200]])
            sheet.column_dimensions[get_column_letter(i)].width = min(max(width, 6) + 2, 60)
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(sheet, value=column.name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([text_cell(value) if isinstance(value, str) and value.startswith("=")
                          else value
                          for value in (_xlsx_value(row.get(c.name)) for c in table.columns)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def datapackage(csv_files: dict[str, bytes], lang: str = "zh") -> dict:
    """The Frictionless Data Package descriptor of the CSV files (``{name.csv: bytes}``), its
    titles and descriptions in ``lang``."""
    resources = []
    for table in TABLES:
        data = csv_files[table.csv_name]
        fields = []
        for column in table.columns:
            item: dict[str, Any] = {"name": column.name, "type": column.type,
                                    "description": table.column_description(column, lang)}
            if column.unit_column:
                item["unitField"] = column.unit_column
            fields.append(item)
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        if table.name in FOREIGN_KEYS:
            schema["foreignKeys"] = FOREIGN_KEYS[table.name]
        resources.append({
            "name": table.name, "title": table.title(lang), "description": table.description(lang),
            "path": table.csv_name, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": CSV_ENCODING, "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "dialect": {"delimiter": ",", "header": True},
            "schema": schema,
        })
    return {"profile": "tabular-data-package", "name": "plansite-data",
            "title": translate("datapackage_title", lang), "resources": resources}


def downloads(repo: Repository, base_url: str = "/", lang: str = "zh") -> dict[str, bytes]:
    """Every download file by name: JSON, one CSV per table, the XLSX and ``datapackage.json``
    (which describes the tables in ``lang``).

    The site's ``/downloads/`` and ``plansite export`` both write these bytes.
    """
    rows = table_rows(repo, base_url)
    files = {JSON_NAME: json_text(repo, base_url).encode("utf-8")}
    csv_files = {t.csv_name: table_csv(t, rows[t.name]) for t in TABLES}
    files.update(csv_files)
    files[XLSX_NAME] = xlsx_bytes(rows)
    files[DATAPACKAGE_NAME] = (json.dumps(datapackage(csv_files, lang), ensure_ascii=False,
                                          indent=2) + "\n").encode("utf-8")
    return files


FORMAT_FILES: dict[str, list[str]] = {
    "csv": [t.csv_name for t in TABLES],
    "xlsx": [XLSX_NAME],
    "datapackage": [t.csv_name for t in TABLES] + [DATAPACKAGE_NAME],
}
"""The files ``plansite export --format <fmt>`` writes into its folder."""


def write(repo: Repository, fmt: str, out: Path, base_url: str = "/") -> list[Path]:
    """Write the files of ``fmt`` (csv, xlsx, datapackage) into the folder ``out``."""
    if fmt not in FORMAT_FILES:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMAT_FILES)}")
    files = downloads(repo, base_url)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FORMAT_FILES[fmt]:
        path = out / name
        path.write_bytes(files[name])
        written.append(path)
    log.info("wrote %s", ", ".join(str(p) for p in written))
    return written
