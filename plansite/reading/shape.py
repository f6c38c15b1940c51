"""The shape pass: each data file against its record of :mod:`plansite.model.fields`.

Unknown and missing fields, values of the wrong kind, bad ids, choices, numbers, years and
periods are reported where they were written; what is left holds only values of the right kind,
from which :mod:`plansite.reading.records` builds the model's records. Nothing raises: problems
are collected.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from plansite.catalogue.phrases import Phrase, phrase
from plansite.language.numerals import normalize_width
from plansite.language.similar import closest
from plansite.model import fields as S
from plansite.model.progress import Period, parse_date
from plansite.problems import Problem, excerpt, problem
from plansite.reading.yamlfile import Located, LocatedList
from plansite.reading.yamlproblems import CONTROL, control_character

_SLUG_RE = re.compile(S.SLUG_PATTERN)
_LOCAL_RE = re.compile(S.LOCAL_ID_PATTERN)
_ADDRESS_RE = re.compile(S.ADDRESS_PATTERN)
_PERIOD_RE = re.compile(r"^\s*(\d{4})\s*[-–—至~]\s*(\d{4})\s*$")

CHOICE_WORDS = {
    "约束性": "binding", "约束性指标": "binding", "预期性": "expected", "预期性指标": "expected",
    "监测": "monitoring", "监测指标": "monitoring", "部门": "department", "群体": "group",
    "企业": "company", "党委部门": "party", "人民团体": "organization", "不低于": ">=",
    "不超过": "<=", "以上": ">=", "以内": "<=", "等于": "=", "区间": "range", "水平": "level",
    "变化": "change", "年均增长": "annual-growth", "比例": "ratio",
}
"""Choices as editors say them in Chinese, for the hint that gives the word to write."""

def _kind_words(kind: str) -> Phrase:
    """What a field of ``kind`` expects, as the catalogue words it."""
    return phrase(f"kind-{kind}")


def unknown_fields(data: Located, record: S.Record, path: str, file: str,
                   pos: tuple[int, int]) -> list[Problem]:
    """Each key of ``data`` that is no field of ``record``, in the order written."""
    found = []
    for key in data:
        if record.get(str(key)) is None:
            where = data.key_pos.get(key, pos)
            found.append(problem("unknown-field", file, where[0], where[1], path=join(path, key),
                                 hint=_did_you_mean(closest(str(key), record.names, 1)),
                                 found=key, expected=record.names))
    return found


def format_problems(value: Any, path: str, file: str, pos: tuple[int, int]) -> list:
    """What is wrong with a file's data ``format``: not this plansite's (an older one
    ``plansite migrate`` upgrades, a newer one needs a newer plansite), or no number."""
    if isinstance(value, bool) or not isinstance(value, int):
        return [problem("wrong-type", file, pos[0], pos[1], path=path, found=_found(value),
                        expected=_kind_words("format"))]
    if value == S.DATA_FORMAT:
        return []
    newer = value > S.DATA_FORMAT
    return [problem("format-newer" if newer else "format-older", file, pos[0], pos[1], path=path,
                    found=value, expected=S.DATA_FORMAT,
                    hint=phrase("upgrade-plansite" if newer else "run-migrate"))]


def _found(value: Any) -> Phrase:
    """A value that is of the wrong kind, as a message quotes it: its kind, and itself when short."""
    if value is None:
        return phrase("value-null")
    if isinstance(value, bool):
        return phrase("value-bool", value=str(value).lower())
    if isinstance(value, (int, float)):
        return phrase("value-number", value=value)
    if isinstance(value, str):
        return phrase("value-text", value=excerpt(value))
    if isinstance(value, list):
        return phrase("value-list")
    if isinstance(value, dict):
        return phrase("value-mapping")
    return phrase("value-other", type=type(value).__name__)


def _did_you_mean(near: list[str]) -> Phrase | None:
    return phrase("did-you-mean", word=near[0]) if near else None


@dataclass
class Checker:
    """Shape checks against a :class:`~plansite.schema.Record`; fills ``problems``."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, code: str, file: str, pos: tuple[int, int], path: str,
            hint: Phrase | None = None, **args: object) -> None:
        self.problems.append(problem(code, file, pos[0], pos[1], path=path, hint=hint, **args))

    def record(self, data: Any, record: S.Record, path: str, file: str,
               pos: tuple[int, int]) -> Located | None:
        """Check ``data`` against ``record``; the result holds only values of the right kind."""
        if not isinstance(data, Located):
            self.add("wrong-type", file, pos, path, found=_found(data),
                     expected=phrase("record-mapping", record=phrase(record.name)))
            return None
        out = Located(file, data.line, data.column)
        out.key_pos, out.value_pos, out.raw = data.key_pos, data.value_pos, data.raw
        if not record.by_name.keys() >= data.keys():
            self.problems.extend(unknown_fields(data, record, path, file, pos))
        for f in record.fields:
            given = data.get(f.name)
            if given is None:
                if f.required and f.name in data:  # written, with nothing after it
                    self.add("empty-value", file, data.pos(f.name), join(path, f.name),
                             expected=phrase(f"{record.name}.{f.name}"))
                elif f.required:
                    self.add("missing-field", file, (data.line, data.column), join(path, f.name),
                             field=f.name, expected=phrase(f"{record.name}.{f.name}"))
                continue
            if type(given) is str and _kept_as_written(given, f.kind, f):  # most values
                if _CONTROL.search(given) is not None or f.required and not given.strip():
                    self.plain_text(given, join(path, f.name), file, data.pos(f.name),
                                    phrase(f"{record.name}.{f.name}"))
                    continue
                out[f.name] = given
                continue
            value = self.value(given, f, join(path, f.name), file, data.pos(f.name),
                               data.raw.get(f.name))
            if value is not None:
                out[f.name] = value
        return out

    def plain_text(self, text: str, path: str, file: str, pos: tuple[int, int],
                   expected: Phrase | None = None) -> None:
        """Report a text that cannot be published: a blank required text, or one holding a
        control character (written as a YAML escape such as \\x01)."""
        control = _CONTROL.search(text)
        if control is not None:
            self.problems.append(control_character(file, pos[0], pos[1], control.group(), path))
        else:
            self.add("empty-value", file, pos, path, expected=expected or _kind_words("text"))

    def value(self, value: Any, f: S.Field, path: str, file: str, pos: tuple[int, int],
              raw: str | None) -> Any:
        if f.kind == "list":
            if not isinstance(value, LocatedList):
                example = phrase("list-example" if f.item == "text" else "list-example-ids")
                self.add("wrong-type", file, pos, path,
                         hint=phrase("write-a-list", example=example), found=_found(value),
                         expected=_kind_words("list"))
                return None
            items = LocatedList(file, value.line, value.column)
            record, kind = f.sub, f.item or "text"
            if f.name in NESTING and path.count(".tasks[") + path.count(".chapters[") \
                    >= S.MAX_TASK_DEPTH:
                self.add("nested-too-deep", file, pos, path, hint=phrase("fewer-levels"), field=f.name,
                         found=_depth(value, f.name) + S.MAX_TASK_DEPTH, expected=S.MAX_TASK_DEPTH)
                return None
            for i, item in enumerate(value):
                if record is not None:
                    checked = self.record(item, record, f"{path}[{i}]", file, value.pos(i))
                elif type(item) is str and _kept_as_written(item, kind, f) \
                        and _CONTROL.search(item) is None and item.strip():
                    checked = item
                else:
                    checked = self.scalar(item, kind, f"{path}[{i}]", file, value.pos(i),
                                          value.raw[i] if i < len(value.raw) else None, f)
                if checked is not None:
                    items.append(checked)
                    items.item_pos.append(value.pos(i))
                    items.raw.append(None)
            return items
        if f.kind == "record":
            return self.record(value, f.sub, path, file, pos)
        if f.kind == "target":
            if isinstance(value, str):
                if not value.strip():
                    self.add("empty-value", file, pos, path, expected=_kind_words("target"))
                    return None
                return value.strip()
            return self.record(value, f.sub, path, file, pos)
        return self.scalar(value, f.kind, path, file, pos, raw, f)

    def scalar(self, value: Any, kind: str, path: str, file: str, pos: tuple[int, int],
               raw: str | None, f: S.Field) -> Any:
        if type(value) is str and _CONTROL.search(value) is not None:
            self.plain_text(value, path, file, pos)
            return None
        if isinstance(value, (dict, list)) or value is None and kind != "text":
            self.add("wrong-type", file, pos, path, found=_found(value),
                     expected=_kind_words(kind))
            return None
        if kind in ("text", "markdown"):
            if isinstance(value, bool):
                self.add("wrong-type", file, pos, path, hint=phrase("quote-text"),
                         found=_found(value), expected=_kind_words(kind))
                return None
            text = raw if isinstance(value, (int, float)) and raw is not None else (
                "" if value is None else str(value))
            if _CONTROL.search(text) is not None:
                self.plain_text(text, path, file, pos)
                return None
            return text
        if kind == "slug":
            text = str(value) if not isinstance(value, bool) else ""
            if len(text) > S.MAX_ID_CHARS:
                return self.too_long(text, path, file, pos)
            if not _SLUG_RE.match(text):
                self.add("bad-id", file, pos, path, found=value,
                         expected=phrase("slug-example"))
                return None
            return text
        if kind == "local-id":
            text = raw if isinstance(value, (int, float)) and raw is not None else str(value)
            if self.reads_as_number(value, raw, path, file, pos):
                return None
            if len(text) > S.MAX_ID_CHARS:
                return self.too_long(text, path, file, pos)
            if isinstance(value, bool) or not _LOCAL_RE.match(text):
                exponent = re.fullmatch(r"[0-9]+[eE][0-9]+", text) is not None
                self.add("bad-id", file, pos, path, found=value,
                         hint=phrase("exponent-id", id=text) if exponent else None,
                         expected=phrase("local-id-example"))
                return None
            return text
        if kind == "number":
            return self.number(value, path, file, pos)
        if kind == "year":
            return self.year(value, path, file, pos)
        if kind == "format":
            found = format_problems(value, path, file, pos)
            self.problems += found
            return None if found else value
        if kind == "bool":
            if not isinstance(value, bool):
                self.add("wrong-type", file, pos, path, found=_found(value),
                         expected=_kind_words("bool"))
                return None
            return value
        if kind == "choice":
            if not isinstance(value, str) or value not in f.choices:
                near = [CHOICE_WORDS[value]] if value in CHOICE_WORDS else \
                    closest(str(value), list(f.choices), 1)
                self.add("bad-choice", file, pos, path, hint=_did_you_mean(near),
                         found=value, expected=" | ".join(f.choices))
                return None
            return value
        if kind == "period":
            return self.period(value, path, file, pos)
        if kind == "address":
            address = _address(value)
            if address is None:
                self.add("bad-address", file, pos, path, found=_found(value),
                         hint=_address_hint(value), expected=phrase("address-example"))
            return address
        if kind in _OTHER_KINDS:
            return _OTHER_KINDS[kind](self, value, path, file, pos)
        if kind == "deadline":
            if self.reads_as_number(value, raw, path, file, pos):
                return None
            if isinstance(value, bool):
                self.add("wrong-type", file, pos, path, found=_found(value),
                         expected=_kind_words("deadline"))
                return None
            return str(value)
        raise ValueError(f"unknown field kind {kind}")

    def reads_as_number(self, value: Any, raw: str | None, path: str, file: str,
                        pos: tuple[int, int]) -> bool:
        """Report a text YAML reads as a number of another meaning (``2015.10`` is 2015.1, ``010``
        is 8): whether it was one."""
        if raw is None or isinstance(value, bool) or not isinstance(value, (int, float)) \
                or isinstance(value, int) and raw == str(value):
            return False
        self.add("yaml-reads-number", file, pos, path, hint=phrase("quote-value", value=raw),
                 found=raw, expected=value)
        return True

    def too_long(self, text: str, path: str, file: str, pos: tuple[int, int]) -> None:
        self.add("id-too-long", file, pos, path, found=len(text), expected=S.MAX_ID_CHARS,
                 hint=phrase("shorter-id", example=text[:12].rstrip(".-")))

    def number(self, value: Any, path: str, file: str, pos: tuple[int, int]) -> float | None:
        if isinstance(value, bool):
            self.add("wrong-type", file, pos, path, found=_found(value),
                     expected=_kind_words("number"))
            return None
        if isinstance(value, (int, float)):
            if math.isfinite(value):
                return float(value)
            self.add("bad-number", file, pos, path, found=value,
                     expected=phrase("finite-number"))
            return None
        text = str(value).strip()
        plain = normalize_width(text).replace(",", "")
        if plain != text.replace(",", "") and _is_number(plain):
            self.add("fullwidth-digits", file, pos, path, hint=phrase("write-instead", value=plain),
                     found=text, expected=plain)
            return None
        if _is_number(plain):
            self.add("wrong-type", file, pos, path, hint=phrase("remove-quotes", value=plain),
                     found=_found(value), expected=_kind_words("number"))
            return None
        hint = phrase("unit-apart") if re.search(r"\d", text) else None
        self.add("bad-number", file, pos, path, hint=hint, found=text,
                 expected=phrase("base-number"))
        return None

    def year(self, value: Any, path: str, file: str, pos: tuple[int, int]) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            if 1900 <= value <= 2200:
                return value
            self.add("bad-year", file, pos, path, found=value, expected=phrase("year-between"))
            return None
        text = str(value).strip()
        plain = normalize_width(text).rstrip("年")
        if plain.isdigit() and len(plain) == 4:
            code = "fullwidth-digits" if plain != text.rstrip("年") else "wrong-type"
            self.add(code, file, pos, path, hint=phrase("number-only", value=plain),
                     found=text if code == "fullwidth-digits" else _found(value),
                     expected=plain if code == "fullwidth-digits" else _kind_words("year"))
            return None
        self.add("bad-year", file, pos, path, found=text, expected=phrase("year-example"))
        return None

    def period(self, value: Any, path: str, file: str,
               pos: tuple[int, int]) -> tuple[int, int] | None:
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return (value, value)
        match = _PERIOD_RE.match(normalize_width(str(value)))
        if match:
            start, end = int(match.group(1)), int(match.group(2))
            if start <= end:
                return (start, end)
        self.add("bad-period", file, pos, path, found=value, expected=phrase("period-example"))
        return None


