"""`dlo import` of sources whose chapter headings are unnumbered lines in plain type, as a .txt
saved from Word keeps its bold headings ("Задачи отдела", "Бөлімнің міндеттері"): such a line is
a chapter when its words name a chapter's subject and it stands between a finished clause and a
clause. Each was glued to the clause before it, with a DLO504 warning."""

from __future__ import annotations

import dataclasses

import pytest
from test_import_support import load_model
from test_import_text import tree

from dlo_docs.importer.source import read_text
from dlo_docs.importer.structure import build

RU = """\
ПОЛОЖЕНИЕ
об отделе дистанционного обучения
Общие положения
1. Настоящее Положение определяет статус отдела.
2. Отдел подчиняется директору института.
Задачи отдела
3. Основной задачей отдела является организация обучения.
Функции
4. Отдел разрабатывает учебные курсы:
1) для студентов;
2) для слушателей.
Права и ответственность
5. Отдел имеет право запрашивать сведения.
"""

KK = """\
Қашықтықтан оқыту бөлімі туралы
ЕРЕЖЕ
Жалпы ережелер
1. Осы Ереже бөлімнің мәртебесін айқындайды.
2. Бөлім институт директорына бағынады.
Бөлімнің міндеттері
3. Бөлімнің негізгі міндеті оқытуды ұйымдастыру болып табылады.
Бөлімнің құқықтары мен жауапкершілігі
4. Бөлім мәліметтер сұратуға құқылы.
Қорытынды ережелер
5. Ереже бекітілген күннен бастап күшіне енеді.
"""


@pytest.mark.parametrize(
    ("text", "lang", "titles"),
    [
        (RU, "ru", ["Общие положения", "Задачи отдела", "Функции", "Права и ответственность"]),
        (
            KK,
            "kk",
            [
                "Жалпы ережелер",
                "Бөлімнің міндеттері",
                "Бөлімнің құқықтары мен жауапкершілігі",
                "Қорытынды ережелер",
            ],
        ),
    ],
)
def test_plain_headings_that_name_a_chapters_subject_are_chapters(text, lang, titles):
    t = tree(text, lang)
    assert [c.text for c in t.chapters] == titles
    assert [c.text for c in t.chapters] and not [p for p in t.problems if p.code == "DLO504"]
    assert t.chapters[1].clauses[0].text.startswith(("Основной", "Бөлімнің негізгі"))
    assert t.chapters[0].clauses[-1].text.endswith(("института.", "бағынады."))


def test_with_no_first_chapter_heading_two_such_lines_are_needed():
    """Without a first chapter's heading, one line is no evidence; two are."""
    body = RU.replace("Общие положения\n", "").replace("Функции\n", "")
    body = body.replace("Права и ответственность\n", "")
    t = tree(body)
    assert len(t.chapters) == 1 and "Задачи отдела" in t.chapters[0].clauses[1].text
    t = tree(RU.replace("Общие положения\n", ""))
    assert [c.text for c in t.chapters][1:] == [
        "Задачи отдела",
        "Функции",
        "Права и ответственность",
    ]


@pytest.mark.parametrize(
    ("before", "line"),
    [
        ("2. Отдел выполняет:", "Задачи ректората"),  # a list's lead-in: the line is its entry
        ("2. Отдел подчиняется директору института и", "Задачи отдела"),  # the clause goes on
        ("2. Отдел подчиняется директору института.", "Примечание"),  # a note
        ("2. Отдел подчиняется директору института.", "Отдел возглавляет начальник"),  # no subject
        ("2. Отдел подчиняется директору института.", "Начальник несёт ответственность"),  # verb
        (
            "2. Отдел подчиняется директору института.",
            "Отдел осуществляет свою деятельность в соответствии с Уставом",  # too long
        ),
        ("2. Отдел подчиняется директору института.", "IV. Задачи отдела"),  # numbered: not ours
        # a list's unmarked entry after an item ending with ";"
        (
            "2. Отдел ведёт:\n1) учёт кадров;\n2) подготовку приказов;",
            "Организация воинского учёта",
        ),
        ("2. Отдел подчиняется директору института.", "Работники отдела имеют право"),  # a sentence
        ("2. Отдел подчиняется директору института.", "Права и обязанности определяются законом"),
        ("2. Отдел подчиняется директору института.", "Положение о персональных данных"),
        ("2. Отдел подчиняется директору института.", "Начальник управления по деятельности"),
        ("2. Отдел подчиняется директору института.", "Согласовано: начальник управления"),
        ("2. Отдел подчиняется директору института.", "Ответственность за сроки — дисциплинарная"),
    ],
)
def test_lines_that_are_no_such_headings_stay_text(before, line):
    text = RU.replace("2. Отдел подчиняется директору института.", before)
    t = tree(text.replace("Задачи отдела\n", f"{line}\n"))
    titles = [c.text for c in t.chapters]
    assert line not in titles
    assert titles[0] == "Общие положения"


