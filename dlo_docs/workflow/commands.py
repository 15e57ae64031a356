"""The commands that take a draft to an edition in force: ``revise``, ``submit``, ``approve``
(the approvers' ``agree`` and ``reject`` are in ``agreement``, ``withdraw`` and ``review`` of an
edition in force in ``in_force``), and what they share. Each holds the journal lock from reading
the state to writing the event, so two commands never act on the same state; every write is
atomic.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import DloError, error
from ..i18n import Msg
from ..project import Document, Project
from ..records import Records
from . import dates, editions, forms, governing, guards, loading, signatures
from . import journal as _journal
from .journal import Event, content_hash
from .loading import Ctx
from .state import Round
from .status import state_label

if TYPE_CHECKING:  # signing (cryptography) is loaded where a signature is made or checked
    from ..signing.keys import Signer


def _signing(ctx: Ctx, kind: str, role: str, signer: Signer | None, day: dt.date) -> Any:
    """Refuse what the signature policy or the signer's certificate forbids for an act of ``day``
    (the certificate is checked on that day, not today); the signing hook."""
    if signer is not None and kind in ("agreed", "approved", "registered"):
        guards.not_own_key(ctx, role, signer.certificate)
    signers = signatures.signers_for(ctx.project, ctx.loaded)
    now = dates.now(ctx.registry.organisation.timezone)
    return signatures.before_write(
        signers, kind, role, signer, day, ctx.at(), now, latest=signatures.latest(ctx.journal)
    )


def _open(project: Project, reg_id: str) -> Ctx:
    """Load ``reg_id`` for a write (under its journal lock) and refuse if its history is damaged."""
    ctx = loading.load(project, reg_id, complete=True)
    guards.intact(ctx)
    return ctx


def _in_force(ctx: Ctx) -> Document | None:
    """The frozen edition in force (None: none is in force). Its integrity was checked by
    ``_open``: it is exactly the text that was approved."""
    n = ctx.history.in_force
    return editions.load_edition(ctx.project, ctx.reg_id, n) if n is not None else None


def _initiators(ctx: Ctx, by: str) -> None:
    """Refuse unless ``by`` is a change initiator of the edition in force: the working copy,
    which anyone can edit, grants nothing."""
    document = _in_force(ctx)
    if document is None:
        return  # nothing in force: the state refuses the revision
    allowed = document.model.change_initiators
    if by not in allowed:
        raise DloError(
            error(
                document.source.at(["change_initiators"]),
                "DLO626",
                Msg(
                    "{by} may not revise {reg_id}: only its change initiators may ({value}), as edition {in_force} in force names them",
                    by=by,
                    reg_id=ctx.reg_id,
                    value=", ".join(allowed),
                    in_force=ctx.history.in_force,
                ),
                Msg(
                    "ask one of them to open the revision; a change of change_initiators takes "
                    "effect with the edition that makes it"
                ),
            )
        )


def _refuse_revision(ctx: Ctx) -> None:
    """A revision is opened only from an edition in force, once at a time."""
    h, reg_id = ctx.history, ctx.reg_id
    if h.state == "withdrawn":
        raise ctx.refuse(
            "DLO620",
            Msg("{reg_id} has been withdrawn: it cannot be revised", reg_id=reg_id),
            Msg("draft a new regulation instead"),
        )
    if h.in_force is None:
        raise ctx.refuse(
            "DLO620",
            Msg(
                "{reg_id} has no edition in force yet: its first draft is still open (state {state})",
                reg_id=reg_id,
                state=state_label(h.state),
            ),
            Msg("edit regulation.yaml and submit it: dlo submit {reg_id}", reg_id=reg_id),
        )
    if h.open:
        raise ctx.refuse(
            "DLO620",
            Msg(
                "a revision of {reg_id} is already open (edition {draft}, state {state})",
                reg_id=reg_id,
                draft=h.draft,
                state=state_label(h.state),
            ),
            Msg(
                "finish it first, or close it: dlo cancel {reg_id} --by ROLE --reason TEXT",
                reg_id=reg_id,
            ),
        )


def revise(
    project: Project,
    reg_id: str,
    by: str,
    reason: str,
    clerk: str | None = None,
    reasons: dict[str, str | None] | None = None,
) -> Event:
    """Open a revision: a new draft (edition n+1) from the edition in force, which stays in force
    until the new edition is approved. Only the change initiators of the edition in force may.
    ``reasons``: the reason worded for a language of its own (``{"ru": ...}``), which the
    comparison and the site in that language show instead of ``reason``."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        h = ctx.history
        by = loading.role(ctx, by, "--by")
        reason = loading.text(reason, "--reason")
        worded = loading.reasons(reasons)
        clerk = loading.clerk(ctx, clerk)
        _initiators(ctx, by)
        _refuse_while_pending(ctx, "revised")  # first: an approved edition waiting is no draft
        _refuse_revision(ctx)
        assert h.in_force is not None  # refused above otherwise
        n = h.in_force + 1
        new_hash = content_hash(ctx.model.model_copy(update={"edition": n}))
        with guards.put_back_unless_recorded(ctx.document.path, ctx.journal.path):
            if ctx.model.edition != n:
                editions.write_number(ctx.document, n)
            return loading.append(
                ctx,
                clerk,
                role=by,
                event="revised",
                edition=n,
                reason=reason,
                **worded,
                from_edition=h.in_force,
                content_hash=new_hash,
            )


