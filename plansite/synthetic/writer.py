"""The records of a synthetic repository, drawn from a seeded random source: chapters, tasks
with their responsibility lines and deadlines, and indicators with targets written as plans
write them."""

from __future__ import annotations

import math
import random

from plansite.language.numerals import chinese_numeral
from plansite.synthetic.departments import SynthDepartment
from plansite.synthetic.words import (ACTIONS, CHAPTER_THEMES, CLAUSES, DEADLINES, IMPLEMENTER_WORDS,
                                      METRICS, NARRATIVES, PAIRS, REPORTED_UP_TO, SCOPES, SUB_VERBS,
                                      THINGS, VERBS, Metric)


def quantity_phrase(value: float, unit: str) -> str:
    """A base-unit value as a plan writes it: 1662000 人 -> 166.2万人, 1e11 元 -> 1000亿元."""
    if unit in ("%", "‰", "") or abs(value) < 1e5:
        return f"{_short(value)}{unit}"
    if abs(value) >= 1e8:
        return f"{_short(value / 1e8)}亿{unit}"
    return f"{_short(value / 1e4)}万{unit}"


def _short(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


class Writer:
    """Builds the records of one repository from a seeded random source."""

    def __init__(self, rng: random.Random, departments: list[SynthDepartment]):
        self.rng = rng
        self.bodies = [d for d in departments if d.kind != "group"]
        # Zipf-like: a few departments (发展改革委, 财政局) lead many tasks, most lead a few.
        weights = [1 / (rank + 6) ** 0.9 for rank in range(len(self.bodies))]
        total = 0.0
        self.cumulative = []
        for w in weights:
            total += w
            self.cumulative.append(total)
        self.indicator_ids: set[str] = set()

    # -- words ------------------------------------------------------------------------------
    def pick(self, words):
        return words[self.rng.randrange(len(words))]

    def sentence(self, objects: tuple[str, ...]) -> str:
        rng = self.rng
        return self.pick(CLAUSES).format(
            a=self.pick(PAIRS), b=self.pick(PAIRS), v=self.pick(SUB_VERBS), v2=self.pick(SUB_VERBS),
            o=self.pick(objects), o2=self.pick(objects), o3=self.pick(objects)) + (
            "，" + self.pick(ACTIONS).format(n=rng.randint(2, 300), x=self.pick(THINGS))
            if rng.random() < 0.3 else "") + "。"

    def paragraph(self, objects: tuple[str, ...], sentences: int) -> str:
        return "".join(self.sentence(objects) for _ in range(sentences))

    def departments(self, count: int, exclude: set[str]) -> list[SynthDepartment]:
        out: list[SynthDepartment] = []
        limit = len(self.bodies) - len(exclude)
        while len(out) < min(count, limit):
            dept = self.bodies[_bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]
            if dept.id not in exclude and dept not in out:
                out.append(dept)
        return out

    def reference(self, dept: SynthDepartment) -> str:
        """How an editor names the department: mostly its name, sometimes an alias or the id."""
        roll = self.rng.random()
        if dept.alias and roll < 0.15:
            return dept.alias
        if roll > 0.95:
            return dept.id
        return dept.name

    # -- tasks ------------------------------------------------------------------------------
    def task(self, task_id: str, number: str, objects: tuple[str, ...], plan: dict) -> dict:
        rng = self.rng
        title = self.pick(VERBS) + self.pick(objects)
        lead = self.departments(rng.choices((1, 2, 3, 4), (55, 25, 12, 8))[0], set())
        coop = self.departments(rng.choices((0, 1, 2, 3, 4, 5), (30, 25, 20, 12, 8, 5))[0],
                                {d.id for d in lead})
        paragraphs = [self.paragraph(objects, rng.randint(1, 4)) for _ in range(
            rng.choices((1, 2, 3), (60, 30, 10))[0])]
        record: dict = {"id": task_id, "number": number, "title": title,
                        "text": "\n\n".join(paragraphs)}
        record["lead"] = [self.reference(d) for d in lead]
        if coop:
            record["cooperating"] = [self.reference(d) for d in coop]
        implementers = list(IMPLEMENTER_WORDS) if rng.random() < 0.85 else ["有关部门"]
        record["implementers"] = implementers
        if rng.random() < 0.4:
            record["deadline"] = self.pick(DEADLINES).format(
                end=plan["end"], mid=rng.randint(plan["start"], plan["end"]))
        if rng.random() < 0.1:
            record["progress"] = "已完成年度目标" if rng.random() < 0.5 else "正在推进"
        leads = "、".join(d.name for d in lead)
        others = "".join(d.name + "、" for d in coop)
        tail = "和".join(implementers)
        record["responsibility"] = f"——由{leads}会同{others}{tail}组织落实。"
        return record

    def chapter_tasks(self, chapter_id: str, count: int, objects: tuple[str, ...],
                      plan: dict) -> list[dict]:
        """``count`` tasks (sub-tasks included) numbered 1. 2. …, some with (1) (2) sub-tasks."""
        tasks: list[dict] = []
        for _ in range(count):
            last = tasks[-1] if tasks else None
            if last is not None and self.rng.random() < 0.15 and len(last.get("tasks", [])) < 4:
                subs = last.setdefault("tasks", [])
                n = len(subs) + 1
                subs.append(self.task(f"{last['id']}.{n}", f"（{n}）", objects, plan))
            else:
                n = len(tasks) + 1
                tasks.append(self.task(f"{chapter_id}.{n}", f"{n}.", objects, plan))
        return tasks

    def plan_tree(self, plan: dict, count: int) -> list[dict]:
        """Chapters 一、二、… with sections （一）（二）… holding ``count`` tasks in all."""
        rng = self.rng
        top = max(2, min(len(CHAPTER_THEMES) + 3, round(math.sqrt(count) / 2.5)))
        themes = [CHAPTER_THEMES[(i + plan["index"]) % len(CHAPTER_THEMES)] for i in range(top)]
        chapters: list[dict] = []
        containers: list[tuple[dict, tuple[str, ...]]] = []
        for i, (title, objects) in enumerate(themes, start=1):
            chapter: dict = {"id": str(i), "number": f"{chinese_numeral(i)}、", "title": title}
            if rng.random() < 0.5:
                chapter["text"] = self.paragraph(objects, rng.randint(1, 3))
            if rng.random() < 0.6 and count > top * 4:
                subs = []
                for j in range(1, rng.randint(2, 6) + 1):
                    sub = {"id": f"{i}.{j}", "number": f"（{chinese_numeral(j)}）",
                           "title": self.pick(VERBS) + self.pick(objects)}
                    if rng.random() < 0.3:
                        sub["text"] = self.paragraph(objects, 1)
                    subs.append(sub)
                    containers.append((sub, objects))
                chapter["chapters"] = subs
            else:
                containers.append((chapter, objects))
            chapters.append(chapter)
        shares = split(count, len(containers), rng)
        for (container, objects), n in zip(containers, shares):
            if n:
                container["tasks"] = self.chapter_tasks(container["id"], n, objects, plan)
        return chapters

    # -- indicators -------------------------------------------------------------------------
    def indicator(self, plan: dict, metric: Metric, scope: tuple[str, str],
                  kind: str) -> dict:
        rng = self.rng
        name = scope[0] + metric.name
        base_id = "-".join(x for x in (scope[1], metric.slug) if x)
        ind_id, n = base_id, 1
        while ind_id in self.indicator_ids:
            n += 1
            ind_id = f"{base_id}-{n}"
        self.indicator_ids.add(ind_id)
        start, end = plan["start"], plan["end"]
        years = end - start + 1
        base_year = start - 1
        baseline = round(rng.uniform(metric.low, metric.high), 2)
        record: dict = {"id": ind_id, "name": name}
        record["type"] = "monitoring" if metric.style == "monitoring" else kind
        if metric.unit:
            record["unit"] = metric.unit
        record["category"] = metric.category
        goal = baseline  # the value the actuals move towards
        target: dict | str | None = None
        style = metric.style
        if style in ("up", "above", "up_plain"):
            step = (100 - baseline) * rng.uniform(0.2, 0.6) if metric.unit == "%" else \
                baseline * rng.uniform(0.1, 0.4)
            goal = round(baseline + step, 1)
            words = f"{quantity_phrase(goal, metric.unit)}以上" if style == "above" else \
                f"达到{quantity_phrase(goal, metric.unit)}"
            target = {"value": goal, "year": end, "comparator": ">=", "kind": "level",
                      "phrase": words}
        elif style == "cap":
            goal = round(baseline * rng.uniform(1.0, 1.1), 1)
            target = f"控制在{quantity_phrase(goal, metric.unit)}以内"
            goal = baseline
        elif style == "range":
            low, high = _short(baseline), _short(baseline + 1)
            target = {"low": float(low), "high": float(high), "year": end,
                      "comparator": "range", "kind": "level", "phrase": f"控制在{low}%—{high}%"}
            goal = baseline + 0.5
        elif style == "fall":
            fall = round(rng.uniform(3, 18), 1)
            target = f"五年下降{_short(fall)}%" if years > 1 else f"下降{_short(fall)}%"
            goal = baseline * (1 - fall / 100)
        elif style == "growth":
            rate = rng.choice((8, 10, 12, 15))
            target = f"年均增长{rate}%以上" if years > 1 else f"增长{rate}%"
            goal = baseline * (1 + rate / 100) ** years
        elif style in ("amount", "above_amount", "exceed", "within", "keep"):
            goal = round(baseline * rng.uniform(1.05, 1.5), -2 if baseline > 1000 else 1)
            if style == "within":
                goal = round(baseline * rng.uniform(1.02, 1.06), -3)
            if style == "keep":
                goal = round(baseline, -2)
            written = quantity_phrase(goal, metric.unit)
            target = {"amount": f"达到{written}", "above_amount": f"达到{written}以上",
                      "exceed": f"突破{written}", "within": f"{written}以内",
                      "keep": f"保持{written}"}[style]
        elif style == "narrative":
            target = {"narrative": self.pick(NARRATIVES), "year": end, "comparator": "="}
        if target is not None:
            record["target"] = target
        phrase_words = target if isinstance(target, str) else (
            target.get("phrase") or target.get("narrative", "")) if target else ""
        record["phrase"] = f"到{end}年，{name}{phrase_words}" if phrase_words else name
        if style != "narrative":
            record["baseline"] = {"value": baseline, "year": base_year}
            last = min(end, REPORTED_UP_TO)
            reported = [y for y in range(start, last + 1) if rng.random() < 0.55]
            actuals = []
            for year in reported:
                share = (year - base_year) / (end - base_year)
                value = baseline + (goal - baseline) * share * rng.uniform(0.6, 1.2)
                actuals.append({"year": year, "value": round(value, 2),
                                "source": f"{year}年统计公报"})
            if actuals:
                record["actuals"] = actuals
        return record

    def indicators(self, plan: dict, count: int) -> list[dict]:
        out = []
        for _ in range(count):
            metric = self.pick(METRICS)
            if plan["start"] == plan["end"] and metric.style in ("fall", "growth"):
                metric = METRICS[0]
            scope = SCOPES[0] if self.rng.random() < 0.4 else self.pick(SCOPES)
            kind = "binding" if self.rng.random() < 0.3 else "expected"
            out.append(self.indicator(plan, metric, scope, kind))
        return out


def _bisect(cumulative: list[float], x: float) -> int:
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` uneven non-negative shares that add up exactly."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    for i in range(total - sum(shares)):
        shares[i % parts] += 1
    return shares
