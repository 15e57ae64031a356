"""What LibreOffice is given: a DOCX in the built-in styles with its table style written out on
each table, the parts and styles it does not use and its bookmarks left out (the same PDF,
converted faster: tests/test_pdf.py converts both); anything else as it is. No LibreOffice
needed here."""

from __future__ import annotations

import errno
import io
import re
import stat
import zipfile
from pathlib import Path

import pytest

from dlo_docs.render import pdf as pdf_render
from dlo_docs.render import pdf_input
from dlo_docs.render.docx.table_style import CELL_MARGINS, CELL_PR, TABLE_PR


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def package(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def seed_docx(project, dlo) -> bytes:
    """The seed's DOCX (four sheets: ~255 table cells), in the built-in styles."""
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    return (project / "build" / "dlo-head.kk.draft.docx").read_bytes()


def test_the_table_style_is_written_out_on_each_table_and_cell(seed_docx):
    given = pdf_input.for_libreoffice(seed_docx)
    assert given is not None
    before, after = parts(seed_docx), parts(given)
    document = after["word/document.xml"].decode()
    tables, cells = document.count("<w:tbl>"), document.count("<w:tc>")
    assert tables == 4 and cells > 200
    assert "w:tblStyle" not in document
    assert document.count(TABLE_PR) == document.count(CELL_MARGINS) == tables
    assert document.count(CELL_PR) == cells
    # nothing else changed but the bookmarks left out: taking the written-out formatting away
    # gives the text as it was, less its style references and bookmarks
    back = document.replace(TABLE_PR, "").replace(CELL_MARGINS, "").replace(CELL_PR, "")
    original = before["word/document.xml"].decode()
    assert "<w:bookmarkStart" in original and "<w:bookmark" not in document
    original = re.sub(r"<w:bookmark(Start|End) [^>]*/>", "", original)
    assert back == re.sub(r'<w:tblStyle w:val="[^"]*"/>', "", original)
    with zipfile.ZipFile(io.BytesIO(given)) as z:  # stored, and a package that reads back whole
        assert z.testzip() is None
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}


def test_the_parts_the_document_does_not_use_are_left_out_and_unnamed(seed_docx):
    """Theme, numbering, web settings, custom XML: not given, and named by no relationship and
    no content type; every other part as it was (the headers and footers...) but the styles."""
    before, after = parts(seed_docx), parts(pdf_input.for_libreoffice(seed_docx))
    gone = {"word/theme/theme1.xml", "word/numbering.xml", "word/webSettings.xml"}
    gone |= {n for n in before if n.startswith("customXml/")}
    assert gone <= set(before) and set(after) == set(before) - gone
    changed = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    changed.add("word/styles.xml")  # less the styles no part refers to
    assert all(after[n] == before[n] for n in after if n not in changed)
    named = after["word/_rels/document.xml.rels"] + after["[Content_Types].xml"]
    for word in (b"theme", b"numbering", b"webSettings", b"customXml"):
        assert word not in named, word
    for target in re.findall(rb'Target="([^"]*)"', after["word/_rels/document.xml.rels"]):
        assert f"word/{target.decode()}" in after  # every relationship still holds its part


def style_ids(styles: bytes) -> set[str]:
    return {m.decode() for m in re.findall(rb'<w:style [^>]*w:styleId="([^"]*)"', styles)}


