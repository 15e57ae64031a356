"""Amending without rewriting: ``cancel`` closes an open revision and puts the working text
back to the edition in force; ``correct`` fixes a mistyped date or remark of an earlier event
(see ``corrections.py``). Nothing in the journal is rewritten: each is an event.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import DloError, Location, UsageError, error
from ..fsio import atomic_write
from ..i18n import Msg
from ..project import Project
from . import corrections, editions, guards, loading
from . import journal as _journal
from .journal import Event


def working_text(frozen: str) -> str:
    """A frozen edition's text as ``regulation.yaml``: the editor's schema line one folder up
    (the reverse of ``editions.frozen_text``)."""
    return re.sub(
        r"^(# yaml-language-server: \$schema=)\.\./(?!/|[a-z]+:)",
        r"\1",
        frozen,
        count=1,
        flags=re.M,
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
        event = loading.append(
            ctx,
            clerk,
            role=by,
            event="cancelled",
            edition=h.draft if h.draft is not None else ctx.model.edition,
            reason=reason,
            restored=n,
            content_hash=h.approvals[n].content_hash,
        )
        atomic_write(ctx.document.path, working_text(frozen))
        return event


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


def correct(
    project: Project,
    reg_id: str,
    event: int,
    date: dt.date | None = None,
    remark: str | None = None,
    clerk: str | None = None,
) -> Event:
    """Fix the mistyped date or remark of journal event ``event`` by a ``corrected`` event the
    clerk records; the original stays as it was written. A corrected date keeps the rules of the
    act's own date (``corrections.bounds``)."""
    if (date is None) == (remark is None):
        raise UsageError(Msg("give either --date or --remark"))
    with _journal.lock(project, reg_id):
        ctx = loading.load(project, reg_id, complete=True)
        guards.intact(ctx)
        clerk = loading.clerk(ctx, clerk)
        index = _target(ctx, event)
        shown = corrections.apply(ctx.journal.events)
        target = shown[index]
        field = "date" if date is not None else "remarks"
        if field not in corrections.FIELDS.get(target.event, ()):
            raise _refuse(
                ctx.journal.at(index),
                Msg(
                    "the {field} of journal event {seq} ({kind}) cannot be corrected",
                    field=field,
                    seq=event,
                    kind=target.event,
                ),
                Msg(
                    "a correction fixes the date or remarks of an agreement or a rejection, the "
                    "date or result of a review, the order's date of an approval; never a hash, a "
                    "role or an edition"
                ),
            )
        if date is not None:
            corrections.check_date(shown, index, date, loading.today(ctx), "--date")
            value = date.isoformat()
        else:
            value = loading.text(remark, "--remark")
        was = corrections.current(target, field)
        if value == was:
            raise UsageError(
                Msg("journal event {seq} already says {value}", seq=event, value=value)
            )
        return loading.append(
            ctx,
            clerk,
            role=clerk,
            event=corrections.KIND,
            edition=target.edition,
            corrects=event,
            field=field,
            value=value,
            was=was,
            content_hash=target.content_hash,
        )
