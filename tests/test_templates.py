"""Pages come from templates a site can override, compiled once, documented by name."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from jinja2 import Environment

from factories import copy_site_files, make_repo
from plansite.adapter.build import build_site
from plansite.reading.repository import load_repository
from plansite.site.pages import PAGE_KINDS, site_pages
from plansite.site.render import Site
from plansite.site.templates import TEMPLATE_DIR, Templates, shipped_templates

REPO_ROOT = Path(__file__).resolve().parent.parent

TASK_TABLE = """{#- this site's task table: one list item per task -#}
<ol class="our-tasks" data-caption="{{ caption }}">
{%- for row in rows %}<li data-plan="{{ row.task.plan }}">{{ row.link }} ({{ row.deadline or "-" }})</li>{% endfor -%}
</ol>
"""


@pytest.fixture(scope="module")
def overridden(tmp_path_factory) -> Path:
    """A test site whose overrides/ replaces the task table."""
    root = copy_site_files(make_repo(tmp_path_factory.mktemp("overrides")))
    own = root / "overrides" / "plansite" / "task-table.html"
    own.parent.mkdir(parents=True)
    own.write_text(TASK_TABLE, encoding="utf-8")
    code, output = build_site(root)
    assert code == 0, output
    return root


def test_a_site_overrides_the_task_table_everywhere_it_is_shown(overridden):
    page = lxml.html.fromstring(
        (overridden / "site" / "departments" / "zhujianwei" / "index.html").read_text("utf-8"))
    lists = page.xpath("//ol[@class='our-tasks']")
    # the tasks it leads and those it co-operates on: both through the site's template
    assert [ol.get("data-caption") for ol in lists] == ["牵头任务", "配合任务"]
    items = lists[0].xpath("./li")
    repo, _ = load_repository(overridden)
    assert len(items) == len(repo.index.led["zhujianwei"])
    assert all(li.xpath("./a[@class='ps-task-link']") for li in items)
    # the shipped table is gone, the rest of the page is as shipped
    assert not page.xpath("//table[contains(@class,'ps-tasks')]")
    assert page.xpath("//table[contains(@class,'ps-indicators')]")


def test_the_override_is_escaped_like_the_shipped_templates(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "plansite").mkdir(parents=True)
    (overrides / "plansite" / "task-table.html").write_text(TASK_TABLE, encoding="utf-8")
    repo, _ = load_repository(make_repo(tmp_path, tasks={"chapters": [
        {"id": "1", "title": "一", "tasks": [
            {"id": "1.1", "title": "<script>alert(1)</script>", "lead": ["市住建委"],
             "deadline": "2015年底前"}]}]}))
    html = Site(repo, overrides=overrides).renderer("").task_table(["demo:1.1"], '"><b>x')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'data-caption="&#34;&gt;&lt;b&gt;x"' in html and "(2015年底前)" in html


@pytest.mark.parametrize("name", shipped_templates())
def test_every_shipped_template_compiles(name):
    Templates().env.get_template(name)


def test_every_page_kind_has_its_template(repo_root):
    shipped = set(shipped_templates())
    assert {f"plansite/{kind.template}" for kind in PAGE_KINDS.values()} <= shipped


def test_templates_are_compiled_once_a_build(tmp_path, monkeypatch):
    compiled: list[str] = []
    real = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    repo, _ = load_repository(make_repo(tmp_path))
    site = Site(repo)
    site.download_sizes = lambda: {}
    for page in site_pages(repo):
        if page.kind != "downloads":
            site.renderer(page.url).page(page.kind, *page.args)
    assert compiled and len(compiled) == len(set(compiled)), compiled


def test_the_readme_names_every_template_a_site_can_override():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(plansite/[\w/.-]+\.(?:html|svg))`", readme))
    assert listed == set(shipped_templates())


def test_shipped_templates_live_in_the_package():
    assert all((TEMPLATE_DIR / name).is_file() for name in shipped_templates())
    assert TEMPLATE_DIR.is_relative_to(REPO_ROOT / "plansite")
