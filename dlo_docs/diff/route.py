"""What a regulation's data fixes beside its text, compared as the document's own fields: its
kind and organisation, the unit and position it is for, who approves it and in what form, who agrees to its next revision
and in what order, who may open one, the sheets printed after it. An approver agrees to these too (they are in the text's
hash), so a comparison that showed only the text would call such an edition unchanged.

Each is written out in the document's language, positions and units by their registry names
(an id the registry no longer has, by itself), and compared by its data: a position renamed in
the registry since changes neither side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Registry, Regulation

# the fields compared, in the order their changes are listed (after the title and the code)
KINDS = (
    "kind",
    "organisation",
    "unit",
    "position",
    "approval",
    "approvers",
    "initiators",
    "sheets",
)


def _fields(model: Regulation) -> dict[str, Any]:
    return {
        "kind": model.kind,
        "organisation": model.organisation,
        "unit": model.unit,
        "position": model.position,
        "approval": (model.approval.by, model.approval.form),
        # each approver once, as the round and the sheet take them (``governing.of_text``)
        "approvers": (tuple(dict.fromkeys(model.agreement.approvers)), model.agreement.route),
        "initiators": tuple(model.change_initiators),
        "sheets": tuple(k for k, on in model.sheets.model_dump().items() if on),
    }


def position_title(registry: Registry, role: str, lang: str) -> str:
    """The position's title in ``lang`` (else in its first language; its id if it is gone)."""
    found = next((p for p in registry.positions if p.id == role), None)
    return (found.title.get(lang) or next(iter(found.title.values()), role)) if found else role


def unit_name(registry: Registry, uid: str, lang: str) -> str:
    """The unit's name in ``lang`` (its id where it has none, or is gone)."""
    found = next((u for u in registry.units if u.id == uid), None)
    return (found.name.get(lang) if found else None) or uid


def organisation_name(registry: Registry, oid: str, lang: str) -> str:
    """The organisation's name in ``lang`` (its id where it has none, or is gone)."""
    found = [registry.organisation, *registry.organisations]
    named = next((o for o in found if o.id == oid), None)
    return (named.name.get(lang) if named else None) or oid


def heads(
    old: Regulation, new: Regulation, labels: dict[str, Any], registry: Registry, lang: str
) -> tuple[tuple[str, str, str], ...]:
    """(kind, old wording, new wording) of each of the fields that differ between the editions."""
    words = labels["diff"]

    def title(role: str) -> str:
        return position_title(registry, role, lang)

    def said(kind: str, value: Any) -> str:
        if kind == "kind":
            return str(labels["kind"].get(value, value))
        if kind == "organisation":
            return organisation_name(registry, value, lang)
        if kind == "unit":
            return unit_name(registry, value, lang)
        if kind == "sheets":
            return "; ".join(labels["sheet"][k]["title"] for k in value) or words["absent"]
        if kind == "position":
            return title(value) if value else words["absent"]
        if kind == "approval":
            return f"{title(value[0])} ({words['approval_form'][value[1]]})"
        if kind == "approvers":
            roles, route = value
            return f"{'; '.join(title(r) for r in roles)} ({words['route'][route]})"
        return "; ".join(title(r) for r in value)

    before, after = _fields(old), _fields(new)
    return tuple(
        (kind, said(kind, before[kind]), said(kind, after[kind]) + _next_round(kind, words))
        for kind in KINDS
        if _compared(kind, before[kind]) != _compared(kind, after[kind])
    )


def _next_round(kind: str, words: dict[str, Any]) -> str:
    """After a changed approving official or route: that it is the next edition's (the round of
    this one keeps the edition in force's, as its submission fixes them). A project's own label
    set without the words says nothing."""
    note = words.get("next_round") if kind in ("approval", "approvers") else None
    return f" {note}" if note else ""


def _compared(kind: str, value: Any) -> Any:
    """What of a field counts: who may open a revision, not the order they are written in."""
    return frozenset(value) if kind == "initiators" else value
