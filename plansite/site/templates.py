"""The HTML templates of the site's pages and fragments, and the one Jinja environment that
renders them.

Every template ships in ``plansite/site/templates/plansite/`` and is named ``plansite/<name>``.
A site replaces any of them by putting a file of the same name under its own overrides folder
(``overrides/plansite/task-table.html`` replaces the task table everywhere), as Material sites
replace the theme's partials. Templates are compiled once per build, when first used.

Autoescaping is on: a value from data is escaped unless it is :class:`markupsafe.Markup`,
which only plansite's own helpers make (links, sanitised Markdown), never data itself.
"""

from __future__ import annotations

import html
from pathlib import Path
from types import BuiltinMethodType, FunctionType, MethodType
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.runtime import Context
from markupsafe import Markup

from plansite.model import urls
from plansite.site.text import markdown_html

TEMPLATE_DIR = Path(__file__).parent / "templates"
"""Where the shipped templates live; their names start with ``plansite/``."""


def shipped_templates() -> list[str]:
    """The name of every template plansite ships, each one a site may override."""
    return sorted(p.relative_to(TEMPLATE_DIR).as_posix()
                  for p in (TEMPLATE_DIR / "plansite").rglob("*") if p.is_file())


def _markdown(text: str) -> Markup:
    """Markdown from data as safe HTML (raw HTML shown as text, unsafe links dropped)."""
    return Markup(markdown_html(text))


SLOT = "\x00"
"""Marks a slot in a macro rendered as a :class:`Fragment`: no template writes it, no escaping
changes it."""


class Fragment:
    """A small macro of the site's templates (a link, a status label) made into a pattern once
    per build, then filled for each record.

    The macro is rendered with a marker in place of each value; the pattern is the result, with
    the markers as slots. Filling it escapes each value (unless it is Markup) and costs a string
    format, where calling the macro for each of a page's thousands of links cost a Jinja call
    each. So a fragment macro may only print its values (no tests or filters on them); choices
    are made by rendering one fragment per case.
    """

    def __init__(self, text: str):
        parts = text.replace("{", "{{").replace("}", "}}").split(SLOT)
        self.slots = tuple(parts[1::2])
        self.pattern = "".join(part if i % 2 == 0 else "{" + part + "}"
                               for i, part in enumerate(parts))

    def __call__(self, **values: Any) -> Markup:
        for key, value in values.items():
            if not isinstance(value, Markup):
                values[key] = html.escape(str(value))
        return Markup(self.pattern.format_map(values))


class _Context(Context):
    """Jinja's context, calling plain functions and methods without looking for the markers
    (``pass_context`` and kin) that only Jinja's own helpers carry: a page of thousands of
    rows calls them hundreds of thousands of times, and the look-up was most of the cost."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - as Jinja's
        kind = type(__obj)
        if kind is MethodType or kind is FunctionType or kind is BuiltinMethodType:
            if not hasattr(__obj, "jinja_pass_arg"):
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
                return __obj(*args, **kwargs)
        return super().call(__obj, *args, **kwargs)


class Templates:
    """The site's templates: an overrides folder first (when given), then the shipped ones."""

    def __init__(self, overrides: Path | None = None):
        loaders = []
        if overrides is not None and Path(overrides).is_dir():
            loaders.append(FileSystemLoader(str(overrides)))
        loaders.append(FileSystemLoader(str(TEMPLATE_DIR)))
        self.env = Environment(loader=ChoiceLoader(loaders), autoescape=True,
                               undefined=StrictUndefined, auto_reload=False,
                               trim_blocks=True, lstrip_blocks=True,
                               extensions=["jinja2.ext.do"])
        self.env.context_class = _Context
        self.env.filters["markdown"] = _markdown
        self.env.globals["urls"] = urls
        self._modules: dict[str, Any] = {}

    def render(self, name: str, **context: Any) -> Markup:
        """The template ``plansite/<name>`` filled with ``context``."""
        return Markup(self.env.get_template(f"plansite/{name}").render(**context))

    def fragment(self, name: str, macro: str, *slots: str, **fixed: Any) -> Fragment:
        """The macro ``macro`` of ``plansite/<name>`` as a :class:`Fragment` with ``slots``;
        ``fixed`` arguments choose the case (``incomplete=True``)."""
        markers = {slot: Markup(f"{SLOT}{slot}{SLOT}") for slot in slots}
        return Fragment(str(getattr(self.macros(name), macro)(**fixed, **markers)))

    def macros(self, name: str) -> Any:
        """The macros of ``plansite/<name>``, callable from Python (a link made per record)."""
        module = self._modules.get(name)
        if module is None:
            module = self._modules[name] = self.env.get_template(f"plansite/{name}").module
        return module
