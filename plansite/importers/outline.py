"""The outline of a document while it is read: its nodes (chapters and tasks to be), the
paragraph groups closed by responsibility lines, and the finished outline."""

from __future__ import annotations

from dataclasses import dataclass, field

from plansite.importers.headings import split_title
from plansite.importers.responsibility import (Convention, Responsibility, find_embedded,
                                               find_trailing)
from plansite.problems import Problem

CLOSING = tuple("。！？!?；;”」』）)…")
"""Marks that may end a paragraph; a document whose last paragraph ends otherwise is cut off."""


@dataclass
class Group:
    """Paragraphs of a task closed by a responsibility line."""

    paragraphs: list[str]
    responsibility: Responsibility


@dataclass
class Node:
    """A chapter or task of the outline while it is being built."""

    number: str = ""
    title: str = ""
    style: str = "root"
    ordinal: int = 0
    line: int = 0
    content: str = ""
    rest: str = ""
    body: list[str] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    responsibility: Responsibility | None = None
    deadline: str = ""
    inline: bool = False
    closed: bool = False
    supplied: bool = False
    kind: str = ""
    id: str = ""
    indicators: list[str] = field(default_factory=list)

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def has_rest(self) -> bool:
        """True when the heading paragraph says more than its title."""
        return bool(self.rest) or (bool(self.content) and
                                   self.content.rstrip("".join(CLOSING)) != self.title)

    def text_paragraphs(self) -> list[str]:
        """The node's own paragraphs: a task keeps its whole heading paragraph, a chapter the
        part after its title."""
        head = self.content if self.kind == "task" and self.has_rest else self.rest
        return ([head] if head else []) + self.body

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Outline:
    """The built outline of one document: summary paragraphs, top-level nodes, leftovers."""

    summary: list[str] = field(default_factory=list)
    chapters: list[Node] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    title: str = ""

    def walk(self):
        for chapter in self.chapters:
            yield from chapter.walk()


def set_heading(node: Node, content: str, convention: Convention) -> None:
    """Set a node's heading from its paragraph: number, title, the rest, and a
    responsibility or deadline the paragraph itself states."""
    node.content = content
    node.title, node.rest = split_title(content)
    if not node.title:
        node.title = content.strip() or node.number
    embedded = find_embedded(content, convention) or find_trailing(content, convention)
    if embedded is not None:
        node.responsibility = embedded
        node.deadline = embedded.deadline
