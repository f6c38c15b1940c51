"""A plan repository on disk, loaded, validated and indexed: the one object every output reads.

``load_repository(root)`` finds ``data/departments.yml`` and each ``data/plans/<plan>/`` folder,
reads them with :mod:`plansite.load`, checks them with :mod:`plansite.validate` and indexes them
with :mod:`plansite.index`. It returns the repository and every problem found; it never raises
for bad data. Plan folders are read and shape-checked one by one, each on its own, so a large
repository shares them with a worker process (:class:`PlanReading`); the result is the same.
"""

from __future__ import annotations

import datetime as _dt
import gc
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plansite.background import Background, BackgroundError
from plansite.problems import Problem, Problems, problem
from plansite.model.index import build_index
from plansite.model.repository import Repository
from plansite.reading.abbreviations import read_abbreviations
from plansite.reading.portal import read_portal
from plansite.reading.yamlfile import load_file
from plansite.model.records import Department, Plan
from plansite.reading.records import PlanCheck, PlanFiles
from plansite.reading.reports import REPORTS_DIR
from plansite.reading.validate import Validator
from plansite.language.deadlines import parse_deadline
from plansite.language.targets import parse_target

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

DEPARTMENTS_FILE = "data/departments.yml"
PLANS_DIR = "data/plans"
PLAN_FILES = ("plan.yml", "tasks.yml", "indicators.yml")


def load_repository(root: Path | str, as_of: int | None = None,
                    parallel: bool | None = None,
                    cache: FolderCache | None = None) -> tuple[Repository, Problems]:
    """Load, validate and index the repository at ``root``.

    ``parallel`` reads part of the plan folders in a worker process (True), or none (False);
    by default a worker helps when the plans are large enough to repay starting one. With a
    ``cache`` (a served site loads the data again after every save), a plan folder whose files
    did not change since the cache last saw them is not read again.
    """
    with _collector_paused():
        return _load(Path(root).resolve(), as_of, parallel, cache)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a repository is read.

    Reading makes hundreds of thousands of dicts and lists that form no cycle, and every few
    hundred new ones the collector would look through them again: a third of the reading time.
    Memory is still freed as values are dropped; only cycles wait for the collector's return.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path, as_of: int | None, parallel: bool | None,
          cache: FolderCache | None) -> tuple[Repository, Problems]:
    problems = Problems()
    validator = Validator(parse_target=parse_target, parse_deadline=parse_deadline)
    with PlanReading(root, validator, parallel, cache) as reading:
        departments = _read_departments(root, validator, problems)
        folders = reading.folders()

    plans: list[Plan] = []
    indicator_files: dict[str, str] = {}
    for folder in folders:
        problems.extend(folder.problems)
        if folder.check is None:
            continue
        plan = validator.adopt(folder.check)
        if plan is not None:
            plans.append(plan)
            indicator_files[plan.id] = f"{folder.folder}/indicators.yml"
    seen: dict[str, Plan] = {}
    for plan in plans:
        if plan.id in seen:
            problems.add(problem("duplicate-id", plan.source.file, plan.source.line, 1, path="id",
                                 found=plan.id, first=str(seen[plan.id].source)))
        seen.setdefault(plan.id, plan)
    plans = list(seen.values())
    validator.resolve(departments, plans, indicator_files)
    problems.extend(validator.problems)

    repo = Repository(root=root, as_of=as_of or _dt.date.today().year)
    repo.departments = {d.id: d for d in departments}
    repo.plans = {p.id: p for p in plans}
    repo.indicators = {i.id: i for p in plans for i in p.indicators}
    repo.index = build_index(repo.departments, repo.plans, repo.indicators)
    repo.abbreviations, found = read_abbreviations(root)
    problems.extend(found)
    repo.members = read_portal(root, problems)
    return repo, problems


def _read_departments(root: Path, validator: Validator, problems: Problems) -> list[Department]:
    dept_path = root / DEPARTMENTS_FILE
    if not dept_path.exists():
        problems.add(problem("file-missing", DEPARTMENTS_FILE, expected=DEPARTMENTS_FILE))
        return []
    loaded, found = load_file(dept_path, root)
    problems.extend(found)
    if loaded.data is None:
        return []
    return validator.departments(loaded.file, loaded.data)


@dataclass
class PlanFolder:
    """One folder of ``data/plans`` read and shape-checked: what a worker process sends back."""

    folder: str
    problems: list[Problem]
    check: PlanCheck | None
    """None when a file could not be read: its problems say why, and the plan is left out."""


def read_plan_folder(root: Path, folder: Path, validator: Validator) -> PlanFolder:
    """Read the files of one plan folder and check their shape."""
    rel = f"{PLANS_DIR}/{folder.name}"
    problems: list[Problem] = []
    parts: dict[str, tuple[str, object] | None] = {}
    unreadable = False
    for name in PLAN_FILES:
        path = folder / name
        if not path.exists():
            parts[name] = None
            continue
        loaded, found = load_file(path, root)
        problems.extend(found)
        if loaded.data is None:
            unreadable = True
        parts[name] = (loaded.file, loaded.data)
    reports = []
    for path in sorted((folder / REPORTS_DIR).glob("*.yml")):
        loaded, found = load_file(path, root)
        problems.extend(found)
        if loaded.data is not None:
            reports.append((loaded.file, loaded.data))
    if unreadable:
        return PlanFolder(rel, problems, None)
    files = PlanFiles(rel, parts["plan.yml"], parts["tasks.yml"], parts["indicators.yml"],
                      reports, str(root))
    return PlanFolder(rel, problems, validator.check_plan(files))


