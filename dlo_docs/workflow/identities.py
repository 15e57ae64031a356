"""The edition and text an event may carry where it stands, as the commands write them (DLO612).

``revise`` opens edition n+1 of the edition n in force, ``submit`` submits that edition (a first
draft, its own), ``approve`` approves the very text submitted (and agreed: every agreement is to
the submitted text) and never an edition approved already. These tie a round to the text it is
judged by: a journal forged with its hashes recomputed that approved a revision under the number
of the edition in force replaced that edition's frozen text, which then governed the round that
approved it (its route, approving authority and form); an approval of another text than the one
submitted, after a submission along a route of no approvers, left a first edition's submission
compared with no approved text, so a drafter could be its approving official.
"""

from __future__ import annotations

from ..i18n import Msg
from .journal import APPROVALS, Event
from .state import History


def _approval(h: History, ev: Event) -> str | None:
    if ev.edition in h.approvals:
        return Msg(
            "edition {n} is approved already (journal event {seq})",
            n=ev.edition,
            seq=h.approvals[ev.edition].seq,
        )
    submitted = h.round.submitted if h.round is not None else None
    if ev.event == "approved" and submitted is not None:
        if ev.content_hash != submitted.content_hash:
            return Msg(
                "it approves another text than the one submitted in event {seq}", seq=submitted.seq
            )
    return None


def wrong(h: History, ev: Event) -> str | None:
    """Why ``ev``'s edition or text cannot stand after the history ``h`` (None: it can)."""
    if ev.event in APPROVALS:
        return _approval(h, ev)
    expected = h.in_force + 1 if h.in_force is not None else None
    if expected is None or ev.edition == expected:
        return None
    if ev.event == "revised":
        return Msg(
            "it opens edition {edition}, but edition {n} is in force (a revision is edition {expected})",
            edition=ev.edition,
            n=h.in_force,
            expected=expected,
        )
    if ev.event == "submitted":
        return Msg(
            "it submits edition {edition}, but the edition being drafted is {expected}",
            edition=ev.edition,
            expected=expected,
        )
    return None
