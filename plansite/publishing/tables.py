"""All data of a repository as tables: CSV, one XLSX workbook and a Frictionless Data Package.

The tables are cut from :func:`plansite.export.data_dict`, the same values the JSON download
holds, so every format says the same thing. Each row keeps its record's id and page URL;
references to departments, tasks and indicators are ids, several in one cell separated by
:data:`LIST_SEPARATOR`. Values are in base units (155800, not 15.58万) and every table that holds
values has a ``unit`` column beside them.

CSV files are UTF-8 with a byte-order mark: without it Excel on Windows reads Chinese as GBK and
shows mojibake. ``datapackage.json`` describes the CSV files (field types, units, keys) so tools
such as frictionless or pandas can read them typed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from plansite.model.repository import Repository

log = logging.getLogger(__name__)

LIST_SEPARATOR = ";"
"""Between several ids in one cell (``zhujianwei;guihuaju``)."""

CSV_ENCODING = "utf-8-sig"
XLSX_NAME = "data.xlsx"
JSON_NAME = "data.json"
DATAPACKAGE_NAME = "datapackage.json"


@dataclass(frozen=True)
class Column:
    """One column of a table: its name (the CSV header), Table Schema type and meaning.

    ``unit_column`` names the column that holds the unit of this column's values, for value
    columns whose unit differs from row to row (an indicator's unit).
    """

    name: str
    type: str
    description: str
    unit_column: str = ""


@dataclass(frozen=True)
class Table:
    """One table of the downloads: a name (file and sheet), a title, columns and a row source."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[dict], list[dict]]
    primary_key: tuple[str, ...] = ("id",)  # empty when no column set is unique (actuals)

    @property
    def csv_name(self) -> str:
        return f"{self.name}.csv"


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
            "url": t["url"]})
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


_URL = Column("url", "string", "本条记录在网站上的页面地址")
_PLAN = Column("plan", "string", "所属规划的编号（plans 表的 id）")

TABLES: tuple[Table, ...] = (
    Table("plans", "规划", "每个规划一行", (
        Column("id", "string", "规划编号"),
        Column("title", "string", "规划名称"),
        Column("issuer", "string", "发布机关"),
        Column("level", "string", "层级：省、市、县、区、乡镇"),
        Column("period_start", "year", "规划期起始年"),
        Column("period_end", "year", "规划期结束年"),
        _URL), _plan_rows),
    Table("departments", "部门", "部门名录，每个部门一行", (
        Column("id", "string", "部门编号"),
        Column("name", "string", "名称（规划中的写法）"),
        Column("aliases", "string", "别名，以分号分隔"),
        Column("kind", "string", "类别：department | group | company | party | organization"),
        Column("parent", "string", "上级部门编号"),
        Column("incomplete", "boolean", "来源只给出部分名称时为 true"),
        Column("led", "string", "牵头的任务（规划编号:任务编号），以分号分隔"),
        Column("cooperating", "string", "配合的任务（规划编号:任务编号），以分号分隔"),
        _URL), _department_rows),
    Table("tasks", "任务", "每项任务一行（子任务也各占一行，parent 指向上级任务）", (
        _PLAN,
        Column("id", "string", "任务编号，在本规划内唯一"),
        Column("chapter", "string", "所属章节编号"),
        Column("parent", "string", "上级任务编号（子任务才有）"),
        Column("number", "string", "原文编号"),
        Column("title", "string", "任务名称"),
        Column("lead", "string", "牵头部门编号，以分号分隔"),
        Column("lead_names", "string", "牵头部门名称，以分号分隔"),
        Column("cooperating", "string", "配合部门编号，以分号分隔"),
        Column("cooperating_names", "string", "配合部门名称，以分号分隔"),
        Column("implementers", "string", "泛指的落实主体，以分号分隔"),
        Column("indicators", "string", "服务的指标编号，以分号分隔"),
        Column("deadline", "string", "完成时限（原文）"),
        Column("responsibility", "string", "原文的责任分工句"),
        Column("text", "string", "任务全文（Markdown）"),
        _URL), _task_rows, ("plan", "id")),
    Table("indicators", "指标", "每个指标一行；数值为基本单位，单位见 unit 列", (
        _PLAN,
        Column("id", "string", "指标编号，在所有规划中唯一"),
        Column("name", "string", "指标名称"),
        Column("type", "string", "binding 约束性 | expected 预期性 | monitoring 统计监测"),
        Column("category", "string", "类别"),
        Column("unit", "string", "单位（基本单位，如 %、人、公顷、元）"),
        Column("phrase", "string", "原文写法"),
        Column("baseline_value", "number", "基期值", "unit"),
        Column("baseline_year", "year", "基期年份"),
        Column("target_comparator", "string", "目标的比较方式：>= <= = > < range"),
        Column("target_value", "number", "目标值", "unit"),
        Column("target_low", "number", "区间目标的下限", "unit"),
        Column("target_high", "number", "区间目标的上限", "unit"),
        Column("target_year", "year", "目标年份"),
        Column("target_kind", "string", "level 水平值 | change 期内变化 | annual-growth 年均增长 "
                                        "| ratio 比例"),
        Column("target_narrative", "string", "文字目标（没有数值时）"),
        Column("latest_value", "number", "最新实际值", "unit"),
        Column("latest_year", "year", "最新实际值的年份"),
        Column("status", "string", "进展状态（由基期值、目标和最新值算出）"),
        Column("departments", "string", "责任部门编号，以分号分隔"),
        Column("tasks", "string", "相关任务编号（本规划内），以分号分隔"),
        _URL), _indicator_rows),
    Table("actuals", "指标实际值", "每个指标每个年份的实际值一行", (
        Column("indicator", "string", "指标编号（indicators 表的 id）"),
        _PLAN,
        Column("year", "year", "年份"),
        Column("value", "number", "实际值", "unit"),
        Column("unit", "string", "单位（基本单位）"),
        Column("source", "string", "数据来源"),
        Column("phrase", "string", "原文写法"),
        Column("url", "string", "指标页面地址")), _actual_rows, ()),
)

