"""Indicators proposed from the numbers in a plan's text.

Every value that :func:`plansite.extract.find_targets` finds in a task's or chapter's text
becomes an indicator linked from that task: ``binding`` under a 约束性指标 heading, else
``expected``. In a part that reports on a past year (a work report's review: past-tense
sentences), :func:`plansite.extract.find_reported` finds figures instead; they become
``monitoring`` indicators whose value is an actual of that year. A sentence holding digits that
neither reads is listed as unparsed in the report; no value is ever guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from plansite.language.pinyin import syllables

from plansite.problems import Problem
from plansite.language.extract import TargetMention, find_reported, find_targets
from plansite.importers.outline import Node, Outline

BINDING_HEADING = re.compile(r"约束性")
PAST = re.compile(r"了")
FUTURE = re.compile(r"要(?!求|素)|力争|确保|争取(?!了)|将|到\d{4}年|计划")
SENTENCE = re.compile(r"[^。；;！？!?\n]+")
# Digits that are a year (2015年, 20*年 with the digits blanked), a date (6月30日) or an item
# number (1. / (1)) are not values.
NOT_VALUE = re.compile(r"(?:19|20)(?:[0-9]{2}|[0-9]?\*+[0-9]?)年|[0-9]{1,2}月(?:[0-9]{1,2}日)?"
                       r"|^\s*[（(]?[0-9]{1,2}[.．、)）]")
DIGITS = re.compile(r"[0-9０-９]+")
SLUG_MAX = 48


@dataclass
class Found:
    """Indicator records for indicators.yml, unreadable sentences, and warnings."""

    records: list[dict] = field(default_factory=list)
    unparsed: list[dict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@lru_cache(maxsize=4096)
def indicator_slug(name: str) -> str:
    """An ASCII id for an indicator name: its pinyin, at most SLUG_MAX letters."""
    out = ""
    for syllable in syllables(name):
        piece = re.sub(r"[^a-z0-9]+", "", syllable.lower())
        if len(out) + len(piece) > SLUG_MAX:
            break
        out += piece
    return out or "zhibiao"


def _period_years(period: str) -> tuple[int | None, int | None]:
    years = [int(y) for y in re.findall(r"\d{4}", period or "")]
    if not years:
        return None, None
    return years[0], years[-1]


def _is_report(chapter: Node) -> bool:
    """A top-level part written in the past tense reviews work done; the rest plans."""
    text = "".join(n.title + "".join(n.text_paragraphs()) for n in chapter.walk())
    return len(PAST.findall(text)) > len(FUTURE.findall(text))


def _own_text(node: Node) -> str:
    """The text of a node that its indicators are read from (without its sub-items)."""
    paragraphs = node.text_paragraphs()
    if node.kind == "task" and node.has_rest:
        return "\n".join(paragraphs)
    return "\n".join([node.title] + paragraphs)


def _unparsed_sentences(text: str, mentions: list[TargetMention]) -> list[str]:
    out = []
    for sentence in SENTENCE.finditer(text):
        masked = NOT_VALUE.sub(lambda m: " " * len(m.group()), sentence.group())
        for digits in DIGITS.finditer(masked):
            at = sentence.start() + digits.start()
            if not any(m.start <= at < m.end for m in mentions):
                out.append(sentence.group().strip())
                break
    return out


def find_indicators(outline: Outline, period: str, taken: set[str]) -> Found:
    """Indicators of every node of ``outline``; sets each task's ``indicators``.

    ``taken`` holds ids used by other plans, which the new ids must not repeat.
    """
    start, end = _period_years(period)
    found = Found()
    used = set(taken)

    counters: dict[str, int] = {}
    # the same target stated twice (总体目标 and again in a task) is one indicator
    stated: dict[tuple, str] = {}

    def new_id(name: str) -> str:
        base = indicator_slug(name)
        ident, counter = base, counters.get(base, 2)
        while ident in used:
            ident = f"{base}-{counter}"
            counter += 1
        counters[base] = counter
        used.add(ident)
        return ident

    def visit(node: Node, chapter: str, binding: bool, report: bool) -> None:
        if node.kind == "chapter":
            chapter = node.id
            binding = binding or bool(BINDING_HEADING.search(node.title))
        text = _own_text(node)
        if report:
            mentions = find_reported(text, start - 1 if start else None)
        else:
            mentions = find_targets(text, end)
        for mention in mentions:
            if report and mention.target.value is None:
                # a reported range is no single figure: leave it to the editor
                found.unparsed.append({"id": node.id, "sentence": mention.phrase})
                continue
            key = _target_key(mention) if not report else None
            ident = stated.get(key) if key else None
            if ident is None:
                record = _record(new_id(mention.name), mention, chapter, binding, report)
                found.records.append(record)
                ident = record["id"]
                if key:
                    stated[key] = ident
            if node.kind == "task" and ident not in node.indicators:
                node.indicators.append(ident)
        for sentence in _unparsed_sentences(text, mentions):
            found.unparsed.append({"id": node.id, "sentence": sentence})
        for child in node.children:
            visit(child, chapter, binding, report)

    for chapter in outline.chapters:
        visit(chapter, chapter.id, False, _is_report(chapter))
    return found


def _target_key(mention: TargetMention) -> tuple:
    """What makes two mentions the same indicator: its name and everything of its target."""
    t = mention.target
    return (mention.name, t.unit, t.value, t.low, t.high, t.comparator, t.kind, t.year)


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _record(ident: str, mention: TargetMention, chapter: str, binding: bool,
            report: bool) -> dict:
    target = mention.target
    record: dict = {"id": ident, "name": mention.name,
                    "type": "monitoring" if report else ("binding" if binding else "expected"),
                    "unit": target.unit, "chapter": chapter, "phrase": mention.phrase}
    if report:
        actual: dict = {"year": target.year, "value": _number(target.value),
                        "source": mention.phrase}
        if target.year is None:
            del actual["year"]
        record["actuals"] = [actual]
        return record
    goal: dict = {}
    if target.comparator == "range":
        goal["low"], goal["high"] = _number(target.low), _number(target.high)
    else:
        goal["value"] = _number(target.value)
    if target.year:
        goal["year"] = target.year
    goal["comparator"] = target.comparator
    goal["kind"] = target.kind
    record["target"] = goal
    return record
