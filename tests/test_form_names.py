"""DLO117: a name the forms print from the registry, given but not in the language of a form.
Reported by ``dlo check`` for every language of a draft, refused where a form would print it
blank (a render, the site's included), and nowhere else: ``dlo status`` and the workflow read a
regulation whatever its registry's names."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, on_day

from dlo_docs import context, form_names
from dlo_docs.errors import DloError
from dlo_docs.project import Project
from dlo_docs.records import Records

UNIT_RU = "    ru: Отдел дистанционного обучения\n"  # the unit dlo's Russian name
HR_HOLDER_RU = "    ru: Г. М. Жумабаева\n"  # hr-head's holder's Russian name


def bilingual_without(project, *lines: str) -> None:
    """The bilingual fixture (dlo-unit: kk + ru, unit dlo, approvers vp-academic and hr-head)
    in the project, and ``lines`` taken out of its registry."""
    folder = project / "regulations" / "dlo-unit"
    folder.mkdir()
    shutil.copy(FIXTURES / "bilingual" / "regulation.yaml", folder / "regulation.yaml")
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    for line in lines:
        assert text.count(line) == 1, line
        text = text.replace(line, "")
    registry.write_text(text, encoding="utf-8")


def approved_bilingual(project, dlo) -> None:
    """The bilingual fixture in the project, agreed by its approvers and approved (edition 2 in
    force on 3 June 2024)."""
    bilingual_without(project)
    with on_day("2024-06-03"):
        for args in (
            ("submit", "dlo-unit"),
            ("agree", "dlo-unit", "--as", "vp-academic"),
            ("agree", "dlo-unit", "--as", "hr-head"),
            ("approve", "dlo-unit", "--order", "7", "--date", "2024-06-03"),
        ):
            assert dlo(*args, cwd=project).code == 0, args


def revised_with_docs_head(project, dlo) -> None:
    """``approved_bilingual``, then a revision whose draft names the approvers vp-academic and
    docs-head (the edition in force's route: vp-academic, hr-head)."""
    approved_bilingual(project, dlo)
    with on_day("2024-09-02"):
        revise = dlo("revise", "dlo-unit", "--by", "dlo-head", "--reason", "new route", cwd=project)
        assert revise.code == 0, revise.out + revise.err
    target = project / "regulations" / "dlo-unit" / "regulation.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.count("approvers: [vp-academic, hr-head]") == 1
    target.write_text(text.replace("[vp-academic, hr-head]", "[vp-academic, docs-head]"), "utf-8")


def test_check_reports_and_render_refuses_but_status_reads(project, dlo):
    bilingual_without(project, UNIT_RU)
    status = dlo("status", "dlo-unit", cwd=project)
    assert status.code == 0 and "DLO117" not in status.out + status.err
    check = dlo("check", "regulations/dlo-unit", cwd=project)
    assert check.code == 1
    assert "error DLO117: the registry gives unit 'dlo' no ru name" in check.out, check.out
    out = project / "out"
    ru = dlo("render", "dlo-unit", "--lang", "ru", "--format", "docx", "--out", out, cwd=project)
    assert ru.code == 1 and "DLO117" in ru.out + ru.err
    assert not (out / "dlo-unit.ru.draft.docx").exists()
    kk = dlo("render", "dlo-unit", "--lang", "kk", "--format", "docx", "--out", out, cwd=project)
    assert kk.code == 0 and (out / "dlo-unit.kk.draft.docx").is_file()


def test_names_the_journal_captured_are_what_the_forms_print(project):
    """An approver's holder the registry now lacks in Russian prints as the journal captured it
    (an approved edition's forms): no problem then; with nothing captured, DLO117."""
    bilingual_without(project, HR_HOLDER_RU)
    loaded = Project(project).load(["dlo-unit"])
    doc, registry = loaded.documents["dlo-unit"], loaded.registry
    problems = form_names.missing(doc.model, doc.source, registry, "ru")
    assert [p.message for p in problems] == [
        "the registry gives position 'hr-head' no ru holder, which the ru version of this "
        "regulation prints"
    ]
    captured = {
        "title": {"ru": "Начальник ОУП"},
        "holder": {"kk": "Г. Жұмабаева", "ru": "Г. Жумабаева"},
    }
    records = Records(state="in_force", positions={"hr-head": captured})
    assert form_names.missing(doc.model, doc.source, registry, "ru", records) == []
    kk_only = {"title": captured["title"], "holder": {"kk": "Г. Жұмабаева"}}
    [problem] = form_names.missing(
        doc.model, doc.source, registry, "ru", Records(positions={"hr-head": kk_only})
    )
    assert problem.message.startswith("the journal captured position 'hr-head' with no ru holder")
    rd = context.build(doc, registry, "ru", records=records)
    assert ("hr-head", "Г. Жумабаева") in {(a.position_id, a.name) for a in rd.approvers}
    with pytest.raises(DloError) as refused:
        context.build(doc, registry, "ru")
    assert [p.code for p in refused.value.problems] == ["DLO117"]


def test_an_edition_in_force_whose_registry_lost_a_name(project, dlo):
    """dlo-unit approved in Kazakh and Russian; then the registry loses the unit's Russian
    name. The workflow still reads it (status: in force), and the site publishes it in Kazakh
    only, saying why, rather than a Russian page with the unit's name blank."""
    approved_bilingual(project, dlo)
    registry = project / "regulations" / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(UNIT_RU, ""), "utf-8")
    status = dlo("status", "dlo-unit", cwd=project)
    assert status.code == 0 and "in force" in status.out, status.out + status.err
    site = dlo("site", "build", "--no-pdf", "--out", project / "public", cwd=project)
    assert site.code == 0, site.err
    assert "edition 2 of dlo-unit would print 1 name(s) of the registry blank in ru" in site.err
    assert (project / "public" / "kk" / "dlo-unit" / "index.html").is_file()
    ru_page = (project / "public" / "ru" / "dlo-unit" / "index.html").read_text(encoding="utf-8")
    assert (
        '<article class="text" lang="kk"' in ru_page
    )  # the Russian interface shows the Kazakh text


