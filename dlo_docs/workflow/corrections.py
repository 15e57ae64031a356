"""Corrections without rewriting history: a ``corrected`` event fixes a mistyped date or remark
of an earlier event. The original event stays in the journal as it was written (its hash, its
signature); everything that reads the history (the state, the sheets, ``dlo log``) sees the
corrected value, marked as corrected.

A correction event holds ``corrects`` (the seq of the event it fixes), ``field`` (``date`` or
``remarks``), ``value`` (the corrected value) and ``was`` (the value it replaces). What can be
corrected (``FIELDS``): the date and the remarks of an agreement or a rejection, the date and
the result of a review, the order's date, number and effective date of an approval (a number only where there is an
order: an approval by signature has none), the order's date and number of a withdrawal. Never a hash, a role, an edition or a kind. A corrected date keeps the rules of the act's own date (``bounds``): not before the events
it follows, not after those that follow it, not after the day it was recorded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..errors import UsageError
from ..i18n import Msg
from ..model_methods import sane_date
from ..records import Order
from . import dates
from .events import BY_ORDER
from .journal import APPROVALS, Event

KIND = "corrected"
FIELDS: dict[str, tuple[str, ...]] = {
    "agreed": ("date", "remarks"),
    "rejected": ("date", "remarks"),
    "reviewed": ("date", "remarks"),
    "approved": ("date", "effective", "number"),
    "registered": ("date", "effective", "number"),
    "withdrawn": ("date", "number"),
}
_REMARK_KEY = {"agreed": "remarks", "rejected": "remarks", "reviewed": "result"}
_ROUND_ENDS = ("submitted", "revised", "cancelled", "withdrawn", *APPROVALS)


def current(ev: Event, field: str) -> str:
    """The value of ``field`` of ``ev`` as the history shows it now (a date as ISO)."""
    if field == "date":
        return ev.day.isoformat()
    if field == "effective":
        order: Order = ev.order
        return (order.effective or order.date).isoformat()
    if field == "number":
        return str(ev.order.number)
    return str(ev.get(_REMARK_KEY[ev.event]) or "")


def _with(target: Event, correction: Event) -> Event:
    """``target`` as ``correction`` fixes it, marked (``data["corrected"]``: field -> seq)."""
    data: dict[str, Any] = dict(target.data)
    field, value = correction.get("field"), correction.get("value")
    if field == "effective":
        effective = dt.date.fromisoformat(str(value))
        data["order"] = dataclasses.replace(data["order"], effective=effective)
    elif field == "number":
        data["order"] = dataclasses.replace(data["order"], number=str(value))
    elif field == "date":
        day = dt.date.fromisoformat(str(value))
        if target.event in BY_ORDER:
            data["order"] = dataclasses.replace(data["order"], date=day)
        else:
            old = target.day
            data["date"] = day
            due = data.get("next_due")
            if isinstance(due, dt.date):
                data["next_due"] = dates.add_years(day, due.year - old.year)
    else:
        data[_REMARK_KEY[target.event]] = str(value)
    data["corrected"] = {**(data.get("corrected") or {}), str(field): correction.seq}
    return dataclasses.replace(target, data=data)


def shape(correction: Event, before: list[Event]) -> str | None:
    """What is wrong with ``correction`` as a correction of one of the events ``before`` it
    (None: it is well-formed): its target exists, may be corrected in that field, and the value
    is a plausible date or a text."""
    seq = correction.get("corrects")
    target = next((ev for ev in before if ev.seq == seq), None)
    if target is None or isinstance(seq, bool):
        return Msg(
            "it corrects event {seq}, which is not an earlier event of the journal", seq=repr(seq)
        )
    if correction.when < target.when - dates.CLOCK_SKEW:
        return Msg(
            "it is recorded at {time}, before journal event {seq} it corrects",
            time=correction.when.isoformat(),
            seq=seq,
        )
    field = correction.get("field")
    if field not in FIELDS.get(target.event, ()):
        return Msg(
            "the {field} of a {event} event cannot be corrected",
            field=repr(field),
            event=repr(target.event),
        )
    if field == "number" and target.get("form") == "signature":  # as ``correct`` refuses it
        return Msg("journal event {seq} was approved by signature: it has no order number", seq=seq)
    value = correction.get("value")
    if not isinstance(value, str) or not value.strip():
        return Msg("its value is missing")
    if field in ("date", "effective"):
        try:
            sane_date(dt.date.fromisoformat(value))
        except (ValueError, TypeError) as exc:
            return Msg("its value {value} is not a date ({exc})", value=repr(value), exc=exc)
    return None


def apply(events: list[Event]) -> list[Event]:
    """The events as the history shows them: each well-formed correction applied to its target
    (a later correction of the same field wins). Correction events stay in the list."""
    out = list(events)
    index = {ev.seq: i for i, ev in enumerate(events)}
    for i, ev in enumerate(events):
        if ev.event == KIND and shape(ev, events[:i]) is None:
            j = index[ev.get("corrects")]
            out[j] = _with(out[j], ev)
    return out


# -- the order of dates ---------------------------------------------------------------------

Bound = tuple[dt.date, str]


def _round_start(events: list[Event], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if events[j].event == "submitted":
            return j
        if events[j].event in _ROUND_ENDS:
            return None
    return None


def _decision_bounds(events: list[Event], i: int) -> tuple[list[Bound], list[Bound]]:
    """An agreement or rejection: after its submission (and, on a sequential route, the
    agreements before it); before the agreements after it and the order that approved the round."""
    lows: list[Bound] = []
    highs: list[Bound] = []
    start = _round_start(events, i)
    if start is None:
        return lows, highs
    submitted = events[start]
    lows.append(
        (submitted.day, Msg("the submission of edition {edition}", edition=submitted.edition))
    )
    sequential = (submitted.get("route_kind") or "sequential") == "sequential"
    for ev in events[start + 1 : i]:
        if sequential and ev.event == "agreed":
            lows.append((ev.day, Msg("the agreement of {role}", role=ev.role)))
    for ev in events[i + 1 :]:
        if ev.event in _ROUND_ENDS:
            if ev.event in APPROVALS:
                highs.append(
                    (ev.day, Msg("the order that approved edition {edition}", edition=ev.edition))
                )
            break
        if sequential and ev.event in ("agreed", "rejected"):
            highs.append((ev.day, Msg("the agreement of {role}", role=ev.role)))
    return lows, highs


def _review_bounds(events: list[Event], i: int) -> tuple[list[Bound], list[Bound]]:
    t = events[i]
    lows: list[Bound] = []
    highs: list[Bound] = []
    approval = next(
        (ev for ev in events[:i] if ev.event in APPROVALS and ev.edition == t.edition), None
    )
    if approval is not None:
        order = approval.order
        lows.append(
            (
                order.effective or order.date,
                Msg("the day edition {edition} took effect", edition=t.edition),
            )
        )
    same = [ev for ev in events if ev.event == "reviewed" and ev.edition == t.edition]
    lows += [(ev.day, Msg("the previous review")) for ev in same if ev.seq < t.seq]
    highs += [(ev.day, Msg("the next review")) for ev in same if ev.seq > t.seq]
    return lows, highs


def _approval_bounds(events: list[Event], i: int) -> tuple[list[Bound], list[Bound]]:
    """An order: not before the agreements of its round (or those a paper registration lists)
    nor the order before it; not after its effective date nor the orders after it."""
    t = events[i]
    orders: list[Bound] = []
    agreements: list[Bound] = []
    for ev in events[:i]:
        if ev.event in APPROVALS:
            orders.append(
                (ev.day, Msg("the order that approved edition {edition}", edition=ev.edition))
            )
        elif ev.event == "submitted":
            agreements = []
        elif ev.event == "agreed":
            agreements.append((ev.day, Msg("the agreement of {role}", role=ev.role)))
    for item in t.get("agreed") or []:
        day = dt.date.fromisoformat(str(item["date"]))
        agreements.append((day, Msg("the agreement of {role}", role=item["role"])))
    highs: list[Bound] = []
    order = t.order
    if order.effective is not None:
        highs.append((order.effective, Msg("its effective date")))
    for ev in events[i + 1 :]:
        if ev.event in (*APPROVALS, "withdrawn"):
            highs.append((ev.day, Msg("the order of journal event {seq}", seq=ev.seq)))
    return orders + agreements, highs


def _withdrawal_bounds(events: list[Event], i: int) -> tuple[list[Bound], list[Bound]]:
    """A withdrawing order: not before the order that approved the edition it withdraws (as
    ``withdraw`` requires); not after an order after it."""
    t = events[i]
    lows: list[Bound] = [
        (ev.day, Msg("the order that approved edition {edition}", edition=ev.edition))
        for ev in events[:i]
        if ev.event in APPROVALS and ev.edition == t.edition
    ]
    highs: list[Bound] = [
        (ev.day, Msg("the order of journal event {seq}", seq=ev.seq))
        for ev in events[i + 1 :]
        if ev.event in BY_ORDER
    ]
    return lows[-1:], highs


def bounds(events: list[Event], i: int) -> tuple[list[Bound], list[Bound]]:
    """The dates the date of ``events[i]`` must not precede and must not pass (each with what it
    is), from the other events as the history shows them; the day it was recorded among the
    latter."""
    kind = events[i].event
    if kind in ("agreed", "rejected"):
        lows, highs = _decision_bounds(events, i)
    elif kind == "reviewed":
        lows, highs = _review_bounds(events, i)
    elif kind == "withdrawn":
        lows, highs = _withdrawal_bounds(events, i)
    else:
        lows, highs = _approval_bounds(events, i)
    return lows, [*highs, (events[i].date, Msg("the day it was recorded"))]


def check_date(
    events: list[Event],
    i: int,
    value: dt.date,
    today: dt.date,
    option: str,
    recorded: bool = False,
) -> None:
    """Refuse (UsageError) ``value`` as the corrected date of ``events[i]``. ``recorded``: the
    correction is in the journal already and ``today`` is the day it was recorded (as ``verify``
    checks it, on any later day), not the day it is being made."""
    lows, highs = bounds(events, i)
    if recorded and value > today:
        raise UsageError(
            Msg(
                "{option} {value} is after the day the correction was recorded ({value2})",
                option=option,
                value=value,
                value2=today,
            ),
            Msg("dates must follow the order of events; check the date typed"),
        )
    dates.act(value, option, today, lows, highs)


def check_effective(target: Event, value: dt.date) -> None:
    """Refuse (UsageError) ``value`` as the corrected effective date of approval ``target``: not
    before its order's date, within the years an order may take effect in."""
    dates.effective(value, target.order.date)


