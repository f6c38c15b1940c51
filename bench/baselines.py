"""The sites ``make bench`` builds beside plansite's own, from the same data:

- the engine's floor: the visible text of every page plansite built, as plain Markdown, through
  MkDocs and Material with only the home page in the navigation and no search plugin: what the
  engine costs for that much content and no more;
- plain Material with its Chinese search (for reference): the same number of pages of plain
  Markdown holding the same words, the same navigation, Material's own search plugin.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from lxml import html as lxml_html

from plansite.adapter.nav import source_paths
from plansite.model.repository import Repository
from plansite.site.pages import navigation, site_pages

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    """This repository's mkdocs.yml, its environment tags read as their defaults."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(re.sub(r"!ENV \[\w+, ([^\]]*)\]", r"\1", text))


def _theme(config: dict) -> dict:
    return {k: v for k, v in config["theme"].items() if k != "custom_dir"}


def _write(folder: Path, pages: dict[str, str], mkdocs: dict) -> None:
    docs = folder / "docs"
    for path, text in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, allow_unicode=True),
                                       encoding="utf-8")


NO_CHECKS = {"nav": {"omitted_files": "ignore"},
             "links": {"not_found": "ignore", "unrecognized_links": "ignore",
                       "anchors": "ignore"}}


# -- the engine's floor -------------------------------------------------------------------------
def page_text(document: str) -> str:
    """The visible text of a built page's article, one paragraph per block."""
    tree = lxml_html.fromstring(document)
    for node in tree.xpath("//script|//style|//svg"):
        node.drop_tree()
    article = tree.xpath("//article")
    if not article:
        return ""
    blocks = [" ".join(el.text_content().split()) for el in article[0].iter(
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "caption")]
    return "\n\n".join(b.replace("\\", "\\\\").replace("#", "\\#") for b in blocks if b)


def write_floor(site: Path, folder: Path) -> int:
    """The floor's source: every HTML page of the built ``site`` as Markdown of its visible
    text, at the same address; the home page alone in the navigation, no search plugin.
    Returns the number of pages."""
    config = _config()
    pages: dict[str, str] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("pagefind/", "assets/", "search/")) or rel == "404.html":
            continue
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages[source_paths(url)[0]] = page_text(path.read_text(encoding="utf-8")) + "\n"
    pages.setdefault("index.md", "规划公开\n")
    _write(folder, pages, {
        "site_name": config["site_name"], "docs_dir": "docs", "use_directory_urls": True,
        "theme": _theme(config), "plugins": [], "nav": [{"首页": "index.md"}],
        "validation": NO_CHECKS})
    return len(pages)


# -- plain Material with its search -------------------------------------------------------------
def _cell(text: str) -> str:
    return text.replace("|", "／").replace("\n", " ")