@pytest.mark.parametrize(
    "line",
    [
        "Бөлім басшысы жауапкершілік көтереді",
        "Қызметкер өз міндеттерін орындауға міндетті",
        "Бөлім басшысы келесі әрекеттерге құқылы",
        "Кадр басқармасының басшысы",
        "Бөлімнің қаржы мәселелері бойынша",
        "Осы тармақта көрсетілген талаптар",  # a phrase of the text
        "Бөлім басшысы ректордың бұйрығын орындау міндеттері",  # six words
    ],
)
def test_a_kazakh_sentence_or_name_stays_text(line):
    t = tree(KK.replace("Бөлімнің міндеттері\n", f"{line}\n"), "kk")
    titles = ["Бөлімнің құқықтары мен жауапкершілігі", "Қорытынды ережелер"]
    assert [c.text for c in t.chapters][1:] == titles
    assert t.chapters[0].clauses[1].text.endswith(line)


def test_plain_sub_headings_under_bold_or_styled_chapters_are_no_chapters():
    """A source that sets its chapters apart (bold, a heading style) sets sub-headings in
    plain type: "Ответственность" under the bold "Права и ответственность" is no chapter."""
    lines = read_text(RU.encode("utf-8"), "x.txt").lines
    for i, line in enumerate(lines):
        if line.text in ("Общие положения", "Функции", "Права и ответственность"):
            lines[i] = dataclasses.replace(line, strong=True)
    t = build(lines, "x.txt", "ru")
    assert [c.text for c in t.chapters] == ["Общие положения", "Функции", "Права и ответственность"]


def test_under_chapters_numbered_or_in_capitals_such_lines_are_no_chapters():
    """A source whose chapters are numbered or in capitals sets its sub-headings in plain type:
    they are not chapters (as before: joined to the clause before, reported)."""
    for head in ("1. Общие положения", "ОБЩИЕ ПОЛОЖЕНИЯ"):
        text = RU.replace("Общие положения\n", f"{head}\n", 1)
        text = text.replace("Функции\n", "ФУНКЦИИ\n" if head.isupper() else "2. Функции\n")
        t = tree(text)
        assert "Задачи отдела" not in [c.text for c in t.chapters]
        assert any(p.code == "DLO504" for p in t.problems)


def test_one_such_line_alone_is_no_chapter():
    """One heading-worded line under a first chapter's "Общие положения" may be a sub-heading
    ("Порядок ведения личных дел"): two are needed."""
    text = RU.replace("Функции\n", "").replace("Права и ответственность\n", "")
    t = tree(text.replace("Задачи отдела\n", "Порядок ведения личных дел\n"))
    assert [c.text for c in t.chapters] == ["Общие положения"]
    assert any(p.code == "DLO504" for p in t.problems)


