"""An invisible or direction character in what a journal records (an order's number, remarks, a
result, a holder's name among its facts). The options that record text refuse one, but a journal
forged with its hashes recomputed can hold one, and so could the registry's names an event
captures: a right-to-left override prints "№ 12-НҚ" on the site, the sheets and the terminal for
the "12-ҚН" recorded, a zero-width space makes a number that looks the same and is not. Such a
journal does not verify (DLO612, naming the event, the field and the character), is shown as
approved nowhere, and what prints it (dlo log, status, their JSON) shows the character as its
code, never as itself."""

from __future__ import annotations

import json

import pytest
from test_hostile_journal import _forge
from test_workflow_control import rename_holder
from workflow_support import REG, approved_and_reviewed, journal_path, ok

OVERRIDE, ZERO_WIDTH = "\u202e", "\u200b"
HIDDEN = (OVERRIDE, ZERO_WIDTH)


@pytest.fixture
def approved(prepared_copy, dlo):
    return prepared_copy("approved-reviewed", approved_and_reviewed)


def _hidden(entries):
    approval = next(e for e in entries if e["event"] == "approved")
    approval["order"]["number"] = f"45-{OVERRIDE}ҚН"  # prints as 45-НҚ
    agreement = next(e for e in entries if e["event"] == "agreed")
    agreement["facts"]["positions"][agreement["role"]]["holder"]["kk"] = (
        f"А. Б. Сей{ZERO_WIDTH}ітова"
    )
    review = next(e for e in entries if e["event"] == "reviewed")
    review["result"] = f"Өзекті{ZERO_WIDTH}"
    return entries


def test_verify_names_each_hidden_character_of_a_forged_journal(approved, dlo):
    _forge(approved, _hidden)
    result = dlo("verify", REG, cwd=approved)
    assert result.code == 1, result.out + result.err
    err = result.err
    assert "error DLO612: journal event 6 (approved)" in err, err
    assert (
        "the field order.number holds an invisible format character (U+202E RIGHT-TO-LEFT OVERRIDE)"
        in err
    )
    assert (
        "the field facts.positions.vp-academic.holder.kk holds an invisible format character" in err
    )
    assert "the field result holds an invisible format character (U+200B ZERO WIDTH SPACE)" in err
    assert not any(ch in result.out + err for ch in HIDDEN)


def test_verify_names_a_character_that_prints_nothing(approved, dlo):
    """A Hangul filler after a forged order number ("45-НҚ\u3164" prints as 45-НҚ) is not a
    format character, and verified intact (an auditor's review)."""

    def filler(entries):
        approval = next(e for e in entries if e["event"] == "approved")
        approval["order"]["number"] += "\u3164"
        return entries

    _forge(approved, filler)
    result = dlo("verify", REG, cwd=approved)
    assert result.code == 1, result.out + result.err
    assert (
        "the field order.number holds a character that prints nothing (U+3164 HANGUL FILLER)"
        in result.err
    ), result.err
    assert "\u3164" not in result.out + result.err


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_log_and_status_show_a_hidden_character_as_its_code(approved, dlo, monkeypatch, lang):
    _forge(approved, _hidden)
    monkeypatch.setenv("DLO_UI_LANG", lang)
    log = dlo("log", REG, cwd=approved)
    assert log.code == 1, log.out + log.err
    assert not any(ch in log.out + log.err for ch in HIDDEN), log.out
    assert "45-<U+202E>ҚН" in log.out and "Өзекті<U+200B>" in log.out, log.out
    status = dlo("status", REG, cwd=approved)
    assert status.code == 1
    assert not any(ch in status.out + status.err for ch in HIDDEN)
    assert "45-" not in status.out  # no order of a journal that does not verify


def test_the_json_of_log_escapes_a_hidden_character_and_keeps_it(approved, dlo):
    _forge(approved, _hidden)
    log = dlo("log", REG, "--format", "json", cwd=approved)
    assert log.code == 1
    assert not any(ch in log.out for ch in HIDDEN)
    listed = json.loads(log.out)
    assert listed["verified"] is False
    [approval] = [e for e in listed["events"] if e["event"] == "approved"]
    assert approval["order"]["number"] == f"45-{OVERRIDE}ҚН"  # the data as recorded


def test_a_forged_order_number_is_never_rendered_as_approved(approved, dlo):
    _forge(approved, _hidden)
    render = dlo("render", REG, "--format", "html", cwd=approved)
    assert render.code == 1, render.out + render.err
    assert not (approved / "build" / f"{REG}.kk.html").exists()


def test_a_registry_name_with_a_hidden_character_is_not_recorded(approved, dlo):
    """The registry's names are captured into each event's facts: one holding a zero-width
    space would be recorded as no command records an option's text, and print as a name it is
    not; the command refuses it (dlo check names it in the registry), nothing recorded."""
    ok(dlo, approved, "revise", REG, "--by", "hr-head", "--reason", "Нақтылау")
    ok(dlo, approved, "submit", REG)
    rename_holder(approved, "А. Б. Сейітова", f"А. Б. Сей{ZERO_WIDTH}ітова")
    before = journal_path(approved).read_bytes()
    result = dlo("agree", REG, "--as", "vp-academic", cwd=approved)
    assert result.code == 1, result.out + result.err
    assert "U+200B ZERO WIDTH SPACE" in result.err and "registry" in result.err, result.err
    assert journal_path(approved).read_bytes() == before
    assert dlo("verify", REG, cwd=approved).code == 0
