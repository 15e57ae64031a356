"""Comparison of editions: alignment by stable ids, word differences, the text output, the CLI.

The old and new editions are the seed and a scripted revision of it (tests/diff_revision.py).
"""

from __future__ import annotations

import copy
import random

import pytest
from diff_revision import (
    CHAPTER_6_NEW,
    DUTY_3_NEW,
    DUTY_3_NOTE,
    EXPECTED,
    RIGHT_NEW,
    bilingual,
    editions,
    find,
    open_revision,
    revise,
    seed_data,
    write_project,
)

from dlo_docs import context, load
from dlo_docs.diff import text as text_format
from dlo_docs.diff import words
from dlo_docs.diff.align import compare, places
from dlo_docs.diff.names import change_name, side
from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.project import Project
from dlo_docs.workflow.forms import changed_clauses

KK = labels("kk")
RU = labels("ru")


@pytest.fixture(scope="module")
def comparison():
    old, new = editions()
    return compare(old, new, KK)


def listed(old: Regulation, new: Regulation) -> str:
    """The change registration sheet's list of clauses, a removed one marked "(removed)"."""
    return changed_clauses(old, new).shown("whole text", "removed")


def summary(c):
    return [
        (ch.what, ch.id, ch.old.ref if ch.old else None, ch.new.ref if ch.new else None)
        for ch in c.changes
    ]


# --- alignment -------------------------------------------------------------------------------


def test_each_change_once_in_document_order_with_old_and_new_numbers(comparison):
    assert summary(comparison) == EXPECTED


def test_the_reworded_duty_has_a_word_diff_and_the_drafters_note(comparison):
    duty = comparison.changes[0]
    assert duty.text_changed and duty.note == DUTY_3_NOTE
    assert words.markup(duty.segments) == (
        "электрондық және қашықтықтан оқыту [-үдерісі-]{+процесі+} мәселелері бойынша ПОҚ [-мен-]{+пен+} "
        "университет [-студенттерін-]{+білім алушыларын+} ақпараттық, әдістемелік және техникалық "
        "қамтамасыз етуді [-жүзеге асыруды үйлестіру-]{+үйлестіруге+};"
    )
    assert words.new_text(duty.segments) == DUTY_3_NEW


def test_added_removed_moved_and_retitled(comparison):
    removed, added, moved, chapter = comparison.changes[1:]
    assert (
        removed.old.line == "12) Университеттің ішкі ережелерін сақтауға;" and removed.new is None
    )
    assert (
        added.new.line == f"6) {RIGHT_NEW}" and added.old is None and added.new.parent == "rights"
    )
    assert moved.moved and not moved.text_changed
    assert (moved.old.parent, moved.new.parent) == (
        "responsibility-section",
        "relationships-section",
    )
    assert moved.old.line.startswith("13. ") and moved.new.line.startswith("14. ")
    assert chapter.new.line == f"6 тарау. {CHAPTER_6_NEW}"
    assert words.markup(chapter.segments) == "Өзгерістер{+ мен толықтырулар+} енгізу тәртібі"


def test_consequential_renumbering_is_listed_apart_and_complete(comparison):
    renumbered = {o.id: (o.ref, n.ref) for o, n in comparison.renumbered}
    assert renumbered["duties.13"] == ("10.13", "10.12")
    assert renumbered["duties.16"] == ("10.16", "10.15")
    assert renumbered["rights.6"] == ("11.6", "11.7")
    assert renumbered["rights.13"] == ("11.13", "11.14")
    assert renumbered["relationships"] == ("14", "13")
    assert renumbered["relationships.2"] == ("14.2", "13.2")
    assert not set(renumbered) & {c.id for c in comparison.changes}
    assert len(renumbered) == 4 + 8 + 4  # duties 13-16, rights 6-13, relationships and its 3 items


