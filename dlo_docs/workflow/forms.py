"""What the forms show of a regulation's life (``records.Records``): the approving order on the
title page, who agreed and when on the agreement sheet, the editions and their changed clauses on
the change registration sheet, the periodic reviews on the review sheet."""

from __future__ import annotations

from typing import Any

from .. import numbering
from .. import records as _records
from ..model import Registry, Regulation
from ..project import Project
from . import editions, loading
from .acknowledgements import day
from .state import Round

WHOLE_TEXT = "whole text"  # the change registration sheet's "clauses" for a first edition


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

    def clauses(model: Regulation) -> dict[str, tuple[int, Any]]:
        return {
            n.element.id: (n.number, _printed(n.element.model_dump(mode="json")))
            for n in numbering.walk(model)
            if n.kind == "clause"
        }

    before, after = clauses(old), clauses(new)
    changed = [num for cid, (num, data) in after.items() if before.get(cid, (0, None))[1] != data]
    removed = [num for cid, (num, _) in before.items() if cid not in after]
    return ", ".join(str(n) for n in sorted(changed) + sorted(removed))


def records(project: Project, reg_id: str) -> _records.Records:
    """What the forms show: the approving order (title page), who agreed and when (agreement
    sheet), the editions and their changes (change registration sheet), the periodic reviews."""
    ctx = loading.load(project, reg_id)
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
        model = editions.frozen_model(project, reg_id, n)
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
    if not h.open and h.in_force is not None:
        for ev in h.acknowledgements:
            if ev.edition == h.in_force:
                rec.acquaintances.append(
                    _records.AcquaintanceRecord(
                        ev.get("name") or "",
                        ev.get("position") or "",
                        day(ev.get("date")),
                        ev.get("position_id"),
                    )
                )
    for ev in h.reviews:
        rec.reviews.append(
            _records.ReviewRecord(
                date=ev.get("date") or ev.date,
                reviewer=_reviewer(ctx.registry, ev.role, lang),
                result=ev.get("result") or "",
            )
        )
    return rec
