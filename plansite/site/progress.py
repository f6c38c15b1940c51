"""What the progress parts of pages show, gathered for one page: a task's timeline, why a task
needs attention, a roll-up's attention list, in words and links ready for the templates.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from plansite.analysis.progress import Rollup, TaskProgress
from plansite.catalogue.labels import translate
from plansite.model import urls
from plansite.model.progress import ProgressReport, ReportEntry
from plansite.model.repository import Repository
from plansite.site.templates import Safe

if TYPE_CHECKING:
    from plansite.site.pages import Page
    from plansite.site.render import Renderer


@dataclass(frozen=True)
class TimelineItem:
    """One report entry on a task's page: the entry, its report, and its parts as links."""

    entry: ReportEntry
    report: ProgressReport
    anchor: str
    status: Markup
    period_url: str
    report_href: str
    evidence: tuple[tuple[str, str], ...]
    values: Markup
    edit: str


def report_href(r: Renderer, report: ProgressReport) -> str:
    """Where the report itself can be read: its address, or its file in the repository."""
    if report.url:
        return report.url
    return r.site.file_link(report.file, 0) if report.file else ""


def timeline(r: Renderer, key: str) -> list[TimelineItem]:
    """Every report entry on the task ``key``, newest first."""
    progress = r.findings.progress.tasks[key]
    reports = {(e.period.text, id(e)): rep for rep in r.repo.plans[r.repo.task(key).plan].reports
               for e in rep.entries}
    sep = html.escape(r.t("list_separator"))
    out = []
    for entry in progress.entries:
        report = reports[(entry.period.text, id(entry))]
        evidence = tuple((e.title, e.url or r.site.file_link(e.file, 0)) for e in entry.evidence)
        values = Safe(sep.join([r.indicator_link(v.indicator) + Markup(" ") + r.t(
            "with_year", words=r.value_words(v.value, v.unit or r.repo.indicators[v.indicator].unit),
            year=v.year) for v in entry.indicators]))
        out.append(TimelineItem(
            entry, report, f"report-{entry.period.text}",
            r.progress_words(entry.status or "unstated"),
            urls.period_url(entry.plan, entry.period.text), report_href(r, report), evidence,
            values, r.site.file_link(entry.source.file, entry.source.line)))
    return out


def attention_words(r: Renderer, progress: TaskProgress) -> list[str]:
    """Why a task needs attention, one phrase a reason."""
    out = []
    if progress.overdue and progress.due is not None:
        out.append(r.t("why_overdue", due=r.date_words(progress.due)))
    if progress.status == "delayed":
        out.append(r.t("why_delayed"))
    if progress.stale and progress.stale_since is not None:
        out.append(r.t("why_stale", since=r.date_words(progress.stale_since)))
    if progress.contradicted_by:
        out.append(r.t("why_contradiction", indicators=r.t("list_separator").join(
            r.name(r.repo.indicators[i]) for i in progress.contradicted_by)))
    return out


class ProgressParts:
    """The parts of a page that show reported progress: a status, a roll-up (the renderer's
    methods for them)."""

    def progress_words(self: Renderer, status: str) -> Markup:
        """A task status as reported (or unstated, or unreported), in words with a mark."""
        return self.once("progress", status, lambda: Safe(self.site.templates.macros(
            "partials/progress.html").label(status, self.t("report_status_" + status))))

    def progress_label(self: Renderer, key: str) -> Markup:
        """The current status of the task ``key``."""
        return self.progress_words(self.findings.progress.tasks[key].status)

    def rollup(self: Renderer, rollup: Rollup, level: int = 2) -> Markup:
        """Counts by status, a bar, and the tasks needing attention; nothing where no task
        belongs to a plan with progress reports."""
        if not rollup.reported or not rollup.total:
            return Markup()
        shown = rollup.attention[:ATTENTION_SHOWN]
        return Safe(self.site.templates.macros("partials/progress.html").rollup(
            self, rollup, attention_rows(self, shown), level,
            more=len(rollup.attention) - len(shown)))


ATTENTION_SHOWN = 50
"""The tasks needing attention a roll-up lists at most, the rest counted: a site's or a
department's roll-up would otherwise list thousands, and its page grow with the data."""


def attention_rows(r: Renderer, attention: list[TaskProgress]
                   ) -> list[tuple[Markup, Markup, str]]:
    """Tasks that need attention: link, status, and why."""
    sep = r.t("list_separator")
    return [(r.task_link(p.key, r.task_label(r.repo.task(p.key))), r.progress_label(p.key),
             sep.join(attention_words(r, p))) for p in attention]


def page_feeds(repo: Repository, page: Page, lang: str) -> list[tuple[str, str]]:
    """The feeds a page offers in its head (title, link relative to the page): the site's, and
    its plan's or department's own."""
    prefix = urls.prefix(page.url)
    out = [(translate("feed_site", lang), urls.link(prefix, urls.feed_url("site")))]
    if page.kind == "plan" and repo.plans[page.args[0]].reports:
        out.append((translate("feed_of", lang, name=repo.plans[page.args[0]].title),
                    urls.link(prefix, urls.feed_url("plan", page.args[0]))))
    if page.kind == "department" and any(
            repo.plans[repo.task(key).plan].reports
            for key in repo.index.department_tasks(page.args[0])):
        out.append((translate("feed_of", lang, name=repo.departments[page.args[0]].name),
                    urls.link(prefix, urls.feed_url("department", page.args[0]))))
    return out
