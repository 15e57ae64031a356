"""The dates of acts: what "today" is, the range a date must fall in, and the order dates must
keep (an agreement not before its submission, an order not before the previous edition's).

"Today" is the organisation's calendar day; ``DLO_TODAY=YYYY-MM-DD`` makes every command take
that day as today (tests and demonstrations: recording times then fall on that day too).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..i18n import Msg

if TYPE_CHECKING:
    from .events import Event

ENV = "DLO_TODAY"
EARLIEST = dt.date(1991, 1, 1)  # no act of the organisation's documents is older
EFFECTIVE_YEARS = 10  # an order takes effect within this many years of its date
# how far the clocks of the computers that record events may differ: an event that must follow
# another (a signed event, a correction of the event it corrects) may be recorded this much
# before it, no more
CLOCK_SKEW = dt.timedelta(hours=1)


def zone(timezone: str) -> dt.timezone:
    """``+05:00`` as a time zone."""
    sign = -1 if timezone.startswith("-") else 1
    hours, minutes = timezone[1:].split(":")
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))


def injected() -> dt.date | None:
    """The day ``DLO_TODAY`` names, if it is set."""
    value = os.environ.get(ENV)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            Msg("{variable}={value} is not a date", variable=ENV, value=repr(value)),
            Msg("write it as YYYY-MM-DD"),
        ) from None


def now(timezone: str) -> dt.datetime:
    """The current time in the organisation's zone, on the injected day when there is one."""
    current = dt.datetime.now(zone(timezone)).replace(microsecond=0)
    day = injected()
    return current if day is None else dt.datetime.combine(day, current.timetz())


def today(timezone: str | None = None) -> dt.date:
    """The organisation's calendar day (``timezone`` like ``+05:00``; None: this computer's)."""
    day = injected()
    if day is not None:
        return day
    return now(timezone).date() if timezone else dt.date.today()


_IN_ORDER = Msg("dates must follow the order of events; check the date typed")


def computer_today() -> dt.date:
    """This computer's calendar day, by its own clock and time zone (what ``date +%F`` prints)."""
    return dt.date.today()


def _clock_hint(value: dt.date, today: dt.date, hint: Msg) -> Msg:
    """``hint``, or, when the date refused is this computer's day but not the organisation's (a
    server kept in UTC is still on the day before from 19:00 at ``+05:00``), what today is."""
    if injected() is not None or value == today or value != computer_today():
        return hint
    return Msg(
        "{value} is this computer's date, but today is {today} in the organisation's time zone "
        "(the registry's organisation.timezone), which dlo dates acts by: give {today}, or "
        "--date today",
        value=value,
        today=today,
    )


def act(
    value: dt.date | None,
    option: str,
    today: dt.date,
    after: Iterable[tuple[dt.date | None, str]] = (),
    before: Iterable[tuple[dt.date, str]] = (),
) -> dt.date:
    """The date of an act (default: today), refused with a clear message when it is out of range,
    in the future, before one of the ``after`` dates or after one of the ``before`` dates (each
    with what it is)."""
    value = value or today
    if value < EARLIEST or value > today + dt.timedelta(days=366):
        raise UsageError(
            Msg("{option} {value} is not a plausible date", option=option, value=value),
            Msg(
                "a date between {earliest} and today ({today})",
                earliest=EARLIEST,
                today=today,
            ),
        )
    if value > today:
        raise UsageError(
            Msg(
                "{option} {value} is after today ({value2})",
                option=option,
                value=value,
                value2=today,
            ),
            _clock_hint(
                value,
                today,
                Msg("an act is dated the day it was done; record it on or after that day"),
            ),
        )
    for bound, what in after:
        if bound is not None and value < bound:
            raise UsageError(
                Msg(
                    "{option} {value} is before {what} ({value2})",
                    option=option,
                    value=value,
                    what=what,
                    value2=bound,
                ),
                _clock_hint(value, today, _IN_ORDER),
            )
    for bound, what in before:
        if value > bound:
            raise UsageError(
                Msg(
                    "{option} {value} is after {what} ({bound})",
                    option=option,
                    value=value,
                    what=what,
                    bound=bound,
                ),
                _IN_ORDER,
            )
    return value


def after_recorded(ev: Event) -> Msg | None:
    """Why ``ev`` (as written, not as corrected) could not have been recorded: an act it records
    dated after the day it was recorded, which every command refuses (``act``: not after today,
    the day the event records) — an agreement, a rejection, an order, a review, an
    acknowledgement, an agreement a registration copies from paper. An order's effective date
    may be later; a corrected date is checked against the correction's own day."""
    paper = ev.get("agreed")
    days = [getattr(ev.get("order"), "date", None), ev.get("date")]
    days += [a.get("date") for a in paper if isinstance(a, dict)] if isinstance(paper, list) else []
    for value in days:
        if value is not None and day(value) > ev.date:
            return Msg(
                "its date {day} is after the day it was recorded ({recorded})",
                day=day(value),
                recorded=ev.date,
            )
    return None


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def effective(value: dt.date | None, order_date: dt.date) -> dt.date:
    """When an order takes effect (default: its date): not before it, within
    ``EFFECTIVE_YEARS``."""
    if value is None:
        return order_date
    limit = add_years(order_date, EFFECTIVE_YEARS)
    if value < order_date:
        raise UsageError(
            Msg(
                "the effective date {value} is before the order's date {value2}",
                value=value,
                value2=order_date,
            ),
            Msg(
                "an order takes effect on its own date or later: give {date} or a later day as "
                "the effective date, or check the order's date typed",
                date=order_date,
            ),
        )
    if value > limit:
        raise UsageError(
            Msg(
                "the effective date {value} is not plausible: more than {EFFECTIVE_YEARS} years after the order's date {value2}",
                value=value,
                EFFECTIVE_YEARS=EFFECTIVE_YEARS,
                value2=order_date,
            ),
            Msg("check the date typed"),
        )
    return value


def day(value: dt.date | str) -> dt.date:
    """An event's date (the journal reads dates back as dates)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