WORKER_BYTES = 1_000_000
"""Plan files smaller than this in all are read in one process: a worker would not pay."""


class FolderCache:
    """Plan folders as read and checked, each kept with the size and time of its files.

    What :func:`read_plan_folder` returned is kept pickled and unpickled on each use: the
    meaning pass resolves references in the records it is given, so each load gets records of
    its own, as from a fresh reading (and unpickling is several times faster than reading).
    """

    def __init__(self) -> None:
        self.folders: dict[Path, tuple[tuple, bytes]] = {}

    @staticmethod
    def signature(folder: Path) -> tuple:
        """The size, time and inode of each file the folder's reading reads (its reports too)."""
        out = []
        names = [*PLAN_FILES, *(f"{REPORTS_DIR}/{path.name}"
                                for path in sorted((folder / REPORTS_DIR).glob("*.yml")))]
        for name in names:
            try:
                stat = (folder / name).stat()
            except OSError:
                out.append((name, None))
                continue
            out.append((name, stat.st_mtime_ns, stat.st_size, stat.st_ino))
        return tuple(out)

    def get(self, folder: Path) -> PlanFolder | None:
        """The folder as read before, when none of its files changed since."""
        kept = self.folders.get(folder)
        if kept is None or kept[0] != self.signature(folder):
            return None
        return pickle.loads(kept[1])

    def put(self, folder: Path, signature: tuple, read: PlanFolder) -> None:
        self.folders[folder] = (signature, pickle.dumps(read, pickle.HIGHEST_PROTOCOL))


class PlanReading:
    """Reads the plan folders, some of them in a worker process when that pays.

    Reading and checking a plan folder needs nothing from the others, so on a machine with two
    cores a forked worker reads plan folders while this process reads the departments and plan
    folders too. Each process claims the next folder, largest first, from a shared count: when
    the other core is busy with other work, the worker claims fewer and nobody waits long at the
    end. The worker sends back plan records and problems, several times smaller than the values
    it read. Should it fail, the folders it claimed are read here, so any error reads as it would
    without it. Used as a context manager, it stops a worker whose result is no longer wanted.
    """

    def __init__(self, root: Path, validator: Validator, parallel: bool | None = None,
                 cache: FolderCache | None = None):
        self.root = root
        self.validator = validator
        plans_dir = root / PLANS_DIR
        self.all = sorted(p for p in plans_dir.iterdir() if p.is_dir()) \
            if plans_dir.is_dir() else []
        self.cache = cache
        self.signatures: dict[Path, tuple] = {}
        self.kept: dict[Path, PlanFolder] = {}
        if cache is not None:
            self.signatures = {folder: cache.signature(folder) for folder in self.all}
            for folder in self.all:
                kept = cache.get(folder)
                if kept is not None:
                    self.kept[folder] = kept
        to_read = [folder for folder in self.all if folder not in self.kept]
        sizes = {folder: _plan_bytes(folder) for folder in to_read}
        if parallel is None:
            parallel = _worker_pays(sizes)
        self.queue = sorted(to_read, key=lambda folder: -sizes[folder])
        self.worker: Background | None = None
        if parallel and len(to_read) > 1 and _may_fork():
            self.worker = self._start_worker()

    def _start_worker(self) -> Background | None:
        """A worker reading claimed folders, or None where the system will not start one."""
        try:
            self.claimed = multiprocessing.get_context("fork").Value("i", 0)
            return Background(self._read_claimed, use_process=True, yield_cpu=False,
                              spill=False)
        except OSError as exc:  # no shared memory, or no process to spare: read them all here
            log.debug("no worker to read plan folders: %s", exc)
            return None

    def __enter__(self) -> PlanReading:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def folders(self) -> list[PlanFolder]:
        """Every plan folder read and checked, in folder order."""
        read: dict[str, PlanFolder] = {}
        if self.worker is not None:
            read.update((result.folder, result) for result in self._read_claimed())
            try:
                read.update((result.folder, result) for result in self.worker.result())
            except BackgroundError as exc:
                log.debug("the plan reading worker failed; reading its folders here: %s", exc)
        out = []
        for folder in self.all:
            result = self.kept.get(folder) or read.get(f"{PLANS_DIR}/{folder.name}")
            if result is None:
                result = read_plan_folder(self.root, folder, self.validator)
            if self.cache is not None and folder not in self.kept:
                self.cache.put(folder, self.signatures[folder], result)
            out.append(result)
        return out

    def _read_claimed(self, receive: Callable[[], object] | None = None) -> list[PlanFolder]:
        """Read the next unclaimed folder until none is left (here, or in the worker)."""
        out = []
        while (folder := self._claim()) is not None:
            out.append(read_plan_folder(self.root, folder, self.validator))
        return out

    def _claim(self) -> Path | None:
        with self.claimed.get_lock():
            taken = self.claimed.value
            if taken == len(self.queue):
                return None
            self.claimed.value = taken + 1
        return self.queue[taken]


def _plan_bytes(folder: Path) -> int:
    """The size of the plan files in ``folder``; a file that cannot be read is reported later."""
    total = 0
    for name in PLAN_FILES:
        try:
            total += (folder / name).stat().st_size
        except OSError:
            pass
    return total


def _may_fork() -> bool:
    """Whether this process can fork a worker: not on systems without fork, and not from a
    daemonic process (a process pool's worker), which multiprocessing allows no children."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def _worker_pays(sizes: dict[Path, int]) -> bool:
    """Whether a worker process would shorten reading plan folders of these sizes."""
    if len(sizes) < 2 or sum(sizes.values()) < WORKER_BYTES:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2
