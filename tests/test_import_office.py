"""`dlo import` of DOCX files made the way an office writes them (python-docx: an approval block
right-aligned at the top, the kind and title in bold, "1. Общие положения" chapters with "1.1."
clauses, the agreement sheet as a table at the end), and of the registry entries an earlier import
added: what a clerk meets importing documents one after another into the same project."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from test_import_corpus import CORPUS
from test_import_support import load_model

from dlo_docs import load
from dlo_docs.project import Project

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


def _foreign(project: Path, dlo, source: Path, reg: str, *extra: str):
    result = dlo("import", source, "--id", reg, *extra, cwd=project)
    assert result.code == 0, result.err
    return result


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
def test_a_second_regulation_of_an_organisation_added_before_uses_its_entries(project, dlo):
    """The Russian text after the Kazakh one (or the DOCX after the .txt) of the same
    organisation: the organisation, its unit and positions the first import added are used, not
    added again as "…-2"."""
    first = _foreign(
        project, dlo, CORPUS / "jambyl-uptad-polozhenie.ru.txt", "first", "--update-registry"
    )
    assert "added to the registry: organisations:" in first.out
    registry = (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    second = _foreign(project, dlo, CORPUS / "jambyl-uptad-polozhenie.ru.lo.docx", "second")
    assert "added to the registry" not in second.out
    assert (project / "regulations" / "registry.yaml").read_text(encoding="utf-8") == registry
    a, b = load_model(project, "first"), load_model(project, "second")
    assert (b.organisation, b.unit, b.approval.by, b.agreement.approvers) == (
        a.organisation,
        a.unit,
        a.approval.by,
        a.agreement.approvers,
    )
    # with --update-registry too: nothing is added twice
    third = _foreign(
        project, dlo, CORPUS / "mnu-research-assistant.ru.txt", "third", "--update-registry"
    )
    again = _foreign(
        project, dlo, CORPUS / "mnu-research-assistant.ru.pandoc.docx", "again", "--update-registry"
    )
    assert "added to the registry: positions" in third.out
    assert "added to the registry: organisations" not in again.out
    assert "added to the registry: positions" not in again.out
    m, n = load_model(project, "third"), load_model(project, "again")
    assert (n.organisation, n.position, n.agreement.approvers, n.approval.by) == (
        m.organisation,
        m.position,
        m.agreement.approvers,
        m.approval.by,
    )
    registry = (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    assert not re.findall(r"id: [\w-]+-2\n", registry)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
def test_our_regulation_never_takes_another_organisations_positions(project, dlo, tmp_path):
    """The Jambyl office's "Басшы" (added by its import) is not who initiates changes in our
    department's regulation that says "Бөлім басшысының бастамасы бойынша"."""
    _foreign(project, dlo, CORPUS / "jambyl-uptad-ereje.kk.txt", "jambyl", "--update-registry")
    body = [
        *KK_BODY,
        (
            "3. Қорытынды ережелер",
            ["3.1. Осы Ережеге өзгерістер Бөлім басшысының бастамасы бойынша енгізіледі."],
        ),
    ]
    path = office_docx(
        tmp_path / "dlo-kk.docx", KK_BLOCK, ["Қашықтықтан оқыту бөлімі туралы ереже"], body
    )
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, "dlo-kk")
    theirs = {
        p.id for p in load_model_registry(project).positions if p.unit and "zhambyl" in p.unit
    }
    assert theirs and not theirs & {*model.change_initiators, *model.agreement.approvers}
    assert model.organisation == "ksu" and model.unit == "dlo"


def load_model_registry(project: Path):
    return Project(project).load([]).registry