def test_a_name_no_form_prints_is_no_problem(project, dlo):
    """The organisation's short name, the approving official's holder when an order approves it,
    a job instruction's unit: no form prints them, so their lack in a language stops nothing."""
    bilingual_without(
        project,
        "    ru: КРУ\n",  # the organisation's short name
        "    ru: Д. Е. Ахметов\n",  # the rector's holder: dlo-unit is approved by order
    )
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("    kk: Қашықтықтан оқыту бөлімі\n", "", 1), "utf-8")
    check = dlo("check", "regulations/dlo-head", cwd=project)  # a job instruction of unit dlo
    assert "DLO117" not in check.out, check.out
    assert "unit 'dlo' no kk name" in dlo("check", "regulations/dlo-unit", cwd=project).out
    out = project / "out"
    ru = dlo("render", "dlo-unit", "--lang", "ru", "--format", "docx", "--out", out, cwd=project)
    assert ru.code == 0, ru.out + ru.err


def test_a_unit_regulation_s_holders_print_on_its_acquaintance_sheet(project, dlo):
    """A unit regulation's acquaintance sheet prints the holder of each position of its unit:
    one named in Kazakh only refuses the Russian DOCX and its sheet (not the HTML page), at
    the regulation's unit."""
    bilingual_without(project, "    ru: М. Р. Бекова\n")  # dlo-head, of the unit dlo
    out = project / "out"
    ru = dlo("render", "dlo-unit", "--lang", "ru", "--format", "docx", "--out", out, cwd=project)
    assert ru.code == 1 and "DLO117" in ru.err and "position 'dlo-head' no ru holder" in ru.err
    assert "regulation.yaml:9:" in ru.err, ru.err  # unit: dlo
    sheet = dlo("sheet", "acquaintance", "dlo-unit", "--lang", "ru", "--out", out, cwd=project)
    assert sheet.code != 0 and "DLO117" in sheet.err
    html = dlo("render", "dlo-unit", "--lang", "ru", "--format", "html", "--out", out, cwd=project)
    assert html.code == 0, html.err
    assert "DLO117" in dlo("check", "regulations/dlo-unit", cwd=project).out


