"""Structure recognition on the patterns real sources use, organisation-neutral import and the
unit named by the text (small texts written here; the real sources are in test_import_corpus)."""

from __future__ import annotations

import pytest
from docx import Document
from test_import_support import files, load_model
from test_import_text import tree

from dlo_docs.importer.source import read_text
from dlo_docs.importer.structure import build
from dlo_docs.importer.wordml import read_docx
from dlo_docs.project import Loaded, Project


def registry_of(root):
    loaded = Loaded()
    Project(root).load_registry(loaded)
    assert loaded.registry is not None, loaded.problems
    return loaded.registry


HIERARCHICAL = """\
1. Область применения
1.1. Настоящая инструкция определяет требования к работе Ассистента.
2. Общие положения
2.1. Ассистент относится к категории персонала.
2.2. Ассистент должен знать:
2.2.1. Конституцию Республики Казахстан;
2.2.2. настоящую инструкцию.
3. Ответственность
3.1. Ассистент несет ответственность за:
- ненадлежащее исполнение обязанностей;
- нарушение правил.
Приложение А
Лист согласования
Должность\tФ.И.О\tПодпись\tДата
Провост\tИванов И.И.\t\t
"""

THROUGH = """\
Положение о Бюро переводов
1. Общие положения
1. Бюро является подразделением.
2. Бюро не имеет филиалов.
13. 13. Бюро запрещается вступать в отношения.
2. Задачи и функции
14. Задачи Бюро:
1) перевод документов;
2) редактирование.
15. Бюро возглавляет руководитель.
"""


def outline(t) -> list:
    return [
        (
            c.number,
            c.text,
            [(k.number, k.text, [(i.style, i.number) for i in k.items]) for k in c.clauses],
        )
        for c in t.chapters
    ]


def test_hierarchical_numbers_are_chapters_clauses_and_subclauses():
    t = build(read_text(HIERARCHICAL.encode(), "h.txt").lines, "h.txt", "ru")
    assert t.by_chapter
    assert [(c.number, c.text) for c in t.chapters] == [
        ("1", "Область применения"),
        ("2", "Общие положения"),
        ("3", "Ответственность"),
    ]
    assert [[k.number for k in c.clauses] for c in t.chapters] == [["1.1"], ["2.1", "2.2"], ["3.1"]]
    assert [(i.style, i.number) for i in t.chapters[1].clauses[1].items] == [
        ("dotted", "2.2.1"),
        ("dotted", "2.2.2"),
    ]
    assert [i.style for i in t.chapters[2].clauses[0].items] == ["bullet", "bullet"]
    # the source's own agreement sheet is reported, not imported
    assert t.appendix is not None and [k for k, _ in t.appendix.sheets] == ["agreement"]
    assert any(p.code == "DLO506" and "Лист согласования" in p.message for p in t.problems)
    assert "Иванов" not in str(outline(t))
    # no warnings about the numbering: "1.1" after chapter "1" is what the source meant
    assert not [p for p in t.problems if p.code in ("DLO501", "DLO503", "DLO504")]


def test_chapter_headings_numbered_like_clauses_and_a_number_typed_twice():
    t = build(read_text(THROUGH.encode(), "t.txt").lines, "t.txt", "ru")
    assert not t.by_chapter
    assert [(c.number, c.text) for c in t.chapters] == [
        ("1", "Общие положения"),
        ("2", "Задачи и функции"),
    ]
    assert [[k.number for k in c.clauses] for c in t.chapters] == [["1", "2", "13"], ["14", "15"]]
    assert t.chapters[0].clauses[2].text == "13. Бюро запрещается вступать в отношения."
    twice = [p for p in t.problems if p.code == "DLO501"]
    assert [p.location.line for p in twice] == [5] and "typed twice" in twice[0].message
    # the title block is not body
    assert [line.text for line in t.preamble] == ["Положение о Бюро переводов"]


def test_a_sentence_numbered_like_a_chapter_stays_a_clause():
    t = tree(
        "1. Общие положения\n1. Бюро является подразделением.\n2. Задачи Бюро\n3. Бюро ведет учет.\n"
    )
    # "2. Задачи Бюро" is heading-shaped but the clauses go on with 3: it is clause 2
    assert [[k.text for k in c.clauses] for c in t.chapters] == [
        ["Бюро является подразделением.", "Задачи Бюро", "Бюро ведет учет."]
    ]


def test_kazakh_chapter_with_a_dot_before_tarau():
    t = tree("1. тарау. Жалпы ережелер\n1. Осы ереже.\n2. тарау. Глоссарий\n2. Терминдер.\n", "kk")
    assert [(c.number, c.text) for c in t.chapters] == [("1", "Жалпы ережелер"), ("2", "Глоссарий")]


