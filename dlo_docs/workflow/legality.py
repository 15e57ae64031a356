"""Events the workflow could not have written (DLO612).

The hash chain shows an event edited, deleted, inserted or reordered; it cannot show one made by
hand with its hashes recomputed. What can be seen is an event no command would ever have written
where it stands (an error): an agreement or a rejection with no agreement round open, by a role
not on the round's route, out of its turn on a sequential route (an approver whose agreement
lapsed agrees again in their turn), by an approver whose agreement stands, or to another text
than the one submitted; an approval of a draft not agreed, of another text than the one agreed,
by another authority or in another form of approval (order, signature) than its submission
fixed, of another edition or text than it submitted (``identities``); a registration from paper after the life in dlo began; a revision with nothing in force;
a submission while an edition is in force with no revision open; a review, acknowledgement or
withdrawal with no edition in force; a cancellation with no revision open.
Given the frozen editions (``governs``), also: a submission along another route, order,
authority or form of approval than its governing text gives (the edition in force's; a first
edition's own, once approved), a revision or cancellation by a role that is not one of the
edition in force's change initiators, as ``submit``, ``revise`` and ``cancel`` refuse them, a
withdrawal by another role than the official who approved the edition in force, and a
registration by another than the ``approval.by`` of the text it registers, or in another form
(their holders sign them, never the clerk).
An act dated before the events it follows (the rules ``dlo correct`` keeps) is a warning:
journals written before the commands kept the order of dates may hold one.
The journal is replayed as ``state.replay`` does, each event checked against the state before it.
A forgery that follows the rules (a whole fake round) stays invisible: git history and signed
events (``signatures.required``) are what anchor the journal against that.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .. import persons
from ..errors import Problem, error, warning
from ..i18n import Msg, in_context
from . import corrections, dates, facts, identities, registration
from .governing import Governing, Governs, approval_wrong
from .journal import APPROVALS, Event, Journal
from .state import History, _step, _take_effect
from .status import state_label

CODE = "DLO612"
_DATED = ("agreed", "rejected", "reviewed", *APPROVALS, "withdrawn")


def _round(h: History, ev: Event) -> str | None:
    """An agreement or a rejection: in an open round, by a role of its route, in its turn on a
    sequential route, to the very text that was submitted."""
    round_ = h.round
    if round_ is None:
        return Msg("no agreement round is open")
    if ev.role not in round_.route:
        return Msg(
            "{role} is not on the route of the open round ({route})",
            role=ev.role,
            route=", ".join(round_.route),
        )
    submitted = round_.submitted
    if ev.edition != submitted.edition or ev.content_hash != submitted.content_hash:
        return Msg(
            "it is given to another text than the one submitted in event {seq}", seq=submitted.seq
        )
    marks = _standing(round_.marks, ev)
    if ev.role in marks:
        return Msg(
            "{role} agreed in event {seq} already, and the position has the same holder",
            role=ev.role,
            seq=marks[ev.role].seq,
        )
    pending = [role for role in round_.route if role not in marks]
    if round_.kind == "sequential" and pending[0] != ev.role:
        return Msg(
            "it is not {role}'s turn on the sequential route ({first} first)",
            role=ev.role,
            first=pending[0],
        )
    return None


def _holder(captured: dict[str, Any]) -> dict[str, Any]:
    return dict(captured.get("holder") or {})


def _standing(marks: dict[str, Event], ev: Event) -> dict[str, Event]:
    """The agreements that stood when ``ev`` was written, as ``agree`` counts them: not one whose
    position, by the registry facts ``ev`` captured, had another holder than the one who agreed
    (it lapsed: that approver must agree again, in their turn; a name respelt is the same
    holder, ``persons.same``). A position ``ev`` did not capture is taken as unchanged."""
    standing = {}
    for role, mark in marks.items():
        then, now = facts.of(mark, role), facts.of(ev, role)
        if then is not None and now is not None and not persons.same(_holder(then), _holder(now)):
            continue
        standing[role] = mark
    return standing


def _approved(h: History, ev: Event) -> str | None:
    """An approval: of the draft every approver agreed to, that very text, by the authority its
    submission named."""
    round_ = h.round
    if h.state != "agreed" or round_ is None:
        return Msg("the draft was not agreed (state {state})", state=state_label(h.state))
    other = [role for role, mark in round_.marks.items() if mark.content_hash != ev.content_hash]
    if other or ev.edition != round_.submitted.edition:
        return Msg("it approves another text than the one agreed to in its round")
    authority = round_.submitted.get("approval_by")
    if authority is not None and ev.role != authority:
        return Msg(
            "it is approved by {role}, but its submission named {authority}",
            role=ev.role,
            authority=authority,
        )
    return _form(ev, round_.submitted.get("approval_form"))


def _form(ev: Event, fixed: Any, n: int | None = None) -> str | None:
    """An approval in the form (order, signature) its submission or edition ``n``'s text fixed."""
    form = "signature" if ev.get("form") == "signature" else "order"
    if fixed is None or form == fixed:
        return None
    if n is None:
        return Msg(
            "it is approved by {form}, but its submission fixed {fixed}",
            form=_form_name(form),
            fixed=_form_name(fixed),
        )
    return Msg(
        "it is approved by {form}, but edition {n} is by {fixed}",
        form=_form_name(form),
        n=n,
        fixed=_form_name(fixed),
    )


