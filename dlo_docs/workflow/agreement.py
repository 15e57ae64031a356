"""The approvers' decisions on a submitted draft: ``agree`` and ``reject``, each by a role of the
agreement route, on the text that was submitted. Like every command, each holds the journal lock
from reading the state to writing the event."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..i18n import Msg
from ..project import Project
from . import dates, guards, loading, self_approval
from . import journal as _journal
from .commands import _open, _signing
from .journal import Event
from .loading import Ctx
from .state import Round

if TYPE_CHECKING:  # signing (cryptography) is loaded where a signature is made or checked
    from ..signing.keys import Signer


def _refuse_void(ctx: Ctx) -> None:
    raise ctx.refuse(
        "DLO625",
        Msg(
            "{reg_id} cannot be agreed to: {void_reason}, so the agreements given are void",
            reg_id=ctx.reg_id,
            void_reason=ctx.void_reason,
        ),
        Msg("resubmit it: dlo submit {reg_id}", reg_id=ctx.reg_id),
    )


def _decision_checks(ctx: Ctx, role: str, verb: str) -> Round:
    h = ctx.history
    if ctx.state != "agreement" or h.round is None:
        if ctx.state == "agreed":
            why = Msg("every approver has agreed already")
        else:
            why = loading.state_phrase(h)
        fields = {"role": role, "id": ctx.reg_id, "why": why}
        raise ctx.refuse(
            "DLO620",
            Msg("{role} cannot agree to {id}: {why}", **fields)
            if verb == "agree to"
            else Msg("{role} cannot reject {id}: {why}", **fields),
            loading.way_on(h, ctx.reg_id),
        )
    round_ = h.round
    if role not in round_.route:
        raise ctx.refuse(
            "DLO621",
            Msg(
                "{role} is not on the agreement route of {reg_id} ({value})",
                role=role,
                reg_id=ctx.reg_id,
                value=", ".join(round_.route),
            ),
            Msg("only the approvers of the route agree or reject"),
            at=("agreement", "approvers"),
        )
    if ctx.voided and verb == "agree to":  # no agreement of a void round stands, none is given
        _refuse_void(ctx)
    marks = round_.marks if ctx.voided else ctx.marks  # (a void round's: a rejection)
    if role in marks:
        raise ctx.refuse(
            "DLO623",
            Msg(
                "{role} has already agreed to {reg_id} edition {edition}",
                role=role,
                reg_id=ctx.reg_id,
                edition=round_.submitted.edition,
            ),
        )
    pending = round_.pending if ctx.voided else ctx.pending
    if round_.kind == "sequential" and pending and pending[0] != role:
        raise ctx.refuse(
            "DLO622",
            Msg(
                "it is not {role}'s turn: the route is sequential and {pending} has not agreed yet",
                role=role,
                pending=pending[0],
            ),
            Msg(
                "{pending} is no longer defined in the registry: define it again in "
                "regulations/registry.yaml",
                pending=pending[0],
            )
            if pending[0] in ctx.undefined
            else Msg("pending, in order: {value}", value=", ".join(pending)),
            at=("agreement", "route"),
        )
    return round_


def _decision_date(ctx: Ctx, round_: Round, date: dt.date | None) -> dt.date:
    """The day an approver signed (default today): not before the submission, nor (on a
    sequential route) before the agreement of the approver before."""
    after = [
        (
            round_.submitted.day,
            Msg("the submission of edition {edition}", edition=round_.submitted.edition),
        )
    ]
    if round_.kind == "sequential" and round_.marks:
        last = max(round_.marks.values(), key=lambda ev: ev.seq)
        after.append((last.day, Msg("the agreement of {role}", role=last.role)))
    return dates.act(date, "--date", loading.today(ctx), after)


def agree(
    project: Project,
    reg_id: str,
    as_: str,
    remarks: str | None = None,
    clerk: str | None = None,
    signer: Signer | None = None,
    date: dt.date | None = None,
    text: str | None = None,
) -> Event:
    """Record ``as_``'s agreement to the current text (only a role on the route, in its turn when
    the route is sequential), signed on ``date`` (default today); ``text``: the control code of
    the copy the approver read, which must be the current text's (``guards.text_read``)."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        as_ = loading.role(ctx, as_, "--as")
        clerk = loading.clerk(ctx, clerk)
        round_ = _decision_checks(ctx, as_, "agree to")
        guards.text_read(ctx, text)
        self_approval.not_self_agreed(ctx, [as_], "agreed")
        remarks = loading.optional_text(remarks, "--remarks")
        day = _decision_date(ctx, round_, date)
        return _decide(ctx, "agreed", as_, round_, day, remarks, clerk, signer)


def reject(
    project: Project,
    reg_id: str,
    as_: str,
    remarks: str,
    clerk: str | None = None,
    signer: Signer | None = None,
    date: dt.date | None = None,
    text: str | None = None,
) -> Event:
    """Return the draft to the drafter with ``as_``'s remarks (given on ``date``, default today);
    the agreements of the round lapse. ``text``: as for ``agree``, the copy's control code."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        as_ = loading.role(ctx, as_, "--as")
        remarks = loading.text(remarks, "--remarks")
        clerk = loading.clerk(ctx, clerk)
        round_ = _decision_checks(ctx, as_, "reject")
        guards.text_read(ctx, text)
        day = _decision_date(ctx, round_, date)
        return _decide(ctx, "rejected", as_, round_, day, remarks, clerk, signer)


def _decide(
    ctx: Ctx,
    event: str,
    as_: str,
    round_: Round,
    day: dt.date,
    remarks: str | None,
    clerk: str,
    signer: Signer | None,
) -> Event:
    """The agreement or rejection of the round's submitted text by ``as_``, appended, with the
    holders of the whole route as they are now: which agreements stood when it was given (and
    so whose turn it was) is then read from the journal alone (``legality``)."""
    return loading.append(
        ctx,
        clerk,
        involved=round_.route,
        sign=_signing(ctx, event, as_, signer, day),
        role=as_,
        event=event,
        edition=round_.submitted.edition,
        date=day.isoformat(),
        remarks=remarks,
        content_hash=ctx.hash,
    )
