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


def _shaded_keys(path) -> list[str]:
    document = docx.Document(str(path))
    found = []
    for row in document.tables[0].rows[1:]:
        props = row.cells[1]._tc.tcPr
        shd = props.find(qn("w:shd")) if props is not None else None
        if shd is not None and shd.get(qn("w:fill")) == "FFF2CC":
            found.append(row.cells[0].paragraphs[0].runs[0].text)
    return found


def test_a_translation_its_source_changed_under_is_marked_to_update(project, dlo, monkeypatch):
    """A revision of a bilingual edition in force changed three Kazakh texts; the table for the
    translator said "0 to translate" and shaded nothing, since every Russian text was there (the
    edition's, now stale), so a translator given it updated none. Now a row whose source text
    changed since the edition in force while its target did not is shaded and counted, and the
    command names them (in the interface language, as the other rows' names in its messages)."""
    from workflow_support import to_in_force

    def translator(source: str) -> str:  # the clause stating the approval says it in Russian
        if source.startswith("Лауазымдық нұсқаулық ҚӨУ"):
            return "Должностная инструкция утверждается приказом Председателя Правления – Ректора."
        return russian(source)

    path = export(dlo, project)
    fill(path, translator)
    assert dlo("translate", "dlo-head", "--from", str(path), cwd=project).code == 0
    to_in_force(dlo, project)
    revised = dlo("revise", "dlo-head", "--by", "dlo-head", "--reason", "Нақтыланды", cwd=project)
    assert revised.code == 0, revised.err
    text = (project / REG).read_text(encoding="utf-8")
    for old, new in (
        ("кемінде 5 жыл", "кемінде 3 жыл"),
        ("қызметкерлеріне тапсырмалар беру", "қызметкерлеріне жазбаша тапсырмалар беру"),
    ):
        assert old in text  # the kk text comes first (the ru one may quote it after it)
        text = text.replace(old, new, 1)
    (project / REG).write_text(text, encoding="utf-8")
    result = dlo("translate", "dlo-head", "--to", "ru", "--out", "build/t2.docx", cwd=project)
    assert result.code == 0, result.err
    assert "94 rows, 2 to translate" in result.out
    assert (
        "of them 2 to update: the kk text changed since edition 1, the ru text did not: "
        "clause 9 item 2, clause 11 item 8"
    ) in result.out
    assert _shaded_keys(project / "build/t2.docx") == ["qualification-requirements.2", "rights.8"]
    monkeypatch.setenv("DLO_UI_LANG", "ru")
    result = dlo("translate", "dlo-head", "--to", "ru", "--out", "build/t3.docx", cwd=project)
    assert "из них обновить 2: текст kk изменён после издания 1" in result.out, result.out
    assert "пункт 9, подпункт 2, пункт 11, подпункт 8" in result.out, result.out
    assert "clause" not in result.out
    # the table made before the revision: its rows of the changed texts are refused, named in
    # Russian too (they were "clause 9 item 2" in a Russian message)
    result = dlo("translate", "dlo-head", "--from", str(path), cwd=project)
    assert "ошибка DLO702: строка 36 (пункт 9, подпункт 2, qualification-requirements.2)" in (
        result.err
    ), result.err
    # a working text naming a position the registry lacks (a typo mid-edit, dlo check's DLO020)
    # is exported as before, its stale rows marked still: the journal says which edition is in
    # force (the rows were all "to translate" or none, as the full status could not be had)
    text = (project / REG).read_text(encoding="utf-8")
    typo = text.replace("approvers: [vp-academic,", "approvers: [vp-academik,", 1)
    assert typo != text
    (project / REG).write_text(typo, encoding="utf-8")
    monkeypatch.setenv("DLO_UI_LANG", "en")
    result = dlo("translate", "dlo-head", "--to", "ru", "--out", "build/t4.docx", cwd=project)
    assert result.code == 0, result.err
    assert "of them 2 to update" in result.out, result.out


def test_an_edition_that_adds_a_language_is_not_said_unchanged(in_force, dlo):
    """A revision that made the Kazakh-only edition in force bilingual (its Russian text taken
    from the translator's table, the Kazakh one untouched): the Kazakh comparison, the approval
    package's table and the site's page among them, said "no changes between the editions", so
    whoever agreed in Kazakh was told nothing was changed. Now it says the Russian text is new
    in this edition; after changes of its own, it says so too."""
    project = in_force
    revised = dlo("revise", "dlo-head", "--by", "dlo-head", "--reason", "Орысша", cwd=project)
    assert revised.code == 0, revised.err
    path = export(dlo, project)
    fill(path, russian)
    assert dlo("translate", "dlo-head", "--from", str(path), cwd=project).code == 0
    result = dlo("diff", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    assert "edition 1 → edition 2 (draft): no changes; the ru text is new in this edition" in (
        result.out
    )
    html = dlo("diff", "dlo-head", "--format", "html", "--out", "build/c.html", cwd=project)
    assert html.code == 0, html.err
    page = (project / "build/c.html").read_text(encoding="utf-8")
    assert (
        "осы басылымда мәтіннің «" in page and "Басылымдардың арасында өзгерістер жоқ" not in page
    )
    text = (project / REG).read_text(encoding="utf-8")
    (project / REG).write_text(text.replace("кемінде 5 жыл", "кемінде 3 жыл", 1), encoding="utf-8")
    result = dlo("diff", "dlo-head", cwd=project)
    assert "1 changed" in result.out and "also: the ru text is new in this edition" in result.out


def _hidden_keys(path) -> list[str]:
    table = docx.Document(str(path)).tables[0]
    return [
        "".join(r.text for p in row.cells[0].paragraphs for r in p.runs if r.font.hidden)
        for row in table.rows[1:]
    ]


def test_an_element_whose_id_is_title_is_translated_beside_the_regulation_s_title(project, dlo):
    """The regulation's title row was keyed "title", so an element with the id `title` made two
    rows of one key: the table could not be taken back (each refused as repeated), a reviewer
    reading the code found. The title's key is one no id can be; a table made with the old key
    is still taken back."""
    path = project / REG
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.lstrip().startswith("- id: "))
    path.write_text(text.replace(first, first.split("id: ")[0] + "id: title", 1), encoding="utf-8")
    table = export(dlo, project)
    assert _hidden_keys(table).count("title") == 1
    fill(table, russian)
    result = dlo("translate", "dlo-head", "--from", str(table), cwd=project)
    assert result.code == 0, result.err
    model = regulation(project)
    assert text_in(model.title, "ru", "kk").startswith("Перевод: ")
    # a table exported before: its title row keyed "title" (the regulation has no such element)
    path.write_text(text, encoding="utf-8")
    old = export(dlo, project, "old.docx")
    document = docx.Document(str(old))
    for paragraph in document.tables[0].rows[1].cells[0].paragraphs:
        for run in paragraph.runs:
            if run.font.hidden:
                run.text = "title"
    document.save(str(old))
    fill(old, lambda source: "Заголовок: " + source, rows=[1])
    result = dlo("translate", "dlo-head", "--from", str(old), cwd=project)
    assert result.code == 0, result.err
    assert text_in(regulation(project).title, "ru", "kk").startswith("Заголовок: ")
