"""An act dated after the day its event was recorded: every command refuses a date after today
(an agreement, a rejection, an order, a review, an acknowledgement, the agreements a
registration copies from paper), and the day it records is today, so no command writes one. A
journal forged with its hashes recomputed held an agreement recorded on 3 June "signed" in
February of the next year and an approving order dated after the approval was entered, and
verified intact: ``dlo status`` showed the edition approved, taking effect then. Such an event is
named (DLO612) with its date and the day it was recorded; the correction of a date is checked so
already, against the day the correction was recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from test_hostile_journal import _forge
from workflow_support import REG, approved_and_reviewed

LATER = dt.date(2025, 2, 1)


@pytest.fixture
def approved(prepared_copy, dlo):
    return prepared_copy("approved-reviewed", approved_and_reviewed)


def _agreement_later(entries):
    next(e for e in entries if e["event"] == "agreed")["date"] = LATER
    return entries


def _order_later(entries):
    approval = next(e for e in entries if e["event"] == "approved")
    approval["order"].update(date=LATER, effective=LATER)
    return entries


@pytest.mark.parametrize(
    ("change", "seq", "event"),
    [(_agreement_later, 2, "agreed"), (_order_later, 6, "approved")],
    ids=["agreement", "order"],
)
def test_an_act_dated_after_the_day_it_was_recorded_is_named(approved, dlo, change, seq, event):
    _forge(approved, change)
    result = dlo("verify", REG, cwd=approved)
    assert result.code == 1, result.out + result.err
    said = (
        f"error DLO612: journal event {seq} ({event}) cannot stand where it is: its date "
        f"{LATER} is after the day it was recorded (2024-06-03)"
    )
    assert said in result.err, result.err
    status = dlo("status", REG, cwd=approved)
    assert status.code == 1 and "does not verify" in status.out, status.out


def test_an_act_dated_before_the_day_it_was_recorded_verifies(approved, dlo):
    """An agreement signed on paper on Monday and recorded on Friday is dated Monday."""
    assert dlo("verify", REG, cwd=approved).code == 0  # the review of 2025-01-15, recorded later
