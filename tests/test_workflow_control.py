"""The document-control promise, attacked: nothing invalid moves forward, and no command writes
on a forged or damaged history."""

from __future__ import annotations

import re
import shutil

from conftest import FIXTURES, let_approve
from site_support import page as site_page
from workflow_support import (
    APPROVERS,
    REG,
    agree_all,
    edition_path,
    journal_data,
    journal_path,
    ok,
    refused,
    reg_path,
    replace_text,
    status,
    to_in_force,
    write_journal,
)

POSITIONED = re.compile(r"regulations/dlo-head/regulation\.yaml:\d+:\d+: error DLO112: ")


def make_bilingual(project) -> None:
    """Declare Russian too without writing it: every text then lacks its ru version (the
    errors `dlo check` reports as DLO112)."""
    replace_text(project, "languages: [kk]", "languages: [kk, ru]")


def test_the_seed_has_warnings_but_no_errors(project, dlo):
    result = dlo("check", cwd=project)
    assert result.code == 0, result.out + result.err
    assert "0 error(s)" in result.out + result.err


def test_a_draft_with_check_errors_cannot_be_submitted(project, dlo):
    make_bilingual(project)
    check = dlo("check", cwd=project)
    n = len(POSITIONED.findall(check.out + check.err))
    assert check.code == 1 and n > 50, check.out + check.err
    result = refused(dlo, project, "DLO631", "submit", REG)
    assert f"{REG} cannot be submitted: the draft has errors ({n}, listed below)" in result.err
    # each error is listed where it is, as `dlo check` lists it
    assert len(POSITIONED.findall(result.err)) == n
    assert "has no ru text" in result.err
    assert not journal_path(project).exists()
    replace_text(project, "languages: [kk, ru]", "languages: [kk]")
    ok(dlo, project, "submit", REG)


def test_a_text_with_check_errors_cannot_be_approved(project, dlo):
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    make_bilingual(project)  # after agreement: the agreements are void, and the text is invalid
    result = refused(dlo, project, "DLO631", "approve", REG, "--order", "1", "--date", "2024-06-03")
    assert "cannot be approved: the draft has" in result.err
    assert POSITIONED.search(result.err)
    assert not edition_path(project, 1).exists()


def forge_agreements(project, roles) -> None:
    """Append hand-typed `agreed` events: plausible fields, made-up hashes."""
    source = journal_data(project)
    data = source.data
    last = data[-1]
    for i, role in enumerate(roles):
        data.append(
            {
                "seq": last["seq"] + 1 + i,
                "time": "2024-06-01T10:00:00+05:00",
                "role": role,
                "actor": "clerk",
                "event": "agreed",
                "edition": 1,
                "content_hash": last["content_hash"],
                "prev": "f" * 64,
                "hash": "e" * 64,
            }
        )
    write_journal(project, data)


def test_forged_agreements_do_not_approve(project, dlo):
    ok(dlo, project, "submit", REG)
    forge_agreements(project, APPROVERS)
    result = refused(dlo, project, "DLO632", "approve", REG, "--order", "1", "--date", "2024-06-03")
    assert "its history is damaged" in result.err
    assert "error DLO601: journal event 2 (agreed) was edited" in result.err
    assert "regulations/dlo-head/journal.yaml:" in result.err
    assert not edition_path(project, 1).exists()
    assert not edition_path(project, 1).with_name("1.yaml.pending").exists()


def test_no_command_appends_to_a_damaged_journal(project, dlo):
    ok(dlo, project, "submit", REG)
    ok(dlo, project, "agree", REG, "--as", APPROVERS[0])
    source = journal_data(project)
    source.data[1]["remarks"] = "added later"  # an edited agreement
    write_journal(project, source.data)
    for args in (
        ("agree", REG, "--as", APPROVERS[1]),
        ("reject", REG, "--as", APPROVERS[1], "--remarks", "no"),
        ("submit", REG),
    ):
        result = refused(dlo, project, "DLO632", *args)
        assert "DLO601" in result.err


def test_an_edited_frozen_edition_stops_every_write(project, dlo):
    to_in_force(dlo, project)
    frozen = edition_path(project, 1)
    frozen.write_text(
        frozen.read_text(encoding="utf-8").replace("Осы Ережеге", "Осы Ережеге (өзгертілген)"),
        encoding="utf-8",
    )
    for args in (
        ("revise", REG, "--by", "hr-head", "--reason", "x"),
        ("review", REG, "--by", "hr-head", "--result", "ok"),
        ("withdraw", REG, "--order", "9", "--date", "2024-07-01"),
    ):
        result = refused(dlo, project, "DLO632", *args)
        assert "error DLO606: frozen edition 1 was edited after its approval" in result.err
    assert "edition: 1\n" in reg_path(project).read_text(encoding="utf-8")


