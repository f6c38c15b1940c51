"""One search record per task, chapter, department, indicator and plan, and per reader-written
page, each a small HTML document for Pagefind with its words as tokens and what the result list
shows as metadata."""

from __future__ import annotations

import gc
import html
import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from plansite.analysis.findings import Findings
from plansite.analysis.progress import Progress
from plansite.catalogue.labels import translate
from plansite.language.abbreviations import ShortForms
from plansite.model import urls
from plansite.model.records import Chapter, Department, Indicator, Plan, Task
from plansite.model.repository import Repository
from plansite.site.search.names import department_terms
from plansite.site.search.tokens import HAN, search_tokens
from plansite.site.text import markdown_html

SHOWN_TEXT = 320
"""How many characters of a record's text the result list may show around the hits."""

KEYWORDS_PER_TEXT = 6
KEYWORD_WEIGHT = 3
KEYWORD_MIN_TEXT = 40
"""A task text shorter than this is its own keywords: it is indexed whole anyway."""

RECORD_CLASS = "ps-record"
"""The class of the article that holds a record's words in the documents Pagefind indexes."""


@dataclass(frozen=True)
class PageLayout:
    """Where a built page holds its content, and what inside it is not content (the theme's
    buttons): the engine's adapter says, and the search reads reader-written pages by it."""

    content_class: str
    skip_classes: frozenset[str] = frozenset()


KINDS = ("task", "chapter", "department", "indicator", "plan", "page")
"""What a search result is; the labels come from :mod:`plansite.catalogue.labels` (search_kind_<kind>)."""

NAMED_KINDS = ("department", "indicator")
"""The kinds the search box asks for again on their own (``NAMED_KINDS`` in search.js): only
their records carry the ``kind_id`` filter, so the filter a reader's first search loads lists
these records and not every task."""


@dataclass(frozen=True)
class SearchRecord:
    """One thing a reader can find: its address, what it is, its title, and its words.

    ``url`` is site-relative (``plans/city-12th-fyp/#task-2-1-1``); ``terms`` are the extra
    names that find it (aliases, short forms), weighted like the title; ``text`` is the plain
    text of everything else the record says, weighing ``text_weight``; ``context`` is where it
    sits (its chapters).
    """

    url: str
    kind: str
    title: str
    plan: str = ""
    context: str = ""
    terms: tuple[str, ...] = ()
    text: str = ""
    text_weight: float = 1.0
    keywords: tuple[str, ...] = ()
    lead: str = ""
    """The departments leading a task, by name and alias: a query naming one ranks its tasks
    before those it only co-operates on."""
    also: tuple[str, ...] = ()
    """Other forms of the terms in the text (新农合 where it says 新型农村合作医疗): they weigh
    like the text. The title's other forms are among ``terms``."""
    status: str = ""
    """A task's current reported status (``on_track`` ...), where its plan publishes reports."""

    def html(self, lang: str = "zh") -> str:
        """The document Pagefind indexes: the words as tokens, the display fields as metadata."""
        e = html.escape

        def meta(name: str, value: str, filtered: bool = False) -> str:
            if not value:
                return ""
            kind = f' data-pagefind-filter="{name}"' if filtered else ""
            return (f'<span data-pagefind-meta="{name}"{kind} data-pagefind-ignore hidden>'
                    f"{e(value)}</span>")

        terms = " ".join(search_tokens(t) for t in self.terms)
        return "".join([
            '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>',
            f'<article class="{RECORD_CLASS}">',
            meta("title", self.title),
            meta("kind", translate(f"search_kind_{self.kind}", lang), filtered=True),
            meta("kind_id", self.kind, filtered=self.kind in NAMED_KINDS),
            meta("plan", self.plan, filtered=True),
            meta("context", self.context),
            meta("status_id", self.status),
            meta("status", translate(f"report_status_{self.status}", lang) if self.status else ""),
            meta("text", self.text[:SHOWN_TEXT]),
            # the names that find it (short forms too), for the result list's ranking
            meta("names", "、".join(self.terms)),
            meta("lead", self.lead),
            meta("also", " ".join(self.also)),
            f'<h1 data-pagefind-weight="10">{e(search_tokens(self.title))}</h1>',
            f'<p data-pagefind-weight="10">{e(terms)}</p>' if terms else "",
            f"<p>{e(search_tokens(self.context))}</p>" if self.context else "",
            (f'<p data-pagefind-weight="{KEYWORD_WEIGHT}">'
             f'{e(" ".join(search_tokens(k) for k in self.keywords))}</p>')
            if self.keywords else "",
            f'<p data-pagefind-weight="{self.text_weight}">{e(search_tokens(self.text))}</p>',
            (f'<p data-pagefind-weight="{self.text_weight}">'
             f'{e(" ".join(search_tokens(a) for a in self.also))}</p>') if self.also else "",
            # the short names of the leading departments: 发改委 节能减排 finds the task
            (f'<p data-pagefind-weight="{self.text_weight}">'
             f'{e(search_tokens(self.lead))}</p>') if self.lead else "",
            "</article></body></html>"])




