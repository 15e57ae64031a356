"""A unit regulation agreed to or approved by its own unit's head (DLO121, DLO612).

The head of a unit (the registry's ``units.<unit>.head``) drafts and follows its regulation as
the holder of a position does their job instruction. A review found ``dlo new dlo-reg --kind
unit_regulation --unit dlo --approvers dlo-head --approval-by dlo-head``, its text written, then
submitted, agreed to by dlo-head and approved by dlo-head: in force, and ``verify`` said intact —
a draft authorizing itself. DLO121 read only a job instruction's position. Now a unit
regulation's own position is its unit's head (none named: nothing to check), wherever the job
instruction's position was: ``dlo check``, the guards of ``submit``, ``agree``, ``approve``,
the ``--sign`` key check, and ``verify`` (DLO612)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import let_approve, on_day, organisation_today
from desk_support import new_clean, ok, take_route, write_placeholders
from signing_support import PASSWORD, edit_position, office
from test_hostile_journal import _rechained

from dlo_docs import load
from dlo_docs.project import Project
from dlo_docs.workflow import editions
from dlo_docs.workflow import journal as wj

REG = "dlo-reg"
PATH = f"regulations/{REG}/regulation.yaml"
ROUTE = [
    "ubbi-director",
    "vp-academic",
]  # what ``dlo new`` gives the unit dlo (the rector approves)
HEAD = "kk: М. Р. Бекова\n    ru: М. Р. Бекова\n"  # dlo-head's holder in the bundled registry
RECTOR = "kk: Д. Е. Ахметов\n    ru: Д. Е. Ахметов\n"
APPROVAL_KK = "Осы Ереже Басқарма Төрағасы – Ректордың бұйрығымен бекітіледі."
APPROVAL_RU = "Настоящее Положение утверждается приказом Председателя Правления – Ректора."


@pytest.fixture(autouse=True)
def _others_approve(project) -> None:
    """These rounds are approved by other officials than the rector: who may approve is not
    what they test (DLO124, ``test_approver_allowed``)."""
    let_approve(project)


def _self_drafted(dlo, project) -> None:
    new_clean(
        dlo,
        project,
        REG,
        "--kind",
        "unit_regulation",
        "--unit",
        "dlo",
        "--approvers",
        "dlo-head",
        "--approval-by",
        "dlo-head",
    )


def _text(project) -> str:
    return (project / PATH).read_text(encoding="utf-8")


def _replace(project, old: str, new: str, path: str = PATH) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def _registry(project, old: str, new: str) -> None:
    _replace(project, old, new, "regulations/registry.yaml")


def _at(project, needle: str) -> tuple[int, int]:
    """The line and column (1-based) where ``needle`` first stands in the regulation's file."""
    text = _text(project)
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _refused(dlo, project, *args: str):
    """The command refuses (exit 1, DLO121 named); the journal and the text are left as they
    were."""
    journal = project / "regulations" / REG / "journal.yaml"
    before = journal.read_bytes() if journal.exists() else None
    text = _text(project)
    result = dlo(*args, cwd=project)
    assert result.code == 1, result.out + result.err
    assert "error DLO121:" in result.err, result.err
    assert "Traceback" not in result.err
    assert (journal.read_bytes() if journal.exists() else None) == before
    assert _text(project) == text
    return result


def test_check_names_the_head_among_the_approvers_and_as_approving_official(project, dlo):
    _self_drafted(dlo, project)
    approver = _at(project, "dlo-head]")
    by = _at(project, "dlo-head\n  form:")
    result = dlo("check", REG, cwd=project)
    assert result.code == 1, result.out
    assert "error DLO101" not in result.out
    assert (
        f"{PATH}:{approver[0]}:{approver[1]}: error DLO121: the regulation of unit 'dlo' names "
        "its own head 'dlo-head' among its approvers: the head would agree to the regulation "
        "of their own unit"
    ) in result.out, result.out
    assert (
        f"{PATH}:{by[0]}:{by[1]}: error DLO121: the regulation of unit 'dlo' is approved by its "
        "own head 'dlo-head': the head would approve the regulation of their own unit"
    ) in result.out, result.out


