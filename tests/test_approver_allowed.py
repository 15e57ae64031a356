"""Who may approve a regulation (DLO124): the registry's ``organisation.approvers``.

A first edition's approving official is whatever its draft's ``approval.by`` says: a drafter
could name a colleague (``dlo new hr-head --approval-by docs-head``), and submit, agreements and
approval went through, the title page printing that colleague's approval. The bundled registry
lets only the rector approve, as the university's procedure says; ``dlo check``, ``submit``,
``approve`` and ``register-paper`` refuse another official. Without the list, any position
approves, as before."""

from __future__ import annotations

from conftest import let_approve, organisation_today
from desk_support import new_clean, ok, take_route

REG = "hr-head"
PATH = f"regulations/{REG}/regulation.yaml"
REGISTRY = "regulations/registry.yaml"
ALLOWED = "  approvers: [rector]\n"


def _replace(project, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def _line_col(project, path: str, needle: str) -> tuple[int, int]:
    text = (project / path).read_text(encoding="utf-8")
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def _drafted_for(dlo, project, approver: str) -> None:
    new_clean(
        dlo,
        project,
        REG,
        "--position",
        "hr-head",
        "--approvers",
        "legal-head",
        "--approval-by",
        approver,
    )


def _refused_as_another_organisation_s(dlo, project, at: str, what: str) -> None:
    """``dlo check`` says DLO024 at ``at`` (line:column) of the draft naming organisation
    'other', the registry putting ``what``; ``submit`` refuses it."""
    result = dlo("check", REG, cwd=project)
    assert result.code == 1, result.out
    assert (
        f"{PATH}:{at}: error DLO024: the regulation names organisation 'other', but the registry "
        f"puts {what}"
    ) in result.out, result.out
    refused = dlo("submit", REG, cwd=project)
    assert refused.code == 1 and "DLO024" in refused.err, refused.err


def _other_organisation(project) -> None:
    """The registry keeps another organisation, 'other' (an imported one: no list of who may
    approve), with a unit 'ext' headed by its position 'ext-head'."""
    _replace(
        project,
        REGISTRY,
        "- id: docs\n  name:",
        "- id: ext\n  organisation: other\n  name: {kk: Сыртқы бөлім, ru: Внешний отдел}\n"
        "  head: ext-head\n- id: docs\n  name:",
    )
    registry = project / REGISTRY
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "positions:\n",
            "positions:\n- id: ext-head\n  title: {kk: Сыртқы бөлім басшысы, ru: Начальник "
            "внешнего отдела}\n  unit: ext\n",
            1,
        )
        + "organisations:\n- id: other\n  name: {kk: Басқа ұйым, ru: Другая организация}\n",
        encoding="utf-8",
    )


def test_check_names_an_approving_official_the_organisation_does_not_allow(project, dlo):
    _drafted_for(dlo, project, "docs-head")
    row, col = _line_col(project, PATH, "docs-head\n  form:")
    result = dlo("check", REG, cwd=project)
    assert result.code == 1, result.out
    # each official by id and by the title the regulation's language gives it, as the clerk
    # knows them (the ids alone read "'ksu': … only rector")
    assert (
        f"{PATH}:{row}:{col}: error DLO124: 'docs-head' (Құжаттамалық қамтамасыз ету бөлімінің "
        "бастығы) may not approve the regulations of 'ksu' («Ахмет Байтұрсынұлы атындағы "
        "Қостанай өңірлік университеті» КЕАҚ): regulations/registry.yaml lets only 'rector' "
        "(Басқарма Төрағасы – Ректор) approve them (hint: set approval.by to one of them"
    ) in result.out, result.out
    assert "Traceback" not in result.out + result.err


def test_the_rector_approving_is_clean(project, dlo):
    _drafted_for(dlo, project, "rector")
    result = dlo("check", REG, cwd=project)
    assert "DLO124" not in result.out, result.out


def test_a_draft_naming_its_own_approver_is_neither_submitted_nor_approved(project, dlo):
    _drafted_for(dlo, project, "docs-head")
    journal = project / "regulations" / REG / "journal.yaml"
    result = dlo("submit", REG, cwd=project)
    assert result.code == 1, result.out + result.err
    assert "error DLO124:" in result.err, result.err
    assert not journal.exists()
    # agreed while the registry let the colleague approve; the list narrowed before approval
    let_approve(project, "rector", "docs-head")
    take_route(dlo, project, REG, "agreed", ["legal-head"])
    before = journal.read_bytes()
    _replace(project, REGISTRY, "  approvers: [rector, docs-head]\n", ALLOWED)
    today = organisation_today().isoformat()
    result = dlo("approve", REG, "--order", "5-НҚ", "--date", today, cwd=project)
    assert result.code == 1, result.out + result.err
    assert "error DLO124:" in result.err, result.err
    assert journal.read_bytes() == before
    assert not (project / "regulations" / REG / "editions").exists()


