"""Registry facts captured in the journal when an event happens, so that what a record shows
(position titles, holders' names, the organisation's name) is what was true then: a later change
of the registry never rewrites a past sheet.

An event's ``facts`` is ``{"positions": {ROLE: {"title": {lang: ...}, "holder": {lang: ...}}},
"organisation": {lang: ...}}`` (and, since the registry could give it, a position's
``"title_genitive"``) with the positions the event involves (its role, the clerk who
recorded it; for a submission the whole route and the approving authority; for an agreement or
a rejection the whole route (whose agreements stood then); for an approval the
approving authority and the organisation; for a submission and an approval also the position
and the unit the regulation is of, under ``"unit"`` its name, as the title page and the site
print them, and a unit regulation's unit's head, whose holder ``verify`` compares with its
approvers' (DLO612), its id under ``"head"``, empty when the unit had none: ``head``). Events
written before facts were captured have none: their records fall back to the registry as it is
(and so does the head of a unit regulation's event written before heads were recorded).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .. import persons
from .journal import Event

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Registry


def position(registry: Registry, pid: str) -> dict[str, Any]:
    """A position's title, current holder (empty: vacant) and title in the genitive (empty:
    the registry gives none), as plain mappings."""
    found = next((p for p in registry.positions if p.id == pid), None)
    if found is None:
        return {"title": {}, "holder": {}}
    return {
        "title": dict(found.title),
        "holder": dict(found.holder or {}),
        "title_genitive": dict(found.title_genitive or {}),
    }


def capture(
    registry: Registry,
    roles: Iterable[str | None],
    organisation: str | None = None,
    unit: str | None = None,
    head: str | None = None,
) -> dict[str, Any]:
    """The facts of ``roles`` (and the names of organisation ``organisation`` and unit
    ``unit``, ids; ``head``, a unit regulation's unit's head, empty: none; None: not one) as the
    registry states them now."""
    facts: dict[str, Any] = {
        "positions": {pid: position(registry, pid) for pid in dict.fromkeys(roles) if pid}
    }
    if organisation:
        facts["organisation"] = dict(registry.organisation_of(organisation).name)
    if unit:
        facts["unit"] = dict(registry.unit(unit).name)
    if head is not None:
        facts["head"] = head
    return facts


def head(ev: Event | None) -> str | None:
    """The position ``ev`` recorded as heading the unit of the unit regulation it is of (empty:
    the unit had no head then; None: it recorded none, written before heads were recorded or
    not of a unit regulation's round)."""
    found = (ev.get("facts") or {}).get("head") if ev is not None else None
    return found if isinstance(found, str) else None


def of(ev: Event | None, pid: str | None) -> dict[str, Any] | None:
    """The facts ``ev`` captured about position ``pid`` (None: not captured)."""
    if ev is None or not pid:
        return None
    positions = (ev.get("facts") or {}).get("positions") or {}
    found = positions.get(pid)
    return found if isinstance(found, dict) else None


def organisation_of(ev: Event | None, what: str = "organisation") -> dict[str, str] | None:
    """The name of the organisation (``what="unit"``: of the unit) ``ev`` captured."""
    if ev is None:
        return None
    found = (ev.get("facts") or {}).get(what)
    return dict(found) if isinstance(found, dict) else None


def holder_changed(registry: Registry, ev: Event) -> bool:
    """The holder of ``ev``'s role is no longer the person who acted (only when ``ev`` captured
    it): an agreement given by someone who no longer holds the position. A holder's name respelt
    is the same person (``persons.same``)."""
    captured = of(ev, ev.role)
    if captured is None or ev.role is None:
        return False
    current: dict[str, str] = position(registry, ev.role)["holder"]
    return not persons.same(dict(captured.get("holder") or {}), current)


def organisation_changed(registry: Registry, ev: Event, oid: str) -> bool:
    """The name of organisation ``oid`` differs from the one ``ev`` captured (only when it
    captured one)."""
    captured = organisation_of(ev)
    return captured is not None and captured != dict(registry.organisation_of(oid).name)