def test_a_self_authorising_unit_regulation_is_not_submitted(project, dlo):
    _self_drafted(dlo, project)
    result = _refused(dlo, project, "submit", REG)
    assert "dlo-reg cannot be submitted: the draft has errors" in result.err, result.err
    assert "the regulation of unit 'dlo' is approved by its own head 'dlo-head'" in result.err


def test_the_head_acting_in_another_position_is_named_by_its_holder(project, dlo):
    """The registry gives the vice-rector, on the route, the head's holder written otherwise."""
    new_clean(dlo, project, REG, "--kind", "unit_regulation", "--unit", "dlo")
    _registry(
        project,
        "kk: А. Б. Сейітова\n    ru: А. Б. Сеитова\n",
        "kk: Бекова М.Р.\n    ru: Бекова М.Р.\n",
    )
    row, col = _at(project, "vp-academic]")
    result = dlo("check", REG, cwd=project)
    assert result.code == 1, result.out
    assert (
        f"{PATH}:{row}:{col}: error DLO121: the regulation of unit 'dlo' names 'vp-academic' "
        "among its approvers, whose holder (М. Р. Бекова) heads it as 'dlo-head' too: they "
        "would agree to the regulation of their own unit"
    ) in result.out, result.out


def test_a_unit_the_registry_names_no_head_of_has_nothing_to_check(project, dlo):
    _self_drafted(dlo, project)
    _registry(project, "  parent: ubbi\n  head: dlo-head\n", "  parent: ubbi\n")
    assert "DLO121" not in dlo("check", REG, cwd=project).out


def test_the_job_instruction_of_a_head_is_not_judged_as_its_units_regulation(project, dlo):
    """The bundled job instruction of dlo-head is agreed to and approved by others: clean, as
    before (the unit's head is that instruction's own position, which it was already)."""
    assert "DLO121" not in dlo("check", "dlo-head", cwd=project).out


def _in_force(dlo, project) -> None:
    new_clean(dlo, project, REG, "--kind", "unit_regulation", "--unit", "dlo")
    with on_day("2024-06-03"):
        take_route(dlo, project, REG, "approved", ROUTE, order_date=dt.date(2024, 6, 3))


def test_an_approval_the_round_fixed_by_the_heads_holder_is_refused(project, dlo):
    """A revision's draft names the vice-rector as approving official, so `dlo check` sees
    nothing; its round, as the edition in force fixes it, is approved by the rector, whose
    holder the registry then names as the head's: `approve` refuses it."""
    _in_force(dlo, project)
    with on_day("2024-09-02"):
        ok(dlo, project, "revise", REG, "--by", "dlo-head", "--reason", "the vice-rector approves")
        _replace(project, "  by: rector\n", "  by: vp-academic\n")
        _replace(
            project,
            APPROVAL_KK,
            APPROVAL_KK.replace(
                "Басқарма Төрағасы – Ректордың", "академиялық мәселелер жөніндегі проректордың"
            ),
        )
        _replace(
            project,
            APPROVAL_RU,
            APPROVAL_RU.replace(
                "Председателя Правления – Ректора", "проректора по академическим вопросам"
            ),
        )
        ok(dlo, project, "submit", REG)
        for role in ROUTE:
            ok(dlo, project, "agree", REG, "--as", role)
        _registry(project, RECTOR, "kk: Бекова М.Р.\n    ru: Бекова М.Р.\n")
        assert "DLO121" not in dlo("check", REG, cwd=project).out  # the draft names vp-academic
        result = _refused(dlo, project, "approve", REG, "--order", "77-НҚ", "--date", "2024-09-02")
        assert (
            "error DLO121: dlo-reg cannot be approved: the approving official its submission "
            "fixed, rector, is dlo-head, the head of unit dlo, or held by its holder "
            "(М. Р. Бекова): they would approve the regulation of their own unit"
        ) in result.err, result.err
        assert not (project / "regulations" / REG / "editions" / "2.yaml").exists()
        assert "intact" in ok(dlo, project, "verify", REG).out