def _effective_problem(shown: list[Event], j: int, correction: Event) -> str | None:
    if (shown[j].get("corrected") or {}).get("effective") != correction.seq:
        return None
    try:
        check_effective(shown[j], dt.date.fromisoformat(str(correction.get("value"))))
    except UsageError as exc:
        return exc.message
    return None


def _date_problem(shown: list[Event], j: int, correction: Event) -> str | None:
    """What is wrong with the date ``correction`` gives ``shown[j]`` (checked only while it is
    the correction in effect: a later one of the same date replaces it)."""
    if (shown[j].get("corrected") or {}).get("date") != correction.seq:
        return None
    try:
        day = dt.date.fromisoformat(str(correction.get("value")))
        check_date(shown, j, day, correction.date, Msg("the corrected date"), recorded=True)
    except UsageError as exc:
        return exc.message
    return None


def problems(events: list[Event]) -> list[tuple[int, str]]:
    """Each correction event that is not well-formed or whose date breaks the order of dates:
    (its index, what is wrong)."""
    found: list[tuple[int, str]] = []
    shown = apply(events)
    index = {ev.seq: i for i, ev in enumerate(events)}
    for i, ev in enumerate(events):
        if ev.event != KIND:
            continue
        wrong = shape(ev, events[:i])
        if wrong is None and ev.get("field") == "date":
            wrong = _date_problem(shown, index[ev.get("corrects")], ev)
        elif wrong is None and ev.get("field") == "effective":
            wrong = _effective_problem(shown, index[ev.get("corrects")], ev)
        if wrong is not None:
            found.append(
                (i, Msg("journal event {seq} (corrected): {wrong}", seq=ev.seq, wrong=wrong))
            )
    return found
