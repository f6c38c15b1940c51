"""``plansite import-report``: a progress report (a table or a text) into a plan's report file.

A progress table (.xlsx, .csv, .tsv, or a table in a .docx) is found by its header words, in any
order: 序号; 任务 / 项目 / 事项 / 名称; 牵头单位 / 责任单位; 进展情况 / 完成情况 / 工作进展;
完成进度 / 占全年计划 (a percentage); 状态 / 是否完成; 存在问题; 下一步计划; anything else is
kept as ``表头：内容``. A row whose 序号 is empty goes on the row above (a cell merged over its
sub-rows). A text report (.txt, .docx without such a table) is read paragraph by paragraph:
numbered paragraphs follow the plan's numbering, unnumbered ones go on the paragraph above.

Each row or paragraph is matched to a task of the plan: by its number when the plan's numbering
has it (and its words do not contradict it), else by how much of its words the task's title
holds (:func:`plansite.language.similar.likeness`). A match below :data:`SURE` or close to the
runner-up is kept but listed as doubtful; a row like no task is listed as unmatched, whole.
Nothing is dropped: every cell is in an entry's ``progress`` or in the import report.

The report file follows the progress report format (``data/plans/<plan>/reports/<period>.yml``);
what the import did is written beside the plan as ``import-report-<period>.yml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

from plansite.catalogue.phrases import phrase, words
from plansite.importers.decode import decode
from plansite.importers.limits import ImportLimits, check_size
from plansite.importers.docx import docx_parts
from plansite.importers.headings import parse_numbering, split_title
from plansite.importers.report_cells import (STATUS_WORDS, PlanIndicator, all_done,
                                             indicator_value, percent_of, plan_indicators)
from plansite.importers.table import TABLE_SUFFIXES, sheets, text_table
from plansite.importers.writer import dump, markdown_paragraphs, schema_comment
from plansite.language.numerals import normalize_width
from plansite.language.similar import likeness
from plansite.model.progress import NEEDS_REASON, Period
from plansite.problems import PlanError, problem
from plansite.progress import QUIET, Quiet
from plansite.reading.yamlfile import load_file, plain

REPORT_SUFFIXES = (".txt", ".md", ".docx") + TABLE_SUFFIXES
COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(序号|编号|序)$")),
    ("status", re.compile(r"状态|是否完成|是否达序|完成状态|进度评价")),
    ("percent", re.compile(r"完成进度|进度[(（]?%|完成率|完成比例|占全年计划|占年度计划|百分比")),
    ("problems", re.compile(r"存在(的)?问题|问题|困难")),
    ("next", re.compile(r"下一步|下步|后续|打算")),
    ("progress", re.compile(r"进展|完成情况|推进情况|工作情况|实施情况|落实情况|进度情况|进度")),
    ("lead", re.compile(r"牵头|责任(单位|部门)|承办单位")),
    ("reporter", re.compile(r"填报单位|报送单位")),
    ("task", re.compile(r"任务|项目|事项|名称|工作内容|目标|举措|措施")),
)
# How sure a match must be to stand without review, and how far ahead of the runner-up.
SURE, MARGIN, LEAST = 0.8, 0.1, 0.5
AS_OF = re.compile(r"截[至止](?:(?P<year>(?:19|20)\d\d)年)?(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日|底)")


@dataclass
class Row:
    """One item of the report: its number, its words (title), cells by role, where it was."""

    line: int
    number: str = ""
    title: str = ""
    cells: dict[str, str] = field(default_factory=dict)
    said: list[tuple[str, str]] = field(default_factory=list)
    more: list[str] = field(default_factory=list)
    subrows: list[Row] = field(default_factory=list)

    def cells_text(self) -> str:
        """The row's cells other than its number and task, each as ``表头：内容``."""
        return "；".join(f"{header}：{text}" if header else text for header, text in self.said)

    def text(self) -> str:
        """Everything the row says, as written."""
        cells = self.cells_text()
        title = "" if cells.startswith(self.title) else self.title
        parts = [self.number, title, cells, *self.more]
        return "；".join(p for p in parts if p)


