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
import datetime as dt
import getpass
import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import load
from ..errors import DloError, Location, Problem, error, warning
from ..fsio import LockTimeout, locked
from ..i18n import Msg
from ..model import Regulation, sane_date
from ..project import Project
from ..records import Order
from . import dates

FILE = "journal.yaml"
GENESIS = "0" * 64
KINDS = (
    "revised",
    "submitted",
    "agreed",
    "rejected",
    "approved",
    "withdrawn",
    "reviewed",
    "acknowledged",
    "cancelled",
    "registered",
    "corrected",
)
# the events that approve an edition: an approval in the workflow, or an edition approved on paper
# before the workflow, registered as such
APPROVALS = ("approved", "registered")
# the fields every event has, in the order they are written (event-specific data goes before
# content_hash)
HEAD = ("seq", "time", "role", "actor", "event", "edition")
TAIL = ("content_hash", "prev", "hash")
SIGNATURE = "signature"  # an official's signature record, between prev and hash
HEADER = (
    "# The journal of {id}: append-only, written by `dlo` only. Each event is chained to the one\n"
    "# before it by its hash, so `dlo verify` detects any edit, deletion, insertion or reordering.\n"
)
LOCK_TIMEOUT = 30.0


# -- canonical form and hashes ------------------------------------------------------------


def normal(value: Any) -> Any:
    """Plain JSON values (round-trip YAML scalars, dates) for hashing."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): normal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    return str(value)


def canonical(value: Any) -> bytes:
    return json.dumps(
        normal(value), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def sha256(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def content_hash(model: Regulation) -> str:
    """The hash of the validated text: comments, quoting, key order and layout do not count.

    Fields left at their default are left out, so a later version of the schema that adds an
    optional field does not change the hash of editions frozen before it (and writing a default
    out, e.g. ``route: sequential``, is not a change either)."""
    return sha256(model.model_dump(mode="json", exclude_defaults=True))


def event_hash(entry: dict[str, Any]) -> str:
    return sha256({k: v for k, v in entry.items() if k != "hash"})


def signed_bytes(entry: dict[str, Any]) -> bytes:
    """What an official's signature covers: the event's canonical JSON without its hash and its
    signature (so it includes the content hash of the text and the previous event's hash). The
    event's hash covers the signature too, so the chain binds it; an unsigned event's hash is
    what it always was."""
    return canonical({k: v for k, v in entry.items() if k not in ("hash", SIGNATURE)})


# -- the event ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One journal event. Event-specific data (reason, order, remarks, route, result, ...) is in
    ``data`` and readable as attributes: ``ev.reason``, ``ev.order`` (a ``records.Order``)."""

    seq: int
    time: str
    role: str | None
    actor: str
    event: str
    edition: int
    content_hash: str
    prev_hash: str
    hash: str
    data: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:
        data = self.__dict__.get("data") or {}
        if name in data:
            return data[name]
        raise AttributeError(name)

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.time)

    @property
    def date(self) -> dt.date:
        """The calendar day of the event in the organisation's zone (the zone it was written in)."""
        return self.when.date()

    @property
    def day(self) -> dt.date:
        """The day of the act the event records: the date given for it (an agreement signed
        earlier than it was recorded, an order's date), else the day it was recorded."""
        order: Order | None = self.data.get("order")
        if self.event in APPROVALS and order is not None:
            return order.date
        value = self.data.get("date")
        return value if isinstance(value, dt.date) else self.date

    def as_dict(self) -> dict[str, Any]:
        """The event as written in the journal (JSON-ready)."""
        return dict(self.raw)


def _order(value: Any) -> Order | None:
    if not isinstance(value, dict) or "number" not in value or "date" not in value:
        return None
    effective = value.get("effective")
    return Order(
        number=str(value["number"]),
        date=dt.date.fromisoformat(str(value["date"])),
        effective=dt.date.fromisoformat(str(effective)) if effective else None,
    )


def to_event(entry: dict[str, Any]) -> Event:
    data = {k: v for k, v in entry.items() if k not in HEAD + TAIL}
    if "order" in data:
        data["order"] = _order(data["order"])
    for key in ("date", "next_due"):
        if isinstance(data.get(key), str):
            data[key] = dt.date.fromisoformat(data[key])
    return Event(
        seq=entry["seq"],
        time=entry["time"],
        role=entry.get("role"),
        actor=entry["actor"],
        event=entry["event"],
        edition=entry["edition"],
        content_hash=entry["content_hash"],
        prev_hash=entry["prev"],
        hash=entry["hash"],
        data=data,
        raw=entry,
    )


