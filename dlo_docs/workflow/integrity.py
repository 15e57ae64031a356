"""Integrity: ``verify`` checks each journal's hash chain and that every frozen edition is
exactly the text its approval recorded (and that no edition exists without an approval); ``dlo
verify`` also checks the signatures of signed events (``signatures.py``)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import snapshots
from ..errors import DloError, Location, Problem, error, warning
from ..i18n import Msg
from ..project import Loaded, Project
from . import corrections, editions, hidden, legality
from . import journal as _journal
from .governing import Governing, Governs, headed, of_text
from .journal import Event

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Registry, Regulation

_GOVERNING = "governing facts"  # what ``snapshots`` keeps of a frozen edition for ``governing``


def frozen_problems(
    project: Project,
    reg_id: str,
    journal: _journal.Journal,
    index: int,
    ev: Event,
    kept: bool = False,
) -> list[Problem]:
    """Frozen edition ``ev.edition`` is in place and is exactly the text ``ev`` approved
    (``kept``: its hash may be the one kept in the user's cache, see ``editions.file_hash``)."""
    n = ev.edition
    path = editions.path(project, reg_id, n)
    if not path.is_file():
        pending = editions.pending_path(path)
        if pending.is_file() and editions.file_hash(pending, project) == ev.content_hash:
            return [
                warning(
                    Location(project.display(pending)),
                    "DLO608",
                    Msg(
                        "the approval of edition {n} (journal event {seq}) was interrupted before its frozen copy was moved into place",
                        n=n,
                        seq=ev.seq,
                    ),
                    Msg("any dlo command on it completes it"),
                )
            ]
        return [_missing(project.display(path), ev, journal.at(index))]
    if editions.file_hash(path, project, kept) != ev.content_hash:
        return [_edited(project.display(path), ev)]
    return []


def approved_text(project: Project, reg_id: str, ev: Event) -> Regulation:
    """The text of the frozen edition approval ``ev`` froze, once its file is exactly that text:
    what an output prints of an edition it does not show itself (the clauses each edition
    changed, on the change registration sheet; the current wording of a comparison) is never
    read from a frozen file edited, replaced or removed since. DloError otherwise (DLO607
    missing, DLO606 edited), as ``verify`` names it."""
    path = editions.path(project, reg_id, ev.edition)
    display = project.display(path)
    if not path.is_file():
        raise DloError(_missing(display, ev, Location(display)))
    model = editions.frozen_model(project, reg_id, ev.edition)  # read through its snapshot
    if model is None or _journal.content_hash(model) != ev.content_hash:
        raise DloError(_edited(display, ev))
    return model


def _missing(display: str, ev: Event, where: Location) -> Problem:
    return error(
        where,
        "DLO607",
        Msg(
            "frozen edition {n} ({display}) is missing: the journal approved it in event {seq}",
            n=ev.edition,
            display=display,
            seq=ev.seq,
        ),
        Msg("restore it from version control"),
    )


def _edited(display: str, ev: Event) -> Problem:
    return error(
        Location(display, 1, 1),
        "DLO606",
        Msg(
            "frozen edition {n} was edited after its approval (journal event {seq}): its content differs from the text that was approved",
            n=ev.edition,
            seq=ev.seq,
        ),
        Msg("restore it from version control; change a regulation by revising it (dlo revise)"),
    )


def governing(project: Project, reg_id: str) -> Governs:
    """Each frozen edition's route, authority and change initiators, as its file gives them
    (read once; None when it cannot be read or does not validate: ``frozen_problems`` and the
    outputs say so; a file edited after its approval is named by its hash, DLO606). A reading
    command keeps them in the user's cache by the file's bytes (``snapshots.plain``). A unit
    regulation's own position, its unit's head, is the registry's now (``governing.headed``):
    what is kept is the file's alone; an approval or registration that recorded the head it had
    is judged by that one instead (``governing.as_recorded``)."""

    @functools.cache
    def of(n: int) -> Governing | None:
        text = _read(n)
        return headed(text, _registry(project)) if text is not None and text.unit else text

    def _read(n: int) -> Governing | None:
        path = editions.path(project, reg_id, n)
        raw, _ = project.read_raw(path)
        kept = (
            _as_governing(snapshots.plain(_GOVERNING, raw)) if raw and project.snapshots else None
        )
        if kept is not None or raw is None:
            return kept
        model = project.regulation_model(path)
        if model is None:
            return None
        found = of_text(model)
        if project.snapshots:
            snapshots.keep_plain(_GOVERNING, raw, list(found))
        return found

    return of


def _registry(project: Project) -> Registry | None:
    """The project's registry (None: it cannot be read; ``verify`` and ``check`` say why)."""
    loaded = Loaded()
    project.load_registry(loaded)
    return loaded.registry


def _as_governing(data: object) -> Governing | None:
    """What was kept, when it has the shape ``governing`` keeps (else a miss)."""
    if not (isinstance(data, list) and len(data) == len(Governing._fields)):
        return None
    route, kind, by, form, initiators, text_id, own, edition, unit = data
    lists = all(
        isinstance(x, list) and all(isinstance(r, str) for r in x) for x in (route, initiators)
    )
    texts = all(isinstance(x, str) for x in (kind, by, form, text_id, own, unit))
    number = isinstance(edition, int) and not isinstance(edition, bool)
    return Governing(*data) if lists and texts and number else None


def foreign(
    project: Project, reg_id: str, journal: _journal.Journal, governs: Governs
) -> list[Problem]:
    """Frozen editions the journal approved that are another regulation's text (their ``id``
    is not ``reg_id``: a journal and its editions copied from another regulation's folder)."""
    problems = []
    for ev in journal.events:
        text = governs(ev.edition) if ev.event in _journal.APPROVALS else None
        if text is not None and text.id != reg_id:
            path = editions.path(project, reg_id, ev.edition)
            problems.append(
                error(
                    Location(project.display(path), 1, 1),
                    "DLO022",
                    Msg(
                        "frozen edition {n} is the text of {other}, not of {reg_id}: its journal and editions came from another regulation's folder",
                        n=ev.edition,
                        other=text.id,
                        reg_id=reg_id,
                    ),
                    Msg("restore the regulation's journal and editions from version control"),
                )
            )
    return problems


def corrections_problems(journal: _journal.Journal) -> list[Problem]:
    """Correction events that correct nothing correctable, or break the order of dates (DLO611)."""
    return [
        error(
            journal.at(index),
            "DLO611",
            message,
            Msg(
                "a correction is written by dlo correct only: restore the journal from version control"
            ),
        )
        for index, message in corrections.problems(journal.events)
    ]


def unrecorded(display: str, stem: str) -> Problem:
    """DLO608: the frozen file ``display`` of edition ``stem`` that no approval accounts for."""
    return error(
        Location(display),
        "DLO608",
        Msg("edition {stem} is not recorded in the journal: no approval event for it", stem=stem),
        Msg(
            "a frozen edition exists only by approval; restore the journal from version "
            "control, or remove the file"
        ),
    )


def _unrecorded(
    project: Project, reg_id: str, approved: set[int], first: bool = False
) -> list[Problem]:
    """Frozen editions (and interrupted approvals) that no approval event accounts for.
    ``first``: the journal records nothing yet, so an interrupted approval was a registration
    from paper (``dlo approve`` would be refused: nothing was submitted)."""
    folder = editions.folder(project, reg_id)
    if not folder.is_dir():
        return []
    problems = [
        unrecorded(project.display(path), path.stem)
        for path in sorted(folder.glob("*.yaml"))
        if path.stem.isdecimal() and int(path.stem) not in approved
    ]
    for path in sorted(folder.glob("*.yaml.pending")):
        n = path.name.split(".")[0]
        if not (n.isdecimal() and int(n) in approved):
            problems.append(
                warning(
                    Location(project.display(path)),
                    "DLO610",
                    Msg("an approval of edition {n} was interrupted before it was journaled", n=n),
                    Msg(
                        "delete the file, or register it again: dlo register-paper {reg_id} ...",
                        reg_id=reg_id,
                    )
                    if first
                    else Msg(
                        "delete the file, or approve again: dlo approve {reg_id} ...", reg_id=reg_id
                    ),
                )
            )
    return problems


def check(project: Project, reg_id: str, journal: _journal.Journal) -> list[Problem]:
    """Every problem with ``journal`` (as read) and the frozen editions it approved."""
    problems = _journal.verified(project, journal)
    if journal.problems:
        return problems
    approved: dict[int, tuple[int, Event]] = {}
    for index, ev in enumerate(journal.events):
        if ev.event in _journal.APPROVALS:
            approved[ev.edition] = (index, ev)
    for _n, (index, ev) in sorted(approved.items()):
        problems += frozen_problems(project, reg_id, journal, index, ev)
    problems += replay_problems(project, reg_id, journal)
    return problems + _unrecorded(project, reg_id, set(approved), not journal.events)


def replay_problems(project: Project, reg_id: str, journal: _journal.Journal) -> list[Problem]:
    """What replaying a chain that holds finds: corrections that are none (DLO611), frozen
    editions of another regulation (DLO022), events no command would write where they stand
    (DLO612, the route and initiators judged against the frozen editions)."""
    governs = governing(project, reg_id)
    return (
        corrections_problems(journal)
        + foreign(project, reg_id, journal, governs)
        + legality.check(journal, governs)
        + hidden.problems(journal.entries, journal.at)
    )


def _verify_one(project: Project, reg_id: str) -> list[Problem]:
    journal = _journal.read(project, reg_id)
    problems = check(project, reg_id, journal) + _journal.leftover_warnings(project, reg_id)
    if not journal.problems:
        from . import signatures  # cryptography is loaded only where signatures are checked

        problems += signatures.verify(project, journal)
    return problems


def export_signatures(project: Project, reg_id: str, folder: Path) -> list[Path]:
    """Write the signatures of ``reg_id``'s journal for ``openssl cms -verify`` (see
    ``signatures.export``)."""
    from . import signatures

    project.regulation_path(reg_id)
    return signatures.export(project, reg_id, folder)


def verify(project: Project, ids: Iterable[str] = ()) -> dict[str, list[Problem]]:
    """Check each regulation's journal chain and frozen editions (default: every regulation).
    Returns the problems per regulation (an empty list: intact)."""
    ids = list(ids)
    for reg_id in ids:
        project.regulation_path(reg_id)
    return {
        reg_id: sorted({*_verify_one(project, reg_id), *filter(None, [project.missing(reg_id)])})
        for reg_id in ids or project.ids()
    }
