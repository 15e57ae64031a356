"""What the site publishes of one regulation: its edition in force and what the journal says
about it. Only the journal decides what is in force (``workflow.journal_status``); the working
text (``regulation.yaml``) is never read: it is the draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import context, form_names, workflow
from ..errors import DloError, Location, Problem, UsageError, error, warning
from ..i18n import Msg
from ..model import Registry, text_in
from ..project import Document, Project
from ..records import (
    AcquaintanceRecord,
    ChangedClauses,
    Records,
    SignatureNote,
    signature_note,
)
from ..workflow import acknowledgements


@dataclass
class Edition:
    """One approved edition (in force or superseded), as the history table shows it."""

    n: int
    document: Document
    event: workflow.Event  # its approval
    state: str  # in_force | superseded | withdrawn
    clauses: ChangedClauses = field(default_factory=ChangedClauses)  # the clauses it changed
    revised: workflow.Event | None = None  # the revision that produced it (its reason)

    def reason(self, lang: str) -> str:
        """Why it was revised, in ``lang``'s own wording where the revision gave one."""
        return (workflow.reason_in(self.revised, lang) if self.revised else None) or ""

    def reason_lang(self, lang: str) -> str:
        """The language of ``reason(lang)``: ``lang`` where the revision worded the reason for it
        (``--reason-ru``), else "" (the reason as typed, in a language not recorded)."""
        worded = self.revised.get("reasons") if self.revised else None
        return lang if isinstance(worded, dict) and worded.get(lang) else ""

    @property
    def content_hash(self) -> str:
        return self.event.content_hash


@dataclass
class Published:
    """A regulation with an edition in force, ready to be rendered."""

    id: str
    status: workflow.Status
    registry: Registry
    editions: dict[int, Edition]  # every approved edition up to the one in force
    records: Records  # for the forms of the edition in force (title page, sheets)
    contexts: dict[str, context.RenderDoc] = field(default_factory=dict)  # by language
    problems: list[Problem] = field(default_factory=list)  # warnings

    @property
    def n(self) -> int:
        n = self.status.edition_in_force
        assert n is not None  # published: an edition is in force
        return n

    @property
    def edition(self) -> Edition:
        return self.editions[self.n]

    @property
    def model(self):
        return self.edition.document.model

    @property
    def langs(self) -> list[str]:
        """The languages the edition in force can be shown in, its first language first."""
        return list(self.contexts)


def _where(project: Project, reg_id: str) -> Location:
    return Location(project.display(project.folder(reg_id)))


def _status(project: Project, reg_id: str, registry: Registry) -> workflow.Status:
    """What the journal says of ``reg_id``: all the site shows of its state (the edition in
    force, its order, the editions, the review due). The working draft is not read, so a draft
    being edited, even one with errors, neither blocks publishing nor costs the build its
    loading (``dlo check`` reports its errors)."""
    return workflow.journal_status(project, reg_id, registry)


def signed(ev: workflow.Event) -> SignatureNote | None:
    """The note of a signed event (None: unsigned)."""
    return signature_note(ev.get("signature"), ev.when.tzinfo)


