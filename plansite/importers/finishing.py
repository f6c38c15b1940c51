"""The last stage of reading a document's outline: once every paragraph is placed, close the
paragraph groups into responsibilities or sub-tasks, supply a first heading the document lost,
wrap loose tasks into a chapter, tell chapters from tasks, number them, and check the end."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plansite.catalogue.phrases import phrase
from plansite.importers.headings import ITEM_STYLES
from plansite.importers.outline import CLOSING, Node, Outline, set_heading
from plansite.importers.responsibility import (Convention, Responsibility, find_in_prose,
                                               find_trailing)
from plansite.problems import problem

if TYPE_CHECKING:
    from plansite.importers.structure import _Builder

NO_TITLE = "（原文无标题）"
"""The title of a heading the importer had to supply: the source gives none."""
# The projects of a list such as a year's 为民办实事 follow one another, separated by ；.
PROJECT_SEPARATOR = re.compile(r"[；;]")
# Most projects of such a list count what they will make (新增30个…); a group that starts with a
# title and a colon (加强组织领导：…) is a measure of a work plan instead.
QUANTIFIED = re.compile(r"[0-9０-９]")
TITLED = re.compile(r"^[^，,。；;：:]{2,16}[：:]")


def finish(b: _Builder) -> Outline:
    """The outline once every paragraph is placed: responsibilities closed, loose tasks
    wrapped in a chapter, chapters and tasks told apart and numbered, the end checked."""
    outline = b.outline
    root = b.root
    supply_first_heading(b)
    carried: list[str] = []
    for node in list(root.walk()):
        close_groups(b, node)
        if node is not root and node.responsibility is None and node.body:
            # …组织实施。由市政府办会同市监察局组织落实。 closes the task's last paragraph
            node.responsibility = find_trailing(node.body[-1], b.convention)
        if node is not root and node.responsibility is None and not node.children \
                and node.style != "table-group":
            # a work plan's prose: 由县交通运输局牵头推进…
            node.responsibility = find_in_prose(
                "\n".join(p for p in [node.content, *node.body] if p), b.convention)
        if node.responsibility is not None:
            # a note such as 具体任务均涉及相关市(州)人民政府，下同 holds for the tasks after it
            carried += [c for c in node.responsibility.carried if c not in carried]
            added = [c for c in carried if c not in node.responsibility.implementers]
            if added:
                node.responsibility.implementers += added
                node.responsibility.notes.append(phrase("names-carried", names=added))
    outline.summary = root.body + [p for g in root.groups for p in g.paragraphs]
    split_project_lists(b)
    top: list[Node] = []
    loose: list[Node] = []
    for child in root.children:
        classify(child, False)
        if child.kind == "task":
            loose.append(child)
            continue
        if loose:
            top.append(wrap(b, loose))
            loose = []
        top.append(child)
    if loose:
        top.append(wrap(b, loose))
    outline.chapters = top
    assign_ids(top, "")
    check_end(b)
    return outline

def wrap(b: _Builder, tasks: list[Node]) -> Node:
    """Tasks that stand before or outside any chapter go into a chapter of their own."""
    chapter = Node(title=b.outline.title or "任务", style="wrap", supplied=True, kind="chapter",
                   line=tasks[0].line)
    for task in tasks:
        chapter.add(task)
    return chapter

def supply_first_heading(b: _Builder) -> None:
    """A document whose first top-level heading is numbered 二 lost the heading of its first
    part; the text before it becomes that part, under a supplied heading."""
    root = b.root
    if not root.children:
        return
    top_rank = min(b.rank(c.style) for c in root.children)
    heads = [i for i, c in enumerate(root.children) if b.rank(c.style) == top_rank]
    first = root.children[heads[0]]
    if first.ordinal != 2 or (heads[0] == 0 and not root.body):
        return
    number = first.number
    numeral = re.sub(r"[二2２]", "一" if first.style in ("cn", "paren-cn", "chapter",
                                                     "section", "part") else "1", number, 1)
    supplied = Node(number=numeral, title=NO_TITLE, style=first.style, ordinal=1,
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
    b.outline.warnings.append(problem(
        "import-supplied-heading", b.file, supplied.line, severity="warning",
        found=first.number, expected=numeral))

def split_project_lists(b: _Builder) -> None:
    """A list of projects, such as a year's 为民办实事 (一、新增…；新增…；打造…。二、开办…):
    numbered groups with nothing under them, each naming its projects one after another,
    separated by ；. When no group holds a paragraph, a numbered item or a title of its own, some
    name several projects and most of those count what they will make, each project becomes a
    task of its group, and the group, which the list
    gives no title, a chapter titled （原文无标题）. A project names its own departments
    （区教育局负责）; a statement after the group's last sentence (…30个。（区住建局负责）) is the
    group's, for each project that names none."""
    groups = b.root.children
    if not groups or any(g.children or g.body or g.groups or g.style in ITEM_STYLES
                         for g in groups):
        return
    projects = [[p.strip() for p in PROJECT_SEPARATOR.split(g.content) if p.strip(" 。.")]
                for g in groups]
    listed = [item for items in projects if len(items) > 1 for item in items]
    if 2 * sum(1 for item in listed if QUANTIFIED.search(item)) <= len(listed) or any(
            TITLED.match(g.content) for g in groups):
        return  # measures with titles (加强组织领导：…), not a list of projects
    for group, items in zip(groups, projects):
        shared, group.responsibility = group.responsibility, None
        content = group.content.rstrip()
        if shared is not None and not (content.endswith(shared.phrase) and content[
                :-len(shared.phrase)].rstrip().endswith(("。", ".", "；", ";"))):
            shared = None  # the last project's own
        group.title, group.rest, group.content, group.supplied = NO_TITLE, "", "", True
        tasks = [group.add(Node(style="project", line=group.line)) for _ in items]
        for task, item in zip(tasks, items):
            set_heading(task, item, b.convention)
            if shared is not None and (task.responsibility is None or item.endswith(
                    shared.phrase)):
                # （区住建局负责） after the group's last sentence is the group's
                task.responsibility = shared
    b.outline.warnings.append(problem(
        "import-project-list", b.file, groups[0].line, severity="warning",
        count=sum(map(len, projects)), found=len(groups)))

