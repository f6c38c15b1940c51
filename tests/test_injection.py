"""Nothing written in a data file runs in a reader's browser or in the build.

Every text field of every record kind holds script tags, an ``onerror`` image, a ``javascript:``
Markdown link and Jinja expressions. The site is built once; every HTML file, the search index
and ``downloads/data.json`` are then read: no script or handler from the data, no ``javascript:``
address, no evaluated template, and the text shown as the text it is. Author pages opt in to
macros; what they may reach is checked too.
"""

from __future__ import annotations

import base64
import copy
import gzip
import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factories import INDICATORS, PLAN, TASKS, make_repo
from plansite.cli import main
from plansite.adapter.build import build_site
from plansite.site.text import safe_url

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "docs", "overrides")

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
            "{{ config }}", "{% include '/etc/passwd' %}", "{{ 7*7 }}", "{{ ''.__class__.__mro__ }}"]
PAYLOAD = "".join(PAYLOADS)
# Markdown fields keep the words and drop the link target; __x__ is Markdown for bold.
PAYLOAD_AS_MARKDOWN = PAYLOAD.replace("[x](javascript:alert(1))", "x").replace(
    "__class__.__mro__", "class.mro")


def v(tag: str) -> str:
    """The payload behind a tag naming its field, so each field can be found on the pages."""
    return f"{tag}:{PAYLOAD}"


DEPARTMENTS = [
    {"id": "zhujianwei", "name": v("dept-name"), "aliases": [v("dept-alias")], "note": v("dept-note")},
    {"id": "jiaoyuju", "name": v("dept2-name"), "aliases": [v("dept2-alias")]},
]
PLAN_FIELDS = {**PLAN, "title": v("plan-title"), "issuer": v("plan-issuer"),
               "source_document": v("plan-source"), "summary": v("plan-summary"),
               "note": v("plan-note")}
TASK_FIELDS = {"chapters": [{
    "id": "1", "number": "一、", "title": v("chapter-title"), "text": v("chapter-text"),
    "tasks": [{"id": "1.1", "number": "1.", "title": v("task-title"), "text": v("task-text"),
               "lead": ["zhujianwei"], "cooperating": ["jiaoyuju"],
               "implementers": [v("task-implementer")], "indicators": ["chengzhenhualv"],
               "deadline": "2015年", "progress": v("task-progress"),
               "responsibility": v("task-responsibility")}]}]}
INDICATOR_FIELDS = {"indicators": [{
    **INDICATORS["indicators"][0], "name": v("ind-name"), "category": v("ind-category"),
    "chapter": "1", "phrase": v("ind-phrase"), "note": v("ind-note"),
    "target": {"value": 55, "year": 2015, "comparator": ">=", "kind": "level",
               "phrase": v("target-phrase")},
    "actuals": [{"year": 2012, "value": 50, "source": v("actual-source")}]}]}

TAGS = ["dept-name", "dept-alias", "dept-note", "dept2-name", "dept2-alias", "plan-title",
        "plan-issuer", "plan-source", "plan-summary", "plan-note", "chapter-title", "chapter-text",
        "task-title", "task-text", "task-implementer", "task-progress", "task-responsibility",
        "ind-name", "ind-category", "ind-phrase", "ind-note", "target-phrase", "actual-source"]
MARKDOWN_TAGS = {"plan-summary", "chapter-text", "task-text"}
# Fields the pages do not show (they are data for downloads): category, and the target's phrase,
# which the page words from the target's value.
NOT_ON_PAGES = {"ind-category", "target-phrase"}


def copy_site_files(root: Path) -> None:
    for name in SITE_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, dirs_exist_ok=True)
        else:
            shutil.copy(source, root / name)


