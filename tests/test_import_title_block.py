"""The source's own approval block ("УТВЕРЖДЕНА приказом … от … № …", "БЕКІТІЛДІ", "… бұйрығымен
бекітілген", "УТВЕРЖДАЮ") read by ``dlo import``: its form, act, issuer, number and date go into
the report (DLO507, with the ``dlo register-paper`` command that records it), the regulation's
header comment and ``approval.form``; its lines are neither the title nor body text.

The real sources of ``../shared/corpus/`` carry only a title line; the blocks below are put
before their text as the offices that publish such regulations write them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import REPO
from docx import Document
from test_import_corpus import BODY_STYLES, CORPUS, SOURCES, bare, parts
from test_import_support import load_model

from dlo_docs.importer import doc_code, title_block
from dlo_docs.importer.source import Line

RU_ORDER = [
    "УТВЕРЖДЕНА",
    "приказом Председателя Правления",
    "АО «Университет КАЗГЮУ имени М.С. Нарикбаева»",
    "от 15.03.2024 г. № 112-п",
]
KK_RESOLUTION = [
    "Жамбыл облысы әкімдігінің",
    "2023 жылғы 12 қаңтардағы",
    "№ 5 қаулысымен",
    "бекітілген",
]
RU_RESOLUTION = [
    "Утверждено постановлением акимата Жамбылской области от «12» января 2023 года № 5"
]


def lines(*texts: str) -> list[Line]:
    return [Line(t, n) for n, t in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("page", "want", "title"),
    [
        (
            [*RU_ORDER, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"],
            (
                "order",
                "приказ",
                "Председателя Правления АО «Университет КАЗГЮУ имени М.С. Нарикбаева»",
                "112-п",
                dt.date(2024, 3, 15),
            ),
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"],
        ),
        (
            [*RU_RESOLUTION, "Положение о управлении"],
            ("order", "постановление", "акимата Жамбылской области", "5", dt.date(2023, 1, 12)),
            ["Положение о управлении"],
        ),
        (
            [*KK_RESOLUTION, "Басқарма туралы ереже"],
            ("order", "қаулы", "Жамбыл облысы әкімдігінің", "5", dt.date(2023, 1, 12)),
            ["Басқарма туралы ереже"],
        ),
        (
            [
                "БЕКІТІЛДІ",
                "Басқарма Төрағасы – Ректордың",
                "2024 жылғы «15» наурыздағы",
                "№ 112 бұйрығымен",
                "Лауазымдық нұсқаулық",
            ],
            ("order", "бұйрық", "Басқарма Төрағасы – Ректордың", "112", dt.date(2024, 3, 15)),
            ["Лауазымдық нұсқаулық"],
        ),
        (
            [
                "УТВЕРЖДАЮ",
                "Председатель Правления – Ректор",
                "____________ А. Б. Иванов",
                "«20» мая 2024 г.",
                "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ",
            ],
            ("signature", None, "Председатель Правления – Ректор", None, dt.date(2024, 5, 20)),
            ["ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"],
        ),
        (
            ["Приложение к приказу Ректора", "от 01.09.2022 № 301", "Инструкция по охране труда"],
            ("order", "приказ", "Ректора", "301", dt.date(2022, 9, 1)),
            ["Инструкция по охране труда"],
        ),
        (  # signed, no date line: the block ends at the signature, the title's lines stay
            ["Бекітемін", "Ректор", "__________ Иванов И.И.", "Кадрлар бөлімі туралы", "ереже"],
            ("signature", None, "Ректор", None, None),
            ["Кадрлар бөлімі туралы", "ереже"],
        ),
        (  # a date to fill in is the block's
            [
                "УТВЕРЖДАЮ",
                "Ректор",
                "_____ Иванов И.И.",
                "«___» __________ 20__ г.",
                "ОТДЕЛ КАДРОВ",
            ],
            ("signature", None, "Ректор", None, None),
            ["ОТДЕЛ КАДРОВ"],
        ),
        (  # a code under the signature is no date: not the block's
            ["УТВЕРЖДАЮ", "Ректор", "_____ Иванов И.И.", "ПП 07-2024", "ПОЛОЖЕНИЕ"],
            ("signature", None, "Ректор", None, None),
            ["ПП 07-2024", "ПОЛОЖЕНИЕ"],
        ),
        (
            ["БЕКІТЕМІН", "Ректор", "_____ Иванов И.И.", "20.05.2024", "ЕРЕЖЕ"],
            ("signature", None, "Ректор", None, dt.date(2024, 5, 20)),
            ["ЕРЕЖЕ"],
        ),
        (  # the name typed with no line to sign on ends the block too: the title stays whole
            ["БЕКІТЕМІН", "Ректор", "І. Есенберлин", "Кадр бөлімі туралы", "ЕРЕЖЕ"],
            ("signature", None, "Ректор І. Есенберлин", None, None),
            ["Кадр бөлімі туралы", "ЕРЕЖЕ"],
        ),
        (  # the surname first, the initials after
            ["УТВЕРЖДАЮ", "Ректор", "Ахметов Д.Е.", "Положение об отделе кадров"],
            ("signature", None, "Ректор Ахметов Д.Е.", None, None),
            ["Положение об отделе кадров"],
        ),
        (  # a title's line opening with a year is no date of the signature
            ["БЕКІТЕМІН", "Ректор", "Д.Е. Ахметов", "2025 жылға арналған", "қабылдау ережесі"],
            ("signature", None, "Ректор Д.Е. Ахметов", None, None),
            ["2025 жылға арналған", "қабылдау ережесі"],
        ),
        (  # a name and then the date: the date is the block's
            ["УТВЕРЖДАЮ", "Ректор", "Д. Е. Ахметов", "«20» мая 2024 г.", "ПОЛОЖЕНИЕ"],
            ("signature", None, "Ректор Д. Е. Ахметов", None, dt.date(2024, 5, 20)),
            ["ПОЛОЖЕНИЕ"],
        ),
        (  # a Kazakh block on one line under the title: the title's lines are not the block's
            [
                "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ",
                "Қашықтықтан оқыту бөлімінің бастығы",
                "Академиялық мәселелер жөніндегі проректордың 2024 жылғы «2» қыркүйектегі № 112 "
                "бұйрығымен бекітілген",
            ],
            (
                "order",
                "бұйрық",
                "Академиялық мәселелер жөніндегі проректордың",
                "112",
                dt.date(2024, 9, 2),
            ),
            ["ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ", "Қашықтықтан оқыту бөлімінің бастығы"],
        ),
    ],
    ids=[
        "ru-order",
        "ru-resolution-one-line",
        "kk-resolution",
        "kk-order",
        "signed",
        "annex",
        "signed-undated",
        "signed-date-to-fill",
        "signed-code-under",
        "signed-digits-date",
        "signed-name-only",
        "signed-surname-first",
        "signed-name-year-title",
        "signed-name-then-date",
        "kk-order-one-line-under-the-title",
    ],
)
def test_the_forms_of_an_approval_block(page, want, title):
    block = title_block.read(lines(*page))
    assert block is not None
    assert (block.form, block.act, block.authority, block.number, block.date) == want
    page_lines = lines(*page)
    block = title_block.read(page_lines)
    assert [line.text for line in title_block.rest(page_lines, block)] == title


@pytest.mark.parametrize(
    "page",
    [
        # the corpus's own title lines: a title, no approval
        [
            "«Жамбыл облысы әкімдігінің жолаушылар көлігі және автомобиль жолдары басқармасы» "
            "коммуналдық мемлекеттік мекемесі туралы ереже"
        ],
        [
            "Положение Коммунального государственного учреждения «Управления пассажирского "
            "транспорта и автомобильных дорог акимата Жамбылской области»"
        ],
        # a title that speaks of approval is not an approval block
        ["Положение об утверждении учебных планов"],
        ["Оқу жоспарларын бекіту тәртібі туралы ереже"],
        [],
    ],
)
def test_a_title_without_an_approval_block_has_none(page):
    assert title_block.read(lines(*page)) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("от 30.02.2024 № 5", None),  # no such day: no date rather than a wrong one
        ("от «31» апреля 2024 г.", None),
        ("2024 жылғы 31 сәуірдегі № 5", None),
        ("№ 5 от 01.02.2024, изм. 03.04.2025", dt.date(2024, 2, 1)),  # the first date
        # under БЕКІТЕМІН the month is often written without the locative ending
        ("2024 жылғы «12» наурыз", dt.date(2024, 3, 12)),
        ("2024 жылғы «12» наурыздағы", dt.date(2024, 3, 12)),
        ("«12» наурыз 2024 ж.", dt.date(2024, 3, 12)),
    ],
)
def test_dates_as_offices_write_them(text, day):
    assert title_block.read_date(text) == day


def _with_block(tmp_path: Path, stem: str, block: list[str]) -> Path:
    source = tmp_path / f"{stem}.txt"
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    source.write_text("\n".join(block) + "\n" + text, encoding="utf-8")
    return source


BLOCKS = {
    "mnu-research-assistant.ru": (RU_ORDER, "112-п", "2024-03-15"),
    "jambyl-uptad-ereje.kk": (KK_RESOLUTION, "5", "2023-01-12"),
    "jambyl-uptad-polozhenie.ru": (RU_RESOLUTION, "5", "2023-01-12"),
}
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")


@needs_corpus
@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_a_corpus_source_with_an_approval_block(project, dlo, tmp_path, source):
    block, number, day = BLOCKS[source.stem]
    path = _with_block(tmp_path, source.stem, block)
    result = dlo("import", path, "--id", "corpus", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    # the report says what the block says, and how to record it as an approval on paper
    assert "DLO507" in result.err
    assert f"dlo register-paper corpus --order {number} --date {day}" in result.err
    model = load_model(project, "corpus")
    title, _, _ = parts(source)
    if title:
        assert model.title == {source.lang: title[0]}  # the title, not a line of the block
    else:  # no title line: the position's title, as without a block
        assert model.title == {source.lang: "Research Assistant (Ассистент исследователя)"}
    assert model.approval.form == "order"
    header = (project / "regulations" / "corpus" / "regulation.yaml").read_text(encoding="utf-8")
    assert f"# The source's title page says: {' '.join(block)}" in header
    # the block is not body text
    render = dlo("render", "corpus", "--format", "docx", "--draft", cwd=project)
    assert render.code == 0, render.err
    docx = project / "build" / f"corpus.{source.lang}.draft.docx"
    body = {bare(p.text) for p in Document(str(docx)).paragraphs if p.style.name in BODY_STYLES}
    assert not {bare(line) for line in block} & body


@needs_corpus
def test_the_block_becomes_an_approval_on_paper_with_the_command_it_names(project, dlo, tmp_path):
    """The report's command, run as printed, puts the edition in force by that order."""
    path = _with_block(tmp_path, "jambyl-uptad-ereje.kk", KK_RESOLUTION)
    args = ("--id", "corpus", "--code", "БЕ 01-2023", "--update-registry")
    result = dlo("import", path, *args, cwd=project)
    assert result.code == 0, result.err
    command = result.err.split("record this one with dlo ", 1)[1].split(")")[0].split()
    assert "қаулы, issued by Жамбыл облысы әкімдігінің, № 5 of 2023-01-12" in result.err
    assert command == ["register-paper", "corpus", "--order", "5", "--date", "2023-01-12"]
    registered = dlo(*command, cwd=project)
    assert registered.code == 0, registered.err
    status = dlo("status", "corpus", cwd=project)
    assert "order № 5 of 2023-01-12" in status.out


