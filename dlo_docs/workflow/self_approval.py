"""What a round refuses so that no one agrees to or approves their own document (DLO121), beyond
what ``dlo check`` judges of the draft: the route and approving official the edition in force
fixes for the round, the holders the registry gives their positions now, and the certificate a
``--sign`` key bears.

A regulation's own position (``model.own_position``) is a job instruction's position, or a unit
regulation's unit's head as the registry gives it (a unit it names no head of has none: nothing
is checked). ``verify`` names an approval that got past these as one no command writes (DLO612,
``governing``)."""

from __future__ import annotations

from typing import Any

from .. import persons
from ..errors import DloError, error
from ..i18n import Msg
from ..model_methods import own_position
from . import facts, governing
from .loading import Ctx


def own(ctx: Ctx) -> str | None:
    """The position whose own document the regulation is (None: none)."""
    model = ctx.model
    return own_position(ctx.registry, model.kind, model.position, model.unit)


def _said(ctx: Ctx, own: str, **more: Any) -> dict[str, Any]:
    """What the messages name: the regulation, its own position, and a unit regulation's unit
    (empty for a job instruction, whose messages say so)."""
    unit = ctx.model.unit if ctx.model.kind != "job_instruction" else ""
    return {"reg_id": ctx.reg_id, "own": own, "unit": unit, **more}


def _shared(ctx: Ctx, own: str, role: str) -> str | None:
    """The name of ``own``'s holder when ``role`` is ``own`` (``""``) or held by the same person
    in the registry now (``persons.shared``, as ``dlo check`` judges a draft); None otherwise."""
    if role == own:
        return ""
    holder = facts.position(ctx.registry, own)["holder"]
    return persons.shared(holder, facts.position(ctx.registry, role)["holder"])


def _approving(verb: str, said: dict[str, Any]) -> Msg:
    if said["unit"] and verb == "submitted":
        return Msg(
            "{reg_id} cannot be submitted: the approving official the edition in force fixes for this round, {by}, is {own}, the head of unit {unit}, or held by its holder ({holder}): they would approve the regulation of their own unit",
            **said,
        )
    if said["unit"]:
        return Msg(
            "{reg_id} cannot be approved: the approving official its submission fixed, {by}, is {own}, the head of unit {unit}, or held by its holder ({holder}): they would approve the regulation of their own unit",
            **said,
        )
    if verb == "submitted":
        return Msg(
            "{reg_id} cannot be submitted: the approving official the edition in force fixes for this round, {by}, is {own} itself or held by its holder ({holder}): they would approve their own instruction",
            **said,
        )
    return Msg(
        "{reg_id} cannot be approved: the approving official its submission fixed, {by}, is {own} itself or held by its holder ({holder}): they would approve their own instruction",
        **said,
    )


def not_self_approved(ctx: Ctx, authority: str, verb: str) -> None:
    """Refuse (DLO121) to submit or approve (``verb``) a regulation whose approving official as
    the round fixes it (the edition in force's ``approval.by``, not the draft's: ``dlo check``
    judges the draft's own, the next revision's) is its own position, or a position the registry
    now gives the same holder: its holder would approve their own document, an approval
    ``verify`` names as one no command writes (DLO612)."""
    mine = own(ctx)
    holder = _shared(ctx, mine, authority) if mine else None
    if mine is None or holder is None:
        return
    said = _said(ctx, mine, by=authority, holder=holder or "-")
    hint = Msg(
        "the edition in force fixes who approves its revision; the round can go on once regulations/registry.yaml gives {by} another holder than {own}'s",
        **said,
    )
    raise DloError(error(ctx.at(), "DLO121", _approving(verb, said), hint))


def _agreeing(verb: str, said: dict[str, Any]) -> Msg:
    if said["unit"] and verb == "submitted":
        return Msg(
            "{reg_id} cannot be submitted: the route the edition in force fixes for this round names {role}, which is {own}, the head of unit {unit}, or held by its holder ({holder}): they would agree to the regulation of their own unit",
            **said,
        )
    if said["unit"]:
        return Msg(
            "{role} cannot agree to {reg_id}: {role} is {own}, the head of unit {unit}, or held by its holder ({holder}): they would agree to the regulation of their own unit",
            **said,
        )
    if verb == "submitted":
        return Msg(
            "{reg_id} cannot be submitted: the route the edition in force fixes for this round names {role}, which is {own} itself or held by its holder ({holder}): they would agree to their own instruction",
            **said,
        )
    return Msg(
        "{role} cannot agree to {reg_id}: {role} is {own} itself or held by its holder ({holder}): they would agree to their own instruction",
        **said,
    )


