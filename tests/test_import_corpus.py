"""Real plan documents in other conventions than the seed, against hand-checked gold lists.

Each folder of ``tests/corpus/`` holds one public document: ``source.yml`` (its address), the
text retrieved from it (``document.txt``), and ``gold.yml``, the tasks with their lead,
co-operating and implementing units as a person read them from the text. A document whose page
shows its tasks as a table is imported from ``table.xlsx`` and ``table.docx`` made from the page's
cells (``make_tables.py``). Per document and source file the test asserts: tasks found >= 95 %,
lead sets exact >= 95 %, co-operating sets exact >= 90 %, and prints the figures (``-s``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from plansite.importers import import_document
from plansite.model.walk import written_tasks

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if (p / "gold.yml").exists())
SOURCES = [(folder, name) for folder in DOCUMENTS
           for name in ([n for n in ("table.xlsx", "table.docx") if (folder / n).exists()]
                        or ["document.txt"])]
FOUND, LEAD, COOPERATING = 0.95, 0.95, 0.90


def _squash(text: str) -> str:
    """Text compared without spaces, Markdown escapes and the width of its punctuation."""
    text = re.sub(r"\s|\\", "", text or "")
    return text.translate(str.maketrans("，：；（）！？", ",:;()!?"))


@dataclass
class Figures:
    """How an import of one document compares with its gold list."""

    tasks: int
    found: int
    lead: int
    cooperating: int
    implementers: int
    misses: list[str]

    def line(self, name: str) -> str:
        return (f"{name:48} tasks {self.found}/{self.tasks}  lead {self.lead}/{self.tasks}  "
                f"co-operating {self.cooperating}/{self.tasks}  "
                f"implementers {self.implementers}/{self.tasks}")


def score(gold: list[dict], imported: list[dict]) -> Figures:
    """Each gold task is found by its opening words (the gold title) in an imported task's
    title and text; its lead, co-operating and implementer sets are compared exactly."""
    figures = Figures(len(gold), 0, 0, 0, 0, [])
    texts = [(_squash(t["title"] + t.get("text", "")), t) for t in imported]
    for item in gold:
        key = _squash(item["title"]).rstrip("。.,")
        found = [t for text, t in texts if text.startswith(key)] or \
            [t for text, t in texts if key in text]
        if not found:
            figures.misses.append(f"{item['number']}: not found")
            continue
        task = found[-1]
        figures.found += 1
        for role in ("lead", "cooperating", "implementers"):
            same = set(task.get(role) or []) == set(item.get(role) or [])
            setattr(figures, role, getattr(figures, role) + same)
            if not same and role != "implementers":
                figures.misses.append(f"{item['number']}: {role} {task.get(role)} "
                                      f"!= {item.get(role)}")
    return figures


def _import(source: Path, tmp_path: Path) -> list[dict]:
    import_document(source, "corpus", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    data = yaml.safe_load((tmp_path / "out" / "tasks.yml").read_text(encoding="utf-8"))
    return list(written_tasks(data["chapters"]))


def test_the_corpus_has_eight_documents_or_more_each_with_its_address():
    assert len(DOCUMENTS) >= 8
    levels = set()
    for folder in DOCUMENTS:
        source = yaml.safe_load((folder / "source.yml").read_text(encoding="utf-8"))
        assert source["address"].startswith("http"), folder.name
        gold = yaml.safe_load((folder / "gold.yml").read_text(encoding="utf-8"))
        assert gold["source"] == source["address"] and gold["tasks"], folder.name
        levels.add(source["level"])
    assert {"省", "市", "县"} <= levels


@pytest.mark.parametrize("folder, name", SOURCES,
                         ids=[f"{folder.name}/{name}" for folder, name in SOURCES])
def test_a_real_document_imports_as_its_gold_list_says(folder, name, tmp_path):
    gold = yaml.safe_load((folder / "gold.yml").read_text(encoding="utf-8"))["tasks"]
    figures = score(gold, _import(folder / name, tmp_path))
    print("\n" + figures.line(f"{folder.name}/{name}"))
    for miss in figures.misses:
        print("   ", miss)
    assert figures.found >= FOUND * figures.tasks, figures.misses
    assert figures.lead >= LEAD * figures.tasks, figures.misses
    assert figures.cooperating >= COOPERATING * figures.tasks, figures.misses


def test_the_score_notices_a_wrong_lead():
    gold = [{"number": "1", "title": "新建学校", "lead": ["市教育局"], "cooperating": [],
             "implementers": []}]
    right = [{"title": "新建学校", "text": "", "lead": ["市教育局"], "cooperating": []}]
    wrong = [{"title": "新建学校", "text": "", "lead": ["市财政局"], "cooperating": []}]
    assert score(gold, right).lead == 1 and score(gold, wrong).lead == 0
    assert score(gold, []).found == 0
