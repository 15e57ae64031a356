"""What is shown as approved — the render of the edition in force, its sheets, the site — is
judged by the journal's signatures as ``dlo verify`` judges them, not by its hash chain alone.
Each attack is by someone with write access who recomputes the chain after their change, so that
only the policy (``signatures.required``) and the signatures themselves can tell."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from forged_support import TODAY, approve_signed
from signing_support import (
    HOLDERS,
    PASSWORD,
    entries,
    event_line,
    make_ca,
    make_official,
    office,
    rewrite,
    set_signatures,
)
from workflow_support import APPROVERS, REG, ok, refused

from dlo_docs.signing import decisions, keys
from dlo_docs.workflow import journal as _journal


@pytest.fixture
def approved(project, dlo, monkeypatch):
    """The bundled text through a route every decision of which is signed, the registry
    requiring signed agreements and approvals: edition 1 in force."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    setup = office(project, roles=(*APPROVERS, "rector"))
    set_signatures(project, ["keys/ca.pem"], ["agreed", "approved"])
    approve_signed(dlo, project, setup.p12, REG, APPROVERS, "12-НҚ")
    ok(dlo, project, "verify", REG)
    return project


def _outputs(dlo, root) -> dict[str, object]:
    """Render, a sheet and the site build, each with its result."""
    return {
        "render": dlo("render", REG, "--format", "docx", cwd=root),
        "sheet": dlo("sheet", "agreement", REG, "--out", "sheets", cwd=root),
        "site": dlo("site", "build", "--no-pdf", cwd=root),
    }


def _written(root) -> dict[str, bool]:
    return {
        "render": (root / "build" / f"{REG}.kk.docx").exists(),
        "sheet": any((root / "sheets").glob(f"{REG}.*")) if (root / "sheets").is_dir() else False,
        "site": (root / "public" / "kk" / REG).exists(),
    }


def _refused_everywhere(dlo, root) -> list[str]:
    """Every output refuses, writes nothing, and says which regulation and what to do; returns
    the render's error lines."""
    results = _outputs(dlo, root)
    for name, result in results.items():
        assert result.code == 1, (name, result.out, result.err)
        assert "Traceback" not in result.err
        assert (
            f"regulations/{REG}/journal.yaml: error DLO910: {REG} is not shown as approved"
            in result.err
        ), (name, result.err)
        assert "restore the journal from version control" in result.err, (name, result.err)
    assert _written(root) == {"render": False, "sheet": False, "site": False}
    return [line for line in results["render"].err.splitlines() if " error DLO" in line]


def test_a_signed_edition_is_rendered_and_published(dlo, approved):
    results = _outputs(dlo, approved)
    for name, result in results.items():
        assert result.code == 0, (name, result.out, result.err)
    assert _written(approved) == {"render": True, "sheet": True, "site": True}


def test_a_stripped_approval_signature_is_refused_by_every_output(dlo, approved):
    """The approval's signature removed (as a forger moving its order's date would) and the
    chain recomputed: the chain is whole, the policy tells."""
    data = entries(approved)
    assert data[-1]["event"] == "approved"
    del data[-1]["signature"]
    data[-1]["order"]["date"] = "2020-01-02"
    rewrite(approved, data)
    errors = _refused_everywhere(dlo, approved)
    seq = data[-1]["seq"]
    line = event_line(approved, seq)
    assert any(
        e.startswith(f"regulations/{REG}/journal.yaml:{line}:")
        and f"error DLO907: journal event {seq} (approved, as rector) is not signed" in e
        for e in errors
    ), errors


def test_a_stripped_agreement_signature_is_refused_too(dlo, approved):
    data = entries(approved)
    del data[1]["signature"]
    rewrite(approved, data)
    errors = _refused_everywhere(dlo, approved)
    assert any("error DLO907: journal event 2 (agreed, as vp-academic)" in e for e in errors)


def test_a_swapped_signature_is_refused_by_every_output(dlo, approved):
    """The approval carries an agreement's signature (a real signature, of another event): the
    presence check passes; the full check of the signature does not."""
    data = entries(approved)
    data[-1]["signature"] = data[1]["signature"]
    rewrite(approved, data)
    errors = _refused_everywhere(dlo, approved)
    line = event_line(approved, data[-1]["seq"], "signature")
    assert any(
        e.startswith(f"regulations/{REG}/journal.yaml:{line}:") and "error DLO90" in e
        for e in errors
    ), errors


def test_a_failing_signature_refuses_even_where_the_policy_requires_none(dlo, approved):
    """Without ``signatures.required``, a signature that is there must still verify."""
    set_signatures(approved, ["keys/ca.pem"])
    data = entries(approved)
    data[-1]["signature"] = data[2]["signature"]
    rewrite(approved, data)
    _refused_everywhere(dlo, approved)


def test_unsigned_events_before_the_policy_began_are_still_shown(dlo, project):
    """Events recorded before ``signatures.since`` stay valid: the bundled journal, unsigned,
    under a policy that begins tomorrow, is rendered and published."""
    tomorrow = (dt.date.fromisoformat(TODAY) + dt.timedelta(days=1)).isoformat()
    ok(dlo, project, "submit", REG)
    for role in APPROVERS:
        ok(dlo, project, "agree", REG, "--as", role)
    ok(dlo, project, "approve", REG, "--order", "12-НҚ", "--date", TODAY)
    set_signatures(project, [], ["agreed", "approved"], since=tomorrow)
    for name, result in _outputs(dlo, project).items():
        assert result.code == 0, (name, result.out, result.err)
    for folder in ("build", "sheets", "public"):
        shutil.rmtree(project / folder)
    set_signatures(project, [], ["agreed", "approved"])  # from the start: refused
    _refused_everywhere(dlo, project)


