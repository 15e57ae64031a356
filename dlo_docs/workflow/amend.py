"""Amending without rewriting: ``cancel`` closes an open revision and puts the working text
back to the edition in force; ``correct`` fixes a mistyped date or remark of an earlier event
(see ``corrections.py``). Nothing in the journal is rewritten: each is an event.

The clerk records a correction, but whoever may sign the event it corrects signs it (the holder
of that event's acting role, on the day it is recorded; ``signing_roles``): a correction of a
signed event unsigned, or any unsigned one where ``signatures.required`` names ``corrected``,
is refused before anything is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DloError, Location, UsageError, error
from ..fsio import atomic_write
from ..i18n import Msg, in_context
from ..project import Project
from . import corrections, dates, editions, guards, legality, loading, signing_roles
from . import journal as _journal
from .journal import Event

if TYPE_CHECKING:  # signing (cryptography) is loaded where a signature is made or checked
    from ..signing.keys import Signer


def working_text(frozen: str) -> str:
    """A frozen edition's text as ``regulation.yaml``: the editor's schema line one folder up
    (the reverse of ``editions.frozen_text``)."""
    return editions.schema_line(
        frozen, r"^(# yaml-language-server: \$schema=)\.\./(?!/|[a-z]+:)", r"\1"
    )


def _restorable(ctx: loading.Ctx, by: str) -> tuple[int, Path]:
    """The edition in force and its frozen file, intact, and ``by`` one of its change initiators."""
    h, project, reg_id = ctx.history, ctx.project, ctx.reg_id
    assert h.in_force is not None  # refused before: no revision of a first draft is cancelled
    n = h.in_force
    path = editions.path(project, reg_id, n)
    if editions.file_hash(path, project) != h.approvals[n].content_hash:
        raise ctx.refuse(
            "DLO606",
            Msg(
                "frozen edition {n} of {reg_id} is missing or differs from the approved text: the draft cannot be restored from it",
                n=n,
                reg_id=reg_id,
            ),
            Msg("restore it from version control (dlo verify {reg_id})", reg_id=reg_id),
        )
    in_force = editions.load_edition(project, reg_id, n)
    allowed = in_force.model.change_initiators
    if by not in allowed:
        raise DloError(
            error(
                in_force.source.at(["change_initiators"]),
                "DLO626",
                Msg(
                    "{by} may not cancel the revision of {reg_id}: only its change initiators may ({value}), as edition {n} in force names them",
                    by=by,
                    reg_id=reg_id,
                    value=", ".join(allowed),
                    n=n,
                ),
            )
        )
    return n, path


def cancel(project: Project, reg_id: str, by: str, reason: str, clerk: str | None = None) -> Event:
    """Close the open revision (in whatever state of agreement) and restore ``regulation.yaml``
    to the edition in force. Only the change initiators of the edition in force may (the working
    copy grants nothing); ``clerk`` records it."""
    with _journal.lock(project, reg_id):
        ctx = loading.load(project, reg_id, complete=True)
        guards.intact(ctx)
        h = ctx.history
        by = loading.role(ctx, by, "--by")
        reason = loading.text(reason, "--reason")
        clerk = loading.clerk(ctx, clerk)
        if not h.open or h.in_force is None:
            raise ctx.refuse(
                "DLO620",
                Msg(
                    "{id} has no open revision to cancel: {why}",
                    id=reg_id,
                    why=Msg("its first draft has no edition in force to go back to")
                    if h.open
                    else loading.state_phrase(h),
                ),
            )
        n, path = _restorable(ctx, by)
        frozen = path.read_text(encoding="utf-8")
        # the text restored first, put back unless the journal records the cancellation (as
        # revise does): one stopped between the two (Ctrl-C, a full disk) is run again, not left
        # recorded with the cancelled draft still in regulation.yaml
        with guards.put_back_unless_recorded(ctx.document.path, ctx.journal.path):
            atomic_write(ctx.document.path, working_text(frozen))
            return loading.append(
                ctx,
                clerk,
                role=by,
                event="cancelled",
                edition=h.draft if h.draft is not None else ctx.model.edition,
                reason=reason,
                restored=n,
                content_hash=h.approvals[n].content_hash,
            )


def _refuse(where: Location, message: str, hint: str) -> DloError:
    return DloError(error(where, "DLO633", message, hint))


def _target(ctx: loading.Ctx, seq: int) -> int:
    """The index of journal event ``seq``, refused (DLO633) when there is none or it is a
    correction itself."""
    events = ctx.journal.events
    index = next((i for i, ev in enumerate(events) if ev.seq == seq), None)
    if index is None:
        raise DloError(
            error(
                Location(ctx.journal.display),
                "DLO633",
                Msg(
                    "{id} has no journal event {seq} to correct (its events: 1..{last})",
                    id=ctx.reg_id,
                    seq=seq,
                    last=len(events),
                ),
                Msg("dlo log {id} lists them", id=ctx.reg_id),
            )
        )
    if events[index].event == corrections.KIND:
        raise DloError(
            error(
                ctx.journal.at(index),
                "DLO633",
                Msg("journal event {seq} is a correction: correct the event it corrects", seq=seq),
            )
        )
    return index


def _correctable(ctx: loading.Ctx, index: int, target: Event, field: str) -> None:
    """Refuse (DLO633) a correction of ``field``, which ``target`` (event ``index``) has not."""
    if field in corrections.FIELDS.get(target.event, ()):
        return
    raise _refuse(
        ctx.journal.at(index),
        Msg(
            "the {field} of journal event {seq} ({kind}) cannot be corrected",
            field=field,
            seq=target.seq,
            kind=in_context("journal event", target.event),
        ),
        Msg(
            "a correction fixes the date or remarks of an agreement or a rejection, the "
            "date or result of a review, the order's date, number or effective date of "
            "an approval, the order's date or number of a withdrawal; never a hash, a "
            "role or an edition"
        ),
    )


def _field(**given: Any) -> str:
    """The one field a correction fixes: ``date``, ``remarks``, ``effective`` or ``number``."""
    named = [name for name, value in given.items() if value is not None]
    if len(named) != 1:
        raise UsageError(Msg("give one of --date, --remark, --effective or --order"))
    return named[0]


def _effective_first(ctx: loading.Ctx, target: Event, given: dt.date) -> UsageError | None:
    """An order's date corrected to a day after its effective date (by default the order's date
    as first typed): the refusal says to correct the effective date first, not to check the
    order's date, which may well be right."""
    order = target.get("order") if target.event in ("approved", "registered") else None
    if (
        order is None
        or order.effective is None
        or not order.effective < given <= loading.today(ctx)
    ):
        return None
    return UsageError(
        Msg(
            "{option} {value} is after {what} ({bound})",
            option="--date",
            value=given,
            what=Msg("its effective date"),
            bound=order.effective,
        ),
        Msg(
            "if the edition took effect on the order's date, correct its effective date first "
            "(dlo correct {id} --event {seq} --effective {value}), then the order's date",
            id=ctx.reg_id,
            seq=target.seq,
            value=given,
        ),
    )


