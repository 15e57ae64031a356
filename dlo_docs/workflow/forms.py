"""What the forms show of a regulation's life (``records.Records``): the approving order on the
title page, who agreed and when on the agreement sheet, the editions and their changed clauses on
the change registration sheet, the periodic reviews on the review sheet."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .. import lazy, numbering, persons
from .. import records as _records
from ..errors import UsageError
from ..i18n import Msg
from ..model_methods import LANGS, text_in
from ..project import Project
from . import editions, facts, governing, history, integrity
from .dates import day
from .journal import Event
from .state import History, Round

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .. import placement
    from ..model import Registry, Regulation
    from . import loading
else:  # the working text is loaded for a draft's records only, not an edition's; the clauses an
    # edition changed (difflib's matching) are worked out only from a second edition on
    loading = lazy.module("dlo_docs.workflow.loading")
    placement = lazy.module("dlo_docs.placement")

WHOLE_TEXT = _records.WHOLE_TEXT  # the change registration sheet's "clauses" for a first edition


def person(actor: str) -> str:
    """The machine identity of an actor ``user (Name <email>)``: the git name, else the OS user.
    Kept for the journal's own listings; the forms print the clerk (``recorded_by``)."""
    if "(" in actor and actor.endswith(")"):
        inner = actor[actor.index("(") + 1 : -1]
        return inner.split("<")[0].strip() or actor
    return actor


def recorded_by(ev: Event) -> dict[str, str]:
    """The name of the clerk who recorded ``ev`` by language, as the registry stated it then
    (none for an event written before clerks were recorded: the sheet leaves the line to be
    signed by hand); a form prints it in its language (``records.spelled``)."""
    captured = facts.of(ev, ev.get("clerk")) or {}
    return {str(lang): str(name) for lang, name in (captured.get("holder") or {}).items()}


def _reviewer(registry: Registry, ev: Event) -> dict[str, str]:
    """ "Position, name" of the reviewer by language (the review sheet's column), as the
    registry stated them when the review was recorded (else as it states them now); a form
    prints it in its language (``records.spelled``)."""
    role = ev.role
    if not role:
        return {}
    captured = facts.of(ev, role) or facts.position(registry, role)
    titles, names = captured.get("title") or {}, captured.get("holder") or {}
    shown = {
        str(lang): ", ".join(filter(None, [titles.get(lang) or role, names.get(lang)]))
        for lang in dict.fromkeys([*titles, *names])
    }
    return shown or {lang: role for lang in LANGS}


def signed(ev: Event) -> _records.SignatureNote | None:
    """What the forms print of a signed event (None: unsigned)."""
    return _records.signature_note(ev.get("signature"), ev.when.tzinfo)


def fixed(ev: Event) -> tuple[str, ...]:
    """The fields of ``ev`` a correction event fixed (the forms mark them as corrected)."""
    return tuple(sorted((ev.get("corrected") or {}).keys()))


def _marks(marks: dict[str, Event]) -> dict[str, _records.AgreementMark]:
    return {
        role: _records.AgreementMark(
            role, "agreed", ev.day, ev.get("remarks") or "", signed=signed(ev), corrected=fixed(ev)
        )
        for role, ev in marks.items()
    }


def _captured(rec: _records.Records, marks: dict[str, Event]) -> None:
    """The registry facts each approver's agreement captured: the sheet shows who agreed."""
    for role, ev in marks.items():
        found = facts.of(ev, role)
        if found is not None:
            rec.positions[role] = found


