"""A job instruction agreed to with its own holder's key. The registry (which whoever drafts can
edit) gave another position on the route the instruction's holder under a name the self-approval
checks do not read as hers ("Мадина" for "М. Р. Бекова") and bound her own certificate there:
her certificate names that holder too, so she signed her agreement to her own instruction as
that position, the rector approved, and ``dlo verify --trust`` said intact. Now ``agree`` refuses
the key (DLO121), and ``verify`` names an approval whose round was signed so (DLO612)."""

from __future__ import annotations

import pytest
from signing_support import PASSWORD, edit_position, entries, office
from workflow_support import REG, ok, refused

from dlo_docs.workflow import guards


@pytest.fixture
def her_key_as_hr_head(in_force, monkeypatch, dlo):
    """A revision on agreement, agreed by the two approvers before hr-head; the registry then
    names hr-head's holder 'Мадина' and binds the instruction's holder's certificate to it."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    project = in_force
    signed = office(project)
    own = next(e for e in entries(project) if e["event"] == "approved")
    assert own["facts"]["positions"][REG]["holder"]["kk"] == "М. Р. Бекова"
    ok(dlo, project, "revise", REG, "--by", REG, "--reason", "own key")
    path = project / "regulations" / REG / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Е 074-2022 Ережелер.", "Е 074-2022 ережелер."), "utf-8")
    ok(dlo, project, "submit", REG)
    for role in ("vp-academic", "legal-head"):
        ok(dlo, project, "agree", REG, "--as", role, "--sign", str(signed.p12[role]))
    pem = next(project.glob("keys/dlo-head-*.pem")).relative_to(project).as_posix()

    def hers(position):
        position["holder"] = {"kk": "Мадина", "ru": "Мадина"}
        position["certificates"] = [{"file": pem}]

    edit_position(project, "hr-head", hers)
    return signed


def test_her_own_key_does_not_sign_as_another_position(dlo, her_key_as_hr_head, in_force):
    project = in_force
    key = str(her_key_as_hr_head.p12[REG])
    result = refused(dlo, project, "DLO121", "agree", REG, "--as", "hr-head", "--sign", key)
    assert (
        "dlo-head cannot be signed as hr-head with this key: its certificate names the holder of "
        "dlo-head"
    ) in result.err, result.err
    assert "intact" in ok(dlo, project, "verify", REG).out


def test_a_round_signed_with_her_own_key_is_named(dlo, her_key_as_hr_head, in_force, monkeypatch):
    project, signed = in_force, her_key_as_hr_head
    with monkeypatch.context() as patched:  # the refusal a version before it did not make
        patched.setattr(guards, "not_own_key", lambda *args: None, raising=False)
        ok(dlo, project, "agree", REG, "--as", "hr-head", "--sign", str(signed.p12[REG]))
    ok(dlo, project, "agree", REG, "--as", "docs-head", "--sign", str(signed.p12["docs-head"]))
    args = ("--order", "46-НҚ", "--date", "2026-12-05")
    ok(dlo, project, "approve", REG, *args, "--sign", str(signed.p12["rector"]))
    result = dlo("verify", REG, "--trust", "keys/ca.pem", cwd=project)
    assert result.code == 1, result.out + result.err
    assert (
        "error DLO612: journal event 13 (approved) cannot stand where it is: edition 2 is the job "
        "instruction of dlo-head, and the agreement of hr-head, on its agreement route, was "
        "signed with a certificate naming the holder of dlo-head"
    ) in result.err, result.err
