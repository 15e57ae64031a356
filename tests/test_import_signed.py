"""Who agrees a regulation, as ``dlo import`` reads it where offices write the signatures: the title
page's agreement block (СОГЛАСОВАНО / КЕЛІСІЛДІ, beside the approval block or alone) and the
agreement sheet after the text (ЛИСТ СОГЛАСОВАНИЯ / КЕЛІСУ ПАРАҒЫ). With no clause naming the
approvers they are proposed from there (DLO510, at the block's or the sheet's line), not the head's
fallback; where a clause names others, the clause is followed and the difference reported: the
drift between the text and the sheet people sign is what the import should show.

The layouts are those of the regulations the university's offices write (a review's whole
documents, kk and ru); the registry is the bundled one."""

from __future__ import annotations

import pytest
from docx import Document
from test_import_support import load_model

from dlo_docs.project import Project

RU_BODY = """ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
начальника отдела документационного обеспечения

1. Общие положения
1.1. Начальник отдела документационного обеспечения подчиняется непосредственно Председателю Правления – Ректору.
1.2. Начальник отдела документационного обеспечения назначается на должность приказом Председателя Правления – Ректора.
2. Должностные обязанности
2.1. Организует делопроизводство университета.
2.2. Визирует проекты приказов и положений о подразделениях.
3. Заключительные положения
3.1. Настоящая инструкция вступает в силу с момента утверждения.
"""

RU_COLUMNS = (
    "СОГЛАСОВАНО\tУТВЕРЖДАЮ\n"
    "Начальник отдела управления персоналом\tПредседатель Правления – Ректор\n"
    "__________ Г. М. Жумабаева\t__________ Д. Е. Ахметов\n"
    "«___» ________ 2024 г.\t«___» ________ 2024 г.\n\n"
)

KK_COLUMNS = """КЕЛІСІЛДІ\tБЕКІТЕМІН
Персоналды басқару бөлімінің бастығы\tБасқарма Төрағасы – Ректор
________ Г. М. Жұмабаева\t________ Д. Е. Ахметов
«__» ________ 2024 ж.\t«__» ________ 2024 ж.

Құқықтық қамтамасыз ету және мемлекеттік сатып алу бөлімінің бастығының
ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1-тарау. Жалпы ережелер
1. Құқықтық қамтамасыз ету және мемлекеттік сатып алу бөлімінің бастығы Басқарма Төрағасы – Ректорға тікелей бағынады.
2-тарау. Лауазымдық міндеттері
2. Бұйрықтардың, ережелердің және лауазымдық нұсқаулықтардың жобаларын заңнамаға сәйкестігіне келіседі.
3. Ол дайындаған немесе келіскен құжаттардың заңдылығы үшін жауапты болады.
3-тарау. Қорытынды ережелер
4. Осы лауазымдық нұсқаулық бекітілген күннен бастап қолданысқа енгізіледі.
"""

SHEET = """
ЛИСТ СОГЛАСОВАНИЯ
Проректор по академическим вопросам\t_____________\tА. Б. Серikов
Начальник отдела управления персоналом\t_____________\tГ. М. Жумабаева
ЛИСТ ОЗНАКОМЛЕНИЯ
Начальник отдела правового обеспечения и государственных закупок\t_______\tК. Л. Оспанов
"""


def _imported(project, dlo, tmp_path, text: str | None, name: str = "source.txt"):
    source = tmp_path / name
    if isinstance(text, str):
        source.write_text(text, encoding="utf-8")
    result = dlo("import", source, "--id", "got", cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "got"), result.err


def test_the_agreement_block_beside_the_approval_block_names_the_approvers(project, dlo, tmp_path):
    model, err = _imported(project, dlo, tmp_path, RU_COLUMNS + RU_BODY)
    assert model.agreement.approvers == ["hr-head"]
    assert model.approval.by == "rector"
    assert "source.txt:1:1: warning DLO510: agreement.approvers proposed from the source's " in err
    assert "agreement block: Начальник отдела управления персоналом" in err
    assert "no clause names the approvers" not in err