@needs_corpus
@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_no_block_no_approval_invented(project, dlo, source):
    result = dlo(
        "import", CORPUS / f"{source.stem}.txt", "--id", "corpus", "--update-registry", cwd=project
    )
    assert result.code == 0, result.err
    assert "DLO507" not in result.err
    header = (project / "regulations" / "corpus" / "regulation.yaml").read_text(encoding="utf-8")
    assert "title page says" not in header
    model = load_model(project, "corpus")
    stated = {c.states: c for _, _, c in model.clauses() if c.states}
    if source.stem.startswith("mnu"):
        # "Должностная инструкция утверждается Председателем Правления MNU": no order named
        assert model.approval.form == "signature"
        assert "approval.form set to signature" in result.err
    else:
        # "the structure and staff limit are approved by law" does not state the document's
        # approval: no clause is marked as stating it, so dlo check does not hold it to one
        assert "approval" not in stated and model.approval.form == "order"


@needs_corpus
def test_a_signed_block_sets_the_form_even_when_a_clause_names_only_the_official(
    project, dlo, tmp_path
):
    block = [
        "УТВЕРЖДАЮ",
        "Председатель Правления MNU",
        "____________ Ф. И. Фамилия",
        "«20» мая 2024 г.",
    ]
    path = _with_block(tmp_path, "mnu-research-assistant.ru", block)
    args = ("--id", "corpus", "--code", "ДИ 12-2024", "--update-registry")
    result = dlo("import", path, *args, cwd=project)
    assert result.code == 0, result.err
    assert "approval.form: signature" in result.err
    assert "signed by Председатель Правления MNU on 2024-05-20" in result.err
    # a signature has no order: the command proposed records the official's signature
    assert "--order" not in result.err
    command = result.err.split("record this one with dlo ", 1)[1].split(")")[0].split()
    assert command == ["register-paper", "corpus", "--date", "2024-05-20"]
    assert load_model(project, "corpus").approval.form == "signature"
    check = dlo("check", "regulations/corpus/regulation.yaml", cwd=project)
    assert "DLO101" not in check.out
    registered = dlo(*command, cwd=project)
    assert registered.code == 0, registered.err
    status = dlo("status", "corpus", cwd=project)
    assert "approved by signature on 2024-05-20" in status.out


def test_the_block_of_an_own_rendered_docx_is_not_read(project, dlo):
    """A DOCX rendered by dlo carries its approval in the journal, not in a block to read."""
    shutil.rmtree(project / "build", ignore_errors=True)
    assert dlo("render", "dlo-head", "--format", "docx", "--lang", "kk", cwd=project).code == 0
    result = dlo(
        "import", project / "build" / "dlo-head.kk.draft.docx", "--id", "again", cwd=project
    )
    assert result.code == 0, result.err
    assert "DLO507" not in result.err
    assert load_model(project, "again").approval == load_model(REPO, "dlo-head").approval


def _seed_without_approval_clause(tmp_path: Path, block: list[str]) -> Path:
    """The seed's text, its clause 19 (who approves it) replaced, under ``block``."""
    seed = (REPO / "tests" / "fixtures" / "seed" / "job-instruction-dlo-head.kk.txt").read_text(
        encoding="utf-8"
    )
    lines = [
        "19. Лауазымдық нұсқаулықтың түпнұсқасы бөлімде сақталады."
        if line.startswith("19. ")
        else line
        for line in seed.splitlines()
    ]
    path = tmp_path / "dlo-head.kk.txt"
    path.write_text("\n".join([*block, *lines]) + "\n", encoding="utf-8")
    return path


def test_the_official_the_block_names_approves_when_no_clause_says(project, dlo, tmp_path):
    block = [
        "БЕКІТІЛДІ",
        "Академиялық мәселелер жөніндегі проректордың",
        "2024 жылғы «15» наурыздағы",
        "№ 112 бұйрығымен",
    ]
    path = _seed_without_approval_clause(tmp_path, block)
    result = dlo("import", path, "--id", "again", cwd=project)
    assert result.code == 0, result.err
    assert "approval.by set to vp-academic, whom the source's approval block names" in result.err
    model = load_model(project, "again")
    assert (model.approval.by, model.approval.form) == ("vp-academic", "order")


def test_an_official_the_registry_does_not_know_is_not_guessed(project, dlo, tmp_path):
    block = ["БЕКІТІЛДІ", "Бас бухгалтердің", "2024 жылғы «15» наурыздағы", "№ 112 бұйрығымен"]
    path = _seed_without_approval_clause(tmp_path, block)
    result = dlo("import", path, "--id", "again", cwd=project)
    assert result.code == 0, result.err
    assert "approval block names" not in result.err
    assert "no clause names who approves; approval.by set to rector" in result.err
    assert "Бас бухгалтердің" in result.err  # the block itself is still reported (DLO507)


@needs_corpus
def test_a_block_styled_as_a_heading_is_no_chapter(project, dlo, tmp_path):
    """An office DOCX sets "УТВЕРЖДЕНА:" as Heading 1: still the approval block, not chapter 1
    (the counts are the source's), and its lines are not body text."""
    doc = Document()
    doc.add_heading("УТВЕРЖДЕНА:", 1)
    for line in RU_ORDER[1:]:
        doc.add_paragraph(line)
    source = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")
    _, body, _ = parts(source)
    for line in body:  # the chapters as headings, the rest as plain paragraphs
        if re.match(r"^\d+\. \w", line) and not re.match(r"^\d+\.\d", line) and len(line) < 60:
            doc.add_heading(line, 1)
        else:
            doc.add_paragraph(line)
    path = tmp_path / "office.docx"
    doc.save(str(path))
    result = dlo("import", path, "--id", "corpus", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    assert "DLO507" in result.err and "№ 112-п of 2024-03-15" in result.err
    model = load_model(project, "corpus")
    assert len(model.chapters) == source.chapters
    assert sum(1 for _ in model.clauses()) == source.clauses
    assert model.chapters[0].title == "Область применения"


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("26.11.2026 ж. № 12 бұйрығымен", "none", None),  # an order's date, not item 26.11.2026
        ("03.06.2024 ж. № 45-НҚ бұйрығымен", "none", None),
        ("1.2.3 Мониторинг жүргізеді;", "item", "1.2.3"),
        ("1.2.3. Мониторинг жүргізеді;", "item", "1.2.3"),
        ("31.02.2024 нет такой даты", "item", "31.02.2024"),  # no date: numbered as written
        ("12. Бөлім бастығы", "clause", "12"),
        ("31.06.2024 ж. № 45 бұйрығымен", "none", None),  # a typo in the date, then "ж."
        ("03.06.24 г. № 45", "none", None),  # a two-digit year, then "г."
        ("1.2.11. Жыл сайын штаттық кестенің жобасын әзірлейді.", "item", "1.2.11"),
        ("3.1.11. Год обучения", "item", "3.1.11"),
        ("1.1.10 жыл сайын", "item", "1.1.10"),
        ("1.2.10 г. Лисаковск;", "item", "1.2.10"),  # "г." for город: a sub-item
        ("1.2.12 жылғы жоспарды орындайды.", "item", "1.2.12"),
    ],
)
def test_a_line_opening_with_a_date_is_not_numbered(text, kind, number):
    from dlo_docs.importer.classify import classify

    cand = classify(Line(text, 1))
    assert (cand.kind, cand.number) == (kind, number)


KK_BODY = (
    "1 тарау. Жалпы ережелер\n"
    "1. Осы Ереже қашықтықтан оқыту бөлімінің мәртебесін айқындайды.\n"
    "2. Қашықтықтан оқыту бөлімі институт директорына бағынады.\n"
)
RU_BODY = (
    "Глава 1. Общие положения\n"
    "1. Настоящее Положение определяет статус отдела дистанционного обучения.\n"
    "2. Отдел дистанционного обучения подчиняется директору института.\n"
)


def _imported(project, dlo, tmp_path, text: str, *args: str):
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    result = dlo("import", source, "--id", "got", *args, cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "got"), result.err


