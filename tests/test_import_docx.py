"""DOCX import: one converted from the seed by LibreOffice, one built here with Word's automatic
numbering (w:numPr) for chapters, paragraphs, clauses and items — both give the bundled regulation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.shared import OxmlElement
from test_import_support import facts, load_model, shape, soffice_to_docx, source_numbers

from dlo_docs.model import Regulation


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> Path:
    return soffice_to_docx(SEED, tmp_path_factory.mktemp("lo"))


@pytest.mark.slow  # LibreOffice
def test_libreoffice_docx_of_the_seed_imports_to_the_bundled_regulation(project, dlo, seed_docx):
    result = dlo("import", seed_docx, "--id", "seed-docx", cwd=project)
    assert result.code == 0, result.err
    imported, bundled = load_model(project, "seed-docx"), load_model(project, "dlo-head")
    assert shape(imported) == shape(bundled)
    assert facts(imported) == facts(bundled)
    assert source_numbers(imported)[10] == "10"
    # LibreOffice keeps one paragraph per line, so paragraph numbers are the seed's line numbers
    assert 'DLO501: clause number "10." repeats' in result.err
    assert '"16." stands alone' in result.err


# -- a DOCX with Word's automatic numbering ------------------------------------------------------

LISTS = f"""
<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="90">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1 тарау."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Параграф %2."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="91">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
</w:numbering>"""


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _install_lists(doc) -> None:
    numbering = doc.part.numbering_part.element
    lists = parse_xml(LISTS)
    for child in list(lists):
        numbering.append(child)


def _text(paragraph, text: str, soft_break_at: str | None = None) -> None:
    """Write text in two runs; with ``soft_break_at``, a soft line break replaces the space there."""
    if soft_break_at and soft_break_at in text:
        before, after = text.split(soft_break_at, 1)
        paragraph.add_run(before + soft_break_at.rstrip())
        run = paragraph.add_run()
        run._r.append(OxmlElement("w:br"))
        run.add_text(after)
        return
    half = len(text) // 2
    paragraph.add_run(text[:half])
    paragraph.add_run(text[half:])


def word_numbered_docx(model: Regulation, path: Path) -> Path:
    """The regulation as a Word user would type it: numbers only in Word's list numbering."""
    doc = Document()
    _install_lists(doc)
    doc.add_paragraph("БЕКІТЕМІН")
    doc.add_paragraph(model.title["kk"])
    doc.add_paragraph(model.code)

    def clause(c) -> None:
        p = doc.add_paragraph()
        _numbered(p, 91, 0)
        _text(p, c.text, soft_break_at="асырылады. " if c.id == "appointment" else None)
        for item in c.items:
            q = doc.add_paragraph()
            _numbered(q, 91, 1)
            _text(q, item.text)

    for chapter in model.chapters:
        h = doc.add_paragraph(style="Heading 1")
        _numbered(h, 90, 0)
        _text(h, chapter.title)
        for c in chapter.clauses:
            clause(c)
        for paragraph in chapter.paragraphs:
            h = doc.add_paragraph(style="Heading 2")
            _numbered(h, 90, 1)
            _text(h, paragraph.title)
            for c in paragraph.clauses:
                clause(c)
    doc.save(str(path))
    return path


def test_word_automatic_numbering_imports_to_the_bundled_regulation(project, dlo, tmp_path):
    bundled = load_model(project, "dlo-head")
    source = word_numbered_docx(bundled, tmp_path / "numbered.docx")
    # the numbers are not in the text at all
    texts = [p.text for p in Document(str(source)).paragraphs]
    assert not any(t.startswith(("9.", "1)", "1 тарау")) for t in texts)
    result = dlo("import", source, "--id", "numbered", cwd=project)
    assert result.code == 0, result.err
    imported = load_model(project, "numbered")
    assert shape(imported) == shape(bundled)
    assert facts(imported) == facts(bundled)
    # the title page gave the title and the code
    assert imported.title == bundled.title and imported.code == bundled.code
    # Word computed the numbers: clauses 1..21, items restart in each clause, paragraphs in each chapter
    assert source_numbers(imported) == [str(n) for n in range(1, 22)]
    assert [i.source_number for i in imported.chapters[1].clauses[0].items] == [
        str(n) for n in range(1, 10)
    ]
    assert [p.source_number for p in imported.chapters[4].paragraphs] == ["1", "2", "3", "4", "5"]
    assert "DLO501" not in result.err and "DLO503" not in result.err and "DLO504" not in result.err


