"""The names a regulation's forms print from the registry (or from the journal, which captured
them when the edition was agreed and approved), in the language a form is printed in.

A name given in other languages but not in this one would print as a blank: the organisation's
name and city (the title page), the unit's name (a unit regulation's title page), the title of
the regulation's position, of its approving official and of each approver, the holders of the
position (the acquaintance sheet; a unit regulation's, of each position of its unit, with the
titles), of each approver (the agreement sheet) and of the approving
official when the official's signature approves it (the title page). Each such name is a problem (DLO117, at the id
that names it): ``dlo check`` reports it for every language of a draft (the lint rule
``lint/form_names``), and a render, the site's included, refuses to print the form with the
blank (``context.build``). A name given in no language at all (a vacant position's holder) is
no problem: the form leaves its line to fill in by hand.

An output that prints only some of the forms is judged on those (``parts``): the running header
(the organisation's name, on every form), the approval block (the approving official's title,
and name when a signature approves), the rest of the title page (the city, the unit, the
position), the agreement sheet and the acquaintance sheet. ``EVERY`` is the whole document
(DOCX, PDF), without a sheet the regulation switches off (``sheets:``); ``printed_by(formats)``
the parts of a render's formats (HTML alone prints the header and the approval block);
``SHEET[kind]`` those of a sheet of its own. A position the journal's route or approving
official names that the registry no longer defines is a DLO117 of the parts printing it.

- ``missing(model, source, registry, lang, records=None, parts=EVERY) -> list[Problem]``;
- ``in_registry(model, registry, registry_source, lang) -> list[Problem]``: the same for a
  draft, each at the registry entry lacking the name;
- ``unnamed(fields, lang) -> list[str]``: the fields (field -> names by language) given, but
  not in ``lang`` (the transfer act's parties are checked with it too);
- ``blank(source, loc, what, id, field, lang, captured=False)``: the DLO117 of one, and
  ``texts(what, id, field, lang, captured=False)`` its message and hint.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .errors import Problem, error
from .i18n import Msg
from .records import Records
from .refs import WHAT

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .load import Source
    from .model import Registry, Regulation

CODE = "DLO117"
Names = Mapping[str, Any]  # a name by language

_UNLISTED = ["agreement", "approvers"]  # where an approver of the route the draft lacks is named
HEADER, APPROVAL, TITLE_PAGE = "header", "approval", "title page"
AGREEMENT, ACQUAINTANCE = "agreement", "acquaintance"
EVERY = frozenset({HEADER, APPROVAL, TITLE_PAGE, AGREEMENT, ACQUAINTANCE})
HTML = frozenset({HEADER, APPROVAL})
SHEET = {  # a sheet of its own: the running header and its table
    "agreement": frozenset({HEADER, AGREEMENT}),
    "acquaintance": frozenset({HEADER, ACQUAINTANCE}),
    "changes": frozenset({HEADER}),
    "review": frozenset({HEADER}),
    "transfer": frozenset({HEADER}),  # and its parties, ``unnamed`` by ``sheets``
}


def printed_by(formats: Iterable[str]) -> frozenset[str]:
    """The parts of the forms a render in ``formats`` prints: the whole document unless it
    makes HTML only."""
    return HTML if set(formats) <= {"html"} else EVERY


def missing(
    model: Regulation,
    source: Source,
    registry: Registry,
    lang: str,
    records: Records | None = None,
    parts: Collection[str] = EVERY,
    registry_source: Source | None = None,
) -> list[Problem]:
    """DLO117 for each name the ``parts`` of the ``lang`` forms of ``model`` would print as a
    blank; the names the journal captured (``records``) are taken before the registry's, as the
    forms take them. Each is placed where the regulation names it; an approver of the route
    (``records.route``) the draft does not list, at its position in the registry
    (``registry_source``, when given)."""
    if parts == EVERY:
        parts = _whole(model)
    positions = {p.id: i for i, p in enumerate(registry.positions)}
    records = records or Records()
    problems = [
        undefined(source, eid)
        for eid, part in _fixed(records)
        if part in parts and eid not in positions and eid not in records.positions
    ]
    for loc, what, eid, fields, captured in _printed(model, registry, records):
        shown = {f: names for (f, part), names in fields.items() if part in parts}
        for field in unnamed(shown, lang):
            if registry_source is not None and loc == _UNLISTED and not captured:
                at = ["positions", positions[eid], field]
                problems.append(blank(registry_source, at, what, eid, field, lang))
            else:
                problems.append(blank(source, loc, what, eid, field, lang, captured))
    return problems


def in_registry(
    model: Regulation, registry: Registry, registry_source: Source, lang: str
) -> list[Problem]:
    """``missing`` for a draft no journal has captured names for, each placed at the registry
    entry that lacks the name (an import, say, whose regulation is not written yet)."""
    entries = {
        ("organisation", o.id): ["organisations", i] for i, o in enumerate(registry.organisations)
    }
    entries[("organisation", registry.organisation.id)] = ["organisation"]
    entries |= {("unit", u.id): ["units", i] for i, u in enumerate(registry.units)}
    entries |= {("position", p.id): ["positions", i] for i, p in enumerate(registry.positions)}
    parts, problems = _whole(model), {}
    for _, what, eid, fields, _ in _printed(model, registry, Records()):
        shown = {f: names for (f, part), names in fields.items() if part in parts}
        for field in unnamed(shown, lang):
            at = [*entries[(what, eid)], field]
            problems[(what, eid, field)] = blank(registry_source, at, what, eid, field, lang)
    return list(problems.values())


def _whole(model: Regulation) -> frozenset[str]:
    """The parts of the whole document: every one but the sheets it switches off."""
    return EVERY - {s for s in (AGREEMENT, ACQUAINTANCE) if not getattr(model.sheets, s)}


def _fixed(records: Records) -> list[tuple[str, str]]:
    """(position, the part printing it) of the approvers and the approving official the journal
    fixed (a draft's own are ``refs``' to check)."""
    approving = [(records.approved_by, APPROVAL)] if records.approved_by else []
    return [(pid, AGREEMENT) for pid in records.route or []] + approving


def undefined(source: Source, eid: str) -> Problem:
    """A position the journal's route names that the registry no longer defines."""
    return error(
        source.at(_UNLISTED),
        CODE,
        Msg(
            "the route the journal fixed names position {id}, which the registry no longer "
            "defines: the forms would print it blank",
            id=repr(eid),
        ),
        Msg("restore position {id} in regulations/registry.yaml", id=repr(eid)),
    )


