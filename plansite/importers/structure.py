"""The outline of a plan document: chapters, tasks and sub-tasks from its numbering.

Each paragraph's numbering is read by :mod:`plansite.importers.headings`. The outline is built
with a stack: a numbering style seen before closes the levels below it, a new
style nests under the current level unless it ranks higher (一、 after （七） is a sibling of the
（一） items' parent, not their child). Responsibility lines close a group of paragraphs: a task
with several paragraph groups, each followed by its own responsibility line, becomes a task
with one sub-task per group.

Which nodes are chapters and which are tasks: items numbered 1. / （1） / ① / 一是, rows of a
task table, and anything with a responsibility are tasks; 章 / 节 / 一、 / （一） levels and word
processor headings are chapters; everything under a task is a sub-task.
"""

from __future__ import annotations

import re

from plansite.catalogue.phrases import phrase
from plansite.importers.document import Block, TaskRow
from plansite.importers.headings import INLINE, ITEM_STYLES, RANK, parse_numbering
from plansite.importers.responsibility import (Convention, find_embedded,
                                               parse_cells,
                                               parse_line, starts_with_label)
from plansite.language.deadlines import parse_deadline
from plansite.language.numerals import ordinal
from plansite.importers.finishing import finish
from plansite.importers.outline import Group, Node, Outline, set_heading
from plansite.problems import problem

# A line of its own giving the deadline of the task above it: 完成时限：2026年6月底前.
DEADLINE_LINE = re.compile(r"^(?:完成时限|时间节点|完成时间|时限)\s*[:：]\s*(?P<value>\S.*)$")


def _inline_items(content: str, styles: tuple[tuple[str, re.Pattern[str]], ...],
                  convention: Convention) -> tuple[str, list[Node]]:
    """Split 一是…二是… (and deeper enumerations) out of a paragraph: lead-in and item nodes."""
    for index, (style, pattern) in enumerate(styles):
        found = [(m, ordinal(m.group(1))) for m in pattern.finditer(content)]
        chain: list[re.Match[str]] = []
        for i, (m, value) in enumerate(found):
            if value != 1:
                continue
            chain, last = [m], 1
            for later, later_value in found[i + 1:]:
                if later_value == last + 1 or (style == "enum" and later_value == last):
                    chain.append(later)
                    last = later_value
            if len(chain) >= 2:
                break
            chain = []
        if not chain:
            continue
        items = []
        for i, m in enumerate(chain):
            end = chain[i + 1].start() if i + 1 < len(chain) else len(content)
            item_text = content[m.end():end].strip()
            lead_in, sub = _inline_items(item_text, styles[index + 1:], convention)
            node = Node(number=m.group(0), style=style, ordinal=ordinal(m.group(1)),
                        inline=True)
            set_heading(node, lead_in if sub else item_text, convention)
            for child in sub:
                node.add(child)
            node.closed = bool(sub)
            items.append(node)
        return content[:chain[0].start()].strip(), items
    return content, []