@pytest.mark.parametrize(
    ("lines", "lang", "title", "subject"),
    [
        (["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ КАДРОВ"], "ru", "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", "Отдел"),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "НАЧАЛЬНИКА ОТДЕЛА КАДРОВ"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ НАЧАЛЬНИКА ОТДЕЛА КАДРОВ",
            "Начальник отдела кадров",
        ),
        (["ЕРЕЖЕ", "КАДР БӨЛІМІ ТУРАЛЫ"], "kk", "КАДР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ", "Бөлім"),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ИНЖЕНЕРА-ПРОГРАММИСТА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ИНЖЕНЕРА-ПРОГРАММИСТА",
            "Инженер-программист",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ЗАВЕДУЮЩЕЙ КАНЦЕЛЯРИЕЙ"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ЗАВЕДУЮЩЕЙ КАНЦЕЛЯРИЕЙ",
            "Заведующая канцелярией",
        ),
        (
            ["ПОЛОЖЕНИЕ", "КОММУНАЛЬНОГО ГОСУДАРСТВЕННОГО УЧРЕЖДЕНИЯ «УПРАВЛЕНИЕ ТРАНСПОРТА»"],
            "ru",
            "ПОЛОЖЕНИЕ КОММУНАЛЬНОГО ГОСУДАРСТВЕННОГО УЧРЕЖДЕНИЯ «УПРАВЛЕНИЕ ТРАНСПОРТА»",
            "Коммунальное государственное учреждение «Управление транспорта» (далее – Управление)",
        ),
        (["ЕРЕЖЕ", "КАДР БӨЛІМІНІҢ"], "kk", "КАДР БӨЛІМІНІҢ ЕРЕЖЕСІ", "Кадр бөлімі"),
        (["ЕРЕЖЕ", "ҒЫЛЫМИ КЕҢЕС", "ТУРАЛЫ"], "kk", "ҒЫЛЫМИ КЕҢЕС ТУРАЛЫ ЕРЕЖЕ", "Кеңес"),
        (  # a Kazakh rest broken anywhere: its end says what about or whose
            ["ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ", "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ", "БАСТЫҒЫНЫҢ"],
            "kk",
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ БАСТЫҒЫНЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ",
            "Бөлім бастығы",
        ),
        (
            ["ПОЛОЖЕНИЕ", "П ОК 01-2024", "ОБ ОТДЕЛЕ КАДРОВ"],
            "ru",
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            "Отдел",
        ),
        (
            ["ПОЛОЖЕНИЕ", "ОБ УПРАВЛЕНИИ ПАССАЖИРСКОГО ТРАНСПОРТА", "И АВТОМОБИЛЬНЫХ ДОРОГ"],
            "ru",
            "ПОЛОЖЕНИЕ ОБ УПРАВЛЕНИИ ПАССАЖИРСКОГО ТРАНСПОРТА И АВТОМОБИЛЬНЫХ ДОРОГ",
            "Управление",
        ),
        (
            ["ЕРЕЖЕ", "ЖОЛАУШЫЛАР КӨЛІГІ ЖӘНЕ", "АВТОМОБИЛЬ ЖОЛДАРЫ БАСҚАРМАСЫ ТУРАЛЫ"],
            "kk",
            "ЖОЛАУШЫЛАР КӨЛІГІ ЖӘНЕ АВТОМОБИЛЬ ЖОЛДАРЫ БАСҚАРМАСЫ ТУРАЛЫ ЕРЕЖЕ",
            "Басқарма",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "АССИСТЕНТА ИССЛЕДОВАТЕЛЯ", "ВЫСШЕЙ ШКОЛЫ ПРАВА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ АССИСТЕНТА ИССЛЕДОВАТЕЛЯ ВЫСШЕЙ ШКОЛЫ ПРАВА",
            "Research Assistant (Ассистент исследователя)",
        ),
        (  # a position by its suffix, or an adjective in the genitive: the text may not name it
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "МЕТОДИСТА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ МЕТОДИСТА",
            "Работник",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ГЛАВНОГО БУХГАЛТЕРА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ГЛАВНОГО БУХГАЛТЕРА",
            "Работник",
        ),
        (  # named in the nominative after a bracket
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ДЕКАНА ФАКУЛЬТЕТА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ДЕКАНА ФАКУЛЬТЕТА",
            "Dean (декан факультета)",
        ),
        (["ПОЛОЖЕНИЕ", "УЧЁНОГО СОВЕТА"], "ru", "ПОЛОЖЕНИЕ УЧЁНОГО СОВЕТА", "Ученый совет"),
        (["ПОЛОЖЕНИЕ", "ПРИЁМНОЙ КОМИССИИ"], "ru", "ПОЛОЖЕНИЕ ПРИЁМНОЙ КОМИССИИ", "Комиссия"),
        (
            ["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ", "ПО РАБОТЕ С ОБУЧАЮЩИМИСЯ"],
            "ru",
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ПО РАБОТЕ С ОБУЧАЮЩИМИСЯ",
            "Отдел",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "СОТРУДНИКА ОТДЕЛА КАДРОВ"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ СОТРУДНИКА ОТДЕЛА КАДРОВ",
            "Работник",
        ),
        (  # a word in -ика, named with the word after it
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ТЕХНИКА ЛАБОРАТОРИИ"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ТЕХНИКА ЛАБОРАТОРИИ",
            "Техник лаборатории",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "PR-МЕНЕДЖЕРА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ PR-МЕНЕДЖЕРА",
            "Работник",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "КАССИРА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ КАССИРА",
            "Работник, принятый на должность кассира,",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ЭКСПЕРТА-АНАЛИТИКА"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ЭКСПЕРТА-АНАЛИТИКА",
            "Эксперт-аналитик",
        ),
        (
            ["ПОЛОЖЕНИЕ", "ОБ УПРАВЛЕНИИ ТРАНСПОРТА", "ЖАМБЫЛСКОЙ ОБЛАСТИ"],
            "ru",
            "ПОЛОЖЕНИЕ ОБ УПРАВЛЕНИИ ТРАНСПОРТА ЖАМБЫЛСКОЙ ОБЛАСТИ",
            "Управление",
        ),
        (
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ДИ 07-2024", "НАЧАЛЬНИКА ОТДЕЛА КАДРОВ"],
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ НАЧАЛЬНИКА ОТДЕЛА КАДРОВ",
            "Начальник отдела кадров",
        ),
        (
            ["ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ", "КАДР БӨЛІМІ БАСТЫҒЫНЫҢ"],
            "kk",
            "КАДР БӨЛІМІ БАСТЫҒЫНЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ",
            "Бөлім бастығы",
        ),
    ],
)
def test_a_title_in_capitals_right_over_the_clauses_stays_whole(
    project, dlo, tmp_path, lines, lang, title, subject
):
    """A title in capitals whose second line stands right over the first clause, with no
    chapter heading, perhaps under the code's line: the line was made chapter 1 and the title
    left as the kind alone. (A job instruction's text opens its clauses with the position its
    title names in the genitive.)"""
    clauses = {
        "ru": [f"1. {subject} подчиняется ректору.", f"2. {subject} ведёт учёт."],
        "kk": [f"1. {subject} ректорға бағынады.", f"2. {subject} есеп жүргізеді."],
    }[lang]
    path = tmp_path / f"caps-{lang}-{len(lines[0])}.txt"
    path.write_text("\n".join(lines + clauses) + "\n", encoding="utf-8")
    result = dlo(
        "import", path, "--lang", lang, "--unit", "dlo", "--position", "rector", cwd=project
    )
    assert result.code == 0, result.err
    model = load_model(project, path.stem)
    assert model.title[lang] == title
    assert lines[-1] not in [c.title for c in model.chapters]


