"""The one translation table: every interface string in Chinese and English, used by name."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from plansite.adapter.nav import default_nav, translate_nav
from plansite.catalogue.labels import LANGUAGES, STRINGS, translate
from plansite.model.records import DEPARTMENT_KINDS, INDICATOR_TYPES
from plansite.analysis.status import STATUS_LABELS, STATUSES
from plansite.publishing.tables import TABLES
from plansite.site.pages import AUTHORED, NAVIGATION, PAGE_KINDS
from plansite.site.templates import TEMPLATE_DIR, shipped_templates

REPO_ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# the modules that write what readers see; each takes its words from STRINGS
INTERFACE_MODULES = ["plansite/site/render.py", "plansite/site/pages.py",
                     "plansite/site/templates.py", "plansite/site/chart.py",
                     "plansite/analysis/matrix.py", "plansite/analysis/deadlines.py",
                     "plansite/adapter/plugin.py", "plansite/adapter/macros.py",
                     "plansite/adapter/nav.py", "plansite/adapter/theme/__init__.py"]

# a key a template asks for by name: t("key") or r.t('key', ...)
TEMPLATE_KEY = re.compile(r"""\bt\(\s*(['"])([a-z_0-9-]+)\1\s*[,)]""")


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_every_language(key):
    assert set(STRINGS[key]) == set(LANGUAGES), key
    assert all(STRINGS[key][lang].strip() or key == "list_separator" for lang in LANGUAGES)


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_english_has_no_chinese_characters(key):
    assert not CJK.search(STRINGS[key]["en"]), STRINGS[key]["en"]


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_both_languages_take_the_same_placeholders(key):
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert fields(STRINGS[key]["zh"]) == fields(STRINGS[key]["en"])


def _literal_keys(path: Path) -> set[str]:
    """Keys passed as a literal to t(...), translate(...) or translate_default(...)."""
    keys = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", None)) in ("t", "translate", "translate_default"):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(
                    node.args[0].value, str):
                keys.add(node.args[0].value)
    return keys


@pytest.mark.parametrize("module", INTERFACE_MODULES)
def test_every_key_the_code_asks_for_exists(module):
    missing = _literal_keys(REPO_ROOT / module) - set(STRINGS)
    assert not missing, f"{module} asks for keys that the catalogue lacks: {sorted(missing)}"


@pytest.mark.parametrize("name", shipped_templates())
def test_every_key_a_template_asks_for_exists(name):
    keys = {key for _, key in TEMPLATE_KEY.findall((TEMPLATE_DIR / name).read_text("utf-8"))}
    assert not keys - set(STRINGS), f"{name} asks for keys the catalogue lacks: {keys - set(STRINGS)}"


def test_template_keys_are_found_as_templates_write_them():
    found = TEMPLATE_KEY.findall("""{{ r.t("led_tasks") }} {{ r.t('kind_' + x) }} {{t( "none")}}"""
                                 """ {{ r.t("quarter_" ~ q) }} {{ r.t("dept_summary", n=1) }}""")
    assert [key for _, key in found] == ["led_tasks", "none", "dept_summary"]


@pytest.mark.parametrize("name", shipped_templates())
def test_no_chinese_interface_word_is_written_in_a_template(name):
    text = (TEMPLATE_DIR / name).read_text(encoding="utf-8")
    assert not CJK.search(text), f"{name} writes Chinese itself; put it in the catalogue"


def test_keys_built_from_record_values_exist():
    built = ([f"type_{t}" for t in INDICATOR_TYPES] + [f"kind_{k}" for k in DEPARTMENT_KINDS]
             + [f"status_{s}" for s in STATUSES] + [f"quarter_{q}" for q in range(1, 5)]
             + [f"target_{a}{d}" for a in ("", "annual_") for d in ("rise", "fall")])
    assert not [k for k in built if k not in STRINGS]


def test_the_words_of_every_download_table_exist():
    keys = [key for t in TABLES for key in (f"sheet_{t.name}", f"sheet_{t.name}_about")]
    keys += [c.about or f"column_{t.name}_{c.name}" for t in TABLES for c in t.columns]
    assert not [k for k in keys if k not in STRINGS]


def test_status_labels_are_the_translation_table():
    for status in STATUSES:
        assert STATUS_LABELS[status] is STRINGS[f"status_{status}"]


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


# modules that decide what is said without saying it: their words are codes of the catalogue
WORDLESS_MODULES = ["plansite/analysis/status.py", "plansite/publishing/tables.py"]


@pytest.mark.parametrize("module", INTERFACE_MODULES + WORDLESS_MODULES)
def test_no_chinese_interface_word_is_written_in_code(module):
    tree = ast.parse((REPO_ROOT / module).read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    written = [node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)
               and id(node) not in docs and CJK.search(node.value)]
    assert not written, f"{module} writes Chinese itself; put it in the catalogue: {written}"


def test_navigation_titles_come_from_the_registry_and_the_table():
    existing = {"index.md", "editing.md", "methodology.md"}
    zh = default_nav("zh", existing)
    labels = [PAGE_KINDS[name].label if name in PAGE_KINDS else AUTHORED[name]
              for name in NAVIGATION]
    assert [next(iter(item)) for item in zh] == [translate(key, "zh") for key in labels]
    # each entry names the page's source: the author's file where there is one
    assert [next(iter(item.values())) for item in zh] == [
        "index.md", "plans/index.md", "departments/index.md", "indicators/index.md",
        "matrix/index.md", "deadlines/index.md", "downloads/index.md", "changes/index.md",
        "editing.md", "methodology.md"]
    english = translate_nav(zh, "en")
    assert [next(iter(item)) for item in english] == [translate(key, "en") for key in labels]
    assert english == default_nav("en", existing)
    # a nav written in mkdocs.yml keeps the sources it names; a title the owner wrote is theirs
    assert translate_nav([{"我们的首页": "index.md"}, {"部门": "departments/index.md"},
                          {"方法说明": "methodology.md"}], "en") == [
        {"我们的首页": "index.md"}, {"Departments": "departments/index.md"},
        {"Methodology": "methodology.md"}]


DOCS = sorted((REPO_ROOT / "docs").glob("*.md"))
# {{ t("key") }} in an authored page: a heading in the site's language
DOC_KEY = re.compile(r"\{\{-?\s*t\(\s*(['\"])(.*?)\1\s*\)\s*-?\}\}")


def _doc_keys(text: str) -> list[str]:
    return [key for _, key in DOC_KEY.findall(text)]


def test_doc_keys_are_found_as_pages_write_them():
    assert _doc_keys('# {{ t("guide_add_task") }}\n### 1. {{t(\'x\')}} {{ task_link("a") }}') == [
        "guide_add_task", "x"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_key_a_page_asks_for_exists(doc):
    text = doc.read_text(encoding="utf-8")
    keys = _doc_keys(text)
    missing = sorted(set(keys) - set(STRINGS))
    assert not missing, f"docs/{doc.name} asks for keys that the catalogue lacks: {missing}"
    if keys:
        # without it the page would show the braces instead of the words
        assert re.match(r"---\n(?:.*\n)*?render_macros: true\n(?:.*\n)*?---\n", text), doc.name


def test_the_authored_pages_take_their_headings_from_the_table():
    for name in ("editing.md", "methodology.md"):
        text = (REPO_ROOT / "docs" / name).read_text(encoding="utf-8")
        headings = re.findall(r"^#{1,3} .*$", text, re.M)
        assert len(headings) > 5 and all(DOC_KEY.search(h) for h in headings), headings