def test_soft_breaks_tables_and_nested_lists(project, dlo, tmp_path):
    doc = Document()
    _install_lists(doc)
    doc.add_paragraph("Глава 1. Общие положения")
    p = doc.add_paragraph()
    _numbered(p, 91, 0)
    _text(
        p,
        "Настоящая должностная инструкция определяет обязанности начальника отдела "
        "дистанционного обучения.",
    )
    p = doc.add_paragraph()
    _numbered(p, 91, 0)
    _text(p, "Начальник отдела обязан:")
    for level, text in (
        (1, "планировать работу;"),
        (2, "на год;"),
        (2, "на месяц;"),
        (1, "отчитываться."),
    ):
        q = doc.add_paragraph()
        _numbered(q, 91, level)
        _text(q, text)
    doc.add_paragraph("Глава 2. Обозначения и сокращения")
    p = doc.add_paragraph()
    _numbered(p, 91, 0)
    _text(p, "В настоящей инструкции применяются сокращения:")
    table = doc.add_table(rows=2, cols=2)
    for row, (short, long) in zip(
        table.rows, (("РК", "Республика Казахстан"), ("ДО", "дистанционное обучение")), strict=False
    ):
        row.cells[0].text, row.cells[1].text = short, long
    # one paragraph holding a clause, a soft break and the next clause (typed as text)
    p = doc.add_paragraph()
    run = p.add_run("3. Начальник отдела дистанционного обучения подчиняется директору института.")
    run._r.append(OxmlElement("w:br"))
    run.add_text("4. Начальник отдела дистанционного обучения несёт ответственность.")
    doc.save(str(tmp_path / "ru.docx"))
    result = dlo(
        "import", tmp_path / "ru.docx", "--id", "ru-doc", "--position", "dlo-head", cwd=project
    )
    assert result.code == 0, result.err
    model = load_model(project, "ru-doc")
    assert model.languages == ["ru"]
    assert [c.title for c in model.chapters] == ["Общие положения", "Обозначения и сокращения"]
    duties = model.chapters[0].clauses[1]
    assert [i.text for i in duties.items] == ["планировать работу;", "отчитываться."]
    assert [i.text for i in duties.items[0].items] == ["на год;", "на месяц;"]
    assert [i.source_number for i in duties.items[0].items] == ["а", "б"]
    abbreviations = model.chapters[1].clauses[0]
    assert [i.text for i in abbreviations.items] == [
        "РК – Республика Казахстан",
        "ДО – дистанционное обучение",
    ]
    assert abbreviations.items[0].ref == "kr"  # matched to the registry's РК
    assert [c.text for c in model.chapters[1].clauses[1:]] == [
        "Начальник отдела дистанционного обучения подчиняется директору института.",
        "Начальник отдела дистанционного обучения несёт ответственность.",
    ]
    assert model.chapters[1].clauses[1].states == "reports_to"
    # the unknown abbreviation ДО is proposed for the registry
    assert "abbreviations:" in result.out and "ДО" in result.out


def test_heading_styles_without_numbers_are_chapters(project, dlo, tmp_path):
    doc = Document()
    doc.add_paragraph("ОБЩИЕ ПОЛОЖЕНИЯ", style="Heading 1")
    doc.add_paragraph("1. Начальник отдела дистанционного обучения назначается приказом Ректора.")
    doc.add_paragraph(
        "2. Начальник отдела дистанционного обучения подчиняется директору института."
    )
    doc.add_paragraph("Права", style="Heading 1")
    doc.add_paragraph("3. Начальник отдела дистанционного обучения имеет право:")
    doc.add_paragraph("- запрашивать сведения;")
    doc.add_paragraph("- вносить предложения.")
    doc.save(str(tmp_path / "headings.docx"))
    result = dlo(
        "import",
        tmp_path / "headings.docx",
        "--id",
        "headings",
        "--position",
        "dlo-head",
        cwd=project,
    )
    assert result.code == 0, result.err
    model = load_model(project, "headings")
    assert [c.title for c in model.chapters] == ["ОБЩИЕ ПОЛОЖЕНИЯ", "Права"]
    assert [i.text for i in model.chapters[1].clauses[0].items] == [
        "запрашивать сведения;",
        "вносить предложения.",
    ]
    assert model.chapters[1].clauses[0].items[0].source_number is None


