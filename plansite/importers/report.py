"""What an import did, for the person who checks the result: counts, leftovers, warnings.

The report is printed by ``plansite import`` and written next to the imported files as
``import-report.yml``: how many chapters, tasks, departments (found in the registry / proposed)
and indicators were made, which paragraphs could not be placed, which lines were dropped as web
page noise, which sentences hold numbers that could not be read, and every warning.

Its ``responsibility`` part says how the document reads a plain list of responsible units (and
the note that says so, if any), and for each task the statement, the rule that decided its lead
and co-operating departments, and what was done to the names (a level prefix shared, a duty
phrase dropped, an alias). ``departments.review`` lists the names that look like no
department's and were not proposed as new departments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plansite.catalogue.phrases import Phrase, phrase, words
from plansite.importers.merge import MergeReport
from plansite.importers.responsibility import Convention, Responsibility
from plansite.importers.writer import dump
from plansite.problems import Problem


def decision(task: str, said: Responsibility, record: dict) -> dict:
    """What the report says about one task's departments: the statement, the rule that
    decided them, the departments as written into the task, and what was done to the names."""
    out = {"task": task, "said": said.phrase, "rule": said.rule, "lead": record["lead"],
           "cooperating": record["cooperating"]}
    if record["implementers"]:
        out["implementers"] = record["implementers"]
    if said.notes:
        out["notes"] = list(said.notes)
    return out


def _worded(items: list[dict], lang: str) -> list[dict]:
    """``items`` with the phrases among their values (and in their lists) put into words."""
    def word(value: object) -> object:
        if isinstance(value, Phrase):
            return value.words(lang)
        if isinstance(value, list) and value and isinstance(value[0], Phrase):
            return [v.words(lang) for v in value]
        return value
    return [{k: word(v) for k, v in item.items()} for item in items]


@dataclass
class ImportReport:
    """Counts and leftovers of one import."""

    source: str
    plan: str
    encoding: str = ""
    part: str = ""
    parts: list[str] = field(default_factory=list)
    chapters: int = 0
    tasks: int = 0
    departments_found: list[str] = field(default_factory=list)
    departments_new: list[str] = field(default_factory=list)
    indicators: int = 0
    unplaced: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unparsed: list[dict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    convention: Convention = field(default_factory=Convention)
    merge: MergeReport | None = None
    decisions: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)

    def rules(self) -> dict[str, int]:
        """How many tasks each rule decided."""
        counts: dict[str, int] = {}
        for item in self.decisions:
            counts[item["rule"]] = counts.get(item["rule"], 0) + 1
        return counts

    def responsibility(self) -> dict:
        """The ``responsibility`` part of the report."""
        convention = self.convention
        out: dict = {"rule": convention.rule, "rule_words": phrase(f"rule-{convention.rule}")}
        if convention.first_listed:
            out["note"] = {"line": convention.line, "said": convention.note}
        out["decided_by"] = {rule: {"tasks": count, "words": phrase(f"rule-{rule}")}
                             for rule, count in self.rules().items()}
        out["tasks"] = self.decisions
        return out

    def _responsibility_words(self, lang: str) -> dict:
        out = self.responsibility()
        out["rule_words"] = out["rule_words"].words(lang)
        out["decided_by"] = {rule: {"tasks": item["tasks"], "words": item["words"].words(lang)}
                             for rule, item in out["decided_by"].items()}
        out["tasks"] = _worded(self.decisions, lang)
        return out

    def counts(self) -> dict[str, int]:
        return {
            "chapters": self.chapters,
            "tasks": self.tasks,
            "departments_found": len(self.departments_found),
            "departments_new": len(self.departments_new),
            "departments_to_review": len(self.review),
            "indicators": self.indicators,
            "unplaced_paragraphs": len(self.unplaced),
            "skipped_noise_lines": len(self.skipped),
            "unparsed_sentences": len(self.unparsed),
            "warnings": len(self.warnings),
        }

    def as_dict(self, lang: str = "zh") -> dict:
        return {
            "source": self.source,
            "plan": self.plan,
            "part": self.part,
            "parts": self.parts,
            "encoding": self.encoding,
            "counts": self.counts(),
            "departments": {"found": self.departments_found, "new": self.departments_new,
                            "review": _worded(self.review, lang)},
            "responsibility": self._responsibility_words(lang),
            **({"update": self.merge.as_dict()} if self.merge is not None else {}),
            "unplaced": self.unplaced,
            "skipped_noise": self.skipped,
            "unparsed": self.unparsed,
            "warnings": [w.format(lang) for w in self.warnings],
            "files": self.files,
        }

    def text(self, lang: str = "zh") -> str:
        """The report as a few lines for a terminal."""
        c = self.counts()
        part = f" {self.part}" if self.part else ""
        lines = [
            words("report-imported", {"source": self.source + part, "plan": self.plan}, lang),
            words("report-encoding", {"encoding": self.encoding}, lang),
            words("report-made", {"chapters": c["chapters"], "tasks": c["tasks"],
                                  "found": c["departments_found"], "new": c["departments_new"],
                                  "indicators": c["indicators"]}, lang),
            words("report-left", {"unplaced": c["unplaced_paragraphs"],
                                  "skipped": c["skipped_noise_lines"],
                                  "unparsed": c["unparsed_sentences"], "warnings": c["warnings"]},
                  lang),
        ]
        if self.merge is not None:
            merge = self.merge
            lines.append(words("report-update", {
                "updated": len(merge.updated), "added": len(merge.added),
                "removed": len(merge.removed), "kept": len(merge.kept),
                "conflicts": len(merge.conflicts)}, lang))
            lines += [f"  {words('report-conflict', item, lang)}" for item in merge.conflicts]
        lines.append(words("report-rules", {
            "rule": phrase(f"rule-name-{self.convention.rule}"),
            "counts": tuple(phrase("report-rule-count", rule=phrase(f"rule-name-{rule}"), tasks=n)
                            for rule, n in self.rules().items())}, lang))
        lines += [f"  {words('report-review', {'name': item['name'], 'task': item['task'], 'reason': item['reason']}, lang)}"
                  for item in self.review]
        lines += [f"  {w.format(lang)}" for w in self.warnings]
        return "\n".join(lines)

    def write(self, path: Path, lang: str = "zh") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(self.as_dict(lang)), encoding="utf-8")
