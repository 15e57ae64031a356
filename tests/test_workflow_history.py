"""A hand-typed history whose hashes were computed again passes the chain, not the replay: every
event must be one the workflow could have recorded where it stands (DLO612), beyond what
test_hostile_journal.py tries: out of turn, to another text, by another authority, a paper
registration after the route, an order dated before its agreements. Such a journal is damaged
like an edited one: verify names it, no output shows it as approved, no command appends to it,
the site does not publish it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from workflow_support import (
    REG,
    edit_clause_15,
    journal_data,
    journal_path,
    ok,
    refused,
    write_journal,
)

from dlo_docs import workflow
from dlo_docs.workflow import journal as wj

REPO = Path(__file__).resolve().parents[1]


def rechain(project: Path, events: list[dict]) -> None:
    """What anyone with write access can do: renumber the events and compute every hash again."""
    prev = wj.GENESIS
    out = []
    for seq, entry in enumerate(events, 1):
        entry = {k: v for k, v in wj.normal(entry).items() if k != "hash"}
        entry.update(seq=seq, prev=prev)
        entry["hash"] = prev = wj.event_hash(entry)
        out.append(entry)
    write_journal(project, out)


def forged(dlo, project: Path, *words: str) -> None:
    """verify names the forgery at its event; render shows no approval; a write refuses."""
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1, result.out
    assert "error DLO612" in result.err and "cannot stand where it is" in result.err
    for word in words:
        assert word in result.err, result.err
    rendered = dlo("render", REG, "--format", "html", cwd=project)
    assert rendered.code == 1 and "Traceback" not in rendered.err
    html = project / "build" / f"{REG}.kk.html"
    assert not html.exists() or "45-НҚ" not in html.read_text(encoding="utf-8")
    before = journal_path(project).read_bytes()
    refused(dlo, project, "DLO632", "review", REG, "--by", "hr-head", "--result", "Өзекті")
    assert journal_path(project).read_bytes() == before


@pytest.fixture
def events(in_force):
    """The events of edition 1 in force: submitted, four agreements, approved (order 45-НҚ)."""
    return [dict(e) for e in journal_data(in_force).data]


def test_an_agreement_out_of_turn_or_to_another_text(in_force, events, dlo):
    rechain(in_force, [events[0], events[2], events[1], *events[3:]])
    forged(dlo, in_force, "journal event 2 (agreed)", "it is not legal-head's turn")
    other = dict(events[4], content_hash="0" * 64)
    rechain(in_force, [*events[:4], other, events[5]])
    forged(dlo, in_force, "journal event 5 (agreed)", "another text than the one submitted")


def test_an_order_dated_before_the_agreements(in_force, events, dlo):
    """A date out of order is named (a warning: journals written before the commands kept the
    order of dates may hold one) and corrected by dlo correct."""
    approval = dict(events[5], order={**events[5]["order"], "date": "2024-06-01"})
    rechain(in_force, [*events[:5], approval])
    result = ok(dlo, in_force, "verify", REG)
    assert (
        "warning DLO612: journal event 6 (approved) is dated out of order: its date 2024-06-01 "
        "is before the agreement of docs-head (2024-06-03)"
    ) in result.err
    ok(dlo, in_force, "correct", REG, "--event", "6", "--date", "2024-06-03")
    assert "DLO612" not in ok(dlo, in_force, "verify", REG).err


def test_an_approval_by_another_authority_or_of_another_text(in_force, events, dlo):
    rechain(in_force, [*events[:5], dict(events[5], role="hr-head")])
    forged(dlo, in_force, "(approved)", "approved by hr-head, but its submission named rector")
    rechain(in_force, [*events[:5], dict(events[5], content_hash="0" * 64)])
    forged(dlo, in_force, "(approved)", "another text than the one agreed to")
    site = dlo("site", "build", "--no-pdf", "--out", str(in_force / "site"), cwd=in_force)
    assert site.code == 1 and not (in_force / "site" / "kk" / REG / "index.html").exists()


def test_a_registration_from_paper_after_the_route(in_force, events, dlo):
    paper = dict(events[5], event="registered")
    rechain(in_force, [*events, paper])
    forged(dlo, in_force, "journal event 7 (registered)", "only before the life in dlo begins")


def test_the_bundled_journal_tells_a_possible_history(project, dlo):
    """The demonstration journal shipped with the project: agreed on four days, then approved."""
    folder = project / "regulations" / REG
    (folder / "editions").mkdir()
    (folder / "editions" / "1.yaml").write_bytes(
        (REPO / "regulations" / REG / "editions" / "1.yaml").read_bytes()
    )
    journal_path(project).write_bytes((REPO / "regulations" / REG / "journal.yaml").read_bytes())
    assert "intact (6 journal events)" in ok(dlo, project, "verify", REG).out
    days = [e.get("date") for e in journal_data(project).data if e["event"] == "agreed"]
    assert len(set(days)) == 4 and max(days) <= "2026-11-26"


def revision_submitted(dlo, project: Path) -> list[dict]:
    """Edition 1 in force, a revision opened by dlo-head (a change initiator), clause 15 edited
    and submitted: the journal's events, the last two revised and submitted."""
    ok(dlo, project, "revise", REG, "--by", "dlo-head", "--reason", "Өзгерістер")
    edit_clause_15(project)
    ok(dlo, project, "submit", REG)
    return [dict(e) for e in journal_data(project).data]


