"""Whether a figure can be what it claims, by its unit and the kind of indicator.

An editor who types 980 for a share publishes "980% 已实现". Levels are checked by their unit: a
share in % lies within 0–100, a per-mille within 0–1000, anything else (people, yuan, hectares,
schools) is not negative. Growth rates and changes may be anything (a fall is negative, a growth
rate may pass 100 %), so an indicator whose name speaks of growth or change, or whose target is
a change, is not checked. docs/methodology.md states the same rules.
"""

from __future__ import annotations

from plansite.catalogue.phrases import Phrase, phrase

SHARE_LIMITS = {"%": 100.0, "‰": 1000.0}
"""The largest level a share in each unit can take."""

GROWTH_WORDS = ("增长", "增速", "增幅", "增加", "下降", "降低", "减少", "变化", "变动", "涨幅",
                "提高", "弹性")
"""Words of an indicator's name that make its values changes, which may be any number."""


def measures_change(name: str, target_kind: str | None) -> bool:
    """Whether an indicator's values are changes or rates of growth rather than levels."""
    return target_kind in ("change", "annual-growth") or any(w in name for w in GROWTH_WORDS)


def implausible(value: float, unit: str) -> Phrase | None:
    """Why a level ``value`` in ``unit`` cannot be right, or None when it can."""
    limit = SHARE_LIMITS.get(unit.strip())
    if limit is not None and not 0 <= value <= limit:
        return phrase("share-between", unit=unit.strip(), high=_number(limit))
    if value < 0:
        return phrase("level-not-negative")
    return None


def year_range(period_start: int | None, period_end: int | None) -> tuple[int, int] | None:
    """The years a reported value of a plan may be for: from the year before the period (the
    situation the plan starts from) to its last year."""
    if period_start is None or period_end is None:
        return None
    return period_start - 1, period_end


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
