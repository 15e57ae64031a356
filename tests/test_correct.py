"""Corrections without rewriting history: `dlo correct` appends a correction event; the original
stays in the journal; the sheets and `dlo log` show the corrected value, marked; a corrected date
keeps the order of dates; a hand-typed correction is caught by verify and stops every write."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_forms import all_text, parts, table_rows
from workflow_support import (
    APPROVERS,
    REG,
    journal_data,
    journal_path,
    ok,
    refused,
    write_journal,
)

from dlo_docs import labels
from dlo_docs.workflow.journal import event_hash


@pytest.fixture
def day(monkeypatch):
    def set_today(value: str) -> None:
        monkeypatch.setenv("DLO_TODAY", value)

    return set_today


def edition_one(dlo, project: Path, day) -> None:
    """Submitted 2025-01-10; agreed 11, 13, 14 and (mistyped) 19 January; approved 2025-01-20."""
    day("2025-01-10")
    ok(dlo, project, "submit", REG)
    day("2025-01-20")
    for role, when in zip(
        APPROVERS, ["2025-01-11", "2025-01-13", "2025-01-14", "2025-01-19"], strict=True
    ):
        ok(dlo, project, "agree", REG, "--as", role, "--date", when, "--remarks", "Ескертпесіз")
    ok(dlo, project, "approve", REG, "--order", "5-НҚ", "--date", "2025-01-20")


def rows(dlo, project: Path, kind: str) -> list[list[str]]:
    ok(dlo, project, "render", REG, "--format", "docx")
    data = (project / "build" / f"{REG}.kk.docx").read_bytes()
    title = labels.labels("kk", project / "templates")["sheet"][kind]["title"]
    return table_rows(parts(data)["word/document.xml"], title)[1:]


def test_a_mistyped_agreement_date_and_remark_are_corrected(project, dlo, day):
    edition_one(dlo, project, day)
    original = journal_data(project).data[4]  # docs-head's agreement, event 5
    assert (original["seq"], original["date"]) == (5, "2025-01-19")
    day("2025-02-01")
    out = ok(dlo, project, "correct", REG, "--event", "5", "--date", "2025-01-16").out
    assert "journal event 5 corrected: date 2025-01-19 → 2025-01-16 (journal event 7)" in out
    ok(dlo, project, "correct", REG, "--event", "2", "--remark", "Ескертпелер жоқ")
    events = journal_data(project).data
    assert events[4] == original  # the original stays as written
    assert [e["event"] for e in events[-2:]] == ["corrected", "corrected"]
    assert events[-2]["clerk"] == events[-2]["role"] == "docs-head"
    assert (events[-2]["corrects"], events[-2]["was"], events[-2]["value"]) == (
        5,
        "2025-01-19",
        "2025-01-16",
    )
    agreement = rows(dlo, project, "agreement")
    assert [r[4] for r in agreement[:4]] == [
        "11.01.2025",
        "13.01.2025",
        "14.01.2025",
        "16.01.2025 (түзетілді)",
    ]
    assert agreement[0][5] == "Ескертпелер жоқ (түзетілді)" and agreement[1][5] == "Ескертпесіз"
    log = ok(dlo, project, "log", REG).out
    assert "corrects event 5: date '2025-01-19' -> '2025-01-16'" in log
    assert "dated 2025-01-16\n       date corrected by event 7" in log
    assert "intact (8 journal events)" in ok(dlo, project, "verify", REG).out


def test_a_review_and_an_order_date_are_corrected(project, dlo, day):
    edition_one(dlo, project, day)
    day("2025-06-01")
    ok(
        dlo,
        project,
        "review",
        REG,
        "--by",
        "hr-head",
        "--result",
        "Өзгеріссіз",
        "--date",
        "2025-05-30",
    )
    ok(dlo, project, "correct", REG, "--event", "7", "--date", "2025-05-03")
    ok(dlo, project, "correct", REG, "--event", "7", "--remark", "Өзгеріссіз қалды")
    [st] = json.loads(ok(dlo, project, "status", REG, "--format", "json").out)["regulations"]
    assert st["review_due"] == "2028-05-03"  # counted from the corrected date
    [review] = [r for r in rows(dlo, project, "review") if r[1]]
    assert review[1] == "03.05.2025 (түзетілді)" and review[3] == "Өзгеріссіз қалды (түзетілді)"
    ok(dlo, project, "site", "build", "--no-pdf")
    page = (project / "public" / "kk" / REG / "index.html").read_text(encoding="utf-8")
    assert "03.05.2025 (түзетілді)" in page and "Өзгеріссіз қалды (түзетілді)" in page
    # the order was dated a day late: the title page and the change registration sheet follow
    day("2025-06-02")
    result = dlo("correct", REG, "--event", "6", "--date", "2025-01-18", cwd=project)
    assert result.code == 2 and "before the agreement of docs-head (2025-01-19)" in result.err
    ok(dlo, project, "correct", REG, "--event", "5", "--date", "2025-01-18")
    ok(dlo, project, "correct", REG, "--event", "6", "--date", "2025-01-19")
    [change] = [r for r in rows(dlo, project, "changes") if r[0]]
    assert change[2] == "19.01.2025 ж. № 5-НҚ бұйрық (түзетілді)"
    assert "intact" in ok(dlo, project, "verify", REG).out


def test_corrections_keep_the_rules_and_refuse_what_cannot_be_corrected(project, dlo, day):
    edition_one(dlo, project, day)
    day("2025-02-01")
    before = journal_path(project).read_bytes()
    for args, message in [
        (
            ("--event", "3", "--date", "2025-01-10"),
            "before the agreement of vp-academic (2025-01-11)",
        ),
        (("--event", "3", "--date", "2025-01-15"), "after the agreement of hr-head (2025-01-14)"),
        (("--event", "5", "--date", "2025-01-21"), "after the order that approved edition 1"),
        (("--event", "5", "--date", "2025-01-09"), "before the submission of edition 1"),
        (("--event", "5", "--date", "9999-12-31"), "is not a plausible date"),
        (
            (
                "--event",
                "5",
            ),
            "give one of --date, --remark, --effective or --order",
        ),
        (
            ("--event", "5", "--date", "2025-01-16", "--remark", "x"),
            "give one of --date, --remark, --effective or --order",
        ),
        (("--event", "5", "--date", "2025-01-19"), "journal event 5 already says 2025-01-19"),
        (("--event", "5", "--remark", "  "), "--remark must not be empty"),
        (("--event", "5", "--date", "2025-01-16", "--clerk", "nobody"), "unknown clerk 'nobody'"),
    ]:
        result = dlo("correct", REG, *args, cwd=project)
        assert result.code == 2 and message in result.err, (args, result.err)
        assert "Traceback" not in result.err
    assert journal_path(project).read_bytes() == before
    for args, message in [
        (("--event", "99", "--date", "2025-01-16"), "has no journal event 99 to correct"),
        (
            ("--event", "1", "--date", "2025-01-10"),
            "the date of journal event 1 (submitted) cannot",
        ),
        (("--event", "6", "--remark", "x"), "the remarks of journal event 6 (approved) cannot"),
    ]:
        result = refused(dlo, project, "DLO633", "correct", REG, *args)
        assert message in result.err, result.err
    ok(dlo, project, "correct", REG, "--event", "5", "--date", "2025-01-16")
    result = refused(dlo, project, "DLO633", "correct", REG, "--event", "7", "--date", "2025-01-17")
    assert "journal event 7 is a correction" in result.err


def forge(project: Path, entry: dict, rehash: bool = True) -> None:
    """Append a hand-typed event; with ``rehash`` its hash and chain are computed right (only
    the meaning is wrong)."""
    data = journal_data(project).data
    last = data[-1]
    recorded = max(  # on 2025-02-01, or after the last event when that is later
        ["2025-02-01T10:00:00+05:00", str(last["time"])], key=dt.datetime.fromisoformat
    )
    full = {
        "seq": last["seq"] + 1,
        "time": recorded,
        "role": "docs-head",
        "actor": "someone",
        "event": "corrected",
        "edition": 1,
        **entry,
        "content_hash": last["content_hash"],
        "prev": last["hash"],
    }
    full["hash"] = event_hash(full) if rehash else "b" * 64
    write_journal(project, [*data, full])


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"corrects": 5, "field": "role", "value": "rector"}, "the 'role' of a 'agreed' event"),
        (
            {"corrects": 6, "field": "content_hash", "value": "0" * 64},
            "the 'content_hash' of a 'approved' event",
        ),
        ({"corrects": 42, "field": "date", "value": "2025-01-16"}, "not an earlier event"),
        ({"corrects": 5, "field": "date", "value": "2025-01-02"}, "before the submission"),
        (  # recorded before the event it corrects (more than the computers' clocks may differ)
            {"corrects": 6, "field": "number", "value": "15", "time": "2025-01-10T10:00:00+05:00"},
            "recorded at 2025-01-10T10:00:00+05:00, before journal event 6 it corrects",
        ),
    ],
)
def test_a_hand_typed_correction_is_caught(project, dlo, day, entry, message):
    edition_one(dlo, project, day)
    day("2025-02-01")
    forge(project, entry)
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1 and "error DLO611: journal event 7 (corrected)" in result.err
    assert message in result.err, result.err
    result = refused(dlo, project, "DLO632", "review", REG, "--by", "hr-head", "--result", "x")
    assert "DLO611" in result.err
    # nothing is printed from that history
    result = dlo("render", REG, "--format", "docx", cwd=project)
    assert result.code == 1 and "error DLO611" in result.err


def test_a_corrected_date_after_the_correction_is_named_so_on_any_later_day(
    project, dlo, day, monkeypatch
):
    """A hand-typed correction recorded on 2025-02-01 that dates an agreement 2025-02-05: verify,
    run a month later, says the date is after the day the correction was recorded, not "after
    today" (which is not 2025-02-01)."""
    edition_one(dlo, project, day)
    day("2025-02-01")
    forge(project, {"corrects": 5, "field": "date", "value": "2025-02-05"})
    day("2025-03-01")
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1 and "error DLO611: journal event 7 (corrected)" in result.err
    assert (
        "the corrected date 2025-02-05 is after the day the correction was recorded (2025-02-01)"
        in result.err
    ), result.err
    assert "today" not in result.err
    for lang, words in (
        ("kk", "журналдың 7 оқиғасы (corrected): түзетілген күн 05.02.2025 түзету жазылған "
               "күннен (01.02.2025) кейін"),
        ("ru", "событие журнала 7 (corrected): исправленная дата 05.02.2025 позже дня, когда "
               "было записано исправление (01.02.2025)"),
    ):  # fmt: skip
        monkeypatch.setenv("DLO_UI_LANG", lang)
        result = dlo("verify", REG, cwd=project)
        assert result.code == 1 and words in result.err, result.err


