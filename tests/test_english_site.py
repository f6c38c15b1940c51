"""The site built with the English interface: no Chinese word is left but the plans' own content.

Every run of Chinese characters in the HTML must come from content: the data files (names,
titles, texts, phrases, units) or the authored text of a Markdown page. The check works on each
text node and each visible attribute: a node that is a piece of one content string passes;
otherwise every content string is taken out of it, and no Chinese character may remain.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml

from plansite.catalogue.labels import translate
from plansite.adapter.build import build_site

REPO_ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "content", "data-sort-label")
# pages written in Markdown by people (the editor guide, the methodology): their article is
# content; the site's chrome around it is still checked
AUTHORED = {f"{p.stem}/index.html" for p in (REPO_ROOT / "docs").glob("*.md") if p.stem != "index"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def english_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("english")
    for name in ("data", "docs", "overrides", "sources"):
        if (REPO_ROOT / name).is_dir():
            shutil.copytree(REPO_ROOT / name, root / name)
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    code, output = build_site(root, root / "site", extra_env={"PLANSITE_LANG": "en"})
    assert code == 0, output
    return root / "site"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def content() -> list[str]:
    """Every string of the data files, and each line of text of the authored pages."""
    found = []
    for path in (REPO_ROOT / "data").rglob("*.yml"):
        found += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in (REPO_ROOT / "docs").rglob("*.md"):
        found += path.read_text(encoding="utf-8").splitlines()
    pieces = set()
    for text in found:
        for piece in [text, *text.splitlines()]:
            # as the page shows it: Markdown escapes and line marks (# heading, - item) undone
            piece = re.sub(r"\\(.)", r"\1", piece).strip()
            pieces.update({piece, re.sub(r"^(?:#+|[-*>]|\d+\.)\s+", "", piece)})
    return sorted((p for p in pieces if CJK.search(p)), key=len, reverse=True)


def _texts(page: lxml.html.HtmlElement, charts: bool = False):
    """Text nodes and visible attributes; inside the indicator charts only, or outside them."""
    for script in page.xpath("//script|//style"):
        script.drop_tree()
    if charts:
        page = lxml.html.fromstring("<div>" + "".join(
            lxml.html.tostring(svg, encoding="unicode") for svg in page.xpath("//svg")) + "</div>")
    else:
        for svg in page.xpath("//svg"):
            svg.drop_tree()
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for text in (element.text, element.tail):
            if text and text.strip():
                yield text.strip()
        for name in ATTRIBUTES:
            value = element.get(name)
            if value and value.strip():
                yield value.strip()


def _generated_chinese(text: str, content: list[str], blob: str) -> str:
    if len(text) >= 4 and text in blob:
        return ""
    for piece in content:
        if piece in text:
            text = text.replace(piece, " ")
    return "".join(CJK.findall(text))


def test_material_speaks_english(english_site):
    page = (english_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert 'placeholder="Search"' in page
    tree = lxml.html.fromstring(page)
    tabs = [a.text_content().strip() for a in tree.xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert tabs[0] == "Home" and not [t for t in tabs if CJK.search(t)], tabs
    assert "Responsibility matrix" in tabs and "Deadlines" in tabs
    assert tree.xpath("//h1")[0].text_content() == "Plans in public"


def _left(site: Path, content: list[str], charts: bool = False) -> dict[str, set[str]]:
    """Per page, the texts that hold Chinese not taken from content."""
    blob = "\n".join(content)
    left: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        if rel in AUTHORED:
            for article in page.xpath("//article"):
                article.drop_tree()
        for text in _texts(page, charts):
            if _generated_chinese(text, content, blob):
                left.setdefault(rel, set()).add(text)
    return left


def _report(left: dict[str, set[str]]) -> str:
    return "\n".join(f"{rel}: {sorted(texts)[:5]}" for rel, texts in sorted(left.items())[:20])


def test_no_chinese_interface_string_is_left(english_site, content):
    assert len(list(english_site.rglob("*.html"))) > 50
    left = _left(english_site, content)
    report = _report(left)
    assert not left, f"Chinese interface words in {len(left)} English pages:\n{report}"


def test_english_matrix_and_csv(english_site):
    page = lxml.html.fromstring((english_site / "matrix" / "index.html").read_text("utf-8"))
    assert page.xpath("//h1")[0].text_content() == "Responsibility matrix"
    header = (english_site / "downloads" / "matrix-city-12th-fyp.csv").read_text("utf-8")
    assert header.splitlines()[0].lstrip("\ufeff").startswith("Department,Department id,")


def test_indicator_charts_speak_english(english_site, content):
    left = _left(english_site, content, charts=True)
    assert not left, _report(left)


# the fields of the data files that name a record (its name, title, number as written)
RECORD_NAME_FIELDS = {"id", "name", "name_en", "aliases", "title", "title_en", "short_title",
                      "number"}


def _record_names(value: object, key: str | None = None) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _record_names(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _record_names(v, key)]
    return [str(value)] if key in RECORD_NAME_FIELDS and value is not None else []


@pytest.fixture(scope="module")
def record_names() -> list[str]:
    """The names and titles of every record in data/ that hold Chinese, longest first."""
    names = set()
    for path in (REPO_ROOT / "data").rglob("*.yml"):
        names.update(_record_names(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted((n for n in names if CJK.search(n)), key=len, reverse=True)


def test_headings_are_english_but_for_records_own_names(english_site, record_names):
    # authored pages too: their headings come from the translation table, only the body is theirs
    left: dict[str, list[str]] = {}
    seen = 0
    for path in sorted(english_site.rglob("*.html")):
        page = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        for heading in page.xpath("//h1|//h2|//h3"):
            seen += 1
            text = heading.text_content()
            for name in record_names:
                text = text.replace(name, " ")
            if CJK.search(text):
                left.setdefault(path.relative_to(english_site).as_posix(), []).append(
                    heading.text_content().strip())
    assert seen > 100
    assert not left, "\n".join(f"{rel}: {texts[:5]}" for rel, texts in sorted(left.items())[:20])


@pytest.mark.parametrize("name", ["editing", "methodology"])
def test_authored_headings_come_from_the_translation_table(english_site, name):
    source = (REPO_ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
    written = re.findall(r"^#{1,3} (?:(\d+\. ))?\{\{ t\(\"([a-z_]+)\"\) \}\}$", source, re.M)
    assert len(written) == len(re.findall(r"^#{1,3} ", source, re.M)) > 5
    page = lxml.html.fromstring((english_site / name / "index.html").read_text("utf-8"))
    shown = [h.text_content().rstrip("¶").strip()
             for h in page.xpath("//article//*[self::h1 or self::h2 or self::h3]")]
    assert shown == [number + translate(key, "en") for number, key in written]
    assert page.findtext(".//title").startswith(translate(written[0][1], "en") + " - ")
