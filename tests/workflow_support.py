"""Helpers for the workflow tests (tests/test_workflow*.py)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import let_approve, on_day

from dlo_docs import load

REG = "dlo-head"
# the bundled regulation's agreement.approvers (its clause stating them), in their order
APPROVERS = ["vp-academic", "legal-head", "hr-head", "docs-head"]
COMMENT = "# A hand-written comment that every workflow command must keep.\n"


def reg_path(project: Path) -> Path:
    return project / "regulations" / REG / "regulation.yaml"


def journal_path(project: Path) -> Path:
    return project / "regulations" / REG / "journal.yaml"


def edition_path(project: Path, n: int) -> Path:
    return project / "regulations" / REG / "editions" / f"{n}.yaml"


def ok(dlo, project: Path, *args: str):
    result = dlo(*args, cwd=project)
    assert result.code == 0, f"dlo {' '.join(map(str, args))} failed ({result.code}):\n{result.err}"
    return result


def refused(dlo, project: Path, code: str, *args: str):
    """The command refuses with exit 1 and the problem code ``code``; nothing is written."""
    journal = journal_path(project)
    before = journal.read_bytes() if journal.exists() else None
    text_before = reg_path(project).read_bytes()
    result = dlo(*args, cwd=project)
    assert result.code == 1, (
        f"dlo {' '.join(args)} did not refuse ({result.code}):\n{result.out}{result.err}"
    )
    assert f"error {code}:" in result.err, result.err
    assert "Traceback" not in result.err
    assert (journal.read_bytes() if journal.exists() else None) == before, (
        "a refused command wrote the journal"
    )
    assert reg_path(project).read_bytes() == text_before, "a refused command wrote the regulation"
    return result


def status(dlo, project: Path) -> dict:
    result = ok(dlo, project, "status", REG, "--format", "json")
    [st] = json.loads(result.out)["regulations"]
    return st


def agree_all(dlo, project: Path, approvers=APPROVERS) -> None:
    for role in approvers:
        ok(dlo, project, "agree", REG, "--as", role)


def to_in_force(dlo, project: Path, order: str = "45-НҚ", date: str = "2024-06-03") -> None:
    """submit → agree (every approver) → approve, all on the order's ``date``."""
    with on_day(date):
        ok(dlo, project, "submit", REG)
        agree_all(dlo, project)
        ok(dlo, project, "approve", REG, "--order", order, "--date", date)


def add_comment(project: Path) -> None:
    path = reg_path(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("chapters:\n", COMMENT + "chapters:\n", 1), encoding="utf-8")


def replace_text(project: Path, old: str, new: str) -> None:
    path = reg_path(project)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_clause_15(project: Path) -> None:
    """A real fix of the seed: clause 15 calls the job instruction "Ереже" (copied from a unit
    regulation)."""
    replace_text(project, "Осы Ережеге өзгерістер", "Осы лауазымдық нұсқаулыққа өзгерістер")


def journal_data(project: Path):
    source, problems = load.read(journal_path(project), "journal.yaml")
    assert not problems, problems
    return source


def write_journal(project: Path, data) -> None:
    load.write(journal_path(project), data)


def revised_to_another_approver(dlo, project: Path) -> None:
    """A revision opened whose text names the vice-rector as its approving official for next
    time (approval.by, and the clause stating it); not yet submitted."""
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "the vice-rector approves")
    let_approve(project, "rector", "vp-academic")  # the organisation lets the vice-rector approve
    replace_text(project, "  by: rector\n", "  by: vp-academic\n")
    replace_text(
        project,
        "ҚӨУ Басқарма Төрағасының – Ректорының бұйрығымен",
        "академиялық мәселелер жөніндегі проректордың бұйрығымен",
    )


def revise_naming_another_approver(dlo, project: Path) -> None:
    """That revision submitted and agreed: its submission fixed the rector, who approved the
    edition in force, as the authority of this round."""
    revised_to_another_approver(dlo, project)
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)


def approved_and_reviewed(dlo, project: Path) -> None:
    """Edition 1 in force and a review: submitted, four agreements, approved, reviewed (the
    prepared state "approved-reviewed" the forged-journal tests start from)."""
    to_in_force(dlo, project)
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-01-15")
