"""Acknowledgements (ҚП 082-2022: every holder signs the acquaintance sheet): that a person has
read the edition in force, on a date — one ``acknowledged`` journal event each.

A reader is named by a registry position (its holder, name and title as the registry has them
that day, captured in the event) or by a name and a position (a registry id, or the title as
written). Who has to read an edition: the holder of a job instruction's position; for a unit
regulation, the holder of every position of the unit. An edition taking effect starts a new
round: only the acknowledgements of the edition in force count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import persons
from ..chars import HIDDEN, unknown
from ..errors import DloError, Location, UsageError, error
from ..i18n import Msg
from ..model import Registry, Regulation
from ..project import Document, Project
from ..records import SignatureNote, signature_note
from ..spelling import known_positions
from . import appending, dates, editions, loading, signing_roles
from . import journal as _journal
from .journal import Event
from .state import replay

if TYPE_CHECKING:
    from ..signing.keys import Signer


@dataclass(frozen=True)
class Reader:
    """A person who has to read, or has read, an edition."""

    name: str
    position: str  # the position's title as printed
    position_id: str | None = None  # the registry position, when there is one
    # where the reader was named (a row of an acquaintance list), for the refusals
    where: Location | None = field(default=None, compare=False, repr=False)
    dated: Location | None = field(default=None, compare=False, repr=False)  # its date's cell

    def key(self) -> str:
        return self.position_id or f"{self.name}|{self.position}".casefold()

    def shown(self) -> str:
        return f"{self.name} ({self.position})" if self.name else self.position


@dataclass(frozen=True)
class Acknowledged:
    reader: Reader
    date: dt.date
    edition: int
    signed: SignatureNote | None = None  # signed with the reader's own key


@dataclass
class Round:
    """The acknowledgements of the edition in force and who has not read it yet."""

    edition: int | None
    done: list[Acknowledged] = field(default_factory=list)
    missing: list[Reader] = field(default_factory=list)  # expected readers not yet acknowledged


def holder(registry: Registry, position_id: str, lang: str) -> Reader:
    """The current holder of a registry position, as the registry names them in ``lang``."""
    ids = [p.id for p in registry.positions]
    if position_id not in ids:
        raise UsageError(
            *unknown(
                position_id,
                Msg("unknown position {position_id}", position_id=repr(position_id)),
                known_positions(position_id, ids),
            )
        )
    pos = registry.position(position_id)
    name = (pos.holder or {}).get(lang) or next(iter((pos.holder or {}).values()), "")
    if not name:
        raise UsageError(
            Msg("the registry names no holder of {position_id}", position_id=repr(position_id)),
            Msg("add holder: to the position, or give --name"),
        )
    return Reader(name, pos.title.get(lang) or next(iter(pos.title.values())), position_id)


def named(registry: Registry, name: str, position: str, lang: str) -> Reader:
    """A reader given by name and position: a registry position id or title, else as written;
    a soft hyphen (a paste from Word or a web page brings one) left out, as an option's text
    leaves it out (``loading.optional_text``)."""
    name, position = (" ".join(v.replace("\xad", "").split()) for v in (name, position))
    if not name or not position:
        raise UsageError(
            Msg("a reader needs a name and a position"), Msg("give --name and --position")
        )
    for value in (name, position):
        if re.search(HIDDEN, value):
            raise UsageError(
                Msg("{value} holds an invisible or control character", value=repr(value)),
                Msg("type the name and position as plain text"),
            )
    for pos in registry.positions:
        titles = {t.casefold() for t in pos.title.values()}
        if position == pos.id or position.casefold() in titles:
            holders = {persons.key(h) for h in (pos.holder or {}).values()} - {""}
            # a position named by its id is that registry position; by its title, only its
            # holder is (their name however written, as persons.key reads it): anyone else of
            # the same title is a person of their own (two specialists on a list are not one,
            # nor is either the holder), under the title as written (the registry's in ``lang``
            # would print a Russian list's 'Специалист' as 'Маман' on the Russian sheet)
            held = position == pos.id or persons.key(name) in holders
            if not held:
                return Reader(name, position)
            return Reader(name, pos.title.get(lang) or position, pos.id)
    return Reader(name, position)


def expected(registry: Registry, doc: Regulation) -> list[Reader]:
    """Who has to read ``doc``: its position's holder, or every holder of its unit (the
    acquaintance sheet pre-fills the same: ``Registry.readers``)."""
    lang = doc.main_lang
    ids = registry.readers(doc.kind, doc.position, doc.unit)
    return [holder(registry, pid, lang) for pid in ids if registry.position(pid).holder]


def _reader(ev: Event) -> Reader:
    return Reader(ev.get("name") or "", ev.get("position") or "", ev.get("position_id"))


def acknowledged(events: list[Event], edition: int | None) -> list[Acknowledged]:
    return [
        Acknowledged(
            _reader(ev),
            dates.day(ev.get("date")),
            ev.edition,
            signature_note(ev.get("signature"), ev.when.tzinfo),
        )
        for ev in events
        if ev.event == "acknowledged" and ev.edition == edition
    ]


def language(project: Project, reg_id: str) -> str:
    """The language an acknowledgement of ``reg_id`` records its reader's name and title in: the
    first of the edition in force (its sheets print them), else of the working text."""
    ctx = loading.load(project, reg_id)
    n = ctx.history.in_force
    doc = ctx.model if n is None else editions.edition_model(project, reg_id, n, ctx.document)
    return doc.languages[0]


def round_of(
    project: Project, reg_id: str, registry: Registry, working: Document | None = None
) -> Round:
    """The current round: the edition in force, who read it, who has not. ``working``: the
    regulation's working text, already loaded (its model is the edition's when the frozen file
    is that text: see ``editions.edition_model``)."""
    h = replay(_journal.events_or_raise(project, reg_id))
    if h.in_force is None:
        return Round(None)
    done = acknowledged(h.acknowledgements, h.in_force)
    doc = editions.edition_model(project, reg_id, h.in_force, working)
    keys = {a.reader.key() for a in done}
    return Round(h.in_force, done, [r for r in expected(registry, doc) if r.key() not in keys])


def _entries(
    ctx: loading.Ctx, readers: list[tuple[Reader, dt.date | None]]
) -> list[tuple[Reader, dt.date]]:
    """Each reader with their date (default today), refusing the whole batch for a date before
    the edition took effect or after today, or a reader already recorded."""
    h = ctx.history
    n, today, start = h.in_force, loading.today(ctx), h.effective_from
    seen = {a.reader.key(): a for a in acknowledged(h.acknowledgements, n)}
    entries = []
    for reader, date in readers:
        date = date or today
        if start is not None and date < start:
            raise _refused(
                reader,
                Msg(
                    "{value}: {date} is before edition {n} took effect ({start})",
                    value=reader.shown(),
                    date=date,
                    n=n,
                    start=start,
                ),
                Msg("give the date the person signed"),
            )
        if date > today:
            raise _refused(
                reader,
                Msg("{value}: {date} is in the future", value=reader.shown(), date=date),
                Msg("give the date the person signed"),
            )
        if reader.key() in seen:
            message = Msg(
                "{value} has already acknowledged edition {n} (on {date})",
                value=reader.shown(),
                n=n,
                date=seen[reader.key()].date,
            )
            hint = Msg("each person acknowledges an edition once; nothing was recorded")
            if reader.where is not None:
                raise DloError(error(reader.where, "DLO640", message, hint))
            raise ctx.refuse("DLO640", message, hint)
        seen[reader.key()] = Acknowledged(reader, date, n or 0)
        entries.append((reader, date))
    return entries


def _refused(reader: Reader, message: str, hint: str | None = None) -> Exception:
    """A reader's date refused: at the row of the list that named them (DLO641), else as a
    usage error of the command's options."""
    if (where := reader.dated or reader.where) is not None:
        return DloError(error(where, "DLO641", message, hint))
    return UsageError(message, hint)