@pytest.mark.parametrize(
    ("kind", "heading"),
    [
        ("ПОЛОЖЕНИЕ", "ОБЩИЕ ПОЛОЖЕНИЯ"),
        ("ПОЛОЖЕНИЕ", "ЗАДАЧИ И ФУНКЦИИ"),
        ("ПОЛОЖЕНИЕ", "ВВЕДЕНИЕ"),  # a first chapter's unusual heading: it does not go on
        ("ПОЛОЖЕНИЕ", "ПРЕДМЕТ РЕГУЛИРОВАНИЯ"),  # with the kind as a title does ("ОБ …")
        ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ВВЕДЕНИЕ"),
        ("ПОЛОЖЕНИЕ", "ОБЩАЯ ЧАСТЬ"),  # ends as a genitive does, but says neither what about
        ("ПОЛОЖЕНИЕ", "ПРЕАМБУЛА"),  # nor whose
        ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "ОБЩАЯ ХАРАКТЕРИСТИКА ДОЛЖНОСТИ"),
        ("ИНСТРУКЦИЯ", "СФЕРА ДЕЙСТВИЯ"),
        ("ПОЛОЖЕНИЕ", "НА ОСНОВАНИИ УСТАВА"),
        ("ПОЛОЖЕНИЕ", "ПРАВОВОЙ СТАТУС"),  # an adjective in -ой, in the nominative
        ("ПОЛОЖЕНИЕ", "МУЗЕЙ УНИВЕРСИТЕТА"),
        ("ПОЛОЖЕНИЕ", "МУЗЕЙ ИСТОРИИ УНИВЕРСИТЕТА"),  # a noun in -ей, not an adjective
        ("ПОЛОЖЕНИЕ", "ТРУДОВОЙ РАСПОРЯДОК"),
    ],
)
def test_a_chapter_heading_in_capitals_under_the_kind_stays_a_chapter(kind, heading):
    t = tree(f"{kind}\n{heading}\n1. Отдел является подразделением.\n2. Отдел ведёт учёт.\n")
    assert [c.text for c in t.chapters] == [heading]


