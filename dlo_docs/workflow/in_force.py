"""The commands on an edition in force: ``withdraw`` (by the order of the official who approved
it, who signs it as an approval is signed; the regulation then has none in force) and ``review``
(the periodic review, its result and the next due date). Like every command, each holds the
journal lock from reading the state to writing the event."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..i18n import Msg
from ..project import Project
from . import dates, loading
from . import journal as _journal
from .commands import _open, _refuse_while_pending, _signing
from .journal import Event
from .loading import Ctx
from .status import state_label

if TYPE_CHECKING:  # signing (cryptography) is loaded where a signature is made or checked
    from ..signing.keys import Signer


def _withdrawable(ctx: Ctx) -> None:
    """Refuse unless an edition is in force, with no revision open and none waiting for its
    effective date."""
    h, reg_id = ctx.history, ctx.reg_id
    if h.in_force is None:
        raise ctx.refuse(
            "DLO620",
            Msg("{id} cannot be withdrawn: no edition of it is in force", id=reg_id)
            if h.state != "withdrawn"
            else Msg(
                "{id} cannot be withdrawn: no edition of it is in force "
                "(it has been withdrawn already)",
                id=reg_id,
            ),
        )
    if h.open:
        raise ctx.refuse(
            "DLO620",
            Msg(
                "{reg_id} cannot be withdrawn while its revision (edition {draft}, state {state}) is open",
                reg_id=reg_id,
                draft=h.draft,
                state=state_label(h.state),
            ),
            Msg(
                "close the revision first: dlo cancel {reg_id} --by ROLE --reason TEXT",
                reg_id=reg_id,
            ),
        )
    _refuse_while_pending(ctx, "withdrawn")


def withdraw(
    project: Project,
    reg_id: str,
    order: str,
    date: dt.date,
    clerk: str | None = None,
    signer: Signer | None = None,
) -> Event:
    """Withdraw the edition in force by order; an open draft is abandoned with it. The order is
    the approving official's: the role the approval of the edition in force recorded, whose
    holder signs the withdrawal (``signer``) as of the order's date, as an approval is signed."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        h = ctx.history
        order = loading.order_number(order)
        clerk = loading.clerk(ctx, clerk)
        _withdrawable(ctx)
        assert h.in_force is not None  # ``_withdrawable``
        approval = h.approvals[h.in_force]
        approved_on = h.in_force_order.date if h.in_force_order is not None else None
        date = dates.act(
            date,
            "--date",
            loading.today(ctx),
            [(approved_on, Msg("the order that approved edition {k}", k=h.in_force))],
        )
        authority = str(approval.role)
        return loading.append(
            ctx,
            clerk,
            organisation=True,
            sign=_signing(ctx, "withdrawn", authority, signer, date),
            role=authority,
            event="withdrawn",
            edition=h.in_force,
            order={"number": order, "date": date.isoformat()},
            content_hash=approval.content_hash,
        )


def review(
    project: Project,
    reg_id: str,
    by: str,
    result: str,
    date: dt.date | None = None,
    clerk: str | None = None,
    signer: Signer | None = None,
) -> Event:
    """Record a periodic review of the edition in force; the next one falls due
    ``review_period_years`` (registry; default 3) after it."""
    with _journal.lock(project, reg_id):
        ctx = _open(project, reg_id)
        h = ctx.history
        by = loading.role(ctx, by, "--by")
        result = loading.text(result, "--result")
        clerk = loading.clerk(ctx, clerk)
        if h.in_force is None:
            raise ctx.refuse(
                "DLO620",
                Msg("{reg_id} cannot be reviewed: no edition of it is in force", reg_id=reg_id),
            )
        previous = [r.day for r in h.reviews_of_edition()]
        date = dates.act(
            date,
            "--date",
            loading.today(ctx),
            [
                (
                    h.effective_from,
                    Msg("the day edition {edition} took effect", edition=h.in_force),
                ),
                (max(previous) if previous else None, Msg("the previous review")),
            ],
        )
        return loading.append(
            ctx,
            clerk,
            sign=_signing(ctx, "reviewed", by, signer, date),
            role=by,
            event="reviewed",
            edition=h.in_force,
            result=result,
            date=date.isoformat(),
            next_due=dates.add_years(date, ctx.registry.review_period_years).isoformat(),
            content_hash=h.approvals[h.in_force].content_hash,
        )