def test_a_revision_submitted_along_a_route_the_edition_in_force_does_not_give(in_force, dlo):
    """A drafter's own route: the submission rewritten to need no one's agreement and to be
    approved by the drafter, its hashes computed again. The route of a revision is the edition
    in force's, so the submission is one no command writes; approving along it is refused."""
    events = revision_submitted(dlo, in_force)
    own = dict(events[-1], route=["docs-head"], approval_by="dlo-head")
    rechain(in_force, [*events[:-1], own])
    result = dlo("verify", REG, cwd=in_force)
    assert result.code == 1 and "journal event 8 (submitted) cannot stand" in result.err
    assert "edition 1 in force gives vp-academic, legal-head, hr-head, docs-head" in result.err
    assert "dlo-head" in result.err and "rector" in result.err
    ok_before = journal_path(in_force).read_bytes()
    refused(dlo, in_force, "DLO632", "agree", REG, "--as", "docs-head")
    refused(dlo, in_force, "DLO632", "approve", REG, "--order", "9-НҚ", "--date", "2024-06-04")
    assert journal_path(in_force).read_bytes() == ok_before
    rechain(in_force, [*events[:-1], dict(events[-1], route_kind="parallel")])
    forged(dlo, in_force, "journal event 8 (submitted)", "sequential")
    # no authority at all (as journals written before submissions recorded it): approve takes
    # the edition in force's, and an approval by another is named
    bare = {k: v for k, v in events[-1].items() if k != "approval_by"}
    rechain(in_force, [*events[:-1], bare])
    for role in ("vp-academic", "legal-head", "hr-head", "docs-head"):
        ok(dlo, in_force, "agree", REG, "--as", role)
    today = workflow.today("+05:00").isoformat()  # the organisation's day (the registry's zone)
    ok(dlo, in_force, "approve", REG, "--order", "9-НҚ", "--date", today)
    last = journal_data(in_force).data[-1]
    assert (last["event"], last["role"]) == ("approved", "rector")
    own = [dict(e) for e in journal_data(in_force).data]
    rechain(in_force, [*own[:-1], dict(own[-1], role="dlo-head")])
    forged(dlo, in_force, "journal event 13 (approved)", "submission named none", "rector")


def test_a_first_edition_submitted_along_another_route_than_its_own_text(in_force, events, dlo):
    """The first edition's route is its own text's: a submission (and an approval) rewritten
    to another authority than the approved text names is named."""
    submitted = dict(events[0], approval_by="hr-head")
    rechain(in_force, [submitted, *events[1:5], dict(events[5], role="hr-head")])
    forged(dlo, in_force, "journal event 1 (submitted)", "hr-head", "rector")


def test_a_revision_opened_or_cancelled_by_one_who_may_not(in_force, events, dlo):
    """Only a change initiator of the edition in force revises or cancels (as the commands
    refuse anyone else): an event by another role, hashes computed again, is named."""
    revised = revision_submitted(dlo, in_force)[6]
    rechain(in_force, [*events, dict(revised, role="legal-head")])
    forged(dlo, in_force, "journal event 7 (revised)", "legal-head", "change initiators")
    cancelled = {k: v for k, v in revised.items() if k != "from_edition"}  # as cancel writes it
    cancelled.update(event="cancelled", role="nobody-at-all", reason="x", restored=1)
    rechain(in_force, [*events, revised, cancelled])
    forged(dlo, in_force, "journal event 8 (cancelled)", "nobody-at-all")


def test_a_journal_and_editions_copied_from_another_regulation(in_force, dlo):
    """Another regulation's journal and frozen edition put in a folder: the chain is intact, but
    the edition is the text of the other regulation (its id), so it is not shown as approved."""
    regs = in_force / "regulations"
    shutil.copytree(regs / REG, regs / "x-copy")
    working = regs / "x-copy" / "regulation.yaml"
    working.write_text(
        working.read_text(encoding="utf-8").replace(f"id: {REG}\n", "id: x-copy\n", 1),
        encoding="utf-8",
    )
    result = dlo("verify", "x-copy", cwd=in_force)
    assert result.code == 1 and "DLO022" in result.err, result.out + result.err
    assert "frozen edition 1 is the text of dlo-head, not of x-copy" in result.err
    assert "regulations/x-copy/editions/1.yaml:1:1" in result.err
    rendered = dlo("render", "x-copy", "--format", "html", cwd=in_force)
    assert rendered.code == 1 and "Traceback" not in rendered.err
    assert not (in_force / "build" / "x-copy.kk.html").exists()
    assert not (in_force / "build" / f"{REG}.kk.html").exists()
    status = dlo("status", "x-copy", cwd=in_force)
    assert status.code == 1 and "45-НҚ" not in status.out
