"""``--trust CA.pem``: whoever checks a signature brings the CA certificate they trust, instead of
taking the registry's ``signatures.trust``, which anyone who edits the project (a clerk) edits.
The attack it stops: a clerk adds a CA of their own to the registry, binds a certificate it
issued in an official's name to the official's position, and signs as that official."""

from __future__ import annotations

import datetime as dt

import pytest
from signing_support import (
    HOLDERS,
    NOW,
    PASSWORD,
    bind,
    entries,
    make_ca,
    make_official,
    office,
    rewrite,
    set_signatures,
)
from workflow_support import APPROVERS, REG, ok, to_in_force


@pytest.fixture
def forged(project, monkeypatch, tmp_path):
    """The office's honest set-up, its real CA also kept outside the project (the auditor's
    copy); then the clerk's CA added to the registry's trust and a certificate it issued in the
    vice-rector's name bound to her position; the agreement signed with the clerk's key."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    setup = office(project, roles=(*APPROVERS, "rector"))
    auditor = tmp_path / "auditor" / "national-ca.pem"
    auditor.parent.mkdir()
    auditor.write_bytes(setup.ca.pem)
    clerks_ca = make_ca("Clerk's own CA", label="clerks-ca")
    (project / "keys" / "clerks-ca.pem").write_bytes(clerks_ca.pem)
    set_signatures(project, ["keys/ca.pem", "keys/clerks-ca.pem"])
    posing = make_official(clerks_ca, HOLDERS["vp-academic"], label="clerk-as-vp")
    bind(project, "vp-academic", posing)
    key = posing.p12(tmp_path / "clerk" / "vp.p12")
    return setup, auditor, key, clerks_ca, posing


def test_verify_with_the_auditors_ca_names_a_signature_the_registry_vouched_for(dlo, forged):
    setup, auditor, key, *_ = forged
    root = setup.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", str(key))
    trusting_the_registry = dlo("verify", REG, cwd=root)
    assert trusting_the_registry.code == 0, trusting_the_registry.err  # what the registry says
    result = dlo("verify", REG, "--trust", str(auditor), cwd=root)
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    assert "error DLO905: journal event 2 (agreed, signed as vp-academic)" in result.err
    # the CA it was checked against is the auditor's, not the registry's (it said signatures.trust)
    assert f"which is not a trusted CA of {auditor} nor certified by one" in result.err
    assert "signatures.trust" not in result.err
    assert f"checked against the CA certificates given ({auditor})" in result.err


def test_an_honest_journal_verifies_against_the_auditors_ca(dlo, forged, tmp_path):
    setup, auditor, *_ = forged
    root = setup.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", str(setup.p12["vp-academic"]))
    result = dlo("verify", REG, "--trust", str(auditor), "--export", str(tmp_path / "x"), cwd=root)
    assert result.code == 0, result.err
    assert f"{REG}: intact" in result.out
    # the CAs exported for openssl are the ones the check used: the auditor's, not the clerk's
    assert (tmp_path / "x" / "ca.pem").read_bytes() == setup.ca.pem


def test_a_missing_or_unreadable_trust_file_is_named(dlo, forged, tmp_path):
    setup, *_ = forged
    ok(dlo, setup.root, "submit", REG)
    ok(
        dlo,
        setup.root,
        "agree",
        REG,
        "--as",
        "vp-academic",
        "--sign",
        str(setup.p12["vp-academic"]),
    )
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n", encoding="utf-8")
    result = dlo("verify", REG, "--trust", str(junk), cwd=setup.root)
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{junk}: error DLO902" in result.err and "is not an X.509 certificate" in result.err


def test_an_officials_own_certificate_is_no_trusted_ca(dlo, forged, tmp_path):
    """An official's certificate given as a trusted CA vouched for itself: `verify --trust
    vp.pem` passed the vice-rector's own signature, and the registry's signatures.trust took
    one as well (dlo check silent). A trusted certificate must be a CA's (basic constraints)."""
    setup, *_ = forged
    root = setup.root
    own = tmp_path / "vp.pem"
    own.write_bytes(setup.officials["vp-academic"].pem)
    unsigned = dlo("verify", REG, "--trust", str(own), cwd=root)  # no signature to check yet
    assert unsigned.code == 1 and "holds a certificate that is not a CA's" in unsigned.err
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", str(setup.p12["vp-academic"]))
    result = dlo("verify", REG, "--trust", str(own), cwd=root)
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{own}: error DLO902: {own} holds a certificate that is not a CA's" in result.err
    (root / "keys" / "vp-as-ca.pem").write_bytes(setup.officials["vp-academic"].pem)
    set_signatures(root, ["keys/ca.pem", "keys/vp-as-ca.pem"])
    check = dlo("check", cwd=root)
    assert check.code == 1, check.out + check.err
    said = check.out + check.err
    assert "error DLO902: keys/vp-as-ca.pem holds a certificate that is not a CA's" in said
    assert "regulations/registry.yaml:" in said


@pytest.mark.slow
def test_verify_pdf_with_the_auditors_ca(dlo, forged, tmp_path):
    """The approved edition's PDF signed with the clerk's certificate in the rector's name (the
    approver's), bound to the rector's position: valid by the registry's trust, not by the CA
    the auditor brought."""
    from signing_support import needs

    needs("soffice")
    setup, auditor, _, clerks_ca, _ = forged
    posing = make_official(clerks_ca, HOLDERS["rector"], label="clerk-as-rector")
    bind(setup.root, "rector", posing)
    to_in_force(dlo, setup.root, date=(NOW - dt.timedelta(days=3)).date().isoformat())
    key = posing.p12(tmp_path / "clerk" / "rector.p12")
    ok(dlo, setup.root, "sign-pdf", REG, "--sign", str(key), "--lang", "kk", "--out", str(tmp_path))
    path = tmp_path / f"{REG}.kk.signed.pdf"
    assert dlo("verify-pdf", str(path), cwd=setup.root).code == 0
    result = dlo("verify-pdf", str(path), "--trust", str(auditor), cwd=setup.root)
    assert result.code == 1 and "Traceback" not in result.err
    assert "the certificate does not chain to a trusted CA" in result.err


def _blank_pdf() -> bytes:
    """A one-page PDF made without LibreOffice (what is signed does not matter here)."""
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    box = generic.ArrayObject([generic.NumberObject(n) for n in (0, 0, 595, 842)])
    writer.insert_page(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Page"),
                generic.NameObject("/MediaBox"): box,
                generic.NameObject("/Resources"): generic.DictionaryObject(),
            }
        )
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_verify_pdf_of_a_signature_no_trusted_ca_issued_prints_no_traceback(forged, tmp_path):
    """pyHanko logged each signature it could not chain, with its traceback, and the command
    printed it before its own DLO909. Run as a process: in-process, pytest catches the log."""
    import os
    import subprocess
    import sys

    from signing_support import signed_by

    setup, auditor, _, clerks_ca, posing = forged
    path = signed_by(posing, clerks_ca, _blank_pdf(), tmp_path / "signed.pdf")
    result = subprocess.run(
        [sys.executable, "-c", "from dlo_docs.cli import run; run()", "verify-pdf", str(path)]
        + ["--trust", str(auditor)],
        cwd=setup.root,
        capture_output=True,
        text=True,
        env={**os.environ, "DLO_UI_LANG": "en"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error DLO909: the certificate does not chain to a trusted CA" in result.stderr
    assert "Traceback" not in result.stderr and "Failed to build path" not in result.stderr


def test_a_mistyped_trust_file_is_named_where_no_signature_is_checked(dlo, project, tmp_path):
    """The bundled journal has no signed event: the CA file given was never read, so a mistyped
    name passed as 'intact', as if the auditor's CA had been checked against."""
    missing = tmp_path / "nca-root.pem"
    result = dlo("verify", "dlo-head", "--trust", str(missing), cwd=project)
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{missing}: error DLO902: the certificate file {missing} does not exist" in result.err


def _signed_as(root, official, facts_holder) -> None:
    """What a clerk who holds a key of their own (the national CA's, as everyone's) does: the
    last event's facts name the acting position's holder as ``facts_holder(captured)`` says,
    and the clerk signs it with their own key and recomputes the chain."""
    from dlo_docs.signing import decisions, keys
    from dlo_docs.workflow import journal as _journal

    data = entries(root)
    last = data[-1]
    facts = last["facts"]["positions"][last["role"]]
    facts["holder"] = facts_holder(facts["holder"])
    last.pop("signature", None)
    rewrite(root, data)  # the chain up to it, then its signature over the new prev
    data = entries(root)
    signer = keys.Signer(official.key, official.cert, [], "clerk.p12")
    data[-1]["signature"] = decisions.record(signer, _journal.signed_bytes(data[-1]))
    rewrite(root, data)


def _verified_signed_as(dlo, forged, name: str, added: dict[str, str]):
    """``dlo verify --trust`` (the auditor's CA) of the vice-rector's agreement signed with a
    certificate the real CA issued to ``name``, bound to her position, the facts' holder with
    ``added`` names."""
    setup, auditor, *_ = forged
    root = setup.root
    other = make_official(setup.ca, name, label=f"other-{name}")
    bind(root, "vp-academic", other)
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic")
    _signed_as(root, other, lambda holder: {**holder, **added})
    return dlo("verify", REG, "--trust", str(auditor), cwd=root)


def test_the_clerks_own_certificate_does_not_pass_for_an_official_by_another_language(dlo, forged):
    """The clerk's own certificate, issued by the real CA, bound to the vice-rector's position;
    the agreement's facts name her in Kazakh and Russian, as every form prints, and the clerk in
    a third language no form prints. The name check took any language: `verify --trust` with the
    auditor's CA passed the clerk's signature as the vice-rector's. Facts hold kk and ru only."""
    result = _verified_signed_as(dlo, forged, "КЛЕРКОВ ИВАН", {"en": "Клерков Иван"})
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    assert "its facts are not of the shape dlo writes (positions.vp-academic.holder)" in result.err


def test_a_namesakes_certificate_of_the_real_ca_is_not_the_holders(dlo, forged):
    """Another Сейітова, whose key the clerk holds (or who is the clerk), has a certificate of
    the real CA; the clerk binds it to the vice-rector's position and signs her agreement with
    it, the facts as dlo wrote them. The name check compared the surname alone ("А. Б." are
    initials): `dlo check` and `verify --trust` with the auditor's CA both passed. The initials
    must begin the subject's given name."""
    result = _verified_signed_as(dlo, forged, "СЕЙІТОВА ЖАНАР", {})
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    assert (
        "error DLO903: journal event 2 (agreed, signed as vp-academic): the certificate of "
        "СЕЙІТОВА ЖАНАР" in result.err
    )
    assert "does not name the holder of vp-academic (А. Б. Сейітова / А. Б. Сеитова)" in result.err
    check = dlo("check", cwd=forged[0].root)
    assert (
        check.code == 1
        and "is issued to SERIALNUMBER=IIN800101300123,SN=СЕЙІТОВА,CN=СЕЙІТОВА ЖАНАР"
        in check.out + check.err
    )


def _damaged_ca_pem() -> bytes:
    """A CA certificate whose basic constraints are not DER of BasicConstraints (an OCTET
    STRING where a SEQUENCE belongs): it parses, and its extensions fail when first read."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import ExtensionOID, NameOID
    from signing_support import _key

    key = _key("damaged-ca")
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Damaged CA")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=10))
        .add_extension(
            x509.UnrecognizedExtension(ExtensionOID.BASIC_CONSTRAINTS, b"\x04\x02\xff\xff"),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def test_a_trust_file_whose_certificate_has_damaged_extensions_is_named(dlo, forged, tmp_path):
    """`verify --trust` with a certificate whose extensions cannot be read stopped with
    "internal error: ValueError: error parsing asn1 value", and so did dlo check and verify
    with one in the registry's signatures.trust: each is DLO902 at its file."""
    setup, *_ = forged
    root = setup.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", str(setup.p12["vp-academic"]))
    damaged = tmp_path / "damaged.pem"
    damaged.write_bytes(_damaged_ca_pem())
    result = dlo("verify", REG, "--trust", str(damaged), cwd=root)
    assert result.code == 1 and "internal error" not in result.err, result.err
    assert (
        f"{damaged}: error DLO902: {damaged} holds a certificate whose extensions cannot be read"
        in result.err
    )
    (root / "keys" / "damaged.pem").write_bytes(damaged.read_bytes())
    set_signatures(root, ["keys/ca.pem", "keys/damaged.pem"])
    for args in (("check",), ("verify", REG)):
        found = dlo(*args, cwd=root)
        said = found.out + found.err
        assert found.code == 1 and "internal error" not in said, said
        assert "error DLO902: keys/damaged.pem holds a certificate whose extensions" in said