def test_the_transfer_act_names_its_parties_or_refuses(project, dlo):
    """The act's parties (the unit's head hands the original over): one whose title the registry
    lacks in the act's language is refused (DLO117, at the position in the registry), not
    printed blank."""
    title_ru = "    ru: Начальник отдела дистанционного обучения\n"
    registry = project / "regulations" / "registry.yaml"
    line = registry.read_text(encoding="utf-8").splitlines().index(title_ru.rstrip()) + 1
    bilingual_without(project, title_ru)
    args = ("sheet", "transfer", "dlo-unit", "--draft", "--lang", "ru", "--out", project / "act")
    result = dlo(*args, cwd=project)
    assert result.code == 1, result.out + result.err
    said = result.out + result.err
    assert "error DLO117: the registry gives position 'dlo-head' no ru title" in said, said
    assert f"regulations/registry.yaml:{line - 1}:5: error DLO117" in said, said  # its title
    assert not (project / "act").exists() or not any((project / "act").iterdir())


def test_an_output_is_judged_on_the_names_it_prints(project, dlo):
    """A name is refused only by an output that prints it: the city (the title page's foot)
    stops the Russian DOCX, not the Russian HTML; an approver's holder (the agreement sheet)
    stops the agreement sheet and the whole document, not the review or changes sheet."""
    bilingual_without(project, "    ru: Костанай\n", HR_HOLDER_RU)
    out = project / "out"
    ru = ("--draft", "--lang", "ru", "--out", out)
    html = dlo("render", "dlo-unit", "--format", "html", *ru, cwd=project)
    assert html.code == 0, html.out + html.err
    assert (out / "dlo-unit.ru.draft.html").is_file()
    docx = dlo("render", "dlo-unit", "--format", "docx", *ru, cwd=project)
    said = docx.out + docx.err
    assert docx.code == 1 and "organisation 'ksu' no ru city" in said, said
    assert "position 'hr-head' no ru holder" in said, said
    assert not (out / "dlo-unit.ru.draft.docx").exists()
    for kind in ("review", "changes"):
        result = dlo("sheet", kind, "dlo-unit", *ru, cwd=project)
        assert result.code == 0, (kind, result.out + result.err)
        assert (out / f"dlo-unit.ru.draft.{kind}.docx").is_file()
    agreement = dlo("sheet", "agreement", "dlo-unit", *ru, cwd=project)
    said = agreement.out + agreement.err
    assert agreement.code == 1 and "position 'hr-head' no ru holder" in said, said
    assert "city" not in said  # the sheet prints no city
    assert not (out / "dlo-unit.ru.draft.agreement.docx").exists()


def test_an_approval_whose_forms_would_print_a_captured_blank_is_refused(project, dlo):
    """The agreements captured hr-head's title while the registry lacked it in Russian; the
    registry is mended before the approval. The approved edition would print the captured
    title: the approval is refused (check and the draft's lint see the mended registry)."""
    title_ru = "    ru: Начальник отдела управления персоналом\n"
    bilingual_without(project)
    refused, journal = _approve_after_a_captured_blank(project, dlo, "hr-head", title_ru)
    assert refused.code == 1, refused.out + refused.err
    assert (
        "error DLO631: dlo-unit cannot be approved: its forms would print 1 name(s)" in refused.err
    )
    assert "the journal captured position 'hr-head' with no ru title" in refused.err
    assert "submit it again" in refused.err  # the way on for a draft, not dlo revise
    folder = project / "regulations" / "dlo-unit"
    assert not (folder / "editions").exists() and (folder / "journal.yaml").read_bytes() == journal