def _package(body: str) -> bytes:
    """A minimal DOCX from inline WordprocessingML (no styles, no numbering parts)."""
    import io
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document.encode("utf-8"))
    return out.getvalue()


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_tracked_changes_fields_links_content_controls_and_text_boxes(project, dlo, tmp_path):
    body = "".join(
        [
            _p(_r("Глава 1. Общие положения")),
            # tracked changes: the inserted text counts, the deleted does not
            _p(
                _r("1. Начальник отдела ")
                + "<w:del><w:r><w:delText>старое </w:delText></w:r></w:del>"
                + f"<w:ins>{_r('дистанционного обучения')}</w:ins>"
                + _r(" назначается приказом.")
            ),
            # a hyperlink and a field: their shown text counts, the field code does not
            _p(
                _r("2. Начальник отдела дистанционного обучения руководствуется ")
                + "<w:hyperlink><w:r><w:t>Уставом</w:t></w:r></w:hyperlink>"
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + _r(" университета")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + _r(".")
            ),
            # a content control around a clause
            f"<w:sdt><w:sdtContent>{_p(_r('3. Начальник отдела дистанционного обучения подчиняется директору.'))}"
            "</w:sdtContent></w:sdt>",
            # a text box inside a paragraph is not part of the text (reported)
            _p(
                _r("4. Начальник отдела дистанционного обучения отвечает за сроки.")
                + f"<w:r><w:drawing><w:txbxContent>{_p(_r('Надпись в рамке'))}</w:txbxContent></w:drawing></w:r>"
            ),
            # a tab after the number, as Word's text export and hand typing leave it
            _p(
                _r("5.")
                + "<w:r><w:tab/></w:r>"
                + _r("Начальник отдела дистанционного обучения ведёт учёт.")
            ),
            # an absolute position tab (Word's Insert → Tab in a header-like line) parts words
            _p(
                _r("6. Начальник отдела дистанционного обучения ведёт")
                + '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>'
                + _r("архив.")
            ),
        ]
    )
    (tmp_path / "inline.docx").write_bytes(_package(body))
    result = dlo(
        "import", tmp_path / "inline.docx", "--id", "inline", "--position", "dlo-head", cwd=project
    )
    assert result.code == 0, result.err
    model = load_model(project, "inline")
    assert [c.text for c in model.chapters[0].clauses] == [
        "Начальник отдела дистанционного обучения назначается приказом.",
        "Начальник отдела дистанционного обучения руководствуется Уставом университета.",
        "Начальник отдела дистанционного обучения подчиняется директору.",
        "Начальник отдела дистанционного обучения отвечает за сроки.",
        "Начальник отдела дистанционного обучения ведёт учёт.",
        "Начальник отдела дистанционного обучения ведёт архив.",
    ]
    # the text box is not made text, and is named as left out (the only text not imported)
    said = [line for line in result.err.splitlines() if "DLO504" in line]
    assert len(said) == 1 and "text in a text box was not imported: 'Надпись в рамке'" in said[0]


def test_lone_number_before_a_soft_break_is_reported(project, dlo, tmp_path):
    body = _p(_r("Глава 1. Общие положения")) + _p(
        _r("1.")
        + "<w:r><w:br/></w:r>"
        + _r("Начальник отдела дистанционного обучения назначается приказом.")
    )
    (tmp_path / "lone.docx").write_bytes(_package(body))
    result = dlo(
        "import", tmp_path / "lone.docx", "--id", "lone", "--position", "dlo-head", cwd=project
    )
    assert result.code == 0, result.err
    assert ":2:1: warning DLO502:" in result.err and '"1." stands alone' in result.err
    assert load_model(project, "lone").chapters[0].clauses[0].text.startswith("Начальник")


