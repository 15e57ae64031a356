"""Reproducible outputs: the same input gives the same DOCX and PDF bytes, whenever and on
whatever machine it is rendered. Times come from the document (the approval order's date, or
``SOURCE_DATE_EPOCH``), never from the clock."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import time
import zipfile
import zlib

import pypdf
import pytest

from dlo_docs.render import pdf as pdf_render
from dlo_docs.render import pdf_stable, stamp
from tests.conftest import REPO


def _members(data: bytes) -> set[tuple]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {(i.date_time, i.create_system, i.external_attr) for i in z.infolist()}


DRAFT = "dlo-head.kk.draft.docx"  # the seed with no edition in force: a draft
IN_FORCE = "dlo-head.kk.docx"  # the seed with its bundled journal and edition: edition 1


def _render(project, out, env=None, name=DRAFT) -> bytes:
    """``dlo render --format docx`` in a process of its own (no cache shared with the last):
    the seed's DOCX, written as ``name``."""
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "dlo"), "--root", str(project), "render"]
        + ["--format", "docx", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return (out / name).read_bytes()


def _next_second() -> None:
    """Wait for the clock's next whole second: a time the last run wrote anywhere (a date in
    the XML, a PDF's creation date) cannot be written again by the next. (A ZIP entry's time
    has a resolution of two seconds, but every entry must be dated 1980-01-01 anyway.)"""
    time.sleep(1.0 - time.time() % 1.0)


def test_a_draft_docx_is_the_same_bytes_every_time(project, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _render(project, tmp_path / "a")
    _next_second()
    second = _render(project, tmp_path / "b")
    assert first == second
    assert _members(first) == {((1980, 1, 1, 0, 0, 0), 0, 0o644 << 16)}


def test_an_approved_edition_is_dated_by_its_order(project, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = project / "regulations" / "dlo-head"
    shutil.copytree(REPO / "regulations" / "dlo-head" / "editions", folder / "editions")
    shutil.copy(REPO / "regulations" / "dlo-head" / "journal.yaml", folder / "journal.yaml")
    data = _render(project, tmp_path / "a", name=IN_FORCE)
    assert _members(data) == {
        ((2026, 11, 26, 0, 0, 0), 0, 0o644 << 16)
    }  # order 0000-ҮЛГІ of 2026-11-26


def _property_dates(data: bytes) -> set[str]:
    """The created and modified dates of a DOCX's properties (Word's File > Info)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml").decode("utf-8")
    return set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core))


def test_a_docx_s_properties_are_dated_as_its_members(project, tmp_path, monkeypatch):
    """Word's File > Info showed every document created and modified 2013-12-23 23:15, the date
    python-docx's own template carries: the approved edition is dated by its order, a draft by
    the earliest date, as the package's members are, and so is a comparison table."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert _property_dates(_render(project, tmp_path / "draft")) == {"1980-01-01T00:00:00Z"}
    folder = project / "regulations" / "dlo-head"
    shutil.copytree(REPO / "regulations" / "dlo-head" / "editions", folder / "editions")
    shutil.copy(REPO / "regulations" / "dlo-head" / "journal.yaml", folder / "journal.yaml")
    data = _render(project, tmp_path / "a", name=IN_FORCE)
    assert _property_dates(data) == {"2026-11-26T00:00:00Z"}
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "dlo"), "--root", str(project), "diff", "dlo-head"]
        + ["--from", "1", "--to", "1", "--format", "table", "--out", str(tmp_path / "t.docx")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    table = (tmp_path / "t.docx").read_bytes()
    [(when, *_)] = _members(table)
    assert _property_dates(table) == {"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z".format(*when)}


def test_source_date_epoch_is_honoured(project, tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin"}  # 2026-01-01 00:00 UTC
    data = _render(project, tmp_path / "a", env=env)
    assert _members(data) == {((2026, 1, 1, 0, 0, 0), 0, 0o644 << 16)}


@pytest.mark.slow  # LibreOffice, twice
@pytest.mark.skipif(not pdf_render.available(), reason="LibreOffice is not installed")
def test_the_same_docx_gives_the_same_pdf_bytes(project, tmp_path, monkeypatch, dlo):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert dlo("render", "--format", "docx", "--out", tmp_path / "a", cwd=project).code == 0
    docx = (tmp_path / "a" / DRAFT).read_bytes()
    docx = stamp.fixed_zip(docx, dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC))
    first = pdf_render.convert({"dlo-head.kk": docx})["dlo-head.kk"]
    _next_second()  # another second on LibreOffice's clock
    second = pdf_render.convert({"dlo-head.kk": docx})["dlo-head.kk"]
    assert first == second
    reader = pypdf.PdfReader(io.BytesIO(first), strict=True)
    assert reader.metadata["/CreationDate"] == "D:20261126093000Z"
    assert reader.xmp_metadata.xmp_create_date == dt.datetime(2026, 11, 26, 9, 30)
    assert (str(reader.xmp_metadata.pdfaid_part), reader.xmp_metadata.pdfaid_conformance) == (
        "2",
        "B",
    )
    assert len(reader.pages) > 5 and "Қашықтықтан" in reader.pages[0].extract_text()
    # each offset holds its object (read here: pypdf finds a misplaced object even when strict)
    assert _misplaced(first) == [] and len(_in_use(first)) > 100
    at = _in_use(first)[1]
    moved = first.replace(b"%010d 00000 n" % at, b"%010d 00000 n" % (at + 1), 1)
    assert _misplaced(moved) == [1]


def _in_use(pdf: bytes) -> list[int]:
    """The offsets of the cross-reference table's in-use entries, by object number (0: free)."""
    start = int(re.search(rb"startxref\s*(\d+)\s*%%EOF\s*$", pdf).group(1))
    offsets: list[int] = []
    for first, count, body in re.findall(
        rb"(\d+) (\d+)\r?\n((?:\d{10} \d{5} [nf][ \r\n]{2})+)", pdf[start:]
    ):
        assert int(first) == len(offsets)  # one subsection after the other
        entries = re.findall(rb"(\d{10}) \d{5} ([nf])", body)
        assert len(entries) == int(count)
        offsets += [int(at) if kind == b"n" else 0 for at, kind in entries]
    return offsets


def _misplaced(pdf: bytes) -> list[int]:
    """The object numbers whose table offset does not hold ``N 0 obj``."""
    return [
        number
        for number, at in enumerate(_in_use(pdf))
        if at and not pdf[at:].startswith(b"%d 0 obj" % number)
    ]


def test_a_docx_is_deflated_at_level_1(project, tmp_path):
    """Packed fast (level 1: ~2.3 ms a regulation instead of ~3.2 at 6): each member's
    compressed size is zlib's at level 1."""
    with zipfile.ZipFile(io.BytesIO(_render(project, tmp_path / "a"))) as z:
        for info in z.infolist():
            pack = zlib.compressobj(1, zlib.DEFLATED, -15)
            fast = pack.compress(z.read(info)) + pack.flush()
            assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename
            assert info.compress_size == len(fast), info.filename


def test_stabilize_leaves_a_pdf_of_another_shape_alone():
    odd = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"
    assert pdf_stable.stabilize(odd, stamp.EARLIEST) == odd


@pytest.mark.parametrize(
    "eol", [b" \n", b"\r\n", b" \r"]
)  # the table's line ends (20-byte entries)
def test_stabilize_shifts_every_offset_by_the_edits_before_it(eol):
    """A PDF with a classic cross-reference table whose dates change length: each object after
    an edit moves by the edits before it, and every offset of the table still holds its object
    (objects before, between and after the edits), whichever line end the table's entries have."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /CreationDate (D:20261201152000+05'00') >>",
        b"<< /Filler (" + b"x" * 300 + b") >>",
        b"<< /ModDate (D:2026) >>",
        b"<< /Last true >>",
    ]
    body, offsets = b"%PDF-1.7\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    table = b"xref\n0 %d\n0000000000 65535 f%s" % (len(objects) + 1, eol)
    table += b"".join(b"%010d 00000 n%s" % (o, eol) for o in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\n" % (len(objects) + 1)
    pdf = body + table + trailer + b"startxref\n%d\n%%%%EOF\n" % xref
    out = pdf_stable.stabilize(pdf, stamp.EARLIEST)
    assert out != pdf and b"(D:20261201152000+05'00')" not in out
    start = int(re.search(rb"startxref\s*(\d+)", out).group(1))
    assert out[start:].startswith(b"xref")
    entries = re.findall(rb"(\d{10}) 00000 n", out[start:])
    assert len(entries) == len(objects)
    for number, offset in enumerate(entries, 1):
        assert out[int(offset) :].startswith(b"%d 0 obj" % number), number
