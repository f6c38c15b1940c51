"""What an import did, for the person who checks the result: counts, leftovers, warnings.

The report is printed by ``plansite import`` and written next to the imported files as
``import-report.yml``: how many chapters, tasks, departments (found in the registry / proposed)
and indicators were made, which paragraphs could not be placed, which lines were dropped as web
page noise, which sentences hold numbers that could not be read, and every warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plansite.catalogue.phrases import words
from plansite.problems import Problem
from plansite.importers.writer import dump


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

    def counts(self) -> dict[str, int]:
        return {
            "chapters": self.chapters,
            "tasks": self.tasks,
            "departments_found": len(self.departments_found),
            "departments_new": len(self.departments_new),
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
            "departments": {"found": self.departments_found, "new": self.departments_new},
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
        lines += [f"  {w.format(lang)}" for w in self.warnings]
        return "\n".join(lines)

    def write(self, path: Path, lang: str = "zh") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(self.as_dict(lang)), encoding="utf-8")
