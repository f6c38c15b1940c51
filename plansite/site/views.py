"""What the site's tables show, gathered for one page: rows of words and links, ready for the
templates to lay out.

A template that lists thousands of rows prints prepared values; the links and words in them are
made here through the page's :class:`~plansite.site.render.Renderer` (relative to its page, each
record linked once). A site that overrides a table's template gets these rows.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from plansite.site.templates import Safe

from plansite.analysis.deadlines import DeadlineGroup
from plansite.analysis.matrix import Cell, Pair
from plansite.analysis.status import STATUSES
from plansite.model import urls
from plansite.model.records import Chapter, Indicator, Task

if TYPE_CHECKING:
    from plansite.site.render import Renderer


@dataclass(frozen=True)
class TaskRow:
    """A task as a row of a task table: its plan, chapter, itself, the departments of the other
    role (co-operating where the table lists what a department leads) and its deadline."""

    task: Task
    plan: Markup
    chapter: Markup
    link: Markup
    others: Markup | None
    deadline: str
    html: Markup


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator as a row of an indicator table, each cell in words or links."""

    indicator: Indicator
    plan: Markup
    link: Markup
    chapter: Markup
    type: Markup
    baseline: str
    target: str
    latest: str
    status: Markup
    status_id: str
    departments: Markup
    department_ids: tuple[str, ...]
    html: Markup


@dataclass(frozen=True)
class MatrixCell:
    """A cell of the matrix as shown: its column, counts, marks and links to its tasks."""

    column: str
    led: int
    cooperated: int
    sort: int
    marks: Markup
    tasks: Markup


@dataclass(frozen=True)
class MatrixLine:
    """A department's row of the matrix: its link, its cells, and its total."""

    id: str
    name: str
    link: Markup
    cells: list[MatrixCell]
    total: MatrixCell


@dataclass(frozen=True)
class MatrixView:
    """A plan's matrix as shown: its caption, chapter columns, rows and column totals."""

    caption: str
    columns: list[Any]
    rows: list[MatrixLine]
    totals: list[MatrixCell]


@dataclass(frozen=True)
class DeadlineRow:
    """A task in a deadline group: its link, plan, deadline as written, due date, whether it is
    overdue (None when the deadline names no date) and its departments."""

    key: str
    link: Markup
    plan: Markup
    deadline: str
    due: str
    overdue: bool | None
    departments: Markup
    html: Markup


def chapter_of(r: Renderer, ind: Indicator) -> Chapter | None:
    """The chapter an indicator belongs to: its own, else that of its first task."""
    if ind.chapter:
        return r.repo.chapter(ind.plan, ind.chapter)
    keys = r.repo.index.indicator_tasks[ind.id]
    return r.repo.chapter(ind.plan, r.repo.task(keys[0]).chapter) if keys else None


def indicator_rows(r: Renderer, indicators: Iterable[Indicator], show_plan: bool = True,
                   filters: bool = False) -> list[IndicatorRow]:
    """Each indicator with its plan, chapter, type, values, status and departments; its row
    shows the plan when ``show_plan`` and carries the filters' data when ``filters``."""
    kind = f"indicator-row:{show_plan}:{filters}"
    return [r.once(kind, ind.id, lambda: indicator_row(r, ind, show_plan, filters))
            for ind in indicators]


def indicator_row(r: Renderer, ind: Indicator, show_plan: bool, filters: bool) -> IndicatorRow:
    chapter = chapter_of(r, ind)
    owners = r.repo.index.indicator_departments[ind.id]
    status = r.status(ind.id).status
    cells = {"plan": r.plan_link(ind.plan, short=True), "link": r.indicator_link(ind.id),
             "chapter": r.chapter_link(chapter) if chapter else Markup(),
             "type": r.type_label(ind), "baseline": r.quantity_words(ind, "baseline"),
             "target": r.target_words(ind), "latest": r.quantity_words(ind, "latest"),
             "status": r.status_label(ind.id), "departments": r.departments_links(owners)}
    html = r.f.indicator_row[(show_plan, filters)](
        **cells, data_plan=ind.plan, data_type=ind.type, data_status=status,
        data_departments=" ".join(owners))
    return IndicatorRow(ind, status_id=status, department_ids=owners, html=html, **cells)


