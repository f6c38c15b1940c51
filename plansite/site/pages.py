"""Every kind of page the site has, in one registry: where its pages live, what each is called,
and the data its template shows.

A :class:`PageKind` lists its pages (one per plan, department, indicator, or a single index
page) and gathers what its template (``plansite/<kind>.html``) shows. The engine's adapter
writes every listed page and builds the navigation from :data:`NAVIGATION`; the macros an
author calls in a page of their own (``{{ department_page("zhujianwei") }}``) render the same
kinds through the same registry, so an author's page and a generated one show the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from plansite.analysis.matrix import compute_matrix, shared_tasks
from plansite.catalogue.labels import translate
from plansite.model import urls
from plansite.model.fields import DATA_FILES, schema_files
from plansite.model.index import PLAN_PAGE_TASKS, plan_parts, plan_weights
from plansite.model.records import Indicator, Source
from plansite.model.repository import Repository
from plansite.publishing import tables
from plansite.site import accessibility
from plansite.site.chart import chart_numbers
from plansite.site import progress as progress_views
from plansite.site import views
from plansite.site.paging import LIST_BUDGET, Pager, Paging

if TYPE_CHECKING:
    from plansite.site.render import Renderer

HOME_BINDING_ROWS = 30
"""The home page lists the binding indicators one by one up to this many."""



@dataclass(frozen=True)
class Page:
    """One page of the site: its kind, the ids it shows, its address, title and description
    (for the browser tab and shared links), and the data file and line that hold what it shows
    (for the edit button). ``number`` is its place among the pages of a long list."""

    kind: str
    args: tuple[str, ...]
    url: str
    title: str
    description: str
    source: Source | None = None
    number: int = 1


@dataclass(frozen=True)
class PageKind:
    """A kind of page: its template, how its data is gathered and which pages there are.

    ``macro`` is the name authors call it by in a page of their own; ``label`` the catalogue
    key of its title in the navigation, for the index pages listed there. A kind with
    ``paging`` shows a long list a page at a time: its context gets the page's :class:`Pager`
    (``pager``), and each page of it after the first is a page of the site of its own.
    ``chunks`` names the files of rows its filter loads on demand (site address and ids), and
    ``chunk`` gathers one of them.
    """

    name: str
    template: str
    macro: str
    context: Callable[..., dict[str, Any]]
    pages: Callable[[Repository, str], Iterator[Page]]
    label: str = ""
    paging: Paging | None = None
    chunks: Callable[[Repository], Iterator[tuple[str, tuple[str, ...]]]] | None = None
    chunk: Callable[..., Any] | None = None

    def all_pages(self, repo: Repository, lang: str) -> Iterator[Page]:
        """Every page of the kind, each page of a long list after the first included."""
        for page in self.pages(repo, lang):
            if self.paging is None:
                yield page
                continue
            pagers = self.paging.pagers(repo, *page.args)
            yield page
            for pager in pagers[1:]:
                numbered = translate("page_of", lang, title=page.title, n=pager.number)
                yield replace(page, url=pager.urls[pager.number - 1], title=numbered,
                              description=numbered, number=pager.number)

    def pager(self, repo: Repository, ids: tuple[str, ...], number: int = 1) -> Pager | None:
        """Page ``number`` of the list of the page of ``ids`` (the last, past the end)."""
        if self.paging is None:
            return None
        pagers = self.paging.pagers(repo, *ids)
        return pagers[max(1, min(number, len(pagers))) - 1]


def _t(lang: str) -> Callable[..., str]:
    return lambda key, **args: translate(key, lang, **args)


def _name(record: Any, lang: str) -> str:
    """A record's name in the interface language (its English name when it has one)."""
    if lang == "en":
        english = getattr(record, "name_en", "") or getattr(record, "title_en", "")
        if english:
            return english
    return getattr(record, "name", "") or getattr(record, "title", "")