def baseline_pages(repo: Repository) -> dict[str, str]:
    """Plain Markdown for each generated page: the same words, without plansite's HTML."""
    names = {d.id: d.name for d in repo.departments.values()}
    pages: dict[str, str] = {}
    for page in site_pages(repo):
        pages[source_paths(page.url)[0]] = f"# {page.title}\n\n{page.description}\n"
    for plan in repo.plans.values():
        lines = [f"# {plan.title}", "", f"{plan.issuer} · {plan.period}", "", plan.summary, ""]

        def chapter(ch, level: int) -> None:
            lines.extend([f"{'#' * min(level, 6)} {ch.number}{ch.title}", "", ch.text, ""])
            for task in ch.tasks:
                add_task(task, level + 1)
            for sub in ch.chapters:
                chapter(sub, level + 1)

        def add_task(task, level: int) -> None:
            lines.extend([f"{'#' * min(level, 6)} {task.number} {task.title}", "", task.text, "",
                          "牵头部门：" + "、".join(names[d] for d in task.lead), "",
                          "配合部门：" + "、".join(names[d] for d in task.cooperating), "",
                          task.responsibility, ""])
            for sub in task.tasks:
                add_task(sub, level + 1)

        for ch in plan.chapters:
            chapter(ch, 2)
        pages[f"plans/{plan.id}/index.md"] = "\n".join(lines)
    for dept in repo.departments.values():
        lines = [f"# {dept.name}", "", "## 牵头的任务", "", "| 规划 | 任务 | 配合部门 | 完成时限 |",
                 "|---|---|---|---|"]
        for role, keys in (("牵头", repo.index.led[dept.id]), ("配合", repo.index.cooperated[dept.id])):
            if role == "配合":
                lines += ["", "## 配合的任务", "", "| 规划 | 任务 | 牵头部门 | 完成时限 |", "|---|---|---|---|"]
            for key in keys:
                task = repo.task(key)
                others = task.cooperating if role == "牵头" else task.lead
                lines.append(f"| {_cell(repo.plans[task.plan].title)} | {_cell(task.number + task.title)} "
                             f"| {'、'.join(names[d] for d in others)} "
                             f"| {task.deadline.phrase if task.deadline else ''} |")
        lines += ["", "## 相关指标", ""]
        lines += [f"- {repo.indicators[i].name}：{repo.indicators[i].phrase}"
                  for i in repo.index.department_indicators[dept.id]]
        pages[f"departments/{dept.id}/index.md"] = "\n".join(lines) + "\n"
    for ind in repo.indicators.values():
        lines = [f"# {ind.name}", "", f"- 规划：{repo.plans[ind.plan].title}", f"- 类型：{ind.type}",
                 f"- 原文：{ind.phrase}", f"- 单位：{ind.unit}", ""]
        if ind.baseline:
            lines.append(f"- 基期值：{ind.baseline.value:g}（{ind.baseline.year}年）")
        lines += ["", "## 实际值", "", "| 年份 | 数值 | 来源 |", "|---|---|---|"]
        lines += [f"| {a.year} | {a.value:g} | {a.source} |" for a in ind.actuals]
        lines += ["", "## 相关任务", ""]
        lines += [f"- {repo.task(k).title}" for k in repo.index.indicator_tasks[ind.id]]
        lines += ["", "责任部门：" + "、".join(names[d] for d in repo.index.indicator_departments[ind.id])]
        pages[f"indicators/{ind.id}/index.md"] = "\n".join(lines) + "\n"
    # the index pages link every page, as ours do
    for kind, records in (("plans", repo.plans.values()), ("departments", repo.departments.values()),
                          ("indicators", repo.indicators.values())):
        items = []
        for record in records:
            target = f"{record.id}/index.md"
            items.append(f"- [{getattr(record, 'title', None) or record.name}]({target})")
        pages[f"{kind}/index.md"] = f"# {kind}\n\n" + "\n".join(items) + "\n"
    return pages


def write_plain_material(repo: Repository, folder: Path, page_count: int) -> None:
    """A plain Material site with ``page_count`` pages, plansite's navigation, and Material's
    Chinese search plugin."""
    config = _config()
    pages = baseline_pages(repo)
    nav = [{title: source_paths(url)[0]} for title, url in navigation("zh")]
    for entry in nav:
        for title, path in entry.items():
            pages.setdefault(path, f"# {title}\n\n规划任务、部门和指标的公开页面。\n")
    pages.setdefault("index.md", "# 规划公开\n")
    extra = page_count - len(pages)
    for i in range(max(0, extra)):
        pages[f"extra/page-{i}.md"] = f"# 页面 {i}\n\n规划任务、部门和指标的公开页面。\n"
    if extra > 0:
        pages["extra/index.md"] = "# 其他\n\n" + "\n".join(
            f"- [页面 {i}](page-{i}.md)" for i in range(extra)) + "\n"
    _write(folder, pages, {
        "site_name": config["site_name"], "docs_dir": "docs", "use_directory_urls": True,
        "theme": _theme(config), "markdown_extensions": config.get("markdown_extensions", []),
        "plugins": [p for p in config.get("plugins", []) if (
            p == "search" or isinstance(p, dict) and "search" in p)],
        "nav": nav, "validation": NO_CHECKS})