class _Builder:
    """Feeds blocks one by one into the outline."""

    def __init__(self, file: str, year: int | None = None, period_end: int | None = None,
                 convention: Convention = Convention()):
        self.file = file
        self.year = year
        self.period_end = period_end
        self.convention = convention
        self.root = Node()
        self.stack: list[Node] = [self.root]
        self.current = self.root
        self.outline = Outline()
        # the table's heading nodes above the current row: (container, [(heading, node) …])
        self.table_path: tuple[Node, list[tuple[str, Node]]] | None = None
        self.last_line = 0
        self.last_was_row = False
        self.last_was_label = False

    def rank(self, style: str) -> float:
        if style.startswith("h"):
            return -10 + int(style[1:])
        return RANK.get(style, -100)

    def place(self, node: Node) -> None:
        styles = [n.style for n in self.stack]
        if node.style in styles:
            del self.stack[styles.index(node.style):]
        else:
            while len(self.stack) > 1 and self.rank(self.stack[-1].style) > self.rank(node.style):
                self.stack.pop()
        self.stack[-1].add(node)
        self.stack.append(node)
        self.current = node
        self.table_path = None

    def feed(self, block: Block) -> None:
        self.last_line = block.line
        self.last_was_row = block.row is not None
        after_label, self.last_was_label = self.last_was_label, False
        if block.row is not None:
            self.add_row(block)
            return
        text = block.text.strip()
        if not text:
            return
        if block.heading is not None:
            numbering = parse_numbering(text)
            node = Node(number=numbering.number if numbering else "", style=f"h{block.heading}",
                        ordinal=numbering.ordinal if numbering else 0, line=block.line)
            node.title = numbering.rest if numbering else text
            self.place(node)
            return
        numbering = parse_numbering(text)
        if self.take_deadline(text):
            return
        # a numbered line is always a new task, even when it reads like a responsibility line
        responsibility = parse_line(text, self.convention) if numbering is None else None
        if responsibility is not None:
            if self.current is self.root:
                self.outline.unplaced.append((block.line, text))
                self.outline.warnings.append(problem(
                    "import-unplaced", self.file, block.line, severity="warning",
                    found=text[:40], expected=phrase("task-first")))
                return
            labelled = starts_with_label(text)
            if labelled and after_label and self.current.groups and not self.current.body:
                # 牵头单位：X and 责任单位：Y on lines of their own are one statement
                group = self.current.groups[-1]
                joined = parse_line(group.responsibility.phrase + "；" + text, self.convention)
                if joined is not None:
                    group.responsibility = joined
                    self.last_was_label = True
                    return
            self.current.groups.append(Group(self.current.body, responsibility))
            self.current.body = []
            self.last_was_label = labelled
            return
        if numbering is None:
            if self.current.closed and self.current.parent is not None:
                self.current = self.current.parent
            closing = find_embedded(text, self.convention) if self.current is not self.root \
                else None
            if closing is not None:
                # a paragraph closed by its own bracket (省经贸委牵头) is a task of its own
                self.current.groups.append(Group(self.current.body + [text], closing))
                self.current.body = []
                return
            self.current.body.append(text)
            return
        node = Node(number=numbering.number, style=numbering.style, ordinal=numbering.ordinal,
                    line=block.line)
        self.place(node)
        lead_in, items = _inline_items(numbering.rest, INLINE, self.convention)
        set_heading(node, lead_in if items else numbering.rest, self.convention)
        for item in items:
            item.line = block.line
            for sub in item.walk():
                sub.line = block.line
            node.add(item)
        node.closed = bool(items)

    def take_deadline(self, text: str) -> bool:
        """Read a 完成时限：… line into the current task's deadline; False when it is no such
        line, follows no task, or its value is no deadline (then it stays text)."""
        m = DEADLINE_LINE.match(text)
        node = self.current
        if m is None or node is self.root or node.deadline or (
                node.style not in ITEM_STYLES and node.responsibility is None and not node.groups):
            return False
        value = m.group("value").strip().rstrip("。.；;")
        try:
            parse_deadline(value, self.year, self.period_end)
        except ValueError:
            return False
        node.deadline = value
        return True

    def add_row(self, block: Block) -> None:
        row: TaskRow = block.row  # type: ignore[assignment]
        # a table's rows are tasks beside the numbered items of the current chapter
        container = next(n for n in reversed(self.stack) if n.style not in ITEM_STYLES)
        if self.table_path is None or self.table_path[0] is not container:
            self.table_path = (container, [])
        path = self.table_path[1]
        parent = container
        for depth, heading in enumerate(row.groups):
            if depth < len(path) and path[depth][0] == heading:
                parent = path[depth][1]
                continue
            del path[depth:]
            numbering = parse_numbering(heading)
            group = Node(number=numbering.number if numbering else "", style="table-group",
                         line=block.line)
            set_heading(group, numbering.rest if numbering else heading, self.convention)
            # a heading above table rows states no responsibility of its own
            group.responsibility, group.deadline = None, ""
            parent.add(group)
            path.append((heading, group))
            parent = group
        del path[len(row.groups):]
        task = row.task
        numbering = parse_numbering(task) if not row.number else None
        node = Node(number=row.number or (numbering.number if numbering else ""), style="row",
                    line=block.line)
        set_heading(node, numbering.rest if numbering else task, self.convention)
        phrase = "；".join(f"{k}：{v}" for k, v in (("牵头单位", row.lead), ("配合单位", row.cooperating),
                                                   ("责任单位", row.responsible)) if v)
        if phrase:
            node.responsibility = parse_cells(row.lead, row.cooperating, row.responsible, phrase,
                                              self.convention)
        node.deadline = row.deadline or node.deadline
        for name, value in row.extra.items():
            node.body.append(f"{name}：{value}")
        parent.add(node)
        self.current = node

def build_outline(blocks: list[Block], file: str, title: str = "", year: int | None = None,
                  period_end: int | None = None,
                  convention: Convention = Convention()) -> Outline:
    """The outline of the document made of ``blocks``. ``year`` is the year a deadline without
    one (年底前) falls in, ``period_end`` the plan's last year (规划期末); ``convention`` how the
    document reads a plain list of responsible units."""
    builder = _Builder(file, year, period_end, convention)
    builder.outline.title = title
    for block in blocks:
        builder.feed(block)
    return finish(builder)

