"""A job instruction agreed to with its own holder's key. The registry (which whoever drafts can
edit) gave another position on the route the instruction's holder under a name the self-approval
checks do not read as hers ("Мадина" for "М. Р. Бекова") and bound her own certificate there:
her certificate names that holder too, so she signed her agreement to her own instruction as
that position, the rector approved, and ``dlo verify --trust`` said intact. Now ``agree`` refuses
the key (DLO121), and ``verify`` names an approval whose round was signed so (DLO612)."""

from __future__ import annotations

import base64

import pytest
from asn1crypto import cms as acms
from asn1crypto import x509 as ax509
from conftest import organisation_today
from signing_support import (
    PASSWORD,
    edit_position,
    entries,
    make_ca,
    make_official,
    office,
    rewrite,
)
from workflow_support import REG, ok, refused

from dlo_docs.signing import cms, decisions, keys
from dlo_docs.workflow import guards


@pytest.fixture
def her_key_as_hr_head(in_force, monkeypatch, dlo):
    """A revision on agreement, agreed by the two approvers before hr-head; the registry then
    names hr-head's holder 'Мадина' and binds the instruction's holder's certificate to it."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    project = in_force
    signed = office(project)
    own = next(e for e in entries(project) if e["event"] == "approved")
    assert own["facts"]["positions"][REG]["holder"]["kk"] == "М. Р. Бекова"
    ok(dlo, project, "revise", REG, "--by", REG, "--reason", "own key")
    path = project / "regulations" / REG / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Е 074-2022 Ережелер.", "Е 074-2022 ережелер."), "utf-8")
    ok(dlo, project, "submit", REG)
    for role in ("vp-academic", "legal-head"):
        ok(dlo, project, "agree", REG, "--as", role, "--sign", str(signed.p12[role]))
    pem = next(project.glob("keys/dlo-head-*.pem")).relative_to(project).as_posix()

    def hers(position):
        position["holder"] = {"kk": "Мадина", "ru": "Мадина"}
        position["certificates"] = [{"file": pem}]

    edit_position(project, "hr-head", hers)
    return signed


def test_her_own_key_does_not_sign_as_another_position(dlo, her_key_as_hr_head, in_force):
    project = in_force
    key = str(her_key_as_hr_head.p12[REG])
    result = refused(dlo, project, "DLO121", "agree", REG, "--as", "hr-head", "--sign", key)
    assert (
        "dlo-head cannot be signed as hr-head with this key: its certificate names the holder of "
        "dlo-head"
    ) in result.err, result.err
    assert "intact" in ok(dlo, project, "verify", REG).out


def test_a_round_signed_with_her_own_key_is_named(dlo, her_key_as_hr_head, in_force, monkeypatch):
    project, signed = in_force, her_key_as_hr_head
    with monkeypatch.context() as patched:  # the refusal a version before it did not make
        patched.setattr(guards, "not_own_key", lambda *args: None, raising=False)
        ok(dlo, project, "agree", REG, "--as", "hr-head", "--sign", str(signed.p12[REG]))
    ok(dlo, project, "agree", REG, "--as", "docs-head", "--sign", str(signed.p12["docs-head"]))
    args = ("--order", "46-НҚ", "--date", str(organisation_today()))
    ok(dlo, project, "approve", REG, *args, "--sign", str(signed.p12["rector"]))
    result = dlo("verify", REG, "--trust", "keys/ca.pem", cwd=project)
    assert result.code == 1, result.out + result.err
    assert (
        "error DLO612: journal event 13 (approved) cannot stand where it is: edition 2 is the job "
        "instruction of dlo-head, and the agreement of hr-head, on its agreement route, was "
        "signed with a certificate naming the holder of dlo-head"
    ) in result.err, result.err


def _carrying(der: bytes, edit, sid: bytes | None = None) -> bytes:
    """``der`` whose certificate is edited by ``edit`` (asn1crypto reads it, cryptography does
    not), and its signer named by ``sid`` as a subject key identifier when given."""
    info = acms.ContentInfo.load(der)
    signed = info["content"]
    cert = ax509.Certificate.load(signed["certificates"][0].chosen.dump())
    edit(cert["tbs_certificate"])
    cert = ax509.Certificate.load(cert.dump(force=True))
    signed["certificates"] = [acms.CertificateChoices(name="certificate", value=cert)]
    if sid is not None:
        signer = signed["signer_infos"][0]
        signer["sid"] = acms.SignerIdentifier(name="subject_key_identifier", value=sid)
    info["content"] = signed
    return info.dump(force=True)


def _version_4(tbs) -> None:
    tbs["version"] = 3


def _printable_at(tbs) -> None:  # '@' is no character of a PrintableString
    tbs["subject"] = ax509.Name.build({"common_name": "X"})
    tbs["subject"].chosen[0][0]["value"] = ax509.DirectoryString(
        name="printable_string", value="A@B"
    )


def _key_id_twice(tbs) -> None:
    ski = ax509.Extension({"extn_id": "key_identifier", "critical": False, "extn_value": b"\x01"})
    tbs["extensions"] = [ski, ski]


@pytest.mark.parametrize(
    ("edit", "sid"), [(_version_4, None), (_printable_at, None), (_key_id_twice, b"\x01")]
)
def test_a_signature_carrying_an_unreadable_certificate_is_malformed(edit, sid):
    """A signature whose CMS carries a certificate asn1crypto reads and cryptography refuses
    (version 4, a PrintableString with '@', an extension twice) is a bad signature, not an
    internal error: whose key signed it cannot be told."""
    official = make_official(make_ca(), "БЕКОВА МАДИНА")
    der = _carrying(cms.sign(keys.Signer(official.key, official.cert), b"data"), edit, sid)
    with pytest.raises(cms.BadSignature):
        cms.signer(der)
    with pytest.raises(cms.BadSignature):
        cms.check(der, b"data")
    record = {"cms": base64.b64encode(der).decode("ascii")}
    assert decisions.names(record, {"kk": "М. Р. Бекова"}) is False


def test_a_round_whose_agreement_carries_an_unreadable_certificate(in_force, dlo, monkeypatch):
    """An approved round, one agreement's signature record then given a certificate of version
    4: dlo status, log and verify said 'internal error: InvalidVersion' (the self-approval check
    reads whose key signed each agreement, with or without --trust); now verify --trust names
    the signature as not matching its event, and the others run."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    project = in_force
    signed = office(project)
    ok(dlo, project, "revise", REG, "--by", REG, "--reason", "unreadable")
    path = project / "regulations" / REG / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Е 074-2022 Ережелер.", "Е 074-2022 ережелер."), "utf-8")
    ok(dlo, project, "submit", REG)
    for role in ("vp-academic", "legal-head", "hr-head", "docs-head", "rector"):
        act = ("agree", REG, "--as", role) if role != "rector" else ("approve", REG)
        dated = (
            ("--order", "46-НҚ", "--date", str(organisation_today())) if role == "rector" else ()
        )
        ok(dlo, project, *act, *dated, "--sign", str(signed.p12[role]))
    data = entries(project)
    agreed = next(e for e in data if e["event"] == "agreed" and "signature" in e)
    der = base64.b64decode(agreed["signature"]["cms"])
    agreed["signature"]["cms"] = base64.b64encode(_carrying(der, _version_4)).decode("ascii")
    rewrite(project, data)
    for args in (("status", REG), ("log", REG), ("verify", REG)):
        result = dlo(*args, cwd=project)
        assert "internal error" not in result.err, (args, result.err)
    result = dlo("verify", REG, "--trust", "keys/ca.pem", cwd=project)
    assert result.code == 1 and "internal error" not in result.err, result.err
    assert "error DLO906: " in result.err and "not a readable CMS signature" in result.err


@pytest.mark.parametrize(
    ("holder", "named"),
    [
        ("М. Р. Бекова", True),
        ("Бекова М.Р.", True),
        ("М. Бекова", True),
        ("Мадина Бекова", True),
        ("Бекова Мадина Рахимовна", True),
        ("Р. М. Бекова", False),  # another order of the initials: another person
        ("Р. Бекова", False),  # her patronymic's initial where her name's stands
        ("А. Б. Бекова", False),
    ],
)
def test_a_certificate_names_a_holder_by_her_initials_in_their_order(holder, named):
    """BEKOVA's certificate passed the holder check of 'Р. М. Бекова' and 'Р. Бекова': the
    initials were matched in any order, so one woman's key counted as her namesake's (found by an
    attack on the day's changes, comparing it with persons.may_be_one). Now the initials are read
    in their order against the certificate's other words in theirs."""
    from dlo_docs.signing.registry import names_holder

    official = make_official(make_ca(), "БЕКОВА МАДИНА РАХИМОВНА", label="bekova-order")
    assert names_holder(official.cert, {"kk": holder}) is named
