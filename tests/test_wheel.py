"""The built wheel alone makes a site: installed in a fresh environment outside this repository,
``plansite new`` writes a site whose README's two commands serve it and check it.

The environment is made the way a new site makes its own (``requirements.txt`` installed with
``--require-hashes``; pip's cache makes it quick); the site's Makefile then finds everything
satisfied and the commands run as an editor runs them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from test_serve import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(dist), str(ROOT)], ROOT, dict(os.environ))
    (found,) = dist.glob("plansite-*.whl")
    return found


def test_the_wheel_carries_everything_a_site_needs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("plansite/adapter/theme/main.html", "plansite/adapter/theme/404.html",
                   "plansite/adapter/theme/partials/search.html",
                   "plansite/adapter/theme/assets/search.js",
                   "plansite/adapter/theme/assets/plansite.css",
                   "plansite/site/templates/plansite/home.html", "plansite/starter/pins.txt",
                   "plansite/starter/files/mkdocs.yml.j2", "plansite/starter/files/docs/editing.md",
                   "plansite/starter/files/.github/workflows/pr.yml",
                   "plansite/starter/files/.vscode/settings.json.j2",
                   "plansite/starter/files/.editorconfig", "plansite/starter/files/.gitignore"):
        assert needed in names, needed
    # the pages are files, not links to this repository's docs/
    editing = zipfile.ZipFile(wheel).read("plansite/starter/files/docs/editing.md").decode()
    assert editing == (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_fresh_environment_with_the_wheel_starts_serves_and_checks_a_site(wheel, tmp_path):
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PLANSITE_"))}
    env["PIP_FIND_LINKS"] = " ".join(filter(None, [str(wheel.parent),
                                                   os.environ.get("PIP_FIND_LINKS", "")]))
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path, env)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    run([*pip, "--require-hashes", "-r", str(ROOT / "plansite" / "starter" / "pins.txt")],
        tmp_path, env)
    run([*pip, "--no-deps", str(wheel)], tmp_path, env)
    where = run([str(venv / "bin" / "python"), "-c", "import plansite; print(plansite.__file__)"],
                tmp_path, env)
    assert where.strip().startswith(str(venv)), where  # nothing from this repository's tree

    run([str(venv / "bin" / "plansite"), "new", "site", "--title", "某县规划公开",
         "--issuer", "某县人民政府", "--level", "县"], tmp_path, env)
    site = tmp_path / "site"
    requirements = (site / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^plansite==[\w.]+ \\\n    --hash=sha256:[0-9a-f]{64}$", requirements,
                     re.MULTILINE), requirements.splitlines()[:4]
    readme = (site / "README.md").read_text(encoding="utf-8")
    first, second = re.search(r"```sh\n(.*?)```", readme, re.DOTALL).group(1).strip().splitlines()
    serve, check = first.split("#")[0].split(), second.split("#")[0].split()
    assert (serve, check) == (["make", "serve"], ["make", "check"])

    # the site's own .venv is the fresh one, so its set-up finds everything installed
    make_env = {**env, "VENV": str(venv)}
    port = free_port()
    server = subprocess.Popen([*serve, f"VENV={venv}", f"ADDR=127.0.0.1:{port}"], cwd=site,
                              env=make_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/", "示例规划", seconds=300), \
            "make serve never served the home page"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    output = run([*check, f"VENV={venv}"], site, make_env)
    assert "没有发现问题" in output
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "某县规划公开" in home and "示例规划" in home
    version = run([str(venv / "bin" / "plansite"), "--version"], site, env).split()[1]
    assert f'plansite-{version}"' in home  # the generator meta
    assert (site / "site" / "assets" / "plansite.css").is_file()
    assert (site / "site" / "assets" / "search.js").is_file()
    assert (site / "site" / "pagefind").is_dir()
    assert (site / "site" / "plans" / "example" / "index.html").is_file()