class Page(HTMLParser):
    """What a browser would act on in one HTML file: scripts, attributes, and the text shown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._raw = 0

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attributes.append((tag, name, value))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))
        if tag in ("script", "style"):
            self._raw += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._raw = max(self._raw - 1, 0)
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif not self._raw:
            self.text.append(data)


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site of a repository whose every text field holds the payload."""
    root = tmp_path_factory.mktemp("injected")
    make_repo(root, departments=DEPARTMENTS, plan=PLAN_FIELDS, tasks=TASK_FIELDS,
              indicators=INDICATOR_FIELDS)
    copy_site_files(root)
    code, output = build_site(root)
    assert code == 0, output
    return root / "site"


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}


def theme_script_hashes() -> set[str]:
    """The inline scripts the Content-Security-Policy allows, by hash."""
    text = (REPO_ROOT / "plansite" / "adapter" / "theme" / "main.html").read_text(encoding="utf-8")
    return set(re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", text))


def test_no_script_from_the_data_is_on_any_page(pages):
    allowed = theme_script_hashes()
    assert len(pages) > 8
    for name, page in pages.items():
        for attrs, body in page.scripts:
            if attrs.get("src"):
                assert "://" not in attrs["src"] and not attrs["src"].startswith("//"), name
                assert body == "", name
            elif attrs.get("type") == "application/json":
                assert "alert" not in body, name
            else:
                digest = hashlib.sha256(body.encode()).digest()
                assert base64.b64encode(digest).decode() in allowed, (name, body[:80])


def test_no_event_handler_and_no_javascript_address(pages):
    for name, page in pages.items():
        for tag, attr, value in page.attributes:
            assert not attr.lower().startswith("on"), (name, tag, attr, value)
            if attr in ("href", "src", "action", "formaction", "srcset", "data", "poster"):
                assert value is None or safe_url(value) or value.startswith("data:image/"), \
                    (name, tag, attr, value)
            if tag == "img":
                assert not (attr == "src" and value == "x"), name


def test_every_field_is_shown_as_the_text_it_is(pages):
    text = "\n".join("".join(page.text) for page in pages.values())
    for tag in TAGS:
        if tag in NOT_ON_PAGES:
            continue
        expected = f"{tag}:{PAYLOAD_AS_MARKDOWN if tag in MARKDOWN_TAGS else PAYLOAD}"
        assert expected in text, tag


def test_no_template_in_the_data_is_evaluated(site, pages):
    text = "\n".join("".join(page.text) for page in pages.values())
    assert "49" not in text  # {{ 7*7 }}: no number of the fixture holds 49
    assert "<class" not in text  # ''.__class__.__mro__
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            assert b"root:x:0" not in raw, path
            # (the link-preview tag og:site_name is the one place the words may appear)
            raw = raw.replace(b'property="og:site_name"', b"")
            assert b"site_name" not in raw and b"MkDocsConfig" not in raw, path


def search_records(site: Path) -> list[dict]:
    """The records of the search index (pagefind fragments: gzip'd JSON after a signature)."""
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        records.append(json.loads(raw[raw.index(b"{"):].decode("utf-8")))
    return records


def test_search_index_holds_the_literal_text(site):
    records = search_records(site)
    assert records
    # The segmenter puts zero-width spaces between words; the text itself is kept as data.
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).replace("\u200b", "")
    for tag in ("plan-title", "task-title", "dept-name", "ind-name"):
        assert json.dumps(v(tag), ensure_ascii=False)[1:-1] in text, tag
    assert "root:x:0" not in text and "site_name" not in text


def test_downloads_keep_the_literal_text(site):
    data = json.loads((site / "downloads" / "data.json").read_text(encoding="utf-8"))
    strings: list[str] = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    carried = [s for s in strings if "alert(1)" in s]
    assert carried, "the downloads hold none of the texts"
    assert set(carried) <= {v(tag) for tag in TAGS}
    for tag in ("dept-name", "plan-title", "task-title", "task-implementer", "ind-name",
                "ind-category", "target-phrase", "actual-source"):
        assert v(tag) in carried, tag