@pytest.mark.parametrize(
    ("lang", "block", "title", "body", "clause"),
    [
        (
            "ru",
            RU_BLOCK,
            ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"],
            RU_BODY,
            "3.1. Настоящее Положение согласовывается с проректором по академическим вопросам "
            "и утверждается приказом ректора.",
        ),
        (
            "kk",
            ["БЕКІТІЛДІ", "Ректордың", "2024 жылғы 12 наурыздағы", "№ 45 бұйрығымен"],
            ["Қашықтықтан оқыту бөлімі туралы ереже"],
            KK_BODY,
            "3.1. Осы Ереже академиялық мәселелер жөніндегі проректормен келісіледі және "
            "Ректордың бұйрығымен бекітіледі.",
        ),
    ],
)
def test_the_official_who_approves_is_no_approver(
    project, dlo, tmp_path, lang, block, title, body, clause
):
    """ "согласовывается с проректором … и утверждается приказом ректора": the rector approves
    the text, he does not agree it; neither the import nor dlo check take him as an approver."""
    heading = "3. Заключительные положения" if lang == "ru" else "3. Қорытынды ережелер"
    path = office_docx(tmp_path / f"dlo-{lang}.docx", block, title, [*body, (heading, [clause])])
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, f"dlo-{lang}")
    assert (model.agreement.approvers, model.approval.by) == (["vp-academic"], "rector")
    check = dlo("check", f"regulations/dlo-{lang}/regulation.yaml", cwd=project)
    assert "agreement.approvers lacks" not in check.out and "Ректор" not in check.out, check.out


@pytest.mark.parametrize(
    ("lang", "title", "body", "clause"),
    [
        (
            "ru",
            ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"],
            RU_BODY,
            "3.1. Настоящее Положение согласовывается с начальником отдела документационного "
            "обеспечения и утверждается приказом проректора по академическим вопросам.",
        ),
        (
            "kk",
            ["Қашықтықтан оқыту бөлімі туралы ереже"],
            KK_BODY,
            "3.1. Осы Ереже құжаттамалық қамтамасыз ету бөлімінің бастығымен келісіледі және "
            "академиялық мәселелер жөніндегі проректордың бұйрығымен бекітіледі.",
        ),
    ],
)
def test_a_clause_that_agrees_and_approves_gives_the_approvers_only(
    project, dlo, tmp_path, lang, title, body, clause
):
    """Who approves is not read from the clause stating the approvers: in whole documents that
    clause is as often about other texts ('должностные инструкции работников, которые
    согласовываются … и утверждаются директором') or their changes. With no clause of its own and
    no approval block, the head of the organisation is assumed, and the import says so."""
    heading = "3. Заключительные положения" if lang == "ru" else "3. Қорытынды ережелер"
    path = office_docx(tmp_path / f"dlo-{lang}.docx", [], title, [*body, (heading, [clause])])
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert "no clause names who approves; approval.by set to rector" in result.err, result.err
    model = load_model(project, f"dlo-{lang}")
    assert (model.agreement.approvers, model.approval.by) == (["docs-head"], "rector")


def test_the_approval_block_outweighs_what_the_agreement_clause_says(project, dlo, tmp_path):
    """The title page's approval block records who approved this text: it gives approval.by
    (the import says whom it took), whatever the agreement clause says beside the approvers."""
    clause = (
        "3.1. Настоящее Положение согласовывается с начальником отдела документационного "
        "обеспечения и утверждается приказом проректора по академическим вопросам."
    )
    title = ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"]
    body = [*RU_BODY, ("3. Заключительные положения", [clause])]
    path = office_docx(tmp_path / "dlo-ru.docx", RU_BLOCK, title, body)
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert "whom the source's approval block names" in result.err
    assert load_model(project, "dlo-ru").approval.by == "rector"


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
RTF = (
    "{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
    "\\pard 1. \\u1054?\\u1073?\\u1097?\\u1080?\\u1077? \\u1087?\\u1086?\\u1083?\\par\n"
    "\\pard 1.1. Положение определяет задачи отдела.\\par\n}\n"
).encode("cp1251")


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("order.pdf", PDF, "a PDF"),
        ("order.docx", PDF, "a PDF"),
        ("order.txt", PDF, "a PDF"),
        ("order.rtf", RTF, "an RTF document"),
        ("order.txt", RTF, "an RTF document"),
    ],
)
def test_a_pdf_or_rtf_is_named_as_such_and_nothing_is_written(
    project, dlo, tmp_path, name, data, what
):
    """Not read as text (an RTF's control words would become clauses), and not called "binary"
    or "not a ZIP package": the error says what the file is and how to get a .docx."""
    path = tmp_path / name
    path.write_bytes(data)
    result = dlo("import", path, "--kind", "unit_regulation", "--unit", "dlo", cwd=project)
    assert result.code == 1, result.out + result.err
    assert f"{path}: error DLO520: this is {what}, not a .docx or a text file" in result.err
    assert "save it as .docx" in result.err and "Traceback" not in result.err
    assert not (project / "regulations" / "order").exists()


