"""`dlo import` of DOCX whose chapter headings are set apart only by bold type, unnumbered, in
the Normal style, as offices often write them: bold is the evidence a .txt does not have."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from test_import_office import KK_BLOCK, RU_BLOCK
from test_import_support import load_model

from dlo_docs.importer.wordml import read_docx

RU = (
    ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"],
    [
        ("Назначение и область применения", ["1. Отдел является структурным подразделением."]),
        ("Задачи отдела", ["2. Задачами Отдела являются:", "1) организация обучения;"]),
        ("Права", ["3. Отдел вправе запрашивать сведения."]),
    ],
)
KK = (
    ["Қашықтықтан оқыту бөлімі туралы ереже"],
    [
        ("Жалпы ережелер", ["1. Бөлім университеттің құрылымдық бөлімшесі болып табылады."]),
        ("Бөлімнің міндеттері", ["2. Бөлімнің міндеттері:", "1) оқытуды ұйымдастыру;"]),
        ("Құқықтары", ["3. Бөлім мәліметтер сұратуға құқылы."]),
    ],
)


def _docx(path: Path, block: list[str], title: list[str], body, bold: bool = True) -> Path:
    doc = Document()
    for text in block:
        doc.add_paragraph(text)
    for text in title:
        doc.add_paragraph().add_run(text).bold = True
    for heading, paragraphs in body:
        doc.add_paragraph().add_run(heading).bold = bold
        for text in paragraphs:
            doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("lang", "block", "source"), [("ru", RU_BLOCK, RU), ("kk", KK_BLOCK, KK)])
def test_unnumbered_headings_in_bold_are_chapters(project, dlo, tmp_path, lang, block, source):
    """Each was glued to the clause before it ("… сведения. Права"), the first taken for the
    title page's (a first chapter's usual title under the title is its chapter now, bold or not);
    the title's own bold lines stay the title."""
    title, body = source
    result = dlo("import", _docx(tmp_path / f"b-{lang}.docx", block, title, body), cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, f"b-{lang}")
    assert [c.title for c in model.chapters] == [h for h, _ in body]
    assert [len(c.clauses) for c in model.chapters] == [1, 1, 1]
    assert model.title[lang].lower().startswith(title[0].lower()[:10])
    assert "DLO504" not in result.err, result.err


def test_the_same_headings_not_in_bold_are_chapters_by_their_words(project, dlo, tmp_path):
    """Without bold, "Задачи отдела" and "Права" are still told by the words that name a
    chapter's subject (``test_import_topics``); a short line that names none is not a chapter."""
    title, body = RU
    # the list before "Права" ends its sentence: after an item ending with ";" a plain line may
    # be the list's next entry, unmarked ("Организация воинского учёта")
    body = [(h, [t.replace("обучения;", "обучения.") for t in ps]) for h, ps in body]
    path = _docx(tmp_path / "plain.docx", RU_BLOCK, title, body, bold=False)
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert [c.title for c in load_model(project, "plain").chapters] == [h for h, _ in body]
    other = [(body[0][0], body[0][1]), ("Кадровый учёт", body[1][1]), ("Архив", body[2][1])]
    path = _docx(tmp_path / "other.docx", RU_BLOCK, title, other, bold=False)
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert len(load_model(project, "other").chapters) == 1
    assert "joined to clause" in result.err


def _made(tmp_path: Path, name: str, paragraphs: list[tuple[str, bool]]) -> Path:
    doc = Document()
    for text, bold in paragraphs:
        doc.add_paragraph().add_run(text).bold = bold
    doc.save(str(tmp_path / name))
    return tmp_path / name


def _chapters(project, dlo, path: Path, *args: str) -> tuple[list[str], str]:
    result = dlo("import", path, "--unit", "dlo", *args, cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, path.stem)
    return [c.title for c in model.chapters], model.title[args[-1] if args else "ru"]


CLAUSES = [("1. Отдел является подразделением.", False), ("2. Отдел ведёт учёт.", False)]


@pytest.mark.parametrize(
    ("title", "lang", "want"),
    [
        (["ПОЛОЖЕНИЕ", "Об отделе кадров"], "ru", "Положение Об отделе кадров"),
        (["Положение об отделе дистанционного обучения"], "ru", None),
        (["ЕРЕЖЕ", "Кадр бөлімі туралы"], "kk", "Кадр бөлімі туралы ереже"),
    ],
)
def test_a_bold_title_over_the_clauses_stays_the_title(project, dlo, tmp_path, title, lang, want):
    """The title's bold lines right over the clauses, with no chapter heading: bold is no
    evidence of a chapter before the text has begun ("Об отделе кадров" was made chapter 1 and
    the title lost)."""
    path = _made(tmp_path, f"t-{lang}.docx", [(t, True) for t in title] + CLAUSES)
    chapters, got = _chapters(project, dlo, path, "--lang", lang)
    assert got == (want or title[0])
    assert len(chapters) == 1 and chapters[0] in ("Общие положения", "Жалпы ережелер")


