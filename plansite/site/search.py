"""Chinese search over the plans: one search record per task, chapter, department, indicator, plan.

Measured on the seed site, word segmentation fails the reader twice over. The theme's segmenter
cuts 市住建委 into 市住 / 建委, so 住建委 finds nothing; and Pagefind segments the index with one
Chinese segmenter at build time but the query with the browser's (Intl.Segmenter) at search
time: 森林蓄积量, 公积金中心 and 节能减排 found nothing, because the two cut them differently.
So this module does not segment words at all. Every run of Chinese characters is indexed as the
overlapping pairs of characters it holds (森林蓄积量 -> 森林 林蓄 蓄积 积量 量), and the search box
(``docs/assets/search.js``) turns the query into pairs the same way (:func:`search_tokens`), so a
query finds every record holding all its pairs, whatever a segmenter would make of them. Three
more things make results right:

- every record names the words a reader may type for it (:func:`department_terms`): the name,
  the aliases, each without its 市/县/区 prefix, and the usual abbreviations (发展改革委 ->
  发改委, 人力资源和社会保障局 -> 人社局) as separate terms weighted like the title;
- a plan page is one long page, and a whole-page index ranks it by the sum of everything on it;
  here each task and chapter is its own short record whose title weighs most, so a query for a
  task phrase finds that task (at its anchor) and an indicator name finds the indicator's page;
- each record carries what it is (任务 / 部门 / 指标 / 章节 / 规划), its plan, its chapter and a
  short text to show, as metadata the result list prints.

The records are written as small HTML documents and indexed with Pagefind into
``site/pagefind/``: an index split into chunks that the reader's browser loads on demand, so the
first search stays small however many plans the site holds. The reader-written pages of the
site (home, methodology) are indexed from their built HTML in the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
import html
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from plansite.model import urls
from plansite.catalogue.labels import translate
from plansite.language.departments import without_level
from plansite.model.records import Chapter, Department, Indicator, Plan, Task
from plansite.model.repository import Repository
from plansite.site.text import markdown_html

log = logging.getLogger(__name__)

INDEX_LANGUAGE = "en"
"""The language Pagefind is told the index is in: one it does not segment (see above)."""

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""A run of Chinese characters. search.js uses the same ranges: the two must cut alike."""

SHOWN_TEXT = 320
"""How many characters of a record's text the result list may show around the hits."""

INDEX_WRITE_POLLS = 300
"""How many tenths of a second to wait for Pagefind to finish writing its files."""

KEYWORDS_PER_TEXT = 6
KEYWORD_WEIGHT = 3
KEYWORD_MIN_TEXT = 40
"""A task text shorter than this is its own keywords: it is indexed whole anyway."""

ABBREVIATIONS = (
    ("发展和改革", "发改"), ("发展改革", "发改"), ("人力资源和社会保障", "人社"),
    ("住房和城乡建设", "住建"), ("经济和信息化", "经信"), ("国土资源", "国土"),
    ("环境保护", "环保"), ("人口和计划生育", "人口计生"), ("人口计生", "计生"),
    ("安全生产监督管理", "安监"), ("食品药品监督管理", "食药监"), ("质量技术监督", "质监"),
    ("工商行政管理", "工商"), ("文化广电新闻出版", "文广新"), ("新闻出版广电", "新广"),
    ("交通运输", "交通"), ("城乡规划", "规划"), ("外事侨务", "外侨"),
)
"""Full word -> the short form the public uses; applied in both directions to names."""

SUFFIXES = (("委员会", "委"), ("办公室", "办"))
"""The same for the last word of a name only (市委宣传部 holds 委 but is no 委员会)."""

KINDS = ("task", "chapter", "department", "indicator", "plan", "page")
"""What a search result is; the labels come from :mod:`plansite.catalogue.labels` (search_kind_<kind>)."""


