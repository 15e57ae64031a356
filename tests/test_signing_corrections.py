"""A correction of a signed event is signed too, by whoever may sign the event it corrects: the
holder of that event's acting role (the rector for an approval, the agreeing official for an
agreement), as of the day the correction is recorded. Otherwise anyone acting as the clerk could
change the order a rector signed with an unsigned correction, and every output would print the
order the rector never signed. ``corrected`` can be required signed like any signed kind."""

from __future__ import annotations

import datetime as dt

import pytest
from forged_support import TODAY, approve_signed
from signing_support import PASSWORD, entries, office, refused_everywhere, rewrite, set_signatures
from test_correct import rows
from test_forms import all_text
from workflow_support import APPROVERS, REG, ok, refused

from dlo_docs.signing import decisions, keys
from dlo_docs.workflow import journal as _journal

APPROVAL = len(APPROVERS) + 2  # submitted, the agreements, then the approval
AGREEMENT = 2  # vp-academic's
SIGNED = ["agreed", "approved"]


@pytest.fixture
def approved(project, dlo, monkeypatch):
    """The bundled text through a route every decision of which is signed, the registry
    requiring signed agreements and approvals: edition 1 in force by order 12-НҚ. The clerk
    (docs-head, also an approver) holds a key of their own."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    setup = office(project, roles=(*APPROVERS, "rector"))
    set_signatures(project, ["keys/ca.pem"], SIGNED)
    approve_signed(dlo, project, setup.p12, REG, APPROVERS, "12-НҚ")
    return setup


def _correct(*args: str) -> tuple[str, ...]:
    return ("correct", REG, *args)


def _hand_written(root, seq: int, field: str, value: str) -> dict:
    """A correction as a forger with write access appends it: as the clerk, unsigned, every hash
    recomputed."""
    data = entries(root)
    target = next(e for e in data if e["seq"] == seq)
    was = {"number": lambda: target["order"]["number"], "date": lambda: target["date"]}[field]()
    correction = {
        "seq": data[-1]["seq"] + 1,
        "time": data[-1]["time"],
        "role": "docs-head",
        "actor": data[-1]["actor"],
        "event": "corrected",
        "edition": target["edition"],
        "corrects": seq,
        "field": field,
        "value": value,
        "was": str(was),
        "clerk": "docs-head",
        "content_hash": target["content_hash"],
    }
    rewrite(root, [*data, correction])
    return correction


def _refused_everywhere(dlo, root, *expected: str) -> None:
    """verify, render, the site and status refuse (DLO910 for the outputs), naming ``expected``."""
    shown = f"error DLO910: {REG} is not shown as approved"
    refused_everywhere(dlo, root, REG, expected, [shown, *expected])


def test_an_unsigned_correction_of_a_signed_approval_is_refused(dlo, approved):
    """The rector signed the approval by order 12-НҚ: the clerk cannot renumber it unsigned, nor
    an agreement's date signed by vp-academic; the signature of the original demands it, whatever
    ``signatures.required`` names."""
    root = approved.root
    result = refused(dlo, root, "DLO907", *_correct("--event", str(APPROVAL), "--order", "15-НҚ"))
    assert f"journal event {APPROVAL} (approved) is signed" in result.err, result.err
    assert "sign with the key of the holder of rector" in result.err, result.err
    set_signatures(root, ["keys/ca.pem"])  # no event kind required signed
    result = refused(dlo, root, "DLO907", *_correct("--event", str(AGREEMENT), "--remark", "Жоқ"))
    assert "sign with the key of the holder of vp-academic" in result.err, result.err


def test_an_unsigned_correction_written_by_hand_fails_verify_and_every_output(dlo, approved):
    """The same renumbering appended to the journal by hand, the hashes recomputed: the chain is
    whole, the approval's signature intact, but the order it shows is no longer the one signed."""
    root = approved.root
    correction = _hand_written(root, APPROVAL, "number", "15-НҚ")
    seq = correction["seq"]
    _refused_everywhere(
        dlo,
        root,
        f"error DLO907: journal event {seq} (corrected, as rector) is not signed",
        f"it corrects signed journal event {APPROVAL}",
    )


def test_a_correction_signed_with_another_holders_key_is_refused(dlo, approved):
    """The clerk (docs-head) holds a key, but not the rector's: refused before writing; put into
    the journal signed with it, verify and every output name the wrong holder."""
    root = approved.root
    clerk_key = approved.p12["docs-head"]
    order = ("--event", str(APPROVAL), "--order", "15-НҚ")
    result = refused(dlo, root, "DLO903", *_correct(*order, "--sign", str(clerk_key)))
    assert "not the registry's certificate of the holder of rector" in result.err, result.err
    ok(dlo, root, *_correct(*order, "--sign", approved.p12["rector"]))
    data = entries(root)
    clerk = keys.load_pkcs12(clerk_key, PASSWORD.encode())
    data[-1]["signature"] = decisions.record(clerk, _journal.signed_bytes(data[-1]))
    rewrite(root, data)
    seq = data[-1]["seq"]
    _refused_everywhere(
        dlo, root, f"error DLO903: journal event {seq} (corrected, signed as rector)"
    )


