"""The route of agreement a new regulation gets from the registry: the positions above it by
``reports_to`` up to the official who approves it (the head of the organisation's top unit)."""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import Msg
from ..model import Registry


def chain(registry: Registry, start: str | None, stop: str) -> list[str]:
    """``start`` and the positions above it by ``reports_to``, up to (without) ``stop``."""
    found: list[str] = []
    while start and start != stop and start not in found:
        found.append(start)
        start = registry.position(start).reports_to
    return found


def no_route(whose: str, supervisor: str | None, approval_by: str, others: list[str]) -> UsageError:
    """No route of agreement: why (reporting straight to the approving official), and what to
    give (with the registry's ``others`` positions as the example, when it has any)."""
    return UsageError(
        Msg(
            "the registry gives no route of agreement for this regulation: {whose} reports "
            "to {approval_by}, who approves it, and there is nobody between them to agree it",
            whose=whose,
            approval_by=approval_by,
        )
        if supervisor == approval_by
        else Msg("the registry gives no route of agreement for this regulation"),
        Msg(
            "name who agrees it: --approvers POSITION,POSITION,... (e.g. --approvers {example})",
            example=",".join(others[:2]),
        )
        if others
        else Msg("add the positions who agree it to the registry, then name them: --approvers …"),
    )


def top_head(registry: Registry, unit: str) -> str | None:
    """Who approves a new regulation of ``unit`` unless told: the head of its top unit, or, when
    the organisation lists who may approve (DLO124) and leaves that head out, the first listed."""
    seen: set[str] = set()
    current = registry.unit(unit)
    owner = registry.organisation_of(current.organisation or registry.organisation.id)
    while current.parent and current.parent not in seen:
        seen.add(current.id)
        current = registry.unit(current.parent)
    if owner.approvers and current.head not in owner.approvers:
        return owner.approvers[0]
    return current.head


def colleagues(registry: Registry, unit: str) -> list[str]:
    """The positions of the organisation ``unit`` belongs to (a route's example: a position of
    another organisation cannot agree its regulation, DLO024)."""
    own = registry.organisation.id
    organisation = registry.unit(unit).organisation or own
    units = {u.id for u in registry.units if (u.organisation or own) == organisation}
    return [
        p.id
        for p in registry.positions
        if (p.unit in units if p.unit is not None else organisation == own)
    ]
