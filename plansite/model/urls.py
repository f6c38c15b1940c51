"""Public URLs of the site: an interface, kept stable. Every link is made here.

Addresses are site-relative directory URLs (``departments/zhujianwei/``), turned into links
relative to the page that shows them so the site works from any folder or sub-path.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from plansite.model.records import Chapter, Task


def numbered_url(base: str, number: int) -> str:
    """The address of page ``number`` of a long list (or plan) whose first page is ``base``."""
    return base if number == 1 else f"{base}page/{number}/"


def plan_url(plan_id: str, page: int = 1) -> str:
    """A plan's page, or page ``page`` of a long plan
    (:meth:`plansite.model.index.Index.page_of` says which holds a chapter)."""
    return numbered_url(f"plans/{plan_id}/", page)


def chapter_url(chapter: Chapter, page: int = 1) -> str:
    return f"{plan_url(chapter.plan, page)}#{chapter.anchor}"


def task_url(task: Task) -> str:
    """A task's own page: its text, departments, deadline and the timeline of its reports."""
    return task_page_url(task.plan, task.id)


def task_page_url(plan_id: str, task_id: str) -> str:
    """The page of the task ``task_id`` of the plan ``plan_id``."""
    return f"{plan_url(plan_id)}tasks/{task_id}/"


def task_anchor_url(task: Task, page: int = 1) -> str:
    """A task in its place on its plan page (page ``page`` of a long plan)."""
    return f"{plan_url(task.plan, page)}#{task.anchor}"


def period_url(plan_id: str, period: str) -> str:
    """A plan's reporting period: what changed since the period before."""
    return f"{plan_url(plan_id)}reports/{period}/"


def matrix_url(plan_id: str) -> str:
    """The responsibility matrix of one plan (``/matrix/`` lists the plans)."""
    return f"matrix/{plan_id}/"


def indicator_rows_url(plan_id: str) -> str:
    """The file of one plan's rows of the indicator list, which its filter loads on demand."""
    return f"indicators/rows/{plan_id}.json"


def indicator_choices_url() -> str:
    """The file of the indicator list's filter choices (its plans and departments), which the
    filter of a list paged over many pages loads once, instead of every page carrying them."""
    return "indicators/filter-choices.json"


def department_url(dept_id: str) -> str:
    return f"departments/{dept_id}/"


def indicator_url(indicator_id: str) -> str:
    return f"indicators/{indicator_id}/"


def member_url(member_id: str) -> str:
    """A portal's page of one member site: its plans and departments, linked to its pages."""
    return f"members/{member_id}/"


def feed_url(scope: str, key: str = "") -> str:
    """The address of an Atom feed of progress: ``feeds/all.xml`` (``scope`` site),
    ``feeds/plans/<id>.xml``, ``feeds/departments/<id>.xml``."""
    return "feeds/all.xml" if scope == "site" else f"feeds/{scope}s/{key}.xml"


def calendar_url(dept_id: str) -> str:
    """The iCalendar file of a department's deadlines."""
    return f"calendars/{dept_id}.ics"


INDEX_URLS = {
    "home": "",
    "plans": "plans/",
    "departments": "departments/",
    "indicators": "indicators/",
    "downloads": "downloads/",
    "matrix": "matrix/",
    "deadlines": "deadlines/",
    "changes": "changes/",
    "methodology": "methodology/",
    "editing": "editing/",
    "accessibility": "accessibility/",
    "members": "members/",
    "member-plans": "member-plans/",
}
"""The address of each index page and page the site ships, by the page's name."""


def matrix_csv_name(plan_id: str) -> str:
    """The file name of a plan's responsibility matrix in the downloads folder."""
    return f"matrix-{plan_id}.csv"


def prefix(page_url: str) -> str:
    """What a link from the page at ``page_url`` puts before a site URL: one ``../`` for each
    folder the page sits in (``departments/zhujianwei/`` -> ``../../``).

    A link made this way is the same from every page at one depth, so a link, or a table row
    of links, made for one department page serves every other one.
    """
    return "../" * page_url.count("/")


def link(page_prefix: str, site_url: str) -> str:
    """The link to the site URL ``site_url`` (may hold ``#anchor``) from a page whose
    :func:`prefix` is ``page_prefix``; an anchor alone stays on the page."""
    if site_url.startswith("#"):
        return site_url
    return page_prefix + site_url or "./"


def _segments(path: str) -> list[str]:
    """The folders of a site path, ``.`` and ``..`` resolved as posixpath.normpath does."""
    if "." in path:
        path = posixpath.normpath(path)
    return [part for part in path.split("/") if part and part != "."]


def relative(from_page: str, to: str) -> str:
    """The link from the page at URL ``from_page`` to the site URL ``to`` (may hold ``#anchor``).

    Pages link to thousands of records, so this is plain work on path segments rather than
    posixpath.relpath, which resolves both paths against the working directory first; and the
    links of one page to one address (a plan's tasks, at their anchors) share the work.
    """
    target, _, anchor = to.partition("#")
    if target == "" and to.startswith("#"):
        return to
    rel = _relative_path(from_page, target)
    return rel + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=4096)
def _relative_path(from_page: str, target: str) -> str:
    base = _segments(from_page if from_page.endswith("/") else posixpath.dirname(from_page))
    parts = _segments(target)
    common = 0
    for a, b in zip(base, parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
