"""A position on the open round's route that the registry no longer defines (abolished, or its
id renamed, after the round began): no one can agree as it and no form can print it, so the
round cannot end until the registry defines it again; every command says so by name (it was
called "lapsed", and approval was refused as merely pending)."""

from __future__ import annotations

import json

from site_support import UNIT, add_unit, ok

REGISTRY = ("regulations", "registry.yaml")


def registry(root):
    return root.joinpath(*REGISTRY)


def drop_vp_academic(root) -> str:
    """Remove position vp-academic from the registry (and the one reference to it); the text
    removed, to put back."""
    path = registry(root)
    text = path.read_text(encoding="utf-8")
    start, end = text.index("- id: vp-academic\n"), text.index("- id: legal-head\n")
    assert text.count("  reports_to: vp-academic\n") == 1
    entry = text[start:end]
    path.write_text(
        (text[:start] + text[end:]).replace(
            "  reports_to: vp-academic\n", "  reports_to: rector\n"
        ),
        encoding="utf-8",
    )
    return entry


def restore(root, entry: str) -> None:
    path = registry(root)
    text = path.read_text(encoding="utf-8")
    at = text.index("- id: legal-head\n")
    path.write_text(text[:at] + entry + text[at:], encoding="utf-8")


def status(dlo, root) -> dict:
    [st] = json.loads(ok(dlo, root, "status", UNIT, "--format", "json").out)["regulations"]
    return st


def revising(root, dlo, monkeypatch, route: str = "parallel"):
    """The unit regulation in force (route vp-academic, hr-head), then a revision whose draft
    no longer lists vp-academic: its round follows the edition in force's route, which does."""
    add_unit(root)
    path = root / "regulations" / UNIT / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  route: parallel\n", f"  route: {route}\n"), encoding="utf-8")
    monkeypatch.setenv("DLO_TODAY", "2026-11-20")
    ok(dlo, root, "submit", UNIT)
    for role in ("vp-academic", "hr-head"):
        ok(dlo, root, "agree", UNIT, "--as", role)
    ok(dlo, root, "approve", UNIT, "--order", "1", "--date", "2026-11-20")
    monkeypatch.setenv("DLO_TODAY", "2026-12-01")
    ok(dlo, root, "revise", UNIT, "--by", "dlo-head", "--reason", "r")
    text = path.read_text(encoding="utf-8")
    text = text.replace("  approvers: [vp-academic, hr-head]", "  approvers: [hr-head]")
    text = text.replace(
        "change_initiators: [dlo-head, vp-academic]", "change_initiators: [dlo-head]"
    )
    path.write_text(text, encoding="utf-8")


def test_an_agreed_position_gone_from_the_registry_is_named_not_lapsed(project, dlo, monkeypatch):
    root = project
    revising(root, dlo, monkeypatch)
    ok(dlo, root, "submit", UNIT)
    ok(dlo, root, "agree", UNIT, "--as", "vp-academic")
    entry = drop_vp_academic(root)
    st = status(dlo, root)
    assert st["undefined"] == ["vp-academic"] and st["lapsed"] == []
    text = ok(dlo, root, "status", UNIT).out
    assert "not in the registry" in text and "vp-academic" in text and "lapsed" not in text
    ok(dlo, root, "agree", UNIT, "--as", "hr-head")  # a parallel route: the others agree on
    result = dlo("approve", UNIT, "--order", "5", "--date", "2026-12-01", cwd=root)
    assert result.code == 1 and "DLO624" not in result.err
    assert "error DLO631: dlo-unit cannot be approved" in result.err
    assert "DLO117: the route the journal fixed names position 'vp-academic'" in result.err
    restore(root, entry)  # defined again, the same holder: the agreement given stands
    assert status(dlo, root)["undefined"] == []
    ok(dlo, root, "approve", UNIT, "--order", "5", "--date", "2026-12-01")


def test_a_sequential_turn_held_by_a_position_gone_says_so(project, dlo, monkeypatch):
    root = project
    revising(root, dlo, monkeypatch, route="sequential")
    ok(dlo, root, "submit", UNIT)
    drop_vp_academic(root)
    result = dlo("agree", UNIT, "--as", "hr-head", cwd=root)
    assert result.code == 1
    assert "DLO622: it is not hr-head's turn" in result.err
    assert "vp-academic is no longer defined in the registry" in result.err