@dataclass
class PlanTask:
    """A task of the plan as rows are matched to it."""

    id: str
    title: str
    words: str
    path: tuple[tuple[str, int], ...]
    indicators: tuple[str, ...] = ()


@dataclass
class ReportImport:
    """What ``import_report`` wrote and found."""

    path: Path
    report_path: Path
    data: dict
    matched: int = 0
    unmatched: list[dict] = field(default_factory=list)
    doubtful: list[dict] = field(default_factory=list)
    merged: list[dict] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    by_statement: list[str] = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def text(self, lang: str = "zh") -> str:
        """The import as a few lines for a terminal."""
        lines = [words("report-import-made", {
            "path": str(self.path), "entries": len(self.data["entries"]),
            "matched": self.matched, "doubtful": len(self.doubtful),
            "unmatched": len(self.unmatched)}, lang)]
        lines += [f"  {words('report-import-doubtful', item, lang)}" for item in self.doubtful]
        lines += [f"  {words('report-import-unmatched', item, lang)}" for item in self.unmatched]
        lines += [f"  {w.format(lang)}" for w in self.warnings]
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"report": self.path.name, "entries": len(self.data["entries"]),
                "rows_matched": self.matched, "unmatched": self.unmatched,
                "doubtful": self.doubtful, "merged": self.merged, "preamble": self.preamble,
                "done_by_statement": self.by_statement,
                "warnings": [w.format("zh") for w in self.warnings]}


