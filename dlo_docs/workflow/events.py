"""A journal event: its fields, its canonical form and hashes, and the ``Event`` value read
from an entry. ``journal`` exports these names with the journal itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..canonical import canonical as canonical
from ..canonical import content_hash as content_hash
from ..canonical import normal as normal
from ..canonical import sha256 as sha256
from ..records import Order

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
# the events an order (or a signature) made: their act's date is the order's
BY_ORDER = (*APPROVALS, "withdrawn")
# the fields every event has, in the order they are written (event-specific data goes before
# content_hash)
HEAD = ("seq", "time", "role", "actor", "event", "edition")
TAIL = ("content_hash", "prev", "hash")
SIGNATURE = "signature"  # an official's signature record, between prev and hash

# -- hashes (the canonical form and the content hash are ``canonical``'s) --------------------


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
        if self.event in BY_ORDER and order is not None:
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


# the marks ``corrections`` sets on an event a later one corrects (field -> its seq): an entry's
# own is no command's (``event_fields.misplaced`` names it), never taken as a correction's
CORRECTED = "corrected"


def to_event(entry: dict[str, Any]) -> Event:
    data = {k: v for k, v in entry.items() if k not in (*HEAD, *TAIL, CORRECTED)}
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