def test_a_correction_with_a_forged_hash_is_caught(project, dlo, day):
    edition_one(dlo, project, day)
    forge(project, {"corrects": 5, "field": "date", "value": "2025-01-16"}, rehash=False)
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1 and "error DLO601: journal event 7 (corrected) was edited" in result.err


def test_a_mistyped_effective_date_is_corrected(project, dlo, day):
    """The clerk typed 2036 for 2026: the edition would wait ten years, and nothing could be done
    meanwhile (no revision, no withdrawal). The effective date is corrected like the order's
    date; the order keeps its own date; the new one keeps the rules (not before the order, within
    ten years), and a correction that would leave an act of the edition before it took effect is
    refused."""
    day("2026-11-30")
    ok(
        dlo,
        project,
        "register-paper",
        REG,
        "--order",
        "5",
        "--date",
        "2026-11-20",
        "--effective",
        "2036-11-20",
    )
    assert "takes effect 2036-11-20" in ok(dlo, project, "status", REG).out
    for bad, message in [
        ("2026-11-19", "is before the order's date 2026-11-20"),
        ("2037-01-01", "more than 10 years after the order's date"),
    ]:
        result = dlo("correct", REG, "--event", "1", "--effective", bad, cwd=project)
        assert result.code == 2 and message in result.err, result.err
    ok(dlo, project, "correct", REG, "--event", "1", "--effective", "2026-11-20")
    status = ok(dlo, project, "status", REG).out
    assert "in force" in status and "2036" not in status
    log = json.loads(ok(dlo, project, "log", REG, "--format", "json").out)["events"]
    assert log[0]["order"]["date"] == "2026-11-20"  # the order's own date is untouched
    assert "intact (2 journal events)" in ok(dlo, project, "verify", REG).out
    [row] = [r for r in rows(dlo, project, "changes") if r[0]]
    assert row[3] == "20.11.2026 (түзетілді)"  # the change registration sheet marks it
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2026-11-25")
    # moving it back past the review of the edition would leave that review before its effect
    result = dlo("correct", REG, "--event", "1", "--effective", "2026-11-28", cwd=project)
    assert result.code == 1 and "error DLO611" in result.err and "(reviewed)" in result.err, (
        result.err
    )
    assert "intact (3 journal events)" in ok(dlo, project, "verify", REG).out


