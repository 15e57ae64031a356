"""The journal: ``regulations/<id>/journal.yaml``, an append-only, hash-chained list of events.

Every event holds ``seq`` (1, 2, ...), ``time`` (ISO 8601 with the organisation's zone),
``role`` (a registry position id), ``actor`` (who ran the command), ``event``, ``edition``,
event-specific data, ``content_hash`` (the validated regulation in canonical form), ``prev``
(the previous event's hash) and ``hash`` (sha256 of the event's canonical JSON without ``hash``).
Changing, deleting, inserting or reordering an event breaks the chain; ``verify`` names where.

Writes happen under an exclusive lock (``lock``) and are atomic (``appending``): a second
writer waits, and a writer killed at any moment leaves the old journal or the new one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeGuard

from .. import load, snapshots
from ..errors import DloError, Location, Problem, error, warning
from ..fsio import LockTimeout, locked, sweep
from ..i18n import Msg
from ..project import Project
from . import chain, dates

# isort: off
from .events import (  # the event, its fields and hashes, exported with the journal
    GENESIS as GENESIS,
    KINDS as KINDS,
    APPROVALS as APPROVALS,
    HEAD as HEAD,
    TAIL as TAIL,
    SIGNATURE as SIGNATURE,
    Event as Event,
    normal as normal,
    canonical as canonical,
    sha256 as sha256,
    content_hash as content_hash,
    event_hash as event_hash,
    signed_bytes as signed_bytes,
    to_event as to_event,
)


# isort: on

FILE = "journal.yaml"
HEADER = (
    "# The journal of {id}: append-only, written by `dlo` only. Each event is chained to the one\n"
    "# before it by its hash, so `dlo verify` detects any edit, deletion, insertion or reordering.\n"
)
LOCK_TIMEOUT = 30.0
_READING = "journal entries"  # what ``snapshots`` keeps of a journal


# -- reading --------------------------------------------------------------------------------


@dataclass
class Journal:
    """A regulation's journal as read: its entries and the problems found in them."""

    path: Path
    display: str
    source: load.Source | None
    entries: list[dict[str, Any]]  # plain, as written
    problems: list[Problem]
    # the last entries, appended in memory and not written yet (``appending.flush`` writes them)
    unwritten: list[dict[str, Any]] = field(default_factory=list)

    def at(self, index: int, key: str | None = None) -> Location:
        if self.source is None:
            return Location(self.display)
        return self.source.at([index] if key is None else [index, key])

    @property
    def events(self) -> list[Event]:
        return [to_event(e) for e in self.entries]


def path_of(project: Project, reg_id: str) -> Path:
    return project.folder(reg_id) / FILE


def _read_key(journal: Journal) -> tuple[str, Path, str]:
    return ("journal", journal.path.resolve(), journal.display)


def _chain_key(journal: Journal) -> tuple[str, Path, str]:
    return ("journal chain", journal.path.resolve(), journal.display)


def read(project: Project, reg_id: str) -> Journal:
    """The journal as written (no journal yet: no events). Shape problems are collected in
    ``problems``; the chain is checked by ``check_chain``. Parsed once per content in the
    project's cache (the entries are shared: never changed in place)."""
    path = path_of(project, reg_id)
    journal = Journal(path, project.display(path), None, [], [])
    raw, problems = project.read_raw(path, journal.display, absent_ok=True)
    if raw is None:  # no journal (no problem), or one that cannot be read
        journal.problems = problems
        return journal
    source, entries, problems = project.cache.get(
        _read_key(journal), raw, lambda: _parsed(raw, journal, project.snapshots)
    )
    journal.source, journal.entries, journal.problems = source, list(entries), list(problems)
    return journal


def _parsed(
    raw: bytes, empty: Journal, kept: bool = False
) -> tuple[load.Source | None, tuple[dict[str, Any], ...], tuple[Problem, ...]]:
    """What ``read`` makes of ``raw``: the source, the plain entries, the shape problems. With
    ``kept`` (a project reading snapshots) the entries of a journal of exactly these bytes that
    had no shape problem are read back from the user's cache (``snapshots``), its source parsed
    only for a position; the chain and everything else is checked on them as on any."""
    entries = snapshots.plain(_READING, raw) if kept else None
    if _as_parsed(entries, empty):
        return load.unparsed(raw, empty.display), tuple(entries), ()
    source, problems = load.parse(raw, empty.display)
    if source is None:
        return None, (), tuple(problems)
    journal = Journal(empty.path, empty.display, source, [], [])
    _entries(journal)
    if kept and not journal.problems:
        snapshots.keep_plain(_READING, raw, journal.entries)
    return source, tuple(journal.entries), tuple(journal.problems)


def _as_parsed(entries: Any, journal: Journal) -> TypeGuard[list[dict[str, Any]]]:
    """``entries`` read back from the cache are what parsing a journal without a shape problem
    makes: a list of events, each of an event's shape. Anything else there (damaged, or written
    by something other than this code) is a miss, and the journal is parsed."""
    return isinstance(entries, list) and not any(
        chain.shape(entry, index, journal) for index, entry in enumerate(entries)
    )


