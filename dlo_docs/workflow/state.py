"""The state of a regulation, replayed from its journal.

States of the working text: ``draft`` → ``agreement`` → ``agreed`` → ``approved`` (approved by
an order that takes effect later) → ``in_force`` (on its effective date); a revision opens a new
``draft`` while the edition in force stays in force, and ``cancel`` closes it; ``withdrawn`` ends
the life. States of approved editions: ``approved`` (not yet in force), ``in_force``,
``superseded`` (a later edition took effect) or ``withdrawn``.

"In force" depends on the day: the replay takes each approval into force on its effective date,
judged by each later event's day and, at the end, by ``today`` (``dates.today``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..records import Order
from . import corrections, dates
from .journal import APPROVALS, Event

OPEN = ("draft", "agreement", "agreed")  # a working draft is open


@dataclass
class Round:
    """One agreement round: from ``submit`` to the last decision."""

    submitted: Event
    route: list[str]
    kind: str  # "sequential" | "parallel"
    marks: dict[str, Event] = field(default_factory=dict)  # role -> its "agreed" event
    rejected: Event | None = None

    @property
    def pending(self) -> list[str]:
        return [role for role in self.route if role not in self.marks]

    @property
    def complete(self) -> bool:
        return not self.pending


@dataclass
class History:
    """Where a regulation stands, as its journal's events replayed tell."""

    state: str = "draft"
    draft: int | None = None  # the edition being drafted (None: the first draft, see the file)
    in_force: int | None = None
    editions: dict[int, str] = field(default_factory=dict)  # approved edition -> its state
    approvals: dict[int, Event] = field(default_factory=dict)
    agreed_rounds: dict[int, Round] = field(default_factory=dict)  # the round each approval closed
    round: Round | None = None  # the open draft's current round
    rejection: Event | None = None  # the last rejection of the open draft
    revision: Event | None = None  # the revision that opened the current draft
    revisions: dict[int, Event] = field(
        default_factory=dict
    )  # edition -> the revision that opened it
    reviews: list[Event] = field(default_factory=list)
    acknowledgements: list[Event] = field(default_factory=list)  # "has read edition n" events
    withdrawal: Event | None = None
    withdrawn_edition: int | None = None
    pending: int | None = None  # an approved edition that has not taken effect yet
    cancellations: list[Event] = field(default_factory=list)
    last: Event | None = None

    @property
    def pending_order(self) -> Order | None:
        """The order of the approved edition that is not yet in force."""
        return self.approvals[self.pending].order if self.pending is not None else None

    @property
    def takes_effect(self) -> dt.date | None:
        """When the approved edition that is not yet in force takes effect."""
        order = self.pending_order  # an approval carries its order
        return (order.effective or order.date) if order is not None else None

    @property
    def open(self) -> bool:
        return self.state in OPEN

    @property
    def in_force_order(self) -> Order | None:
        return self.approvals[self.in_force].order if self.in_force else None

    @property
    def effective_from(self) -> dt.date | None:
        """When the edition in force took (or takes) effect: its order's effective date."""
        order = self.in_force_order
        return (order.effective or order.date) if order is not None else None

    def reviews_of_edition(self) -> list[Event]:
        """Reviews of the edition in force (made after it was approved)."""
        if self.in_force is None:
            return []
        approved = self.approvals[self.in_force].seq
        return [r for r in self.reviews if r.seq > approved]

    def review_due(self, years: int) -> dt.date | None:
        """The next periodic review: ``years`` after the last review of the edition in force, or
        after it took effect."""
        base = self.effective_from
        if base is None:
            return None
        for review in self.reviews_of_edition():
            base = max(base, review.get("date") or review.date)
        return dates.add_years(base, years)


def _take_effect(h: History, day: dt.date) -> None:
    """The approved edition waiting for its effective date comes into force on ``day`` if due."""
    effective = h.takes_effect
    if h.pending is None or effective is None or effective > day:
        return
    if h.in_force is not None:
        h.editions[h.in_force] = "superseded"
    h.in_force, h.pending = h.pending, None
    h.editions[h.in_force] = "in_force"
    if h.state == "approved":
        h.state = "in_force"


def _approved(h: History, ev: Event) -> None:
    h.approvals[ev.edition] = ev
    h.editions[ev.edition] = "approved"
    if h.round is not None:
        h.agreed_rounds[ev.edition] = h.round
    h.pending = ev.edition
    h.state, h.draft, h.round, h.rejection, h.revision = "approved", None, None, None, None


def _withdrawn(h: History, ev: Event) -> None:
    if h.in_force is not None:
        h.editions[h.in_force] = "withdrawn"
    h.withdrawn_edition, h.in_force = h.in_force, None
    h.state, h.withdrawal = "withdrawn", ev
    h.draft, h.round, h.rejection, h.revision = None, None, None, None


def _cancelled(h: History, ev: Event) -> None:
    h.cancellations.append(ev)
    h.state = "in_force" if h.in_force is not None else "draft"
    h.draft, h.round, h.rejection, h.revision = None, None, None, None


def _revised(h: History, ev: Event) -> None:
    h.state, h.draft = "draft", ev.edition
    h.round, h.rejection, h.revision = None, None, ev
    h.revisions[ev.edition] = ev


def _submitted(h: History, ev: Event) -> None:
    h.state, h.draft = "agreement", ev.edition
    h.round = Round(ev, list(ev.get("route") or []), ev.get("route_kind") or "sequential")
    h.rejection = None
    if h.round.complete:
        h.state = "agreed"


def _agreed(h: History, ev: Event) -> None:
    if h.round is not None and ev.role is not None:
        h.round.marks[ev.role] = ev
        if h.round.complete:
            h.state = "agreed"


def _rejected(h: History, ev: Event) -> None:
    if h.round is not None:
        h.round.rejected = ev
        h.state, h.rejection, h.round = "draft", ev, None


# what each kind of event does to the history (an approval, registered or approved, is _approved)
_STEPS: dict[str, Callable[[History, Event], None]] = {
    "revised": _revised,
    "submitted": _submitted,
    "agreed": _agreed,
    "rejected": _rejected,
    "withdrawn": _withdrawn,
    "cancelled": _cancelled,
    "reviewed": lambda h, ev: h.reviews.append(ev),
    "acknowledged": lambda h, ev: h.acknowledgements.append(ev),
}


def _step(h: History, ev: Event) -> None:
    step = _approved if ev.event in APPROVALS else _STEPS.get(ev.event)
    if step is not None:
        step(h, ev)


def replay(events: list[Event], today: dt.date | None = None) -> History:
    """The history the journal tells, event by event (as corrected), as of ``today`` (default: ``dates.today``
    in the zone the journal is written in). The journal is assumed well-formed;
    ``journal.check_chain`` is what detects tampering."""
    h = History()
    for ev in corrections.apply(events):
        _take_effect(h, ev.date)
        _step(h, ev)
        h.last = ev
    if today is None:
        zone = events[-1].when.tzinfo if events else None
        today = dates.injected() or (dt.datetime.now(zone).date() if zone else dt.date.today())
    _take_effect(h, today)
    return h
