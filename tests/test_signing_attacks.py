"""Attacks on signed decisions, each by someone with write access to the project (the journal,
the registry, the key files they hold) who recomputes the hash chain after their change, so that
only the signatures and the policy can tell. Each test would pass on a naive implementation (one
that signs the content hash, trusts the registry's file as it is now, checks the issuer's name,
or checks only the signatures that are there) and must be caught here."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import subprocess

import pytest
from conftest import on_day
from signing_support import (
    NOW,
    PASSWORD,
    bind,
    edit_position,
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

ZONE = dt.timezone(dt.timedelta(hours=5))  # the bundled registry's organisation zone
TODAY = NOW.astimezone(ZONE).date()


@pytest.fixture
def signed_office(project, monkeypatch):
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    return office(project, roles=(*APPROVERS, "rector"))


def _errors(result) -> list[str]:
    return [line for line in result.err.splitlines() if " error DLO" in line]


def _verify_fails(dlo, root) -> list[str]:
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    return _errors(result)


def test_a_signature_copied_onto_another_event_of_the_same_signer_is_reported(dlo, signed_office):
    """The vice-rector signed a rejection; a forger copies that signature onto the unsigned
    agreement she gave later to the same text (same signer, same content hash): a signature over
    the content hash alone would still verify there. Ours covers the whole event."""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "reject", REG, "--as", "vp-academic", "--remarks", "Fix clause 17",
       "--sign", signed_office.p12["vp-academic"])  # fmt: skip
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic")
    data = entries(root)
    assert data[1]["content_hash"] == data[3]["content_hash"]
    data[3]["signature"] = data[1]["signature"]
    rewrite(root, data)
    [only] = _verify_fails(dlo, root)
    assert only.startswith(f"regulations/{REG}/journal.yaml:{event_line(root, 4, 'signature')}:")
    assert "error DLO906: journal event 4 (agreed, signed as vp-academic)" in only
    assert "message digest" in only


def test_a_removed_signature_is_reported_at_its_event_when_the_policy_requires_it(
    dlo, signed_office
):
    root = signed_office.root
    set_signatures(root, ["keys/ca.pem"], ["agreed"])
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", signed_office.p12["vp-academic"])
    ok(dlo, root, "verify", REG)
    data = entries(root)
    del data[1]["signature"]
    rewrite(root, data)  # the chain is whole again: only the policy tells
    [only] = _verify_fails(dlo, root)
    assert only.startswith(f"regulations/{REG}/journal.yaml:{event_line(root, 2)}:")
    assert "error DLO907: journal event 2 (agreed, as vp-academic) is not signed" in only
    # and nothing more is recorded on it
    refused(dlo, root, "DLO632", "agree", REG, "--as", "legal-head",
            "--sign", str(signed_office.p12["legal-head"]))  # fmt: skip


def test_requiring_signatures_over_an_unsigned_history_says_to_set_since(dlo, signed_office):
    """An office that adds signatures.required to a project whose history is unsigned saw each
    old event fail DLO907 with a hint about removed signatures; the hint now says first to set
    signatures.since to the day the requirement began (a removed signature stays an error)."""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic")
    set_signatures(root, ["keys/ca.pem"], ["agreed"])
    [only] = _verify_fails(dlo, root)
    assert "error DLO907: journal event 2 (agreed, as vp-academic) is not signed" in only
    assert "set signatures.since in regulations/registry.yaml to the day" in only


def test_events_recorded_before_signatures_became_required_stay_valid(dlo, signed_office):
    root = signed_office.root
    past = (TODAY - dt.timedelta(days=5)).isoformat()
    with on_day(past):
        ok(dlo, root, "submit", REG)
        ok(dlo, root, "agree", REG, "--as", "vp-academic")  # no policy yet: unsigned
    set_signatures(root, ["keys/ca.pem"], ["agreed"], since=TODAY.isoformat())
    ok(dlo, root, "verify", REG)
    ok(dlo, root, "agree", REG, "--as", "legal-head", "--sign", signed_office.p12["legal-head"])
    refused(dlo, root, "DLO907", "agree", REG, "--as", "hr-head")
    # a signature stripped after the policy began, the event's time moved back before it: the
    # signed agreement before it shows the policy had begun
    ok(dlo, root, "agree", REG, "--as", "hr-head", "--sign", signed_office.p12["hr-head"])
    data = entries(root)
    del data[-1]["signature"]
    data[-1]["time"] = data[1]["time"]
    data[-1]["date"] = data[1]["date"]  # its day too: an act is never dated after it is recorded
    rewrite(root, data)
    [only] = _verify_fails(dlo, root)
    assert f"error DLO907: journal event {data[-1]['seq']} (agreed, as hr-head)" in only
    # without `since`, the policy covers every event: the old unsigned agreement is reported
    set_signatures(root, ["keys/ca.pem"], ["agreed"])
    errors = _verify_fails(dlo, root)
    assert (
        len(errors) == 2 and "error DLO907: journal event 2 (agreed, as vp-academic)" in errors[0]
    )


def test_the_holders_certificate_file_swapped_after_signing(dlo, signed_office):
    """The registry's file is overwritten with a renewed certificate of the same holder. The
    signature is still judged by the certificate it carries (valid, trusted, over these bytes: no
    DLO906/904/905, as a check with the file's key would report); the one error names the swap."""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", signed_office.p12["vp-academic"])
    old = signed_office.officials["vp-academic"]
    renewed = make_official(signed_office.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-renewed")
    [pem] = (root / "keys").glob("vp-academic-*.pem")
    pem.write_bytes(renewed.pem)
    [only] = _verify_fails(dlo, root)
    assert only.startswith(f"regulations/{REG}/journal.yaml:{event_line(root, 2, 'signature')}:")
    assert "error DLO903: journal event 2 (agreed, signed as vp-academic)" in only
    assert f"(serial {format(old.cert.serial_number, 'X')})" in only
    assert f"it now holds serial {format(renewed.cert.serial_number, 'X')}" in only
    assert "replaced after the signature" in only
    # the fix the message gives: each certificate as its own entry
    pem.write_bytes(old.pem)
    bind(root, "vp-academic", renewed)
    ok(dlo, root, "verify", REG)


def test_a_renewed_certificate_not_yet_in_the_registry_is_refused_saying_so(
    dlo, signed_office, tmp_path
):
    """Before signing, the same mismatch means the holder's new certificate is not in the
    registry yet (not a file replaced after a signature)."""
    root = signed_office.root
    renewed = make_official(signed_office.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-renewed")
    ok(dlo, root, "submit", REG)
    result = refused(dlo, root, "DLO903", "agree", REG, "--as", "vp-academic",
                     "--sign", str(renewed.p12(tmp_path / "renewed.p12")))  # fmt: skip
    assert (
        f"(serial {format(renewed.cert.serial_number, 'X')}) is not in the registry" in result.err
    )
    assert "added as its own entry" in result.err
    assert "replaced after the signature" not in result.err


def test_another_persons_certificate_in_the_holders_file_is_not_called_a_swap(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", signed_office.p12["vp-academic"])
    data = entries(root)
    own = keys.load_pkcs12(signed_office.p12["legal-head"], PASSWORD.encode())
    data[1]["signature"] = decisions.record(own, _journal.signed_bytes(data[1]))
    rewrite(root, data)
    [pem] = (root / "keys").glob("vp-academic-*.pem")
    pem.write_bytes(signed_office.officials["legal-head"].pem)  # and the registry to match
    errors = _verify_fails(dlo, root)
    assert any("error DLO903: journal event 2" in e and "does not name" in e for e in errors)
    assert not any("replaced after the signature" in e for e in errors)


def test_verify_judges_the_holder_as_recorded_then_not_as_the_registry_says_now(dlo, signed_office):
    """The vice-rector changes after she signed; the office ends her certificate's entry but
    does not write her name into it. Her signature names the holder the event recorded."""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", signed_office.p12["vp-academic"])

    def successor(position):
        position["holder"] = {"kk": "Р. Т. Омарова", "ru": "Р. Т. Омарова"}
        position["certificates"][0]["until"] = TODAY.isoformat()

    edit_position(root, "vp-academic", successor)
    ok(dlo, root, "verify", REG)


def _successor_named(root, signed_office, forget_until: bool = False) -> object:
    """The registry names a new vice-rector from today; the former one's entry ends yesterday
    (or, ``forget_until``, is left open)."""
    new = make_official(signed_office.ca, "ОМАРОВА РАУШАН", label="vp-new")

    def successor(position):
        position["holder"] = {"kk": "Р. Т. Омарова", "ru": "Р. Т. Омарова"}
        former = position["certificates"][0]
        former["holder"] = {"kk": "А. Б. Сейітова", "ru": "А. Б. Сеитова"}
        if not forget_until:
            former["until"] = (TODAY - dt.timedelta(days=1)).isoformat()

    edit_position(root, "vp-academic", successor)
    bind(root, "vp-academic", new, since=TODAY.isoformat())
    return new


@pytest.mark.parametrize("forget_until", [False, True])
def test_a_former_holder_cannot_sign_after_the_registry_names_a_new_holder(
    dlo, signed_office, tmp_path, forget_until
):
    root = signed_office.root
    with on_day((TODAY - dt.timedelta(days=20)).isoformat()):
        ok(dlo, root, "submit", REG)
    new = _successor_named(root, signed_office, forget_until)
    former = str(signed_office.p12["vp-academic"])
    refused(dlo, root, "DLO903", "agree", REG, "--as", "vp-academic", "--sign", former)
    # not even for an act dated while she held the position: she signs today, no longer holding it
    in_office = (TODAY - dt.timedelta(days=10)).isoformat()
    result = refused(dlo, root, "DLO903", "agree", REG, "--as", "vp-academic",
                     "--date", in_office, "--sign", former)  # fmt: skip
    assert "holder of vp-academic" in result.err
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", new.p12(tmp_path / "new.p12"))
    ok(dlo, root, "verify", REG)


def test_a_former_holders_signature_forged_into_the_journal_is_reported(dlo, signed_office):
    """The former vice-rector (her key still works) signs an agreement written into the journal
    after she left: verify finds she did not hold the position the day it was recorded."""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    new = _successor_named(root, signed_office)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", new.p12(root.parent / "n.p12"))
    data = entries(root)
    data[1]["facts"]["positions"]["vp-academic"]["holder"] = {"kk": "А. Б. Сейітова"}
    former = keys.load_pkcs12(signed_office.p12["vp-academic"], PASSWORD.encode())
    data[1]["signature"] = decisions.record(former, _journal.signed_bytes(data[1]))
    rewrite(root, data)
    [only] = _verify_fails(dlo, root)
    assert "error DLO903: journal event 2 (agreed, signed as vp-academic)" in only
    assert f"was not the holder of vp-academic's on {TODAY.isoformat()}" in only


def _rogue(signed_office):
    """A CA with the trusted CA's very name, and a certificate of it with the vice-rector's
    subject and her certificate's serial: names and serials alike, only the keys differ."""
    rogue = make_ca("Test National CA", label="rogue-ca")
    genuine = signed_office.officials["vp-academic"].cert
    forged = make_official(rogue, "СЕЙІТОВА АЙГҮЛ", label="vp-rogue", serial=genuine.serial_number)
    assert forged.cert.subject == genuine.subject and forged.cert.issuer == genuine.issuer
    return forged


def test_a_key_certified_by_another_ca_with_the_same_names_is_refused(dlo, signed_office, tmp_path):
    root = signed_office.root
    forged = _rogue(signed_office)
    key = str(forged.p12(tmp_path / "rogue.p12"))
    ok(dlo, root, "submit", REG)
    result = refused(dlo, root, "DLO903", "agree", REG, "--as", "vp-academic", "--sign", key)
    assert "error DLO905" in result.err
    # even once the forger has put the certificate in the registry in place of hers
    [pem] = (root / "keys").glob("vp-academic-*.pem")
    pem.write_bytes(forged.pem)
    result = refused(dlo, root, "DLO905", "agree", REG, "--as", "vp-academic", "--sign", key)
    assert "trusted CA" in result.err


def test_a_signature_by_another_ca_with_the_same_names_is_reported_by_verify_and_openssl(
    dlo, signed_office, tmp_path
):
    root = signed_office.root
    forged = _rogue(signed_office)
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", signed_office.p12["vp-academic"])
    data = entries(root)
    signer = keys.load_pkcs12(forged.p12(tmp_path / "rogue.p12"), PASSWORD.encode())
    data[1]["signature"] = decisions.record(signer, _journal.signed_bytes(data[1]))
    rewrite(root, data)
    [pem] = (root / "keys").glob("vp-academic-*.pem")
    pem.write_bytes(forged.pem)
    [only] = _verify_fails(dlo, root)
    assert "error DLO905: journal event 2 (agreed, signed as vp-academic)" in only
    if shutil.which("openssl") is None and not os.environ.get("CI"):
        return  # openssl is an extra witness here; never skipped in CI
    assert dlo("verify", REG, "--export", "out", cwd=root).code == 1  # exported all the same
    folder = root / "out"
    check = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER",
         "-content", str(folder / f"{REG}-2-agreed.bin"),
         "-in", str(folder / f"{REG}-2-agreed.p7s"),
         "-CAfile", str(folder / "ca.pem"), "-out", "/dev/null"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode != 0
    assert "Verification successful" not in check.stderr


def test_a_former_holder_appending_an_act_dated_in_their_days_is_reported(dlo, signed_office):
    """Her key still works and the registry still binds it for her days: she appends, after the
    journal's latest event, an agreement whose recorded time she set back into her days (and
    signs it so). Every check of the signature passes on those days; its place in the journal
    does not: it is recorded before an earlier event."""
    root = signed_office.root
    with on_day((TODAY - dt.timedelta(days=3)).isoformat()):
        ok(dlo, root, "submit", REG)
    new = _successor_named(root, signed_office)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", new.p12(root.parent / "n.p12"))
    data = entries(root)
    forged = copy.deepcopy({k: v for k, v in data[1].items() if k not in ("signature", "hash")})
    forged["seq"] = 3
    forged["time"] = data[0]["time"]  # three days ago: she held the position then
    forged["date"] = data[0]["time"][:10]  # and the act of that day
    forged["remarks"] = "Agreed, on condition that clause 17 is removed"
    forged["facts"]["positions"]["vp-academic"]["holder"] = {"kk": "А. Б. Сейітова"}
    forged["prev"] = data[1]["hash"]
    former = keys.load_pkcs12(signed_office.p12["vp-academic"], PASSWORD.encode())
    forged["signature"] = decisions.record(former, _journal.signed_bytes(forged))
    rewrite(root, [*data, forged])
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1 and "Traceback" not in result.err, result.out + result.err
    [moved] = [e for e in _errors(result) if "error DLO908:" in e]
    [made] = [e for e in _errors(result) if "error DLO908:" not in e]
    assert moved.startswith(f"regulations/{REG}/journal.yaml:{event_line(root, 3, 'signature')}:")
    assert "error DLO908: journal event 3 (agreed) is signed and recorded at" in moved
    assert "its time was moved back" in moved
    # and her key signed it today, after her entry ended (the signature's own signing time)
    assert "error DLO903:" in made and f"vp-academic's on {TODAY.isoformat()}" in made, made
    # and its act's day is before the agreement it follows on the sequential route
    assert "warning DLO612: journal event 3 (agreed) is dated out of order" in result.err


def test_clocks_may_differ_by_an_hour_not_more(dlo, signed_office):
    """Officials sign on their own computers: an agreement signed on a computer whose clock is
    half an hour behind the one that recorded the submission is fine; two hours is a time moved
    back. (Made here as that computer would: the event's time set, then signed by the holder.)"""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", signed_office.p12["vp-academic"])
    data = entries(root)
    submitted = dt.datetime.fromisoformat(data[0]["time"])
    holder = keys.load_pkcs12(signed_office.p12["vp-academic"], PASSWORD.encode())
    for behind, fails in ((dt.timedelta(minutes=30), False), (dt.timedelta(hours=2), True)):
        data[1]["time"] = (submitted - behind).isoformat()
        data[1]["signature"] = decisions.record(holder, _journal.signed_bytes(data[1]))
        rewrite(root, data)
        result = dlo("verify", REG, cwd=root)
        assert (result.code == 1) == fails, result.err
        assert ("error DLO908: journal event 2 (agreed)" in result.err) == fails


def test_a_signed_event_whose_earlier_event_was_edited_says_the_change_may_be_before_it(
    dlo, signed_office
):
    """One byte of the first agreement's remarks edited and the chain recomputed: both signed
    agreements fail, the second one although not a byte of its own fields changed (its signature
    covers the previous event's hash). Its report must not send the office looking for a change
    in it alone: it says the change may be in an earlier event."""
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    for role in APPROVERS[:2]:
        ok(dlo, root, "agree", REG, "--as", role, "--remarks", "Келісемін",
           "--sign", signed_office.p12[role])  # fmt: skip
    data = entries(root)
    data[1]["remarks"] = "Келісемін!"
    rewrite(root, data)
    first, second = _verify_fails(dlo, root)
    assert "journal event 2" in first and "journal event 3" in second
    for line in (first, second):
        assert "error DLO906" in line and "or an earlier event" in line, line


def test_a_key_that_cannot_sign_for_the_role_is_told_what_to_do(dlo, signed_office):
    """The vice-rector's key given to sign the legal head's agreement, a position the registry
    binds no certificate to: DLO903 said only "the registry names no certificate for the holder
    of legal-head", with no hint. It now says whose key signs, and where the registry lists it."""
    root = signed_office.root
    edit_position(root, "legal-head", lambda position: position.pop("certificates", None))
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic")
    result = refused(dlo, root, "DLO903", "agree", REG, "--as", "legal-head",
                     "--sign", signed_office.p12["vp-academic"])  # fmt: skip
    [line] = _errors(result)
    assert "names no certificate for the holder of legal-head" in line
    assert "(hint: sign with the key of the holder of legal-head" in line
    assert "certificates:" in line