def test_names_in_kazakh_and_russian(comparison):
    names = [change_name(c, KK) for c in comparison.changes]
    assert names == [
        "10-тармақтың 3) тармақшасы",
        "10-тармақтың 12) тармақшасы",
        "11-тармақтың 6) тармақшасы",
        "13-тармақ → 14-тармақ (ауыстырылды)",
        "6 тарау",
    ]
    assert change_name(comparison.changes[3], RU) == "Пункт 13 → Пункт 14 (перенесен)"
    assert change_name(comparison.changes[0], RU) == "Подпункт 3) пункта 10"


def test_a_document_numbering_clauses_by_chapter_is_compared_in_its_numbers():
    """Clauses 10, 11, 13 and 14 of the seed are the 2nd, 3rd, 5th and 6th of chapter 5: with
    ``numbering: chapter`` every name, reference and the change registration sheet's list say
    "5.2"..., as the document prints them, never the running numbers."""
    old, new = (e.model_copy(update={"numbering": "chapter"}) for e in editions())
    c = compare(old, new, KK)
    assert summary(c) == [
        ("changed", "duties.3", "5.2.3", "5.2.3"),
        ("removed", "duties.12", "5.2.12", None),
        ("added", "rights.14", None, "5.3.6"),
        ("moved", "liability", "5.5", "5.6"),
        ("changed", "changes", "ch6", "ch6"),
    ]
    assert [change_name(ch, RU) for ch in c.changes] == [
        "Подпункт 3) пункта 5.2",
        "Подпункт 12) пункта 5.2",
        "Подпункт 6) пункта 5.3",
        "Пункт 5.5 → Пункт 5.6 (перенесен)",
        "Глава 6",
    ]
    assert change_name(c.changes[3], KK) == "5.5-тармақ → 5.6-тармақ (ауыстырылды)"
    moved = c.changes[3]
    assert moved.old.line.startswith("5.5. ") and moved.new.line.startswith("5.6. ")
    renumbered = {o.id: (o.ref, n.ref) for o, n in c.renumbered}
    assert renumbered["relationships"] == ("5.6", "5.5")
    assert renumbered["rights.6"] == ("5.3.6", "5.3.7")
    assert listed(old, new) == "5.2, 5.3, 5.6"  # the clause that moved too
    assert listed(*editions()) == "10, 11, 14"


def _duties_revised(items_style: str) -> tuple[dict, dict]:
    """The seed with its duties' items in ``items_style``, duty 5 holding one item, and its
    revision (``revise``) in which that item is reworded too."""
    data = seed_data()
    find(data, "duties")["items_style"] = items_style
    find(data, "duties.5")["items"] = [{"id": "duties.5.a", "text": "бірінші"}]
    new_data = revise(data)
    find(new_data, "duties.5.a")["text"] = "екінші"
    return data, new_data


def test_sub_clauses_are_named_as_printed():
    """An item of a clause whose items are sub-clauses is printed "10.3." and named so; an item
    inside it, printed "а)", is named after it ("Подпункт а) пункта 10.3")."""
    data, new_data = _duties_revised("subclauses")
    old, new = Regulation.model_validate(data), Regulation.model_validate(new_data)
    changes = {c.id: c for c in compare(old, new, KK).changes}
    duty = changes["duties.3"]
    assert duty.new.line.startswith("10.3. ")
    assert (change_name(duty, RU), change_name(duty, KK)) == ("Пункт 10.3", "10.3-тармақ")
    inner = changes["duties.5.a"]
    assert inner.new.line.startswith("а) ")
    assert change_name(inner, RU) == "Подпункт а) пункта 10.5"
    assert change_name(inner, KK) == "10.5-тармақтың а) тармақшасы"
    # the terminal's neutral notation calls a sub-clause a clause, an item inside it an item
    text = text_format.render(compare(old, new, KK), "edition 1", "edition 2")
    assert "clause 10.3 [duties.3]" in text and "item 10.5.1 [duties.5.a]" in text