def test_bold_sub_headings_under_numbered_chapters_are_no_chapters(project, dlo, tmp_path):
    """A source whose chapters are numbered ("1. Общие положения") keeps them: its bold lines
    under them are no chapters (they broke the chapters' count and the first was lost)."""
    path = _made(
        tmp_path,
        "sub.docx",
        [
            ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", True),
            ("1. Общие положения", True),
            ("Статус отдела", True),
            ("1.1. Отдел является подразделением.", False),
            ("Структура отдела", True),
            ("1.2. Отдел состоит из секторов.", False),
            ("2. Задачи отдела", True),
            ("2.1. Отдел ведёт учёт.", False),
        ],
    )
    chapters, _ = _chapters(project, dlo, path)
    assert chapters == ["Общие положения", "Задачи отдела"]


def test_a_bold_lead_in_after_a_titled_chapter_heading_is_not_its_title(project, dlo, tmp_path):
    path = _made(
        tmp_path,
        "lead.docx",
        [
            ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", True),
            ("Глава 1. Права", True),
            ("Отдел имеет право", True),
            ("1. Запрашивать сведения.", False),
            ("Глава 2", True),
            ("Ответственность", True),
            ("2. Отдел отвечает за учёт.", False),
        ],
    )
    chapters, _ = _chapters(project, dlo, path)
    assert chapters == ["Права", "Ответственность"]  # "Глава 2" / "Ответственность": one heading


@pytest.mark.parametrize(
    "body",
    [
        [("Примечание", True)],  # a note's word
        [("Кадровый учёт", True)],  # one bold line alone is no evidence
    ],
)
def test_bold_lines_that_are_no_headings_make_no_chapters(project, dlo, tmp_path, body):
    path = _made(
        tmp_path,
        "note.docx",
        [("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", True), *CLAUSES, *body, ("3. Отдел хранит дела.", False)],
    )
    chapters, _ = _chapters(project, dlo, path)
    assert chapters == ["Общие положения"]


def test_in_a_source_all_in_bold_or_in_a_list_bold_sets_nothing_apart(project, dlo, tmp_path):
    lines = [
        "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
        "1. Отдел является подразделением.",
        "Отдел также выполняет поручения ректора",
        "2. Отдел ведёт:",
        "Кадровый учёт",
        "3. Отдел хранит дела.",
        "Архив",
        "4. Отдел подчиняется ректору.",
    ]
    path = _made(tmp_path, "all.docx", [(t, True) for t in lines])
    assert _chapters(project, dlo, path)[0] == ["Общие положения"]
    bold = ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", "Кадровый учёт", "Архив")
    path = _made(tmp_path, "listed.docx", [(t, t in bold) for t in lines])
    # "Кадровый учёт" follows "2. Отдел ведёт:" (a list's lead-in): only "Архив" stands apart,
    # and one bold line alone is no evidence
    assert _chapters(project, dlo, path)[0] == ["Общие положения"]


def _strong(path: Path) -> list[tuple[str, bool]]:
    return [(line.text, line.strong) for line in read_docx(path.read_bytes(), path.name).lines]


def test_bold_is_read_from_the_run_its_character_style_and_the_paragraph_style(tmp_path):
    doc = Document()
    heading = doc.styles.add_style("Заголовок главы", WD_STYLE_TYPE.PARAGRAPH)
    heading.font.bold = True
    strong = doc.styles.add_style("Выделение", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    doc.add_paragraph("По стилю абзаца", style="Заголовок главы")
    doc.add_paragraph().add_run("По стилю знака", style="Выделение")
    p = doc.add_paragraph(style="Заголовок главы")
    p.add_run("Жирный стиль, ")
    p.add_run("но здесь снято").bold = False
    p = doc.add_paragraph()
    p.add_run("Жирный ").bold = True
    p.add_run("и нет")
    p = doc.add_paragraph()
    p.add_run("Жирный текст").bold = True
    p.add_run("   ")  # blank runs do not count either way
    doc.add_paragraph("1. Текст.")
    doc.save(str(tmp_path / "s.docx"))
    assert _strong(tmp_path / "s.docx") == [
        ("По стилю абзаца", True),
        ("По стилю знака", True),
        ("Жирный стиль, но здесь снято", False),
        ("Жирный и нет", False),
        ("Жирный текст", True),
        ("1. Текст.", False),
    ]
