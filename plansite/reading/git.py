"""git, as plansite reads a repository's past: a command's output, and the data files as they
were at a revision."""

from __future__ import annotations

import io
import logging
import subprocess
import tarfile
from pathlib import Path

log = logging.getLogger(__name__)

WORKING_TREE = "."
"""The revision that names the files as they are on disk, changes not yet committed included."""


def run_git(root: Path, *args: str, input: bytes | None = None) -> bytes | None:
    """The output of ``git args`` run in ``root``, or None when git fails or is missing."""
    try:
        result = subprocess.run(["git", *args], cwd=root, input=input, capture_output=True,
                                check=False)
    except OSError:
        return None
    if result.returncode != 0:
        log.debug("git %s failed: %s", " ".join(args), result.stderr.decode(errors="replace"))
        return None
    return result.stdout


def is_git_repository(root: Path) -> bool:
    """True when ``root`` lies inside a git work tree with at least one commit."""
    return run_git(root, "rev-parse", "--verify", "--quiet", "HEAD") is not None


def revision_exists(root: Path, revision: str) -> bool:
    """Whether ``revision`` (a branch, tag, commit or ``HEAD~2``) names a commit of ``root``."""
    return run_git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is not None


def extract_data(root: Path, revision: str, dest: Path) -> Path:
    """The ``data/`` folder of ``root`` as it was at ``revision``, written under ``dest``;
    ``dest`` itself is returned, a repository folder that holds only that ``data/``."""
    dest.mkdir(parents=True, exist_ok=True)
    prefix = run_git(root, "rev-parse", "--show-prefix") or b""
    data = (prefix.decode().strip() + "data").lstrip("/")
    archive = run_git(root, "archive", "--format=tar", revision, "--", data)
    if archive is None:  # a revision with no data/ yet: an empty repository then
        (dest / "data").mkdir(exist_ok=True)
        return dest
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        strip = data[: -len("data")]
        members = []
        for member in tar.getmembers():
            if member.name.startswith(strip):
                member.name = member.name[len(strip):]
                members.append(member)
        tar.extractall(dest, members=members, filter="data")
    return dest