def test_a_position_or_unit_that_cannot_be_told_names_the_file(project, dlo, tmp_path):
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    for i, (n, text) in enumerate([("1.", "Текст первого пункта."), ("2.", "Текст второго.")]):
        table.cell(i, 0).text, table.cell(i, 1).text = n, text
    path = tmp_path / "table.docx"
    doc.save(str(path))
    for kind, option in (("job_instruction", "--position"), ("unit_regulation", "--unit")):
        result = dlo("import", path, "--kind", kind, cwd=project)
        assert result.code == 2 and "Traceback" not in result.err
        assert f"{path}: cannot tell which" in result.err and option in result.err, result.err


@pytest.mark.parametrize(
    ("lang", "page", "title"),
    [
        (
            "ru",
            ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"],
            "Положение об отделе дистанционного обучения",
        ),
        (
            "ru",
            ["ПОЛОЖЕНИЕ об отделе дистанционного обучения"],
            "Положение об отделе дистанционного обучения",
        ),
        ("kk", ["Қашықтықтан оқыту бөлімі туралы ЕРЕЖЕ"], "Қашықтықтан оқыту бөлімі туралы ереже"),
        (
            "kk",
            ["Қашықтықтан оқыту бөлімі туралы", "ЕРЕЖЕ"],
            "Қашықтықтан оқыту бөлімі туралы ереже",
        ),
        (
            "kk",
            ["ЕРЕЖЕ", "Қашықтықтан оқыту бөлімі туралы"],
            "Қашықтықтан оқыту бөлімі туралы ереже",
        ),
    ],
)
def test_a_title_set_in_capitals_or_over_two_lines_reads_as_one(
    project, dlo, tmp_path, lang, page, title
):
    """The kind in capitals on its own line, as title pages set it, is part of the title (the
    project's titles name their kind: "… бастығының лауазымдық нұсқаулығы"), in its ordinary
    case: not an abbreviation for dlo check (DLO102), not a title without its kind."""
    body = RU_BODY if lang == "ru" else KK_BODY
    path = office_docx(
        tmp_path / f"dlo-{lang}.docx", RU_BLOCK if lang == "ru" else KK_BLOCK, page, body
    )
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, f"dlo-{lang}").title == {lang: title}
    check = dlo("check", f"regulations/dlo-{lang}/regulation.yaml", cwd=project)
    assert "DLO102" not in check.out, check.out


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("ru", "1.2. Отдел подчиняется директору института непрерывного образования."),
        ("kk", "1.2. Бөлім үздіксіз білім беру институтының директорына бағынады."),
    ],
)
def test_a_unit_regulation_states_whom_its_unit_reports_to(project, dlo, tmp_path, lang, clause):
    """A unit regulation has no position: the clause saying to whom the unit reports is held to
    the unit head's reports_to (the department's head reports to the institute's director), not
    to an empty set that every name disagrees with."""
    body = RU_BODY if lang == "ru" else KK_BODY
    chapter, clauses = body[0]
    body = [(chapter, [clauses[0], clause]), *body[1:]]
    title = (
        ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"]
        if lang == "ru"
        else ["Қашықтықтан оқыту бөлімі туралы ереже"]
    )
    path = office_docx(
        tmp_path / f"dlo-{lang}.docx", RU_BLOCK if lang == "ru" else KK_BLOCK, title, body
    )
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    check = dlo("check", f"regulations/dlo-{lang}/regulation.yaml", cwd=project)
    assert "reports_to" not in check.out, check.out
    # a clause naming someone else is still caught
    text = (project / "regulations" / f"dlo-{lang}" / "regulation.yaml").read_text(encoding="utf-8")
    other = {
        "ru": (
            "директору института непрерывного образования",
            "проректору по академическим вопросам",
        ),
        "kk": (
            "үздіксіз білім беру институтының директорына",
            "академиялық мәселелер жөніндегі проректорға",
        ),
    }[lang]
    (project / "regulations" / f"dlo-{lang}" / "regulation.yaml").write_text(
        text.replace(*other), encoding="utf-8"
    )
    check = dlo("check", f"regulations/dlo-{lang}/regulation.yaml", cwd=project)
    assert "error DLO101" in check.out and "reports_to" in check.out, check.out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