def test_a_correction_signed_by_the_holder_of_the_corrected_role_is_shown(dlo, approved):
    """The rector signs the renumbering and vp-academic the correction of their agreement's
    remarks: verify says intact, the title page prints the corrected order and the change
    registration sheet marks it corrected."""
    root = approved.root
    p12 = approved.p12
    ok(dlo, root, *_correct("--event", str(APPROVAL), "--order", "15-НҚ", "--sign", p12["rector"]))
    ok(dlo, root, *_correct("--event", "2", "--remark", "Жоқ", "--sign", p12["vp-academic"]))
    data = entries(root)
    assert [e["event"] for e in data[-2:]] == ["corrected", "corrected"]
    assert data[-2]["signature"]["signer"] == "АХМЕТОВ ДАНИЯР"
    assert data[-2]["role"] == "docs-head" and data[-2]["clerk"] == "docs-head"  # who entered it
    assert data[APPROVAL - 1]["order"]["number"] == "12-НҚ"  # the signed original, as written
    assert "intact" in ok(dlo, root, "verify", REG).out
    ok(dlo, root, "render", REG, "--format", "docx")
    text = all_text((root / "build" / f"{REG}.kk.docx").read_bytes())
    assert "№ 15-НҚ бұйрығымен" in text and "12-НҚ" not in text
    [row] = [r for r in rows(dlo, root, "changes") if r[0]]
    assert "№ 15-НҚ" in row[2] and "(түзетілді)" in row[2], row
    assert "15-НҚ" in ok(dlo, root, "status", REG).out


def test_the_policy_begins_at_signatures_since_for_corrections_too(dlo, approved):
    """``signatures.since`` applies to a correction as to any event: one recorded before the
    policy began may be unsigned (a journal corrected by the clerk before signatures were
    required keeps verifying); from then on it may not."""
    root = approved.root
    _hand_written(root, APPROVAL, "number", "15-НҚ")
    tomorrow = (dt.date.fromisoformat(TODAY) + dt.timedelta(days=1)).isoformat()
    set_signatures(root, ["keys/ca.pem"], SIGNED, since=tomorrow)
    assert "intact" in ok(dlo, root, "verify", REG).out
    set_signatures(root, ["keys/ca.pem"], SIGNED, since=TODAY)
    assert dlo("verify", REG, cwd=root).code == 1


# -- `corrected` required ----------------------------------------------------------------------


@pytest.fixture
def unsigned_in_force(project, dlo, monkeypatch):
    """Edition 1 in force by an unsigned route and order; then the registry requires every
    correction signed (and nothing else)."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    ok(dlo, project, "submit", REG)
    for role in APPROVERS:
        ok(dlo, project, "agree", REG, "--as", role)
    ok(dlo, project, "approve", REG, "--order", "12-НҚ", "--date", TODAY)
    setup = office(project, roles=("vp-academic", "docs-head", "rector"))
    set_signatures(project, ["keys/ca.pem"], ["corrected"])
    return setup


def test_corrected_can_be_required_and_is_signed_by_the_corrected_events_role(
    dlo, unsigned_in_force
):
    """With ``corrected`` in signatures.required every correction is signed, by the holder of the
    role of the event it corrects (the events themselves unsigned): the rector for the approval,
    vp-academic for their agreement; never the clerk who enters it."""
    setup = unsigned_in_force
    root = setup.root
    assert ok(dlo, root, "check").code == 0  # the registry accepts `corrected`
    renumber = ("--event", str(APPROVAL), "--order", "15-НҚ")
    result = refused(dlo, root, "DLO907", *_correct(*renumber))
    assert "the registry requires corrected events to be signed" in result.err, result.err
    assert "sign with the key of the holder of rector" in result.err, result.err
    refused(dlo, root, "DLO903", *_correct(*renumber, "--sign", str(setup.p12["docs-head"])))
    remark = ("--event", str(AGREEMENT), "--remark", "Жоқ")
    refused(dlo, root, "DLO903", *_correct(*remark, "--sign", str(setup.p12["rector"])))
    ok(dlo, root, *_correct(*renumber, "--sign", setup.p12["rector"]))
    ok(dlo, root, *_correct(*remark, "--sign", setup.p12["vp-academic"]))
    assert "intact" in ok(dlo, root, "verify", REG).out
    data = entries(root)
    del data[-1]["signature"]
    rewrite(root, data)
    _refused_everywhere(
        dlo, root, f"error DLO907: journal event {data[-1]['seq']} (corrected, as vp-academic)"
    )