def test_a_mistyped_order_number_is_corrected(in_force, dlo):
    """The clerk typed 54-НҚ for 45-НҚ: the number is corrected like the order's date, the
    original stays in the journal, the title page prints the corrected number and the change
    registration sheet marks it corrected; an approval by signature has no number to correct."""
    ok(dlo, in_force, "correct", REG, "--event", "6", "--order", "45-НҚ/1")
    events = json.loads(ok(dlo, in_force, "log", REG, "--format", "json").out)["events"]
    assert events[5]["order"]["number"] == "45-НҚ"  # the event as written
    assert "intact (7 journal events)" in ok(dlo, in_force, "verify", REG).out
    [row] = [r for r in rows(dlo, in_force, "changes") if r[0]]
    assert "№ 45-НҚ/1" in row[2] and "(түзетілді)" in row[2], row
    text = (in_force / "build" / f"{REG}.kk.docx").read_bytes()
    assert "03.06.2024 ж. № 45-НҚ/1 бұйрығымен" in all_text(text)
    assert "№ 45-НҚ/1" in ok(dlo, in_force, "status", REG).out
    result = dlo("correct", REG, "--event", "2", "--order", "1", cwd=in_force)
    assert result.code == 1 and "DLO633" in result.err  # an agreement has no order


def test_a_mistyped_withdrawal_order_is_corrected(in_force, dlo, day):
    """The clerk typed the withdrawing order's number and date wrong: both are corrected like an
    approving order's; the withdrawal stays in the journal as written; the log shows the corrected
    order, marked; the corrected date keeps the withdrawal's rules; verify stays clean."""
    day("2025-03-01")
    ok(dlo, in_force, "withdraw", REG, "--order", "17-НҚ", "--date", "2025-02-28")
    day("2025-03-05")
    out = ok(dlo, in_force, "correct", REG, "--event", "7", "--order", "71-НҚ").out
    assert "journal event 7 corrected: order number 17-НҚ → 71-НҚ (journal event 8)" in out
    for args, message in [
        (("--date", "2024-06-02"), "before the order that approved edition 1 (2024-06-03)"),
        (("--date", "2025-03-02"), "after the day it was recorded (2025-03-01)"),
        (("--order", "71-НҚ"), "journal event 7 already says 71-НҚ"),
        (("--order", " "), "--order must not be empty"),
    ]:
        result = dlo("correct", REG, "--event", "7", *args, cwd=in_force)
        assert result.code == 2 and message in result.err, (args, result.err)
    result = refused(
        dlo, in_force, "DLO633", "correct", REG, "--event", "7", "--effective", "2025-03-01"
    )
    assert "the effective of journal event 7 (withdrawn) cannot be corrected" in result.err
    ok(dlo, in_force, "correct", REG, "--event", "7", "--date", "2025-02-27")
    events = json.loads(ok(dlo, in_force, "log", REG, "--format", "json").out)["events"]
    assert events[6]["order"] == {"number": "17-НҚ", "date": "2025-02-28"}  # as written
    log = ok(dlo, in_force, "log", REG).out
    withdrawal = log[log.index("  withdrawn  ") : log.index("\n  8  ")]
    assert "order № 71-НҚ of 2025-02-27" in withdrawal
    assert (
        "date corrected by event 9" in withdrawal
        and "order number corrected by event 8" in withdrawal
    )
    assert "intact (9 journal events)" in ok(dlo, in_force, "verify", REG).out


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"field": "date", "value": "2024-06-01"}, "before the order that approved edition 1"),
        ({"field": "effective", "value": "2025-03-01"}, "the 'effective' of a 'withdrawn' event"),
    ],
)
def test_a_hand_typed_correction_of_a_withdrawal_is_caught(in_force, dlo, day, entry, message):
    day("2025-03-01")
    ok(dlo, in_force, "withdraw", REG, "--order", "17-НҚ", "--date", "2025-02-28")
    forge(in_force, {"corrects": 7, **entry})
    result = dlo("verify", REG, cwd=in_force)
    assert result.code == 1 and "error DLO611: journal event 8 (corrected)" in result.err
    assert message in result.err, result.err