def test_a_certificate_file_replaced_after_a_build_is_checked_by_the_next(dlo, approved):
    """The site's next build does not keep a regulation's pages as unchanged when a certificate
    its signatures are checked with was replaced (the registry and the journal unchanged): the
    rector's file overwritten with another key's certificate in the same name."""
    assert dlo("site", "build", "--no-pdf", cwd=approved).code == 0
    [pem] = (approved / "keys").glob("rector-*.pem")
    other = make_official(make_ca(), HOLDERS["rector"], label="rector-other")
    pem.write_bytes(other.pem)
    result = dlo("site", "build", "--no-pdf", cwd=approved)
    assert result.code == 1, result.out + result.err
    assert f"error DLO910: {REG} is not shown as approved" in result.err
    assert "error DLO903" in result.err and "replaced" in result.err, result.err


# -- an edition registered as approved on paper ------------------------------------------------

PAPER = ("register-paper", REG, "--order", "112-НҚ", "--date", "2020-09-01")
REQUIRED = ["agreed", "approved", "registered"]


@pytest.fixture
def paper_office(project, monkeypatch):
    """The rector (``approval.by`` of the bundled text) and the clerk (docs-head) hold keys; the
    registry requires signed registrations from today."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    setup = office(project, roles=("docs-head", "rector"))
    set_signatures(project, ["keys/ca.pem"], REQUIRED, since=TODAY)
    return setup


def test_an_unsigned_registration_is_refused_and_never_shown_as_approved(dlo, paper_office):
    """A forger with write access deletes the journal and registers their text as approved on
    paper: refused unsigned; written unsigned by hand (the signature of a real one removed, the
    chain recomputed), verify reports it and no output shows it as approved."""
    root = paper_office.root
    result = refused(dlo, root, "DLO907", *PAPER)
    assert "the registry requires registered events to be signed" in result.err
    assert "sign with the key of the holder of rector" in result.err
    assert not (root / "regulations" / REG / "editions").exists()
    ok(dlo, root, *PAPER, "--sign", paper_office.p12["rector"])
    data = entries(root)
    del data[0]["signature"]
    rewrite(root, data)
    verify = dlo("verify", REG, cwd=root)
    assert verify.code == 1
    assert "error DLO907: journal event 1 (registered, as rector) is not signed" in verify.err
    errors = _refused_everywhere(dlo, root)
    assert any("error DLO907: journal event 1 (registered, as rector)" in e for e in errors)


def test_a_registration_signed_by_the_approving_official_is_shown(dlo, paper_office):
    """The holder of ``approval.by`` signs the registration on the day it is recorded (the paper
    order of 2020 predates their certificate): it verifies and is rendered and published."""
    root = paper_office.root
    ok(dlo, root, *PAPER, "--sign", paper_office.p12["rector"])
    [event] = entries(root)
    assert event["event"] == "registered" and event["role"] == "rector"
    assert event["signature"]["signer"] == HOLDERS["rector"]
    assert "intact" in ok(dlo, root, "verify", REG).out
    for name, result in _outputs(dlo, root).items():
        assert result.code == 0, (name, result.out, result.err)


def test_a_registration_signed_with_another_holders_key_fails(dlo, paper_office):
    """The clerk who records it (docs-head) holds a key, but not the approving official's: refused
    before writing; signed with it by hand, verify and every output report it."""
    root = paper_office.root
    clerk_key = paper_office.p12["docs-head"]
    result = refused(dlo, root, "DLO903", *PAPER, "--sign", clerk_key)
    assert "not the registry's certificate of the holder of rector" in result.err
    ok(dlo, root, *PAPER, "--sign", paper_office.p12["rector"])
    data = entries(root)
    clerk = keys.load_pkcs12(clerk_key, PASSWORD.encode())
    data[0]["signature"] = decisions.record(clerk, _journal.signed_bytes(data[0]))
    rewrite(root, data)
    errors = _refused_everywhere(dlo, root)
    assert any("error DLO903: journal event 1 (registered, signed as rector)" in e for e in errors)


def test_a_registration_moved_to_the_clerks_role_is_caught(dlo, paper_office):
    """The forger also moves the registration to the clerk's role, so that the clerk's key is
    that role's holder's: no command records a registration by another role than the approval.by
    of the text it registers, and verify and every output say so."""
    root = paper_office.root
    ok(dlo, root, *PAPER, "--sign", paper_office.p12["rector"])
    data = entries(root)
    data[0]["role"] = "docs-head"
    clerk = keys.load_pkcs12(paper_office.p12["docs-head"], PASSWORD.encode())
    data[0]["signature"] = decisions.record(clerk, _journal.signed_bytes(data[0]))
    rewrite(root, data)
    verify = dlo("verify", REG, cwd=root)
    assert verify.code == 1, verify.out
    expected = (
        "error DLO612: journal event 1 (registered) cannot stand where it is: it is registered "
        "by docs-head, but edition 1 names rector (approval.by)"
    )
    assert expected in verify.err, verify.err
    results = _outputs(dlo, root)
    for name, result in results.items():
        assert result.code == 1 and expected in result.err, (name, result.out, result.err)
    assert _written(root) == {"render": False, "sheet": False, "site": False}
