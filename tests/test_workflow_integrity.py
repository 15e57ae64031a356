"""`dlo verify` names every kind of tampering: an edited, deleted, inserted or reordered journal
event, an edited or missing frozen edition; and it exits 1."""

from __future__ import annotations

import pytest
from workflow_support import (
    REG,
    edition_path,
    journal_data,
    journal_path,
    ok,
    to_in_force,
    write_journal,
)

from dlo_docs.workflow import journal as wj


def _approved_and_reviewed(dlo, project):
    to_in_force(dlo, project)
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-01-15")


@pytest.fixture
def approved(prepared_copy, dlo):
    """Edition 1 in force and a review: 7 journal events (prepared once, copied per test)."""
    project = prepared_copy("approved-reviewed", _approved_and_reviewed)
    assert "intact (7 journal events)" in ok(dlo, project, "verify", REG).out
    return project


def broken(dlo, project, *codes_and_words: str):
    result = dlo("verify", cwd=project)
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    for expected in codes_and_words:
        assert expected in result.err, result.err
    return result


def test_an_edited_event(approved, dlo):
    source = journal_data(approved)
    source.data[2]["role"] = "rector"  # event 3: who agreed
    write_journal(approved, source.data)
    result = broken(dlo, approved, "error DLO601: journal event 3 (agreed) was edited")
    assert "regulations/dlo-head/journal.yaml:" in result.err


def test_an_edited_event_whose_hash_was_recomputed(approved, dlo):
    source = journal_data(approved)
    entry = wj.normal(source.data[2])
    entry["remarks"] = "forged"
    entry["hash"] = wj.event_hash(entry)
    source.data[2] = entry
    write_journal(approved, source.data)
    broken(dlo, approved, "error DLO605: journal event 4 does not follow the event before it")


def test_an_edited_time_is_an_edit(approved, dlo):
    text = journal_path(approved).read_text(encoding="utf-8")
    source = journal_data(approved)
    old = source.data[5]["time"]
    journal_path(approved).write_text(
        text.replace(old, old.replace("+05:00", "+06:00"), 1), encoding="utf-8"
    )
    broken(dlo, approved, "DLO601", "journal event")


def test_a_deleted_event(approved, dlo):
    source = journal_data(approved)
    del source.data[3]
    write_journal(approved, source.data)
    broken(dlo, approved, "error DLO602: journal event 4 is missing before event 5: deleted")


def test_the_first_event_deleted(approved, dlo):
    source = journal_data(approved)
    del source.data[0]
    write_journal(approved, source.data)
    broken(dlo, approved, "error DLO602: journal event 1 is missing before event 2: deleted")


def test_an_inserted_event(approved, dlo):
    source = journal_data(approved)
    forged = wj.normal(source.data[2])  # a second "agreed" event, chained properly after event 3
    forged.update(seq=4, role="hr-head", prev=source.data[2]["hash"])
    forged["hash"] = wj.event_hash(forged)
    source.data.insert(3, forged)
    write_journal(approved, source.data)
    broken(
        dlo,
        approved,
        "error DLO603: journal event 4 appears twice (entries 4 and 5): an event was inserted",
    )


def test_reordered_events(approved, dlo):
    source = journal_data(approved)
    third, fourth = wj.normal(source.data[2]), wj.normal(source.data[3])
    source.data[2], source.data[3] = fourth, third
    write_journal(approved, source.data)
    broken(
        dlo, approved, "error DLO604: journal event 3 comes after event 4: events were reordered"
    )


def test_an_edited_frozen_edition(approved, dlo):
    path = edition_path(approved, 1)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "# comments and layout may change: the content hash does not see them\n" + text,
        encoding="utf-8",
    )
    assert ok(dlo, approved, "verify").code == 0
    path.write_text(
        text.replace("Осы Ережеге өзгерістер", "Осы ЛН-ге өзгерістер"), encoding="utf-8"
    )
    result = broken(
        dlo,
        approved,
        "error DLO606: frozen edition 1 was edited after its approval (journal event 6)",
    )
    assert "regulations/dlo-head/editions/1.yaml:1:1:" in result.err


def test_a_frozen_edition_that_no_longer_loads(approved, dlo):
    edition_path(approved, 1).write_text("id: [unclosed\n", encoding="utf-8")
    broken(dlo, approved, "DLO606")


def test_a_deleted_frozen_edition(approved, dlo):
    edition_path(approved, 1).unlink()
    broken(
        dlo,
        approved,
        "error DLO607: frozen edition 1 (regulations/dlo-head/editions/1.yaml) is missing",
    )


def test_an_edition_the_journal_does_not_know(approved, dlo):
    edition_path(approved, 2).write_bytes(edition_path(approved, 1).read_bytes())
    broken(dlo, approved, "error DLO608: edition 2 is not recorded in the journal")


def test_a_journal_that_is_not_a_journal(approved, dlo):
    journal_path(approved).write_text("- seq: one\n", encoding="utf-8")
    broken(dlo, approved, "DLO609")
    result = dlo("status", REG, cwd=approved)  # every command refuses to act on it
    assert result.code == 1 and "DLO609" in result.err
    journal_path(approved).write_text("- seq: [1\n", encoding="utf-8")
    broken(dlo, approved, "DLO001")


def test_a_truncated_tail_shows_through_the_frozen_editions(approved, dlo):
    # A chain cannot see its own tail cut off (git history anchors that); but the last approval
    # cannot disappear unseen: its frozen edition is then unknown to the journal.
    source = journal_data(approved)
    del source.data[-2:]  # the review and the approval
    write_journal(approved, source.data)
    broken(dlo, approved, "error DLO608: edition 1 is not recorded in the journal")


def test_verify_a_regulation_without_a_journal(project, dlo):
    assert "intact (0 journal events)" in ok(dlo, project, "verify", REG).out


def test_a_journal_renumbered_from_zero(approved, dlo):
    """Every event renumbered one lower and the chain's hashes recomputed: a journal numbered 0,
    1, 2 ... verified intact, so an event put before the first one was not named. A journal's
    events are numbered from 1."""
    source = journal_data(approved)
    prev = wj.GENESIS
    renumbered = []
    for entry in map(wj.normal, source.data):
        entry.update(seq=entry["seq"] - 1, prev=prev)
        entry["hash"] = prev = wj.event_hash(entry)
        renumbered.append(entry)
    write_journal(approved, renumbered)
    result = broken(
        dlo,
        approved,
        "error DLO603: journal event 0 is numbered before event 1, the journal's first: an event "
        "was inserted",
    )
    assert "DLO605" not in result.err and "DLO601" not in result.err
