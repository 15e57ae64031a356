"""What an approved text fixes for the revision that follows it (``Governing``), and whether a
text an approval or registration carries authorises itself.

``approve`` and ``register-paper`` refuse a text with ``dlo check`` errors, among them DLO121: a
regulation whose approving official or one of whose approvers is its own position (a job
instruction's; a unit regulation's unit's head) or, as the event recorded the holders, a
position held by the same person. A round forged along such a text's own route, hashes
recomputed, is an approval no command writes (DLO612): the title page would print the holder's
approval of their own document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from .. import persons
from ..i18n import Msg
from ..model_methods import own_position
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
    unit: str


Governs = Callable[[int], Governing | None]  # edition n -> its text's (None: not known)


def of_text(model: Any, registry: Any = None) -> Governing:
    """What a regulation's validated text fixes for the revision after it, as ``submit`` fixes
    it: its approvers each once (a text approved before a repeat was refused may name one
    twice), their order, the approving authority and form; its change initiators; its id; the
    position whose own document it is (``own_position``: a unit regulation's unit's head as
    ``registry`` gives it, none without one: ``headed``); its edition; a unit regulation's
    unit."""
    agreement, approval = model.agreement, model.approval
    return Governing(
        list(dict.fromkeys(agreement.approvers)),
        agreement.route,
        approval.by,
        approval.form,
        list(model.change_initiators),
        model.id,
        own_position(registry, model.kind, model.position, model.unit) or "",
        model.edition,
        model.unit if model.kind != "job_instruction" else "",
    )


def headed(text: Governing | None, registry: Any) -> Governing | None:
    """``text`` with a unit regulation's own position, its unit's head, as ``registry`` gives
    it now (None: ``text`` unchanged; a text read without a registry, as ``verify`` keeps it
    whatever the registry says, names none)."""
    if text is None or not text.unit or registry is None:
        return text
    head = own_position(registry, "unit_regulation", None, text.unit)
    return text._replace(own=head or "")


def as_recorded(ev: Event, text: Governing | None) -> Governing | None:
    """``text`` with a unit regulation's own position as ``ev`` recorded its unit's head when it
    was written (``facts.head``): a registry reorganised since neither makes an honest approval
    one of the head's own nor clears a head's. An event recorded before heads were recorded keeps
    the registry's head now (``headed``)."""
    recorded = facts.head(ev)
    if text is None or not text.unit or recorded is None:
        return text
    return text._replace(own=recorded)


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


def _authorising(case: str, said: dict[str, Any]) -> Msg:
    """The reason ``self_authorised`` gives (``case``) of a job instruction, or of a unit
    regulation (``said["unit"]``: the unit whose head is ``own``)."""
    if said["unit"]:
        reasons = {
            "by": Msg(
                "edition {n} is the regulation of unit {unit} and names its head {own} as its approving official: the head approves the regulation of their own unit",
                **said,
            ),
            "route": Msg(
                "edition {n} is the regulation of unit {unit} and names its head {own} among its approvers: the head agrees to the regulation of their own unit",
                **said,
            ),
            "holder": Msg(
                "it is approved by {role}, whose holder headed the unit as {own} too when it was recorded: they approved the regulation of their own unit",
                **said,
            ),
            "signed": Msg(
                "it is approved by {role} with a signature whose certificate names the holder of {own}, the head of unit {unit}: they approved the regulation of their own unit",
                **said,
            ),
        }
        return reasons[case]
    reasons = {
        "by": Msg(
            "edition {n} is the job instruction of {own} and names {own} as its approving official: its holder approves their own instruction",
            **said,
        ),
        "route": Msg(
            "edition {n} is the job instruction of {own} and names {own} among its approvers: its holder agrees to their own instruction",
            **said,
        ),
        "holder": Msg(
            "it is approved by {role}, whose holder held {own} too when it was recorded: they approved their own instruction",
            **said,
        ),
        "signed": Msg(
            "it is approved by {role} with a signature whose certificate names the holder of {own}: they approved their own instruction",
            **said,
        ),
    }
    return reasons[case]


