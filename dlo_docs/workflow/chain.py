"""The journal's own checks: the shape of each entry (types, event kinds, dates within the
years of real documents), and the hash chain that names every edited, deleted, inserted or
reordered event (DLO601-DLO605), which ``journal.check_chain`` runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import Problem, error
from ..i18n import Msg
from ..model_methods import sane_date
from . import event_fields
from .events import BY_ORDER, GENESIS, KINDS, SIGNATURE, Event, to_event

if TYPE_CHECKING:
    from .journal import Journal


def shape(entry: Any, index: int, journal: Journal) -> list[Problem]:
    """Problems with the structure of one entry (types, not the chain). Positions are looked up
    only for a problem (a journal this process wrote is parsed only then: ``appending``)."""
    if not isinstance(entry, dict):
        return [
            error(
                journal.at(index),
                "DLO609",
                Msg("journal entry {n} is not a mapping", n=index + 1),
                Msg("the journal is written by dlo only: restore it from version control"),
            )
        ]
    problems = _types(entry, index, journal)
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
                error(
                    journal.at(index),
                    "DLO609",
                    Msg("journal entry {n}: {error}", n=index + 1, error=exc),
                )
            )
        problems += event_fields.misplaced(entry, index, journal)
    return problems


def _types(entry: dict[str, Any], index: int, journal: Journal) -> list[Problem]:
    """Each field of the entry of the type dlo writes."""
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
                    journal.at(index, key) if key in entry else journal.at(index),
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
    problems += event_fields.odd(entry, index, journal)
    if SIGNATURE in entry and not isinstance(entry[SIGNATURE], dict):
        problems.append(
            error(
                journal.at(index, SIGNATURE),
                "DLO609",
                Msg("journal entry {n}: 'signature' is not a mapping", n=index + 1),
            )
        )
    if "facts" in entry and (part := event_fields.odd_facts(entry["facts"])) is not None:
        problems.append(
            error(
                journal.at(index, "facts"),
                "DLO609",
                Msg(
                    "journal entry {n}: its facts are not of the shape dlo writes ({part})",
                    n=index + 1,
                    part=part,
                ),
                Msg("the journal is written by dlo only: restore it from version control"),
            )
        )
    return problems


def _dates_in_range(event: Event) -> None:
    """Every date of an event is a date of real documents (see ``model.sane_date``), so that
    the review due date and the days of the site are always computable."""
    sane_date(event.when.date())
    if event.when.utcoffset() is None:  # every later reader compares it with others' times
        raise ValueError(f"its time {event.when.isoformat()} has no zone (such as +05:00)")
    event.when.astimezone(dt.UTC)  # the zone is a zone
    order = event.data.get("order")
    if event.event in BY_ORDER and order is None:  # every later reader takes its order's date
        raise ValueError(f"{event.event!r} has no order (a mapping with number and date)")
    if event.event in BY_ORDER:  # the forms print its number, or the signature that has none
        _order_number(event)
    for day in (
        getattr(order, "date", None),
        getattr(order, "effective", None),
        event.data.get("date"),
        event.data.get("next_due"),
        *_agreed_days(event),
    ):
        if isinstance(day, dt.date):
            sane_date(day)


def _order_number(event: Event) -> None:
    """An order's number as its command writes it: a text, none (``null`` or ``""``) only for an
    edition approved or registered by the official's signature (``form: signature``), which has no
    order; otherwise the title page would print "№ None" as the order."""
    number = event.raw["order"].get("number")
    if event.data.get("form") == "signature":
        if number not in (None, ""):  # approve writes null, register-paper ""
            raise ValueError(f"{event.event!r} by signature has an order number ({number!r})")
    elif not isinstance(number, str) or not number.strip():
        raise ValueError(f"{event.event!r} has no order number (a text)")


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


def check(journal: Journal, hash_of: Callable[[dict[str, Any]], str]) -> list[Problem]:
    """Name every edited, deleted, inserted or reordered event (DLO601-DLO605); ``hash_of``
    is how an event is hashed (``journal.event_hash``)."""
    problems: list[Problem] = list(journal.problems)
    if problems:
        return problems
    entries = journal.entries
    hint = Msg(
        "the journal is append-only: restore it from version control (git log -p {display})",
        display=journal.display,
    )
    explained = _sequence(journal, hint, problems, hash_of)
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


def _sequence(
    journal: Journal, hint: Msg, problems: list[Problem], hash_of: Callable[[dict[str, Any]], str]
) -> set[int]:
    """The edited events and the breaks of the numbering (DLO601-DLO604), into ``problems``;
    the indexes of the entries whose break is named."""
    entries = journal.entries
    seen: dict[int, int] = {}
    highest = 0
    explained: set[int] = set()  # entries whose break is already named
    for i, entry in enumerate(entries):
        seq = entry["seq"]
        if hash_of(entry) != entry["hash"]:
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
        broken = _numbering(journal, i, seen, highest, hint)
        if broken is not None:
            problems.append(broken)
            explained.add(i)
        seen.setdefault(seq, i)
        highest = max(highest, seq)
    return explained


def _numbering(
    journal: Journal, i: int, seen: dict[int, int], highest: int, hint: Msg
) -> Problem | None:
    """How entry ``i``'s number breaks the sequence: repeated, back, or after a gap."""
    seq = journal.entries[i]["seq"]
    if seq < 1:  # numbered from 1: an event numbered before the first was put there
        said = Msg(
            "journal event {seq} is numbered before event 1, the journal's first: an event was inserted",
            seq=seq,
        )
        return error(journal.at(i, "seq"), "DLO603", said, hint)
    if seq in seen:
        return error(
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
    elif seq < highest:
        return error(
            journal.at(i, "seq"),
            "DLO604",
            Msg(
                "journal event {seq} comes after event {highest}: events were reordered",
                seq=seq,
                highest=highest,
            ),
            hint,
        )
    elif seq > highest + 1:
        count = seq - highest - 1  # a forged number may be any size: named as a range then
        names = (
            ", ".join(map(str, range(highest + 1, seq)))
            if count <= 10
            else f"{highest + 1}-{seq - 1}"
        )
        return error(
            journal.at(i, "seq"),
            "DLO602",
            Msg(
                "journal events {names} are missing before event {seq}: deleted",
                names=names,
                seq=seq,
            )
            if count > 1
            else Msg(
                "journal event {names} is missing before event {seq}: deleted",
                names=names,
                seq=seq,
            ),
            hint,
        )
    return None