def test_the_styles_no_part_refers_to_are_left_out(seed_docx):
    """Every style a part refers to stays, with the defaults and what they are based on; the
    others go, and no style kept links to one gone. The styles kept are as they were."""
    before, after = parts(seed_docx), parts(pdf_input.for_libreoffice(seed_docx))
    kept, had = style_ids(after["word/styles.xml"]), style_ids(before["word/styles.xml"])
    referred = set()
    for name, data in after.items():
        if name.startswith("word/") and name != "word/styles.xml":
            referred |= set(re.findall(r'w:(?:pStyle|rStyle) w:val="([^"]*)"', data.decode()))
    assert {"Header", "Footer", "DLOTitleFooter", "Heading1", "DLOTableText"} <= referred
    defaults = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
    based = {"DLOApproval", "DLODocumentTitle"}  # DLOApprovalHeading, DLODocumentName on them
    assert kept == referred | defaults | based
    assert {"DLOTable", "Title", "Heading1Char", "Heading3"} <= had - kept
    styles = after["word/styles.xml"].decode()
    for linked in re.findall(r'<w:(?:link|next|basedOn) w:val="([^"]*)"/>', styles):
        assert linked in kept, linked
    unlinked = re.sub(r'<w:link w:val="[^"]*"/>', "", before["word/styles.xml"].decode())
    for style in re.findall(r"<w:style .*?</w:style>", styles):  # each as it was, less links
        assert re.sub(r'<w:link w:val="[^"]*"/>', "", style) in unlinked


def test_a_style_used_anywhere_is_kept(seed_docx):
    """A style referred to by the body only, by a header only, or through another's basedOn, is
    given with its links to the styles kept."""
    members = parts(seed_docx)
    document = members["word/document.xml"].replace(
        b'<w:pStyle w:val="DLOClause"/>', b'<w:pStyle w:val="Heading3"/>', 1
    )
    header = members["word/header1.xml"].replace(
        b'<w:pStyle w:val="Header"/>', b'<w:pStyle w:val="Title"/>', 1
    )
    assert document != members["word/document.xml"] and header != members["word/header1.xml"]
    edited = {**members, "word/document.xml": document, "word/header1.xml": header}
    given = parts(pdf_input.for_libreoffice(package(edited)))
    kept = style_ids(given["word/styles.xml"])
    assert {"Heading3", "Title"} <= kept and not {"Heading3Char", "TitleChar"} & kept
    assert b'<w:link w:val="Heading3Char"/>' not in given["word/styles.xml"]


def test_numbering_in_use_and_bookmarks_referred_to_are_kept(seed_docx):
    """A paragraph numbered by a list keeps the numbering definitions; a field (or a link) in
    the body keeps the bookmarks it could refer to."""
    members = parts(seed_docx)
    document = members["word/document.xml"]
    numbered = document.replace(b"<w:pPr>", b'<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>', 1)
    given = parts(pdf_input.for_libreoffice(package({**members, "word/document.xml": numbered})))
    assert "word/numbering.xml" in given
    assert b"numbering.xml" in given["word/_rels/document.xml.rels"]
    field = b'<w:r><w:instrText xml:space="preserve"> REF dlo_x </w:instrText></w:r></w:p>'
    referring = document.replace(b"</w:p>", field, 1)
    given = parts(pdf_input.for_libreoffice(package({**members, "word/document.xml": referring})))
    assert b"<w:bookmarkStart" in given["word/document.xml"]


def test_other_styles_are_given_as_they_are(seed_docx):
    """An organisation's reference document (here: its table style with other borders) or
    another style sheet: LibreOffice applies the styles itself."""
    members = parts(seed_docx)
    styles = members["word/styles.xml"]
    for changed in (
        styles.replace(b'w:sz="4" w:space="0"', b'w:sz="12" w:space="0"', 1),
        styles.replace(b"</w:styles>", b'<w:style w:type="paragraph" w:styleId="X"/></w:styles>'),
        styles.replace(b'w:styleId="TableNormal"', b'w:styleId="TableNormal" w:customStyle="1"'),
    ):
        assert changed != styles
        assert pdf_input.for_libreoffice(package({**members, "word/styles.xml": changed})) is None


def test_the_language_of_the_styles_does_not_matter(seed_docx):
    """The built-in style sheet carries the document's language: any language is the built-in
    one still."""
    members = parts(seed_docx)
    styles = members["word/styles.xml"]
    assert b'w:val="kk-KZ"' in styles
    russian = styles.replace(b"kk-KZ", b"ru-RU")
    assert pdf_input.for_libreoffice(package({**members, "word/styles.xml": russian})) is not None


