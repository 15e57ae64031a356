"""The document-control promise, attacked: nothing invalid moves forward, and no command writes
on a forged or damaged history."""

from __future__ import annotations

import re

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
    assert f"{REG} cannot be submitted: the draft has {n} errors" in result.err
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
