"""Problems found in a plan repository, and the one error type that carries them.

Every stage (load, validate, import) collects :class:`Problem` records instead of raising at the
first one, so an editor sees all that is wrong in one run. A problem names the file, the line and
column, the field path as written in the file (``tasks[3].lead[1]``), what was found, what was
expected and a hint. Its words come from :mod:`plansite.messages` in Chinese or English.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value of one file.

    ``code`` selects the message template; ``args`` fills it. ``found``, ``expected`` and
    ``hint`` are already worded values (names, ids, numbers) and are not translated.
    """

    code: str
    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    args: tuple[tuple[str, str], ...] = ()
    hint: str = ""
    severity: str = "error"

    def message(self, lang: str = "zh") -> str:
        """The sentence that says what is wrong and what is expected, in ``lang``."""
        from plansite.catalogue.messages import render_problem

        return render_problem(self, lang)

    def location(self) -> str:
        """``file:line:column`` with the parts that are known."""
        out = self.file
        if self.line:
            out += f":{self.line}"
            if self.column:
                out += f":{self.column}"
        return out

    def format(self, lang: str = "zh") -> str:
        """The problem as one line: ``file:line:col: path: message; hint``."""
        from plansite.catalogue.messages import hint_label, in_english

        head = self.location()
        if self.path:
            head += f": {self.path}"
        text = f"{head}: {self.message(lang)}"
        if self.hint:
            hint = in_english(self.hint) if lang == "en" else self.hint
            text += f"; {hint_label(lang)}{hint}"
        return text

    def as_dict(self, lang: str = "zh") -> dict:
        data = asdict(self)
        data["args"] = dict(self.args)
        data["message"] = self.message(lang)
        return data


def problem(code: str, file: str, line: int = 0, column: int = 0, path: str = "",
            hint: str = "", severity: str = "error", **args: object) -> Problem:
    """Build a :class:`Problem`; keyword arguments fill the message template."""
    return Problem(code=code, file=file, line=line, column=column, path=path,
                   args=tuple((k, str(v)) for k, v in args.items()), hint=hint,
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
        return sorted(self.items, key=lambda p: (p.file, p.line, p.column, p.path))


class PlanError(Exception):
    """Raised once, after a whole pass, when a repository has problems."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(self.report("zh"))

    def report(self, lang: str = "zh") -> str:
        return "\n".join(p.format(lang) for p in sorted(
            self.problems, key=lambda p: (p.file, p.line, p.column, p.path)))


def format_github(problems: Iterable[Problem], lang: str = "zh") -> str:
    """GitHub Actions workflow commands that put each problem on its line of the pull request."""
    from plansite.catalogue.messages import in_english

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
        hint = in_english(p.hint) if lang == "en" else p.hint
        body = p.message(lang) + (f"; {hint}" if hint else "")
        kind = "error" if p.severity == "error" else "warning"
        lines.append(f"::{kind} {','.join(props)}::{esc(body)}")
    return "\n".join(lines)


def format_json(problems: Iterable[Problem], lang: str = "zh") -> str:
    """The problems as a JSON list, for tools."""
    return json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2)
