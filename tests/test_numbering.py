"""How an element's number is printed (``numbering.printed``): the one rule the renderers, the
site and the comparison share."""

from __future__ import annotations

from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.numbering import element_names, item_marker, item_number, printed, walk
from dlo_docs.project import Project

KK, RU = labels("kk"), labels("ru")


def _seed() -> Regulation:
    from pathlib import Path

    loaded = Project(Path(__file__).resolve().parent.parent).load(["dlo-head"])
    return loaded.documents["dlo-head"].model


def _lines(model: Regulation, lang_labels) -> list[tuple[str, str]]:
    out, clause = [], None
    for n in walk(model):
        if n.kind == "clause":
            clause = n
        text = "T"
        out.append(printed(model, n, clause, text, lang_labels))
    return out


def test_headings_clauses_and_items_in_both_languages():
    model = _seed()
    kk, ru = _lines(model, KK), _lines(model, RU)
    assert kk[0] == ("1 тарау.", "1 тарау. T") and ru[0] == ("Глава 1.", "Глава 1. T")
    assert ("1.", "1. T") in kk and ("1)", "1) T") in kk


def test_clauses_numbered_within_chapters_and_sub_clauses_and_dashes():
    data = _seed().model_dump(mode="json", exclude_none=True)
    data["numbering"] = "chapter"
    clause = data["chapters"][1]["clauses"][0]  # chapter 2 opens with a clause that has items
    assert clause["items"]

    def markers(items_style: str) -> set[str]:
        clause["items_style"] = items_style
        return {marker for marker, _ in _lines(Regulation.model_validate(data), KK)}

    assert "2.1." in markers("numbered") and "1)" in markers("numbered")
    assert "2.1.1." in markers("subclauses")
    assert "–" in markers("dashed")


def test_items_of_items_take_letters_that_start_again_after_the_last():
    letters = KK["subitem_letters"]
    assert item_marker(1, 2, KK) == "а)"
    assert item_marker(2, 3, KK) == "б)"  # every depth below the first
    assert item_number(len(letters), 2, KK) == letters[-1]
    assert item_number(len(letters) + 1, 2, KK) == letters[0]


def test_a_label_set_without_letters_uses_latin_ones():
    labels_ = {"item": "({n})"}
    assert item_marker(3, 2, labels_) == "(c)"
    assert item_marker(3, 1, labels_) == "(3)"


def test_an_element_of_a_file_not_validated_is_named_as_its_document_numbers_it():
    """``element_names``: each element of data that failed validation, by its path, named as
    the document prints it (clauses within chapters, sub-clauses), whatever else it holds."""
    data = _seed().model_dump(mode="json", exclude_none=True)
    chapter = data["chapters"][1]
    chapter["clauses"][0]["items"][1]["text"] = ["not a text"]
    item = ("chapters", 1, "clauses", 0, "items", 1)
    assert element_names(data)[item] == "clause 3 item 2"  # through the document
    data["numbering"] = "chapter"
    assert element_names(data)[item] == "clause 2.1 item 2"
    chapter["clauses"][0]["items_style"] = "subclauses"
    assert element_names(data)[item] == "clause 2.1.2"
    data["chapters"][0]["clauses"] = "not a list"  # chapter 1 then numbers no clause
    names = element_names(data)
    assert names[("chapters", 1)] == "chapter 2" and names[item] == "clause 2.1.2"
    assert element_names([data]) == {}