# -- a title page set as one paragraph, its lines broken by Shift+Enter ----------------------

_SIGNED_PAGE = [
    "УТВЕРЖДАЮ",
    "Ректор",
    "_________ Иванов И.И.",
    "ПОЛОЖЕНИЕ",
    "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ",
    "ПП 07-2024",
]
TITLE_PAGES = [
    pytest.param(  # the organisation, the signed approval block, the kind, the code, the town
        "ru",
        ("--unit", "dlo"),
        [
            "НАО «Костанайский региональный университет имени А. Байтурсынова»",
            "УТВЕРЖДАЮ",
            "Председатель Правления – Ректор",
            "____________ Д. Е. Ахметов",
            "«20» мая 2024 г.",
            "ПОЛОЖЕНИЕ",
            "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ",
            "ПП 07-2024",
            "Костанай, 2024",
        ],
        ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024"),
        id="ru-signed-block",
    ),
    pytest.param(  # the title on two lines over its code and a copy's note
        "kk",
        ("--unit", "dlo"),
        [
            "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ",
            "ТУРАЛЫ ЕРЕЖЕ",
            "БЕ 01-2024",
            "БАҚЫЛАУ ДАНАСЫ",
        ],
        ("ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ", "БЕ 01-2024"),
        id="kk-two-lines",
    ),
    pytest.param(  # the first chapter's heading, numbered in Roman numerals, ends the paragraph
        "ru",
        ("--unit", "dlo"),
        [*_SIGNED_PAGE, "Глава I. Общие положения"],
        ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024"),
        id="ru-roman-chapter-in-it",
    ),
    pytest.param(  # the Kazakh letter І typed for the Roman numeral
        "ru",
        ("--unit", "dlo"),
        [*_SIGNED_PAGE, "Глава І. Общие положения"],
        ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024"),
        id="ru-cyrillic-roman",
    ),
]
_BODIES = {
    "ru-roman": [
        "1. Настоящее Положение определяет статус отдела дистанционного обучения.",
        "2. Отдел дистанционного обучения подчиняется директору института.",
        "Глава II. Задачи",
        "3. Отдел организует дистанционное обучение.",
    ],
    "ru": [
        "Глава 1. Общие положения",
        "1. Настоящее Положение определяет статус отдела дистанционного обучения.",
        "2. Отдел дистанционного обучения подчиняется директору института.",
    ],
    "kk": [
        "1 тарау. Жалпы ережелер",
        "1. Осы Ереже қашықтықтан оқыту бөлімінің мәртебесін айқындайды.",
        "2. Қашықтықтан оқыту бөлімі институт директорына бағынады.",
    ],
}


def _imported(project, dlo, tmp_path, doc, *args: str):
    """``doc`` saved and imported as regulation "got" (``args``: default ``--unit dlo``): the
    model and what the import said."""
    path = tmp_path / "source.docx"
    doc.save(str(path))
    result = dlo("import", path, "--id", "got", *(args or ("--unit", "dlo")), cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "got"), result.err


def _title_page_docx(path: Path, page: list[str], lang: str, one_paragraph: bool) -> Path:
    doc = Document()
    if one_paragraph:
        run = doc.add_paragraph().add_run(page[0])
        for line in page[1:]:
            run.add_break()
            run.add_text(line)
    else:
        for line in page:
            doc.add_paragraph(line)
    roman = page[-1].startswith(("Глава I.", "Глава І."))
    for line in _BODIES["ru-roman" if roman else lang]:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("lang", "args", "page", "expected"), TITLE_PAGES)
def test_a_title_page_in_one_paragraph_broken_by_shift_enter_reads_as_its_lines(
    project, dlo, tmp_path, lang, args, page, expected
):
    """Word users often set a title page as one paragraph, each line ended by Shift+Enter: its
    lines are read as the title page's lines, as when each is a paragraph (the code, the
    organisation, the approval block and the town were read as part of the title)."""
    got = {}
    for one in (False, True):
        source = _title_page_docx(tmp_path / f"{one}.docx", page, lang, one)
        result = dlo("import", source, "--id", f"got-{one:d}", "--lang", lang, *args, cwd=project)
        assert result.code == 0, result.err
        model = load_model(project, f"got-{one:d}")
        chapters = [c.title for c in model.chapters]
        assert "DLO504" not in result.err  # (a chapter made up for clauses before any)
        got[one] = (model.title[lang], model.code), "DLO507" in result.err, chapters
    assert got[True] == got[False]
    assert got[True][:2] == (expected, lang == "ru")
    assert "Общие положения" in got[True][2] or "Жалпы ережелер" in got[True][2]