@pytest.mark.parametrize(
    ("page", "lang", "title"),
    [
        (  # the kind over what it is about, which names the kind in passing
            "ПОЛОЖЕНИЕ\nо порядке разработки положений о подразделениях\n" + RU_BODY,
            "ru",
            "Положение о порядке разработки положений о подразделениях",
        ),
        (  # Kazakh: what about, then the kind, then a code line that opens with the kind
            "Қашықтықтан оқыту бөлімі туралы\nЕРЕЖЕ\nЕреже коды: БЕ ҮББИ 02-2024\n" + KK_BODY,
            "kk",
            "Қашықтықтан оқыту бөлімі туралы ереже",
        ),
        (  # the kind over its whole title, which ends with a code
            "ПОЛОЖЕНИЕ\nПоложение об отделе дистанционного обучения, ПП 01-2024\n" + RU_BODY,
            "ru",
            "Положение об отделе дистанционного обучения, ПП 01-2024",
        ),
        (
            "ПОЛОЖЕНИЕ\nПоложение об отделе дистанционного обучения\n" + RU_BODY,
            "ru",
            "Положение об отделе дистанционного обучения",
        ),
        (  # Kazakh: the kind last in the title, a code in brackets after it (the code's own)
            "ЕРЕЖЕ\nҚашықтықтан оқыту бөлімі туралы ереже (БЕ 01-2024)\n" + KK_BODY,
            "kk",
            "Қашықтықтан оқыту бөлімі туралы ереже",
        ),
        (  # a whole title over a line that opens with the kind: the title is the first
            "Положение об отделе дистанционного обучения\nПоложение введено впервые\n" + RU_BODY,
            "ru",
            "Положение об отделе дистанционного обучения",
        ),
        (  # a whole title over its code's labelled line, which names the kind
            "Қашықтықтан оқыту бөлімі туралы ереже\nЕреже коды: БЕ ҮББИ 02-2024\n" + KK_BODY,
            "kk",
            "Қашықтықтан оқыту бөлімі туралы ереже",
        ),
        (  # a title naming a code ("Әдеп коды") over the code alone
            "Әдеп коды туралы ереже\nБЕ 02-2024\n" + KK_BODY,
            "kk",
            "Әдеп коды туралы ереже",
        ),
    ],
)
def test_a_title_page_names_its_title_whatever_names_the_kind_in_passing(
    project, dlo, tmp_path, page, lang, title
):
    model, _ = _imported(project, dlo, tmp_path, page, "--lang", lang)
    assert model.title[lang] == title


@pytest.mark.parametrize(
    "written",
    [
        "02–2024",
        "02 - 2024",
        "02\u22122024",
        "02\u20122024",
        "02\u2011\u00ad2024",
        "02-\u00ad2024",
        "02-2024 – 2-басылым",  # a spaced dash then what is not the code's
        "02-2024 - 03.06.2024 ж.",
    ],
    ids=[
        "en-dash",
        "spaced",
        "minus",
        "figure-dash",
        "nb-and-soft",
        "soft",
        "then-edition",
        "then-date",
    ],
)
def test_a_code_is_read_whatever_dash_the_title_page_writes(project, dlo, tmp_path, written):
    page = f"Қашықтықтан оқыту бөлімі туралы ереже\nКоды: БЕ ҮББИ {written}\n" + KK_BODY
    model, err = _imported(project, dlo, tmp_path, page, "--lang", "kk")
    assert model.code == "БЕ ҮББИ 02-2024" and "no document code" not in err


@pytest.mark.parametrize("date", ["31.06.2024", "03.06.24"], ids=["no-such-day", "short-year"])
def test_an_approval_blocks_date_line_is_no_item_even_when_the_date_is_odd(
    project, dlo, tmp_path, date
):
    """A typo or a two-digit year in the order's date: the line is still the block's, not item
    "31.06.2024" taking the title page into an invented chapter."""
    page = (
        f"БЕКІТІЛДІ\nБасқарма Төрағасы – Ректордың\n{date} ж. № 45 бұйрығымен\n"
        "Қашықтықтан оқыту бөлімі туралы ереже\nКоды: БЕ ҮББИ 02-2024\n" + KK_BODY
    )
    model, err = _imported(project, dlo, tmp_path, page, "--lang", "kk")
    assert model.title["kk"] == "Қашықтықтан оқыту бөлімі туралы ереже"
    assert model.code == "БЕ ҮББИ 02-2024" and len(model.chapters) == 1
    assert "№ 45" in err and "DLO504" not in err


def test_a_kazakh_title_in_the_genitive_over_the_kind_is_one_title(project, dlo, tmp_path):
    page = "Қашықтықтан оқыту бөлімі бастығының\nЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ\nЛН ҮББИ 01-2024\n"
    args = ("--lang", "kk", "--kind", "job_instruction", "--position", "dlo-head")
    model, _ = _imported(project, dlo, tmp_path, page + KK_BODY, *args)
    assert model.title["kk"] == "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы"
    assert model.code == "ЛН ҮББИ 01-2024"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("ПП 12/2024", "ПП 12/2024"),
        ("Код: ПП 01/02-2024", "ПП 01/02-2024"),
        ("П-15-2024", "П-15-2024"),
        ("Код ПП-2024: П 15-2024", "П 15-2024"),  # a labelled line's code is after its colon
    ],
    ids=["slash", "slash-and-dash", "letters-dash", "after-the-label"],
)
def test_a_code_written_with_a_slash_or_a_dash_after_its_letters_is_read_whole(
    project, dlo, tmp_path, line, code
):
    page = f"Положение об отделе дистанционного обучения\n{line}\n" + RU_BODY
    model, err = _imported(project, dlo, tmp_path, page, "--lang", "ru")
    assert model.code == code and "no document code" not in err
    assert model.title["ru"] == "Положение об отделе дистанционного обучения"


@pytest.mark.parametrize(
    ("page", "lang", "kind", "title"),
    [
        (  # the code's labelled line between the kind and whose instruction it is
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nКод: ДИ 12/2024\nначальника отдела дистанционного обучения\n",
            "ru",
            "job_instruction",
            "Должностная инструкция начальника отдела дистанционного обучения",
        ),
        (  # a unit whose name holds "ереже" inside a word is no unit regulation
            "Отдел энергосбережения\nДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nинженера по энергосбережению\n",
            "ru",
            "job_instruction",
            "Должностная инструкция инженера по энергосбережению",
        ),
        (
            "ПОЛОЖЕНИЕ\nоб отделе энергосбережения\n",
            "ru",
            "unit_regulation",
            "Положение об отделе энергосбережения",
        ),
        (  # the plural ("ережелерін") is what the regulation is about, not its kind
            "Бөлімшелердің ережелерін әзірлеу тәртібі туралы\nЕРЕЖЕ\nБЕ 02-2024\n",
            "kk",
            "unit_regulation",
            "Бөлімшелердің ережелерін әзірлеу тәртібі туралы ереже",
        ),
        (  # the code in brackets after the title is the regulation's code, printed apart
            "Должностная инструкция начальника отдела дистанционного обучения (ДИ 07-2024)\n",
            "ru",
            "job_instruction",
            "Должностная инструкция начальника отдела дистанционного обучения",
        ),
    ],
    ids=["code-between", "energo-ji", "energo-ur", "kk-plural", "code-in-brackets"],
)
def test_a_title_page_s_kind_and_title_are_read_from_the_words_that_name_them(
    project, dlo, tmp_path, page, lang, kind, title
):
    body = RU_BODY if lang == "ru" else KK_BODY
    args = ("--position", "dlo-head") if kind == "job_instruction" else ("--unit", "dlo")
    model, err = _imported(project, dlo, tmp_path, page + body, "--lang", lang, *args)
    assert model.kind == kind and model.title[lang] == title, err


REGISTRY_TITLE = {
    ("job_instruction", "ru"): "Начальник отдела дистанционного обучения",
    ("unit_regulation", "ru"): "Отдел дистанционного обучения",
    ("unit_regulation", "kk"): "Қашықтықтан оқыту бөлімі",
    ("job_instruction", "kk"): "Қашықтықтан оқыту бөлімінің бастығы",
}


@pytest.mark.parametrize(
    ("page", "lang", "kind", "title"),
    [
        (  # a place and year under the code's line is no part of the title
            "Должностная инструкция\nДИ 12/2024\nКостанай, 2024\n",
            "ru",
            "job_instruction",
            None,
        ),
        ("Ереже\nБЕ 01-2024\nВведена впервые\n", "kk", "unit_regulation", None),
        ("Ереже\nБЕ 01-2024\nРедакция 2\n", "kk", "unit_regulation", None),
        ("Ереже\nБЕ 01-2024\nКөшірме № 2\n", "kk", "unit_regulation", None),
        ("Ереже\nБЕ 01-2024\nҚостанай қаласы, 2024 жыл\n", "kk", "unit_regulation", None),
        ("ПОЛОЖЕНИЕ\nПП 01-2024\nг. Костанай, 2024 г.\n", "ru", "unit_regulation", None),
        (  # what goes on with the title is still taken into it
            "ПОЛОЖЕНИЕ\nПП 01-2024\nоб отделе дистанционного обучения\n",
            "ru",
            "unit_regulation",
            "Положение об отделе дистанционного обучения",
        ),
        (  # whose, in the genitive, however set
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024\nНАЧАЛЬНИКА ОТДЕЛА ДИСТАНЦИОННОГО ОБУЧЕНИЯ\n",
            "ru",
            "job_instruction",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ НАЧАЛЬНИКА ОТДЕЛА ДИСТАНЦИОННОГО ОБУЧЕНИЯ",  # one case
        ),
        (
            "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ\nЛН 01-2024\nҚашықтықтан оқыту бөлімі бастығының\n",
            "kk",
            "job_instruction",
            "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы",
        ),
    ],
    ids=[
        "ru-place-year",
        "kk-first",
        "kk-edition",
        "kk-copy",
        "kk-place-year",
        "ru-town",
        "ru-about",
        "ru-caps-genitive",
        "kk-genitive",
    ],
)
def test_under_the_kind_and_its_code_only_the_title_s_continuation_joins_it(
    project, dlo, tmp_path, page, lang, kind, title
):
    """Else the title is the position's or unit's from the registry, reported (DLO511)."""
    body = RU_BODY if lang == "ru" else KK_BODY
    args = ("--position", "dlo-head") if kind == "job_instruction" else ("--unit", "dlo")
    model, err = _imported(project, dlo, tmp_path, page + body, "--lang", lang, *args)
    if title is None:  # the registry's title of the position or unit, as before
        assert model.title[lang] == REGISTRY_TITLE[kind, lang] and "the source has no title" in err
    else:
        assert model.title[lang] == title and "the source has no title" not in err