def _report_period(check: Checker, value: Any, path: str, file: str,
                   pos: tuple[int, int]) -> str | None:
    text = str(value).strip() if isinstance(value, (int, str)) else ""
    if not isinstance(value, bool) and Period.parse(text) is not None:
        return text
    check.add("report-bad-period", file, pos, path, found=value, expected=phrase("period-forms"))
    return None


def _date(check: Checker, value: Any, path: str, file: str, pos: tuple[int, int]) -> str | None:
    if isinstance(value, str) and parse_date(value.strip()) is not None:
        return value.strip()
    check.add("bad-date", file, pos, path, found=value, expected=phrase("date-example"))
    return None


def _percent(check: Checker, value: Any, path: str, file: str,
             pos: tuple[int, int]) -> float | None:
    number = check.number(value, path, file, pos)
    if number is not None and not 0 <= number <= 100:
        check.add("bad-percent", file, pos, path, found=f"{number:g}")
        return None
    return number


def _address_kind(check: Checker, value: Any, path: str, file: str,
                  pos: tuple[int, int]) -> str | None:
    address = _address(value)
    if address is None:
        check.add("bad-address", file, pos, path, found=_found(value),
                  expected=phrase("address-example"))
    return address


_OTHER_KINDS: dict[str, Callable[..., Any]] = {
    "report-period": _report_period, "date": _date, "percent": _percent,
    "address": _address_kind}