def search_tokens(text: str, indexing: bool = True) -> str:
    """``text`` as the index holds it: each run of Chinese characters as overlapping pairs.

    Other words stay as they are (Pagefind splits them). When ``indexing``, the last character
    of each run is a token too, so a one-character query (which Pagefind matches as a prefix)
    finds it. Width and case are folded (NFKC) so ５５％ and 55% meet.

    >>> search_tokens("森林蓄积量达到280万立方米")
    '森林 林蓄 蓄积 积量 量达 达到 到 280 万立 立方 方米 米'
    """
    text = unicodedata.normalize("NFKC", text or "").lower()
    out: list[str] = []
    end = 0
    for run in HAN.finditer(text):
        out.append(text[end:run.start()])
        chars = run.group()
        pairs = [chars[i:i + 2] for i in range(len(chars) - 1)] or [chars]
        if indexing and len(chars) > 1:
            pairs.append(chars[-1])
        out.append(" " + " ".join(pairs) + " ")
        end = run.end()
    out.append(text[end:])
    return " ".join("".join(out).split())


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
            '<article class="md-content__inner">',
            meta("title", self.title),
            meta("kind", translate(f"search_kind_{self.kind}", lang), filtered=True),
            meta("kind_id", self.kind),
            meta("plan", self.plan, filtered=True),
            meta("context", self.context),
            meta("text", self.text[:SHOWN_TEXT]),
            f'<h1 data-pagefind-weight="10">{e(search_tokens(self.title))}</h1>',
            f'<p data-pagefind-weight="10">{e(terms)}</p>' if terms else "",
            f"<p>{e(search_tokens(self.context))}</p>" if self.context else "",
            (f'<p data-pagefind-weight="{KEYWORD_WEIGHT}">'
             f'{e(" ".join(search_tokens(k) for k in self.keywords))}</p>')
            if self.keywords else "",
            f'<p data-pagefind-weight="{self.text_weight}">{e(search_tokens(self.text))}</p>',
            "</article></body></html>"])


def name_variants(name: str) -> list[str]:
    """The forms a reader may type for ``name``: without its level prefix (as
    :func:`plansite.language.departments.without_level` leaves it out), and abbreviated or spelt
    out.

    >>> name_variants("市发展改革委")[:4]
    ['市发展改革委', '发展改革委', '市发改委', '发改委']
    >>> "发展和改革委员会" in name_variants("市发展改革委")
    True
    """
    forms = [name]

    def add(form: str) -> None:
        if form not in forms:
            forms.append(form)

    add(without_level(name))

    for form in list(forms):  # shorten: 发展改革委 -> 发改委
        for full, short in ABBREVIATIONS:
            if full in form:
                add(form.replace(full, short))
    for _ in range(2):  # spell out: 发改委 -> 发展和改革委 -> 发展和改革委员会
        for form in list(forms):
            for full, short in ABBREVIATIONS:
                if short in form and full not in form:
                    add(form.replace(short, full, 1))
            for full, short in SUFFIXES:
                if form.endswith(short):
                    add(form[: -len(short)] + full)
    return [f for f in forms if len(f) > 1]


def department_terms(dept: Department) -> tuple[str, ...]:
    """Every name that finds ``dept``: its name, its aliases, and their short and long forms.

    The name itself is among them: a record whose title *is* the query outweighs records that
    only mention it (the tasks a department leads name it too).
    """
    terms: list[str] = []
    for name in (dept.name, *dept.aliases):
        terms.extend(name_variants(name))
    return tuple(dict.fromkeys(terms))