# --- authority comes from what was approved ------------------------------------------------


def registry_path(project):
    return project / "regulations" / "registry.yaml"


def rename_holder(project, old: str, new: str) -> None:
    path = registry_path(project)
    text = path.read_text(encoding="utf-8")
    assert text.count(f"kk: {old}\n") == 1, old
    path.write_text(text.replace(f"kk: {old}\n", f"kk: {new}\n"), encoding="utf-8")


def agreement_rows(project, dlo) -> list[list[str]]:
    """The agreement sheet of the rendered DOCX, read back from the file."""
    from test_forms import parts, table_rows

    from dlo_docs import labels

    ok(dlo, project, "render", REG, "--format", "docx")
    data = (project / "build" / f"{REG}.kk.docx").read_bytes()
    title = labels.labels("kk", project / "templates")["sheet"]["agreement"]["title"]
    return table_rows(parts(data)["word/document.xml"], title)[1:]


def test_a_draft_cannot_make_its_author_a_change_initiator(project, dlo):
    to_in_force(dlo, project)
    replace_text(
        project,
        "change_initiators: [dlo-head, hr-head, vp-academic]",
        "change_initiators: [dlo-head, hr-head, vp-academic, legal-head]",
    )
    result = refused(dlo, project, "DLO626", "revise", REG, "--by", "legal-head", "--reason", "x")
    assert "edition 1 in force" in result.err
    assert "regulations/dlo-head/editions/1.yaml:" in result.err
    # and dropping an initiator from the working copy does not take the right away
    replace_text(
        project,
        "change_initiators: [dlo-head, hr-head, vp-academic, legal-head]",
        "change_initiators: [dlo-head]",
    )
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "x")


APPROVERS_TEXT = """\
      Осы ЛН академиялық мәселелер жөніндегі проректормен, құқықтық қамтамасыз ету және мемлекеттік сатып
      алу бөлімінің бастығымен, персоналды басқару бөлімінің бастығымен және құжаттамалық қамтамасыз ету
      бөлімінің бастығымен келісіледі."""


def cut_approvers(project, to: str) -> None:
    replace_text(
        project,
        "approvers: [vp-academic, legal-head, hr-head, docs-head]",
        f"approvers: [{to}]",
    )


def test_a_draft_cannot_cut_its_own_route(project, dlo, monkeypatch):
    to_in_force(dlo, project)
    monkeypatch.setenv("DLO_TODAY", "2024-07-01")  # the revision is told on its day
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "one approver is enough")
    # the draft says so in its text too (as it must: DLO101 is an error, never silenced)
    cut_approvers(project, "docs-head")
    replace_text(
        project,
        APPROVERS_TEXT,
        "      Осы ЛН құжаттамалық қамтамасыз ету бөлімінің бастығымен келісіледі.",
    )
    let_approve(project, "rector", "hr-head")  # the registry would let hr-head approve
    replace_text(project, "  by: rector\n", "  by: hr-head\n")  # and approve it oneself
    replace_text(
        project,
        "ҚӨУ Басқарма Төрағасының – Ректорының бұйрығымен",
        "персоналды басқару бөлімінің бастығының бұйрығымен",
    )
    result = ok(dlo, project, "submit", REG)
    assert "to vp-academic, legal-head, hr-head, docs-head" in result.out
    refused(dlo, project, "DLO622", "agree", REG, "--as", "docs-head")  # not its turn
    ok(dlo, project, "agree", REG, "--as", "vp-academic")
    refused(dlo, project, "DLO624", "approve", REG, "--order", "2", "--date", "2024-07-01")
    agree_all(dlo, project, APPROVERS[1:])
    ok(dlo, project, "approve", REG, "--order", "2", "--date", "2024-07-01")
    approved = journal_data(project).data[-1]
    assert approved["event"] == "approved" and approved["role"] == "rector"
    # the sheet of edition 2 lists the four who agreed, not the draft's one
    assert [r[2] for r in agreement_rows(project, dlo)] == [
        "А. Б. Сейітова",
        "Н. К. Оспанов",
        "Г. М. Жұмабаева",
        "С. Т. Әбенова",
    ]
    # edition 2 is in force now: its route (one approver) governs the next revision
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "next")
    result = ok(dlo, project, "submit", REG)
    assert "to docs-head" in result.out


