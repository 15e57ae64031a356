"""``dlo new``: a regulation from the template of its kind, facts from the registry, and
``dlo check`` clean except for the texts left to write (DLO114)."""

from __future__ import annotations

import json
import re

import pytest

from dlo_docs import load
from dlo_docs.create import grammar
from dlo_docs.model import Regulation

JOB_PARTS_KK = [
    "Қолдану саласы",
    "Нормативтік сілтемелер",
    "Белгілер мен қысқартулар",
    "Жалпы ережелер",
    "Біліктілік талаптары",
    "Лауазымдық міндеттері",
    "Құқықтары",
    "Жауапкершілік",
    "Өзара іс-қимыл",
    "Қорытынды ережелер",
]
UNIT_PARTS_RU = [
    "Область применения",
    "Нормативные ссылки",
    "Обозначения и сокращения",
    "Общие положения",
    "Структура",
    "Основные задачи",
    "Функции",
    "Права",
    "Ответственность",
    "Взаимодействие",
    "Заключительные положения",
]


def problems(dlo, project, reg_id):
    result = dlo("check", "--format", "json", f"regulations/{reg_id}", cwd=project)
    return json.loads(result.out)["problems"]


def model(project, reg_id) -> Regulation:
    path = project / "regulations" / reg_id / "regulation.yaml"
    source, errors = load.read(path, str(path))
    assert not errors
    doc, errors = load.validate(Regulation, source)
    assert not errors
    return doc


def write_every_placeholder(project, reg_id) -> int:
    """What the drafter does: every [[...]] replaced by a text (here: the hint it holds)."""
    path = project / "regulations" / reg_id / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    body = text.index("\nid: ")  # the comment on top mentions [[...]] too
    rest, count = re.subn(r"\[\[([^\[\]]*)\]\]", lambda m: m.group(1), text[body:])
    text = text[:body] + rest
    text = text.replace('code: "код"', "code: ЛН ҮББИ 02-2026")
    path.write_text(text, encoding="utf-8")
    return count


def test_job_instruction_has_the_parts_and_the_registry_facts(project, dlo):
    result = dlo(
        "new", "dlo-spec", "--kind", "job_instruction", "--position", "dlo-head", cwd=project
    )
    assert result.code == 0, result.err
    assert "wrote regulations/dlo-spec/regulation.yaml" in result.out
    doc = model(project, "dlo-spec")
    assert [c.title["kk"] for c in doc.chapters] == JOB_PARTS_KK
    final = doc.chapters[-1]
    assert [p.title["ru"] for p in final.paragraphs] == [
        "Порядок внесения изменений",
        "Согласование, хранение и рассылка",
    ]
    assert doc.languages == ["kk", "ru"]
    assert (doc.kind, doc.unit, doc.position, doc.organisation) == (
        "job_instruction",
        "dlo",
        "dlo-head",
        "ksu",
    )
    assert doc.title == {
        "kk": "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы",
        "ru": "Должностная инструкция начальника отдела дистанционного обучения",
    }
    # the route climbs reports_to up to the head of the organisation, who approves
    assert doc.agreement.approvers == ["ubbi-director", "vp-academic"]
    assert doc.approval.by == "rector"
    assert doc.change_initiators == ["dlo-head", "ubbi-director", "vp-academic"]
    clauses = {c.id: c for _, _, c in doc.clauses()}
    assert clauses["subordination"].states == "reports_to"
    assert "үздіксіз білім беру институтының директоры" in clauses["subordination"].text["kk"]
    # the supervisor gives the tasks (the Kazakh said the supervisor receives them)
    assert (
        clauses["instructions"]
        .text["kk"]
        .startswith("Тапсырмалар мен нұсқаулар беретін лауазымды тұлға: үздіксіз")
    )
    refs = [i.ref for i in clauses["normative-documents"].items]
    assert refs == ["us-064-2022", "kp-082-2022"]
    assert clauses["normative-documents"].items[0].text["ru"].startswith("СО 064-2022 Стандарт")
    # abbreviations: exactly those the text uses
    assert [i.ref for i in clauses["abbreviation-list"].items] == ["kp", "us"]