def _approved(rec: _records.Records, h: History, n: int) -> None:
    """The records of approved edition ``n``: its order, its round's route and agreements, the
    approving authority and the organisation's name as they were when it was approved."""
    approval = h.approvals[n]
    round_ = h.agreed_rounds.get(n)
    rec.order = approval.order
    rec.content_hash = approval.content_hash
    rec.approval_form = "signature" if approval.get("form") == "signature" else "order"
    if approval.event == "registered":
        _paper(rec, approval)
    elif round_ is not None:
        rec.agreements = _marks(round_.marks)
        _route_facts(rec, round_)
    authority = approval.role
    captured = facts.of(approval, authority)
    if authority and captured is not None:
        rec.approved_by = authority
    for role, found in ((approval.get("facts") or {}).get("positions") or {}).items():
        if role not in rec.positions and isinstance(found, dict):
            rec.positions[role] = found  # the authority's; the regulation's own position's
    if authority and captured is not None:
        rec.positions[authority] = captured
    rec.organisation = facts.organisation_of(approval)
    rec.unit = facts.organisation_of(approval, "unit")


def _route_facts(rec: _records.Records, round_: Round) -> None:
    """The round's route and the registry facts its agreements (else its submission) captured."""
    rec.route = list(round_.route)
    _captured(rec, round_.marks)
    for role in round_.route:
        if role not in rec.positions and facts.of(round_.submitted, role) is not None:
            rec.positions[role] = facts.of(round_.submitted, role) or {}


def approving(round_: Round, authority: str, form: str) -> _records.Records:
    """The records the edition approved now will have, as far as its forms print names: its
    round's route and the facts captured with it, the approving ``authority`` and the
    organisation as the registry gives them now (the approval captures them), ``form``."""
    rec = _records.Records(approved_by=authority, approval_form=form)
    _route_facts(rec, round_)
    rec.positions.pop(authority, None)  # the approval captures the registry's as it is now
    return rec


def _paper(rec: _records.Records, ev: Event) -> None:
    """An edition approved on paper: the route its text named, the agreements its original
    carries (as the clerk copied them), and the note that the originals are on paper."""
    rec.paper = True
    rec.route = list(ev.get("route") or [])
    for item in ev.get("agreed") or []:
        role = item["role"]
        rec.agreements[role] = _records.AgreementMark(
            role, "agreed", dt.date.fromisoformat(str(item["date"]))
        )
    for role in rec.route:
        found = facts.of(ev, role)
        if found is not None:
            rec.positions[role] = found


_NOT_PRINTED = ("note", "silence", "source_number")


def _printed(data: Any) -> Any:
    """An element's data without what the document does not print (drafter notes, lint silences)."""
    if isinstance(data, dict):
        return {k: _printed(v) for k, v in data.items() if k not in _NOT_PRINTED}
    if isinstance(data, list):
        return [_printed(v) for v in data]
    return data


def changed_clauses(old: Regulation, new: Regulation) -> _records.ChangedClauses:
    """The clauses of ``new`` (by their numbers in ``new``, as printed) that differ from ``old``,
    are new or moved, or are in a paragraph or chapter that moved (``placement``): "5, 11"
    ("2.3, 4.1" in a document that numbers its clauses within each chapter); then, apart, the
    numbers in ``old`` of clauses that were removed ("14", which ``new`` may give another
    clause). A clause whose items are sub-clauses is listed by the sub-clause that changed
    ("3.5.2"), and by its own number when its own text did or its items were switched to or
    from sub-clauses. The texts compared are those of the languages both editions have: a
    language an edition adds (its text new in every clause) changes no clause of the others, as
    their comparison tables show."""
    styles = _items_styles(old)
    switched = {cid for cid, st in _items_styles(new).items() if styles.get(cid, st) != st}
    both: list[str] = [lang for lang in new.languages if lang in old.languages] or [*new.languages]
    before, after = _clauses(old, switched, both), _clauses(new, switched, both)
    moved = _moved(old, new)
    changed = [
        num
        for eid, (num, data) in after.items()
        if eid not in before or before[eid][1] != data or eid in moved
    ]
    removed = [num for eid, (num, _) in before.items() if eid not in after]
    return _records.ChangedClauses(tuple(changed), tuple(removed))


def _items_styles(model: Regulation) -> dict[str, str]:
    return {cl.id: cl.items_style for _, _, cl in model.clauses()}


