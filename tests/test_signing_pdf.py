"""The approved edition's PDF/A signed by its approver (PAdES): valid for pyHanko and for poppler's
pdfsig, invalid once a byte changes; refused for anyone but the approver."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, bundled_regulations
from signing_support import (
    PASSWORD,
    bind,
    make_ca,
    make_official,
    needs,
    office,
    signed_by,
    unsigned_pdf,
)

from dlo_docs import api, approved_pdf
from dlo_docs.project import Project
from dlo_docs.render import pdf as pdf_render
from dlo_docs.signing import keys, pades

pytestmark = [
    needs("soffice", "pdftotext"),
    pytest.mark.slow,  # LibreOffice makes the PDF/A the module's fixture signs
]
REG = "dlo-head"


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """The bundled project (with its approved edition 1) and the rector's signed PDF of it."""
    root = tmp_path_factory.mktemp("signed") / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    setup = office(root, roles=("rector", "vp-academic"))
    signer = keys.load_pkcs12(setup.p12["rector"], PASSWORD.encode())
    [path] = approved_pdf.sign_approved(Project(root), REG, signer, "kk")
    return setup, path


def _pdfsig(path: Path) -> str:
    result = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    return result.stdout + result.stderr


def _changed_copy(path: Path, tmp_path: Path) -> Path:
    """A copy with one byte of the signed content changed (a letter of the producer's name)."""
    data = bytearray(path.read_bytes())
    at = data.index(b"LibreOffice")
    data[at] = ord("l")
    copy = tmp_path / "changed.pdf"
    copy.write_bytes(bytes(data))
    return copy


def test_the_signed_pdf_is_valid_for_pyhanko_and_covers_the_whole_file(signed):
    setup, path = signed
    assert path == setup.root / "build" / f"{REG}.kk.signed.pdf"
    [sig] = approved_pdf.check_pdf(Project(setup.root), path)
    assert sig.ok, sig.failures()
    assert sig.field == pades.FIELD
    assert "СЕЙІТОВА" not in sig.signer and "АХМЕТОВ ДАНИЯР" in sig.signer
    assert sig.serial == format(setup.officials["rector"].cert.serial_number, "X")
    assert sig.signing_time is not None


def test_the_signed_pdf_keeps_a_name_of_its_own_that_render_never_writes(signed, dlo):
    """The rector's signed PDF is ``<id>.<lang>.signed.pdf``: ``dlo render`` (and build.sh,
    every night) writes the unsigned ``<id>.<lang>.pdf`` and leaves the signed one as it was,
    so one name never means the signed copy one day and an unsigned one the next."""
    setup, path = signed
    before = path.read_bytes()
    unsigned = setup.root / "build" / f"{REG}.kk.pdf"
    result = dlo("render", REG, "--format", "pdf", "--lang", "kk", cwd=setup.root)
    assert result.code == 0, result.err
    assert f"wrote build/{REG}.kk.pdf" in result.out
    assert path.read_bytes() == before
    assert approved_pdf.check_pdf(Project(setup.root), unsigned) == []
    [sig] = approved_pdf.check_pdf(Project(setup.root), path)
    assert sig.ok, sig.failures()


def test_a_pdf_replaced_in_the_project_after_its_render_is_not_what_is_signed(signed, monkeypatch):
    """A clerk who may write build/ swaps the PDF the moment its render puts it there (a
    watcher on the folder wins that race): the approver signed the clerk's file, any text
    under the approval block, and verify-pdf called it the approved edition. What is signed is
    rendered into a folder of the signer's own, outside the project."""
    setup, path = signed
    real = api.render

    def swapped(project, ids, formats, lang=None, out=None, *args, **kwargs):
        rendered = real(project, ids, formats, lang, out, *args, **kwargs)
        for output in rendered.outputs:  # only what a clerk can reach: the project's files
            if output.path.is_relative_to(setup.root):
                planted = output.path.read_bytes().replace(b"LibreOffice", b"PlantedCopy")
                output.path.write_bytes(planted)
        return rendered

    monkeypatch.setattr(api, "render", swapped)
    signer = keys.load_pkcs12(setup.p12["rector"], PASSWORD.encode())
    [again] = approved_pdf.sign_approved(Project(setup.root), REG, signer, "kk")
    assert again == path
    assert b"PlantedCopy" not in unsigned_pdf(again)
    assert b"LibreOffice" in unsigned_pdf(again)
    [sig] = approved_pdf.check_pdf(Project(setup.root), again)
    assert sig.ok, sig.failures()


