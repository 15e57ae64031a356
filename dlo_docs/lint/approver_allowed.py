"""DLO124: a regulation approved by an official its organisation does not let approve.

Who approves a regulation is, for a first edition, whatever its draft's ``approval.by`` says: a
drafter could name a colleague, or a position below their own, and every form would print that
official's approval. An organisation that says who may approve its regulations (the registry's
``organisation.approvers``, or an imported organisation's under ``organisations:``; the
university's procedure: the Chairman of the Board–Rector) has any other official refused: an
error, so ``submit``, ``approve`` and ``register-paper`` refuse such a draft, as they refuse a
self-approval (DLO121). No list: any position, as before. While the clause stating approval is
still left to write (DLO114), ``approval.by`` is not judged yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .self_approval import approval_unwritten
from .view import View


def _named(view: View, pid: str) -> str:
    """A position as the message names it: its id, and its title in the regulation's language
    ("'rector' (Басқарма Төрағасы – Ректор)"), which a clerk knows it by."""
    title = next((p.title for p in view.registry.positions if p.id == pid), {})
    shown = str(title.get(view.model.main_lang) or "").strip()
    return f"{pid!r} ({shown})" if shown else repr(pid)


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    organisation = view.registry.organisation_of(doc.organisation)
    allowed = organisation.approvers
    if not allowed or doc.approval.by in allowed or approval_unwritten(view):
        return
    name = str(organisation.name.get(doc.main_lang) or "").strip()
    said = f"{organisation.id!r} ({name})" if name else repr(organisation.id)
    yield view.problem(
        RULE,
        view.source.at(["approval", "by"]),
        Msg(
            "{by} may not approve the regulations of {organisation}: regulations/registry.yaml "
            "lets only {allowed} approve them",
            by=_named(view, doc.approval.by),
            organisation=said,
            allowed=", ".join(_named(view, pid) for pid in allowed),
        ),
        Msg(
            "set approval.by to one of them (and say so in the clause stating approval); or, "
            "where the organisation decides that {by} approves (the board the rector's own "
            "instruction, say), add {by} to its approvers in regulations/registry.yaml",
            by=doc.approval.by,
        ),
    )


RULE = Rule(
    "DLO124",
    "approver-allowed",
    "error",
    "a regulation approved by an official its organisation does not let approve",
    check,
)
