"""The shape of every data file, written once: the validator checks it, JSON Schema is made from it.

A :class:`Record` lists its :class:`Field` s; a field has a kind (``text``, ``slug``, ``number``,
``year``, ``bool``, ``choice``, ``list`` of a kind, a nested record, or a choice of shapes).
:func:`json_schema` turns a file's record into JSON Schema for editors (VS Code completes and marks
fields as the editor types); :mod:`plansite.validate` walks the same records, so the two agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from plansite.model.records import COMPARATORS, DEPARTMENT_KINDS, INDICATOR_TYPES, TARGET_KINDS

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LOCAL_ID_PATTERN = r"^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$"


RECORDS: dict[str, "Record"] = {}
"""Every record by name, so a record can hold itself (a task's sub-tasks are tasks)."""


@dataclass(frozen=True)
class Field:
    """One key of a record: its kind, whether it is required, and what it means."""

    name: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    record: "Record | str | None" = None
    item: str = ""
    shapes: tuple[str, ...] = ()

    @property
    def sub(self) -> "Record | None":
        """The record this field holds; a name refers to a record by name (sub-tasks hold tasks)."""
        return RECORDS[self.record] if isinstance(self.record, str) else self.record


@dataclass(frozen=True)
class Record:
    """A mapping in a data file: its name (for messages) and its fields."""

    name: str
    description: str
    fields: tuple[Field, ...] = field(default_factory=tuple)
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)
    """Each field by its name: the validator looks up every key of every record it reads."""

    def __post_init__(self) -> None:
        RECORDS[self.name] = self
        by_name: dict[str, Field] = {}
        for f in self.fields:
            by_name.setdefault(f.name, f)
        object.__setattr__(self, "by_name", by_name)

    def get(self, name: str) -> Field | None:
        return self.by_name.get(name)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


DEPARTMENT = Record("department", "部门名录中的一个部门", (
    Field("id", "slug", "稳定的英文编号（小写字母、数字、连字符），用于网址 /departments/<id>/", True),
    Field("name", "text", "规划中写的名称，如 市住建委", True),
    Field("aliases", "list", "别名、简称、全称，如 住建委", item="text"),
    Field("kind", "choice", "类别：department 部门 / group 群体 / company 企业 / party 党委部门 / "
          "organization 人民团体", choices=DEPARTMENT_KINDS),
    Field("parent", "slug", "上级部门的编号（可选）"),
    Field("incomplete", "bool", "来源只给出了部分名称时为 true（如 市局）"),
    Field("note", "text", "备注"),
    Field("name_en", "text", "英文名称（可选，英文界面显示）"),
))

DEPARTMENTS_FILE = Record("departments-file", "data/departments.yml：部门名录", (
    Field("departments", "list", "所有部门", True, record=DEPARTMENT),
))

PLAN_FILE = Record("plan-file", "data/plans/<plan>/plan.yml：规划的基本信息", (
    Field("id", "slug", "规划编号，与文件夹名相同，用于网址 /plans/<id>/", True),
    Field("title", "text", "规划名称", True),
    Field("issuer", "text", "发布机关，如 市人民政府"),
    Field("level", "text", "层级：省、市、县、区、乡镇"),
    Field("period", "period", "规划期，如 2011-2015，或单一年份 2007"),
    Field("source_document", "text", "原文出处"),
    Field("summary", "markdown", "规划前言（Markdown）"),
    Field("note", "text", "备注"),
    Field("title_en", "text", "英文名称（可选）"),
    Field("short_title", "text", "简称，用于表格（可选），如 市“十二五”任务分解"),
))

QUANTITY = Record("quantity", "某一年的数值（基期值或实际值）", (
    Field("value", "number", "数值（基本单位，如 155800 公顷）", True),
    Field("year", "year", "年份"),
    Field("unit", "text", "单位（与指标单位相同时可省略）"),
    Field("source", "text", "数据来源"),
    Field("phrase", "text", "原文写法"),
))

TARGET = Record("target", "目标值", (
    Field("value", "number", "目标值（区间目标用 low/high）"),
    Field("low", "number", "区间下限"),
    Field("high", "number", "区间上限"),
    Field("year", "year", "目标年份"),
    Field("comparator", "choice", "比较方式：>= 不低于, <= 不超过, = 等于, > 超过, < 低于, range 区间",
          choices=COMPARATORS),
    Field("kind", "choice", "level 水平值, change 期内变化, annual-growth 年均增长, ratio 比例",
          choices=TARGET_KINDS),
    Field("narrative", "text", "文字目标（没有数值时）"),
    Field("phrase", "text", "原文写法"),
))

INDICATOR = Record("indicator", "一个指标", (
    Field("id", "slug", "稳定的英文编号，在所有规划中唯一，用于网址 /indicators/<id>/", True),
    Field("name", "text", "指标名称，如 城镇化率", True),
    Field("type", "choice", "binding 约束性 / expected 预期性 / monitoring 统计监测（无目标）", True,
          choices=INDICATOR_TYPES),
    Field("unit", "text", "单位，如 %、人、公顷、元"),
    Field("category", "text", "类别"),
    Field("chapter", "local-id", "所属章节编号"),
    Field("phrase", "text", "原文写法，如 城镇化率达到55%"),
    Field("baseline", "record", "基期值", record=QUANTITY),
    Field("target", "target", "目标：写成 {value, year, comparator, kind}，或直接写原文如 不超过5%",
          record=TARGET),
    Field("departments", "list", "责任部门（默认取相关任务的牵头和配合部门）", item="text"),
    Field("actuals", "list", "实际值，按年份", record=QUANTITY),
    Field("note", "text", "备注"),
    Field("name_en", "text", "英文名称（可选）"),
))

