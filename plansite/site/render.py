"""HTML fragments of the site: links, tables, task blocks and whole record pages.

Every value that comes from data is escaped here (names, titles, phrases) or passed through
:func:`plansite.text.markdown_html` (task and chapter texts). The fragments are compact, without
blank lines, so Markdown keeps them as one raw HTML block. Links are relative to the page that
shows them. Nothing here knows MkDocs: the adapter passes the page URL and the language.
"""

from __future__ import annotations

import datetime
import html

from plansite.site import urls
from plansite.analysis.deadlines import DeadlineGroup, build_date, repository_deadlines
from plansite.analysis.history import Change, History, history_of
from plansite.catalogue.labels import translate
from plansite.analysis.matrix import compute_matrix, matrix_csv_name, shared_tasks
from plansite.model.records import Chapter, Department, Indicator, Plan, Task
from plansite.model.repository import Repository
from plansite.site.text import markdown_html, plain
from plansite.language.wording import target_words, value_words


_DATA_FILES = {"departments": "data/departments.yml", "plan": "data/plans/<plan>/plan.yml",
               "tasks": "data/plans/<plan>/tasks.yml",
               "indicators": "data/plans/<plan>/indicators.yml"}
"""The data file each schema describes, by kind."""


def _size_words(size: int) -> str:
    """A file size for readers: 512 B, 3.4 KB, 1.2 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


HOME_BINDING_ROWS = 30
"""The home page lists the binding indicators one by one up to this many."""


class Renderer:
    """Renders records of ``repo`` for the page at ``page_url`` in interface language ``lang``."""

    def __init__(self, repo: Repository, page_url: str = "", lang: str = "zh"):
        self.repo = repo
        self.page_url = page_url
        self.lang = lang
        self._department_links: dict[str, str] = {}

    # -- words and links ----------------------------------------------------------------------
    def t(self, key: str, **args: object) -> str:
        return html.escape(translate(key, self.lang, **args))

    def href(self, site_url: str) -> str:
        return html.escape(urls.relative(self.page_url, site_url), quote=True)

    def name_of(self, record: Department | Indicator) -> str:
        if self.lang == "en" and record.name_en:
            return record.name_en
        return record.name

    def title_of(self, record: Task | Chapter | Plan) -> str:
        if self.lang == "en" and record.title_en:
            return record.title_en
        return record.title

    def department_link(self, dept_id: str) -> str:
        # a department is linked from many tasks of one page: its link is made once a page
        link = self._department_links.get(dept_id)
        if link is None:
            link = self._department_links[dept_id] = self._department_link(dept_id)
        return link

    def _department_link(self, dept_id: str) -> str:
        dept = self.repo.departments[dept_id]
        mark = ""
        if dept.incomplete:
            mark = (f'<span class="ps-incomplete" title="{self.t("incomplete_note")}">'
                    f'{self.t("in_parentheses", words=translate("incomplete_name", self.lang))}'
                    "</span>")
        return (f'<a class="ps-dept" href="{self.href(urls.department_url(dept.id))}">'
                f"{plain(self.name_of(dept))}</a>{mark}")

    def departments_links(self, ids: tuple[str, ...] | list[str]) -> str:
        if not ids:
            return f'<span class="ps-none">{self.t("none")}</span>'
        # each name keeps its separator: a line may break between names, never before a 、
        sep = self.t("list_separator")
        last = len(ids) - 1
        return "".join(f'<span class="ps-item">{self.department_link(d)}{sep if i < last else ""}'
                       "</span>" for i, d in enumerate(ids))

    def implementer(self, word: str) -> str:
        group = self.repo.index.group_implementers.get(word)
        return self.department_link(group) if group else plain(word)

    def task_label(self, task: Task) -> str:
        number = f"{task.number} " if task.number else ""
        return f"{number}{self.title_of(task)}"

    def task_link(self, key: str, text: str | None = None) -> str:
        task = self.repo.task(key)
        return (f'<a class="ps-task-link" href="{self.href(urls.task_url(task))}">'
                f"{plain(text if text is not None else self.title_of(task))}</a>")

    def indicator_link(self, ind_id: str) -> str:
        ind = self.repo.indicators[ind_id]
        return (f'<a class="ps-indicator-link" href="{self.href(urls.indicator_url(ind.id))}">'
                f"{plain(self.name_of(ind))}</a>")

    def plan_link(self, plan_id: str, short: bool = False) -> str:
        """A link to a plan; ``short`` uses its short title (for table cells) when it has one."""
        plan = self.repo.plans[plan_id]
        text = self.title_of(plan)
        if short and plan.short_title and not (self.lang == "en" and plan.title_en):
            text = plan.short_title
        return f'<a href="{self.href(urls.plan_url(plan.id))}">{plain(text)}</a>'

    def chapter_link(self, chapter: Chapter) -> str:
        label = f"{chapter.number}{self.title_of(chapter)}"
        return f'<a href="{self.href(urls.chapter_url(chapter))}">{plain(label)}</a>'

    # -- indicator words ----------------------------------------------------------------------
    def type_label(self, ind: Indicator) -> str:
        return (f'<span class="ps-type ps-type-{ind.type}">'
                f'{self.t("type_" + ind.type)}</span>')

    def target_words(self, ind: Indicator) -> str:
        target = ind.target
        if target is None:
            return ""
        words = target_words(target, self.lang)
        if target.year:
            words = translate("with_year", self.lang, words=words, year=target.year)
        return plain(words)

    def quantity_words(self, ind: Indicator, which: str) -> str:
        q = ind.baseline if which == "baseline" else ind.latest
        if q is None:
            return ""
        text = self.value_words(q.value, q.unit or ind.unit)
        if q.year:
            text = translate("with_year", self.lang, words=text, year=q.year)
        return plain(text)

    def status_label(self, ind_id: str) -> str:
        """The computed status of an indicator as text with a mark (never colour alone)."""
        result = self.repo.statuses[ind_id]
        return (f'<span class="ps-status ps-status-{result.status}" '
                f'title="{html.escape(result.reason(self.lang), quote=True)}">'
                f"{html.escape(result.label(self.lang))}</span>")

    def status_counts(self, indicator_ids: list[str]) -> str:
        """How many indicators have each status, as a labelled list (zero counts omitted)."""
        if not indicator_ids:
            return ""
        counts = self.repo.status_counts(indicator_ids)
        items = "".join(
            f'<li><span class="ps-status ps-status-{status}">'
            f'{self.t("status_" + status)}</span> {n}</li>'
            for status, n in counts.items() if n)
        return (f'<ul class="ps-status-counts" aria-label="{self.t("status_counts")}">'
                f'<li class="ps-label">{self.t("status_counts_label")}</li>{items}</ul>')

    # -- tables -------------------------------------------------------------------------------
    def table(self, caption: str, head: list[str], rows: list[list[str]],
              classes: str = "", row_attrs: list[dict[str, str]] | None = None) -> str:
        """A table that scrolls inside its own focusable box on a narrow screen."""
        ths = "".join(f'<th scope="col">{h}</th>' for h in head)

        def tr(i: int) -> str:
            if not row_attrs:
                return "<tr>"
            return "<tr " + " ".join(f'data-{k}="{html.escape(v, quote=True)}"'
                                     for k, v in row_attrs[i].items()) + ">"

        body = "".join(tr(i) + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                       for i, row in enumerate(rows))
        return (f'<div class="ps-scroll" role="region" tabindex="0" '
                f'aria-label="{caption}">'
                f'<table class="ps-table {classes}"><caption>{caption}</caption>'
                f"<thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table></div>")

    def chapter_of(self, ind: Indicator) -> Chapter | None:
        """The chapter an indicator belongs to: its own, else that of its first task."""
        if ind.chapter:
            return self.repo.chapter(ind.plan, ind.chapter)
        keys = self.repo.index.indicator_tasks[ind.id]
        return self.repo.chapter(ind.plan, self.repo.task(keys[0]).chapter) if keys else None

    def indicator_table(self, indicators: list[Indicator], caption: str | None = None,
                        show_plan: bool = True, filters: bool = False) -> str:
        """Indicators with type, chapter, baseline, target, latest actual, status, departments.

        With ``filters`` every row carries its plan, type, status and departments as data
        attributes for the filter form; without JavaScript the table is simply complete.
        """
        if not indicators:
            return f'<p class="ps-empty">{self.t("no_indicators")}</p>'
        head = [self.t("indicator"), self.t("chapter"), self.t("type"), self.t("baseline"),
                self.t("target"), self.t("latest"), self.t("status"),
                self.t("responsible_departments")]
        if show_plan:
            head.insert(0, self.t("plan"))
        rows, attrs = [], []
        for ind in indicators:
            chapter = self.chapter_of(ind)
            owners = self.repo.index.indicator_departments[ind.id]
            row = [self.indicator_link(ind.id), self.chapter_link(chapter) if chapter else "",
                   self.type_label(ind), self.quantity_words(ind, "baseline"),
                   self.target_words(ind), self.quantity_words(ind, "latest"),
                   self.status_label(ind.id), self.departments_links(owners)]
            if show_plan:
                row.insert(0, self.plan_link(ind.plan, short=True))
            rows.append(row)
            attrs.append({"plan": ind.plan, "type": ind.type,
                          "status": self.repo.statuses[ind.id].status,
                          "departments": " ".join(owners)})
        table = self.table(caption or self.t("indicators"), head, rows, "ps-indicators",
                           row_attrs=attrs if filters else None)
        if not filters:
            return table
        return self.indicator_filters(indicators) + table

    def indicator_filters(self, indicators: list[Indicator]) -> str:
        """A filter form (plan, type, status, department) used by docs/assets/plansite.js."""
        def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
            opts = f'<option value="">{self.t("all")}</option>' + "".join(
                f'<option value="{html.escape(v, quote=True)}">{html.escape(text)}</option>'
                for v, text in options)
            return (f'<label>{label}<select name="{name}" data-ps-filter="{name}">{opts}'
                    f"</select></label>")

        from plansite.analysis.status import STATUSES

        plans = list(dict.fromkeys(i.plan for i in indicators))
        owners = list(dict.fromkeys(d for i in indicators
                                    for d in self.repo.index.indicator_departments[i.id]))
        counter = html.escape(translate("filter_shown", self.lang, shown="{shown}",
                                        total="{total}"), quote=True)
        return (f'<form class="ps-filters" data-ps-filters data-count="{counter}" hidden>'
                + select("plan", self.t("plan"), [(p, self.title_of(self.repo.plans[p]))
                                                  for p in plans])
                + select("type", self.t("type"), [(k, translate("type_" + k, self.lang))
                                                  for k in ("binding", "expected", "monitoring")])
                + select("status", self.t("status"), [
                    (k, translate("status_" + k, self.lang)) for k in STATUSES])
                + select("departments", self.t("department"), [
                    (d, self.name_of(self.repo.departments[d])) for d in owners])
                + f'<output class="ps-filter-count" aria-live="polite"></output></form>')

    def task_table(self, keys: list[str], caption: str, other_role: str | None = None) -> str:
        """Tasks with their plan, lead or co-operating departments and deadline."""
        if not keys:
            return f'<p class="ps-empty">{self.t("no_tasks")}</p>'
        head = [self.t("plan"), self.t("chapter"), self.t("task")]
        if other_role:
            head.append(self.t(other_role))
        head.append(self.t("deadline"))
        rows = []
        for key in keys:
            task = self.repo.task(key)
            row = [self.plan_link(task.plan, short=True),
                   self.chapter_link(self.repo.chapter(task.plan, task.chapter)),
                   self.task_link(key, self.task_label(task))]
            if other_role:
                row.append(self.departments_links(getattr(task, other_role)))
            row.append(plain(task.deadline.phrase) if task.deadline else "")
            rows.append(row)
        return self.table(caption, head, rows, "ps-tasks")

    # -- plan page ----------------------------------------------------------------------------
    def task_block(self, task: Task, level: int) -> str:
        h = min(level, 6)
        parts = [f'<section class="ps-task">'
                 f'<h{h} id="{task.anchor}">{plain(self.task_label(task))}'
                 f'<a class="headerlink" href="#{task.anchor}" '
                 f'title="{self.t("permalink")}">¶</a></h{h}>', self.task_breadcrumb(task)]
        body = markdown_html(task.text)
        if body and task.text.strip() != task.title.strip():
            parts.append(f'<div class="ps-text">{body}</div>')
        facts = []
        if task.lead:
            facts.append((self.t("lead"), self.departments_links(task.lead)))
        if task.cooperating:
            facts.append((self.t("cooperating"), self.departments_links(task.cooperating)))
        if task.implementers:
            facts.append((self.t("implementers"),
                          self.t("list_separator").join(
                              self.implementer(w) for w in task.implementers)))
        if task.indicators:
            facts.append((self.t("indicators"),
                          self.t("list_separator").join(
                              self.indicator_link(i) for i in task.indicators)))
        if task.deadline:
            facts.append((self.t("deadline"), plain(task.deadline.phrase)))
        if task.progress:
            facts.append((self.t("progress"), plain(task.progress)))
        if task.responsibility:
            facts.append((self.t("responsibility"),
                          f'<span class="ps-phrase">{plain(task.responsibility)}</span>'))
        if facts:
            parts.append('<dl class="ps-facts">' + "".join(
                f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
        parts.append(self.last_changed(f"task:{task.key}"))
        parts.extend(self.task_block(sub, level + 1) for sub in task.tasks)
        parts.append("</section>")
        return "".join(parts)

    def chapter_block(self, chapter: Chapter, level: int) -> str:
        h = min(level, 6)
        parts = [f'<section class="ps-chapter">'
                 f'<h{h} id="{chapter.anchor}">{plain(chapter.number + self.title_of(chapter))}'
                 f'<a class="headerlink" href="#{chapter.anchor}">¶</a></h{h}>']
        body = markdown_html(chapter.text)
        if body:
            parts.append(f'<div class="ps-text">{body}</div>')
        parts.append(self.status_counts(self.chapter_indicators(chapter)))
        parts.extend(self.task_block(t, level + 1) for t in chapter.tasks)
        parts.extend(self.chapter_block(c, level + 1) for c in chapter.chapters)
        parts.append("</section>")
        return "".join(parts)

    def chapter_indicators(self, chapter: Chapter) -> list[str]:
        """Indicators of a chapter and its sections: placed there or served by their tasks."""
        return self.repo.index.chapter_indicators.get(f"{chapter.plan}:{chapter.id}", [])

    def toc(self, chapters: list[Chapter]) -> str:
        if not chapters:
            return ""
        items = "".join(f"<li>{self.chapter_link(c)}{self.toc(c.chapters)}</li>"
                        for c in chapters)
        return f"<ul>{items}</ul>"

    def plan_meta(self, plan: Plan) -> str:
        facts = [(self.t("issuer"), plan.issuer), (self.t("level"), plan.level),
                 (self.t("period"), plan.period), (self.t("source_document"),
                                                   plan.source_document),
                 (self.t("note"), plan.note)]
        return '<dl class="ps-facts">' + "".join(
            f"<dt>{k}</dt><dd>{plain(str(v))}</dd>" for k, v in facts if v) + "</dl>"

    def plan_page(self, plan_id: str) -> str:
        plan = self.repo.plans[plan_id]
        tasks = plan.walk_tasks()
        parts = [f"<h1>{plain(self.title_of(plan))}</h1>", self.plan_meta(plan),
                 f'<p class="ps-counts">{self.t("summary_counts", chapters=len(plan.walk_chapters()), tasks=len(tasks), indicators=len(plan.indicators))}</p>',
                 f'<p><a href="{self.href(urls.matrix_url(plan.id))}">'
                 f'{self.t("matrix_of_this_plan")}</a></p>']
        summary = markdown_html(plan.summary)
        if summary:
            parts.append(f'<div class="ps-text">{summary}</div>')
        parts.append(f'<nav class="ps-toc" aria-label="{self.t("chapters")}">'
                     f'<h2 id="contents">{self.t("chapters")}</h2>{self.toc(plan.chapters)}</nav>')
        if plan.indicators:
            parts.append(f'<h2 id="indicators">{self.t("indicators")}</h2>')
            parts.append(self.status_counts([i.id for i in plan.indicators]))
            parts.append(self.indicator_table(plan.indicators, show_plan=False))
        parts.extend(self.chapter_block(c, 2) for c in plan.chapters)
        return "".join(parts)

    # -- department pages ---------------------------------------------------------------------
    def department_page(self, dept_id: str) -> str:
        dept = self.repo.departments[dept_id]
        led = self.repo.index.led[dept_id]
        coop = self.repo.index.cooperated[dept_id]
        inds = self.repo.index.department_indicators[dept_id]
        parts = [self.breadcrumb([(self.t("home"), urls.INDEX_URLS["home"]),
                                  (self.t("all_departments"), urls.INDEX_URLS["departments"]),
                                  (self.name_of(dept), None)]),
                 f"<h1>{plain(self.name_of(dept))}</h1>"]
        facts = [(self.t("kind"), self.t("kind_" + dept.kind))]
        if dept.aliases:
            facts.append((self.t("aliases"),
                          self.t("list_separator").join(plain(a) for a in dept.aliases)))
        if dept.parent:
            facts.append((self.t("department"), self.department_link(dept.parent)))
        if dept.incomplete:
            facts.append((self.t("note"), self.t("incomplete_note")))
        if dept.note:
            facts.append((self.t("note"), plain(dept.note)))
        parts.append('<dl class="ps-facts">' + "".join(
            f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
        parts.append(f'<p class="ps-counts">'
                     f'{self.t("dept_summary", led=len(led), coop=len(coop), inds=len(inds))}</p>')
        parts.append(self.status_counts(inds))
        parts.append(self.department_brief(dept_id))
        parts.append(f'<h2 id="led">{self.t("led_tasks")}</h2>')
        parts.append(self.task_table(led, self.t("led_tasks"), "cooperating"))
        parts.append(f'<h2 id="cooperating">{self.t("cooperated_tasks")}</h2>')
        parts.append(self.task_table(coop, self.t("cooperated_tasks"), "lead"))
        parts.append(self.department_deadlines(dept_id))
        parts.append(f'<h2 id="indicators">{self.t("related_indicators")}</h2>')
        parts.append(self.indicator_table([self.repo.indicators[i] for i in inds],
                                          self.t("related_indicators")))
        return "".join(parts)

    def department_index(self) -> str:
        head = [self.t("name"), self.t("kind"), self.t("count_led"), self.t("count_cooperated"),
                self.t("count_indicators"), self.t("status")]
        rows = []
        for dept in self.repo.departments.values():
            inds = self.repo.index.department_indicators[dept.id]
            rows.append([self.department_link(dept.id), self.t("kind_" + dept.kind),
                         str(len(self.repo.index.led[dept.id])),
                         str(len(self.repo.index.cooperated[dept.id])),
                         str(len(inds)), self.status_counts(inds)])
        return (f"<h1>{self.t('all_departments')}</h1>"
                + self.table(self.t("all_departments"), head, rows, "ps-departments"))

    # -- indicator pages ----------------------------------------------------------------------
    def indicator_page(self, ind_id: str) -> str:
        ind = self.repo.indicators[ind_id]
        plan = self.repo.plans[ind.plan]
        parts = [self.breadcrumb([(self.t("home"), urls.INDEX_URLS["home"]),
                                  (self.t("all_indicators"), urls.INDEX_URLS["indicators"]),
                                  (self.title_of(plan), urls.plan_url(plan.id)),
                                  (self.name_of(ind), None)]),
                 f"<h1>{plain(self.name_of(ind))}</h1>"]
        facts = [(self.t("plan"), self.plan_link(plan.id)), (self.t("type"), self.type_label(ind))]
        if ind.target:
            facts.append((self.t("target"), self.target_words(ind)))
        if ind.baseline:
            facts.append((self.t("baseline"), self.quantity_words(ind, "baseline")))
        if ind.latest:
            facts.append((self.t("latest"), self.quantity_words(ind, "latest")))
        result = self.repo.statuses[ind.id]
        facts.append((self.t("status"), self.status_label(ind.id)
                      + f'<br><span class="ps-reason">{html.escape(result.reason(self.lang))}</span>'))
        if ind.unit:
            facts.append((self.t("unit"), plain(ind.unit)))
        if ind.phrase:
            facts.append((self.t("phrase"), f'<span class="ps-phrase">{plain(ind.phrase)}</span>'))
        if ind.note:
            facts.append((self.t("note"), plain(ind.note)))
        parts.append('<dl class="ps-facts">' + "".join(
            f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
        parts.append(self.last_changed(f"indicator:{ind.id}"))
        from plansite.site.chart import indicator_chart

        chart = indicator_chart(ind, plan.period_start, plan.period_end, self.lang)
        if chart:
            parts.append(f'<figure class="ps-chart-figure">{chart}</figure>')
        parts.append(f'<h2 id="actuals">{self.t("actuals")}</h2>')
        if ind.actuals:
            rows = [[str(a.year or ""), plain(self.value_words(a.value, a.unit or ind.unit)),
                     plain(a.source or a.phrase)] for a in sorted(
                         ind.actuals, key=lambda a: a.year or 0)]
            parts.append(self.table(self.t("actuals"),
                                    [self.t("year"), self.t("value"), self.t("source")], rows))
        else:
            parts.append(f'<p class="ps-empty">{self.t("no_actuals")}</p>')
        keys = self.repo.index.indicator_tasks[ind.id]
        parts.append(f'<h2 id="tasks">{self.t("related_tasks")}</h2>')
        parts.append(self.task_table(keys, self.t("related_tasks"), "lead"))
        parts.append(f'<h2 id="departments">{self.t("responsible_departments")}</h2>')
        parts.append(f"<p>{self.departments_links(self.repo.index.indicator_departments[ind.id])}</p>")
        return "".join(parts)

    def indicator_index(self) -> str:
        return (f"<h1>{self.t('all_indicators')}</h1>"
                + self.status_counts(list(self.repo.indicators))
                + self.indicator_table(list(self.repo.indicators.values()),
                                       self.t("all_indicators"), filters=True))

    # -- plans and downloads ------------------------------------------------------------------
    def plan_list(self) -> str:
        items = []
        for plan in self.repo.plans.values():
            counts = self.t("summary_counts", chapters=len(plan.walk_chapters()),
                            tasks=len(plan.walk_tasks()), indicators=len(plan.indicators))
            meta = " · ".join(plain(v) for v in (plan.issuer, plan.period) if v)
            items.append(f'<li>{self.plan_link(plan.id)}<br><span class="ps-meta">{meta}'
                         f"</span> <span class=\"ps-counts\">{counts}</span></li>")
        return f'<ul class="ps-plans">{"".join(items)}</ul>'

    def plan_index(self) -> str:
        return f"<h1>{self.t('all_plans')}</h1>" + self.plan_list()

    # -- responsibility matrix and deadlines ----------------------------------------------------
    def marks(self, led: int, cooperated: int) -> str:
        """Lead and co-operating counts with their marks (● lead, ○ co-operate), not colour alone."""
        words = self.t("matrix_cell", led=led, coop=cooperated)
        parts = []
        if led:
            parts.append(f'<span class="ps-mark-lead">●{led}</span>')
        if cooperated:
            parts.append(f'<span class="ps-mark-coop">○{cooperated}</span>')
        return (f'<span class="ps-marks" title="{words}"><span class="ps-sr">{words}</span>'
                f'<span aria-hidden="true">{" ".join(parts)}</span></span>')

    def matrix_cell(self, column: str, led: list[str], cooperated: list[str]) -> str:
        """A cell of the matrix: its counts, then a link to each of exactly its tasks."""
        attrs = (f'data-column="{html.escape(column, quote=True)}" data-led="{len(led)}" '
                 f'data-cooperated="{len(cooperated)}" '
                 f'data-sort="{len(dict.fromkeys(led + cooperated))}"')
        if not led and not cooperated:
            return f"<td {attrs}></td>"
        items = []
        for role, mark, keys in (("lead", "●", led), ("cooperating", "○", cooperated)):
            for key in keys:
                task = self.repo.task(key)
                items.append(f'<li data-role="{role}"><a class="ps-task-link" '
                             f'href="{self.href(urls.task_url(task))}" '
                             f'title="{plain(self.task_label(task))}">'
                             f'<span aria-hidden="true">{mark}</span>'
                             f'<span class="ps-sr">{self.t("count_led" if role == "lead" else "count_cooperated")} </span>'
                             f"{plain(task.id)}</a></li>")
        return (f"<td {attrs}>{self.marks(len(led), len(cooperated))}"
                f'<ul class="ps-cell-tasks">{"".join(items)}</ul></td>')

    def matrix_legend(self) -> str:
        return (f'<p class="ps-legend">{self.t("matrix_legend")}'
                f'<span class="ps-mark-lead" aria-hidden="true">●</span> {self.t("count_led")} '
                f'<span class="ps-mark-coop" aria-hidden="true">○</span> '
                f'{self.t("count_cooperated")}</p>')

    def matrix_table(self, plan_id: str) -> str:
        """The department × chapter table of one plan, sorted by total, with its CSV link."""
        matrix = compute_matrix(self.repo, plan_id)
        if not matrix.rows:
            return f'<p class="ps-empty">{self.t("matrix_no_tasks")}</p>'
        caption = self.t("matrix_of", plan=self.title_of(self.repo.plans[plan_id]))
        head = [f'<th scope="col" data-column="department">{self.t("department")}</th>']
        for chapter in matrix.columns:
            head.append(f'<th scope="col" data-column="{html.escape(chapter.id, quote=True)}">'
                        f"{self.chapter_link(chapter)}</th>")
        head.append(f'<th scope="col" data-column="total" aria-sort="descending">'
                    f'{self.t("matrix_total")}</th>')
        body = []
        for row in matrix.rows:
            dept = self.repo.departments[row.department]
            cells = "".join(self.matrix_cell(col.id, cell.led, cell.cooperated)
                            for col, cell in zip(matrix.columns, row.cells))
            body.append(f'<tr data-department="{dept.id}">'
                        f'<th scope="row" data-sort="{plain(self.name_of(dept))}">'
                        f"{self.department_link(dept.id)}</th>{cells}"
                        f'<td data-column="total" data-led="{row.led}" '
                        f'data-cooperated="{row.cooperated}" data-sort="{row.total}">'
                        f'{self.marks(row.led, row.cooperated)} <strong>{row.total}</strong></td></tr>')
        foot = []
        for i in range(len(matrix.columns)):
            total = matrix.column_total(i)
            foot.append(f'<td data-column="{html.escape(matrix.columns[i].id, quote=True)}" '
                        f'data-led="{len(total.led)}" data-cooperated="{len(total.cooperated)}">'
                        f"{self.marks(len(total.led), len(total.cooperated))}</td>")
        led = sum(r.led for r in matrix.rows)
        coop = sum(r.cooperated for r in matrix.rows)
        foot.append(f'<td data-column="total" data-led="{led}" data-cooperated="{coop}">'
                    f"{self.marks(led, coop)}</td>")
        csv_url = f"{urls.INDEX_URLS['downloads']}{matrix_csv_name(plan_id)}"
        return (f'<p><a class="ps-download" href="{self.href(csv_url)}" download>'
                f'{self.t("matrix_csv")}</a></p>'
                f'<div class="ps-scroll ps-matrix-scroll" role="region" tabindex="0" '
                f'aria-label="{caption}">'
                f'<table class="ps-table ps-matrix ps-sortable" id="matrix-{plan_id}-table" '
                f'data-plan="{plan_id}" data-sort-label="{self.t("sort_by")}">'
                f"<caption>{caption}</caption><thead><tr>{''.join(head)}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody>"
                f'<tfoot><tr><th scope="row">{self.t("matrix_total")}</th>{"".join(foot)}'
                f"</tr></tfoot></table></div>")

    def pairs_table(self, plan_id: str) -> str:
        """Who works with whom in a plan: pairs of departments sharing tasks, with the tasks."""
        pairs = shared_tasks(self.repo, plan_id)
        if not pairs:
            return f'<p class="ps-empty">{self.t("no_pairs")}</p>'
        sep = self.t("list_separator")
        rows = [[self.department_link(p.first), self.department_link(p.second), str(p.count),
                 sep.join(self.task_link(k, self.repo.task(k).id) for k in p.tasks)]
                for p in pairs]
        return self.table(self.t("pairs_of", plan=self.title_of(self.repo.plans[plan_id])),
                          [self.t("department"), self.t("department"), self.t("shared_count"),
                           self.t("shared_tasks")], rows, "ps-pairs")

    def matrix_page(self) -> str:
        """Every plan with the size of its matrix, each leading to the plan's own matrix page.

        The matrix of a province's plans is far too big for one page (every department ×
        chapter cell of every plan), so each plan has its page; the anchors the single page
        had (``#matrix-<plan>``, ``#pairs-<plan>``) stay here, on the plan's row.
        """
        rows = []
        for plan in self.repo.plans.values():
            matrix = compute_matrix(self.repo, plan.id)
            named = sum(1 for task in plan.walk_tasks() if task.departments)
            csv_url = f"{urls.INDEX_URLS['downloads']}{matrix_csv_name(plan.id)}"
            download = (f'<a class="ps-download" href="{self.href(csv_url)}" download>CSV</a>'
                        if matrix.rows else f'<span class="ps-none">{self.t("none")}</span>')
            rows.append([
                f'<span id="matrix-{plan.id}"></span><span id="pairs-{plan.id}"></span>'
                f'<a href="{self.href(urls.matrix_url(plan.id))}">'
                f"{plain(self.title_of(plan))}</a>",
                str(len(matrix.rows)), str(named), str(len(shared_tasks(self.repo, plan.id))),
                download])
        table = self.table(self.t("matrix"), [
            self.t("plan"), self.t("matrix_departments"), self.t("matrix_named_tasks"),
            self.t("matrix_pairs"), self.t("matrix_csv_short")], rows, "ps-matrix-plans")
        return (f"<h1>{self.t('matrix')}</h1><p>{self.t('matrix_index_intro')}</p>" + table)

    def matrix_plan_page(self, plan_id: str) -> str:
        """One plan's department × chapter matrix, and the departments that share its tasks."""
        plan = self.repo.plans[plan_id]
        title = self.title_of(plan)
        parts = [self.breadcrumb([(translate("home", self.lang), urls.INDEX_URLS["home"]),
                                  (translate("matrix", self.lang), urls.INDEX_URLS["matrix"]),
                                  (title, None)]),
                 f'<h1>{self.t("matrix_plan_title", plan=title)}</h1>',
                 f'<dl class="ps-facts"><dt>{self.t("plan")}</dt>'
                 f"<dd>{self.plan_link(plan_id)}</dd></dl>",
                 f"<p>{self.t('matrix_intro')}</p>", self.matrix_legend(),
                 self.matrix_table(plan_id),
                 f'<h2 id="pairs">{self.t("pairs")}</h2><p>{self.t("pairs_intro")}</p>',
                 self.pairs_table(plan_id)]
        return "".join(parts)

    def date_words(self, day: datetime.date) -> str:
        return self.t("date", y=day.year, m=day.month, d=day.day)

    def deadline_groups(self, groups: list[DeadlineGroup], level: int) -> str:
        """Tasks by deadline quarter, overdue ones marked in words, each with its departments."""
        if not groups:
            return f'<p class="ps-empty">{self.t("no_deadlines")}</p>'
        parts = []
        for group in groups:
            if group.ongoing:
                title, anchor = self.t("ongoing"), "deadlines-ongoing"
            elif group.year is None:
                title, anchor = self.t("undated"), "deadlines-undated"
            else:
                title = self.t(f"quarter_{group.quarter}", year=group.year)
                anchor = f"deadlines-{group.year}-q{group.quarter}"
            parts.append(f'<h{level} id="{anchor}">{title}</h{level}>')
            if group.overdue:
                parts.append(f'<p class="ps-counts">{self.t("overdue_count", n=group.overdue)}</p>')
            rows, attrs = [], []
            for entry in group.tasks:
                task = self.repo.task(entry.key)
                state = ""
                if entry.due is not None:
                    state = (f'<span class="ps-overdue">{self.t("overdue")}</span>'
                             if entry.overdue else f'<span class="ps-due">{self.t("due")}</span>')
                rows.append([self.task_link(entry.key, self.task_label(task)),
                             self.plan_link(task.plan), plain(entry.deadline.phrase),
                             self.date_words(entry.due) if entry.due else "", state,
                             self.departments_links(task.departments)])
                attrs.append({"task": entry.key, "overdue": "true" if entry.overdue else "false"})
            parts.append(self.table(title, [self.t("task"), self.t("plan"), self.t("deadline"),
                                            self.t("due_date"), self.t("status"),
                                            self.t("responsible_departments")],
                                    rows, "ps-deadlines", attrs))
        return "".join(parts)

    def deadlines_page(self, today: datetime.date | None = None) -> str:
        """Every task with a deadline, by quarter, as of the build date."""
        today = today or datetime.date.today()
        groups = repository_deadlines(self.repo, today)
        return (f"<h1>{self.t('deadlines')}</h1>"
                f"<p>{self.t('deadlines_intro', date=self.date_words(build_date(self.repo.as_of, today)))}</p>"
                + self.deadline_groups(groups, 2))

    def department_deadlines(self, dept_id: str, today: datetime.date | None = None) -> str:
        """The deadlines section of a department page; empty when none of its tasks has one."""
        groups = repository_deadlines(self.repo, today or datetime.date.today(), dept_id)
        if not groups:
            return ""
        return f'<h2 id="deadlines">{self.t("deadlines")}</h2>' + self.deadline_groups(groups, 3)

    def home_page(self) -> str:
        """The home page: what the site is, its plans, the binding indicators, where to go next."""
        binding = [i for i in self.repo.indicators.values() if i.binding]
        links = [(urls.INDEX_URLS[page], self.t(key)) for page, key in (
            ("indicators", "all_indicators"), ("departments", "all_departments"),
            ("matrix", "matrix"), ("deadlines", "deadlines"), ("methodology", "methodology"))]
        return (f"<h1>{self.t('site_name')}</h1><p>{self.t('home_intro')}</p>"
                f'<h2 id="plans">{self.t("plans")}</h2>{self.plan_list()}'
                f'<h2 id="statuses">{self.t("status_counts")}</h2>'
                + self.status_counts(list(self.repo.indicators))
                + f'<h2 id="binding">{self.t("binding_indicators")}</h2>'
                + self.status_counts([i.id for i in binding])
                + self.binding_summary(binding)
                + '<p class="ps-more">' + " · ".join(
                    f'<a href="{self.href(url)}">{words}</a>' for url, words in links) + "</p>")

    def binding_summary(self, binding: list[Indicator]) -> str:
        """The binding indicators on the home page: all of them while they fit a screen or two;
        beyond that a line per plan with its statuses, and the link to the full filtered list
        (a province's hundreds of rows made the home page weigh more than any other)."""
        if len(binding) <= HOME_BINDING_ROWS:
            return self.indicator_table(binding, self.t("binding_indicators"))
        by_plan: dict[str, list[str]] = {}
        for ind in binding:
            by_plan.setdefault(ind.plan, []).append(ind.id)
        rows = [[self.plan_link(plan_id, short=True), str(len(ids)), self.status_counts(ids)]
                for plan_id, ids in by_plan.items()]
        table = self.table(self.t("binding_indicators"),
                           [self.t("plan"), self.t("count_indicators"), self.t("status")], rows,
                           "ps-binding-plans")
        url = f"{urls.INDEX_URLS['indicators']}?type=binding"
        return (table + f'<p><a href="{self.href(url)}">'
                f'{self.t("all_binding", n=len(binding))}</a></p>')

    # -- history ------------------------------------------------------------------------------
    @property
    def history(self) -> History:
        """What git knows of the data (empty outside a git repository); loaded once a build."""
        return history_of(self.repo)

    def last_changed(self, record_key: str) -> str:
        """The line that says when the record (``task:<plan>:<id>``, ...) last changed."""
        revision = self.history.last_change(record_key)
        if revision is None:
            return ""
        # the date only: commit messages are written for maintainers, often not in the
        # reader's language; the changes page lists them
        return f'<p class="ps-changed">{self.t("last_changed", date=revision.date)}</p>'

    def change_record(self, change: Change) -> str:
        """A link to the changed record when it still exists, else its name as it was."""
        if change.record.startswith("indicator:") and change.record_id in self.repo.indicators:
            return self.indicator_link(change.record_id)
        key = f"{change.plan}:{change.record_id}"
        if change.record.startswith("task:") and key in self.repo.tasks:
            return self.task_link(key, self.task_label(self.repo.task(key)))
        return plain(change.label)

    def changes_page(self) -> str:
        """Recent commits that changed targets and lead or co-operating departments."""
        parts = [f"<h1>{self.t('recent_changes')}</h1>"]
        history = self.history
        if not history.available:
            return "".join(parts) + f'<p class="ps-empty">{self.t("no_history")}</p>'
        if not history.changes:
            return "".join(parts) + f'<p class="ps-empty">{self.t("no_changes")}</p>'
        parts.append(f"<p>{self.t('changes_intro')}</p>")
        rows = []
        for change_set in history.changes:
            for change in change_set.changes:
                rows.append([
                    change_set.revision.date, self.change_record(change), self.t(change.field),
                    plain(change.before) if change.before else self.t("added"),
                    plain(change.after) if change.after else self.t("removed"),
                    plain(change_set.revision.summary)])
        parts.append(self.table(self.t("recent_changes"), [
            self.t("changed_on"), self.t("changed_record"), self.t("changed_field"),
            self.t("before"), self.t("after"), self.t("commit_message")], rows, "ps-changes"))
        return "".join(parts)

    # -- downloads ----------------------------------------------------------------------------
    def downloads_page(self, sizes: dict[str, int]) -> str:
        """The open-data files with their sizes (``sizes`` by file name) and the schemas."""
        from plansite.publishing import tables
        from plansite.model.fields import schema_files

        def row(site_path: str, fmt: str, size: int, words: str) -> list[str]:
            name = site_path.rsplit("/", 1)[-1]
            return [f'<a href="{self.href(site_path)}" download><code>{html.escape(name)}</code></a>',
                    fmt, _size_words(size), words]

        files = [(tables.JSON_NAME, "JSON", self.t("json_all")),
                 (tables.XLSX_NAME, "XLSX", self.t("dl_xlsx")),
                 (tables.DATAPACKAGE_NAME, "JSON", self.t("dl_datapackage"))]
        files += [(t.csv_name, "CSV", self.t("dl_csv", table=translate("table_" + t.name,
                                                                       self.lang)))
                  for t in tables.TABLES]
        head = [self.t("file"), self.t("format"), self.t("size"), self.t("description")]
        data_rows = [row(f"{urls.INDEX_URLS['downloads']}{name}", fmt, sizes[name], words)
                     for name, fmt, words in files]
        schema_rows = [row(f"schema/{name}", "JSON Schema", len(text.encode("utf-8")),
                           self.t("schema_of", name=_DATA_FILES[name.split(".")[0]]))
                       for name, text in schema_files().items()]
        return "".join([
            f"<h1>{self.t('downloads')}</h1>",
            f"<p>{self.t('downloads_intro')}</p><p>{self.t('downloads_units')}</p>",
            self.table(self.t("downloads"), head, data_rows, "ps-downloads"),
            f'<h2 id="schemas">{self.t("schemas")}</h2><p>{self.t("schemas_intro")}</p>',
            self.table(self.t("schemas"), head, schema_rows, "ps-downloads")])

    def value_words(self, value: float | None, unit: str) -> str:
        return value_words(value, unit, self.lang)

    # -- reading aids -------------------------------------------------------------------------
    def breadcrumb(self, items: list[tuple[str, str | None]], landmark: bool = True) -> str:
        """Where a record sits, each step a link (a step without a URL is the current page).

        A page has one breadcrumb landmark; the per-task trails of a plan page are paragraphs,
        so a screen reader's list of landmarks is not flooded with them.
        """
        steps = "".join(
            f'<li><a href="{self.href(url)}">{plain(words)}</a></li>' if url is not None
            else f'<li aria-current="page">{plain(words)}</li>' for words, url in items)
        if landmark:
            return (f'<nav class="ps-breadcrumb" aria-label="{self.t("breadcrumb")}">'
                    f"<ol>{steps}</ol></nav>")
        return f'<div class="ps-breadcrumb ps-trail"><ol>{steps}</ol></div>'

    def task_breadcrumb(self, task: Task) -> str:
        """The plan and chapters above a task: plan › chapter › section."""
        plan = self.repo.plans[task.plan]
        items: list[tuple[str, str | None]] = [(self.title_of(plan), urls.plan_url(plan.id))]
        for chapter_id in self.repo.index.task_chapters[task.key]:
            chapter = self.repo.index.chapters[f"{plan.id}:{chapter_id}"]
            items.append((chapter.number + self.title_of(chapter), urls.chapter_url(chapter)))
        return self.breadcrumb(items, landmark=False)

    def department_brief(self, dept_id: str, today: datetime.date | None = None) -> str:
        """The first screen of a department page: its next deadline, what is overdue, and
        links to its tasks, deadlines and indicators further down."""
        groups = repository_deadlines(self.repo, today or datetime.date.today(), dept_id)
        facts = []
        upcoming = next((g for g in groups if g.year is not None and not g.ongoing
                         and any(not t.overdue for t in g.tasks)), None)
        if upcoming is not None:
            when = self.t(f"quarter_{upcoming.quarter}", year=upcoming.year)
            facts.append(self.t("next_deadline", when=when,
                                n=sum(not t.overdue for t in upcoming.tasks)))
        overdue = sum(g.overdue for g in groups)
        if overdue:
            facts.append(f'<span class="ps-overdue">{self.t("overdue_tasks", n=overdue)}</span>')
        jumps = [("#led", self.t("led_tasks")), ("#cooperating", self.t("cooperated_tasks"))]
        if groups:
            jumps.append(("#deadlines", self.t("deadlines")))
        jumps.append(("#indicators", self.t("related_indicators")))
        brief = f'<p class="ps-brief">{self.t("list_separator_clause").join(facts)}</p>' \
            if facts else ""
        return (brief + f'<nav class="ps-jump" aria-label="{self.t("jump_to")}"><ul>'
                + "".join(f'<li><a href="{href}">{words}</a></li>' for href, words in jumps)
                + "</ul></nav>")
