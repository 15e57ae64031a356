"""A change of how items or clauses are numbered, with no word changed, is a change the
comparison shows: never "no changes" while the printed document differs."""

from __future__ import annotations

import copy
import io

from diff_revision import find, seed_data
from docx import Document

from dlo_docs.diff import text as text_format
from dlo_docs.diff.align import compare
from dlo_docs.diff.names import change_name, side
from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.render import docx_diff
from dlo_docs.workflow.forms import changed_clauses

KK, RU = labels("kk"), labels("ru")


def _restyled(style: str) -> tuple[Regulation, Regulation]:
    """The seed, and the seed with the rights' items (clause 11) printed in ``style``."""
    data = seed_data()
    new = copy.deepcopy(data)
    find(new, "rights")["items_style"] = style
    return Regulation.model_validate(data), Regulation.model_validate(new)


def _line(segments) -> str:
    return "".join(f"[{s.op}:{s.text}]" if s.op != "equal" else s.text for s in segments)


def test_items_switched_to_a_dashed_list_are_a_change_of_their_clause():
    """Clause 11's items "1)" … "13)" printed "–" after the switch: the clause is listed as
    changed (as the change registration sheet lists it), its items' markers shown struck and
    inserted, and the terminal does not say "no changes"."""
    old, new = _restyled("dashed")
    c = compare(old, new, KK)
    assert [(ch.what, ch.id) for ch in c.changes] == [("changed", "rights")]
    (change,) = c.changes
    assert change_name(change, RU) == "Пункт 11 (изменено оформление подпунктов)"
    assert change_name(change, KK) == "11-тармақ (тармақшаларының ресімделуі өзгертілді)"
    old_side, new_side = side(change, "old"), side(change, "new")
    assert len(old_side) == len(new_side) == 1 + 13
    assert _line(old_side[0]) == _line(new_side[0]) == change.new.line
    assert _line(old_side[5]).startswith("[delete:5)] кәсіптік даярлауға")
    assert _line(new_side[5]).startswith("[insert:–] кәсіптік даярлауға")
    assert changed_clauses(old, new).shown("whole text", "removed") == "11"
    text = text_format.render(c, "edition 1", "edition 2")
    assert "no changes" not in text
    assert "clause 11 [rights]: changed (items numbered otherwise)" in text
    assert "   [-5)-]{+–+} кәсіптік даярлауға" in text


def test_items_switched_to_sub_clauses_and_a_reworded_item():
    """Sub-clauses "11.1." in place of "1)": the clause's row shows them; an item reworded too
    keeps its own row."""
    old, new = _restyled("subclauses")
    data = new.model_dump(mode="json", exclude_none=True)
    find(data, "rights.5")["text"] = (
        "кәсіби даярлауға, қайта даярлауға және біліктілігін арттыруға;"
    )
    new = Regulation.model_validate(data)
    c = compare(old, new, KK)
    assert [(ch.what, ch.id) for ch in c.changes] == [
        ("changed", "rights"),
        ("changed", "rights.5"),
    ]
    assert _line(side(c.changes[0], "new")[1]).startswith("[insert:11.1.] Университеттің")


def test_a_switch_of_the_documents_numbering_alone_is_not_called_no_change():
    """``numbering: chapter``: every clause renumbered ("5" → "4.1"), no word changed. The table
    says the numbering changed, not that nothing did."""
    data = seed_data()
    old = Regulation.model_validate(data)
    new = Regulation.model_validate({**copy.deepcopy(data), "numbering": "chapter"})
    c = compare(old, new, RU)
    assert not c.changes and c.renumbered
    doc = Document(
        io.BytesIO(
            docx_diff.table(
                c, RU, kind="", code="ЛН 01", old_label="издание 1", new_label="издание 2"
            )
        )
    )
    said = [p.text for p in doc.paragraphs]
    assert RU["diff"]["no_changes"] not in said
    assert RU["diff"]["renumbered_only"] in said
    text = text_format.render(c, "edition 1", "edition 2")
    assert text.splitlines()[0].endswith(": numbering changed only")


def test_a_new_document_code_is_a_change_listed_with_the_title():
    """The code printed on the title page and every page's header ("ЛН ҮББИ 01-2024") is part
    of what is approved: a new code is a row of its own, after the title's, never only the new
    code in the subtitle."""
    data = seed_data()
    old = Regulation.model_validate(data)
    new = Regulation.model_validate({**copy.deepcopy(data), "code": "ЛН ҮББИ 02-2026"})
    c = compare(old, new, RU)
    assert [(ch.what, ch.kind) for ch in c.changes] == [("changed", "code")]
    (change,) = c.changes
    assert change_name(change, RU) == "Код документа"
    assert change_name(change, KK) == "Құжаттың коды"
    assert _line(side(change, "old")[0]) == "ЛН ҮББИ [delete:01-2024]"
    assert _line(side(change, "new")[0]) == "ЛН ҮББИ [insert:02-2026]"
    text = text_format.render(c, "edition 1", "edition 2")
    assert "code: changed" in text and "ЛН ҮББИ [-01-2024-]{+02-2026+}" in text
