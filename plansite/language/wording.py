"""Values and targets in the reader's words, in the interface language.

Chinese follows the plans' own writing (``15.58万公顷``, ``不低于98%``, ``下降13%以上``), so that
:func:`plansite.language.targets.parse_target` reads a target's Chinese words back to the same
target; English writes numbers with thousands separators. The words around a value come from
:mod:`plansite.catalogue.labels`. Tables, pages, charts and status reasons all use these
functions, so a value reads the same wherever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plansite.catalogue.labels import translate
from plansite.language.quantities import significant
from plansite.model.records import Target

NO_MAGNITUDE = frozenset({"%", "‰", "个百分点", "百分点", "", "年", "个月", "天", "工作日", "小时", "倍"})
"""Units Chinese never writes with 万 or 亿 in front: shares, durations, plain numbers."""


def plain_number(value: float) -> str:
    """A number without float noise or exponent: 155800.0 -> '155800', 0.2 -> '0.2'."""
    text = format(Decimal(repr(significant(value))).normalize(), "f")
    return "0" if text in ("-0", "-0.0") else text


def format_value(value: float | None, unit: str = "") -> str:
    """A value as Chinese writes it, with 万/亿: 155800 公顷 -> ``15.58万公顷``.

    Values of 1e8 and more are written in 亿, of 1e4 and more in 万, except for percentages,
    per-mille, durations and unitless numbers. None (a narrative target) gives ``""``.
    """
    if value is None:
        return ""
    if unit not in NO_MAGNITUDE and abs(value) >= 1e4:
        if abs(value) >= 1e8:
            return f"{plain_number(value / 1e8)}亿{unit}"
        return f"{plain_number(value / 1e4)}万{unit}"
    return f"{plain_number(value)}{unit}"


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


_LEVEL_KEYS = {">=": "target_at_least", "<=": "target_at_most", ">": "target_above",
               "<": "target_below", "~": "target_about"}


def target_words(target: Target, lang: str = "zh") -> str:
    """A target in words: ``不低于98%`` / ``at least 98%``, ``下降13%以上`` / ``a fall of at least
    13%``; a narrative target is its words. Plans write no strict bound on a change, so a change
    with ``>`` or ``<`` is worded like ``>=`` / ``<=`` (以上 / 以内)."""
    t = lambda key, **a: translate(key, lang, **a)  # noqa: E731 - a local short name
    if target.value is None and target.comparator != "range":
        return target.narrative or target.phrase
    changes = target.kind in ("change", "annual-growth")
    if target.comparator == "range":
        low, high = target.low or 0, target.high or 0
        falls = changes and high <= 0
        if falls:
            low, high = -high, -low
        amount = t("target_range", low=value_words(low, target.unit, lang),
                   high=value_words(high, target.unit, lang))
        return _change_words(target, falls, amount, lang) if changes else amount
    value = float(target.value or 0)
    if changes:
        amount = value_words(abs(value), target.unit, lang)
        # the comparator is on the signed value: for a fall, <= means "at least this much"
        wider, narrower = (">=", "<=") if value >= 0 else ("<=", ">=")
        if target.comparator == "~":
            amount = t("target_amount_about", amount=amount)
        elif target.comparator in (wider, wider[0]):
            amount = t("target_amount_at_least", amount=amount)
        elif target.comparator in (narrower, narrower[0]):
            amount = t("target_amount_at_most", amount=amount)
        return _change_words(target, value < 0, amount, lang)
    shown = f"100:{value_words(value, '', lang)}" if target.kind == "ratio" \
        else value_words(value, target.unit, lang)
    key = _LEVEL_KEYS.get(target.comparator)
    return t(key, value=shown) if key else shown


def _change_words(target: Target, falls: bool, amount: str, lang: str) -> str:
    """A rise or fall of ``amount``, over the period or every year."""
    annual = "annual_" if target.kind == "annual-growth" else ""
    return translate(f"target_{annual}{'fall' if falls else 'rise'}", lang, amount=amount)
