"""The GitHub workflows and .ci/run are well-formed and run what the Makefile runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# owner/repo[/path]@v4, @v4.1 or @v4.1.2: a release tag, never a branch.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+(\.\d+){0,2}$")
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


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_to_release_tags(path: Path) -> None:
    uses = [step["uses"] for step in steps(load(path)) if "uses" in step]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{path.name}: {action} is not pinned to a version tag"


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
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
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
