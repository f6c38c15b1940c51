"""The built site publishes what editors and readers need: edit links to the right line,
the downloads with their schemas, each record's last change and the recent-changes page.

One small repository, kept in git with two commits (an import, then a raised target and a new
lead department), is built once with the repository's own mkdocs.yml, docs/ and macros/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from factories import copy_site_files, make_repo
from plansite.reading.repository import load_repository
from plansite.model.fields import schema_files
from plansite.adapter.build import build_site
from plansite.publishing.tables import TABLES

REPO_URL = "https://git.example.org/city/plans"

pytestmark = pytest.mark.slow


def git(root: Path, *args: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "编辑", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "编辑", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("published")
    make_repo(root)
    copy_site_files(root)
    git(root, "init", "-q", "-b", "main", date="2020-01-02T10:00:00+08:00")
    git(root, "add", "-A", date="2020-01-02T10:00:00+08:00")
    git(root, "commit", "-qm", "导入示例规划", date="2020-01-02T10:00:00+08:00")
    for file, old, new in (("data/plans/demo/indicators.yml", "value: 55", "value: 60"),
                           ("data/plans/demo/tasks.yml", "- 规划局", "- 市教育局")):
        path = root / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(root, "commit", "-qam", "提高城镇化率目标", date="2021-06-30T09:00:00+08:00")
    code, output = build_site(root, extra_env={"PLANSITE_REPO_URL": REPO_URL})
    assert code == 0, output
    return root


def page(site: Path, url: str) -> str:
    return (site / "site" / url / "index.html").read_text(encoding="utf-8")


def edit_link(html: str) -> str:
    links = re.findall(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"', html)
    assert len(links) == 1, links
    return links[0]


def test_department_page_edit_link_opens_its_record_line(site):
    repo, _ = load_repository(site)
    for dept in repo.departments.values():
        assert dept.source.line > 1
        assert edit_link(page(site, f"departments/{dept.id}")) == (
            f"{REPO_URL}/edit/main/data/departments.yml#L{dept.source.line}")


def test_indicator_page_edit_link_opens_its_record_line(site):
    assert edit_link(page(site, "indicators/chengzhenhualv")) == (
        f"{REPO_URL}/edit/main/data/plans/demo/indicators.yml#L2")


def test_narrative_page_edit_link_opens_its_markdown(site):
    assert edit_link(page(site, "editing")) == f"{REPO_URL}/edit/main/docs/editing.md"


def test_downloads_page_lists_every_file_and_the_files_are_there(site):
    html = page(site, "downloads")
    downloads = site / "site" / "downloads"
    names = ["data.json", "data.xlsx", "datapackage.json"] + [t.csv_name for t in TABLES]
    for name in names:
        assert f'href="../downloads/{name}"' in html, name
        assert (downloads / name).stat().st_size > 0
    for name, text in schema_files().items():
        assert f'href="../schema/{name}"' in html
        assert (site / "site" / "schema" / name).read_text(encoding="utf-8") == text
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (downloads / resource["path"]).stat().st_size == resource["bytes"]
    data = json.loads((downloads / "data.json").read_text(encoding="utf-8"))
    assert data["indicators"][0]["target"]["value"] == 60


def test_records_say_when_they_last_changed(site):
    assert "本条记录最近修改于 2021-06-30" in page(site, "indicators/chengzhenhualv")
    plan = page(site, "plans/demo")
    changed = re.findall(r'<p class="ps-changed">本条记录最近修改于 ([\d-]+)', plan)
    assert changed == ["2021-06-30", "2020-01-02"]  # task 1.1 was changed, task 1.2 was not


def test_changes_page_lists_the_target_and_the_lead_department(site):
    html = page(site, "changes")
    rows = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>", 1)[1])
    text = [re.sub(r"<[^>]+>", "", row) for row in rows]
    assert text == [
        "2021-06-30城镇化率目标&gt;= 55% (2015)&gt;= 60% (2015)提高城镇化率目标",
        "2021-06-301. 优化城镇空间布局牵头部门市住建委、规划局市住建委、市教育局提高城镇化率目标",
    ]
    assert 'href="../indicators/chengzhenhualv/"' in rows[0]
    assert 'href="../plans/demo/tasks/1.1/"' in rows[1]


def test_workflows_point_edit_links_and_site_url_at_the_published_repository():
    import yaml

    workflows = Path(__file__).resolve().parent.parent / ".github" / "workflows"
    for name in ("pr.yml", "deploy.yml"):
        workflow = yaml.safe_load((workflows / name).read_text(encoding="utf-8"))
        env = next(iter(workflow["jobs"].values()))["env"]
        assert env["PLANSITE_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    deploy = yaml.safe_load((workflows / "deploy.yml").read_text(encoding="utf-8"))
    steps = deploy["jobs"]["build"]["steps"]
    build = next(i for i, s in enumerate(steps) if s.get("run") == "make site")
    pages = next(i for i, s in enumerate(steps) if s.get("id") == "pages")
    assert pages < build
    assert steps[build]["env"]["PLANSITE_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
