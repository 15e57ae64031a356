"""The translation table as Word and LibreOffice leave it: tracked changes, pasted characters
that print as nothing, the file re-saved by LibreOffice."""

from __future__ import annotations

import json

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from test_import_word import soffice_resave
from test_translate import REG, export, fill, regulation, russian

from dlo_docs.model import text_in
from dlo_docs.translate import slots


def _run(text: str, deleted: bool = False):
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run


def _wrapped(tag: str, *runs, **attrs):
    wrapper = OxmlElement(tag)
    for name, value in attrs.items():
        wrapper.set(qn(f"w:{name}"), value)
    for run in runs:
        wrapper.append(run)
    return wrapper


def _target_row(path, key: str):
    document = docx.Document(str(path))
    for row in document.tables[0].rows[1:]:
        if row.cells[0].paragraphs[0].runs[0].text == key:
            return document, row.cells[1].paragraphs[0]
    raise AssertionError(key)


def test_a_translation_typed_with_track_changes_on_is_taken_as_accepted(project, dlo):
    """The text a translator typed with Track Changes on (w:ins), or that a hyperlink holds,
    was dropped: only the paragraph's own runs were read, so "…подготовку, " was taken for
    "…подготовку, переподготовку и повышение квалификации;". Now the cell reads as Word shows
    it with the changes accepted: inserted text in, deleted text out."""
    path = export(dlo, project)
    document, paragraph = _target_row(path, "rights.5")
    track = {"author": "Переводчик", "date": "2026-12-05T10:00:00Z"}
    paragraph._p.append(_run("на профессиональную подготовку, "))
    paragraph._p.append(_wrapped("w:del", _run("обучение, ", deleted=True), id="1", **track))
    paragraph._p.append(_wrapped("w:ins", _run("переподготовку и "), id="2", **track))
    paragraph._p.append(_wrapped("w:hyperlink", _run("повышение квалификации;"), history="1"))
    document.save(str(path))
    result = dlo("translate", "dlo-head", "--from", str(path), cwd=project)
    assert result.code == 0, result.err
    rights5 = next(s for s in slots(regulation(project)) if s.key == "rights.5")
    assert text_in(rights5.value, "ru", "kk") == (
        "на профессиональную подготовку, переподготовку и повышение квалификации;"
    )


def test_characters_that_print_as_nothing_pasted_into_a_cell_are_dropped(project, dlo):
    """A translation pasted with soft hyphens (from a hyphenated PDF or web page) or a
    zero-width space was written into regulation.yaml as it was, which dlo check then refused
    (DLO118: an invisible format character) in the text the translator never saw them in. They
    are dropped as dlo import drops them; a non-breaking space is a space."""
    path = export(dlo, project)
    document, paragraph = _target_row(path, "basis")
    paragraph.add_run(
        "Должностная инструкция разработана в соответствии с зако\u00adнода\u00adтельством"
        "\u00a0Республики\u200b Казахстан."
    )
    document.save(str(path))
    result = dlo("translate", "dlo-head", "--from", str(path), cwd=project)
    assert result.code == 0, result.err
    basis = next(s for s in slots(regulation(project)) if s.key == "basis")
    assert text_in(basis.value, "ru", "kk") == (
        "Должностная инструкция разработана в соответствии с законодательством Республики "
        "Казахстан."
    )
    check = dlo("check", "--format", "json", "regulations/dlo-head", cwd=project)
    assert not [p for p in json.loads(check.out)["problems"] if p["code"] == "DLO118"]


@pytest.mark.slow
def test_a_table_re_saved_by_libreoffice_is_taken_back(project, dlo):
    """A table the translator saved with LibreOffice was refused as "not a translation table":
    LibreOffice relates the core properties, which name the table, by another relationship than
    the one python-docx reads, so the properties read empty."""
    path = export(dlo, project)
    fill(path, russian)
    (resaved,) = soffice_resave(path)
    result = dlo("translate", "dlo-head", "--from", str(resaved), cwd=project)
    assert result.code == 0, result.err
    assert "94 text(s) filled" in result.out
    doc = regulation(project)
    assert doc.languages == ["kk", "ru"]
    assert (project / REG).read_text(encoding="utf-8").count("Перевод: ") == 94
