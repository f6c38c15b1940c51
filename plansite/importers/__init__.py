"""``plansite import``: a plan document (text, Word, spreadsheet) turned into the site's YAML.

The stages, each its own module: read the source (:mod:`.text`, :mod:`.docx`, :mod:`.table`;
:mod:`.decode` and :mod:`.noise` for texts), build the outline (:mod:`.structure`, with
:mod:`.responsibility`), resolve departments (:mod:`.registry`), find indicators
(:mod:`.indicators`), write the files (:mod:`.writer`) and the report (:mod:`.report`).

Nothing is lost: every paragraph lands in a task, a chapter, the plan summary or the report's
``unplaced`` list. An existing plan folder is only replaced with ``force``, and then tasks that
did not change keep their ids. Bad input raises :class:`plansite.errors.PlanError`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from plansite.catalogue.phrases import phrase
from plansite.importers.document import Document
from plansite.importers.docx import read_docx
from plansite.importers.indicators import find_indicators
from plansite.importers.limits import ImportLimits, check_size
from plansite.importers.registry import Registry, is_department_name
from plansite.importers.report import ImportReport
from plansite.importers.structure import Node, Outline, build_outline, split_sign_off
from plansite.importers.table import read_table
from plansite.importers.text import read_text
from plansite.importers.writer import markdown_paragraphs, write_data_file
from plansite.model.walk import written_tasks
from plansite.problems import PlanError, Problem, problem
from plansite.reading.yamlfile import Located, load_file, plain

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text", ".md")
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv")
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


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _old_task_ids(path: Path) -> list[tuple[str, str, str]]:
    """(id, title, text) of every task in an existing tasks.yml, to keep ids stable."""
    if not path.exists():
        return []
    loaded, _ = load_file(path)
    data = loaded.data
    return [(task.text("id"), _norm(task.text("title")), _norm(task.text("text")))
            for task in written_tasks(data.get("chapters") if isinstance(data, dict) else None)
            if isinstance(task, Located)]


def _keep_task_ids(outline: Outline, old: list[tuple[str, str, str]]) -> None:
    """Give each task that is unchanged (same title and text, or same title, or same text) the
    id it had before; other tasks keep their position-derived id unless that id is taken."""
    if not old:
        return
    tasks = [n for n in outline.walk() if n.kind == "task"]
    keys = [(_norm(n.title), _norm(markdown_paragraphs(n.text_paragraphs()))) for n in tasks]
    taken_old: set[int] = set()
    chosen: dict[int, str] = {}
    rules = (lambda title, text: (title, text), lambda title, text: title,
             lambda title, text: text or None)
    for rule in rules:
        index: dict[object, list[int]] = {}
        for position, (_, title, text) in enumerate(old):
            if position not in taken_old:
                index.setdefault(rule(title, text), []).append(position)
        for i, (title, text) in enumerate(keys):
            key = rule(title, text)
            if i in chosen or key is None:
                continue
            candidates = [p for p in index.get(key, []) if p not in taken_old]
            if candidates:
                taken_old.add(candidates[0])
                chosen[i] = old[candidates[0]][0]
    taken = set(chosen.values()) | {n.id for n in outline.walk() if n.kind == "chapter"}
    for i, node in enumerate(tasks):
        if i in chosen:
            node.id = chosen[i]
            continue
        ident, suffix = node.id, 0
        while ident in taken:
            suffix += 1
            ident = f"{node.id}-{suffix}"
        node.id = ident
        taken.add(ident)


def _keep_plan_fields(plan: dict, path: Path) -> dict:
    """The new plan record, keeping what an editor added to the old plan.yml (a short title,
    an English title, a note) wherever the import has nothing to say."""
    old = plain(load_file(path)[0].data) if path.exists() else None
    if not isinstance(old, dict):
        return plan
    merged = {key: plan[key] if plan.get(key) not in (None, "") else value
              for key, value in old.items()}
    merged.update({key: value for key, value in plan.items() if key not in merged})
    return merged


@dataclass
class _Records:
    """Builds the records of tasks.yml from the outline, resolving each department it names in
    the registry (or proposing it there), and keeps what could not be resolved for the report."""

    file: str
    registry: Registry
    rejected: list[dict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def department_names(self, names: list[str], node: Node, phrase: str) -> list[str]:
        """``names`` that can be department names; the others go to the report."""
        kept = [name for name in names if is_department_name(name)]
        if len(kept) < len(names):
            self.rejected.append({"id": node.id, "sentence": phrase})
        for name in kept:
            found = self.registry.ensure(name)
            if found.id is None:  # ambiguous: the editor chooses, as validation will ask
                self.warnings.append(self.registry.departments.problem(
                    found, self.file, node.line, severity="warning"))
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
        responsibility = node.responsibility
        phrase = responsibility.phrase if responsibility else ""
        record["lead"] = self.department_names(list(responsibility.lead), node, phrase) \
            if responsibility else []
        record["cooperating"] = self.department_names(list(responsibility.cooperating), node,
                                                      phrase) if responsibility else []
        record["implementers"] = list(responsibility.implementers) if responsibility else []
        record["indicators"] = list(node.indicators)
        deadline = node.deadline or (responsibility.deadline if responsibility else "")
        if deadline:
            record["deadline"] = deadline
        if responsibility is not None:
            record["responsibility"] = responsibility.phrase
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
                    out_dir: Path | None = None, force: bool = False,
                    part: str | int | None = None, registry_path: Path | None = None,
                    level: str | None = None, period: str | None = None,
                    issuer: str | None = None,
                    limits: ImportLimits | None = None) -> ImportResult:
    """Import ``source`` as plan ``plan_id`` into ``out_dir`` (default ``data/plans/<id>/`` of
    the repository around the working folder) and return what was written.

    ``part`` chooses one document when the file holds several (篇1, 篇2 …). New department names
    are added to the registry at ``registry_path`` (default ``data/departments.yml`` of the
    repository). Raises :class:`PlanError` for bad input; never writes over an existing plan
    folder unless ``force``.
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
    if existing and not force:
        raise PlanError([problem("import-exists", str(out_dir / existing[0]), found=str(out_dir),
                                 hint=phrase("force-import"))])
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
    outline = build_outline(blocks, str(source), title=document.title,
                            year=years[-1] if len(years) == 1 else None,
                            period_end=years[-1] if years else None)

    if registry_path is None and root is not None:
        registry_path = root / "data" / "departments.yml"
    registry = Registry.load(registry_path)
    report = ImportReport(source=source.name, plan=plan_id, encoding=document.encoding,
                          part=document.part, parts=[d.part for d in documents if d.part])
    report.skipped = list(document.skipped)
    report.warnings = list(document.warnings) + list(outline.warnings)
    report.unplaced = [{"line": line, "text": text} for line, text in outline.unplaced]

    if force:
        _keep_task_ids(outline, _old_task_ids(out_dir / "tasks.yml"))
    found = find_indicators(outline, plan_period, _other_indicator_ids(root, plan_id))
    report.unparsed = found.unparsed
    report.warnings += found.warnings

    summary = list(outline.summary)
    if title and document.title and title != document.title:
        summary.insert(0, document.title)
    plan: dict = {"id": plan_id, "title": plan_title}
    if issuer:
        plan["issuer"] = issuer
    if plan_level:
        plan["level"] = plan_level
    if plan_period:
        plan["period"] = int(plan_period) if plan_period.isdigit() else plan_period
    else:
        report.warnings.append(problem("import-no-period", str(source), severity="warning",
                                       hint=phrase("give-period")))
    plan["source_document"] = source.name + (f"（{document.part}）" if document.part else "")
    plan["summary"] = markdown_paragraphs(summary)
    # the sign-off (issuer and date) is about the document, not a part of its last chapter
    plan["note"] = "落款：" + "，".join(sign_off) if sign_off else ""
    if force:
        plan = _keep_plan_fields(plan, out_dir / "plan.yml")
    records = _Records(str(source), registry)
    tasks = {"chapters": [records.chapter(c) for c in outline.chapters]}
    report.unparsed += records.rejected
    report.warnings += records.warnings
    indicators = {"indicators": found.records}

    out_dir.mkdir(parents=True, exist_ok=True)
    write_data_file(out_dir / "plan.yml", "plan", plan, root)
    write_data_file(out_dir / "tasks.yml", "tasks", tasks, root)
    write_data_file(out_dir / "indicators.yml", "indicators", indicators, root)
    report.files = list(PLAN_FILES)
    # a repository needs its registry even when this plan names no department
    if registry.new or (registry_path is not None and not registry_path.exists()):
        target = registry_path or out_dir / "departments.proposed.yml"
        write_data_file(target, "departments", {"departments": registry.entries}, root)
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
    log.info("imported %s into %s", source, out_dir)
    return ImportResult(plan_id=plan_id, out_dir=out_dir, report=report, plan=plan, tasks=tasks,
                        indicators=indicators)