def test_an_item_of_a_dashed_list_is_named_by_its_paragraph():
    """An item printed "–" has no number of its own: it is the clause's paragraph (абзац), the
    lines the clause prints counted, its own text the first ("Абзац 4 пункта 10" for its 3rd
    item), as a lawyer cites it; an item inside it keeps its own marker."""
    data, new_data = _duties_revised("dashed")
    old, new = Regulation.model_validate(data), Regulation.model_validate(new_data)
    changes = {c.id: c for c in compare(old, new, KK).changes}
    duty = changes["duties.3"]
    assert duty.new.line.startswith("– ")
    assert change_name(duty, RU) == "Абзац 4 пункта 10"
    assert change_name(duty, KK) == "10-тармақтың 4-абзацы"
    inner = changes["duties.5.a"]
    assert inner.new.line.startswith("а) ")
    assert change_name(inner, RU) == "Подпункт а) абзаца 6 пункта 10"
    assert change_name(inner, KK) == "10-тармақтың 6-абзацының а) тармақшасы"
    # a line printed inside an earlier dashed item ("а)") is a paragraph of the clause too
    for edition in (data, new_data):
        find(edition, "duties.2")["items"] = [{"id": "duties.2.a", "text": "ішкі"}]
    old, new = Regulation.model_validate(data), Regulation.model_validate(new_data)
    duty = {c.id: c for c in compare(old, new, KK).changes}["duties.3"]
    assert change_name(duty, RU) == "Абзац 5 пункта 10"


def test_the_change_registration_sheet_lists_the_sub_clause_that_changed():
    """In a clause whose items are sub-clauses ("10.3."), the sheet names the sub-clause that
    changed, a sub-clause added or removed, and the clause itself only when its own text
    changed; a sub-clause moved within its clause is listed at its new number, and one that only
    got a new number is not."""
    data = seed_data()
    find(data, "duties")["items_style"] = "subclauses"
    new_data = copy.deepcopy(data)
    duties = find(new_data, "duties")["items"]
    find(new_data, "duties.5")["text"] = "өзгертілген мәтін"
    moved = duties.pop(7)  # duties.8 goes to the end
    duties.append(moved)
    del duties[0]  # duties.1 removed: the others renumbered
    old, new = Regulation.model_validate(data), Regulation.model_validate(new_data)
    last = len(duties)
    assert listed(old, new) == f"10.4, 10.{last}, 10.1 (removed)"
    find(new_data, "duties")["text"] = "Міндеттері (жаңа):"
    new = Regulation.model_validate(new_data)
    assert listed(old, new) == f"10, 10.4, 10.{last}, 10.1 (removed)"


def test_the_change_registration_sheet_lists_the_clauses_of_a_moved_chapter():
    """A chapter moved (the comparison: "moved ch3 → ch2") moves its clauses: the sheet lists
    them at their new numbers, not an empty cell; a clause whose items are switched to or from
    sub-clauses is listed once, by its own number, never each sub-clause as added or removed."""
    data = seed_data()
    new_data = copy.deepcopy(data)
    chapters = new_data["chapters"]
    chapters[1], chapters[2] = chapters[2], chapters[1]  # abbreviations before the references
    old, new = Regulation.model_validate(data), Regulation.model_validate(new_data)
    moved = [c for c in compare(old, new, KK).changes if c.what == "moved"]
    assert [(c.kind, c.id) for c in moved] == [("chapter", "abbreviations")]
    shown = listed(old, new)
    assert shown == "3", shown  # its one clause, 4 before, 3 now
    switched = copy.deepcopy(data)
    find(switched, "duties")["items_style"] = "subclauses"
    old_s, new_s = old, Regulation.model_validate(switched)
    assert listed(old_s, new_s) == "10"
    assert listed(new_s, old_s) == "10"
    # a clause of sub-clauses that moves is listed by its number, not each sub-clause too
    moved_s = copy.deepcopy(switched)
    duties_at, rights_at = find(moved_s, "duties-section"), find(moved_s, "rights-section")
    duties_at["clauses"], rights_at["clauses"] = rights_at["clauses"], duties_at["clauses"]
    assert listed(new_s, Regulation.model_validate(moved_s)) == "10, 11"


