"""Signed events: the policy and the signer's checks before a write, and verifying and exporting
the signatures of a journal.

An event signed by an official carries ``signature`` (see ``signing.decisions``): a detached CMS
signature of ``journal.signed_bytes(event)``, which include the edition's content hash and the
previous event's hash. The checks, before writing and in ``verify``: the certificate is the
registry's certificate of the holder of the acting role on the event's date (DLO903), valid at the
signing time and on that date (DLO904), issued by a trusted CA (DLO905), and the signature is over
exactly these bytes (DLO906). Where the registry requires a signature for an event kind, an
unsigned one is refused (DLO907).

Who signs an event, and which events must be signed, is ``signing_roles``'s: a correction is
signed by whoever may sign the event it corrects, as of the day it is recorded, and a correction
of a signed event must be signed whatever the registry requires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from .. import lazy
from ..errors import DloError, Location, Problem, UsageError, error
from ..i18n import Msg
from ..model import SignedKind
from ..project import Loaded, Project
from ..signing.registry import Signers
from . import dates, signing_roles
from . import journal as _journal

if TYPE_CHECKING:
    from ..signing import chain, decisions
    from ..signing.keys import Signer
else:  # cryptography is loaded where a signature is made or checked, not for every journal
    chain = lazy.module("dlo_docs.signing.chain")
    decisions = lazy.module("dlo_docs.signing.decisions")

# a signed event recorded more than this before an earlier event is refused (and reported by
# verify): the officials' computers' clocks may differ so much
CLOCK_SKEW = dates.CLOCK_SKEW
SIGNABLE: tuple[str, ...] = get_args(SignedKind)
# the events whose signature vouches for the day they were recorded, not a date they name
_SIGNED_ON_RECORDING = ("registered", signing_roles.CORRECTED)


def signers_for(project: Project, loaded: Loaded | None = None) -> Signers:
    if loaded is None or loaded.registry is None:
        loaded = Loaded()
        project.load_registry(loaded)
        if loaded.errors or loaded.registry is None:
            raise DloError(loaded.errors)
    return Signers(project, loaded.registry, loaded.registry_source)


def event_day(entry: dict[str, Any]) -> dt.date:
    """The day of the act an event's signature vouches for: its ``date`` (a review's, or the date
    of the act when given), an approval's or a withdrawal's order date, else the day it was
    recorded. A
    registration's is the day it was recorded: its official signs then that the text is the one
    approved on paper, not the paper order of years before (which no certificate of today
    covers). So is a correction's: its signer vouches then for the value it corrects."""
    if entry.get("event") in _SIGNED_ON_RECORDING:
        return _recorded(entry).date()
    for value in (entry.get("date"), (entry.get("order") or {}).get("date")):
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
    return dt.datetime.fromisoformat(entry["time"]).date()


def _required(kind: str, role: str, at: Location, because: Msg | None = None) -> DloError:
    hint = (
        "each person acknowledges with their own key: dlo acknowledge ID --holder POSITION "
        "--sign KEY.p12 (an acquaintance list, --csv, cannot be signed)"
        if kind == "acknowledged"
        else f"sign with the key of the holder of {role}: --sign KEY.p12"
    )
    return DloError(
        error(
            at,
            "DLO907",
            because
            or Msg(
                "the registry requires {kind} events to be signed (signatures.required)", kind=kind
            ),
            hint,
        )
    )


def before_write(
    signers: Signers,
    kind: str,
    role: str,
    signer: Signer | None,
    day: dt.date,
    at: Location,
    now: dt.datetime | None = None,
    person: dict[str, str] | None = None,
    latest: dt.datetime | None = None,
    because: Msg | None = None,
) -> Callable[[dict[str, Any], bytes], dict[str, Any]] | None:
    """Refuse an unsigned event that the registry requires signed, or a signer whose certificate
    fails a check (each failure named); return the hook that signs the event as it is appended.
    The certificate is checked for the act's ``day``: at ``now`` (the recording time, in the
    organisation's zone) for an act of today, on that day for a back-dated one. ``person``: the
    name the certificate must bear (default: the holder of ``role`` the registry names now).
    ``latest``: the time of the journal's latest event, which a signed event may not precede.
    ``because``: why it must be signed where the registry does not say so."""
    if signer is None:
        if kind in signers.required or because is not None:
            raise _required(kind, role, at, because)
        return None
    if kind not in SIGNABLE:
        raise UsageError(
            Msg("{kind} events are not signed", kind=kind),
            Msg("signed events: {value}", value=", ".join(SIGNABLE)),
        )
    now = now or dt.datetime.now(dt.UTC)
    if latest is not None and now < latest - CLOCK_SKEW:
        raise DloError(
            error(
                at,
                "DLO908",
                Msg(
                    "this computer's clock says {now}, before the journal's latest event "
                    "({latest}): a signed event cannot be recorded before it",
                    now=now.isoformat(timespec="minutes"),
                    latest=latest.isoformat(timespec="minutes"),
                ),
                Msg("set the computer's date and time right, then sign"),
            )
        )
    moment = chain.act_moment(signer.certificate, now, day)
    # the day it is signed is the clock's: DLO_TODAY may set the act's day and recording time
    # back, not the day a former holder's key signs (the signature's own signing time says it)
    signed_on = max(now.date(), dt.datetime.now(now.tzinfo or dt.UTC).date())
    failures = decisions.signer_failures(signers, signer, role, moment, day, signed_on, person)
    if failures:
        raise _refused(failures, Location(signer.source or "dlo"), role)

    def sign(event: dict[str, Any], data: bytes) -> dict[str, Any]:
        return decisions.record(signer, data)

    return sign


