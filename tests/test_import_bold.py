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
        ("Бөлімнің мақсаты", ["1. Бөлім университеттің құрылымдық бөлімшесі болып табылады."]),
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
    title page's; the title's own bold lines stay the title."""
    title, body = source
    result = dlo("import", _docx(tmp_path / f"b-{lang}.docx", block, title, body), cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, f"b-{lang}")
    assert [c.title for c in model.chapters] == [h for h, _ in body]
    assert [len(c.clauses) for c in model.chapters] == [1, 1, 1]
    assert model.title[lang].lower().startswith(title[0].lower()[:10])
    assert "DLO504" not in result.err, result.err


def test_the_same_headings_not_in_bold_are_not_told_from_text(project, dlo, tmp_path):
    """The guard: without bold (or capitals, or a number) a short line is not a chapter."""
    title, body = RU
    path = _docx(tmp_path / "plain.docx", RU_BLOCK, title, body, bold=False)
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert len(load_model(project, "plain").chapters) == 1
    assert "joined to clause" in result.err


def test_a_bold_title_alone_over_the_clauses_stays_the_title(project, dlo, tmp_path):
    body = [("Задачи отдела", ["2. Отдел ведет учет."])]
    path = tmp_path / "one.docx"
    doc = Document()
    doc.add_paragraph().add_run("Положение об отделе дистанционного обучения").bold = True
    doc.add_paragraph("1. Отдел является структурным подразделением.")
    for heading, paragraphs in body:
        doc.add_paragraph().add_run(heading).bold = True
        doc.add_paragraph(paragraphs[0])
    doc.save(str(path))
    assert dlo("import", path, cwd=project).code == 0
    model = load_model(project, "one")
    assert model.title["ru"] == "Положение об отделе дистанционного обучения"
    assert [c.title for c in model.chapters][1:] == ["Задачи отдела"]


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