def test_sides_hold_the_changed_words():
    old, new = editions()
    duty = compare(old, new, KK).changes[0]
    old_side, new_side = side(duty, "old"), side(duty, "new")
    assert "".join(s.text for s in old_side[0]) == "3) " + find(seed_data(), "duties.3")["text"]
    assert "".join(s.text for s in new_side[0]) == f"3) {DUTY_3_NEW}"
    assert {s.op for s in old_side[0]} == {"equal", "delete"}
    assert {s.op for s in new_side[0]} == {"equal", "insert"}


def test_identical_editions_have_no_changes():
    old, _ = editions()
    c = compare(old, old, KK)
    assert c.changes == [] and c.renumbered == [] and not c
    assert all(r.op == "equal" and [s.op for s in r.segments] == ["equal"] for r in c.rows)


def test_a_removed_clause_takes_its_items_with_it_as_one_change():
    data = seed_data()
    new = copy.deepcopy(data)
    find(new, "rights-section")["clauses"] = [
        {"id": "rights-short", "text": "Құқықтары заңмен белгіленеді."}
    ]
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert summary(c) == [("removed", "rights", "11", None), ("added", "rights-short", None, "11")]
    assert len(c.changes[0].removed_with) == 13
    assert (
        c.changes[0].old_lines[1]
        == "1) Университеттің алқалы органдарына сайлануға және сайлануға;"
    )


def test_an_added_paragraph_with_its_clause_is_one_change():
    data = seed_data()
    new = copy.deepcopy(data)
    find(new, "description")["paragraphs"].append(
        {
            "id": "reporting",
            "title": "Есеп беру",
            "clauses": [
                {
                    "id": "reporting-duty",
                    "text": "Бастық жыл сайын есеп береді:",
                    "items": [{"id": "reporting-duty.1", "text": "институт директорына;"}],
                }
            ],
        }
    )
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert summary(c) == [("added", "reporting", None, "5§6")]
    assert c.changes[0].new_lines == [
        "Параграф 6. Есеп беру",
        "15. Бастық жыл сайын есеп береді:",
        "1) институт директорына;",
    ]


def test_swapped_items_are_one_move_not_two_rewrites():
    data = seed_data()
    new = copy.deepcopy(data)
    items = find(new, "abbreviation-list")["items"]
    items[0], items[1] = items[1], items[0]
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert len(c.changes) == 1 and c.changes[0].what == "moved"
    assert {c.changes[0].old.ref, c.changes[0].new.ref} == {"4.1", "4.2"}


def test_an_id_keeps_its_identity_when_its_text_and_place_change_together():
    data = seed_data()
    new = copy.deepcopy(data)
    clauses = find(new, "general-provisions")["clauses"]
    category = clauses.pop(0)
    category["text"] = "Бөлім бастығы әкімшілік-басқарушы персонал санатына жатады."
    find(new, "agreement")["clauses"].append(category)
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert summary(c) == [("moved", "category", "5", "21")]
    assert c.changes[0].text_changed


def test_document_title_change_comes_first():
    data = seed_data()
    new = copy.deepcopy(data)
    new["title"] = {"kk": "Қашықтықтан оқыту орталығы директорының лауазымдық нұсқаулығы"}
    c = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK)
    assert summary(c) == [("changed", "dlo-head", "title", "title")]
    assert change_name(c.changes[0], KK) == "Құжаттың атауы"


