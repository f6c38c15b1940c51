"""A plan's outline in document order: chapters within chapters, tasks within tasks.

One walk serves the typed records (:meth:`plansite.model.records.Plan.walk_tasks`) and the
mappings of a ``tasks.yml`` as written (an old version of the file, the file an import replaces,
the file a synthetic plan is written to), where a value that is not a list of mappings holds no
chapter or task.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")


def depth_first(items: Iterable[T], children: Callable[[T], Iterable[T]]) -> Iterator[T]:
    """Each item, then its children, depth first."""
    for item in items:
        yield item
        yield from depth_first(children(item), children)


def tasks_under(chapters: Iterable[T], sub_chapters: Callable[[T], Iterable[T]],
                tasks: Callable[[T], Iterable[Any]], sub_tasks: Callable[[Any], Iterable[Any]]
                ) -> Iterator[Any]:
    """Every task and sub-task of ``chapters`` and their sub-chapters, in document order: a
    chapter's own tasks (with theirs) before those of its sub-chapters."""
    for chapter in depth_first(chapters, sub_chapters):
        yield from depth_first(tasks(chapter), sub_tasks)


def _mappings(key: str) -> Callable[[Any], list[dict]]:
    """The mappings listed under ``key`` of a written mapping (none where it holds none)."""
    def listed(mapping: Any) -> list[dict]:
        items = mapping.get(key) if isinstance(mapping, dict) else None
        return [item for item in items if isinstance(item, dict)] if isinstance(items, list) \
            else []
    return listed


def written_chapters(chapters: Any) -> Iterator[dict]:
    """Every chapter mapping of a written ``chapters`` list, depth first."""
    return depth_first(_mappings("chapters")({"chapters": chapters}), _mappings("chapters"))


def written_tasks(chapters: Any) -> Iterator[dict]:
    """Every task mapping under a written ``chapters`` list, in document order."""
    return tasks_under(_mappings("chapters")({"chapters": chapters}), _mappings("chapters"),
                       _mappings("tasks"), _mappings("tasks"))
