"""Macros that authors call in any Markdown page: the pages and fragments of the registry.

Each page kind of :mod:`plansite.site.pages` is a macro of its own name
(``{{ department_page("zhujianwei") }}``), and the fragments pages are made of are macros too
(``{{ indicator_table(plan="city-12th-fyp", type="binding") }}``, ``{{ department_link("发改委") }}``).
They return the same HTML the generated pages show, from the same templates. Pages opt in with
``render_macros: true`` in their front matter; templates run in a sandboxed Jinja environment
that sees only these macros and the page, never the site configuration.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from plansite.catalogue.labels import STRINGS
from plansite.site.pages import PAGE_KINDS
from plansite.site.render import Renderer
from plansite.site.selection import resolve_department, resolve_task, select_indicators

_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


class MacroError(Exception):
    """A macro was called with an id or filter that does not exist."""


def _block(html: str) -> Markup:
    """HTML that Markdown keeps as one raw block: no blank line inside (a blank line would end
    the block and hand the rest to Markdown)."""
    return Markup(_BLANK_LINES.sub("", str(html)))


def define_env(env) -> None:
    """Register the plansite macros with mkdocs-macros."""

    def plugin():
        return env.conf.plugins["plansite"]

    def renderer() -> Renderer:
        return plugin().renderer(env.page)

    def repo():
        return plugin().repo

    def checked(kind: str, key: str, known) -> str:
        if key not in known:
            raise MacroError(f"unknown {kind} '{key}'")
        return key

    known_ids: dict[str, Callable[[], object]] = {
        "plan": lambda: repo().plans, "plan-matrix": lambda: repo().plans,
        "department": lambda: repo().departments, "indicator": lambda: repo().indicators,
        "member": lambda: {member.id for member in repo().members}}

    def page_macro(kind: str) -> Callable[..., Markup]:
        def macro(*args: str) -> Markup:
            if kind in known_ids:
                for arg in args:
                    checked(kind.split("-")[0], arg, known_ids[kind]())
            return _block(renderer().page(kind, *args))
        macro.__name__ = PAGE_KINDS[kind].macro
        macro.__doc__ = f"The content of the {kind} page."
        return macro

    for kind in PAGE_KINDS.values():
        env.macro(page_macro(kind.name), kind.macro)

    @env.macro
    def indicator_table(plan=None, chapter=None, type=None, department=None, caption=None):
        """A table of indicators, filtered by plan, chapter, type and department."""
        chosen = select_indicators(repo(), plan=plan, chapter=None if chapter is None
                                   else str(chapter), type=type, department=department)
        return _block(renderer().indicator_table(
            chosen, None if caption is None else str(caption), show_plan=plan is None))

    @env.macro
    def department_tasks(department, role="all"):
        """The tasks a department leads (role='lead'), co-operates on ('cooperating') or both."""
        r, dept = renderer(), resolve_department(repo(), department)
        index = repo().index
        roles = {"lead": index.led[dept], "cooperating": index.cooperated[dept],
                 "all": index.department_tasks(dept)}
        if role not in roles:
            raise MacroError(f"unknown role '{role}'; expected one of {', '.join(roles)}")
        return _block(r.task_table(roles[role], r.t("related_tasks"),
                                   "lead" if role != "lead" else "cooperating"))

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
        return _block(renderer().plan_list())

    @env.macro
    def t(key):
        """An interface string in the site's language (an authored page's heading), escaped."""
        return Markup.escape(renderer().t(checked("translation key", key, STRINGS)))


class PageFacts:
    """What a page template may know of its page: title, URL and front matter, no file paths."""

    def __init__(self, page) -> None:
        self.title = page.title
        self.url = page.url
        self.meta = dict(page.meta)


class PageSandbox(SandboxedEnvironment):
    """The sandbox authors' pages render in. A template that cannot be read or run is handed to
    the plansite plugin (``macro_failed``) instead of raising, so the build stops with the page,
    its line and the reason rather than mkdocs-macros' traceback; the page is left as written."""

    plugin: Any = None

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        try:
            template = super().from_string(source, globals, template_class)
        except TemplateError as error:
            return _Guarded(self, None, source, error)
        return _Guarded(self, template, source)


class _Guarded:
    """A page's template whose failure goes to the plugin, not up the stack."""

    def __init__(self, env: PageSandbox, template: Any, source: str,
                 error: Exception | None = None) -> None:
        self.env, self.template, self.source, self.error = env, template, source, error

    def render(self, *args: Any, **kwargs: Any) -> str:
        if self.error is None:
            try:
                return self.template.render(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - any failure of an author's template
                self.error = error
        self.env.plugin.macro_failed(self.error)
        return self.source


def _kept(plugin: Any, macro: Callable[..., Any]) -> Callable[..., Any]:
    """``macro`` whose HTML is held aside while the page's own HTML is sanitised."""

    @functools.wraps(macro)
    def call(*args: Any, **kwargs: Any) -> Any:
        return plugin.macro_outputs.keep(macro(*args, **kwargs))
    return call


def on_pre_page_macros(env) -> None:
    """Before each page: the sandbox (made once), and of the variables only the page's facts."""
    env.variables["page"] = PageFacts(env.page)
    if isinstance(env.env, PageSandbox):
        return
    # mkdocs-macros builds a plain Jinja environment with the whole site configuration in
    # reach; pages get a sandbox that holds the plansite macros and the page only.
    plain = env.env
    safe = PageSandbox(loader=plain.loader, undefined=plain.undefined)
    safe.plugin = plugin = env.conf.plugins["plansite"]
    safe.globals.clear()
    safe.globals.update({name: _kept(plugin, macro) for name, macro in env.macros.items()})
    env._env = safe
    for key in list(env.variables):
        if key != "page":
            del env.variables[key]