def _refused(failures: list[decisions.Failure], where: Location, role: str) -> DloError:
    """The refusal of a key that cannot sign for ``role``: each failed check, with what to do."""
    return DloError(
        [
            error(
                where,
                f.code,
                Msg("{message} (acting as {role})", message=f.message, role=role),
                _signer_hint(f.code, role),
            )
            for f in failures
        ]
    )


def _signer_hint(code: str, role: str) -> str | None:
    """What to do when the key given cannot sign for ``role`` (DLO903-DLO905)."""
    if code == "DLO903":
        return Msg(
            "sign with the key of the holder of {role}, whose certificate regulations/registry.yaml "
            "lists under the position's certificates:",
            role=role,
        )
    if code == "DLO904":
        return Msg(
            "sign with a certificate valid on the act's date; a renewed one is listed in the "
            "registry as an entry of its own"
        )
    if code == "DLO905":
        return Msg(
            "sign with a certificate issued by a CA that signatures.trust lists, or add that CA's "
            "certificate there"
        )
    return None


def latest(journal: _journal.Journal) -> dt.datetime | None:
    """The time of the journal's latest event (None: no event yet)."""
    times = [_recorded(e) for e in journal.entries]
    return max(times) if times else None


def _moved_back(journal: _journal.Journal, i: int, before: dt.datetime | None) -> list[Problem]:
    """A signed event recorded before an earlier event (more than the clocks of two computers
    differ): its time was moved back, as a former holder appending an act of their days would."""
    entry = journal.entries[i]
    if before is None or _recorded(entry) >= before - CLOCK_SKEW:
        return []
    return [
        error(
            _at(journal, i),
            "DLO908",
            Msg(
                "journal event {seq} ({event}) is signed and recorded at {time}, before an "
                "earlier event ({earlier}): its time was moved back",
                seq=entry["seq"],
                event=entry["event"],
                time=entry["time"],
                earlier=before.isoformat(),
            ),
            Msg("a signed event cannot be changed; restore the journal from version control"),
        )
    ]


def _at(journal: _journal.Journal, index: int) -> Location:
    """The ``signature:`` key of event ``index``."""
    if journal.source is None:
        return Location(journal.display)
    return journal.source.at([index, _journal.SIGNATURE], key=True)


