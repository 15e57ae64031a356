"""A change of spacing alone (a doubled space, a space before a comma, a no-break space for a
normal one) is visible in every output of a comparison: the spaces that differ are written in
marks (· a space, ° any other white space), the element's name says the spacing alone changed,
and the legend says what the marks mean. A change of words looks as before."""

from __future__ import annotations

import copy
import io
import re

from diff_revision import find, seed_data, write_project
from docx import Document
from test_diff_table import _Rows, cells

from dlo_docs import comparison as diff_api
from dlo_docs import load
from dlo_docs.diff import text as text_format
from dlo_docs.diff.align import compare
from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.project import Project
from dlo_docs.render import docx_diff

KK, RU = labels("kk"), labels("ru")
NBSP = "\u00a0"
# (element, how its text is respaced): doubled, a space before a comma, a no-break space
EDITS = (
    ("duties.1", lambda t: t.replace(" ", "  ", 1)),
    ("duties.2", lambda t: t.replace(",", " ,", 1)),
    ("duties.4", lambda t: t.replace(" ", NBSP, 1)),
)


def respaced(data: dict) -> dict:
    new = copy.deepcopy(data)
    new["edition"] = 2
    for eid, edit in EDITS:
        item = find(new, eid)
        item["text"] = edit(item["text"])
    return new


def _editions() -> tuple[Regulation, Regulation]:
    data = seed_data()
    return Regulation.model_validate(data), Regulation.model_validate(respaced(data))


def _table(lang_labels=KK) -> Document:
    c = compare(*_editions(), lang_labels)
    data = docx_diff.table(
        c, lang_labels, kind="", code="ЛН ҮББИ 01-2024", old_label="1", new_label="2"
    )
    return Document(io.BytesIO(data))


def test_the_table_shows_which_spaces_changed():
    doc = _table()
    rows = cells(doc)[1:]
    assert [r[1] for r in rows] == [
        f"10-тармақтың {n}) тармақшасы (тек бос орындар өзгертілді)" for n in (1, 2, 4)
    ]
    for _, _, old, new, _ in rows:
        assert old[3:] != new[3:]  # the two wordings no longer look the same
    assert rows[0][2].startswith("1) қашықтықтан·оқытуды қолдана")
    assert rows[0][3].startswith("1) қашықтықтан··оқытуды қолдана")
    assert "ақпараттық, әдістемелік" in rows[1][2] and "ақпараттық·, әдістемелік" in rows[1][3]
    assert rows[2][2].startswith("4) университеттің·қашықтықтан")
    assert rows[2][3].startswith("4) университеттің°қашықтықтан")
    # the marks are changed words, bold; underlined on the new side, not struck through on the
    # old one (a struck "·" prints as a hyphen: "университеттің-қашықтықтан")
    (table,) = doc.tables
    old_cell, new_cell = table.rows[3].cells[2], table.rows[3].cells[3]
    assert [(r.text, r.font.strike) for r in old_cell.paragraphs[0].runs if r.bold] == [
        ("·", False)
    ]
    assert [r.text for r in new_cell.paragraphs[0].runs if r.bold and r.underline] == ["°"]
    texts = [p.text for p in doc.paragraphs]
    assert (
        "Өзгертілген бос орындар белгілермен көрсетілген: · — бос орын, "
        "° — үзілмейтін немесе өзге бос орын." in texts
    )


def test_russian_names_and_legend():
    doc = _table(RU)
    assert cells(doc)[1][1] == "Подпункт 1) пункта 10 (изменены только пробелы)"
    assert "Измененные пробелы показаны знаками: · — пробел, ° — неразрывный или иной пробел." in [
        p.text for p in doc.paragraphs
    ]


def test_a_change_of_words_looks_as_before():
    """No marks, no note and no second legend where no white space changed; a space inside a
    changed phrase is a space."""
    data = seed_data()
    new = copy.deepcopy(data)
    item = find(new, "duties.1")
    item["text"] = item["text"].replace("оқытуды қолдана", "оқыту арқылы")
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    doc = Document(io.BytesIO(docx_diff.table(c, KK, kind="", code="", old_label="", new_label="")))
    (row,) = cells(doc)[1:]
    assert row[1] == "10-тармақтың 1) тармақшасы"
    assert "·" not in row[2] + row[3] and "°" not in row[2] + row[3]
    assert row[3].startswith("1) қашықтықтан оқыту арқылы отырып")
    assert not any("бос орын" in p.text for p in doc.paragraphs)
    assert "·" not in text_format.render(c, "1", "2")


def test_a_trailing_space_is_not_printed_and_is_no_change():
    """The texts are printed without the white space around them, so a trailing space changes
    nothing printed: no row that would show two equal wordings."""
    data = seed_data()
    new = copy.deepcopy(data)
    find(new, "duties.1")["text"] += " "
    assert not compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)


def test_the_terminal_text_shows_the_marks():
    out = text_format.render(compare(*_editions(), KK), "edition 1", "edition 2")
    lines = out.splitlines()
    assert lines[1] == "1. item 10.1 [duties.1]: changed (spacing only)"
    assert lines[2].startswith("   қашықтықтан[-·-]{+··+}оқытуды")
    assert "ақпараттық{+·+}, әдістемелік" in lines[4]
    assert lines[6].startswith("   университеттің[-·-]{+°+}қашықтықтан")


def test_the_html_page_shows_the_marks(project):
    data = seed_data()
    folder = project / "regulations" / "dlo-head"
    write_project(project)
    (folder / "regulation.yaml").write_text(load.dumps(respaced(data)), encoding="utf-8")
    page = diff_api.output(diff_api.prepare(Project(project), "dlo-head", 1), "html").decode()
    parser = _Rows()
    parser.feed(page)
    assert [r["cells"][1] for r in parser.rows] == [
        f"10-тармақтың {n}) тармақшасы (тек бос орындар өзгертілді)" for n in (1, 2, 4)
    ]
    assert parser.marks == [
        ("del", "·"),
        ("ins", "··"),
        ("ins", "·"),
        ("del", "·"),
        ("ins", "°"),
    ]
    # the mark, begun and ended by what a screen reader says of a removal (not shown)
    assert re.search(r'<del class="spacing"><span class="sr">[^<]+</span>·<span class="sr">', page)
    assert '<p class="legend">Өзгертілген бос орындар белгілермен көрсетілген: ·' in page
