"""The read-only view of a regulation's life that other areas (the site, the forms, the diff)
use: its status, its journal's events, the history they tell, its frozen editions. Nothing here
writes, but to complete an approval a kill interrupted after it was journaled (``intact``)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import lazy
from ..errors import DloError, Location, Problem, error
from ..i18n import Msg
from ..project import Document, Loaded, Project
from . import corrections, editions, integrity
from . import journal as _journal
from . import status as _status
from .journal import Event
from .state import History, replay

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Registry
    from . import loading
else:  # a working text is loaded for its status, not to read a journal or print an edition
    loading = lazy.module("dlo_docs.workflow.loading")


def status(project: Project, reg_id: str) -> _status.Status:
    """The state of regulation ``reg_id``: its working text, the edition in force, who has yet
    to agree, when the next periodic review is due."""
    return _status.of(loading.load(project, reg_id))


def journal_status(project: Project, reg_id: str, registry: Registry) -> _status.Status:
    """What the journal alone tells of ``reg_id`` (``status.from_history``): the working text is
    not read, so it need not validate."""
    return _status.from_history(reg_id, history(project, reg_id), registry)


def events(project: Project, reg_id: str) -> list[Event]:
    """The journal's events in order (no journal yet: none), each as corrected by the
    ``corrected`` events after it (see ``corrections.py``). A journal that does not read as a
    list of well-formed events raises DloError; the chain is checked by ``verify``."""
    project.regulation_path(reg_id)
    return corrections.apply(_journal.events_or_raise(project, reg_id))


def intact(project: Project, reg_id: str, editions: bool = False) -> None:
    """Raise DloError naming every edited, deleted, inserted or reordered event of ``reg_id``'s
    journal (DLO601-DLO605, as ``verify``), every correction that is not one (DLO611), every
    event no command would have written (DLO612), and, on a whole chain, every event the registry
    requires signed that is not (DLO907) and every signature that fails a check (DLO903-DLO908),
    after a first error naming the regulation (DLO910): what an output shows as approved is never
    read from a forged history, nor from one whose signatures were stripped or swapped and its
    chain recomputed. With ``editions``, also the frozen edition in force when it is not the text
    its approval recorded (DLO606) or is missing (DLO607): one content hash, cached by the file's
    content (the register and ``dlo status``; an output checks the edition it shows itself)."""
    project.regulation_path(reg_id)
    journal = _journal.read(project, reg_id)
    if _interrupted(project, reg_id, journal):
        journal = _journal.read(project, reg_id)  # as it was when the approval was completed
    problems = _journal.verified(project, journal) or [
        p for p in integrity.replay_problems(project, reg_id, journal) if p.severity == "error"
    ]
    if not problems and editions:
        problems = _edition_in_force(project, reg_id, journal)
    if not problems:
        problems = _unsigned_or_failing(project, reg_id, journal)
    if problems:
        raise DloError(problems)


def _interrupted(project: Project, reg_id: str, journal: _journal.Journal) -> bool:
    """Complete an approval journaled but interrupted before its frozen copy was moved into
    place, under the journal's lock, as a write command does (``editions.complete_approvals``):
    any command completes it. True when it tried (the journal is then read again); a folder
    this user cannot write, or a lock another command holds, leaves it to the next command."""
    if journal.problems:
        return False
    approved = {e.edition for e in journal.events if e.event in _journal.APPROVALS}
    finals = [editions.path(project, reg_id, n) for n in sorted(approved)]
    if not any(not f.exists() and editions.pending_path(f).is_file() for f in finals):
        return False
    with contextlib.suppress(DloError, OSError), _journal.lock(project, reg_id, timeout=1.0):
        events = _journal.read(project, reg_id).events
        editions.complete_approvals(project, reg_id, replay(corrections.apply(events)))
    return True


def _edition_in_force(project: Project, reg_id: str, journal: _journal.Journal) -> list[Problem]:
    """DLO606 or DLO607 when the frozen edition in force is not exactly the text its approval
    (the last approval of that edition in the journal) recorded."""
    evs = journal.events
    n = replay(corrections.apply(evs)).in_force
    if n is None:
        return []
    index, ev = [
        (i, e) for i, e in enumerate(evs) if e.event in _journal.APPROVALS and e.edition == n
    ][-1]
    found = integrity.frozen_problems(project, reg_id, journal, index, ev, kept=True)
    return [p for p in found if p.severity == "error"]


def _unsigned_or_failing(project: Project, reg_id: str, journal: _journal.Journal) -> list[Problem]:
    """The errors of ``signatures.verify`` (none when no event is signed and the registry
    requires none: then cryptography is not even loaded), after DLO910 naming ``reg_id``."""
    loaded = Loaded()
    project.load_registry(loaded)
    policy = loaded.registry.signatures.required if loaded.registry is not None else []
    if not policy and not any(_journal.SIGNATURE in e for e in journal.entries):
        return []
    from . import signatures  # cryptography is loaded only where signatures are checked

    found = [p for p in signatures.verify(project, journal, loaded) if p.severity == "error"]
    if not found:
        return []
    first = error(
        Location(journal.display),
        "DLO910",
        Msg(
            "{reg_id} is not shown as approved: a signature its journal must carry is missing or "
            "fails (errors: {n}, below)",
            reg_id=reg_id,
            n=len(found),
        ),
        Msg(
            "restore the journal from version control (dlo verify {reg_id} names each failure); "
            "a removed signature cannot be put back",
            reg_id=reg_id,
        ),
    )
    return [first, *sorted(set(found))]


def approved_edition(project: Project, reg_id: str, n: int) -> Document:
    """Frozen edition ``n`` as a comparison sets it beside another: where the journal approved
    editions, only one it approved as ``n`` (DLO608: a file put in editions/ by hand is none)
    and exactly the text that approval recorded (DLO606, DLO607); a regulation whose journal
    approved none (no journal yet), its frozen files as they are. UsageError when there is no
    such file (``editions.load_edition``)."""
    approvals = history(project, reg_id).approvals
    document = editions.load_edition(project, reg_id, n)
    if not approvals:
        return document
    if n not in approvals:
        raise DloError(integrity.unrecorded(project.display(document.path), str(n)))
    integrity.approved_text(project, reg_id, approvals[n])
    return document


def history(project: Project, reg_id: str) -> History:
    """The history the journal tells (state, approvals, rounds, reviews), without reading the
    working text: usable while the draft is being edited and does not validate."""
    return replay(events(project, reg_id))


def revision_reason(project: Project, reg_id: str, lang: str | None = None) -> str | None:
    """The reason given for the open revision (None when no revision is open), in ``lang``'s
    own wording where one was given (``reason_in``)."""
    h = history(project, reg_id)
    return reason_in(h.revision, lang) if h.open and h.revision is not None else None


def reason_in(revised: Any, lang: str | None) -> str | None:
    """A ``revised`` event's reason as ``lang`` shows it: the wording given for that language
    (``dlo revise --reason-ru``), else the reason (None: none recorded)."""
    worded = revised.get("reasons")
    if lang and isinstance(worded, dict) and isinstance(worded.get(lang), str) and worded[lang]:
        return str(worded[lang])
    reason = revised.get("reason")
    return reason if isinstance(reason, str) else None


def journal_path(project: Project, reg_id: str) -> Path:
    """``regulations/<id>/journal.yaml`` (it may not exist yet)."""
    return _journal.path_of(project, reg_id)