def unnamed(fields: Mapping[str, Names], lang: str) -> list[str]:
    """The fields given (in some language) but not in ``lang``."""
    return [f for f, names in fields.items() if names and not str(names.get(lang) or "").strip()]


def blank(
    source: Source, loc: list, what: str, eid: str, field: str, lang: str, captured: bool = False
) -> Problem:
    """The DLO117 of ``field`` of ``what`` ``eid``, at ``loc`` of ``source`` (``captured``: the
    name is the one the journal captured, not the registry's)."""
    return error(source.at(loc), CODE, *texts(what, eid, field, lang, captured))


def texts(what: str, eid: str, field: str, lang: str, captured: bool = False) -> tuple[Msg, Msg]:
    """The message and the hint of a DLO117 (``captured``: see ``blank``)."""
    named = {"what": WHAT[what], "id": repr(eid), "lang": lang, "field": field}
    if captured:
        return (
            Msg(
                "the journal captured {what} {id} with no {lang} {field} when the edition was "
                "agreed or approved, and the {lang} version of this regulation prints it",
                **named,
            ),
            Msg(
                "an edition prints the names captured when it was agreed and approved: add it to "
                "the registry, then, for a draft, change its text and submit it again (every "
                "approver agrees again), for an edition in force, revise it (dlo revise)"
            ),
        )
    return (
        Msg(
            "the registry gives {what} {id} no {lang} {field}, which the {lang} version of this "
            "regulation prints",
            **named,
        ),
        Msg("add {lang}: to its {field} in regulations/registry.yaml", lang=lang, field=field),
    )


def _printed(
    model: Regulation, registry: Registry, records: Records
) -> Iterator[tuple[list, str, str, dict[tuple[str, str], Names], bool]]:
    """(where the regulation names it, what, id, {(field, the part printing it): names by
    language}, whether the journal captured them) of each entry whose names the forms print.
    Ids the registry does not define are ``refs``' to report."""
    organisations = {o.id: o for o in (registry.organisation, *registry.organisations)}
    if (org := organisations.get(model.organisation)) is not None:
        name = {**org.name, **(records.organisation or {})}  # as the forms take it
        fields: dict[tuple[str, str], Names] = {
            ("name", HEADER): name,
            ("city", TITLE_PAGE): org.city,
        }
        yield ["organisation"], "organisation", org.id, fields, False
    units = {u.id: u for u in registry.units}
    if not model.position and (unit := units.get(model.unit)) is not None:
        yield ["unit"], "unit", unit.id, {("name", TITLE_PAGE): unit.name}, False
    positions = {p.id: p for p in registry.positions}
    by_signature = (records.approval_form or model.approval.form) == "signature"
    approvers = model.agreement.approvers
    named: list[tuple[list, str, str, str | None]] = []  # where, id, the parts of title, holder
    reads = model.kind == "job_instruction"  # its position's holder signs the acquaintance sheet
    if model.position:
        named.append((["position"], model.position, TITLE_PAGE, ACQUAINTANCE if reads else None))
    approving = records.approved_by or model.approval.by
    named.append((["approval", "by"], approving, APPROVAL, APPROVAL if by_signature else None))
    for pid in records.route or approvers:
        loc = ["agreement", "approvers", approvers.index(pid)] if pid in approvers else _UNLISTED
        named.append((loc, pid, AGREEMENT, AGREEMENT))
    for loc, pid, title_part, holder_part in named:
        captured = records.positions.get(pid)  # as printed: the journal's, else the registry's
        pos = positions.get(pid)
        if captured is None and pos is None:
            continue
        title, held = (
            (captured.get("title") or {}, captured.get("holder") or {})
            if captured is not None
            else (pos.title, pos.holder or {})  # type: ignore[union-attr]  # found
        )
        if loc == ["position"] and pos is not None:
            held = pos.holder or {}  # who is to read it: the position's holder now
        fields = {("title", title_part): title}
        if holder_part is not None:
            fields[("holder", holder_part)] = held
        if holder_part == ACQUAINTANCE:  # the acquaintance sheet's row of its holder
            fields[("title", ACQUAINTANCE)] = title
        yield loc, "position", pid, fields, captured is not None
    yield from _unit_readers(model, registry)


def _unit_readers(
    model: Regulation, registry: Registry
) -> Iterator[tuple[list, str, str, dict[tuple[str, str], Names], bool]]:
    """A unit regulation's acquaintance sheet: a row for each holder of its unit's positions
    (the title and the name; a vacant position has none), placed at its ``unit:``."""
    if model.kind == "job_instruction":
        return
    for pid in registry.readers(model.kind, model.position, model.unit):
        pos = registry.position(pid)
        if pos.holder:
            fields: dict[tuple[str, str], Names] = {
                ("title", ACQUAINTANCE): pos.title,
                ("holder", ACQUAINTANCE): pos.holder,
            }
            yield ["unit"], "position", pid, fields, False