def _form_name(form: Any) -> Any:
    """An approval's form as the interface's language names it (a forged one as written)."""
    return {"order": Msg("order"), "signature": Msg("signature")}.get(form, form)


def _revised(h: History) -> str | None:
    if h.in_force is None or h.open or h.pending is not None:
        return Msg(
            "no edition in force to revise, or a revision is open (state {state})",
            state=state_label(h.state),
        )
    return None


def _why(h: History, ev: Event) -> str | None:
    """Why ``ev`` cannot follow the history ``h`` (None: it can)."""
    kind = ev.event
    if kind in ("agreed", "rejected"):
        return _round(h, ev)
    if kind == "approved":
        return _approved(h, ev)
    if kind == "registered" and h.last is not None:
        return Msg("an edition is registered from paper only before the life in dlo begins")
    if kind == "revised":
        return _revised(h)
    if kind == "submitted" and h.state in ("in_force", "approved", "withdrawn"):
        return Msg("no draft is open (state {state})", state=state_label(h.state))
    if kind in ("reviewed", "acknowledged", "withdrawn"):
        return None if h.in_force is not None else Msg("no edition is in force")
    if kind == "cancelled" and h.revision is None:
        return Msg("no revision is open")
    return None


def _route(route: list[str], kind: Any, by: Any, form: Any) -> str:
    return f"{', '.join(route) or '-'} ({kind}), {by} ({form})"


def _governing_edition(h: History, submitted: Event, approved: dict[int, str]) -> int | None:
    """The edition whose text governs ``submitted``: the edition in force; with none in force,
    the submitted text's own, known once that very text was approved (a first draft's route may
    change between its submissions); None: not known yet."""
    if h.in_force is not None:
        return h.in_force
    own = approved.get(submitted.edition) == submitted.content_hash
    return submitted.edition if own else None


def _submitted(h: History, ev: Event, governs: Governs, approved: dict[int, str]) -> str | None:
    """A submission along the route its governing text gives (``_governing_edition``). What an old
    submission did not record (its route's order, the approving authority, the form of
    approval) is not compared: the approval is checked against the text instead (``_approver``)."""
    n = _governing_edition(h, ev, approved)
    text = governs(n) if n is not None else None
    if text is None:
        return None
    kind, form = ev.get("route_kind", text.kind), ev.get("approval_form", text.form)
    recorded = (list(ev.get("route") or []), kind, ev.get("approval_by", text.by), form)
    if recorded == (text.route, text.kind, text.by, text.form):
        return None
    given = {"route": _route(*recorded), "n": n, "expected": _route(*text[:4])}
    if h.in_force is None:
        return Msg(
            "it fixes the route {route}, but its own approved text (edition {n}) gives {expected}",
            **given,
        )
    return Msg("it fixes the route {route}, but edition {n} in force gives {expected}", **given)


def _approver(h: History, ev: Event, governs: Governs, approved: dict[int, str]) -> str | None:
    """An approval whose submission recorded no authority or no form (an old journal, or one with
    either deleted): by those its governing text names, as ``approve`` takes them (what the
    submission did record, ``_approved`` compares)."""
    if h.round is None:
        return None
    submitted = h.round.submitted
    by, form = submitted.get("approval_by"), submitted.get("approval_form")
    if by is not None and form is not None:
        return None
    n = _governing_edition(h, submitted, approved)
    text = governs(n) if n is not None else None
    if text is None:
        return None
    if by is None and ev.role != text.by:
        return Msg(
            "it is approved by {role}, but its submission named none and edition {n} names {authority}",
            role=ev.role,
            n=n,
            authority=text.by,
        )
    return _form(ev, text.form, n) if form is None else None


def _withdrawer(h: History, ev: Event, governs: Governs) -> str | None:
    """A withdrawal of the edition in force (its number and text), by the official who approved
    it, the role its approval recorded (``withdraw`` records it, and its holder signs); an
    unsigned withdrawal of a journal written before withdrawals recorded that may name the
    edition's own ``approval.by`` instead (never a signed one: its signer is whom it names)."""
    n = h.in_force
    if n is None:
        return None
    approval = h.approvals[n]
    if ev.edition != n:
        return Msg(
            "it withdraws edition {edition}, but edition {n} is in force", edition=ev.edition, n=n
        )
    if ev.content_hash != approval.content_hash:
        return Msg("it withdraws another text than edition {n} approved", n=n)
    if ev.role == approval.role:
        return None
    text = governs(n) if not ev.get("signature") else None
    if text is not None and ev.role == text.by:
        return None
    return Msg(
        "it is withdrawn by {role}, but edition {n} was approved by {authority}",
        role=ev.role,
        n=n,
        authority=approval.role,
    )


