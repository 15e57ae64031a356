"""Another organisation's job instruction naming its approvers in one sentence (Kazakh
"Осы лауазымдық нұсқаулық директормен, заң бөлімінің басшысымен және кадр бөлімінің басшысымен
келісіледі", "… келісілуге тиіс", "… мен келісім бойынша … бекітіледі"; Russian "… согласовывается
с директором, начальником юридического отдела и начальником отдела кадров"): each official is
proposed a position, in the text's order, titled in the nominative without the sentence's lead
words; the approving official is whose order approves it ("… ЖШС директорының бұйрығымен
бекітіледі", "утверждается приказом директора"). Each source is imported with --update-registry
into a copy of the bundled project; `dlo check` finds no DLO101 at the clauses, and the agreement
sheet prints a row for each approver."""

from __future__ import annotations

import pytest
from test_forms import parts, table_rows
from test_import_support import load_model

from dlo_docs import labels
from dlo_docs.importer import named_titles
from dlo_docs.project import Project

SARYARQA_LAWYER = """\
«Сарыарқа Құрылыс» жауапкершілігі шектеулі серіктестігі
ЗАҢГЕРДІҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1. Жалпы ережелер
1.1. Ұйымның толық атауы – «Сарыарқа Құрылыс» жауапкершілігі шектеулі серіктестігі.
1.2. Заңгер серіктестіктің құқықтық қызметін қамтамасыз етеді.
1.3. Заңгер директорға бағынады.
2. Лауазымдық міндеттер
2.1. Заңгер шарттардың жобаларын тексереді.
2.2. Заңгер серіктестіктің мүддесін сотта білдіреді.
3. Қорытынды ережелер
3.1. Осы лауазымдық нұсқаулық директормен, заң бөлімінің басшысымен және кадр бөлімінің басшысымен келісіледі.
3.2. Осы лауазымдық нұсқаулық директордың бұйрығымен бекітіледі.
"""

KOKSHETAU_ECONOMIST = """\
«Көкшетау қаласының тұрғын үй-коммуналдық шаруашылығы бөлімі» коммуналдық мемлекеттік мекемесі
ЭКОНОМИСТІҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1. Жалпы ережелер
1.1. Мемлекеттік мекеменің толық атауы – «Көкшетау қаласының тұрғын үй-коммуналдық шаруашылығы бөлімі» коммуналдық мемлекеттік мекемесі.
1.2. Экономист мекеменің жылдық бюджетін жоспарлауға қатысады.
1.3. Экономист қаржы және экономика бөлімінің басшысына бағынады.
2. Лауазымдық міндеттер
2.1. Экономист бюджеттік өтінімдерді дайындайды.
2.2. Экономист шығыстардың атқарылуын талдайды.
3. Қорытынды ережелер
3.1. Нұсқаулық бас бухгалтермен, қаржы және экономика бөлімінің басшысымен және заңгермен келісілуге тиіс.
3.2. Нұсқаулық мекеме басшысының бұйрығымен бекітіледі.
"""

ALTYN_DAN_TECHNOLOGIST = """\
«Алтын Дән» жауапкершілігі шектеулі серіктестігі
ТЕХНОЛОГТЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1. Жалпы ережелер
1.1. Серіктестіктің толық атауы – «Алтын Дән» жауапкершілігі шектеулі серіктестігі.
1.2. Технолог ұн тарту өндірісінің технологиялық процесін қамтамасыз етеді.
1.3. Технолог өндіріс бөлімінің бастығына бағынады.
2. Лауазымдық міндеттер
2.1. Технолог шикізат пен дайын өнімнің сапасын бақылайды.
2.2. Технолог технологиялық карталарды әзірлейді.
3. Қорытынды ережелер
3.1. Осы лауазымдық нұсқаулық бас бухгалтермен және өндіріс бөлімінің бастығымен келісім бойынша «Алтын Дән» ЖШС директорының бұйрығымен бекітіледі.
"""

