"""Long lists a page at a time: how a kind's list is cut into numbered pages, and where one
page stands among them.

A list is cut by weight (a row weighs 1; a row holding many links weighs more), so that no
page of the site grows with the data; each page after the first is at ``<address>page/<n>/``
(:func:`plansite.model.urls.numbered_url`). A page kind of the registry
(:mod:`plansite.site.pages`) that lists many things gives itself a :class:`Paging`, and its
template gets the :class:`Pager` of the page it renders.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from plansite.analysis.deadlines import DeadlineGroup
from plansite.model import urls
from plansite.model.index import cut
from plansite.model.repository import Repository

ROWS_PER_PAGE = 200
"""The rows of a long list one page shows; the rest follow on numbered pages."""


@dataclass(frozen=True)
class Pager:
    """One page of a long list among its pages: the items it shows (``start`` to ``stop`` of
    ``total``), the address of every page of the list and the first item of each."""

    number: int
    urls: tuple[str, ...]
    starts: tuple[int, ...]
    start: int
    stop: int
    total: int

    @property
    def count(self) -> int:
        return len(self.urls)

    def url_of(self, item: int) -> str:
        """The address of the page that shows item number ``item`` (from 0)."""
        return self.urls[max(0, bisect.bisect_right(self.starts, item) - 1)]

    def part(self, items: Sequence[Any], offset: int = 0) -> Sequence[Any]:
        """What this page shows of ``items``, a list that starts at item ``offset`` of the
        paged sequence (a page may list parts of several lists one after the other)."""
        return items[max(0, self.start - offset):max(0, self.stop - offset)]

    def groups(self, groups: Sequence[DeadlineGroup], offset: int = 0) -> list[DeadlineGroup]:
        """The deadline groups this page shows, each with the tasks of it on this page."""
        shown = []
        for group in groups:
            tasks = self.part(group.tasks, offset)
            if tasks:
                shown.append(replace(group, tasks=list(tasks)))
            offset += len(group.tasks)
        return shown


@dataclass(frozen=True)
class Paging:
    """How a kind's long list is cut into numbered pages, so no page grows with the site.

    ``base`` is the first page's address from the page's ids; ``weights`` the weight of each
    item of the list, in order (a row weighs 1; a row holding many links weighs more);
    ``budget`` the most one page holds. Each page after the first is at ``<base>page/<n>/``.
    """

    base: Callable[..., str]
    weights: Callable[..., Sequence[int]]
    budget: int = ROWS_PER_PAGE

    def pagers(self, repo: Repository, *ids: str) -> list[Pager]:
        """The pages of the list of ``ids``: worked out once per loaded repository (each page
        of the site lists them, and each rendered page of the list asks again)."""
        return repo.derive((self, ids), lambda: self._pagers(repo, ids))

    def _pagers(self, repo: Repository, ids: tuple[str, ...]) -> list[Pager]:
        weights = self.weights(repo, *ids)
        parts = cut(weights, self.budget)
        base = self.base(*ids)
        addresses = tuple(urls.numbered_url(base, n) for n in range(1, len(parts) + 1))
        starts = tuple(start for start, _ in parts)
        return [Pager(n, addresses, starts, start, stop, len(weights))
                for n, (start, stop) in enumerate(parts, 1)]


LIST_BUDGET = 400
"""The rows of short tables (tasks, deadlines, departments) one page shows at most."""