def _roles(header: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for index, text in enumerate(header):
        words = re.sub(r"\s+", "", text)
        for role, pattern in COLUMNS:
            if words and pattern.search(words) and role not in roles.values():
                roles[index] = role
                break
    return roles


def table_rows(rows: list[list[str]], first_line: int = 1) -> tuple[list[Row], list[str]] | None:
    """The items of a progress table (None when no header row names a task and its progress),
    and the lines above its header."""
    for at, header in enumerate(rows[:10]):
        roles = _roles(header)
        if "task" in roles.values() and {"progress", "percent", "status"} & set(roles.values()):
            break
    else:
        return None
    out: list[Row] = []
    for offset, cells in enumerate(rows[at + 1:], at + 1):
        if not any(cells):
            continue
        row = Row(first_line + offset)
        for index, text in enumerate(cells):
            role = roles.get(index)
            if not text:
                continue
            if role == "number":
                row.number = text
            elif role == "task":
                row.title = text
            else:
                row.said.append((header[index] if index < len(header) else "", text))
                if role is not None:
                    row.cells[role] = text
        if not row.number and out and "number" in roles.values():
            # a row without its own number goes on the row above: a 序号 merged over sub-rows
            out[-1].more.append(row.text())
            out[-1].subrows.append(row)
            continue
        out.append(row)
    return out, [" ".join(c for c in r if c) for r in rows[:at] if any(r)]


def text_rows(paragraphs: list[tuple[int, str]]) -> tuple[list[Row], list[str]]:
    """The items of a text report: each numbered paragraph, with the unnumbered ones after it."""
    out: list[Row] = []
    preamble: list[str] = []
    for line, text in paragraphs:
        numbering = parse_numbering(text)
        if numbering is None:
            (out[-1].more if out else preamble).append(text)
            continue
        out.append(Row(line, numbering.number, split_title(numbering.rest)[0],
                       said=[("", numbering.rest)]))
    return out, preamble


def _path(number: str) -> tuple[str, int] | None:
    numbering = parse_numbering(number + "x") if number else None
    return (numbering.style, numbering.ordinal) if numbering else None


def plan_tasks(tasks_file: Path) -> list[PlanTask]:
    """The tasks of a plan's tasks.yml, with the numbering of their chapters and their own."""
    data = plain(load_file(tasks_file)[0].data)
    out: list[PlanTask] = []

    def visit(task: dict, path: tuple) -> None:
        own = _path(str(task.get("number") or ""))
        here = path + ((own,) if own else ())
        out.append(PlanTask(str(task.get("id")), str(task.get("title") or ""),
                            str(task.get("title") or "") + str(task.get("text") or ""), here,
                            tuple(str(i) for i in task.get("indicators") or [])))
        for sub in task.get("tasks") or []:
            if isinstance(sub, dict):
                visit(sub, here)

    def chapters(items: list, path: tuple) -> None:
        for chapter in items or []:
            if not isinstance(chapter, dict):
                continue
            own = _path(str(chapter.get("number") or ""))
            here = path + ((own,) if own else ())
            for task in chapter.get("tasks") or []:
                if isinstance(task, dict):
                    visit(task, here)
            chapters(chapter.get("chapters"), here)

    chapters(data.get("chapters") if isinstance(data, dict) else [], ())
    return out


class Matcher:
    """Finds the task a row reports on: by number, then by words."""

    def __init__(self, tasks: list[PlanTask]):
        self.tasks = tasks
        self.path: list[tuple[str, int]] = []

    def follow(self, row: Row) -> tuple[tuple[str, int], ...]:
        """The numbering path of ``row`` in a text that follows the plan's numbering."""
        own = _path(row.number)
        if own is None:
            return ()
        styles = [style for style, _ in self.path]
        if own[0] in styles:
            del self.path[styles.index(own[0]):]
        self.path.append(own)
        return tuple(self.path)

    def heading(self, path: tuple) -> bool:
        """Whether ``path`` numbers a chapter of the plan (a heading of the report) and no task."""
        return bool(path) and not any(t.path == path for t in self.tasks) and any(
            len(t.path) > len(path) and t.path[:len(path)] == path for t in self.tasks)

    def match(self, row: Row, path: tuple = ()) -> tuple[PlanTask | None, float, float]:
        """The task, how sure (0-1), and how sure the runner-up was: among the tasks of the
        row's number first, then among all."""
        words = row.title or row.text()
        numbered: list[PlanTask] = []
        if path:
            numbered = [t for t in self.tasks if t.path[-len(path):] == path]
        if not numbered and row.number:
            numbered = [t for t in self.tasks
                        if t.id == normalize_width(row.number).strip("（()）.、 ")]
        if len(numbered) == 1:
            # the number decides; words that do not agree make the match one to check
            return numbered[0], likeness(words, numbered[0].words) if words else 1.0, 0.0
        for candidates in (numbered, self.tasks):
            scored = sorted(((likeness(words, t.words), i) for i, t in enumerate(candidates)),
                            reverse=True)
            if scored and scored[0][0] >= LEAST:
                best = candidates[scored[0][1]]
                runner_up = scored[1][0] if len(scored) > 1 else 0.0
                # the number agrees with the words: as sure as an exact title
                score = max(scored[0][0], SURE) if candidates is numbered else scored[0][0]
                return best, score, runner_up
        return None, 0.0, 0.0


def _status(row: Row) -> tuple[str, str]:
    """The status the row states and its words, or ("", "")."""
    said = row.cells.get("status", "")
    texts = [said, row.cells.get("progress", "")] if row.cells else [t for _, t in row.said]
    for text in (*texts, *row.more):
        for pattern, status in STATUS_WORDS:
            m = pattern.search(text)
            if m:
                return status, said or m.group(0)
    return "", ""


def _progress(rows: list[Row]) -> str:
    """What the rows say about the task, as Markdown paragraphs with the source's words: each
    row's cells as ``表头：内容`` (its task's words too when several rows report on the task),
    then the sub-rows and paragraphs that go on it."""
    paragraphs = []
    for row in rows:
        head = row.title if len(rows) > 1 or row.more or not row.said else ""
        paragraphs.append("；".join(p for p in (head, row.cells_text()) if p))
        paragraphs += row.more
    return markdown_paragraphs([p for p in paragraphs if p])


def _as_of(period: str, lines: list[str]) -> tuple[str, bool]:
    """The date the report states its facts at: a 截至…月…日 in its heading lines, else the
    last day of the period (then the second value is False: it was not read)."""
    read = Period.parse(period)
    year = read.start.year
    for line in lines:
        found = AS_OF.search(normalize_width(line))
        if found:
            y = int(found.group("year") or year)
            month = int(found.group("month"))
            day = int(found.group("day") or calendar.monthrange(y, month)[1])
            return f"{y:04d}-{month:02d}-{day:02d}", True
    return read.end.isoformat(), False


def read_report(source: Path) -> tuple[list[Row], list[str], bool, str]:
    """The items of the report at ``source``, its heading lines, whether it is a table, and a
    title for it."""
    file = str(source)
    suffix = source.suffix.lower()
    check_size(source.stat().st_size, file, ImportLimits())  # before reading it into memory
    raw = source.read_bytes()
    if suffix in TABLE_SUFFIXES:
        tables, _, _ = sheets(raw, file, suffix)
        for name, rows in tables:
            found = table_rows(rows)
            if found is not None:
                return found[0], found[1], True, (found[1][0] if found[1] else name)
        header = next((r for _, rows in tables for r in rows if any(r)), [])
        raise PlanError([problem("import-no-task-column", file, 1,
                                 found=[c for c in header if c] or phrase("nothing-written"),
                                 expected=phrase("report-headers"))])
    if suffix == ".docx":
        parts = docx_parts(raw, file)
        for part in parts:
            found = table_rows(part.rows, part.number) if part.rows else None
            if found is not None:
                above = [p.text for p in parts if p.rows is None and p.text
                         and p.number < part.number]
                return found[0], above + found[1], True, (above or found[1] or [source.stem])[0]
        paragraphs = [(p.number, p.text) for p in parts if p.rows is None and p.text]
    else:
        lines = decode(raw, file).text.split("\n")
        table = text_table(lines)
        found = table_rows(table[2], table[0] + 1) if table else None
        if found is not None:
            around = [line.strip() for line in lines[:table[0]] + lines[table[1]:]
                      if line.strip()]
            return found[0], around, True, (around or [source.stem])[0]
        paragraphs = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    rows, preamble = text_rows(paragraphs)
    return rows, preamble, False, (preamble[0] if preamble else source.stem)


def import_report(source: Path, plan_dir: Path, period: str, *, reported_by: str,
                  as_of: str | None = None, title: str | None = None, url: str | None = None,
                  root: Path | None = None, force: bool = False,
                  progress: Quiet = QUIET) -> ReportImport:
    """Read the progress report at ``source`` and write the report file of the plan in
    ``plan_dir`` for ``period``; raises :class:`PlanError` for bad input. The rows matched so
    far are shown on ``progress``."""
    source = Path(source)
    file = str(source)
    problems = []
    if not source.is_file():
        problems.append(problem("file-missing", file, expected=phrase("report-to-import")))
    elif source.suffix.lower() not in REPORT_SUFFIXES:
        problems.append(problem("import-format", file, found=source.suffix or phrase("no-extension"),
                                expected=REPORT_SUFFIXES))
    if Period.parse(period or "") is None:
        problems.append(problem("report-bad-period", file, found=period,
                                expected=phrase("period-forms")))
    if not (plan_dir / "tasks.yml").exists():
        problems.append(problem("file-missing", str(plan_dir / "tasks.yml"),
                                expected=phrase("plan-to-report-on")))
    path = plan_dir / "reports" / f"{period}.yml"
    if path.exists() and not force:
        problems.append(problem("import-exists", str(path), found=str(path),
                                hint=phrase("force-report")))
    if problems:
        raise PlanError(problems)
    progress.phase("progress-read-document")
    rows, heading, table, found_title = read_report(source)
    progress.phase("progress-rows", len(rows))
    matcher = Matcher(plan_tasks(plan_dir / "tasks.yml"))
    indicators = plan_indicators(plan_dir / "indicators.yml")
    context = Said(int(period[:4]), all_done(heading),
                {t.id: [indicators[i] for i in t.indicators if i in indicators]
                 for t in matcher.tasks})
    result = ReportImport(path, plan_dir / f"import-report-{period}.yml", {})
    result.preamble = [] if table else heading
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        progress.advance()
        path_ = () if table else matcher.follow(row)
        said = {"line": row.line, "row": row.text()}
        if matcher.heading(path_):
            # a chapter's heading; what is written under it reports on no one task
            if row.more:
                result.unmatched.append(said)
            continue
        task, score, runner_up = matcher.match(row, path_)
        if task is None:
            result.unmatched.append(said)
            continue
        result.matched += 1
        if score < SURE or score - runner_up < MARGIN:
            result.doubtful.append({**said, "task": task.id, "title": task.title,
                                    "likeness": round(score, 2)})
        if task.id in grouped:
            result.merged.append({**said, "task": task.id})
        grouped.setdefault(task.id, []).append(row)
    entries = []
    for task in matcher.tasks:
        if task.id in grouped:
            entries.append(_entry(task.id, grouped[task.id], result, context))
        elif context.all_done:
            # 所有项目均已完成 holds for the tasks the report has no row of, too
            entries.append({"task": task.id, "status": "done", "status_phrase": context.all_done})
            result.by_statement.append(task.id)
    as_of_date, read = (as_of, True) if as_of else _as_of(period, heading)
    if not read:
        result.warnings.append(problem("report-as-of-guessed", file, severity="warning",
                                       found=as_of_date, hint=phrase("give-as-of")))
    # a source saved with a header names itself: 标题：…
    src: dict = {"title": title or re.sub(r"^\s*标题\s*[:：]\s*", "", found_title)}
    if url:
        src["url"] = url
    resolved = source.resolve()
    if root is not None and resolved.is_relative_to(root.resolve()):
        src["file"] = str(resolved.relative_to(root.resolve()))
    elif not url:
        raise PlanError([problem("report-no-source", file, expected=phrase("report-source"))])
    result.data = {"period": period, "as_of": as_of_date, "reported_by": reported_by,
                   "source": src, "entries": entries}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_comment(path, "report", root) + dump(result.data), encoding="utf-8")
    result.report_path.write_text(dump(result.as_dict()), encoding="utf-8")
    return result