def _single(kind: str, title: str, description: str = "",
            source: Source | None = None) -> Callable[[Repository, str], Iterator[Page]]:
    """The one page of an index kind, at its address in :data:`urls.INDEX_URLS`."""
    def pages(repo: Repository, lang: str) -> Iterator[Page]:
        t = _t(lang)
        yield Page(kind, (), urls.INDEX_URLS[kind], t(title), t(description or title), source)
    return pages


# -- the home page and the indexes ---------------------------------------------------------------
def home_context(r: Renderer) -> dict[str, Any]:
    binding = [i for i in r.repo.indicators.values() if i.binding]
    by_plan: dict[str, list[str]] = {}
    for ind in binding:
        by_plan.setdefault(ind.plan, []).append(ind.id)
    return {"binding": binding, "binding_by_plan": by_plan,
            "binding_rows": HOME_BINDING_ROWS,
            "more": [(urls.INDEX_URLS[kind], key) for kind, key in (
                ("indicators", "all_indicators"), ("departments", "all_departments"),
                ("matrix", "matrix"), ("deadlines", "deadlines"),
                ("methodology", "methodology"))]}


def accessibility_context(r: Renderer) -> dict[str, Any]:
    return {"standard": accessibility.STANDARD, "checks": accessibility.CHECKS,
            "pages": accessibility.PAGES_CHECKED, "exceptions": accessibility.EXCEPTIONS}


def plan_index_context(r: Renderer) -> dict[str, Any]:
    return {}


def department_index_context(r: Renderer, pager: Pager) -> dict[str, Any]:
    return {"departments": list(r.repo.departments.values())[pager.start:pager.stop],
            "pager": pager}


def indicator_index_context(r: Renderer, pager: Pager) -> dict[str, Any]:
    indicators = list(r.repo.indicators.values())
    return {"all": indicators, "indicators": indicators[pager.start:pager.stop],
            "pager": pager}


def indicator_chunks(repo: Repository) -> Iterator[tuple[str, tuple[str, ...]]]:
    """One file of indicator rows per plan, which the index's filter loads when asked for, and
    the file of the filter's choices (no plan)."""
    yield urls.indicator_choices_url(), ()
    for plan_id in repo.plans:
        yield urls.indicator_rows_url(plan_id), (plan_id,)


def indicator_chunk(r: Renderer, plan_id: str | None = None) -> dict[str, Any]:
    """The filterable rows of one plan's indicators, as the index page shows them; without a
    plan, the plans and departments the filter offers (they grow with the register, so a
    paged list's pages do not carry them)."""
    if plan_id is None:
        choices = views.filter_choices(r, list(r.repo.indicators.values()))
        return {name: choices[name] for name in views.LOADED_CHOICES}
    rows = views.indicator_rows(r, r.repo.plans[plan_id].indicators, True, True)
    return {"plan": plan_id, "rows": [str(row.html) for row in rows]}


def matrix_index_context(r: Renderer) -> dict[str, Any]:
    rows = []
    for plan in r.repo.plans.values():
        rows.append({"plan": plan, "departments": len(r.findings.matrix(plan.id).rows),
                     "named": sum(1 for task in plan.walk_tasks() if task.departments),
                     "pairs": len(r.findings.pairs(plan.id)),
                     "csv": f"{urls.INDEX_URLS['downloads']}{urls.matrix_csv_name(plan.id)}"})
    return {"rows": rows}


def deadlines_context(r: Renderer, pager: Pager) -> dict[str, Any]:
    """The deadline groups' rows this page shows, and (for the list of quarters) where each
    group starts."""
    groups = r.findings.deadlines()
    contents, start = [], 0
    for group in groups:
        contents.append((group, pager.url_of(start)))
        start += len(group.tasks)
    return {"groups": pager.groups(groups), "contents": contents, "pager": pager,
            "build_date": r.findings.build_date}


