"""Appending events to the journal (under the lock the caller holds): one event, or a batch.

The new events are written as text after the bytes of the events already written, which never
change and are never serialised again; the whole new text must read back as exactly the old
events and the new ones before it replaces the old journal, atomically (``fsio.atomic_write``:
a temporary file, fsync, rename). A journal laid out by hand in a way the appended text would
not read back from is written back whole, round-trip. A journal this process wrote whole in its
own layout (``Written``) needs only the new events' text read back.

A batch (``append(..., write=False)`` then ``flush``) is read back and written once, however many
events it holds. What was written is remembered in the project's cache by its bytes (its parse
and, when the journal appended to was verified intact, an intact chain), so the next command
neither parses the journal nor hashes its events again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import inputs, interrupts, load
from ..errors import DloError, Location, error
from ..fsio import atomic_write
from ..i18n import Msg
from ..project import Project
from ..yaml_limits import MAX_VALUES
from . import hidden
from . import journal as _journal
from .chain import shape
from .journal import Event, Journal


def append(
    project: Project,
    reg_id: str,
    journal: Journal,
    entry: dict[str, Any],
    sign: Callable[[dict[str, Any], bytes], dict[str, Any]] | None = None,
    write: bool = True,
) -> Event:
    """Append one event to ``journal`` (read under the lock that the caller holds); fills in
    seq, time, actor, prev and hash. Atomic: the old journal or the new one, never a mixture.
    ``sign(event, signed_bytes)`` returns the signature record stored with the event.
    ``write=False``: appended in memory only; ``flush`` then writes a batch in one go."""
    last = journal.entries[-1] if journal.entries else None
    full: dict[str, Any] = {"seq": (last["seq"] + 1) if last else 1}
    for key in _journal.HEAD[1:]:
        full[key] = entry[key]
    fixed = (*_journal.HEAD, *_journal.TAIL, _journal.SIGNATURE)
    for key, value in entry.items():
        if key not in fixed and value is not None:
            full[key] = value
    full["content_hash"] = entry["content_hash"]
    full["prev"] = last["hash"] if last else _journal.GENESIS
    full = _journal.normal(full)
    hidden.refusal(full)  # a registry's text the event captures, never recorded invisible
    if sign is not None:
        full[_journal.SIGNATURE] = _journal.normal(sign(full, _journal.signed_bytes(full)))
    full["hash"] = _journal.event_hash(full)
    journal.entries.append(full)
    journal.unwritten.append(full)
    if write:
        flush(project, reg_id, journal)
    return _journal.to_event(full)


def flush(project: Project, reg_id: str, journal: Journal) -> None:
    """Write the events appended since the journal was read or last written, all at once
    (atomic: a batch is in the journal whole, or not at all)."""
    new = journal.unwritten
    if not new:
        return
    intact = _intact(journal, project)
    text, source, exact = _text(journal, reg_id, new)
    # Ctrl-C or SIGTERM waits for the write: the events are recorded, or not, and the command
    # says which as it ends (``interrupts.said``), so a review is not run again and recorded twice
    with interrupts.holding():
        atomic_write(journal.path, text)
        interrupts.recorded(journal.display)
    journal.source, journal.unwritten = source, []
    if intact and exact:
        _remember(project, journal, text, len(new))


def _text(
    journal: Journal, reg_id: str, new: list[dict[str, Any]]
) -> tuple[str, load.Source, bool]:
    """The journal's new text, its source, and whether it reads back as exactly the old events
    and ``new`` (false only for a journal written back whole, round-trip). A text that would not
    read back as every event is refused (DLO634), never written."""
    old, display = journal.source, journal.display
    parts = [load.dumps_plain([event]) for event in new]
    plain = None not in parts
    added = "".join(
        p if p is not None else load.dumps([e]) for p, e in zip(parts, new, strict=True)
    )
    _room(journal, len((old.text if old else _journal.HEADER).encode()) + len(added.encode()))
    if plain and isinstance(old, Written) and _read_back(added, display, [], new) is not None:
        text = old.text + added  # only the new events' text is read back (``Written``)
        return text, Written(display, text), True
    if old is None or not isinstance(old.data, list):
        text = _journal.HEADER.format(id=reg_id) + added
        source = _read_back(text, display, [], new)
        if source is None:
            raise _unreadable(display)
        return text, Written(display, text) if plain else source, True
    text = old.text + ("" if old.text.endswith("\n") else "\n") + added
    source = _read_back(text, display, old.data, new)
    if source is not None:
        return text, source, True
    data = old.roundtrip()  # a journal not in dlo's own layout: written back whole
    # a list laid out in flow style (JSON is YAML) takes the new events as block items (ruamel.yaml
    # failed to write block mappings inside it: an internal error); its items keep their style
    data.fa.set_block_style()
    data.extend(new)
    text = load.dumps(data)
    if _read_back(text, display, [], journal.entries) is None:
        raise _unreadable(display)
    return text, load.Source(display, text, data), False


def _values(data: Any) -> int:
    """The keys and values of ``data`` as the reader counts them (``yaml_limits.MAX_VALUES``)."""
    if isinstance(data, dict):
        return sum(1 + _values(v) for v in data.values())
    if isinstance(data, list):
        return sum(_values(v) for v in data)
    return 1


# kept for the route's own events once acknowledgements fill a journal (some 600 of them: a
# revision, its agreements and approval, a review, a withdrawal), so it never ends a regulation
RESERVED_VALUES, RESERVED_BYTES = 25_000, inputs.MIB


def _room(journal: Journal, size: int) -> None:
    """Refused (DLO635) before anything is written or read back: the journal with its new events
    would be more than any project file may be, so no command could read it again; with
    acknowledgements, more than leaves the route's events room (``RESERVED_VALUES``)."""
    reading = any(e.get("event") == "acknowledged" for e in journal.unwritten)
    most_values = MAX_VALUES - (RESERVED_VALUES if reading else 0)
    most_bytes = inputs.MAX_YAML_BYTES - (RESERVED_BYTES if reading else 0)
    # every key and value takes a character of the text at least ("a:" and a line break hold
    # two): a text no longer than the bound holds no more, and is not counted
    values = _values(journal.entries) if size > most_values else 0
    if size <= most_bytes and values <= most_values:
        return
    raise DloError(
        error(
            Location(journal.display),
            "DLO635",
            Msg(
                "the journal with the {n} new events would hold {values} keys and values in "
                "{mib:.1f} MiB, more than it takes of them ({limit} and {limit_mib} MiB): "
                "nothing was recorded",
                n=len(journal.unwritten),
                values=values,
                mib=size / inputs.MIB,
                limit=most_values,
                limit_mib=most_bytes // inputs.MIB,
            ),
            Msg(
                "record fewer at once if the journal has room for them; acknowledgements leave "
                "room for the route's own events (a revision, an approval, a withdrawal): keep "
                "further acknowledgements on the paper acquaintance sheet"
            ),
        )
    )


