"""Signed decisions in the workflow: `--sign KEY.p12` on agree, reject, approve and review; the
policy that requires signatures; `dlo verify` checking every signature at its journal event; and
`dlo verify --export` read by openssl, a client that knows nothing of dlo."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
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
from site_support import page as site_page
from workflow_support import APPROVERS, REG, ok, refused

from dlo_docs.workflow import journal as _journal


@pytest.fixture
def signed_office(project, monkeypatch):
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    return office(project, roles=(*APPROVERS, "rector"))


def agree_signed(dlo, setup, role):
    return ok(dlo, setup.root, "agree", REG, "--as", role, "--sign", setup.p12[role])


def test_an_agreement_signed_by_the_holder_is_recorded_and_verifies(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    agree_signed(dlo, signed_office, "vp-academic")
    last = entries(root)[-1]
    sig = last["signature"]
    cert = signed_office.officials["vp-academic"].cert
    assert sig["serial"] == format(cert.serial_number, "X")
    assert "СЕЙІТОВА" in sig["subject"]
    assert last["hash"] == _journal.event_hash(last)  # the chain covers the signature
    result = ok(dlo, root, "verify", REG)
    assert "intact (2 journal events)" in result.out
    log = ok(dlo, root, "log", REG).out
    assert f"certificate {sig['serial']}" in log


def test_the_whole_route_signed_approval_and_review_included(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "reject", REG, "--as", "vp-academic", "--remarks", "Fix clause 17",
       "--sign", signed_office.p12["vp-academic"])  # fmt: skip
    ok(dlo, root, "submit", REG)
    for role in APPROVERS:
        agree_signed(dlo, signed_office, role)
    today = NOW.astimezone(dt.timezone(dt.timedelta(hours=5))).date().isoformat()
    ok(dlo, root, "approve", REG, "--order", "12-НҚ", "--date", today,
       "--sign", signed_office.p12["rector"])  # fmt: skip
    ok(dlo, root, "review", REG, "--by", "vp-academic", "--result", "Current",
       "--sign", signed_office.p12["vp-academic"])  # fmt: skip
    kinds = [(e["event"], "signature" in e) for e in entries(root)]
    assert kinds == [
        ("submitted", False),
        ("rejected", True),
        ("submitted", False),
        *[("agreed", True)] * 4,
        ("approved", True),
        ("reviewed", True),
    ]
    ok(dlo, root, "verify", REG)


def test_another_officials_key_is_refused(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    result = refused(dlo, root, "DLO903", "agree", REG, "--as", "vp-academic",
                     "--sign", signed_office.p12["legal-head"])  # fmt: skip
    assert "not the registry's certificate of the holder of vp-academic" in result.err


def test_an_expired_certificate_is_refused(dlo, signed_office, tmp_path):
    root = signed_office.root
    old = make_official(signed_office.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic",
                        not_before=NOW - dt.timedelta(days=900),
                        not_after=NOW - dt.timedelta(days=3))  # fmt: skip
    bind(root, "vp-academic", old)
    ok(dlo, root, "submit", REG)
    result = refused(dlo, root, "DLO904", "agree", REG, "--as", "vp-academic",
                     "--sign", old.p12(tmp_path / "old.p12"))  # fmt: skip
    assert "expired on" in result.err


def test_a_certificate_from_an_untrusted_ca_is_refused(dlo, signed_office, tmp_path):
    root = signed_office.root
    rogue = make_ca("Rogue CA", label="rogue-ca")
    forged = make_official(rogue, "СЕЙІТОВА АЙГҮЛ", label="vp-forged")
    bind(root, "vp-academic", forged)  # even a certificate the registry names
    ok(dlo, root, "submit", REG)
    result = refused(dlo, root, "DLO905", "agree", REG, "--as", "vp-academic",
                     "--sign", forged.p12(tmp_path / "forged.p12"))  # fmt: skip
    assert "trusted CA" in result.err


def test_when_the_policy_requires_signatures_unsigned_decisions_are_refused(dlo, signed_office):
    root = signed_office.root
    set_signatures(root, ["keys/ca.pem"], ["agreed", "approved"])
    ok(dlo, root, "submit", REG)  # submitting is not a decision the policy names
    result = refused(dlo, root, "DLO907", "agree", REG, "--as", "vp-academic")
    assert "--sign" in result.err
    agree_signed(dlo, signed_office, "vp-academic")


def _signature_line(root: Path, seq: int) -> int:
    return event_line(root, seq, "signature")


def test_verify_reports_a_tampered_signed_event_at_its_line(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--remarks", "Agreed",
       "--sign", signed_office.p12["vp-academic"])  # fmt: skip
    data = entries(root)
    data[1]["remarks"] = "Agreed on condition that clause 17 is removed"
    rewrite(root, data)  # the chain is recomputed: only the signature can tell
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    line = _signature_line(root, 2)
    assert f"journal.yaml:{line}:" in result.err
    assert "error DLO906: journal event 2 (agreed, signed as vp-academic)" in result.err
    assert "message digest" in result.err


def test_verify_reports_a_signature_swapped_for_another_officials(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    agree_signed(dlo, signed_office, "vp-academic")
    # the forger re-signs the event with their own (trusted) key
    from dlo_docs.signing import decisions, keys

    data = entries(root)
    own = keys.load_pkcs12(signed_office.p12["legal-head"], PASSWORD.encode())
    data[1]["signature"] = decisions.record(own, _journal.signed_bytes(data[1]))
    rewrite(root, data)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    assert f"journal.yaml:{_signature_line(root, 2)}:" in result.err
    assert "error DLO903: journal event 2 (agreed, signed as vp-academic)" in result.err


def test_verify_reports_a_signer_the_registry_no_longer_trusts(dlo, signed_office, tmp_path):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    agree_signed(dlo, signed_office, "vp-academic")
    other = make_ca("Another CA", label="other-ca")
    (root / "keys" / "ca.pem").write_bytes(other.pem)
    result = dlo("verify", REG, cwd=root)
    assert result.code == 1
    assert "error DLO905: journal event 2" in result.err


def _openssl(folder: Path, name: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER",
         "-content", str(folder / f"{name}.bin"), "-in", str(folder / f"{name}.p7s"),
         "-CAfile", str(folder / "ca.pem"), "-out", "/dev/null", *extra],
        capture_output=True, text=True,
    )  # fmt: skip


@needs("openssl")
def test_openssl_verifies_every_exported_signature_and_rejects_a_tampered_one(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    for role in APPROVERS[:2]:
        agree_signed(dlo, signed_office, role)
    result = ok(dlo, root, "verify", REG, "--export", "build/signatures")
    folder = root / "build" / "signatures"
    names = sorted(p.stem for p in folder.glob("*.p7s"))
    assert names == [f"{REG}-2-agreed", f"{REG}-3-agreed"]
    assert f"wrote build/signatures/{REG}-2-agreed.p7s" in result.out
    for name in names:
        check = _openssl(folder, name)
        assert check.returncode == 0, check.stderr
        assert "Verification successful" in check.stderr
        # the exported bytes are the event as the journal holds it
        assert (folder / f"{name}.bin").read_bytes() == _journal.signed_bytes(
            entries(root)[int(name.split("-")[-2]) - 1]
        )
    tampered = (folder / f"{names[0]}.bin").read_bytes().replace(b'"agreed"', b'"rejected"')
    (folder / f"{names[0]}.bin").write_bytes(tampered)
    assert _openssl(folder, names[0]).returncode != 0


def test_an_unsigned_journal_keeps_its_hashes(dlo, signed_office):
    root = signed_office.root
    ok(dlo, root, "submit", REG)
    ok(dlo, root, "agree", REG, "--as", "vp-academic")
    data = entries(root)
    assert all("signature" not in e for e in data)
    stripped = [{k: v for k, v in e.items() if k != "hash"} for e in data]
    assert [e["hash"] for e in data] == [_journal.sha256(e) for e in stripped]
    ok(dlo, root, "verify", REG)


def _docx_rows(path: Path) -> list[list[str]]:
    """The cells of every table, as they read (a no-break space as a space)."""
    from docx import Document

    rows = []
    for table in Document(str(path)).tables:
        for row in table.rows:
            rows.append([cell.text.replace("\u00a0", " ") for cell in row.cells])
    return rows


def test_sheets_and_site_print_signer_serial_and_time_of_signed_events(dlo, signed_office):
    root = signed_office.root
    serial = {r: format(o.cert.serial_number, "X") for r, o in signed_office.officials.items()}
    ok(dlo, root, "submit", REG)
    agree_signed(dlo, signed_office, "vp-academic")
    for role in APPROVERS[1:]:
        ok(dlo, root, "agree", REG, "--as", role)  # not every decision has to be signed
    today = NOW.astimezone(dt.timezone(dt.timedelta(hours=5))).date().isoformat()
    ok(dlo, root, "approve", REG, "--order", "12-НҚ", "--date", today,
       "--sign", signed_office.p12["rector"])  # fmt: skip
    ok(dlo, root, "review", REG, "--by", "vp-academic", "--result", "Current",
       "--sign", signed_office.p12["vp-academic"])  # fmt: skip
    for kind in ("agreement", "changes", "review"):
        ok(dlo, root, "sheet", kind, REG)
    build = root / "build"
    agreement = _docx_rows(build / f"{REG}.kk.agreement.docx")
    signed = [r for r in agreement if r[3].startswith("ЭЦҚ: ")]
    assert len(signed) == 1, agreement
    assert signed[0][3].startswith(f"ЭЦҚ: СЕЙІТОВА АЙГҮЛ, сертификат № {serial['vp-academic']}, ")
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d$", signed[0][3])
    unsigned = [r for r in agreement if r[2] and r[2] != signed[0][2] and r[0] != "№"]
    assert unsigned and all(r[3] == "" for r in unsigned)
    changes = _docx_rows(build / f"{REG}.kk.changes.docx")
    assert any(f"ЭЦҚ: АХМЕТОВ ДАНИЯР, сертификат № {serial['rector']}" in r[2] for r in changes)
    review = _docx_rows(build / f"{REG}.kk.review.docx")
    assert any(
        r[4].startswith(f"ЭЦҚ: СЕЙІТОВА АЙГҮЛ, сертификат № {serial['vp-academic']}")
        for r in review
    )
    from dlo_docs import labels
    from dlo_docs.records import SignatureNote

    note = SignatureNote("СЕЙІТОВА АЙГҮЛ", "1A2B", dt.datetime(2026, 12, 1, 10, 5))
    assert (
        labels.signed(labels.labels("ru"), note)
        == "ЭЦП: СЕЙІТОВА АЙГҮЛ, сертификат № 1A2B, 01.12.2026 10:05"
    )
    ok(dlo, root, "site", "build", "--no-pdf")
    page = site_page(root, f"kk/{REG}/index.html")
    assert f"ЭЦҚ: АХМЕТОВ ДАНИЯР, сертификат № {serial['rector']}" in page
    assert f"ЭЦҚ: СЕЙІТОВА АЙГҮЛ, сертификат № {serial['vp-academic']}" in page


# -- the certificate is checked on the act's date ---------------------------------------------

ZONE = dt.timezone(dt.timedelta(hours=5))  # the bundled registry's organisation zone
TODAY = NOW.astimezone(ZONE).date()


def _submitted_on(dlo, root: Path, day: dt.date) -> None:
    from conftest import on_day

    with on_day(day.isoformat()):
        ok(dlo, root, "submit", REG)


def test_a_back_dated_agreement_is_checked_on_its_date_not_today(dlo, signed_office, tmp_path):
    """Signed on paper ten days ago, recorded today: the certificate expired three days ago but
    was valid on the day of the agreement, so the signature stands, now and in verify."""
    root = signed_office.root
    expired = make_official(signed_office.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic",
                            not_before=NOW - dt.timedelta(days=900),
                            not_after=NOW - dt.timedelta(days=3))  # fmt: skip
    bind(root, "vp-academic", expired)
    key = expired.p12(tmp_path / "expired.p12")
    _submitted_on(dlo, root, TODAY - dt.timedelta(days=20))
    day = (TODAY - dt.timedelta(days=10)).isoformat()
    # dated today, the same key is refused: it is not valid today
    refused(dlo, root, "DLO904", "agree", REG, "--as", "vp-academic", "--sign", key)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--date", day, "--sign", key)
    last = entries(root)[-1]
    assert last["date"] == day and last["signature"]["serial"] == format(
        expired.cert.serial_number, "X"
    )
    assert "intact (2 journal events)" in ok(dlo, root, "verify", REG).out
    # a rejection is dated the same way
    ok(dlo, root, "reject", REG, "--as", "legal-head", "--remarks", "No", "--date", day,
       "--sign", signed_office.p12["legal-head"])  # fmt: skip
    ok(dlo, root, "verify", REG)


def test_a_certificate_not_yet_valid_on_the_act_date_is_refused(dlo, signed_office, tmp_path):
    """A certificate issued two days ago cannot sign an agreement dated ten days ago, even though
    it is valid today (the date the command used to check)."""
    root = signed_office.root
    fresh = make_official(signed_office.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic",
                          not_before=NOW - dt.timedelta(days=2),
                          not_after=NOW + dt.timedelta(days=365))  # fmt: skip
    bind(root, "vp-academic", fresh)
    key = fresh.p12(tmp_path / "fresh.p12")
    _submitted_on(dlo, root, TODAY - dt.timedelta(days=20))
    day = (TODAY - dt.timedelta(days=10)).isoformat()
    for verb, extra in (("agree", ()), ("reject", ("--remarks", "No"))):
        result = refused(dlo, root, "DLO904", verb, REG, "--as", "vp-academic", "--date", day,
                         *extra, "--sign", key)  # fmt: skip
        assert f"after the event's date {day}" in result.err
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--sign", key)  # dated today: valid
    ok(dlo, root, "verify", REG)


@needs("openssl")
def test_openssl_checks_a_back_dated_act_at_its_day_as_the_readme_says(
    dlo, signed_office, tmp_path
):
    """Signed today with a certificate that expired three days ago, for an act of ten days ago:
    openssl refuses it as of now, and accepts it with -attime at the act's day (the README's note)."""
    root = signed_office.root
    expired = make_official(signed_office.ca, "СЕЙІТОВА АЙГҮЛ", label="vp-academic",
                            not_before=NOW - dt.timedelta(days=900),
                            not_after=NOW - dt.timedelta(days=3))  # fmt: skip
    bind(root, "vp-academic", expired)
    _submitted_on(dlo, root, TODAY - dt.timedelta(days=20))
    day = TODAY - dt.timedelta(days=10)
    ok(dlo, root, "agree", REG, "--as", "vp-academic", "--date", day.isoformat(),
       "--sign", expired.p12(tmp_path / "expired.p12"))  # fmt: skip
    ok(dlo, root, "verify", REG, "--export", "out")
    folder, name = root / "out", f"{REG}-2-agreed"
    now = _openssl(folder, name)
    assert now.returncode != 0 and "expired" in now.stderr
    noon = dt.datetime.combine(day, dt.time(12), ZONE)
    then = _openssl(folder, name, "-attime", str(int(noon.timestamp())))
    assert then.returncode == 0, then.stderr


def _dlo_without_terminal(root: Path, stdin: bytes, *args: str) -> subprocess.CompletedProcess:
    """``dlo ARGS`` as a script runs it: its own process, no terminal, no DLO_KEY_PASSWORD."""
    env = {k: v for k, v in os.environ.items() if k != "DLO_KEY_PASSWORD"}
    env.update(PYTHONPATH=str(REPO), DLO_UI_LANG="en")
    command = [sys.executable, "-c", "from dlo_docs.entry import run; run()", *args]
    return subprocess.run(command, cwd=root, env=env, input=stdin, capture_output=True)


def test_without_a_terminal_the_password_is_read_from_standard_input_or_clearly_missing(
    signed_office,
):
    """No terminal to ask on (a script, a scheduled job): the password is the first line of
    standard input, read without Python's echo warnings; with none, the command says how to give
    it (not Python's GetPassWarning and a bare 'Aborted.') and writes nothing."""
    root = signed_office.root
    ok_run = _dlo_without_terminal(root, b"", "submit", REG)
    assert ok_run.returncode == 0, ok_run.stderr.decode()
    before = (root / "regulations" / REG / "journal.yaml").read_bytes()
    key = str(signed_office.p12["vp-academic"])
    missing = _dlo_without_terminal(root, b"", "agree", REG, "--as", "vp-academic", "--sign", key)
    err = missing.stderr.decode()
    assert missing.returncode != 0
    assert "DLO_KEY_PASSWORD" in err and "error" in err, err
    assert "GetPassWarning" not in err and "getpass" not in err and "Aborted" not in err, err
    assert (root / "regulations" / REG / "journal.yaml").read_bytes() == before
    piped = _dlo_without_terminal(
        root, PASSWORD.encode() + b"\n", "agree", REG, "--as", "vp-academic", "--sign", key
    )
    err = piped.stderr.decode()
    assert piped.returncode == 0, err
    assert "GetPassWarning" not in err and "echoed" not in err, err
    assert "signature" in entries(root)[-1]
