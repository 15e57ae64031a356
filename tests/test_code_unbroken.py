"""A document's code is an identifier: the forms keep it on one line ("ДИ DSHR 07-01/2026" was
set "ДИ DSHR 07-" / "01/2026" under a sheet's heading), and its edition ("1-басылым"), except a
code too long to be sure a line holds it, and in the transfer act's narrow column, where breaking
at its hyphen is better than breaking anywhere."""

from __future__ import annotations

import re
import zipfile

import pypdf
import pytest
from test_forms import draft
from test_pdf import needs_soffice

from dlo_docs.render.docx import ooxml

CODE = "ДИ DSHR 07-01/2026"
# padding the title so that a sheet's subtitle ("…«title», CODE, 1-басылым") reaches the line's
# end inside the code: the previous writer broke it after "07-" there
PADDED = " жаңа" * 13
TITLE = "  kk: Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы\n"


def _pdf_lines(path) -> list[str]:
    """Every line of the PDF as its layout sets it, spaces collapsed."""
    return [
        " ".join(line.split())
        for page in pypdf.PdfReader(path).pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
    ]


def _with_code(project, code: str = CODE, padded: str = PADDED) -> None:
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("code: ЛН ҮББИ 01-2024\n") == 1 and text.count(TITLE) == 1
    text = text.replace("code: ЛН ҮББИ 01-2024\n", f"code: {code}\n")
    path.write_text(text.replace(TITLE, TITLE[:-1] + padded + "\n"), "utf-8")


def test_the_docx_writes_the_code_unbreakable_and_reads_back_as_typed(project, dlo):
    import docx

    _with_code(project)
    out = project / "out"
    assert (
        dlo("render", "dlo-head", "--format", "docx", "--draft", "--out", out, cwd=project).code
        == 0
    )
    path = out / draft("dlo-head", "kk")
    package = zipfile.ZipFile(path)
    xml = package.read("word/document.xml").decode()
    assert "07</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t" in xml
    lines = [p.text for p in docx.Document(str(path)).paragraphs]
    assert f"Коды: {CODE.replace(' ', chr(0xA0))}" in lines  # a reader sees "-"
    headers = [package.read(n).decode() for n in package.namelist() if "/header" in n]
    assert any("<w:noBreakHyphen/>" in h for h in headers)  # the running header names the code


def _text(xml: str) -> str:
    """What runs print, a w:noBreakHyphen as U+2011."""
    return re.sub(r"<[^>]*>", "", xml.replace("<w:noBreakHyphen/>", "\u2011"))


def test_only_the_code_is_written_unbreakable_and_only_when_a_line_holds_it():
    nb = "<w:r><w:noBreakHyphen/></w:r>"
    written = ooxml.with_code("{kind} {code}.", "ДИ 07-01", kind="a-b")
    assert ooxml.runs("ДИ\u00a007") + nb + ooxml.runs("01") in written
    assert _text(written) == "a-b ДИ\u00a007\u201101."  # the other fields as they are
    long = "ЛН " + "Ж" * 30 + "-" + "К" * 30  # longer than a line surely holds: keeps its breaks
    assert ooxml.with_code("{code}", long) == ooxml.runs(long)
    assert "\u2011" in ooxml.runs("a\u2011b")  # a text's own U+2011 stays as typed
    # a project's own label is formatted as str.format formats it: the code twice, braces,
    # conversions and specs (printed as formatted, not kept whole), no code at all
    assert ooxml.with_code("{code}/{code}", "A-B").count(nb) == 2
    for label, printed in (
        ("{{code}} {code!s}", "{code} A-B"),
        ("Коды: {code!r}", "Коды: 'A-B'"),
        ("{code:.2}|{code[0]}|{code:>5}", "A-|A|  A-B"),
        ("Коды", "Коды"),
    ):
        assert _text(ooxml.with_code(label, "A-B")) == printed, label
    # the edition too ("1-басылым", "издание 1")
    assert ooxml.with_code("{edition}", "", "1-басылым") == (
        ooxml.runs("1") + nb + ooxml.runs("басылым")
    )
    assert _text(ooxml.with_code("{code}, {edition}", "A", "издание 1")) == "A, издание\u00a01"


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
    result = dlo("import", out / draft("dlo-head", "kk"), "--onto", "dlo-head", cwd=project)
    assert result.code == 0, result.out + result.err
    assert path.read_bytes() == before