def test_lines_are_printed_exactly_as_the_renderers_print_them(project):
    """The comparison's lines are the render context's lines, so the redline reads as `dlo render`."""
    proj = Project(project)
    loaded = proj.load(["dlo-head"])
    rd = context.build(loaded.documents["dlo-head"], loaded.registry)
    assert [p.line for p in places(loaded.documents["dlo-head"].model, "kk", KK)] == [
        b.line for b in rd.blocks
    ]
    assert [p.anchor for p in places(loaded.documents["dlo-head"].model, "kk", KK)] == [
        b.anchor for b in rd.blocks
    ]


def test_second_language():
    data = bilingual(seed_data())
    new = copy.deepcopy(data)
    find(new, "duties.3")["text"]["ru"] = "обеспечивать информационную поддержку ППС и обучающихся;"
    c_ru = compare(Regulation.model_validate(data), Regulation.model_validate(new), RU, "ru")
    c_kk = compare(Regulation.model_validate(data), Regulation.model_validate(new), KK, "kk")
    assert summary(c_ru) == [("changed", "duties.3", "10.3", "10.3")] and c_kk.changes == []
    assert c_ru.changes[0].new.line == "3) обеспечивать информационную поддержку ППС и обучающихся;"
    assert c_ru.rows[0].new.line.startswith("Глава 1. ")


# --- words -----------------------------------------------------------------------------------


def test_tokens_keep_kazakh_and_russian_words_whole():
    text = "Басқарма Төрағасы-Ректорының 20.03.2015 жылғы №137 «Білім туралы» ПОҚ-ын, что-либо; ударе́ние"
    assert words.tokens(text) == [
        "Басқарма",
        " ",
        "Төрағасы-Ректорының",
        " ",
        "20.03.2015",
        " ",
        "жылғы",
        " ",
        "№",
        "137",
        " ",
        "«",
        "Білім",
        " ",
        "туралы",
        "»",
        " ",
        "ПОҚ-ын",
        ",",
        " ",
        "что-либо",
        ";",
        " ",
        "ударе́ние",
    ]
    assert "".join(words.tokens(text)) == text


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "ППС и обучающихся;",
            "профессорско-преподавательского состава и обучающихся;",
            "[-ППС-]{+профессорско-преподавательского состава+} и обучающихся;",
        ),
        (
            "приказом от 20.03.2015 № 137.",
            "приказом от 21.03.2016 № 137.",
            "приказом от [-20.03.2015-]{+21.03.2016+} № 137.",
        ),
        (
            "оқу үдерісін, жоспарлауға",
            "оқу процесін жоспарлауға",
            "оқу [-үдерісін,-]{+процесін+} жоспарлауға",
        ),
        ("«Білім туралы» Заңы;", "«Білім туралы» Заңы.", "«Білім туралы» Заңы[-;-]{+.+}"),
        (
            "мүлдем басқа мәтін",
            "совершенно другой текст",
            "[-мүлдем басқа мәтін-]{+совершенно другой текст+}",
        ),
        ("same", "same", "same"),
    ],
)
def test_word_diff_examples(old, new, expected):
    segments = words.diff(old, new)
    assert words.markup(segments) == expected
    assert words.old_text(segments) == old and words.new_text(segments) == new


def test_word_diff_gives_back_both_texts_for_random_edits_of_the_seed():
    texts = [p.text for p in places(Regulation.model_validate(seed_data()), "kk", KK)]
    rng = random.Random(7)
    for _ in range(400):
        old = rng.choice(texts)
        toks = words.tokens(old)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(toks))
            action = rng.choice(["drop", "swap", "insert"])
            if action == "drop":
                del toks[i]
            elif action == "swap":
                toks[i] = rng.choice(words.tokens(rng.choice(texts)))
            else:
                toks.insert(i, rng.choice([" ", ",", "жаңа", "—", "  "]))
            if not toks:
                toks = ["x"]
        new = "".join(toks)
        segments = words.diff(old, new)
        assert words.old_text(segments) == old and words.new_text(segments) == new
        for a, b in zip(segments, segments[1:], strict=False):
            assert a.op != b.op  # merged
            assert (a.op, b.op) != ("insert", "delete")  # deletions first in a run of changes


