"""Read YAML data files into plain values that remember where each value was written.

Mappings become :class:`Located` dicts and sequences :class:`LocatedList` lists; both know the
line and column of the container, of each key or item, and the text as written of each scalar
(so ``id: 2.10`` can still be read as the id ``"2.10"``). Reading never raises: every problem
(encoding, size, syntax, tabs, duplicate keys, anchors) becomes a
:class:`~plansite.problems.Problem`, worded by :mod:`plansite.reading.yamlproblems`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from plansite.catalogue.phrases import phrase
from plansite.problems import Problem, problem
from plansite.reading.yamlproblems import decode, duplicate_key, merge_key, syntax_problem

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A data file larger than this is refused: plans are text, a 5 MB YAML file is a mistake."""

try:  # the C parser is several times faster and keeps the same marks
    _BaseLoader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, without the per-scalar cost of resolving Chinese text.

    YAML's implicit types (numbers, booleans, null, dates) all start with an ASCII character,
    so a plain scalar that starts with any other character is text: the regular expressions
    the resolver would try cannot match it. Plans are mostly such text.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0]:
            if value and value[0] > "\x7f":
                return _STR_TAG
            # A plain scalar's type depends on its text alone; keys repeat thousands of times.
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_TAGS) < 10000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


_PLAIN_TAGS: dict[str, str] = {}


class Located(dict):
    """A mapping read from a file, with the position of itself, its keys and its values."""

    def __init__(self, file: str, line: int, column: int):  # empty: dict() has nothing to set
        self.file = file
        self.line = line
        self.column = column
        self.key_pos: dict[Any, tuple[int, int]] = {}
        self.value_pos: dict[Any, tuple[int, int]] = {}
        self.raw: dict[Any, str] = {}

    def pos(self, key: Any) -> tuple[int, int]:
        """Line and column of the value of ``key`` (of the mapping when the key is absent)."""
        return self.value_pos.get(key) or self.key_pos.get(key) or (self.line, self.column)

    def text(self, key: Any, default: str = "") -> str:
        """The value of ``key`` as written: a scalar's own text even where YAML reads a number
        (``id: 2.10`` is ``"2.10"``, not 2.1); ``default`` when the key is absent or empty."""
        if key in self.raw and self.get(key) is not None:
            return self.raw[key]
        value = self.get(key)
        return default if value is None else str(value)


class LocatedList(list):
    """A sequence read from a file, with the position of itself and of each item."""

    def __init__(self, file: str, line: int, column: int):  # empty: list() has nothing to set
        self.file = file
        self.line = line
        self.column = column
        self.item_pos: list[tuple[int, int]] = []
        self.raw: list[str | None] = []

    def pos(self, index: int) -> tuple[int, int]:
        if 0 <= index < len(self.item_pos):
            return self.item_pos[index]
        return (self.line, self.column)


@dataclass
class LoadedFile:
    """One data file: its repository-relative name and its content (None when unreadable)."""

    file: str
    data: Any
    text: str = ""


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct(loader: Any, node: yaml.ScalarNode) -> Any:
    """The value of a scalar whose tag is not text, as PyYAML reads it, or its text.

    2015-13-01 looks like a date and !!int abc claims a type; neither constructs. As text, the
    validator says what the field expects. Dates and times become text too: the validator reads
    years and deadlines from text.
    """
    try:
        value = loader.construct_object(node, deep=True)
    except Exception:  # noqa: BLE001 - any tag the constructor cannot apply
        return node.value
    if not isinstance(value, (str, int, float, bool, type(None))):
        return node.value
    return value