def test_an_edition_naming_an_approver_twice_routes_its_revision_through_each_once(
    project, dlo, monkeypatch
):
    """An edition in force that names an approver twice (approved by a dlo that did not refuse
    it: the check is left out here) fixes a route with each approver once: one agreement is
    never counted, nor printed, for two places on the route."""
    from dlo_docs import refs

    twice = "vp-academic, legal-head, hr-head, docs-head, legal-head"
    with monkeypatch.context() as older:
        older.setattr(refs, "_repeated_approvers", lambda doc, source: [])
        cut_approvers(project, twice)
        to_in_force(dlo, project)
    check = dlo("check", cwd=project)  # the draft's own repeat is an error now
    assert "error DLO021: approver 'legal-head' is named twice" in check.out, check.out
    replace_text(project, f"approvers: [{twice}]", "approvers: [vp-academic, legal-head]")
    replace_text(  # and says so in its text (DLO101 is an error, never silenced)
        project,
        APPROVERS_TEXT,
        "      Осы ЛН академиялық мәселелер жөніндегі проректормен, құқықтық қамтамасыз ету және "
        "мемлекеттік\n      сатып алу бөлімінің бастығымен келісіледі.",
    )
    monkeypatch.setenv("DLO_TODAY", "2024-07-01")
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "x")
    ok(dlo, project, "submit", REG)
    assert journal_data(project).data[-1]["route"] == APPROVERS
    agree_all(dlo, project)
    ok(dlo, project, "approve", REG, "--order", "2", "--date", "2024-07-01")
    assert [r[2] for r in agreement_rows(project, dlo)] == [
        "А. Б. Сейітова",
        "Н. К. Оспанов",
        "Г. М. Жұмабаева",
        "С. Т. Әбенова",
    ]


def test_a_renamed_holder_does_not_rewrite_a_past_agreement_sheet(project, dlo):
    to_in_force(dlo, project)
    before = agreement_rows(project, dlo)
    assert before[1][2] == "Н. К. Оспанов"
    rename_holder(project, "Н. К. Оспанов", "Т. Б. Жаңаев")
    after = agreement_rows(project, dlo)
    assert after == before


def test_renamed_titles_and_unit_do_not_rewrite_an_approved_title_page_or_its_site_page(
    project, dlo
):
    """The position the instruction is of, its unit and the approving official's title,
    renamed in the registry after the approval: the approved edition's title page and its site
    page print them as they were when it was approved (the approval captured them)."""
    to_in_force(dlo, project)
    path = registry_path(project)
    text = path.read_text(encoding="utf-8")
    for old in (
        "Қашықтықтан оқыту бөлімінің бастығы",
        "Қашықтықтан оқыту бөлімі",
        "Басқарма Төрағасы – Ректор",
    ):
        assert text.count(f"kk: {old}\n") == 1, old
        text = text.replace(f"kk: {old}\n", f"kk: ЖАҢА {old}\n")
    path.write_text(text, encoding="utf-8")
    ok(dlo, project, "render", REG, "--format", "html", "--lang", "kk")
    page = (project / "build" / f"{REG}.kk.html").read_text(encoding="utf-8")
    ok(dlo, project, "site", "build", "--no-pdf")
    site = site_page(project, f"kk/{REG}/index.html")
    for shown in (page, site):
        assert "ЖАҢА" not in shown
        assert "Қашықтықтан оқыту бөлімінің бастығы" in shown
    assert "Басқарма Төрағасы – Ректор" in site and "Қашықтықтан оқыту бөлімі<" in site


def test_a_new_holder_on_an_open_route_voids_that_agreement(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the history is told on the order's day
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project, APPROVERS[:3])
    rename_holder(project, "Н. К. Оспанов", "Т. Б. Жаңаев")  # legal-head changed hands
    st = status(dlo, project)
    assert st["state"] == "agreement"
    assert st["agreed"] == ["vp-academic", "hr-head"]
    assert st["pending"] == ["legal-head", "docs-head"]
    assert st["lapsed"] == ["legal-head"]
    assert "holder changed" in ok(dlo, project, "status", REG).out
    refused(dlo, project, "DLO622", "agree", REG, "--as", "docs-head")  # legal-head first again
    ok(dlo, project, "agree", REG, "--as", "legal-head")
    ok(dlo, project, "agree", REG, "--as", "docs-head")
    ok(dlo, project, "approve", REG, "--order", "1", "--date", "2024-06-03")
    assert agreement_rows(project, dlo)[1][2] == "Т. Б. Жаңаев"


def test_a_holders_name_respelt_on_an_open_route_voids_no_agreement(project, dlo, monkeypatch):
    """The registry writing the same holder's name another way ('Н. К. Оспанов' as 'Оспанов
    Н.К.', as persons.key reads one person's name) is no new holder: the agreement stands, the
    round goes on in its order, and verify finds nothing no command would write."""
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the history is told on the order's day
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project, APPROVERS[:2])
    rename_holder(project, "Н. К. Оспанов", "Оспанов Н.К.")  # legal-head, respelt
    st = status(dlo, project)
    assert st["lapsed"] == []
    assert st["agreed"] == APPROVERS[:2]
    agree_all(dlo, project, APPROVERS[2:])
    ok(dlo, project, "approve", REG, "--order", "1", "--date", "2024-06-03")
    assert "intact" in ok(dlo, project, "verify", REG).out
    assert status(dlo, project)["state"] == "in_force"


