"""Closing what should not go on: ``cancel`` closes an open revision and puts the working text
back to the edition in force. Nothing in the journal is rewritten: the cancellation is an event.
"""

from __future__ import annotations

import re

from ..errors import DloError, error
from ..fsio import atomic_write
from ..project import Project
from . import editions, guards, loading
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
                f"{reg_id} has no open revision to cancel: "
                + (
                    "its first draft has no edition in force to go back to"
                    if h.open
                    else loading.state_phrase(h)
                ),
            )
        n = h.in_force
        path = editions.path(project, reg_id, n)
        if editions.file_hash(path, project) != h.approvals[n].content_hash:
            raise ctx.refuse(
                "DLO606",
                f"frozen edition {n} of {reg_id} is missing or differs from the approved text: "
                "the draft cannot be restored from it",
                f"restore it from version control (dlo verify {reg_id})",
            )
        in_force = editions.load_edition(project, reg_id, n)
        allowed = in_force.model.change_initiators
        if by not in allowed:
            raise DloError(
                error(
                    in_force.source.at(["change_initiators"]),
                    "DLO626",
                    f"{by} may not cancel the revision of {reg_id}: only its change initiators "
                    f"may ({', '.join(allowed)}), as edition {n} in force names them",
                )
            )
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
