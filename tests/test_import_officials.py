"""Whom a job instruction is about, and who approves a text, as an import reads them from its
clauses: an official named as the author of an order, decision or proposal is neither the
instruction's position nor, unless the order approves the text, its approving official."""

from __future__ import annotations

import pytest
from conftest import REPO
from test_import_text import tree

from dlo_docs.importer import officials
from dlo_docs.mentions import approval_part
from dlo_docs.project import Project


@pytest.fixture(scope="module")
def registry():
    return Project(REPO).load([]).registry


AGREED_RU = "Настоящее Положение согласовывается с начальником отдела документационного обеспечения"
AGREED_KK = "Осы Ереже құжаттамалық қамтамасыз ету бөлімінің бастығымен келісіледі"


@pytest.mark.parametrize(
    ("lang", "text", "by"),
    [
        (
            "ru",
            f"{AGREED_RU} и утверждается приказом проректора по академическим вопросам.",
            "vp-academic",
        ),
        ("ru", f"{AGREED_RU} и утверждается проректором по академическим вопросам.", "vp-academic"),
        ("ru", f"{AGREED_RU} и утверждается приказом Председателя Правления – Ректора.", "rector"),
        ("ru", f"{AGREED_RU} и утверждается приказом и.о. ректора.", "rector"),
        # only what stands beside the verb: a procedure, a council, another act say nothing
        (
            "ru",
            f"{AGREED_RU} и утверждается Ректором, изменения в него вносятся приказом проректора по академическим вопросам.",
            "rector",
        ),
        (
            "ru",
            f"{AGREED_RU} и утверждается в порядке, установленном приказом проректора по академическим вопросам.",
            None,
        ),
        (
            "ru",
            f"{AGREED_RU} в порядке, который утверждается приказом проректора по академическим вопросам, и утверждается Ректором.",
            "rector",
        ),
        (
            "ru",
            f"{AGREED_RU} и утверждается Ученым советом университета и вводится в действие приказом Ректора.",
            None,
        ),
        (
            "kk",
            f"{AGREED_KK} және Ректордың бұйрығымен академиялық мәселелер жөніндегі проректордың шешімі негізінде бекітіледі.",
            None,
        ),
        (
            "kk",
            f"{AGREED_KK} және Ректордың бұйрығымен, ал өзгерістер академиялық мәселелер жөніндегі проректордың өкімімен бекітіледі.",
            None,
        ),
        (
            "kk",
            f"{AGREED_KK} және Ректордың немесе академиялық мәселелер жөніндегі проректордың бұйрығымен бекітіледі.",
            None,
        ),
        # a proposer, a council, an order that approved something else: not who approves
        (
            "ru",
            f"{AGREED_RU} и утверждается по представлению проректора по академическим вопросам приказом Ректора.",
            None,
        ),
        (
            "ru",
            f"{AGREED_RU} и утверждается решением Ученого совета по представлению проректора по академическим вопросам.",
            None,
        ),
        (
            "ru",
            f"{AGREED_RU} в порядке, утвержденном приказом проректора по академическим вопросам, и утверждается Ректором.",
            "rector",
        ),
        # the approving verb's sentence only
        (
            "ru",
            f"{AGREED_RU} и утверждается в установленном порядке. Ответственность несет начальник отдела управления персоналом.",
            None,
        ),
        (
            "ru",
            f"{AGREED_RU}. Изменения утверждаются приказом проректора по академическим вопросам.",
            None,
        ),
        (
            "kk",
            f"{AGREED_KK} және академиялық мәселелер жөніндегі проректордың бұйрығымен бекітіледі.",
            "vp-academic",
        ),
        (
            "kk",
            f"{AGREED_KK} және академиялық мәселелер жөніндегі проректордың ұсынуы бойынша Ректордың бұйрығымен бекітіледі.",
            "rector",
        ),
        (
            "kk",
            f"{AGREED_KK} және Ректордың 2024 жылғы 15 қаңтардағы № 12 бұйрығымен бекітіледі.",
            "rector",
        ),
        (
            "kk",
            f"{AGREED_KK} және оны академиялық мәселелер жөніндегі проректор бекітеді.",
            "vp-academic",
        ),
        (
            "kk",
            "Осы Ереже келісу парағы бойынша құжаттамалық қамтамасыз ету бөлімінің бастығымен келісіледі және Ректордың бұйрығымен бекітіледі.",
            "rector",
        ),
        (
            "kk",
            f"{AGREED_KK}. Өзгерістер персоналды басқару бөлімінің бастығының ұсынуы бойынша бекітіледі.",
            None,
        ),
    ],
)
def test_who_approves_as_the_agreement_clause_says_it(registry, lang, text, by):
    part = approval_part(text)
    found = officials.approving_official(part, registry, lang) if part else None
    assert found == by


SUBJECT_RU = """1. Общие положения
1.1. {who} назначается на должность приказом {official}.
1.2. {who} освобождается от должности приказом {official}.
2. Должностные обязанности
2.1. {who} организует кадровый учёт.
2.2. Настоящая инструкция утверждается приказом {official}.
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
