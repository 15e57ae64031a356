"""A journal forged with its hashes recomputed that gives a revision the number of the edition
in force: ``revise`` opens edition n+1, ``submit`` submits it and ``approve`` never approves an
edition twice, so each of these is an event no command writes (DLO612). Before, a revision
approved again as edition 1 replaced the frozen edition 1, whose text then governed its own
round: a text naming the vice-rector as its approving official was approved by the vice-rector
while the edition in force named the rector, and ``verify`` passed it."""

from __future__ import annotations

import shutil

import pytest
from conftest import on_day
from test_hostile_journal import _rechained
from workflow_support import (
    APPROVERS,
    REG,
    edition_path,
    journal_data,
    ok,
    reg_path,
    replace_text,
    revise_naming_another_approver,
    write_journal,
)

from dlo_docs.project import Project
from dlo_docs.workflow import editions
from dlo_docs.workflow import journal as wj


def _renumbered_revision(dlo, project, from_revision: bool) -> None:
    """Edition 1 in force (the rector approves); a revision naming the vice-rector as approving
    official, submitted and agreed, rewritten as edition 1 (from the revision, or from its
    submission on), approved as edition 1 by the vice-rector and frozen over editions/1.yaml."""
    with on_day("2024-09-02"):
        revise_naming_another_approver(dlo, project)
    path = reg_path(project)
    path.write_text(path.read_text(encoding="utf-8").replace("edition: 2", "edition: 1", 1))
    shutil.copy(path, edition_path(project, 1))
    text = editions.file_hash(edition_path(project, 1), Project(project))
    entries = [wj.normal(e) for e in journal_data(project).data]
    assert [e["event"] for e in entries[5:8]] == ["approved", "revised", "submitted"]
    approval = {**wj.normal(entries[5]), "role": "vp-academic"}
    approval["order"] = {"number": "77-НҚ", "date": "2024-09-02", "effective": "2024-09-02"}
    for entry in [*entries[6 if from_revision else 7 :], approval]:
        entry.update(edition=1, content_hash=text)
    if from_revision:
        entries[6]["from_edition"] = 1
    entries[7]["approval_by"] = "vp-academic"
    write_journal(project, _rechained([*entries, approval]))


@pytest.mark.parametrize(
    "from_revision, seq, what",
    [
        (
            True,
            7,
            "(revised) cannot stand where it is: it opens edition 1, but edition 1 is in "
            "force (a revision is edition 2)",
        ),
        (
            False,
            8,
            "(submitted) cannot stand where it is: it submits edition 1, but the edition "
            "being drafted is 2",
        ),
    ],
    ids=["revision-renumbered", "submission-renumbered"],
)
def test_an_edition_in_force_approved_again_is_named(in_force, dlo, from_revision, seq, what):
    _renumbered_revision(dlo, in_force, from_revision)
    result = dlo("verify", cwd=in_force)
    assert result.code == 1, result.out + result.err
    assert f"error DLO612: journal event {seq} {what}" in result.err, result.err
    assert "(approved) cannot stand where it is: edition 1 is approved already" in result.err
    for args in (("status", REG), ("render", REG, "--format", "html")):
        shown = dlo(*args, cwd=in_force)
        assert shown.code == 1 and "77-НҚ" not in shown.out, (args, shown.out, shown.err)
    assert not (in_force / "build" / f"{REG}.kk.html").exists()


def _refrozen(project):
    """The working text frozen as edition 1 and every journal entry's content hash made its, as
    a forger with write access does (the chain to be recomputed by the caller)."""
    shutil.copy(reg_path(project), edition_path(project, 1))
    text = editions.file_hash(edition_path(project, 1), Project(project))
    entries = [wj.normal(e) for e in journal_data(project).data]
    for entry in entries:
        entry["content_hash"] = text
    return entries


def test_the_renumbering_forgery_needs_its_frozen_edition(in_force, dlo):
    """The honest revision it was made from verifies (the test forges, not the set-up)."""
    with on_day("2024-09-02"):
        revise_naming_another_approver(dlo, in_force)
    assert "intact (12 journal events)" in ok(dlo, in_force, "verify", REG).out


