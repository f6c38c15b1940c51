"""``plansite new``: a site repository of its own, configured like this repository's site."""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import distribution, requires
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from plansite.cli import main
from plansite.model.fields import schema_files
from plansite.starter.new import EXAMPLE_DEPARTMENTS, SiteSettings, starter_files
from plansite.starter.pins import PINS, excerpt

ROOT = Path(__file__).resolve().parent.parent


def new(tmp_path: Path, *options: str) -> Path:
    folder = tmp_path / "site"
    assert main(["new", str(folder), *options]) == 0
    return folder


def test_a_new_site_holds_everything_the_issue_lists(tmp_path, capsys):
    folder = new(tmp_path, "--title", "某市规划公开", "--issuer", "某市人民政府", "--level", "市")
    assert "make serve" in capsys.readouterr().out
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert names >= {
        "data/departments.yml", "data/plans/example/plan.yml", "data/plans/example/tasks.yml",
        "data/plans/example/indicators.yml", "docs/index.md", "docs/editing.md",
        "docs/methodology.md", "mkdocs.yml", "requirements.txt", "README.md", "Makefile",
        ".github/workflows/pr.yml", ".github/workflows/deploy.yml", ".vscode/settings.json",
        ".vscode/extensions.json", ".editorconfig", ".gitignore", "overrides/README.md",
        *(f"schema/{name}" for name in schema_files())}
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: 某市规划公开" in config
    assert re.search(r"^  - plansite:$", config, re.MULTILINE)
    # the plugin brings the theme's additions: no assets or template folders to copy
    assert "extra_css" not in config and "extra_javascript" not in config
    plan = (folder / "data/plans/example/plan.yml").read_text(encoding="utf-8")
    assert "issuer: 某市人民政府" in plan and "make remove-example" in plan
    assert "示例" in yaml.safe_load(plan)["title"]


def test_the_readme_starts_with_set_up_and_serve_then_check_and_has_an_english_part(tmp_path):
    readme = (new(tmp_path) / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1)
    assert [line.split()[:2] for line in first.strip().splitlines()] == [["make", "serve"],
                                                                          ["make", "check"]]
    assert "## English" in readme and "Settings → Pages" in readme and "GitHub Actions" in readme
    makefile = (new(tmp_path / "b") / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: validate site", makefile, re.MULTILINE)
    assert "--require-hashes -r requirements.txt" in makefile


def test_every_schema_is_known_to_vscode(tmp_path):
    folder = new(tmp_path)
    settings = json.loads((folder / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {Path(path).name for path in settings["yaml.schemas"]}
    assert mapped == set(schema_files())
    for path in settings["yaml.schemas"]:
        assert (folder / path).is_file(), path
    extensions = json.loads((folder / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_a_folder_that_is_not_empty_is_refused(tmp_path, capsys):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path / "site")]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert (tmp_path / "site" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_example_and_its_departments_go_with_one_command(tmp_path, capsys):
    folder = new(tmp_path)
    registry = folder / "data" / "departments.yml"
    # an editor's own department and comment stay
    registry.write_text(registry.read_text(encoding="utf-8") +
                        "  - id: jiaoyuju  # 教育\n    name: 市教育局\n", encoding="utf-8")
    assert main(["--root", str(folder), "remove-example"]) == 0
    assert not (folder / "data/plans/example").exists()
    text = registry.read_text(encoding="utf-8")
    assert "jiaoyuju  # 教育" in text and "yaml-language-server" in text
    assert [d["id"] for d in yaml.safe_load(text)["departments"]] == ["jiaoyuju"]
    assert main(["--root", str(folder), "validate"]) == 0


def test_without_the_example_the_data_is_an_empty_registry_and_no_plan(tmp_path):
    folder = new(tmp_path, "--no-example")
    assert yaml.safe_load((folder / "data/departments.yml").read_text())["departments"] == []
    assert not (folder / "data" / "plans").exists()
    assert main(["--root", str(folder), "validate"]) == 0
    assert "remove-example" not in (folder / "README.md").read_text(encoding="utf-8")


def test_the_example_names_exactly_the_departments_it_removes(tmp_path):
    folder = new(tmp_path)
    ids = [d["id"] for d in yaml.safe_load((folder / "data/departments.yml").read_text())
           ["departments"]]
    assert tuple(ids) == EXAMPLE_DEPARTMENTS
    assert main(["--root", str(folder), "validate"]) == 0


def test_this_repository_is_configured_exactly_like_a_starter():
    """What a new site gets is what this repository's site is built and tested with."""
    files = starter_files(SiteSettings())
    for name in ("mkdocs.yml", "docs/index.md", "docs/editing.md", "docs/methodology.md",
                 "overrides/README.md", *(f"schema/{n}" for n in schema_files())):
        assert (ROOT / name).read_text(encoding="utf-8") == files[name], name
    # nothing else configures the site: no theme folder or macros module of its own
    assert not (ROOT / "macros").exists() and not (ROOT / "docs" / "assets").exists()
    assert {p.name for p in (ROOT / "overrides").iterdir()} == {"README.md"}


def test_the_pins_are_the_run_time_part_of_the_lock_with_hashes():
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = PINS.read_text(encoding="utf-8")
    assert pins == excerpt(lock, dependencies), "stale: run make lock"
    pinned = set(re.findall(r"^([a-z0-9-]+)==", pins, re.MULTILINE))
    # everything plansite needs at run time, as the installed packages say
    needed, todo = set(), list(requires("plansite"))
    while todo:
        requirement = Requirement(todo.pop())
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # a test tool, or another platform's
        name = canonicalize_name(requirement.name)
        if name not in needed:
            needed.add(name)
            todo += requires(name) or []
    assert needed <= pinned, needed - pinned
    assert "pytest" not in pinned and "playwright" not in pinned
    for block in re.split(r"\n(?=[a-z])", pins.strip()):
        assert "--hash=sha256:" in block, block


def test_a_site_from_an_installed_wheel_pins_plansite_by_its_hash(tmp_path):
    files = starter_files(SiteSettings())
    lines = [line for line in files["requirements.txt"].splitlines() if "plansite==" in line]
    version = distribution("plansite").version
    assert lines and f"plansite=={version}" in lines[0]
    # editable here: the line says why it has no hash (tests/test_wheel.py installs a wheel)
    assert lines[0].startswith("# ") or "--hash=sha256:" in files["requirements.txt"]


def test_the_command_says_its_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"plansite {distribution('plansite').version}"