@pytest.mark.parametrize(
    ("page", "code", "title"),
    [
        (  # an order cited above the title, the code under it
            "Приказ № П-45 от 03.06.2024\nПоложение об отделе дистанционного обучения\n"
            "ПП 07-2024\n",
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (
            "Положение об отделе дистанционного обучения\nИзменения согласно П-1 и Е-10\n",
            None,
            "Положение об отделе дистанционного обучения",
        ),
        (
            "Положение об отделе дистанционного обучения\nДП 1/2 от 01.02.2024\n",
            None,
            "Положение об отделе дистанционного обучения",
        ),
        (  # a code in running text is no code; the code in brackets is, and leaves the title
            "Положение о порядке применения П-15 (ПП 02-2024)\n",
            "ПП 02-2024",
            "Положение о порядке применения П-15",
        ),
        (
            "Положение об отделе дистанционного обучения участка П-12\n",
            None,
            "Положение об отделе дистанционного обучения участка П-12",
        ),
        (  # a bracketed code that is not the document's stays in the title
            "Положение об отделе дистанционного обучения (П-12)\n",
            None,
            "Положение об отделе дистанционного обучения (П-12)",
        ),
        (  # the letters-dash form on a labelled line is the code
            "Положение об отделе дистанционного обучения\nШифр: П-15-2024\n",
            "П-15-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (  # cited by the line above it, the order's code with its date
            "Введено в действие приказом ректора\nПП 01-2024 от 01.02.2024\n"
            "Положение об отделе дистанционного обучения\nПП 07-2024\n",
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (
            "Приложение 1 к приказу ректора\nПП 01-2024 от 01.02.2024\n"
            "Положение об отделе дистанционного обучения\nПП 07-2024\n",
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (  # codes cited listed with ";"
            "Изменения согласно ПП 01-2024; ПП 02-2024\nПоложение об отделе дистанционного обучения\n",
            None,
            "Положение об отделе дистанционного обучения",
        ),
        (  # a registration's "№" at the end of the line above labels the code: the document's
            "Рег. №\nПП 07-2024\nПоложение об отделе дистанционного обучения\n",
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
    ],
    ids=[
        "order-above",
        "according-to",
        "dated",
        "in-title",
        "in-running",
        "bracketed",
        "cipher",
        "enacting-order-on-the-line-above",
        "annex-to-an-order-on-the-line-above",
        "cited-list-by-semicolons",
        "registration-label-above",
    ],
)
def test_a_code_the_title_page_cites_is_not_the_document_s(
    project, dlo, tmp_path, page, code, title
):
    model, err = _imported(project, dlo, tmp_path, page + RU_BODY, "--lang", "ru")
    if code is None:
        assert model.code == "[[ПП ?]]" and "no document code" in err
    else:
        assert model.code == code and "no document code" not in err
    assert model.title["ru"] == title


@pytest.mark.parametrize(
    ("page", "title", "code"),
    [
        (
            "Қашықтықтан оқыту бөлімінің ережелері\n",
            "Қашықтықтан оқыту бөлімінің ережелері",
            "[[БЕ ?]]",
        ),
        (
            "Қашықтықтан оқыту бөлімінің ЕРЕЖЕЛЕРІ (БЕ 01-2024)\n",
            "Қашықтықтан оқыту бөлімінің ережелері",
            "БЕ 01-2024",
        ),
        (
            "Қашықтықтан оқыту бөлімінің\nЕРЕЖЕЛЕРІ\n",
            "Қашықтықтан оқыту бөлімінің ережелері",
            "[[БЕ ?]]",
        ),
    ],
    ids=["one-line", "caps-and-code", "two-lines"],
)
def test_the_kazakh_plural_ending_the_title_is_its_kind(project, dlo, tmp_path, page, title, code):
    model, err = _imported(project, dlo, tmp_path, page + KK_BODY, "--lang", "kk")
    assert model.kind == "unit_regulation" and model.title["kk"] == title, err
    assert model.code == code and "the source has no title" not in err


@pytest.mark.parametrize(
    ("page", "lang", "args", "code", "title"),
    [
        (  # the code's own line with its date under the title
            "Положение об отделе дистанционного обучения\nПП 07-2024 от 01.09.2024\n",
            "ru",
            ("--unit", "dlo"),
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nначальника отдела дистанционного обучения\n"
            "ДИ 07-2024 от 15.03.2024 г.\n",
            "ru",
            ("--position", "dlo-head"),
            "ДИ 07-2024",
            "Должностная инструкция начальника отдела дистанционного обучения",
        ),
        (  # the date in words; the line is the code's, not the title's
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024 от «15» марта 2024 г.\n"
            "начальника отдела дистанционного обучения\n",
            "ru",
            ("--position", "dlo-head"),
            "ДИ 07-2024",
            "Должностная инструкция начальника отдела дистанционного обучения",
        ),
        (
            "Қашықтықтан оқыту бөлімі туралы ереже\nБЕ 07-2024 от 01.09.2024\n",
            "kk",
            ("--unit", "dlo"),
            "БЕ 07-2024",
            "Қашықтықтан оқыту бөлімі туралы ереже",
        ),
        (  # a registration's "№" labels the document's own code
            "Положение об отделе дистанционного обучения\nРег. № ПП 07-2024\n",
            "ru",
            ("--unit", "dlo"),
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nУчетный № ДИ 07-2024\n"
            "начальника отдела дистанционного обучения\n",
            "ru",
            ("--position", "dlo-head"),
            "ДИ 07-2024",
            "Должностная инструкция начальника отдела дистанционного обучения",
        ),
        (  # "приказов" inside a title cites nothing
            "Положение о порядке подготовки приказов ПП 07-2024\n",
            "ru",
            ("--unit", "dlo"),
            "ПП 07-2024",
            "Положение о порядке подготовки приказов ПП 07-2024",
        ),
        (  # only codes joined to a cited one ("," "и") are cited with it
            "Положение об отделе дистанционного обучения\nПриказ ПП 01-2024 ПП 07-2024\n",
            "ru",
            ("--unit", "dlo"),
            "ПП 07-2024",
            "Положение об отделе дистанционного обучения",
        ),
    ],
    ids=[
        "dated",
        "dated-under-the-title",
        "dated-in-words",
        "kk-dated",
        "registration-no",
        "account-no",
        "orders-in-a-title",
        "after-a-cited-one",
    ],
)
def test_a_code_s_own_line_or_label_is_no_citation(
    project, dlo, tmp_path, page, lang, args, code, title
):
    body = RU_BODY if lang == "ru" else KK_BODY
    model, err = _imported(project, dlo, tmp_path, page + body, "--lang", lang, *args)
    assert model.code == code and "no document code" not in err
    assert model.title[lang] == title


@pytest.mark.parametrize(
    ("page", "args", "code", "title"),
    [
        (  # a code in brackets ending the title is the document's, whatever its form
            "Положение об отделе дистанционного обучения (П-15-2024)\n",
            (),
            "П-15-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (
            "Должностная инструкция начальника отдела дистанционного обучения (ДИ-07-2024)\n",
            ("--position", "dlo-head"),
            "ДИ-07-2024",
            "Должностная инструкция начальника отдела дистанционного обучения",
        ),
        (  # the code the options give: the page's own code still leaves the title
            "Положение об отделе дистанционного обучения (ПП 07-2024)\n",
            ("--code", "ПП 08-2024"),
            "ПП 08-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (  # a label without its colon
            "Положение об отделе дистанционного обучения\nШифр П-15-2024\n",
            (),
            "П-15-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (
            "Положение об отделе дистанционного обучения\nШифр документа П-15-2024\n",
            (),
            "П-15-2024",
            "Положение об отделе дистанционного обучения",
        ),
        (  # words that begin with "код"/"шифр" label nothing: the line is the title
            "Положение об отделе защиты информации и шифрования (ПП 07-2024)\n",
            (),
            "ПП 07-2024",
            "Положение об отделе защиты информации и шифрования",
        ),
        (
            "Положение о комиссии по Кодексу этики (ПП 07-2024)\n",
            (),
            "ПП 07-2024",
            "Положение о комиссии по Кодексу этики",
        ),
        (
            "Положение о порядке кодировки документов (ПП 07-2024)\n",
            (),
            "ПП 07-2024",
            "Положение о порядке кодировки документов",
        ),
    ],
    ids=[
        "dash-bracketed",
        "job-dash-bracketed",
        "bracketed-and-given",
        "cipher-no-colon",
        "cipher-of-document",
        "encryption",
        "codex",
        "encoding",
    ],
)
def test_a_code_in_brackets_ending_the_title_or_after_a_word_label_is_read(
    project, dlo, tmp_path, page, args, code, title
):
    model, err = _imported(project, dlo, tmp_path, page + RU_BODY, "--lang", "ru", *args)
    assert model.code == code and "no document code" not in err
    assert model.title["ru"] == title and "the source has no title" not in err


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ("Приказ ректора ПП 01-2024\nПоложение об отделе дистанционного обучения\n", "ПП 07-2024"),
        (
            "Введено в действие приказом ректора ПП 01-2024\n"
            "Положение об отделе дистанционного обучения\n",
            "ПП 07-2024",
        ),
        ("Взамен ПП 03-2020\nПоложение об отделе дистанционного обучения\n", "ПП 07-2024"),
    ],
    ids=["order-of", "enacted-by-order", "instead-of"],
)
def test_a_code_a_few_words_after_an_order_or_instead_of_is_cited(
    project, dlo, tmp_path, page, code
):
    model, err = _imported(project, dlo, tmp_path, page + "ПП 07-2024\n" + RU_BODY, "--lang", "ru")
    assert model.code == code


def test_a_kazakh_code_before_by_order_of_is_cited(project, dlo, tmp_path):
    page = "Ректордың ПП 01-2024 бұйрығымен енгізілді\nҚашықтықтан оқыту бөлімі туралы ереже\n"
    model, _ = _imported(project, dlo, tmp_path, page + "БЕ 07-2024\n" + KK_BODY, "--lang", "kk")
    assert model.code == "БЕ 07-2024"


JOB = ("--position", "dlo-head")
UNIT = ("--unit", "dlo")


_JOINS = [
    ("Методиста", "methodist"),
    ("Специалиста", "specialist"),
    ("Инженера-программиста", "engineer"),
    ("Секретаря-референта", "secretary"),
    ("Заведующей библиотекой", "librarian"),
    ("Медицинской сестры здравпункта", "nurse"),
    ("Уборщицы служебных помещений", "cleaner"),
]
_UNIT_JOINS = [
    ("Кафедры информатики", "department"),
    ("Приёмной комиссии", "commission"),
    ("о приёмной комиссии на 2025 год", "year-in-title"),
]


@pytest.mark.parametrize(
    ("page", "lang", "args", "title"),
    [
        *(
            pytest.param(
                f"ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024\n{who}\n",
                "ru",
                JOB,
                f"Должностная инструкция {who}",
                id=name,
            )
            for who, name in _JOINS
        ),
        *(
            pytest.param(
                f"ПОЛОЖЕНИЕ\nПП 07-2024\n{what}\n", "ru", UNIT, f"Положение {what}", id=name
            )
            for what, name in _UNIT_JOINS
        ),
        pytest.param(
            "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ\nЛН 01-2024\nҚашықтықтан оқыту бөлімінің әдіскері\n",
            "kk",
            JOB,
            "Лауазымдық нұсқаулық Қашықтықтан оқыту бөлімінің әдіскері",
            id="kk-methodist",
        ),
        pytest.param(  # the kind's line with its code, the title under it
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ДИ 07-2024\nначальника отдела дистанционного обучения\n",
            "ru",
            JOB,
            "Должностная инструкция начальника отдела дистанционного обучения",
            id="kind-and-code-one-line",
        ),
        pytest.param(
            "ЕРЕЖЕ\nБЕ 01-2024\nҚашықтықтан оқыту бөлімі туралы.\n",
            "kk",
            UNIT,
            "Қашықтықтан оқыту бөлімі туралы ереже",
            id="kk-about-with-a-dot",
        ),
    ],
)
def test_under_the_kind_and_its_code_a_line_joins_the_title_unless_it_is_no_title_s(
    project, dlo, tmp_path, page, lang, args, title
):
    _assert_title(project, dlo, tmp_path, page, lang, args, title)


_NOTES = {
    ("ПОЛОЖЕНИЕ\nПП 07-2024\n", "ru", "unit_regulation"): [
        ("Издание второе", "edition"),
        ("Экземпляр № 1", "copy"),
        ("экз. № 1", "copy-short"),
        ("версия 2.0", "version"),
        ("проект", "draft"),
        ("с изменениями и дополнениями", "amended"),
        ("г.Костанай", "town"),
        ("Астана", "city"),
        ("Астана 2024", "city-year"),
    ],
    ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024\n", "ru", "job_instruction"): [
        ("Введена взамен ДИ 05-2019", "instead-of"),
        ("Введена в действие приказом ректора", "enacted"),
        ("Разработана отделом управления персоналом", "drafted-by"),
    ],
    ("ЕРЕЖЕ\nБЕ 01-2024\n", "kk", "unit_regulation"): [
        ("Алғаш рет енгізілді", "kk-first"),
        ("Бірінші басылым", "kk-edition"),
        ("Жаңа редакцияда", "kk-new-edition"),
        ("Ректордың бұйрығымен қолданысқа енгізілді", "kk-enacted"),
        ("Қостанай – 2024 ж.", "kk-city-year"),
    ],
}


@pytest.mark.parametrize(
    ("page", "lang", "kind"),
    [
        *(
            pytest.param(head + note + "\n", lang, kind, id=name)
            for (head, lang, kind), notes in _NOTES.items()
            for note, name in notes
        ),
        pytest.param(
            "ДИ 07-2024\nДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nКостанай, 2024\n",
            "ru",
            "job_instruction",
            id="code-over-the-kind",
        ),
        pytest.param(  # the kind alone, and its code
            "ЕРЕЖЕЛЕРІ (БЕ 01-2024)\n", "kk", "unit_regulation", id="kk-plural-kind-alone"
        ),
        pytest.param("Положение (ПП 07-2024)\n", "ru", "unit_regulation", id="kind-alone"),
    ],
)
def test_a_place_a_year_or_an_edition_s_note_is_no_title(project, dlo, tmp_path, page, lang, kind):
    """The title is then the position's or unit's from the registry, reported (DLO511)."""
    body = RU_BODY if lang == "ru" else KK_BODY
    args = JOB if kind == "job_instruction" else UNIT
    model, err = _imported(project, dlo, tmp_path, page + body, "--lang", lang, *args)
    assert model.title[lang] == REGISTRY_TITLE[kind, lang] and "the source has no title" in err


RU_JOB_CLAUSES = (
    "1.1. Начальник отдела дистанционного обучения назначается приказом ректора.\n"
    "1.2. Начальник отдела дистанционного обучения подчиняется директору института.\n"
)
RU_UNIT_CLAUSES = (
    "1. Настоящее Положение определяет статус отдела дистанционного обучения.\n"
    "2. Отдел дистанционного обучения подчиняется директору института.\n"
)
KK_JOB_CLAUSES = (
    "1. Қашықтықтан оқыту бөлімінің бастығы ректордың бұйрығымен тағайындалады.\n"
    "2. Қашықтықтан оқыту бөлімінің бастығы институт директорына бағынады.\n"
)
KK_UNIT_CLAUSES = (
    "1. Осы Ереже қашықтықтан оқыту бөлімінің мәртебесін айқындайды.\n"
    "2. Қашықтықтан оқыту бөлімі институт директорына бағынады.\n"
)


@pytest.mark.parametrize(
    ("page", "lang", "args", "kind", "title"),
    [
        (
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024\nИнженера-программиста\nОбщие положения\n"
            + RU_JOB_CLAUSES,
            "ru",
            JOB,
            "job_instruction",
            "Должностная инструкция Инженера-программиста",
        ),
        (
            "ПОЛОЖЕНИЕ\nПП 07-2024\nКафедры информатики\nОбщие положения\n" + RU_UNIT_CLAUSES,
            "ru",
            UNIT,
            "unit_regulation",
            "Положение Кафедры информатики",
        ),
        (
            "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ\nЛН 01-2024\nҚашықтықтан оқыту бөлімінің бастығы\n"
            "Негізгі ережелер\n" + KK_JOB_CLAUSES,
            "kk",
            JOB,
            "job_instruction",
            "Лауазымдық нұсқаулық Қашықтықтан оқыту бөлімінің бастығы",
        ),
        (  # no --kind: the chapter names no kind either
            "Қашықтықтан оқыту бөлімі бастығының\nЛН 01-2024\nНегізгі ережелер\n" + KK_JOB_CLAUSES,
            "kk",
            JOB,
            "job_instruction",
            None,
        ),
        (
            "ЕРЕЖЕ\nБЕ 01-2024\nҚостанай қаласы, 2024 жыл\nЖалпы  ережелер\n" + KK_UNIT_CLAUSES,
            "kk",
            UNIT,
            "unit_regulation",
            None,
        ),
    ],
    ids=["ru-job", "ru-unit", "kk-job", "kk-no-kind", "kk-two-spaces"],
)
def test_an_unnumbered_first_chapter_s_title_is_no_title_of_the_document(
    project, dlo, tmp_path, page, lang, args, kind, title
):
    model, err = _imported(project, dlo, tmp_path, page, "--lang", lang, *args)
    assert model.kind == kind
    if title is None:
        assert model.title[lang] == REGISTRY_TITLE[kind, lang] and "the source has no title" in err
    else:
        assert model.title[lang] == title and "the source has no title" not in err


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Изменения согласно " + ", ".join(f"П-{i}" for i in range(1, 8001)), None),  # 63 KB
        ("П-11 " * 16000, "П-11"),  # 80 KB, codes alone
    ],
    ids=["listed", "repeated"],
)
def test_a_line_of_thousands_of_codes_is_read_in_one_pass(line, code):
    """Each code looks back a bounded way for what cites it, not over the whole line before
    it: these took 15 s and 38 s, now well under a second."""
    started = time.perf_counter()
    assert doc_code.page_code([Line(line, 1)]) == code
    assert time.perf_counter() - started < 5