@pytest.mark.parametrize(
    ("cells", "after"),
    [
        pytest.param(  # the organisation beside the signed approval block, the title under them
            [["НАО «КРУ»", "г. Костанай"], ["УТВЕРЖДАЮ", "Ректор", "_____ Иванов И.И."]],
            ["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024", "Костанай, 2024"],
            id="block-in-a-cell",
        ),
        pytest.param(  # the whole title page in one cell
            [
                ["УТВЕРЖДАЮ", "Ректор", "_____ Иванов И.И.", "ПОЛОЖЕНИЕ"]
                + ["ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024"]
            ],
            [],
            id="page-in-a-cell",
        ),
    ],
)
def test_a_title_page_set_in_a_table_is_read_as_its_cells_lines(
    project, dlo, tmp_path, cells, after
):
    """A table before the text (an approval block beside the organisation's name) is the title
    page's, its cells read line by line: it was taken for list items, which began the text, so
    the title under it became a chapter and the code was lost (ПП ?)."""
    doc = Document()
    table = doc.add_table(rows=1, cols=len(cells))
    for cell, texts in zip(table.rows[0].cells, cells, strict=True):
        cell.text = texts[0]
        for text in texts[1:]:
            cell.add_paragraph(text)
    for line in [*after, *_BODIES["ru"]]:
        doc.add_paragraph(line)
    model, err = _imported(project, dlo, tmp_path, doc)
    assert (model.title["ru"], model.code) == (
        "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ",
        "ПП 07-2024",
    )
    assert [c.title for c in model.chapters] == ["Общие положения"]
    assert "DLO507" in err and "DLO504" not in err


