"""A job instruction agreed to by its own holder. A revision's round goes along the route the
edition in force fixes (its submission records it), not the draft's own ``agreement.approvers``,
which ``dlo check`` judges (DLO121). A draft that dropped an approver whose position the registry
now gives the instruction's own holder was submitted along the edition in force's route naming
that approver, the holder agreed as that approver, the rector approved, and ``verify``, ``status``
and ``render`` showed the edition in force with the holder's agreement to their own instruction
on its agreement sheet. Now ``submit``, ``agree`` and ``approve`` refuse it (DLO121), and
``verify`` names an approval or registration whose round was so agreed, as the events recorded
the holders, as one no command writes (DLO612)."""

from __future__ import annotations

from conftest import on_day
from test_hostile_journal import _rechained
from workflow_support import REG, journal_data, ok, refused, replace_text, write_journal

from dlo_docs.workflow import journal as wj

LEGAL = "kk: Н. К. Оспанов\n    ru: Н. К. Оспанов\n"
HEAD = "kk: М. Р. Бекова\n    ru: М. Р. Бекова\n"
AT_LEGAL = "  unit: legal\n  reports_to: rector\n  holder:\n    "  # legal-head's holder


def _registry(project, old: str, new: str) -> None:
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _revised_without_legal_head(dlo, project) -> None:
    """A revision whose draft no longer names legal-head among its approvers (nor in the clause
    naming them); the edition in force's route, which its round takes, still does."""
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "fewer approvers")
    replace_text(
        project,
        "approvers: [vp-academic, legal-head, hr-head, docs-head]",
        "approvers: [vp-academic, hr-head, docs-head]",
    )
    replace_text(
        project,
        "құқықтық қамтамасыз ету және мемлекеттік сатып\n      алу бөлімінің бастығымен, ",
        "",
    )


def test_a_route_naming_a_position_the_own_holder_holds_is_not_submitted(in_force, dlo):
    with on_day("2024-09-02"):
        _revised_without_legal_head(dlo, in_force)
        _registry(in_force, LEGAL, "kk: Бекова М.Р.\n    ru: Бекова М.Р.\n")
        assert "DLO121" not in dlo("check", REG, cwd=in_force).out  # the draft's route is clean
        result = refused(dlo, in_force, "DLO121", "submit", REG)
        assert (
            "dlo-head cannot be submitted: the route the edition in force fixes for this round "
            "names legal-head, which is dlo-head itself or held by its holder (М. Р. Бекова)"
        ) in result.err, result.err
        assert "intact" in ok(dlo, in_force, "verify", REG).out


def test_an_approver_whose_position_the_own_holder_took_does_not_agree(in_force, dlo):
    with on_day("2024-09-02"):
        _revised_without_legal_head(dlo, in_force)
        ok(dlo, in_force, "submit", REG)
        ok(dlo, in_force, "agree", REG, "--as", "vp-academic")
        _registry(in_force, LEGAL, HEAD)
        result = refused(dlo, in_force, "DLO121", "agree", REG, "--as", "legal-head")
        assert (
            "legal-head cannot agree to dlo-head: legal-head is dlo-head itself or held by its "
            "holder (М. Р. Бекова)"
        ) in result.err, result.err
        _registry(in_force, AT_LEGAL + HEAD, AT_LEGAL + "kk: А. Б. Сейітов\n    ru: А. Б. Сеитов\n")
        for role in ("legal-head", "hr-head", "docs-head"):
            ok(dlo, in_force, "agree", REG, "--as", role)
        ok(dlo, in_force, "approve", REG, "--order", "77-НҚ", "--date", "2024-09-02")
        assert "intact" in ok(dlo, in_force, "verify", REG).out


def test_an_agreement_by_the_person_now_holding_the_position_is_not_approved(in_force, dlo):
    """legal-head's holder agreed, then the registry gave them the instruction's own position
    too: approving would record that holder, whose agreement still stands."""
    with on_day("2024-09-02"):
        _revised_without_legal_head(dlo, in_force)
        ok(dlo, in_force, "submit", REG)
        for role in ("vp-academic", "legal-head", "hr-head", "docs-head"):
            ok(dlo, in_force, "agree", REG, "--as", role)
        _registry(in_force, HEAD, LEGAL)
        args = ("approve", REG, "--order", "77-НҚ", "--date", "2024-09-02")
        result = refused(dlo, in_force, "DLO121", *args)
        assert (
            "dlo-head cannot be approved: legal-head agreed to it (journal event 10) as held by "
            "the person the registry now gives dlo-head"
        ) in result.err, result.err
        assert not (in_force / "regulations" / REG / "editions" / "2.yaml").exists()
        assert "intact" in ok(dlo, in_force, "verify", REG).out