def test_check_reports_only_the_texts_left_to_write(project, dlo):
    dlo("new", "dlo-spec", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    found = problems(dlo, project, "dlo-spec")
    assert found and {p["code"] for p in found} == {"DLO114"}
    assert all(p["severity"] == "error" for p in found)
    assert any(p["message"].startswith("the code is left to write") for p in found)
    assert any("(clause 10 item 1, ru): [[обязанности" in p["message"] for p in found)
    written = write_every_placeholder(project, "dlo-spec")
    assert written == len(found)
    assert problems(dlo, project, "dlo-spec") == []


def test_unit_regulation_has_its_own_parts(project, dlo):
    result = dlo(
        "new",
        "dlo-unit",
        "--kind",
        "unit_regulation",
        "--unit",
        "dlo",
        "--code",
        "Е ҮББИ 03-2026",
        cwd=project,
    )
    assert result.code == 0, result.err
    doc = model(project, "dlo-unit")
    assert [c.title["ru"] for c in doc.chapters] == UNIT_PARTS_RU
    assert doc.position is None and doc.code == "Е ҮББИ 03-2026"
    assert doc.title["ru"] == "Положение об отделе дистанционного обучения"
    assert doc.title["kk"] == "Қашықтықтан оқыту бөлімі туралы ереже"
    clauses = {c.id: c for _, _, c in doc.clauses()}
    assert clauses["head"].text["kk"] == "Бөлімді Бөлім бастығы басқарады."
    found = problems(dlo, project, "dlo-unit")
    assert {p["code"] for p in found} == {"DLO114"}
    write_every_placeholder(project, "dlo-unit")
    assert problems(dlo, project, "dlo-unit") == []


# what a Russian lawyer (and a Kazakh one) would not sign: a title after a colon where the
# sentence needs its genitive, a capitalised common noun inside a sentence, "приказ подписывает:"
TRANSLATED = (
    "по должности:",
    "приказ подписывает:",
    "утверждает:",
    "должностное лицо:",
    "должностному лицу:",
    "от должностного лица:",
    "Непосредственный руководитель:",
    "бұйрыққа қол қоятын",
    "бекітетін лауазымды тұлға:",
    ": Начальник",
    ": Директор",
    ": Проректор",
    ": Қашықтықтан",
    ": Үздіксіз",
    ": Академиялық",
)
JOB_TEXTS = {
    "purpose": (
        "ru",
        "Настоящая должностная инструкция определяет квалификационные требования, должностные "
        "обязанности, права и ответственность начальника отдела дистанционного обучения.",
    ),
    "appointment": (
        "ru",
        "Начальник отдела дистанционного обучения назначается на должность и освобождается от "
        "должности приказом Председателя Правления – Ректора.",
    ),
    "subordination": (
        "ru",
        "Начальник отдела дистанционного обучения находится в непосредственном подчинении "
        "директора института непрерывного образования.",
    ),
    "instructions": (
        "ru",
        "Начальник отдела дистанционного обучения получает задания и указания от директора "
        "института непрерывного образования.",
    ),
    "approvers": (
        "ru",
        "Настоящая должностная инструкция согласовывается со следующими должностными лицами: "
        "директором института непрерывного образования; проректором по академическим вопросам.",
    ),
    "approval": (
        "ru",
        "Настоящая должностная инструкция утверждается приказом Председателя Правления – Ректора.",
    ),
    "change-initiators": (
        "kk",
        "Осы лауазымдық нұсқаулыққа өзгерістер енгізуге бастама жасайтын лауазымды тұлғалар: "
        "қашықтықтан оқыту бөлімінің бастығы; үздіксіз білім беру институтының директоры; "
        "академиялық мәселелер жөніндегі проректор.",
    ),
}
JOB_TEXTS_KK = {
    "appointment": "Қашықтықтан оқыту бөлімінің бастығы Басқарма Төрағасы – Ректордың бұйрығымен "
    "лауазымға тағайындалады және лауазымнан босатылады.",
    "approval": "Осы лауазымдық нұсқаулық Басқарма Төрағасы – Ректордың бұйрығымен бекітіледі.",
}
UNIT_TEXTS_RU = {
    "head": "Отдел возглавляет начальник Отдела.",
    "subordination": "Начальник Отдела находится в непосредственном подчинении директора института "
    "непрерывного образования.",
    "approval": "Настоящее Положение утверждается приказом Председателя Правления – Ректора.",
}


def test_the_starter_texts_read_as_official_russian_and_kazakh(project, dlo):
    """The texts `dlo new` writes in Russian as a Russian job instruction words them (ГОСТ Р
    7.0.97 style): the officials in the genitive where the sentence needs it ("приказом
    Председателя Правления – Ректора", "ответственность начальника отдела …"), titles inside a
    sentence in lower case ("начальник отдела …"), not "по должности: Начальник …" nor "приказ
    подписывает: …"; the Kazakh likewise ("… Ректордың бұйрығымен бекітіледі")."""
    for reg_id, kind, given in (
        ("ji", "job_instruction", ["--position", "dlo-head"]),
        ("ur", "unit_regulation", ["--unit", "dlo"]),
    ):
        result = dlo("new", reg_id, "--kind", kind, *given, cwd=project)
        assert result.code == 0, result.err
    job = {c.id: c.text for _, _, c in model(project, "ji").clauses()}
    unit = {c.id: c.text for _, _, c in model(project, "ur").clauses()}
    for clause, (lang, text) in JOB_TEXTS.items():
        assert job[clause][lang] == text, clause
    for clause, text in JOB_TEXTS_KK.items():
        assert job[clause]["kk"] == text, clause
    for clause, text in UNIT_TEXTS_RU.items():
        assert unit[clause]["ru"] == text, clause
    assert unit["head"]["kk"] == "Бөлімді Бөлім бастығы басқарады."
    texts = [t for clauses in (job, unit) for both in clauses.values() for t in both.values()]
    assert [(t, bad) for t in texts for bad in TRANSLATED if bad in t] == []
    assert all(t[0].isupper() or t.startswith("[[") for t in texts)  # each starts a sentence


def test_the_starter_texts_cite_codes_bare_name_the_unit_and_write_e_for_yo(project, dlo):
    """A code is cited by itself, not after its kind ("в соответствии с СО 064-2022", not "со
    стандартом организации СО 064-2022"; "ҰС 064-2022 сәйкес", as Kazakh standards cite one
    without a case ending); a unit regulation names its unit at first ("… отдела дистанционного
    обучения (далее – Отдел)") and then by that word, not as "подразделение"; the Russian is
    written with е for ё, as Kazakhstan's official Russian is; the chapter on interaction is
    "Өзара іс-қимыл" in Kazakh."""
    job = generated(dlo, project, "ji", "--kind", "job_instruction", "--position", "dlo-head")
    unit = generated(dlo, project, "ur", "--kind", "unit_regulation", "--unit", "dlo")
    assert job["basis"] == {
        "kk": "Осы лауазымдық нұсқаулық ҰС 064-2022 сәйкес әзірленді.",
        "ru": "Настоящая должностная инструкция разработана в соответствии с СО 064-2022.",
    }
    assert unit["change-procedure"] == {
        "kk": "Өзгерістер ҚП 082-2022 сәйкес енгізіледі.",
        "ru": "Изменения вносятся в соответствии с ДП 082-2022.",
    }
    assert unit["purpose"] == {
        "kk": "Осы Ереже қашықтықтан оқыту бөлімінің (бұдан әрі – Бөлім) мәртебесін, құрылымын, "
        "міндеттері мен функцияларын, құқықтары мен жауапкершілігін айқындайды.",
        "ru": "Настоящее Положение определяет статус, структуру, задачи, функции, права и "
        "ответственность отдела дистанционного обучения (далее – Отдел).",
    }
    assert unit["head"] == {
        "kk": "Бөлімді Бөлім бастығы басқарады.",
        "ru": "Отдел возглавляет начальник Отдела.",
    }
    assert unit["responsibility-list"]["ru"] == (
        "Ответственность за своевременное и качественное выполнение задач и функций Отдела несет "
        "руководитель Отдела в порядке, установленном законодательством Республики Казахстан."
    )
    assert unit["tasks-list"] == {
        "kk": "Бөлімнің негізгі міндеттері:",
        "ru": "Основные задачи Отдела:",
    }
    texts = [t for clauses in (job, unit) for both in clauses.values() for t in both.values()]
    assert [t for t in texts if "ё" in t] == []
    unit_texts = [t for both in unit.values() for t in both.values()]
    generic = re.compile(r"(?i)\bподразделени[еяю]\b|\bбөлімше(?:ні|нің|ге)?\b")
    assert [t for t in unit_texts if generic.search(t)] == []
    institute = generated(dlo, project, "ur2", "--kind", "unit_regulation", "--unit", "ubbi")
    assert institute["head"] == {
        "kk": "Институтты Институт директоры басқарады.",
        "ru": "Институт возглавляет директор Института.",
    }
    for reg_id in ("ji", "ur"):
        titles = [c.title for c in model(project, reg_id).chapters]
        assert {"kk": "Өзара іс-қимыл", "ru": "Взаимодействие"} in titles


@pytest.mark.parametrize(
    ("name", "lang", "word"),
    [
        ("Учебно-методический отдел", "ru", ["Отдел", "Отдела", "Отдел"]),
        ("Кафедра информатики", "ru", ["Кафедра", "Кафедры", "Кафедру"]),
        ("Информатика кафедрасы", "kk", ["Кафедра", "Кафедраның", "Кафедраны"]),
        ("Тіркеу орталығы", "kk", ["Орталық", "Орталықтың", "Орталықты"]),
        ("Үздіксіз білім беру институты", "kk", ["Институт", "Институттың", "Институтты"]),
        ("IT-отдел", "ru", None),
    ],
)
def test_the_word_a_unit_is_called_by(name, lang, word):
    made = grammar.unit_word(name, lang)
    assert (made and [made[""], made["genitive"], made["accusative"]]) == word


def test_a_genitive_the_rules_cannot_make_is_left_to_write(project, dlo):
    """A supervisor whose title does not decline by the simple rules (and has no
    title_genitive) is left as a [[…]] to write, which `dlo check` reports (DLO114)."""
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    title = "    ru: Директор института непрерывного образования\n"
    assert text.count(title) == 1
    path.write_text(text.replace(title, "    ru: И.о. директора ИНО\n"), encoding="utf-8")
    result = dlo("new", "ji", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    clauses = {c.id: c.text for _, _, c in model(project, "ji").clauses()}
    assert clauses["subordination"]["ru"] == (
        "Начальник отдела дистанционного обучения находится в непосредственном подчинении "
        "[[И.о. директора ИНО: в родительном падеже]]."
    )
    found = problems(dlo, project, "ji")
    assert any("[[И.о. директора ИНО: в родительном падеже]]" in p["message"] for p in found)


def generated(dlo, project, reg_id, *args) -> dict[str, dict[str, str]]:
    """``dlo new REG_ID ARGS…``'s clause texts by id, after checking that `dlo check` reports
    only the texts left to write (DLO114)."""
    result = dlo("new", reg_id, *args, cwd=project)
    assert result.code == 0, result.err
    assert {p["code"] for p in problems(dlo, project, reg_id)} == {"DLO114"}
    return {c.id: c.text for _, _, c in model(project, reg_id).clauses()}


def test_the_agreement_clause_names_its_approvers_in_the_instrumental(project, dlo):
    """Several approvers follow "со следующими должностными лицами:" in the instrumental (the
    Kazakh list after "мына лауазымды тұлғалармен келісіледі:" stays in the nominative, as a
    Kazakh enumeration after a colon is written); one approver is named in the sentence itself,
    not as a list of one: "согласовывается с проректором …", "… проректормен келісіледі"."""
    two = generated(dlo, project, "ji2", "--kind", "job_instruction", "--position", "dlo-head")
    assert two["approvers"] == {
        "kk": "Осы лауазымдық нұсқаулық мына лауазымды тұлғалармен келісіледі: үздіксіз білім беру "
        "институтының директоры; академиялық мәселелер жөніндегі проректор.",
        "ru": "Настоящая должностная инструкция согласовывается со следующими должностными "
        "лицами: директором института непрерывного образования; проректором по академическим "
        "вопросам.",
    }
    one = generated(dlo, project, "ji1", "--kind", "job_instruction", "--position", "ubbi-director")
    assert one["approvers"] == {
        "kk": "Осы лауазымдық нұсқаулық академиялық мәселелер жөніндегі проректормен келісіледі.",
        "ru": "Настоящая должностная инструкция согласовывается с проректором по академическим "
        "вопросам.",
    }
    unit = generated(dlo, project, "ur1", "--kind", "unit_regulation", "--unit", "ubbi")
    assert unit["approvers"] == {
        "kk": "Осы Ереже академиялық мәселелер жөніндегі проректормен келісіледі.",
        "ru": "Настоящее Положение согласовывается с проректором по академическим вопросам.",
    }
    rector = ["--position", "vp-academic", "--approvers", "rector,hr-head"]
    both = generated(dlo, project, "ji3", "--kind", "job_instruction", *rector)
    assert both["approvers"]["ru"].endswith(
        "лицами: Председателем Правления – Ректором; начальником отдела управления персоналом."
    )


def test_the_change_clause_names_its_initiators_in_the_genitive(project, dlo):
    """Changes are made on the initiative of one of the officials, named in the genitive ("по
    инициативе одного из следующих должностных лиц: начальника …; директора …"); one initiator
    is named in the sentence itself, in Kazakh as the possessor of the initiative, the genitive
    at the end of his title's chain ("… бөлімі бастығының бастамасы бойынша")."""
    three = generated(dlo, project, "ji3", "--kind", "job_instruction", "--position", "dlo-head")
    assert three["change-initiators"] == {
        "kk": "Осы лауазымдық нұсқаулыққа өзгерістер енгізуге бастама жасайтын лауазымды тұлғалар: "
        "қашықтықтан оқыту бөлімінің бастығы; үздіксіз білім беру институтының директоры; "
        "академиялық мәселелер жөніндегі проректор.",
        "ru": "Изменения в настоящую должностную инструкцию вносятся по инициативе одного из "
        "следующих должностных лиц: начальника отдела дистанционного обучения; директора "
        "института непрерывного образования; проректора по академическим вопросам.",
    }
    route = ["--approvers", "vp-academic,legal-head"]
    one = generated(
        dlo, project, "ji1", "--kind", "job_instruction", "--position", "hr-head", *route
    )
    assert one["change-initiators"] == {
        "kk": "Осы лауазымдық нұсқаулыққа өзгерістер персоналды басқару бөлімі бастығының "
        "бастамасы бойынша енгізіледі.",
        "ru": "Изменения в настоящую должностную инструкцию вносятся по инициативе начальника "
        "отдела управления персоналом.",
    }
    # (not agreed to by legal-head, the unit's own head: DLO121)
    others = ["--approvers", "vp-academic,hr-head"]
    unit = generated(dlo, project, "ur1", "--kind", "unit_regulation", "--unit", "legal", *others)
    assert unit["change-initiators"] == {
        "kk": "Осы Ережеге өзгерістер құқықтық қамтамасыз ету және мемлекеттік сатып алу бөлімі "
        "бастығының бастамасы бойынша енгізіледі.",
        "ru": "Изменения в настоящее Положение вносятся по инициативе начальника отдела правового "
        "обеспечения и государственных закупок.",
    }


RECTOR_LEFT_TO_WRITE = {
    "appointment": {
        "kk": "Басқарма Төрағасы – Ректор [[кім тағайындайды: мысалы, Директорлар кеңесінің "
        "шешімімен]] лауазымға тағайындалады және лауазымнан босатылады.",
        "ru": "Председатель Правления – Ректор назначается на должность и освобождается от "
        "должности [[кем назначается: например, решением Совета директоров]].",
    },
    "approval": {
        "kk": "Осы лауазымдық нұсқаулық [[кім бекітеді: мысалы, Директорлар кеңесінің шешімімен]] "
        "бекітіледі.",
        "ru": "Настоящая должностная инструкция утверждается [[кем утверждается: например, "
        "решением Совета директоров]].",
    },
}


def test_the_rector_neither_appoints_himself_nor_approves_his_own_instruction(project, dlo):
    """The official who approves the organisation's regulations is not appointed by his own
    order, nor does he approve his own job instruction: who does is the organisation's decision,
    left to write (DLO114, and dlo check says nothing else of it), and `dlo new` says the data's
    approval.by is to be set; an approving official given by --approval-by is named by the text
    as by the data (the appointment, of a position reporting to nobody, stays to write)."""
    args = ["--kind", "job_instruction", "--position", "rector", "--approvers", "vp-academic"]
    result = dlo("new", "ji-rector", *args, cwd=project)
    assert result.code == 0, result.err
    assert "who approves it is left to write: once written, set approval.by" in result.out
    rector = generated(dlo, project, "ji-rector2", *args)
    assert {k: rector[k] for k in RECTOR_LEFT_TO_WRITE} == RECTOR_LEFT_TO_WRITE
    assert model(project, "ji-rector2").approval.by == "rector"
    # (DLO120 warns then that the registry gives the vice-rector no title_genitive)
    other = [*args[:-1], "legal-head", "--approval-by", "vp-academic"]
    assert dlo("new", "ji-rector3", *other, cwd=project).code == 0
    given = {c.id: c.text for _, _, c in model(project, "ji-rector3").clauses()}
    assert model(project, "ji-rector3").approval.by == "vp-academic"
    assert given["approval"]["ru"] == (
        "Настоящая должностная инструкция утверждается приказом проректора по академическим "
        "вопросам."
    )
    assert given["appointment"] == RECTOR_LEFT_TO_WRITE["appointment"]
    # a position reporting to someone is appointed by the order of the approving official
    vp = generated(dlo, project, "ji-vp", *args[:-3], "vp-academic", "--approvers", "legal-head")
    assert vp["appointment"]["ru"] == (
        "Проректор по академическим вопросам назначается на должность и освобождается от "
        "должности приказом Председателя Правления – Ректора."
    )


@pytest.mark.parametrize(
    ("phrase", "instrumental"),
    [
        ("Проректор по академическим вопросам", "проректором по академическим вопросам"),
        ("Председатель Правления – Ректор", "председателем Правления – Ректором"),
        ("Ведущий специалист", "ведущим специалистом"),
        ("Заведующий кафедрой", "заведующим кафедрой"),
        ("Секретарь", "секретарем"),
        ("Врач", None),  # врачом or товарищем: the stress decides
    ],
)
def test_russian_instrumental(phrase, instrumental):
    assert grammar.ru_instrumental(phrase) == instrumental


@pytest.mark.parametrize(
    ("phrase", "instrumental"),
    [
        ("Қашықтықтан оқыту бөлімінің бастығы", "Қашықтықтан оқыту бөлімінің бастығымен"),
        ("Басқарма Төрағасы – Ректор", "Басқарма Төрағасы – Ректормен"),
        ("Бас маман", "Бас маманмен"),
        ("Бас экономист", "Бас экономистпен"),
        ("Аудитор көмекшісі", "Аудитор көмекшісімен"),
        ("Кассир-бухгалтер", None),
    ],
)
def test_kazakh_instrumental(phrase, instrumental):
    assert grammar.kk_instrumental(phrase) == instrumental


def test_with_or_so():
    assert [grammar.ru_with(t) for t in ("проректором", "специалистом", "заведующим")] == [
        "с",
        "со",
        "с",
    ]


@pytest.mark.parametrize(
    ("phrase", "inside"),
    [
        ("Начальник отдела кадров", "начальник отдела кадров"),
        ("Қашықтықтан оқыту бөлімінің бастығы", "қашықтықтан оқыту бөлімінің бастығы"),
        ("Председатель Правления – Ректор", "Председатель Правления – Ректор"),
        ("Басқарма Төрағасы – Ректордың", "Басқарма Төрағасы – Ректордың"),
        ("ҮББИ директоры", "ҮББИ директоры"),
        ("Начальник ОУП", "начальник ОУП"),
    ],
    ids=["ru", "kk", "ru-capitalised", "kk-capitalised", "kk-abbreviation", "ru-abbreviation"],
)
def test_a_title_inside_a_sentence(phrase, inside):
    assert grammar.in_sentence(phrase) == inside


def test_one_language_and_options_override_the_registry(project, dlo):
    result = dlo(
        "new",
        "hr-ji",
        "--kind",
        "job_instruction",
        "--position",
        "hr-head",
        "--lang",
        "kk",
        "--approvers",
        "vp-academic,legal-head",
        "--initiators",
        "hr-head",
        "--title",
        "Персоналды басқару бөлімі бастығының лауазымдық нұсқаулығы",
        cwd=project,
    )
    assert result.code == 0, result.err
    doc = model(project, "hr-ji")
    assert doc.languages == ["kk"] and isinstance(doc.chapters[0].title, str)
    assert doc.title == "Персоналды басқару бөлімі бастығының лауазымдық нұсқаулығы"
    assert doc.agreement.approvers == ["vp-academic", "legal-head"]
    assert doc.change_initiators == ["hr-head"]
    write_every_placeholder(project, "hr-ji")
    assert problems(dlo, project, "hr-ji") == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["dlo-head", "--position", "dlo-head"], "regulation 'dlo-head' exists"),
        (["x1", "--position", "nobody"], "unknown position 'nobody'"),
        (["x1", "--kind", "unit_regulation", "--unit", "nowhere"], "unknown unit 'nowhere'"),
        (["Bad Id", "--position", "dlo-head"], "is not a valid regulation id"),
        (["../escape", "--position", "dlo-head"], "is not a valid regulation id"),
        (["x1", "--unit", "dlo"], "a job instruction is made for a position"),
        (
            ["x1", "--position", "hr-head"],
            "no route of agreement for this regulation: hr-head reports to rector, who approves it",
        ),
        (["x1", "--position", "dlo-head", "--approvers", "ghost"], "unknown position 'ghost'"),
        (
            ["x1", "--position", "hr-h\u0435ad"],
            "unknown position 'hr-h\u0435ad' (--position): it has a Cyrillic '\u0435' (U+0435) "
            "at character 5 where a Latin 'e' is expected",
        ),
        (
            ["x1", "--position", "hr-head", "--approvers", "legal-head,docs-head,legal-head"],
            "--approvers names legal-head twice",
        ),
    ],
)
def test_refusals_write_nothing(project, dlo, args, message):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    seed = (project / "regulations/dlo-head/regulation.yaml").read_bytes()
    kind = [] if "--kind" in args else ["--kind", "job_instruction"]
    result = dlo("new", *args, *kind, cwd=project)
    assert result.code == 2, result.out + result.err
    assert message in result.err and "Traceback" not in result.err
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
    assert (project / "regulations/dlo-head/regulation.yaml").read_bytes() == seed