def _refuse_while_pending(ctx: Ctx, verb: str) -> None:
    h = ctx.history
    if h.pending is not None:
        raise ctx.refuse(
            "DLO620",
            (
                Msg(
                    "{id} cannot be revised now: edition {n} is approved and takes effect on {date}",
                    id=ctx.reg_id,
                    n=h.pending,
                    date=h.takes_effect,
                )
                if verb == "revised"
                else Msg(
                    "{id} cannot be withdrawn now: edition {n} is approved and takes effect on "
                    "{date}",
                    id=ctx.reg_id,
                    n=h.pending,
                    date=h.takes_effect,
                )
            ),
            Msg("wait until it is in force (dlo status)"),
        )


def _governing(ctx: Ctx) -> Any:
    """The text whose route, authority and form of approval govern the open draft: the edition
    in force; the first draft's own when nothing is in force yet."""
    document = _in_force(ctx)
    return document.model if document is not None else ctx.model


def _route(ctx: Ctx) -> tuple[list[str], str, str, str]:
    """The route of a submission as the edition in force states it: approvers, each once (one
    approved before a repeat was refused may name one twice), their order, the approving
    authority and the form of approval. A draft's changes to them are the next revision's."""
    text = governing.of_text(_governing(ctx))
    return text.route, text.kind, text.by, text.form


def _refuse_submission(ctx: Ctx) -> None:
    """Only an open draft is submitted, and not while its agreement runs."""
    h, reg_id = ctx.history, ctx.reg_id
    if h.state in ("withdrawn", "in_force", "approved"):
        raise ctx.refuse(
            "DLO620",
            Msg(
                "{reg_id} has no open draft to submit: {value}",
                reg_id=reg_id,
                value=loading.state_phrase(h),
            ),
            loading.revise_first(reg_id) if h.state == "in_force" else None,
        )
    if ctx.state in ("agreement", "agreed") and not ctx.voided:
        what = (
            Msg("awaiting {roles}", roles=", ".join(ctx.pending))
            if ctx.state == "agreement"
            else Msg("every approver has agreed")
        )
        raise ctx.refuse(
            "DLO620",
            Msg("{reg_id} is already in agreement ({what})", reg_id=reg_id, what=what),
            Msg("dlo status {reg_id}", reg_id=reg_id)
            if ctx.state == "agreement"
            else Msg("approve it: dlo approve {id} --order NO --date DATE", id=reg_id),
        )


