"""A withdrawal is the act of the official who approved the edition in force, by their order: it
records that official as its acting role, their holder signs it (``dlo withdraw --sign``) on the
order's date, and ``signatures.required`` can name ``withdrawn``. Otherwise a clerk alone takes a
signed, rector-approved regulation off the site with an order nobody signed, and verify says
intact."""

from __future__ import annotations

import pytest
from forged_support import TODAY, approve_signed
from signing_support import (
    HOLDERS,
    PASSWORD,
    entries,
    office,
    refused_everywhere,
    rewrite,
    set_signatures,
)
from workflow_support import (
    APPROVERS,
    REG,
    ok,
    refused,
    revise_naming_another_approver,
    status,
)

from dlo_docs.signing import decisions, keys
from dlo_docs.workflow import journal as _journal

REQUIRED = ["agreed", "approved", "withdrawn"]
WITHDRAW = ("withdraw", REG, "--order", "31-НҚ", "--date", TODAY)
WITHDRAWAL = len(APPROVERS) + 3  # submitted, the agreements, the approval, then the withdrawal


@pytest.fixture
def published(project, dlo, monkeypatch):
    """The bundled text approved through a signed route by the rector's order today, the registry
    requiring signed agreements, approvals and withdrawals, and the site built with it. The clerk
    (docs-head, also an approver) holds a key of their own."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    setup = office(project, roles=(*APPROVERS, "rector"))
    set_signatures(project, ["keys/ca.pem"], REQUIRED)
    approve_signed(dlo, project, setup.p12, REG, APPROVERS, "12-НҚ")
    ok(dlo, project, "site", "build", "--no-pdf")
    assert _on_site(project)
    return setup


def _on_site(root) -> bool:
    return (root / "public" / "kk" / REG / "index.html").exists()


def _refused_everywhere(dlo, root, expected: str, refusal: str = "DLO910") -> None:
    """verify fails naming ``expected``; render, the site and status refuse (DLO910 for a
    signature, or the error itself), and the site keeps the regulation's pages as the last build
    made them."""
    refused_with = (
        f"error DLO910: {REG} is not shown as approved" if refusal == "DLO910" else expected
    )
    refused_everywhere(dlo, root, REG, [expected], [refused_with])
    assert _on_site(root)


def test_an_unsigned_withdrawal_is_refused_when_required(dlo, published):
    root = published.root
    result = refused(dlo, root, "DLO907", *WITHDRAW)
    assert "the registry requires withdrawn events to be signed" in result.err
    assert "sign with the key of the holder of rector" in result.err
    assert status(dlo, root)["state"] == "in_force"


def test_a_withdrawal_stripped_of_its_signature_fails_verify_and_every_output(dlo, published):
    """Written into the journal unsigned by hand (a real one's signature removed, the chain
    recomputed): verify names it, and no output takes the regulation for withdrawn."""
    root = published.root
    ok(dlo, root, *WITHDRAW, "--sign", published.p12["rector"])
    data = entries(root)
    assert data[-1]["event"] == "withdrawn"
    del data[-1]["signature"]
    rewrite(root, data)
    _refused_everywhere(
        dlo,
        root,
        f"error DLO907: journal event {WITHDRAWAL} (withdrawn, as rector) is not signed, but the "
        "registry requires withdrawn events to be signed",
    )


def test_a_withdrawal_signed_with_the_clerks_key_fails(dlo, published):
    """The clerk (docs-head) holds a key, but not the approving official's: refused before
    writing; signed with it by hand, verify and every output report it; and the withdrawal moved
    to the clerk's role to match the key is an event no command writes."""
    root = published.root
    clerk_key = published.p12["docs-head"]
    result = refused(dlo, root, "DLO903", *WITHDRAW, "--sign", clerk_key)
    assert "not the registry's certificate of the holder of rector" in result.err
    ok(dlo, root, *WITHDRAW, "--sign", published.p12["rector"])
    data = entries(root)
    clerk = keys.load_pkcs12(clerk_key, PASSWORD.encode())
    data[-1]["signature"] = decisions.record(clerk, _journal.signed_bytes(data[-1]))
    rewrite(root, data)
    _refused_everywhere(
        dlo, root, f"error DLO903: journal event {WITHDRAWAL} (withdrawn, signed as rector)"
    )
    data[-1]["role"] = "docs-head"
    data[-1]["signature"] = decisions.record(clerk, _journal.signed_bytes(data[-1]))
    rewrite(root, data)
    _refused_everywhere(
        dlo,
        root,
        f"error DLO612: journal event {WITHDRAWAL} (withdrawn) cannot stand where it is: it is "
        "withdrawn by docs-head, but edition 1 was approved by rector",
        refusal="DLO612",
    )