class _TextOf(HTMLParser):
    """The text of an HTML fragment, or of the content article of a built page."""

    SKIP = {"script", "style", "svg", "template"}
    SKIP_CLASSES = frozenset({"headerlink"})  # the permanent links after headings
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}

    def __init__(self, root_class: str | None = None,
                 skip_classes: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        self.skip_classes = self.SKIP_CLASSES | skip_classes
        self.depth = 0 if root_class is None else -1   # >= 0: inside the content
        self.skipping = 0
        self.parts: list[str] = []
        self.title = ""
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth < 0:
            if self.root_class in classes:
                self.depth = 1
            return
        self.depth += 1
        if self.skipping or tag in self.SKIP or classes & self.skip_classes:
            self.skipping += 1
        if tag == "h1" and not self.title:
            self._in_h1 = True
        if tag in ("p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "div"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or self.depth <= 0:
            return
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
        if tag == "h1":
            self._in_h1 = False
        if self.depth == 0 and self.root_class is not None:
            self.depth = -2  # the content article is closed: ignore the rest of the page

    def handle_data(self, data: str) -> None:
        if self.depth > 0 and not self.skipping:
            self.parts.append(data)
            if self._in_h1:
                self.title += data

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def text_of(fragment: str) -> str:
    """The plain text of an HTML fragment, whitespace collapsed."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    return parser.text()


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    return " ".join(f"{k}：{v}。" for k, v in pairs if v)


def _names(repo: Repository, ids: Iterable[str]) -> str:
    return "、".join(repo.departments[d].name for d in ids)


def _chapter_trail(repo: Repository, plan: Plan, chapter_ids: Iterable[str]) -> str:
    chapters = [repo.index.chapters[f"{plan.id}:{c}"] for c in chapter_ids]
    return " › ".join(f"{c.number}{c.title}" for c in chapters)


def task_record(repo: Repository, task: Task, lang: str = "zh") -> SearchRecord:
    """A task: its title and full text, who leads and co-operates, its indicators and deadline."""
    t = lambda key: translate(key, lang)  # noqa: E731 - a local short name
    plan = repo.plans[task.plan]
    title = f"{task.number} {task.title}".strip() if task.number else task.title
    text = text_of(markdown_html(task.text)) if task.text.strip() != task.title.strip() else ""
    facts = _facts([
        (t("lead"), _names(repo, task.lead)),
        (t("cooperating"), _names(repo, task.cooperating)),
        (t("implementers"), "、".join(task.implementers)),
        (t("indicators"), "、".join(repo.indicators[i].name for i in task.indicators)),
        (t("deadline"), task.deadline.phrase if task.deadline else ""),
        (t("progress"), task.progress),
    ])
    lead = " ".join(w for d in task.lead
                    for w in (repo.departments[d].name, *repo.departments[d].aliases))
    return SearchRecord(repo.task_url(task), "task", title, plan.title,
                        _chapter_trail(repo, plan, repo.index.task_chapters[task.key]),
                        text=f"{text} {facts}".strip(), lead=lead)


def chapter_record(repo: Repository, plan: Plan, chapter: Chapter) -> SearchRecord:
    """A chapter: its heading and narrative text (its tasks are records of their own)."""
    trail = []
    parent = chapter.parent
    while parent:
        trail.append(parent)
        parent = repo.index.chapters[f"{plan.id}:{parent}"].parent
    return SearchRecord(repo.chapter_url(chapter), "chapter",
                        f"{chapter.number}{chapter.title}", plan.title,
                        _chapter_trail(repo, plan, trail[::-1]),
                        text=text_of(markdown_html(chapter.text)))


def department_record(repo: Repository, dept: Department, lang: str = "zh") -> SearchRecord:
    """A department: its name, every name readers use for it, and what it answers for."""
    led, coop = repo.index.led[dept.id], repo.index.cooperated[dept.id]
    inds = repo.index.department_indicators[dept.id]
    summary = translate("dept_summary", lang, led=len(led), coop=len(coop), inds=len(inds))
    facts = _facts([(translate("aliases", lang), "、".join(dept.aliases)),
                    (translate("kind", lang), translate("kind_" + dept.kind, lang)),
                    (translate("note", lang), dept.note)])
    return SearchRecord(urls.department_url(dept.id), "department", dept.name,
                        terms=department_terms(dept), text=f"{summary} {facts}")


def indicator_record(repo: Repository, ind: Indicator, lang: str = "zh") -> SearchRecord:
    """An indicator: its name, type, the target as written, unit and responsible bodies."""
    t = lambda key: translate(key, lang)  # noqa: E731 - a local short name
    plan = repo.plans[ind.plan]
    target = ""
    if ind.target is not None:
        target = ind.target.phrase or ind.target.narrative
    facts = _facts([
        (t("phrase"), ind.phrase),
        (t("target"), target if target != ind.phrase else ""),
        (t("type"), t("type_" + ind.type)),
        (t("unit"), ind.unit),
        (t("responsible_departments"), _names(repo, repo.index.indicator_departments[ind.id])),
        (t("note"), ind.note),
    ])
    # the name is its own term, so the indicator outranks the tasks that name it in their titles
    return SearchRecord(urls.indicator_url(ind.id), "indicator", ind.name, plan.title,
                        ind.category, terms=(ind.name,), text=facts)


def plan_record(plan: Plan, lang: str = "zh") -> SearchRecord:
    """A plan: its title, issuer, period and summary."""
    facts = _facts([(translate("issuer", lang), plan.issuer),
                    (translate("period", lang), plan.period)])
    return SearchRecord(urls.plan_url(plan.id), "plan", plan.title,
                        text=f"{facts} {text_of(markdown_html(plan.summary))}".strip())


def page_record(url: str, document: str, layout: PageLayout) -> SearchRecord | None:
    """A reader-written page of the built site: its first heading and the text of its content."""
    parser = _TextOf(root_class=layout.content_class, skip_classes=layout.skip_classes)
    parser.feed(document)
    parser.close()
    text = parser.text()
    if not text:
        return None
    title = " ".join(parser.title.split())
    # Prose pages (home, methodology, editing guide) name departments and indicators as
    # examples, many times over; their text weighs little, so the records themselves lead.
    return SearchRecord(url, "page", title or url, text=text, text_weight=0.2)


def segmenter_words(repo: Repository) -> list[str]:
    """Department names and aliases and indicator names: words the segmenter must keep whole."""
    words = [w for d in repo.departments.values() for w in (d.name, *d.aliases)]
    words.extend(ind.name for ind in repo.indicators.values())
    return sorted({w.strip() for w in words if len(w.strip()) > 1 and " " not in w.strip()},
                  key=lambda w: (-len(w), w))


class KeyTerms:
    """What a long text is about: jieba's TF-IDF keywords, with the plans' own names kept whole.

    Character pairs find every text that holds the query; these keywords, weighted between the
    title and the body, rank first the tasks that are *about* it (a task on 节能减排 above one
    that mentions 节能 in passing). jieba splits unknown names badly (市住建委 becomes 市住 /
    建委), so every department name and alias and every indicator name is taught to it first.
    """

    def __init__(self, repo: Repository, count: int = KEYWORDS_PER_TEXT):
        import jieba
        import jieba.analyse
        from jieba.analyse.tfidf import DEFAULT_IDF

        jieba.setLogLevel(logging.WARNING)
        if not jieba.analyse.default_tfidf.idf_freq:  # released (release_segmenter)
            jieba.analyse.default_tfidf.set_idf_path(DEFAULT_IDF)
        for word in segmenter_words(repo):
            jieba.add_word(word, freq=200000)
        self.extract = jieba.analyse.extract_tags
        self.count = count

    def __call__(self, text: str) -> tuple[str, ...]:
        if len(HAN.findall(text)) == 0 or len(text) < KEYWORD_MIN_TEXT:
            return ()
        return tuple(w for w in self.extract(text, topK=self.count) if HAN.search(w))


def release_segmenter() -> None:
    """Let go of jieba's word tables (about 95 MB) in a process that is done segmenting: the
    search worker, which otherwise holds them while Pagefind writes the index, the build's
    peak of memory. A :class:`KeyTerms` made later reads them again (one made before would
    find them empty)."""
    jieba = sys.modules.get("jieba")
    if jieba is None:
        return
    jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = {}, 0, False
    analyse = sys.modules.get("jieba.analyse")
    if analyse is not None:
        tfidf = analyse.default_tfidf
        tfidf.idf_freq = tfidf.idf_loader.idf_freq = {}
        tfidf.idf_loader.path = ""  # so that setting the path again reads the table
    gc.collect()


def with_other_forms(record: SearchRecord, forms: ShortForms) -> SearchRecord:
    """``record`` found by the other forms of its terms too: those of its title (and names)
    weigh like the title, those of its text like the text."""
    named = forms.others(" ".join((record.title, *record.terms)))
    said = forms.others(" ".join((record.context, record.text, *record.keywords)))
    return replace(record, terms=tuple(dict.fromkeys((*record.terms, *named))),
                   also=tuple(f for f in said if f not in named))


def search_records(repo: Repository, lang: str = "zh",
                   progress: Progress | None = None) -> list[SearchRecord]:
    """A record for every plan, chapter, task, department and indicator of the repository,
    each found by the short forms of its terms too (:mod:`plansite.language.abbreviations`);
    a task's record carries its current status where its plan publishes reports."""
    records: list[SearchRecord] = []
    keywords = KeyTerms(repo)
    if progress is None:
        progress = Findings(repo).progress
    for plan in repo.plans.values():
        records.append(plan_record(plan, lang))
        records.extend(chapter_record(repo, plan, c) for c in plan.walk_chapters())
        records.extend(replace(task_record(repo, task, lang), keywords=keywords(task.text),
                               status=progress.tasks[task.key].status if plan.reports else "")
                       for task in plan.walk_tasks())
    records.extend(department_record(repo, d, lang) for d in repo.departments.values())
    records.extend(indicator_record(repo, i, lang) for i in repo.indicators.values())
    forms = ShortForms(repo.abbreviations)
    return [with_other_forms(r, forms) for r in records]
