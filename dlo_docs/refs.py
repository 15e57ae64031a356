"""Cross-reference checks: ids are unique, and every id a file names exists in the registry."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import folder_names, lazy
from .errors import Problem, error, warning
from .i18n import Msg
from .load import Source

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from . import spelling
    from .model import Registry, Regulation
else:  # the advice for a mistyped name, only when a name is
    spelling = lazy.module("dlo_docs.spelling")

UNKNOWN = "DLO020"
DUPLICATE = "DLO021"
# what an id names, in the messages (the registry's section for it stays as written in YAML)
WHAT = {
    "organisation": Msg("organisation"),
    "unit": Msg("unit"),
    "position": Msg("position"),
    "normative document": Msg("normative document"),
    "abbreviation": Msg("abbreviation"),
    "element": Msg("element"),
    "normative document or abbreviation": Msg("normative document or abbreviation"),
}
SECTION = {"normative document or abbreviation": "normative_documents, abbreviations"}


def unknown_id(what: str, value: str) -> Msg:
    """ "unknown position 'x'": a message of its own for each kind of id, so that a language
    whose adjective agrees with the noun (Russian) says it right."""
    said = {
        "organisation": Msg("unknown organisation {value}", value=repr(value)),
        "unit": Msg("unknown unit {value}", value=repr(value)),
        "position": Msg("unknown position {value}", value=repr(value)),
        "normative document": Msg("unknown normative document {value}", value=repr(value)),
        "abbreviation": Msg("unknown abbreviation {value}", value=repr(value)),
        "normative document or abbreviation": Msg(
            "unknown normative document or abbreviation {value}", value=repr(value)
        ),
    }
    return said[what]


def _repeats(entries: Iterable[tuple[str, list]]) -> Iterator[tuple[str, list, list]]:
    """Each entry whose identifier an earlier one has: (identifier, its path, the first's path)."""
    seen: dict[str, list] = {}
    for ident, loc in entries:
        if ident in seen:
            yield ident, loc, seen[ident]
        else:
            seen[ident] = loc


def _duplicates(
    entries: Iterable[tuple[str, list]], source: Source, what: str
) -> Iterator[Problem]:
    for ident, loc, first_loc in _repeats(entries):
        first = source.at([*first_loc, "id"])
        yield error(
            source.at([*loc, "id"]),
            DUPLICATE,
            Msg(
                "duplicate {what} id {ident} (first used at line {line})",
                what=WHAT[what],
                ident=repr(ident),
                line=first.line,
            ),
            _new_id(what),
        )


def _new_id(what: str) -> Msg:
    if what != "element":
        return Msg("every id must be unique; give this one a new id")
    # which of the two is new, only the edition in force tells: renaming the approved one would
    # make a comparison list it as removed and the copy as that element changed
    return Msg(
        "every id must be unique: give a new id to the element you added, of the two; an "
        "element of the edition in force keeps its id, so that comparisons follow it"
    )


def registry_problems(reg: Registry, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    for section in ("organisations", "units", "positions", "normative_documents", "abbreviations"):
        entries = [(e.id, [section, i]) for i, e in enumerate(getattr(reg, section))]
        problems += _duplicates(entries, source, section.rstrip("s").replace("_", " "))
    units = {u.id for u in reg.units}
    positions = {p.id for p in reg.positions}

    def need(value: str | None, known: set[str], loc: list, what: str) -> None:
        if value is not None and value not in known:
            problems.append(
                error(
                    source.at(loc),
                    UNKNOWN,
                    unknown_id(what, value),
                    spelling.did_you_mean(value, sorted(known))
                    or Msg("define it under {section}: in the registry", section=what + "s"),
                )
            )

    organisations = {o.id for o in reg.organisations}
    for loc, org in [(["organisation"], reg.organisation)] + [
        (["organisations", i], o) for i, o in enumerate(reg.organisations)
    ]:
        for k, approver in enumerate(org.approvers):
            need(approver, positions, [*loc, "approvers", k], "position")
        problems += _approvers_elsewhere(reg, source, loc, org.id, org.approvers)
    for i, unit in enumerate(reg.units):
        need(unit.organisation, organisations, ["units", i, "organisation"], "organisation")
        need(unit.parent, units, ["units", i, "parent"], "unit")
        need(unit.head, positions, ["units", i, "head"], "position")
    for i, pos in enumerate(reg.positions):
        need(pos.unit, units, ["positions", i, "unit"], "unit")
        need(pos.reports_to, positions, ["positions", i, "reports_to"], "position")
    return problems


def _approvers_elsewhere(
    reg: Registry, source: Source, loc: list, oid: str, approvers: list[str]
) -> list[Problem]:
    """An organisation's list of who may approve its regulations naming a position twice
    (DLO021), or a position of another organisation (DLO024: its own list is that one's)."""
    problems = []
    for k, pid in enumerate(approvers):
        at = source.at([*loc, "approvers", k])
        if pid in approvers[:k]:
            problems.append(
                error(
                    at,
                    DUPLICATE,
                    Msg("position {id} is named twice among the approvers", id=repr(pid)),
                    Msg("name each position once"),
                )
            )
            continue
        position = next((p for p in reg.positions if p.id == pid), None)
        owner = (_unit_owner(reg, position.unit) if position.unit else None) if position else None
        if position is None or (owner or reg.organisation.id) == oid:
            continue
        problems.append(
            error(
                at,
                "DLO024",
                Msg(
                    "position {id} belongs to organisation {owner}: it cannot approve the "
                    "regulations of {named}",
                    id=repr(pid),
                    owner=repr(owner or reg.organisation.id),
                    named=repr(oid),
                ),
                Msg("name a position of {named}", named=oid),
            )
        )
    return problems


def element_ids(doc: Regulation) -> Iterator[tuple[str, list]]:
    """Every chapter, paragraph, clause and item id with its location in the file."""

    def items(entries, loc) -> Iterator[tuple[str, list]]:
        for i, item in enumerate(entries):
            yield item.id, [*loc, "items", i]
            yield from items(item.items, [*loc, "items", i])

    for c, chapter in enumerate(doc.chapters):
        yield chapter.id, ["chapters", c]
        for k, clause in enumerate(chapter.clauses):
            yield clause.id, ["chapters", c, "clauses", k]
            yield from items(clause.items, ["chapters", c, "clauses", k])
        for p, paragraph in enumerate(chapter.paragraphs):
            yield paragraph.id, ["chapters", c, "paragraphs", p]
            for k, clause in enumerate(paragraph.clauses):
                loc = ["chapters", c, "paragraphs", p, "clauses", k]
                yield clause.id, loc
                yield from items(clause.items, loc)


def folder_of(path: Path) -> str | None:
    """The regulation folder whose id the text at ``path`` must bear (DLO022): a working text's
    (``<id>/regulation.yaml``) and a frozen edition's (``<id>/editions/<n>.yaml``)."""
    if path.name == "regulation.yaml":
        return path.parent.name
    return path.parent.parent.name if path.parent.name == "editions" else None


def regulation_problems(
    doc: Regulation, source: Source, reg: Registry, folder: str | None
) -> list[Problem]:
    problems = list(_duplicates(element_ids(doc), source, "element"))
    if folder is not None and doc.id != folder:
        problems.append(
            error(
                source.at(["id"]),
                "DLO022",
                Msg(
                    "id {id} differs from its folder {folder}", id=repr(doc.id), folder=repr(folder)
                ),
                Msg("set id: {folder}, or rename the folder", folder=folder),
            )
        )
    if folder is not None and folder_names.windows_cannot_keep(folder):
        problems.append(
            warning(
                source.at(["id"]),
                "DLO023",
                Msg(
                    "the folder {folder} cannot be kept on Windows (a device's name, or a name "
                    "ending in a dot): the documentation office's computer can neither check it "
                    "out nor open it",
                    folder=repr(folder),
                ),
                Msg("give the regulation another id and its folder that name"),
            )
        )
    problems += _unknown_ids(doc, source, reg)
    problems += _organisation_of_unit(doc, source, reg)
    problems += _repeated_approvers(doc, source)
    problems += _empty_chapters(doc, source)
    refs = {d.id for d in reg.normative_documents} | {a.id for a in reg.abbreviations}
    for _, loc in element_ids(doc):
        node = _node(doc, loc)
        if getattr(node, "ref", None) is not None:
            problems += _unknown(
                source, node.ref, refs, [*loc, "ref"], "normative document or abbreviation"
            )
    return problems


def _unknown(source: Source, value: str, known: set[str], loc: list, what: str) -> list[Problem]:
    """An id the registry does not define (none when it does)."""
    if value in known:
        return []
    return [
        error(
            source.at(loc),
            UNKNOWN,
            unknown_id(what, value),
            spelling.did_you_mean(value, sorted(known))
            or Msg(
                "use an id defined in regulations/registry.yaml ({section})",
                section=SECTION.get(what, what + "s"),
            ),
        )
    ]


def _unknown_ids(doc: Regulation, source: Source, reg: Registry) -> list[Problem]:
    """The organisation, unit and positions the regulation names, checked against the registry."""
    positions = {p.id for p in reg.positions}
    organisations = {reg.organisation.id} | {o.id for o in reg.organisations}
    problems = _unknown(source, doc.organisation, organisations, ["organisation"], "organisation")
    problems += _unknown(source, doc.unit, {u.id for u in reg.units}, ["unit"], "unit")
    if doc.position is not None:
        problems += _unknown(source, doc.position, positions, ["position"], "position")
    elif doc.kind == "job_instruction":
        problems.append(
            error(
                source.at([]),
                "DLO012",
                Msg("missing required field 'position'"),
                Msg("a job instruction names the position it describes"),
            )
        )
    named = [(pid, ["agreement", "approvers", i]) for i, pid in enumerate(doc.agreement.approvers)]
    named.append((doc.approval.by, ["approval", "by"]))
    for field in ("change_initiators", "instructions_from"):
        named += [(pid, [field, i]) for i, pid in enumerate(getattr(doc, field))]
    for pid, loc in named:
        problems += _unknown(source, pid, positions, loc, "position")
    return problems


def _unit_owner(reg: Registry, unit_id: str | None) -> str | None:
    """The organisation of unit ``unit_id`` (its ``organisation``, else the registry's); None:
    no such unit."""
    unit = next((u for u in reg.units if u.id == unit_id), None)
    return None if unit is None else unit.organisation or reg.organisation.id


def _organisation_of_unit(doc: Regulation, source: Source, reg: Registry) -> list[Problem]:
    """A regulation is its unit's organisation's, and a job instruction its position's (the
    organisation of the position's unit, else the registry's): naming another would have that
    organisation's rules judge it (who may approve it, DLO124) and its name printed on the
    forms."""
    problems = []
    owner = _unit_owner(reg, doc.unit)
    if owner is not None and owner != doc.organisation:
        problems.append(
            error(
                source.at(["organisation"]),
                "DLO024",
                Msg(
                    "the regulation names organisation {named}, but the registry puts its unit "
                    "{unit} in organisation {owner}",
                    named=repr(doc.organisation),
                    unit=repr(doc.unit),
                    owner=repr(owner),
                ),
                Msg(
                    "set organisation: {owner}, or name a unit of {named}",
                    owner=owner,
                    named=doc.organisation,
                ),
            )
        )
    position = next((p for p in reg.positions if p.id == doc.position), None)
    if doc.kind != "job_instruction" or position is None:
        return problems
    owner = _unit_owner(reg, position.unit) if position.unit else reg.organisation.id
    if owner is None or owner == doc.organisation:
        return problems
    problems.append(
        error(
            source.at(["position"]),
            "DLO024",
            Msg(
                "the regulation names organisation {named}, but the registry puts its position "
                "{position} in organisation {owner}",
                named=repr(doc.organisation),
                position=repr(doc.position),
                owner=repr(owner),
            ),
            Msg(
                "set organisation: {owner} and one of its units, or name a position of {named}",
                owner=owner,
                named=doc.organisation,
            ),
        )
    )
    return problems


def _repeated_approvers(doc: Regulation, source: Source) -> list[Problem]:
    """A position named again in ``agreement.approvers``: each approver agrees once, so a second
    place on the route would count the one agreement twice and print it on two rows."""
    where = ["agreement", "approvers"]
    entries = [(pid, [*where, i]) for i, pid in enumerate(doc.agreement.approvers)]
    problems: list[Problem] = []
    for pid, loc, first_loc in _repeats(entries):
        earlier = source.at(first_loc)
        problems.append(
            error(
                source.at(loc),
                DUPLICATE,
                Msg(
                    "approver {pid} is named twice (first at line {line}, column {col})",
                    pid=repr(pid),
                    line=earlier.line,
                    col=earlier.col,
                ),
                Msg("each approver agrees once: remove this one from agreement.approvers"),
            )
        )
    return problems


def _empty_chapters(doc: Regulation, source: Source) -> list[Problem]:
    return [
        error(
            source.at(["chapters", c]),
            "DLO013",
            Msg("chapter {id} is empty", id=repr(chapter.id)),
            Msg("add clauses or paragraphs"),
        )
        for c, chapter in enumerate(doc.chapters)
        if not chapter.clauses and not chapter.paragraphs
    ]


def _node(doc: Regulation, loc: list[str | int]) -> Any:
    node: Any = doc
    for part in loc:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return node
