"""The shape of the code: stages import only the stages below them, no module imports one of
plansite's own in a function (where a cycle hides), and no module or class grows past a size a
reader can hold in mind."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = REPO_ROOT / "plansite"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

MAX_MODULE_LINES = 500
MAX_CLASS_LINES = 250


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter's verdict on the package found first on the path from ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1"}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml")],
                          cwd=root, env=env, capture_output=True, text=True)


def test_every_stage_imports_only_the_stages_below_it():
    result = lint_imports(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_fails_when_the_model_imports_the_site(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "plansite",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    urls = tmp_path / "plansite" / "model" / "urls.py"
    urls.write_text(urls.read_text(encoding="utf-8") + "\nimport plansite.site.render\n",
                    encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "plansite.model is not allowed to import plansite.site" in result.stdout
    assert "plansite.model.urls -> plansite.site.render" in result.stdout


def _own_imports_in_functions(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom) and (sub.module or "").startswith("plansite"):
                    lines.append(sub.lineno)
                elif isinstance(sub, ast.Import) and any(
                        alias.name.startswith("plansite") for alias in sub.names):
                    lines.append(sub.lineno)
    return lines


@pytest.mark.parametrize("module", modules(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_module_imports_its_own_package_inside_a_function(module):
    lines = _own_imports_in_functions(ast.parse(module.read_text(encoding="utf-8")))
    assert not lines, f"{module.relative_to(REPO_ROOT)} imports plansite in a function at {lines}"


def test_the_function_import_check_finds_one():
    source = "def f():\n    from plansite.model import urls\n    import plansite.site\n"
    assert _own_imports_in_functions(ast.parse(source)) == [2, 3]


@pytest.mark.parametrize("module", modules(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_modules_and_classes_stay_small(module):
    rel = str(module.relative_to(REPO_ROOT))
    text = module.read_text(encoding="utf-8")
    lines = text.count("\n") + 1
    assert lines <= MAX_MODULE_LINES, f"{rel} has {lines} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            size = node.end_lineno - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{rel}: class {node.name} has {size} lines"
