"""A draft is refused for errors only, so ``submit``, ``approve`` and ``register-paper`` run only
the rules that can report one (``lint.ERRORS``). That is the same refusal only if no other rule
ever reports an error: each rule's source is read for an error it writes, and on real and broken
texts the errors of the chosen rules are every error of all of them."""

from __future__ import annotations

import inspect
import re

import pytest
from conftest import REPO
from workflow_support import REG, refused, replace_text

from dlo_docs import lint
from dlo_docs.project import Project

WRITES_ERROR = re.compile(r"\berror\(|severity=\"error\"")
WRITES_WARNING = re.compile(r"\bwarning\(|severity=\"warning\"")


@pytest.mark.parametrize("module", lint._RULE_MODULES, ids=lambda m: m.__name__.rsplit(".")[-1])
def test_a_rule_that_writes_an_error_says_it_may(module):
    source = inspect.getsource(module)
    if WRITES_ERROR.search(source):
        assert module.RULE.may_error, f"{module.RULE.code} writes an error: set some_errors=True"
    if WRITES_WARNING.search(source):  # a silence of it is not refused: it silences its warnings
        assert not module.RULE.only_errors, f"{module.RULE.code} warns: set some_warnings=True"


def test_the_engine_and_the_error_rules_are_chosen():
    assert lint.SILENCE in lint.ERRORS  # a silence without a reason, or of an unknown rule
    assert {"DLO101", "DLO112", "DLO114"} <= set(lint.ERRORS)
    assert "DLO113" not in lint.ERRORS  # spacing only warns


def errors(project, select=None) -> list:
    p = Project(project)
    loaded = p.load([REG])
    assert not loaded.errors, loaded.errors
    found = lint.run(loaded, select=select, templates=p.templates)
    return [problem for problem in found if problem.severity == "error"]


BREAKS = {
    "none": [],
    "bilingual without ru (DLO112)": [("languages: [kk]", "languages: [kk, ru]")],
    "approvers disagree with the text (DLO101)": [
        (
            "approvers: [vp-academic, legal-head, hr-head, docs-head]",
            "approvers: [vp-academic, legal-head, hr-head, ubbi-director]",
        )
    ],
    "a placeholder (DLO114)": [("Осы лауазымдық нұсқаулықта мынадай", "[[атауы]] мынадай")],
    "a placeholder split by a zero-width space (DLO114, DLO118)": [
        ("Осы лауазымдық нұсқаулықта мынадай", "[[атауы]\u200b] мынадай")
    ],
    "a placeholder nested (DLO114)": [("Осы лауазымдық нұсқаулықта мынадай", "[[ЛН [?]]] мынадай")],
}


@pytest.mark.parametrize("name", BREAKS)
def test_the_chosen_rules_find_every_error(project, name, monkeypatch):
    monkeypatch.setattr(lint, "_memo", type(lint._memo)())
    for old, new in BREAKS[name]:
        replace_text(project, old, new)
    everything = errors(project)
    assert errors(project, lint.ERRORS) == everything
    if name != "none":
        assert everything, name  # the break is an error


def test_a_silence_without_a_reason_is_still_refused(project, monkeypatch):
    monkeypatch.setattr(lint, "_memo", type(lint._memo)())
    path = project / "regulations" / REG / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\nchapters:")
    assert sep
    path.write_text(f"{head}\nsilence:\n- rule: DLO113\n- rule: DLO199\n  reason: x{sep}{rest}")
    found = errors(project, lint.ERRORS)
    assert [p.code for p in found] == [lint.SILENCE, lint.SILENCE]
    assert found == errors(project)


def test_a_silenced_error_is_still_refused(project, dlo, monkeypatch):
    """The gate of submit, approve and register-paper counts a silenced error: a placeholder
    code silenced is refused, and so is the silence itself."""
    monkeypatch.setattr(lint, "_memo", type(lint._memo)())
    replace_text(project, "code: ЛН ҮББИ 01-2024\n", "code: '[[ЛН ?]]'\n")
    replace_text(
        project,
        "\nchapters:\n",
        "\nsilence:\n- rule: DLO114\n  reason: the office gives the code later\nchapters:\n",
    )
    assert sorted(p.code for p in errors(project, lint.ERRORS)) == [lint.SILENCE, "DLO114"]
    result = refused(dlo, project, "DLO631", "submit", REG)
    assert "error DLO114: the code is left to write" in result.err


def test_no_other_rule_reports_an_error_on_the_bundled_regulations():
    p = Project(REPO)
    loaded = p.load(p.ids())
    found = lint.run(loaded, templates=p.templates)
    assert found  # the seed has warnings
    assert {x.code for x in found if x.severity == "error"} <= set(lint.ERRORS)
