"""A hand-typed history whose hashes were computed again passes the chain, not the replay: every
event must be one the workflow could have recorded where it stands (DLO612), beyond what
test_hostile_journal.py tries: out of turn, to another text, by another authority, a paper
registration after the route, an order dated before its agreements. Such a journal is damaged
like an edited one: verify names it, no output shows it as approved, no command appends to it,
the site does not publish it."""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_support import REG, journal_data, journal_path, ok, refused, write_journal

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
