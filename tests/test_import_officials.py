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
        ("ru", SUBJECT_RU, "Заведующий складом", "временно исполняющего обязанности ректора", None),
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


# the rector named once by a title of two words' groups, the subject twice
TITLE_OF_TWO = {
    "ru": """1. Общие положения
1.1. Проректор по академическим вопросам подчиняется Председателю Правления – Ректору.
2. Должностные обязанности
2.1. Проректор по академическим вопросам организует учебный процесс.
""",
    "kk": """1. Жалпы ережелер
1.1. Академиялық мәселелер жөніндегі проректор Басқарма Төрағасы – Ректорға бағынады.
2. Лауазымдық міндеттері
2.1. Академиялық мәселелер жөніндегі проректор оқу процесін ұйымдастырады.
""",
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_title_of_two_names_its_position_once(registry, lang):
    """ "Председателю Правления – Ректору" is one mention of the rector, not two: counted twice,
    the rector tied with the vice-rector the instruction is about, and was taken for him."""
    chapters = tree(TITLE_OF_TWO[lang], lang).chapters
    assert officials.main_position(chapters, registry, lang) == "vp-academic"


ORDERS_RU = """1. Общие положения
1.1. {who} обеспечивает исполнение {acts} Ректора.
2. Должностные обязанности
2.1. {who} готовит проекты {acts} Ректора.
2.2. {who} ведёт учёт {acts} Ректора по личному составу.
"""


@pytest.mark.parametrize(
    "acts", ["приказов", "приказов и распоряжений", "приказов и поручений", "приказов и указаний"]
)
def test_orders_in_the_plural_or_listed_with_other_acts_are_the_officials(registry, acts):
    """ "исполнение приказов и распоряжений Ректора": the rector's orders, in any case and number
    and first of a list of acts; the subject is the position (counted as often as the rector
    was, the rector, first in the registry, was taken)."""
    who = "Начальник отдела управления персоналом"
    chapters = tree(ORDERS_RU.format(who=who, acts=acts), "ru").chapters
    assert officials.main_position(chapters, registry, "ru") == "hr-head"


def test_duties_of_an_official_are_not_an_acting_title(registry):
    """ "Приказом Ректора обязанности Ректора возлагаются …": the second "Ректора" is whose duties,
    not "исполняющего обязанности Ректора" of the order's author; the rector's own instruction
    names him twice."""
    text = """1. Общие положения
1.1. Председатель Правления – Ректор назначается на должность решением уполномоченного органа.
1.2. Приказом Ректора обязанности Ректора в период его отсутствия возлагаются на проректора.
2. Должностные обязанности
2.1. Издаёт приказы и распоряжения, обязательные для всех работников.
"""
    assert officials.main_position(tree(text, "ru").chapters, registry, "ru") == "rector"


@pytest.mark.parametrize(
    ("lang", "title", "position"),
    [
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника отдела управления персоналом", "hr-head"),
        ("ru", "Должностная инструкция Председателя Правления – Ректора", "rector"),
        ("kk", "Қашықтықтан оқыту бөлімінің бастығының ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ", "dlo-head"),
        ("kk", "Басқарма Төрағасы – Ректордың лауазымдық нұсқаулығы", "rector"),
        # a position named further off than beside the kind's name is not the title's subject
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ заместителя начальника отдела управления персоналом", None),
        ("kk", "Персоналды басқару бөлімінің бастығы орынбасарының лауазымдық нұсқаулығы", None),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ специалиста отдела дистанционного обучения", None),
        ("ru", "ПОЛОЖЕНИЕ об отделе управления персоналом", None),
        ("ru", "Начальник отдела управления персоналом", None),
        # a code line, an acting official between the kind and the position
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ДИ 014-2024 директора института непрерывного образования",
            "ubbi-director",
        ),
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ и.о. начальника отдела документационного обеспечения",
            "docs-head",
        ),
        ("kk", "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ Қашықтықтан оқыту бөлімінің бастығы", "dlo-head"),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ зам. начальника отдела управления персоналом", None),
        # a Russian title names its position after the kind, not before it
        (
            "ru",
            "Приложение 3 к приказу Председателя Правления – Ректора ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ методиста",
            None,
        ),
    ],
)
def test_the_title_names_the_position_beside_the_kind(registry, lang, title, position):
    assert officials.titled(title, registry, lang) == position


def test_orders_of_a_list_of_officials_are_theirs(registry):
    """ "приказами и распоряжениями Ректора и проректора": both officials' orders."""
    text = """1. Общие положения
1.1. Начальник отдела дистанционного обучения руководствуется приказами и распоряжениями Ректора и проректора по академическим вопросам.
1.2. Начальник отдела дистанционного обучения подчиняется директору ИНО.
2. Должностные обязанности
2.1. Исполняет приказы Ректора и проректора по академическим вопросам.
2.2. Готовит проекты приказов проректора по академическим вопросам.
"""
    assert officials.main_position(tree(text, "ru").chapters, registry, "ru") == "dlo-head"