def _entries(journal: Journal) -> None:
    """The entries of ``journal.source`` and their shape problems, into ``journal``."""
    source = journal.source
    assert source is not None
    if not isinstance(source.data, list):
        journal.problems.append(
            error(
                source.at([]),
                "DLO609",
                Msg("the journal is not a list of events"),
                Msg("the journal is written by dlo only: restore it from version control"),
            )
        )
        return
    for index, entry in enumerate(source.data):
        shape = chain.shape(entry, index, journal)
        journal.problems += shape
        journal.entries.append(normal(entry) if isinstance(entry, dict) else {})


def events_or_raise(project: Project, reg_id: str) -> list[Event]:
    journal = read(project, reg_id)
    if journal.problems:
        raise DloError(journal.problems)
    return journal.events


# -- the chain ------------------------------------------------------------------------------


def check_chain(journal: Journal) -> list[Problem]:
    """Name every edited, deleted, inserted or reordered event (DLO601-DLO605)."""
    return chain.check(journal, event_hash)


def verified(project: Project, journal: Journal) -> list[Problem]:
    """``check_chain(journal)``, worked out once per content of the journal in ``project``
    (the same text, the same verdict: each event is hashed once, not by every command)."""
    if journal.source is None:
        return check_chain(journal)
    found = project.cache.get(
        _chain_key(journal), journal.source.text, lambda: tuple(check_chain(journal))
    )
    return list(found)


# -- writing --------------------------------------------------------------------------------


@contextlib.contextmanager
def lock(project: Project, reg_id: str, timeout: float | None = None) -> Iterator[None]:
    """Hold the regulation's journal lock for the whole of a command (read, check, write). A
    regulation that does not exist is refused first: no folder, no lock file is left for it (a
    mistyped id left one, and then ``dlo new`` with that id said it existed)."""
    path = path_of(project, reg_id)
    if not project.is_regulation(path.parent):  # (a file of that name, an empty folder)
        project.regulation_path(reg_id)  # unknown regulation: refused, with the ids known
    try:
        with locked(path, LOCK_TIMEOUT if timeout is None else timeout), _anew(project, path):
            # the lock swept the journal's folder; the frozen editions' is written under it too
            # (an approval killed as its frozen copy was written left one there for good)
            sweep(path.parent / "editions")
            yield
    except LockTimeout:
        raise DloError(
            error(
                Location(project.display(path)),
                "DLO630",
                Msg("the journal is locked by another dlo command that is still running"),
                Msg("wait for it to finish and try again"),
            )
        ) from None


@contextlib.contextmanager
def _anew(project: Project, journal: Path) -> Iterator[None]:
    """Under the lock every file is read from the disk, none kept (``Project.reads``: a command
    that reads only, run around a write through the library, would otherwise hand the write
    bytes read before it); the bytes kept of the regulation's folder are dropped as it ends
    (what was made of them stays: it is kept by the bytes it was made from)."""
    kept, project.reads = project.reads, None
    try:
        yield
    finally:
        project.reads = kept
        if kept is not None:
            kept.forget(journal.parent)


def now(timezone: str) -> str:
    """The current time in the organisation's zone (``+05:00``), ISO 8601 to the second (on the
    day ``DLO_TODAY`` injects, if set)."""
    return dates.now(timezone).isoformat(timespec="seconds")


@lru_cache(maxsize=8)
def _git_identity(root: str) -> str:
    import subprocess  # only for a command that records an event

    parts = []
    for key in ("user.name", "user.email"):
        try:
            out = subprocess.run(
                ["git", "config", key], cwd=root, capture_output=True, text=True, timeout=5
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        if out.returncode == 0 and out.stdout.strip():
            parts.append(out.stdout.strip())
    if len(parts) == 2:
        return f"{parts[0]} <{parts[1]}>"
    return parts[0] if parts else ""


def actor(project: Project) -> str:
    """Who acts: the OS user, and the git identity where there is one: ``user (Name <email>)``."""
    import getpass

    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        user = f"uid {os.getuid()}"
    git = _git_identity(str(project.root))
    return f"{user} ({git})" if git else user


def leftovers(project: Project, reg_id: str) -> list[Path]:
    """Temporary files an interrupted write left behind (harmless: the rename never happened)."""
    folder = project.folder(reg_id)
    found = list(folder.glob(f".{FILE}.*.tmp")) + list(folder.glob(".regulation.yaml.*.tmp"))
    found += list((folder / "editions").glob(".*.tmp")) if (folder / "editions").is_dir() else []
    return sorted(set(found))


def leftover_warnings(project: Project, reg_id: str) -> list[Problem]:
    return [
        warning(
            Location(project.display(p)),
            "DLO610",
            Msg(
                "a temporary file left by an interrupted write (the journal and the text are intact)"
            ),
            Msg("delete it"),
        )
        for p in leftovers(project, reg_id)
    ]
