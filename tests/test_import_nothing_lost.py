"""Nothing is lost on import: every paragraph of the source lands somewhere in the output.

For each fixture and for both documents of the seed, every non-empty paragraph left after the
web page frame is removed must be found in the imported files: in a task, a chapter, the plan
title or summary, or the report's ``unplaced`` list. Headings are split into number, title and
text, so the comparison ignores whitespace, punctuation and Markdown escapes.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import yaml

from factories import SEED

from plansite.importers import import_document

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "import"


def squash(text: str) -> str:
    """Text without Markdown escapes, whitespace and punctuation: what must survive."""
    text = re.sub(r"\\(.)", r"\1", text or "")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")


def _node_text(node: dict) -> list[str]:
    title, text = squash(node.get("title", "")), squash(node.get("text", ""))
    head = text if text.startswith(title) else title + text
    return [squash(node.get("number", "")) + head, squash(node.get("deadline", "")),
            squash(node.get("responsibility", ""))]


def _walk(chapters: list[dict], out: list[str]) -> None:
    def task(t: dict) -> None:
        out.extend(_node_text(t))
        for sub in t.get("tasks") or []:
            task(sub)

    for chapter in chapters:
        out.extend(_node_text(chapter))
        for t in chapter.get("tasks") or []:
            task(t)
        _walk(chapter.get("chapters") or [], out)


def output_text(out_dir: Path) -> str:
    """Everything the import wrote that a reader or editor sees, squashed and joined."""
    def load(name: str) -> dict:
        return yaml.safe_load((out_dir / name).read_text(encoding="utf-8"))

    plan, tasks, report = load("plan.yml"), load("tasks.yml"), load("import-report.yml")
    parts = [squash(plan["title"]), squash(plan.get("summary", ""))]
    _walk(tasks["chapters"], parts)
    parts += [squash(item["text"]) for item in report["unplaced"]]
    # inline items (一是…二是…) continue their heading's paragraph: join without breaks
    return "".join(parts)


def missing(paragraphs: list[str], out_dir: Path) -> list[str]:
    text = output_text(out_dir)
    return [p for p in paragraphs if squash(p) and squash(p) not in text]


def _paragraphs(path: Path, encoding: str = "utf-8") -> list[str]:
    return [line.strip() for line in path.read_text(encoding=encoding).splitlines()
            if line.strip()]


@pytest.mark.parametrize("name", ["dash_lines.txt", "labelled.txt", "chapters.txt",
                                  "web_page.txt", "truncated.txt"])
def test_every_paragraph_of_a_text_fixture_is_in_the_output(tmp_path, name):
    result = import_document(FIXTURES / name, "demo", out_dir=tmp_path / "out",
                             registry_path=tmp_path / "departments.yml")
    skipped = set(result.report.skipped)
    paragraphs = [p for p in _paragraphs(FIXTURES / name) if p not in skipped]
    assert paragraphs
    assert missing(paragraphs, tmp_path / "out") == []


@pytest.mark.parametrize("part", ["篇1", "篇2"])
def test_every_paragraph_of_the_seed_is_in_the_output(tmp_path, part):
    result = import_document(SEED, "seed", out_dir=tmp_path / "out", part=part,
                             registry_path=tmp_path / "departments.yml")
    lines = [p for p in _paragraphs(SEED) if p not in set(result.report.skipped)]
    start = lines.index(part) + 1
    ends = [i for i, line in enumerate(lines) if re.fullmatch(r"篇\d+", line) and i >= start]
    paragraphs = lines[start:ends[0] if ends else len(lines)]
    assert len(paragraphs) > 30
    assert missing(paragraphs, tmp_path / "out") == []


def test_the_check_itself_notices_a_lost_paragraph(tmp_path):
    import_document(FIXTURES / "dash_lines.txt", "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    assert missing(["完善城乡社会救助体系。规范城乡“低保”制度，发展社会慈善事业。",
                    "这一段不在原文里。"], tmp_path / "out") == ["这一段不在原文里。"]


@pytest.mark.parametrize("name", ["tasks.csv", "tasks.tsv"])
def test_every_cell_of_a_task_table_is_in_the_output(tmp_path, name):
    import_document(FIXTURES / name, "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    delimiter = "\t" if name.endswith(".tsv") else ","
    rows = [line.split(delimiter) for line in _paragraphs(FIXTURES / name)]
    # the header row names the columns: its known headers are structure, not content
    header = next(i for i, row in enumerate(rows) if len(row) > 1 and any("任务" in c for c in row))
    cells = [c for i, row in enumerate(rows) if i != header for c in row]
    assert missing(cells, tmp_path / "out") == []


def test_every_paragraph_and_cell_of_a_word_document_is_in_the_output(tmp_path):
    from test_import_docx import build_docx

    source, paragraphs = build_docx(tmp_path / "plan.docx")
    import_document(source, "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    assert missing(paragraphs, tmp_path / "out") == []


def test_every_cell_of_a_spreadsheet_is_in_the_output(tmp_path):
    from test_import_table import build_xlsx

    source, cells = build_xlsx(tmp_path / "tasks.xlsx")
    import_document(source, "demo", out_dir=tmp_path / "out",
                    registry_path=tmp_path / "departments.yml")
    assert missing(cells, tmp_path / "out") == []