# --- the CLI ---------------------------------------------------------------------------------


def test_cli_text_in_the_interface_language(project, dlo):
    """The terminal's comparison, its editions' names included ("edition 2 (draft)" was English
    whatever the interface language), speaks the clerk's language."""
    write_project(project)
    result = dlo("--lang-ui", "ru", "diff", "dlo-head", "--from", "1", cwd=project)
    assert result.code == 0, result.err
    first = result.out.splitlines()[0]
    assert first.startswith("dlo-head (kk): издание 1 → издание 2 (проект): "), first
    assert "edition" not in result.out and "moved" not in result.out


def test_cli_text(project, dlo):
    write_project(project)
    result = dlo("diff", "dlo-head", "--from", "1", cwd=project)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert (
        lines[0]
        == "dlo-head (kk): edition 1 → edition 2 (draft): 1 added, 1 removed, 2 changed, 1 moved"
    )
    numbered = [line for line in lines if line[:1].isdigit()]
    assert numbered == [
        "1. item 10.3 [duties.3]: changed",
        "2. item 10.12 [duties.12]: removed",
        "3. item 11.6 [rights.14]: added",
        "4. clause 13 → 14 [liability]: moved from responsibility-section to relationships-section",
        "5. chapter ch6 [changes]: changed",
    ]
    assert f"   note: {DUTY_3_NOTE}" in lines
    assert lines[-1].startswith("renumbered only (16): 10.13→10.12, ")


def test_cli_compares_two_frozen_editions(project, dlo):
    write_project(project)
    folder = project / "regulations" / "dlo-head"
    (folder / "editions" / "2.yaml").write_text(
        (folder / "regulation.yaml").read_text("utf-8"), "utf-8"
    )
    result = dlo("diff", "dlo-head", "--from", "2", "--to", "1", cwd=project)
    assert result.code == 0, result.err
    assert result.out.startswith(
        "dlo-head (kk): edition 2 → edition 1: 1 added, 1 removed, 2 changed, 1 moved"
    )
    assert "2. item 10.12 [duties.12]: added" in result.out
    # two approved editions: the table's sides are named by their numbers, not "in force" and
    # "proposed" (the approval package's form, for a draft against the edition in force)
    result = dlo("diff", "dlo-head", "--from", "1", "--to", "2", "--format", "html", cwd=project)
    assert result.code == 0, result.err
    page = (project / "build" / "dlo-head.kk.html-1-2.html").read_text(encoding="utf-8")
    assert '<th scope="col">1-басылым</th><th scope="col">2-басылым</th>' in page
    assert "Қолданыстағы" not in page
    assert 'class="draft-note"' not in page  # two approved texts
    result = dlo("diff", "dlo-head", "--from", "1", "--format", "html", cwd=project)
    page = (project / "build" / "dlo-head.kk.html-1-draft.html").read_text(encoding="utf-8")
    assert (
        '<th scope="col">Қолданыстағы редакция</th><th scope="col">Ұсынылатын редакция</th>' in page
    )
    # against the draft, the page says so at its head, as the draft's own page does (it said
    # "(жоба)" in its subtitle only)
    assert '<p class="draft-note">Жоба: бекітілмеген, қолданысқа енгізілмеген<br>' in page
    assert "Мәтіннің бақылау коды: " in page  # and the code of the draft's text (agree --text)


