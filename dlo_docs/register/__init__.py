"""The register: the list the documentation office keeps of every regulation — code, title,
unit, state, edition in force, approving order, effective date, next periodic review and whom the
draft waits for — read from the workflow (``workflow.status``), never typed.

A regulation that cannot be read is listed too, with its state ``error`` and the first problem,
so one broken file never hides the others; so is one whose journal does not verify as every output
shown as approved verifies it (``workflow.intact``: the hash chain, the events no command would
have written, the signatures the registry requires and every signature there, the frozen edition in
force), its orders and dates not shown: the register never lists a forged history as in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from .. import workflow
from ..chars import unknown
from ..errors import DloError, Problem, UsageError
from ..i18n import Msg
from ..model import Registry, Regulation, text_in
from ..project import REGULATION, Document, Loaded, Project
from ..spelling import known_positions
from ..workflow import acknowledgements

DUE_SOON_DAYS = 90  # a review due within this many days is marked "due"
COLUMNS = (
    "id",
    "code",
    "title",
    "unit",
    "state",
    "edition",
    "order",
    "order_date",
    "effective",
    "approved_edition",
    "approved_order",
    "approved_order_date",
    "takes_effect",
    "next_review",
    "review",
    "waiting_for",
    "acknowledged",
    "not_acknowledged",
    "problem",
)


DATES = ("order_date", "effective", "approved_order_date", "takes_effect", "next_review")


@dataclass
class Entry:
    id: str
    code: str = ""
    title: str = ""
    unit: str = ""  # the unit's name
    unit_id: str = ""
    state: str = ""  # the workflow's state, or "error"
    edition: int | None = None  # the edition in force
    order: str = ""  # number of the order that approved the edition in force
    order_date: dt.date | None = None
    effective: dt.date | None = None
    # an edition approved whose effective date is still to come (the state "approved"): the
    # edition in force above, if any, stays in force until ``takes_effect``
    approved_edition: int | None = None
    approved_order: str = ""  # number of the order that approved it
    approved_order_date: dt.date | None = None
    takes_effect: dt.date | None = None
    next_review: dt.date | None = None
    review: str = ""  # "overdue" | "due" (within DUE_SOON_DAYS) | ""
    waiting_for: list[str] = field(default_factory=list)  # role ids
    waiting_for_named: list[str] = field(default_factory=list)  # the same, "name (title)"
    draft_edition: int | None = None
    acknowledged: int | None = None  # people who have read the edition in force
    not_acknowledged: list[str] = field(default_factory=list)  # "name (position)" yet to read it
    problem: str = ""  # why the regulation could not be read, or its journal does not verify
    problem_code: str = ""  # that problem's code (DLO001, DLO601, DLO910…)

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["waiting_for_named"]  # data for programs: the ids
        for key in DATES:
            data[key] = data[key].isoformat() if data[key] else None
        return data


def review_mark(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due"
    return ""


def waiting_for(st: workflow.Status, doc: Regulation | None, registry: Registry) -> list[str]:
    """Whose move it is: the next approver(s) on the route, the approving official once all
    agreed, the drafter (the unit's head) while it is a draft or was returned or voided."""
    drafter = registry.unit(doc.unit).head if doc is not None else None
    if st.state == "agreement" and not st.voided:
        return st.pending[:1] if st.route_kind == "sequential" else list(st.pending)
    if st.state == "agreed" and not st.voided:
        by = st.approval_by or (doc.approval.by if doc is not None else None)  # as submitted
        return [by] if by else []
    if st.state in ("draft", "agreement", "agreed"):
        return [drafter] if drafter else []
    return []


def _named(registry: Registry, role: str, lang: str) -> str:
    """A position as the register's table names whom it waits for: its holder and title in
    ``lang`` ("Е. Ж. Касымов (Директор института непрерывного образования)"), its title alone
    when the registry names no holder."""
    try:
        return acknowledgements.holder(registry, role, lang).shown()
    except UsageError:  # no holder named (or, not to be reached, no such position: its id)
        pos = next((p for p in registry.positions if p.id == role), None)
        return role if pos is None else pos.title.get(lang) or next(iter(pos.title.values()))


def _acknowledgements(
    project: Project,
    reg_id: str,
    registry: Registry,
    entry: Entry,
    working: Document | None,
    lang: str,
) -> None:
    try:
        round_ = acknowledgements.round_of(project, reg_id, registry, working)
    except DloError as exc:  # an unreadable frozen edition: status would have said so
        entry.problem = str(exc.problems[0]) if exc.problems else str(exc)
        return
    entry.acknowledged = len(round_.done)
    # each a registry position's holder, named in the register's language as its units are
    # (the document's own language is the acquaintance sheet's)
    entry.not_acknowledged = [
        (acknowledgements.holder(registry, r.position_id, lang) if r.position_id else r).shown()
        for r in round_.missing
    ]


def _units_under(registry: Registry, unit: str) -> set[str]:
    found = {unit}
    grew = True
    while grew:
        more = {u.id for u in registry.units if u.parent in found} - found
        grew = bool(more)
        found |= more
    return found


def today(project: Project) -> dt.date:
    """The organisation's day (in its time zone; DLO_TODAY when set), as every command takes it."""
    found = registry(project)  # none: ``entries`` says what is wrong with it
    return workflow.today(found.organisation.timezone if found is not None else None)


def entries(project: Project, lang: str = "kk", today: dt.date | None = None) -> list[Entry]:
    """Every regulation of the project, in the order of unit, code and id. Each is read, made
    into its row and forgotten (``Project.forget``) before the next: the memory is one
    regulation's, however many the project holds. ``today``: the day reviews are counted from
    (default: the organisation's, in its time zone)."""
    with project.reading_snapshots():  # what was validated before is read back as it was kept
        loaded = Loaded()
        project.load_registry(loaded)
        if loaded.registry is None:  # every problem of the project, as ``dlo check`` lists them
            raise DloError(project.load().errors)
        # the organisation's day (DLO_TODAY when set), as every command takes it
        today = today or workflow.today(loaded.registry.organisation.timezone)
        found = []
        for reg_id in project.ids():
            found.append(_entry(project, reg_id, loaded.registry, lang, today))
            project.forget(project.folder(reg_id))
    return sorted(found, key=lambda e: (e.unit, e.code, e.id))


def _entry(project: Project, reg_id: str, registry: Registry, lang: str, today: dt.date) -> Entry:
    """The row of ``reg_id``: what its working text says, then what its journal (verified)
    says, or the state ``error`` and why."""
    entry = Entry(reg_id)
    document, broken = _working_text(project, reg_id, registry)
    if document is not None:
        _describe(entry, document.model, registry, lang)
    doc = document.model if document is not None else None
    try:
        st = workflow.status(project, reg_id)
    except DloError as exc:
        return _failed(entry, exc, broken)
    try:
        workflow.intact(project, reg_id, editions=True)  # nothing forged is listed as valid
    except DloError as exc:
        return _failed(entry, exc)
    _state(entry, st, doc, registry, today)
    entry.waiting_for_named = [_named(registry, role, lang) for role in entry.waiting_for]
    if st.edition_in_force is not None:
        _acknowledgements(project, reg_id, registry, entry, document, lang)
    return entry


def _working_text(
    project: Project, reg_id: str, registry: Registry
) -> tuple[Document | None, Problem | None]:
    """The validated working text of ``reg_id`` (None: it does not validate, or names another
    id) and its first error (None: it has none)."""
    loaded = Loaded(registry=registry)
    path = project.regulations / reg_id / REGULATION
    document = project.load_file(path, loaded)
    shown = project.display(path)
    broken = next((p for p in sorted(set(loaded.errors)) if p.location.path == shown), None)
    if document is not None and document.model.id != reg_id:
        document = None
    return document, broken


def _failed(entry: Entry, exc: DloError, problem: Problem | None = None) -> Entry:
    """``entry`` in the state ``error``: nothing its journal says is shown, only ``problem``
    (default: the first of ``exc``) as a person reads it (its place, its code, what to do)."""
    problem = problem or (exc.problems[0] if exc.problems else None)
    entry.state = "error"
    entry.problem = str(problem or exc)
    entry.problem_code = problem.code if problem is not None else ""
    return entry


def _describe(entry: Entry, doc: Regulation, registry: Registry, lang: str) -> None:
    """What the working text says: the code, the title in ``lang``, the unit."""
    entry.code = doc.code
    entry.title = (
        text_in(doc.title, lang, doc.main_lang) or text_in(doc.title, doc.main_lang, doc.main_lang)
    ) or ""
    entry.unit_id = doc.unit
    unit = registry.unit(doc.unit)
    entry.unit = unit.name.get(lang) or next(iter(unit.name.values()))


def _state(
    entry: Entry, st: workflow.Status, doc: Regulation | None, registry: Registry, today: dt.date
) -> None:
    """What the journal (verified) says: the state, the edition in force and its order, an
    approved edition waiting for its effective date and its order, the next review, whose move
    it is."""
    entry.state = st.state
    entry.edition = st.edition_in_force
    entry.draft_edition = st.draft_edition
    withdrawn = st.withdrawal_order if st.state == "withdrawn" else None
    if withdrawn is not None:  # its last edition, and the order that withdrew it
        entry.edition = st.withdrawn_edition
        entry.order, entry.order_date = withdrawn.number, withdrawn.date
    if st.in_force_order is not None:
        entry.order = st.in_force_order.number
        entry.order_date = st.in_force_order.date
        entry.effective = st.in_force_order.effective or st.in_force_order.date
    if st.approved_order is not None:
        entry.approved_edition = st.approved_edition
        entry.approved_order = st.approved_order.number
        entry.approved_order_date = st.approved_order.date
        entry.takes_effect = st.takes_effect
    entry.next_review = st.review_due
    entry.review = review_mark(st.review_due, today)
    entry.waiting_for = waiting_for(st, doc, registry)


def registry(project: Project) -> Registry | None:
    loaded = Loaded()
    project.load_registry(loaded)
    return loaded.registry


def select(
    found: Iterable[Entry],
    registry: Registry | None,
    *,
    unit: str | None = None,
    state: str | None = None,
    overdue: bool = False,
    waiting: str | None = None,
    unacknowledged: bool = False,
) -> list[Entry]:
    """The entries that pass every filter given."""
    units = None
    if unit is not None:
        if registry is None or unit not in {u.id for u in registry.units}:
            known = ", ".join(u.id for u in registry.units) if registry else "none"
            raise UsageError(
                *unknown(
                    unit,
                    Msg("unknown unit {unit}", unit=repr(unit)),
                    Msg("units in the registry: {known}", known=known),
                )
            )
        units = _units_under(registry, unit)
    if waiting is not None and registry is not None:
        ids = [p.id for p in registry.positions]
        if waiting not in ids:
            raise UsageError(
                *unknown(
                    waiting,
                    Msg("unknown role {waiting}", waiting=repr(waiting)),
                    known_positions(waiting, ids),
                )
            )
    return [
        e
        for e in found
        if (units is None or e.unit_id in units)
        and (state is None or e.state == state)
        and (not overdue or e.review == "overdue")
        and (waiting is None or waiting in e.waiting_for)
        and (not unacknowledged or bool(e.not_acknowledged))
    ]
