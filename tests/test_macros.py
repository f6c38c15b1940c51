"""The macros an author calls in any Markdown page: tables, task lists and links by id."""

from __future__ import annotations

import re
import shutil

import pytest

from factories import copy_site_files, make_repo
from plansite.adapter.build import build_site

AUTHOR_PAGE = """---
render_macros: true
---

# 专题

{{ indicator_table(plan="demo", type="expected") }}

{{ indicator_table(department="住建委") }}

{{ indicator_table(plan="demo", chapter="1") }}

{{ department_tasks("市教育局") }}

{{ department_tasks("zhujianwei", role="cooperating") }}

页面：{{ page.url }}

链接：{{ department_link("规划局") }}，{{ task_link("demo:1.2") }}，{{ indicator_link("chengzhenhualv") }}，{{ plan_link("demo") }}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_site_files(make_repo(tmp_path_factory.mktemp("macros")))
    (root / "docs" / "topic.md").write_text(AUTHOR_PAGE, encoding="utf-8")
    (root / "docs" / "departments").mkdir(exist_ok=True)
    (root / "docs" / "departments" / "again.md").write_text(
        '---\nrender_macros: true\n---\n\n{{ department_page("zhujianwei") }}\n', encoding="utf-8")
    code, output = build_site(root)
    assert code == 0, output
    return root / "site"


def test_a_generated_page_shows_what_its_macro_shows_in_an_authors_page(site):
    def content(url: str) -> str:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        start = html.index('<nav class="ps-breadcrumb"')
        # an author's page goes through Markdown, which puts line breaks between blocks
        return re.sub(r">\s+<", "><", html[start:html.index("</article>", start)]).strip()

    generated = content("departments/zhujianwei")
    assert "市住建委" in generated and "ps-tasks" in generated
    # the same, but for the links to the department's own page, written from another page
    assert content("departments/again") == generated.replace(
        'href="./"', 'href="../zhujianwei/"')


def test_author_page_embeds_tables_and_links(site):
    html = (site / "topic" / "index.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) == 5
    # indicator tables: by plan and type, by department alias, by chapter
    for table in tables[:3]:
        assert 'href="../indicators/chengzhenhualv/"' in table
    # the department's tasks, and the co-operated tasks of 市住建委 with their lead department
    assert 'href="../plans/demo/tasks/1.2/"' in tables[3]
    assert 'href="../plans/demo/tasks/1.2/"' in tables[4] and "市教育局" in tables[4]
    assert '<a class="ps-dept" href="../departments/guihuaju/">市城乡规划局</a>' in html
    assert '<a class="ps-task-link" href="../plans/demo/tasks/1.2/">优先发展教育</a>' in html
    assert '<a class="ps-indicator-link" href="../indicators/chengzhenhualv/">城镇化率</a>' in html
    assert '<a href="../plans/demo/">示例规划</a>' in html


def test_templates_know_the_page_but_not_where_the_build_runs(site, tmp_path, good_root):
    html = (site / "topic" / "index.html").read_text(encoding="utf-8")
    assert "页面：topic/" in html
    root = tmp_path / "repo"
    shutil.copytree(good_root, root)
    (root / "docs" / "topic.md").write_text(
        "---\nrender_macros: true\n---\n\n{{ page.file.abs_src_path }}\n", encoding="utf-8")
    code, output = build_site(root)
    assert code != 0
    assert "has no attribute 'file'" in output
    assert not (root / "site" / "topic").exists()


def test_filters_that_match_nothing_say_so(tmp_path):
    root = copy_site_files(make_repo(tmp_path))
    (root / "docs" / "topic.md").write_text(
        '---\nrender_macros: true\n---\n\n{{ indicator_table(type="binding") }}\n', encoding="utf-8")
    code, output = build_site(root)
    assert code == 0, output
    assert "暂无指标。" in (root / "site" / "topic" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def good_root(tmp_path_factory):
    root = copy_site_files(make_repo(tmp_path_factory.mktemp("good")))
    code, output = build_site(root)
    assert code == 0, output
    return root


@pytest.mark.parametrize("call, words", [
    ('department_link("不存在")', "department '不存在' is not known"),
    ('task_link("demo:9.9")', "unknown task 'demo:9.9'"),
    ('indicator_table(plan="nope")', "unknown plan 'nope'"),
])
def test_unknown_ids_fail_the_build_and_keep_the_old_site(tmp_path, good_root, call, words):
    root = tmp_path / "repo"
    shutil.copytree(good_root, root)
    before = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*"))
    (root / "docs" / "topic.md").write_text(
        f"---\nrender_macros: true\n---\n\n{{{{ {call} }}}}\n", encoding="utf-8")
    code, output = build_site(root)
    assert code != 0
    assert words in output
    after = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*"))
    assert after == before