class _Converter:
    """Turns a composed YAML node tree into Located values, reporting what plain PyYAML hides."""

    def __init__(self, loader: Any, file: str, problems: list[Problem]):
        self.loader = loader
        self.file = file
        self.problems = problems
        self.seen: set[int] = set()

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.seen:
            line, col = _mark(node)
            self.problems.append(problem("yaml-anchor", self.file, line, col, found="*alias"))
            # an empty container of the right kind: reported once, without knock-on problems
            if isinstance(node, yaml.MappingNode):
                return Located(self.file, line, col)
            return LocatedList(self.file, line, col)
        self.seen.add(id(node))
        line, col = _mark(node)
        if isinstance(node, yaml.MappingNode):
            out = Located(self.file, line, col)
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE_TAG:
                    self.problems.append(merge_key(self.file, *_mark(key_node)))
                    continue
                key = self.convert(key_node)
                if isinstance(key, (dict, list)):
                    key = str(key)
                elif type(key) is not str:  # see _EventReader.mapping
                    key = key_node.value
                kl, kc = _mark(key_node)
                if key in out.key_pos:
                    self.problems.append(duplicate_key(self.file, key, kl, kc,
                                                        out.key_pos[key][0]))
                    continue
                out.key_pos[key] = (kl, kc)
                out.value_pos[key] = _mark(value_node)
                if isinstance(value_node, yaml.ScalarNode):
                    out.raw[key] = value_node.value
                out[key] = self.convert(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            seq = LocatedList(self.file, line, col)
            for item in node.value:
                seq.item_pos.append(_mark(item))
                seq.raw.append(item.value if isinstance(item, yaml.ScalarNode) else None)
                seq.append(self.convert(item))
            return seq
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:  # what the constructor would return, without its overhead
            return node.value
        return _construct(self.loader, node)


_PLAIN_VALUES: dict[str, tuple[Any, str]] = {}
"""Each plain scalar's value and tag by its text: keys and numbers repeat thousands of times."""


class _Unusual(Exception):
    """The text uses what only the composer reads as PyYAML means it: anchors and aliases,
    a list or mapping as a key, more than one document, or a syntax error to be told."""


class _EventReader:
    """Builds Located values straight from the parser's events, without composing nodes first.

    Composing makes a node for every value and asks the Python resolver for its tag; for the
    plain text and quoted ids that plans are made of, both are wasted work. The values, positions,
    raw texts and problems are those :class:`_Converter` gives; whatever this reader does not
    handle itself raises :class:`_Unusual`, and :func:`load_text` composes the text instead.
    """

    def __init__(self, loader: Any, file: str, problems: list[Problem]):
        self.loader = loader
        self.next_event = loader.get_event
        self.file = file
        self.problems = problems

    def document(self) -> tuple[bool, Any]:
        """Whether the stream holds a document, and its value."""
        self.next_event()  # the stream starts
        if type(self.next_event()) is not yaml.DocumentStartEvent:
            return False, None
        data = self.node(self.next_event())
        self.next_event()  # the document ends
        if type(self.next_event()) is not yaml.StreamEndEvent:
            raise _Unusual("more than one document")
        return True, data

    def node(self, event: yaml.Event) -> Any:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            return self.scalar(event)[0]
        if kind is yaml.MappingStartEvent:
            return self.mapping(event)
        if kind is yaml.SequenceStartEvent:
            return self.sequence(event)
        raise _Unusual(kind.__name__)

    def mapping(self, event: yaml.MappingStartEvent) -> Located:
        if event.anchor is not None:
            raise _Unusual("anchor")
        mark = event.start_mark
        out = Located(self.file, mark.line + 1, mark.column + 1)
        key_pos, value_pos, raw = out.key_pos, out.value_pos, out.raw
        next_event, scalar, node = self.next_event, self.scalar, self.node
        while True:
            key_event = next_event()
            if type(key_event) is not yaml.ScalarEvent:
                if type(key_event) is yaml.MappingEndEvent:
                    return out
                raise _Unusual("a list or mapping as a key")
            key, tag = scalar(key_event)
            if type(key) is not str:  # 1: and true: are two keys, not the number and True
                key = key_event.value
            mark = key_event.start_mark
            value_event = next_event()
            if tag == _MERGE_TAG:
                self.problems.append(merge_key(self.file, mark.line + 1, mark.column + 1))
                self.skip(value_event)
                continue
            if key in key_pos:
                self.problems.append(duplicate_key(self.file, key, mark.line + 1,
                                                    mark.column + 1, key_pos[key][0]))
                self.skip(value_event)
                continue
            key_pos[key] = (mark.line + 1, mark.column + 1)
            mark = value_event.start_mark
            value_pos[key] = (mark.line + 1, mark.column + 1)
            if type(value_event) is yaml.ScalarEvent:
                raw[key] = value_event.value
                out[key] = scalar(value_event)[0]
            else:
                out[key] = node(value_event)

    def sequence(self, event: yaml.SequenceStartEvent) -> LocatedList:
        if event.anchor is not None:
            raise _Unusual("anchor")
        mark = event.start_mark
        seq = LocatedList(self.file, mark.line + 1, mark.column + 1)
        item_pos, raw = seq.item_pos, seq.raw
        next_event, scalar, node = self.next_event, self.scalar, self.node
        while True:
            item = next_event()
            kind = type(item)
            if kind is yaml.SequenceEndEvent:
                return seq
            mark = item.start_mark
            item_pos.append((mark.line + 1, mark.column + 1))
            if kind is yaml.ScalarEvent:
                raw.append(item.value)
                seq.append(scalar(item)[0])
            else:
                raw.append(None)
                seq.append(node(item))

    def scalar(self, event: yaml.ScalarEvent) -> tuple[Any, str]:
        """The value of a scalar and its tag, as the composer and :class:`_Converter` make them."""
        if event.anchor is not None:
            raise _Unusual("anchor")
        text = event.value
        if event.tag is None:
            if not event.implicit[0]:  # quoted or a block: text
                return text, _STR_TAG
            if text and text[0] > "\x7f":  # see _Loader.resolve
                return text, _STR_TAG
            known = _PLAIN_VALUES.get(text)
            if known is None:
                known = self.typed(event)
                value = known[0]
                if value == value and len(_PLAIN_VALUES) < 10000:  # .nan equals no other .nan
                    _PLAIN_VALUES[text] = known
            return known
        return self.typed(event)

    def typed(self, event: yaml.ScalarEvent) -> tuple[Any, str]:
        """A scalar that may be other than text: resolved and constructed as the composer would."""
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return event.value, tag
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return _construct(self.loader, node), tag

    def skip(self, event: yaml.Event) -> None:
        """Read past a value that is not kept (the second of two equal keys, a merge)."""
        depth = 0
        while True:
            kind = type(event)
            if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
                raise _Unusual("anchor")
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
            if depth == 0:
                return
            event = self.next_event()


def load_text(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML ``text`` (already decoded) that came from file ``name``."""
    if not text.strip():
        return None, [problem("file-empty", name, 1, 1, expected=phrase("yaml-data"))]
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        found, data = _EventReader(loader, name, problems).document()
    except (_Unusual, yaml.YAMLError, RecursionError):
        found = None
    finally:
        loader.dispose()
    if found is None:
        return _compose_text(text, name)
    if not found:
        return None, [problem("file-empty", name, 1, 1, expected=phrase("yaml-data"))]
    return data, problems


def _compose_text(text: str, name: str) -> tuple[Any, list[Problem]]:
    """:func:`load_text` by way of PyYAML's composer: it resolves anchors and aliases (to report
    them) and words every syntax error."""
    problems: list[Problem] = []
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                problems.append(problem("file-empty", name, 1, 1, expected=phrase("yaml-data")))
                return None, problems
            data = _Converter(loader, name, problems).convert(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        problems.append(syntax_problem(exc, name, text))
        return None, problems
    except RecursionError:
        problems.append(problem("yaml-syntax", name, 1, 1, found=phrase("too-deep")))
        return None, problems
    return data, problems


def plain(value: Any) -> Any:
    """``value`` read from a file as plain mappings and lists, for code that writes it again."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def outside_link(path: Path, root: Path | None) -> str | None:
    """Where ``path`` leads when a link (of the file or a folder above it) takes it out of the
    repository at ``root``; None when it stays inside (or there is no root to stay in).

    A data file or page that is a link to ``/etc/passwd`` would publish that file."""
    if root is None:
        return None
    try:
        target = path.resolve()
        target.relative_to(Path(root).resolve())
    except ValueError:
        return target.as_posix()
    except OSError:  # a loop of links: nothing inside the repository either
        return path.as_posix()
    return None


def load_file(path: Path, root: Path | None = None) -> tuple[LoadedFile, list[Problem]]:
    """Read one data file; the name in every problem is relative to ``root`` (when given and
    the file is inside it)."""
    try:
        name = path.relative_to(root).as_posix() if root is not None else path.as_posix()
    except ValueError:
        name = path.as_posix()
    problems: list[Problem] = []
    outside = outside_link(path, root)
    if outside is not None:
        problems.append(problem("file-outside", name, found=outside,
                                hint=phrase("copy-into-repository")))
        return LoadedFile(name, None), problems
    try:
        size = path.stat().st_size
    except OSError:
        problems.append(problem("file-missing", name, expected=name))
        return LoadedFile(name, None), problems
    if size > MAX_FILE_BYTES:
        problems.append(problem("file-too-large", name, found=size, expected=MAX_FILE_BYTES,
                                hint=phrase("split-file")))
        return LoadedFile(name, None), problems
    text = decode(path.read_bytes(), name, problems)
    if text is None:
        return LoadedFile(name, None), problems
    data, more = load_text(text, name)
    problems.extend(more)
    return LoadedFile(name, data, text), problems