def test_a_pdf_planted_in_the_cache_through_the_project_is_not_what_is_signed(
    signed, monkeypatch, tmp_path
):
    """A render into build/ converted in a staging folder made there: a clerk who may write
    build/ could swap a PDF LibreOffice made before the cache kept it, under the key of the
    genuine DOCX, and every later render (and the render "of the signer's own") took the
    clerk's PDF from the cache. Now a conversion runs in a private folder and what is kept is
    what LibreOffice made there: a PDF swapped in the project after it is written is neither
    kept nor signed (what is signed is converted anew, besides, never taken from the cache)."""
    setup, path = signed
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / "cache"))  # none kept yet
    real = pdf_render._settle

    def planted(source, pdf, target):
        data = real(source, pdf, target)
        target = Path(target)
        if target.is_relative_to(setup.root):  # only what a clerk can reach
            target.write_bytes(target.read_bytes().replace(b"LibreOffice", b"PlantedCopy"))
        return data

    monkeypatch.setattr(pdf_render, "_settle", planted)
    api.render(Project(setup.root), [REG], ["pdf"])  # into build/, converted: the clerk swaps it
    elsewhere = tmp_path / "elsewhere"  # a render that takes its PDF from the cache
    api.render(Project(setup.root), [REG], ["pdf"], out=elsewhere)
    [pdf] = elsewhere.glob(f"{REG}.kk*.pdf")
    assert b"PlantedCopy" not in pdf.read_bytes()
    signer = keys.load_pkcs12(setup.p12["rector"], PASSWORD.encode())
    [again] = approved_pdf.sign_approved(Project(setup.root), REG, signer, "kk")
    assert b"PlantedCopy" not in unsigned_pdf(again)
    assert b"LibreOffice" in unsigned_pdf(again)
    [sig] = approved_pdf.check_pdf(Project(setup.root), again)
    assert sig.ok, sig.failures()


def _title_page_text(path: Path, form: str) -> str:
    """Page 1 of the PDF as pdftotext gives it in ``form`` (``-layout``, ``-bbox``)."""
    return subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", form, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_signature_is_visible_on_the_title_page(signed):
    _, path = signed
    text = _title_page_text(path, "-layout")
    assert "Электрондық цифрлық қолтаңбамен қол қойылған" in text
    assert "АХМЕТОВ ДАНИЯР" in text
    assert "БЕКІТЕМІН" in text or "БЕКІТІЛДІ" in text  # the approval block is still there


def _words_on_the_title_page(path: Path) -> list[tuple[float, float, float, float]]:
    """Each word's box on page 1 (x0, y0, x1, y1 in PDF points from the page's bottom left)."""
    html = _title_page_text(path, "-bbox")
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    boxes = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html
    )
    return [(float(a), height - float(d), float(c), height - float(b)) for a, b, c, d in boxes]


def _signature_box(path: Path) -> tuple[float, ...]:
    from pypdf import PdfReader

    [annot] = [a.get_object() for a in PdfReader(path).pages[0]["/Annots"]]
    return tuple(float(v) for v in annot["/Rect"])


def test_the_signature_covers_no_word_of_a_short_approval_block_s_title_page(dlo, tmp_path):
    """An order number short enough for the approval block to take one line less ("26.11.2026 ж.
    № 7-НҚ бұйрығымен"): the title moves up with it, and the signature's box, at a fixed place,
    was drawn over the title's words. It is under the approval block, over no word of the page."""
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    setup = office(root, roles=("rector",))
    result = dlo("correct", REG, "--event", "6", "--order", "7-НҚ", cwd=root)
    assert result.code == 0, result.err
    signer = keys.load_pkcs12(setup.p12["rector"], PASSWORD.encode())
    [path] = approved_pdf.sign_approved(Project(root), REG, signer, "kk")
    x0, y0, x1, y1 = _signature_box(path)
    words = _words_on_the_title_page(root / "build" / f"{REG}.kk.pdf")  # the same page unsigned
    over = [w for w in words if w[0] < x1 and w[2] > x0 and w[1] < y1 and w[3] > y0]
    assert not over, over
    block = [w for w in words if w[0] >= x0 - 1 and w[1] > y1]  # the approval block, above it
    assert block and min(w[1] for w in block) - y1 < 40


