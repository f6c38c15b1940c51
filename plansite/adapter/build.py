"""Build the site into a fresh folder and swap it in, so a failed build loses nothing.

MkDocs writes pages one by one into ``site/``; a build that fails half-way (a macro error, a
broken link found after writing) would leave a half-written site where a good one was. Here the
build goes to a temporary folder beside ``site/`` and replaces it only when it succeeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(root: Path, site_dir: Path | None = None, strict: bool = True,
               extra_env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``mkdocs build`` for the repository at ``root``; returns (exit code, output)."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging)]
    # explicit both ways: mkdocs.yml sets strict, so leaving the flag out would not relax it
    command.append("--strict" if strict else "--no-strict")
    env = {**os.environ, **(extra_env or {})}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return result.returncode, output
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return 0, output