def _own_holder_as(entries: list[dict], role: str, own: dict) -> None:
    """Every event that recorded ``role``'s holder records ``own`` instead (hashes left)."""
    for entry in entries:
        positions = (entry.get("facts") or {}).get("positions") or {}
        if role in positions:
            positions[role]["holder"] = dict(own)


def _forged_and_named(dlo, project, entries: list[dict], seq: int, event: str) -> None:
    write_journal(project, _rechained(entries))
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1, result.out + result.err
    assert (
        f"error DLO612: journal event {seq} ({event}) cannot stand where it is: edition 1 is the "
        "job instruction of dlo-head, and legal-head, on its agreement route, was held by the "
        "holder of dlo-head when it was recorded: they agreed to their own instruction"
    ) in result.err, result.err
    for args in (("status", REG), ("render", REG, "--format", "html")):
        shown = dlo(*args, cwd=project)
        assert shown.code == 1 and "DLO612" in shown.err, (args, shown.out, shown.err)


def test_a_round_forged_with_the_own_holder_agreeing_is_named(in_force, dlo):
    """The seed's round rewritten, hashes recomputed, as if legal-head's holder, as the
    agreements recorded them, were the head of the department the approval recorded."""
    entries = [wj.normal(e) for e in journal_data(in_force).data]
    approval = entries[-1]
    assert approval["event"] == "approved"
    _own_holder_as(entries[:-1], "legal-head", approval["facts"]["positions"][REG]["holder"])
    _forged_and_named(dlo, in_force, entries, 6, "approved")


def test_a_registration_forged_with_the_own_holder_among_its_approvers_is_named(project, dlo):
    with on_day("2020-09-01"):
        ok(dlo, project, "register-paper", REG, "--order", "112-НҚ", "--date", "2020-09-01")
    [entry] = [wj.normal(e) for e in journal_data(project).data]
    _own_holder_as([entry], "legal-head", entry["facts"]["positions"][REG]["holder"])
    _forged_and_named(dlo, project, [entry], 1, "registered")


FULL = "kk: Мадина Бекова\n    ru: Мадина Бекова\n"  # the instruction's holder, her name in full


def test_the_own_holder_written_by_her_full_name_does_not_agree(in_force, dlo):
    """The registry gives legal-head the instruction's own holder by her full name ("Мадина
    Бекова" for "М. Р. Бекова"): her one certificate names both, so it would sign her agreement
    to her own instruction. It was compared as another person: the draft checked clean, she
    agreed as legal-head, the rector approved and verify said intact."""
    with on_day("2024-09-02"):
        _registry(in_force, LEGAL, FULL)
        assert "DLO121" in dlo("check", REG, cwd=in_force).out
        _revised_without_legal_head(dlo, in_force)
        result = refused(dlo, in_force, "DLO121", "submit", REG)
        assert "held by its holder (М. Р. Бекова)" in result.err, result.err


def test_a_round_forged_with_the_own_holder_by_her_full_name_is_named(in_force, dlo):
    entries = [wj.normal(e) for e in journal_data(in_force).data]
    _own_holder_as(entries[:-1], "legal-head", {"kk": "Мадина Бекова", "ru": "Мадина Бекова"})
    _forged_and_named(dlo, in_force, entries, 6, "approved")


def test_a_name_only_alike_is_told_how_to_tell_two_people_apart(project, dlo):
    """ "Маржан Бекова" at legal-head and "М. Р. Бекова" at dlo-head may be one person (one
    certificate, БЕКОВА МАРЖАН, would name both), so DLO121 stands; but its hint said only to
    remove legal-head from the route, which is wrong when they are two relatives. It now says
    first to write both names in full, which tells them apart; the same name gets the old hint."""
    _registry(project, LEGAL, "kk: Маржан Бекова\n    ru: Маржан Бекова\n")
    out = dlo("check", REG, cwd=project).out
    assert "DLO121" in out and "are two people, write each one's name in full" in out, out
    assert "else: remove legal-head from agreement.approvers" in out, out
    _registry(project, "kk: Маржан Бекова\n    ru: Маржан Бекова\n", HEAD)
    out = dlo("check", REG, cwd=project).out
    assert "DLO121" in out and "two people" not in out, out
