"""What an output of a regulation shows, and as what: the controlled-copy rule.

Anything printed with an order number, an approval date or "in force" is the frozen edition
``regulations/<id>/editions/<n>.yaml`` whose content hash the journal's approval recorded, with
the records of that edition (its order, the agreements that led to it, the editions up to it,
the periodic reviews). The working ``regulation.yaml`` is only ever shown as a draft: marked
ЖОБА / ПРОЕКТ and with no approval filled in.

``select(project, registry, reg_id)`` gives the edition in force; with ``draft=True`` the working
draft. A regulation with no edition in force (never approved, or withdrawn) gives its draft, with
``fallback`` saying so, so that every regulation can still be printed for agreement. Nothing
is shown of a journal that does not verify (``workflow.intact``), the draft's agreements
included: a forged withdrawal, or an approval made void by hand, would otherwise replace the
edition in force with the draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import workflow
from .errors import DloError, Location, error
from .i18n import Msg
from .project import Document, Loaded, Project
from .records import Records
from .workflow.state import OPEN

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from collections.abc import Collection

    from .context import RenderDoc
    from .model import Registry


@dataclass
class Subject:
    """The text a render prints (a draft or an edition) and the records its forms show."""

    id: str
    document: Document
    records: Records
    draft: bool
    fallback: Msg | None = None  # why the draft is shown though the edition in force was asked
    # the edition in force when no draft is open (no revision, or its round ended): a draft's
    # outputs of the regulation are then an earlier one's, and a draft asked for says so
    closed: int | None = None
    unopened: Msg | None = None  # a draft asked for when none is open: what is printed
    # the organisation's day it is chosen on (DLO_TODAY when set): a draft's title page's year
    today: dt.date | None = None

    def context(
        self,
        registry: Registry,
        lang: str | None,
        project: Project,
        *,
        kept: bool = False,
        parts: Collection[str] | None = None,
    ) -> RenderDoc:
        """It resolved in ``lang`` for printing (``context.build``: its document, records, draft
        state and day, the project's templates; ``parts`` of the forms, default all)."""
        from . import context, form_names

        return context.build(
            self.document,
            registry,
            lang,
            project.templates,
            self.records,
            self.draft,
            kept=kept,
            parts=form_names.EVERY if parts is None else parts,
            today=self.today,
        )


def _working(project: Project, registry: Registry, reg_id: str) -> Document:
    loaded = Loaded(registry=registry)
    document = project.load_file(project.regulation_path(reg_id), loaded)
    if document is None or loaded.errors:
        raise DloError(loaded.errors)
    return document


def _frozen(project: Project, reg_id: str, n: int, approval: workflow.Event) -> Document:
    """Edition ``n`` from its frozen file, refused unless it is exactly the approved text."""
    document = workflow.load_edition(project, reg_id, n)
    if document.content_hash != approval.content_hash:
        raise DloError(
            error(
                Location(project.display(document.path), 1, 1),
                "DLO606",
                Msg(
                    "frozen edition {n} of {reg_id} differs from the text approved in journal event {seq}: it is not rendered",
                    n=n,
                    reg_id=reg_id,
                    seq=approval.seq,
                ),
                Msg(
                    "restore it from version control (dlo verify {reg_id}); until then the draft is not rendered either (its sheets list this edition)",
                    reg_id=reg_id,
                ),
            )
        )
    return document


def select(project: Project, registry: Registry, reg_id: str, draft: bool = False) -> Subject:
    """The text and records an output of ``reg_id`` shows (see the module's docstring)."""
    h = workflow.history(project, reg_id)
    workflow.intact(project, reg_id)  # nothing is shown of a history that does not verify
    today = workflow.today(registry.organisation.timezone)
    closed = h.in_force if h.state not in OPEN else None
    if not draft and h.in_force is not None:
        n = h.in_force
        document = _frozen(project, reg_id, n, h.approvals[n])
        records = workflow.edition_records(project, reg_id, n, registry)
        return Subject(reg_id, document, records, draft=False, today=today, closed=closed)
    fallback = None
    if not draft:
        fallback = (
            Msg(
                "{id} has no edition in force: rendered as a draft (it has been withdrawn)",
                id=reg_id,
            )
            if h.state == "withdrawn"
            else Msg("{id} has no edition in force: rendered as a draft", id=reg_id)
        )
    document = _working(project, registry, reg_id)
    records = workflow.records(project, reg_id)
    chosen = Subject(reg_id, document, records, draft=True, fallback=fallback, today=today)
    if draft and closed is not None:
        chosen.closed = closed
        chosen.unopened = Msg(
            "{id} has no draft open (edition {n} is in force): regulation.yaml is printed as a "
            "draft; to change the edition, open a revision first: dlo revise {id}",
            id=reg_id,
            n=closed,
        )
    return chosen