"""The kinds checked apart from :meth:`Checker.scalar`: a reporting period, a date, a percent
(of report files), a web address (of the portal file)."""


_AS_WRITTEN: dict[str, Callable[[str, S.Field], bool]] = {
    "text": lambda text, f: True,
    "markdown": lambda text, f: True,
    "deadline": lambda text, f: True,
    "slug": lambda text, f: len(text) <= S.MAX_ID_CHARS and _SLUG_RE.match(text) is not None,
    "local-id": lambda text, f: len(text) <= S.MAX_ID_CHARS and _LOCAL_RE.match(text) is not None,
    "choice": lambda text, f: text in f.choices,
    "address": lambda text, f: text.endswith("/") and _ADDRESS_RE.match(text) is not None,
}
"""For each kind, whether :meth:`Checker.scalar` would return a text unchanged, with no problem."""


def _address(value: Any) -> str | None:
    """A site's address as a folder (ending in ``/``), or None when it is no http(s) address."""
    text = value.strip() if isinstance(value, str) else ""
    if not _ADDRESS_RE.match(text):
        return None
    return text if text.endswith("/") else text + "/"


def _address_hint(value: Any) -> Phrase | None:
    """The address an editor meant who left out ``https://`` (``plans.city.gov.cn``)."""
    meant = _address(f"https://{value.strip()}") if isinstance(value, str) else None
    return _did_you_mean([meant]) if meant else None


def _kept_as_written(text: str, kind: str, f: S.Field) -> bool:
    """Whether the shape pass keeps ``text`` as it is: most values of a plan, checked at once
    instead of through :meth:`Checker.value` and :meth:`Checker.scalar`."""
    keeps = _AS_WRITTEN.get(kind)
    return keeps is not None and keeps(text, f)


NESTING = ("tasks", "chapters")
"""The fields that hold records of their own kind, to a depth of at most ``MAX_TASK_DEPTH``."""

_CONTROL = CONTROL


def _depth(value: Any, name: str) -> int:
    """How many levels of ``name`` lists nest in ``value`` (without recursion: it may be deep)."""
    depth, level = 0, [value]
    while level:
        depth += 1
        level = [item[name] for items in level for item in items
                 if isinstance(item, dict) and isinstance(item.get(name), list)]
    return depth


def join(path: str, key: Any) -> str:
    """The field path of ``key`` under ``path``: ``tasks[3].lead``."""
    return f"{path}.{key}" if path else str(key)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