# -- reading --------------------------------------------------------------------------------


@dataclass
class Journal:
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


def _shape(entry: Any, index: int, journal: Journal) -> list[Problem]:
    """Problems with the structure of one entry (types, not the chain)."""
    where = journal.at(index)
    if not isinstance(entry, dict):
        return [
            error(
                where,
                "DLO609",
                Msg("journal entry {n} is not a mapping", n=index + 1),
                Msg("the journal is written by dlo only: restore it from version control"),
            )
        ]
    problems = []
    types = {
        "seq": int,
        "time": str,
        "actor": str,
        "event": str,
        "edition": int,
        "content_hash": str,
        "prev": str,
        "hash": str,
    }
    for key, kind in types.items():
        value = entry.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            problems.append(
                error(
                    journal.at(index, key) if key in entry else where,
                    "DLO609",
                    Msg(
                        "journal entry {n}: {key} is missing or not a {kind}",
                        n=index + 1,
                        key=repr(key),
                        kind=kind.__name__,
                    ),
                    Msg("the journal is written by dlo only: restore it from version control"),
                )
            )
    if entry.get("role") is not None and not isinstance(entry.get("role"), str):
        problems.append(
            error(
                journal.at(index, "role"),
                "DLO609",
                Msg("journal entry {n}: 'role' is not a string", n=index + 1),
            )
        )
    if SIGNATURE in entry and not isinstance(entry[SIGNATURE], dict):
        problems.append(
            error(
                journal.at(index, SIGNATURE),
                "DLO609",
                Msg("journal entry {n}: 'signature' is not a mapping", n=index + 1),
            )
        )
    if not problems:
        if entry["event"] not in KINDS:
            problems.append(
                error(
                    journal.at(index, "event"),
                    "DLO609",
                    Msg(
                        "journal entry {n}: unknown event {entry}",
                        n=index + 1,
                        entry=repr(entry["event"]),
                    ),
                )
            )
        try:
            _dates_in_range(to_event(entry))
        except (ValueError, TypeError, OverflowError) as exc:
            problems.append(
                error(where, "DLO609", Msg("journal entry {n}: {error}", n=index + 1, error=exc))
            )
    return problems


def _dates_in_range(event: Event) -> None:
    """Every date of an event is a date of real documents (see ``model.sane_date``), so that
    the review due date and the days of the site are always computable."""
    sane_date(event.when.date())
    event.when.astimezone(dt.UTC)  # the zone is a zone
    order = event.data.get("order")
    for day in (
        getattr(order, "date", None),
        getattr(order, "effective", None),
        event.data.get("date"),
        event.data.get("next_due"),
        *_agreed_days(event),
    ):
        if isinstance(day, dt.date):
            sane_date(day)


def _agreed_days(event: Event) -> list[dt.date]:
    """The days of the agreements a registration of a paper edition lists."""
    agreed = event.data.get("agreed")
    if agreed is None:
        return []
    if not isinstance(agreed, list) or not all(
        isinstance(a, dict) and isinstance(a.get("role"), str) for a in agreed
    ):
        raise ValueError("'agreed' is not a list of {role, date}")
    return [dt.date.fromisoformat(str(a["date"])) for a in agreed if a.get("date") is not None]


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
    if not path.exists():
        return journal
    raw, problems = load.read_raw(path, journal.display, root=project.root)
    if raw is None:
        journal.problems = problems
        return journal
    source, entries, problems = project.cache.get(
        _read_key(journal), raw, lambda: _parsed(raw, journal)
    )
    journal.source, journal.entries, journal.problems = source, list(entries), list(problems)
    return journal


def _parsed(
    raw: bytes, empty: Journal
) -> tuple[load.Source | None, tuple[dict[str, Any], ...], tuple[Problem, ...]]:
    """What ``read`` makes of ``raw``: the source, the plain entries, the shape problems."""
    source, problems = load.parse(raw, empty.display)
    if source is None:
        return None, (), tuple(problems)
    journal = Journal(empty.path, empty.display, source, [], [])
    _entries(journal)
    return source, tuple(journal.entries), tuple(journal.problems)


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
        shape = _shape(entry, index, journal)
        journal.problems += shape
        journal.entries.append(normal(entry) if isinstance(entry, dict) else {})


