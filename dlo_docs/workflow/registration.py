"""What a registration from paper records of its text, as ``register-paper`` writes it (DLO612).

A ``registered`` event records the route its text names (``route``, ``route_kind``,
``approval_by``) and the agreements the paper original carries (``agreed``), which the agreement
sheet prints: the route's positions with the names it captured, and those agreements. The
command takes the route from the text and refuses an agreement by any other than an approver
the text names, or one named twice. A registration forged with its hashes recomputed that
recorded another route (the instruction's own position among its approvers) or an agreement by
another position printed, over the frozen text's edition in force, an agreement sheet the text
never had; ``verify`` compares them with the text the registration froze.
"""

from __future__ import annotations

from typing import Any

from ..i18n import Msg
from .governing import Governing
from .journal import Event


def _listed(value: Any) -> list[Any] | None:
    """A recorded route, each approver once (a text may name one twice); None: not a list."""
    return list(dict.fromkeys(value)) if isinstance(value, list) else None


def _route(route: Any, kind: Any, by: Any) -> str:
    named = ", ".join(map(str, route)) if isinstance(route, list) else str(route)
    return f"{named or '-'} ({kind}), {by}"


def _agreed(ev: Event, text: Governing) -> str | None:
    """The agreements it lists: each an approver the text names, once."""
    seen: set[Any] = set()
    for item in ev.get("agreed") or []:
        role = item.get("role") if isinstance(item, dict) else None
        if role not in text.route:
            return Msg(
                "it lists an agreement of {role}, who is not an approver of edition {n} ({route})",
                role=role,
                n=ev.edition,
                route=", ".join(text.route),
            )
        if role in seen:
            return Msg("it lists the agreement of {role} twice", role=role)
        seen.add(role)
    return None


def wrong(ev: Event, text: Governing) -> str | None:
    """Why registration ``ev`` does not record its text's route and agreements as
    ``register-paper`` does (None: it does; what an old registration did not record is not
    compared)."""
    recorded = (
        _listed(ev.get("route", text.route)),
        ev.get("route_kind", text.kind),
        ev.get("approval_by", text.by),
    )
    if recorded != (text.route, text.kind, text.by):
        return Msg(
            "it records the route {route}, but edition {n} it registers gives {expected}",
            route=_route(*recorded),
            n=ev.edition,
            expected=_route(text.route, text.kind, text.by),
        )
    return _agreed(ev, text)
