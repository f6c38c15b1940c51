"""Where a long command is: its phase, how much of it is done, and the time so far.

On a terminal a live display (rich) shows each phase with its count and the elapsed time; in
a log (CI, a pipe, a file) the same progress is a few plain lines: one when a phase starts, one
at each quarter of it or every ten seconds, whichever comes first, and one when it ends. No
carriage returns, no colours: a CI log reads line by line.

``plansite build`` runs MkDocs in a child process; the plugin there reports with
:class:`EventWriter` (one line per step, marked with :data:`EVENT`) and the command reads
those lines back into its :class:`Progress` (:func:`replay`).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn,
                           TimeElapsedColumn)

from plansite.catalogue.phrases import words

EVENT = "plansite-progress "
"""The mark of a progress line a child process writes for its parent."""

ENVIRONMENT = "PLANSITE_PROGRESS"
"""Set in a child's environment when its parent reads its progress lines."""


class Quiet:
    """Progress that shows nothing: what library functions report to unless asked."""

    def phase(self, code: str, total: int | None = None, **args: object) -> None:
        """A new phase begins; ``total`` steps when known."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more of the phase's steps are done."""

    def close(self) -> None:
        """The work is over."""


QUIET = Quiet()


class Progress(Quiet):
    """Progress shown to a person: live on a terminal, sparse plain lines otherwise."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None,
                 lang: str = "zh", every: float = 10.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.lang = lang
        self.every = every
        self.started = time.monotonic()
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self.phase_started = self.last_line = self.started
        self.quarter = 0
        self.display: RichProgress | None = None
        self.task = None

    def phase(self, code: str, total: int | None = None, **args: object) -> None:
        self._end_phase()
        self.name, self.total, self.done, self.quarter = words(code, args, self.lang), total, 0, 0
        self.phase_started = time.monotonic()
        if self.live:
            if self.display is None:
                self.display = RichProgress(
                    TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(file=self.stream), transient=False)
                self.display.start()
            self.task = self.display.add_task(self.name, total=total)
        else:
            self._line(f"{self.name}" + (f" 0/{total}" if total else ""))

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        if self.live:
            if self.display is not None and self.task is not None:
                self.display.update(self.task, completed=self.done)
            return
        now = time.monotonic()
        quarter = self.done * 4 // self.total if self.total else 0
        if (quarter > self.quarter and self.done < (self.total or 0)) \
                or now - self.last_line >= self.every:
            self.quarter = max(quarter, self.quarter)
            self._line(f"{self.name} {self.done}" + (f"/{self.total}" if self.total else ""))

    def close(self) -> None:
        self._end_phase()
        if self.display is not None:
            self.display.stop()
            self.display = None

    def _end_phase(self) -> None:
        if not self.name:
            return
        if self.live and self.display is not None and self.task is not None:
            self.display.update(self.task, total=self.total or self.done, completed=self.done
                                if self.total is None else max(self.done, self.total))
        elif not self.live:
            count = f" {self.done}/{self.total}" if self.total else ""
            seconds = time.monotonic() - self.phase_started
            self._line(f"{self.name}{count} {words('progress-done', lang=self.lang)} "
                       f"({seconds:.1f} s)")
        self.name = ""

    def _line(self, text: str) -> None:
        self.last_line = time.monotonic()
        self.stream.write(f"plansite [{self.last_line - self.started:7.1f} s] {text}\n")
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class EventWriter(Quiet):
    """Progress of a child process, written as marked lines for its parent to read back.

    Steps are sent about two hundred times a phase at most, so a 20,000-page build does not
    send 20,000 lines.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.pending = 0
        self.batch = 1

    def phase(self, code: str, total: int | None = None, **args: object) -> None:
        self._flush()
        self.batch = max(1, (total or 0) // 200)
        extra = "".join(f" {key}={value}" for key, value in args.items())
        self.stream.write(f"{EVENT}phase {code} {total if total is not None else '-'}{extra}\n")
        self.stream.flush()

    def advance(self, steps: int = 1) -> None:
        self.pending += steps
        if self.pending >= self.batch:
            self._flush()

    def close(self) -> None:
        self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.stream.write(f"{EVENT}advance {self.pending}\n")
            self.stream.flush()
            self.pending = 0


def replay(line: str, progress: Quiet) -> bool:
    """Show a child's progress line on ``progress``; False when ``line`` is no such line."""
    if not line.startswith(EVENT):
        return False
    kind, *rest = line[len(EVENT):].split()
    if kind == "phase" and rest:
        code, total, *extra = rest
        args = dict(item.split("=", 1) for item in extra if "=" in item)
        progress.phase(code, None if total == "-" else int(total), **args)
    elif kind == "advance" and rest:
        progress.advance(int(rest[0]))
    return True