@pytest.mark.parametrize(
    "edit",
    [
        # a table of another shape (a property ooxml.table does not write)
        lambda d: d.replace(b'<w:tblLayout w:type="fixed"/>', b"", 1),
        # a cell with more properties than its width
        lambda d: d.replace(b'w:type="dxa"/></w:tcPr>', b'w:type="dxa"/><w:noWrap/></w:tcPr>', 1),
        # no table at all
        lambda d: re.sub(rb"<w:tbl>.*?</w:tbl>", b"", d, flags=re.S),
    ],
)
def test_a_document_of_another_shape_is_given_as_it_is(seed_docx, edit):
    members = parts(seed_docx)
    document = edit(members["word/document.xml"])
    assert document != members["word/document.xml"]
    assert pdf_input.for_libreoffice(package({**members, "word/document.xml": document})) is None


def test_hostile_or_broken_input_is_given_as_it_is(seed_docx, monkeypatch):
    assert pdf_input.for_libreoffice(b"not a zip") is None
    assert pdf_input.for_libreoffice(seed_docx[: len(seed_docx) // 2]) is None  # cut short
    assert pdf_input.for_libreoffice(package({"word/document.xml": b"<w:tbl>"})) is None
    monkeypatch.setattr(pdf_input, "LIMIT", 1000)  # a part larger than the limit is not read
    assert pdf_input.for_libreoffice(seed_docx) is None


def test_libreoffice_is_given_the_written_out_copy_and_the_pdf_is_the_documents(
    seed_docx, monkeypatch, tmp_path
):
    """The copy is what LibreOffice reads (in the run's private folder); the DOCX itself is
    untouched, and its PDF is named and dated after it."""
    log = tmp_path / "given"
    script = tmp_path / "soffice"
    script.write_text(
        f"""#!/bin/sh
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx)
  echo "$a" >> {log}; b=$(basename "$a" .docx)
  if grep -q "w:tblBorders" "$a"; then s=flat; else s=styled; fi  # (the copy is stored)
  echo "%PDF $s" > "$out/$b.pdf";; esac; done
""",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    folder = tmp_path / "docx"
    folder.mkdir()
    (folder / "seed.kk.docx").write_bytes(seed_docx)
    (folder / "other.kk.docx").write_bytes(b"not a docx")
    made = pdf_render.convert_files(sorted(folder.iterdir()), tmp_path / "out")
    assert [p.name for p in made] == ["other.kk.pdf", "seed.kk.pdf"]
    assert (tmp_path / "out" / "seed.kk.pdf").read_text() == "%PDF flat\n"
    given = log.read_text().split()
    # each file's bytes as read, copied into the run's private folder (another's the original
    # too: whoever may write its folder could swap it before LibreOffice read it)
    assert given[0] != str(folder / "other.kk.docx") and given[0].endswith("/in/other.kk.docx")
    assert given[1] != str(folder / "seed.kk.docx") and given[1].endswith("/in/seed.kk.docx")
    assert not Path(given[1]).exists()  # the copy went with the run's folder
    assert (folder / "seed.kk.docx").read_bytes() == seed_docx
    converted = pdf_render.convert_many(sorted(folder.iterdir()), tmp_path / "many")
    assert converted.made["seed.kk"].read_text() == "%PDF flat\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_names_the_file_that_could_not_be_written(seed_docx, tmp_path):
    """The DOCX given LibreOffice is written beside the run's PDFs (for `dlo site build`, in
    the site folder's disk): a full disk stopped the command with "dlo: error: No space left on
    device" and no path, so the admin could not tell which disk (the site's, /tmp, the cache)
    to free. The error now names the file, as every other write of a build does."""
    docx = tmp_path / "dlo-head.kk.docx"
    docx.write_bytes(seed_docx)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / docx.name).symlink_to("/dev/full")  # every write to it: ENOSPC
    with pytest.raises(OSError) as err:
        pdf_render._given([docx], folder)
    assert err.value.errno == errno.ENOSPC
    assert err.value.filename == str(folder / docx.name)
