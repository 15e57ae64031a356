"""A document's code is an identifier: the forms keep it on one line ("ДИ DSHR 07-/2026" was set
"ДИ DSHR 07-" / "/2026"), except in the transfer act's narrow column, where breaking at its
hyphen is better than breaking anywhere."""

from __future__ import annotations

import re
import zipfile

import pypdf
import pytest
from test_pdf import needs_soffice

from dlo_docs.render.docx import ooxml

# one token of 30 letters, then the hyphen: "Коды: ЛН ЖЖЖ…Ж-" fills the title page's line, so a
# breakable hyphen or space ends it there
CODE = "ЛН " + "Ж" * 30 + "-07/2026"


def _pdf_lines(path) -> list[str]:
    """Every line of the PDF as its layout sets it, spaces collapsed."""
    return [
        " ".join(line.split())
        for page in pypdf.PdfReader(path).pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
    ]


def _with_code(project, code: str = CODE) -> None:
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("code: ЛН ҮББИ 01-2024\n") == 1
    path.write_text(text.replace("code: ЛН ҮББИ 01-2024\n", f"code: {code}\n"), "utf-8")


def test_the_docx_writes_the_code_unbreakable_and_reads_back_as_typed(project, dlo):
    import docx

    _with_code(project)
    out = project / "out"
    assert (
        dlo("render", "dlo-head", "--format", "docx", "--draft", "--out", out, cwd=project).code
        == 0
    )
    path = out / "dlo-head.kk.docx"
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "Ж</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t" in xml
    assert "Ж-07" not in xml.replace("<w:noBreakHyphen/>", "")  # every hyphen of it is one
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    assert f"Коды: {CODE.replace(' ', chr(0xA0))}" in lines  # a reader sees "-"
    package = zipfile.ZipFile(path)
    headers = [package.read(n).decode() for n in package.namelist() if "/header" in n]
    assert any("<w:noBreakHyphen/>" in h for h in headers)  # the running header names the code


def test_only_the_code_is_written_unbreakable_and_only_when_a_line_holds_it():
    nb = "<w:r><w:noBreakHyphen/></w:r>"
    assert ooxml.with_code("{kind} {code}.", "ДИ 07-01", kind="a-b") == (
        '<w:r><w:t xml:space="preserve">a-b </w:t></w:r>'  # the other fields as they are
        '<w:r><w:t xml:space="preserve">ДИ\u00a007</w:t></w:r>'
        + nb
        + '<w:r><w:t xml:space="preserve">01</w:t></w:r><w:r><w:t xml:space="preserve">.</w:t></w:r>'
    )
    long = "ЛН " + "Ж" * 30 + "-" + "К" * 30  # longer than a line holds: it keeps its breaks
    assert ooxml.with_code("{code}", long) == ooxml.runs(long)
    assert "\u2011" in ooxml.runs("a\u2011b")  # a text's own U+2011 stays as typed


def test_a_texts_own_non_breaking_hyphen_survives_the_round_trip(project, dlo):
    """A clause typed with U+2011 is rendered and read back by ``dlo import --onto`` as typed."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("Ахмет Байтұрсынұлы") >= 1
    path.write_text(text.replace("Ахмет Байтұрсынұлы", "Ахмет\u2011Байтұрсынұлы", 1), "utf-8")
    before = path.read_bytes()
    out = project / "out"
    assert (
        dlo("render", "dlo-head", "--format", "docx", "--draft", "--out", out, cwd=project).code
        == 0
    )
    result = dlo("import", out / "dlo-head.kk.docx", "--onto", "dlo-head", cwd=project)
    assert result.code == 0, result.out + result.err
    assert path.read_bytes() == before


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_pdf_never_breaks_a_line_inside_the_code(project, dlo):
    _with_code(project)
    out = project / "out"
    result = dlo("render", "dlo-head", "--format", "pdf", "--draft", "--out", out, cwd=project)
    assert result.code == 0, result.out + result.err
    lines = _pdf_lines(out / "dlo-head.kk.pdf")
    whole = [line for line in lines if CODE in line]
    assert len(whole) >= 2, lines[:30]  # the title page and each running header
    assert not [line for line in lines if re.search(r"Ж-?$|^-?07/2026", line)], lines[:30]
    assert any(line == CODE for line in lines[:40])  # "Коды:" alone above it, on the title page


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_code_longer_than_a_line_breaks_at_a_hyphen_not_inside_a_word(project, dlo):
    long = "ЛН " + "Ж" * 30 + "-" + "К" * 30 + "-07/2026 X"
    _with_code(project, long)
    out = project / "out"
    result = dlo("render", "dlo-head", "--format", "pdf", "--draft", "--out", out, cwd=project)
    assert result.code == 0, result.out + result.err
    lines = _pdf_lines(out / "dlo-head.kk.pdf")
    assert not [line for line in lines if re.search(r"[ЖК]$", line)], lines[:30]