@needs("pdfsig")
def test_pdfsig_reports_it_valid_and_a_changed_copy_invalid(signed, tmp_path):
    _, path = signed
    report = _pdfsig(path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report
    changed = _pdfsig(_changed_copy(path, tmp_path))
    assert "Signature is Valid." not in changed
    assert "Digest Mismatch" in changed


@needs("pdfsig", "certutil")
def test_pdfsig_trusts_the_signer_once_the_ca_is_in_its_database(signed, tmp_path):
    """A reader that trusts the CA: poppler's pdfsig with an NSS database holding it (made with
    NSS's certutil, as docs/cli.md shows); without it, the issuer is unknown."""
    setup, path = signed
    db = tmp_path / "nssdb"
    db.mkdir()
    (tmp_path / "ca.pem").write_bytes(setup.ca.pem)
    for args in (["-N", "--empty-password"], ["-A", "-n", "ca", "-t", "CT,C,C", "-i", "ca.pem"]):
        subprocess.run(["certutil", *args, "-d", f"sql:{db}"], cwd=tmp_path, check=True)
    trusted = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(path)],
                             capture_output=True, text=True).stdout  # fmt: skip
    assert "Signature Validation: Signature is Valid." in trusted
    assert "Certificate Validation: Certificate is Trusted." in trusted
    assert "Certificate is Trusted." not in _pdfsig(path)  # its own database has no such CA
    changed = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(_changed_copy(path, tmp_path))],
                             capture_output=True, text=True).stdout  # fmt: skip
    assert "Signature is Valid." not in changed


def test_pyhanko_reports_a_changed_copy_invalid(signed, tmp_path):
    setup, path = signed
    [sig] = approved_pdf.check_pdf(Project(setup.root), _changed_copy(path, tmp_path))
    assert not sig.intact and not sig.ok
    assert "changed after it was signed" in "; ".join(sig.failures())


def test_the_signature_is_not_trusted_without_the_ca(signed):
    _, path = signed
    [sig] = pades.check(path.read_bytes(), [keys.der(make_ca("Other CA", label="other-ca").cert)])
    assert sig.intact and sig.valid and not sig.trusted
    assert sig.failures() == ["the certificate does not chain to a trusted CA"]


def test_verify_pdf_command(signed, dlo, tmp_path):
    setup, path = signed
    result = dlo("verify-pdf", str(path), cwd=setup.root)
    assert result.code == 0, result.err
    assert ": valid" in result.out
    result = dlo("verify-pdf", str(_changed_copy(path, tmp_path)), cwd=setup.root)
    assert result.code == 1
    assert "error DLO909: the document was changed after it was signed" in result.err
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(b"%PDF-1.7\n%%EOF\n")
    result = dlo("verify-pdf", str(unsigned), cwd=setup.root)
    assert result.code == 1 and "Traceback" not in result.err


def test_only_the_approver_may_sign(signed, dlo, monkeypatch):
    setup, _ = signed
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    out = setup.root / "other-out"
    result = dlo(
        "sign-pdf",
        REG,
        "--sign",
        setup.p12["vp-academic"],
        "--lang",
        "kk",
        "--out",
        out,
        cwd=setup.root,
    )
    assert result.code == 1
    assert "error DLO903:" in result.err and "rector" in result.err
    assert not out.exists()
    monkeypatch.setenv("DLO_KEY_PASSWORD", "wrong")
    result = dlo("sign-pdf", REG, "--sign", setup.p12["rector"], "--out", out, cwd=setup.root)
    assert result.code == 1 and "error DLO901:" in result.err
    assert not out.exists()