def self_authorised(ev: Event, text: Governing | None) -> str | None:
    """Why the text of edition ``ev.edition`` (``text``), approved or registered by ``ev``,
    authorises itself (None: it does not, or it is not known): its own position (``own``) is
    its approving official or one of its approvers, or the approving official's holder, as
    ``ev`` recorded the holders, or the certificate it is signed with, is that position's."""
    own = text.own if text is not None else ""
    if text is None or not own:
        return None
    said = {"n": ev.edition, "own": own, "unit": text.unit, "role": ev.role or "-"}
    if own in (text.by, ev.role):
        return _authorising("by", said)
    if own in text.route:
        return _authorising("route", said)
    if ev.role and persons.overlap(_names(ev, ev.role), _names(ev, own)):
        return _authorising("holder", said)
    if _signed_by(ev, _holder(ev, own)):
        return _authorising("signed", said)
    return None


def _agreeing(signed: bool, said: dict[str, Any]) -> Msg:
    """The reason ``self_agreed`` gives, of a job instruction or of a unit regulation
    (``said["unit"]``): an agreement given by the holder of the own position, or ``signed``
    with their certificate."""
    if said["unit"] and signed:
        return Msg(
            "edition {n} is the regulation of unit {unit}, and the agreement of {role}, on its agreement route, was signed with a certificate naming the holder of its head {own}: they agreed to the regulation of their own unit",
            **said,
        )
    if said["unit"]:
        return Msg(
            "edition {n} is the regulation of unit {unit}, and {role}, on its agreement route, was held by the holder of its head {own} when it was recorded: they agreed to the regulation of their own unit",
            **said,
        )
    if signed:
        return Msg(
            "edition {n} is the job instruction of {own}, and the agreement of {role}, on its agreement route, was signed with a certificate naming the holder of {own}: they agreed to their own instruction",
            **said,
        )
    return Msg(
        "edition {n} is the job instruction of {own}, and {role}, on its agreement route, was held by the holder of {own} when it was recorded: they agreed to their own instruction",
        **said,
    )


def self_agreed(ev: Event, text: Governing | None, agreed: dict[str, Event]) -> str | None:
    """Why the regulation ``text`` that ``ev`` approves or registers was agreed to by the holder
    of its own position (None: it was not, or it is not known): an approver of its round
    (``agreed``: each role and the event that recorded its holder, its agreement; for a
    registration, the registration itself) that is its own position, or whose holder, as that
    event recorded them, is the holder of its own position as ``ev`` recorded them, or whose
    agreement was signed with that holder's certificate. ``submit``, ``agree``, ``approve`` and
    ``register-paper`` refuse it (DLO121)."""
    own = text.own if text is not None else ""
    if text is None or not own:
        return None
    mine = _names(ev, own)
    for role, mark in agreed.items():
        said = {"n": ev.edition, "own": own, "unit": text.unit, "role": role}
        if role == own or persons.overlap(_names(mark, role), mine):
            return _agreeing(False, said)
        if mark.event != ev.event and _signed_by(mark, _holder(ev, own)):
            return _agreeing(True, said)
    return None


def approval_wrong(ev: Event, text: Governing | None, agreed: dict[str, Event]) -> str | None:
    """Why approval or registration ``ev`` of the text ``text`` (the frozen edition it approved)
    cannot stand (None: it can, or the text is not known): the text says it is another edition
    (``approve`` and ``register-paper`` freeze edition n as the text's own ``edition: n``, and
    the title page prints the text's), it authorises itself (``self_authorised``), or its own
    holder agreed to it (``self_agreed``; ``agreed`` as there). A unit regulation's own position
    is the head ``ev`` recorded (``as_recorded``)."""
    text = as_recorded(ev, text)
    if text is not None and text.edition != ev.edition:
        return Msg(
            "it approves edition {n}, but the text it approved says it is edition {edition}",
            n=ev.edition,
            edition=text.edition,
        )
    return self_authorised(ev, text) or self_agreed(ev, text, agreed)