def test_a_kazakh_agreement_block_and_a_duty_to_agree_drafts(project, dlo, tmp_path):
    """The КЕЛІСІЛДІ column names the approver; the duty "… нұсқаулықтардың жобаларын …
    келіседі" (the holder agrees other drafts) is no clause on this instruction's agreement."""
    model, err = _imported(project, dlo, tmp_path, KK_COLUMNS)
    assert model.position == "legal-head"
    assert model.agreement.approvers == ["hr-head"]
    assert model.approval.by == "rector"
    assert "agreement block: Персоналды басқару бөлімінің бастығы" in err
    states = [c.states for ch in model.chapters for c in ch.clauses]
    assert "approvers" not in states and "reports_to" in states


def test_an_agreement_block_alone_over_the_title(project, dlo, tmp_path):
    text = (
        "СОГЛАСОВАНО:\nПроректор по академическим вопросам\n__________ А. Б. Сериков\n"
        "«___» ________ 2024 г.\nУТВЕРЖДАЮ\nПредседатель Правления – Ректор\n"
        "__________ Д. Е. Ахметов\n«___» ________ 2024 г.\n\n" + RU_BODY
    )
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["vp-academic"]
    assert model.approval.by == "rector"
    assert model.position == "docs-head"  # the block's official is not the title's


def test_the_agreement_sheet_names_the_approvers_in_its_order(project, dlo, tmp_path):
    """The sheet's rows to the next sheet (the acquaintance sheet's official is no approver)."""
    model, err = _imported(project, dlo, tmp_path, "УТВЕРЖДАЮ\nРектор\n\n" + RU_BODY + SHEET)
    assert model.agreement.approvers == ["vp-academic", "hr-head"]
    line = (RU_BODY + SHEET).splitlines().index("ЛИСТ СОГЛАСОВАНИЯ") + 4
    assert f"source.txt:{line}:1: warning DLO510: agreement.approvers proposed from the " in err
    assert "agreement sheet: Проректор по академическим вопросам, Начальник отдела" in err


def _agreed_with(whom: str) -> str:
    """The body with a clause 3.1 saying it is agreed with ``whom``, and the sheet after it."""
    said = f"3.1. Настоящая инструкция согласовывается с {whom}.\n3.2. Настоящая"
    return RU_BODY.replace("3.1. Настоящая", said) + SHEET


def test_a_clause_and_the_sheet_that_disagree_are_both_said(project, dlo, tmp_path):
    """The clause is followed, and the sheet people sign is named beside it."""
    text = _agreed_with("начальником отдела правового обеспечения и государственных закупок")
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["legal-head"]
    assert "agreement.approvers proposed from clause 3.1" in err
    assert (
        "the source's agreement sheet names Проректор по академическим вопросам, Начальник "
        "отдела управления персоналом, whom clause 3.1 does not name: agreement.approvers follows "
        "the clause"
    ) in err


def test_a_sheet_that_agrees_with_the_clause_is_not_reported(project, dlo, tmp_path):
    text = _agreed_with(
        "проректором по академическим вопросам и начальником отдела управления персоналом"
    )
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["vp-academic", "hr-head"]
    assert "agreement sheet names" not in err


def test_a_word_document_with_its_blocks_and_sheet_in_tables(project, dlo, tmp_path):
    """As offices set them in Word: the two blocks in a table's two cells, the sheet a table."""
    doc = Document()
    top = doc.add_table(rows=1, cols=2)
    top.cell(
        0, 0
    ).text = "СОГЛАСОВАНО\nНачальник отдела управления персоналом\n_______ Г. М. Жумабаева"
    top.cell(0, 1).text = "УТВЕРЖДАЮ\nПредседатель Правления – Ректор\n_______ Д. Е. Ахметов"
    for line in RU_BODY.splitlines():
        if line:
            doc.add_paragraph(line)
    doc.add_paragraph("ЛИСТ СОГЛАСОВАНИЯ")
    sheet = doc.add_table(rows=2, cols=3)
    for k, text in enumerate(["Должность", "Подпись", "Ф.И.О."]):
        sheet.cell(0, k).text = text
    sheet.cell(1, 0).text = "Проректор по академическим вопросам"
    sheet.cell(1, 2).text = "А. Б. Сериков"
    doc.save(tmp_path / "source.docx")
    model, err = _imported(project, dlo, tmp_path, None, "source.docx")
    assert model.agreement.approvers == ["vp-academic"]  # the sheet, which people sign
    assert "agreement sheet: Проректор по академическим вопросам" in err