@pytest.mark.slow  # LibreOffice
@needs_soffice
@pytest.mark.parametrize(
    ("padded", "opens", "lines"),
    [(PADDED, CODE + ", ", 4), (" жаңа" * 11, "1-басылым", 5)],  # (and the title page's)
    ids=["code", "edition"],
)
def test_the_pdf_never_breaks_a_line_inside_the_code_or_the_edition(
    project, dlo, padded, opens, lines
):
    """Padded so, a sheet's subtitle reached the line's end inside the code ("ДИ DSHR 07-" /
    "01/2026") or inside the edition ("1-" / "басылым"): now each opens the next line whole."""
    _with_code(project, padded=padded)
    out = project / "out"
    result = dlo("render", "dlo-head", "--format", "pdf", "--draft", "--out", out, cwd=project)
    assert result.code == 0, result.out + result.err
    found = _pdf_lines(out / draft("dlo-head", "kk", "pdf"))
    assert len([line for line in found if line.startswith(opens)]) == lines, found
    assert not [line for line in found if re.search(r"(ДИ|DSHR|07-|1-)$", line)], found


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_code_longer_than_a_line_breaks_at_a_hyphen_not_inside_a_word(project, dlo):
    long = "ЛН " + "Ж" * 30 + "-" + "К" * 30 + "-07/2026 X"
    _with_code(project, long)
    out = project / "out"
    result = dlo("render", "dlo-head", "--format", "pdf", "--draft", "--out", out, cwd=project)
    assert result.code == 0, result.out + result.err
    lines = _pdf_lines(out / draft("dlo-head", "kk", "pdf"))
    assert not [line for line in lines if re.search(r"[ЖК]$", line)], lines[:30]


def _comparison_table(padded: str) -> bytes:
    """The comparison table of the scripted revision, its title padded, its code ``CODE``."""
    import dataclasses

    from diff_revision import editions

    from dlo_docs.diff.align import compare
    from dlo_docs.labels import labels
    from dlo_docs.render import docx_diff

    kk = labels("kk")
    c = compare(*editions(), kk)
    c = dataclasses.replace(c, new_title=c.new_title + padded)
    return docx_diff.table(
        c, kk, kind="", code=CODE, old_label="1-басылым", new_label="2-басылым (жоба)"
    )


def test_the_comparison_table_writes_its_code_and_editions_unbreakable():
    """The table's subtitle ("«title» (CODE): 1-басылым → 2-басылым (жоба)") is written as a
    sheet's: the code and each edition with no-break spaces and Word's no-break hyphens."""
    with zipfile.ZipFile(__import__("io").BytesIO(_comparison_table(""))) as package:
        xml = package.read("word/document.xml").decode()
    said = "(ДИ\u00a0DSHR\u00a007\u201101/2026): 1\u2011басылым → 2\u2011басылым\u00a0(жоба)"
    assert said in _text(xml)


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_comparison_table_never_breaks_a_line_inside_the_code_or_an_edition(tmp_path):
    """Padded so, the table's subtitle reached the line's end inside the code ("ДИ DSHR 07-" /
    "01/2026") or inside an edition ("2-" / "басылым (жоба)", "1-" / "басылым"), which the forms
    keep on one line: now neither is broken."""
    from dlo_docs.render import pdf as pdf_render

    paddings = {f"p{n}": " жаңа" * n for n in (5, 7, 9)}
    made = pdf_render.convert({k: _comparison_table(v) for k, v in paddings.items()})
    for key, pdf in made.items():
        path = tmp_path / f"{key}.pdf"
        path.write_bytes(pdf)
        found = _pdf_lines(path)
        assert not [line for line in found if re.search(r"(ДИ|DSHR|07-|1-|2-)$", line)], found
