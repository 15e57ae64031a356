"""``dlo verify-pdf`` ties a signature to the edition the PDF shows: the PDF names its edition and
the content hash its approval recorded (its keywords), and the signer must hold the certificate of
the holder of the position that approved that edition, on that edition's order date. A PDF of one
edition signed by the approver of another, or whose keywords name another text, fails."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from conftest import REPO, bundled_regulations
from desk_support import runner
from pypdf import PdfReader, PdfWriter
from signing_support import (
    PASSWORD,
    bind,
    edit_position,
    make_official,
    needs,
    office,
    set_signatures,
    signed_by,
    unsigned_pdf,
)
from workflow_support import APPROVERS, edit_clause_15

from dlo_docs import approved_pdf
from dlo_docs.errors import UsageError
from dlo_docs.project import Project
from dlo_docs.signing import keys

pytestmark = [
    needs("soffice"),
    pytest.mark.slow,  # LibreOffice makes the PDF/A of each edition
]
REG = "dlo-head"
ONE_ORDER = "2026-11-26"  # the bundled edition 1's order
TWO_ORDER = "2026-12-08"


def _ok(dlo, *args: str) -> None:
    result = dlo(*args)
    assert result.code == 0, (args, result.out, result.err)


def _second_edition(root: Path, monkeypatch) -> None:
    """The rector changes (the old certificate until 2026-12-05, the new holder's from
    2026-12-06); edition 2 goes the whole route and is approved by order of 2026-12-08."""

    def new_holder(position: dict) -> None:
        position["certificates"][0]["until"] = "2026-12-05"
        position["holder"] = {"kk": "А. Нұрланова", "ru": "А. Нурланова"}

    edit_position(root, "rector", new_holder)
    monkeypatch.setenv("DLO_TODAY", TWO_ORDER)
    dlo = runner(root)
    _ok(dlo, "revise", REG, "--by", "hr-head", "--reason", "clause 15 names the document")
    edit_clause_15(root)
    _ok(dlo, "submit", REG)
    for role in APPROVERS:
        _ok(dlo, "agree", REG, "--as", role)
    _ok(dlo, "approve", REG, "--order", "2-НҚ", "--date", TWO_ORDER)


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Edition 1 signed by the rector who approved it; edition 2 approved under the next rector
    and signed by her: (root, officials, edition 1's PDF, edition 2's PDF)."""
    root = tmp_path_factory.mktemp("editions") / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    setup = office(root, roles=("rector",))
    first = keys.load_pkcs12(setup.p12["rector"], PASSWORD.encode())
    [path] = approved_pdf.sign_approved(Project(root), REG, first, "kk")
    one = root / "edition-1.pdf"
    shutil.move(path, one)
    officials = {"old": setup.officials["rector"], "ca": setup.ca}
    officials["new"] = make_official(setup.ca, "НҰРЛАНОВА АСЕЛЬ", label="rector-2")
    bind(root, "rector", officials["new"], since="2026-12-06")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _second_edition(root, monkeypatch)
        p12 = officials["new"].p12(root.parent / "private" / "rector-2.p12")
        second = keys.load_pkcs12(p12, PASSWORD.encode())
        [two] = approved_pdf.sign_approved(Project(root), REG, second, "kk")
    return root, officials, one, two


