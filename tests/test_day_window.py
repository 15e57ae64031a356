"""A suite run is not started so close to the organisation's midnight that the day would turn
during it (``conftest.before_the_day_turns``): its tests date acts by the day they take once."""

from __future__ import annotations

import datetime as dt

from conftest import before_the_day_turns

WINDOW = dt.timedelta(minutes=20)


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, 5, hour, minute, second, tzinfo=dt.UTC)


def test_a_run_started_just_before_the_organisations_midnight_waits_for_it():
    # 18:50 UTC is 23:50 at +05:00: ten minutes (and a second) to wait
    assert before_the_day_turns(at(18, 50), WINDOW) == 601
    assert before_the_day_turns(at(18, 40), WINDOW) == 1201
    assert before_the_day_turns(at(18, 59, 59), WINDOW) == 2


def test_a_run_started_outside_the_window_starts_at_once():
    assert before_the_day_turns(at(18, 39, 59), WINDOW) == 0
    assert before_the_day_turns(at(19, 0), WINDOW) == 0  # the day has just turned
    assert before_the_day_turns(at(12, 0), WINDOW) == 0
    # the computer's own midnight (UTC) is not the organisation's
    assert before_the_day_turns(at(23, 55), WINDOW) == 0


def test_the_window_can_be_closed():
    assert before_the_day_turns(at(18, 59), dt.timedelta(0)) == 0