FOREIGN_KEYS: dict[str, list[dict]] = {
    "tasks": [{"fields": "plan", "reference": {"resource": "plans", "fields": "id"}}],
    "indicators": [{"fields": "plan", "reference": {"resource": "plans", "fields": "id"}}],
    "actuals": [{"fields": "indicator", "reference": {"resource": "indicators", "fields": "id"}}],
}


def _text(value: Any) -> str:
    """A cell of a CSV file: empty for nothing, integers without ``.0``, booleans in lower case."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def table_rows(repo: Repository, base_url: str = "/") -> dict[str, list[dict]]:
    """The rows of every table, by table name."""
    from plansite.publishing.export import data_dict

    data = data_dict(repo, base_url)
    return {table.name: table.rows(data) for table in TABLES}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet cannot run: text from the data that would start a formula
    (``=HYPERLINK(…)``, ``+…``, ``@…``) gets a leading apostrophe, as spreadsheets expect."""
    text = _text(value)
    if isinstance(value, str) and len(text) > 1 and text.startswith(FORMULA_STARTS):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def csv_bytes(table: Table, rows: list[dict]) -> bytes:
    """One table as CSV: UTF-8 with BOM, a header row of column names, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.name for c in table.columns])
    for row in rows:
        writer.writerow([_csv_cell(row.get(c.name)) for c in table.columns])
    return buffer.getvalue().encode(CSV_ENCODING)


def xlsx_bytes(rows_by_table: dict[str, list[dict]]) -> bytes:
    """One workbook, one sheet per table, the header row frozen, numbers stored as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in TABLES:
        sheet = book.create_sheet(table.name)
        sheet.append([c.name for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        # row by number: sheet.max_row scans every cell written so far (quadratic in rows)
        for number, row in enumerate(rows_by_table[table.name], start=2):
            values = [_xlsx_value(row.get(c.name)) for c in table.columns]
            sheet.append(values)
            for column, value in enumerate(values, start=1):
                # openpyxl stores text that starts with "=" (the comparator "=") as a formula
                if isinstance(value, str) and value.startswith("="):
                    sheet.cell(number, column).data_type = "s"
        sheet.freeze_panes = "A2"
        for i, column in enumerate(table.columns, start=1):
            # wide enough for the header and short values; long texts wrap in Excel anyway
            width = max([len(column.name)] + [len(_text(r.get(column.name))) for r in
                                               rows_by_table[table.name][:200]])
            sheet.column_dimensions[sheet.cell(1, i).column_letter].width = min(
                max(width, 6) + 2, 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def datapackage(csv_files: dict[str, bytes]) -> dict:
    """The Frictionless Data Package descriptor of the CSV files (``{name.csv: bytes}``)."""
    resources = []
    for table in TABLES:
        data = csv_files[table.csv_name]
        fields = []
        for column in table.columns:
            item: dict[str, Any] = {"name": column.name, "type": column.type,
                                    "description": column.description}
            if column.unit_column:
                # the unit differs between rows, so it is named by the column that holds it
                item["description"] += f"（单位见 {column.unit_column} 列）"
                item["unitField"] = column.unit_column
            fields.append(item)
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        if table.name in FOREIGN_KEYS:
            schema["foreignKeys"] = FOREIGN_KEYS[table.name]
        resources.append({
            "name": table.name, "title": table.title, "description": table.description,
            "path": table.csv_name, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": CSV_ENCODING, "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "dialect": {"delimiter": ",", "header": True},
            "schema": schema,
        })
    return {"profile": "tabular-data-package", "name": "plansite-data",
            "title": "规划任务、责任部门和指标", "resources": resources}


def downloads(repo: Repository, base_url: str = "/") -> dict[str, bytes]:
    """Every download file by name: JSON, one CSV per table, the XLSX and ``datapackage.json``.

    The site's ``/downloads/`` and ``plansite export`` both write these bytes.
    """
    from plansite.publishing.export import export

    rows = table_rows(repo, base_url)
    files = {JSON_NAME: export(repo, "json", None, base_url).encode("utf-8")}
    csv_files = {t.csv_name: csv_bytes(t, rows[t.name]) for t in TABLES}
    files.update(csv_files)
    files[XLSX_NAME] = xlsx_bytes(rows)
    files[DATAPACKAGE_NAME] = (json.dumps(datapackage(csv_files), ensure_ascii=False, indent=2)
                               + "\n").encode("utf-8")
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