UNIT_BODY = """ПОЛОЖЕНИЕ
об отделе дистанционного обучения

1. Общие положения
1.1. Настоящее Положение определяет задачи, функции и права отдела.
1.2. Отдел возглавляет начальник отдела дистанционного обучения.
2. Заключительные положения
2.1. Настоящее Положение вступает в силу с момента утверждения.
"""


def test_signatories_stacked_under_the_column_after_the_approval_block_ends(project, dlo, tmp_path):
    """The agreement column goes on after the approval block's last line: its second signatory
    is on lines of its own, each a position over a line to sign on."""
    text = RU_COLUMNS + (
        "Начальник отдела правового обеспечения и государственных закупок\n"
        "__________ Н. К. Оспанов\n«___» ________ 2024 г.\n\n"
    )
    model, err = _imported(project, dlo, tmp_path, text + RU_BODY)
    assert model.agreement.approvers == ["hr-head", "legal-head"]
    assert model.position == "docs-head"


def test_who_wrote_it_and_who_approves_it_sign_but_do_not_agree(project, dlo, tmp_path):
    """Under "Разработано:" the unit's own head (the author), and the approving official
    signing the sheet too, are no approvers; those under "Согласовано:" are."""
    sheet = (
        "\nЛИСТ СОГЛАСОВАНИЯ\nРазработано:\n"
        "Начальник отдела дистанционного обучения\t______\tМ. Р. Бекова\nСогласовано:\n"
        "Проректор по академическим вопросам\t______\tА. Б. Сериков\n"
        "Председатель Правления – Ректор\t______\tД. Е. Ахметов\n"
    )
    model, err = _imported(project, dlo, tmp_path, "УТВЕРЖДАЮ\nРектор\n\n" + UNIT_BODY + sheet)
    assert model.agreement.approvers == ["vp-academic"]
    assert model.approval.by == "rector"


@pytest.mark.parametrize(
    ("lead_in", "lang"),
    [
        ("С Положением ознакомлены:", "ru"),
        ("С должностной инструкцией ознакомлен(а):", "ru"),
    ],
)
def test_an_acquaintance_list_led_in_without_a_title_ends_the_sheet(
    project, dlo, tmp_path, lead_in, lang
):
    sheet = (
        "\nЛИСТ СОГЛАСОВАНИЯ\n"
        "Начальник отдела правового обеспечения и государственных закупок\t______\tН. К. Оспанов\n"
        f"\n{lead_in}\n"
        "Директор института непрерывного образования\t______\tЕ. Ж. Касымов\t«___» ____ 2024 г.\n"
    )
    model, err = _imported(project, dlo, tmp_path, RU_BODY + sheet)
    assert model.agreement.approvers == ["legal-head"]
    assert "ознакомлен" not in str(model.model_dump())  # not glued onto the last clause


def test_a_kazakh_acquaintance_lead_in_ends_the_sheet(project, dlo, tmp_path):
    text = KK_COLUMNS.replace("КЕЛІСІЛДІ\tБЕКІТЕМІН", "\tБЕКІТЕМІН").replace(
        "Персоналды басқару бөлімінің бастығы\tБасқарма", "\tБасқарма"
    ) + (
        "\nКЕЛІСУ ПАРАҒЫ\nАкадемиялық мәселелер жөніндегі проректор\t______\tА. Б. Сейітова\n"
        "\nЛауазымдық нұсқаулықпен таныстым:\n"
        "Персоналды басқару бөлімінің бастығы\t______\tГ. М. Жұмабаева\t«__» ____ 2024 ж.\n"
    )
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["vp-academic"]