def _registrar(ev: Event, governs: Governs) -> str | None:
    """A registration from paper by the official its own text names (``approval.by``), as
    ``register-paper`` records it and whose holder signs it."""
    text = governs(ev.edition)
    if text is None:
        return None
    if ev.role == text.by:
        return _form(ev, text.form, ev.edition) or registration.wrong(ev, text)
    return Msg(
        "it is registered by {role}, but edition {n} names {authority} (approval.by)",
        role=ev.role,
        n=ev.edition,
        authority=text.by,
    )


def _initiator(h: History, ev: Event, governs: Governs) -> str | None:
    """A revision opened or cancelled by a change initiator of the edition in force."""
    text = governs(h.in_force) if h.in_force is not None else None
    if text is None or ev.role in text.initiators:
        return None
    return Msg(
        "{role} is not one of the change initiators of edition {n} in force ({roles})",
        role=ev.role,
        n=h.in_force,
        roles=", ".join(text.initiators),
    )


def _governed(h: History, ev: Event, governs: Governs, approved: dict[int, str]) -> str | None:
    """What the governing text decides of ``ev`` (None: nothing to say, or no text known)."""
    if ev.event == "submitted":
        return _submitted(h, ev, governs, approved)
    if ev.event == "approved":
        text, marks = governs(ev.edition), h.round.marks if h.round is not None else {}
        return _approver(h, ev, governs, approved) or approval_wrong(ev, text, marks)
    if ev.event in ("revised", "cancelled"):
        return _initiator(h, ev, governs)
    if ev.event == "withdrawn":
        return _withdrawer(h, ev, governs)
    if ev.event == "registered":
        text = governs(ev.edition)
        route = dict.fromkeys(text.route, ev) if text is not None else {}
        return _registrar(ev, governs) or approval_wrong(ev, text, route)
    return None


def _date(shown: list[Event], i: int) -> str | None:
    """The act's date is not before the events it follows (the rules ``dlo correct`` keeps)."""
    if shown[i].event not in _DATED:
        return None
    lows, _highs = corrections.bounds(shown, i)
    day = shown[i].day
    broken = [(bound, what) for bound, what in lows if day < bound]
    if not broken:
        return None
    bound, what = max(reversed(broken), key=lambda low: low[0])  # the latest, the last named
    return Msg(
        "its date {day} is before {what} ({bound})",
        day=day,
        what=what,
        bound=bound,
    )


class Wrong(NamedTuple):
    at: int  # its index in the journal
    event: Event  # as corrected
    why: str
    dated: bool  # only its date is out of order (a warning)


def _unknown(_n: int) -> Governing | None:
    return None


def wrongs(events: list[Event], governs: Governs = _unknown) -> list[Wrong]:
    """Each event (as corrected) that cannot stand where it is, or is dated out of order;
    ``governs`` gives the frozen editions' route and initiators (default: none known)."""
    found: list[Wrong] = []
    h = History()
    shown = corrections.apply(events)
    approved = {e.edition: e.content_hash for e in shown if e.event in APPROVALS}
    for index, ev in enumerate(shown):
        _take_effect(h, ev.date)
        why = (
            _why(h, ev)
            or identities.wrong(h, ev)
            or _governed(h, ev, governs, approved)
            or dates.after_recorded(events[index])
        )
        if why is not None:
            found.append(Wrong(index, ev, why, False))
        else:
            day = _date(shown, index)
            if day is not None:
                found.append(Wrong(index, ev, day, True))
        _step(h, ev)
        h.last = ev
    return found


def _problem(journal: Journal, wrong: Wrong) -> Problem:
    ev = wrong.event
    where = journal.at(wrong.at, "event")
    if wrong.dated:
        return warning(
            where,
            CODE,
            Msg(
                "journal event {seq} ({event}) is dated out of order: {why}",
                seq=ev.seq,
                event=in_context("journal event", ev.event),
                why=wrong.why,
            ),
            Msg("if a date was mistyped, correct it: dlo correct ID --event K --date DATE"),
        )
    return error(
        where,
        CODE,
        Msg(
            "journal event {seq} ({event}) cannot stand where it is: {why}; no dlo command writes it, so it was made by hand",
            seq=ev.seq,
            event=in_context("journal event", ev.event),
            why=wrong.why,
        ),
        Msg("restore the journal from version control (git log -p on it shows the change)"),
    )


def check(journal: Journal, governs: Governs = _unknown) -> list[Problem]:
    """Every event of ``journal`` that the workflow's commands would have refused (errors), and
    every act dated before an event it follows (warnings)."""
    return [_problem(journal, wrong) for wrong in wrongs(journal.events, governs)]