def dated_tasks(repo: Repository) -> list[int]:
    """A row of the deadlines list for each task with a deadline."""
    return [1] * sum(1 for task in repo.tasks.values() if task.deadline is not None)


def downloads_context(r: Renderer) -> dict[str, Any]:
    sizes = r.site.download_sizes()
    files = [(tables.JSON_NAME, "JSON", r.t("json_all")),
             (tables.XLSX_NAME, "XLSX", r.t("dl_xlsx")),
             (tables.DATAPACKAGE_NAME, "JSON", r.t("dl_datapackage"))]
    files += [(table.csv_name, "CSV", r.t("dl_csv", table=r.t("table_" + table.name)))
              for table in tables.TABLES]
    downloads = urls.INDEX_URLS["downloads"]
    return {
        "data_files": [(f"{downloads}{name}", fmt, sizes[name], words)
                       for name, fmt, words in files],
        "schema_files": [(f"schema/{name}", "JSON Schema", len(text.encode("utf-8")),
                          r.t("schema_of", name=DATA_FILES[name.split(".")[0]]))
                         for name, text in schema_files().items()],
    }


def changes_context(r: Renderer) -> dict[str, Any]:
    return {"history": r.findings.history}


# -- a portal: the member sites, their plans and departments ----------------------------------
def _portal(pages: Callable[[Repository, str], Iterator[Page]]
            ) -> Callable[[Repository, str], Iterator[Page]]:
    """The pages of a portal's kind: only a site with member sites (``data/portal.yml``) has them."""
    def portal_pages(repo: Repository, lang: str) -> Iterator[Page]:
        return pages(repo, lang) if repo.members else iter(())
    return portal_pages


def members_context(r: Renderer) -> dict[str, Any]:
    return {"sites": [(site, r.href(urls.member_url(site.member.id))) for site in r.site.members]}


def member_context(r: Renderer, member_id: str) -> dict[str, Any]:
    return {"site": next(s for s in r.site.members if s.member.id == member_id)}


def member_pages(repo: Repository, lang: str) -> Iterator[Page]:
    for member in repo.members:
        yield Page("member", (member.id,), urls.member_url(member.id), member.name,
                   translate("member_intro", lang, name=member.name, url=member.url),
                   member.source)


# -- one page per record -----------------------------------------------------------------------
def plan_context(r: Renderer, plan_id: str, pager: Pager) -> dict[str, Any]:
    """A plan's facts and contents, and the indicators and chapters this page of it shows (a
    long plan goes on over numbered pages, :data:`plansite.model.index.PLAN_PAGE_TASKS`)."""
    plan = r.repo.plans[plan_id]
    facts = [(r.t("issuer"), plan.issuer), (r.t("level"), plan.level),
             (r.t("period"), plan.period), (r.t("source_document"), plan.source_document),
             (r.t("note"), plan.note)]
    return {"plan": plan, "facts": [(k, str(v)) for k, v in facts if v],
            "chapters": plan.walk_chapters(), "tasks": plan.walk_tasks(), "pager": pager,
            "indicators": pager.part(plan.indicators),
            "shown": pager.part(plan_parts(plan), len(plan.indicators)),
            "periods": [c.period for c in r.findings.progress.periods(plan_id)]}


def plan_pages(repo: Repository, lang: str) -> Iterator[Page]:
    t = _t(lang)
    for plan in repo.plans.values():
        counts = t("summary_counts", chapters=len(plan.walk_chapters()),
                   tasks=len(plan.walk_tasks()), indicators=len(plan.indicators))
        yield Page("plan", (plan.id,), urls.plan_url(plan.id), _name(plan, lang),
                   " · ".join(x for x in (plan.issuer, plan.period, counts) if x), plan.source)


def task_context(r: Renderer, plan_id: str, task_id: str) -> dict[str, Any]:
    task = r.repo.task(f"{plan_id}:{task_id}")
    progress = r.findings.progress.tasks[task.key]
    return {"task": task, "facts": views.task_facts(r, task),
            "reported": bool(r.repo.plans[plan_id].reports),
            "attention": progress_views.attention_words(r, progress),
            "items": progress_views.timeline(r, task.key)}