_DLO_RU = "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ И ЦИФРОВЫХ ОБРАЗОВАТЕЛЬНЫХ ТЕХНОЛОГИЙ"
_DLO_KK = "ҚАШЫҚТЫҚТАН ОҚЫТУ ЖӘНЕ ЦИФРЛЫҚ БІЛІМ БЕРУ ТЕХНОЛОГИЯЛАРЫ БӨЛІМІ ТУРАЛЫ"


@pytest.mark.parametrize(
    ("page", "lang", "args", "title"),
    [
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ\nИ ЦИФРОВЫХ ОБРАЗОВАТЕЛЬНЫХ ТЕХНОЛОГИЙ\n"
            "П 045-2024\n\nАлматы, 2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ " + _DLO_RU,
            id="ru-caps-under-the-kind",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nоб отделе дистанционного обучения\nи цифровых образовательных технологий\n"
            "\nП 045-2024\n",
            "ru",
            UNIT,
            "Положение " + _DLO_RU.lower(),
            id="ru-lower-under-the-kind",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ\nИ ЦИФРОВЫХ ОБРАЗОВАТЕЛЬНЫХ ТЕХНОЛОГИЙ\n"
            "П 045-2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ " + _DLO_RU,
            id="ru-kind-and-title-on-two-lines",
        ),
        pytest.param(
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024\nначальника отдела\nдистанционного обучения\n"
            "Костанай, 2024\n",
            "ru",
            JOB,
            "Должностная инструкция начальника отдела дистанционного обучения",
            id="ru-under-the-code",
        ),
        pytest.param(
            "ҚАШЫҚТЫҚТАН ОҚЫТУ ЖӘНЕ ЦИФРЛЫҚ БІЛІМ\nБЕРУ ТЕХНОЛОГИЯЛАРЫ БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n"
            "БЕ 01-2024\n",
            "kk",
            UNIT,
            _DLO_KK + " ЕРЕЖЕ",
            id="kk-caps-over-the-kind",
        ),
        pytest.param(
            "Қашықтықтан оқыту және цифрлық білім\nберу технологиялары бөлімі туралы\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "Қашықтықтан оқыту және цифрлық білім беру технологиялары бөлімі туралы ереже",
            id="kk-lower-over-the-kind",
        ),
        pytest.param(
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ\nБАСТЫҒЫНЫҢ\nЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ\nЛН 01-2024\n",
            "kk",
            JOB,
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ БАСТЫҒЫНЫҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ",
            id="kk-genitive-on-two-lines",
        ),
        pytest.param(  # Kazakh: whose, on two lines under the kind, comes before it
            "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ\nЛН 01-2024\nҮздіксіз білім беру институтының\n"
            "қашықтықтан оқыту бөлімі бастығының\n",
            "kk",
            JOB,
            "Үздіксіз білім беру институтының қашықтықтан оқыту бөлімі бастығының лауазымдық"
            " нұсқаулығы",  # the kind after a genitive takes the possessive, as the seed's
            id="kk-genitive-under-the-kind-on-two-lines",
        ),
        pytest.param(  # an organisation's name right above is no part of it
            "«ҚОСТАНАЙ ӨҢІРЛІК УНИВЕРСИТЕТІ» КеАҚ\nҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-organisation-above",
        ),
        pytest.param(
            "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҒЫЛЫМ ЖӘНЕ ЖОҒАРЫ БІЛІМ МИНИСТРЛІГІ\n"
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-ministry-above",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nКОНТРОЛЬНЫЙ ЭКЗЕМПЛЯР\n\nПП 07-2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-copy-note-under",
        ),
        pytest.param(  # a restriction's mark is no part of the title, under or above it
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ\nПП 07-2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-restricted-under",
        ),
        pytest.param(
            "Для служебного пользования\nПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-restricted-above",
        ),
        pytest.param(
            "КАДР БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\nҚЫЗМЕТТІК ПАЙДАЛАНУ ҮШІН\n",
            "kk",
            UNIT,
            "КАДР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-restricted-under",
        ),
        pytest.param(  # unless the title is about such documents
            "ПОЛОЖЕНИЕ\nО ПОРЯДКЕ ОБРАЩЕНИЯ С ДОКУМЕНТАМИ\nДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ\nПП 07-2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ПОРЯДКЕ ОБРАЩЕНИЯ С ДОКУМЕНТАМИ ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ",
            id="ru-about-restricted-documents",
        ),
        pytest.param(
            "Положение о порядке обращения со служебной информацией\nдля служебного пользования\n",
            "ru",
            UNIT,
            "Положение о порядке обращения со служебной информацией для служебного пользования",
            id="ru-about-restricted-information",
        ),
        pytest.param(  # a mark in quotes is one the title names: the title's, wherever it stands
            "ПОЛОЖЕНИЕ\nО ПОРЯДКЕ РАБОТЫ С ДОКУМЕНТАМИ С ПОМЕТКОЙ\n«ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ»\n"
            "ПП 09-2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ПОРЯДКЕ РАБОТЫ С ДОКУМЕНТАМИ С ПОМЕТКОЙ «ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ»",
            id="ru-quoted-mark-named",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nО РАБОТЕ С ИНФОРМАЦИЕЙ, ОТНЕСЕННОЙ К КАТЕГОРИИ\n"
            "ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О РАБОТЕ С ИНФОРМАЦИЕЙ, ОТНЕСЕННОЙ К КАТЕГОРИИ ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ",
            id="ru-mark-of-a-category",
        ),
        pytest.param(
            "«ҚЫЗМЕТ БАБЫНДА ПАЙДАЛАНУ ҮШІН»\nБЕЛГІСІ БАР ҚҰЖАТТАРМЕН ЖҰМЫС\n"
            "ІСТЕУ ТӘРТІБІ ТУРАЛЫ ЕРЕЖЕ\nБЕ 09-2024\n",
            "kk",
            UNIT,
            "«ҚЫЗМЕТ БАБЫНДА ПАЙДАЛАНУ ҮШІН» БЕЛГІСІ БАР ҚҰЖАТТАРМЕН ЖҰМЫС ІСТЕУ ТӘРТІБІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-quoted-mark-first",
        ),
        pytest.param(  # unquoted, over the Kazakh word for the mark
            "ҚЫЗМЕТТІК ПАЙДАЛАНУ ҮШІН\nБЕЛГІСІ БАР ҚҰЖАТТАРМЕН ЖҰМЫС\nТУРАЛЫ ЕРЕЖЕ\n",
            "kk",
            UNIT,
            "ҚЫЗМЕТТІК ПАЙДАЛАНУ ҮШІН БЕЛГІСІ БАР ҚҰЖАТТАРМЕН ЖҰМЫС ТУРАЛЫ ЕРЕЖЕ",
            id="kk-mark-over-its-word",
        ),
        pytest.param(  # "белгіленген" (established) is not the word for the mark
            "ҚЫЗМЕТТІК ПАЙДАЛАНУ ҮШІН\nБЕЛГІЛЕНГЕН ҮЛГІДЕГІ ҚҰЖАТТАРДЫ\nБЕРУ ТӘРТІБІ ТУРАЛЫ ЕРЕЖЕ\n",
            "kk",
            UNIT,
            "БЕЛГІЛЕНГЕН ҮЛГІДЕГІ ҚҰЖАТТАРДЫ БЕРУ ТӘРТІБІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-mark-over-another-word",
        ),
        pytest.param(  # a stamp in quotes under a title about something else is a note
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\n«ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ»\nПП 07-2024\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-quoted-stamp-under",
        ),
        pytest.param(
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nДИ 07-2024\nведущего специалиста\nотдела кадров\n(новая редакция)\n",
            "ru",
            JOB,
            "Должностная инструкция ведущего специалиста отдела кадров",
            id="ru-edition-in-brackets-under",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nРАЗРАБОТЧИК: ОТДЕЛ КАДРОВ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-label-under",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nоб отделе кадров\nгород Костанай\n",
            "ru",
            UNIT,
            "Положение об отделе кадров",
            id="ru-town-under",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nСИСТЕМА МЕНЕДЖМЕНТА КАЧЕСТВА\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-system-under",
        ),
        pytest.param(
            "САПА МЕНЕДЖМЕНТІ ЖҮЙЕСІ\nҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\nБЕ 01-2024\n",
            "kk",
            UNIT,
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-system-above",
        ),
        pytest.param(
            "А. БАЙТҰРСЫНОВ АТЫНДАҒЫ ҚОСТАНАЙ ӨҢІРЛІК УНИВЕРСИТЕТІ\nҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-university-above",
        ),
        pytest.param(
            "КЕЛІСІЛДІ\nКАДР БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "КАДР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-agreed-above",
        ),
        pytest.param(
            "КОСТАНАЙСКИЙ РЕГИОНАЛЬНЫЙ УНИВЕРСИТЕТ\nТИПОВОЕ ПОЛОЖЕНИЕ\nО КАФЕДРЕ\nПП 07-2024\n",
            "ru",
            UNIT,
            "ТИПОВОЕ ПОЛОЖЕНИЕ О КАФЕДРЕ",
            id="ru-adjective-before-the-kind",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nО ПРИЁМНОЙ КОМИССИИ\nНА 2025 ГОД\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ПРИЁМНОЙ КОМИССИИ НА 2025 ГОД",
            id="ru-year-closing-the-title",
        ),
        pytest.param(
            "ЖАТАҚХАНАДА ТҰРУДЫҢ\nНЕГІЗГІ ЕРЕЖЕЛЕРІ\nБЕ 01-2024\n",
            "kk",
            UNIT,
            "ЖАТАҚХАНАДА ТҰРУДЫҢ НЕГІЗГІ ЕРЕЖЕЛЕРІ",
            id="kk-title-read-like-a-chapter",
        ),
        pytest.param(
            "ОСНОВНЫЕ ПОЛОЖЕНИЯ\nОБ ОПЛАТЕ ТРУДА РАБОТНИКОВ\nПП 07-2024\n",
            "ru",
            UNIT,
            "ОСНОВНЫЕ ПОЛОЖЕНИЯ ОБ ОПЛАТЕ ТРУДА РАБОТНИКОВ",
            id="ru-title-read-like-a-chapter",
        ),
        pytest.param(
            "«ЖАС ҒАЛЫМ» ҒЫЛЫМИ\nҮЙІРМЕСІ ТУРАЛЫ\nЕРЕЖЕ\nБЕ 01-2024\n",
            "kk",
            UNIT,
            "«ЖАС ҒАЛЫМ» ҒЫЛЫМИ ҮЙІРМЕСІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-name-in-quotes",
        ),
        pytest.param(
            "«Жамбыл облысы әкімдігінің жолаушылар көлігі\nжәне автомобиль жолдары басқармасы»\nкоммуналдық мемлекеттік мекемесі туралы\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "«Жамбыл облысы әкімдігінің жолаушылар көлігі және автомобиль жолдары басқармасы» коммуналдық мемлекеттік мекемесі туралы ереже",
            id="kk-institution-in-quotes",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nО СОВЕТЕ СТУДЕНЧЕСКОГО\nОБЩЕЖИТИЯ № 2\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О СОВЕТЕ СТУДЕНЧЕСКОГО ОБЩЕЖИТИЯ № 2",
            id="ru-a-number-of-the-title",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nО СТУДЕНЧЕСКОМ МЕДИАЦЕНТРЕ\nИ РЕДАКЦИИ ГАЗЕТЫ «ВЕСТНИК»\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О СТУДЕНЧЕСКОМ МЕДИАЦЕНТРЕ И РЕДАКЦИИ ГАЗЕТЫ «ВЕСТНИК»",
            id="ru-a-note-s-word-in-the-title",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nО КОНКУРСЕ\n«НАУКА: ПЕРВЫЕ ШАГИ»\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О КОНКУРСЕ «НАУКА: ПЕРВЫЕ ШАГИ»",
            id="ru-a-colon-in-a-name",
        ),
        pytest.param(
            "ІШКІ САПАНЫ ҚАМТАМАСЫЗ ЕТУ ЖҮЙЕСІ\nТУРАЛЫ ЕРЕЖЕ\n",
            "kk",
            UNIT,
            "ІШКІ САПАНЫ ҚАМТАМАСЫЗ ЕТУ ЖҮЙЕСІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-a-system-the-title-is-about",
        ),
        pytest.param(
            "1-КУРС СТУДЕНТТЕРІН ЖАТАҚХАНАҒА\nОРНАЛАСТЫРУ ТӘРТІБІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "1-КУРС СТУДЕНТТЕРІН ЖАТАҚХАНАҒА ОРНАЛАСТЫРУ ТӘРТІБІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-a-number-of-the-title",
        ),
        pytest.param(
            "ФАКУЛЬТЕТ ЭНЕРГЕТИКИ\nПОЛОЖЕНИЕ О ЦЕНТРЕ ЭНЕРГОСБЕРЕЖЕНИЯ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ЦЕНТРЕ ЭНЕРГОСБЕРЕЖЕНИЯ",
            id="ru-ereje-inside-a-word",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nВВОДИТСЯ В ДЕЙСТВИЕ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-enactment-under",
        ),
        pytest.param(
            "ҒЫЛЫМИ КЕҢЕСТЕ ҚАРАЛДЫ\nКАДР БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "КАДР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-review-above",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\n(новая редакция)\nоб отделе кадров\n",
            "ru",
            UNIT,
            "Положение об отделе кадров",
            id="ru-note-right-under-the-kind",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nО ПРИЁМНОЙ КОМИССИИ\nНА 2025 ГОД\nКОСТАНАЙСКИЙ РЕГИОНАЛЬНЫЙ УНИВЕРСИТЕТ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ПРИЁМНОЙ КОМИССИИ НА 2025 ГОД",
            id="ru-a-year-closes-it",
        ),
        pytest.param(
            "Положение о приёме на обучение\nна 2024-2025 учебный год\nпо программам магистратуры\n",
            "ru",
            UNIT,
            "Положение о приёме на обучение на 2024-2025 учебный год по программам магистратуры",
            id="ru-a-year-in-it",
        ),
        pytest.param(
            "ТИПОВОЕ ПОЛОЖЕНИЕ\nо кафедре университета\n",
            "ru",
            UNIT,
            "Типовое положение о кафедре университета",
            id="ru-one-case",
        ),
        pytest.param(
            "ЖОБА ОФИСІ ТУРАЛЫ\nЕРЕЖЕ\nБЕ 01-2024\n",
            "kk",
            UNIT,
            "ЖОБА ОФИСІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-a-title-opening-with-a-note-s-word",
        ),
        pytest.param(
            "АЛҒАШҚЫ КӘСІПОДАҚ ҰЙЫМЫ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "АЛҒАШҚЫ КӘСІПОДАҚ ҰЙЫМЫ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-about-line-is-never-a-note",
        ),
        pytest.param(
            "Ғылыми жобаларға ұсынылған\nөтінімдерді сараптау туралы\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "Ғылыми жобаларға ұсынылған өтінімдерді сараптау туралы ереже",
            id="kk-a-participle-in-the-title",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ О ВНУТРЕННЕМ АУДИТЕ\nСИСТЕМЫ МЕНЕДЖМЕНТА КАЧЕСТВА\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ВНУТРЕННЕМ АУДИТЕ СИСТЕМЫ МЕНЕДЖМЕНТА КАЧЕСТВА",
            id="ru-a-system-in-the-title",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\n(КОПИЯ)\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-copy-in-brackets",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nИНВ. № 12\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-inventory-number",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nСТР 1 ИЗ 12\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-page-number",
        ),
        pytest.param(
            "ДАНА № 2\nКАДР БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "КАДР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-copy-number-above",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ О ЦЕНТРЕ «IT-ПАРК»\nи бизнес-инкубаторе\n",
            "ru",
            UNIT,
            "Положение о центре «IT-ПАРК» и бизнес-инкубаторе",
            id="ru-a-name-s-capitals-kept",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ О ПРОГРАММЕ РАЗВИТИЯ УНИВЕРСИТЕТА\nНА ПЕРИОД С 2025 ПО 2029 ГОДЫ\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ О ПРОГРАММЕ РАЗВИТИЯ УНИВЕРСИТЕТА НА ПЕРИОД С 2025 ПО 2029 ГОДЫ",
            id="ru-years-in-the-title",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ\n(АКТУАЛИЗИРОВАННАЯ РЕДАКЦИЯ)\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-an-edition-s-words-in-brackets",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nСОСТАВИТЕЛЬ: ИВАНОВ И.И.\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-compiler-s-label",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ\nдистанционного обучения\n",
            "ru",
            UNIT,
            "Положение об отделе дистанционного обучения",
            id="ru-one-case-of-a-longer-kind-line",
        ),
        pytest.param(
            "УНИВЕРСИТЕТТІҢ ҒЫЛЫМИ КЕҢЕСІНДЕ ҚАРАЛҒАН\nКАДР БӨЛІМІ ТУРАЛЫ\nЕРЕЖЕ\n",
            "kk",
            UNIT,
            "КАДР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            id="kk-reviewed-by-the-council-above",
        ),
        pytest.param(  # an empty line ends the title; an edition's note is none of it
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\n\nКОНТРОЛЬНЫЙ ЭКЗЕМПЛЯР\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-empty-line-after",
        ),
        pytest.param(
            "ПОЛОЖЕНИЕ\nОБ ОТДЕЛЕ КАДРОВ\nРЕДАКЦИЯ 2\n",
            "ru",
            UNIT,
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            id="ru-edition-after",
        ),
    ],
)
def test_a_title_set_on_several_lines_is_read_whole(
    project, dlo, tmp_path, page, lang, args, title
):
    """Its lines right under the kind's (or its code's), or right above a Kazakh kind, that go
    on with it (in lower case, or in capitals under capitals) and are no note are the title,
    written in one case (a name in quotes kept)."""
    _assert_title(project, dlo, tmp_path, page, lang, args, title)