def test_kazakh_chapters_numbered_in_roman_numerals():
    """ "I тарау", "ІІ-тарау" (the Kazakh letter І typed for the numeral) and "тарау III" are
    chapters, as "1 тарау" is: they were left unrecognised (a made-up chapter, the next heading
    glued to a clause)."""
    t = tree(
        "I тарау. Жалпы ережелер\n1. Осы ереже.\nІІ-тарау. Міндеттері\n2. Міндеттер.\n"
        "тарау III. Құқықтары\n3. Құқықтар.\n",
        "kk",
    )
    assert [(c.number, c.text) for c in t.chapters] == [
        ("I", "Жалпы ережелер"),
        ("ІІ", "Міндеттері"),
        ("III", "Құқықтары"),
    ]


ROMAN_MIXED = """\
ПОЛОЖЕНИЕ
об отделе кадров
I. Общие положения.
1. Отдел кадров является структурным подразделением.
2. Отдел подчиняется ректору.
II. Задачи отдела
3. Основной задачей отдела является учет кадров.
III. Функции отдела
4. Отдел выполняет следующие функции:
1) ведет учет;
2) готовит приказы.
"""


def test_chapters_numbered_in_roman_numerals_in_any_case():
    """ "II. Задачи отдела" in mixed case (a full stop after the title allowed) is a chapter, as
    "II. ЗАДАЧИ ОТДЕЛА" is: the first was taken for the title page and the others were glued
    to the clause before them."""
    t = tree(ROMAN_MIXED)
    assert [(c.number, c.text, len(c.clauses)) for c in t.chapters] == [
        ("I", "Общие положения", 2),
        ("II", "Задачи отдела", 1),
        ("III", "Функции отдела", 1),
    ]
    assert [k.text for c in t.chapters for k in c.clauses][1] == "Отдел подчиняется ректору."
    assert not [p for p in t.problems if p.code == "DLO504"]


def test_kazakh_roman_chapters_and_what_only_looks_like_them():
    """The Kazakh letter І typed for the numeral; a signatory's "І. Есенберлин" (initial and
    surname) over the title and a list numbered І., ІІ. inside a clause are not chapters."""
    t = tree(
        "БЕКІТЕМІН\nРектор\nІ. Есенберлин\nКадр бөлімі туралы\nЕРЕЖЕ\n"
        "І. Жалпы ережелер\n1. Бөлім құрылымдық бөлімше болып табылады.\n"
        "2. Бөлімнің бағыттары:\nІ. бірінші;\nІІ. Екінші\n"
        "ІІ. Бөлімнің міндеттері\n3. Есеп жүргізу.\n",
        "kk",
    )
    assert [(c.number, c.text) for c in t.chapters] == [
        ("І", "Жалпы ережелер"),
        ("ІІ", "Бөлімнің міндеттері"),
    ]
    assert t.chapters[0].clauses[1].text == "Бөлімнің бағыттары: І. бірінші; ІІ. Екінші"


def test_a_lone_roman_numbered_line_in_mixed_case_is_no_chapter():
    """One such line is no evidence (an initial and a surname look the same): it stays a title
    page's line, as before; chapters numbered I, II… need a II after the I."""
    t = tree("I. Общие положения\n1. Отдел является подразделением.\n2. Отдел ведет учет.\n")
    assert [(c.number, c.text) for c in t.chapters] == [(None, "Общие положения")]
    assert any(p.code == "DLO505" and "I. Общие положения" in str(p.message) for p in t.problems)
    t = tree(ROMAN_MIXED.replace("II. Задачи", "IV. Задачи"))
    assert [c.number for c in t.chapters] == [None]  # I, IV, III: no II after the I


@pytest.mark.parametrize("case", [str.upper, str])
def test_roman_numbered_chapters_without_a_full_stop(case):
    """ "I ОБЩИЕ ПОЛОЖЕНИЯ", "II Задачи отдела": the number set apart by a space only was kept in
    the title of an unnumbered chapter, or the heading glued to the clause before it."""
    text = ROMAN_MIXED.replace("I. Общие положения.", case("I Общие положения"))
    text = text.replace("II. Задачи отдела", case("II Задачи отдела"))
    text = text.replace("III. Функции отдела", case("III Функции отдела"))
    t = tree(text)
    assert [c.number for c in t.chapters] == ["I", "II", "III"]
    assert [c.text.casefold() for c in t.chapters][1:] == ["задачи отдела", "функции отдела"]
    assert not [p for p in t.problems if p.code == "DLO504"]


