"""A moved element's row says where it was and is: the chapter (and paragraph) as each edition
prints them, so a reader of a long regulation can place it, in the DOCX table, the HTML page
and the terminal text."""

from __future__ import annotations

import copy
import io

from diff_revision import bilingual, find, seed_data
from docx import Document
from test_diff_table import cells

from dlo_docs.diff import text as text_format
from dlo_docs.diff.align import compare
from dlo_docs.diff.names import moved_places
from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.render import docx_diff

KK, RU = labels("kk"), labels("ru")
AGREEMENT_NEW = "Келісу, сақтау, тарату және жою"


def _moved_to_another_chapter() -> tuple[Regulation, Regulation]:
    """Clause 5 (category) of chapter 4 goes to the end of chapter 7, whose title changes too."""
    data = bilingual(seed_data())
    new = copy.deepcopy(data)
    category = find(new, "general-provisions")["clauses"].pop(0)
    agreement = find(new, "agreement")
    agreement["clauses"].append(category)
    agreement["title"] = {"kk": AGREEMENT_NEW, "ru": f"(ru) {AGREEMENT_NEW}"}
    return Regulation.model_validate(data), Regulation.model_validate(new)


def _table(old: Regulation, new: Regulation, words, lang: str = "kk") -> list[list[str]]:
    c = compare(old, new, words, lang)
    data = docx_diff.table(c, words, kind="", code="", old_label="1", new_label="2")
    doc = Document(io.BytesIO(data))
    for row in doc.tables[0].rows[1:]:  # the places in italics, apart from the element's name
        name, *places = row.cells[1].paragraphs
        assert not any(r.italic for r in name.runs)
        assert all(r.italic for p in places for r in p.runs)
    return cells(doc)[1:]


def test_a_clause_moved_to_another_chapter_names_both_chapters_as_printed():
    rows = _table(*_moved_to_another_chapter(), KK)
    moved = next(r for r in rows if "ауыстырылды" in r[1])
    assert moved[1].split("\n") == [
        "5-тармақ → 21-тармақ (ауыстырылды)",
        "Бұрынғы орны: 4 тарау. Жалпы ережелер",
        f"Жаңа орны: 7 тарау. {AGREEMENT_NEW}",  # the chapter's title in the new edition
    ]
    rows = _table(*_moved_to_another_chapter(), RU, "ru")
    moved = next(r for r in rows if "перенесен" in r[1])
    assert moved[1].split("\n") == [
        "Пункт 5 → Пункт 21 (перенесен)",
        "Прежнее место: Глава 4. (ru) Жалпы ережелер",
        f"Новое место: Глава 7. (ru) {AGREEMENT_NEW}",
    ]


def test_the_terminal_text_names_the_chapters():
    out = text_format.render(compare(*_moved_to_another_chapter(), KK), "1", "2")
    lines = out.splitlines()
    at = lines.index("2. clause 5 → 21 [category]: moved from general-provisions to agreement")
    assert lines[at + 1 : at + 3] == [
        "   from: 4 тарау. Жалпы ережелер",
        f"   to: 7 тарау. {AGREEMENT_NEW}",
    ]


def test_a_move_within_its_paragraph_names_it_once():
    data = seed_data()
    new = copy.deepcopy(data)
    items = find(new, "duties")["items"]
    items[0], items[1] = items[1], items[0]
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert {tuple(moved_places(ch, KK)) for ch in c.changes} == {
        ("Орны: 5 тарау. Сипаттамасы, параграф 2. Лауазымдық міндеттері",)
    }


def test_a_moved_chapter_and_a_change_that_is_no_move_name_no_place():
    data = seed_data()
    new = copy.deepcopy(data)
    chapters = new["chapters"]
    chapters.append(chapters.pop(chapters.index(find(new, "changes"))))
    find(new, "duties.1")["text"] += " (өзгертілді)"
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert {ch.what for ch in c.changes} == {"moved", "changed"}
    assert all(moved_places(ch, KK) == [] for ch in c.changes)


def test_the_terminal_text_speaks_the_interface_language():
    """`dlo diff --format text` printed its words in English whatever the interface language
    (DLO_UI_LANG, the locale): a clerk working in Kazakh or Russian read "moved from … to …",
    "text changed", "no changes". Now they are the catalogue's; the texts stay the document's."""
    from dlo_docs import i18n

    old, new = _moved_to_another_chapter()
    try:
        i18n.use("kk")
        kk = text_format.render(compare(old, new, KK), "1", "2")
        unchanged = text_format.render(compare(old, old, KK), "1", "1")
        i18n.use("ru")
        ru = text_format.render(compare(old, new, RU, "ru"), "1", "2")
    finally:
        i18n.use("en")
    assert "тармақ 5 → 21 [category]: general-provisions ішінен agreement ішіне ауыстырылды" in kk
    assert "   бұрынғы орны: 4 тарау. Жалпы ережелер" in kk.splitlines()
    assert "өзгеріс жоқ" in unchanged and "no changes" not in unchanged
    assert "пункт 5 → 21 [category]: перемещено из general-provisions в agreement" in ru
    assert f"   новое место: Глава 7. (ru) {AGREEMENT_NEW}" in ru.splitlines()
    for out in (kk, ru):
        assert not {"moved", "from:", "to:", "changed", "added"} & set(out.split()), out