def _assert_title(project, dlo, tmp_path, page, lang, args, title):
    """``page`` over a body in ``lang`` imports with ``title``, never the registry's."""
    body = RU_BODY if lang == "ru" else KK_BODY
    model, err = _imported(project, dlo, tmp_path, page + body, "--lang", lang, *args)
    assert model.title[lang] == title and "the source has no title" not in err, err


def test_a_title_page_in_one_docx_paragraph_with_line_breaks_gives_the_whole_title(
    project, dlo, tmp_path
):
    doc = Document()
    para = doc.add_paragraph()
    for n, line in enumerate(
        ["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "И ЦИФРОВЫХ ОБРАЗОВАТЕЛЬНЫХ ТЕХНОЛОГИЙ"]
    ):
        run = para.add_run(line)
        if n < 2:
            run.add_break()
    doc.add_paragraph("П 045-2024")
    for line in RU_BODY.splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "office.docx"
    doc.save(str(path))
    result = dlo("import", path, "--id", "got", "--lang", "ru", *UNIT, cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, "got")
    assert model.title["ru"] == "ПОЛОЖЕНИЕ " + _DLO_RU
    assert model.code == "П 045-2024"


def test_a_title_s_last_line_in_capitals_over_a_numbered_first_chapter_is_the_title_s(
    project, dlo, tmp_path
):
    """A line in capitals right before the first chapter's numbered heading ("1. Общие
    положения" over "1.1. …") is the title page's, not a chapter of no clauses left out."""
    page = (
        "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nИНЖЕНЕРА-ПРОГРАММИСТА\nОТДЕЛА ДИСТАНЦИОННОГО ОБУЧЕНИЯ\n\n"
        "1. Общие положения\n1.1. Инженер-программист назначается приказом ректора.\n"
        "1.2. Инженер-программист подчиняется начальнику отдела.\n2. Обязанности\n"
        "2.1. Инженер-программист сопровождает платформу.\n"
    )
    model, err = _imported(project, dlo, tmp_path, page, "--lang", "ru", *JOB)
    assert model.title["ru"] == (
        "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ИНЖЕНЕРА-ПРОГРАММИСТА ОТДЕЛА ДИСТАНЦИОННОГО ОБУЧЕНИЯ"
    )
    assert [c.title for c in model.chapters] == ["Общие положения", "Обязанности"]
    assert "has no clauses" not in err, err


def test_a_line_in_capitals_over_a_chapter_s_clauses_in_the_text_is_still_a_chapter(
    project, dlo, tmp_path
):
    page = (
        "ПОЛОЖЕНИЕ\nоб отделе дистанционного обучения\n\nОБЩИЕ ПОЛОЖЕНИЯ\n"
        "1. Отдел является структурным подразделением университета.\n"
        "2. Отдел подчиняется проректору.\nЗАДАЧИ ОТДЕЛА\n3. Отдел организует обучение.\n"
    )
    model, _ = _imported(project, dlo, tmp_path, page, "--lang", "ru", *UNIT)
    assert model.title["ru"] == "Положение об отделе дистанционного обучения"
    assert [c.title for c in model.chapters] == ["ОБЩИЕ ПОЛОЖЕНИЯ", "ЗАДАЧИ ОТДЕЛА"]


SIDE_BY_SIDE = [
    ("СОГЛАСОВАНО", "УТВЕРЖДАЮ"),
    ("Проректор по учебной работе", "Ректор"),
    ("_________ А.Б. Сидоров", "_________ В.Г. Петров"),
    ("", "«15» марта 2024 г."),
]


def _side_by_side_lines(gap: str) -> list[Line]:
    """The blocks' lines as a text file has them: each line's halves apart by ``gap``."""
    raw = [f"{left}{gap}{right}" for left, right in SIDE_BY_SIDE]
    lines = [Line(" ".join(r.split()), n, raw=r) for n, r in enumerate(raw, 1)]
    return [*lines, Line("ПОЛОЖЕНИЕ", 5), Line("об отделе кадров", 6)]


@pytest.mark.parametrize("gap", ["\t", "\t\t\t", "      "], ids=["tab", "tabs", "spaces"])
def test_an_approval_block_beside_an_agreement_block_is_read_by_its_column(gap):
    """ "СОГЛАСОВАНО<tab>УТВЕРЖДАЮ" and the lines under it: the right column is the block (read
    line by line, the halves were one text and no block was found)."""
    page = _side_by_side_lines(gap)
    block = title_block.read(page)
    assert block is not None
    assert (block.form, block.authority, block.date) == (
        "signature",
        "Ректор",
        dt.date(2024, 3, 15),
    )
    assert block.text == "УТВЕРЖДАЮ Ректор _________ В.Г. Петров «15» марта 2024 г."
    # the block's lines are neither the title nor text; the other column's stay the title
    # page's, read on their own (a title set beside the block is found there)
    assert [line.text for line in title_block.rest(page, block)] == [
        "СОГЛАСОВАНО",
        "Проректор по учебной работе",
        "_________ А.Б. Сидоров",
        "ПОЛОЖЕНИЕ",
        "об отделе кадров",
    ]


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        (  # the title beside the block
            [
                ("НАО «Университет»", "УТВЕРЖДАЮ"),
                ("ПОЛОЖЕНИЕ", "Ректор"),
                ("об отделе кадров", "_____ Д.Е. Ахметов"),
            ],
            ["НАО «Университет»", "ПОЛОЖЕНИЕ", "об отделе кадров"],
        ),
        (  # the block on the left, the agreement on the right
            [
                ("УТВЕРЖДАЮ", "СОГЛАСОВАНО"),
                ("Ректор", "Проректор"),
                ("_____ Д.Е. Ахметов", "_____ Сидоров"),
            ],
            ["СОГЛАСОВАНО", "Проректор", "_____ Сидоров"],
        ),
        (  # the left column's line going on with no gap ("Проректор по учебной" / "работе")
            [
                ("СОГЛАСОВАНО", "УТВЕРЖДАЮ"),
                ("Проректор по учебной", "Ректор"),
                ("работе", ""),
                ("_____ Сидоров", "_____ Д.Е. Ахметов"),
            ],
            ["СОГЛАСОВАНО", "Проректор по учебной", "работе", "_____ Сидоров"],
        ),
    ],
    ids=["title-beside", "block-on-the-left", "left-goes-on"],
)
def test_a_block_in_either_column_leaves_the_other_to_the_title_page(rows, title):
    raw = [f"{left}\t\t{right}" if right else left for left, right in rows]
    page = [Line(" ".join(r.split()), n, raw=r if "\t" in r else "") for n, r in enumerate(raw, 1)]
    block = title_block.read(page)
    assert block is not None and block.form == "signature"
    assert block.authority == "Ректор"
    assert [line.text for line in title_block.rest(page, block)] == title