def _damaged_signature_copy(path: Path, tmp_path: Path) -> Path:
    """A copy whose signature's CMS data (the hex of /Contents) has one digit changed."""
    data = bytearray(path.read_bytes())
    at = data.index(b"/Contents <") + len(b"/Contents <") + 20
    data[at] = ord("0") if data[at] != ord("0") else ord("1")
    copy = tmp_path / "damaged-signature.pdf"
    copy.write_bytes(bytes(data))
    return copy


def test_a_changed_copy_fails_the_integrity_check_alone(signed, tmp_path):
    """A changed byte is named as such; the trust of a certificate that was not checked (the
    validation stops at the broken digest) is not reported as failed."""
    setup, path = signed
    [sig] = approved_pdf.check_pdf(Project(setup.root), _changed_copy(path, tmp_path))
    assert sig.failures() == ["the document was changed after it was signed"]


def test_verify_pdf_names_each_bad_file_and_checks_the_rest(signed, dlo, tmp_path):
    """A damaged signature or a file that is no PDF is reported at that file (no internal error
    text, no traceback), and the files after it are still checked."""
    setup, path = signed
    damaged = _damaged_signature_copy(path, tmp_path)
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_bytes(b"hello\n")
    result = dlo("verify-pdf", str(damaged), str(not_pdf), str(path), cwd=setup.root)
    assert result.code == 1
    assert f"{damaged}: error DLO909: " in result.err
    assert "signature" in result.err.split(f"{damaged}: error DLO909: ")[1].splitlines()[0]
    assert f"{not_pdf}: error DLO909: " in result.err
    assert "dlo: error" not in result.err and "subscriptable" not in result.err
    assert "Traceback" not in result.err
    assert f"{path}: signature {pades.FIELD}" in result.out and ": valid" in result.out


def test_a_pdf_signed_by_an_official_who_did_not_approve_it_fails(signed, dlo, tmp_path):
    """The vice-rector, an official of the registry with a trusted key, signs a copy of the
    rector's approved PDF with her own tools: the PDF names its regulation and edition (its
    keywords), whose journal says the rector approved it, so her signature is not its approval."""
    setup, path = signed
    copy = signed_by(
        setup.officials["vp-academic"], setup.ca, unsigned_pdf(path), tmp_path / "other-signer.pdf"
    )
    [sig] = approved_pdf.check_pdf(Project(setup.root), copy)
    assert sig.intact and sig.valid and sig.trusted and sig.positions == ("vp-academic",)
    assert sig.failures() == [
        f"the signer (vp-academic) did not approve edition 1 of {REG} (approved by rector)"
    ]
    result = dlo("verify-pdf", str(copy), cwd=setup.root)
    assert (
        result.code == 1 and "error DLO909: the signer (vp-academic) did not approve" in result.err
    )


def test_a_pdf_signed_by_a_key_the_registry_does_not_bind_fails(signed, dlo, tmp_path):
    """The trusted CA (the national one) certifies everyone's keys: a copy of the approved PDF
    signed by a stranger whose certificate that CA issued is intact, valid and trusted, but the
    signer is no official of the registry, so verify-pdf fails it; the rector's own passes and
    is named with the position."""
    setup, path = signed
    stranger = make_official(setup.ca, "ПЕТРОВ ПЁТР", label="stranger")
    forged = signed_by(
        stranger, setup.ca, unsigned_pdf(path), tmp_path / "forged.pdf", names=("ПЕТРОВ ПЁТР",)
    )
    [sig] = approved_pdf.check_pdf(Project(setup.root), forged)
    assert sig.intact and sig.valid and sig.trusted and not sig.ok
    assert sig.failures() == [
        "the signer's certificate is not the certificate of any official of the registry"
    ]
    result = dlo("verify-pdf", str(forged), cwd=setup.root)
    assert result.code == 1 and f"{forged}: signature" in result.err
    assert "error DLO909: the signer's certificate is not" in result.err
    [own] = approved_pdf.check_pdf(Project(setup.root), path)
    assert own.ok and own.positions == ("rector",)
    assert "(rector)" in dlo("verify-pdf", str(path), cwd=setup.root).out


