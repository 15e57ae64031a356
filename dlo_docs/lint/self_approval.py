"""DLO121: a regulation agreed or approved by its own position, or by its holder.

The holder of a position drafts and follows its job instruction, and the head of a unit (the
registry's ``units.<unit>.head``) their unit's regulation; agreeing to it or approving it is not
theirs to do, or the draft authorizes itself: ``agreement.approvers`` naming that own position
(``own_position``: a job instruction's position, a unit regulation's unit's head; a unit the
registry names no head of has none) puts its holder on the route, and ``approval.by`` naming it
lets the holder's own order (or signature) approve it, a self-approval every form would then
print as approved. So does another position the registry gives the same holder (one person
acting in both: the same name in any of its languages, as ``persons.may_be_one`` compares
names: initials before or after, spaced or not, Latin look-alike letters, initials where the
other writes the names in full, as one certificate names both). An error, so
``submit``, ``approve`` and ``register-paper`` refuse such a draft. Who approves the instruction of
the position that approves every other (the rector's) is the organisation's decision: while its
approval clause still holds that text left to write (``[[кем утверждается: …]]``, as ``dlo new``
writes it, DLO114), ``approval.by`` is read once it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import persons
from ..errors import Problem
from ..i18n import Msg
from ..model import Registry, own_position, text_in
from ..unwritten import unwritten
from .rule import Rule
from .view import View


def approval_unwritten(view: View) -> bool:
    """Whether the clause stating who approves still holds a text left to write."""
    doc = view.model
    return any(
        unwritten(text_in(clause.text, lang, doc.main_lang) or "")
        for _, _, clause in doc.clauses()
        if clause.states == "approval"
        for lang in doc.languages
    )


def _holder(registry: Registry, pid: str) -> dict[str, str]:
    """A position's holder's names by language (empty: vacant, or no such position)."""
    found = next((p for p in registry.positions if p.id == pid), None)
    return dict((found.holder if found is not None else None) or {})


def shared(registry: Registry, own: str, other: str) -> str | None:
    """The name of ``own``'s holder when ``other`` is ``own``'s position (``""``) or has the same
    holder (one person holding both, acting in one of them: ``persons.shared``); None otherwise.
    ``approve``, ``submit`` and ``agree`` ask the same of a round (``workflow.guards``)."""
    if other == own:
        return ""
    return persons.shared(_holder(registry, own), _holder(registry, other))


def _alike(registry: Registry, own: str, other: str, holder: str, hint: Msg) -> Msg:
    """``hint``, or, where the two holders' names are not one name but only ones a certificate
    could name both ("М. Р. Бекова", "Маржан Бекова"), how to tell two people apart first."""
    names = {persons.key(str(n)) for n in _holder(registry, own).values()}
    if not holder or names & {persons.key(str(n)) for n in _holder(registry, other).values()}:
        return hint
    return Msg(
        "if {holder} and the holder of {other} are two people, write each one's name in full "
        "in regulations/registry.yaml (surname, first name and patronymic: as they are, one "
        "certificate could name both); else: {hint}",
        holder=holder,
        other=other,
        hint=hint,
    )


def _agreeing(own: str, other: str, holder: str, unit: str) -> Msg:
    """Why ``other`` among the approvers is the holder agreeing to their own document: a job
    instruction's (``unit`` empty) or the regulation of ``unit``, headed by ``own``."""
    if unit and not holder:
        return Msg(
            "the regulation of unit {unit} names its own head {own} among its approvers: the "
            "head would agree to the regulation of their own unit",
            unit=repr(unit),
            own=repr(own),
        )
    if unit:
        return Msg(
            "the regulation of unit {unit} names {other} among its approvers, whose holder "
            "({holder}) heads it as {own} too: they would agree to the regulation of their own "
            "unit",
            unit=repr(unit),
            own=repr(own),
            other=repr(other),
            holder=holder,
        )
    if not holder:
        return Msg(
            "the job instruction of {own} names {own} among its approvers: the holder would "
            "agree to their own instruction",
            own=repr(own),
        )
    return Msg(
        "the job instruction of {own} names {other} among its approvers, whose holder "
        "({holder}) holds {own} too: they would agree to their own instruction",
        own=repr(own),
        other=repr(other),
        holder=holder,
    )


def _approver(view: View, own: str, i: int, approver: str, holder: str, unit: str) -> Problem:
    message = _agreeing(own, approver, holder, unit)
    hint = Msg(
        "remove {own} from agreement.approvers, and from the clause naming them", own=approver
    )
    hint = _alike(view.registry, own, approver, holder, hint)
    return view.problem(RULE, view.source.at(["agreement", "approvers", i]), message, hint)


def _approving_message(own: str, by: str, holder: str, unit: str) -> Msg:
    """Why ``by`` approving is the holder approving their own document (``_agreeing``)."""
    if unit and not holder:
        return Msg(
            "the regulation of unit {unit} is approved by its own head {own}: the head would "
            "approve the regulation of their own unit",
            unit=repr(unit),
            own=repr(own),
        )
    if unit:
        return Msg(
            "the regulation of unit {unit} is approved by {other}, whose holder ({holder}) "
            "heads it as {own} too: they would approve the regulation of their own unit",
            unit=repr(unit),
            own=repr(own),
            other=repr(by),
            holder=holder,
        )
    if not holder:
        return Msg(
            "the job instruction of {own} is approved by {own} itself: the holder would "
            "approve their own instruction",
            own=repr(own),
        )
    return Msg(
        "the job instruction of {own} is approved by {other}, whose holder ({holder}) holds "
        "{own} too: they would approve their own instruction",
        own=repr(own),
        other=repr(by),
        holder=holder,
    )


def _approving(view: View, own: str, by: str, holder: str, unit: str) -> Problem:
    message = _approving_message(own, by, holder, unit)
    hint = Msg(
        "set approval.by to the official who approves it (and say so in the clause stating "
        "approval)"
    )
    hint = _alike(view.registry, own, by, holder, hint)
    return view.problem(RULE, view.source.at(["approval", "by"]), message, hint)


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    own = own_position(view.registry, doc.kind, doc.position, doc.unit)
    if not own:
        return
    unit = doc.unit if doc.kind != "job_instruction" else ""
    for i, approver in enumerate(doc.agreement.approvers):
        if (holder := shared(view.registry, own, approver)) is not None:
            yield _approver(view, own, i, approver, holder, unit)
    holder = shared(view.registry, own, doc.approval.by)
    if holder is not None and not approval_unwritten(view):
        yield _approving(view, own, doc.approval.by, holder, unit)


RULE = Rule(
    "DLO121",
    "self-approval",
    "error",
    "a regulation agreed or approved by its own position (a unit regulation's: its unit's head)",
    check,
)