def test_without_the_list_any_position_approves(project, dlo):
    let_approve(project)
    _drafted_for(dlo, project, "docs-head")
    assert "DLO124" not in dlo("check", REG, cwd=project).out
    take_route(dlo, project, REG, "approved", ["legal-head"])
    assert "in force" in ok(dlo, project, "status", REG).out


def test_an_unknown_position_in_the_list_is_an_error_at_its_place(project, dlo):
    _replace(project, REGISTRY, ALLOWED, "  approvers: [rector, rektor]\n")
    row, col = _line_col(project, REGISTRY, "rektor]")
    result = dlo("check", cwd=project)
    assert result.code == 1, result.out
    assert f"{REGISTRY}:{row}:{col}: error" in result.out, result.out
    assert "'rektor'" in result.out, result.out


def test_a_draft_claiming_another_organisation_is_not_judged_by_its_rules(project, dlo):
    """Another organisation kept in the registry (an imported one) lets any position approve:
    a draft of the university's unit naming it instead would escape the list (DLO024)."""
    _other_organisation(project)
    _drafted_for(dlo, project, "docs-head")
    _replace(project, PATH, "organisation: ksu\n", "organisation: other\n")
    row, col = _line_col(project, PATH, "other\n")
    _refused_as_another_organisation_s(
        dlo, project, f"{row}:{col}", "its unit 'hr' in organisation 'ksu'"
    )


# the clause stating approval as ``dlo new --approval-by docs-head`` writes it, and as a revision
# naming the rector says it
_BY_DOCS_HEAD = {
    "Осы лауазымдық нұсқаулық құжаттамалық қамтамасыз ету бөлімі бастығының бұйрығымен "
    "бекітіледі.": "Осы лауазымдық нұсқаулық Басқарма Төрағасы – Ректордың бұйрығымен бекітіледі.",
    "Настоящая должностная инструкция утверждается приказом начальника отдела "
    "документационного\n                обеспечения.": "Настоящая должностная инструкция "
    "утверждается приказом Председателя Правления – Ректора.",
}


def _revised_to_the_rector(dlo, project) -> None:
    """Edition 1 approved by docs-head while the registry let it approve; the list narrowed to
    the rector; a revision whose draft names the rector (``dlo check`` finds nothing)."""
    let_approve(project, "rector", "docs-head")
    _drafted_for(dlo, project, "docs-head")
    take_route(dlo, project, REG, "approved", ["legal-head"])
    _replace(project, REGISTRY, "  approvers: [rector, docs-head]\n", ALLOWED)
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "уточнение")
    _replace(project, PATH, "  by: docs-head\n", "  by: rector\n")
    for old, new in _BY_DOCS_HEAD.items():
        _replace(project, PATH, old, new)
    ok(dlo, project, "check", REG)  # no error: the draft names the rector


def test_a_revision_is_not_approved_by_the_edition_in_force_s_official_the_list_left_out(
    project, dlo
):
    """A revision's round is approved by the official the edition in force names, not by the
    draft's own: edition 1, approved by docs-head, had its revision approved by docs-head though
    the registry let only the rector approve (the log: 'approved edition 2 docs-head')."""
    _revised_to_the_rector(dlo, project)
    journal = project / "regulations" / REG / "journal.yaml"
    before = journal.read_bytes()
    result = dlo("submit", REG, cwd=project)
    assert result.code == 1, result.out + result.err
    assert (
        "error DLO124: hr-head cannot be submitted: the approving official the edition in force "
        "fixes for this round, docs-head, may not approve the regulations of 'ksu': "
        "regulations/registry.yaml lets only rector approve them"
    ) in result.err, result.err
    assert "Traceback" not in result.err
    assert journal.read_bytes() == before
    # submitted and agreed while the list let docs-head approve, narrowed before the approval
    let_approve(project, "rector", "docs-head")
    take_route(dlo, project, REG, "agreed", ["legal-head"])
    _replace(project, REGISTRY, "  approvers: [rector, docs-head]\n", ALLOWED)
    before = journal.read_bytes()
    today = organisation_today().isoformat()
    result = dlo("approve", REG, "--order", "6-НҚ", "--date", today, cwd=project)
    assert result.code == 1, result.out + result.err
    assert (
        "error DLO124: hr-head cannot be approved: the approving official its submission fixed, "
        "docs-head, may not approve"
    ) in result.err, result.err
    assert journal.read_bytes() == before
    assert not (project / "regulations" / REG / "editions" / "2.yaml").exists()