# -- records -----------------------------------------------------------------------------------
class _TextOf(HTMLParser):
    """The text of an HTML fragment, or of the content article of a built page."""

    SKIP = {"script", "style", "svg", "template"}
    SKIP_CLASSES = {"headerlink", "md-content__button", "md-source-file"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}

    def __init__(self, root_class: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
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
        if self.skipping or tag in self.SKIP or classes & self.SKIP_CLASSES:
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
    return SearchRecord(urls.task_url(task), "task", title, plan.title,
                        _chapter_trail(repo, plan, repo.index.task_chapters[task.key]),
                        text=f"{text} {facts}".strip())


def chapter_record(repo: Repository, plan: Plan, chapter: Chapter) -> SearchRecord:
    """A chapter: its heading and narrative text (its tasks are records of their own)."""
    trail = []
    parent = chapter.parent
    while parent:
        trail.append(parent)
        parent = repo.index.chapters[f"{plan.id}:{parent}"].parent
    return SearchRecord(urls.chapter_url(chapter), "chapter",
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


def page_record(url: str, document: str) -> SearchRecord | None:
    """A reader-written page of the built site: its first heading and the text of its content."""
    parser = _TextOf(root_class="md-content__inner")
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

        jieba.setLogLevel(logging.WARNING)
        for word in segmenter_words(repo):
            jieba.add_word(word, freq=200000)
        self.extract = jieba.analyse.extract_tags
        self.count = count

    def __call__(self, text: str) -> tuple[str, ...]:
        if len(HAN.findall(text)) == 0 or len(text) < KEYWORD_MIN_TEXT:
            return ()
        return tuple(w for w in self.extract(text, topK=self.count) if HAN.search(w))


def search_records(repo: Repository, lang: str = "zh") -> list[SearchRecord]:
    """A record for every plan, chapter, task, department and indicator of the repository."""
    records: list[SearchRecord] = []
    keywords = KeyTerms(repo)
    for plan in repo.plans.values():
        records.append(plan_record(plan, lang))
        records.extend(chapter_record(repo, plan, c) for c in plan.walk_chapters())
        records.extend(replace(task_record(repo, task, lang), keywords=keywords(task.text))
                       for task in plan.walk_tasks())
    records.extend(department_record(repo, d, lang) for d in repo.departments.values())
    records.extend(indicator_record(repo, i, lang) for i in repo.indicators.values())
    return records


# -- the index ---------------------------------------------------------------------------------
def page_url(site_dir: Path, path: Path) -> str:
    """The site-relative URL of a built HTML file (``plans/index.html`` -> ``plans/``)."""
    rel = path.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


SEND_BATCH = 200
"""Records sent to Pagefind before waiting for its answers: the service works while we write."""


def _pagefind_service():
    """Pagefind's indexing service, reading its answers as fast as they come.

    The packaged client sleeps 0.1 s before reading each answer, so indexing one record at a
    time costs at least 0.1 s a record: 7,600 records (5,000 tasks) took over 12 minutes. This
    reader takes each answer as soon as it is written and resolves the request it answers.
    """
    import base64
    import json

    from pagefind.service import PagefindService

    class Service(PagefindService):
        async def _wait_for_responses(self) -> None:
            assert self._backend.stdout is not None
            while True:
                output = b""
                try:
                    output = await self._backend.stdout.readuntil(b",")
                    answer = json.loads(base64.b64decode(output[:-1], validate=True))
                except Exception as exc:  # noqa: BLE001 - any end of the answers
                    # Pagefind stopped, or wrote a panic instead of an answer (it does when it
                    # cannot write its files): every waiting request fails, none waits for ever.
                    if isinstance(exc, asyncio.IncompleteReadError):
                        output = exc.partial
                    rest = b""
                    with contextlib.suppress(Exception):
                        rest = await asyncio.wait_for(self._backend.stdout.read(), 5)
                    said = (output + rest).decode("utf-8", "replace").strip()[-2000:]
                    for future in self._responses.values():
                        if not future.done():
                            future.set_exception(RuntimeError(
                                f"pagefind stopped answering: {said or type(exc).__name__}"))
                    return
                if answer is None:
                    continue
                payload = answer["payload"]
                message_id = answer.get("message_id")
                if message_id is None and payload.get("original_message"):
                    # an unreadable request is answered with the request itself
                    message_id = json.loads(payload["original_message"]).get("message_id")
                future = self._responses.get(message_id)
                if future is None or future.done():
                    continue
                if payload["type"] == "Error":
                    future.set_exception(RuntimeError(f"pagefind: {payload.get('message')}"))
                else:
                    future.set_result(payload)

    return Service()


async def _write_index(site_dir: Path, records: list[SearchRecord], lang: str,
                       more: Callable[[], list[SearchRecord]] | None = None) -> int:
    """Index ``records``, then those ``more()`` returns (it may wait: it runs in a thread)."""
    from pagefind.index import IndexConfig

    config = IndexConfig(root_selector="article.md-content__inner",
                         force_language=INDEX_LANGUAGE, output_path=str(site_dir / "pagefind"))
    service = await _pagefind_service().launch()
    count = 0
    try:
        index = await service.create_index(config)

        async def add(batch: list[SearchRecord]) -> None:
            for start in range(0, len(batch), SEND_BATCH):
                await asyncio.gather(*(index.add_html_file(url="/" + r.url, content=r.html(lang))
                                       for r in batch[start:start + SEND_BATCH]))

        await add(records)
        count = len(records)
        if more is not None:
            extra = await asyncio.get_running_loop().run_in_executor(None, more)
            await add(extra)
            count += len(extra)
        await index.write_files()
        # Pagefind answers before its last files are on disk; closing the service then cuts
        # the entry file short (an empty pagefind-entry.json was seen on a loaded machine).
        for _ in range(INDEX_WRITE_POLLS):
            if index_complete(site_dir / "pagefind"):
                break
            await asyncio.sleep(0.1)
    finally:
        await service.close()
    if not index_complete(site_dir / "pagefind"):
        raise RuntimeError(f"the search index in {site_dir / 'pagefind'} was not written whole")
    return count


def index_complete(folder: Path) -> bool:
    """Whether a Pagefind index is whole: its entry file reads, and the files it names exist."""
    import json

    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = entry["languages"].values()
    except (OSError, ValueError, KeyError, AttributeError):
        return False
    return all((folder / f"pagefind.{lang['hash']}.pf_meta").is_file() for lang in languages) \
        and (folder / "pagefind.js").is_file()


def page_records(site_dir: Path, skip_urls: Iterable[str]) -> list[SearchRecord]:
    """Records of the built pages of ``site_dir`` whose URLs are not in ``skip_urls``."""
    skip = set(skip_urls) | {"404.html"}
    records = []
    for path in sorted(site_dir.rglob("*.html")):
        url = page_url(site_dir, path)
        if url in skip or url.startswith("pagefind/"):
            continue
        record = page_record(url, path.read_text(encoding="utf-8"))
        if record is not None:
            records.append(record)
    return records


def write_search_index(site_dir: Path, repo: Repository, skip_urls: Iterable[str],
                       lang: str = "zh") -> int:
    """Index ``repo`` and the built pages not in ``skip_urls`` into ``site_dir/pagefind/``.

    ``skip_urls`` are the site-relative URLs of the generated pages, whose words the records
    already hold. Returns the number of records indexed.
    """
    job = SearchIndexJob(site_dir, repo, lang, use_process=False)
    job.pages_written(skip_urls)
    return job.wait()


class SearchIndexJob:
    """The search index made beside the build: started once the data is loaded, finished once
    the pages are written.

    The records of the data (and jieba's keywords, the costly part) are made and sent to
    Pagefind while the pages render; :meth:`pages_written` adds the built reader-written pages
    and :meth:`wait` waits for the index files. Only the data is needed to start, so the whole index is no
    longer a step after the build.
    """

    def __init__(self, site_dir: Path, repo: Repository, lang: str = "zh",
                 use_process: bool | None = None):
        from plansite.background import Background

        self.site_dir = Path(site_dir)
        self.job = Background(partial(_index_beside, self.site_dir, repo, lang),
                              use_process=use_process)

    def pages_written(self, skip_urls: Iterable[str]) -> None:
        """The pages are on disk: index those not in ``skip_urls`` (the generated ones)."""
        self.job.send(list(skip_urls))

    def wait(self) -> int:
        """Wait until the index files are written; the number of records indexed."""
        count = self.job.result()
        log.info("search: %d records indexed into %s", count, self.site_dir / "pagefind")
        return count

    def cancel(self) -> None:
        self.job.cancel()


def _index_beside(site_dir: Path, repo: Repository, lang: str, receive: Callable[[], Any]) -> int:
    records = search_records(repo, lang)
    # A thread of its own gets a fresh event loop even when the caller runs one already
    # (a build started from a program that uses asyncio, such as a browser test).
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _write_index(
            site_dir, records, lang, lambda: page_records(site_dir, receive()))).result()