def _in_languages(data: Any, langs: list[str], first: str) -> Any:
    """An element's data with each text (``text``: a plain string is the document's first
    language) reduced to its texts in ``langs``."""
    if isinstance(data, list):
        return [_in_languages(v, langs, first) for v in data]
    if not isinstance(data, dict):
        return data
    found = {k: _in_languages(v, langs, first) for k, v in data.items() if k != "text"}
    if "text" in data:
        text = data["text"]
        found["text"] = {lang: text_in(text, lang, first) for lang in langs}
    return found


def _clauses(model: Regulation, whole: set[str], langs: list[str]) -> dict[str, tuple[str, Any]]:
    """Every clause and sub-clause, in document order: id -> (its number as printed, what of it
    the document prints in ``langs``; a clause's sub-clauses left out of its own, unless it is
    ``whole``)."""
    found: dict[str, tuple[str, Any]] = {}
    clause: numbering.Numbered | None = None
    first = model.languages[0]
    for n in numbering.walk(model):
        if n.kind == "clause":
            clause = n
            data = _in_languages(_printed(n.element.model_dump(mode="json")), langs, first)
            if n.element.items_style == "subclauses" and n.element.id not in whole:  # type: ignore[union-attr]  # a clause's
                data.pop("items", None)
            found[n.element.id] = (numbering.clause_shown(model, n), data)
        elif numbering.subclause(n, clause) and clause.element.id not in whole:  # type: ignore[union-attr]  # found
            shown, _ = numbering.named(numbering.clause_shown(model, n), "subclauses", n.path)
            found[n.element.id] = (
                shown,
                _in_languages(_printed(n.element.model_dump(mode="json")), langs, first),
            )
    return found


def _moved(old: Regulation, new: Regulation) -> set[str]:
    """The elements of ``new`` in both editions that did not keep their place, and the
    clauses of a paragraph or chapter that did not (``placement.kept``)."""
    old_nodes, new_nodes = placement.nodes(old), placement.nodes(new)
    kept = placement.kept(old_nodes, new_nodes)
    common = {eid for eid, _, _ in old_nodes} & {eid for eid, _, _ in new_nodes}
    kinds = {eid: kind for eid, _, kind in new_nodes}
    moved: set[str] = set()
    for eid, parent, _ in new_nodes:  # in document order: a parent before what it holds
        # a clause moves with its chapter or paragraph; a sub-clause only on its own (the
        # clause's number names one that moved with it)
        carried = parent in moved and kinds[parent] in ("chapter", "paragraph")
        if (eid in common and eid not in kept) or carried:
            moved.add(eid)
    return moved


def _changes(project: Project, reg_id: str, h: History) -> list[_records.ChangeRecord]:
    """The change registration sheet: every approved edition, the clauses it changed, its order,
    when it took effect and the clerk who entered it. Each edition's clauses are worked out from
    the frozen texts, each refused unless it is exactly the text its approval recorded
    (``integrity.approved_text``): a frozen edition edited by hand prints no change."""
    rows = []
    previous: Regulation | None = None
    for n in sorted(h.approvals):
        ev = h.approvals[n]
        model = integrity.approved_text(project, reg_id, ev)
        clauses = WHOLE_TEXT if previous is None else changed_clauses(previous, model)
        order = ev.order
        rows.append(
            _records.ChangeRecord(
                number=n,
                clauses=clauses,
                order=order,
                entered=order.effective or order.date,
                entered_by=recorded_by(ev),
                signed=signed(ev),
                paper=ev.event == "registered",
                by_signature=ev.get("form") == "signature",
                corrected=fixed(ev),
            )
        )
        previous = model
    return rows


def _reviews(registry: Registry, h: History) -> list[_records.ReviewRecord]:
    return [
        _records.ReviewRecord(
            date=ev.get("date") or ev.date,
            reviewer=_reviewer(registry, ev),
            result=ev.get("result") or "",
            signed=signed(ev),
            corrected=fixed(ev),
        )
        for ev in h.reviews
    ]


