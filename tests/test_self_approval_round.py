"""The approving official of a revision's round is the one the edition in force names (its
submission fixes it), not the draft's own ``approval.by``, which ``dlo check`` judges (DLO121) and
which is the next revision's. A job instruction's revision whose draft names another official
was approved by the edition in force's, whose position the registry then gave the instruction's
own holder: ``approve`` wrote it (DLO121 on the draft saw nothing) and ``verify`` then named that
very approval as one no command writes (DLO612), so nothing could be written to the journal
again. ``submit`` and ``approve`` now refuse it (DLO121), and the journal stays as it verifies."""

from __future__ import annotations

from conftest import on_day
from workflow_support import REG, ok, revise_naming_another_approver, revised_to_another_approver

RECTOR = "Д. Е. Ахметов"


def _rector_held_by(project, name: str) -> None:
    """The registry gives the rector's position the holder ``name`` (in kk and ru)."""
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    held = f"kk: {RECTOR}\n    ru: {RECTOR}\n"
    assert text.count(held) == 1
    path.write_text(text.replace(held, f"kk: {name}\n    ru: {name}\n"), encoding="utf-8")


def test_an_approval_by_the_official_the_round_fixed_holding_the_own_position_is_refused(
    in_force, dlo
):
    with on_day("2024-09-02"):
        revise_naming_another_approver(dlo, in_force)  # approved by the rector this round
        _rector_held_by(in_force, "Бекова М.Р.")  # the head of the department, written otherwise
        assert "DLO121" not in dlo("check", REG, cwd=in_force).out  # the draft names vp-academic
        result = dlo("approve", REG, "--order", "77-НҚ", "--date", "2024-09-02", cwd=in_force)
        assert result.code == 1, result.out + result.err
        assert (
            "error DLO121: dlo-head cannot be approved: the approving official its submission "
            "fixed, rector, is dlo-head itself or held by its holder (М. Р. Бекова)"
        ) in result.err, result.err
        assert "Traceback" not in result.err
        assert not (in_force / "regulations" / REG / "editions" / "2.yaml").exists()
        assert "intact" in ok(dlo, in_force, "verify", REG).out
    path = in_force / "regulations" / "registry.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Бекова М.Р.\n", "А. Б. Сейітов\n"),
        encoding="utf-8",
    )
    with on_day("2024-09-02"):
        ok(dlo, in_force, "approve", REG, "--order", "77-НҚ", "--date", "2024-09-02")
        assert "intact" in ok(dlo, in_force, "verify", REG).out


def test_a_revision_whose_round_the_own_holder_would_approve_is_not_submitted(in_force, dlo):
    with on_day("2024-09-02"):
        revised_to_another_approver(dlo, in_force)
        _rector_held_by(in_force, "M. P. Бекова")  # Latin M and P
        result = dlo("submit", REG, cwd=in_force)
        assert result.code == 1, result.out + result.err
        assert (
            "error DLO121: dlo-head cannot be submitted: the approving official the edition in "
            "force fixes for this round, rector, is dlo-head itself or held by its holder"
        ) in result.err, result.err
        assert "intact" in ok(dlo, in_force, "verify", REG).out