@pytest.mark.parametrize(
    "title", ["Л И С Т   С О Г Л А С О В А Н И Я", "ЛИСТ ВИЗИРОВАНИЯ", "ВИЗАЛАУ ПАРАҒЫ"]
)
def test_a_sheet_titled_letter_spaced_or_as_a_visa_sheet(project, dlo, tmp_path, title):
    sheet = f"\n{title}\nНачальник отдела управления персоналом\t______\tГ. М. Жумабаева\n"
    model, err = _imported(project, dlo, tmp_path, RU_BODY + sheet)
    assert model.agreement.approvers == ["hr-head"]
    assert "Жумабаева" not in str(model.model_dump())  # the sheet is no text of the last clause


def test_a_unit_regulation_with_an_agreement_cell_finds_its_unit(project, dlo, tmp_path):
    """The agreement cell's lines (two signatories) are not the title page's: the unit is the
    one the title names (under the organisation's name and the blocks, it was read past the
    page's first lines)."""
    doc = Document()
    doc.add_paragraph("НАО «Костанайский региональный университет имени Ахмета Байтурсынулы»")
    top = doc.add_table(rows=1, cols=2)
    top.cell(0, 0).text = (
        "СОГЛАСОВАНО\nПроректор по академическим вопросам\n_______ А. Б. Сериков\n"
        "Начальник отдела правового обеспечения и государственных закупок\n_______ Н. К. Оспанов"
    )
    top.cell(0, 1).text = "УТВЕРЖДАЮ\nПредседатель Правления – Ректор\n_______ Д. Е. Ахметов"
    for line in UNIT_BODY.splitlines():
        if line:
            doc.add_paragraph(line)
    doc.save(tmp_path / "source.docx")
    model, err = _imported(project, dlo, tmp_path, None, "source.docx")
    assert (model.unit, model.agreement.approvers) == ("dlo", ["vp-academic", "legal-head"])


def test_the_same_approvers_in_another_order_are_reported(project, dlo, tmp_path):
    """The route is sequential: the sheet's order differing from the clause's is said."""
    model, err = _imported(
        project,
        dlo,
        tmp_path,
        _agreed_with(
            "начальником отдела управления персоналом и проректором по академическим вопросам"
        ),
    )
    assert model.agreement.approvers == ["hr-head", "vp-academic"]
    assert (
        "the source's agreement sheet names Проректор по академическим вопросам, Начальник" in err
    )


UNKNOWN_SHEET = (
    "\nЛИСТ СОГЛАСОВАНИЯ\nГлавный бухгалтер\t______\tК. С. Нурланова\n"
    "Начальник отдела управления персоналом\t______\tГ. М. Жумабаева\n"
)


def test_an_official_of_the_sheet_the_registry_does_not_know_is_proposed(project, dlo, tmp_path):
    """Not dropped silently: reported as a proposed position; the known one is the approver."""
    model, err = _imported(project, dlo, tmp_path, RU_BODY + UNKNOWN_SHEET)
    assert model.agreement.approvers == ["hr-head"]
    assert (
        "the source's agreement sheet names an approver the registry does not know: "
        "'Главный бухгалтер' (proposed as position glavnyi-bukhgalter)"
    ) in err
    assert "or import with --update-registry" in err


