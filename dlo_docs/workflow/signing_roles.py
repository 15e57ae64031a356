"""Who signs a journal event, and which events must be signed.

An event is signed by the holder of its acting role (``acting``): the role it records, or an
acknowledgement's reader. A correction (``corrected``) is signed by whoever may sign the event it
corrects — the holder of that event's acting role (``signer_of``), not the clerk who enters it —
as of the day the correction is recorded (``signatures.event_day``). A correction of a signed
event must be signed (``must_sign``) whatever ``signatures.required`` names: an unsigned one
would change what a signature vouched for (an approval's order, an agreement's date) while the
signature still verified. With ``corrected`` required, every correction must be signed, by the
same rule.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..i18n import Msg
from . import facts
from . import journal as _journal

CORRECTED = "corrected"  # (``corrections.KIND``)


def reader_names(name: str, holder: dict[str, str] | None) -> dict[str, str]:
    """The names a reader's certificate may bear: when the reader is the position's holder, the
    holder's name in any of its languages (as for the other acts); else the name recorded."""
    if holder and name in holder.values():
        return dict(holder)
    return {"name": name}


def acting(entry: dict[str, Any]) -> tuple[str | None, dict[str, str] | None]:
    """Who acts in an event, as it recorded them: the registry position and the person's name.
    An acknowledgement's reader (their position, their name, and the position's holder as the
    event captured it); else the event's role and its holder as the event captured it (None
    when it captured none: older journals)."""
    event = _journal.to_event(entry)
    if entry.get("event") == "acknowledged":
        name, pid = entry.get("name"), entry.get("position_id")
        holder = (facts.of(event, pid) or {}).get("holder")
        return pid, reader_names(str(name), holder) if name else None
    role = entry.get("role")
    captured = facts.of(event, role) or {}
    return role, dict(captured.get("holder") or {}) or None


def corrected(entries: list[dict[str, Any]], i: int) -> dict[str, Any] | None:
    """The earlier entry that correction ``entries[i]`` corrects (None: it is no correction, or
    it names no earlier event, which ``corrections.shape`` reports)."""
    seq = entries[i].get("corrects")
    if entries[i].get("event") != CORRECTED or isinstance(seq, bool):
        return None
    return next((e for e in entries[:i] if e.get("seq") == seq), None)


def signer_of(entries: list[dict[str, Any]], i: int) -> tuple[str | None, dict[str, str] | None]:
    """Who signs ``entries[i]``: its acting role and their holder (``acting``); for a correction,
    whoever may sign the event it corrects — that event's acting role — with the holder of that
    role as the correction recorded them."""
    entry = entries[i]
    if entry.get("event") != CORRECTED:
        return acting(entry)
    target = corrected(entries, i)
    role = acting(target)[0] if target is not None else None
    captured = facts.of(_journal.to_event(entry), role) or {}
    return role, dict(captured.get("holder") or {}) or None


def must_sign(required: Collection[str], entries: list[dict[str, Any]], i: int) -> bool:
    """Whether ``entries[i]`` must be signed: the registry requires its kind signed, or it is a
    correction of a signed event."""
    if entries[i].get("event") in required:
        return True
    target = corrected(entries, i)
    return target is not None and _journal.SIGNATURE in target


def signed_target(seq: int, kind: str) -> Msg:
    """Why a correction of signed event ``seq`` must be signed."""
    return Msg(
        "journal event {seq} ({kind}) is signed: its correction must be signed too, by whoever "
        "may sign it",
        seq=seq,
        kind=kind,
    )