LOADED_CHOICES = ("plan", "departments")
"""The filter's choices that grow with the site: a paged list loads them from a file
(:func:`plansite.model.urls.indicator_choices_url`) instead of printing them on every page."""


def filter_choices(r: Renderer, indicators: list[Indicator]
                   ) -> dict[str, list[tuple[str, str, str]]]:
    """What the indicator filter offers, by field: each value, its words and, for a
    department, the plans it has indicators in (whose rows a long list loads to filter)."""
    owners: dict[str, dict[str, None]] = {}
    for ind in indicators:
        for dept in r.repo.index.indicator_departments[ind.id]:
            owners.setdefault(dept, {})[ind.plan] = None
    return {
        "plan": [(p, r.name(r.repo.plans[p]), "")
                 for p in dict.fromkeys(i.plan for i in indicators)],
        "type": [(k, r.t("type_" + k), "") for k in ("binding", "expected", "monitoring")],
        "status": [(k, r.t("status_" + k), "") for k in STATUSES],
        "departments": [(d, r.name(r.repo.departments[d]), " ".join(plans))
                        for d, plans in owners.items()],
    }


def indicator_filter(r: Renderer, listed: list[Indicator], paged: bool) -> dict[str, Any]:
    """The filter form's choices; for a list of many pages, where its rows (``chunks``) and
    its plans and departments (``choices_file``) are loaded from."""
    if not paged:
        return {"choices": filter_choices(r, listed), "chunks": None, "choices_file": None}
    # the plans and departments come from the file: of the whole list, only the fixed choices
    # (gathering the rest again for each of its pages would be work thrown away)
    return {"choices": filter_choices(r, []),
            "chunks": r.href(urls.indicator_rows_url("")[:-len(".json")]),
            "choices_file": r.href(urls.indicator_choices_url())}


def task_rows(r: Renderer, keys: Iterable[str], other_role: str | None = None) -> list[TaskRow]:
    """Each task with its plan, chapter, the other role's departments and its deadline."""
    return [r.once(f"task-row:{other_role}", key, lambda: task_row(r, key, other_role))
            for key in keys]


def task_row(r: Renderer, key: str, other_role: str | None) -> TaskRow:
    task = r.repo.task(key)
    cells = {"plan": r.plan_link(task.plan, short=True),
             "chapter": r.chapter_link(r.repo.chapter(task.plan, task.chapter)),
             "link": r.task_link(key, r.task_label(task)),
             "others": r.departments_links(getattr(task, other_role)) if other_role else None,
             "deadline": task.deadline.phrase if task.deadline else ""}
    html = r.f.task_row[other_role](**{**cells, "others": cells["others"] or ""})
    return TaskRow(task, html=html, **cells)


def marks(r: Renderer, led: int, cooperated: int) -> Markup:
    """Lead and co-operating counts with their marks (● lead, ○ co-operate)."""
    words = r.t("matrix_cell", led=led, coop=cooperated)
    if led and cooperated:
        return r.f.marks_both(words=words, led=led, cooperated=cooperated)
    if led:
        return r.f.marks_led(words=words, led=led)
    if cooperated:
        return r.f.marks_cooperated(words=words, cooperated=cooperated)
    return r.f.marks_none(words=words)