@pytest.mark.parametrize(
    ("lang", "page", "title", "chapters"),
    [
        pytest.param(
            "ru",
            [
                ("ПОЛОЖЕНИЕ", "Heading 1"),
                ("ОБ ОТДЕЛЕ КАДРОВ", "Heading 1"),
                ("ПП 07-2024", None),
                ("Глава 1. Общие положения", None),
            ],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["Общие положения"],
            id="ru-two-headings",
        ),
        pytest.param(
            "kk",
            [
                ("КАДРЛАР БӨЛІМІ", "Heading 1"),
                ("ТУРАЛЫ ЕРЕЖЕ", "Heading 1"),
                ("БЕ 07-2024", None),
                ("1 тарау. Жалпы ережелер", None),
            ],
            "КАДРЛАР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            ["Жалпы ережелер"],
            id="kk-kind-last",
        ),
        pytest.param(  # the first chapter's title in the same style stays a chapter
            "ru",
            [("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", "Title"), ("Общие положения", "Heading 1")],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["Общие положения"],
            id="ru-chapter-after",
        ),
        pytest.param(  # a first chapter named with the kind's word, over its clauses
            "kk",
            [
                ("КАДРЛАР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ", None),
                ("БЕ 07-2024", None),
                ("Ереженің мақсаты", "Heading 1"),
            ],
            "КАДРЛАР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            ["Ереженің мақсаты"],
            id="kk-kind-word-chapter",
        ),
        pytest.param(  # the title and the first chapter, both in Heading 1
            "ru",
            [("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", "Heading 1"), ("Назначение", "Heading 1")],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["Назначение"],
            id="ru-title-and-chapter-in-heading-1",
        ),
        pytest.param(  # a chapter named with the kind's word over a sentence of its text
            "ru",
            [
                ("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", None),
                ("ПП 07-2024", None),
                ("Положение отдела в структуре университета", "Heading 1"),
                ("Отдел входит в структуру университета.", None),
            ],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["Положение отдела в структуре университета"],
            id="ru-kind-word-chapter-over-a-sentence",
        ),
        pytest.param(  # the title in two Heading 1 paragraphs right over the clauses
            "ru",
            [("ПОЛОЖЕНИЕ", "Heading 1"), ("ОБ ОТДЕЛЕ КАДРОВ", "Heading 1")],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["Общие положения"],
            id="ru-title-over-clauses",
        ),
        pytest.param(
            "kk",
            [("КАДРЛАР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ", "Heading 1")],
            "КАДРЛАР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            ["Жалпы ережелер"],
            id="kk-title-over-clauses",
        ),
        pytest.param(  # a title's lines in capitals go on with it, whatever their word
            "ru",
            [
                ("ПОЛОЖЕНИЕ", "Heading 1"),
                ("ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "Heading 1"),
                ("И ЦИФРОВЫХ ТЕХНОЛОГИЙ", "Heading 1"),
            ],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ И ЦИФРОВЫХ ТЕХНОЛОГИЙ",
            ["Общие положения"],
            id="ru-three-lines-over-clauses",
        ),
        pytest.param(  # but a Kazakh title ends with its kind: what follows is a chapter
            "kk",
            [
                ("КАДРЛАР БӨЛІМІ", "Heading 1"),
                ("ТУРАЛЫ ЕРЕЖЕ", "Heading 1"),
                ("БӨЛІМНІҢ МАҚСАТЫ", "Heading 1"),
            ],
            "КАДРЛАР БӨЛІМІ ТУРАЛЫ ЕРЕЖЕ",
            ["БӨЛІМНІҢ МАҚСАТЫ"],
            id="kk-chapter-in-capitals-after-the-kind",
        ),
        pytest.param(  # a first chapter's usual title in capitals does not go on with it
            "ru",
            [("ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ", "Heading 1"), ("НАЗНАЧЕНИЕ", "Heading 1")],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["НАЗНАЧЕНИЕ"],
            id="ru-purpose-in-capitals",
        ),
        pytest.param(
            "ru",
            [
                ("ПОЛОЖЕНИЕ", "Heading 1"),
                ("ОБ ОТДЕЛЕ КАДРОВ", "Heading 1"),
                ("ОБЩИЕ СВЕДЕНИЯ", "Heading 1"),
            ],
            "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ",
            ["ОБЩИЕ СВЕДЕНИЯ"],
            id="ru-general-information-in-capitals",
        ),
        pytest.param(  # but over the title's next line it goes on with the title
            "ru",
            [
                ("ПОЛОЖЕНИЕ", "Heading 1"),
                ("ОБЩИЕ СВЕДЕНИЯ", "Heading 1"),
                ("О ВЫПУСКНИКАХ", "Heading 1"),
            ],
            "ПОЛОЖЕНИЕ ОБЩИЕ СВЕДЕНИЯ О ВЫПУСКНИКАХ",
            ["Общие положения"],
            id="ru-general-information-in-the-title",
        ),
    ],
)
def test_a_title_set_in_a_heading_style_is_the_title_not_a_chapter(
    project, dlo, tmp_path, lang, page, title, chapters
):
    """Offices set the title in Heading 1 (or Title): a heading before the text that opens or
    ends with the kind's name, with the headings of its style right by it, is the title page's.
    It was a chapter: the kind was not seen (a regulation taken for a job instruction, the import
    stopped), or the title and code were lost."""
    doc = Document()
    for text, style in page:
        doc.add_paragraph(text, style=style)
    for line in _BODIES[lang][1:]:  # the clauses (a chapter made up over them when none is)
        doc.add_paragraph(line)
    model, _ = _imported(project, dlo, tmp_path, doc, "--lang", lang, "--unit", "dlo")
    assert model.title[lang] == title
    assert [c.title for c in model.chapters] == chapters


@pytest.mark.parametrize(
    ("lead", "rows"),
    [
        pytest.param(  # the code and edition in a table under the title
            [],
            [["ПП 07-2024", "Редакция 1"]],
            id="code-table",
        ),
        pytest.param(  # agreement signatures in a table under the title
            [],
            [["СОГЛАСОВАНО", "Проректор ___ Петров П.П."]],
            id="agreement-table",
        ),
        pytest.param(  # a block's word with a colon over its table of signatures
            ["СОГЛАСОВАНО:"],
            [["Проректор", "_____ Петров П.П."]],
            id="agreement-word-over-a-table",
        ),
    ],
)
def test_a_table_on_the_title_page_after_the_title_is_the_title_page_s(
    project, dlo, tmp_path, lead, rows
):
    doc = Document()
    for line in ["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", *lead]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(rows), cols=2)
    for row, texts in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = texts
    for line in _BODIES["ru"]:
        doc.add_paragraph(line)
    model, err = _imported(project, dlo, tmp_path, doc)
    assert model.title["ru"] == "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ"
    assert [c.title for c in model.chapters] == ["Общие положения"]
    assert "DLO504" not in err