def test_a_deadline_that_is_not_a_deadline_is_refused(tmp_path, capsys):
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"][0]["deadline"] = v("task-deadline")
    make_repo(tmp_path, tasks=tasks)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "data/plans/demo/tasks.yml:20:15: chapters[0].tasks[0].deadline: 完成时限"
        f"“{v('task-deadline')}”无法解析；应为 如 2015年、2026年12月底前、2026年第二季度、持续推进"]


# -- author pages -------------------------------------------------------------------------------

def author_site(root: Path, pages: dict[str, str]) -> Path:
    make_repo(root)
    copy_site_files(root)
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


def test_macros_run_only_on_pages_that_ask_and_see_no_configuration(tmp_path, capsys):
    root = author_site(tmp_path, {
        "plain.md": "# 说明\n\n甲 {{ 7*7 }} {{ config }} {% include '/etc/passwd' %}\n",
        "macros.md": "---\nrender_macros: true\n---\n\n# 宏\n\n乙 {{ config }} {{ environment }} "
                     "{{ page.__dict__ }} {{ page.file.__init__ }}\n",
    })
    assert main(["--root", str(root), "build"]) == 0
    plain = "".join(read_page(root / "site" / "plain" / "index.html").text)
    assert "甲 {{ 7*7 }} {{ config }} {% include '/etc/passwd' %}" in plain
    shown = "".join(read_page(root / "site" / "macros" / "index.html").text)
    line = next(x for x in shown.splitlines() if x.startswith("乙"))
    # unknown names and unsafe attributes print as placeholders, never as values
    assert line.startswith("乙 {{ config }} {{ environment }} {{ undefined value printed: access to "
                           "attribute '")
    assert "site_name" not in line and "49" not in line
    for path in (root / "site").rglob("*.html"):
        assert "Traceback" not in path.read_text(encoding="utf-8"), path


@pytest.fixture(scope="module")
def built_author_site(tmp_path_factory) -> Path:
    """A good repository with its site built, copied by each case that breaks a page."""
    root = author_site(tmp_path_factory.mktemp("author"), {})
    code, output = build_site(root)
    assert code == 0, output
    return root


@pytest.mark.parametrize("body, error", [
    ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe."),
    ("{% include '/etc/passwd' %}", "'/etc/passwd' not found in search path"),
    ("{% include '../mkdocs.yml' %}", "../mkdocs.yml"),
    ("{{ plan_link('no-such-plan') }}", "unknown plan 'no-such-plan'"),
    ("{{ department_link('no-such-department') }}", "department 'no-such-department' is not known"),
])
def test_a_failing_macro_fails_the_build_naming_the_page(tmp_path, built_author_site, capsys,
                                                         body, error):
    root = tmp_path / "repo"
    shutil.copytree(built_author_site, root)
    before = sorted(p.relative_to(root).as_posix() for p in (root / "site").rglob("*"))
    (root / "docs" / "evil.md").write_text(
        f"---\nrender_macros: true\n---\n\n# 页面\n\n{body}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "build"]) == 1
    output = capsys.readouterr().err
    assert f"plansite: docs/evil.md:7: 页面中的宏出错：{error}" in output
    assert "Traceback" not in output
    assert "root:x:0" not in output
    assert output.rstrip().endswith("plansite: the build failed; the previous site/ is untouched")
    assert sorted(p.relative_to(root).as_posix() for p in (root / "site").rglob("*")) == before


def test_shared_link_previews_hold_the_literal_title_and_description(site, pages):
    """og:title and og:description: the data's text once escaped, as the attribute's value."""
    og: dict[str, str | None] = {}
    prop = None
    for tag, name, value in pages["plans/demo/index.html"].attributes:
        if tag == "meta" and name == "property":
            prop = value  # the template writes property, then content
        elif tag == "meta" and name == "content" and prop is not None:
            og[prop], prop = value, None
    assert og["og:title"] == v("plan-title")
    assert og["og:description"].startswith(v("plan-issuer"))
    assert og["og:site_name"] and og["og:type"] == "website"
