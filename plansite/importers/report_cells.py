"""What the cells and lines of a progress report say, beyond their words.

- A status as the source words it (正常推进, 滞后, 已完成 …) and the status of the report format
  it means; a percentage within 0-100.
- A statement that covers every item of the report (目前所有项目均已提前完成全年目标任务, 29个项目已
  全部完成): the status of each item that states none of its own, and of each task of the plan
  the report has no row of.
- The value of one of the plan's indicators that a row reports: a row 新增4000张养老床位 with
  完成情况 4385, on the task whose indicator 养老床位 was found in 新增4000张养老床位, gives that
  indicator 4385 for the report's year. The indicator is the one of the task's indicators whose
  name the row's words hold (its phrase decides between several); the cell is a bare number or a
  quantity in the indicator's unit, and a number more than ten times off the target (a table
  counting in 万 while the plan counts in 人) is not taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from plansite.language.numerals import normalize_width
from plansite.language.quantities import parse_number, parse_quantity
from plansite.reading.yamlfile import load_file, plain

# A status as the source words it, and the status of the report format it means.
STATUS_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"不再推进|取消|终止|停止实施"), "dropped"),
    (re.compile(r"调整后完成|变更后完成"), "done_modified"),
    (re.compile(r"未启动|尚未启动|未开工|尚未开工"), "not_started"),
    (re.compile(r"严重滞后|滞后|未达(到)?序时|进度缓慢|落后于序时"), "delayed"),
    (re.compile(r"超进度|超序时|快于序时"), "ahead"),
    (re.compile(r"正常推进|正在推进|推进中|进行中|有序推进|按序时|达到序时|达序时|已启动"), "on_track"),
    # 已完成改造18个 counts what is done; the task is done when nothing follows the words
    (re.compile(r"全面完成|超额完成|提前完成|已办结|已完工|(?:已经|已)?完成(?:全年)?(?:目标)?(?:任务)?"
                r"(?=$|[。，,；;！!])"), "done"),
)
# Every item done, said once for the whole report: 所有项目均已提前完成全年目标任务, …已全部完成;
# not 尚未全部完成, 均未完成 or 各项目已完成前期工作.
ALL_DONE = re.compile(r"(?:(?:所有|全部|各)(?:实事)?(?:项目|任务|事项)(?:均|都)?已经?"
                      r"|(?<![未没])已(?=全部|全面))(?:提前|全面|全部|超额)?完成"
                      r"(?:全年|年度)?(?:目标)?(?:任务)?(?=$|[。；;，,！!？?])")


def percent_of(text: str) -> int | float | None:
    """The percentage ``text`` gives (``85%``, ``85``), when it is one within 0-100."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[%％]?\s*", normalize_width(text or ""))
    if not m:
        return None
    value = float(m.group(1))
    if not 0 <= value <= 100:
        return None
    return int(value) if value.is_integer() else value


def all_done(lines: list[str]) -> str:
    """The words of a statement in ``lines`` that every item of the report is done, or ""."""
    for line in lines:
        m = ALL_DONE.search(line)
        if m:
            return m.group(0)
    return ""


@dataclass(frozen=True)
class PlanIndicator:
    """An indicator of the plan as a report row is matched to it."""

    id: str
    name: str
    phrase: str
    unit: str
    target: float | None


def plan_indicators(path: Path) -> dict[str, PlanIndicator]:
    """The indicators of a plan's indicators.yml by id (none when the plan has no such file)."""
    if not path.is_file():
        return {}
    data = plain(load_file(path)[0].data)
    out = {}
    for item in (data.get("indicators") if isinstance(data, dict) else None) or []:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        target = item.get("target")
        value = target.get("value") if isinstance(target, dict) else None
        out[str(item["id"])] = PlanIndicator(
            str(item["id"]), str(item.get("name") or ""), str(item.get("phrase") or ""),
            str(item.get("unit") or ""), float(value) if isinstance(value, (int, float)) else None)
    return out


def indicator_value(words: str, cell: str, candidates: list[PlanIndicator], year: int
                    ) -> dict | None:
    """The value a row with ``words`` reports in ``cell`` for one of ``candidates``, as an entry's
    indicator value, or None."""
    named = [i for i in candidates if i.name and i.name in words]
    if len(named) > 1:
        named = [i for i in named if i.phrase and i.phrase in words]
    if len(named) != 1:
        return None
    indicator = named[0]
    value = _reported(cell, indicator)
    if value is None:
        return None
    out = {"indicator": indicator.id, "year": year,
           "value": int(value) if value.is_integer() else value}
    if indicator.unit:
        out["unit"] = indicator.unit
    return out


def _reported(cell: str, indicator: PlanIndicator) -> float | None:
    text = normalize_width(cell or "").strip()
    if not text:
        return None
    try:
        value = parse_number(text)
    except ValueError:
        try:
            quantity = parse_quantity(text)
        except ValueError:
            return None
        if quantity.unit != indicator.unit:
            return None
        value = quantity.value
    target = indicator.target
    if target and not target / 10 <= value <= target * 10:
        return None
    return value
