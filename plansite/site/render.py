"""Rendering the site: the build-wide :class:`Site` and the per-page :class:`Renderer`.

A :class:`Site` holds what every page of one build shares: the repository, what the analysis
found in it, the interface language and the compiled templates. A :class:`Renderer` renders for
one page: its links are relative to that page, and a record linked many times on it (a
department named by a hundred tasks) is linked once. The markup is in the templates
(:mod:`plansite.site.templates`); the methods here gather what a template shows (its rows, as
words and links) and hand back :class:`~markupsafe.Markup`. Nothing here knows the engine that
writes the pages.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from plansite.analysis.deadlines import DeadlineGroup
from plansite.analysis.findings import Findings
from plansite.analysis.history import Change
from plansite.analysis.matrix import Pair
from plansite.analysis.status import StatusResult
from plansite.catalogue.labels import translate
from plansite.language.wording import target_words, value_words
from plansite.model import urls
from plansite.model.records import Chapter, Department, Indicator, Plan, Task
from plansite.model.repository import Repository
from plansite.site.chart import indicator_chart
from plansite.site.pages import PAGE_KINDS
from plansite.site.progress import ProgressParts
from plansite.site.portal import MemberSite
from plansite.site import views
from plansite.site.templates import Safe, Templates


class Site:
    """What every page of one build shares: data, findings, language and templates.

    ``overrides`` is the site's folder of template overrides (``overrides/``), or ``templates``
    those compiled already (a served site builds again with the same); ``download_sizes``
    tells the downloads page the size of each file, once the files are made. ``members`` are a
    portal's member sites with their plans and departments (:mod:`plansite.site.portal`).
    """

    def __init__(self, repo: Repository, lang: str = "zh", today: datetime.date | None = None,
                 overrides: Path | None = None, findings: Findings | None = None,
                 members: list[MemberSite] | None = None, templates: Templates | None = None):
        self.repo = repo
        self.members = members or []
        self.lang = lang
        self.findings = findings or Findings(repo, today)
        self.templates = templates or Templates(overrides)
        self.download_sizes: Callable[[], dict[str, int]] = lambda: {}
        self.file_link: Callable[[str, int], str] = lambda file, line: ""
        """The address of a repository file at a line (its edit page), where the site names
        its repository; nothing by default."""
        self._made: dict[str, dict[tuple[str, str], Any]] = {}

    @cached_property
    def fragments(self) -> Fragments:
        """The small fragments (links, labels) as patterns, made once a build."""
        return Fragments(self.templates, self.lang)

    def made(self, page_prefix: str) -> dict[tuple[str, str], Any]:
        """What pages with links of ``page_prefix`` share once made: links, labels, rows.

        Links start with the page's prefix (:func:`plansite.model.urls.prefix`), so every page
        at one depth links to a record alike, and a record is linked or a row made once for all
        of them.
        """
        return self._made.setdefault(page_prefix, {})

    def renderer(self, page_url: str = "") -> Renderer:
        """A renderer whose links are relative to the page at ``page_url``."""
        return Renderer(self, page_url)

    def write_chunks(self, site_dir: Path) -> int:
        """Write the files of rows the pages' filters load on demand (one per plan for the
        indicator list) into ``site_dir``; their links are relative to each file. The number
        written."""
        count = 0
        for kind in PAGE_KINDS.values():
            if kind.chunks is None or kind.chunk is None:
                continue
            for url, args in kind.chunks(self.repo):
                folder = url.rsplit("/", 1)[0] + "/"
                target = site_dir / url
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps(kind.chunk(self.renderer(folder), *args),
                                             ensure_ascii=False, separators=(",", ":")),
                                  encoding="utf-8")
                count += 1
        return count


class Fragments:
    """The macros of ``partials/links.html`` and ``partials/status.html`` as patterns."""

    def __init__(self, templates: Templates, lang: str = "zh"):
        links, status = "partials/links.html", "partials/status.html"

        def labels(*keys: str, **named: str) -> dict[str, str]:
            """The column names a row's cells carry (data-label), in the page's language."""
            return {**{k: translate(k, lang) for k in keys},
                    **{k: translate(v, lang) if v else "" for k, v in named.items()}}

        self.department = templates.fragment(links, "department", "href", "name")
        self.incomplete_department = templates.fragment(
            links, "incomplete_department", "href", "name", "note", "words")
        self.department_item = templates.fragment(links, "department_item", "link", "separator")
        self.nobody = templates.fragment(links, "nobody", "words")
        self.task = templates.fragment(links, "task", "href", "text")
        self.indicator = templates.fragment(links, "indicator", "href", "name")
        self.plan = templates.fragment(links, "plan", "href", "text")
        self.chapter = templates.fragment(links, "chapter", "href", "text")
        self.status = templates.fragment(status, "label", "status", "reason", "words")
        self.type = templates.fragment(status, "type", "type", "words")
        matrix = "partials/matrix.html"
        self.marks_led = templates.fragment(matrix, "marks_led", "words", "led")
        self.marks_cooperated = templates.fragment(matrix, "marks_cooperated", "words",
                                                   "cooperated")
        self.marks_both = templates.fragment(matrix, "marks_both", "words", "led", "cooperated")
        self.marks_none = templates.fragment(matrix, "marks_none", "words")
        self.cell_task = templates.fragment(matrix, "cell_task", "role", "href", "title",
                                            "mark", "words", "id")
        rows = "partials/rows.html"
        self.task_row = {other: templates.fragment(
            rows, "task_row", "plan", "chapter", "link", "others", "deadline",
            others_shown=other is not None,
            labels=labels("plan", "chapter", "task", "deadline", others=other or ""))
            for other in (None, "lead", "cooperating")}
        self.indicator_row = {(show_plan, filters): templates.fragment(
            rows, "indicator_row", "plan", "link", "chapter", "type", "baseline", "target",
            "latest", "status", "departments", "data_plan", "data_type", "data_status",
            "data_departments", show_plan=show_plan, filters=filters,
            labels=labels("plan", "indicator", "chapter", "type", "baseline", "target", "latest",
                          "status", departments="responsible_departments"))
            for show_plan in (True, False) for filters in (True, False)}
        self.deadline_row = {state: templates.fragment(
            rows, "deadline_row", "key", "overdue", "link", "plan", "deadline", "due",
            "state_words", "departments", state=state,
            labels=labels("task", "plan", "deadline", "status", due="due_date",
                          departments="responsible_departments"))
            for state in ("overdue", "due", "")}


class Renderer(ProgressParts):
    """Renders records for the page at ``page_url`` of ``site``."""

    def __init__(self, site: Site, page_url: str = ""):
        self.site = site
        self.repo = site.repo
        self.lang = site.lang
        self.findings = site.findings
        self.page_url = page_url
        self.prefix = urls.prefix(page_url)
        self.f = site.fragments
        self._made = site.made(self.prefix)

    # -- words ------------------------------------------------------------------------------
    def t(self, key: str, **args: object) -> str:
        """An interface string in the page's language (templates escape it)."""
        return translate(key, self.lang, **args)

    def name(self, record: Department | Indicator | Plan | Chapter | Task) -> str:
        """A record's name or title in the interface language, as written when there is none."""
        if self.lang == "en":
            english = getattr(record, "name_en", "") or getattr(record, "title_en", "")
            if english:
                return english
        return getattr(record, "name", "") or getattr(record, "title", "")

    def task_label(self, task: Task) -> str:
        """A task as it is listed: its number as written, then its title."""
        number = f"{task.number} " if task.number else ""
        return f"{number}{self.name(task)}"

    def chapter_label(self, chapter: Chapter) -> str:
        return chapter.number + self.name(chapter)

    def value_words(self, value: float | None, unit: str) -> str:
        return value_words(value, unit, self.lang)

    def target_words(self, ind: Indicator) -> str:
        """An indicator's target in words, with its year."""
        target = ind.target
        if target is None:
            return ""
        words = target_words(target, self.lang)
        if target.year:
            words = translate("with_year", self.lang, words=words, year=target.year)
        return words

    def quantity_words(self, ind: Indicator, which: str) -> str:
        """The baseline or the latest actual of an indicator, with its unit and year."""
        q = ind.baseline if which == "baseline" else ind.latest
        if q is None:
            return ""
        text = self.value_words(q.value, q.unit or ind.unit)
        if q.year:
            text = translate("with_year", self.lang, words=text, year=q.year)
        return text

    def date_words(self, day: datetime.date) -> str:
        return self.t("date", y=day.year, m=day.month, d=day.day)

    # -- links ------------------------------------------------------------------------------
    def href(self, site_url: str) -> str:
        """The link from this page to the site URL ``site_url``."""
        return urls.link(self.prefix, site_url)

    def once(self, kind: str, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, made once for each ``kind`` and ``key`` and every page of this depth."""
        made = self._made.get((kind, key))
        if made is None:
            made = self._made[(kind, key)] = make()
        return made

    def department_link(self, dept_id: str) -> Markup:
        def make() -> Markup:
            dept = self.repo.departments[dept_id]
            href = self.href(urls.department_url(dept.id))
            if dept.incomplete:
                return self.f.incomplete_department(
                    href=href, name=self.name(dept), note=self.t("incomplete_note"),
                    words=self.t("in_parentheses", words=self.t("incomplete_name")))
            return self.f.department(href=href, name=self.name(dept))
        return self.once("department", dept_id, make)

    def departments_links(self, ids: Iterable[str]) -> Markup:
        """Department links in a row, each with its separator but the last."""
        ids = list(ids)
        if not ids:
            return self.once("none", "", lambda: self.f.nobody(words=self.t("none")))
        last = len(ids) - 1
        sep = self.t("list_separator")
        return Safe("".join([
            self.once("item" if i < last else "last", dept_id, lambda: self.f.department_item(
                link=self.department_link(dept_id), separator=sep if i < last else ""))
            for i, dept_id in enumerate(ids)]))

    def implementer(self, word: str) -> Markup:
        """A collective implementer (各乡镇办场区园): a link when the registry lists it."""
        group = self.repo.index.group_implementers.get(word)
        return self.department_link(group) if group else Markup.escape(word)

    def task_link(self, key: str, text: str | None = None) -> Markup:
        task = self.repo.task(key)
        words = self.name(task) if text is None else text
        return self.once("task", f"{key}\x00{words}", lambda: self.f.task(
            href=self.href(self.repo.task_url(task)), text=words))

    def indicator_link(self, ind_id: str) -> Markup:
        return self.once("indicator", ind_id, lambda: self.f.indicator(
            href=self.href(urls.indicator_url(ind_id)),
            name=self.name(self.repo.indicators[ind_id])))

    def plan_link(self, plan_id: str, short: bool = False) -> Markup:
        """A link to a plan; ``short`` uses its short title (for table cells) when it has one."""
        def make() -> Markup:
            plan = self.repo.plans[plan_id]
            text = self.name(plan)
            if short and plan.short_title and not (self.lang == "en" and plan.title_en):
                text = plan.short_title
            return self.f.plan(href=self.href(urls.plan_url(plan.id)), text=text)
        return self.once("plan-short" if short else "plan", plan_id, make)

    def chapter_link(self, chapter: Chapter) -> Markup:
        return self.once("chapter", f"{chapter.plan}:{chapter.id}", lambda: self.f.chapter(
            href=self.href(self.repo.chapter_url(chapter)), text=self.chapter_label(chapter)))

    # -- statuses ---------------------------------------------------------------------------
    def status(self, ind_id: str) -> StatusResult:
        return self.findings.statuses[ind_id]

    def status_label(self, ind_id: str) -> Markup:
        """The computed status of an indicator as text with a mark (never colour alone)."""
        result = self.status(ind_id)
        return self.once("status", ind_id, lambda: self.f.status(
            status=result.status, reason=result.reason(self.lang), words=result.label(self.lang)))

    def type_label(self, ind: Indicator) -> Markup:
        """An indicator's type (约束性, 预期性, 监测) as a labelled mark."""
        return self.once("type", ind.type, lambda: self.f.type(
            type=ind.type, words=self.t("type_" + ind.type)))

    def status_counts(self, indicator_ids: list[str]) -> Markup:
        """How many indicators have each status (zero counts left out)."""
        if not indicator_ids:
            return Markup()
        counts = self.findings.status_counts(indicator_ids)
        return Safe(self.site.templates.macros("partials/status.html").counts(
            self, [(s, n) for s, n in counts.items() if n]))

    # -- fragments --------------------------------------------------------------------------
    def fragment(self, name: str, **context: Any) -> Markup:
        """The template ``plansite/<name>`` rendered for this page."""
        return self.site.templates.render(name, r=self, **context)

    def indicator_table(self, indicators: list[Indicator], caption: str | None = None,
                        show_plan: bool = True, filters: bool = False,
                        among: list[Indicator] | None = None) -> Markup:
        """Indicators with type, chapter, baseline, target, latest actual, status, departments.

        With ``filters`` every row carries its plan, type, status and departments as data
        attributes for the filter form; without JavaScript the table is simply complete.
        ``among``: the whole list of which the table shows a page; the filter loads the rows of
        the plans it needs (:func:`plansite.model.urls.indicator_rows_url`).
        """
        listed = indicators if among is None else among
        paged = filters and len(listed) > len(indicators)
        return self.fragment("indicator-table.html",
                             rows=views.indicator_rows(self, indicators, show_plan, filters),
                             caption=caption or self.t("indicators"), show_plan=show_plan,
                             filters=filters, total=len(listed),
                             **views.indicator_filter(self, listed, paged) if filters else {})

    def task_table(self, keys: list[str], caption: str, other_role: str | None = None) -> Markup:
        """Tasks with their plan, chapter, lead or co-operating departments and deadline."""
        return self.fragment("task-table.html", rows=views.task_rows(self, keys, other_role),
                             caption=caption, other_role=other_role)

    def plan_list(self) -> Markup:
        return self.fragment("plan-list.html", plans=list(self.repo.plans.values()))

    def breadcrumb(self, items: list[tuple[str, str | None]], landmark: bool = True) -> Markup:
        """Where a record sits, each step a link (a step without a URL is the current page).
        One landmark a page: the per-task trails of a plan page are not landmarks."""
        return self.fragment("partials/breadcrumb.html", items=items, landmark=landmark)

    def task_breadcrumb(self, task: Task) -> Markup:
        """The plan and chapters above a task: plan › chapter › section."""
        plan = self.repo.plans[task.plan]
        items: list[tuple[str, str | None]] = [(self.name(plan), urls.plan_url(plan.id))]
        for chapter_id in self.repo.index.task_chapters[task.key]:
            chapter = self.repo.index.chapters[f"{plan.id}:{chapter_id}"]
            items.append((self.chapter_label(chapter), self.repo.chapter_url(chapter)))
        return self.breadcrumb(items, landmark=False)

    def last_changed(self, record_key: str) -> Markup:
        """The line that says when the record (``task:<plan>:<id>``, ...) last changed."""
        revision = self.findings.history.last_change(record_key)
        if revision is None:
            return Markup()
        return self.fragment("partials/last-changed.html", revision=revision)

    def chart(self, ind: Indicator) -> Markup:
        """The indicator's SVG chart, or nothing when there is nothing to draw."""
        plan = self.repo.plans[ind.plan]
        return Safe(indicator_chart(ind, plan.period_start, plan.period_end, self.lang,
                                      self.site.templates))

    def deadline_groups(self, groups: list[DeadlineGroup], level: int) -> Markup:
        """Tasks by deadline quarter, overdue ones marked in words, each with its departments."""
        return self.fragment("deadline-groups.html", level=level,
                             groups=[(g, views.deadline_rows(self, g)) for g in groups])

    def matrix_table(self, plan_id: str, rows: slice = slice(None)) -> Markup:
        """One plan's department × chapter table (its ``rows``), by total, with its CSV link."""
        return self.fragment("matrix-table.html", plan=self.repo.plans[plan_id],
                             view=views.matrix_view(self, plan_id, rows))

    def pairs_table(self, plan_id: str, pairs: list[Pair] | None = None) -> Markup:
        """Who works with whom in a plan: ``pairs`` (all) of departments sharing tasks."""
        rows = views.pair_rows(self, plan_id, pairs)
        return self.fragment("pairs-table.html", plan=self.repo.plans[plan_id], pairs=rows)

    def task_block(self, task: Task, level: int) -> Markup:
        """A task on its plan page, with its sub-tasks."""
        return self.fragment("task.html", task=task, level=level, facts=views.task_facts(
            self, task), reported=bool(self.repo.plans[task.plan].reports))

    def chapter_block(self, chapter: Chapter, level: int, sections: bool = True) -> Markup:
        """A chapter on its plan page: its text, indicators' statuses, tasks and sections."""
        indicators = self.repo.index.chapter_indicators.get(f"{chapter.plan}:{chapter.id}", [])
        return self.fragment("chapter.html", chapter=chapter, level=level, sections=sections,
                             indicators=indicators)

    def change_record(self, change: Change) -> Markup:
        """A link to the changed record when it still exists, else its name as it was."""
        if change.record.startswith("indicator:") and change.record_id in self.repo.indicators:
            return self.indicator_link(change.record_id)
        key = f"{change.plan}:{change.record_id}"
        if change.record.startswith("task:") and key in self.repo.tasks:
            return self.task_link(key, self.task_label(self.repo.task(key)))
        return Markup.escape(change.label)

    # -- pages ------------------------------------------------------------------------------
    def page(self, kind: str, *args: str, number: int = 1) -> Markup:
        """The content of a page of ``kind`` (see :mod:`plansite.site.pages`) for ``args``;
        ``number`` is the page of a long list it shows."""
        page_kind = PAGE_KINDS[kind]
        paged = {} if page_kind.paging is None else {
            "pager": page_kind.pager(self.repo, args, number)}
        return self.fragment(page_kind.template, **page_kind.context(self, *args, **paged))