def test_an_agreement_given_as_the_position_that_now_heads_the_unit_is_not_approved(project, dlo):
    """The registry makes the vice-rector, who agreed, the head of the unit: approving would
    record the head's agreement to their own unit's regulation."""
    new_clean(dlo, project, REG, "--kind", "unit_regulation", "--unit", "dlo")
    take_route(dlo, project, REG, "agreed", ROUTE)
    today = organisation_today().isoformat()
    _registry(
        project, "  parent: ubbi\n  head: dlo-head\n", "  parent: ubbi\n  head: vp-academic\n"
    )
    result = _refused(dlo, project, "approve", REG, "--order", "1-НҚ", "--date", today)
    assert "DLO121" in result.err


def test_the_heads_own_key_does_not_sign_as_another_position(project, dlo, monkeypatch):
    """The registry binds the head's certificate to the vice-rector under a name not read as
    hers ("Мадина"): her key does not sign an agreement to her own unit's regulation."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
    signed = office(project)
    new_clean(dlo, project, REG, "--kind", "unit_regulation", "--unit", "dlo")
    take_route(dlo, project, REG, "submitted", ROUTE)
    ok(dlo, project, "agree", REG, "--as", "ubbi-director")
    pem = next(project.glob("keys/dlo-head-*.pem")).relative_to(project).as_posix()

    def hers(position):
        position["holder"] = {"kk": "Мадина", "ru": "Мадина"}
        position["certificates"] = [{"file": pem}]

    edit_position(project, "vp-academic", hers)
    key = str(signed.p12["dlo-head"])
    result = _refused(dlo, project, "agree", REG, "--as", "vp-academic", "--sign", key)
    assert (
        "dlo-reg cannot be signed as vp-academic with this key: its certificate names the holder "
        "of dlo-head, the head of unit dlo, who would agree to or approve the regulation of "
        "their own unit"
    ) in result.err, result.err


def _journal(project) -> list[dict]:
    source, problems = load.read(project / "regulations" / REG / "journal.yaml", "journal.yaml")
    assert not problems, problems
    return [wj.normal(e) for e in source.data]


def _forged(project, how: str) -> None:
    """Edition 1 rewritten as a text its unit's head approves (``by``: approval.by and its
    clause) or agrees to (``route``: the head instead of the vice-rector), frozen, its whole
    round forged along that text's own route and authority, hashes recomputed; or (``holder``)
    the text kept and the rector's holder recorded by the approval as the head's. The working
    copy is put back to the honest text, so `dlo check` sees nothing."""
    path = project / PATH
    honest = path.read_text(encoding="utf-8")
    if how == "by":
        _replace(project, "  by: rector\n", "  by: dlo-head\n")
        _replace(
            project,
            APPROVAL_KK,
            APPROVAL_KK.replace(
                "Басқарма Төрағасы – Ректордың", "қашықтықтан оқыту бөлімінің бастығының"
            ),
        )
        _replace(
            project,
            APPROVAL_RU,
            APPROVAL_RU.replace(
                "Председателя Правления – Ректора", "начальника отдела дистанционного обучения"
            ),
        )
    elif how == "route":
        _replace(project, "[ubbi-director, vp-academic]", "[ubbi-director, dlo-head]")
    frozen = project / "regulations" / REG / "editions" / "1.yaml"
    shutil.copy(path, frozen)
    text = editions.file_hash(frozen, Project(project))
    entries = _journal(project)
    assert [e["event"] for e in entries] == ["submitted", "agreed", "agreed", "approved"]
    for entry in entries:
        entry["content_hash"] = text
    if how == "by":
        entries[0]["approval_by"] = entries[3]["role"] = "dlo-head"
    elif how == "route":
        entries[0]["route"] = ["ubbi-director", "dlo-head"]
        entries[2]["role"] = "dlo-head"
    else:
        positions = entries[3]["facts"]["positions"]
        positions["rector"]["holder"] = dict(positions["dlo-head"]["holder"])
    load.write(project / "regulations" / REG / "journal.yaml", _rechained(entries))
    path.write_text(honest, encoding="utf-8")


def test_a_forged_round_of_a_unit_regulation_authorising_itself_is_named(project, dlo):
    """The review's unit regulation, its round forged by hand as `approve` would have written
    it before: verify names the approval (DLO612), and so do status and render."""
    _in_force(dlo, project)
    assert "intact (4 journal events)" in ok(dlo, project, "verify", REG).out
    expected = {
        "by": "edition 1 is the regulation of unit dlo and names its head dlo-head as its "
        "approving official: the head approves the regulation of their own unit",
        "route": "edition 1 is the regulation of unit dlo and names its head dlo-head among its "
        "approvers: the head agrees to the regulation of their own unit",
        "holder": "it is approved by rector, whose holder headed the unit as dlo-head too when "
        "it was recorded: they approved the regulation of their own unit",
    }
    honest = (project / PATH).read_text(encoding="utf-8")
    journal = (project / "regulations" / REG / "journal.yaml").read_bytes()
    frozen = (project / "regulations" / REG / "editions" / "1.yaml").read_bytes()
    for how, what in expected.items():
        _forged(project, how)
        assert "DLO121" not in dlo("check", REG, cwd=project).out
        result = dlo("verify", REG, cwd=project)
        assert result.code == 1, (how, result.out, result.err)
        assert f"error DLO612: journal event 4 (approved) cannot stand where it is: {what}" in (
            result.err
        ), (how, result.err)
        shown = dlo("status", REG, cwd=project)
        assert shown.code == 1 and "DLO612" in shown.err, (how, shown.out, shown.err)
        (project / PATH).write_text(honest, encoding="utf-8")
        (project / "regulations" / REG / "journal.yaml").write_bytes(journal)
        (project / "regulations" / REG / "editions" / "1.yaml").write_bytes(frozen)
    assert "intact (4 journal events)" in ok(dlo, project, "verify", REG).out


def test_the_rectorates_regulation_leaves_who_approves_it_to_write(project, dlo):
    """The rector heads the rectorate and approves by default: `dlo new` leaves the clause
    stating approval to write, as for the rector's own job instruction (DLO114), and DLO121
    reads `approval.by` once it is written."""
    args = ("--kind", "unit_regulation", "--unit", "rectorate", "--approvers", "vp-academic")
    ok(dlo, project, "new", "rectorate", *args)
    text = (project / "regulations" / "rectorate" / "regulation.yaml").read_text("utf-8")
    assert "утверждается [[кем утверждается: например, решением Совета директоров]]." in text
    out = dlo("check", "rectorate", cwd=project).out
    assert "DLO114" in out and "DLO121" not in out, out
    write_placeholders(project, "rectorate", "ЛН 02-2026")
    out = dlo("check", "rectorate", cwd=project).out
    assert (
        "error DLO121: the regulation of unit 'rectorate' is approved by its own head 'rector'"
    ) in out, out


NO_HEAD = "  parent: ubbi\n"
HEADED = "  parent: ubbi\n  head: dlo-head\n"


def _approved_with_head(dlo, project, head: str) -> None:
    """The self-drafted regulation (dlo-head agrees and approves) taken through its round while
    the registry gives unit dlo the head ``head`` (empty: none): nothing to check then."""
    _registry(project, HEADED, f"{NO_HEAD}  head: {head}\n" if head else NO_HEAD)
    args = ("--kind", "unit_regulation", "--unit", "dlo", "--initiators", "dlo-head")
    new_clean(dlo, project, REG, *args, "--approvers", "dlo-head", "--approval-by", "dlo-head")
    assert "DLO121" not in dlo("check", REG, cwd=project).out
    take_route(dlo, project, REG, "approved", ["dlo-head"])
    assert "intact (3 journal events)" in ok(dlo, project, "verify", REG).out


def _intact_after_reorganisation(dlo, project, head: str) -> None:
    """The registry then makes dlo-head the unit's head: the approval, recorded under the head
    it had then, still stands (verify and status judge it by the head the events recorded)."""
    _registry(project, f"{NO_HEAD}  head: {head}\n" if head else NO_HEAD, HEADED)
    result = dlo("verify", REG, cwd=project)
    assert result.code == 0 and "intact (3 journal events)" in result.out, result.out + result.err
    assert "DLO612" not in result.err
    shown = dlo("status", REG, cwd=project)
    assert shown.code == 0 and "DLO612" not in shown.err, shown.out + shown.err


def test_an_approval_recorded_when_the_unit_had_no_head_stands_once_it_has_one(project, dlo):
    """A review: no head at the approval, `head: dlo-head` restored after: verify called the
    approval dlo wrote "made by hand" (DLO612), judging it by the registry's head now."""
    _approved_with_head(dlo, project, "")
    _intact_after_reorganisation(dlo, project, "")