def test_cli_writes_each_format(project, dlo):
    write_project(project)
    for fmt, ext in (("table", "docx"), ("redline", "docx"), ("html", "html"), ("text", "txt")):
        result = dlo("diff", "dlo-head", "--from", "1", "--format", fmt, cwd=project)
        assert result.code == 0, result.err
        path = project / "build" / f"dlo-head.kk.{fmt}-1-draft.{ext}" if fmt != "text" else None
        if path is not None:
            assert path.is_file() and path.stat().st_size > 0
            assert result.out == f"wrote build/{path.name} (5 change(s))\n"
    out = project / "cmp.docx"
    result = dlo(
        "diff", "dlo-head", "--from", "1", "--format", "table", "--out", str(out), cwd=project
    )
    assert result.code == 0 and out.read_bytes()[:2] == b"PK"
    assert not list(project.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "dlo-head"], "has no edition in force to compare with"),
        (["diff", "dlo-head", "--from", "3"], "has no edition 3"),
        (
            ["diff", "dlo-head", "--from", "1", "--to", "next"],
            "neither an edition number nor 'draft'",
        ),
        (["diff", "nobody", "--from", "1"], "unknown regulation 'nobody'"),
        (["diff", "dlo-head", "--from", "1", "--lang", "ru"], "has no 'ru' version"),
    ],
)
def test_cli_usage_errors(project, dlo, args, message):
    write_project(project)
    result = dlo(*args, cwd=project)
    assert result.code == 2, (result.out, result.err)
    assert message in result.err and "Traceback" not in result.err