def test_a_heading_styled_line_opening_with_a_latin_c_keeps_it(tmp_path):
    """Under a heading style "C 1 июня" (a Latin C) is no chapter C: its title is kept whole;
    "I Общие положения" is chapter I, and "ІІ. Порядок приёма", typed with the Kazakh letter,
    chapter ІІ."""
    doc = Document()
    for text in ("I Общие положения", "ІІ. Порядок приёма", "C 1 июня"):
        doc.add_paragraph(text, style="Heading 1")
        doc.add_paragraph("1. Отдел ведёт учёт.")
    path = tmp_path / "c.docx"
    doc.save(str(path))
    t = build(read_docx(path.read_bytes(), path.name).lines, path.name, "ru")
    got = [(c.number, c.text) for c in t.chapters]
    assert got == [("I", "Общие положения"), ("ІІ", "Порядок приёма"), (None, "C 1 июня")]


def test_roman_looking_words_without_a_full_stop_stay_text():
    """A list of "I курс", "II курс" lines inside a clause, or one "I Общие положения" alone,
    is no chapter."""
    t = tree(
        "ПОЛОЖЕНИЕ\nоб отделе кадров\nОбщие положения\n1. Отдел ведёт учёт студентов.\n"
        "I курс бакалавриата\n2. Отдел хранит дела.\nII курс бакалавриата\n3. Отдел ведёт архив.\n"
    )
    assert [c.number for c in t.chapters] == [None]
    t = tree("I Общие положения\n1. Отдел является подразделением.\n2. Отдел ведет учет.\n")
    assert [(c.number, c.text) for c in t.chapters] == [(None, "Общие положения")]


def test_a_roman_numbering_slip_is_reported_not_lost():
    t = tree(ROMAN_MIXED.replace("III. Функции", "II. Функции"))
    assert [(c.number, c.text) for c in t.chapters][1:] == [
        ("II", "Задачи отдела"),
        ("II", "Функции отдела"),
    ]
    assert any("II" in str(p.message) for p in t.problems if p.code == "DLO501"), t.problems


def _their_text(tmp_path):
    source = tmp_path / "assistant.ru.txt"
    source.write_text(
        HIERARCHICAL.replace(
            "требования к работе Ассистента.",
            "требования к работе Ассистента Акционерное общество «Университет Примера».",
        )
        .replace("2.2. Ассистент должен знать:", "2.2. Ассистент подчиняется Декану школы.")
        .replace(
            "3.1. Ассистент несет",
            "3.1. Инструкция согласовывается с:\n3.1.1. Провостом;\n3.1.2. Директором ДСП.\n"
            "3.2. Инструкция утверждается Председателем Правления.\n3.3. Ассистент несет",
        ),
        encoding="utf-8",
    )
    return source


def test_another_organisations_instruction_takes_nothing_from_our_registry(project, dlo, tmp_path):
    source = _their_text(tmp_path)
    before = files(project)
    ours = {p.id for p in registry_of(project).positions}
    result = dlo("import", source, "--id", "assistant", cwd=project)
    assert result.code == 2
    assert "another organisation" in result.err and "Университет Примера" in result.err
    assert "positions:" in result.err and "Провост" in result.err
    # the hint names both ways on: adding the entries, or the unit it may have already
    assert "--update-registry to add them" in result.err and "--unit ID" in result.err
    assert files(project) == before  # nothing written without --update-registry

    result = dlo("import", source, "--id", "assistant", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, "assistant")
    registry = registry_of(project)
    assert model.organisation != registry.organisation.id
    assert model.organisation in {o.id for o in registry.organisations}
    named = {
        model.position,
        *model.agreement.approvers,
        model.approval.by,
        *model.change_initiators,
    }
    assert not named & ours, "a position of this project's registry was assumed"
    titles = {p.id: p.title["ru"] for p in registry.positions}
    assert titles[model.position] == "Ассистент"
    assert [titles[a] for a in model.agreement.approvers] == ["Провост", "Директор ДСП"]
    assert titles[model.approval.by] == "Председатель Правления"
    assert model.numbering == "chapter"
    check = dlo("check", "regulations/assistant/regulation.yaml", cwd=project)
    assert "DLO111" not in check.err and "Председатель Правления – Ректор" not in check.err


def test_the_unit_a_unit_regulation_names_is_taken(project, dlo, tmp_path):
    source = tmp_path / "bolim.kk.txt"
    source.write_text(
        "Қашықтықтан оқыту бөлімі туралы ереже\n1 тарау. Жалпы ережелер\n"
        "1. Осы ереже қашықтықтан оқыту бөлімінің мәртебесін айқындайды.\n"
        "2. Бөлім институттың құрылымдық бөлімшесі болып табылады.\n",
        encoding="utf-8",
    )
    result = dlo("import", source, "--id", "bolim", "--kind", "unit_regulation", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "bolim").unit == "dlo"


