"""Build the site into a fresh folder and swap it in, so a failed build loses nothing.

MkDocs writes pages one by one into ``site/``; a build that fails half-way (a macro error, a
broken link found after writing) would leave a half-written site where a good one was. Here the
build goes to a staging folder beside ``site/`` and replaces it only when it succeeded. The
staging folder is named after the building process, so a build that was killed (and could not
clean up) is swept by the next one; the MkDocs process dies with the build that started it. The
published files are readable by everyone, as a web server running as another user needs.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from plansite.progress import ENVIRONMENT, Quiet, replay

STAGING_PREFIX = ".site-"
_STAGING = re.compile(r"^\.site-(?:old-)?(\d+)-")


def build_site(root: Path, site_dir: Path | None = None, strict: bool = True,
               extra_env: dict[str, str] | None = None,
               progress: Quiet | None = None) -> tuple[int, str]:
    """Run ``mkdocs build`` for the repository at ``root``; returns (exit code, output).

    With ``progress``, the build's phases and pages are shown there as they happen (the
    plugin reports them, :mod:`plansite.progress`); the output holds the rest.
    """
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(site_dir.parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging)]
    # explicit both ways: mkdocs.yml sets strict, so leaving the flag out would not relax it
    command.append("--strict" if strict else "--no-strict")
    env = {**os.environ, **(extra_env or {})}
    if progress is not None:
        env[ENVIRONMENT] = "1"
    try:
        returncode, output = _run(command, root, env, progress)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return returncode, output
    # mkdtemp made the folder for its owner only; the files inside follow the umask already
    staging.chmod(0o777 & ~_umask())
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}old-{os.getpid()}-",
                                    dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return 0, output


def _run(command: list[str], root: Path, env: dict[str, str],
         progress: Quiet | None) -> tuple[int, str]:
    """Run the MkDocs child; its output, less the progress lines it wrote for ``progress``."""
    if progress is None:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True,
                                preexec_fn=_die_with_parent)
        return result.returncode, result.stdout + result.stderr
    kept = []
    with subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True,
                          preexec_fn=_die_with_parent) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if not replay(line, progress):
                kept.append(line)
        returncode = child.wait()
    progress.close()
    return returncode, "".join(kept)


def sweep_stale(folder: Path) -> list[Path]:
    """Remove the staging folders in ``folder`` whose build is no longer running; the removed."""
    removed = []
    for path in folder.glob(f"{STAGING_PREFIX}*"):
        match = _STAGING.match(path.name)
        if match is None or not path.is_dir() or _running(int(match.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _die_with_parent() -> None:
    """In the MkDocs child: be killed when the build that started it dies (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the staging sweep still cleans up
        pass