def _spellings(registry: Registry, ev: Event) -> tuple[dict[str, str], dict[str, str]]:
    """The reader's name and title in every language of the registry, while it still names that
    person and title for their position (the event keeps them in the regulation's language
    only: a Russian sheet printed the Kazakh spelling, then the holder again as not having read
    it); none when the holder or the title has changed since."""
    name, title = ev.get("name") or "", ev.get("position") or ""
    position = next((p for p in registry.positions if p.id == ev.get("position_id")), None)
    if position is None or not position.holder:
        return {}, {}
    # the holder however the list wrote their name ('Оспанов Н.К.' for 'Н. К. Оспанов'), as
    # the round counts them (``acknowledgements.named``): else the sheet printed the spelling
    # as recorded, then the holder again as not having read it
    holders = {persons.key(str(h)) for h in position.holder.values()}
    if persons.key(name) in holders and title in position.title.values():
        return dict(position.holder), dict(position.title)
    return {}, {}


def _acquaintances(h: History, n: int, registry: Registry) -> list[_records.AcquaintanceRecord]:
    """Who acknowledged reading edition ``n`` (name and title as captured when they did)."""
    return [
        _records.AcquaintanceRecord(
            ev.get("name") or "",
            ev.get("position") or "",
            day(ev.get("date")),
            ev.get("position_id"),
            signed(ev),
            *_spellings(registry, ev),
        )
        for ev in h.acknowledgements
        if ev.edition == n
    ]


def _draft_route(rec: _records.Records, project: Project, reg_id: str, ctx: loading.Ctx) -> None:
    """Who agrees to the open draft, who approves it and how, as its forms print them: as its
    submission fixed them, else as the edition in force says (``submit`` fixes them so: a
    draft's own changes to them are the next revision's), else as the draft itself says (a first
    edition). A submission recorded before it named the authority and form: the edition in
    force's. A round made void (the text changed since) is not the one the draft goes to: its
    resubmission fixes them anew, for a first edition from the draft's own."""
    h = ctx.history
    frozen = editions.frozen_model(project, reg_id, h.in_force) if h.in_force else None
    governs = governing.of_text(frozen or ctx.model)
    rec.route, rec.approved_by, rec.approval_form = governs.route, governs.by, governs.form
    if h.round is not None and not ctx.voided:
        submitted = h.round.submitted
        rec.route = list(h.round.route)
        rec.approved_by = str(submitted.get("approval_by") or governs.by)
        rec.approval_form = str(submitted.get("approval_form") or governs.form)


def records(project: Project, reg_id: str) -> _records.Records:
    """What the forms of the working draft show: no order (it is not approved: a draft prints
    blank lines to fill in), who agreed and when in its open round (agreement sheet), the editions
    before it and their changes (change registration sheet), the periodic reviews. Registry facts
    are those the journal captured when the events happened. An approved edition's records are
    ``edition_records``."""
    ctx = loading.load(project, reg_id)
    h = ctx.history
    n = ctx.model.edition
    rec = _records.Records(state=ctx.state, edition=n)
    if h.open:
        rec.agreements = _marks(ctx.marks)
        _captured(rec, ctx.marks)
        _draft_route(rec, project, reg_id, ctx)
    rec.history = [row for row in _changes(project, reg_id, h) if row.number < n]
    rec.reviews = _reviews(ctx.registry, h)
    return rec


def edition_records(project: Project, reg_id: str, n: int, registry: Registry) -> _records.Records:
    """The records of approved edition ``n`` from the journal alone (the working text is not
    read): its order, route, agreements and the facts captured with them, the change registration
    sheet up to ``n``, who acknowledged it, the reviews; names in every language captured, each
    form printing its own."""
    h = history.history(project, reg_id)
    if n not in h.approvals:
        raise UsageError(Msg("edition {n} of {reg_id} was never approved", n=n, reg_id=reg_id))
    rec = _records.Records(state=h.editions.get(n, "in_force"), edition=n)
    _approved(rec, h, n)
    rec.history = [row for row in _changes(project, reg_id, h) if row.number <= n]
    rec.acquaintances = _acquaintances(h, n, registry)
    rec.reviews = _reviews(registry, h)
    return rec