def test_a_renamed_organisation_voids_the_round(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the history is told on the order's day
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    path = registry_path(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Ахмет Байтұрсынұлы", "А. Байтұрсынұлы", 1), encoding="utf-8")
    assert status(dlo, project)["voided"] is True
    result = refused(dlo, project, "DLO625", "approve", REG, "--order", "1", "--date", "2024-06-03")
    assert "organisation's name changed" in result.err
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    ok(dlo, project, "approve", REG, "--order", "1", "--date", "2024-06-03")


# --- a person, not a machine, records each event -------------------------------------------


def no_clerk_in_registry(project) -> None:
    path = registry_path(project)
    text = path.read_text(encoding="utf-8")
    assert text.count("\nclerk: docs-head\n") == 1
    path.write_text(text.replace("\nclerk: docs-head\n", "\n"), encoding="utf-8")


def test_without_a_clerk_nothing_is_recorded(project, dlo, monkeypatch):
    monkeypatch.delenv("DLO_CLERK", raising=False)
    no_clerk_in_registry(project)
    result = dlo("submit", REG, cwd=project)
    assert result.code == 2, result.out + result.err
    assert "no clerk is set" in result.err
    assert "--clerk ROLE" in result.err and "DLO_CLERK=ROLE" in result.err
    assert "clerk: ROLE" in result.err
    assert not journal_path(project).exists()
    result = dlo("submit", REG, "--clerk", "nobody", cwd=project)
    assert result.code == 2 and "unknown clerk 'nobody'" in result.err
    assert not journal_path(project).exists()


def change_rows(project, dlo) -> list[list[str]]:
    from test_forms import parts, table_rows

    from dlo_docs import labels

    ok(dlo, project, "render", REG, "--format", "docx")
    data = (project / "build" / f"{REG}.kk.docx").read_bytes()
    title = labels.labels("kk", project / "templates")["sheet"]["changes"]["title"]
    return table_rows(parts(data)["word/document.xml"], title)[1:]


def test_the_clerk_is_recorded_and_printed(project, dlo, monkeypatch):
    monkeypatch.delenv("DLO_CLERK", raising=False)
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the history is told on the order's day
    no_clerk_in_registry(project)
    ok(dlo, project, "submit", REG, "--clerk", "hr-head")
    monkeypatch.setenv("DLO_CLERK", "docs-head")
    agree_all(dlo, project)
    ok(dlo, project, "approve", REG, "--order", "45-НҚ", "--date", "2024-06-03")
    events = journal_data(project).data
    assert [e["clerk"] for e in events] == ["hr-head"] + ["docs-head"] * 5
    # the change registration sheet names the clerk who entered the approval: a person
    row = change_rows(project, dlo)[0]
    assert row[0] == "1" and row[4] == "С. Т. Әбенова"
    # a later change of holder does not rewrite who entered it
    rename_holder(project, "С. Т. Әбенова", "Б. Б. Басқа")
    assert change_rows(project, dlo)[0][4] == "С. Т. Әбенова"


def test_an_option_beats_the_environment_and_the_registry(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_CLERK", "hr-head")
    ok(dlo, project, "submit", REG, "--clerk", "legal-head")
    ok(dlo, project, "agree", REG, "--as", "vp-academic")
    monkeypatch.delenv("DLO_CLERK")
    ok(dlo, project, "agree", REG, "--as", "legal-head")  # the registry's clerk
    assert [e["clerk"] for e in journal_data(project).data] == [
        "legal-head",
        "hr-head",
        "docs-head",
    ]


def test_a_journal_written_before_clerks_and_facts_still_works(project, dlo):
    """The bundled journal as it was before events recorded their clerk and registry facts: it
    verifies, its sheets fall back to the registry (and leave "entered by" blank for a hand
    signature, never a machine's user name), and new events continue its chain."""
    old = FIXTURES / "journal-v1"
    folder = project / "regulations" / REG
    shutil.copy(old / "journal.yaml", folder / "journal.yaml")
    shutil.copytree(old / "editions", folder / "editions")
    assert "intact (6 journal events)" in ok(dlo, project, "verify", REG).out
    assert status(dlo, project)["edition_in_force"] == 1
    row = change_rows(project, dlo)[0]
    assert row[0] == "1" and row[4] == ""
    assert agreement_rows(project, dlo)[1][2] == "Н. К. Оспанов"
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "x")
    last = journal_data(project).data[-1]
    assert last["clerk"] == "docs-head" and "docs-head" in last["facts"]["positions"]
    assert "intact (7 journal events)" in ok(dlo, project, "verify", REG).out