def task_pages(repo: Repository, lang: str) -> Iterator[Page]:
    for plan in repo.plans.values():
        for task in plan.walk_tasks():
            title = f"{task.number}{_name(task, lang)}" if task.number else _name(task, lang)
            yield Page("task", (plan.id, task.id), urls.task_url(task), title,
                       f"{title} · {_name(plan, lang)}", task.source)


def period_context(r: Renderer, plan_id: str, period: str) -> dict[str, Any]:
    periods = r.findings.progress.periods(plan_id)
    changes = next(c for c in periods if c.period.text == period)
    return {"plan": r.repo.plans[plan_id], "changes": changes,
            "report_href": progress_views.report_href(r, changes.report),
            "periods": [c.period for c in periods]}


def period_pages(repo: Repository, lang: str) -> Iterator[Page]:
    for plan in repo.plans.values():
        for report in plan.reports:
            if report.as_of.year <= repo.as_of:  # a report after the build's year is not shown
                title = translate("period_title", lang, plan=_name(plan, lang),
                                  period=report.period.text)
                yield Page("period", (plan.id, report.period.text),
                           urls.period_url(plan.id, report.period.text), title, title,
                           report.source)


def matrix_context(r: Renderer, plan_id: str, pager: Pager) -> dict[str, Any]:
    """A plan's matrix rows this page shows, then its pairs of departments (both lists go
    on over numbered pages)."""
    rows = len(r.findings.matrix(plan_id).rows)
    pairs = r.findings.pairs(plan_id)
    return {"plan": r.repo.plans[plan_id], "pager": pager,
            "rows": slice(max(0, pager.start), max(0, min(pager.stop, rows))),
            "pairs": pager.part(pairs, rows), "pairs_start": _elsewhere(pager, rows),
            "any_pairs": bool(pairs)}


def matrix_pages(repo: Repository, lang: str) -> Iterator[Page]:
    for plan in repo.plans.values():
        title = translate("matrix_plan_title", lang, plan=_name(plan, lang))
        yield Page("plan-matrix", (plan.id,), urls.matrix_url(plan.id), title, title,
                   Source(plan.source.file.rsplit("/", 1)[0] + "/tasks.yml", 1))


MATRIX_BUDGET = 600
"""The task links (and rows) one page of a plan's matrix shows at most."""


def matrix_weights(repo: Repository, plan_id: str) -> list[int]:
    """A plan's matrix page lists its departments' rows, each weighing its tasks (a link in a
    cell each) and its cells, then the pairs of departments sharing tasks, weighing their
    tasks and themselves."""
    matrix = compute_matrix(repo, plan_id)
    empty = (len(matrix.columns) + 1) // 2  # an empty cell weighs about half a task link
    return [row.total + empty for row in matrix.rows] + [
        pair.count + 1 for pair in shared_tasks(repo, plan_id)]


@dataclass(frozen=True)
class NextDue:
    """The next quarter in which a department has tasks due, and how many are not yet late."""

    year: int
    quarter: int
    count: int