def _value(ctx: loading.Ctx, shown: list[Event], index: int, field: str, given: Any) -> str:
    """The corrected value, refused when it breaks the rules of the act's own date."""
    if field == "date":
        try:
            corrections.check_date(shown, index, given, loading.today(ctx), "--date")
        except UsageError as exc:
            raise _effective_first(ctx, shown[index], given) or exc from None
        return str(given.isoformat())
    if field == "effective":
        corrections.check_effective(shown[index], given)
        return str(given.isoformat())
    if field == "number" and not shown[index].order.number:
        raise UsageError(
            Msg(
                "journal event {seq} was approved by signature: it has no order number",
                seq=shown[index].seq,
            )
        )
    if field == "number":
        return loading.order_number(given)
    return loading.text(given, "--remark")


def _keeps_the_rules(ctx: loading.Ctx, correction: dict[str, Any]) -> None:
    """Refuse (DLO611) a correction that would leave another event out of the rules: an
    effective date moved past a review of the edition, say. (A write found the journal free of
    errors; what is reported here beyond what was there already is this correction's doing.)"""
    events = ctx.journal.events
    last = events[-1]
    candidate = dataclasses.replace(
        last, seq=last.seq + 1, event=corrections.KIND, data=correction, raw={}
    )
    before = {(w.event.seq, w.dated) for w in legality.wrongs(events)}
    for wrong in legality.wrongs([*events, candidate]):
        if (wrong.event.seq, wrong.dated) in before:
            continue  # a date out of order it was written with (a warning): not this one's doing
        ev, why = wrong.event, wrong.why
        raise DloError(
            error(
                Location(ctx.journal.display),
                "DLO611",
                Msg(
                    "the correction would leave journal event {seq} ({kind}) out of the rules: "
                    "{why}",
                    seq=ev.seq,
                    kind=in_context("journal event", ev.event),
                    why=why,
                ),
                Msg("check the value typed"),
            )
        )