def test_unit_of_another_organisation_given_takes_nothing_of_ours(project, dlo):
    """The Kazakh text of a regulation whose Russian one an import added, put under its unit
    with --unit: the regulation is that organisation's, and who agrees, approves and initiates
    changes comes from its positions, never this project's rector. The registry has their
    names in Russian only: check says so (DLO117), which the Kazakh forms would print blank,
    until the registry has them in Kazakh too."""
    _foreign(project, dlo, CORPUS / "jambyl-uptad-polozhenie.ru.txt", "ru", "--update-registry")
    ru = load_model(project, "ru")
    args = ("import", CORPUS / "jambyl-uptad-ereje.kk.txt", "--id", "kk", "--unit", ru.unit)
    args += ("--code", "БЕ 01-2023")
    result = dlo(*args, cwd=project)
    assert result.code == 0, result.err
    kk = load_model(project, "kk")
    assert (kk.organisation, kk.unit) == (ru.organisation, ru.unit)
    theirs = {p.id for p in load_model_registry(project).positions if p.unit == ru.unit}
    said = {*kk.agreement.approvers, kk.approval.by, *kk.change_initiators}
    assert said <= theirs, said
    check = dlo("check", "regulations/kk/regulation.yaml", cwd=project)
    for what in (f"organisation {ru.organisation!r} no kk name", f"unit {ru.unit!r} no kk name"):
        assert f"error DLO117: the registry gives {what}" in check.out, check.out
    path = project / "regulations" / "registry.yaml"
    source, _ = load.read(path, "registry.yaml")
    registry = load.plain(source.data)
    for section in ("organisations", "units", "positions"):
        for entry in registry[section]:
            for key in ("name", "title", "city"):
                if list(entry.get(key, {})) == ["ru"]:
                    entry[key]["kk"] = "(kk) " + entry[key]["ru"]
    path.write_text(load.dumps(registry), encoding="utf-8")
    check = dlo("check", "regulations/kk/regulation.yaml", cwd=project)
    assert " error " not in check.out, check.out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
def test_import_says_which_registry_names_the_forms_lack(project, dlo):
    """The Russian text put under the unit the Kazakh import added: the registry has the
    organisation's, unit's and position's names in Kazakh only, so the Russian forms cannot be
    printed yet. The import says so at each registry entry, naming what is missing in which
    language, and the names it reports are those the render would refuse."""
    _foreign(project, dlo, CORPUS / "jambyl-uptad-ereje.kk.txt", "kk", "--update-registry")
    kk = load_model(project, "kk")
    source = CORPUS / "jambyl-uptad-polozhenie.ru.txt"
    result = _foreign(project, dlo, source, "ru", "--unit", kk.unit)
    said = re.findall(
        r"^regulations/registry\.yaml:\d+:\d+: warning DLO117: the registry gives (\w+) '([\w-]+)' "
        r"no ru (\w+),.*\(hint: add ru: to its \3 in regulations/registry\.yaml\)$",
        result.err,
        re.MULTILINE,
    )
    assert set(said) == {
        ("organisation", kk.organisation, "name"),
        ("organisation", kk.organisation, "city"),
        ("unit", kk.unit, "name"),
        ("position", kk.approval.by, "title"),
    }, result.err
    check = dlo("check", "regulations/ru/regulation.yaml", cwd=project)
    refused = re.findall(
        r"error DLO117: the registry gives (\w+) '([\w-]+)' no ru (\w+)", check.out
    )
    assert set(refused) == set(said)


