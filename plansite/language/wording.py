"""Values and targets in the reader's words, in the interface language.

Chinese follows the plans' own writing (:func:`plansite.values.format_value` and
:func:`plansite.values.describe_target`: ``15.58万公顷``, ``不低于98%``); English writes numbers
with thousands separators and words from :mod:`plansite.catalogue.labels`. Tables, pages and charts all use
these two functions, so a value reads the same wherever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.catalogue.labels import translate
from plansite.model.records import Target
from plansite.language.values import describe_target, format_value


def value_words(value: float | None, unit: str, lang: str = "zh") -> str:
    """A value with its unit (the unit, from the data, stays as written)."""
    if lang != "en" or value is None:
        return format_value(value, unit)
    number = f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{number}{unit}" if unit in ("", "%", "‰") else f"{number} {unit}"


@dataclass(frozen=True)
class Amount:
    """A value with its unit as a phrase of the catalogue quotes it (a reason's latest value):
    worded like every other value, in the reader's language."""

    value: float
    unit: str = ""

    def words(self, lang: str = "zh") -> str:
        return value_words(self.value, self.unit, lang)


def target_words(target: Target, lang: str = "zh") -> str:
    """A target in words: ``不低于98%`` / ``at least 98%``; a narrative target is its words."""
    if lang != "en":
        return describe_target(target)
    t = lambda key, **a: translate(key, lang, **a)  # noqa: E731 - a local short name
    if target.value is None and target.comparator != "range":
        return target.narrative or target.phrase
    if target.comparator == "range":
        return t("target_range", low=value_words(target.low, target.unit, lang),
                 high=value_words(target.high, target.unit, lang))
    value = float(target.value or 0)
    if target.kind in ("change", "annual-growth"):
        annual = "annual_" if target.kind == "annual-growth" else ""
        amount = value_words(abs(value), target.unit, lang)
        # the comparator is on the signed value: for a fall, <= means "at least this much"
        wider, narrower = (">=", "<=") if value >= 0 else ("<=", ">=")
        if target.comparator in (wider, wider[0]):
            amount = t("target_at_least", value=amount)
        elif target.comparator in (narrower, narrower[0]):
            amount = t("target_at_most", value=amount)
        return t(f"target_{annual}{'rise' if value >= 0 else 'fall'}", amount=amount)
    shown = f"100:{value_words(value, '', lang)}" if target.kind == "ratio" \
        else value_words(value, target.unit, lang)
    key = {">=": "target_at_least", "<=": "target_at_most", ">": "target_above",
           "<": "target_below"}.get(target.comparator)
    return t(key, value=shown) if key else shown