def department_context(r: Renderer, dept_id: str, pager: Pager) -> dict[str, Any]:
    """A department's facts, and the rows of its lists this page shows: the tasks it leads,
    those it co-operates on, its deadlines and indicators, one list after the other (a long
    list goes on over the next page); ``starts`` says on which other page each list starts."""
    index = r.repo.index
    groups = r.findings.deadlines(dept_id)
    upcoming = next((g for g in groups if g.year is not None and not g.ongoing
                     and any(not t.overdue for t in g.tasks)), None)
    next_due = None
    if upcoming is not None and upcoming.year is not None and upcoming.quarter is not None:
        next_due = NextDue(upcoming.year, upcoming.quarter,
                           sum(not t.overdue for t in upcoming.tasks))
    indicators = index.department_indicators[dept_id]
    led, cooperated = index.led[dept_id], index.cooperated[dept_id]
    offsets = _offsets(len(led), len(cooperated), sum(len(g.tasks) for g in groups))
    return {"dept": r.repo.departments[dept_id], "led": led, "cooperated": cooperated,
            "indicators": indicators, "pager": pager,
            "led_shown": pager.part(led, offsets[0]),
            "cooperated_shown": pager.part(cooperated, offsets[1]),
            "deadlines_shown": pager.groups(groups, offsets[2]),
            "indicator_records": [r.repo.indicators[i]
                                  for i in pager.part(indicators, offsets[3])],
            "starts": {name: _elsewhere(pager, offset) for name, offset in zip(
                ("led", "cooperating", "deadlines", "indicators"), offsets)},
            "deadlines": groups, "next_due": next_due,
            "overdue": sum(g.overdue for g in groups)}


def _elsewhere(pager: Pager, item: int) -> str:
    """The address of the page that shows item ``item``; empty when it is this page."""
    url = pager.url_of(item)
    return "" if url == pager.urls[pager.number - 1] else url


def _offsets(*lengths: int) -> list[int]:
    """Where each of lists one after the other starts."""
    out, at = [], 0
    for length in lengths:
        out.append(at)
        at += length
    out.append(at)
    return out


def department_rows(repo: Repository, dept_id: str) -> list[int]:
    """A department page's rows: its led and co-operated tasks, its dated tasks, its
    indicators."""
    index = repo.index
    dated = sum(1 for key in index.department_tasks(dept_id)
                if repo.task(key).deadline is not None)
    return [1] * (len(index.led[dept_id]) + len(index.cooperated[dept_id]) + dated
                  + len(index.department_indicators[dept_id]))


def department_pages(repo: Repository, lang: str) -> Iterator[Page]:
    t = _t(lang)
    for dept in repo.departments.values():
        summary = t("dept_summary", led=len(repo.index.led[dept.id]),
                    coop=len(repo.index.cooperated[dept.id]),
                    inds=len(repo.index.department_indicators[dept.id]))
        yield Page("department", (dept.id,), urls.department_url(dept.id), _name(dept, lang),
                   t("name_summary", name=_name(dept, lang), summary=summary), dept.source)


def indicator_context(r: Renderer, ind_id: str) -> dict[str, Any]:
    ind: Indicator = r.repo.indicators[ind_id]
    return {"ind": ind, "plan": r.repo.plans[ind.plan],
            "actuals": sorted(ind.actuals, key=lambda a: a.year or 0),
            "chart_numbers": chart_numbers(ind, r.lang),
            "tasks": r.repo.index.indicator_tasks[ind.id],
            "departments": r.repo.index.indicator_departments[ind.id]}


def indicator_pages(repo: Repository, lang: str) -> Iterator[Page]:
    for ind in repo.indicators.values():
        plan = repo.plans[ind.plan]
        description = f"{_name(ind, lang)} · {_name(plan, lang)}" + (
            f" · {ind.phrase}" if ind.phrase else "")
        yield Page("indicator", (ind.id,), urls.indicator_url(ind.id), _name(ind, lang),
                   description, ind.source)


