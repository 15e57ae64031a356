"""Word as an editing path: what ``dlo render`` prints from data — the title page, the running
header and footer, the sheets after the text — and the formatting of the text are not imported
by ``dlo import --onto``; a Word user's edit there is said at its place (DLO505), never dropped
silently. An unedited render, in any language, re-saved by LibreOffice or imported again after
an import, is said nothing of."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from docx import Document
from docx.oxml.ns import qn
from test_import_support import load_model
from test_import_word import REG, changes, rendered, soffice_resave
from test_import_word_office import _paragraph_of

UNIT = "dlo-unit"  # the bilingual fixture: a unit regulation in kk and ru


def _place(doc, element) -> int:
    """The number ``dlo import`` gives a body paragraph or table row: each counted in order."""
    count = 0
    for block in doc.element.body:
        if block.tag == qn("w:tbl"):
            for tr in block.iter(qn("w:tr")):
                count += 1
                if tr is element:
                    return count
        elif block.tag == qn("w:p"):
            count += 1
            if block is element:
                return count
    raise AssertionError("not in the body")


def _edit_everywhere(path: Path, clause: str) -> tuple[Path, dict[str, int]]:
    """A document code changed on the title page, the header's text edited, a name and a date
    typed into the acquaintance sheet, a note typed on its page (before the next sheet),
    words of a clause set bold and italic; returns the file and where each edit is."""
    doc = Document(str(path))
    code = next(p for p in doc.paragraphs if p.text.startswith("Коды:"))
    run = next(r for r in code.runs if "01" in r.text)
    run.text = run.text.replace("01", "07")
    doc.sections[0].header.paragraphs[-1].runs[0].text = "Ереже"
    row = doc.tables[1].rows[3]  # the acquaintance sheet's third row, blank
    row.cells[1].text, row.cells[3].text = "Д. Е. Жанов", "01.12.2026"
    changes_heading = [p for p in doc.paragraphs if p.style.name == "DLO Sheet Heading"][2]
    note = changes_heading.insert_paragraph_before("Ескерту: өзгерістер жоқ.")
    p = _paragraph_of(doc, clause)
    first = p.findall(qn("w:r"))[0]
    text = first.find(qn("w:t")).text
    first.find(qn("w:t")).text = text[:3]
    for words, tag in ((text[3:17], "w:b"), (text[17:], "w:i")):
        run = copy.deepcopy(first)
        run.find(qn("w:t")).text = words
        rpr = run.makeelement(qn("w:rPr"), {})
        rpr.append(rpr.makeelement(qn(tag), {}))
        run.insert(0, rpr)
        p.append(run)
    p.append(p.find(qn("w:bookmarkEnd")))
    places = {
        "code": _place(doc, code._p),
        "row": _place(doc, row._tr),
        "note": _place(doc, note._p),
        "clause": _place(doc, p),
    }
    out = path.with_name("everywhere.docx")
    doc.save(str(out))
    return out, places


def _said_everywhere(result, name: str, places: dict[str, int]) -> None:
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "warning" in line]
    assert len(said) == 5, result.err
    assert all("DLO505" in line for line in said), result.err
    expected = [
        f"{name}: warning DLO505: the page header or footer reads «Ереже ЛН ҮББИ 01-2024 · 1-",
        f"{name}:{places['code']}:1: warning DLO505: the title page reads «Коды: ЛН ҮББИ 07-2024»",
        f"{name}:{places['clause']}:1: warning DLO505: bold, italic on «Осы лауазымдық; нұсқаулық",
        f"{name}:{places['row']}:1: warning DLO505: the sheet «Танысу парағы» reads "
        "«Д. Е. Жанов; 01.12.2026» here",
        f"{name}:{places['note']}:1: warning DLO505: the sheet «Танысу парағы» reads "
        "«Ескерту: өзгерістер жоқ.» here",
    ]
    for line, start in zip(said, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert "code:" in said[1] and "dlo acknowledge" in said[3]


def test_edits_of_what_is_printed_from_data_are_said_at_their_place(bundled, dlo):
    clause = load_model(bundled, REG).chapters[0].clauses[0].id
    path, places = _edit_everywhere(rendered(bundled, dlo), clause)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    _said_everywhere(result, path.relative_to(bundled).as_posix(), places)
    assert changes(bundled) == set()  # the data, not the DOCX: nothing of the edits is taken


@pytest.mark.slow
def test_libreoffice_resave_says_the_same_edits_and_nothing_of_an_unedited_render(bundled, dlo):
    clause = load_model(bundled, REG).chapters[0].clauses[0].id
    untouched = rendered(bundled, dlo)
    path, places = _edit_everywhere(untouched, clause)
    again, edited = soffice_resave(untouched, path)
    result = dlo("import", edited, "--onto", REG, cwd=bundled)
    _said_everywhere(result, edited.relative_to(bundled).as_posix(), places)
    quiet = dlo("import", again, "--onto", REG, cwd=bundled)
    assert quiet.code == 0 and "warning" not in quiet.err, quiet.err
    assert changes(bundled) == set()


def test_an_unedited_render_in_kk_ru_bilingual_and_of_a_unit_is_said_nothing_of(bundled, dlo):
    (bundled / "regulations" / UNIT).mkdir()
    shutil.copy(FIXTURES / "bilingual" / "regulation.yaml", bundled / "regulations" / UNIT)
    # the seed is in force; the unit has no edition in force, so it renders as a draft
    for reg, lang, draft in ((REG, "kk", ""), (UNIT, "kk", ".draft"), (UNIT, "ru", ".draft")):
        made = dlo("render", reg, "--format", "docx", "--lang", lang, cwd=bundled)
        assert made.code == 0, made.err
        docx = bundled / "build" / f"{reg}.{lang}{draft}.docx"
        result = dlo("import", docx, "--onto", reg, cwd=bundled)
        assert result.code == 0 and "warning" not in result.err, (reg, lang, result.err)


def test_a_draft_rendered_before_the_last_import_is_said_nothing_of(bundled, dlo):
    opened = dlo("revise", REG, "--by", "dlo-head", "--reason", "Word", cwd=bundled)
    assert opened.code == 0, opened.err
    made = dlo("render", REG, "--draft", "--format", "docx", "--lang", "kk", cwd=bundled)
    assert made.code == 0, made.err
    first = bundled / "build" / f"{REG}.kk.draft.docx"
    doc = Document(str(first))
    assert any("ЖОБА" in p.text for p in doc.sections[0].header.paragraphs)  # a draft's header
    clause = load_model(bundled, REG).chapters[0].clauses[0]
    p = _paragraph_of(doc, clause.id)
    p.findall(qn("w:r"))[0].find(qn("w:t")).text += " Қосылған сөйлем."
    second = first.with_name("second.docx")
    doc.save(str(second))
    for path in (second, first, second):  # imported, and again: the round trip repeated
        result = dlo("import", path, "--onto", REG, cwd=bundled)
        assert result.code == 0 and "warning" not in result.err, result.err
    assert load_model(bundled, REG).chapters[0].clauses[0].text.endswith("Қосылған сөйлем.")
    path, places = _edit_everywhere(first, clause.id)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert f":{places['code']}:1: warning DLO505: the title page reads «Коды: ЛН" in result.err


def test_a_header_of_many_paragraphs_is_said_a_bounded_number_of_times(bundled, dlo):
    """A header part of 2,000 typed lines (a 400,000-line one is a 1 MB DOCX) lists the first
    edits and counts the rest, not one warning a line."""
    doc = Document(str(rendered(bundled, dlo)))
    header = doc.sections[0].header
    for i in range(2000):
        header.add_paragraph(f"line {i} typed in the header")
    path = bundled / "build" / "header.docx"
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "DLO505" in line]
    assert len(said) == 101, len(said)  # the first 100 and the count
    assert "1900 more edits of what is printed from the data" in result.err
    assert changes(bundled) == set()
