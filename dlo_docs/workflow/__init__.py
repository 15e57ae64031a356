"""The workflow: states, editions and the tamper-evident journal (ҚП 082-2022).

A regulation's life is recorded in ``regulations/<id>/journal.yaml`` (see ``journal.py``) and
replayed into its state (see ``state.py``)::

    draft --submit--> agreement --agree (every approver)--> agreed --approve--> in_force
      ^                   |  (reject: back to the drafter with remarks)            |
      +-------------------+                                   revise: a new draft -+
    in_force --withdraw--> withdrawn;  approving edition n+1 supersedes edition n

Authority comes from what was approved: who may revise, and the route of a submission, are read
from the edition in force; the route is fixed in the submission event. Each event records the
clerk who entered it and the registry facts it shows (``facts.py``); every write first verifies
the history it appends to, and nothing with ``dlo check`` errors is submitted or approved
(``guards.py``).

Approving freezes the text as ``regulations/<id>/editions/<n>.yaml``. Editing the draft after
agreement began voids the agreements given (the journal records the hash of the text each
approver agreed on), so ``approve`` refuses until the draft is resubmitted.

Public interface (other areas code against it; nothing else of the package is public):

- read-only (``history.py``): ``status(project, reg_id) -> Status``, ``events(project, reg_id)
  -> list[Event]``, ``history(project, reg_id) -> History`` (the journal's story without reading
  the working text), ``revision_reason(project, reg_id, lang)``, ``reason_in(revised, lang)``, ``journal_path(project, reg_id)``,
  ``intact(project, reg_id, editions=False)`` (DloError when the journal's chain is broken, or a
  signature the registry requires is missing or any signature fails, and with ``editions`` when
  the frozen edition in force is not the approved text: outputs never show a forged history);
- editions (``editions.py``): ``load_edition(project, reg_id, n) -> project.Document``
  (UsageError if edition ``n`` is missing), ``edition_folder(project, reg_id)``;
  ``approved_edition(project, reg_id, n)`` (``history.py``: the same, refused unless it is the
  text the journal approved as edition ``n``, where the journal approved any);
- the forms (``forms.py``): ``records(project, reg_id) -> records.Records`` (the working
  draft's: no order, the editions before it), ``edition_records(project, reg_id, n, registry)`` (approved edition ``n``'s, from
  the journal alone; names by language), ``recorded_by(event)`` (the clerk's name by language), ``person(actor)``,
  ``changed_clauses(old, new) -> records.ChangedClauses`` (changed, then removed), ``WHOLE_TEXT``;
- the commands (``commands.py``): ``revise``, ``submit``, ``approve``; ``agree``, ``reject``
  (``agreement.py``); ``withdraw``, ``review`` (``in_force.py``); ``cancel`` and ``correct`` (``amend.py``, ``corrections.py``); ``register_paper`` (``paper.py``: an
  edition approved on paper before the workflow, one ``registered`` event) (agree, reject, approve, review, register_paper, withdraw and correct signed with ``signer=``, see
  ``signatures.py``); integrity (``integrity.py``): ``verify``, ``export_signatures``.

Each command holds the journal lock from reading the state to writing the event, so two commands
never act on the same state; every write is atomic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .dates import today
from .editions import EDITIONS, load_edition
from .editions import folder as edition_folder
from .forms import WHOLE_TEXT, changed_clauses, edition_records, person, recorded_by, records
from .history import (
    approved_edition,
    events,
    history,
    intact,
    journal_path,
    journal_status,
    reason_in,
    revision_reason,
    status,
)
from .integrity import export_signatures, verify
from .journal import APPROVALS, Event, content_hash
from .state import History
from .status import STATE_NAMES, STATES, Status, state_name

if TYPE_CHECKING:
    from .agreement import agree, reject
    from .amend import cancel, correct
    from .commands import approve, revise, submit
    from .in_force import review, withdraw
    from .paper import register_paper

# The commands that write are imported at their first use: what reads (the history, the
# forms, the editions an output shows) does not load what writing needs (the lint rules run
# before a write, the signing of decisions and its cryptography).
_COMMANDS = {
    "agree": "agreement",
    "reject": "agreement",
    "cancel": "amend",
    "correct": "amend",
    "approve": "commands",
    "revise": "commands",
    "submit": "commands",
    "review": "in_force",
    "withdraw": "in_force",
    "register_paper": "paper",
}


def __getattr__(name: str) -> Any:
    module = _COMMANDS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "APPROVALS",
    "EDITIONS",
    "STATES",
    "STATE_NAMES",
    "WHOLE_TEXT",
    "Event",
    "History",
    "Status",
    "agree",
    "approve",
    "approved_edition",
    "cancel",
    "changed_clauses",
    "correct",
    "content_hash",
    "edition_folder",
    "edition_records",
    "events",
    "export_signatures",
    "history",
    "intact",
    "journal_path",
    "journal_status",
    "load_edition",
    "person",
    "recorded_by",
    "records",
    "register_paper",
    "reject",
    "review",
    "revise",
    "reason_in",
    "revision_reason",
    "state_name",
    "status",
    "submit",
    "today",
    "verify",
    "withdraw",
]