def submit(project: Project, reg_id: str, by: str | None = None, clerk: str | None = None) -> Event:
    """Start the agreement of the open draft along the route of the edition in force (its
    ``agreement.approvers``, ``agreement.route`` and ``approval.by``; for a first edition the
    draft's own). The route is fixed in the submission event. A draft whose agreements were
    voided is resubmitted the same way."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        h = ctx.history
        clerk = loading.clerk(ctx, clerk)
        if by is not None:
            by = loading.role(ctx, by, "--by")
        else:
            by = ctx.registry.unit(ctx.model.unit).head
        _refuse_submission(ctx)
        expected = h.in_force + 1 if h.in_force is not None else ctx.model.edition
        if ctx.model.edition != expected:
            raise ctx.refuse(
                "DLO627",
                Msg(
                    "the draft says edition {edition} but the edition being drafted is {expected}",
                    edition=ctx.model.edition,
                    expected=expected,
                ),
                Msg("set edition: {expected}", expected=expected),
                at=("edition",),
            )
        guards.valid(ctx, "submitted")
        route, kind, authority, form = _route(ctx)
        fixed = Records(route=route, approved_by=authority, approval_form=form)
        guards.printable(ctx, fixed, "submitted")
        return loading.append(
            ctx,
            clerk,
            [*route, authority],
            organisation=True,
            role=by,
            event="submitted",
            edition=ctx.model.edition,
            route=route,
            route_kind=kind,
            approval_by=authority,
            approval_form=form,
            content_hash=ctx.hash,
        )


def approval_form(ctx: Ctx, round_: Round | None) -> str:
    """How the open draft is approved: the form its submission fixed (``approval_form``), else
    (a submission recorded before the form was) the edition in force's, else the draft's own."""
    fixed = round_.submitted.get("approval_form") if round_ is not None else None
    return str(fixed or _governing(ctx).approval.form)


def approve(
    project: Project,
    reg_id: str,
    order: str | None,
    date: dt.date,
    effective: dt.date | None = None,
    clerk: str | None = None,
    signer: Signer | None = None,
    text: str | None = None,
) -> Event:
    """Approve the agreed draft by order (number, date; effective date, default the order's date),
    or, when the text's ``approval.form`` is ``signature``, by the official's signature on
    ``date`` (no order: ``order`` is None). Only when every approver agreed on exactly this text
    (and it is the copy the official read: ``text``, ``guards.text_read``). Freezes the edition."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        h = ctx.history
        form = approval_form(ctx, h.round)
        order = guards.order_number(ctx, order, form)
        clerk = loading.clerk(ctx, clerk)
        _refuse_approval(ctx)
        guards.text_read(ctx, text)
        assert h.round is not None  # agreed: a round is open
        # as its submission fixed it (else the text that governs it: never the draft's own)
        authority = h.round.submitted.get("approval_by") or _governing(ctx).approval.by
        guards.printable(ctx, forms.approving(h.round, authority, form))
        n = ctx.model.edition
        date = _order_date(ctx, date, h.round)
        effective = dates.effective(effective, date)
        # The frozen copy is written under a pending name, the approval is journaled, then the copy
        # is renamed into place: a final editions/<n>.yaml exists only for a journaled approval,
        # and an approval interrupted after journaling is completed by the next command.
        sign = _signing(ctx, "approved", authority, signer, date)
        final = editions.path(project, reg_id, n)
        order_data = {
            "number": order,
            "date": date.isoformat(),
            "effective": (effective or date).isoformat(),
        }
        text = editions.frozen_text(ctx.document.source.text)
        with editions.freezing(final, text, ctx.journal.path):
            return loading.append(
                ctx,
                clerk,
                organisation=True,
                sign=sign,
                role=authority,
                event="approved",
                edition=n,
                order=order_data,
                form="signature" if not order else None,
                content_hash=ctx.hash,
            )


def _refuse_approval(ctx: Ctx) -> None:
    """Refuse an approval before every approver agreed to exactly this text, or of an edition
    already approved."""
    h, reg_id = ctx.history, ctx.reg_id
    guards.route_defined(ctx, "approved")
    if ctx.state == "agreement" and h.round is not None:
        pending = list(h.round.route) if ctx.voided else ctx.pending
        raise ctx.refuse(
            "DLO624",
            Msg(
                "{reg_id} cannot be approved: not every approver has agreed (pending: {value})",
                reg_id=reg_id,
                value=", ".join(pending),
            ),
            Msg("dlo status {reg_id}", reg_id=reg_id),
            at=("agreement", "approvers"),
        )
    if ctx.state != "agreed" or h.round is None:
        raise ctx.refuse(
            "DLO620",
            Msg(
                "{reg_id} cannot be approved: {value}",
                reg_id=reg_id,
                value=loading.state_phrase(h),
            ),
            loading.way_on(h, reg_id),
        )
    guards.valid(ctx, "approved")
    if ctx.voided or any(ev.content_hash != ctx.hash for ev in ctx.marks.values()):
        raise ctx.refuse(
            "DLO625",
            Msg(
                "{reg_id} cannot be approved: {value}, so the agreements given are void",
                reg_id=reg_id,
                value=ctx.void_reason or Msg("its text changed after agreement began"),
            ),
            Msg("resubmit it: dlo submit {reg_id}", reg_id=reg_id),
        )
    n = ctx.model.edition
    if n in h.approvals:
        raise ctx.refuse(
            "DLO620",
            Msg("edition {n} of {reg_id} is already approved and frozen", n=n, reg_id=reg_id),
            at=("edition",),
        )


def _order_date(ctx: Ctx, date: dt.date, round_: Round | None) -> dt.date:
    """An approving order's date: not after today, not before the last agreement, nor before
    the order of the edition before."""
    h = ctx.history
    after: list[tuple[dt.date | None, str]] = []
    if round_ is not None and round_.marks:
        last = max(round_.marks.values(), key=lambda ev: ev.seq)
        after.append((last.day, Msg("the agreement of {role}", role=last.role)))
    if h.approvals:
        k = max(h.approvals)
        after.append((h.approvals[k].day, Msg("the order that approved edition {k}", k=k)))
    return dates.act(date, "--date", loading.today(ctx), after)