def _signing(ctx: loading.Ctx, index: int, signer: Signer | None) -> Any:
    """Refuse a correction of journal event ``index`` that must be signed (the event is signed,
    or the registry requires corrections signed) and is not, or whose signer is not the holder
    of that event's acting role today; the hook that signs it (None: unsigned)."""
    target = ctx.journal.entries[index]
    signed = _journal.SIGNATURE in target
    if signer is None and not signed and corrections.KIND not in ctx.registry.signatures.required:
        return None  # nothing to check: the signing code (cryptography) is not even loaded
    from . import signatures

    because = signing_roles.signed_target(target["seq"], target["event"]) if signed else None
    return signatures.before_write(
        signatures.signers_for(ctx.project, ctx.loaded),
        corrections.KIND,
        signing_roles.acting(target)[0] or "",
        signer,
        loading.today(ctx),
        ctx.journal.at(index),
        dates.now(ctx.registry.organisation.timezone),
        latest=signatures.latest(ctx.journal),
        because=because,
    )


def correct(
    project: Project,
    reg_id: str,
    event: int,
    date: dt.date | None = None,
    remark: str | None = None,
    clerk: str | None = None,
    effective: dt.date | None = None,
    order: str | None = None,
    signer: Signer | None = None,
) -> Event:
    """Fix the mistyped date, remark, effective date or order number of journal event ``event`` by a
    ``corrected`` event the clerk records; the original stays as it was written. A corrected date
    keeps the rules of the act's own date (``corrections.bounds``), an effective date those of an
    order's, and no other event is left out of the rules by it. ``signer``: the holder of the
    corrected event's acting role, who must sign it when that event is signed or the registry
    requires corrections signed."""
    given = {"date": date, "remarks": remark, "effective": effective, "number": order}
    field = _field(**given)
    with _journal.lock(project, reg_id):
        ctx = loading.load(project, reg_id, complete=True)
        guards.intact(ctx)
        clerk = loading.clerk(ctx, clerk)
        index = _target(ctx, event)
        shown = corrections.apply(ctx.journal.events)
        target = shown[index]
        _correctable(ctx, index, target, field)
        value = _value(ctx, shown, index, field, given[field])
        was = corrections.current(target, field)
        if value == was:
            raise UsageError(
                Msg("journal event {seq} already says {value}", seq=event, value=value)
            )
        data = {"corrects": event, "field": field, "value": value, "was": was}
        _keeps_the_rules(ctx, data)
        sign = _signing(ctx, index, signer)
        return loading.append(
            ctx,
            clerk,
            [target.role],
            sign=sign,
            role=clerk,
            event=corrections.KIND,
            edition=target.edition,
            corrects=event,
            field=field,
            value=value,
            was=was,
            content_hash=target.content_hash,
        )