def test_a_job_instruction_is_its_position_s_organisation_s(project, dlo):
    """A draft of the university's position naming another organisation kept in the registry
    and a unit of it (an imported one, whose regulations any position may approve) escaped the
    list of who may approve (DLO124) and DLO024, which read the unit alone."""
    _other_organisation(project)
    _drafted_for(dlo, project, "docs-head")
    _replace(project, PATH, "organisation: ksu\nunit: hr\n", "organisation: other\nunit: ext\n")
    row, col = _line_col(project, PATH, "position: hr-head\n")
    _refused_as_another_organisation_s(
        dlo,
        project,
        f"{row}:{col + len('position: ')}",
        "its position 'hr-head' in organisation 'ksu'",
    )


def test_a_new_regulation_is_approved_by_whom_the_organisation_lets_approve(project, dlo):
    """Unless told, ``dlo new`` names the head of the top unit (the rector); an organisation
    whose list leaves that head out gets the first it names instead, and a clean draft."""
    let_approve(project, "vp-academic")
    new_clean(dlo, project, REG, "--position", "hr-head", "--approvers", "legal-head")
    assert "  by: vp-academic\n" in (project / PATH).read_text(encoding="utf-8")
    assert "DLO124" not in dlo("check", REG, cwd=project).out


def test_a_new_regulation_of_another_organisation_s_unit_is_that_organisation_s(project, dlo):
    """``dlo new`` for a position of another organisation the registry keeps wrote the
    registry's own organisation, which ``dlo check`` then refused at once (DLO024)."""
    _other_organisation(project)
    ok(
        dlo,
        project,
        "new",
        "ext-head",
        "--kind",
        "job_instruction",
        "--position",
        "ext-head",
        "--approvers",
        "legal-head",
        "--approval-by",
        "rector",
    )
    text = (project / "regulations" / "ext-head" / "regulation.yaml").read_text(encoding="utf-8")
    assert "\norganisation: other\n" in text
    assert "DLO024" not in dlo("check", "ext-head", cwd=project).out


def test_a_new_regulation_s_route_example_is_of_its_own_organisation(project, dlo):
    """With no route in the registry, ``dlo new`` suggested the university's positions for
    another organisation's regulation ("e.g. --approvers rector, vp-academic"), which ``dlo
    check`` then refuses (DLO024): the example is the regulation's organisation's positions."""
    _other_organisation(project)
    args = ["new", "ext-x", "--kind", "job_instruction", "--position", "ext-head"]
    result = dlo(*args, "--approval-by", "ext-head", cwd=project)
    assert result.code == 2, result.out
    assert "add the positions who agree it to the registry" in result.err, result.err
    assert "rector" not in result.err and "vp-academic" not in result.err
    result = dlo("new", "x1", "--kind", "job_instruction", "--position", "hr-head", cwd=project)
    assert "(e.g. --approvers vp-academic,legal-head)" in result.err, result.err


def test_the_list_names_each_of_the_organisation_s_own_positions_once(project, dlo):
    """The list took a position twice ("lets only rector, rector approve them") and another
    organisation's position without a word: each is an error at its place."""
    _other_organisation(project)
    let_approve(project, "rector", "ext-head", "rector")
    line, _ = _line_col(project, REGISTRY, "  approvers: [rector, ext-head, rector]")
    result = dlo("check", cwd=project)
    assert result.code == 1, result.out
    assert (
        f"{REGISTRY}:{line}:{len('  approvers: [rector, ') + 1}: error DLO024: position "
        "'ext-head' belongs to organisation 'other': it cannot approve the regulations of 'ksu'"
    ) in result.out, result.out
    assert (
        f"{REGISTRY}:{line}:{len('  approvers: [rector, ext-head, ') + 1}: error DLO021: "
        "position 'rector' is named twice among the approvers"
    ) in result.out, result.out
