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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plansite.catalogue.labels import translate
from plansite.model import urls
from plansite.model.fields import DATA_FILES, schema_files
from plansite.model.records import Indicator, Source
from plansite.model.repository import Repository
from plansite.publishing import tables

if TYPE_CHECKING:
    from plansite.site.render import Renderer

HOME_BINDING_ROWS = 30
"""The home page lists the binding indicators one by one up to this many."""



@dataclass(frozen=True)
class Page:
    """One page of the site: its kind, the ids it shows, its address, title and description
    (for the browser tab and shared links), and the data file and line that hold what it shows
    (for the edit button)."""

    kind: str
    args: tuple[str, ...]
    url: str
    title: str
    description: str
    source: Source | None = None


@dataclass(frozen=True)
class PageKind:
    """A kind of page: its template, how its data is gathered and which pages there are.

    ``macro`` is the name authors call it by in a page of their own; ``label`` the catalogue
    key of its title in the navigation, for the index pages listed there.
    """

    name: str
    template: str
    macro: str
    context: Callable[..., dict[str, Any]]
    pages: Callable[[Repository, str], Iterator[Page]]
    label: str = ""


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


def plan_index_context(r: Renderer) -> dict[str, Any]:
    return {}


def department_index_context(r: Renderer) -> dict[str, Any]:
    return {"departments": list(r.repo.departments.values())}


def indicator_index_context(r: Renderer) -> dict[str, Any]:
    return {"indicators": list(r.repo.indicators.values())}


def matrix_index_context(r: Renderer) -> dict[str, Any]:
    rows = []
    for plan in r.repo.plans.values():
        rows.append({"plan": plan, "departments": len(r.findings.matrix(plan.id).rows),
                     "named": sum(1 for task in plan.walk_tasks() if task.departments),
                     "pairs": len(r.findings.pairs(plan.id)),
                     "csv": f"{urls.INDEX_URLS['downloads']}{urls.matrix_csv_name(plan.id)}"})
    return {"rows": rows}


def deadlines_context(r: Renderer) -> dict[str, Any]:
    return {"groups": r.findings.deadlines(), "build_date": r.findings.build_date}


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
def plan_context(r: Renderer, plan_id: str) -> dict[str, Any]:
    plan = r.repo.plans[plan_id]
    facts = [(r.t("issuer"), plan.issuer), (r.t("level"), plan.level),
             (r.t("period"), plan.period), (r.t("source_document"), plan.source_document),
             (r.t("note"), plan.note)]
    return {"plan": plan, "facts": [(k, str(v)) for k, v in facts if v],
            "chapters": plan.walk_chapters(), "tasks": plan.walk_tasks()}


def plan_pages(repo: Repository, lang: str) -> Iterator[Page]:
    t = _t(lang)
    for plan in repo.plans.values():
        counts = t("summary_counts", chapters=len(plan.walk_chapters()),
                   tasks=len(plan.walk_tasks()), indicators=len(plan.indicators))
        yield Page("plan", (plan.id,), urls.plan_url(plan.id), _name(plan, lang),
                   " · ".join(x for x in (plan.issuer, plan.period, counts) if x), plan.source)


def matrix_context(r: Renderer, plan_id: str) -> dict[str, Any]:
    return {"plan": r.repo.plans[plan_id]}


def matrix_pages(repo: Repository, lang: str) -> Iterator[Page]:
    for plan in repo.plans.values():
        title = translate("matrix_plan_title", lang, plan=_name(plan, lang))
        yield Page("plan-matrix", (plan.id,), urls.matrix_url(plan.id), title, title,
                   Source(plan.source.file.rsplit("/", 1)[0] + "/tasks.yml", 1))


@dataclass(frozen=True)
class NextDue:
    """The next quarter in which a department has tasks due, and how many are not yet late."""

    year: int
    quarter: int
    count: int


def department_context(r: Renderer, dept_id: str) -> dict[str, Any]:
    index = r.repo.index
    groups = r.findings.deadlines(dept_id)
    upcoming = next((g for g in groups if g.year is not None and not g.ongoing
                     and any(not t.overdue for t in g.tasks)), None)
    next_due = None
    if upcoming is not None and upcoming.year is not None and upcoming.quarter is not None:
        next_due = NextDue(upcoming.year, upcoming.quarter,
                           sum(not t.overdue for t in upcoming.tasks))
    indicators = index.department_indicators[dept_id]
    return {"dept": r.repo.departments[dept_id], "led": index.led[dept_id],
            "cooperated": index.cooperated[dept_id], "indicators": indicators,
            "indicator_records": [r.repo.indicators[i] for i in indicators],
            "deadlines": groups, "next_due": next_due,
            "overdue": sum(g.overdue for g in groups)}


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
             "departments"),
    PageKind("indicators", "indicator-index.html", "indicator_index", indicator_index_context,
             _single("indicators", "all_indicators"), "indicators"),
    PageKind("matrix", "matrix-index.html", "matrix_page", matrix_index_context,
             _single("matrix", "matrix", "matrix_intro"), "matrix"),
    PageKind("deadlines", "deadlines.html", "deadlines_page", deadlines_context,
             _single("deadlines", "deadlines"), "deadlines"),
    PageKind("downloads", "downloads.html", "downloads_page", downloads_context,
             _single("downloads", "downloads", "downloads_intro"), "downloads"),
    PageKind("changes", "changes.html", "changes_page", changes_context,
             _single("changes", "recent_changes", "changes_intro"), "recent_changes"),
    PageKind("members", "members.html", "members_page", members_context,
             _portal(_single("members", "members", "members_intro", Source("data/portal.yml", 1))),
             "members"),
    PageKind("member-plans", "member-plans.html", "member_plans_page", members_context,
             _portal(_single("member-plans", "member_plans", "member_plans_intro",
                             Source("data/portal.yml", 1))), "member_plans"),
    PageKind("member", "member.html", "member_page", member_context, _portal(member_pages)),
    PageKind("plan", "plan.html", "plan_page", plan_context, plan_pages),
    PageKind("plan-matrix", "matrix.html", "matrix_plan_page", matrix_context, matrix_pages),
    PageKind("department", "department.html", "department_page", department_context,
             department_pages),
    PageKind("indicator", "indicator.html", "indicator_page", indicator_context,
             indicator_pages),
)}
"""Every kind of generated page, by name."""

AUTHORED = {"editing": "editing_guide", "methodology": "methodology"}
"""Pages the site ships written by hand (docs/), by name, with the label of their title."""

NAVIGATION: tuple[str, ...] = ("home", "plans", "departments", "indicators", "matrix",
                               "deadlines", "downloads", "changes", "editing", "methodology")
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
    return [page for kind in PAGE_KINDS.values() for page in kind.pages(repo, lang)]
