"""What the workflow knows about a regulation that its documents show: the approving order,
who agreed and when, the editions and changes, the periodic reviews.

Filled in by the workflow (``dlo_docs/workflow``); rendered by the forms (title page, sheets).
Empty records mean a draft that has not been through the workflow yet: the forms show blank
lines to be filled in by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Order:
    """The rector's order that approved (or withdrew) an edition."""

    number: str
    date: dt.date
    effective: dt.date | None = None


@dataclass(frozen=True)
class SignatureNote:
    """An official's signature of a journal event, as the forms print it."""

    signer: str  # the certificate's common name
    serial: str  # the certificate's serial number, hex
    time: dt.datetime | None  # the signing time, in the organisation's zone


def signature_note(record: object, zone: dt.tzinfo | None = None) -> SignatureNote | None:
    """The note of a journal event's ``signature`` record (None: the event is not signed)."""
    if not isinstance(record, dict) or not record.get("serial"):
        return None
    try:
        when = dt.datetime.fromisoformat(str(record.get("signed_at")))
        when = when.astimezone(zone) if zone is not None else when
    except ValueError:
        when = None
    return SignatureNote(
        str(record.get("signer") or record.get("subject") or ""), str(record["serial"]), when
    )


@dataclass(frozen=True)
class AgreementMark:
    """One approver's decision on the current text."""

    position_id: str
    decision: str  # "agreed" | "rejected"
    date: dt.date
    remarks: str = ""
    signed: SignatureNote | None = None
    corrected: tuple[str, ...] = ()  # the fields a correction event fixed ("date", "remarks")


def spelled(texts: Mapping[str, str], lang: str) -> tuple[str, str]:
    """A name the journal captured by language (``{lang: text}``) as a form in ``lang`` prints
    it, with the language it is in: in ``lang``, else in the first language it was captured in
    (an event that captured no spelling in ``lang``); ``("", lang)`` when none was captured."""
    if texts.get(lang):
        return texts[lang], lang
    return next(((text, other) for other, text in texts.items() if text), ("", lang))


@dataclass(frozen=True)
class ChangedClauses:
    """The clauses an edition changed, by their numbers as printed: each changed, added or moved
    (its number in the edition), then each removed (its number in the edition before); a first
    edition changed the ``whole`` text."""

    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    whole: bool = False

    def shown(self, whole_text: str, removed: str) -> str:
        """As a form prints them: "9, 11, 14 (исключен)" (``removed`` marks each removed
        number, which the edition may give another clause), or ``whole_text``."""
        if self.whole:
            return whole_text
        return ", ".join([*self.changed, *(f"{n} ({removed})" for n in self.removed)])


WHOLE_TEXT = ChangedClauses(whole=True)  # a first edition's


@dataclass(frozen=True)
class ChangeRecord:
    """One line of the change registration sheet."""

    number: int  # the change's number (edition number for a new edition)
    clauses: ChangedClauses  # which clauses changed
    order: Order
    entered: dt.date
    entered_by: dict[str, str]  # the clerk's name by language, as captured ({}: not recorded)
    signed: SignatureNote | None = None  # the approval's signature
    paper: bool = False  # approved on paper before the workflow: the original is on paper
    corrected: tuple[str, ...] = ()  # "date": the order's date was fixed by a correction
    by_signature: bool = False  # approved by the official's signature: no order (its date only)


@dataclass(frozen=True)
class ReviewRecord:
    """A review of the edition, as the review sheet prints it."""

    date: dt.date
    reviewer: dict[str, str]  # "position, name" by language, as captured (``spelled``)
    result: str
    signed: SignatureNote | None = None
    corrected: tuple[str, ...] = ()  # the fields a correction event fixed ("date", "remarks")


@dataclass(frozen=True)
class AcquaintanceRecord:
    """One signed line of the acquaintance sheet: who read the edition, and when."""

    name: str
    position: str
    date: dt.date
    position_id: str | None = None  # the registry position, when the reader was named by it
    signed: SignatureNote | None = None  # signed with the reader's own key
    # the name and title in each language, while the registry still names them so (by language)
    names: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)


@dataclass
class Records:
    """What the journal says of an edition, as the forms print it."""

    state: str = "draft"
    edition: int | None = None  # the edition these records describe
    order: Order | None = None
    agreements: dict[str, AgreementMark] = field(default_factory=dict)
    history: list[ChangeRecord] = field(default_factory=list)
    reviews: list[ReviewRecord] = field(default_factory=list)
    acquaintances: list[AcquaintanceRecord] = field(default_factory=list)
    # Registry facts as the journal captured them when the events happened, shown instead of the
    # registry as it is now, so a later change of the registry never rewrites a past record:
    # position id -> {"title": {lang: ...}, "holder": {lang: ...}}
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    organisation: dict[str, str] | None = None  # its name, by language
    unit: dict[str, str] | None = None  # the regulation's unit's name, by language
    route: list[str] | None = None  # the approvers of the round (the agreement sheet's rows)
    approved_by: str | None = None  # the approving authority fixed when it was submitted
    paper: bool = False  # the edition was approved on paper (registered): originals on paper
    # how it is approved ("order" | "signature"): as the journal recorded the approval, or, for a
    # draft, as its route fixes it (None: the text's own approval.form)
    approval_form: str | None = None
    content_hash: str | None = None  # of the approved text, as its approval recorded it


# An output names what it shows in its keywords (the DOCX's core properties, which LibreOffice
# carries into the PDF's document information): the regulation's id, and for an approved edition
# its number and the content hash its approval recorded ("dlo-head, edition=2, content=<hex>"),
# for a draft its text's control code ("dlo-head, text=3f2a9c1b7e04";
# LibreOffice writes the keywords of a PDF separated by commas, whatever separated them).
_EDITION, _CONTENT, _TEXT = "edition=", "content=", "text="


@dataclass(frozen=True)
class Shown:
    """The regulation an output shows and, when it is an approved edition, which one."""

    id: str
    edition: int | None = None
    content_hash: str | None = None
    text: str | None = None  # a draft's text's control code (which text of the draft it shows)

    @property
    def keywords(self) -> str:
        if self.edition is None or not self.content_hash:
            code = "".join((self.text or "").split())  # as printed, in groups of four
            return f"{self.id}, {_TEXT}{code}" if code else self.id
        return f"{self.id}, {_EDITION}{self.edition}, {_CONTENT}{self.content_hash}"

    @classmethod
    def parse(cls, keywords: str) -> Shown:
        """What ``keywords`` (as ``keywords`` writes them) name; what is not in that form is
        left out (a PDF of a draft, or one made elsewhere, names no edition)."""
        head, *rest = [part.strip() for part in re.split(r"[,;]", keywords)]
        edition, content = None, None
        for part in rest:
            if part.startswith(_EDITION) and part[len(_EDITION) :].isdecimal():
                edition = int(part[len(_EDITION) :])
            elif part.startswith(_CONTENT):
                content = part[len(_CONTENT) :] or None
        return cls(head, edition, content)


def shown(
    rd_id: str, edition: int, records: Records, draft: bool, text: str | None = None
) -> Shown:
    """What an output of edition ``edition`` names: with the edition and its approved text's hash
    only when it prints that approved edition (never a draft); a draft, its text's control code
    ``text`` (so that two renders of a draft tell whether they show the same text)."""
    if draft or records.content_hash is None or records.edition not in (None, edition):
        return Shown(rd_id, text=text)
    return Shown(rd_id, edition, records.content_hash)
