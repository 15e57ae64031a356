"""The names a regulation's forms print from the registry (or from the journal, which captured
them when the edition was agreed and approved), in the language a form is printed in.

A name given in other languages but not in this one would print as a blank: the organisation's
name, short name and city, the unit's name, the title and holder of the regulation's position,
of its approving official and of each approver. Each such name is a problem (DLO117, at the id
that names it): ``dlo check`` reports it for every language of a draft (the lint rule
``lint/form_names``), and a render, the site's included, refuses to print the form with the
blank (``context.build``). A name given in no language at all (a vacant position's holder) is
no problem: the form leaves its line to fill in by hand.

- ``missing(model, source, registry, lang, records=None) -> list[Problem]``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .errors import Problem, error
from .i18n import Msg
from .records import Records

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .load import Source
    from .model import Registry, Regulation

CODE = "DLO117"
WHAT = {"organisation": Msg("organisation"), "unit": Msg("unit"), "position": Msg("position")}


def missing(
    model: Regulation,
    source: Source,
    registry: Registry,
    lang: str,
    records: Records | None = None,
) -> list[Problem]:
    """DLO117 for each name the ``lang`` forms of ``model`` would print as a blank; the names
    the journal captured (``records``) are taken before the registry's, as the forms take them."""
    problems = []
    for loc, what, eid, fields in _printed(model, registry, records or Records()):
        for field, names in fields.items():
            if names and not str(names.get(lang) or "").strip():
                problems.append(_problem(source, loc, what, eid, field, lang))
    return problems


def _problem(source: Source, loc: list, what: str, eid: str, field: str, lang: str) -> Problem:
    return error(
        source.at(loc),
        CODE,
        Msg(
            "the registry gives {what} {id} no {lang} {field}, which the {lang} version of this "
            "regulation prints",
            what=WHAT[what],
            id=repr(eid),
            lang=lang,
            field=field,
        ),
        Msg("add {lang}: to its {field} in regulations/registry.yaml", lang=lang, field=field),
    )


Names = Mapping[str, Any]


def _printed(
    model: Regulation, registry: Registry, records: Records
) -> Iterator[tuple[list, str, str, dict[str, Names]]]:
    """(where the regulation names it, what, id, {field: names by language}) of each entry whose
    names the forms print. Ids the registry does not define are ``refs``' to report."""
    organisations = {o.id: o for o in (registry.organisation, *registry.organisations)}
    if (org := organisations.get(model.organisation)) is not None:
        name = {**org.name, **(records.organisation or {})}  # as the forms take it
        yield (
            ["organisation"],
            "organisation",
            org.id,
            {
                "name": name,
                "short": org.short,
                "city": org.city,
            },
        )
    units = {u.id: u for u in registry.units}
    if (unit := units.get(model.unit)) is not None:
        yield ["unit"], "unit", unit.id, {"name": unit.name}
    positions = {p.id: p for p in registry.positions}
    approvers = model.agreement.approvers
    named: list[tuple[list, str]] = [(["position"], model.position)] if model.position else []
    named.append((["approval", "by"], records.approved_by or model.approval.by))
    for pid in records.route or approvers:
        at = approvers.index(pid) if pid in approvers else None
        named.append((["agreement", "approvers", *([at] if at is not None else [])], pid))
    for loc, pid in named:
        captured = records.positions.get(pid) if loc != ["position"] else None
        if captured is not None:
            fields = {"title": captured.get("title") or {}, "holder": captured.get("holder") or {}}
            yield loc, "position", pid, fields
        elif (pos := positions.get(pid)) is not None:
            yield loc, "position", pid, {"title": pos.title, "holder": pos.holder or {}}