@dataclass
class Said:
    """What the report says for every entry: its year, a statement that every item is done,
    and the indicators of each task."""

    year: int
    all_done: str
    indicators: dict[str, list[PlanIndicator]]


def _entry(task_id: str, rows: list[Row], result: ReportImport, said: Said) -> dict:
    entry: dict = {"task": task_id}
    status, words = next((found for found in map(_status, rows) if found[0]), ("", ""))
    if not status and said.all_done:
        status, words = "done", said.all_done
    if status:
        entry["status"] = status
        entry["status_phrase"] = words
    if status in NEEDS_REASON:
        problems_said = [r.cells["problems"] for r in rows if r.cells.get("problems")]
        entry["reason"] = "；".join(problems_said) or words
        if not problems_said:
            result.warnings.append(problem("report-reason-from-status", str(result.path),
                                           severity="warning", found=task_id))
    progress = _progress(rows)
    if progress:
        entry["progress"] = progress
    percents = [percent_of(r.cells.get("percent", "")) for r in rows if r.cells.get("percent")]
    if len(rows) == 1 and len(percents) == 1 and percents[0] is not None:
        entry["percent"] = percents[0]
    values = [indicator_value(r.title, r.cells.get("progress", ""), said.indicators[task_id],
                              said.year) for row in rows for r in (row, *row.subrows)]
    if any(values):
        entry["indicators"] = [v for v in values if v]
    reporters = {r.cells["reporter"] for r in rows if r.cells.get("reporter")}
    if len(reporters) == 1:
        entry["reported_by"] = reporters.pop()
    return entry

