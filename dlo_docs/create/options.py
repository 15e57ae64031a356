"""The options of ``dlo new`` and the facts of the new regulation: what the options give, else
what the registry says — its position or unit, whom it reports to, the route of agreement, the
approving official, the change initiators — and the officials its text names or leaves to
write."""

from __future__ import annotations

from dataclasses import dataclass

from ..chars import unknown
from ..errors import UsageError
from ..i18n import Msg
from ..model import LANGS, Registry
from ..spelling import known_positions
from .route import chain as _chain
from .route import colleagues as _colleagues
from .route import no_route as _no_route
from .route import top_head as _top_head

KINDS = ("job_instruction", "unit_regulation")


@dataclass(frozen=True)
class Options:
    kind: str
    position: str | None = None
    unit: str | None = None
    languages: tuple[str, ...] = LANGS
    code: str | None = None
    title: str | None = None  # in the first language
    approvers: tuple[str, ...] = ()
    approval_by: str | None = None
    initiators: tuple[str, ...] = ()


@dataclass
class Facts:
    unit: str
    position: str | None
    head: str | None
    supervisor: str | None
    approval_by: str
    approvers: list[str]
    initiators: list[str]

    @property
    def approving_official(self) -> str | None:
        """Who approves it, unless it is its own position (a unit regulation's: its unit's head;
        DLO121): who approves the job instruction of the official approving the organisation's
        (the rector's), or the regulation of the unit that official heads (the rectorate's), is
        the organisation's decision, left to write."""
        return self.approval_by if self.approval_by != (self.position or self.head) else None

    @property
    def appointing_official(self) -> str | None:
        """By whose order the position is appointed: the official who approves its instruction,
        unless it approves it itself or reports to nobody (the rector is not appointed by his own
        order: left to write)."""
        return self.approving_official if self.position and self.supervisor else None


def _known(registry: Registry, pid: str, what: str) -> str:
    ids = [p.id for p in registry.positions]
    if pid not in ids:
        raise UsageError(
            *unknown(
                pid,
                Msg("unknown position {pid} ({what})", pid=repr(pid), what=what),
                known_positions(pid, ids, {p.id: p.title.values() for p in registry.positions}),
            )
        )
    return pid


def _given_route(ids: tuple[str, ...]) -> list[str]:
    """The route ``--approvers`` gives, refused when it names a position twice."""
    for i, pid in enumerate(ids):
        if pid in ids[:i]:
            raise UsageError(
                Msg("--approvers names {pid} twice", pid=pid),
                Msg("each approver agrees once: name every position once"),
            )
    return list(ids)


def facts(registry: Registry, options: Options) -> Facts:
    """The facts of a new regulation: the options where given, else what the registry says."""
    if options.kind not in KINDS:
        raise UsageError(
            Msg("unknown kind {kind}", kind=repr(options.kind)),
            Msg("use one of: {choices}", choices=", ".join(KINDS)),
        )
    if options.kind == "job_instruction":
        if not options.position or options.unit:
            raise UsageError(
                Msg("a job instruction is made for a position"),
                Msg("give --position POSITION (no --unit)"),
            )
        position = _known(registry, options.position, "--position")
        unit = registry.position(position).unit
        if unit is None:
            raise UsageError(
                Msg("position {position} has no unit in the registry", position=repr(position)),
                Msg("add unit: to the position in regulations/registry.yaml"),
            )
        head = registry.unit(unit).head
        supervisor = registry.position(position).reports_to
    else:
        if not options.unit or options.position:
            raise UsageError(
                Msg("a unit regulation is made for a unit"), Msg("give --unit UNIT (no --position)")
            )
        if options.unit not in {u.id for u in registry.units}:
            known = ", ".join(u.id for u in registry.units) or "none"
            raise UsageError(
                *unknown(
                    options.unit,
                    Msg("unknown unit {unit}", unit=repr(options.unit)),
                    Msg("units in the registry: {known}", known=known),
                )
            )
        unit, position = options.unit, None
        head = registry.unit(unit).head
        supervisor = registry.position(head).reports_to if head else None
    approval_by = options.approval_by or _top_head(registry, unit)
    if not approval_by:
        raise UsageError(
            Msg("the registry names no head of the organisation to approve the regulation"),
            Msg("give --approval-by POSITION"),
        )
    _known(registry, approval_by, "--approval-by")
    approvers = _given_route(options.approvers) or _chain(registry, supervisor, approval_by)
    if not approvers:
        mates = _colleagues(registry, unit)
        others = [pid for pid in mates if pid not in (position, head, approval_by)]
        raise _no_route(position or head or unit, supervisor, approval_by, others)
    first = head or position  # the unit's head, or the position when its unit has none
    initiators = list(options.initiators) or list(
        dict.fromkeys([*([first] if first else []), *_chain(registry, supervisor, approval_by)])
    )
    for pid in [*approvers, *initiators]:
        _known(registry, pid, "--approvers, --initiators")
    return Facts(unit, position, head, supervisor, approval_by, approvers, initiators)
