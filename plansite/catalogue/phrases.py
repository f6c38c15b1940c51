"""A thing plansite says, kept as a code with arguments and worded only when it is shown.

Problems, hints, the values a message quotes (``文字“x”`` / ``the text 'x'``), descriptions of
data fields and the reasons given for statuses are all :class:`Phrase` s: a code of one of the
catalogue's tables and the arguments that fill its template. :func:`words` chooses the language
at the edge (the command line, the site, the downloads); until then a phrase is plain data that
can be compared, sorted, pickled and sent between processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from plansite.catalogue.changes import CHANGES
from plansite.catalogue.fields import FIELDS
from plansite.catalogue.hints import HINTS
from plansite.catalogue.imports import REPORT
from plansite.catalogue.messages import MESSAGES
from plansite.catalogue.phases import PHASES
from plansite.catalogue.progress import PROGRESS
from plansite.catalogue.values import VALUES
from plansite.catalogue.reasons import REASONS

LANGUAGES = ("zh", "en")

LIST_SEPARATOR = {"zh": "、", "en": ", "}
"""Between the items of a list argument (several names, several field names)."""

TABLES: dict[str, dict[str, dict[str, str]]] = {
    "messages": MESSAGES, "hints": HINTS, "values": VALUES, "reasons": REASONS, "fields": FIELDS,
    "report": REPORT, "changes": CHANGES, "progress": PROGRESS, "phases": PHASES,
}
"""Every table of phrase templates by name; a code belongs to exactly one of them."""

TEMPLATES: dict[str, dict[str, str]] = {code: templates for table in TABLES.values()
                                        for code, templates in table.items()}


class Worded(Protocol):
    """Anything that puts itself into words in a language: a phrase, a value with its unit."""

    def words(self, lang: str) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A code of the catalogue and the arguments that fill its template.

    An argument is text or a number shown as written, another :class:`Worded` thing worded in
    the same language, or a tuple of those shown as a list.
    """

    code: str
    args: tuple[tuple[str, Any], ...] = ()

    def words(self, lang: str = "zh") -> str:
        """The phrase in ``lang`` (Chinese where ``lang`` is unknown)."""
        return words(self.code, self.args, lang)

    def arg(self, name: str, default: Any = None) -> Any:
        """The argument ``name`` as given."""
        return dict(self.args).get(name, default)


def phrase(code: str, **args: Any) -> Phrase:
    """A :class:`Phrase` of ``code``; lists among ``args`` become tuples so the phrase hashes."""
    return Phrase(code, tuple((name, arg_value(value)) for name, value in args.items()))


def arg_value(value: Any) -> Any:
    """An argument as a phrase keeps it: text, a worded thing, or a tuple of those."""
    if isinstance(value, (list, tuple)):
        return tuple(arg_value(item) for item in value)
    if hasattr(value, "words") or isinstance(value, str):
        return value
    return str(value)


def words(code: str, args: tuple[tuple[str, Any], ...] | dict[str, Any] = (),
          lang: str = "zh") -> str:
    """The template of ``code`` in ``lang`` filled with ``args``, each worded in ``lang`` too.

    An unknown code is said as its ``found`` argument, or as itself: a message is never lost.
    """
    filled = {name: arg_words(value, lang) for name, value in dict(args).items()}
    templates = TEMPLATES.get(code)
    if templates is None:
        return filled.get("found", code)
    template = templates.get(lang) or templates["zh"]
    try:
        return template.format(**filled)
    except KeyError:
        return template


def arg_words(value: Any, lang: str) -> str:
    """One argument in ``lang``: a worded thing in words, a list joined, anything else as is."""
    if isinstance(value, tuple):
        separator = LIST_SEPARATOR.get(lang, LIST_SEPARATOR["zh"])
        return separator.join(arg_words(item, lang) for item in value)
    if hasattr(value, "words"):
        return value.words(lang)
    return str(value)


def sentence(said: Phrase, lang: str = "zh") -> str:
    """``said`` as a sentence of its own: in English its first letter is a capital."""
    text = said.words(lang)
    return text[:1].upper() + text[1:] if lang == "en" else text
