"""The workflow: states, editions and the tamper-evident journal (issue 6, ҚП 082-2022).

A regulation's life is recorded in ``regulations/<id>/journal.yaml`` (see ``journal.py``) and
replayed into its state (see ``state.py``)::

    draft --submit--> agreement --agree (every approver)--> agreed --approve--> in_force
      ^                   |  (reject: back to the drafter with remarks)            |
      +-------------------+                                   revise: a new draft -+
    in_force --withdraw--> withdrawn;  approving edition n+1 supersedes edition n

Approving freezes the text as ``regulations/<id>/editions/<n>.yaml``. Editing the draft after
agreement began voids the agreements given (the journal records the hash of the text each
approver agreed on), so ``approve`` refuses until the draft is resubmitted.

Public interface (other areas code against it):

- ``status(project, reg_id) -> Status``
- ``load_edition(project, reg_id, n) -> project.Document`` (UsageError if edition ``n`` is missing)
- ``events(project, reg_id) -> list[Event]``
- ``revision_reason(project, reg_id) -> str | None``
- ``records(project, reg_id) -> records.Records``

and the commands ``revise``, ``submit``, ``agree``, ``reject``, ``approve``, ``withdraw``,
``review``, ``verify``. Each command holds the journal lock from reading the state to writing the
event, so two commands never act on the same state; every write is atomic.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import load, numbering
from .. import records as _records
from ..errors import DloError, Location, Problem, UsageError, error, warning
from ..fsio import atomic_write
from ..model import Registry, Regulation
from ..project import Document, Loaded, Project
from . import journal as _journal
from .journal import Event, content_hash
from .state import History, Round, add_years, replay

__all__ = [
    "Event",
    "Status",
    "status",
    "load_edition",
    "events",
    "revision_reason",
    "records",
    "revise",
    "submit",
    "agree",
    "reject",
    "approve",
    "withdraw",
    "review",
    "verify",
    "content_hash",
    "STATES",
]

EDITIONS = "editions"
STATES = ("draft", "agreement", "agreed", "in_force", "withdrawn")
WHOLE_TEXT = "whole text"  # the change registration sheet's "clauses" for a first edition


@dataclass
class Status:
    id: str
    state: str  # one of STATES: the working text's state (in_force: no draft is open)
    edition_in_force: int | None = None
    in_force_order: _records.Order | None = None
    draft_edition: int | None = None  # the edition being drafted, when a draft is open
    pending: list[str] = field(default_factory=list)  # approvers yet to agree, in route order
    review_due: dt.date | None = None
    voided: bool = False  # the draft changed after agreement began: the agreements are void
    # more detail
    route: list[str] = field(default_factory=list)
    route_kind: str | None = None
    agreed: list[str] = field(default_factory=list)
    editions: dict[int, str] = field(
        default_factory=dict
    )  # approved edition -> in_force|superseded|withdrawn
    reason: str | None = None  # of the open revision
    returned: dict[str, Any] | None = (
        None  # the last rejection of the open draft: role, remarks, date
    )
    changed: bool = False  # no draft is open but the text differs from the edition in force

    def as_dict(self) -> dict[str, Any]:
        def order(o: _records.Order | None) -> dict | None:
            if o is None:
                return None
            return {
                "number": o.number,
                "date": o.date.isoformat(),
                "effective": o.effective.isoformat() if o.effective else None,
            }

        return {
            "id": self.id,
            "state": self.state,
            "edition_in_force": self.edition_in_force,
            "in_force_order": order(self.in_force_order),
            "draft_edition": self.draft_edition,
            "pending": self.pending,
            "review_due": self.review_due.isoformat() if self.review_due else None,
            "voided": self.voided,
            "route": self.route,
            "route_kind": self.route_kind,
            "agreed": self.agreed,
            "editions": {str(k): v for k, v in sorted(self.editions.items())},
            "reason": self.reason,
            "returned": self.returned,
            "changed": self.changed,
        }


# -- loading ----------------------------------------------------------------------------------


@dataclass
class _Ctx:
    project: Project
    reg_id: str
    loaded: Loaded
    document: Document
    journal: _journal.Journal
    history: History

    @property
    def registry(self) -> Registry:
        return self.loaded.registry

    @property
    def model(self) -> Regulation:
        return self.document.model

    @cached_property
    def hash(self) -> str:
        return content_hash(self.model)

    @property
    def where(self) -> str:
        return self.document.source.path

    def at(self, *loc: str | int) -> Location:
        return self.document.source.at(list(loc)) if loc else Location(self.where)

    def refuse(self, code: str, message: str, hint: str | None = None, at: tuple = ()) -> DloError:
        return DloError(error(self.at(*at), code, message, hint))

    @property
    def voided(self) -> bool:
        h = self.history
        return (
            h.round is not None
            and h.state in ("agreement", "agreed")
            and self.hash != h.round.submitted.content_hash
        )


def _load(project: Project, reg_id: str, complete: bool = False) -> _Ctx:
    path = project.regulation_path(reg_id)
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(path, loaded)
    if document is None or loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    loaded.documents[document.model.id] = document
    journal = _journal.read(project, reg_id)
    if journal.problems:
        raise DloError(journal.problems)
    ctx = _Ctx(project, reg_id, loaded, document, journal, replay(journal.events))
    if complete:
        _complete_approvals(ctx)
    return ctx


def _role(ctx: _Ctx, role: str | None, option: str) -> str:
    ids = [p.id for p in ctx.registry.positions]
    if not role or role not in ids:
        raise UsageError(
            f"unknown role {role!r} for {option}",
            f"a role is a registry position id: {', '.join(ids)}",
        )
    return role


def _text(value: str | None, option: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise UsageError(f"{option} must not be empty")
    return value


def _today(ctx: _Ctx) -> dt.date:
    return dt.datetime.fromisoformat(_journal.now(ctx.registry.organisation.timezone)).date()


def _append(ctx: _Ctx, **entry: Any) -> Event:
    entry.setdefault("time", _journal.now(ctx.registry.organisation.timezone))
    entry.setdefault("actor", _journal.actor(ctx.project))
    return _journal.append(ctx.project, ctx.reg_id, ctx.journal, entry)


def _state_phrase(h: History) -> str:
    return {
        "in_force": f"edition {h.in_force} is in force and no draft is open",
        "withdrawn": "it has been withdrawn",
        "draft": "it is a draft that has not been submitted",
        "agreement": "it is in agreement",
        "agreed": "every approver has agreed",
    }[h.state]


def _edition_path(project: Project, reg_id: str, n: int) -> Path:
    return project.folder(reg_id) / EDITIONS / f"{n}.yaml"


def _frozen_text(text: str) -> str:
    """The draft's text for editions/<n>.yaml: one folder deeper, so the editor's schema line
    (``# yaml-language-server: $schema=../../schemas/...``) gains one ``../``."""
    return re.sub(
        r"^(# yaml-language-server: \$schema=)(?!/|[a-z]+:)", r"\1../", text, count=1, flags=re.M
    )


def _pending_path(final: Path) -> Path:
    return final.with_name(final.name + ".pending")


def _pending_hash(path: Path, project: Project) -> str | None:
    source, _ = load.read(path, project.display(path))
    model = load.validate(Regulation, source)[0] if source is not None else None
    return content_hash(model) if model is not None else None


def _complete_approvals(ctx: _Ctx) -> None:
    """Finish an approval that was interrupted after it was journaled (called under the lock):
    move its pending frozen copy into place when it is exactly the approved text."""
    for n, ev in ctx.history.approvals.items():
        final = _edition_path(ctx.project, ctx.reg_id, n)
        pending = _pending_path(final)
        if (
            not final.exists()
            and pending.is_file()
            and _pending_hash(pending, ctx.project) == ev.content_hash
        ):
            os.replace(pending, final)


# -- reading the state ------------------------------------------------------------------------


def _status(ctx: _Ctx) -> Status:
    h = ctx.history
    st = Status(
        id=ctx.reg_id,
        state=h.state,
        edition_in_force=h.in_force,
        in_force_order=h.in_force_order,
        editions=dict(h.editions),
    )
    if h.open:
        st.draft_edition = h.draft if h.draft is not None else ctx.model.edition
        st.reason = h.revision.get("reason") if h.revision else None
    if h.round is not None and h.state in ("agreement", "agreed"):
        st.route, st.route_kind = list(h.round.route), h.round.kind
        st.voided = ctx.voided
        st.agreed = [] if st.voided else [r for r in h.round.route if r in h.round.marks]
        st.pending = list(h.round.route) if st.voided else h.round.pending
    else:
        st.route, st.route_kind = list(ctx.model.agreement.approvers), ctx.model.agreement.route
    if h.rejection is not None and h.state == "draft":
        st.returned = {
            "role": h.rejection.role,
            "remarks": h.rejection.get("remarks"),
            "date": h.rejection.date.isoformat(),
        }
    if h.state == "in_force":
        st.changed = ctx.hash != h.approvals[h.in_force].content_hash
    st.review_due = h.review_due(ctx.registry.review_period_years)
    return st


def status(project: Project, reg_id: str) -> Status:
    """The state of regulation ``reg_id``: its working text, the edition in force, who has yet
    to agree, when the next periodic review is due."""
    return _status(_load(project, reg_id))


def load_edition(project: Project, reg_id: str, n: int) -> Document:
    """Frozen edition ``n`` of ``reg_id`` (``regulations/<id>/editions/<n>.yaml``)."""
    project.folder(reg_id)
    path = _edition_path(project, reg_id, n)
    if not path.is_file():
        have = (
            sorted(int(p.stem) for p in path.parent.glob("*.yaml") if p.stem.isdigit())
            if path.parent.is_dir()
            else []
        )
        raise UsageError(
            f"regulation {reg_id!r} has no edition {n}",
            f"its frozen editions: {', '.join(map(str, have)) or 'none yet'}",
        )
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(path, loaded)
    if document is None:
        raise DloError(loaded.errors)
    return document


def events(project: Project, reg_id: str) -> list[Event]:
    """The journal's events in order (no journal yet: none)."""
    project.regulation_path(reg_id)
    return _journal.events_or_raise(project, reg_id)


def revision_reason(project: Project, reg_id: str) -> str | None:
    """The reason given for the open revision (None when no revision is open)."""
    project.regulation_path(reg_id)
    h = replay(_journal.events_or_raise(project, reg_id))
    return h.revision.get("reason") if h.open and h.revision is not None else None


def person(actor: str) -> str:
    """The name to print for an actor ``user (Name <email>)``: the git name, else the OS user."""
    if "(" in actor and actor.endswith(")"):
        inner = actor[actor.index("(") + 1 : -1]
        return inner.split("<")[0].strip() or actor
    return actor


def _reviewer(registry: Registry, role: str | None, lang: str) -> str:
    """ "Position, name" of a role's holder in ``lang`` (the review sheet's column)."""
    if not role:
        return ""
    try:
        position = registry.position(role)
    except StopIteration:
        return role
    title = position.title.get(lang) or role
    name = (position.holder or {}).get(lang)
    return f"{title}, {name}" if name else title


def _marks(round_: Round | None) -> dict[str, _records.AgreementMark]:
    if round_ is None:
        return {}
    return {
        role: _records.AgreementMark(role, "agreed", ev.date, ev.get("remarks") or "")
        for role, ev in round_.marks.items()
    }


_NOT_PRINTED = ("note", "silence", "source_number")


def _printed(data: Any) -> Any:
    """An element's data without what the document does not print (drafter notes, lint silences)."""
    if isinstance(data, dict):
        return {k: _printed(v) for k, v in data.items() if k not in _NOT_PRINTED}
    if isinstance(data, list):
        return [_printed(v) for v in data]
    return data


def changed_clauses(old: Regulation, new: Regulation) -> str:
    """The clauses of ``new`` (by their numbers in ``new``) that differ from ``old`` or are new,
    then the numbers in ``old`` of clauses that were removed: "5, 11, 14"."""

    def clauses(model: Regulation) -> dict[str, tuple[int, dict]]:
        return {
            n.element.id: (n.number, _printed(n.element.model_dump(mode="json")))
            for n in numbering.walk(model)
            if n.kind == "clause"
        }

    before, after = clauses(old), clauses(new)
    changed = [num for cid, (num, data) in after.items() if before.get(cid, (0, None))[1] != data]
    removed = [num for cid, (num, _) in before.items() if cid not in after]
    return ", ".join(str(n) for n in sorted(changed) + sorted(removed))


def _frozen_model(project: Project, reg_id: str, n: int) -> Regulation | None:
    path = _edition_path(project, reg_id, n)
    source, problems = load.read(path, project.display(path))
    if source is None:
        return None
    model, _ = load.validate(Regulation, source)
    return model


def records(project: Project, reg_id: str) -> _records.Records:
    """What the forms show: the approving order (title page), who agreed and when (agreement
    sheet), the editions and their changes (change registration sheet), the periodic reviews."""
    ctx = _load(project, reg_id)
    h = ctx.history
    lang = ctx.model.main_lang
    rec = _records.Records(state=h.state, edition=ctx.model.edition)
    if h.open:
        if not ctx.voided:
            rec.agreements = _marks(h.round)
    else:
        shown = h.in_force if h.in_force is not None else h.withdrawn_edition
        if shown is not None:
            rec.order = h.approvals[shown].order
            rec.agreements = _marks(h.agreed_rounds.get(shown))
    previous: Regulation | None = None
    for n in sorted(h.approvals):
        ev = h.approvals[n]
        model = _frozen_model(project, reg_id, n)
        if previous is None or model is None:
            clauses = WHOLE_TEXT if previous is None and n == min(h.approvals) else ""
        else:
            clauses = changed_clauses(previous, model)
        order = ev.order
        rec.history.append(
            _records.ChangeRecord(
                number=n,
                clauses=clauses,
                order=order,
                entered=order.effective or order.date,
                entered_by=person(ev.actor),
            )
        )
        previous = model
    for ev in h.reviews:
        rec.reviews.append(
            _records.ReviewRecord(
                date=ev.get("date") or ev.date,
                reviewer=_reviewer(ctx.registry, ev.role, lang),
                result=ev.get("result") or "",
            )
        )
    return rec


# -- the commands -----------------------------------------------------------------------------


def revise(project: Project, reg_id: str, by: str, reason: str) -> Event:
    """Open a revision: a new draft (edition n+1) from the edition in force, which stays in force
    until the new edition is approved. Only the regulation's change initiators may."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        h = ctx.history
        by = _role(ctx, by, "--by")
        reason = _text(reason, "--reason")
        if by not in ctx.model.change_initiators:
            raise ctx.refuse(
                "DLO626",
                f"{by} may not revise {reg_id}: only its change initiators may "
                f"({', '.join(ctx.model.change_initiators)})",
                "ask one of them to open the revision (the regulation's change_initiators)",
                at=("change_initiators",),
            )
        if h.state == "withdrawn":
            raise ctx.refuse(
                "DLO620",
                f"{reg_id} has been withdrawn: it cannot be revised",
                "draft a new regulation instead",
            )
        if h.in_force is None:
            raise ctx.refuse(
                "DLO620",
                f"{reg_id} has no edition in force yet: its first draft is still open "
                f"(state {h.state})",
                f"edit regulation.yaml and submit it: dlo submit {reg_id}",
            )
        if h.open:
            raise ctx.refuse(
                "DLO620",
                f"a revision of {reg_id} is already open (edition {h.draft}, state {h.state})",
                f"finish it first: dlo status {reg_id}",
            )
        n = h.in_force + 1
        source = ctx.document.source
        if ctx.model.edition != n:
            data = source.data
            if "edition" in data:
                data["edition"] = n
            else:
                keys = list(data)
                data.insert(
                    keys.index("languages") + 1 if "languages" in keys else len(keys), "edition", n
                )
            load.write(ctx.document.path, data, like=source.text)
        new_hash = content_hash(ctx.model.model_copy(update={"edition": n}))
        return _append(
            ctx,
            role=by,
            event="revised",
            edition=n,
            reason=reason,
            from_edition=h.in_force,
            content_hash=new_hash,
        )


def submit(project: Project, reg_id: str, by: str | None = None) -> Event:
    """Start the agreement of the open draft along the route of ``agreement.approvers``
    (``agreement.route``: sequential, in that order, or parallel). A draft whose agreements were
    voided by an edit is resubmitted the same way."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        h = ctx.history
        if by is not None:
            by = _role(ctx, by, "--by")
        else:
            by = ctx.registry.unit(ctx.model.unit).head
        if h.state == "withdrawn" or h.state == "in_force":
            raise ctx.refuse(
                "DLO620",
                f"{reg_id} has no open draft to submit: {_state_phrase(h)}",
                f"open a revision first: dlo revise {reg_id} --by ROLE --reason TEXT"
                if h.state == "in_force"
                else None,
            )
        if h.state in ("agreement", "agreed") and not ctx.voided:
            what = (
                f"awaiting {', '.join(h.round.pending)}"
                if h.state == "agreement"
                else "every approver has agreed"
            )
            raise ctx.refuse(
                "DLO620",
                f"{reg_id} is already in agreement ({what})",
                f"dlo status {reg_id}"
                if h.state == "agreement"
                else f"approve it: dlo approve {reg_id} --order NO --date DATE",
            )
        expected = h.in_force + 1 if h.in_force is not None else ctx.model.edition
        if ctx.model.edition != expected:
            raise ctx.refuse(
                "DLO627",
                f"the draft says edition {ctx.model.edition} but the edition being drafted "
                f"is {expected}",
                f"set edition: {expected}",
                at=("edition",),
            )
        return _append(
            ctx,
            role=by,
            event="submitted",
            edition=ctx.model.edition,
            route=list(ctx.model.agreement.approvers),
            route_kind=ctx.model.agreement.route,
            content_hash=ctx.hash,
        )


def _decision_checks(ctx: _Ctx, role: str, verb: str) -> Round:
    h = ctx.history
    if h.state != "agreement" or h.round is None:
        if h.state == "agreed":
            why = "every approver has agreed already"
        elif h.state == "draft":
            why = "it is a draft that has not been submitted"
        else:
            why = _state_phrase(h)
        raise ctx.refuse(
            "DLO620",
            f"{role} cannot {verb} {ctx.reg_id}: {why}",
            f"submit it first: dlo submit {ctx.reg_id}" if h.state == "draft" else None,
        )
    round_ = h.round
    if role not in round_.route:
        raise ctx.refuse(
            "DLO621",
            f"{role} is not on the agreement route of {ctx.reg_id} ({', '.join(round_.route)})",
            "only the approvers of the route agree or reject",
            at=("agreement", "approvers"),
        )
    if role in round_.marks:
        raise ctx.refuse(
            "DLO623",
            f"{role} has already agreed to {ctx.reg_id} edition {round_.submitted.edition}",
        )
    if round_.kind == "sequential" and round_.pending and round_.pending[0] != role:
        raise ctx.refuse(
            "DLO622",
            f"it is not {role}'s turn: the route is sequential and "
            f"{round_.pending[0]} has not agreed yet",
            f"pending, in order: {', '.join(round_.pending)}",
            at=("agreement", "route"),
        )
    return round_


def agree(project: Project, reg_id: str, as_: str, remarks: str | None = None) -> Event:
    """Record ``as_``'s agreement to the current text (only a role on the route, in its turn when
    the route is sequential)."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        as_ = _role(ctx, as_, "--as")
        round_ = _decision_checks(ctx, as_, "agree to")
        if ctx.voided:
            raise ctx.refuse(
                "DLO625",
                f"the text of {reg_id} changed after agreement began: the agreements "
                "given are void",
                f"resubmit the new text: dlo submit {reg_id}",
            )
        remarks = " ".join((remarks or "").split()) or None
        return _append(
            ctx,
            role=as_,
            event="agreed",
            edition=round_.submitted.edition,
            remarks=remarks,
            content_hash=ctx.hash,
        )


def reject(project: Project, reg_id: str, as_: str, remarks: str) -> Event:
    """Return the draft to the drafter with ``as_``'s remarks; the agreements of the round lapse."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        as_ = _role(ctx, as_, "--as")
        remarks = _text(remarks, "--remarks")
        round_ = _decision_checks(ctx, as_, "reject")
        return _append(
            ctx,
            role=as_,
            event="rejected",
            edition=round_.submitted.edition,
            remarks=remarks,
            content_hash=ctx.hash,
        )


def approve(
    project: Project, reg_id: str, order: str, date: dt.date, effective: dt.date | None = None
) -> Event:
    """Approve the agreed draft by order (number, date; effective date, default the order's date).
    Only when every approver agreed on exactly this text. Freezes ``editions/<n>.yaml``."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        h = ctx.history
        order = _text(order, "--order")
        if effective is not None and effective < date:
            raise UsageError(f"the effective date {effective} is before the order's date {date}")
        if h.state == "agreement":
            pending = list(h.round.route) if ctx.voided else h.round.pending
            raise ctx.refuse(
                "DLO624",
                f"{reg_id} cannot be approved: not every approver has agreed "
                f"(pending: {', '.join(pending)})",
                f"dlo status {reg_id}",
                at=("agreement", "approvers"),
            )
        if h.state != "agreed":
            raise ctx.refuse(
                "DLO620",
                f"{reg_id} cannot be approved: {_state_phrase(h)}",
                f"submit it for agreement first: dlo submit {reg_id}"
                if h.state == "draft"
                else None,
            )
        if ctx.voided or any(ev.content_hash != ctx.hash for ev in h.round.marks.values()):
            raise ctx.refuse(
                "DLO625",
                f"{reg_id} cannot be approved: its text changed after agreement began, "
                "so the agreements given are void",
                f"resubmit the new text: dlo submit {reg_id}",
            )
        n = ctx.model.edition
        if n in h.approvals:
            raise ctx.refuse(
                "DLO620", f"edition {n} of {reg_id} is already approved and frozen", at=("edition",)
            )
        # The frozen copy is written under a pending name, the approval is journaled, then the copy
        # is renamed into place: a final editions/<n>.yaml exists only for a journaled approval,
        # and an approval interrupted after journaling is completed by the next command.
        final = _edition_path(project, reg_id, n)
        pending = _pending_path(final)
        atomic_write(pending, _frozen_text(ctx.document.source.text))
        order_data = {
            "number": order,
            "date": date.isoformat(),
            "effective": (effective or date).isoformat(),
        }
        event = _append(
            ctx,
            role=ctx.model.approval.by,
            event="approved",
            edition=n,
            order=order_data,
            content_hash=ctx.hash,
        )
        os.replace(pending, final)
        return event


def withdraw(project: Project, reg_id: str, order: str, date: dt.date) -> Event:
    """Withdraw the edition in force by order; an open draft is abandoned with it."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        h = ctx.history
        order = _text(order, "--order")
        if h.in_force is None:
            raise ctx.refuse(
                "DLO620",
                f"{reg_id} cannot be withdrawn: no edition of it is in force"
                + (" (it has been withdrawn already)" if h.state == "withdrawn" else ""),
            )
        if date < h.in_force_order.date:
            raise UsageError(
                f"the withdrawal order's date {date} is before edition {h.in_force} was approved "
                f"({h.in_force_order.date})"
            )
        return _append(
            ctx,
            role=ctx.model.approval.by,
            event="withdrawn",
            edition=h.in_force,
            order={"number": order, "date": date.isoformat()},
            content_hash=h.approvals[h.in_force].content_hash,
        )


def review(
    project: Project, reg_id: str, by: str, result: str, date: dt.date | None = None
) -> Event:
    """Record a periodic review of the edition in force; the next one falls due
    ``review_period_years`` (registry; default 3) after it."""
    with _journal.lock(project, reg_id):
        ctx = _load(project, reg_id, complete=True)
        h = ctx.history
        by = _role(ctx, by, "--by")
        result = _text(result, "--result")
        if h.in_force is None:
            raise ctx.refuse("DLO620", f"{reg_id} cannot be reviewed: no edition of it is in force")
        date = date or _today(ctx)
        start = h.in_force_order.effective or h.in_force_order.date
        if date < start:
            raise UsageError(
                f"the review date {date} is before edition {h.in_force} took effect ({start})"
            )
        return _append(
            ctx,
            role=by,
            event="reviewed",
            edition=h.in_force,
            result=result,
            date=date.isoformat(),
            next_due=add_years(date, ctx.registry.review_period_years).isoformat(),
            content_hash=h.approvals[h.in_force].content_hash,
        )


# -- integrity --------------------------------------------------------------------------------


def _verify_one(project: Project, reg_id: str) -> list[Problem]:
    journal = _journal.read(project, reg_id)
    problems = _journal.check_chain(journal)
    problems += _journal.leftover_warnings(project, reg_id)
    if journal.problems:
        return problems
    evs = journal.events
    approved: dict[int, tuple[int, Event]] = {}
    for index, ev in enumerate(evs):
        if ev.event == "approved":
            approved[ev.edition] = (index, ev)
    for n, (index, ev) in sorted(approved.items()):
        path = _edition_path(project, reg_id, n)
        display = project.display(path)
        if not path.is_file():
            pending = _pending_path(path)
            if pending.is_file() and _pending_hash(pending, project) == ev.content_hash:
                problems.append(
                    warning(
                        Location(project.display(pending)),
                        "DLO608",
                        f"the approval of edition {n} (journal event {ev.seq}) was interrupted before "
                        "its frozen copy was moved into place",
                        "any dlo command on it completes it",
                    )
                )
                continue
            problems.append(
                error(
                    journal.at(index),
                    "DLO607",
                    f"frozen edition {n} ({display}) is missing: the journal approved it in event {ev.seq}",
                    "restore it from version control",
                )
            )
            continue
        source, load_problems = load.read(path, display)
        model = load.validate(Regulation, source)[0] if source is not None else None
        if model is None or content_hash(model) != ev.content_hash:
            problems.append(
                error(
                    Location(display, 1, 1),
                    "DLO606",
                    f"frozen edition {n} was edited after its approval (journal event {ev.seq}): "
                    "its content differs from the text that was approved",
                    "restore it from version control; change a regulation by revising it (dlo revise)",
                )
            )
    folder = project.folder(reg_id) / EDITIONS
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            if not path.stem.isdigit() or int(path.stem) in approved:
                continue
            n = int(path.stem)
            display = project.display(path)
            problems.append(
                error(
                    Location(display),
                    "DLO608",
                    f"edition {n} is not recorded in the journal: no approval event for it",
                    "a frozen edition exists only by approval; restore the journal from version "
                    "control, or remove the file",
                )
            )
        for path in sorted(folder.glob("*.yaml.pending")):
            n = path.name.split(".")[0]
            if not (n.isdigit() and int(n) in approved):
                problems.append(
                    warning(
                        Location(project.display(path)),
                        "DLO610",
                        f"an approval of edition {n} was interrupted before it was journaled",
                        f"delete the file, or approve again: dlo approve {reg_id} ...",
                    )
                )
    return problems


def verify(project: Project, ids: Iterable[str] = ()) -> dict[str, list[Problem]]:
    """Check each regulation's journal chain and frozen editions (default: every regulation).
    Returns the problems per regulation (an empty list: intact)."""
    ids = list(ids)
    for reg_id in ids:
        project.regulation_path(reg_id)
    return {reg_id: sorted(set(_verify_one(project, reg_id))) for reg_id in ids or project.ids()}