def matrix_view(r: Renderer, plan_id: str, shown: slice = slice(None)) -> MatrixView:
    """A plan's matrix with its counts, marks and task links, ready to show: the department
    rows ``shown`` (a page of them), the column totals of all."""
    matrix = r.findings.matrix(plan_id)
    plan = r.repo.plans[plan_id]
    roles = (("lead", "●", r.t("count_led")), ("cooperating", "○", r.t("count_cooperated")))
    progress = r.findings.progress.tasks

    def items(cell: Cell) -> Markup:
        out = []
        for (role, mark, words), keys in zip(roles, (cell.led, cell.cooperated)):
            for key in keys:
                task = r.repo.task(key)
                title = r.task_label(task)
                if plan.reports:  # the reported status, in the task's tooltip
                    title += r.t("with_status", status=r.t(
                        "report_status_" + progress[key].status))
                out.append(r.f.cell_task(role=role, href=r.href(r.repo.task_url(task)),
                                         title=title, mark=mark, words=words, id=task.id))
        return Safe("".join(out))

    lines = []
    for row in matrix.rows[shown]:
        dept = r.repo.departments[row.department]
        cells = [MatrixCell(column.id, len(cell.led), len(cell.cooperated), cell.total,
                            marks(r, len(cell.led), len(cell.cooperated)), items(cell))
                 for column, cell in zip(matrix.columns, row.cells)]
        lines.append(MatrixLine(dept.id, r.name(dept), r.department_link(dept.id), cells,
                                MatrixCell("total", row.led, row.cooperated, row.total,
                                           marks(r, row.led, row.cooperated), Markup())))
    totals = []
    for i, column in enumerate(matrix.columns):
        total = matrix.column_total(i)
        totals.append(MatrixCell(column.id, len(total.led), len(total.cooperated), 0,
                                 marks(r, len(total.led), len(total.cooperated)), Markup()))
    led = sum(line.led for line in matrix.rows)
    cooperated = sum(line.cooperated for line in matrix.rows)
    totals.append(MatrixCell("total", led, cooperated, 0, marks(r, led, cooperated),
                             Markup()))
    columns = [{"id": c.id, "link": r.chapter_link(c), "label": r.chapter_label(c)}
               for c in matrix.columns]
    return MatrixView(r.t("matrix_of", plan=r.name(plan)), columns, lines, totals)


def deadline_rows(r: Renderer, group: DeadlineGroup) -> list[DeadlineRow]:
    """Each task of a deadline group with its link, plan, due date and departments."""
    words = {"overdue": r.t("overdue"), "due": r.t("due"), "": ""}
    rows = []
    for entry in group.tasks:
        task = r.repo.task(entry.key)
        overdue = None if entry.due is None else entry.overdue
        link = r.task_link(entry.key, r.task_label(task))
        if r.repo.plans[task.plan].reports:
            # a plan that reports: a task done, changed or dropped is no longer overdue
            if overdue:
                overdue = r.findings.progress.tasks[entry.key].overdue
            link = Safe(link + Markup(" ") + r.progress_label(entry.key))
        state = "" if overdue is None else "overdue" if overdue else "due"
        cells = {"link": link,
                 "plan": r.plan_link(task.plan), "deadline": entry.deadline.phrase,
                 "due": r.date_words(entry.due) if entry.due else "",
                 "departments": r.departments_links(task.departments)}
        html = r.f.deadline_row[state](**cells, key=entry.key, state_words=words[state],
                                       overdue="true" if overdue else "false")
        rows.append(DeadlineRow(entry.key, overdue=overdue, html=html, **cells))
    return rows


def task_facts(r: Renderer, task: Task) -> list[tuple[str, Any]]:
    """What a task's block on its plan page says of it: who leads and co-operates, who
    implements it, the indicators it serves, its deadline and progress."""
    sep = html.escape(r.t("list_separator"))
    facts: list[tuple[str, Any]] = []
    if task.lead:
        facts.append((r.t("lead"), r.departments_links(task.lead)))
    if task.cooperating:
        facts.append((r.t("cooperating"), r.departments_links(task.cooperating)))
    if task.implementers:
        facts.append((r.t("implementers"), Safe(sep.join(
            [r.implementer(word) for word in task.implementers]))))
    if task.indicators:
        facts.append((r.t("indicators"), Safe(sep.join(
            [r.indicator_link(ind) for ind in task.indicators]))))
    if task.deadline:
        facts.append((r.t("deadline"), task.deadline.phrase))
    if task.progress:
        facts.append((r.t("progress"), task.progress))
    return facts


def pair_rows(r: Renderer, plan_id: str, pairs: Iterable[Pair] | None = None
              ) -> list[tuple[Pair, Markup]]:
    """Each pair of departments sharing tasks in a plan (or each of ``pairs``), with links to
    the tasks."""
    sep = html.escape(r.t("list_separator"))
    return [(pair, Safe(sep.join([r.task_link(key, r.repo.task(key).id) for key in pair.tasks])))
            for pair in (r.findings.pairs(plan_id) if pairs is None else pairs)]
