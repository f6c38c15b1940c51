"""The shape of every data file, written once: the validator checks it, JSON Schema is made from it.

A :class:`Record` lists its :class:`Field` s; a field has a kind (``text``, ``slug``, ``number``,
``year``, ``bool``, ``choice``, ``list`` of a kind, a nested record, or a choice of shapes).
:func:`json_schema` turns a file's record into JSON Schema for editors (VS Code completes and marks
fields as the editor types); :mod:`plansite.reading.shape` walks the same records, so the two
agree, and the validator builds the model's records from the fields they name
(:func:`attributes`). What a record and each field are for is said in
:mod:`plansite.catalogue.fields`, in Chinese and English, under ``record`` and ``record.field``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from plansite.catalogue.fields import FIELDS
from plansite.model.progress import DATE_PATTERN, PERIOD_PATTERN, REPORT_STATUSES
from plansite.model.records import (COMPARATORS, DEPARTMENT_KINDS, INDICATOR_TYPES,
                                    REPORTING_INTERVALS, TARGET_KINDS)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LOCAL_ID_PATTERN = r"^(?![0-9]+[eE][0-9]+$)[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$"
"""Digits and letters separated by dots or hyphens; not ``1e3``, which YAML 1.2 tools (the
editor's schema among them) read as the number 1000."""

MAX_ID_CHARS = 64
"""The longest id: ids are file names and addresses (a 300-character one fails the build)."""

MAX_TASK_DEPTH = 10
"""How deep sub-tasks may nest below a chapter's tasks: plans use three or four levels, and
hundreds would exhaust the build's stack."""

_VISIBLE = r"[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]*"
TEXT_PATTERN = rf"^{_VISIBLE}$"
"""A text without control characters (YAML escapes such as \\x01 can write them)."""
REQUIRED_TEXT_PATTERN = rf"^(?=[\s\S]*\S){_VISIBLE}$"
"""A required text: something other than spaces, and no control characters."""
ADDRESS_PATTERN = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s?#\"'<>;]*)?$"
"""A site's public address: http or https, a host (an international name in its xn-- form), a
port, a path; no query, fragment or password."""


RECORDS: dict[str, "Record"] = {}
"""Every record by name, so a record can hold itself (a task's sub-tasks are tasks)."""


@dataclass(frozen=True)
class Field:
    """One key of a record: its kind and whether it is required."""

    name: str
    kind: str
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
    """A mapping in a data file: its name (the key of its description) and its fields."""

    name: str
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

    def description(self, name: str | None = None, lang: str = "zh") -> str:
        """What the record, or its field ``name``, is for."""
        words = FIELDS[self.name if name is None else f"{self.name}.{name}"]
        return words.get(lang) or words["zh"]


DEPARTMENT = Record("department", (
    Field("id", "slug", True),
    Field("name", "text", True),
    Field("aliases", "list", item="text"),
    Field("kind", "choice", choices=DEPARTMENT_KINDS),
    Field("parent", "slug"),
    Field("incomplete", "bool"),
    Field("note", "text"),
    Field("name_en", "text"),
))

DATA_FORMAT = 1
"""The data format this plansite reads: ``format:`` of ``departments.yml`` and of each
``plan.yml`` (for its whole plan folder). A file without it is of format 1; ``plansite migrate``
upgrades older files, and a newer one asks for a newer plansite."""

DEPARTMENTS_FILE = Record("departments-file", (
    Field("departments", "list", True, record=DEPARTMENT),
    Field("format", "format"),
))

ABBREVIATION = Record("abbreviation", (
    Field("short", "text", True),
    Field("full", "text", True),
    Field("source", "text"),
))

ABBREVIATIONS_FILE = Record("abbreviations-file", (
    Field("abbreviations", "list", True, record=ABBREVIATION),
))

PLAN_FILE = Record("plan-file", (
    Field("id", "slug", True),
    Field("title", "text", True),
    Field("issuer", "text"),
    Field("issued", "text"),
    Field("level", "text"),
    Field("period", "period"),
    Field("source_document", "text"),
    Field("summary", "markdown"),
    Field("note", "text"),
    Field("title_en", "text"),
    Field("short_title", "text"),
    Field("reporting_interval", "choice", choices=tuple(REPORTING_INTERVALS)),
    Field("format", "format"),
))

QUANTITY = Record("quantity", (
    Field("value", "number", True),
    Field("year", "year"),
    Field("unit", "text"),
    Field("source", "text"),
    Field("phrase", "text"),
))

TARGET = Record("target", (
    Field("value", "number"),
    Field("low", "number"),
    Field("high", "number"),
    Field("year", "year"),
    Field("comparator", "choice",
          choices=COMPARATORS),
    Field("kind", "choice",
          choices=TARGET_KINDS),
    Field("narrative", "text"),
    Field("phrase", "text"),
))

INDICATOR = Record("indicator", (
    Field("id", "slug", True),
    Field("name", "text", True),
    Field("type", "choice", True,
          choices=INDICATOR_TYPES),
    Field("unit", "text"),
    Field("category", "text"),
    Field("chapter", "local-id"),
    Field("phrase", "text"),
    Field("baseline", "record", record=QUANTITY),
    Field("target", "target",
          record=TARGET),
    Field("departments", "list", item="text"),
    Field("actuals", "list", record=QUANTITY),
    Field("note", "text"),
    Field("name_en", "text"),
))

INDICATORS_FILE = Record("indicators-file", (
    Field("indicators", "list", True, record=INDICATOR),
))

TASK_FIELDS = (
    Field("id", "local-id", True),
    Field("number", "text"),
    Field("title", "text", True),
    Field("text", "markdown"),
    Field("lead", "list", item="text"),
    Field("cooperating", "list", item="text"),
    Field("implementers", "list", item="text"),
    Field("indicators", "list", item="text"),
    Field("deadline", "deadline"),
    Field("progress", "text"),
    Field("responsibility", "text"),
    Field("title_en", "text"),
    Field("tasks", "list", record="task"),
)
TASK = Record("task", TASK_FIELDS)

CHAPTER_FIELDS = (
    Field("id", "local-id", True),
    Field("number", "text"),
    Field("title", "text", True),
    Field("text", "markdown"),
    Field("tasks", "list", record=TASK),
    Field("title_en", "text"),
    Field("chapters", "list", record="chapter"),
)
CHAPTER = Record("chapter", CHAPTER_FIELDS)

TASKS_FILE = Record("tasks-file", (
    Field("chapters", "list", True, record=CHAPTER),
))

DOCUMENT = Record("document", (
    Field("title", "text", True),
    Field("url", "text"),
    Field("file", "text"),
))
"""A published document: a report's source, a piece of evidence."""

INDICATOR_VALUE = Record("indicator-value", (
    Field("indicator", "slug", True),
    Field("year", "year", True),
    Field("value", "number", True),
    Field("unit", "text"),
    Field("phrase", "text"),
))

ASSESSMENT = Record("assessment", (
    Field("by", "text", True),
    Field("rating", "text", True),
    Field("note", "text"),
    Field("url", "text"),
))

REPORT_ENTRY = Record("report-entry", (
    Field("task", "local-id", True),
    Field("status", "choice", choices=REPORT_STATUSES),
    Field("status_phrase", "text"),
    Field("reason", "text"),
    Field("progress", "markdown"),
    Field("percent", "percent"),
    Field("reported_by", "text"),
    Field("evidence", "list", record=DOCUMENT),
    Field("indicators", "list", record=INDICATOR_VALUE),
    Field("assessment", "record", record=ASSESSMENT),
    Field("note", "text"),
))

REPORT_FILE = Record("report-file", (
    Field("period", "report-period", True),
    Field("as_of", "date", True),
    Field("reported_by", "text", True),
    Field("source", "record", True, record=DOCUMENT),
    Field("entries", "list", True, record=REPORT_ENTRY),
    Field("note", "text"),
))

MEMBER = Record("member", (
    Field("id", "slug", True),
    Field("name", "text", True),
    Field("url", "address", True),
    Field("data", "text"),
))

PORTAL_FILE = Record("portal-file", (
    Field("members", "list", True, record=MEMBER),
))


def attributes(record: Record, data: Mapping[str, Any], leave: tuple[str, ...] = ()
               ) -> dict[str, Any]:
    """The attributes of the model's record that the checked mapping ``data`` gives: each field
    of ``record`` written in it, under its own name, a list as a tuple. A field holding records
    (sub-tasks, a baseline, a target) and those named in ``leave`` are the caller's to build;
    a field not written keeps the model's default."""
    return {f.name: tuple(data[f.name]) if f.kind == "list" else data[f.name]
            for f in record.fields if f.sub is None and f.name not in leave and f.name in data}


FILES: dict[str, Record] = {
    "departments": DEPARTMENTS_FILE,
    "plan": PLAN_FILE,
    "tasks": TASKS_FILE,
    "indicators": INDICATORS_FILE,
    "abbreviations": ABBREVIATIONS_FILE,
    "report": REPORT_FILE,
    "portal": PORTAL_FILE,
}


def _kind_schema(kind: str) -> dict:
    if kind in ("text", "markdown"):
        return {"type": "string", "pattern": TEXT_PATTERN}
    if kind == "slug":
        return {"type": "string", "pattern": SLUG_PATTERN, "maxLength": MAX_ID_CHARS}
    if kind == "local-id":
        # a number only where YAML reads it as written (3, not 2.10 or 1e3)
        return {"anyOf": [{"type": "string", "pattern": LOCAL_ID_PATTERN,
                           "maxLength": MAX_ID_CHARS},
                          {"type": "integer", "minimum": 0}]}
    if kind == "number":
        return {"type": "number"}
    if kind == "year":
        return {"type": "integer", "minimum": 1900, "maximum": 2200}
    if kind == "format":
        return {"type": "integer", "minimum": 1, "maximum": DATA_FORMAT}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "period":
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2200},
                          {"type": "string", "pattern": r"^\d{4}\s*[-–—至~]\s*\d{4}$"}]}
    if kind == "deadline":
        return {"type": ["string", "integer"]}
    if kind == "report-period":
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2099},
                          {"type": "string", "pattern": PERIOD_PATTERN}]}
    if kind == "date":
        return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
    if kind == "percent":
        return {"type": "number", "minimum": 0, "maximum": 100}
    if kind == "address":
        return {"type": "string", "pattern": ADDRESS_PATTERN}
    raise ValueError(f"unknown field kind {kind}")