def _tracked(path: Path) -> Path:
    """An office DOCX in which a lawyer's change to clause 1.2 is still a tracked change."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    office_docx(path, RU_BLOCK, ["ПОЛОЖЕНИЕ", "об отделе дистанционного обучения"], RU_BODY)
    doc = Document(str(path))
    [p] = [p for p in doc.paragraphs if p.text.startswith("1.2.")]
    run = p.runs[0]._r
    removed, added = OxmlElement("w:del"), OxmlElement("w:ins")
    for n, mark in enumerate((removed, added), 1):
        mark.set(qn("w:id"), str(n))
        mark.set(qn("w:author"), "Юрист")
    run.addprevious(removed)
    removed.append(run)
    for t in run.iter(qn("w:t")):
        t.tag = qn("w:delText")
    new, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1.2. Отдел возглавляет начальник, назначаемый ректором."
    new.append(text)
    added.append(new)
    removed.addnext(added)
    doc.save(str(path))
    return path


def test_a_source_with_tracked_changes_says_they_were_taken_as_accepted(project, dlo, tmp_path):
    """Unresolved changes in the source are not taken silently: the import reads the text as if
    they were accepted and names each (DLO508), so the clerk checks them."""
    path = _tracked(tmp_path / "dlo-ru.docx")
    result = dlo("import", path, cwd=project)
    assert result.code == 0, result.err
    [note] = [line for line in result.err.splitlines() if "DLO508" in line]
    assert note.startswith(f"{path}: warning DLO508: the source has 2 unresolved tracked change")
    assert "Юрист" in note and "назначаемый ректором" in note
    texts = [c.text for _, _, c in load_model(project, "dlo-ru").clauses()]
    assert "Отдел возглавляет начальник, назначаемый ректором." in texts


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
@pytest.mark.parametrize("layout", ["lf", "crlf", "bom"])
def test_update_registry_only_adds_lines(project, dlo, layout):
    """--update-registry on a real document that adds an organisation, its unit, ten positions
    and five abbreviations: every line of the registry stays as it was (its long lines are not
    re-flowed), the new unit comes before the comment that introduces the positions, and the
    diff a reviewer reads in ``git log -p`` is additions only; a registry saved with Windows
    line ends or a byte order mark keeps them (the CRLF one was refused as changed meanwhile)."""
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    raw = {"lf": text, "crlf": text.replace("\n", "\r\n"), "bom": "\ufeff" + text}[layout]
    path.write_bytes(raw.encode("utf-8"))
    before = text.splitlines()
    assert max(map(len, before)) > 100  # long lines a re-flow would break
    _foreign(project, dlo, CORPUS / "mnu-research-assistant.ru.lo.docx", "mnu", "--update-registry")
    written = path.read_bytes().decode("utf-8")
    assert written.startswith("\ufeff") == (layout == "bom")
    if layout == "crlf":
        assert "\n" not in written.replace("\r\n", "")  # every line ends CRLF, the new ones too
    else:
        assert "\r" not in written
    after = written.removeprefix("\ufeff").splitlines()
    ops = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}, [o for o in ops if o[0] != "equal"]
    added = [line for op, _, _, j1, j2 in ops if op == "insert" for line in after[j1:j2]]
    assert len([line for line in added if line.startswith("- id: ")]) == 1 + 1 + 10 + 5
    assert not [line for line in after if line != line.rstrip()]
    unit = after.index("  organisation: universitet-kazgyuu")
    comment = next(i for i, line in enumerate(after) if line.startswith("# mentions:"))
    assert unit < comment < after.index("positions:")
    check = dlo("check", "regulations/mnu/regulation.yaml", cwd=project)
    assert "DLO020" not in check.out and "DLO117" not in check.out  # every id it names is there


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
@pytest.mark.parametrize("made_by", ["lo", "pandoc"])
def test_import_messages_number_clauses_as_the_regulation_will(project, dlo, made_by):
    """MNU's instruction numbers its clauses within each chapter; in the DOCX pandoc made, Word's
    list numbering starts again at 1 in each chapter, so its own number of the approval clause
    is "2". The message names it "8.2" from either DOCX, as the imported regulation prints it."""
    source = CORPUS / f"mnu-research-assistant.ru.{made_by}.docx"
    result = _foreign(project, dlo, source, "mnu", "--update-registry")
    assert "clause 8.2 names who approves but no order" in result.err, result.err
    assert load_model(project, "mnu").numbering == "chapter"
    # at the paragraph of the clause it was inferred from, not only the file
    where = re.search(r"\.docx:(\d+):1: warning DLO511: clause 8\.2 names", result.err)
    assert where is not None, result.err
    paragraphs = [p.text for p in Document(source).paragraphs]
    assert "утвержда" in paragraphs[int(where[1]) - 1].casefold(), paragraphs[int(where[1]) - 1]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
def test_a_registry_rewritten_whole_keeps_its_line_ends(project, dlo):
    """A list laid out so the entries cannot be spliced in (a flow list over two lines): the
    registry is rewritten round-trip, every line still ending as the file's do (CRLF)."""
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8") + "organisations: [\n]\n"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    _foreign(project, dlo, CORPUS / "mnu-research-assistant.ru.lo.docx", "mnu", "--update-registry")
    written = path.read_bytes().decode("utf-8")
    assert "universitet-kazgyuu" in written and "\n" not in written.replace("\r\n", "")
    assert "\r\r" not in written  # a comment keeps its own CR in the round trip: not doubled