@pytest.mark.parametrize(
    ("lang", "title", "head", "other"),
    [
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ специалиста отдела документационного обеспечения",
            "docs-head",
            "специалиста отдела документационного обеспечения",
        ),
        (  # a code between: aside
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ДИ 014-2024 специалиста отдела документационного обеспечения",
            "docs-head",
            "специалиста отдела документационного обеспечения",
        ),
        (  # the deputy's, not the head's
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ заместителя начальника отдела документационного обеспечения",
            "docs-head",
            "заместителя начальника отдела документационного обеспечения",
        ),
        (
            "kk",
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІНІҢ ӘДІСКЕРІНІҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ",
            "dlo-head",
            "қашықтықтан оқыту бөлімінің әдіскерінің",
        ),
        (
            "kk",
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІНІҢ БАСТЫҒЫНЫҢ ОРЫНБАСАРЫНЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ",
            "dlo-head",
            "қашықтықтан оқыту бөлімінің бастығының орынбасарының",
        ),
        (
            "kk",
            "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ Қашықтықтан оқыту бөлімінің әдіскері",
            "dlo-head",
            "қашықтықтан оқыту бөлімінің әдіскері",
        ),
        (  # a Kazakh unit's name in the izafet form, not the genitive
            "kk",
            "Қашықтықтан оқыту бөлімі әдіскерінің ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ",
            "dlo-head",
            "қашықтықтан оқыту бөлімі әдіскерінің",
        ),
        (  # a long title of the holder
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ведущего специалиста по учебно-методической работе отдела "
            "дистанционного обучения",
            "dlo-head",
            "ведущего специалиста по учебно методической работе отдела дистанционного обучения",
        ),
        (  # a holder in the unit of another registry position
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ методиста Института непрерывного образования",
            "ubbi-director",
            "методиста института непрерывного образования",
        ),
        # the head by another word for it
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ руководителя отдела документационного обеспечения",
            "docs-head",
            None,
        ),
        # the head's own title, an acting head's, none named: no other
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника отдела документационного обеспечения",
            "docs-head",
            None,
        ),
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ и. о. начальника отдела документационного обеспечения",
            "docs-head",
            None,
        ),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "docs-head", None),
        ("kk", "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІНІҢ БАСТЫҒЫНЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ", "dlo-head", None),
        ("kk", "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ БАСТЫҒЫНЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ", "dlo-head", None),
        ("kk", "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ Қашықтықтан оқыту бөлімінің бастығы", "dlo-head", None),
    ],
)
def test_a_title_naming_another_holder_in_the_unit(registry, lang, title, head, other):
    assert officials.titled_other(title, registry.position(head), lang) == other


SPECIALIST = """УТВЕРЖДАЮ
Председатель Правления – Ректор
___________ Д. Е. Ахметов

ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
специалиста отдела документационного обеспечения

1. Общие положения
1.1. Специалист назначается на должность приказом Ректора по представлению начальника отдела документационного обеспечения.
1.2. Специалист непосредственно подчиняется начальнику отдела документационного обеспечения.
2. Должностные обязанности
2.1. Информирует начальника отдела документационного обеспечения о сроках исполнения документов.
"""


def test_a_specialist_s_instruction_is_not_given_the_head_s_position(project, dlo, tmp_path):
    """Its clauses name the head most often (whom the specialist reports to): the import asks for
    the position rather than give the instruction the head's; given one, it imports."""
    source = tmp_path / "source.txt"
    source.write_text(SPECIALIST, encoding="utf-8")
    refused = dlo("import", source, "--id", "spec", cwd=project)
    assert refused.code == 2
    assert f"{source}:6: cannot tell which position" in refused.err  # the title's line
    assert (
        "its title names 'специалиста отдела документационного обеспечения', a position the "
        "registry does not know (its clauses name docs-head most often)"
    ) in refused.err
    assert "pass --position ID" in refused.err
    assert not (project / "regulations" / "spec").exists()
    assert dlo("import", source, "--id", "spec", "--position", "docs-head", cwd=project).code == 0


@pytest.mark.parametrize(
    ("lang", "title", "position"),
    [
        (  # the position in full a few words after the kind
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ Члена Правления – проректора по академическим вопросам",
            "vp-academic",
        ),
        # a Kazakh unit's name in the izafet form before its head
        ("kk", "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы", "dlo-head"),
        ("kk", "Үздіксіз білім беру институты директорының ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ", "ubbi-director"),
        # not a deputy's or an assistant's
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ заместителя начальника отдела дистанционного обучения",
            None,
        ),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ помощника проректора по академическим вопросам", None),
        ("kk", "Қашықтықтан оқыту бөлімі бастығының орынбасарының лауазымдық нұсқаулығы", None),
    ],
)
def test_a_title_naming_the_position_a_few_words_off_or_in_another_form(
    registry, lang, title, position
):
    assert officials.titled_near(title, registry, lang) == position


@pytest.mark.parametrize(
    ("lang", "title", "counted", "other"),
    [
        # a holder by a position's word, with no unit the registry knows
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ специалиста по дистанционному обучению",
            "dlo-head",
            "специалиста по дистанционному обучению",
        ),
        ("kk", "Қойма меңгерушісінің лауазымдық нұсқаулығы", "rector", "қойма меңгерушісінің"),
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ проректора по научной работе",
            "rector",
            "проректора по научной работе",
        ),
        # its own head, by its word or another word for a head; no holder named
        (
            "ru",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника отдела дистанционного обучения",
            "dlo-head",
            None,
        ),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ руководителя отдела", "dlo-head", None),
        ("kk", "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы", "dlo-head", None),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ Председателя Правления – Ректора", "rector", None),
        ("ru", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "dlo-head", None),
    ],
)
def test_a_title_naming_a_holder_by_a_position_s_word(registry, lang, title, counted, other):
    assert officials.titled_holder(title, registry.position(counted), lang) == other
