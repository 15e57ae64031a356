"""The status model: what ``dlo status`` shows of a regulation, built from its history and its
working text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import records as _records
from ..canonical import control_code
from ..i18n import N_, Msg, _
from . import dates
from .state import History

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Registry
    from .loading import Ctx

# the six states and the names every output shows them by (translated where shown)
STATE_NAMES = {
    "draft": N_("draft"),
    "agreement": N_("agreement"),
    "agreed": N_("agreed"),
    "approved": N_("approved"),
    "in_force": N_("in force"),
    "withdrawn": N_("withdrawn"),
}
STATES = tuple(STATE_NAMES)


def state_name(state: str) -> str:
    """A state's name in the interface language (``dlo status``, ``dlo log``, ``dlo list``, the
    register's files); a state that is not one of the six is shown as its id, spaced."""
    name = STATE_NAMES.get(state)
    return _(name) if name is not None else state.replace("_", " ")


def state_label(state: str) -> Msg:
    """A state's name as a field of a message the library makes (a refusal), translated where the
    message is printed, as ``state_name`` is at once."""
    return Msg(STATE_NAMES.get(state, state.replace("_", " ")))


@dataclass
class Status:
    """A regulation's state, as ``dlo status`` shows it."""

    id: str
    state: str  # one of STATES: the working text's state (in_force: no draft is open)
    edition_in_force: int | None = None
    in_force_order: _records.Order | None = None
    draft_edition: int | None = None  # the edition being drafted, when a draft is open
    pending: list[str] = field(default_factory=list)  # approvers yet to agree, in route order
    review_due: dt.date | None = None
    review_overdue: bool = False  # the review due is before today
    voided: bool = False  # the draft changed after agreement began: the agreements are void
    void_reason: str | None = None  # why they are void
    # approvers whose agreement lapsed: the position changed holder since they agreed
    lapsed: list[str] = field(default_factory=list)
    # approvers of the round the registry no longer defines: it must define them again
    undefined: list[str] = field(default_factory=list)
    # more detail
    route: list[str] = field(default_factory=list)
    route_kind: str | None = None
    agreed: list[str] = field(default_factory=list)
    # approved edition -> in_force|superseded|withdrawn
    editions: dict[int, str] = field(default_factory=dict)
    reason: str | None = None  # of the open revision
    # the last rejection of the open draft: role, remarks, date
    returned: dict[str, Any] | None = None
    changed: bool = False  # no draft is open but the text differs from the edition in force
    # an edition approved by an order that has not taken effect yet, and the day it does
    approved_edition: int | None = None
    approved_order: _records.Order | None = None
    takes_effect: dt.date | None = None
    # a withdrawn regulation's last edition in force and the order that withdrew it
    withdrawn_edition: int | None = None
    withdrawal_order: _records.Order | None = None
    # the approving authority the open round's submission fixed (None: no round open)
    approval_by: str | None = None
    # the open draft's text's control code, as its copies print it (``canonical.control_code``)
    text_code: str | None = None

    def as_dict(self) -> dict[str, Any]:
        def order(o: _records.Order | None) -> dict[str, Any] | None:
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
            "review_overdue": self.review_overdue,
            "voided": self.voided,
            "void_reason": self.void_reason,
            "lapsed": self.lapsed,
            "undefined": self.undefined,
            "route": self.route,
            "route_kind": self.route_kind,
            "agreed": self.agreed,
            "editions": {str(k): v for k, v in sorted(self.editions.items())},
            "reason": self.reason,
            "returned": {**self.returned, "date": self.returned["date"].isoformat()}
            if self.returned
            else None,
            "changed": self.changed,
            "approved_edition": self.approved_edition,
            "approved_order": order(self.approved_order),
            "takes_effect": self.takes_effect.isoformat() if self.takes_effect else None,
            "withdrawn_edition": self.withdrawn_edition,
            "withdrawal_order": order(self.withdrawal_order),
            "approval_by": self.approval_by,
            "text_code": self.text_code,
        }


def from_history(reg_id: str, h: History, registry: Registry) -> Status:
    """What the journal alone tells (the working text not read): state, edition in force, its
    order, the editions and the review due date."""
    due = h.review_due(registry.review_period_years)
    return Status(
        id=reg_id,
        state=h.state,
        edition_in_force=h.in_force,
        in_force_order=h.in_force_order,
        review_due=due,
        review_overdue=due is not None and due < dates.today(registry.organisation.timezone),
        editions=dict(h.editions),
        approved_edition=h.pending,
        approved_order=h.pending_order,
        takes_effect=h.takes_effect,
        withdrawn_edition=h.withdrawn_edition,
        withdrawal_order=h.withdrawal.order if h.withdrawal is not None else None,
    )


def of(ctx: Ctx) -> Status:
    """The full status: the journal's facts and what the working text adds (the route, whether
    it changed after agreement began or differs from the edition in force)."""
    h = ctx.history
    st = from_history(ctx.reg_id, h, ctx.registry)
    if h.open:
        st.draft_edition = h.draft if h.draft is not None else ctx.model.edition
        st.reason = h.revision.get("reason") if h.revision else None
        st.text_code = control_code(ctx.hash)
    if h.round is not None and h.state in ("agreement", "agreed"):
        st.state = ctx.state
        st.route, st.route_kind = list(h.round.route), h.round.kind
        st.approval_by = h.round.submitted.get("approval_by")
        st.voided, st.void_reason = ctx.voided, ctx.void_reason
        marks = ctx.marks
        st.agreed = [r for r in h.round.route if r in marks]
        st.pending = list(h.round.route) if st.voided else ctx.pending
        st.lapsed, st.undefined = ctx.lapsed, ctx.undefined
    else:
        st.route, st.route_kind = list(ctx.model.agreement.approvers), ctx.model.agreement.route
    if h.rejection is not None and h.state == "draft":
        st.returned = {
            "role": h.rejection.role,
            "remarks": h.rejection.get("remarks"),
            "date": h.rejection.day,
        }
    if h.state == "in_force" and h.in_force is not None:
        st.changed = ctx.hash != h.approvals[h.in_force].content_hash
    return st
