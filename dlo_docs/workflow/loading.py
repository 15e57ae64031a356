"""What a workflow command works on: the registry, the working text, the journal and the history
it tells, loaded together (``load``), with the helpers every command shares."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..chars import HIDDEN, named, unknown
from ..errors import DloError, Location, UsageError, error
from ..i18n import Msg
from ..model_methods import own_position
from ..project import Document, Loaded, Project
from ..spelling import known_positions
from ..yaml_limits import MAX_SCALAR
from . import appending, dates, editions, facts
from . import clerk as _clerk
from . import journal as _journal
from .journal import Event
from .state import History, replay

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Registry, Regulation


@dataclass
class Ctx:
    """A regulation of a loaded project, with its journal and history, as a command works on it."""

    project: Project
    reg_id: str
    loaded: Loaded
    document: Document
    journal: _journal.Journal
    history: History

    @property
    def registry(self) -> Registry:
        assert self.loaded.registry is not None  # load() refuses a project without one
        return self.loaded.registry

    @property
    def model(self) -> Regulation:
        return self.document.model

    @cached_property
    def hash(self) -> str:
        """The working text's content hash, once per content of the file in the project's
        cache (the key ``editions.file_hash`` uses: the same text, the same hash)."""
        key = ("content hash", self.document.path.resolve())
        found: str = self.project.cache.get(
            key, self.document.source.text, lambda: self.document.content_hash
        )
        return found

    @property
    def where(self) -> str:
        return self.document.source.path

    def at(self, *loc: str | int) -> Location:
        return self.document.source.at(list(loc)) if loc else Location(self.where)

    def refuse(
        self, code: str, message: str, hint: str | None = None, at: tuple[str | int, ...] = ()
    ) -> DloError:
        return DloError(error(self.at(*at), code, message, hint))

    @property
    def void_reason(self) -> str | None:
        """Why every agreement of the open round is void (None: they stand): the text changed
        after it was submitted, or the organisation's name did (it heads every page)."""
        h = self.history
        if h.round is None or h.state not in ("agreement", "agreed"):
            return None
        if self.hash != h.round.submitted.content_hash:
            return Msg("its text changed after agreement began")
        if facts.organisation_changed(self.registry, h.round.submitted, self.model.organisation):
            return Msg("the organisation's name changed in the registry after agreement began")
        return None

    @property
    def voided(self) -> bool:
        return self.void_reason is not None

    @property
    def marks(self) -> dict[str, Event]:
        """The agreements of the open round that stand: none when the round is void, and not
        those given by someone who no longer holds the agreeing position."""
        h = self.history
        if h.round is None or h.state not in ("agreement", "agreed") or self.voided:
            return {}
        return {
            role: ev
            for role, ev in h.round.marks.items()
            if not facts.holder_changed(self.registry, ev)
        }

    @property
    def lapsed(self) -> list[str]:
        """Roles whose agreement lapsed because the position changed holder since: they must
        agree again (not a position the registry no longer defines: ``undefined``)."""
        h = self.history
        if h.round is None or self.voided:
            return []
        marks, undefined = self.marks, self.undefined
        return [
            r for r in h.round.route if r in h.round.marks and r not in marks and r not in undefined
        ]

    @property
    def undefined(self) -> list[str]:
        """Positions of the open round's route that the registry no longer defines: no form
        can print them and no one can agree as them; the round cannot end until the registry
        defines them again."""
        h = self.history
        if h.round is None or h.state not in ("agreement", "agreed"):
            return []
        known = {p.id for p in self.registry.positions}
        return [r for r in h.round.route if r not in known]

    @property
    def pending(self) -> list[str]:
        """Approvers of the open round yet to agree, in route order."""
        h = self.history
        if h.round is None:
            return []
        marks = self.marks
        return [r for r in h.round.route if r not in marks]

    @property
    def state(self) -> str:
        """The history's state, with lapsed agreements counted as not given."""
        h = self.history
        if h.state in ("agreement", "agreed") and not self.voided:
            return "agreement" if self.pending else "agreed"
        return h.state


def load(project: Project, reg_id: str, complete: bool = False) -> Ctx:
    """Load ``reg_id`` for a command; ``complete``: also finish an interrupted approval (only
    under the journal lock)."""
    path = project.regulation_path(reg_id)
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(path, loaded)
    if document is None or loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    loaded.documents[document.model.id] = document
    journal = _journal.read(project, reg_id)
    if journal.problems:
        raise DloError(journal.problems)
    ctx = Ctx(project, reg_id, loaded, document, journal, replay(journal.events))
    if complete:
        editions.complete_approvals(project, reg_id, ctx.history)
    return ctx


def role(ctx: Ctx, value: str | None, option: str) -> str:
    ids = [p.id for p in ctx.registry.positions]
    if not value or value not in ids:
        raise UsageError(
            *unknown(
                value,
                Msg("unknown role {value} for {option}", value=repr(value), option=option),
                known_positions(
                    value, ids, {p.id: p.title.values() for p in ctx.registry.positions}
                ),
            )
        )
    return value


def text(value: str | None, option: str) -> str:
    """The text an option gives to be recorded (an order number, a reason, remarks): its
    spaces collapsed; empty, or holding a control character (an escape that would reach every
    terminal showing the journal, a character no DOCX holds) or a format character, it is
    refused."""
    value = optional_text(value, option)
    if not value:
        raise UsageError(Msg("{option} must not be empty", option=option))
    return value


