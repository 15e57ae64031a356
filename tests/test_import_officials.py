"""Whom a job instruction is about, as an import reads it from its clauses: an official named as
the author of an order the clauses cite is not the instruction's position."""

from __future__ import annotations

import pytest
from conftest import REPO
from test_import_text import tree

from dlo_docs.importer import officials
from dlo_docs.project import Project


@pytest.fixture(scope="module")
def registry():
    return Project(REPO).load([]).registry


SUBJECT_RU = """1. Общие положения
1.1. {who} назначается на должность приказом {official}.
1.2. {who} освобождается от должности приказом {official}.
2. Должностные обязанности
2.1. {who} организует кадровый учёт.
2.2. Настоящая инструкция утверждается приказом {official}.
"""
# orders of no one named, and officials in parentheses (cut by a ";"): the subject counts
ORDER_RU = """1. Общие положения
1.1. {who} подчиняется директору ИНО.
1.2. Подчиняется директору ИНО (в его отсутствие – директору ИНО; по вопросам обучения – директору ИНО).
2. Должностные обязанности
2.1. На основании приказа {who} открывает доступ к курсам.
2.2. В соответствии с графиком, утвержденным приказом, {who} организует вебинары.
"""
ORDER_KK = """1. Жалпы ережелер
1.1. {who} бұйрықпен лауазымға тағайындалады.
1.2. {who} ҮББИ директорына бағынады.
1.3. {who} бұйрық бойынша іссапарға жіберіледі.
1.4. Ол ҮББИ директорына және ҮББИ директорына есеп береді.
"""
NEXT_RU = """1. Общие положения
1.1. На основании приказа Ректора {who} отвечает за дистанционное обучение.
2. Должностные обязанности
2.1. Распоряжением начальника отдела дистанционного обучения распределяются обязанности.
2.2. По решению начальника отдела дистанционного обучения работники проводят вебинары.
2.3. Работники отдела назначаются приказом Ректора по представлению начальника отдела дистанционного обучения.
"""
NEXT_KK = """1. Жалпы ережелер
1.1. {who} Ректордың бұйрығымен лауазымға тағайындалады.
2. Лауазымдық міндеттері
2.1. {who} Ректордың бұйрықтарының орындалуын қамтамасыз етеді.
"""
SUBJECT_KK = """1. Жалпы ережелер
1.1. {who} лауазымына {official} бұйрығымен тағайындалады.
1.2. {who} болмаған кезеңде оның міндеттерін {official} бұйрығымен жүктелетін тұлға орындайды.
2. Лауазымдық міндеттері
2.1. {who} шешімдер қабылдайды және бұйрықтардың жобаларын дайындайды.
"""


@pytest.mark.parametrize(
    ("lang", "text", "who", "official", "position"),
    [
        ("ru", SUBJECT_RU, "Начальник отдела управления персоналом", "ректора", "hr-head"),
        ("ru", SUBJECT_RU, "Заведующий складом", "Председателя Правления – Ректора", None),
        ("ru", SUBJECT_RU, "Заведующий складом", "и.о. ректора", None),
        ("kk", SUBJECT_KK, "Персоналды басқару бөлімінің бастығы", "Ректордың", "hr-head"),
        ("kk", SUBJECT_KK, "Қойма меңгерушісі", "Басқарма Төрағасы-Ректорының", None),
        ("kk", SUBJECT_KK, "Қойма меңгерушісі", "Ректордың 2024 жылғы 15 қаңтардағы № 12", None),
        (
            "ru",
            SUBJECT_RU,
            "Заведующий складом",
            "Ректора или проректора по академическим вопросам",
            None,
        ),
        (
            "kk",
            SUBJECT_KK,
            "Қойма меңгерушісі",
            "Ректордың немесе академиялық мәселелер жөніндегі проректордың",
            None,
        ),
        ("ru", ORDER_RU, "Начальник отдела дистанционного обучения", "", "dlo-head"),
        ("kk", ORDER_KK, "Қашықтықтан оқыту бөлімінің бастығы", "", "dlo-head"),
        # the subject right beside an official's order, and the subject's own instructions
        ("ru", NEXT_RU, "Начальник отдела дистанционного обучения", "", "dlo-head"),
        ("kk", NEXT_KK, "Қашықтықтан оқыту бөлімінің бастығы", "", "dlo-head"),
    ],
)
def test_the_position_is_whom_the_clauses_are_about(registry, lang, text, who, official, position):
    """Named as the author of the orders it cites, an official is not counted; the subject is,
    also where its acts are the object ("шешімдер қабылдайды", "бұйрықтардың жобаларын"), its
    own instructions, decisions and proposals ("Распоряжением начальника", "по представлению
    начальника"), or where an order of no one stands beside it ("На основании приказа Ректора
    начальник …")."""
    chapters = tree(text.format(who=who, official=official), lang).chapters
    assert officials.main_position(chapters, registry, lang) == position
