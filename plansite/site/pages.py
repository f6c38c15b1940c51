"""The pages the site generates from data: one per plan, department and indicator, plus indexes.

Each page is a renderer call (the one the macro of that name makes in an author's page), a title,
a description for shared links, and the source file and line that hold what it shows (for the
edit button). Only slug ids are written into the macro call, never data text, so no value from a
data file is ever read as a template.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from plansite.site import urls
from plansite.catalogue.labels import translate
from plansite.model.records import Source
from plansite.model.repository import Repository


DOWNLOADS_PAGE = "downloads/index.md"
"""The source path of the downloads page, which lists the download files and their sizes."""


@dataclass(frozen=True)
class SitePage:
    """A generated page: where it lives, what it says it is, and what it renders.

    ``render`` names the :class:`~plansite.render.Renderer` method that writes the page, and
    ``args`` its arguments (slug ids only); the macro of the same name calls the same method,
    so an author's page can show what a generated page shows.
    """

    src_path: str
    url: str
    title: str
    description: str
    render: str
    args: tuple[str, ...] = ()
    source: Source | None = None

    @property
    def macro(self) -> str:
        """The macro call that shows this page's content in an author's page."""
        return f"{self.render}({', '.join(json.dumps(a) for a in self.args)})"


def _name(record, lang: str) -> str:
    if lang == "en":
        return getattr(record, "name_en", "") or getattr(record, "title_en", "") or \
            getattr(record, "name", "") or getattr(record, "title", "")
    return getattr(record, "name", "") or getattr(record, "title", "")


def site_pages(repo: Repository, lang: str = "zh") -> list[SitePage]:
    """Every generated page of the site, index pages first."""
    t = lambda key, **a: translate(key, lang, **a)  # noqa: E731 - a local short name
    pages = [
        SitePage("plans/index.md", urls.INDEX_URLS["plans"], t("all_plans"),
                 t("all_plans"), "plan_index"),
        SitePage("departments/index.md", urls.INDEX_URLS["departments"], t("all_departments"),
                 t("all_departments"), "department_index",
                 source=Source("data/departments.yml", 1)),
        SitePage("indicators/index.md", urls.INDEX_URLS["indicators"], t("all_indicators"),
                 t("all_indicators"), "indicator_index"),
        SitePage("matrix.md", urls.INDEX_URLS["matrix"], t("matrix"), t("matrix_intro"),
                 "matrix_page"),
        SitePage("deadlines.md", urls.INDEX_URLS["deadlines"], t("deadlines"),
                 t("deadlines"), "deadlines_page"),
        SitePage(DOWNLOADS_PAGE, urls.INDEX_URLS["downloads"], t("downloads"),
                 t("downloads_intro"), "downloads_page"),
        SitePage("changes/index.md", urls.INDEX_URLS["changes"], t("recent_changes"),
                 t("changes_intro"), "changes_page"),
    ]
    for plan in repo.plans.values():
        tasks = plan.walk_tasks()
        pages.append(SitePage(
            f"plans/{plan.id}/index.md", urls.plan_url(plan.id), _name(plan, lang),
            " · ".join(x for x in (plan.issuer, plan.period, t(
                "summary_counts", chapters=len(plan.walk_chapters()), tasks=len(tasks),
                indicators=len(plan.indicators))) if x),
            "plan_page", (plan.id,), plan.source))
    for plan in repo.plans.values():
        title = t("matrix_plan_title", plan=_name(plan, lang))
        pages.append(SitePage(
            f"matrix/{plan.id}.md", urls.matrix_url(plan.id), title, title,
            "matrix_plan_page", (plan.id,),
            Source(plan.source.file.rsplit("/", 1)[0] + "/tasks.yml", 1)))
    for dept in repo.departments.values():
        led = len(repo.index.led[dept.id])
        coop = len(repo.index.cooperated[dept.id])
        inds = len(repo.index.department_indicators[dept.id])
        pages.append(SitePage(
            f"departments/{dept.id}.md", urls.department_url(dept.id), _name(dept, lang),
            t("name_summary", name=_name(dept, lang),
              summary=t("dept_summary", led=led, coop=coop, inds=inds)),
            "department_page", (dept.id,), dept.source))
    for ind in repo.indicators.values():
        plan = repo.plans[ind.plan]
        pages.append(SitePage(
            f"indicators/{ind.id}.md", urls.indicator_url(ind.id), _name(ind, lang),
            f"{_name(ind, lang)} · {_name(plan, lang)}" + (f" · {ind.phrase}" if ind.phrase else ""),
            "indicator_page", (ind.id,), ind.source))
    return pages
