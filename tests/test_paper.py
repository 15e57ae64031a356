"""Bringing in what was approved on paper: `dlo register-paper` records the text as the edition
in force by its paper order, as one `registered` event (no replayed route), frozen like an
approval; the sheets say the originals are on paper; refusals write nothing; a hand-typed
registration is caught like any forged event."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from site_support import UNIT, UNIT_APPROVERS, add_unit
from site_support import page as site_page
from test_forms import all_text, parts, table_rows
from test_hostile_journal import _rechained
from workflow_support import (
    APPROVERS,
    REG,
    edition_path,
    journal_data,
    journal_path,
    ok,
    refused,
    reg_path,
    replace_text,
    write_journal,
)

from dlo_docs import labels

PAPER = ("register-paper", REG, "--order", "112-НҚ", "--date", "2020-09-01")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2026-11-30")


def status(dlo, project: Path, reg_id: str = REG) -> dict:
    [st] = json.loads(ok(dlo, project, "status", reg_id, "--format", "json").out)["regulations"]
    return st


def docx(dlo, project: Path, name: str, reg_id: str = REG) -> bytes:
    ok(dlo, project, "render", reg_id, "--format", "docx")
    return (project / "build" / name).read_bytes()


def sheet_rows(data: bytes, lang: str, project: Path, kind: str) -> list[list[str]]:
    title = labels.labels(lang, project / "templates")["sheet"][kind]["title"]
    return table_rows(parts(data)["word/document.xml"], title)[1:]


def test_registered_as_in_force_by_one_event_of_its_own(project, dlo):
    ok(
        dlo,
        project,
        *PAPER,
        "--agreed",
        "vp-academic:2020-08-25",
        "--agreed",
        "hr-head:27.08.2020",
    )
    events = journal_data(project).data
    assert [e["event"] for e in events] == ["registered"]  # no submitted/agreed/approved
    [ev] = events
    assert ev["order"] == {"number": "112-НҚ", "date": "2020-09-01", "effective": "2020-09-01"}
    assert ev["agreed"] == [
        {"role": "vp-academic", "date": "2020-08-25"},
        {"role": "hr-head", "date": "2020-08-27"},
    ]
    assert ev["route"] == APPROVERS and ev["role"] == "rector" and ev["clerk"] == "docs-head"
    assert edition_path(project, 1).read_text(encoding="utf-8").replace(
        "$schema=../../../", "$schema=../../"
    ) == reg_path(project).read_text(encoding="utf-8")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"]) == ("in_force", 1)
    assert st["in_force_order"]["number"] == "112-НҚ"
    assert st["review_due"] == "2023-09-01"
    assert "intact (1 journal event)" in ok(dlo, project, "verify", REG).out
    assert "registered" in ok(dlo, project, "log", REG).out

    data = docx(dlo, project, f"{REG}.kk.docx")
    text = all_text(data)
    assert "01.09.2020 ж. № 112-НҚ бұйрығымен" in text and "ЖОБА" not in text
    assert "Түпнұсқасы қағаз түрінде" in text
    rows = sheet_rows(data, "kk", project, "agreement")
    assert [(r[1][:12], r[4]) for r in rows] == [
        ("Академиялық ", "25.08.2020"),
        ("Құқықтық қам", ""),
        ("Персоналды б", "27.08.2020"),
        ("Құжаттамалық", ""),
    ]
    [change] = [r for r in sheet_rows(data, "kk", project, "changes") if r[0]]
    assert change[0] == "1" and change[1] == "толық мәтін"
    assert change[2] == "01.09.2020 ж. № 112-НҚ бұйрық; түпнұсқасы қағаз түрінде"
    assert change[3] == "01.09.2020" and change[4] == "С. Т. Әбенова"


def test_the_russian_sheets_say_the_original_is_on_paper(project, dlo):
    add_unit(project)
    ok(dlo, project, "register-paper", UNIT, "--order", "7", "--date", "2019-02-01")
    data = docx(dlo, project, f"{UNIT}.ru.docx", UNIT)
    text = all_text(data)
    assert "Оригинал на бумажном носителе" in text and "от 01.02.2019 № 7" in text
    [change] = [r for r in sheet_rows(data, "ru", project, "changes") if r[0]]
    assert change[2] == "Приказ от 01.02.2019 № 7; оригинал на бумажном носителе"
    assert [r[4] for r in sheet_rows(data, "ru", project, "agreement")] == [""] * len(
        UNIT_APPROVERS
    )


def test_the_site_publishes_it_and_a_revision_follows_as_usual(project, dlo, monkeypatch):
    ok(dlo, project, *PAPER, "--effective", "2020-09-15")
    ok(dlo, project, "site", "build", "--no-pdf")
    page = site_page(project, f"kk/{REG}/index.html")
    assert "112-НҚ" in page and "15.09.2020" in page
    assert "01.09.2020 ж. № 112-НҚ; түпнұсқасы қағаз түрінде" in page
    # authority from the edition registered: a change initiator opens the revision, the route is
    # the edition's
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "Түзету")
    ok(dlo, project, "submit", REG)
    st = status(dlo, project)
    assert st["state"] == "agreement" and st["route"] == APPROVERS and st["edition_in_force"] == 1


def test_a_future_effective_date_waits(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2026-11-30")
    ok(dlo, project, *PAPER[:-1], "2026-11-20", "--effective", "2027-01-01")
    st = status(dlo, project)
    assert (st["state"], st["approved_edition"], st["takes_effect"]) == (
        "approved",
        1,
        "2027-01-01",
    )
    assert st["edition_in_force"] is None
    ok(dlo, project, "site", "build", "--no-pdf")
    assert not (project / "public" / "kk" / REG).exists()
    # while it waits, a revision is refused for that reason, not as a first draft still open
    result = refused(dlo, project, "DLO620", "revise", REG, "--by", "hr-head", "--reason", "x")
    assert "edition 1 is approved and takes effect on 2027-01-01" in result.err
    assert "first draft is still open" not in result.err
    monkeypatch.setenv("DLO_TODAY", "2027-01-01")
    assert status(dlo, project)["edition_in_force"] == 1
    ok(dlo, project, "site", "build", "--no-pdf")
    assert (project / "public" / "kk" / REG / "index.html").exists()


def test_refused_when_an_edition_is_in_force(in_force, dlo):
    result = refused(dlo, in_force, "DLO620", *PAPER)
    assert "already has an edition approved in the journal (edition 1)" in result.err


def test_refused_when_a_route_has_begun(project, dlo):
    ok(dlo, project, "submit", REG)
    result = refused(dlo, project, "DLO620", *PAPER)
    assert "its route has begun in dlo (state agreement, journal event 1)" in result.err
    assert not edition_path(project, 1).exists()


def test_refused_with_check_errors_or_bad_dates(project, dlo):
    replace_text(project, "languages: [kk]", "languages: [kk, ru]")
    result = refused(dlo, project, "DLO631", *PAPER)
    assert "cannot be registered: the draft has" in result.err and "error DLO112" in result.err
    replace_text(project, "languages: [kk, ru]", "languages: [kk]")
    for args, message in [
        (("--date", "2026-12-01"), "is after today (2026-11-30)"),
        (("--date", "9999-12-31"), "is not a plausible date"),
        (("--date", "2020-09-01", "--effective", "2020-08-01"), "is before the order's date"),
        (
            ("--date", "2020-09-01", "--agreed", "vp-academic:2020-09-02"),
            "--agreed vp-academic 2020-09-02 is after the order's date (2020-09-01)",
        ),
        (("--date", "2020-09-01", "--agreed", "vp-academic"), "is not ROLE:DATE"),
        (("--date", "2020-09-01", "--agreed", "nobody:2020-08-01"), "unknown role 'nobody'"),
        (
            (
                "--date",
                "2020-09-01",
                "--agreed",
                "hr-head:2020-08-01",
                "--agreed",
                "hr-head:2020-08-02",
            ),
            "--agreed names hr-head twice",
        ),
    ]:
        result = dlo("register-paper", REG, "--order", "1", *args, cwd=project)
        assert result.code == 2 and message in result.err, (args, result.err)
        assert "Traceback" not in result.err
    result = refused(
        dlo, project, "DLO621", *PAPER, "--agreed", "rector:2020-08-01"
    )  # the approving official is not an approver
    assert "rector is not among the approvers" in result.err
    assert not journal_path(project).exists() and not edition_path(project, 1).parent.exists()


def test_a_hand_typed_registration_is_caught(project, dlo):
    """Typed into journal.yaml with a plausible hash, the text copied into editions/1.yaml: it
    fails verify like any forged event, no command appends to it, the site does not publish it."""
    ok(dlo, project, "submit", REG)
    first = journal_data(project).data[0]
    forged = dict(first)
    for key in ("route", "route_kind", "approval_by", "approval_form"):  # a submission's own
        forged.pop(key)
    forged.update(
        seq=1,
        event="registered",
        role="rector",
        order={"number": "1", "date": "2020-09-01", "effective": "2020-09-01"},
        prev="0" * 64,
        hash="a" * 64,
    )
    write_journal(project, [forged])
    folder = edition_path(project, 1).parent
    folder.mkdir()
    shutil.copy(reg_path(project), edition_path(project, 1))
    result = dlo("verify", REG, cwd=project)
    assert (
        result.code == 1 and "error DLO601: journal event 1 (registered) was edited" in result.err
    )
    result = refused(dlo, project, "DLO632", "revise", REG, "--by", "hr-head", "--reason", "x")
    assert "DLO601" in result.err
    result = dlo("render", REG, "--format", "docx", cwd=project)
    assert result.code == 1 and "error DLO601" in result.err
    assert not (project / "build" / f"{REG}.kk.docx").exists()
    result = dlo("site", "build", "--no-pdf", cwd=project)
    assert result.code == 1 and "error DLO601" in result.err
    assert not (project / "public" / "kk" / REG).exists()


@pytest.mark.parametrize(
    "forged, named",
    [
        (
            {"route": ["dlo-head", "vp-academic"]},
            "it records the route dlo-head, vp-academic (sequential), rector, but edition 1 it "
            "registers gives vp-academic, legal-head, hr-head, docs-head (sequential), rector",
        ),
        ({"approval_by": "vp-academic"}, "it records the route vp-academic, legal-head, hr-head"),
        (
            {"agreed": [{"role": "dlo-head", "date": "2020-08-20"}]},
            "it lists an agreement of dlo-head, who is not an approver of edition 1",
        ),
        (
            {"agreed": [{"role": "hr-head", "date": "2020-08-20"}] * 2},
            "it lists the agreement of hr-head twice",
        ),
    ],
)
def test_a_registration_recording_another_route_or_agreement_is_named(project, dlo, forged, named):
    """The agreement sheet of a registered edition prints the route and the paper agreements the
    registration recorded: rewritten with the hashes recomputed, it printed the head of the
    department's agreement to their own instruction (and dropped the text's approvers) while
    verify said intact."""
    ok(dlo, project, *PAPER, "--agreed", "vp-academic:2020-08-25")
    [entry] = [dict(e) for e in journal_data(project).data]
    entry.update(forged)
    write_journal(project, _rechained([entry]))
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1, result.out + result.err
    assert f"error DLO612: journal event 1 (registered) cannot stand where it is: {named}" in (
        result.err
    ), result.err
    for args in (("status", REG), ("sheet", "agreement", REG)):
        shown = dlo(*args, cwd=project)
        assert shown.code == 1 and "DLO612" in shown.err, (args, shown.out, shown.err)


def test_a_registration_as_register_paper_records_it_verifies(project, dlo):
    """The honest one the forgeries above start from, with two agreements from paper."""
    ok(dlo, project, *PAPER, "--agreed", "vp-academic:2020-08-25", "--agreed", "hr-head:2020-08-26")
    assert "intact" in ok(dlo, project, "verify", REG).out


def test_status_says_an_overdue_review_and_a_past_effective_date_in_the_past(project, dlo):
    """An edition registered from paper six years ago: dlo status printed its review due
    'периодическая проверка: 01.09.2023' as if still to come (dlo list marks it OVERDUE), and
    register-paper said it 'вступает в силу 01.10.2020' (takes effect), a day long past."""
    said = dlo("--lang-ui", "ru", *PAPER, "--effective", "2020-10-01", cwd=project)
    assert said.code == 0, said.err
    assert "издание 1 вступило в силу 01.10.2020" in said.out, said.out
    out = ok(dlo, project, "--lang-ui", "ru", "status", REG).out
    assert "  периодическая проверка: 01.10.2023 (просрочена)" in out, out
    assert status(dlo, project)["review_overdue"] is True
    assert "(overdue)" in ok(dlo, project, "status", REG).out