def test_the_approving_officials_names_are_the_registrys_at_the_approval(project, dlo):
    """The rector is an approver and the approving authority; its agreement captured no
    Russian title, mended in the registry before the approval. The approval captures the
    registry's names of the authority, which its forms then print: it is approved."""
    title_ru = "    ru: Председатель Правления – Ректор\n"
    path = FIXTURES / "bilingual" / "regulation.yaml"
    bilingual_without(project)
    target = project / "regulations" / "dlo-unit" / "regulation.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "approvers: [vp-academic, hr-head]", "approvers: [vp-academic, rector]"
    )
    target.write_text(text, encoding="utf-8")
    approved, _ = _approve_after_a_captured_blank(project, dlo, "rector", title_ru)
    assert approved.code == 0, approved.out + approved.err
    out = project / "out"
    ru = dlo("render", "dlo-unit", "--lang", "ru", "--format", "docx", "--out", out, cwd=project)
    assert ru.code == 0 and (out / "dlo-unit.ru.docx").is_file()


def _approve_after_a_captured_blank(project, dlo, role: str, line: str):
    """Submit dlo-unit; take ``line`` (a Russian name of ``role``) out of the registry while
    every approver agrees; put it back; approve. The approval's result, and the journal's bytes
    before the approval."""
    registry = project / "regulations" / "registry.yaml"
    whole = registry.read_text(encoding="utf-8")
    assert whole.count(line) == 1, line
    folder = project / "regulations" / "dlo-unit"
    with on_day("2024-06-03"):
        assert dlo("submit", "dlo-unit", cwd=project).code == 0
        registry.write_text(whole.replace(line, ""), encoding="utf-8")
        route = Project(project).load(["dlo-unit"]).documents["dlo-unit"].model.agreement.approvers
        for approver in route:
            assert dlo("agree", "dlo-unit", "--as", approver, cwd=project).code == 0
        registry.write_text(whole, encoding="utf-8")
        assert "DLO117" not in dlo("check", "regulations/dlo-unit", cwd=project).out
        journal = (folder / "journal.yaml").read_bytes()
        args = ("approve", "dlo-unit", "--order", "7", "--date", "2024-06-03")
        return dlo(*args, cwd=project), journal


def test_a_submission_is_judged_on_the_route_it_fixes(project, dlo):
    """dlo-unit in force (approvers vp-academic, hr-head); its revision names vp-academic and
    docs-head instead, which a revision does not use: the route is the edition in force's. With
    hr-head's Russian holder gone from the registry, the submission is refused at once (the
    agreement sheet of this round would print it blank) rather than after every agreement; with
    docs-head's Russian title gone instead, it goes ahead (no form of this round prints it) and
    dlo check still reports it, for the next revision."""
    revised_with_docs_head(project, dlo)
    registry = project / "regulations" / "registry.yaml"
    whole = registry.read_text(encoding="utf-8")
    journal = project / "regulations" / "dlo-unit" / "journal.yaml"
    before = journal.read_bytes()
    registry.write_text(whole.replace(HR_HOLDER_RU, ""), encoding="utf-8")
    with on_day("2024-09-03"):
        refused = dlo("submit", "dlo-unit", cwd=project)
    said = refused.out + refused.err
    assert refused.code == 1, said
    assert "dlo-unit cannot be submitted: its forms would print 1 name(s) blank" in said, said
    assert "the registry gives position 'hr-head' no ru holder" in said, said
    holder = whole.splitlines().index("    kk: Г. М. Жұмабаева") + 1
    assert f"regulations/registry.yaml:{holder}:5: error DLO117" in said, said  # not the draft's
    assert journal.read_bytes() == before
    docs_ru = "    ru: Начальник отдела документационного обеспечения\n"
    assert whole.count(docs_ru) == 1
    registry.write_text(whole.replace(docs_ru, ""), encoding="utf-8")
    check = dlo("check", "regulations/dlo-unit", cwd=project)
    assert "position 'docs-head' no ru title" in check.out, check.out
    with on_day("2024-09-03"):
        submitted = dlo("submit", "dlo-unit", cwd=project)
    assert submitted.code == 0, submitted.out + submitted.err