def _tabbed(*rows: str) -> list[Line]:
    return [Line(" ".join(r.split()), n, raw=r if "\t" in r else "") for n, r in enumerate(rows, 1)]


def test_a_block_opened_on_a_line_of_its_own_is_read_line_by_line():
    """The columns are read only for a block opened on a line set in two: "УТВЕРЖДАЮ" alone,
    then the official and the signature's date split in halves, is read as before."""
    page = _tabbed("УТВЕРЖДАЮ", "Ректор университета\t\t____ Д.Е. Ахметов", "«__»\t\t_____ 2024 г.")
    block = title_block.read(page + [Line("ПОЛОЖЕНИЕ", 4)])
    assert block is not None and block.authority == "Ректор университета"
    assert block.page is None


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        (  # a code beside the organisation, the block on the left, the title on the right
            [
                "НАО «Университет»\t\tПП 07-2024",
                "УТВЕРЖДАЮ\t\tПОЛОЖЕНИЕ",
                "Ректор\t\tоб отделе кадров",
                "_____ Д.Е. Ахметов",
            ],
            ["НАО «Университет»", "ПП 07-2024", "ПОЛОЖЕНИЕ", "об отделе кадров"],
        ),
        (  # Kazakh: the title beside БЕКІТЕМІН, the signature under the run
            ["БЕКІТЕМІН\t\tКадр бөлімі туралы", "Ректор\t\tЕРЕЖЕ", "_____ Д.Е. Ахметов"],
            ["Кадр бөлімі туралы", "ЕРЕЖЕ"],
        ),
    ],
    ids=["code-and-title-beside", "kazakh-title-beside"],
)
def test_a_block_read_in_its_column_goes_on_under_the_run_not_into_the_other(rows, title):
    block = title_block.read(_tabbed(*rows))
    assert block is not None
    assert (block.authority, block.text.split()[-1]) == ("Ректор", "Ахметов")
    assert [line.text for line in title_block.rest(_tabbed(*rows), block)] == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        (
            [
                "УТВЕРЖДАЮ",
                "ПОЛОЖЕНИЕ\t\tРектор университета",
                "об отделе кадров\t\t_____ Д.Е. Ахметов",
            ],
            ["ПОЛОЖЕНИЕ", "об отделе кадров"],
        ),
        (
            ["УТВЕРЖДАЮ", "Ректор университета\t\tПП 07-2024", "_____ Д.Е. Ахметов\t\tРедакция 1"],
            ["ПП 07-2024", "Редакция 1"],
        ),
        (  # a Kazakh title split over the halves: the block stops unfinished on its kind
            [
                "БЕКІТЕМІН",
                "Университет ректоры\t\tҚашықтықтан оқыту",
                "_____ Д.Е. Ахметов\t\tбөлімі туралы ереже",
            ],
            ["Қашықтықтан оқыту", "бөлімі туралы ереже"],
        ),
    ],
    ids=["title-beside", "code-beside", "kazakh-title-beside"],
)
def test_a_block_opened_above_a_run_with_the_title_or_code_beside_goes_on_in_its_column(
    rows, title
):
    """ "УТВЕРЖДАЮ" on its own line, then the official and the signature in one column and the
    title (or the code) beside them: the block goes on in its column (line by line, the title
    was glued to the official's lines and lost)."""
    block = title_block.read(_tabbed(*rows))
    assert block is not None and block.authority in ("Ректор университета", "Университет ректоры")
    assert block.text.endswith("Д.Е. Ахметов")
    assert [line.text for line in title_block.rest(_tabbed(*rows), block)] == title


