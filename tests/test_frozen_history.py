"""The frozen editions before the one an output shows are the texts their approvals recorded.

An approved edition's forms print what each earlier edition changed (the change registration
sheet: the clauses edition 2 changed, worked out against edition 1's frozen text), and a
revision's approval package sets the edition in force beside the draft (the comparison table's
"current wording"). Before, only the frozen edition an output showed was checked against its
approval: ``editions/1.yaml`` edited by hand after edition 2 came into force made ``dlo render``
and ``dlo sheet changes`` print, on edition 2's approved forms, clauses it never changed, and a
frozen edition in force edited by hand was the current wording of the draft's comparison table
(``dlo render --draft``, ``dlo diff``), which could hide a change from those who agree to it.
``dlo verify`` and ``dlo site build`` named both; every output now refuses them as they do."""

from __future__ import annotations

import shutil

import pytest
from conftest import on_day
from workflow_support import REG, agree_all, edit_clause_15, edition_path, ok, replace_text

BASIS = (
    "тәртібіне сәйкес\n      әзірленген."  # clause 2 of the seed, which edition 2 leaves as it is
)


def _to_edition_2(dlo, project) -> None:
    """Edition 2 in force: a revision that changes clause 15 only, approved on 2024-07-01."""
    with on_day("2024-07-01"):
        ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "clause 15")
        edit_clause_15(project)
        ok(dlo, project, "submit", REG)
        agree_all(dlo, project)
        ok(dlo, project, "approve", REG, "--order", "50-НҚ", "--date", "2024-07-01")


@pytest.fixture
def second(in_force, dlo):
    _to_edition_2(dlo, in_force)
    return in_force


def _edit_edition(project, n: int) -> None:
    """Edition ``n``'s frozen file edited by hand: clause 2 reworded."""
    path = edition_path(project, n)
    text = path.read_text(encoding="utf-8")
    assert text.count(BASIS) == 1
    path.write_text(
        text.replace(BASIS, "тәртібіне сәйкес\n      әзірленген (өзгертілген)."), "utf-8"
    )


def _refused(dlo, project, code: str, *args: str) -> str:
    out = project / "out"
    shutil.rmtree(out, ignore_errors=True)
    result = dlo(*args, "--out", str(out), cwd=project)
    assert result.code == 1, (args, result.out, result.err)
    assert f"error {code}:" in result.err and "editions/1.yaml" in result.err, result.err
    assert "Traceback" not in result.err
    assert not out.exists() or not any(out.iterdir()), list(out.iterdir())  # nothing written
    return result.err


@pytest.mark.parametrize(
    "command",
    [
        ("render", REG, "--format", "docx"),
        ("render", REG, "--format", "html"),
        ("sheet", "changes", REG),
    ],
)
def test_an_earlier_frozen_edition_edited_refuses_the_forms_of_the_edition_in_force(
    second, dlo, command
):
    # untouched, the change registration sheet names clause 15 alone as edition 2's change
    ok(dlo, second, *command, "--out", str(second / "before"))
    _edit_edition(second, 1)
    _refused(dlo, second, "DLO606", *command)


def test_an_earlier_frozen_edition_deleted_refuses_the_forms_of_the_edition_in_force(second, dlo):
    edition_path(second, 1).unlink()
    _refused(dlo, second, "DLO607", "render", REG, "--format", "docx")


def test_a_draft_after_an_earlier_frozen_edition_edited_is_not_rendered(second, dlo):
    """The draft's change registration sheet lists the editions before it, with their changes."""
    with on_day("2024-07-02"):
        ok(dlo, second, "revise", REG, "--by", "hr-head", "--reason", "again")
    _edit_edition(second, 1)
    _refused(dlo, second, "DLO606", "render", REG, "--draft", "--format", "docx")


@pytest.mark.parametrize(
    "command",
    [
        ("render", REG, "--draft", "--format", "docx"),  # its comparison table
        ("diff", REG, "--format", "table"),
    ],
)
def test_the_edition_in_force_edited_is_no_current_wording_of_a_comparison(in_force, dlo, command):
    """The drafter rewrites the frozen edition in force as the draft says: the comparison table
    would show the change to clause 2 as none."""
    with on_day("2024-07-02"):
        ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "clause 2")
    replace_text(in_force, BASIS, "тәртібіне сәйкес\n      әзірленген (өзгертілген).")
    _edit_edition(in_force, 1)
    out = in_force / "out"
    args = [*command, "--out", str(out / "t.docx" if command[0] == "diff" else out)]
    result = dlo(*args, cwd=in_force)
    assert result.code == 1, (result.out, result.err)
    assert "error DLO606:" in result.err and "editions/1.yaml" in result.err, result.err
    assert not out.exists() or not any(out.iterdir())


def test_a_frozen_edition_the_journal_never_approved_is_compared_as_none(in_force, dlo):
    """A file put in editions/ by hand is no edition: with a journal, diff names it so."""
    shutil.copy(edition_path(in_force, 1), edition_path(in_force, 2))
    result = dlo("diff", REG, "--from", "1", "--to", "2", cwd=in_force)
    assert result.code == 1 and "error DLO608:" in result.err, (result.out, result.err)
    assert "editions/2.yaml" in result.err


def test_the_untouched_history_is_rendered_and_compared(second, dlo):
    out = second / "out"
    ok(dlo, second, "render", REG, "--format", "docx", "--out", str(out))
    ok(dlo, second, "sheet", "changes", REG, "--out", str(out))
    result = ok(dlo, second, "diff", REG, "--from", "1", "--to", "2")
    assert "clause 15" in result.out


SCHEMA_LIKE = "# yaml-language-server: $schema=саласы"


def test_a_line_of_text_that_looks_like_the_schema_comment_is_frozen_as_approved(in_force, dlo):
    """Approving freezes the text approved: only the editor's schema comment among the lines
    that open the file gains its "../", never a line of a quoted text that begins like it (a
    title's second line). The frozen copy of such a text differed from the approved one, so
    every command then refused the regulation (DLO606) and version control restored the same
    bytes; cancel, putting the frozen text back, likewise changed it."""
    from workflow_support import reg_path

    path = reg_path(in_force)
    with on_day("2024-07-01"):
        ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "title")
        text = path.read_text(encoding="utf-8")
        text = "".join(line for line in text.splitlines(True) if "$schema=" not in line)
        title = "  title: Қолдану саласы\n"
        assert text.count(title) == 1
        path.write_text(
            text.replace(title, f'  title: "Қолдану\n{SCHEMA_LIKE}\n    "\n'), encoding="utf-8"
        )
        ok(dlo, in_force, "submit", REG)
        agree_all(dlo, in_force)
        ok(dlo, in_force, "approve", REG, "--order", "50-НҚ", "--date", "2024-07-01")
    assert f"\n{SCHEMA_LIKE}\n" in edition_path(in_force, 2).read_text(encoding="utf-8")
    ok(dlo, in_force, "verify", REG)
    with on_day("2024-07-02"):
        ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "again")
        ok(dlo, in_force, "cancel", REG, "--by", "hr-head", "--reason", "not needed")
    assert f"\n{SCHEMA_LIKE}\n" in path.read_text(encoding="utf-8")
    result = dlo("status", REG, cwd=in_force)
    assert "edited" not in result.out, result.out