def test_html_refuses_a_blank_in_the_header_or_the_approval_block(project, dlo):
    """HTML alone prints the organisation's name and the approval block (the approving
    official's title): either lacking in Russian stops the Russian HTML."""
    org_ru = "    ru: НАО «Костанайский региональный университет имени Ахмета Байтурсынулы»\n"
    rector_ru = "    ru: Председатель Правления – Ректор\n"
    bilingual_without(project)
    registry = project / "regulations" / "registry.yaml"
    whole = registry.read_text(encoding="utf-8")
    out = project / "out"
    args = ("render", "dlo-unit", "--format", "html", "--draft", "--lang", "ru", "--out", out)
    for line, said in ((org_ru, "'ksu' no ru name"), (rector_ru, "'rector' no ru title")):
        assert whole.count(line) == 1, line
        registry.write_text(whole.replace(line, ""), encoding="utf-8")
        html = dlo(*args, cwd=project)
        assert html.code == 1 and said in html.out + html.err, html.out + html.err
        assert not (out / "dlo-unit.ru.draft.html").exists()
    registry.write_text(whole, encoding="utf-8")
    assert dlo(*args, cwd=project).code == 0


def test_a_sheet_the_regulation_switches_off_judges_no_name(project, dlo):
    """With ``sheets: {agreement: false}`` the document prints no agreement sheet: an approver's
    holder lacking in Russian stops neither the Russian DOCX nor dlo check; the agreement sheet
    asked for on its own still refuses it."""
    bilingual_without(project, HR_HOLDER_RU)
    target = project / "regulations" / "dlo-unit" / "regulation.yaml"
    target.write_text(
        target.read_text(encoding="utf-8") + "sheets: {agreement: false}\n", encoding="utf-8"
    )
    out = project / "out"
    ru = ("--draft", "--lang", "ru", "--out", out)
    docx = dlo("render", "dlo-unit", "--format", "docx", *ru, cwd=project)
    assert docx.code == 0, docx.out + docx.err
    check = dlo("check", "regulations/dlo-unit", cwd=project)
    assert "DLO117" not in check.out, check.out
    sheet = dlo("sheet", "agreement", "dlo-unit", *ru, cwd=project)
    assert sheet.code == 1 and "'hr-head' no ru holder" in sheet.out + sheet.err


def test_a_route_position_the_registry_no_longer_defines_is_refused_not_a_crash(project, dlo):
    """The round's route (fixed at submission) names hr-head; the draft names docs-head instead;
    then hr-head's entry leaves the registry. The draft's forms and the agreement sheet are
    refused with a message (DLO117), not an internal error."""
    revised_with_docs_head(project, dlo)
    with on_day("2024-09-03"):
        assert dlo("submit", "dlo-unit", cwd=project).code == 0
    registry = project / "regulations" / "registry.yaml"
    whole = registry.read_text(encoding="utf-8")
    start = whole.index("- id: hr-head\n")
    end = whole.index("- id: docs-head\n")
    registry.write_text(
        whole[:start].replace("  head: hr-head\n", "  head: docs-head\n") + whole[end:], "utf-8"
    )
    out = project / "out"
    for args in (
        ("render", "dlo-unit", "--draft", "--format", "docx", "--out", out),
        ("sheet", "agreement", "dlo-unit", "--draft", "--out", out),
    ):
        result = dlo(*args, cwd=project)
        said = result.out + result.err
        assert result.code == 1, said
        assert "names position 'hr-head', which the registry no longer defines" in said, said
        assert "Traceback" not in said and "internal error" not in said
    for args in (  # outputs that do not print the route's approvers: made
        ("render", "dlo-unit", "--draft", "--format", "html", "--out", out),
        ("sheet", "acquaintance", "dlo-unit", "--draft", "--out", out),
        ("sheet", "changes", "dlo-unit", "--draft", "--out", out),
    ):
        result = dlo(*args, cwd=project)
        assert result.code == 0, (args, result.out + result.err)
    # submitted again after a rejection, the route still names it: refused, the problem said once
    with on_day("2024-09-04"):
        reject = ("reject", "dlo-unit", "--as", "vp-academic", "--remarks", "see the route")
        assert dlo(*reject, cwd=project).code == 0
        again = dlo("submit", "dlo-unit", cwd=project)
    said = again.out + again.err
    assert again.code == 1 and "would print 1 name(s) blank" in said, said
    assert said.count("which the registry no longer defines") == 1, said