@pytest.mark.parametrize(
    "heading",
    [
        "ОБЩИЕ ПОЛОЖЕНИЯ",
        "ВВЕДЕНИЕ",
        "ПРЕДМЕТ РЕГУЛИРОВАНИЯ",
        "ОБЩАЯ ЧАСТЬ",
        "ПРЕАМБУЛА",
        "ПРАВОВОЙ СТАТУС",
        "В ЦЕЛЯХ НАСТОЯЩЕГО ПОЛОЖЕНИЯ",
        "ПО ОБЩИМ ВОПРОСАМ",
    ],
)
def test_a_chapter_heading_in_capitals_under_a_two_line_title_stays_a_chapter(heading):
    """A title's rest may take a third line that goes on with it ("И АВТОМОБИЛЬНЫХ ДОРОГ"); a
    first chapter's heading under the two lines does not."""
    text = "1. Отдел является подразделением.\n2. Отдел ведёт учёт.\n"
    t = tree(f"ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\n{heading}\n{text}")
    assert [c.text for c in t.chapters] == [heading]


@pytest.mark.parametrize(
    "heading",
    [
        "ХАРАКТЕРИСТИКА РАБОТ",
        "СФЕРА ДЕЯТЕЛЬНОСТИ",
        "ЗОНА ОТВЕТСТВЕННОСТИ",
        "ГРУППА ДОЛЖНОСТИ И ПОДЧИНЕННОСТЬ",
        "РАБОТА С ПЕРСОНАЛЬНЫМИ ДАННЫМИ",
    ],
)
def test_a_job_instructions_first_heading_opening_as_a_genitive_does_stays_a_chapter(heading):
    """A job instruction's first chapter heading whose first word ends as a position in the
    genitive does ("ХАРАКТЕРИСТИКА" as "НАЧАЛЬНИКА"): it names no position its text is about,
    so it is no part of the title; the title's line that does name one still is."""
    text = "1. Специалист назначается приказом ректора.\n2. Специалист ведёт учёт работ.\n"
    t = tree(f"ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\n{heading}\n{text}")
    assert [c.text for c in t.chapters] == [heading]
    t = tree(f"ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nСПЕЦИАЛИСТА\n{heading}\n{text}")
    assert [c.text for c in t.chapters] == [heading]


@pytest.mark.parametrize(
    ("kind", "heading", "text"),
    [
        ("ПОЛОЖЕНИЕ", "ХАРАКТЕРИСТИКА УПРАВЛЕНИЯ", "Характеристика Управления дана ниже."),
        ("ПОЛОЖЕНИЕ", "СФЕРА ДЕЯТЕЛЬНОСТИ", "Сфера деятельности Управления – транспорт."),
        ("ИНСТРУКЦИЯ", "РАБОТА НА ВЫСОТЕ", "Работа на высоте ведётся в поясе (работа с риском)."),
        ("ЕРЕЖЕ", "БАСҚАРМА ТУРАЛЫ ЖАЛПЫ МӘЛІМЕТТЕР", "Басқарма мемлекеттік орган болып табылады."),
        ("ИНСТРУКЦИЯ", "ТЕХНИКА БЕЗОПАСНОСТИ", "Техник лаборатории соблюдает её."),
    ],
)
def test_a_heading_the_text_names_in_the_nominative_stays_a_chapter(kind, heading, text):
    """A first heading opening with a noun in -а that the text uses as it is, in the
    nominative ("Характеристика Управления …"), names no position: it stays a chapter."""
    t = tree(f"{kind}\n{heading}\n1. {text}\n2. Отдел ведёт учёт.\n")
    assert [c.text for c in t.chapters] == [heading]
