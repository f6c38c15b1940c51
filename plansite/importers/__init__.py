"""``plansite import``: a plan document (text, Word, spreadsheet) turned into the site's YAML.

The stages, each its own module: read the source (:mod:`.text`, :mod:`.docx`, :mod:`.table`;
:mod:`.decode`, :mod:`.noise` and :mod:`.paragraphs` for texts), take off the sign-off
(:mod:`.signoff`), build the outline (:mod:`.structure`, with :mod:`.responsibility` and
:mod:`.names`), resolve departments (:mod:`.registry`), find indicators (:mod:`.indicators`),
write the files (:mod:`.writer`; :mod:`.merge` for a revised document) and the report
(:mod:`.report`). Progress reports are read by :mod:`.progress`.

Nothing is lost: every paragraph lands in a task, a chapter, the plan summary or the report's
``unplaced`` list. An existing plan folder is merged with a revised document keeping the
editors' work with ``update``, replaced with ``force`` (tasks that did not change keep their
ids), and otherwise left alone. Bad input raises :class:`plansite.problems.PlanError`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from plansite.catalogue.phrases import phrase
from plansite.importers.document import Block, Document
from plansite.importers.docx import read_docx
from plansite.importers.indicators import find_indicators
from plansite.importers.limits import ImportLimits, check_size
from plansite.importers.merge import (BASE_FILE, append_departments, keep_ids, keep_plan_fields,
                                      load_base, merge_into, old_records, write_base)
from plansite.importers.registry import Registry, doubt
from plansite.importers.report import ImportReport, decision
from plansite.importers.responsibility import Convention, Responsibility, first_listed_note
from plansite.importers.signoff import split_sign_off
from plansite.importers.outline import Node
from plansite.importers.structure import build_outline
from plansite.importers.table import TABLE_SUFFIXES, read_table
from plansite.importers.text import read_text
from plansite.importers.writer import dump, markdown_paragraphs, write_data_file
from plansite.language.departments import places_in
from plansite.language.script import fold
from plansite.problems import PlanError, Problem, problem
from plansite.progress import QUIET, Quiet
from plansite.reading.yamlfile import Located, load_file, plain

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text", ".md")
SUFFIXES = TEXT_SUFFIXES + (".docx",) + TABLE_SUFFIXES
PLAN_FILES = ("plan.yml", "tasks.yml", "indicators.yml")
REPORT_FILE = "import-report.yml"
# Five-year plans named in a title give the plan period.
FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                   "十四五": (2021, 2025), "十五五": (2026, 2030)}
PLAN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class ImportResult:
    """What ``import_document`` wrote and found."""

    plan_id: str
    out_dir: Path
    report: ImportReport
    plan: dict = field(default_factory=dict)
    tasks: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)


def read_source(source: Path, limits: ImportLimits = ImportLimits()) -> list[Document]:
    """The documents held in ``source``; raises PlanError for a missing, unsupported or too
    large file (:mod:`.limits`)."""
    name = str(source)
    if not source.is_file():
        raise PlanError([problem("file-missing", name, expected=phrase("document-to-import"))])
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        raise PlanError([problem("import-format", name, found=suffix or phrase("no-extension"),
                                 expected=SUFFIXES)])
    check_size(source.stat().st_size, name, limits)  # before reading it into memory
    raw = source.read_bytes()
    if not raw.strip():
        raise PlanError([problem("file-empty", name, expected=phrase("plan-text"))])
    if suffix in TEXT_SUFFIXES:
        return read_text(raw, name)
    if suffix == ".docx":
        return read_docx(raw, name, limits)
    return read_table(raw, name, suffix, limits)


def choose_part(documents: list[Document], part: str | int | None, file: str) -> Document:
    """The document selected by ``part`` (1-based number or its label such as 篇2)."""
    labels = [d.part or str(i) for i, d in enumerate(documents, 1)]
    if part is None:
        if len(documents) > 1:
            raise PlanError([problem("import-parts", file, found=labels,
                                     expected="--part 1 … --part " + str(len(documents)),
                                     count=len(documents))])
        return documents[0]
    text = str(part).strip()
    for i, document in enumerate(documents, 1):
        if text in (str(i), document.part, document.part.replace(" ", "")):
            return document
    raise PlanError([problem("import-no-part", file, found=text, expected=labels)])


def find_repository_root(folder: Path) -> Path | None:
    """The plan repository holding ``folder``: the nearest ancestor with a ``data/`` folder."""
    for candidate in (folder, *folder.parents):
        if (candidate / "data").is_dir():
            return candidate
    return None


def find_convention(blocks: list[Block], title: str) -> Convention:
    """What the document says once for all its statements: the first-listed unit leads when
    it says so anywhere (（列第一位者为牵头单位）, 排在首位的为牵头单位，下同), else the first
    group leads; and the places its title names."""
    places = frozenset(places_in(fold(title)))
    for block in blocks:
        note = first_listed_note(block.text)
        if note is not None:
            return Convention(True, block.text[note.start():note.end()], block.line, places)
    return Convention(places=places)


def _guess_level(text: str) -> str:
    counts = {level: len(re.findall(f"[我全本]{level}", text)) for level in ("省", "市", "县", "区")}
    level, count = max(counts.items(), key=lambda kv: kv[1])
    return level if count else ""


def _guess_period(title: str, text: str) -> str:
    for name, (start, end) in FIVE_YEAR_PLANS.items():
        if name in title:
            return f"{start}-{end}"
    span = re.search(r"(20\d\d|19\d\d)\s*[-–—~至到]\s*(20\d\d|19\d\d)年", title + text)
    if span:
        return f"{span.group(1)}-{span.group(2)}"
    # a one-year work plan: 《2026年全市优化营商环境工作方案》
    years = set(re.findall(r"(?<![0-9])((?:19|20)[0-9]{2})年", title))
    if len(years) == 1:
        return years.pop()
    return ""


@dataclass
class _Records:
    """Builds the records of tasks.yml from the outline, resolving each department it names in
    the registry (or proposing it there), and keeps for the report the rule that decided each
    task's departments and the names that look like no department's."""

    file: str
    registry: Registry
    decisions: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def department_names(self, node: Node, role: str, said: Responsibility) -> list[str]:
        """The names of ``said`` in ``role`` that can be departments; a doubtful one (a
        sentence, a duty phrase, a verb, a level prefix before a place) goes to the report for
        review instead of the registry."""
        kept = []
        for name in getattr(said, role):
            known = self.registry.departments.resolve(name)
            reason = None if known.id is not None or known.ambiguous else doubt(name)
            if reason is not None:
                self.review.append({"task": node.id, "name": name, "role": role,
                                    "reason": phrase(reason), "said": said.phrase})
                continue
            alias = said.aliases.get(name)
            found = self.registry.ensure(name, (alias,) if alias else ())
            if found.id is None:  # ambiguous: the editor chooses, as validation will ask
                self.warnings.append(self.registry.departments.problem(
                    found, self.file, node.line, severity="warning"))
            kept.append(name)
        return kept

    @staticmethod
    def heading(node: Node) -> dict:
        """What a chapter's or a task's record starts with: id, number as written, title, text."""
        record: dict = {"id": node.id}
        if node.number:
            record["number"] = node.number
        record["title"] = node.title
        record["text"] = markdown_paragraphs(node.text_paragraphs())
        return record

    def task(self, node: Node) -> dict:
        record = self.heading(node)
        said = node.responsibility
        record["lead"] = self.department_names(node, "lead", said) if said else []
        record["cooperating"] = self.department_names(node, "cooperating", said) if said else []
        record["implementers"] = list(said.implementers) if said else []
        record["indicators"] = list(node.indicators)
        deadline = node.deadline or (said.deadline if said else "")
        if deadline:
            record["deadline"] = deadline
        if said is not None:
            record["responsibility"] = said.phrase
            self.decisions.append(decision(node.id, said, record))
        subs = [self.task(c) for c in node.children]
        if subs:
            record["tasks"] = subs
        return record

    def chapter(self, node: Node) -> dict:
        record = self.heading(node)
        chapters = [self.chapter(c) for c in node.children if c.kind == "chapter"]
        tasks = [self.task(c) for c in node.children if c.kind == "task"]
        if chapters:
            record["chapters"] = chapters
        if tasks:
            record["tasks"] = tasks
        return record


def _other_indicator_ids(root: Path | None, plan_id: str) -> set[str]:
    """Indicator ids used by the other plans of the repository (ids are unique across plans)."""
    ids: set[str] = set()
    if root is None:
        return ids
    for path in sorted((root / "data" / "plans").glob("*/indicators.yml")):
        if path.parent.name == plan_id:
            continue
        data = load_file(path)[0].data
        items = data.get("indicators") if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, Located) and item.get("id"):
                ids.add(item.text("id"))
    return ids


def import_document(source: Path, plan_id: str, *, title: str | None = None,
                    out_dir: Path | None = None, force: bool = False, update: bool = False,
                    part: str | int | None = None, registry_path: Path | None = None,
                    level: str | None = None, period: str | None = None,
                    issuer: str | None = None, limits: ImportLimits | None = None,
                    progress: Quiet = QUIET) -> ImportResult:
    """Import ``source`` as plan ``plan_id`` into ``out_dir`` (default ``data/plans/<id>/`` of
    the repository around the working folder) and return what was written.

    ``part`` chooses one document when the file holds several (篇1, 篇2 …). New department names
    are added to the registry at ``registry_path`` (default ``data/departments.yml`` of the
    repository). Raises :class:`PlanError` for bad input. An existing plan folder is merged
    with the document keeping the editors' work when ``update`` (:mod:`.merge`), replaced when
    ``force``, and otherwise left alone. Its phases are shown on ``progress``.
    """
    source = Path(source)
    if not PLAN_ID.match(plan_id or ""):
        raise PlanError([problem("bad-id", str(source), found=plan_id,
                                 expected=phrase("plan-id-example"))])
    if out_dir is None:
        root = find_repository_root(Path.cwd()) or Path.cwd()
        out_dir = root / "data" / "plans" / plan_id
    out_dir = Path(out_dir)
    root = find_repository_root(out_dir.resolve().parent)
    existing = [name for name in PLAN_FILES if (out_dir / name).exists()]
    if existing and not (force or update):
        raise PlanError([problem("import-exists", str(out_dir / existing[0]), found=str(out_dir),
                                 hint=phrase("force-import"))])
    progress.phase("progress-read-document")
    documents = read_source(source, limits or ImportLimits())
    document = choose_part(documents, part, str(source))
    if not any(b.text.strip() or b.row for b in document.blocks):
        raise PlanError([problem("file-empty", str(source), expected=phrase("plan-text-unframed"))])
    blocks, sign_off = split_sign_off(document.blocks)
    all_text = "\n".join(b.text for b in blocks)
    plan_title = title or document.title or source.stem
    plan_level = level if level is not None else _guess_level(all_text)
    plan_period = period if period is not None else _guess_period(plan_title, all_text)
    years = [int(y) for y in re.findall(r"\d{4}", plan_period)]
    convention = find_convention(blocks, plan_title)
    progress.phase("progress-outline", len(blocks))
    outline = build_outline(blocks, str(source), title=document.title,
                            year=years[-1] if len(years) == 1 else None,
                            period_end=years[-1] if years else None, convention=convention)

    if registry_path is None and root is not None:
        registry_path = root / "data" / "departments.yml"
    registry = Registry.load(registry_path)
    report = ImportReport(source=source.name, plan=plan_id, encoding=document.encoding,
                          part=document.part, parts=[d.part for d in documents if d.part])
    report.skipped = list(document.skipped)
    report.warnings = list(document.warnings) + list(outline.warnings)
    report.unplaced = [{"line": line, "text": text} for line, text in outline.unplaced]

    base = load_base(out_dir) if existing else None
    if existing:
        keep_ids(outline, old_records(base["tasks"] if base else
                                      plain(load_file(out_dir / "tasks.yml")[0].data)))
    found = find_indicators(outline, plan_period, _other_indicator_ids(root, plan_id))
    report.unparsed = found.unparsed
    report.warnings += found.warnings

    summary = list(outline.summary)
    if title and document.title and title != document.title:
        summary.insert(0, document.title)
    plan: dict = {"id": plan_id, "title": plan_title}
    # the sign-off (issuer and date) is about the document, not a part of its last chapter
    if issuer or sign_off.issuer:
        plan["issuer"] = issuer or sign_off.issuer
    if sign_off.date:
        plan["issued"] = sign_off.date
    if plan_level:
        plan["level"] = plan_level
    if plan_period:
        plan["period"] = int(plan_period) if plan_period.isdigit() else plan_period
    else:
        report.warnings.append(problem("import-no-period", str(source), severity="warning",
                                       hint=phrase("give-period")))
    plan["source_document"] = source.name + (f"（{document.part}）" if document.part else "")
    plan["summary"] = markdown_paragraphs(summary)
    plan["note"] = ""
    if existing and force:
        plan = keep_plan_fields(plan, out_dir / "plan.yml")
    records = _Records(str(source), registry)
    tasks = {"chapters": [records.chapter(c) for c in outline.chapters]}
    report.convention = convention
    report.decisions = records.decisions
    report.review = records.review
    report.warnings += records.warnings
    indicators = {"indicators": found.records}

    progress.phase("progress-write", len(PLAN_FILES))
    out_dir.mkdir(parents=True, exist_ok=True)
    records = {"plan": plan, "tasks": tasks, "indicators": indicators}
    if existing and update:
        report.merge = merge_into(out_dir, root, base, plan, tasks, indicators)
        written = {key: dump(value) for key, value in records.items()}
    else:
        written = {key: write_data_file(out_dir / f"{key}.yml", key, value, root)
                   for key, value in records.items()}
    write_base(out_dir, written)
    report.files = list(PLAN_FILES) + [BASE_FILE]
    # a repository needs its registry even when this plan names no department
    if registry.new or (registry_path is not None and not registry_path.exists()):
        target = registry_path or out_dir / "departments.proposed.yml"
        append_departments(target, registry.new, root)
        target = target.resolve()
        report.files.append(str(target.relative_to(root)) if root and target.is_relative_to(root)
                            else str(target))
    nodes = list(outline.walk())
    report.chapters = sum(1 for n in nodes if n.kind == "chapter")
    report.tasks = sum(1 for n in nodes if n.kind == "task")
    report.departments_found = [e for e in registry.found]
    report.departments_new = [e["id"] for e in registry.new]
    report.indicators = len(found.records)
    report.write(out_dir / REPORT_FILE)
    progress.advance(len(PLAN_FILES))
    progress.close()
    log.info("imported %s into %s", source, out_dir)
    return ImportResult(plan_id=plan_id, out_dir=out_dir, report=report, plan=plan, tasks=tasks,
                        indicators=indicators)