@pytest.mark.parametrize(
    ("rows", "authority", "rest"),
    [
        (  # the block split in halves, then the title's and code's row in the same run
            [
                "УТВЕРЖДАЮ",
                "Ректор университета\t\t_____ Д.Е. Ахметов",
                "«__»\t\t________ 2024 г.",
                "ПОЛОЖЕНИЕ\t\tПП 07-2024",
                "об отделе кадров",
            ],
            "Ректор университета",
            ["ПОЛОЖЕНИЕ ПП 07-2024", "об отделе кадров"],
        ),
        (  # the kind's word in the order's name, the code beside it: read line by line
            [
                "УТВЕРЖДЕНО",
                "ПП 07-2024\t\tприказом «Об утверждении Положения»",
                "Редакция 1\t\tот 12.01.2024 № 5",
                "ПОЛОЖЕНИЕ",
            ],
            None,
            [
                "ПП 07-2024 приказом «Об утверждении Положения»",
                "Редакция 1 от 12.01.2024 № 5",
                "ПОЛОЖЕНИЕ",
            ],
        ),
    ],
    ids=["split-block-over-a-title-row", "kind-in-the-orders-name"],
)
def test_a_block_above_a_run_that_takes_no_title_is_read_line_by_line(rows, authority, rest):
    """Read by its column only when, line by line, the block would take a half that is the
    title's or the code's: else as before (the date's «__» went into the official's name and
    the code was lost)."""
    page = _tabbed(*rows)
    block = title_block.read(page)
    assert block is not None and block.page is None
    assert block.authority == authority
    assert [line.text for line in title_block.rest(page, block)] == rest


def test_a_three_column_line_ends_a_run():
    page = _tabbed(
        "СОГЛАСОВАНО\t\tУТВЕРЖДАЮ",
        "Проректор\t\tРектор\t\tНАО «Университет»",
        "_____ Сидоров\t\t_____ Д.Е. Ахметов",
    )
    assert title_block.read(page) is None  # one line in two columns before it: no run


def test_a_two_column_run_after_other_lines_is_read():
    """A line with a code beside the organisation's name, the town, then the blocks side by
    side: every run of two-column lines is read, not only the first."""
    page = [Line("НАО «Университет» Ф-01-2024", 1, raw="НАО «Университет»\t\tФ-01-2024")]
    page += [Line("г. Костанай", 2)] + _side_by_side_lines("\t")[:4]
    block = title_block.read(page)
    assert block is not None and block.form == "signature"


def test_lines_not_set_in_two_columns_are_read_as_before():
    """A tab after a number ("1.<tab>Общие положения") or one line in two halves is no
    two-column block: nothing is read from it."""
    page = [Line("1. Общие положения", 1, raw="1.\tОбщие положения"), Line("ПОЛОЖЕНИЕ", 2)]
    assert title_block.read(page) is None
    page = [Line("СОГЛАСОВАНО УТВЕРЖДАЮ", 1, raw="СОГЛАСОВАНО\tУТВЕРЖДАЮ"), Line("Ректор", 2)]
    assert title_block.read(page) is None


@pytest.mark.parametrize("layout", ["paragraphs", "soft-breaks"])
def test_a_docx_title_page_with_the_blocks_side_by_side_by_tabs(project, dlo, tmp_path, layout):
    """As Word users set them: one tab (to a tab stop) between the halves, a paragraph a line
    or one paragraph broken by Shift+Enter."""
    doc = Document()
    if layout == "paragraphs":
        for left, right in SIDE_BY_SIDE:
            p = doc.add_paragraph(left)
            p.add_run().add_tab()
            p.add_run(right)
    else:
        p = doc.add_paragraph()
        for k, (left, right) in enumerate(SIDE_BY_SIDE):
            if k:
                p.add_run().add_break()
            p.add_run(left)
            p.add_run().add_tab()
            p.add_run(right)
    for text in ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения", "1. Общие положения"]:
        doc.add_paragraph(text)
    doc.add_paragraph("1.1. Отдел является структурным подразделением университета.")
    doc.add_paragraph("1.2. Отдел возглавляет начальник.")
    doc.save(str(tmp_path / "side.docx"))
    result = dlo("import", tmp_path / "side.docx", "--unit", "dlo", cwd=project)
    assert result.code == 0, result.err
    assert "signed by Ректор on 2024-03-15" in result.err
    model = load_model(project, "side")
    assert model.title["ru"] == "Положение об отделе дистанционного обучения"
    assert model.approval.form == "signature"
