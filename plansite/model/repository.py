"""A plan repository's records, loaded and checked, with their cross-references.

:func:`plansite.reading.load_repository` builds it from the files; every later stage reads it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plansite.model import urls
from plansite.model.index import Index
from plansite.model.records import (Abbreviation, Chapter, Department, Indicator, Member, Plan,
                                     Task)


@dataclass
class Repository:
    """All records of a plan repository and their cross-references."""

    root: Path
    departments: dict[str, Department] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    index: Index = field(default_factory=Index)
    abbreviations: tuple[Abbreviation, ...] = ()
    """The site's own short forms (data/abbreviations.yml), beside those plansite ships."""
    as_of: int = field(default_factory=lambda: _dt.date.today().year)
    members: list[Member] = field(default_factory=list)
    """The member sites of a portal (``data/portal.yml``); none for a site of one repository."""
    derived: dict[Any, Any] = field(default_factory=dict, init=False, compare=False,
                                    repr=False)
    """What is worked out from the records once per load and asked for many times (how each
    long list is cut into pages): the records do not change once loaded."""

    def derive(self, key: Any, make: Any) -> Any:
        """``make()``, made once per loaded repository and kept under ``key``."""
        if key not in self.derived:
            self.derived[key] = make()
        return self.derived[key]

    @property
    def tasks(self) -> dict[str, Task]:
        """Every task by its key ``<plan>:<id>``, in document order."""
        return self.index.tasks

    def task(self, key: str) -> Task:
        return self.index.tasks[key]

    def chapter(self, plan: str, chapter_id: str) -> Chapter:
        return self.index.chapters[f"{plan}:{chapter_id}"]

    def task_url(self, task: Task) -> str:
        """A task's address: its own page."""
        return urls.task_url(task)

    def task_anchor_url(self, task: Task) -> str:
        """A task in its place in its plan: the page of the plan that holds it (a long plan
        has several), and its anchor."""
        return urls.task_anchor_url(task, self.index.page_of(task.plan, task.chapter))

    def chapter_url(self, chapter: Chapter) -> str:
        """A chapter's address: the page of its plan that holds it, and its anchor."""
        return urls.chapter_url(chapter, self.index.page_of(chapter.plan, chapter.id))
