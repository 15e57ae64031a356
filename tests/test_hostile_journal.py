"""A journal forged with its hashes recomputed: the chain cannot see it, but an event no command
would have written where it stands can be (DLO612) — an agreement with no round open or by a
role off the route, an approval of a draft not agreed, a review with no edition in force. Each
is named at its event by ``verify`` and refuses every later write (DLO632)."""

from __future__ import annotations

import copy

import pytest
from workflow_support import REG, journal_data, ok, to_in_force, write_journal

from dlo_docs.workflow import journal as wj


def _approved_and_reviewed(dlo, project):
    to_in_force(dlo, project)
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-01-15")


@pytest.fixture
def approved(prepared_copy, dlo):
    """Edition 1 in force and a review: submitted, four agreements, approved, reviewed."""
    return prepared_copy("approved-reviewed", _approved_and_reviewed)


def _rechained(entries: list[dict]) -> list[dict]:
    """What an attacker who knows the scheme writes: seq, prev and hash recomputed throughout."""
    out: list[dict] = []
    for i, entry in enumerate(entries):
        entry = wj.normal(entry)
        entry["seq"] = i + 1
        entry["prev"] = out[-1]["hash"] if out else wj.GENESIS
        entry.pop("hash", None)
        entry["hash"] = wj.event_hash(entry)
        out.append(entry)
    return out


def _forge(project, change) -> None:
    entries = [wj.normal(e) for e in journal_data(project).data]
    write_journal(project, _rechained(change(entries)))


def _agreement_after_approval(entries):
    forged = copy.deepcopy(entries[1])  # vp-academic's agreement, again, after the approval
    return [*entries, forged]


def _role_off_route(entries):
    entries[4]["role"] = "rector"  # the last agreement given by someone not on the route
    return entries


def _approval_without_agreement(entries):
    return entries[:4] + entries[5:]  # the last agreement cut out, the chain made whole again


def _review_before_approval(entries):
    return [entries[0], entries[6], *entries[1:6]]  # the review moved before the approval


@pytest.mark.parametrize(
    "change, seq, what",
    [
        (_agreement_after_approval, 8, "(agreed) cannot stand where it is: no agreement round"),
        (_role_off_route, 5, "(agreed) cannot stand where it is: rector is not on the route"),
        (_approval_without_agreement, 5, "(approved) cannot stand where it is: the draft was not"),
        (_review_before_approval, 2, "(reviewed) cannot stand where it is: no edition is in force"),
    ],
    ids=["agreed-after-approval", "role-off-route", "approved-unagreed", "review-first"],
)
def test_a_recomputed_forgery_that_breaks_the_rules_is_named(approved, dlo, change, seq, what):
    _forge(approved, change)
    result = dlo("verify", cwd=approved)
    assert result.code == 1, result.out + result.err
    assert f"error DLO612: journal event {seq} {what}" in result.err, result.err
    assert "regulations/dlo-head/journal.yaml:" in result.err  # at the event's line
    assert "DLO60" not in result.err  # the chain itself is whole: only the rules show it
    refused = dlo(
        "review", REG, "--by", "hr-head", "--result", "x", "--date", "2025-02-01", cwd=approved
    )
    assert refused.code != 0 and "DLO632" in refused.err and "DLO612" in refused.err


def test_the_bundled_history_and_every_legal_step_pass(approved, dlo):
    assert "intact (7 journal events)" in ok(dlo, approved, "verify", REG).out
