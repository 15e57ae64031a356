"""The signing library: PKCS#12 keys, detached CMS signatures, trust, and the registry's holders.

Every refusal is tried with a real key that should not pass: another official's, an expired one,
one from an untrusted CA, and bytes changed after signing. openssl is the external client."""

from __future__ import annotations

import base64
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from signing_support import (
    NOW,
    PASSWORD,
    bind,
    make_ca,
    make_official,
    needs,
    office,
    record_made_at,
)

from dlo_docs.errors import DloError
from dlo_docs.project import Loaded, Project
from dlo_docs.signing import cms, decisions, keys
from dlo_docs.signing.registry import Signers

DATA = b'{"event":"agreed","content_hash":"ab","prev":"cd"}'
TODAY = NOW.date()


def signers(root: Path) -> Signers:
    project = Project(root)
    loaded = Loaded()
    project.load_registry(loaded)
    assert not loaded.errors, loaded.errors
    return Signers(project, loaded.registry, loaded.registry_source)


def codes(failures) -> list[str]:
    return [f.code for f in failures]


# -- keys ------------------------------------------------------------------------------------


def test_pkcs12_opens_with_its_password_only(tmp_path):
    ca = make_ca()
    official = make_official(ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic")
    path = official.p12(tmp_path / "vp.p12", ca=ca)
    signer = keys.load_pkcs12(path, PASSWORD.encode())
    assert signer.certificate == official.cert
    assert signer.chain == [ca.cert]
    with pytest.raises(DloError) as exc:
        keys.load_pkcs12(path, b"wrong")
    assert exc.value.problems[0].code == "DLO901"
    assert "wrong password" in exc.value.problems[0].message
    (tmp_path / "junk.p12").write_bytes(b"not a key file")
    with pytest.raises(DloError, match="DLO901"):
        keys.load_pkcs12(tmp_path / "junk.p12", b"x")
    with pytest.raises(DloError, match="does not exist"):
        keys.load_pkcs12(tmp_path / "none.p12", b"x")


def test_password_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(keys.PASSWORD_ENV, raising=False)
    assert keys.password_from_env() is None
    monkeypatch.setenv(keys.PASSWORD_ENV, "сырсөз")
    assert keys.password_from_env() == "сырсөз".encode()


# -- CMS -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signer(tmp_path_factory):
    ca = make_ca()
    official = make_official(ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic")
    path = official.p12(tmp_path_factory.mktemp("k") / "vp.p12")
    return keys.load_pkcs12(path, PASSWORD.encode())


def test_a_detached_signature_checks_against_exactly_its_bytes(signer):
    der = cms.sign(signer, DATA)
    checked = cms.check(der, DATA)
    assert checked.certificate == signer.certificate
    assert abs(checked.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    with pytest.raises(cms.BadSignature, match="message digest"):
        cms.check(der, DATA.replace(b"agreed", b"rejected"))


def test_a_changed_signature_byte_or_garbage_is_refused(signer):
    der = bytearray(cms.sign(signer, DATA))
    der[-10] ^= 0x01  # inside the RSA signature value, the last field of the structure
    with pytest.raises(cms.BadSignature, match="does not verify"):
        cms.check(bytes(der), DATA)
    for junk in (b"", b"\x30\x03\x02\x01\x01", b"garbage" * 10):
        with pytest.raises(cms.BadSignature):
            cms.check(junk, DATA)


# -- the registry's holders, validity and trust ------------------------------------------------


@pytest.fixture
def office_project(project):
    return office(project, roles=("vp-academic", "legal-head"))


def test_the_role_holder_is_accepted(office_project):
    s = signers(office_project.root)
    signer = keys.load_pkcs12(office_project.p12["vp-academic"], PASSWORD.encode())
    assert decisions.signer_failures(s, signer, "vp-academic", NOW, TODAY) == []
    assert s.problems() == []


def test_another_officials_key_is_not_the_holders(office_project):
    s = signers(office_project.root)
    other = keys.load_pkcs12(office_project.p12["legal-head"], PASSWORD.encode())
    failures = decisions.signer_failures(s, other, "vp-academic", NOW, TODAY)
    assert codes(failures) == ["DLO903"]
    assert "ОСПАНОВ" in failures[0].message and "vp-academic" in failures[0].message


def test_a_role_with_no_certificate_cannot_sign(office_project):
    s = signers(office_project.root)
    signer = keys.load_pkcs12(office_project.p12["vp-academic"], PASSWORD.encode())
    failures = decisions.signer_failures(s, signer, "hr-head", NOW, TODAY)
    assert codes(failures) == ["DLO903"]
    assert "names no certificate" in failures[0].message


def test_an_expired_certificate_is_refused_on_the_event_date(office_project, tmp_path):
    root = office_project.root
    old = make_official(
        office_project.ca,
        "СЕЙІТОВА АЙГҮЛ",
        label="vp-academic",
        not_before=NOW - dt.timedelta(days=800),
        not_after=NOW - dt.timedelta(days=30),
    )
    bind(root, "vp-academic", old)
    signer = keys.load_pkcs12(old.p12(tmp_path / "old.p12"), PASSWORD.encode())
    s = signers(root)
    failures = decisions.signer_failures(s, signer, "vp-academic", NOW, TODAY)
    assert codes(failures) == ["DLO904"]
    assert "expired on" in failures[0].message
    # the same certificate was valid 60 days ago
    past = NOW - dt.timedelta(days=60)
    assert decisions.signer_failures(s, signer, "vp-academic", past, past.date()) == []


def test_a_certificate_from_an_untrusted_ca_is_refused(office_project, tmp_path):
    rogue = make_ca("Rogue CA", label="rogue-ca")
    forged = make_official(rogue, "СЕЙІТОВА АЙГҮЛ", label="vp-forged")
    bind(office_project.root, "vp-academic", forged)  # even when the registry names it
    signer = keys.load_pkcs12(forged.p12(tmp_path / "f.p12", ca=rogue), PASSWORD.encode())
    failures = decisions.signer_failures(
        signers(office_project.root), signer, "vp-academic", NOW, TODAY
    )
    assert codes(failures) == ["DLO905"]
    assert (
        "which is not a trusted CA of signatures.trust nor certified by one" in failures[0].message
    )
    assert "issued by CN=Rogue CA" in failures[0].message  # whose certificate it is, said


def test_a_former_holders_certificate_counts_only_for_their_days(office_project, tmp_path):
    root = office_project.root
    former = make_official(office_project.ca, "СМАҒҰЛОВ АСҚАР", label="vp-former")
    bind(
        root,
        "vp-academic",
        former,
        holder={"kk": "А. Смағұлов", "ru": "А. Смагулов"},
        until=(TODAY - dt.timedelta(days=10)).isoformat(),
    )
    signer = keys.load_pkcs12(former.p12(tmp_path / "former.p12"), PASSWORD.encode())
    s = signers(root)
    past = NOW - dt.timedelta(days=20)
    # what they signed while they held the position verifies, with or without the name the
    # event recorded then (signed then: the signature's own signing time is that day too)
    rec = record_made_at(signer, DATA, past.replace(microsecond=0))
    then = {"kk": "А. Смағұлов", "ru": "А. Смагулов"}
    assert decisions.record_failures(s, rec, DATA, "vp-academic", past, past.date(), then) == []
    assert decisions.record_failures(s, rec, DATA, "vp-academic", past, past.date()) == []
    # they sign no more: not today, nor today for an act of their days
    failures = decisions.signer_failures(s, signer, "vp-academic", NOW, TODAY)
    assert codes(failures) == ["DLO903"]
    assert f"on {TODAY.isoformat()}" in failures[0].message
    failures = decisions.signer_failures(s, signer, "vp-academic", past, past.date(), TODAY)
    assert codes(failures) == ["DLO903"]
    # a record made today fails verify for the day it was recorded
    failures = decisions.record_failures(s, rec, DATA, "vp-academic", NOW, past.date(), then)
    assert codes(failures) == ["DLO903"]
    # and so does one made today whose event claims to be recorded in their days: the
    # signature's own signing time says when it was made
    today = decisions.record(signer, DATA)
    failures = decisions.record_failures(s, today, DATA, "vp-academic", past, past.date(), then)
    assert codes(failures) == ["DLO903"] and f"on {TODAY.isoformat()}" in failures[0].message


def test_a_certificate_naming_someone_else_is_reported_at_its_registry_line(office_project):
    root = office_project.root
    stranger = make_official(office_project.ca, "ПЕТРОВ ПЁТР", label="stranger")
    bind(root, "docs-head", stranger)
    problems = signers(root).problems()
    assert [p.code for p in problems] == ["DLO903"]
    text = (root / "regulations" / "registry.yaml").read_text(encoding="utf-8").splitlines()
    loc = problems[0].location
    assert loc.path == "regulations/registry.yaml"
    assert text[loc.line - 1][loc.col - 1 :].startswith("keys/docs-head-")
    assert text[loc.line - 1][: loc.col - 1].strip() in ("file:", "- file:")
    assert "ПЕТРОВ" in problems[0].message


def test_a_certificate_path_cannot_leave_the_project(office_project, tmp_path):
    root = office_project.root
    outside = tmp_path / "outside.pem"
    outside.write_bytes(office_project.officials["vp-academic"].pem)
    (root / "keys" / "link.pem").symlink_to(outside)
    registry = root / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    pem = next(w for w in text.split() if w.startswith("keys/legal-head-"))
    registry.write_text(text.replace(pem, "keys/link.pem"), encoding="utf-8")
    problems = signers(root).problems()
    assert [p.code for p in problems] == ["DLO902"]
    assert "outside the project" in problems[0].message
    registry.write_text(text.replace(pem, "../x/legal-head.pem"), encoding="utf-8")
    loaded = Loaded()
    Project(root).load_registry(loaded)
    assert [p.code for p in loaded.errors] == ["DLO013"]


# -- records and the external client ----------------------------------------------------------


def _openssl(folder: Path, name: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", str(folder / f"{name}.bin"), "-in", str(folder / f"{name}.p7s"),
            "-CAfile", str(folder / "ca.pem"), "-out", "/dev/null", *extra,
        ],
        capture_output=True,
        text=True,
    )  # fmt: skip


@needs("openssl")
def test_openssl_verifies_an_exported_record_and_rejects_a_changed_byte(office_project, tmp_path):
    s = signers(office_project.root)
    signer = keys.load_pkcs12(office_project.p12["vp-academic"], PASSWORD.encode())
    rec = decisions.record(signer, DATA)
    assert rec["serial"] == format(signer.certificate.serial_number, "X")
    assert decisions.record_failures(s, rec, DATA, "vp-academic", NOW, TODAY) == []
    out = tmp_path / "export"
    decisions.export(out, "dlo-head-2-agreed", rec, DATA)
    decisions.export_anchors(out, s)
    result = _openssl(out, "dlo-head-2-agreed")
    assert result.returncode == 0, result.stderr
    assert "Verification successful" in result.stderr
    (out / "dlo-head-2-agreed.bin").write_bytes(DATA.replace(b"ab", b"ac"))
    result = _openssl(out, "dlo-head-2-agreed")
    assert result.returncode != 0
    assert "Verification successful" not in result.stderr


@needs("openssl")
def test_openssl_needs_purpose_any_without_e_mail_protection_as_the_readme_says(
    office_project, tmp_path
):
    """A certificate whose extended key usage leaves out e-mail protection (client
    authentication only) verifies in dlo; openssl refuses its purpose unless -purpose any."""
    from cryptography.x509.oid import ExtendedKeyUsageOID

    official = make_official(office_project.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic",
                             usages=[ExtendedKeyUsageOID.CLIENT_AUTH])  # fmt: skip
    signer = keys.load_pkcs12(official.p12(tmp_path / "auth.p12"), PASSWORD.encode())
    rec = decisions.record(signer, DATA)
    out = tmp_path / "export"
    decisions.export(out, "x", rec, DATA)
    decisions.export_anchors(out, signers(office_project.root))
    refused = _openssl(out, "x")
    assert refused.returncode != 0 and "purpose" in refused.stderr
    assert _openssl(out, "x", "-purpose", "any").returncode == 0


def test_a_record_over_other_bytes_or_with_a_swapped_field_fails(office_project):
    s = signers(office_project.root)
    signer = keys.load_pkcs12(office_project.p12["vp-academic"], PASSWORD.encode())
    rec = decisions.record(signer, DATA)
    changed = decisions.record_failures(s, rec, DATA + b" ", "vp-academic", NOW, TODAY)
    assert codes(changed) == ["DLO906"]
    other = decisions.record(
        keys.load_pkcs12(office_project.p12["legal-head"], PASSWORD.encode()), DATA
    )
    swapped = dict(rec, serial=other["serial"])
    assert codes(decisions.record_failures(s, swapped, DATA, "vp-academic", NOW, TODAY)) == [
        "DLO906"
    ]
    assert codes(decisions.record_failures(s, other, DATA, "vp-academic", NOW, TODAY)) == ["DLO903"]
    broken = dict(rec, cms=base64.b64encode(b"junk").decode())
    assert codes(decisions.record_failures(s, broken, DATA, "vp-academic", NOW, TODAY)) == [
        "DLO906"
    ]
    assert codes(decisions.record_failures(s, {"cms": "%%%"}, DATA, "vp-academic", NOW, TODAY)) == [
        "DLO906"
    ]


def test_dlo_check_reports_a_bad_certificate_at_its_registry_line(office_project, dlo):
    root = office_project.root
    ok_run = dlo("check", cwd=root)
    assert "DLO90" not in ok_run.err + ok_run.out
    stranger = make_official(office_project.ca, "ПЕТРОВ ПЁТР", label="stranger")
    pem = bind(root, "docs-head", stranger)
    result = dlo("check", cwd=root)
    assert result.code == 1
    assert "regulations/registry.yaml:" in result.out + result.err
    assert "error DLO903:" in result.out + result.err
    pem.unlink()
    result = dlo("check", cwd=root)
    assert (
        "error DLO902:" in result.out + result.err and "does not exist" in result.out + result.err
    )


def test_reading_a_signature_first_leaves_pdf_signing_possible_in_the_same_process():
    """asn1crypto builds CMSAttributeType's name table once, when first used: a CMS read before
    the time-stamp names (signing_certificate_v2, which PAdES signs with) were registered broke
    `dlo sign-pdf` after a journal's signatures had been checked in the same process."""
    code = (
        "import dlo_docs.signing.cms\n"
        "from asn1crypto import cms\n"
        "cms.CMSAttributeType('content_type')\n"
        "cms.CMSAttributeType('signing_certificate_v2')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_former_approver_no_longer_signs_the_approved_pdf(office_project, tmp_path):
    """The PDF of an edition approved while she held the position, signed after her entry ended:
    refused (the key is checked before anything is rendered), as for every other act."""
    from dlo_docs import approved_pdf

    root = office_project.root
    former = make_official(office_project.ca, "СМАҒҰЛОВ АСҚАР", label="vp-former")
    bind(root, "vp-academic", former, holder={"kk": "А. Смағұлов", "ru": "А. Смагулов"},
         until=(TODAY - dt.timedelta(days=1)).isoformat())  # fmt: skip
    approval = approved_pdf.Approval(1, "vp-academic", "12-НҚ", TODAY - dt.timedelta(days=30))
    signer = keys.load_pkcs12(former.p12(tmp_path / "former.p12"), PASSWORD.encode())
    with pytest.raises(DloError) as refused:
        approved_pdf.check_approver(Project(root), approval, signer)
    [problem] = refused.value.problems
    assert problem.code == "DLO903"
    holder = keys.load_pkcs12(office_project.p12["vp-academic"], PASSWORD.encode())
    approved_pdf.check_approver(Project(root), approval, holder)  # the holder of today may


def test_a_key_file_that_is_no_pkcs12_is_told_apart_from_a_wrong_password(tmp_path):
    """A garbage or PEM file is called what it is, not a wrong password (the official would
    retype the password in vain); a wrong password stays a wrong password."""
    ca = make_ca()
    official = make_official(ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic")
    path = official.p12(tmp_path / "vp.p12", ca=ca)
    (tmp_path / "junk.p12").write_bytes(os.urandom(3000))
    (tmp_path / "cert.pem").write_bytes(official.pem)
    for name in ("junk.p12", "cert.pem"):
        with pytest.raises(DloError) as exc:
            keys.load_pkcs12(tmp_path / name, PASSWORD.encode())
        [problem] = exc.value.problems
        assert problem.code == "DLO901"
        assert "not a PKCS#12 file" in problem.message and "password" not in problem.message
    with pytest.raises(DloError) as exc:
        keys.load_pkcs12(path, b"wrong")
    assert "wrong password" in exc.value.problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_certificate_or_key_path_that_is_no_regular_file_is_called_so(tmp_path):
    """A folder or a FIFO where a certificate or a key file is expected is named as such, not
    'does not exist' (and a FIFO is never opened: reading it would wait for a writer)."""
    (tmp_path / "folder.pem").mkdir()
    os.mkfifo(tmp_path / "fifo.pem")
    for name in ("folder.pem", "fifo.pem"):
        with pytest.raises(DloError) as exc:
            keys.load_certificates(tmp_path / name, name)
        [problem] = exc.value.problems
        assert problem.code == "DLO902" and "not a regular file" in problem.message, problem
        with pytest.raises(DloError) as exc:
            keys.load_pkcs12(tmp_path / name, b"x", name)
        assert "not a regular file" in exc.value.problems[0].message


def test_export_of_a_journal_without_signatures_says_there_is_nothing_to_export(
    dlo, project, tmp_path
):
    """docs/cli.md's `dlo verify dlo-head --export build/signatures` on the bundled project (no
    event signed) wrote nothing and said nothing of it: no file for the openssl command after it."""
    out = tmp_path / "signatures"
    result = dlo("verify", "dlo-head", "--export", str(out), cwd=project)
    assert result.code == 0, result.err
    assert "dlo-head: no signed event: nothing to export" in result.out
    assert "dlo-head: intact" in result.out and not out.exists()
