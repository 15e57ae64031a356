"""Facts the text states in prose about the document's route: who agrees it, who approves it,
who initiates changes, whom the holder takes instructions from.

Each comes from the clause that states it (marked ``states:`` so ``dlo check`` keeps text and data
in step); approvers are always reported as proposals to confirm (DLO510), and with no clause naming
them taken from the source's agreement sheet or block (``agreed``), which is also checked against
the clause that does (``signed_check``); what no clause states is set by the import and reported
(DLO511).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import UsageError
from ..i18n import Msg
from ..mentions import agreement_part, agreement_said, contains, stating_part, words
from ..model import Position, Registry
from . import agreed, facts, groups, signed_check, states
from .agreed import Signed
from .ids import Ids, slug
from .report import Report
from .tree import Node, Tree, clauses, full_text

_MAX_PROPOSED = 20  # officials a sheet names that the registry does not know, proposed at most


@dataclass
class Route:
    approvers: list[str]
    by: str
    change_initiators: list[str]
    instructions_from: list[str]
    new_positions: list[facts.Proposal] = field(default_factory=list)


@dataclass
class _Reader:
    """Reads the positions named in the clauses that state facts."""

    tree: Tree
    registry: Registry
    lang: str
    position: str | None
    stated: dict[str, Node]
    numbers: dict[int, str]  # Tree.clause_numbers
    signed: Signed | None = None  # the source's agreement sheet or block

    def named(
        self, fact: str, keep_own: bool = False, registry: Registry | None = None
    ) -> tuple[list[str], Node | None]:
        clause, text = self._stating(fact)
        if clause is None:
            return [], None
        found, _ = facts.named_in_order(text, registry or self.registry, self.lang)
        if not keep_own:
            found = [p for p in found if p != self.position]
        return found, clause

    def _stating(self, fact: str) -> tuple[Node | None, str]:
        """The clause stating ``fact`` and the part of it that names its positions; with no
        clause of their own, the approvers the clause on the approval says it is agreed with."""
        clause = self.stated.get(fact)
        if clause is not None:
            return clause, stating_part(fact, full_text(clause))
        approval = self.stated.get("approval") if fact == "approvers" else None
        said = agreement_said(full_text(approval)) if approval is not None else ""
        return (approval, said) if said else (None, "")

    def shown(self, clause: Node) -> str:
        """A clause as a message names it (``Tree.shown``)."""
        return self.tree.shown(self.numbers, clause)

    def title(self, pid: str, proposed: list[facts.Proposal]) -> str:
        for p in proposed:
            if p.entry["id"] == pid:
                return p.entry["title"][self.lang]
        return self.registry.position(pid).title.get(self.lang, pid)

    def top(self, default: str | None) -> str | None:
        return next((p.id for p in self.registry.positions if p.reports_to is None), default)


def _entries(reader: _Reader, found: list[tuple[str, str]]) -> list[tuple[str, dict]]:
    """Each (title, mention) of a position the registry does not know, with its proposed entry."""
    taken = Ids({p.id for p in reader.registry.positions})
    return [
        (
            title,
            {
                "id": taken(slug(title, words=6, limit=60, fallback="position")),
                "title": {reader.lang: title},
                "mentions": {reader.lang: [mention]},
            },
        )
        for title, mention in found
    ]


def _unknown_approvers(
    reader: _Reader, clause: Node, update_registry: bool, report: Report
) -> list[facts.Proposal]:
    """Approvers the agreement clause names that the registry does not know, as proposals: a
    group it names in the plural whose members sign the source's sheet on rows of their own,
    a position per row (``groups``)."""
    said = agreement_part(clause.text)
    expansions = facts.expansions(reader.tree.chapters, reader.registry, reader.lang)
    found = groups.unknown(said, reader.signed, reader.registry, expansions, reader.lang)
    unknown = [
        (title, mention)
        for title, mention in facts.unknown_positions(said, reader.registry, reader.lang)
        if not any(groups.names(group, mention) for group in found)
    ]
    rows = [(row, agreed.mention(row, reader.lang)) for group in found for row in group.rows]
    entries = _entries(reader, unknown + rows)
    proposals = [facts.Proposal("positions", entry, clause) for _, entry in entries]
    for title, entry in entries[: len(unknown)]:
        report.confirm(
            clause.where,
            Msg(
                "clause {numbers} names an approver the registry does not know: {title} (proposed as position {entry})",
                numbers=reader.shown(clause),
                title=repr(title),
                entry=entry["id"],
            ),
            _unknown_hint(update_registry),
        )
    members = iter(entry for _, entry in entries[len(unknown) :])
    for group in found:
        ids = []
        for entry in (next(members) for _ in group.rows):
            entry["mentions"][reader.lang].append(groups.mention(group))
            ids.append(entry["id"])
        assert reader.signed is not None  # (a group's rows are the sheet's)
        groups.say(group, ids, reader.signed, reader.shown(clause), update_registry, report)
    return proposals


def _approvers(
    reader: _Reader, update_registry: bool, report: Report, approving: set[str]
) -> tuple[list[str], list[facts.Proposal]]:
    approvers, clause = reader.named("approvers")
    if clause is None:
        new_positions: list[facts.Proposal] = []
    else:
        new_positions = _unknown_approvers(reader, clause, update_registry, report)
    if clause is not None and new_positions and update_registry:
        extended = _extended(reader.registry, new_positions)
        approvers, _ = reader.named("approvers", registry=extended)
    if approvers and clause is not None:
        report.confirm(
            clause.where,
            Msg(
                "agreement.approvers proposed from clause {numbers}: {value}",
                numbers=reader.shown(clause),
                value=", ".join(reader.title(i, new_positions) for i in approvers),
            ),
            Msg("confirm the approvers and their order (the route is sequential)"),
        )
        if reader.signed is not None:
            _check_signed(reader, reader.signed, clause, new_positions, approving, report)
        return approvers, new_positions
    if reader.signed is not None:
        signed, proposed = _from_signed(reader, reader.signed, approving, update_registry, report)
        new_positions += proposed
        if signed:
            return signed, new_positions
    return [_fallback(reader, report)], new_positions


def _extended(registry: Registry, proposals: list[facts.Proposal]) -> Registry:
    """``registry`` with the positions proposed."""
    positions = [*registry.positions, *(Position.model_validate(p.entry) for p in proposals)]
    return registry.model_copy(update={"positions": positions})


def _from_signed(
    reader: _Reader, sheet: Signed, approving: set[str], update_registry: bool, report: Report
) -> tuple[list[str], list[facts.Proposal]]:
    """The approvers the source's agreement sheet or block names (reported), and the officials
    it names that the registry does not know, proposed as positions (and approvers, with
    ``update_registry``)."""
    proposed = []
    unknown = agreed.unknown(sheet, reader.registry, reader.lang)
    if len(unknown) > _MAX_PROPOSED:
        said = Msg(
            "the source's agreement sheet or block names {count} officials the registry does "
            "not know: more than an agreement has, none proposed",
            count=len(unknown),
        )
        report.confirm(
            sheet.where, said, Msg("check the sheet; name the approvers in agreement.approvers")
        )
        unknown = []
    for title, entry in _entries(reader, unknown):
        proposed.append(facts.Proposal("positions", entry, None))
        if sheet.what == "sheet":
            said = Msg(
                "the source's agreement sheet names an approver the registry does not know: "
                "{title} (proposed as position {entry})",
                title=repr(title),
                entry=entry["id"],
            )
        else:
            said = Msg(
                "the source's agreement block names an approver the registry does not know: "
                "{title} (proposed as position {entry})",
                title=repr(title),
                entry=entry["id"],
            )
        report.confirm(sheet.where, said, _unknown_hint(update_registry))
    registry = _extended(reader.registry, proposed) if proposed and update_registry else None
    signed = [p for p in _signatories(reader, registry or reader.registry) if p not in approving]
    if signed:
        value = ", ".join(reader.title(i, proposed) for i in signed)
        if sheet.what == "sheet":
            said = Msg(
                "agreement.approvers proposed from the source's agreement sheet: {value}",
                value=value,
            )
        else:
            said = Msg(
                "agreement.approvers proposed from the source's agreement block: {value}",
                value=value,
            )
        hint = Msg("confirm the approvers and their order (the route is sequential)")
        report.confirm(sheet.where, said, hint)
    return signed, proposed


def _unknown_hint(update_registry: bool) -> str:
    """What to do with a position the import proposes."""
    if update_registry:
        return Msg("confirm it, give it a unit and reports_to in the registry")
    return Msg(
        "confirm it, give it a unit and reports_to in the registry, "
        "or import with --update-registry"
    )


def _signatories(reader: _Reader, registry: Registry) -> list[str]:
    """The positions of ``registry`` the source's agreement sheet or block names, but the
    holder's own (the approving official's are left out by the caller)."""
    if reader.signed is None:
        return []
    found, _ = facts.named_in_order(reader.signed.text, registry, reader.lang)
    return [p for p in found if p != reader.position]


def _check_signed(
    reader: _Reader,
    sheet: Signed,
    clause: Node,
    proposed: list[facts.Proposal],
    approving: set[str],
    report: Report,
) -> None:
    """The source's agreement sheet or block against the approvers ``clause`` names, both read
    with the positions proposed from it (with ``--update-registry`` or not)."""
    registry = _extended(reader.registry, proposed) if proposed else reader.registry
    approvers, _ = reader.named("approvers", registry=registry)
    skip = approving | ({reader.position} if reader.position else set())
    expansions = facts.expansions(reader.tree.chapters, reader.registry, reader.lang)
    difference = signed_check.compare(
        sheet, approvers, registry.positions, skip, expansions, reader.lang
    )
    signed_check.say(difference, sheet, reader.shown(clause), report)


def _holders(reader: _Reader, sheet: Signed, proposed: list[facts.Proposal], report: Report):
    """The names the source's agreement sheet or block gives beside the officials proposed as
    positions: their holders."""
    entries = [p.entry for p in proposed if p.section == "positions"]
    positions = _extended(reader.registry, proposed).positions
    expansions = facts.expansions(reader.tree.chapters, reader.registry, reader.lang)
    signed_check.propose_holders(sheet, entries, positions, expansions, reader.lang, report)


def _fallback(reader: _Reader, report: Report) -> str:
    """With no approvers named: whom the holder reports to, else the head of the organisation."""
    position = reader.position
    reports_to = reader.registry.position(position).reports_to if position else None
    fallback = reports_to or reader.top(position)
    if fallback is None:
        raise UsageError(
            Msg("no clause names the approvers and the registry has no position to send it to"),
            Msg(
                "add the positions to regulations/registry.yaml, or name the approvers in the text"
            ),
        )
    report.assumed(
        Msg(
            "no clause names the approvers; agreement.approvers set to {fallback}",
            fallback=fallback,
        ),
        Msg("list the approvers in agreement.approvers"),
    )
    return fallback


def read_route(
    tree: Tree,
    registry: Registry,
    lang: str,
    position: str | None,
    update_registry: bool,
    report: Report,
    authority: str | None = None,
    signed: Signed | None = None,
) -> Route:
    """The route facts of ``tree``; marks the clauses that state them. ``authority``: whom the
    source's approval block names as approving it, used when no clause names who approves;
    ``signed``: the source's agreement sheet or block, read for the approvers when no clause
    names them, and checked against the clause that does."""
    stated = states.mark_states(tree.chapters)
    numbers = tree.clause_numbers()
    reader = _Reader(tree, registry, lang, position, stated, numbers, signed)
    by, _ = reader.named("approval")
    approving = set(by) | set(facts.named_in_order(authority or "", registry, lang)[0])
    if not approving and (top := reader.top(None)) is not None:
        approving = {top}  # (who approves it when nothing says: the head of the organisation)
    approvers, new_positions = _approvers(reader, update_registry, report, approving)
    if signed is not None and new_positions:
        _holders(reader, signed, new_positions, report)
    if not by and authority:
        by, _ = facts.named_in_order(authority, registry, lang)
        if by:
            report.assumed(
                Msg(
                    "approval.by set to {by}, whom the source's approval block names ({authority})",
                    by=by[0],
                    authority=repr(authority),
                ),
                Msg("confirm approval.by"),
            )
    if not by:
        top = reader.top(approvers[0]) or approvers[0]  # (a default given: never None)
        by = [top]
        report.assumed(
            Msg("no clause names who approves; approval.by set to {top}", top=top),
            Msg("set approval.by"),
        )
    initiators, said = reader.named("change_initiators", keep_own=True)
    if not initiators:
        if said is not None:  # a clause on changes that names no position: it states no fact
            said.states = None
        initiators = [position] if position else approvers[:1]
        report.assumed(
            Msg(
                "no clause names who initiates changes; change_initiators set to {initiators}",
                initiators=initiators[0],
            ),
            Msg("set change_initiators"),
        )
    instructions, _ = reader.named("instructions_from")
    reports_to = registry.position(position).reports_to if position else None
    if reports_to and instructions == [reports_to]:
        instructions = []
    return Route(approvers, by[0], initiators, instructions, new_positions)


def approval_form(
    tree: Tree, stated_by_block: str | None, order_words: list[str], report: Report
) -> str:
    """``approval.form``: what the source's approval block says; else what the clause stating
    approval says (an order named: by order; only the official named: by signature); else by
    order, the usual form."""
    if stated_by_block is not None:
        return stated_by_block
    clause = next((c for _, c in clauses(tree.chapters) if c.states == "approval"), None)
    if clause is None or not order_words:
        return "order"
    said = words(full_text(clause))
    if any(contains(said, w) for w in order_words):
        return "order"
    shown = tree.shown(tree.clause_numbers(), clause)
    report.assumed(
        Msg(
            "clause {n} names who approves but no order: approval.form set to "
            "signature (approved by the official's own signature)",
            n=shown,
        ),
        Msg("set approval.form: order if an order approves it"),
        clause.where,
    )
    return "signature"