def collect(project: Project, reg_id: str, registry: Registry) -> Published | None:
    """The published form of ``reg_id``, or None when no edition of it is in force. Raises
    DloError (DLO810) when a frozen edition is missing or differs from the text its approval
    recorded: the site never publishes a text that was not approved; and (DLO910) when its
    journal does not verify, whatever state it tells: a forged withdrawal, or an approval made
    void by hand, takes no regulation off the site."""
    problems: list[Problem] = []
    st = _status(project, reg_id, registry)
    workflow.intact(project, reg_id)  # a forged or broken journal publishes nothing, deletes none
    if st.edition_in_force is None:
        return None
    n = st.edition_in_force
    events = workflow.events(project, reg_id)
    approvals = {
        ev.edition: ev for ev in events if ev.event in workflow.APPROVALS and ev.edition <= n
    }
    revisions = {ev.edition: ev for ev in events if ev.event == "revised"}
    editions: dict[int, Edition] = {}
    for k in sorted(approvals):
        document = _frozen(project, reg_id, k, approvals[k])
        state = st.editions.get(k) or ("in_force" if k == n else "superseded")
        editions[k] = Edition(
            k,
            document,
            approvals[k],
            state,
            revised=revisions.get(k) if k > min(approvals) else None,
        )
    previous = None
    for k in sorted(editions):
        ed = editions[k]
        if previous is None:
            ed.clauses = workflow.WHOLE_TEXT
        else:
            ed.clauses = workflow.changed_clauses(previous.document.model, ed.document.model)
        previous = ed
    main = editions[n].document.model.main_lang
    rec = workflow.edition_records(project, reg_id, n, registry)
    rec.acquaintances = [
        AcquaintanceRecord(a.reader.name, a.reader.position, a.date, a.reader.position_id, a.signed)
        for a in acknowledgements.acknowledged(events, n)
    ]
    pub = Published(reg_id, st, registry, editions, rec, problems=problems)
    for lang in pub.model.languages:
        _add_context(project, pub, lang, main)
    return pub


def _frozen(project: Project, reg_id: str, k: int, approval: workflow.Event) -> Document:
    """Frozen edition ``k``, once it is the very text its approval recorded (else DLO810)."""
    try:
        document = workflow.load_edition(project, reg_id, k)
    except UsageError as exc:
        raise DloError(
            error(
                _where(project, reg_id),
                "DLO810",
                Msg(
                    "frozen edition {k} of {reg_id} is missing: {message}",
                    k=k,
                    reg_id=reg_id,
                    message=exc.message,
                ),
                Msg("dlo verify {reg_id}", reg_id=reg_id),
            )
        ) from None
    if workflow.content_hash(document.model) != approval.content_hash:
        raise DloError(
            error(
                Location(project.display(document.path), 1, 1),
                "DLO810",
                Msg(
                    "frozen edition {k} of {reg_id} differs from the text approved in journal event {seq}: it is not published",
                    k=k,
                    reg_id=reg_id,
                    seq=approval.seq,
                ),
                Msg("dlo verify {reg_id}", reg_id=reg_id),
            )
        )
    return document


def _add_context(project: Project, pub: Published, lang: str, main: str) -> None:
    """The edition in force in ``lang``; a language it lacks texts of is left out (DLO805),
    but not its main one."""
    ed = pub.edition
    try:
        pub.contexts[lang] = context.build(
            ed.document, pub.registry, lang, project.templates, pub.records
        )
    except UsageError:
        raise
    except DloError as exc:
        if lang == main:
            raise
        names = sum(1 for p in exc.problems if p.code == form_names.CODE)
        texts = len(exc.problems) - names
        at = Location(project.display(ed.document.path))
        fields = {"n": ed.n, "id": pub.id, "lang": lang, "main": main}
        if texts:
            pub.problems.append(
                warning(
                    at,
                    "DLO805",
                    Msg(
                        "edition {n} of {id} lacks {n2} {lang} text(s): it is published in {main} "
                        "only",
                        n2=texts,
                        **fields,
                    ),
                    Msg("dlo check regulations/{id}", id=pub.id),
                )
            )
        if names:
            pub.problems.append(
                warning(
                    at,
                    "DLO805",
                    Msg(
                        "edition {n} of {id} would print {n2} name(s) of the registry blank in "
                        "{lang}: it is published in {main} only",
                        n2=names,
                        **fields,
                    ),
                    Msg(
                        "dlo render {id} --lang {lang} names them; add them to "
                        "regulations/registry.yaml",
                        id=pub.id,
                        lang=lang,
                    ),
                )
            )


def title_in(pub: Published, lang: str) -> tuple[str, str]:
    """The title in ``lang`` when the edition has it, else in its first language: (text, lang)."""
    model = pub.model
    text = text_in(model.title, lang, model.main_lang)
    if text and lang in pub.contexts:
        return text.strip(), lang
    return (text_in(model.title, model.main_lang, model.main_lang) or "").strip(), model.main_lang


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
