"""`dlo import` of DOCX files made the way an office writes them (python-docx: an approval block
right-aligned at the top, the kind and title in bold, "1. Общие положения" chapters with "1.1."
clauses, the agreement sheet as a table at the end), and of the registry entries an earlier import
added: what a clerk meets importing documents one after another into the same project."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from test_import_support import load_model

RU_BLOCK = ["УТВЕРЖДЕНА", "приказом ректора", "от 12.03.2024 № 45"]
KK_BLOCK = ["БЕКІТЕМІН", "Ректор", "__________ Д. Е. Ахметов", "2024 жылғы «12» наурыз"]
RU_BODY = [
    (
        "1. Общие положения",
        [
            "1.1. Отдел дистанционного обучения (далее – Отдел) является структурным "
            "подразделением университета.",
            "1.2. Отдел возглавляет начальник, назначаемый приказом ректора.",
        ],
    ),
    (
        "2. Задачи отдела",
        [
            "2.1. Основными задачами Отдела являются:",
            "1) организация дистанционного обучения;",
            "2) методическое сопровождение преподавателей.",
        ],
    ),
]
KK_BODY = [
    (
        "1. Жалпы ережелер",
        [
            "1.1. Қашықтықтан оқыту бөлімі (бұдан әрі – Бөлім) университеттің құрылымдық "
            "бөлімшесі болып табылады.",
            "1.2. Бөлімді ректордың бұйрығымен тағайындалатын басшы басқарады.",
        ],
    ),
    (
        "2. Бөлімнің міндеттері",
        [
            "2.1. Бөлімнің негізгі міндеттері:",
            "1) қашықтықтан оқытуды ұйымдастыру;",
            "2) оқытушыларды әдістемелік қолдау.",
        ],
    ),
]


def office_docx(
    path: Path, block: list[str], title: list[str], body: list[tuple[str, list[str]]]
) -> Path:
    doc = Document()
    for text in block:
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in title:
        p = doc.add_paragraph()
        p.add_run(text).bold = True
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for heading, paragraphs in body:
        doc.add_paragraph().add_run(heading).bold = True
        for text in paragraphs:
            doc.add_paragraph(text)
    doc.add_page_break()
    doc.add_paragraph("Лист согласования")
    table = doc.add_table(rows=2, cols=3)
    for j, text in enumerate(["Должность", "Ф.И.О.", "Подпись"]):
        table.cell(0, j).text = text
    table.cell(1, 0).text = "Проректор по академическим вопросам"
    doc.save(str(path))
    return path


def test_the_unit_is_the_one_the_title_names_not_the_approving_official(project, dlo, tmp_path):
    """ "приказом ректора" / "Ректор" in the approval block name the official who approved it,
    not the unit the regulation is about (it was taken as the rectorate)."""
    ru = office_docx(
        tmp_path / "dlo-ru.docx",
        RU_BLOCK,
        ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"],
        RU_BODY,
    )
    kk = office_docx(
        tmp_path / "dlo-kk.docx", KK_BLOCK, ["Қашықтықтан оқыту бөлімі туралы ереже"], KK_BODY
    )
    for path, reg in ((ru, "dlo-ru"), (kk, "dlo-kk")):
        result = dlo("import", path, cwd=project)
        assert result.code == 0, result.err
        model = load_model(project, reg)
        assert (model.kind, model.unit) == ("unit_regulation", "dlo"), reg
        assert model.approval.by == "rector"
    assert load_model(project, "dlo-kk").approval.form == "signature"


def test_a_report_names_a_clause_as_the_source_numbers_it(project, dlo, tmp_path):
    body = [
        *RU_BODY,
        (
            "3. Заключительные положения",
            [
                "3.1. Настоящее Положение согласовывается с проректором по академическим вопросам.",
            ],
        ),
    ]
    path = office_docx(
        tmp_path / "dlo-ru.docx", RU_BLOCK, ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"], body
    )
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert "agreement.approvers proposed from clause 3.1:" in result.err