SHYGYS_ENGINEER = """\
«Шығыс Энерго Сервис» жауапкершілігі шектеулі серіктестігі
ИНЖЕНЕРДІҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1. Жалпы ережелер
1.1. Ұйымның толық атауы – «Шығыс Энерго Сервис» жауапкершілігі шектеулі серіктестігі, Өскемен қаласы.
1.2. Инженер серіктестіктің энергетикалық жабдығының жұмысын қамтамасыз етеді.
1.3. Инженер бас инженерге бағынады.
2. Лауазымдық міндеттер
2.1. Инженер жабдыққа техникалық қызмет көрсетуді жоспарлайды.
2.2. Инженер еңбекті қорғау талаптарының сақталуын бақылайды.
3. Қорытынды ережелер
3.1. Осы лауазымдық нұсқаулық бас инженер мен еңбекті қорғау бөлімінің меңгерушісімен келісіледі.
3.2. Осы лауазымдық нұсқаулық «Шығыс Энерго Сервис» ЖШС директорының бұйрығымен бекітіледі.
"""

DALA_FORWARDER = """\
«Дала Логистик» жауапкершілігі шектеулі серіктестігі
ЭКСПЕДИТОРДЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1. Жалпы ережелер
1.1. Серіктестіктің толық атауы – «Дала Логистик» жауапкершілігі шектеулі серіктестігі, Қарағанды қаласы.
1.2. Экспедитор жүктерді қабылдауды, тасымалдауды және тапсыруды ұйымдастырады.
1.3. Экспедитор көлік бөлімінің бастығына бағынады.
2. Лауазымдық міндеттер
2.1. Экспедитор тауарлық-көліктік жүкқұжаттарды ресімдейді.
2.2. Экспедитор жүктің сақталуын бақылайды.
3. Қорытынды ережелер
3.1. Осы лауазымдық нұсқаулық мыналармен келісіледі: «Дала Логистик» ЖШС бас бухгалтерімен, қойма меңгерушісімен және көлік бөлімінің бастығымен.
3.2. Осы лауазымдық нұсқаулық «Дала Логистик» ЖШС директорының 2024 жылғы 15 қаңтардағы № 12-Ж бұйрығымен бекітіледі.
"""

SARYARKA_LAWYER_RU = """\
Товарищество с ограниченной ответственностью «Сарыарка Курылыс»
ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ЮРИСТА

1. Общие положения
1.1. Полное наименование организации - Товарищество с ограниченной ответственностью «Сарыарка Курылыс».
1.2. Юрист обеспечивает правовую деятельность товарищества.
1.3. Юрист подчиняется директору.
2. Должностные обязанности
2.1. Юрист проверяет проекты договоров.
2.2. Юрист представляет интересы товарищества в суде.
3. Заключительные положения
3.1. Настоящая инструкция согласовывается с директором, начальником юридического отдела и начальником отдела кадров.
3.2. Настоящая инструкция утверждается приказом директора.
"""

# the same instruction whose approval clause also names who agrees to it
SARYARKA_LAWYER_RU_AFTER = (
    SARYARKA_LAWYER_RU[: SARYARKA_LAWYER_RU.index("3.1. ")]
    + "3.1. Настоящая инструкция утверждается приказом директора после согласования с главным "
    "бухгалтером и начальником отдела кадров.\n"
)

CASES = [
    # the review's sentence: commas and "және", each name in the instrumental
    (
        SARYARQA_LAWYER,
        ["Директор", "Заң бөлімінің басшысы", "Кадр бөлімінің басшысы"],
        "Директор",
    ),
    # "Нұсқаулық …", "… келісілуге тиіс"; "және" inside a title ("қаржы және экономика бөлімінің")
    (
        KOKSHETAU_ECONOMIST,
        ["Бас бухгалтер", "Қаржы және экономика бөлімінің басшысы", "Заңгер"],
        "Мекеме басшысы",
    ),
    # no clause of its own: the approval's "… мен келісім бойынша"
    (
        ALTYN_DAN_TECHNOLOGIST,
        ["Бас бухгалтер", "Өндіріс бөлімінің бастығы"],
        "Директор",
    ),
    # "мен" joining two names, the first without the case ending they share
    (
        SHYGYS_ENGINEER,
        ["Бас инженер", "Еңбекті қорғау бөлімінің меңгерушісі"],
        "Директор",
    ),
    # "мыналармен келісіледі:" and the list after it; the order's date before "бұйрығымен"
    (
        DALA_FORWARDER,
        ["Бас бухгалтер", "Қойма меңгерушісі", "Көлік бөлімінің бастығы"],
        "Директор",
    ),
]
RU_CASES = [
    # commas and "и", each name in the instrumental; the order's author in the genitive
    (
        SARYARKA_LAWYER_RU,
        ["Директор", "Начальник юридического отдела", "Начальник отдела кадров"],
        "Директор",
    ),
    # no clause of its own: the approval's "после согласования с …", an adjective in the title
    (
        SARYARKA_LAWYER_RU_AFTER,
        ["Главный бухгалтер", "Начальник отдела кадров"],
        "Директор",
    ),
]
IDS = ["commas-and-zhane", "kelisiluge-tiis", "kelisim-in-approval", "men", "mynalarmen"]
RU_IDS = ["ru-commas-and-i", "ru-after-agreement"]
LEADS = ("осы", "нұсқаулық", "лауазымдық", "ереже", "настоящ", "инструкц")