def test_what_a_correction_fixed_is_named_in_the_interface_s_language(in_force, dlo, day):
    """`dlo correct` and `dlo log` name the field a correction fixed in the reader's language:
    a Kazakh or Russian clerk correcting an order's number read "number" in English, in the
    middle of a Kazakh or Russian line."""
    day("2025-03-05")
    events = json.loads(ok(dlo, in_force, "log", REG, "--format", "json").out)["events"]
    seq = str(next(e["seq"] for e in events if e["event"] == "approved"))
    out = ok(dlo, in_force, "--lang-ui", "kk", "correct", REG, "--event", seq, "--order", "46-НҚ")
    assert f"журналдың {seq}-оқиғасы түзетілді: бұйрық нөмірі 45-НҚ → 46-НҚ" in out.out, out.out
    for lang, corrects, marked in (
        ("kk", f"{seq}-оқиғаны түзетеді: бұйрық нөмірі '45-НҚ' -> '46-НҚ'", "бұйрық нөмірі "),
        ("ru", f"исправляет событие {seq}: номер приказа '45-НҚ' -> '46-НҚ'", "номер приказа: "),
        ("en", f"corrects event {seq}: order number '45-НҚ' -> '46-НҚ'", "order number "),
    ):
        log = ok(dlo, in_force, "--lang-ui", lang, "log", REG).out
        assert corrects in log, log
        assert marked in log.split(corrects)[0], log  # on the approval it corrects
        assert "number" not in log or lang == "en", log


def test_an_order_date_past_its_effective_date_says_to_correct_that_first(project, dlo, day):
    """An edition registered from paper with the order's date mistyped a day early, its
    effective date taken from it: correcting the order's date was refused as 'after its
    effective date', told only to 'check the date typed', though the date was right and the
    effective date was the one to correct first."""
    day("2026-11-30")
    ok(dlo, project, "register-paper", REG, "--order", "5-НҚ", "--date", "2023-01-15")
    result = dlo("correct", REG, "--event", "1", "--date", "2023-01-16", cwd=project)
    assert result.code == 2 and "is after its effective date (2023-01-15)" in result.err
    assert f"dlo correct {REG} --event 1 --effective 2023-01-16" in result.err, result.err
    ok(dlo, project, "correct", REG, "--event", "1", "--effective", "2023-01-16")
    ok(dlo, project, "correct", REG, "--event", "1", "--date", "2023-01-16")
