"""The workflow: states, editions and the tamper-evident journal (issue 6, ҚП 082-2022).

Public interface (other areas code against it):

- ``status(project, reg_id) -> Status``
- ``load_edition(project, reg_id, n) -> project.Document`` (UsageError if edition ``n`` is missing)
- ``events(project, reg_id) -> list[Event]``
- ``revision_reason(project, reg_id) -> str | None``
- ``records(project, reg_id) -> records.Records``

This first version is the agreed contract with stub behaviour (every regulation is a draft with
an empty journal); the implementation follows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import records as _records
from ..errors import DloError, UsageError
from ..project import Document, Loaded, Project


@dataclass(frozen=True)
class Event:
    """One journal event. ``data`` holds event-specific fields (reason, order, remarks, ...)."""

    seq: int
    time: str
    role: str | None
    actor: str
    event: str
    edition: int
    content_hash: str
    prev_hash: str
    hash: str
    data: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:  # event-specific data: ev.reason, ev.order ...
        data = self.__dict__.get("data") or {}
        if name in data:
            return data[name]
        raise AttributeError(name)


@dataclass
class Status:
    id: str
    state: str
    edition_in_force: int | None = None
    in_force_order: _records.Order | None = None
    draft_edition: int | None = None
    pending: list[str] = field(default_factory=list)
    review_due: dt.date | None = None
    voided: bool = False


def _document(project: Project, reg_id: str) -> Document:
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(project.regulation_path(reg_id), loaded)
    if document is None or loaded.errors:
        raise DloError(loaded.errors)
    return document


def status(project: Project, reg_id: str) -> Status:
    document = _document(project, reg_id)
    return Status(id=reg_id, state="draft", draft_edition=document.model.edition)


def load_edition(project: Project, reg_id: str, n: int) -> Document:
    path = project.folder(reg_id) / "editions" / f"{n}.yaml"
    if not path.is_file():
        raise UsageError(f"regulation {reg_id!r} has no edition {n}", "dlo status shows the editions")
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(path, loaded)
    if document is None:
        raise DloError(loaded.errors)
    return document


def events(project: Project, reg_id: str) -> list[Event]:
    project.regulation_path(reg_id)
    return []


def revision_reason(project: Project, reg_id: str) -> str | None:
    return None


def records(project: Project, reg_id: str) -> _records.Records:
    return _records.Records()