def events_or_raise(project: Project, reg_id: str) -> list[Event]:
    journal = read(project, reg_id)
    if journal.problems:
        raise DloError(journal.problems)
    return journal.events


# -- the chain ------------------------------------------------------------------------------


def verified(project: Project, journal: Journal) -> list[Problem]:
    """``check_chain(journal)``, worked out once per content of the journal in ``project``
    (the same text, the same verdict: each event is hashed once, not by every command)."""
    if journal.source is None:
        return check_chain(journal)
    found = project.cache.get(
        _chain_key(journal), journal.source.text, lambda: tuple(check_chain(journal))
    )
    return list(found)


def check_chain(journal: Journal) -> list[Problem]:
    """Name every edited, deleted, inserted or reordered event (DLO601-DLO605)."""
    problems: list[Problem] = list(journal.problems)
    if problems:
        return problems
    entries = journal.entries
    hint = Msg(
        "the journal is append-only: restore it from version control (git log -p {display})",
        display=journal.display,
    )
    seen: dict[int, int] = {}
    highest = 0
    explained: set[int] = set()  # entries whose break is already named
    for i, entry in enumerate(entries):
        seq = entry["seq"]
        if event_hash(entry) != entry["hash"]:
            problems.append(
                error(
                    journal.at(i),
                    "DLO601",
                    Msg(
                        "journal event {seq} ({entry}) was edited: its hash does not match its content",
                        seq=seq,
                        entry=entry["event"],
                    ),
                    hint,
                )
            )
            explained.add(i)
        if seq in seen:
            problems.append(
                error(
                    journal.at(i, "seq"),
                    "DLO603",
                    Msg(
                        "journal event {seq} appears twice (entries {first} and {second}): an event was inserted",
                        seq=seq,
                        first=seen[seq] + 1,
                        second=i + 1,
                    ),
                    hint,
                )
            )
            explained.add(i)
        elif seq < highest:
            problems.append(
                error(
                    journal.at(i, "seq"),
                    "DLO604",
                    Msg(
                        "journal event {seq} comes after event {highest}: events were reordered",
                        seq=seq,
                        highest=highest,
                    ),
                    hint,
                )
            )
            explained.add(i)
        elif seq > highest + 1:
            missing = list(range(highest + 1, seq))
            names = ", ".join(map(str, missing))
            problems.append(
                error(
                    journal.at(i, "seq"),
                    "DLO602",
                    Msg(
                        "journal events {names} are missing before event {seq}: deleted",
                        names=names,
                        seq=seq,
                    )
                    if len(missing) > 1
                    else Msg(
                        "journal event {names} is missing before event {seq}: deleted",
                        names=names,
                        seq=seq,
                    ),
                    hint,
                )
            )
            explained.add(i)
        seen.setdefault(seq, i)
        highest = max(highest, seq)
    for i, entry in enumerate(entries):
        expected = GENESIS if i == 0 else entries[i - 1]["hash"]
        if entry["prev"] != expected and i not in explained and (i - 1) not in explained:
            problems.append(
                error(
                    journal.at(i, "prev"),
                    "DLO605",
                    Msg(
                        "journal event {entry} does not follow the event before it (prev hash differs): an event was inserted, deleted or replaced here",
                        entry=entry["seq"],
                    ),
                    hint,
                )
            )
    return sorted(set(problems))


# -- writing --------------------------------------------------------------------------------


@contextlib.contextmanager
def lock(project: Project, reg_id: str, timeout: float | None = None) -> Iterator[None]:
    """Hold the regulation's journal lock for the whole of a command (read, check, write)."""
    path = path_of(project, reg_id)
    try:
        with locked(path, LOCK_TIMEOUT if timeout is None else timeout):
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


def now(timezone: str) -> str:
    """The current time in the organisation's zone (``+05:00``), ISO 8601 to the second (on the
    day ``DLO_TODAY`` injects, if set)."""
    return dates.now(timezone).isoformat(timespec="seconds")


@lru_cache(maxsize=8)
def _git_identity(root: str) -> str:
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