def _signing(ctx: loading.Ctx, entries: list[tuple[Reader, dt.date]], signer: Signer | None) -> Any:
    """The policy's and the certificate's checks; the hook that signs the one acknowledgement a
    person makes with their own key (None: unsigned). The certificate must be the registry's for
    the reader's position on the day they read it and today, and name the reader."""
    from . import signatures  # writing: the signing code and its cryptography (not to read)

    if signer is not None and len(entries) != 1:
        raise UsageError(
            Msg("--sign signs one person's acknowledgement, with their own key"),
            Msg(
                "give one --holder (or --name with --position) with --sign; a list is recorded unsigned"
            ),
        )
    reader, date = entries[0]
    if signer is not None and reader.position_id is None:
        raise ctx.refuse(
            "DLO903",
            Msg(
                "{value} holds no registry position: the registry binds no certificate to them",
                value=reader.shown(),
            ),
            Msg("name the reader by their registry position: --holder POSITION, or --position ID"),
        )
    signers = signatures.signers_for(ctx.project, ctx.loaded)
    now = dates.now(ctx.registry.organisation.timezone)
    return signatures.before_write(
        signers,
        "acknowledged",
        reader.position_id or reader.shown(),
        signer,
        date,
        ctx.at(),
        now,
        person=signing_roles.reader_names(reader.name, _holder(ctx, reader.position_id)),
        latest=signatures.latest(ctx.journal),
    )


def _holder(ctx: loading.Ctx, position_id: str | None) -> dict[str, str] | None:
    position = next((p for p in ctx.registry.positions if p.id == position_id), None)
    return dict(position.holder) if position is not None and position.holder else None


def acknowledge(
    project: Project,
    reg_id: str,
    readers: list[tuple[Reader, dt.date | None]],
    clerk: str | None = None,
    signer: Signer | None = None,
) -> list[Event]:
    """Record that each reader has read the edition in force on their date (default today).
    All or nothing: a reader already recorded, a date before the edition took effect or after
    today refuses the whole batch. ``signer``: the one reader's own key signs their event
    (refused when the registry requires acknowledgements signed and there is none)."""
    if not readers:
        raise UsageError(Msg("nobody to record"), Msg("give --holder, --name/--position or --csv"))
    from . import guards  # writing: the lint rules and the signing checks (not to read)

    with _journal.lock(project, reg_id):
        ctx = loading.load(project, reg_id, complete=True)
        guards.intact(ctx)
        clerk = loading.clerk(ctx, clerk)
        h = ctx.history
        if h.in_force is None:
            raise ctx.refuse(
                "DLO620",
                Msg(
                    "{reg_id} has no edition in force: there is nothing to acknowledge yet",
                    reg_id=reg_id,
                ),
                Msg("dlo status {reg_id}", reg_id=reg_id),
            )
        entries = _entries(ctx, readers)
        sign = _signing(ctx, entries, signer)
        recorded = [
            loading.append(
                ctx,
                clerk,
                [reader.position_id] if sign else [],  # a signed one: who held it, for verify
                role=None,
                event="acknowledged",
                edition=h.in_force,
                name=reader.name,
                position=reader.position,
                position_id=reader.position_id,
                date=date.isoformat(),
                content_hash=h.approvals[h.in_force].content_hash,
                sign=sign,
                write=False,
            )
            for reader, date in entries
        ]
        appending.flush(project, reg_id, ctx.journal)  # the whole batch: one read-back, one write
        return recorded
