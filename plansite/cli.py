"""The ``plansite`` command: one function per verb.

Exit codes: 0 done and clean, 1 the data has problems, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from plansite import __version__
from plansite.adapter.build import build_site
from plansite.analysis.diff import as_json, differences, markdown
from plansite.catalogue.phrases import Phrase, phrase
from plansite.catalogue.messages import summary
from plansite.importers import import_document
from plansite.importers.progress import import_report
from plansite.importers.limits import MB, ImportLimits
from plansite.model.fields import DATA_FORMAT, schema_files
from plansite.problems import PlanError, format_github, format_json
from plansite.progress import Progress
from plansite.publishing import tables
from plansite.publishing.export import json_text
from plansite.reading.git import WORKING_TREE, extract_data, is_git_repository, revision_exists
from plansite.reading.migrate import migrate
from plansite.reading.repository import load_repository
from plansite.starter.new import SiteSettings, new_site, remove_example
from plansite.synthetic import synth_repository


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


def find_root(start: Path | None = None) -> Path:
    """The plan repository the command runs in: the nearest folder holding ``data/``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir():
            return folder
    raise UsageError(f"no data/ folder in {here} or above; run plansite inside a plan repository "
                     "or pass --root")


def _root(args: argparse.Namespace) -> Path:
    if getattr(args, "root", None):
        root = Path(args.root).resolve()
        if not (root / "data").is_dir():
            raise UsageError(f"{root} has no data/ folder")
        return root
    return find_root()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plansite",
        description="Validate, import and export government plans published as a static site.")
    parser.add_argument("--root", help="the plan repository (default: the nearest folder with data/)")
    parser.add_argument("--version", action="version", version=f"plansite {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("validate", help="check every data file and print each problem")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the messages")
    p.add_argument("--format", choices=["text", "github", "json"], default="text",
                   help="text (default), github (Actions annotations) or json")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="write all data as JSON (or CSV, XLSX, a Data Package)")
    p.add_argument("--format", choices=["json", "csv", "xlsx", "datapackage"], default="json")
    p.add_argument("--out", help="file (json) or folder (csv, xlsx, datapackage); json defaults "
                                 "to standard output")
    p.add_argument("--base-url", default="/", help="prefix of the page URLs in the records")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("build", help="build the site into site/ (swapped in only when it succeeds)")
    p.add_argument("--site-dir", help="where the site goes (default: site/)")
    p.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("import", help="turn a plan document (.txt, .docx, .xlsx, .csv) into YAML")
    p.add_argument("source", help="the document to import")
    p.add_argument("--plan", required=True, help="plan id, e.g. city-12th-fyp")
    p.add_argument("--title", help="plan title (default: the document's title)")
    p.add_argument("--out", help="output folder (default: data/plans/<plan>/)")
    p.add_argument("--update", action="store_true",
                   help="merge a revised document into an existing plan, keeping editors' "
                        "changes and comments; conflicts go to the report")
    p.add_argument("--force", action="store_true",
                   help="replace an existing plan folder; unchanged tasks keep their ids")
    p.add_argument("--part", "--document", dest="part",
                   help="which document of a file holding several (篇1, 篇2 …): number or label")
    p.add_argument("--level", help="省 | 市 | 县 | 区 | 乡镇 (default: guessed from the text)")
    p.add_argument("--period", help="2011-2015 or 2007 (default: from the title)")
    p.add_argument("--issuer", help="issuing body, e.g. 市人民政府")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the report")
    default = ImportLimits()
    p.add_argument("--max-mb", type=int, default=default.file_bytes // MB,
                   help="refuse a larger file (default %(default)s MB)")
    p.add_argument("--max-unpacked-mb", type=int, default=default.unpacked_bytes // MB,
                   help="refuse a .docx or .xlsx that unpacks to more (default %(default)s MB)")
    p.add_argument("--max-rows", type=int, default=default.rows,
                   help="refuse a table with more rows (default %(default)s)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("import-report",
                       help="turn a progress report (.xlsx, .csv, .docx, .txt) into a plan's "
                            "report file for a period")
    p.add_argument("source", help="the progress report: a table or a text")
    p.add_argument("--plan", required=True, help="the plan it reports on")
    p.add_argument("--period", required=True, help="YYYY, YYYY-H1, YYYY-Q2 or YYYY-MM")
    p.add_argument("--reported-by", required=True,
                   help="the body that published the report (a department or as written)")
    p.add_argument("--as-of", help="the date the report states its facts at (default: its "
                                   "截至 date, else the end of the period)")
    p.add_argument("--title", help="the report's title (default: its heading)")
    p.add_argument("--url", help="the address the report was published at")
    p.add_argument("--force", action="store_true", help="replace this period's report file")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the report")
    p.set_defaults(func=cmd_import_report)

    p = sub.add_parser("synth", help="write a synthetic plan repository of a given size")
    p.add_argument("--tasks", type=int, default=5000, help="tasks in all plans (default 5000)")
    p.add_argument("--departments", type=int, default=300, help="departments (default 300)")
    p.add_argument("--indicators", type=int, default=2000, help="indicators (default 2000)")
    p.add_argument("--plans", type=int, help="plans (default: one per 500 tasks, at least 2)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same output)")
    p.add_argument("--out", required=True, help="folder of the repository (its data/ is replaced)")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("diff", help="what a change means: plans, tasks, departments, indicators "
                                    "and statuses changed between two git revisions")
    p.add_argument("base", nargs="?", default="HEAD",
                   help="the revision before (default: HEAD, the last commit)")
    p.add_argument("head", nargs="?", default=WORKING_TREE,
                   help="the revision after (default: the files as they are now)")
    p.add_argument("--format", choices=["markdown", "json"], default="markdown")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the summary")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("new", help="write a new site repository: data, pages, configuration, "
                                   "pinned requirements, checks and deployment")
    p.add_argument("folder", help="where the site goes (missing or empty)")
    p.add_argument("--title", default=SiteSettings.title, help="the site's name (default: %(default)s)")
    p.add_argument("--issuer", default=SiteSettings.issuer,
                   help="the government whose plans it publishes (default: %(default)s)")
    p.add_argument("--level", default=SiteSettings.level, choices=["省", "市", "县", "区", "乡镇"],
                   help="its level (default: %(default)s)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="interface language")
    p.add_argument("--repo-url", default=SiteSettings.repo_url,
                   help="the repository editors work in (the workflows set it on GitHub)")
    p.add_argument("--no-example", dest="example", action="store_false",
                   help="no example plan: an empty registry and no plan")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("remove-example", help="remove the example plan plansite new wrote, and "
                                              "its departments")
    p.set_defaults(func=cmd_remove_example)

    p = sub.add_parser("migrate", help="upgrade data files of an older format to this "
                                       "plansite's, keeping comments")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("schema", help="write the JSON Schema of every kind of data file")
    p.add_argument("--out", default="schema", help="folder for <kind>.schema.json (default: schema/)")
    p.set_defaults(func=cmd_schema)

    return parser


def cmd_synth(args: argparse.Namespace) -> int:
    """Write a synthetic repository and say what was written."""
    try:
        with Progress() as progress:
            summary = synth_repository(args.out, args.tasks, args.departments, args.indicators,
                                       seed=args.seed, plans=args.plans, progress=progress)
    except ValueError as exc:
        print(f"plansite synth: {exc}")
        return 2
    print(f"{summary.out}/data: {len(summary.plans)} plans, {summary.chapters} chapters, "
          f"{summary.tasks} tasks, {summary.departments} departments, "
          f"{summary.indicators} indicators")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    root = _root(args)
    out = Path(args.out) if args.out else root / "data" / "plans" / args.plan
    limits = ImportLimits(args.max_mb * MB, args.max_unpacked_mb * MB, args.max_rows)
    try:
        with Progress(lang=args.lang) as progress:
            result = import_document(Path(args.source), args.plan, title=args.title,
                                     out_dir=out, force=args.force, update=args.update,
                                     part=args.part,
                                     registry_path=root / "data" / "departments.yml",
                                     level=args.level, period=args.period, issuer=args.issuer,
                                     limits=limits, progress=progress)
    except PlanError as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    print(result.report.text(args.lang))
    return 0


def cmd_import_report(args: argparse.Namespace) -> int:
    """Write data/plans/<plan>/reports/<period>.yml from a progress report, and say what
    matched, what is doubtful and what matched no task."""
    root = _root(args)
    try:
        with Progress(lang=args.lang) as progress:
            result = import_report(Path(args.source), root / "data" / "plans" / args.plan,
                                   args.period, reported_by=args.reported_by, as_of=args.as_of,
                                   title=args.title, url=args.url, root=root, force=args.force,
                                   progress=progress)
    except PlanError as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    print(result.text(args.lang))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    root = _root(args)
    code, output = build_site(root, Path(args.site_dir) if args.site_dir else None,
                              strict=not args.no_strict, progress=Progress())
    sys.stderr.write(output)
    if code:
        print("plansite: the build failed; the previous site/ is untouched", file=sys.stderr)
        return 1
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    root = _root(args)
    _, problems = load_repository(root)
    items = problems.sorted()
    if args.format == "github":
        if items:
            print(format_github(items, args.lang))
    elif args.format == "json":
        print(format_json(items, args.lang))
    else:
        for item in items:
            print(item.format(args.lang))
        print(("\n" if items else "") + summary(len(problems.errors), args.lang), file=sys.stderr)
    return 1 if problems.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the data as JSON (to standard output without --out) or as tables into a folder."""
    root = _root(args)
    repo, problems = load_repository(root)
    if problems.errors:
        for item in problems.sorted():
            print(item.format(), file=sys.stderr)
        return 1
    if args.format != "json":
        if not args.out:
            raise UsageError(f"--format {args.format} needs --out FOLDER")
        tables.write(repo, args.format, Path(args.out), args.base_url)
        return 0
    text = json_text(repo, args.base_url)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the schemas the data files name in their first line (``schema/`` at the top)."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new site and say what to do next."""
    folder = Path(args.folder)
    settings = SiteSettings(title=args.title, issuer=args.issuer, level=args.level,
                            lang=args.lang, repo_url=args.repo_url, example=args.example)
    try:
        written = new_site(folder, settings)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from exc
    print(f"{folder}: {len(written)} files. Next:\n  cd {folder}\n  make serve   # "
          "set up, build and serve\n  make check   # check the data, build strictly")
    return 0


def cmd_remove_example(args: argparse.Namespace) -> int:
    """Remove the example plan and its departments."""
    for item in remove_example(_root(args)) or ["nothing: no example plan"]:
        print(f"removed {item}")
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Upgrade the data to this plansite's format and say what changed (1: a unit is newer)."""
    root = _root(args)
    done = migrate(root)
    for item in done:
        if item.unknown:
            print(f"{item.file}: format {item.found} is " + (
                f"newer than this plansite's ({DATA_FORMAT}); upgrade plansite" if item.newer
                else "older than any this plansite upgrades; upgrade it with an older release"),
                file=sys.stderr)
            continue
        print(f"{item.file}: format {item.found} -> {item.to}")
        for said in item.said:
            print(f"  {said}")
    if not done:
        print(f"the data is in format {DATA_FORMAT}: nothing to do")
    return 1 if any(item.unknown for item in done) else 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Say what changed between two revisions of the repository's data, as Markdown or JSON."""
    root = _root(args)
    if not is_git_repository(root):
        raise UsageError(f"{root} is not a git repository with a commit")
    notes, repos = [], []
    with tempfile.TemporaryDirectory(prefix="plansite-diff-") as tmp:
        for n, revision in enumerate((args.base, args.head)):
            if revision == WORKING_TREE:
                folder = root
            elif revision_exists(root, revision):
                folder = extract_data(root, revision, Path(tmp) / str(n))
            else:
                raise UsageError(f"no revision '{revision}' in {root}")
            repo, problems = load_repository(folder)
            if problems.errors:
                notes.append(phrase("diff-problems", n=len(problems.errors), revision=(
                    Phrase("working-tree") if revision == WORKING_TREE else revision)))
            repos.append(repo)
    found = differences(*repos)
    names = [Phrase("working-tree").words(args.lang) if r == WORKING_TREE else r
             for r in (args.base, args.head)]
    if args.format == "json":
        sys.stdout.write(as_json(found, *names, lang=args.lang))
    else:
        sys.stdout.write(markdown(found, *names, lang=args.lang, notes=notes))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"plansite: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