INDICATORS_FILE = Record("indicators-file", "data/plans/<plan>/indicators.yml：规划的指标", (
    Field("indicators", "list", "所有指标", True, record=INDICATOR),
))

TASK_FIELDS = (
    Field("id", "local-id", "任务编号，在本规划内唯一，如 2.3.1", True),
    Field("number", "text", "原文编号，如 1. 或 （一）"),
    Field("title", "text", "任务名称", True),
    Field("text", "markdown", "任务全文（Markdown）"),
    Field("lead", "list", "牵头部门：名称、别名或编号", item="text"),
    Field("cooperating", "list", "配合部门：名称、别名或编号", item="text"),
    Field("implementers", "list", "泛指的落实主体，如 有关部门、各乡镇办场区园", item="text"),
    Field("indicators", "list", "本任务服务的指标编号", item="slug"),
    Field("deadline", "deadline", "完成时限，如 2015年、2026年12月底前、持续推进"),
    Field("progress", "text", "进展情况"),
    Field("responsibility", "text", "原文的责任分工句"),
    Field("title_en", "text", "英文名称（可选）"),
    Field("tasks", "list", "子任务，形式与任务相同，可任意嵌套", record="task"),
)
TASK = Record("task", "一项任务（可含子任务）", TASK_FIELDS)

CHAPTER_FIELDS = (
    Field("id", "local-id", "章节编号，在本规划内唯一，如 2.3", True),
    Field("number", "text", "原文编号，如 二、 或 （三）"),
    Field("title", "text", "章节标题", True),
    Field("text", "markdown", "章节正文（Markdown）"),
    Field("tasks", "list", "本章的任务", record=TASK),
    Field("title_en", "text", "英文标题（可选）"),
    Field("chapters", "list", "下级章节，形式与章节相同，可任意嵌套", record="chapter"),
)
CHAPTER = Record("chapter", "规划的一章或一节", CHAPTER_FIELDS)

TASKS_FILE = Record("tasks-file", "data/plans/<plan>/tasks.yml：规划的章节和任务", (
    Field("chapters", "list", "各章", True, record=CHAPTER),
))

FILES: dict[str, Record] = {
    "departments": DEPARTMENTS_FILE,
    "plan": PLAN_FILE,
    "tasks": TASKS_FILE,
    "indicators": INDICATORS_FILE,
}


def _kind_schema(kind: str) -> dict:
    if kind in ("text", "markdown"):
        return {"type": "string"}
    if kind == "slug":
        return {"type": "string", "pattern": SLUG_PATTERN}
    if kind == "local-id":
        return {"type": ["string", "number"], "pattern": LOCAL_ID_PATTERN}
    if kind == "number":
        return {"type": "number"}
    if kind == "year":
        return {"type": "integer", "minimum": 1900, "maximum": 2200}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "period":
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2200},
                          {"type": "string", "pattern": r"^\d{4}\s*[-–—至~]\s*\d{4}$"}]}
    if kind == "deadline":
        return {"type": ["string", "integer"]}
    raise ValueError(f"unknown field kind {kind}")


def _field_schema(f: Field, defs: dict[str, dict]) -> dict:
    if f.sub is not None and f.kind in ("record", "list", "target"):
        ref = {"$ref": f"#/$defs/{f.sub.name}"}
        _record_schema(f.sub, defs)
        if f.kind == "list":
            schema: dict = {"type": "array", "items": ref}
        elif f.kind == "target":
            schema = {"anyOf": [ref, {"type": "string", "minLength": 1}]}
        else:
            schema = ref
    elif f.kind == "choice":
        schema = {"enum": list(f.choices)}
    elif f.kind == "list":
        schema = {"type": "array", "items": _kind_schema(f.item or "text")}
    else:
        schema = _kind_schema(f.kind)
    schema["description"] = f.description
    if not f.required:
        schema = {"anyOf": [schema, {"type": "null"}], "description": f.description}
    return schema


def _record_schema(record: Record, defs: dict[str, dict]) -> dict:
    if record.name in defs:
        return {"$ref": f"#/$defs/{record.name}"}
    defs[record.name] = {}  # placeholder: records may hold themselves (sub-tasks)
    defs[record.name] = {
        "type": "object",
        "description": record.description,
        "properties": {f.name: _field_schema(f, defs) for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }
    return {"$ref": f"#/$defs/{record.name}"}


def json_schema(kind: str) -> dict:
    """The JSON Schema (draft 2020-12) of one kind of data file: departments, plan, tasks, indicators."""
    record = FILES[kind]
    defs: dict[str, dict] = {}
    _record_schema(record, defs)
    top = dict(defs.pop(record.name))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": record.description,
        **top,
        "$defs": defs,
    }


def schema_files() -> dict[str, str]:
    """Every schema as the text of its file, ``<kind>.schema.json``: the repository's ``schema/``
    folder and the site's ``/schema/`` hold exactly these."""
    return {f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
            for kind in FILES}
