"""What every source reader hands to the shared stages: a document as a list of blocks.

A plain text, a Word file and a spreadsheet all become a :class:`Document`: paragraphs (with the
heading level a word processor gave them, if any) and task-table rows, each with the line or row
it came from, so that every later warning can point back into the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plansite.problems import Problem


@dataclass
class TaskRow:
    """One row of a task table, its cells already sorted into the columns the importer knows;
    ``groups`` are the headings above the task, from the table's section down."""

    task: str
    number: str = ""
    lead: str = ""
    cooperating: str = ""
    responsible: str = ""
    deadline: str = ""
    groups: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Block:
    """A paragraph of the source, or one task-table row (then ``row`` is set)."""

    text: str
    line: int = 0
    heading: int | None = None
    row: TaskRow | None = None


@dataclass
class Document:
    """One plan document read from a source file, before its structure is known."""

    file: str
    blocks: list[Block] = field(default_factory=list)
    encoding: str = ""
    part: str = ""
    title: str = ""
    skipped: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
