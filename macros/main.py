"""Macros that authors call in any Markdown page, and that the generated pages call too.

Each macro is a thin wrapper over :class:`plansite.render.Renderer`; it returns escaped HTML.
Pages opt in with ``render_macros: true`` in their front matter. Templates run in a sandboxed
Jinja environment that sees only these macros and the page, never the site configuration.
"""

from __future__ import annotations

from jinja2.sandbox import SandboxedEnvironment

from plansite.catalogue.labels import STRINGS
from plansite.site.selection import resolve_department, resolve_task, select_indicators
from plansite.site.text import plain


class MacroError(Exception):
    """A macro was called with an id or filter that does not exist."""


def define_env(env) -> None:
    """Register the plansite macros with mkdocs-macros."""

    def renderer():
        return env.conf.plugins["plansite"].renderer(env.page)

    def repo():
        return env.conf.plugins["plansite"].repo

    def checked(kind: str, key: str, known) -> str:
        if key not in known:
            raise MacroError(f"unknown {kind} '{key}'")
        return key

    @env.macro
    def indicator_table(plan=None, chapter=None, type=None, department=None, caption=None):
        """A table of indicators, filtered by plan, chapter, type and department."""
        chosen = select_indicators(repo(), plan=plan, chapter=None if chapter is None
                                   else str(chapter), type=type, department=department)
        r = renderer()
        return r.indicator_table(chosen, None if caption is None else plain(str(caption)),
                                 show_plan=plan is None)

    @env.macro
    def department_tasks(department, role="all"):
        """The tasks a department leads (role='lead'), co-operates on ('cooperating') or both."""
        r, dept = renderer(), resolve_department(repo(), department)
        index = repo().index
        roles = {"lead": index.led[dept], "cooperating": index.cooperated[dept],
                 "all": index.department_tasks(dept)}
        if role not in roles:
            raise MacroError(f"unknown role '{role}'; expected one of {', '.join(roles)}")
        keys = roles[role]
        return r.task_table(keys, r.t("related_tasks"), "lead" if role != "lead" else "cooperating")

    @env.macro
    def department_link(department):
        return renderer().department_link(resolve_department(repo(), department))

    @env.macro
    def task_link(ref, text=None):
        task = resolve_task(repo(), ref)
        return renderer().task_link(task.key, text)

    @env.macro
    def indicator_link(indicator):
        return renderer().indicator_link(checked("indicator", indicator, repo().indicators))

    @env.macro
    def plan_link(plan):
        return renderer().plan_link(checked("plan", plan, repo().plans))

    @env.macro
    def plan_list():
        return renderer().plan_list()

    @env.macro
    def plan_index():
        return renderer().plan_index()

    @env.macro
    def plan_page(plan):
        return renderer().plan_page(checked("plan", plan, repo().plans))

    @env.macro
    def department_index():
        return renderer().department_index()

    @env.macro
    def department_page(department):
        return renderer().department_page(checked("department", department, repo().departments))

    @env.macro
    def indicator_index():
        return renderer().indicator_index()

    @env.macro
    def indicator_page(indicator):
        return renderer().indicator_page(checked("indicator", indicator, repo().indicators))

    @env.macro
    def matrix_page():
        """The plans, each with the size of its matrix and a link to it."""
        return renderer().matrix_page()

    @env.macro
    def matrix_plan_page(plan):
        """One plan's department × chapter matrix, and the departments that share its tasks."""
        return renderer().matrix_plan_page(checked("plan", plan, repo().plans))

    @env.macro
    def deadlines_page():
        """Every task with a deadline, by quarter, overdue ones marked."""
        return renderer().deadlines_page()

    @env.macro
    def downloads_page():
        """The open-data files (JSON, CSV, XLSX, Data Package) and the schemas, with sizes."""
        sizes = env.conf.plugins["plansite"].download_sizes(env.conf)
        return renderer().downloads_page(sizes)

    @env.macro
    def changes_page():
        """Recent changes to targets and responsibilities, from git."""
        return renderer().changes_page()

    @env.macro
    def home_page():
        """The home page in the interface language: plans, binding indicators, where to go."""
        return renderer().home_page()

    @env.macro
    def t(key):
        """An interface string in the site's language (an authored page's heading), escaped."""
        return renderer().t(checked("translation key", key, STRINGS))


class PageFacts:
    """What a page template may know of its page: title, URL and front matter, no file paths."""

    def __init__(self, page) -> None:
        self.title = page.title
        self.url = page.url
        self.meta = dict(page.meta)


def on_pre_page_macros(env) -> None:
    """Before each page: the sandbox (made once), and of the variables only the page's facts."""
    env.variables["page"] = PageFacts(env.page)
    if isinstance(env.env, SandboxedEnvironment):
        return
    # mkdocs-macros builds a plain Jinja environment with the whole site configuration in
    # reach; pages get a sandbox that holds the plansite macros and the page only.
    plain = env.env
    safe = SandboxedEnvironment(loader=plain.loader, undefined=plain.undefined)
    safe.globals.clear()
    safe.globals.update(env.macros)
    env._env = safe
    for key in list(env.variables):
        if key != "page":
            del env.variables[key]
