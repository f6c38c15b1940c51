"""The short forms readers type for plan terms, and the full terms they stand for.

Plans write 新型农村合作医疗 and 居民消费价格指数; residents type 新农合 and CPI. plansite ships
a table of such pairs collected from real usage (``abbreviations.yml`` beside this module, each
entry with where it was seen); a site adds its own (``data/abbreviations.yml``, read by
:mod:`plansite.reading.abbreviations`). :class:`ShortForms` says, for any text, which other
forms of the terms it holds a reader might type: the search index adds them, so either form
finds the text and the reader's browser has nothing to look up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

from plansite.model.records import Abbreviation

SHIPPED = Path(__file__).with_name("abbreviations.yml")


@lru_cache(maxsize=1)
def shipped_abbreviations() -> tuple[Abbreviation, ...]:
    """The table plansite ships (checked by the tests like a site's own file)."""
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    return tuple(Abbreviation(str(e["short"]), str(e["full"]), str(e.get("source", "")))
                 for e in data["abbreviations"])


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _pattern(form: str) -> str:
    """A form as a regular expression: Latin letters and digits only as a whole word (CPI, not
    the CPI inside CPIX), Chinese anywhere (Chinese is written without spaces)."""
    body = re.escape(form)
    if form[:1].isascii() and form[:1].isalnum():
        body = r"(?<![a-z0-9])" + body
    if form[-1:].isascii() and form[-1:].isalnum():
        body += r"(?![a-z0-9.])" if form[-1:].isalpha() else r"(?![a-z0-9])"
    return body


class ShortForms:
    """Which other forms of its terms a text holds: short for full and full for short.

    >>> forms = ShortForms()
    >>> forms.others("推进新型农村合作医疗")
    ('新农合',)
    >>> forms.others("居民消费价格指数（CPI）涨幅")
    ()
    >>> forms.others("双拥工作")
    ('拥军优属 拥政爱民',)
    """

    def __init__(self, extra: Iterable[Abbreviation] = ()):
        self.pairs: dict[str, set[str]] = {}
        for entry in (*shipped_abbreviations(), *extra):
            short, full = _fold(entry.short), _fold(" ".join(entry.full.split()))
            self.pairs.setdefault(short, set()).add(full)
            self.pairs.setdefault(full, set()).add(short)
        self.originals = {_fold(e.short): e.short for e in (*shipped_abbreviations(), *extra)}
        # a substring test per form is the quickest first look (it runs in C); a Latin form
        # found so is then checked to stand as a whole word
        self.whole_word = {f: re.compile(_pattern(f)) for f in self.pairs
                           if " " not in f and f.isascii()}

    def _present(self, text: str) -> set[str]:
        found = set()
        for form in self.pairs:
            if " " in form:
                if all(w in text for w in form.split(" ")):
                    found.add(form)
            elif form in text and (form not in self.whole_word
                                   or self.whole_word[form].search(text)):
                found.add(form)
        return found

    def others(self, text: str) -> tuple[str, ...]:
        """The forms a reader may type for the terms in ``text`` that ``text`` does not hold."""
        folded = _fold(text)
        present = self._present(folded)
        out: list[str] = []
        for form in sorted(present):
            for other in sorted(self.pairs.get(form, ())):
                if other not in present and other not in out:
                    out.append(other)
        return tuple(self.originals.get(o, o) for o in out)