def _field_schema(record: Record, f: Field, defs: dict[str, dict]) -> dict:
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
        if f.required and f.kind in ("text", "markdown"):
            schema["pattern"] = REQUIRED_TEXT_PATTERN
    description = record.description(f.name)
    schema["description"] = description
    if not f.required:
        schema = {"anyOf": [schema, {"type": "null"}], "description": description}
    return schema


def _record_schema(record: Record, defs: dict[str, dict]) -> dict:
    if record.name in defs:
        return {"$ref": f"#/$defs/{record.name}"}
    defs[record.name] = {}  # placeholder: records may hold themselves (sub-tasks)
    defs[record.name] = {
        "type": "object",
        "description": record.description(),
        "properties": {f.name: _field_schema(record, f, defs) for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }
    return {"$ref": f"#/$defs/{record.name}"}


def json_schema(kind: str) -> dict:
    """The JSON Schema (draft 2020-12) of one kind of data file: departments, plan, tasks,
    indicators, report, portal."""
    record = FILES[kind]
    defs: dict[str, dict] = {}
    _record_schema(record, defs)
    top = dict(defs.pop(record.name))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": record.description(),
        **top,
        "$defs": defs,
    }


DATA_FILES = {"departments": "data/departments.yml", "plan": "data/plans/<plan>/plan.yml",
              "tasks": "data/plans/<plan>/tasks.yml",
              "indicators": "data/plans/<plan>/indicators.yml", "portal": "data/portal.yml",
              "abbreviations": "data/abbreviations.yml",
              "report": "data/plans/<plan>/reports/<period>.yml"}
"""The data file each schema describes, by kind."""


def schema_files() -> dict[str, str]:
    """Every schema as the text of its file, ``<kind>.schema.json``: the repository's ``schema/``
    folder and the site's ``/schema/`` hold exactly these."""
    return {f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
            for kind in FILES}
