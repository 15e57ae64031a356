"""YAML read at C speed: libyaml's parser (through PyYAML, the only module that imports it)
composes plain data that remembers where every key, value and item starts.

``compose`` handles the plain data regulation files are: mappings, sequences and scalars. Anything
else — a syntax error, an explicit tag, an anchor or alias, a duplicate or complex key, more than
one document, an empty value (the two parsers place it differently), a tab anywhere (libyaml reads
one in or after a plain scalar, the round-trip parser that rewrites the file refuses it), U+0085,
U+2028 or U+2029 anywhere (line breaks for libyaml, which reads YAML 1.1; not for the round-trip
parser, which reads YAML 1.2: the two would read the text apart) — raises
``Unusual``, and the caller reads the file with the round-trip parser instead, so every error
message and position stays what that parser says. Plain scalars other than strings are resolved
by the caller's ``resolve`` (the round-trip parser's own resolver and constructor), so both paths
give equal values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:  # libyaml is optional: without it every file takes the round-trip path
    import yaml
    from yaml import CSafeLoader as _Loader
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
except ImportError:  # pragma: no cover - PyYAML without libyaml, or no PyYAML
    _Loader = None

AVAILABLE = _Loader is not None


class Unusual(Exception):
    """The text is not plain data (or not valid YAML): read it with the round-trip parser."""


class MarkedMap(dict[Any, Any]):
    """A mapping that knows where it starts and where each key and value starts (0-based)."""

    __slots__ = ("line", "col", "keys_at", "values_at")
    line: int
    col: int
    keys_at: dict[Any, tuple[int, int]]
    values_at: dict[Any, tuple[int, int]]


class MarkedSeq(list[Any]):
    """A sequence that knows where it starts and where each item starts (0-based)."""

    __slots__ = ("line", "col", "items_at")
    line: int
    col: int
    items_at: list[tuple[int, int]]


def compose(
    text: str,
    resolve: Callable[[str], Any],
    is_string: Callable[[str], bool],
    see: Callable[[Any], None] | None = None,
) -> Any:
    """The data of a one-document YAML text, with positions; raises ``Unusual``. ``see`` is
    shown every event first (limits on what a file may hold raise from it)."""
    if _Loader is None:
        raise Unusual("libyaml is not available")
    if "\t" in text:
        raise Unusual("a tab")
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        raise Unusual("a line break of YAML 1.1 only")
    loader = _Loader(text)
    try:
        return _compose(loader, resolve, is_string, see)
    except yaml.YAMLError as exc:
        raise Unusual(str(exc)) from None
    finally:
        loader.dispose()


def _compose(
    loader: Any,
    resolve: Callable[[str], Any],
    is_string: Callable[[str], bool],
    see: Callable[[Any], None] | None,
) -> Any:
    show = see or _unseen  # every event is shown to ``see`` first
    get_event = loader.get_event
    show(get_event())  # stream start
    event = get_event()
    show(event)
    if isinstance(event, StreamEndEvent):
        return None
    if not isinstance(event, DocumentStartEvent):  # pragma: no cover - libyaml's order
        raise Unusual("no document")
    root: list[Any] = []
    # each frame: the container, and for a mapping the key waiting for its value
    stack: list[list[Any]] = [[root, None, None]]
    while True:
        event = get_event()
        show(event)
        cls = type(event)
        if cls is ScalarEvent or cls is MappingStartEvent or cls is SequenceStartEvent:
            value, opened = _node(event, cls, resolve, is_string)
            _place(stack[-1], root, value, opened, event.start_mark)
            if opened is not None:
                stack.append([opened, None, None])
        elif cls is AliasEvent:
            raise Unusual("alias")
        elif len(stack) > 1 and event.__class__.__name__ in ("MappingEndEvent", "SequenceEndEvent"):
            stack.pop()
        else:  # document end
            break
    event = get_event()
    show(event)
    if not isinstance(event, StreamEndEvent):
        raise Unusual("more than one document")
    return root[0] if root else None


def _unseen(event: Any) -> None:
    """No one to show an event to."""


def _node(
    event: Any, cls: type, resolve: Callable[[str], Any], is_string: Callable[[str], bool]
) -> tuple[Any, MarkedMap | MarkedSeq | None]:
    """The value an event starts, and the container when it opens one."""
    if event.anchor is not None or event.tag is not None:
        raise Unusual("anchor or explicit tag")
    mark = event.start_mark
    if cls is ScalarEvent:
        value = event.value
        if not event.style and not is_string(value):  # plain ("" in libyaml)
            if not value:  # the two parsers place an empty value differently
                raise Unusual("empty plain scalar")
            value = resolve(value)
        return value, None
    if cls is MappingStartEvent:
        mapping = MarkedMap()
        mapping.line, mapping.col = mark.line, mark.column
        mapping.keys_at, mapping.values_at = {}, {}
        return mapping, mapping
    seq = MarkedSeq()
    seq.line, seq.col = mark.line, mark.column
    seq.items_at = []
    return seq, seq


def _place(frame: list[Any], root: list[Any], value: Any, opened: Any, mark: Any) -> None:
    """``value`` put where it belongs: a mapping's key or value, an item, or the root."""
    container = frame[0]
    if type(container) is MarkedMap:
        if frame[1] is None:  # a key
            if opened is not None or value in container or not _hashable(value):
                raise Unusual("duplicate or complex key")
            frame[1], frame[2] = (value,), mark
        else:
            key = frame[1][0]
            container[key] = value
            container.keys_at[key] = (frame[2].line, frame[2].column)
            container.values_at[key] = (mark.line, mark.column)
            frame[1] = None
    elif type(container) is MarkedSeq:
        container.append(value)
        container.items_at.append((mark.line, mark.column))
    else:  # the document's root
        root.append(value)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