def _recorded(entry: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(entry["time"])


def _unsigned(signers: Signers, journal: _journal.Journal) -> list[Problem]:
    """Events the policy requires signed (``must_sign``), recorded since it began, that carry no
    signature: each one's signature was removed, or a correction of a signed event was written
    unsigned (the chain cannot tell, the policy can). The policy's days begin at the first
    event recorded on or after ``since``: every event after it is in them, whatever time it
    claims (an unsigned event's time is anyone's to rewrite)."""
    policy = signers.registry.signatures
    problems = []
    begun = policy.since is None
    for i, entry in enumerate(journal.entries):
        begun = begun or (policy.since is not None and _recorded(entry).date() >= policy.since)
        if begun and _journal.SIGNATURE not in entry:
            if signing_roles.must_sign(policy.required, journal.entries, i):
                problems.append(_missing(journal, i, policy.required, policy.since))
    return problems


def _missing(
    journal: _journal.Journal, i: int, required: Collection[str], since: dt.date | None
) -> Problem:
    """DLO907 at event ``i``, which ``must_sign`` but is not signed."""
    entry = journal.entries[i]
    kind = entry["event"]
    role = (
        signing_roles.signer_of(journal.entries, i)[0]
        if kind == signing_roles.CORRECTED
        else entry.get("role")
    )
    who = Msg("as {role}", role=role) if role else Msg("by {name}", name=entry.get("name"))
    fields = {"seq": entry["seq"], "kind": kind, "who": who}
    if kind not in required:  # a correction of a signed event
        message = Msg(
            "journal event {seq} ({kind}, {who}) is not signed, but it corrects signed journal "
            "event {target}: a correction of a signed event must be signed by whoever may sign it",
            target=entry.get("corrects"),
            **fields,
        )
    elif since:
        message = Msg(
            "journal event {seq} ({kind}, {who}) is not signed, but the registry requires "
            "{kind} events to be signed since {since} (signatures.required)",
            since=since,
            **fields,
        )
    else:
        message = Msg(
            "journal event {seq} ({kind}, {who}) is not signed, but the registry requires "
            "{kind} events to be signed (signatures.required)",
            **fields,
        )
    hint = (
        Msg(
            "a removed signature cannot be put back: restore the journal from version "
            "control (events recorded before signatures were required: signatures.since)"
        )
        if since or kind not in required
        else Msg(
            "if it was recorded before signatures were required, set signatures.since in "
            "regulations/registry.yaml to the day the requirement began (events before it may be "
            "unsigned); otherwise its signature was removed: restore the journal from version control"
        )
    )
    return error(journal.at(i), "DLO907", message, hint)


def _checked(signers: Signers, journal: _journal.Journal, i: int) -> list[Problem]:
    """Every failed check of the signature of event ``i``, at its ``signature:`` key."""
    entry = journal.entries[i]
    role, person = signing_roles.signer_of(journal.entries, i)
    if not role:
        return [
            error(
                _at(journal, i),
                "DLO906",
                Msg(
                    "journal event {seq} ({event}) is signed but names no registry position",
                    seq=entry["seq"],
                    event=entry["event"],
                ),
            )
        ]
    try:
        failures = decisions.record_failures(
            signers,
            entry[_journal.SIGNATURE],
            _journal.signed_bytes(entry),
            role,
            _recorded(entry),
            event_day(entry),
            person,
        )
    except DloError as exc:  # a registry certificate that cannot be read
        return exc.problems
    hint = Msg(
        "this event or an earlier event was changed (a signature covers the hash of the event "
        "before it); restore the journal from version control"
    )
    return [
        error(
            _at(journal, i),
            f.code,
            Msg(
                "journal event {seq} ({event}, signed as {role}): {message}",
                seq=entry["seq"],
                event=entry["event"],
                role=role,
                message=f.message,
            ),
            hint if f.code == "DLO906" else None,
        )
        for f in failures
    ]


def verify(
    project: Project, journal: _journal.Journal, loaded: Loaded | None = None
) -> list[Problem]:
    """Every failed check of every signed event, positioned at the event's signature, and every
    event the policy requires signed that is not, positioned at the event."""
    signed = {i for i, e in enumerate(journal.entries) if _journal.SIGNATURE in e}
    try:
        signers = signers_for(project, loaded)
        if signed:
            signers.anchors  # noqa: B018 (a missing CA file is reported once, here)
    except DloError as exc:
        # an unreadable registry is dlo check's to report, unless signatures need it
        return exc.problems if signed else []
    problems = _unsigned(signers, journal)
    before: dt.datetime | None = None  # the latest time of the events before
    for i, entry in enumerate(journal.entries):
        if i in signed:
            problems += _moved_back(journal, i, before) + _checked(signers, journal, i)
        recorded = _recorded(entry)
        before = recorded if before is None else max(before, recorded)
    return problems


def export(project: Project, reg_id: str, folder: Path) -> list[Path]:
    """Write each signature of the journal of ``reg_id`` as ``<id>-<seq>-<event>.p7s`` with its
    signed bytes ``.bin``, and the trusted CA certificates as ``ca.pem``, so that
    ``openssl cms -verify -binary -content X.bin -inform DER -in X.p7s -CAfile ca.pem`` checks
    them without dlo."""
    journal = _journal.read(project, reg_id)
    if journal.problems:
        raise DloError(journal.problems)
    written: list[Path] = []
    for entry in journal.entries:
        record = entry.get(_journal.SIGNATURE)
        if record is None:
            continue
        name = f"{reg_id}-{entry['seq']}-{entry['event']}"
        written += decisions.export(folder, name, record, _journal.signed_bytes(entry))
    if written:
        written.append(decisions.export_anchors(folder, signers_for(project)))
    return written