PAGE_KINDS: dict[str, PageKind] = {kind.name: kind for kind in (
    PageKind("home", "home.html", "home_page", home_context,
             _single("home", "site_name", "site_description"), "home"),
    PageKind("plans", "plan-index.html", "plan_index", plan_index_context,
             _single("plans", "all_plans"), "plans"),
    PageKind("departments", "department-index.html", "department_index",
             department_index_context,
             _single("departments", "all_departments", source=Source("data/departments.yml", 1)),
             "departments", Paging(lambda: urls.INDEX_URLS["departments"],
                                   lambda repo: [1] * len(repo.departments), LIST_BUDGET)),
    PageKind("indicators", "indicator-index.html", "indicator_index", indicator_index_context,
             _single("indicators", "all_indicators"), "indicators",
             Paging(lambda: urls.INDEX_URLS["indicators"],
                    lambda repo: [1] * len(repo.indicators)),
             indicator_chunks, indicator_chunk),
    PageKind("matrix", "matrix-index.html", "matrix_page", matrix_index_context,
             _single("matrix", "matrix", "matrix_intro"), "matrix"),
    PageKind("deadlines", "deadlines.html", "deadlines_page", deadlines_context,
             _single("deadlines", "deadlines"), "deadlines",
             Paging(lambda: urls.INDEX_URLS["deadlines"], dated_tasks, LIST_BUDGET)),
    PageKind("downloads", "downloads.html", "downloads_page", downloads_context,
             _single("downloads", "downloads", "downloads_intro"), "downloads"),
    PageKind("changes", "changes.html", "changes_page", changes_context,
             _single("changes", "recent_changes", "changes_intro"), "recent_changes"),
    PageKind("accessibility", "accessibility.html", "accessibility_page", accessibility_context,
             _single("accessibility", "accessibility"), "accessibility"),
    PageKind("members", "members.html", "members_page", members_context,
             _portal(_single("members", "members", "members_intro", Source("data/portal.yml", 1))),
             "members"),
    PageKind("member-plans", "member-plans.html", "member_plans_page", members_context,
             _portal(_single("member-plans", "member_plans", "member_plans_intro",
                             Source("data/portal.yml", 1))), "member_plans"),
    PageKind("member", "member.html", "member_page", member_context, _portal(member_pages)),
    PageKind("plan", "plan.html", "plan_page", plan_context, plan_pages,
             paging=Paging(urls.plan_url, lambda repo, plan_id: plan_weights(
                 repo.plans[plan_id], plan_parts(repo.plans[plan_id])), PLAN_PAGE_TASKS)),
    PageKind("plan-matrix", "matrix.html", "matrix_plan_page", matrix_context, matrix_pages,
             paging=Paging(urls.matrix_url, matrix_weights, MATRIX_BUDGET)),
    PageKind("task", "task-page.html", "task_page", task_context, task_pages),
    PageKind("period", "period.html", "period_page", period_context, period_pages),
    PageKind("department", "department.html", "department_page", department_context,
             department_pages, paging=Paging(urls.department_url, department_rows, LIST_BUDGET)),
    PageKind("indicator", "indicator.html", "indicator_page", indicator_context,
             indicator_pages),
)}
"""Every kind of generated page, by name."""

AUTHORED = {"editing": "editing_guide", "methodology": "methodology"}
"""Pages the site ships written by hand (docs/), by name, with the label of their title."""

NAVIGATION: tuple[str, ...] = ("home", "plans", "departments", "indicators", "matrix",
                               "deadlines", "downloads", "changes", "editing", "methodology",
                               "accessibility")
"""The pages of the navigation, in order: index kinds and authored pages by name."""

PORTAL_NAVIGATION: tuple[str, ...] = ("members", "member-plans")
"""The pages a portal's navigation adds after its home page."""


def navigation(lang: str, portal: bool = False) -> list[tuple[str, str]]:
    """The navigation as (title, site URL) pairs in ``lang``; a portal's with its members."""
    out = []
    names = NAVIGATION[:1] + PORTAL_NAVIGATION + NAVIGATION[1:] if portal else NAVIGATION
    for name in names:
        label = PAGE_KINDS[name].label if name in PAGE_KINDS else AUTHORED[name]
        out.append((translate(label, lang), urls.INDEX_URLS[name]))
    return out


def site_pages(repo: Repository, lang: str = "zh") -> list[Page]:
    """Every generated page of the site, index pages first."""
    return [page for kind in PAGE_KINDS.values() for page in kind.all_pages(repo, lang)]
