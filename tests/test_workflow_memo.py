"""What one process does not do twice: the lint rules over a text and registry already linted
(``submit`` then ``approve``), while any change of either is linted again."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import on_day
from workflow_support import APPROVERS, REG, replace_text

from dlo_docs import lint, workflow
from dlo_docs.errors import DloError
from dlo_docs.project import Project

DAY = dt.date(2024, 6, 3)


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """The ids of the documents the rules ran over, in order."""
    seen: list[str] = []
    real = lint.check_document

    def counting(document, *args, **kwargs):
        seen.append(document.model.id)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(lint, "check_document", counting)
    monkeypatch.setattr(lint, "_memo", type(lint._memo)())  # nothing remembered from before
    return seen


def agreed(project) -> Project:
    p = Project(project)
    workflow.submit(p, REG)
    for role in APPROVERS:
        workflow.agree(p, REG, role)
    return p


def test_approve_does_not_lint_again_what_submit_linted(project, runs):
    with on_day("2024-06-03"):
        p = agreed(project)
        assert runs == [REG]
        workflow.approve(p, REG, "45-НҚ", DAY)
    assert runs == [REG]


def test_a_text_changed_after_submit_is_linted_again(project, runs):
    with on_day("2024-06-03"):
        p = agreed(project)
        replace_text(project, "languages: [kk]", "languages: [kk, ru]")  # errors: no ru texts
        with pytest.raises(DloError) as refused:
            workflow.approve(p, REG, "45-НҚ", DAY)
    codes = {problem.code for problem in refused.value.problems}
    assert {"DLO631", "DLO112"} <= codes
    assert runs == [REG, REG]


def test_a_changed_registry_is_linted_again(project, runs):
    with on_day("2024-06-03"):
        p = agreed(project)
        registry = project / "regulations" / "registry.yaml"
        registry.write_text(registry.read_text(encoding="utf-8") + "# a comment\n", "utf-8")
        workflow.approve(p, REG, "45-НҚ", DAY)
    assert runs == [REG, REG]


def test_remembered_problems_are_the_rules_own(project, runs):
    p = Project(project)
    loaded = p.load([REG])
    first = lint.run(loaded, templates=p.templates)
    again = lint.run(loaded, templates=p.templates)
    assert runs == [REG]
    assert (
        first
        == again
        == lint.check_document(loaded.documents[REG], loaded.registry, None, p.templates)
    )
    assert any(problem.severity == "warning" for problem in first)  # the seed has warnings
    selected = lint.run(loaded, select=["DLO112"], templates=p.templates)
    assert runs[:2] == [REG, REG]  # another selection is another key
    assert selected == []


def test_the_memory_is_bounded(project, runs, monkeypatch):
    monkeypatch.setattr(lint, "MEMO_SIZE", 2)
    p = Project(project)
    path = project / "regulations" / REG / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    for n in range(4):
        path.write_text(text + f"# edit {n}\n", encoding="utf-8")
        lint.run(p.load([REG]), templates=p.templates)
    assert len(runs) == 4 and len(lint._memo) == 2
