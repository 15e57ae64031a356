"""Events the workflow could not have written (DLO612).

The hash chain shows an event edited, deleted, inserted or reordered after it was written; it
cannot show an event made by hand with its hashes recomputed, since anyone can compute them. What
can be seen is an event no command would ever have written where it stands: an agreement or a
rejection with no agreement round open or by a role not on the round's route, an approval of a
draft not agreed, a submission while an edition is in force with no revision open, a review,
acknowledgement or withdrawal with no edition in force, a cancellation with no revision open.
The journal is replayed as ``state.replay`` does, each event checked against the state before it.
A forgery that follows the rules (a whole fake round) stays invisible: git history and signed
events (``signatures.required``) are what anchor the journal against that.
"""

from __future__ import annotations

from ..errors import Problem, error
from ..i18n import Msg
from . import corrections
from .journal import Journal
from .state import History, _step, _take_effect

CODE = "DLO612"


def _round(h: History, role: str | None) -> str | None:
    if h.round is None:
        return Msg("no agreement round is open")
    if role not in h.round.route:
        return Msg(
            "{role} is not on the route of the open round ({roles})",
            role=role,
            roles=", ".join(h.round.route),
        )
    return None


def _in_force(h: History) -> str | None:
    return None if h.in_force is not None else Msg("no edition is in force")


def _why(h: History, kind: str, role: str | None) -> str | None:
    """Why an event of ``kind`` by ``role`` cannot follow the history ``h`` (None: it can)."""
    if kind in ("agreed", "rejected"):
        return _round(h, role)
    if kind == "approved" and h.state != "agreed":
        return Msg("the draft was not agreed (state {state})", state=h.state)
    if kind == "submitted" and h.state in ("in_force", "approved", "withdrawn"):
        return Msg("no draft is open (state {state})", state=h.state)
    if kind in ("reviewed", "acknowledged", "withdrawn"):
        return _in_force(h)
    if kind == "cancelled" and h.revision is None:
        return Msg("no revision is open")
    return None


def check(journal: Journal) -> list[Problem]:
    """Every event of ``journal`` that the workflow's commands would have refused."""
    problems: list[Problem] = []
    h = History()
    for index, ev in enumerate(corrections.apply(journal.events)):
        _take_effect(h, ev.date)
        why = _why(h, ev.event, ev.role)
        if why is not None:
            problems.append(
                error(
                    journal.at(index, "event"),
                    CODE,
                    Msg(
                        "journal event {seq} ({event}) cannot stand where it is: {why}; no dlo command writes it, so it was made by hand",
                        seq=ev.seq,
                        event=ev.event,
                        why=why,
                    ),
                    Msg(
                        "restore the journal from version control (git log -p on it shows the change)"
                    ),
                )
            )
        _step(h, ev)
        h.last = ev
    return problems