def _unreadable(display: str) -> DloError:
    """Refused (DLO634): the journal's new text would not read back as its events. Writing it
    would leave a journal the next command refuses as damaged; the journal is not written (an
    approval's pending frozen copy is completed or dropped by the next command, as after a
    crash)."""
    return DloError(
        error(
            Location(display),
            "DLO634",
            Msg(
                "the journal with the new event would not read back as its events: nothing was recorded"
            ),
            Msg("this is a bug of dlo: report it with the journal and the command given"),
        )
    )


class Written(load.Unparsed):
    """A journal text this process wrote whole: the header, then events each written alone by
    the plain writer (``load.dumps_plain``: block collections, plain and single-quoted scalars,
    no anchor, alias or document marker) and read back as itself. Such an event's text is a
    complete item of the top-level sequence, so no text that follows changes how it reads: one
    more such event appended reads back as these events and it when its own text reads back as
    that event alone, and only that text is parsed. The data is parsed when it is asked for (a
    position to report)."""


def _read_back(
    text: str, display: str, old: list[Any], new: list[dict[str, Any]]
) -> load.Source | None:
    """The source of ``text`` when it reads back as exactly the events ``old`` (as parsed before)
    followed by ``new``, else None."""
    source, problems = load.parse(text.encode("utf-8"), display)
    if problems or source is None or not isinstance(source.data, list):
        return None
    events, k = source.data, len(old)
    if len(events) != k + len(new) or _journal.normal(events[k:]) != new:
        return None
    return source if load.plain(events[:k]) == load.plain(old) else None


def _intact(journal: Journal, project: Project) -> bool:
    """Whether the journal the unwritten events are appended to is known to be intact: no
    journal yet, or a text whose chain this project verified (``journal.verified``)."""
    if journal.problems:
        return False
    if journal.source is None:
        return len(journal.entries) == len(journal.unwritten)
    return bool(project.cache.known(_journal._chain_key(journal), journal.source.text) == ())


def _remember(project: Project, journal: Journal, text: str, added: int) -> None:
    """What the next command would read and verify in the journal just written (read back as
    exactly its events, an intact chain), put in the project's cache by its bytes. Only when
    each new event is well formed."""
    n = len(journal.entries)
    if any(shape(journal.entries[i], i, journal) for i in range(n - added, n)):
        return
    value = (journal.source, tuple(journal.entries), ())
    project.cache.put(_journal._read_key(journal), text.encode("utf-8"), value)
    assert journal.source is not None
    project.cache.put(_journal._chain_key(journal), journal.source.text, ())