def test_with_update_registry_the_sheet_s_unknown_official_becomes_an_approver(
    project, dlo, tmp_path
):
    """Added to the registry with a mention that finds it in any case, and an approver in the
    sheet's order."""
    source = tmp_path / "source.txt"
    source.write_text(RU_BODY + UNKNOWN_SHEET, encoding="utf-8")
    result = dlo("import", source, "--id", "got", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "got").agreement.approvers == ["glavnyi-bukhgalter", "hr-head"]
    registry = (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    assert "- id: glavnyi-bukhgalter\n  title:\n    ru: Главный бухгалтер\n" in registry
    assert "ru: [главн бухгалтер]" in registry  # "главного бухгалтера" is found too


def test_the_name_beside_an_official_the_sheet_proposes_is_its_holder(project, dlo, tmp_path):
    """ "Главный бухгалтер ______ К. С. Нурланова": the chief accountant proposed from the sheet
    has her as its holder (said at her line), so the sheet dlo prints names her as the source
    does; the HR head the registry knows keeps its own holder, whatever the sheet says."""
    source = tmp_path / "source.txt"
    source.write_text(RU_BODY + UNKNOWN_SHEET, encoding="utf-8")
    result = dlo("import", source, "--id", "got", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    registry = Project(project).load([]).registry
    assert registry.position("glavnyi-bukhgalter").holder == {"ru": "К. С. Нурланова"}
    assert registry.position("hr-head").holder == {"kk": "Г. М. Жұмабаева", "ru": "Г. М. Жумабаева"}
    said = [line for line in result.err.splitlines() if "holder" in line]
    assert len(said) == 1 and "К. С. Нурланова as Главный бухгалтер" in said[0], result.err


METHODIST = """УТВЕРЖДАЮ
Председатель Правления – Ректор

ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
методиста Института непрерывного образования

1. Общие положения
1.1. Методист подчиняется непосредственно начальнику отдела дистанционного обучения.
2. Должностные обязанности
2.1. Выполняет поручения начальника отдела дистанционного обучения.
"""


def test_a_holder_in_another_unit_than_the_one_counted_stops_the_import(project, dlo, tmp_path):
    """The clauses name the DLO head most often; the title names a methodist of the institute."""
    source = tmp_path / "source.txt"
    source.write_text(METHODIST, encoding="utf-8")
    result = dlo("import", source, "--id", "got", cwd=project)
    assert result.code == 2
    assert "its title names 'методиста института непрерывного образования'" in result.err
    assert f"{source}:5: cannot tell" in result.err


@pytest.mark.parametrize(
    ("wrapped", "lang"),
    [
        ("лист согласования, подписанный заинтересованными должностными лицами.", "ru"),
        ("ЛИСТ СОГЛАСОВАНИЯ, подписанный заинтересованными должностными лицами.", "ru"),
    ],
)
def test_a_clause_wrapped_onto_a_line_that_opens_like_a_sheet_s_title_is_text(
    project, dlo, tmp_path, wrapped, lang
):
    """A .txt clause's second line is no sheet's title: the text after it is kept."""
    body = RU_BODY.replace(
        "2.2. Визирует проекты приказов и положений о подразделениях.",
        "2.2. К проекту положения прилагается\n" + wrapped,
    )
    model, err = _imported(project, dlo, tmp_path, body)
    assert [ch.source_number for ch in model.chapters] == ["1", "2", "3"]
    assert "DLO506" not in err


def test_direction_marks_hide_no_sheet(project, dlo, tmp_path):
    """Marks of bidirectional text pasted in are dropped: the sheet is read, and none of it (a
    BEL on its line neither) goes into a clause."""
    sheet = (
        "\n\u200fЛИСТ\u200e СОГЛАСОВАНИЯ\u202c\n"
        "\u202aНачальник отдела управления персоналом\a\t______\tГ. М. Жумабаева\n"
    )
    model, err = _imported(project, dlo, tmp_path, RU_BODY + sheet)
    assert model.agreement.approvers == ["hr-head"]
    dumped = str(model.model_dump())
    assert "Жумабаева" not in dumped and "\a" not in dumped and "\u200f" not in dumped


@pytest.mark.parametrize("author", ["Составитель:", "Разработал(а):", "Исполнитель:"])
def test_every_label_of_the_author_and_visas_after_it(project, dlo, tmp_path, author):
    sheet = (
        f"\nЛИСТ СОГЛАСОВАНИЯ\n{author}\n"
        "Начальник отдела документационного обеспечения\t______\tС. Т. Абенова\nВизы:\n"
        "Проректор по академическим вопросам\t______\tА. Б. Сериков\n"
    )
    model, err = _imported(project, dlo, tmp_path, "УТВЕРЖДАЮ\nРектор\n\n" + UNIT_BODY + sheet)
    assert model.agreement.approvers == ["vp-academic"]


def test_a_sheet_s_continuation_and_an_untitled_acquaintance_list(project, dlo, tmp_path):
    sheet = (
        "\nЛИСТ СОГЛАСОВАНИЯ\nПроректор по академическим вопросам\t______\tА. Б. Сериков\n"
        "ЛИСТ СОГЛАСОВАНИЯ (продолжение)\n"
        "Начальник отдела управления персоналом\t______\tГ. М. Жумабаева\n"
        "Ознакомлены:\n"
        "Начальник отдела правового обеспечения и государственных закупок\t______\tН. Оспанов\n"
    )
    model, err = _imported(project, dlo, tmp_path, RU_BODY + sheet)
    assert model.agreement.approvers == ["vp-academic", "hr-head"]


def test_the_head_of_the_organisation_who_approves_when_nothing_says_is_no_approver(
    project, dlo, tmp_path
):
    sheet = (
        "\nЛИСТ СОГЛАСОВАНИЯ\nНачальник отдела управления персоналом\t______\tГ. М. Жумабаева\n"
        "Председатель Правления – Ректор\t______\tД. Е. Ахметов\n"
    )
    model, err = _imported(project, dlo, tmp_path, UNIT_BODY + sheet)
    assert (model.agreement.approvers, model.approval.by) == (["hr-head"], "rector")


NOT_OFFICIALS = (
    "\nЛИСТ СОГЛАСОВАНИЯ\nНАО «Костанайский региональный университет»\n"
    "Наименование должности | Фамилия, инициалы | Подпись | Дата\n"
    "Решением Ученого совета университета\nПротокол № 3 от 12.01.2024\n"
    "Отдел управления персоналом | Начальник | Г. М. Жумабаева\n"
    "Проректор\t______\tА. Б. Сериков\n"
    "Главный бухгалтер\t______\tК. С. Нурланова\n"
)


def test_only_officials_are_proposed_and_added(project, dlo, tmp_path):
    """The organisation's name, a header row, a council's decision, a unit's name and a bare
    "Проректор" (which vice-rector? its mention would find every one) are not proposed; the
    chief accountant is, and added with --update-registry: dlo check stays clean."""
    source = tmp_path / "source.txt"
    source.write_text(RU_BODY + NOT_OFFICIALS, encoding="utf-8")
    args = ("--id", "got", "--code", "ДИ 12-2024", "--update-registry")
    result = dlo("import", source, *args, cwd=project)
    assert result.code == 0, result.err
    assert result.err.count("names an approver the registry does not know") == 1
    registry = (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    added = registry.split("- id: dlo-head", 1)[1].split("normative_documents:")[0]
    assert added.count("- id: ") == 1 and "- id: glavnyi-bukhgalter" in added
    assert dlo("check", cwd=project).code == 0


def test_a_sheet_of_more_officials_than_an_agreement_has_proposes_none(project, dlo, tmp_path):
    rows = "".join(
        f"Главный специалист сектора {n}\t______\tА. Б. Ким\n" for n in "АБВГДЕЖЗИКЛМНОПРСТУФХЦ"
    )
    model, err = _imported(project, dlo, tmp_path, RU_BODY + "\nЛИСТ СОГЛАСОВАНИЯ\n" + rows)
    assert "names 22 officials the registry does not know: more than an agreement has" in err
    assert "names an approver the registry does not know" not in err


def test_the_signatories_after_the_author_s_signature_agree_it(project, dlo, tmp_path):
    """With no "Согласовано:" after him, the author's lines end at his signature."""
    sheet = (
        "\nЛИСТ СОГЛАСОВАНИЯ\nРазработал:\n"
        "Начальник отдела дистанционного обучения\t______\tМ. Р. Бекова\n"
        "Проректор по академическим вопросам\t______\tА. Б. Сериков\n"
    )
    model, err = _imported(project, dlo, tmp_path, "УТВЕРЖДАЮ\nРектор\n\n" + UNIT_BODY + sheet)
    assert model.agreement.approvers == ["vp-academic"]


def _with_sheet(body: str, rows: list[str]) -> str:
    return body + "\nЛИСТ СОГЛАСОВАНИЯ\n" + "".join(f"{row}\t______\tА. Б. Ким\n" for row in rows)


def test_an_official_on_the_sheet_no_position_matches_is_said(project, dlo, tmp_path):
    """The sheet's chief accountant is named though the registry knows no such position: the
    clause names only the vice-rector."""
    text = _with_sheet(
        _agreed_with("проректором по академическим вопросам").split("\nЛИСТ")[0],
        ["Проректор по академическим вопросам", "Главный бухгалтер"],
    )
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["vp-academic"]
    assert (
        "warning DLO510: the source's agreement sheet names Главный бухгалтер, whom clause 3.1 "
        "does not name: agreement.approvers follows the clause"
    ) in err
    assert "whom the source's agreement sheet does not" not in err


def test_an_approver_of_the_clause_the_sheet_lacks_is_said(project, dlo, tmp_path):
    text = _with_sheet(
        _agreed_with(
            "проректором по академическим вопросам и начальником отдела управления персоналом"
        ).split("\nЛИСТ")[0],
        ["Проректор по академическим вопросам"],
    )
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["vp-academic", "hr-head"]
    assert (
        "clause 3.1 names Начальник отдела управления персоналом, whom the source's agreement "
        "sheet does not: agreement.approvers follows the clause"
    ) in err
    assert "agreement sheet names" not in err


ABBREVIATED = """ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
начальника отдела документационного обеспечения

1. Общие положения
1.1. Начальник отдела документационного обеспечения подчиняется непосредственно Председателю Правления – Ректору.
2. Обозначения и сокращения
2.1. В настоящей инструкции применяются следующие сокращения:
2.1.1. ОДО – отдел дистанционного обучения;
2.1.2. ДИ – должностная инструкция.
3. Заключительные положения
3.1. Настоящая инструкция согласовывается с проректором по академическим вопросам, начальником отдела дистанционного обучения и бухгалтером.
3.2. Настоящая инструкция вступает в силу с момента утверждения.
"""


@pytest.mark.parametrize("update", [False, True])
def test_a_sheet_that_abbreviates_what_the_clause_writes_out_agrees(project, dlo, tmp_path, update):
    """The sheet's "Начальник ОДО" (ОДО defined in the text) is the clause's head of distance
    learning; its accountant the one the clause names and the import proposes; the holder and
    the rector signing too are no approvers, and the deputy's line is the deputy's: nothing
    is said, with the proposal added or not."""
    rows = [
        "Проректор по академическим вопросам",
        "Начальник ОДО",
        "Бухгалтер",
        "Бухгалтер",
        "Начальник отдела документационного обеспечения",
        "Председатель Правления – Ректор",
    ]
    source = tmp_path / "source.txt"
    source.write_text(_with_sheet(ABBREVIATED, rows), encoding="utf-8")
    extra = ["--update-registry"] if update else []
    result = dlo("import", source, "--id", "got", *extra, cwd=project)
    assert result.code == 0, result.err
    approvers = ["vp-academic", "dlo-head", *(["bukhgalter"] if update else [])]
    assert load_model(project, "got").agreement.approvers == approvers
    assert "'Бухгалтер' (proposed as position bukhgalter)" in result.err
    assert "agreement sheet names" not in result.err
    assert "whom the source's agreement sheet" not in result.err


def test_a_deputy_on_the_sheet_is_not_the_official_the_clause_names(project, dlo, tmp_path):
    text = _with_sheet(
        _agreed_with("начальником отдела управления персоналом").split("\nЛИСТ")[0],
        [
            "Начальник отдела управления персоналом",
            "Заместитель начальника отдела управления персоналом",
        ],
    )
    model, err = _imported(project, dlo, tmp_path, text)
    assert model.agreement.approvers == ["hr-head"]
    assert (
        "the source's agreement sheet names Заместитель начальника отдела управления персоналом, "
        "whom clause 3.1 does not name"
    ) in err
