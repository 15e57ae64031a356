"""Bringing in what was approved on paper: ``register_paper`` records the working text as an
edition approved by an order before the workflow existed, in force from the order's effective
date. One ``registered`` event, never a replay of a route that did not happen in ``dlo``: the
agreements the paper original carries are listed in it (who, and when) as the clerk copies them.
The text is frozen as ``editions/<n>.yaml`` as an approval freezes it; the forms say that the
originals are on paper. A text approved by the official's signature (``approval.form:
signature``, БЕКІТЕМІН / УТВЕРЖДАЮ) is registered as ``approve`` records one: no order, the
official of ``approval.by``, the day it was signed.

The registration's acting role is the official of ``approval.by`` (the clerk only enters it, as
for ``approve``): with ``signer`` that official signs it, on the day it is recorded, vouching that
the text is the one approved on paper; ``signatures.required: [registered]`` refuses it unsigned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..i18n import Msg
from ..project import Project
from . import dates, editions, guards, loading
from . import journal as _journal
from .commands import _signing
from .journal import Event
from .loading import Ctx
from .status import state_label

if TYPE_CHECKING:  # signing (cryptography) is loaded where a signature is made or checked
    from ..signing.keys import Signer


def _refuse_history(ctx: Ctx) -> None:
    """Only a regulation whose life has not begun in ``dlo`` is registered from paper: nothing
    in force, nothing approved, no route begun, not withdrawn."""
    h = ctx.history
    if h.last is None:
        return
    if h.in_force is not None or h.pending is not None:
        n = h.in_force if h.in_force is not None else h.pending
        raise ctx.refuse(
            "DLO620",
            Msg(
                "{id} already has an edition approved in the journal (edition {n}): an edition "
                "approved on paper is registered only before the workflow's first",
                id=ctx.reg_id,
                n=n,
            ),
            Msg("change it by revising it: dlo revise {id} --by ROLE --reason TEXT", id=ctx.reg_id),
        )
    if h.state == "withdrawn":
        raise ctx.refuse(
            "DLO620", Msg("{id} has been withdrawn: nothing can be registered", id=ctx.reg_id)
        )
    raise ctx.refuse(
        "DLO620",
        Msg(
            "{id} cannot be registered as approved on paper: its route has begun in dlo "
            "(state {state}, journal event {seq})",
            id=ctx.reg_id,
            state=state_label(h.state),
            seq=h.last.seq,
        ),
        Msg("finish the route in dlo: dlo status {id}", id=ctx.reg_id),
    )


def _agreements(
    ctx: Ctx, agreed: Sequence[tuple[str, dt.date]], order_date: dt.date
) -> list[dict[str, str]]:
    """The agreements the paper original carries, in the order of the text's route: each an
    approver of the text, once, signed on a plausible day not after the order."""
    route = list(ctx.model.agreement.approvers)
    given: dict[str, dt.date] = {}
    for role, day in agreed:
        role = loading.role(ctx, role, "--agreed")
        if role not in route:
            raise ctx.refuse(
                "DLO621",
                Msg(
                    "{role} is not among the approvers of {id} ({route})",
                    role=role,
                    id=ctx.reg_id,
                    route=", ".join(route),
                ),
                Msg("only the approvers the text names agreed to it"),
                at=("agreement", "approvers"),
            )
        if role in given:
            raise UsageError(Msg("--agreed names {role} twice", role=role))
        day = dates.act(day, f"--agreed {role}", loading.today(ctx))
        if day > order_date:
            raise UsageError(
                Msg(
                    "--agreed {role} {day} is after the order's date ({order})",
                    role=role,
                    day=day,
                    order=order_date,
                ),
                Msg("an approver agrees before the order approves; check the date typed"),
            )
        given[role] = day
    return [{"role": r, "date": given[r].isoformat()} for r in route if r in given]


def register_paper(
    project: Project,
    reg_id: str,
    order: str | None,
    date: dt.date,
    effective: dt.date | None = None,
    agreed: Sequence[tuple[str, dt.date]] = (),
    clerk: str | None = None,
    signer: Signer | None = None,
    text: str | None = None,
) -> Event:
    """Record the working text of ``reg_id`` as its edition approved on paper by order ``order``
    of ``date`` (taking effect on ``effective``, default the order's date), or, when the text's
    ``approval.form`` is ``signature``, by the signature of its ``approval.by`` on ``date`` (no
    order: ``order`` is None), with the agreements ``agreed`` (role, day) its original carries,
    signed by ``signer`` (the holder of ``approval.by``, today). Refused when anything of its life
    is already in the journal, or when ``dlo check`` finds errors in the text, or unsigned when
    the registry requires it signed, or (``text``: the control code of the copy the official
    compared with the paper original) when the text is no longer that copy's (DLO628). Freezes
    ``editions/<n>.yaml``."""
    with _journal.lock(project, reg_id):
        ctx = loading.load(project, reg_id, complete=True)
        guards.intact(ctx)
        order = guards.order_number(ctx, order)
        clerk = loading.clerk(ctx, clerk)
        _refuse_history(ctx)
        guards.text_read(ctx, text)
        date = dates.act(date, "--date", loading.today(ctx))
        effective = dates.effective(effective, date)
        given = _agreements(ctx, agreed, date)
        guards.valid(ctx, "registered")
        model = ctx.model
        sign = _signing(ctx, "registered", model.approval.by, signer, loading.today(ctx))
        n = model.edition
        final = editions.path(project, reg_id, n)
        text = editions.frozen_text(ctx.document.source.text)
        with editions.freezing(final, text, ctx.journal.path):
            return loading.append(
                ctx,
                clerk,
                [*model.agreement.approvers, model.approval.by],
                organisation=True,
                sign=sign,
                role=model.approval.by,
                event="registered",
                edition=n,
                order={
                    "number": order,
                    "date": date.isoformat(),
                    "effective": effective.isoformat(),
                },
                form="signature" if not order else None,
                route=list(model.agreement.approvers),
                route_kind=model.agreement.route,
                approval_by=model.approval.by,
                agreed=given or None,
                content_hash=ctx.hash,
            )