def test_sign_pdf_says_what_its_render_removed(signed, dlo, monkeypatch):
    """sign-pdf renders the PDF as `dlo render` does, and so removes a file of another format
    under its name that shows another text: it says so, as `dlo render` does (it said nothing)."""
    setup, _ = signed
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    out = setup.root / "with-an-earlier-page"
    out.mkdir()
    earlier = out / f"{REG}.kk.html"
    earlier.write_text(
        f'<meta name="keywords" content="{REG}, edition=0, content=00">', encoding="utf-8"
    )
    result = dlo(
        "sign-pdf",
        REG,
        "--sign",
        setup.p12["rector"],
        "--lang",
        "kk",
        "--out",
        out,
        cwd=setup.root,
    )
    assert result.code == 0, result.err
    assert not earlier.exists()
    said = f"removed with-an-earlier-page/{REG}.kk.html: another text of {REG} than the one"
    assert said in result.out, result.out


def test_a_pdf_command_prints_no_library_warning(project, tmp_path):
    """cryptography 51 deprecates DSA, whose key class pyHanko imports: every ``dlo sign-pdf``
    and ``dlo verify-pdf`` printed "CryptographyDeprecationWarning: DSA is deprecated …" with
    the path of a file in the virtual environment (run as a user runs it: Python's own warning
    filters, not the suite's)."""
    pdf = tmp_path / "unsigned.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    done = subprocess.run(
        [sys.executable, "-c", "from dlo_docs.cli import run; run()", "verify-pdf", str(pdf)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "DLO_UI_LANG": "en"},
    )
    assert "DLO909" in done.stdout + done.stderr, done.stderr
    assert "Warning" not in done.stderr and "site-packages" not in done.stderr, done.stderr


def test_a_signers_name_of_control_characters_never_reaches_the_terminal(
    signed, dlo, tmp_path, monkeypatch
):
    """verify-pdf prints the name the signer's certificate gives, and a PDF handed to the
    auditor may be signed by anyone: a name holding ESC [ 8 m (concealed text) hid the rest of
    its line on a terminal, ': error DLO909: the signer's certificate is not …', and the
    auditor read '… by ПЕТРОВ: valid'. The name is printed without its control characters."""
    setup, path = signed
    # a terminal: click keeps the escape sequences it strips from what goes to a pipe
    monkeypatch.setattr("click.utils.should_strip_ansi", lambda *args, **kwargs: False)
    name = "ПЕТРОВ: valid\x1b[8m"
    stranger = make_official(setup.ca, name, label="concealing")
    forged = signed_by(stranger, setup.ca, unsigned_pdf(path), tmp_path / "f.pdf", names=("x",))
    result = dlo("verify-pdf", str(forged), cwd=setup.root)
    assert result.code == 1 and "error DLO909" in result.err
    assert "ПЕТРОВ: valid[8m" in result.err
    assert "\x1b" not in result.out + result.err


def test_a_failure_quoting_the_signers_name_reaches_the_terminal_without_its_escapes(
    signed, dlo, tmp_path, monkeypatch
):
    """A failure verify-pdf names may quote the signer's certificate (its subject names
    someone else than the position's holder): that name, the PDF maker's, is printed without
    its control characters too, as the signature's head line is."""
    setup, path = signed
    monkeypatch.setattr("click.utils.should_strip_ansi", lambda *args, **kwargs: False)
    root = tmp_path / "proj"
    shutil.copytree(setup.root, root)
    other = make_official(setup.ca, "ПЕТРОВ\x1b[8m ПЁТР", label="concealing-bound")
    bind(root, "rector", other)  # bound to the approver's position, in another's name
    forged = signed_by(other, setup.ca, unsigned_pdf(path), tmp_path / "f.pdf", names=("x",))
    result = dlo("verify-pdf", str(forged), cwd=root)
    assert result.code == 1 and "error DLO909" in result.err
    assert "ПЕТРОВ[8m ПЁТР (serial" in result.err
    assert "\x1b" not in result.out + result.err
