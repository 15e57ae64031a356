"""What an approved text fixes for the revision that follows it (``Governing``), and whether a
text an approval or registration carries authorises itself.

``approve`` and ``register-paper`` refuse a text with ``dlo check`` errors, among them DLO121: a
job instruction whose approving official or one of whose approvers is its own position (or, as
the event recorded the holders, a position held by the same person). A round forged along such
a text's own route, hashes recomputed, is an approval no command writes (DLO612): the title
page would print the holder's approval of their own instruction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from .. import persons
from ..i18n import Msg
from . import facts
from .journal import SIGNATURE, Event


class Governing(NamedTuple):
    """What an approved text fixes for the revision that follows it: its route (approvers, in
    order, and how they agree), the approving authority and form, who may revise it; the
    regulation it is the text of (its ``id``) and, for a job instruction, its position
    (``own``; empty for another kind); the edition it says it is (``edition``)."""

    route: list[str]
    kind: str
    by: str
    form: str
    initiators: list[str]
    id: str
    own: str
    edition: int


Governs = Callable[[int], Governing | None]  # edition n -> its text's (None: not known)


def of_text(model: Any) -> Governing:
    """What a regulation's validated text fixes for the revision after it, as ``submit`` fixes
    it: its approvers each once (a text approved before a repeat was refused may name one
    twice), their order, the approving authority and form; its change initiators; its id; the
    position a job instruction is of; its edition."""
    agreement, approval = model.agreement, model.approval
    return Governing(
        list(dict.fromkeys(agreement.approvers)),
        agreement.route,
        approval.by,
        approval.form,
        list(model.change_initiators),
        model.id,
        (model.position or "") if model.kind == "job_instruction" else "",
        model.edition,
    )


def keys(holder: object) -> set[str]:
    """A holder's names by language (``{lang: name}``), compared by ``persons.overlap`` (a
    certificate naming one may name the other, so one key could sign for both positions)."""
    names = holder.values() if isinstance(holder, dict) else ()
    return {str(name) for name in names if persons.key(str(name))}


def _names(ev: Event, role: str) -> set[str]:
    """The names of ``role``'s holder as ``ev`` recorded them (``keys``)."""
    return keys((facts.of(ev, role) or {}).get("holder"))


def _signed_by(ev: Event, own_holder: object) -> bool:
    """Whether ``ev`` is signed with a certificate naming ``own_holder`` (``{lang: name}``): that
    person's own key, which a registry binding it to another position, under a name
    ``persons`` does not read as theirs ("Мадина" for "М. Р. Бекова"), let act there."""
    record = ev.raw.get(SIGNATURE)
    if not isinstance(record, dict) or not isinstance(own_holder, dict) or not own_holder:
        return False
    from ..signing import decisions  # cryptography: only for a signed event

    return decisions.names(record, own_holder)


def _holder(ev: Event, role: str) -> object:
    return (facts.of(ev, role) or {}).get("holder")


def self_authorised(ev: Event, text: Governing | None) -> str | None:
    """Why the text of edition ``ev.edition`` (``text``), approved or registered by ``ev``,
    authorises itself (None: it does not, or it is not known)."""
    own = text.own if text is not None else ""
    if text is None or not own:
        return None
    said = {"n": ev.edition, "own": own}
    if own in (text.by, ev.role):
        return Msg(
            "edition {n} is the job instruction of {own} and names {own} as its approving official: its holder approves their own instruction",
            **said,
        )
    if own in text.route:
        return Msg(
            "edition {n} is the job instruction of {own} and names {own} among its approvers: its holder agrees to their own instruction",
            **said,
        )
    if ev.role and persons.overlap(_names(ev, ev.role), _names(ev, own)):
        return Msg(
            "it is approved by {role}, whose holder held {own} too when it was recorded: they approved their own instruction",
            role=ev.role,
            **said,
        )
    if _signed_by(ev, _holder(ev, own)):
        return Msg(
            "it is approved by {role} with a signature whose certificate names the holder of {own}: they approved their own instruction",
            role=ev.role or "-",
            **said,
        )
    return None


def self_agreed(ev: Event, text: Governing | None, agreed: dict[str, Event]) -> str | None:
    """Why the job instruction ``text`` that ``ev`` approves or registers was agreed to by its
    own holder (None: it was not, or it is not known): an approver of its round (``agreed``:
    each role and the event that recorded its holder, its agreement; for a registration, the
    registration itself) that is its own position, or whose holder, as that event recorded
    them, is the holder of its position as ``ev`` recorded them. ``submit``, ``agree``,
    ``approve`` and ``register-paper`` refuse it (DLO121)."""
    own = text.own if text is not None else ""
    if not own:
        return None
    mine = _names(ev, own)
    said = {"n": ev.edition, "own": own}
    for role, mark in agreed.items():
        if role == own or persons.overlap(_names(mark, role), mine):
            return Msg(
                "edition {n} is the job instruction of {own}, and {role}, on its agreement route, was held by the holder of {own} when it was recorded: they agreed to their own instruction",
                role=role,
                **said,
            )
        if mark.event != ev.event and _signed_by(mark, _holder(ev, own)):
            return Msg(
                "edition {n} is the job instruction of {own}, and the agreement of {role}, on its agreement route, was signed with a certificate naming the holder of {own}: they agreed to their own instruction",
                role=role,
                **said,
            )
    return None


def approval_wrong(ev: Event, text: Governing | None, agreed: dict[str, Event]) -> str | None:
    """Why approval or registration ``ev`` of the text ``text`` (the frozen edition it approved)
    cannot stand (None: it can, or the text is not known): the text says it is another edition
    (``approve`` and ``register-paper`` freeze edition n as the text's own ``edition: n``, and
    the title page prints the text's), it authorises itself (``self_authorised``), or its own
    holder agreed to it (``self_agreed``; ``agreed`` as there)."""
    if text is not None and text.edition != ev.edition:
        return Msg(
            "it approves edition {n}, but the text it approved says it is edition {edition}",
            n=ev.edition,
            edition=text.edition,
        )
    return self_authorised(ev, text) or self_agreed(ev, text, agreed)
