"""Real dates: the day of each act (--date on agree, reject, review), in order and in a sane
range; --effective honoured by status, render, site and review; cancel closes a revision;
withdraw refuses while one is open. "Today" is injected with DLO_TODAY."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_forms import all_text, parts, table_rows
from workflow_support import APPROVERS, REG, journal_path, ok, refused, reg_path

from dlo_docs import workflow
from dlo_docs.project import Project


@pytest.fixture
def day(monkeypatch):
    """Set "today" for the commands that follow: day("2025-01-10")."""

    def set_today(value: str) -> None:
        monkeypatch.setenv("DLO_TODAY", value)

    return set_today


def status(dlo, project: Path) -> dict:
    [st] = json.loads(ok(dlo, project, "status", REG, "--format", "json").out)["regulations"]
    return st


def agree_on(dlo, project: Path, days: list[str]) -> None:
    for role, when in zip(APPROVERS, days, strict=True):
        ok(dlo, project, "agree", REG, "--as", role, "--date", when)


def edition_one(dlo, project: Path, day) -> None:
    """Edition 1 in force from 2025-01-20, agreed on four different days."""
    day("2025-01-10")
    ok(dlo, project, "submit", REG)
    day("2025-01-20")
    agree_on(dlo, project, ["2025-01-11", "2025-01-13", "2025-01-14", "2025-01-16"])
    ok(dlo, project, "approve", REG, "--order", "5-НҚ", "--date", "2025-01-20")


def test_agreements_carry_the_day_they_were_signed(project, dlo, day):
    edition_one(dlo, project, day)
    loaded = Project(project).load([REG])
    rec = workflow.edition_records(Project(project), REG, 1, loaded.registry)
    assert [str(m.date) for m in rec.agreements.values()] == [
        "2025-01-11",
        "2025-01-13",
        "2025-01-14",
        "2025-01-16",
    ]
    ok(dlo, project, "render", REG, "--format", "docx")
    data = (project / "build" / f"{REG}.kk.docx").read_bytes()
    rows = table_rows(parts(data)["word/document.xml"], "Келісім парағы")
    assert [r[4] for r in rows[1:5]] == ["11.01.2025", "13.01.2025", "14.01.2025", "16.01.2025"]


def test_dates_out_of_order_or_range_are_refused(project, dlo, day):
    day("2025-01-10")
    ok(dlo, project, "submit", REG)
    day("2025-01-20")
    for bad, message in [
        ("2025-01-09", "is before the submission of edition 1 (2025-01-10)"),
        ("2025-01-21", "is after today (2025-01-20)"),
        ("9999-12-31", "is not a plausible date"),
        ("1900-01-01", "is not a plausible date"),
    ]:
        result = dlo("agree", REG, "--as", APPROVERS[0], "--date", bad, cwd=project)
        assert result.code == 2 and message in result.err, result.err
    ok(dlo, project, "agree", REG, "--as", APPROVERS[0], "--date", "2025-01-15")
    # a sequential route: the next approver cannot have signed before the previous one
    result = dlo("agree", REG, "--as", APPROVERS[1], "--date", "2025-01-14", cwd=project)
    assert result.code == 2 and "before the agreement of vp-academic (2025-01-15)" in result.err
    for role, when in zip(APPROVERS[1:], ["2025-01-16", "2025-01-16", "2025-01-17"], strict=True):
        ok(dlo, project, "agree", REG, "--as", role, "--date", when)
    # the order: not before the last agreement, not in the future, not absurd
    for bad, message in [
        ("2025-01-16", "before the agreement of docs-head (2025-01-17)"),
        ("2025-02-01", "is after today"),
        ("9999-12-31", "is not a plausible date"),
    ]:
        result = dlo("approve", REG, "--order", "1", "--date", bad, cwd=project)
        assert result.code == 2 and message in result.err, result.err
    result = dlo(
        "approve",
        REG,
        "--order",
        "1",
        "--date",
        "2025-01-20",
        "--effective",
        "9999-12-31",
        cwd=project,
    )
    assert result.code == 2 and "not plausible" in result.err
    assert "approved" not in journal_path(project).read_text(encoding="utf-8")
    ok(dlo, project, "approve", REG, "--order", "1", "--date", "2025-01-20")
    # the next edition's order cannot be older than this one's
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "Түзету")
    ok(dlo, project, "submit", REG)
    agree_on(dlo, project, ["2025-01-20"] * 4)
    result = dlo("approve", REG, "--order", "2", "--date", "2025-01-19", cwd=project)
    assert result.code == 2 and "before" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("ui", "words"),
    [
        ("en", "write it as YYYY-MM-DD or DD.MM.YYYY, or today"),
        ("ru", "укажите её как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ либо «сегодня»"),
        ("kk", "оны ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ түрінде не «бүгін» деп жазыңыз"),
    ],
)
def test_a_date_not_written_as_one_names_the_forms_a_user_writes(project, dlo, ui, words):
    """A --date that is no date says which forms are taken as a reader writes them (in the
    interface's language), not as strptime's formats."""
    for args in (["agree", REG, "--as", APPROVERS[0], "--date"], ["list", "--today"]):
        result = dlo("--lang-ui", ui, *args, "31/12/2026", cwd=project)
        assert result.code == 2 and "'31/12/2026'" in result.err, result.err
        assert words in result.err and "%" not in result.err, result.err


def test_a_future_effective_date_keeps_the_edition_in_force_until_then(project, dlo, day):
    edition_one(dlo, project, day)
    day("2025-03-01")
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "Түзету")
    text = reg_path(project).read_text(encoding="utf-8")
    reg_path(project).write_text(text.replace("құқылы:", "құқылы (түзетілді):"), encoding="utf-8")
    ok(dlo, project, "submit", REG)
    agree_on(dlo, project, ["2025-03-01"] * 4)
    ok(
        dlo,
        project,
        "approve",
        REG,
        "--order",
        "9-НҚ",
        "--date",
        "2025-03-01",
        "--effective",
        "2025-04-01",
    )
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"]) == ("approved", 1)
    assert (st["approved_edition"], st["takes_effect"]) == (2, "2025-04-01")
    assert "approved, takes effect 2025-04-01 (edition 2)" in ok(dlo, project, "status", REG).out
    assert st["review_due"] == "2028-01-20"  # of edition 1, from its effective date
    # what is printed as in force is edition 1
    ok(dlo, project, "render", REG, "--format", "html")
    html = (project / "build" / f"{REG}.kk.html").read_text(encoding="utf-8")
    assert "құқылы:" in html and "түзетілді" not in html
    # nothing can be revised or withdrawn meanwhile
    result = dlo("revise", REG, "--by", "hr-head", "--reason", "x", cwd=project)
    assert result.code == 1 and "takes effect on 2025-04-01" in result.err

    day("2025-04-01")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["approved_edition"]) == ("in_force", 2, None)
    assert st["editions"] == {"1": "superseded", "2": "in_force"}
    assert st["review_due"] == "2028-04-01"  # counted from the effective date
    ok(dlo, project, "render", REG, "--format", "html")
    html = (project / "build" / f"{REG}.kk.html").read_text(encoding="utf-8")
    assert "құқылы (түзетілді):" in html


def test_cancel_closes_the_revision_and_restores_the_text(project, dlo, day):
    edition_one(dlo, project, day)
    in_force = reg_path(project).read_text(encoding="utf-8")
    day("2025-02-01")
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "Түзету")
    draft = reg_path(project).read_text(encoding="utf-8")
    reg_path(project).write_text(draft.replace("құқылы:", "құқылы X:"), encoding="utf-8")
    ok(dlo, project, "submit", REG)
    ok(dlo, project, "agree", REG, "--as", APPROVERS[0])
    # withdrawing with a revision open is refused, naming the way out
    result = refused(
        dlo, project, "DLO620", "withdraw", REG, "--order", "1", "--date", "2025-02-01"
    )
    assert "dlo cancel" in result.err
    refused(dlo, project, "DLO626", "cancel", REG, "--by", "legal-head", "--reason", "x")
    out = ok(dlo, project, "cancel", REG, "--by", "hr-head", "--reason", "Қажет емес").out
    assert "cancelled" in out
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["draft_edition"]) == ("in_force", 1, None)
    assert st["changed"] is False
    restored = reg_path(project).read_text(encoding="utf-8")
    assert restored == in_force
    evs = workflow.events(Project(project), REG)
    assert evs[-1].event == "cancelled" and evs[-1].reason == "Қажет емес"
    assert ok(dlo, project, "verify", REG).code == 0
    # and a new revision can be opened; nothing to cancel any more
    refused(dlo, project, "DLO620", "cancel", REG, "--by", "hr-head", "--reason", "x")
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "Қайта")
    assert status(dlo, project)["draft_edition"] == 2


def test_rejection_and_review_take_a_date(project, dlo, day):
    day("2025-01-10")
    ok(dlo, project, "submit", REG)
    day("2025-01-20")
    ok(
        dlo,
        project,
        "reject",
        REG,
        "--as",
        APPROVERS[0],
        "--remarks",
        "Қате",
        "--date",
        "2025-01-12",
    )
    assert status(dlo, project)["returned"]["date"] == "2025-01-12"
    ok(dlo, project, "submit", REG)
    agree_on(dlo, project, ["2025-01-20"] * 4)
    ok(dlo, project, "approve", REG, "--order", "5", "--date", "2025-01-20")
    day("2025-06-01")
    result = dlo(
        "review", REG, "--by", "hr-head", "--result", "x", "--date", "2025-01-19", cwd=project
    )
    assert result.code == 2 and "before the day edition 1 took effect" in result.err
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-05-30")
    ok(dlo, project, "render", REG, "--format", "docx")
    text = all_text((project / "build" / f"{REG}.kk.docx").read_bytes())
    assert "30.05.2025" in text and "Өзекті" in text


def test_review_dates_keep_the_same_rules(in_force, dlo, day):
    """A review's --date: not after today, in a sane range, not before the edition took effect
    nor before the previous review; nothing is written when it is refused."""
    day("2025-03-01")
    journal = journal_path(in_force)
    before = journal.read_bytes()
    for bad, message in [
        ("2025-03-02", "is after today (2025-03-01)"),
        ("9999-12-31", "is not a plausible date"),
        ("1900-01-01", "is not a plausible date"),
        ("2024-06-02", "before the day edition 1 took effect (2024-06-03)"),
    ]:
        result = dlo("review", REG, "--by", "hr-head", "--result", "x", "--date", bad, cwd=in_force)
        assert result.code == 2 and message in result.err, result.err
        assert "Traceback" not in result.err
    assert journal.read_bytes() == before
    ok(
        dlo,
        in_force,
        "review",
        REG,
        "--by",
        "hr-head",
        "--result",
        "Өзекті",
        "--date",
        "2025-02-10",
    )
    result = dlo(
        "review", REG, "--by", "hr-head", "--result", "x", "--date", "2025-02-09", cwd=in_force
    )
    assert result.code == 2 and "before the previous review (2025-02-10)" in result.err
    ok(
        dlo,
        in_force,
        "review",
        REG,
        "--by",
        "hr-head",
        "--result",
        "Өзекті",
        "--date",
        "2025-02-10",
    )
    assert status(dlo, in_force)["review_due"] == "2028-02-10"


def test_an_order_of_29_february_with_an_effective_date(project, dlo, day):
    """The ten-year limit of an effective date counts from a leap day too: an order of
    2024-02-29 is refused an effective date beyond it and recorded with one within it, never an
    internal error."""
    day("2026-11-30")
    order = ("register-paper", REG, "--order", "7-НҚ", "--date", "2024-02-29")
    result = dlo(*order, "--effective", "2034-03-01", cwd=project)
    assert result.code == 2 and "not plausible" in result.err, result.err
    result = dlo(*order, "--effective", "2024-03-01", cwd=project)
    assert result.code == 0, result.err
    assert status(dlo, project)["state"] == "in_force"
    ok(dlo, project, "correct", REG, "--event", "1", "--date", "2024-02-28")
    assert "2024-02-28" in ok(dlo, project, "log", REG).out


def test_this_computers_date_refused_says_the_organisations_day(project, dlo, monkeypatch):
    """`--date "$(date +%F)"` on a server kept in UTC gives the day before the organisation's
    (+05:00) from 19:00: the approval is refused as dated before the agreements dlo dated today,
    and the hint says which day today is for dlo, not only to check the date typed."""
    from dlo_docs.workflow import dates

    monkeypatch.delenv("DLO_TODAY", raising=False)
    today = dates.today("+05:00")
    yesterday = today - dt.timedelta(days=1)
    monkeypatch.setattr(dates, "computer_today", lambda: yesterday, raising=False)
    ok(dlo, project, "submit", REG)
    for role in APPROVERS:
        ok(dlo, project, "agree", REG, "--as", role)
    result = dlo("approve", REG, "--order", "1", "--date", yesterday.isoformat(), cwd=project)
    assert result.code == 2, result.err
    assert f"{yesterday} is this computer's date, but today is {today}" in result.err, result.err
    assert f"give {today}, or --date today" in result.err, result.err
    # a date that is not this computer's keeps the plain hint
    earlier = (today - dt.timedelta(days=2)).isoformat()
    result = dlo("approve", REG, "--order", "1", "--date", earlier, cwd=project)
    assert result.code == 2 and "check the date typed" in result.err, result.err
    ok(dlo, project, "approve", REG, "--order", "1", "--date", today.isoformat())


@pytest.mark.parametrize("word", ["today", "Бүгін", "сегодня"])
def test_today_is_the_organisation_s_day_in_each_language(project, dlo, word):
    """`--date today` (бүгін, сегодня) is the day dlo dates the agreements by, in the registry's
    time zone: the clerk need not work out what `date +%F` gives on a computer kept in UTC."""
    from conftest import on_day

    with on_day("2024-06-03"):
        ok(dlo, project, "submit", REG)
        for role in APPROVERS:
            ok(dlo, project, "agree", REG, "--as", role)
        ok(dlo, project, "approve", REG, "--order", "1", "--date", word)
        shown = ok(dlo, project, "status", REG).out
    assert "edition in force: 1 (order № 1 of 2024-06-03)" in shown, shown