def _self_authorising_round(project, approver: str) -> None:
    """Edition 1 rewritten as a text the head of the department approves (``approval.by``, its
    clause; ``route``: among the approvers instead; ``holder``: the text kept, the rector's holder
    recorded as the head's) and frozen, its whole round forged
    along that text's own route and authority, hashes recomputed; the working copy put back to
    the honest text, so `dlo check` sees nothing."""
    honest = reg_path(project).read_text(encoding="utf-8")
    if approver == "by":
        replace_text(project, "  by: rector\n", "  by: dlo-head\n")
        replace_text(
            project,
            "ҚӨУ Басқарма Төрағасының – Ректорының бұйрығымен",
            "қашықтықтан оқыту бөлімінің бастығының бұйрығымен",
        )
    elif approver == "route":
        replace_text(project, "hr-head, docs-head]", "hr-head, dlo-head]")
    entries = _refrozen(project)
    if approver == "by":
        entries[0]["approval_by"] = entries[5]["role"] = "dlo-head"
    elif approver == "route":
        entries[0]["route"] = [*APPROVERS[:3], "dlo-head"]
        entries[4]["role"] = "dlo-head"
    else:  # the rector's position held by the head of the department, as the approval recorded
        positions = entries[5]["facts"]["positions"]
        positions["rector"]["holder"] = dict(positions["dlo-head"]["holder"])
        if approver == "holder-reordered":  # "М. Р. Бекова" recorded as "Бекова М.Р."
            positions["rector"]["holder"] = {
                lang: f"{name.split()[-1]} {''.join(name.split()[:-1])}"
                for lang, name in positions["rector"]["holder"].items()
            }
    write_journal(project, _rechained(entries))
    reg_path(project).write_text(honest, encoding="utf-8")


@pytest.mark.parametrize(
    "approver, what",
    [
        ("by", "edition 1 is the job instruction of dlo-head and names dlo-head as its approving"),
        ("route", "edition 1 is the job instruction of dlo-head and names dlo-head among its"),
        ("holder", "it is approved by rector, whose holder held dlo-head too when it was"),
        (
            "holder-reordered",
            "it is approved by rector, whose holder held dlo-head too when it was",
        ),
    ],
)
def test_a_forged_round_approving_a_self_authorising_text_is_named(in_force, dlo, approver, what):
    """`approve` refuses a job instruction approved or agreed by its own position (DLO121); a
    round forged along such a text's own route passed verify and the title page printed the
    head's own approval (or agreement) of their instruction."""
    _self_authorising_round(in_force, approver)
    assert "DLO121" not in dlo("check", REG, cwd=in_force).err
    result = dlo("verify", cwd=in_force)
    assert result.code == 1, result.out + result.err
    assert f"error DLO612: journal event 6 (approved) cannot stand where it is: {what}" in (
        result.err
    ), result.err
    for args in (("status", REG), ("render", REG, "--format", "html")):
        shown = dlo(*args, cwd=in_force)
        assert shown.code == 1 and "45-НҚ" not in shown.out, (args, shown.out, shown.err)
    assert not (in_force / "build" / f"{REG}.kk.html").exists()


def test_an_edition_approved_under_another_number_than_its_text_says_is_named(in_force, dlo):
    """`approve` freezes edition n as the text saying `edition: n`; the title page prints the
    text's number. The seed's round forged with its text saying edition 7 (hashes recomputed)
    passed verify and status (edition 1 in force) while the rendered edition said 7-басылым."""
    replace_text(in_force, "\nedition: 1\n", "\nedition: 7\n")
    entries = _refrozen(in_force)
    write_journal(in_force, _rechained(entries))
    result = dlo("verify", REG, cwd=in_force)
    assert result.code == 1, result.out + result.err
    assert (
        "error DLO612: journal event 6 (approved) cannot stand where it is: it approves edition "
        "1, but the text it approved says it is edition 7"
    ) in result.err, result.err
    for args in (("status", REG), ("render", REG, "--format", "html")):
        shown = dlo(*args, cwd=in_force)
        assert shown.code == 1 and "DLO612" in shown.err, (args, shown.out, shown.err)
    assert not (in_force / "build" / f"{REG}.kk.html").exists()