def _import(project, dlo, tmp_path, text: str):
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    result = dlo("import", source, "--id", "got", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "got"), result.err


def _sheet_rows(project, dlo, lang: str) -> list[list[str]]:
    out = project / "out"
    sheet = dlo("sheet", "agreement", "got", "--draft", "--out", out, cwd=project)
    assert sheet.code == 0, sheet.out + sheet.err
    data = (out / f"got.{lang}.draft.agreement.docx").read_bytes()
    title = labels.labels(lang, project / "templates")["sheet"]["agreement"]["title"]
    return table_rows(parts(data)["word/document.xml"], title)[1:]


@pytest.mark.parametrize(
    ("text", "approvers", "by", "lang"),
    [(*case, "kk") for case in CASES] + [(*case, "ru") for case in RU_CASES],
    ids=IDS + RU_IDS,
)
def test_each_official_the_sentence_names_is_an_approver(
    project, dlo, tmp_path, text, approvers, by, lang
):
    model, err = _import(project, dlo, tmp_path, text)
    registry = Project(project).load([]).registry
    titles = [registry.position(i).title[lang] for i in model.agreement.approvers]
    assert titles == approvers, err
    assert registry.position(model.approval.by).title[lang] == by
    assert model.organisation != registry.organisation.id  # another organisation's
    proposed = [registry.position(i).title[lang] for i in registry.positions_of(model.organisation)]
    assert not [t for t in proposed if t.lower().startswith(LEADS)], proposed
    said = f"agreement.approvers proposed from the text: {', '.join(approvers)}"
    assert said in err
    check = dlo("check", "regulations/got/regulation.yaml", cwd=project)
    assert "DLO101" not in check.out, check.out
    stating = {c.states for _, _, c in model.clauses()}
    assert "approval" in stating
    rows = _sheet_rows(project, dlo, lang)
    assert [(r[0], r[1]) for r in rows] == [(str(n), t) for n, t in enumerate(approvers, 1)]


LISTED = [
    (
        "Осы Ереже бас бухгалтер, заңгер және кадр бөлімінің басшысымен келісіледі.",
        ["Бас бухгалтер", "Заңгер", "Кадр бөлімінің басшысы"],
    ),
    (
        "Осы лауазымдық нұсқаулықты академиялық мәселелер жөніндегі проректор мен персоналды "
        "басқару бөлімінің бастығы келіседі",
        ["Академиялық мәселелер жөніндегі проректор", "Персоналды басқару бөлімінің бастығы"],
    ),
    # an instrumental that names no one: the manner, not an official
    (
        "Осы Ереже белгіленген тәртіппен директордың орынбасарымен келісіледі.",
        ["Директордың орынбасары"],
    ),
    # the organisation's name dropped, and with it the head's possessive
    (
        "Нұсқаулық «Сарыарқа Құрылыс» жауапкершілігі шектеулі серіктестігінің директорымен және "
        "бас бухгалтерімен келісіледі.",
        ["Директор", "Бас бухгалтер"],
    ),
]


@pytest.mark.parametrize(("text", "titles"), LISTED)
def test_a_kazakh_list_of_officials_is_split_where_it_joins_names(text, titles):
    assert [title for title, _ in named_titles.listed(text)] == titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Осы лауазымдық нұсқаулық директордың бұйрығымен бекітіледі.", "Директор"),
        ("Осы Ереже «Алтын Дән» ЖШС директорының бұйрығымен бекітіледі.", "Директор"),
        ("Осы Ереже Басқарма Төрағасымен бекітіледі.", "Басқарма Төрағасы"),
        (
            "Нұсқаулық мекеме басшысының 2024 жылғы 5 қаңтардағы № 3 бұйрығымен бекітіледі.",
            "Мекеме басшысы",
        ),
    ],
)
def test_the_kazakh_approval_names_whose_order_approves_it(text, title):
    assert named_titles.approving(text) == title
