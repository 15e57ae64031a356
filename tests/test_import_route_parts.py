"""Who agrees and who approves, as an import reads them from the clause stating each: the
officials the clause names apart from each other, and the clause on the document itself before
one on a kind of documents."""

from __future__ import annotations

import pytest
from conftest import REPO
from test_import_text import tree

from dlo_docs.importer.report import Report
from dlo_docs.importer.route import read_route
from dlo_docs.mentions import agreement_part, approval_part, named_positions
from dlo_docs.project import Project


@pytest.fixture(scope="module")
def registry():
    return Project(REPO).load([]).registry


KK_ACTIVE = (
    "Осы лауазымдық нұсқаулықты академиялық мәселелер жөніндегі проректор мен персоналды "
    "басқару бөлімінің бастығы келіседі, Басқарма Төрағасы – Ректор бекітеді."
)

AGREES = [
    # the approval said before the agreement
    (
        "ru",
        "Настоящая инструкция утверждается приказом Ректора и согласовывается с начальником ОУП, "
        "изменения в нее утверждаются приказом проректора по академическим вопросам.",
        {"hr-head"},
    ),
    (
        "kk",
        "Осы Ереже Ректордың бұйрығымен бекітіледі және құжаттамалық қамтамасыз ету бөлімінің "
        "бастығымен келісіледі.",
        {"docs-head"},
    ),
    # brought into force by an order, not agreed by its author
    (
        "ru",
        "Настоящее Положение согласовывается с начальником отдела документационного обеспечения "
        "и вводится в действие приказом проректора по академическим вопросам.",
        {"docs-head"},
    ),
    # the agreement said twice: both parts
    (
        "kk",
        "Осы Ереже келісу парағы бойынша құжаттамалық қамтамасыз ету бөлімінің бастығымен "
        "келісіледі және Ректордың бұйрығымен бекітіледі.",
        {"docs-head"},
    ),
    (
        "ru",
        "Настоящее Положение согласовывается и утверждается в следующем порядке: проект "
        "согласовывается с проректором по академическим вопросам и начальником отдела "
        "документационного обеспечения; Положение утверждается приказом Ректора.",
        {"vp-academic", "docs-head"},
    ),
    # an approval agreed with an official, given by another's order
    (
        "ru",
        "Настоящее Положение согласовывается с начальником отдела документационного обеспечения "
        "и утверждается по согласованию с проректором по академическим вопросам приказом Ректора.",
        {"docs-head", "vp-academic"},
    ),
    # an approval by someone of the order the agreement follows
    (
        "kk",
        "Осы Ереже академиялық мәселелер жөніндегі проректор бекітетін тәртіппен ПББ бастығымен "
        "келісіледі және Ректордың бұйрығымен бекітіледі.",
        {"hr-head"},
    ),
    # an order the agreement cites, and its author, are not who agrees
    (
        "ru",
        "Проект Положения согласовывается с начальником отдела документационного обеспечения в "
        "порядке, утвержденном приказом проректора по академическим вопросам, и утверждается "
        "Ректором.",
        {"docs-head"},
    ),
    (
        "ru",
        "Настоящая должностная инструкция согласовывается с начальником отдела управления "
        "персоналом, а в случаях, установленных приказом Ректора, – с начальником отдела "
        "правового обеспечения и государственных закупок, и утверждается Ректором.",
        {"hr-head", "legal-head"},
    ),
    (
        "ru",
        "Настоящая должностная инструкция согласовывается в соответствии с Правилами, "
        "утвержденными приказом Ректора, с начальником отдела правового обеспечения и "
        "государственных закупок.",
        {"legal-head"},
    ),
    (
        "ru",
        "Настоящее Положение утверждается приказом Ректора и согласовывается с должностными "
        "лицами, перечисленными в приказе о порядке документирования: проректором по "
        "академическим вопросам, начальником ОУП.",
        {"vp-academic", "hr-head"},
    ),
    # not past the sentence
    (
        "ru",
        "Настоящее Положение утверждается приказом Ректора и согласовывается с начальником ОУП. "
        "Подлинник Положения хранится у начальника отдела документационного обеспечения.",
        {"hr-head"},
    ),
    # … nor inside parentheses or before a dash
    (
        "ru",
        "Настоящая инструкция согласовывается с должностными лицами, перечень которых определен "
        "приказом № 45 от 10.01.2024 г. - с проректором по академическим вопросам.",
        {"vp-academic"},
    ),
    (
        "ru",
        "Настоящая инструкция согласовывается с начальником ОУП (на соответствие приказам по "
        "университету) и начальником отдела документационного обеспечения.",
        {"hr-head", "docs-head"},
    ),
    # "на утверждение", "подлежит утверждению": the approval, not an agreement
    (
        "ru",
        "Настоящее Положение согласовывается с начальником ОУП и подлежит утверждению "
        "Председателем Правления – Ректором.",
        {"hr-head"},
    ),
    # a visa is an agreement
    (
        "ru",
        "Настоящая инструкция утверждается в установленном порядке; проект визируется начальником "
        "ОУП и согласовывается с начальником отдела документационного обеспечения.",
        {"hr-head", "docs-head"},
    ),
    # the first sentence saying who agrees, not one on the changes or the original after it
    (
        "ru",
        "Настоящая инструкция согласовывается с начальником ОУП и утверждается приказом Ректора. "
        "Подлинник согласованной инструкции хранится у начальника отдела документационного "
        "обеспечения.",
        {"hr-head"},
    ),
    (
        "ru",
        "Настоящая инструкция согласовывается с начальником ОУП. Инструкция утверждается "
        "проректором по академическим вопросам.",
        {"hr-head"},
    ),
    (
        "kk",
        "Осы ЛН ПББ бастығымен келісіледі және Ректордың бұйрығымен бекітіледі. ЛН-ның түпнұсқасы "
        "құжаттамалық қамтамасыз ету бөлімінің бастығында келісу парағымен бірге сақталады.",
        {"hr-head"},
    ),
    # Kazakh: the agreement with the approval, after the order of who approves
    (
        "kk",
        "Осы ЛН академиялық мәселелер жөніндегі проректордың бұйрығымен ҮББИ директорының келісімі "
        "бойынша бекітіледі.",
        {"ubbi-director"},
    ),
    # Russian officials after the agreement's verb, not the author named before it
    (
        "ru",
        "Должностная инструкция разрабатывается проректором по академическим вопросам, "
        "согласовывается с начальником отдела управления персоналом, начальником отдела "
        "правового обеспечения и государственных закупок и утверждается Председателем Правления "
        "– Ректором.",
        {"hr-head", "legal-head"},
    ),
    (
        "ru",
        "Настоящее Положение согласуется с начальником отдела управления персоналом и "
        "утверждается приказом Ректора.",
        {"hr-head"},
    ),
    # … but a list of officials before the verb is read whole
    (
        "ru",
        "С начальником отдела правового обеспечения и государственных закупок, начальником "
        "отдела документационного обеспечения согласовывается настоящее Положение.",
        {"legal-head", "docs-head"},
    ),
    # … an adjective in -енн- in it ("временной", "военной") being no predicate
    (
        "ru",
        "С проректором по академическим вопросам в части военной подготовки и временной "
        "занятости, начальником ОУП согласовывается настоящее Положение.",
        {"vp-academic", "hr-head"},
    ),
    # Kazakh, active: the document the object, the officials its subjects ("мен": "and")
    (
        "kk",
        KK_ACTIVE,
        {"vp-academic", "hr-head"},
    ),
    # as before: the approval said after the agreement; no approval said
    (
        "ru",
        "Настоящее Положение согласовывается с начальником ОУП и утверждается приказом Ректора.",
        {"hr-head"},
    ),
    (
        "ru",
        "С начальником ОУП и проректором по академическим вопросам согласовывается настоящее "
        "Положение.",
        {"hr-head", "vp-academic"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "agree"), AGREES)
def test_the_agreement_names_those_who_agree(registry, lang, text, agree):
    assert named_positions(agreement_part(text), registry, lang) == agree


APPROVES = [
    (
        "ru",
        "Настоящее Положение, согласованное с начальником отдела документационного обеспечения, "
        "утверждается приказом проректора по академическим вопросам.",
        {"vp-academic"},
    ),
    (
        "ru",
        "Настоящее Положение утверждается приказом Ректора после согласования с начальником ОУП.",
        {"rector"},
    ),
    (
        "kk",
        "ПББ бастығымен келісілген осы Ереже Ректордың бұйрығымен бекітіледі.",
        {"rector"},
    ),
    ("ru", "Приказом Ректора утверждается настоящее Положение.", {"rector"}),
    ("kk", KK_ACTIVE, {"rector"}),
    (
        "kk",
        "Осы ЛН академиялық мәселелер жөніндегі проректордың бұйрығымен ҮББИ директорының келісімі "
        "бойынша бекітіледі.",
        {"vp-academic"},
    ),
    (
        "kk",
        "Осы Ереже академиялық мәселелер жөніндегі проректормен келісім бойынша Ректордың "
        "бұйрығымен бекітіледі.",
        {"rector"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "approves"), APPROVES)
def test_the_approval_names_who_approves_not_who_agreed(registry, lang, text, approves):
    assert named_positions(approval_part(text), registry, lang) == approves


REGULATION = """ПОЛОЖЕНИЕ
об отделе управления персоналом
1. Общие положения
1.1. Отдел управления персоналом является структурным подразделением университета.
2. Структура
2.1. Положения о секторах Отдела согласовываются с начальником ОУП и утверждаются приказом проректора по академическим вопросам.
3. Заключительные положения
3.1. Настоящее Положение согласовывается с начальником отдела документационного обеспечения.
3.2. Настоящее Положение, согласованное с начальником отдела документационного обеспечения, утверждается приказом Председателя Правления – Ректора.
"""


def test_the_clause_on_the_document_itself_states_its_route(registry):
    """ "Положения о секторах … согласовываются" is about other documents: the approvers are the
    ones "Настоящее Положение" names, later; who approves, the official of the order."""
    t = tree(REGULATION, "ru")
    route = read_route(t, registry, "ru", None, False, Report("x.txt"))
    assert route.approvers == ["docs-head"]
    assert route.by == "rector"
    states = {c.number: c.states for ch in t.chapters for c in ch.clauses}
    assert states["2.1"] is None and states["3.1"] == "approvers" and states["3.2"] == "approval"


# clauses citing the document or about other documents: not the document's route
CITING = """ПОЛОЖЕНИЕ
об отделе управления персоналом
1. Общие положения
1.1. Положение об Отделе согласовывается с начальником отдела правового обеспечения и государственных закупок.
1.2. Положение об Отделе утверждается приказом Председателя Правления – Ректора.
2. Функции
2.1. План работы Отдела, разработанный в соответствии с настоящим Положением, утверждается проректором по академическим вопросам.
2.2. Отдел ведет базу данных положений, проекты которых согласовываются с начальником отдела документационного обеспечения.
2.3. Изменения в настоящее Положение согласовываются с проректором по академическим вопросам.
2.4. Настоящее Положение является основанием для плана работы Отдела, который утверждается проректором по академическим вопросам.
2.5. Настоящее Положение служит основой для должностных инструкций, которые согласовываются с начальником отдела документационного обеспечения.
"""


def test_a_clause_citing_the_document_does_not_state_its_route(registry):
    """ "в соответствии с настоящим Положением", "Изменения в настоящее Положение", "базу данных
    положений": the document cited, not its subject; its route is the first clauses'."""
    route = read_route(tree(CITING, "ru"), registry, "ru", None, False, Report("x.txt"))
    assert (route.approvers, route.by) == (["legal-head"], "rector")


AGREED_IN_APPROVAL = """ПОЛОЖЕНИЕ
об отделе дистанционного обучения
1. Общие положения
1.1. Отдел является структурным подразделением университета.
2. Заключительные положения
2.1. Настоящее Положение утверждается приказом Ректора после согласования с проректором по академическим вопросам и начальником отдела правового обеспечения и государственных закупок.
"""


def test_the_approvers_said_in_the_clause_on_the_approval_are_proposed(registry):
    """With no clause of their own, the approvers the clause on the approval names ("после
    согласования с …") are proposed, for confirmation, instead of the head's fallback."""
    report = Report("x.txt")
    route = read_route(tree(AGREED_IN_APPROVAL, "ru"), registry, "ru", None, False, report)
    assert (route.approvers, route.by) == (["vp-academic", "legal-head"], "rector")
    said = [p.message for p in report.problems]
    assert any("agreement.approvers proposed from clause 2.1" in m for m in said), said


ACTIVE_KK = """Персоналды басқару бөлімі туралы
ЕРЕЖЕ
1-тарау. Жалпы ережелер
1. Осы Ереже бөлімнің жұмыс тәртібін бекітеді.
2. Осы Ережені құқықтық қамтамасыз ету және мемлекеттік сатып алу бөлімінің бастығы және құжаттамалық қамтамасыз ету бөлімінің бастығы визалайды.
3. Осы Ережені академиялық мәселелер жөніндегі проректор бекітеді.
"""


def test_kazakh_active_verbs_with_the_document_as_their_object(registry):
    """ "Осы Ережені … визалайды / бекітеді": the document, in the accusative, is what they
    agree and approve; "Осы Ереже … тәртібін бекітеді" (it sets an order) states neither."""
    t = tree(ACTIVE_KK, "kk")
    route = read_route(t, registry, "kk", None, False, Report("x.txt"))
    assert (route.approvers, route.by) == (["legal-head", "docs-head"], "vp-academic")
    states = [c.states for ch in t.chapters for c in ch.clauses]
    assert states == [None, "approvers", "approval"]


DONE_RU = """ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
начальника отдела документационного обеспечения
1. Общие положения
1.1. Должностная инструкция должна быть заново утверждена и согласована в случаях изменения названия должности.
1.2. Должностная инструкция согласована с начальником отдела управления персоналом.
1.3. Должностная инструкция утверждается приказом проректора по академическим вопросам.
"""


def test_a_document_said_agreed_with_someone_and_a_rule_for_later(registry):
    """ "согласована с …" states who agrees it; "должна быть заново утверждена и согласована в
    случаях …" is a rule for a later edition and states nothing."""
    t = tree(DONE_RU, "ru")
    route = read_route(t, registry, "ru", "docs-head", False, Report("x.txt"))
    assert (route.approvers, route.by) == (["hr-head"], "vp-academic")
    states = [c.states for ch in t.chapters for c in ch.clauses]
    assert states == [None, "approvers", "approval"]


ADJECTIVES_IN_ENN = [  # -енн- adjectives: no predicate
    "временной",
    "военной",
    "современной",
    "ценной",
    "особенной",
    "мгновенной",
    "обыкновенной",
    "письменной",
    "сменной",
    "неизменной",
    "жизненной",
    "именной",
    "откровенной",
    "постепенной",
    "государственной",
]


@pytest.mark.parametrize("adjective", ADJECTIVES_IN_ENN)
def test_an_adjective_in_enn_does_not_cut_a_list_of_officials(registry, adjective):
    """A list of officials before the verb is read whole: the adjective in it is no predicate
    after which the officials would follow the verb."""
    text = (
        f"С начальником ОУП в части {adjective} работы, проректором по академическим вопросам "
        "согласовывается настоящее Положение."
    )
    assert named_positions(agreement_part(text), registry, "ru") == {"hr-head", "vp-academic"}


PARTICIPLES = [  # participles in -анн-/-енн-/-ённ-, of every case: a predicate
    "разработанный",
    "подготовленный",
    "измененный",
    "оцененный",
    "рассмотренный",
    "переведённый",
    "доработанного",
    "подготовленных",
    "представленными",
]


@pytest.mark.parametrize("participle", PARTICIPLES)
def test_the_officials_follow_the_verb_after_a_participle(registry, participle):
    """Who a participle's phrase names before the verb is not who agrees: the officials follow
    the verb, after the phrase's comma."""
    text = (
        f"Проект с предложениями, {participle} проректором по академическим вопросам, "
        "согласовывается с начальником ОУП."
    )
    assert named_positions(agreement_part(text), registry, "ru") == {"hr-head"}
