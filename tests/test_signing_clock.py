"""The day a signature is made is the clock's, not the day ``DLO_TODAY`` names.

A registry entry's ``until:`` ends the days a certificate signs for its position: "a former
holder signs no more once their entry ends, not even a back-dated act of their days". Before,
the signing command took "the day it is signed" from ``DLO_TODAY`` (meant for tests and
demonstrations), and ``verify`` from the time the event claims: a key the registry retired two
days ago signed today, with ``DLO_TODAY`` set to a day before its end, an agreement that both
the command and ``verify`` accepted, though the signature's own signing time (``signed_at``,
covered by the signature) says it was made after the entry ended. Now the command checks the
entry on the day the clock says too, and ``verify`` on the day of the signature's own signing
time."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import on_day
from signing_support import NOW, PASSWORD, edit_position, entries, office
from workflow_support import APPROVERS, REG, ok

ZONE = dt.timezone(dt.timedelta(hours=5))  # the bundled registry's organisation zone
TODAY = NOW.astimezone(ZONE).date()
RETIRED = (TODAY - dt.timedelta(days=2)).isoformat()  # the last day the old key signs
IN_ITS_DAYS = (TODAY - dt.timedelta(days=3)).isoformat()


@pytest.fixture
def signed_office(project, dlo, monkeypatch):
    """Every approver's key bound; the seed submitted ten days ago."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    setup = office(project, roles=(*APPROVERS, "rector"))
    with on_day((TODAY - dt.timedelta(days=10)).isoformat()):
        ok(dlo, project, "submit", REG)
    return setup


def _retire_the_key(root) -> None:
    """The vice-rector's certificate entry ends two days ago (her key retired: lost, or
    renewed), the same holder."""

    def retire(position):
        position["certificates"][0]["until"] = RETIRED

    edit_position(root, "vp-academic", retire)


def test_a_retired_key_signs_nothing_with_the_day_set_back(dlo, signed_office):
    root = signed_office.root
    _retire_the_key(root)
    key = str(signed_office.p12["vp-academic"])
    before = (root / "regulations" / REG / "journal.yaml").read_bytes()
    with on_day(IN_ITS_DAYS):
        result = dlo("agree", REG, "--as", "vp-academic", "--sign", key, cwd=root)
    assert result.code == 1, result.out
    assert "error DLO903:" in result.err and TODAY.isoformat() in result.err, result.err
    assert (root / "regulations" / REG / "journal.yaml").read_bytes() == before
    # on the day itself, without DLO_TODAY: refused as before
    result = dlo(
        "agree", REG, "--as", "vp-academic", "--date", IN_ITS_DAYS, "--sign", key, cwd=root
    )
    assert result.code == 1 and "error DLO903:" in result.err, result.err


def test_verify_checks_the_entry_on_the_day_the_signature_was_made(dlo, signed_office):
    """Signed today with the day set back (the registry's entry still open), then the entry
    ends two days ago: the signature was made after it ended, whatever time the event claims."""
    root = signed_office.root
    key = str(signed_office.p12["vp-academic"])
    with on_day(IN_ITS_DAYS):
        ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", key)
    event = entries(root)[-1]
    assert event["time"].startswith(IN_ITS_DAYS)
    assert dt.datetime.fromisoformat(event["signature"]["signed_at"]).astimezone(ZONE).date() == (
        TODAY
    )
    ok(dlo, root, "verify", REG)
    _retire_the_key(root)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1, result.out
    [only] = [line for line in result.err.splitlines() if " error DLO" in line]
    assert "error DLO903:" in only and f"on {TODAY.isoformat()}" in only, only


def test_a_day_set_forward_signs_as_before(dlo, signed_office):
    """``DLO_TODAY`` after the clock's day (a demonstration ahead of time): the entry is checked
    on that day, as before; a key whose entry covers it signs."""
    root = signed_office.root
    key = str(signed_office.p12["vp-academic"])
    with on_day((TODAY + dt.timedelta(days=1)).isoformat()):
        ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", key)
        ok(dlo, root, "verify", REG)
