"""DLO121: a job instruction agreed or approved by its own position.

The holder of a position drafts and follows its job instruction; agreeing to it or approving it
is not theirs to do, or the draft authorizes itself: ``agreement.approvers`` naming the position
puts its holder on the route, and ``approval.by`` naming it lets the holder's own order (or
signature) approve it, a self-approval every form would then print as approved. An error, so
``submit``, ``approve`` and ``register-paper`` refuse such a draft. Who approves the instruction of
the position that approves every other (the rector's) is the organisation's decision: while its
approval clause still holds that text left to write (``[[кем утверждается: …]]``, as ``dlo new``
writes it, DLO114), ``approval.by`` is read once it is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from ..model import text_in
from ..unwritten import unwritten
from .rule import Rule
from .view import View


def _approval_unwritten(view: View) -> bool:
    """Whether the clause stating who approves still holds a text left to write."""
    doc = view.model
    return any(
        unwritten(text_in(clause.text, lang, doc.main_lang) or "")
        for _, _, clause in doc.clauses()
        if clause.states == "approval"
        for lang in doc.languages
    )


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    own = doc.position
    if doc.kind != "job_instruction" or not own:
        return
    for i, approver in enumerate(doc.agreement.approvers):
        if approver == own:
            yield view.problem(
                RULE,
                view.source.at(["agreement", "approvers", i]),
                Msg(
                    "the job instruction of {own} names {own} among its approvers: the holder "
                    "would agree to their own instruction",
                    own=repr(own),
                ),
                Msg(
                    "remove {own} from agreement.approvers, and from the clause naming them",
                    own=own,
                ),
            )
    if doc.approval.by == own and not _approval_unwritten(view):
        yield view.problem(
            RULE,
            view.source.at(["approval", "by"]),
            Msg(
                "the job instruction of {own} is approved by {own} itself: the holder would "
                "approve their own instruction",
                own=repr(own),
            ),
            Msg(
                "set approval.by to the official who approves it (and say so in the clause "
                "stating approval)"
            ),
        )


RULE = Rule(
    "DLO121",
    "self-approval",
    "error",
    "a job instruction agreed or approved by its own position",
    check,
)