def _with_keywords(pdf: bytes, keywords: str) -> bytes:
    """``pdf`` with its keywords replaced (written anew, before anyone signs it)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Keywords": keywords})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _failures(root: Path, path: Path) -> list[str]:
    [sig] = approved_pdf.check_pdf(Project(root), path)
    assert sig.intact and sig.valid and sig.trusted and sig.entire
    assert sig.positions == ("rector",)  # both rectors' certificates are the rector's
    return sig.failures()


def test_each_edition_signed_by_its_own_approver_passes(editions, dlo):
    root, _officials, one, two = editions
    assert _failures(root, one) == [] and _failures(root, two) == []
    assert "edition=1, content=" in PdfReader(one).metadata["/Keywords"]
    assert "edition=2, content=" in PdfReader(two).metadata["/Keywords"]
    result = dlo("verify-pdf", str(one), str(two), cwd=root)
    assert result.code == 0 and result.out.count(": valid") == 2, result.out + result.err


def test_edition_1_signed_by_the_approver_of_edition_2_fails(editions, dlo, tmp_path):
    root, officials, one, _two = editions
    forged = signed_by(
        officials["new"], officials["ca"], unsigned_pdf(one), tmp_path / "1-by-2.pdf"
    )
    [failure] = _failures(root, forged)
    assert "was not the holder of rector's on 2026-11-26" in failure, failure
    result = dlo("verify-pdf", str(forged), cwd=root)
    assert result.code == 1 and "error DLO909:" in result.err and "2026-11-26" in result.err


def test_edition_2_signed_by_the_approver_of_edition_1_fails(editions, dlo, tmp_path):
    root, officials, _one, two = editions
    forged = signed_by(
        officials["old"], officials["ca"], unsigned_pdf(two), tmp_path / "2-by-1.pdf"
    )
    [failure] = _failures(root, forged)
    assert f"was not the holder of rector's on {TWO_ORDER}" in failure, failure
    assert dlo("verify-pdf", str(forged), cwd=root).code == 1


@pytest.mark.parametrize(
    "keywords, message",
    [
        (REG, "the PDF does not name the approved edition of dlo-head it shows"),
        ("{reg}, edition=2, content={one}", "shows edition 2 of dlo-head with a text that was not"),
        ("{reg}, edition=3, content={two}", "shows edition 3 of dlo-head with a text that was not"),
    ],
    ids=["no-edition", "another-text", "no-such-edition"],
)
def test_a_pdf_whose_keywords_name_no_approved_text_fails(
    editions, dlo, tmp_path, keywords, message
):
    """The new rector signs edition 1's PDF after rewriting what it names: no edition (as a
    draft's PDF names none), edition 2 with edition 1's text, an edition never approved."""
    root, officials, one, two = editions
    hashes = {
        n: PdfReader(p).metadata["/Keywords"].split("content=")[1]
        for n, p in (("one", one), ("two", two))
    }
    named = keywords.format(reg=REG, **hashes)
    pdf = _with_keywords(unsigned_pdf(one), named)
    forged = signed_by(officials["new"], officials["ca"], pdf, tmp_path / "renamed.pdf")
    [failure] = _failures(root, forged)
    assert message in failure, failure
    assert dlo("verify-pdf", str(forged), cwd=root).code == 1


def test_a_journal_that_does_not_verify_vouches_for_no_signature(editions, dlo, tmp_path):
    """Edition 2's approving order moved by hand into the former rector's days, with the holder
    its approval recorded (the hashes not recomputed: ``dlo verify`` names the edit): edition 2's
    PDF signed by the former rector must not pass on the strength of that journal."""
    root, officials, _one, two = editions
    copy = tmp_path / "proj"
    shutil.copytree(root, copy)
    journal = copy / "regulations" / REG / "journal.yaml"
    text = journal.read_text(encoding="utf-8")
    approval = text.rindex("event: approved")
    head, tail = text[:approval], text[approval:]
    tail = tail.replace(TWO_ORDER, "2026-12-01")
    for name in ("А. Нұрланова", "А. Нурланова"):
        tail = tail.replace(name, "Д. Е. Ахметов")
    journal.write_text(head + tail, encoding="utf-8")
    assert dlo("verify", REG, cwd=copy).code == 1
    forged = signed_by(
        officials["old"], officials["ca"], unsigned_pdf(two), tmp_path / "2-by-1.pdf"
    )
    [failure] = _failures(copy, forged)
    assert f"the journal of {REG} does not verify" in failure, failure
    result = dlo("verify-pdf", str(forged), cwd=copy)
    assert result.code == 1 and "DLO909" in result.err, result.out + result.err


def test_what_a_valid_signature_was_checked_against_is_said(editions, dlo, tmp_path):
    """A valid signature says which approved edition its signer approved; on a PDF that names no
    regulation of the project (its keywords removed before signing) it says plainly that no
    approval was checked, only that an official of the registry signed."""
    root, officials, one, _two = editions
    result = dlo("verify-pdf", str(one), cwd=root)
    assert result.code == 0 and ": valid: the approver of edition 1 of dlo-head" in result.out
    stripped = _with_keywords(unsigned_pdf(one), "")
    forged = signed_by(officials["new"], officials["ca"], stripped, tmp_path / "stripped.pdf")
    result = dlo("verify-pdf", str(forged), cwd=root)
    assert result.code == 0, result.out + result.err
    assert "names no regulation of the project: no approval was checked" in result.out


def test_a_pdf_signed_before_dlo_named_its_edition_says_what_to_do(editions, dlo, tmp_path):
    root, officials, one, _two = editions
    old = _with_keywords(unsigned_pdf(one), REG)  # as dlo wrote the keywords before
    signed = signed_by(officials["old"], officials["ca"], old, tmp_path / "old.pdf")
    result = dlo("verify-pdf", str(signed), cwd=root)
    assert result.code == 1 and "DLO909" in result.err
    assert f"dlo sign-pdf {REG} --sign KEY.p12" in result.err, result.err


def test_a_journal_whose_signatures_fail_vouches_for_no_signature(editions, dlo, tmp_path):
    """The approvals must be signed (``signatures.required``), and edition 2's carries no
    signature — as when a forger strips it to move its order's date, which the chain, rebuilt,
    no longer shows: ``dlo verify`` fails (DLO907), and so does every PDF that journal would
    vouch for, edition 2's own included."""
    root, _officials, _one, two = editions
    copy = tmp_path / "proj"
    shutil.copytree(root, copy)
    set_signatures(copy, ["keys/ca.pem"], ["approved"])
    assert "DLO907" in dlo("verify", REG, cwd=copy).err
    [failure] = _failures(copy, two)
    assert f"the journal of {REG} does not verify" in failure, failure