def test_an_approval_recorded_under_another_head_stands_once_the_approver_heads(project, dlo):
    """The reverse: another position headed the unit at the approval; a reorganisation makes
    the earlier approver, dlo-head, the head: the honest journal stays intact."""
    _approved_with_head(dlo, project, "ubbi-director")
    _intact_after_reorganisation(dlo, project, "ubbi-director")


def _forge_head(project, change) -> None:
    entries = _journal(project)
    for entry in entries:
        change(entry.get("facts") or {})
    load.write(project / "regulations" / REG / "journal.yaml", _rechained(entries))


def test_a_journal_recording_the_approver_as_the_head_is_named(project, dlo):
    """Rewritten by hand, hashes recomputed, to say dlo-head headed the unit it approved the
    regulation of: DLO612, though the registry names no head now."""
    _approved_with_head(dlo, project, "")
    approval = _journal(project)[-1]
    assert approval["facts"]["head"] == ""  # recorded: the unit had no head

    def headed(facts: dict) -> None:
        if "head" in facts:
            facts["head"] = "dlo-head"

    _forge_head(project, headed)
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1, result.out + result.err
    assert (
        "error DLO612: journal event 3 (approved) cannot stand where it is: edition 1 is the "
        "regulation of unit dlo and names its head dlo-head as its approving official"
    ) in result.err, result.err


def test_an_approval_recorded_before_heads_were_recorded_is_judged_by_the_registry(project, dlo):
    """An event with no head recorded (written by an earlier dlo) falls back to the registry's
    head now, as before: with dlo-head heading the unit, its own approval is named (DLO612)."""
    _approved_with_head(dlo, project, "")
    _forge_head(project, lambda facts: facts.pop("head", None))
    assert "intact" in ok(dlo, project, "verify", REG).out  # no head now: nothing to check
    _registry(project, NO_HEAD, HEADED)
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1 and "error DLO612: journal event 3 (approved)" in result.err, (
        result.out + result.err
    )


def test_a_recorded_head_not_a_position_id_is_not_the_shape_dlo_writes(project, dlo):
    _approved_with_head(dlo, project, "")
    _forge_head(project, lambda facts: facts.update(head=["dlo-head"]) if "head" in facts else 0)
    result = dlo("verify", REG, cwd=project)
    assert result.code == 1, result.out + result.err
    assert "its facts are not of the shape dlo writes (head)" in result.err, result.err