def test_a_typed_number_and_identical_entries_are_linted_after_import(project, dlo, tmp_path):
    duty = "перевод документов и писем Бюро на государственный язык;"
    source = tmp_path / "buro.ru.txt"
    source.write_text(
        THROUGH.replace("1) перевод документов;", f"1) {duty}").replace(
            "2) редактирование.", f"2) редактирование текстов договоров;\n3) {duty}"
        ),
        encoding="utf-8",
    )
    args = ("--id", "buro", "--kind", "unit_regulation", "--unit", "dlo")
    assert dlo("import", source, *args, cwd=project).code == 0
    check = dlo("check", "regulations/buro/regulation.yaml", cwd=project)
    assert "DLO115: the text starts with a typed number '13.' (clause 3)" in check.out
    assert "DLO107: clause 4 item 3 nearly repeats clause 4 item 1 (100% similar" in check.out


def test_roman_lines_under_chapters_marked_otherwise_are_not_chapters():
    """ "Глава 2. Функции" over sections "I. Кадровое обеспечение", "II. Архив": the source marks
    its chapters by words; its Roman-numbered lines are no chapters (chapter 2 was lost)."""
    t = tree(
        "Глава 1. Общие положения\n1. Отдел является подразделением.\nГлава 2. Функции\n"
        "I. Кадровое обеспечение\n2. Отдел ведет учет.\nII. Архив\n3. Отдел хранит дела.\n"
    )
    assert [(c.number, c.text) for c in t.chapters] == [("1", "Общие положения"), ("2", "Функции")]


def test_a_roman_chapter_in_capitals_counts_as_the_first_of_the_run():
    t = tree(ROMAN_MIXED.replace("I. Общие положения.", "I. ОБЩИЕ ПОЛОЖЕНИЯ"))
    assert [(c.number, c.text) for c in t.chapters] == [
        ("I", "ОБЩИЕ ПОЛОЖЕНИЯ"),
        ("II", "Задачи отдела"),
        ("III", "Функции отдела"),
    ]


def test_a_first_chapters_usual_title_is_a_chapter_right_under_the_title_only():
    """ "Назначение" unnumbered over the clauses, under the title, is the first chapter (its full
    stop dropped); later in the text, or in lower case, it is not told from text (as before)."""
    t = tree(
        "ПОЛОЖЕНИЕ\nоб отделе кадров\nНазначение.\n1. Отдел ведёт учёт.\n2. Отдел хранит дела.\n"
    )
    assert [(c.number, c.text) for c in t.chapters] == [(None, "Назначение")]
    t = tree(
        "ПОЛОЖЕНИЕ\nоб отделе кадров\nОБЩИЕ ПОЛОЖЕНИЯ\n1. Отдел ведёт учёт.\nПОРЯДОК РАБОТЫ\n"
        "2. Отдел хранит дела.\nОбщие сведения\n3. Отдел подчиняется ректору.\n"
    )
    assert [c.text for c in t.chapters] == ["ОБЩИЕ ПОЛОЖЕНИЯ", "ПОРЯДОК РАБОТЫ"]
    t = tree("ПОЛОЖЕНИЕ\nоб отделе кадров\nназначение\n1. Отдел ведёт учёт.\n")
    assert [c.text for c in t.chapters] == ["Общие положения"]  # made up, and reported


def test_dlo_check_reads_a_kazakh_roman_source_number(project, dlo, tmp_path):
    """Chapters numbered "І.", "ІІ." with the Kazakh letter are imported with those numbers
    kept, and dlo check reads them as 1 and 2 (no DLO111), but not "ІV" for the second."""
    source = tmp_path / "hr.kk.txt"
    source.write_text(
        "Кадр бөлімі туралы ереже\nІ. Жалпы ережелер\n1. Бөлім ректорға бағынады.\n"
        "ІІ. Бөлімнің міндеттері\n2. Бөлім есеп жүргізеді.\n",
        encoding="utf-8",
    )
    result = dlo("import", source, "--id", "hr", "--unit", "dlo", cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, "hr")
    assert [c.source_number for c in model.chapters] == ["І", "ІІ"]
    path = project / "regulations" / "hr" / "regulation.yaml"
    assert "DLO111" not in dlo("check", path, cwd=project).out
    path.write_text(path.read_text(encoding="utf-8").replace(": ІІ\n", ": ІV\n"), "utf-8")
    assert "the source numbered chapter 2 'ІV'" in dlo("check", path, cwd=project).out