def not_self_agreed(ctx: Ctx, roles: list[str], verb: str) -> None:
    """Refuse (DLO121) to submit (``verb`` "submitted": ``roles`` the route the round fixes, the
    edition in force's, not the draft's that ``dlo check`` judges) or to agree (``roles``: the
    one agreeing) to a regulation as its own position or one the registry now gives its
    holder: they would agree to their own document, an approval ``verify`` names as one no
    command writes (DLO612)."""
    mine = own(ctx)
    if not mine:
        return
    for role in roles:
        holder = _shared(ctx, mine, role)
        if holder is None:
            continue
        said = _said(ctx, mine, role=role, holder=holder or "-")
        hint = Msg(
            "the edition in force fixes who agrees to its revision; the round can go on once regulations/registry.yaml gives {role} another holder than {own}'s",
            **said,
        )
        raise DloError(error(ctx.at(), "DLO121", _agreeing(verb, said), hint))


def not_own_key(ctx: Ctx, role: str, certificate: object) -> None:
    """Refuse (DLO121) to sign as ``role`` an agreement to, or the approval of, a regulation
    with a certificate naming the holder of its own position (``registry.names_holder``): their
    own key, bound by the registry to ``role`` under a name not read as theirs ("Мадина" for
    "М. Р. Бекова"); ``verify`` names such an approval as one no command writes (DLO612)."""
    mine = own(ctx)
    holder = facts.position(ctx.registry, mine)["holder"] if mine else None
    if not mine or not holder:
        return
    from ..signing.registry import names_holder  # cryptography: only for a signed act

    if not names_holder(certificate, holder):  # type: ignore[arg-type]  # an x509 certificate
        return
    said = _said(ctx, mine, role=role)
    message = (
        Msg(
            "{reg_id} cannot be signed as {role} with this key: its certificate names the holder of {own}, the head of unit {unit}, who would agree to or approve the regulation of their own unit",
            **said,
        )
        if said["unit"]
        else Msg(
            "{reg_id} cannot be signed as {role} with this key: its certificate names the holder of {own}, who would agree to or approve their own instruction",
            **said,
        )
    )
    raise DloError(
        error(ctx.at(), "DLO121", message, Msg("sign with the key of the holder of {role}", **said))
    )


def _agreed_as_own(said: dict[str, Any]) -> Msg:
    if said["unit"]:
        return Msg(
            "{reg_id} cannot be approved: {role} agreed to it (journal event {seq}) as held by the person the registry now gives {own}, the head of unit {unit}: they agreed to the regulation of their own unit",
            **said,
        )
    return Msg(
        "{reg_id} cannot be approved: {role} agreed to it (journal event {seq}) as held by the person the registry now gives {own}: they agreed to their own instruction",
        **said,
    )


def agreed_by_others(ctx: Ctx) -> None:
    """Refuse (DLO121) to approve a regulation one of whose agreements was given, by the holder
    it recorded, by the person the registry now gives its own position (or as that position):
    the approval records that holder, and ``verify`` names it as one no command writes
    (DLO612)."""
    mine = own(ctx)
    if not mine:
        return
    keys = governing.keys(facts.position(ctx.registry, mine)["holder"])
    for role, mark in ctx.marks.items():
        captured = facts.of(mark, role)
        theirs = governing.keys(captured.get("holder")) if captured is not None else set()
        if role != mine and not persons.overlap(keys, theirs):
            continue
        said = _said(ctx, mine, role=role, seq=mark.seq)
        raise DloError(
            error(
                ctx.at(),
                "DLO121",
                _agreed_as_own(said),
                Msg(
                    "once regulations/registry.yaml gives {role} another holder, that agreement lapses and the new holder agrees to it",
                    **said,
                ),
            )
        )