def test_a_table_under_the_title_before_the_first_chapter_stays_text(project, dlo, tmp_path):
    """A table a line ending with a colon leads in (abbreviations above the first chapter) is
    the text's, not dropped with the title page."""
    doc = Document()
    for line in ["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024", "Сокращения:"]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "РК", "Республика Казахстан"
    for line in _BODIES["ru"]:
        doc.add_paragraph(line)
    model, _ = _imported(project, dlo, tmp_path, doc)
    texts = [i.text for c in model.chapters for cl in c.clauses for i in cl.items]
    texts += [cl.text for c in model.chapters for cl in c.clauses]
    assert any("Республика Казахстан" in t for t in texts), texts


def test_a_clause_wrapped_before_a_roman_numeral_stays_one(project, dlo, tmp_path):
    """A clause broken by Shift+Enter before "III. Устава" (a citation, not a chapter in
    capitals) or "III тарауында" stays one clause: no chapter is made up for it."""
    doc = Document()
    for line in ["ПОЛОЖЕНИЕ", "ОБ ОТДЕЛЕ ДИСТАНЦИОННОГО ОБУЧЕНИЯ", "ПП 07-2024", _BODIES["ru"][0]]:
        doc.add_paragraph(line)
    run = doc.add_paragraph().add_run("1. Отдел руководствуется положениями раздела")
    run.add_break()
    run.add_text("III. Устава университета.")
    doc.add_paragraph(_BODIES["ru"][2])
    model, err = _imported(project, dlo, tmp_path, doc)
    assert [c.text for c in model.chapters[0].clauses][0] == (
        "Отдел руководствуется положениями раздела III. Устава университета."
    )
    assert "DLO504" not in err


def test_a_paragraph_style_that_hides_hides_its_runs_but_one_that_shows_itself():
    """Hidden text through a paragraph style (based on one that hides): each of its runs is
    hidden as Word shows it, but a run whose character style or own setting shows it."""
    from xml.etree import ElementTree as ET

    from dlo_docs.importer.wordml import _runs
    from dlo_docs.importer.wordstyles import Styles

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    styles = Styles(
        ET.fromstring(
            f'<w:styles xmlns:w="{w}">'
            '<w:style w:type="paragraph" w:styleId="Hide"><w:rPr><w:vanish/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Note"><w:basedOn w:val="Hide"/></w:style>'
            '<w:style w:type="character" w:styleId="Show"><w:rPr><w:vanish w:val="0"/></w:rPr>'
            "</w:style></w:styles>"
        )
    )
    body = ET.fromstring(
        f'<w:body xmlns:w="{w}"><w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>'
        "<w:r><w:t>a</w:t></w:r><w:hyperlink><w:r><w:t>b</w:t></w:r></w:hyperlink>"
        '<w:r><w:rPr><w:rStyle w:val="Show"/></w:rPr><w:t>c</w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="off"/></w:rPr><w:t>d</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>e</w:t></w:r></w:p></w:body>"
    )
    styles.hide_styled(body, _runs)
    hidden = {
        r.find(f"{{{w}}}t").text: (v := r.find(f"{{{w}}}rPr/{{{w}}}vanish")) is not None
        and v.get(f"{{{w}}}val") is None
        for r in body.iter(f"{{{w}}}r")
    }
    assert hidden == {"a": True, "b": True, "c": False, "d": False, "e": False}