def test_a_withdrawal_signed_by_the_approving_official_takes_it_off_the_site(dlo, published):
    root = published.root
    out = ok(dlo, root, *WITHDRAW, "--sign", published.p12["rector"]).out
    assert f"edition 1 withdrawn by order № 31-НҚ (journal event {WITHDRAWAL})" in out
    event = entries(root)[-1]
    assert (event["event"], event["role"], event["clerk"]) == ("withdrawn", "rector", "docs-head")
    assert event["signature"]["signer"] == HOLDERS["rector"]
    assert "intact" in ok(dlo, root, "verify", REG).out
    assert status(dlo, root)["state"] == "withdrawn"
    ok(dlo, root, "site", "build", "--no-pdf")
    assert not _on_site(root)


# -- who the withdrawal records as acting ---------------------------------------------------------


@pytest.fixture
def text_names_another(in_force, dlo, monkeypatch):
    """Edition 2 names the vice-rector as its approving official for the next revision, but is
    approved, as its submission fixed, by the rector's order; in force."""
    monkeypatch.setenv("DLO_TODAY", "2024-07-01")
    revise_naming_another_approver(dlo, in_force)
    ok(dlo, in_force, "approve", REG, "--order", "2-НҚ", "--date", "2024-07-01")
    return in_force


def test_the_withdrawal_is_the_official_who_approved_the_edition(text_names_another, dlo):
    """The rector approved edition 2 and withdraws it (and would sign it), not the vice-rector
    its text names for the next approval."""
    root = text_names_another
    ok(dlo, root, "withdraw", REG, "--order", "5-НҚ", "--date", "2024-07-01")
    event = entries(root)[-1]
    assert (event["event"], event["role"]) == ("withdrawn", "rector")
    ok(dlo, root, "verify", REG)


def test_an_older_withdrawal_naming_the_texts_official_still_verifies(text_names_another, dlo):
    """A journal written before withdrawals recorded the approving official: its withdrawal names
    the edition's own approval.by, and verifies as before; any other role is caught."""
    root = text_names_another
    ok(dlo, root, "withdraw", REG, "--order", "5-НҚ", "--date", "2024-07-01")
    data = entries(root)
    data[-1]["role"] = "vp-academic"
    rewrite(root, data)
    assert "intact" in ok(dlo, root, "verify", REG).out
    data[-1]["role"] = "docs-head"
    rewrite(root, data)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    assert "it is withdrawn by docs-head, but edition 2 was approved by rector" in result.err


# -- what an attacker's review found next --------------------------------------------------------


def test_an_approval_made_void_by_hand_takes_nothing_off_the_site(dlo, published):
    """An unsigned correction moving the signed approval's effective date ten years on (the
    chain recomputed) leaves no edition in force: the site deleted the pages and render printed
    the draft, though verify named it. Every output now verifies whatever state it is told."""
    root = published.root
    data = entries(root)
    approval = data[-1]
    data.append(
        {
            "seq": approval["seq"] + 1,
            "time": approval["time"],
            "role": "docs-head",
            "actor": "someone",
            "event": "corrected",
            "edition": 1,
            "corrects": approval["seq"],
            "field": "effective",
            "value": "2035-01-01",
            "was": TODAY,
            "content_hash": approval["content_hash"],
        }
    )
    rewrite(root, data)
    _refused_everywhere(dlo, root, "error DLO907")


def test_a_signed_withdrawal_is_by_the_approving_official_whatever_the_text_says(
    text_names_another, dlo
):
    """The allowance for older journals (a withdrawal naming the text's approval.by) is for
    unsigned ones: a signed withdrawal's signer is whom it names, so one by the official the
    text names for the next approval, signed with that official's key, is caught."""
    root = text_names_another
    ok(dlo, root, "withdraw", REG, "--order", "5-НҚ", "--date", "2024-07-01")
    data = entries(root)
    data[-1]["role"] = "vp-academic"
    data[-1]["signature"] = {"signer": "forged"}
    rewrite(root, data)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    assert "it is withdrawn by vp-academic, but edition 2 was approved by rector" in result.err


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("edition", 5, "it withdraws edition 5, but edition 2 is in force"),
        ("content_hash", "0" * 64, "it withdraws another text than edition 2 approved"),
    ],
)
def test_a_withdrawal_of_another_edition_is_caught(text_names_another, dlo, field, value, words):
    root = text_names_another
    ok(dlo, root, "withdraw", REG, "--order", "5-НҚ", "--date", "2024-07-01")
    data = entries(root)
    data[-1][field] = value
    rewrite(root, data)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1 and words in result.err, result.err


def test_an_event_time_without_a_zone_is_a_damaged_journal_not_a_crash(in_force, dlo):
    """A hand-typed time without its zone ended every command of the project with an internal
    error (naive and aware times compared)."""
    data = entries(in_force)
    data[-1]["time"] = "2024-06-04T00:38:41"
    rewrite(in_force, data)
    for args in (("verify", REG), ("status",), ("render", REG, "--format", "docx")):
        result = dlo(*args, cwd=in_force)
        assert result.code == 1, (args, result.out, result.err)
        assert "Traceback" not in result.err and "internal error" not in result.err
        assert "DLO609" in result.err and "has no zone" in result.err, result.err
