"""Signed acknowledgements: `dlo acknowledge --sign KEY.p12`, the reader's own key, checked like
every signed decision (the registry's certificate of the reader's position on the day they read it
and the day they sign, naming them, valid then, from a trusted CA); the policy that requires them;
`dlo verify` and openssl; the acquaintance sheet, read back from the DOCX."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import docx
import pytest
from signing_support import (
    NOW,
    PASSWORD,
    bind,
    entries,
    event_line,
    make_ca,
    make_official,
    needs,
    office,
    rewrite,
    set_signatures,
)
from workflow_support import ok, refused

REG = "dlo-head"  # the bundled regulation, in force since 2024-06-03 (the in_force fixture)
ZONE = dt.timezone(dt.timedelta(hours=5))
TODAY = NOW.astimezone(ZONE).date()


@pytest.fixture
def signed_office(in_force, monkeypatch):
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    return office(in_force, roles=("dlo-head", "vp-academic", "legal-head"))


def _key(setup, role: str) -> str:
    return str(setup.p12[role])


def _serial(setup, role: str) -> str:
    return format(setup.officials[role].cert.serial_number, "X")


def _acquaintance_rows(root) -> list[list[str]]:
    document = docx.Document(str(root / "build" / f"{REG}.kk.acquaintance.docx"))
    # as they read: the forms' no-break spaces (initials, "№") as spaces
    return [
        [c.text.replace("\u00a0", " ") for c in row.cells]
        for t in document.tables
        for row in t.rows
    ]


def test_the_holder_signs_their_acknowledgement_and_the_sheet_prints_it(dlo, signed_office):
    root = signed_office.root
    result = ok(dlo, root, "acknowledge", REG, "--holder", "dlo-head",
                "--sign", _key(signed_office, "dlo-head"))  # fmt: skip
    serial = _serial(signed_office, "dlo-head")
    assert f"signed by БЕКОВА МАДИНА, certificate {serial}" in result.out
    [last] = entries(root)[-1:]
    assert last["event"] == "acknowledged" and last["position_id"] == "dlo-head"
    assert last["signature"]["serial"] == serial
    ok(dlo, root, "acknowledge", REG, "--holder", "vp-academic")  # unsigned beside it
    assert "intact" in ok(dlo, root, "verify", REG).out
    assert f"certificate {serial}" in ok(dlo, root, "log", REG).out
    ok(dlo, root, "sheet", "acquaintance", REG)
    rows = _acquaintance_rows(root)
    signed = next(r for r in rows if r[1] == "М. Р. Бекова")
    assert signed[4].startswith(f"ЭЦҚ: БЕКОВА МАДИНА, сертификат № {serial}, ")
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d$", signed[4])
    unsigned = next(r for r in rows if r[1] == "А. Б. Сейітова")
    assert unsigned[4] == ""  # left for the pen


def test_the_holders_name_in_any_of_the_registrys_languages_will_do(dlo, signed_office, tmp_path):
    """The registry writes the vice-rector as Сейітова (kk) and Сеитова (ru); her certificate
    spells it the Russian way. As for an agreement, either name is hers; verify agrees, from the
    holder the event recorded."""
    root = signed_office.root
    russian = make_official(signed_office.ca, "СЕИТОВА АЙГУЛЬ", label="vp-ru")
    bind(root, "vp-academic", russian)
    key = str(russian.p12(tmp_path / "ru.p12"))
    # someone else of the position, named as written, is held to that name alone
    refused(dlo, root, "DLO903", "acknowledge", REG, "--name", "Ж. Ж. Сеитов",
            "--position", "vp-academic", "--sign", key)  # fmt: skip
    ok(dlo, root, "acknowledge", REG, "--holder", "vp-academic", "--sign", key)
    [last] = entries(root)[-1:]
    assert last["name"] == "А. Б. Сейітова"
    assert last["facts"]["positions"]["vp-academic"]["holder"]["ru"] == "А. Б. Сеитова"
    ok(dlo, root, "verify", REG)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        # another official's key for the holder of dlo-head
        (("--holder", "dlo-head", "--sign", "legal-head"), "DLO903", "not the registry's"),
        # the holder's key, but someone else of that position reads
        (("--name", "Ж. Ж. Жанов", "--position", "dlo-head", "--sign", "dlo-head"),
         "DLO903", "does not name"),
        # a reader the registry binds no certificate to
        (("--name", "Ж. Ж. Жанов", "--position", "Маман", "--sign", "dlo-head"),
         "DLO903", "holds no registry position"),
    ],
)  # fmt: skip
def test_a_key_that_is_not_the_readers_is_refused(dlo, signed_office, args, code, says):
    args = (*args[:-1], _key(signed_office, args[-1]))  # --sign ROLE: that official's key
    result = refused(dlo, signed_office.root, code, "acknowledge", REG, *args)
    assert says in result.err


def test_an_expired_or_untrusted_certificate_is_refused(dlo, signed_office, tmp_path):
    root = signed_office.root
    expired = make_official(signed_office.ca, "БЕКОВА МАДИНА", label="dlo-head",
                            not_before=NOW - dt.timedelta(days=900),
                            not_after=NOW - dt.timedelta(days=30))  # fmt: skip
    bind(root, "dlo-head", expired)
    result = refused(dlo, root, "DLO904", "acknowledge", REG, "--holder", "dlo-head",
                     "--sign", str(expired.p12(tmp_path / "expired.p12")))  # fmt: skip
    assert "expired on" in result.err
    rogue = make_official(make_ca("Rogue CA", label="rogue-ca"), "БЕКОВА МАДИНА", label="rogue")
    bind(root, "dlo-head", rogue)
    result = refused(dlo, root, "DLO905", "acknowledge", REG, "--holder", "dlo-head",
                     "--sign", str(rogue.p12(tmp_path / "rogue.p12")))  # fmt: skip
    assert "trusted CA" in result.err


def test_one_key_signs_one_persons_acknowledgement(dlo, signed_office, tmp_path):
    root = signed_office.root
    key = _key(signed_office, "dlo-head")
    result = dlo("acknowledge", REG, "--holder", "dlo-head", "--holder", "vp-academic",
                 "--sign", key, cwd=root)  # fmt: skip
    assert result.code == 2 and "--sign signs one person's acknowledgement" in result.err
    (tmp_path / "list.csv").write_text("name,position,date\nЖ. Жанов,Маман,2026-11-27\n")
    result = dlo("acknowledge", REG, "--csv", str(tmp_path / "list.csv"), "--sign", key, cwd=root)
    assert result.code == 2 and "recorded unsigned" in result.err
    assert all(e["event"] != "acknowledged" for e in entries(root))


def test_a_list_is_recorded_unsigned_and_says_so(dlo, signed_office, tmp_path):
    (tmp_path / "list.csv").write_text("name,position,date\nЖ. Жанов,Маман,2026-11-27\n")
    result = ok(dlo, signed_office.root, "acknowledge", REG, "--csv", str(tmp_path / "list.csv"))
    assert "the 1 acknowledgement of" in result.out and "recorded unsigned" in result.out
    assert "signature" not in entries(signed_office.root)[-1]


def test_when_the_policy_requires_signed_acknowledgements(dlo, signed_office, tmp_path):
    root = signed_office.root
    set_signatures(root, ["keys/ca.pem"], ["acknowledged"])
    result = refused(dlo, root, "DLO907", "acknowledge", REG, "--holder", "dlo-head")
    assert "--sign KEY.p12" in result.err
    (tmp_path / "list.csv").write_text("name,position,date\nЖ. Жанов,Маман,2026-11-27\n")
    result = refused(dlo, root, "DLO907", "acknowledge", REG, "--csv", str(tmp_path / "list.csv"))
    assert "cannot be signed" in result.err
    ok(
        dlo,
        root,
        "acknowledge",
        REG,
        "--holder",
        "dlo-head",
        "--sign",
        _key(signed_office, "dlo-head"),
    )
    ok(dlo, root, "verify", REG)
    # the signature stripped and the chain recomputed: verify reports it at the event
    data = entries(root)
    del data[-1]["signature"]
    rewrite(root, data)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    seq = data[-1]["seq"]
    assert f"journal.yaml:{event_line(root, seq)}:" in result.err
    assert f"error DLO907: journal event {seq} (acknowledged, by М. Р. Бекова) is not signed" in (
        result.err
    )


def test_verify_reports_a_signed_acknowledgement_changed_or_moved_to_another_reader(
    dlo, signed_office
):
    root = signed_office.root
    day = (TODAY - dt.timedelta(days=2)).isoformat()
    ok(dlo, root, "acknowledge", REG, "--holder", "dlo-head", "--date", day,
       "--sign", _key(signed_office, "dlo-head"))  # fmt: skip
    ok(dlo, root, "acknowledge", REG, "--holder", "vp-academic")
    data = entries(root)
    signed, other = data[-2], data[-1]
    signed["date"] = TODAY.isoformat()  # "she read it only today"
    other["signature"] = dict(signed["signature"])  # and her signature lent to another reader
    rewrite(root, data)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if "error DLO" in line]
    assert len(errors) == 2, result.err
    for entry in (signed, other):
        line = event_line(root, entry["seq"], "signature")
        assert any(e.startswith(f"regulations/{REG}/journal.yaml:{line}:") for e in errors)
    assert all("error DLO906" in e and "message digest" in e for e in errors)


def test_a_former_holder_no_longer_acknowledges_with_their_key(dlo, signed_office):
    root = signed_office.root
    from signing_support import edit_position

    def successor(position):
        position["holder"] = {"kk": "Р. Т. Омарова", "ru": "Р. Т. Омарова"}
        position["certificates"][0]["until"] = (TODAY - dt.timedelta(days=1)).isoformat()

    edit_position(root, "dlo-head", successor)
    result = refused(dlo, root, "DLO903", "acknowledge", REG, "--name", "М. Р. Бекова",
                     "--position", "dlo-head", "--date", (TODAY - dt.timedelta(days=3)).isoformat(),
                     "--sign", _key(signed_office, "dlo-head"))  # fmt: skip
    assert f"on {TODAY.isoformat()}" in result.err


@needs("openssl")
def test_openssl_verifies_an_exported_acknowledgement(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "acknowledge", REG, "--holder", "dlo-head",
       "--sign", _key(signed_office, "dlo-head"))  # fmt: skip
    seq = entries(root)[-1]["seq"]
    ok(dlo, root, "verify", REG, "--export", "out")
    name = f"{REG}-{seq}-acknowledged"
    folder = root / "out"
    check = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER",
         "-content", str(folder / f"{name}.bin"), "-in", str(folder / f"{name}.p7s"),
         "-CAfile", str(folder / "ca.pem"), "-out", "/dev/null"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0 and "Verification successful" in check.stderr, check.stderr


def test_a_computer_whose_clock_is_behind_the_journal_cannot_sign(dlo, signed_office):
    """A signed event recorded before the journal's latest one would be reported by verify as
    moved back (DLO908): the command refuses it first and says to set the clock."""
    from conftest import on_day

    root = signed_office.root
    ok(dlo, root, "acknowledge", REG, "--holder", "vp-academic")  # recorded now
    with on_day((TODAY - dt.timedelta(days=1)).isoformat()):  # a clock a day behind
        result = refused(dlo, root, "DLO908", "acknowledge", REG, "--holder", "dlo-head",
                         "--sign", _key(signed_office, "dlo-head"))  # fmt: skip
    assert "set the computer's date and time right" in result.err
    ok(
        dlo,
        root,
        "acknowledge",
        REG,
        "--holder",
        "dlo-head",
        "--sign",
        _key(signed_office, "dlo-head"),
    )
    ok(dlo, root, "verify", REG)
