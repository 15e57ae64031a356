"""A suite run is not started so close to the organisation's midnight that the day would turn
during it (``conftest.before_the_day_turns``): its tests date acts by the day they take once."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import before_the_day_turns, day_window

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


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-5", "20 min", "1441"])
def test_a_malformed_window_is_a_usage_error_naming_it(value):
    """``DLO_TEST_DAY_WINDOW=abc`` was a traceback importing conftest.py ("could not convert
    string to float"), "nan" another, and "-5" a window never open, silently."""
    with pytest.raises(pytest.UsageError, match="DLO_TEST_DAY_WINDOW="):
        day_window(value)


def test_the_window_is_read_in_minutes():
    assert day_window(None) == day_window("") == dt.timedelta(minutes=20)
    assert day_window("0") == dt.timedelta(0) and day_window("7.5") == dt.timedelta(seconds=450)


def test_a_run_given_a_malformed_window_says_so(tmp_path):
    """The run itself stops with the usage error, at once, not a traceback."""
    env = {**os.environ, "DLO_TEST_DAY_WINDOW": "abc"}
    here = Path(__file__).parent
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--co",
            str(here / "test_day_window.py"),
        ],
        cwd=here.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 4, run.stdout + run.stderr
    assert "ERROR: DLO_TEST_DAY_WINDOW='abc'" in run.stderr and "Traceback" not in run.stderr
