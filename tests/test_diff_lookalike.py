"""A character replaced by one that prints the same — a Latin letter for the Cyrillic one drawn
like it, or back (the fix of a DLO116 word), or a letter written in another Unicode form — is
said in words in every output of a comparison, with the characters' codes: the table and the
page would otherwise show the same word struck out and inserted, and the terminal text the same
word twice."""

from __future__ import annotations

import copy
import io

from diff_revision import bilingual, find, seed_data, write_project
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


def _edited(data: dict) -> dict:
    new = copy.deepcopy(data)
    new["edition"] = 2
    # a Latin 'a' (U+0061) for the Cyrillic 'а' (U+0430); the Latin 'i' of the seed fixed
    _replace(find(new, "rights.2"), "семинарларға", "семинaрларға")
    _replace(find(new, "duties.13"), "өкiлдерiмен", "өкілдерімен")
    return new


def _replace(element: dict, old: str, new: str) -> None:
    text = element["text"]
    if isinstance(text, dict):
        element["text"] = {lang: value.replace(old, new) for lang, value in text.items()}
    else:
        element["text"] = text.replace(old, new)


def _table(data: dict, lang_labels=KK, lang: str = "kk") -> list[list[str]]:
    old, new = Regulation.model_validate(data), Regulation.model_validate(_edited(data))
    c = compare(old, new, lang_labels, lang)
    raw = docx_diff.table(c, lang_labels, kind="", code="", old_label="1", new_label="2")
    return cells(Document(io.BytesIO(raw)))[1:]


def test_the_table_says_which_character_was_replaced():
    rows = _table(seed_data())
    assert [r[1] for r in rows] == [
        "10-тармақтың 13) тармақшасы («өкілдерімен» сөзінде «i» (U+0069, латын) таңбасы оған "
        "ұқсас «і» (U+0456, кирилл) таңбасымен ауыстырылды)",
        "11-тармақтың 2) тармақшасы («семинaрларға» сөзінде «а» (U+0430, кирилл) таңбасы оған "
        "ұқсас «a» (U+0061, латын) таңбасымен ауыстырылды)",
    ]


def test_russian_words():
    rows = _table(bilingual(seed_data()), RU, "ru")
    assert rows[1][1] == (
        "Подпункт 2) пункта 11 (в слове «семинaрларға» знак «а» (U+0430, кириллица) заменен на "
        "похожий «a» (U+0061, латиница))"
    )


def test_a_change_of_words_is_not_said_so():
    data = seed_data()
    new = copy.deepcopy(data)
    item = find(new, "rights.2")
    item["text"] = item["text"].replace("семинарларға", "конференцияларға")
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    raw = docx_diff.table(c, KK, kind="", code="", old_label="", new_label="")
    assert [r[1] for r in cells(Document(io.BytesIO(raw)))[1:]] == ["11-тармақтың 2) тармақшасы"]
    assert "U+" not in text_format.render(c, "1", "2")


def test_a_letter_in_another_unicode_form():
    """'й' written as 'и' and a combining breve prints the same; 'ы' for 'й' is another letter."""
    data = seed_data()
    old = copy.deepcopy(data)
    nfd = copy.deepcopy(old)
    old_text = "ақпаратты жинайтын құрылымдық бөлімшелерден"
    find(old, "rights.3")["text"] = old_text
    find(nfd, "rights.3")["text"] = old_text.replace("й", "\u0438\u0306")
    other = copy.deepcopy(old)
    find(other, "rights.3")["text"] = old_text.replace("йтын", "ытын")

    def said(new: dict) -> str:
        c = compare(Regulation.model_validate(old), Regulation.model_validate(new), KK)
        return text_format.render(c, "1", "2")

    breve = "\u0438\u0306"
    assert f": 'й' (U+0439) → '{breve}' (U+0438 U+0306) in 'жина{breve}тын'" in said(nfd)
    assert "U+" not in said(other)


def test_the_terminal_text_says_it():
    data = seed_data()
    c = compare(Regulation.model_validate(data), Regulation.model_validate(_edited(data)), KK)
    lines = text_format.render(c, "edition 1", "edition 2").splitlines()
    assert lines[1] == (
        "1. item 10.13 [duties.13]: changed (characters that print the same: "
        "'i' (U+0069) → 'і' (U+0456) in 'өкілдерімен')"
    )
    assert lines[3] == (
        "2. item 11.2 [rights.2]: changed (characters that print the same: "
        "'а' (U+0430) → 'a' (U+0061) in 'семинaрларға')"
    )


def test_the_html_page_says_it(project):
    data = seed_data()
    folder = project / "regulations" / "dlo-head"
    write_project(project)
    (folder / "regulation.yaml").write_text(load.dumps(_edited(data)), encoding="utf-8")
    page = diff_api.output(diff_api.prepare(Project(project), "dlo-head", 1), "html").decode()
    parser = _Rows()
    parser.feed(page)
    assert parser.rows[1]["cells"][1] == (
        "11-тармақтың 2) тармақшасы («семинaрларға» сөзінде «а» (U+0430, кирилл) таңбасы оған "
        "ұқсас «a» (U+0061, латын) таңбасымен ауыстырылды)"
    )
