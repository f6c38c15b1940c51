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
from dataclasses import dataclass, field

from plansite.catalogue.phrases import phrase
from plansite.importers.document import Block, TaskRow
from plansite.importers.headings import INLINE, ITEM_STYLES, RANK, parse_numbering, split_title
from plansite.importers.responsibility import (Convention, Responsibility, find_embedded,
                                               find_in_prose, find_trailing, parse_cells,
                                               parse_line, starts_with_label)
from plansite.language.deadlines import parse_deadline
from plansite.language.numerals import ordinal
from plansite.problems import Problem, problem

CLOSING = tuple("。！？!?；;”」』）)…")
# A line of its own giving the deadline of the task above it: 完成时限：2026年6月底前.
DEADLINE_LINE = re.compile(r"^(?:完成时限|时间节点|完成时间|时限)\s*[:：]\s*(?P<value>\S.*)$")


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
            _set_heading(node, lead_in if sub else item_text, convention)
            for child in sub:
                node.add(child)
            node.closed = bool(sub)
            items.append(node)
        return content[:chain[0].start()].strip(), items
    return content, []


def _set_heading(node: Node, content: str, convention: Convention) -> None:
    node.content = content
    node.title, node.rest = split_title(content)
    if not node.title:
        node.title = content.strip() or node.number
    embedded = find_embedded(content, convention) or find_trailing(content, convention)
    if embedded is not None:
        node.responsibility = embedded
        node.deadline = embedded.deadline


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
        _set_heading(node, lead_in if items else numbering.rest, self.convention)
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
            _set_heading(group, numbering.rest if numbering else heading, self.convention)
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
        _set_heading(node, numbering.rest if numbering else task, self.convention)
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

    def finish(self) -> Outline:
        outline = self.outline
        root = self.root
        self.supply_first_heading()
        carried: list[str] = []
        for node in list(root.walk()):
            self.close_groups(node)
            if node is not root and node.responsibility is None and node.body:
                # …组织实施。由市政府办会同市监察局组织落实。 closes the task's last paragraph
                node.responsibility = find_trailing(node.body[-1], self.convention)
            if node is not root and node.responsibility is None and not node.children \
                    and node.style != "table-group":
                # a work plan's prose: 由县交通运输局牵头推进…
                node.responsibility = find_in_prose(
                    "\n".join(p for p in [node.content, *node.body] if p), self.convention)
            if node.responsibility is not None:
                # a note such as 具体任务均涉及相关市(州)人民政府，下同 holds for the tasks after it
                carried += [c for c in node.responsibility.carried if c not in carried]
                added = [c for c in carried if c not in node.responsibility.implementers]
                if added:
                    node.responsibility.implementers += added
                    node.responsibility.notes.append(phrase("names-carried", names=added))
        outline.summary = root.body + [p for g in root.groups for p in g.paragraphs]
        top: list[Node] = []
        loose: list[Node] = []
        for child in root.children:
            _classify(child, False)
            if child.kind == "task":
                loose.append(child)
                continue
            if loose:
                top.append(self.wrap(loose))
                loose = []
            top.append(child)
        if loose:
            top.append(self.wrap(loose))
        outline.chapters = top
        _assign_ids(top, "")
        self.check_end()
        return outline

    def wrap(self, tasks: list[Node]) -> Node:
        """Tasks that stand before or outside any chapter go into a chapter of their own."""
        chapter = Node(title=self.outline.title or "任务", style="wrap", supplied=True, kind="chapter",
                       line=tasks[0].line)
        for task in tasks:
            chapter.add(task)
        return chapter

    def supply_first_heading(self) -> None:
        """A document whose first top-level heading is numbered 二 lost the heading of its first
        part; the text before it becomes that part, under a supplied heading."""
        root = self.root
        if not root.children:
            return
        top_rank = min(self.rank(c.style) for c in root.children)
        heads = [i for i, c in enumerate(root.children) if self.rank(c.style) == top_rank]
        first = root.children[heads[0]]
        if first.ordinal != 2 or (heads[0] == 0 and not root.body):
            return
        number = first.number
        numeral = re.sub(r"[二2２]", "一" if first.style in ("cn", "paren-cn", "chapter",
                                                         "section", "part") else "1", number, 1)
        supplied = Node(number=numeral, title="（原文无标题）", style=first.style, ordinal=1,
                        supplied=True, line=root.children[0].line if heads[0] else first.line)
        supplied.rest = ""
        supplied.body = root.body
        root.body = []
        moved = root.children[:heads[0]]
        root.children = root.children[heads[0]:]
        for child in moved:
            supplied.add(child)
        supplied.parent = root
        root.children.insert(0, supplied)
        self.outline.warnings.append(problem(
            "import-supplied-heading", self.file, supplied.line, severity="warning",
            found=first.number, expected=numeral))

    def close_groups(self, node: Node) -> None:
        """Turn paragraph groups closed by responsibility lines into the node's own
        responsibility (one group) or into sub-tasks (several groups)."""
        if not node.groups or node is self.root:
            return
        groups, trailing = node.groups, node.body
        node.groups = []
        if len(groups) == 1 or all(not g.paragraphs for g in groups[1:]):
            node.responsibility = groups[-1].responsibility
            node.body = [p for g in groups for p in g.paragraphs] + trailing
            return
        subs: list[Node] = []
        for group in groups:
            if not group.paragraphs:
                node.responsibility = group.responsibility
                continue
            subs.append(_group_task(group.paragraphs, group.responsibility, node.line,
                                    self.convention))
        node.body = []
        if trailing:
            subs.append(_group_task(trailing, None, node.line, self.convention))
            self.outline.warnings.append(problem(
                "import-no-responsibility", self.file, node.line, severity="warning",
                found=trailing[0][:40]))
        for sub in reversed(subs):
            sub.parent = node
            node.children.insert(0, sub)

    def check_end(self) -> None:
        """Warn when the document seems cut off: a last heading without text, or a last
        paragraph that stops in the middle of a sentence."""
        nodes = list(self.outline.walk())
        if nodes:
            last = nodes[-1]
            if last.kind == "chapter" and not last.children and not last.text_paragraphs():
                self.outline.warnings.append(problem(
                    "import-empty-heading", self.file, last.line, severity="warning",
                    found=f"{last.number}{last.title}"))
                return
            final = (last.text_paragraphs() or [last.content or last.title])[-1]
        elif self.outline.summary:
            final = self.outline.summary[-1]
        else:
            return
        if not self.last_was_row and not final.rstrip().endswith(CLOSING):
            self.outline.warnings.append(problem(
                "import-truncated", self.file, self.last_line, severity="warning",
                found=final[-20:]))


def _group_task(paragraphs: list[str], responsibility: Responsibility | None, line: int,
                convention: Convention) -> Node:
    node = Node(style="group", line=line)
    _set_heading(node, paragraphs[0], convention)
    node.body = paragraphs[1:]
    if responsibility is not None:
        node.responsibility = responsibility
    return node


def _classify(node: Node, parent_is_task: bool) -> None:
    is_task = (parent_is_task or node.style in ITEM_STYLES or node.responsibility is not None)
    node.kind = "task" if is_task else "chapter"
    for child in node.children:
        _classify(child, is_task)


def _assign_ids(nodes: list[Node], prefix: str) -> None:
    for position, node in enumerate(nodes, 1):
        node.id = f"{prefix}.{position}" if prefix else str(position)
        _assign_ids(node.children, node.id)


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
    return builder.finish()

