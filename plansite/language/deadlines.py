"""A task's deadline (完成时限) as plans write it, read into a year and a month, or ongoing."""

from __future__ import annotations

import re

from plansite.language.numerals import normalize_width
from plansite.language.targets import plan_period_end
from plansite.model.records import Deadline

_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_ONGOING = frozenset(
    "长期 长期坚持 长期推进 长期实施 持续 持续推进 持续实施 持续开展 常年 常态化 经常性 逐步推进".split()
)
_Y = r"(?P<y>(?:19|20)[0-9]{2})"
_DEADLINE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (rf"{_Y}年(?P<m>[0-9]{{1,2}})月(?P<d>[0-9]{{1,2}})日", "date"),
        (rf"{_Y}年(?P<m>[0-9]{{1,2}})月(?:底|末|份)?", "date"),
        (rf"{_Y}年(?:底|末|年底|年末)", "year-end"),
        (rf"{_Y}年", "year"),
        (rf"{_Y}年?第?(?P<q>[一二三四1-4])季度(?:末|底)?", "quarter"),
        (rf"{_Y}年(?P<h>上|下)半年", "half"),
        (rf"(?P<y0>(?:19|20)[0-9]{{2}})年?\s*(?:-|—|–|~|至|到)+\s*{_Y}年(?:底|末)?", "span"),
        (rf"{_Y}[.\-/](?P<m>[0-9]{{1,2}})(?:[.\-/](?P<d>[0-9]{{1,2}}))?", "date"),
        (r"(?:今年|本年|当年)?(?:年底|年末|年内|年度内|底)", "this-year-end"),
        (r"(?:今年|本年)?(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})日|底|末)?", "this-year-date"),
        (r"(?:今年|本年)?(?P<h>上|下)半年", "this-year-half"),
        (r"(?:今年|本年)?第?(?P<q>[一二三四1-4])季度(?:末|底)?", "this-year-quarter"),
        (r"(?:每年|每年度|年年)(?:(?P<m>[0-9]{1,2})月(?:底|末)?)?", "recurring"),
        (r"每季度|每月|每半年", "recurring"),
        (r"十(?P<n>[一二三四五六七八九]?)五(?:期间|时期|末|期末)?", "plan-period"),
        (r"规划期(?:内|末|间)|期末", "period-end"),
    )
)


def parse_deadline(phrase: str, default_year: int | None = None, period_end: int | None = None) -> Deadline:
    """A task's deadline (完成时限) as a year and month, or ongoing.

    Accepted forms (full-width digits too; a trailing 前/以前/之前 and a leading 于/到/截至/
    完成时限: are allowed): ``2026年12月``, ``2026年12月底前``, ``2026年6月30日前``, ``2026年底``,
    ``2015年`` (month None: by the end of that year), ``2026年第二季度``/``2026年二季度`` (month of
    the quarter's end), ``2026年上半年`` (6) / ``下半年`` (12), ``2025—2026年`` (the end year),
    ``2026.12``, ``2026-12``, ``2026/12``; ``年底前``, ``6月30日前``, ``上半年`` with
    ``default_year``; ``长期``, ``持续推进``, ``长期坚持`` … (ongoing) and ``每年``, ``每年度``,
    ``每年6月`` (ongoing, recurring); ``“十二五”期间``/``末`` (the plan's last year: 2015; must
    agree with ``period_end`` when given) and ``规划期内``/``期末`` (``period_end``).
    Anything else raises :class:`ValueError`.
    """
    text = normalize_width(phrase).strip()
    text = re.sub(r"^(?:完成时限|时限)\s*:?\s*", "", text)
    text = re.sub(r"^(?:截至|截止|于|在|到|至)", "", text)
    text = re.sub(r"(?:以前|之前|前)$", "", text)
    text = re.sub(r"[“”\"'「」\s]", "", text)
    if not text:
        raise ValueError("empty deadline")
    if text in _ONGOING:
        return Deadline(phrase=phrase, ongoing=True)
    for pattern, kind in _DEADLINE_FORMS:
        m = pattern.fullmatch(text)
        if m:
            return _deadline_from(m, kind, phrase, default_year, period_end)
    raise ValueError(f"not a deadline: {phrase!r}; write e.g. 2026年12月底前 or 长期")


def _deadline_from(m: re.Match[str], kind: str, phrase: str, default_year: int | None,
                   period_end: int | None) -> Deadline:
    groups = m.groupdict()
    month: int | None = None
    if groups.get("m"):
        month = int(groups["m"])
    elif groups.get("q"):
        month = _QUARTERS[groups["q"]]
    elif groups.get("h"):
        month = 6 if groups["h"] == "上" else 12
    elif kind in ("year-end", "this-year-end") or (kind == "span" and m.group(0)[-1] in "底末"):
        month = 12
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"no month {month} in {phrase!r}")
    if groups.get("d") and not 1 <= int(groups["d"]) <= 31:
        raise ValueError(f"no day {groups['d']} in {phrase!r}")
    if kind == "recurring":
        return Deadline(phrase=phrase, month=month, ongoing=True)
    if kind == "plan-period":
        year = plan_period_end(groups["n"])
        if period_end is not None and period_end != year:
            raise ValueError(f"{phrase!r} ends in {year}, the plan in {period_end}")
        return Deadline(phrase=phrase, year=year, month=12 if m.group(0).endswith("末") else None)
    if kind == "period-end":
        if period_end is None:
            raise ValueError(f"{phrase!r} needs the plan's last year")
        return Deadline(phrase=phrase, year=period_end)
    if kind.startswith("this-year"):
        if default_year is None:
            raise ValueError(f"{phrase!r} names no year; give the year of the plan")
        year = default_year
    else:
        year = int(groups["y"])
        if kind == "span" and int(groups["y0"]) > year:
            raise ValueError(f"years run backwards in {phrase!r}")
    return Deadline(phrase=phrase, year=year, month=month)