def close_groups(b: _Builder, node: Node) -> None:
    """Turn paragraph groups closed by responsibility lines into the node's own
    responsibility (one group) or into sub-tasks (several groups)."""
    if not node.groups or node is b.root:
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
        subs.append(group_task(group.paragraphs, group.responsibility, node.line,
                                b.convention))
    node.body = []
    if trailing:
        subs.append(group_task(trailing, None, node.line, b.convention))
        b.outline.warnings.append(problem(
            "import-no-responsibility", b.file, node.line, severity="warning",
            found=trailing[0][:40]))
    for sub in reversed(subs):
        sub.parent = node
        node.children.insert(0, sub)

def check_end(b: _Builder) -> None:
    """Warn when the document seems cut off: a last heading without text, or a last
    paragraph that stops in the middle of a sentence."""
    nodes = list(b.outline.walk())
    if nodes:
        last = nodes[-1]
        if last.kind == "chapter" and not last.children and not last.text_paragraphs():
            b.outline.warnings.append(problem(
                "import-empty-heading", b.file, last.line, severity="warning",
                found=f"{last.number}{last.title}"))
            return
        final = (last.text_paragraphs() or [last.content or last.title])[-1]
    elif b.outline.summary:
        final = b.outline.summary[-1]
    else:
        return
    if not b.last_was_row and not final.rstrip().endswith(CLOSING):
        b.outline.warnings.append(problem(
            "import-truncated", b.file, b.last_line, severity="warning",
            found=final[-20:]))


def group_task(paragraphs: list[str], responsibility: Responsibility | None, line: int,
                convention: Convention) -> Node:
    node = Node(style="group", line=line)
    set_heading(node, paragraphs[0], convention)
    node.body = paragraphs[1:]
    if responsibility is not None:
        node.responsibility = responsibility
    return node


def classify(node: Node, parent_is_task: bool) -> None:
    is_task = (parent_is_task or node.style in ITEM_STYLES or node.responsibility is not None)
    node.kind = "task" if is_task else "chapter"
    for child in node.children:
        classify(child, is_task)


def assign_ids(nodes: list[Node], prefix: str) -> None:
    for position, node in enumerate(nodes, 1):
        node.id = f"{prefix}.{position}" if prefix else str(position)
        assign_ids(node.children, node.id)
