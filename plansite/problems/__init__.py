"""Problems found in a plan repository, and the one error type that carries them.

Every stage (load, validate, import) collects :class:`Problem` records instead of raising at the
first one, so an editor sees all that is wrong in one run. A problem names the file, the line and
column, the field path as written in the file (``tasks[3].lead[1]``), what was found, what was
expected and a hint. It is data (a code and its arguments); its words come from
:mod:`plansite.catalogue` in Chinese or English when it is shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable

from plansite.catalogue.messages import hint_label
from plansite.catalogue.phrases import Phrase, arg_value, arg_words, words


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value of one file.

    ``code`` selects the message template and ``args`` fill it: text as written in the file,
    numbers, or phrases of the catalogue (``文字“x”`` / ``the text 'x'``). ``hint`` says what to
    do, as a phrase of the catalogue's hints.
    """

    code: str
    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    args: tuple[tuple[str, Any], ...] = ()
    hint: Phrase | None = None
    severity: str = "error"

    def message(self, lang: str = "zh") -> str:
        """The sentence that says what is wrong and what is expected, in ``lang``."""
        return words(self.code, self.args, lang)

    def hint_words(self, lang: str = "zh") -> str:
        """What to do, in ``lang``; empty when there is no hint."""
        return self.hint.words(lang) if self.hint is not None else ""

    def location(self) -> str:
        """``file:line:column`` with the parts that are known."""
        out = self.file
        if self.line:
            out += f":{self.line}"
            if self.column:
                out += f":{self.column}"
        return out

    def said(self, lang: str = "zh") -> str:
        """What is wrong and what to do, without where: ``message; hint``."""
        text = self.message(lang)
        if self.hint is not None:
            text += f"; {hint_label(lang)}{self.hint_words(lang)}"
        return text

    def format(self, lang: str = "zh") -> str:
        """The problem as one line: ``file:line:col: path: message; hint``."""
        head = self.location()
        if self.path:
            head += f": {self.path}"
        return f"{head}: {self.said(lang)}"

    def as_dict(self, lang: str = "zh") -> dict:
        """The problem as JSON-ready values, its arguments and hint worded in ``lang``."""
        return {"code": self.code, "file": self.file, "line": self.line, "column": self.column,
                "path": self.path,
                "args": {name: arg_words(value, lang) for name, value in self.args},
                "hint": self.hint_words(lang), "severity": self.severity,
                "message": self.message(lang)}


QUOTE_CHARS = 200
"""The longest text a problem quotes: a file read as one long value is quoted by its start."""


def excerpt(text: str, limit: int = QUOTE_CHARS) -> str:
    """At most the first line of ``text`` and ``limit`` characters of it, "…" where cut."""
    line, _, rest = text.partition("\n")
    cut = len(line) > limit or bool(rest.strip())
    return line[:limit] + "…" if cut else line


def problem(code: str, file: str, line: int = 0, column: int = 0, path: str = "",
            hint: Phrase | None = None, severity: str = "error", **args: object) -> Problem:
    """Build a :class:`Problem`; keyword arguments fill the message template."""
    return Problem(code=code, file=file, line=line, column=column, path=path,
                   args=tuple((k, arg_value(excerpt(v) if isinstance(v, str) else v))
                              for k, v in args.items()), hint=hint,
                   severity=severity)


@dataclass
class Problems:
    """An ordered collection of problems, filled by one pass over a repository."""

    items: list[Problem] = field(default_factory=list)

    def add(self, item: Problem) -> None:
        self.items.append(item)

    def extend(self, items: Iterable[Problem]) -> None:
        self.items.extend(items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=_place)


def _place(p: Problem) -> tuple[str, int, int, str]:
    return (p.file, p.line, p.column, p.path)


class PlanError(Exception):
    """Raised once, after a whole pass, when a repository has problems."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(self.report("zh"))

    def report(self, lang: str = "zh") -> str:
        return "\n".join(p.format(lang) for p in sorted(self.problems, key=_place))


def format_github(problems: Iterable[Problem], lang: str = "zh") -> str:
    """GitHub Actions workflow commands that put each problem on its line of the pull request."""

    def esc(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def esc_prop(value: str) -> str:
        return esc(value).replace(":", "%3A").replace(",", "%2C")

    lines = []
    for p in problems:
        props = [f"file={esc_prop(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        if p.path:
            props.append(f"title={esc_prop(p.path)}")
        hint = p.hint_words(lang)
        body = p.message(lang) + (f"; {hint}" if hint else "")
        kind = "error" if p.severity == "error" else "warning"
        lines.append(f"::{kind} {','.join(props)}::{esc(body)}")
    return "\n".join(lines)


def format_json(problems: Iterable[Problem], lang: str = "zh") -> str:
    """The problems as a JSON list, for tools."""
    return json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2)