def order_number(value: str | None, option: str = "--order") -> str:
    """An order's number as the forms print it after their own "№ " ("№ 12-НҚ"): typed with
    its "№" ("№ 12-НҚ", as the paper order writes it) it would print "№ № 12-НҚ" on the title
    page, the sheets and the site, so it is refused with the number to type."""
    value = text(value, option)
    if value.startswith("№"):
        bare = value.lstrip("№ ")
        raise UsageError(
            Msg(
                "{option} '{value}' starts with '№', which the forms print before the number "
                "themselves",
                option=option,
                value=value,
            ),
            Msg("give the number alone: {option} {bare}", option=option, bare=bare or "12-НҚ"),
        )
    return value


def reasons(given: dict[str, str | None] | None) -> dict[str, Any]:
    """The reason in each language given its own wording (``--reason-kk``, ``--reason-ru``), as
    a ``revised`` event records it (``reasons``); nothing when none was given."""
    kept = {lang: text(v, f"--reason-{lang}") for lang, v in (given or {}).items() if v is not None}
    return {"reasons": kept} if kept else {}


def optional_text(value: str | None, option: str) -> str | None:
    """As ``text``, but none (None) is allowed. A soft hyphen, which a text pasted from Word or
    a web page brings, is left out: it only marks where a word may be hyphenated, and the text
    prints the same without it."""
    value = unicodedata.normalize("NFC", " ".join((value or "").replace("\xad", "").split()))
    if len(value) > MAX_SCALAR:  # the journal could not read it back (DLO008): said as such
        raise UsageError(
            Msg(
                "{option} is {n} characters long; at most {most} are recorded",
                option=option,
                n=len(value),
                most=MAX_SCALAR,
            ),
            Msg("shorten it: a long text belongs in a document of its own, which it can name"),
        )
    # a character that prints as nothing too (DLO118's: a direction override, a zero-width
    # space, a Hangul filler): the site, the sheets and the terminal would show another text
    hidden = _HIDDEN.search(value)
    if hidden is not None:
        raise _hidden(value, hidden.start(), option)
    return value or None


_HIDDEN = re.compile(HIDDEN)


def _hidden(value: str, at: int, option: str) -> UsageError:
    """The refusal of ``value`` for its character at ``at``, named, in the word that holds it
    as the word prints (the clerk sees nothing where it is)."""
    ch = value[at]
    start = value.rfind(" ", 0, at) + 1
    end = value.find(" ", at)
    word = value[start : None if end < 0 else end]
    shown, what = _HIDDEN.sub("", word), named(ch)  # (DLO118's words)
    said = (
        Msg("{option} holds {what} in '{word}'", option=option, what=what, word=shown)
        if shown
        else Msg("{option} holds {what}", option=option, what=what)
    )
    return UsageError(
        said,
        Msg(
            "type that word again by hand: a paste from another program can bring such a character"
        ),
    )


def today(ctx: Ctx) -> dt.date:
    return dates.today(ctx.registry.organisation.timezone)


def append(
    ctx: Ctx,
    clerk: str,
    involved: Iterable[str | None] = (),
    organisation: bool = False,
    sign: Any = None,
    write: bool = True,
    **entry: Any,
) -> Event:
    """Append one event recorded by ``clerk``, with the registry facts of its role, the clerk
    and the ``involved`` positions (and with ``organisation`` the organisation's name, the
    regulation's position and unit, and its own position: a unit regulation's unit's head, whose
    holder and, recorded as ``head``, whose id ``verify`` compares with its approvers', DLO612)
    as they are now; ``sign`` (from
    ``signatures.before_write``) signs it as it is written."""
    entry.setdefault("time", _journal.now(ctx.registry.organisation.timezone))
    entry.setdefault("actor", _journal.actor(ctx.project))
    entry["clerk"] = clerk
    subject = ctx.model if organisation else None  # its position and unit, with the name
    own = (
        own_position(ctx.registry, subject.kind, subject.position, subject.unit)
        if subject
        else None
    )
    entry["facts"] = facts.capture(
        ctx.registry,
        [entry.get("role"), *involved, clerk, subject.position if subject else None, own],
        subject.organisation if subject else None,
        subject.unit if subject else None,
        (own or "") if subject and subject.kind != "job_instruction" else None,
    )
    return appending.append(ctx.project, ctx.reg_id, ctx.journal, entry, sign=sign, write=write)


def clerk(ctx: Ctx, option: str | None) -> str:
    """The clerk recording this command's event (see ``clerk.py``)."""
    return _clerk.resolve(ctx.registry, option)


def revise_first(reg_id: str) -> Msg:
    """The hint of a refusal to work on a regulation that is in force with no draft open."""
    return Msg("open a revision first: dlo revise {id} --by ROLE --reason TEXT", id=reg_id)


def way_on(h: History, reg_id: str) -> Msg | None:
    """The hint of a refusal to agree to, reject or approve what is not in agreement: submit the
    draft, or open a revision of the edition in force."""
    if h.state == "draft":
        return Msg("submit it for agreement first: dlo submit {id}", id=reg_id)
    return revise_first(reg_id) if h.state == "in_force" else None


def state_phrase(h: History) -> Msg:
    """Where the regulation stands, as a refusal says it."""
    if h.state == "in_force":
        return Msg("edition {n} is in force and no draft is open", n=h.in_force)
    if h.state == "approved":
        return Msg(
            "edition {n} is approved and takes effect on {date}", n=h.pending, date=h.takes_effect
        )
    return {
        "withdrawn": Msg("it has been withdrawn"),
        "draft": Msg("it is a draft that has not been submitted"),
        "agreement": Msg("it is in agreement"),
        "agreed": Msg("every approver has agreed"),
    }[h.state]