def test_a_valid_signature_says_whether_its_edition_is_in_force(
    editions, dlo, tmp_path, monkeypatch
):
    """A valid approval of an edition since superseded or withdrawn is no edition in force:
    verify-pdf says where the edition it shows stands by the journal, not only that its approver
    signed it (before, a withdrawn edition's signed PDF read 'valid: the approver of edition 1
    of dlo-head' and nothing more)."""
    root, _officials, one, two = editions
    monkeypatch.setenv("DLO_TODAY", "2026-12-07")  # edition 2 approved, not yet in force
    result = dlo("verify-pdf", str(one), str(two), cwd=root)
    assert result.code == 0, result.out + result.err
    assert "the approver of edition 1 of dlo-head (the edition in force)" in result.out
    assert "edition 2 of dlo-head (approved, takes effect on 08.12.2026)" in result.out
    monkeypatch.setenv("DLO_TODAY", TWO_ORDER)
    result = dlo("verify-pdf", str(one), cwd=root)
    assert "edition 1 of dlo-head (superseded: edition 2 is in force)" in result.out, result.out
    copy = tmp_path / "proj"
    shutil.copytree(root, copy)
    assert dlo("withdraw", REG, "--order", "9-НҚ", "--date", TWO_ORDER, cwd=copy).code == 0
    result = dlo("verify-pdf", str(one), str(two), cwd=copy)
    assert result.code == 0, result.out + result.err
    assert "edition 1 of dlo-head (superseded: not in force)" in result.out, result.out
    assert "edition 2 of dlo-head (withdrawn: not in force)" in result.out, result.out


def test_an_approved_edition_waiting_for_its_day_is_not_called_missing(editions, monkeypatch):
    """Edition 2 approved, taking effect tomorrow: sign-pdf said 'dlo-head has no edition in
    force: only an approved edition's PDF is signed', of an edition that is approved; it says
    when its PDF can be signed."""
    root, *_ = editions
    monkeypatch.setenv("DLO_TODAY", "2026-12-07")
    monkeypatch.setenv("DLO_UI_LANG", "en")
    with pytest.raises(UsageError) as refused:
        approved_pdf.approval_of(Project(root), REG)
    assert (
        "edition 2 of dlo-head is approved but takes effect on 08.12.2026: its PDF is signed "
        "from that day"
    ) in str(refused.value)
