"""Who a round's approving official may be (DLO124), beyond what ``dlo check`` judges of the draft.

``dlo check`` judges the draft's own ``approval.by`` against the organisation's list of who may
approve its regulations (the registry's ``organisation.approvers``; ``lint.approver_allowed``).
A revision's round is approved by the official the edition in force names (its submission
fixes it), not by the draft's own, which is the next revision's: an edition approved by an
official the list does not name (before the list was made, or by a list since narrowed) would
have its revision approved by that official too, every form printing their approval, though
the draft named an allowed one. ``submit`` and ``approve`` refuse such a round.
"""

from __future__ import annotations

from ..errors import DloError, error
from ..i18n import Msg
from .loading import Ctx


def _message(verb: str, said: dict[str, str]) -> Msg:
    if verb == "submitted":
        return Msg(
            "{reg_id} cannot be submitted: the approving official the edition in force fixes for this round, {by}, may not approve the regulations of {organisation}: regulations/registry.yaml lets only {allowed} approve them",
            **said,
        )
    return Msg(
        "{reg_id} cannot be approved: the approving official its submission fixed, {by}, may not approve the regulations of {organisation}: regulations/registry.yaml lets only {allowed} approve them",
        **said,
    )


def allowed(ctx: Ctx, authority: str, verb: str) -> None:
    """Refuse (DLO124) to submit or approve (``verb``) a round whose approving official as the
    round fixes it (``authority``: the edition in force's ``approval.by``, not the draft's) is
    not among those the regulation's organisation lets approve its regulations (none listed:
    any position)."""
    organisation = ctx.registry.organisation_of(ctx.model.organisation)
    if not organisation.approvers or authority in organisation.approvers:
        return
    said = {
        "reg_id": ctx.reg_id,
        "by": authority,
        "organisation": repr(organisation.id),
        "allowed": ", ".join(organisation.approvers),
    }
    hint = Msg(
        "the edition in force fixes who approves its revision (the draft's approval.by is the next revision's): the round goes on only once the registry's approvers name {by}",
        **said,
    )
    raise DloError(error(ctx.at(), "DLO124", _message(verb, said), hint))