def test_with_no_route_the_hint_s_example_is_of_the_registry_and_not_the_subject(project, dlo):
    """The example of --approvers names positions the registry has, never the regulation's
    own position nor the official who approves it."""
    result = dlo("new", "x1", "--position", "legal-head", "--kind", "job_instruction", cwd=project)
    assert result.code == 2, result.err
    example = re.search(r"e\.g\. --approvers ([\w,-]+)\)", result.err)
    assert example, result.err
    named = example.group(1).split(",")
    registry = (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    assert named and all(f"- id: {pid}\n" in registry for pid in named)
    assert "legal-head" not in named and "rector" not in named


def test_a_broken_project_template_is_reported_at_its_line(project, dlo):
    own = project / "templates" / "new"  # the project's own copy wins over the bundled one
    text = (own / "job_instruction.yaml").read_text(encoding="utf-8")
    bad = text.replace("$position міндетті:", "$postion міндетті:")
    (own / "job_instruction.yaml").write_text(bad, encoding="utf-8")
    line = bad[: bad.index("$postion")].count("\n") + 1
    result = dlo("new", "x1", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    assert result.code == 1
    assert result.err.startswith(f"templates/new/job_instruction.yaml:{line}:")
    assert "unknown fact 'postion'" in result.err
    assert not (project / "regulations" / "x1").exists()


@pytest.mark.parametrize(
    "phrase, genitive",
    [
        # only the last possessor of a chain takes the genitive
        ("Персоналды басқару бөлімінің бастығы", "Персоналды басқару бөлімі бастығының"),
        (
            "Үздіксіз білім беру институтының директоры",
            "Үздіксіз білім беру институты директорының",
        ),
        ("Кафедра меңгерушісі", "Кафедра меңгерушісінің"),
        ("Бас есепші", "Бас есепшінің"),
        (
            "Академиялық мәселелер жөніндегі проректор",
            "Академиялық мәселелер жөніндегі проректордың",
        ),
        ("Бас маман", "Бас маманның"),
        ("Әдіскер", "Әдіскердің"),
        ("Бухгалтер-кассир", None),
        ("Ішкі бақылау", "Ішкі бақылаудың"),  # у ends it as a consonant does
    ],
)
def test_kazakh_genitive(phrase, genitive):
    assert grammar.kk_genitive(phrase) == genitive


@pytest.mark.parametrize(
    "position, title",
    [
        ("ubbi-director", "Үздіксіз білім беру институты директорының лауазымдық нұсқаулығы"),
        ("vp-academic", "Академиялық мәселелер жөніндегі проректордың лауазымдық нұсқаулығы"),
    ],
)
def test_job_instruction_title_is_the_position_in_the_genitive(project, dlo, position, title):
    args = ["--position", position, "--approvers", "legal-head"]  # a route for any position
    result = dlo("new", "ji", "--kind", "job_instruction", *args, cwd=project)
    assert result.code == 0, result.err
    assert model(project, "ji").title["kk"] == title


def test_job_instruction_title_takes_the_registry_s_genitive_of_the_position(project, dlo):
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    title = "    ru: Начальник отдела дистанционного обучения\n"
    given = "  title_genitive:\n    kk: ҚОБ бастығының\n    ru: начальника ОДО\n"
    assert text.count(title) == 1
    path.write_text(text.replace(title, title + given), encoding="utf-8")
    result = dlo("new", "ji", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    assert model(project, "ji").title == {
        "kk": "ҚОБ бастығының лауазымдық нұсқаулығы",
        "ru": "Должностная инструкция начальника ОДО",
    }


@pytest.mark.parametrize(
    "phrase, genitive",
    [
        ("Начальник отдела кадров", "начальника отдела кадров"),
        ("Ведущий специалист", "ведущего специалиста"),
        ("Заведующий кафедрой", "заведующего кафедрой"),
        ("Секретарь", "секретаря"),
    ],
)
def test_russian_genitive(phrase, genitive):
    assert grammar.ru_genitive(phrase) == genitive


@pytest.mark.parametrize(
    "phrase, about",
    [
        ("Отдел кадров", "об отделе кадров"),
        ("Кафедра информатики", "о кафедре информатики"),
        ("Учебный отдел", "об учебном отделе"),
        ("Лаборатория", "о лаборатории"),
    ],
)
def test_russian_prepositional(phrase, about):
    assert grammar.ru_about(phrase) == about


def test_the_library_refuses_a_language_the_model_does_not_know(project):
    """Called without the command line's choices, ``create`` names the model's languages and
    writes nothing."""
    from dlo_docs.create import Options, create
    from dlo_docs.errors import UsageError
    from dlo_docs.project import Project

    with pytest.raises(UsageError) as refused:
        create(Project(project), "dlo-new", Options(kind="job_instruction", languages=("en",)))
    assert "unknown language 'en'" in str(refused.value)
    assert "use one of: kk, ru" in str(refused.value)
    assert not (project / "regulations" / "dlo-new").exists()