def test_cli_invalid_draft_is_reported_with_its_position(project, dlo):
    write_project(project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(
        path.read_text("utf-8").replace("  route: sequential", "  route: sideways"), "utf-8"
    )
    result = dlo("diff", "dlo-head", "--from", "1", cwd=project)
    assert result.code == 1
    assert "regulations/dlo-head/regulation.yaml:" in result.err and "DLO013" in result.err


def test_cli_defaults_to_the_edition_in_force_against_the_draft(project, dlo):
    """With the real workflow: approve edition 1, open a revision, edit the draft, diff."""
    open_revision(dlo, project, "Жоспарлы қайта қарау")
    result = dlo("diff", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    assert result.out.startswith(
        "dlo-head (kk): edition 1 → edition 2 (draft): 1 added, 1 removed, 2 changed, 1 moved"
    )


def test_cli_old_edition_may_name_positions_since_renamed(project, dlo):
    write_project(project)
    path = project / "regulations" / "dlo-head" / "editions" / "1.yaml"
    path.write_text(path.read_text("utf-8").replace("  by: rector", "  by: former-rector"), "utf-8")
    result = dlo("diff", "dlo-head", "--from", "1", cwd=project)
    assert result.code == 0, result.err
    assert "1 added, 1 removed, 3 changed, 1 moved" in result.out
    # the approving official's id is not the registry's any more: named by it, as the data has it
    assert "1. approving official: changed\n   [-former-rector (бұйрықпен)-]" in result.out


def test_cli_text_missing_in_the_language_is_reported_where_it_is(project, dlo):
    data = bilingual(seed_data())
    folder = project / "regulations" / "dlo-head"
    (folder / "editions").mkdir()
    (folder / "editions" / "1.yaml").write_text(load.dumps(data), encoding="utf-8")
    draft = revise(data)
    find(draft, "rights.14")["text"] = {"kk": RIGHT_NEW}
    (folder / "regulation.yaml").write_text(load.dumps(draft), encoding="utf-8")
    result = dlo("diff", "dlo-head", "--from", "1", "--lang", "ru", cwd=project)
    assert result.code == 1
    lines = result.err.splitlines()
    assert len(lines) == 3  # the reworded duty, the added right and the chapter title are kk-only
    for line in lines:
        assert (
            line.startswith("regulations/dlo-head/regulation.yaml:")
            and "error DLO030: no ru text here" in line
        )
    # a text by language is told to add the one it lacks; a plain one to become a mapping
    assert sum("(hint: add its ru text beside the others: ru: …)" in line for line in lines) == 1
    assert sum("(hint: write it as a mapping: {kk: ..., ru: ...})" in line for line in lines) == 2
    result = dlo("diff", "dlo-head", "--from", "1", "--lang", "kk", cwd=project)
    assert result.code == 0, result.err
    # the main language missing: it was told to write '{kk: ..., kk: ...}', in English whatever
    # the interface's language
    find(draft, "rights.14")["text"] = {"ru": RIGHT_NEW}
    (folder / "regulation.yaml").write_text(load.dumps(draft), encoding="utf-8")
    result = dlo("--lang-ui", "ru", "diff", "dlo-head", "--from", "1", "--lang", "kk", cwd=project)
    assert result.code == 1 and "DLO030" in result.err, result.err
    assert "добавьте" in result.err.casefold() and "kk: …" in result.err, result.err
    assert "{kk: ..., kk" not in result.err


def test_cli_two_frozen_editions_do_not_need_a_valid_draft(project, dlo):
    write_project(project)
    folder = project / "regulations" / "dlo-head"
    (folder / "editions" / "2.yaml").write_text(
        (folder / "regulation.yaml").read_text("utf-8"), "utf-8"
    )
    (folder / "regulation.yaml").write_text("id: [\n", "utf-8")  # mid-edit
    result = dlo("diff", "dlo-head", "--from", "1", "--to", "2", cwd=project)
    assert result.code == 0, result.err
    assert result.out.startswith("dlo-head (kk): edition 1 → edition 2: ")


def test_the_comparison_names_the_kind_once(project, dlo):
    """The seed's title names its kind ("… лауазымдық нұсқаулығы"): the comparison table's
    subtitle, the HTML page's and the tracked-changes document's title print it once, as the
    title page does."""
    import io
    import re

    from docx import Document

    write_project(project)
    title = "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы"
    for fmt in ("table", "redline", "html"):
        result = dlo("diff", "dlo-head", "--from", "1", "--format", fmt, cwd=project)
        assert result.code == 0, result.err
    build = project / "build"
    doc = Document(io.BytesIO((build / "dlo-head.kk.table-1-draft.docx").read_bytes()))
    texts = [p.text for p in doc.paragraphs]  # the organisation, the table's title, the subtitle
    # (the code and the editions with no-break spaces, kept on one line as a sheet's)
    subtitle = texts[texts.index("Салыстырмалы кесте") + 1].replace("\xa0", " ")
    assert subtitle.startswith(f"«{title}» (ЛН ҮББИ 01-2024): "), subtitle
    page = (build / "dlo-head.kk.html-1-draft.html").read_text(encoding="utf-8")
    assert re.search(rf"<div>«{title}» \(ЛН ҮББИ 01-2024\): ", page), page[:3000]
    assert "Лауазымдық нұсқаулық «" not in page
    redline = Document(io.BytesIO((build / "dlo-head.kk.redline-1-draft.docx").read_bytes()))
    texts = [p.text for p in redline.paragraphs]
    assert title in texts and not any(t.startswith("Лауазымдық нұсқаулық.") for t in texts)


def test_cli_says_when_the_draft_compared_is_no_open_revision(bundled, dlo):
    """With no revision open the comparison read 'edition 1 → edition 1 (draft)', as if one
    were: it says that regulation.yaml is compared and how to open one (as render --draft
    says); once a revision is open, nothing of it."""
    result = dlo("diff", "dlo-head", cwd=bundled)
    assert result.code == 0, result.err
    assert (
        "diff: dlo-head has no draft open (edition 1 is in force): the draft compared is "
        "regulation.yaml; to change the edition, open a revision first: dlo revise dlo-head"
    ) in result.err
    opened = dlo("revise", "dlo-head", "--by", "hr-head", "--reason", "Нақтылау", cwd=bundled)
    assert opened.code == 0, opened.err
    result = dlo("diff", "dlo-head", cwd=bundled)
    assert result.code == 0 and "no draft open" not in result.err, result.err
