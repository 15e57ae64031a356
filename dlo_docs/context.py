"""The render context: one regulation in one language, numbered, ready for any output format.

Every renderer (DOCX, HTML, PDF, site) is fed by this and only this, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import form_names, numbering
from .canonical import control_code
from .errors import DloError, Problem, error
from .i18n import Msg
from .labels import labels as load_labels
from .model_methods import text_in
from .project import Document
from .records import Records, shown
from .refs import element_ids

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .model import Position, Registry, Regulation


@dataclass(frozen=True)
class Block:
    """One line of the body: a chapter or paragraph heading, a clause or an item."""

    kind: str  # "chapter" | "paragraph" | "clause" | "item"
    marker: str  # "1 тарау." / "Параграф 2." / "11." / "3)" (empty when the label has no prefix)
    text: str  # the title or the text
    line: str  # what is printed: marker and text as the label set joins them
    anchor: str  # "chapter-5", "clause-11", "clause-11-2"
    element_id: str
    depth: int = 0  # items: 1, 2, ...
    subclause: bool = False  # an item printed as a clause: "3.5.1."


@dataclass(frozen=True)
class Official:
    """A position and its holder as a form prints them."""

    position_id: str
    position: str
    name: str
    genitive: str = ""  # the title as "by order of …" names it; "": the registry gives none


@dataclass
class RenderDoc:
    """One regulation in one language, resolved for printing: what every renderer takes."""

    id: str
    lang: str
    labels: dict[str, Any]
    kind: str
    kind_label: str
    title: str
    code: str
    edition: int
    organisation: str
    organisation_short: str
    city: str
    unit: str
    position: str | None
    holder: str | None
    approving: Official
    approvers: list[Official]
    # who has to read it, pre-filled on the acquaintance sheet (``Registry.readers``): a job
    # instruction's holder (the name blank when the registry names none), a unit regulation's
    # holders of its unit's positions
    readers: list[Official]
    sheets: dict[str, bool]
    blocks: list[Block] = field(default_factory=list)
    records: Records = field(
        default_factory=Records
    )  # from the workflow: order, agreements, history
    approval_form: str = "order"  # "order" (БЕКІТІЛДІ) | "signature" (БЕКІТЕМІН)
    draft: bool = False  # a working draft: marked ЖОБА / ПРОЕКТ, no approval filled in
    # a draft's text's control code (``canonical.control_code``), printed with its mark
    text_code: str | None = None
    # the organisation's day the output is made on, as its caller takes it (DLO_TODAY when set):
    # a draft's year; None: not given (the year is left blank, never this computer's clock)
    today: dt.date | None = None

    @property
    def file_stem(self) -> str:
        """The name its outputs are written under: ``<id>.<lang>``, and ``<id>.<lang>.draft``
        for a draft, so that a draft's file never stands beside the edition in force's under
        the same name."""
        return f"{self.id}.{self.lang}.draft" if self.draft else f"{self.id}.{self.lang}"

    @property
    def keywords(self) -> str:
        """What its outputs name as the text they show (``records.Shown``): the DOCX's and the
        PDF's keywords, the HTML page's ``<meta name="keywords">``."""
        return shown(self.id, self.edition, self.records, self.draft, self.text_code).keywords

    @property
    def draft_mark(self) -> str | None:
        """The word every page of a draft carries (ЖОБА / ПРОЕКТ); None for an approved text."""
        return self.labels["form"]["draft_mark"] if self.draft else None

    @property
    def approval_lines(self) -> list[str]:
        """The title page's approval block, its heading first. By order: БЕКІТІЛДІ / УТВЕРЖДЕНА
        (a job instruction) or УТВЕРЖДЕНО (a unit regulation): ``approved_word``, then the
        approving official's position, the order's date and number. By signature:
        БЕКІТЕМІН / УТВЕРЖДАЮ, the position, a signature line with the name, the date. A draft
        gets blank lines to fill in, never an order or a date."""
        form = self.labels["form"]
        order = None if self.draft else self.records.order
        if self.approval_form == "signature":
            day = form["approval_date"].format(date=date(order.date)) if order else None
            return [
                form["approve"],
                self.approving.position,
                form["signature"].format(name=self.approving.name),
                day or form["date_line"],
            ]
        if self.approving.genitive:  # "приказом Председателя Правления – Ректора от …"
            of = {"official": self.approving.genitive}
            line = (
                form["approved_by_order_of"].format(
                    **of, date=date(order.date), number=order.number
                )
                if order
                else form["blank_order_of"].format(**of)
            )
            return [self.approved_word, *line.splitlines()]
        line = (
            form["approved_by_order"].format(date=date(order.date), number=order.number)
            if order
            else form["blank_order"]
        )
        return [self.approved_word, self.approving.position, *line.splitlines()]

    @property
    def approved_word(self) -> str:
        """The heading of an approval by order, as the label set words it for this kind of
        document (``form.approved_kind``: Russian agrees it with the document's name, ГОСТ Р
        7.0.97-2016 п. 5.23), else its plain ``form.approved``."""
        form = self.labels["form"]
        return str(form.get("approved_kind", {}).get(self.kind) or form["approved"])

    @property
    def year(self) -> str:
        """The year under the title page: the approving order's (or the official's signature's);
        a draft's, that of ``today``, else "20___" to fill in by hand."""
        order = None if self.draft else self.records.order
        if order is not None:
            return str(order.date.year)
        return str(self.today.year) if self.today is not None else "20___"

    @property
    def kind_heading(self) -> str | None:
        """The kind of document printed above the title, as ГОСТ Р 7.0.97-2016 sets a title
        page (the kind, then the heading that completes it: "Должностная инструкция" /
        "начальника отдела …"); None when the title names the kind itself ("… бастығының
        лауазымдық нұсқаулығы", "Положение об отделе …"): it would be printed twice."""
        named = self.labels.get("kind_named", {}).get(self.kind) or ()
        return None if names_kind(self.title, named) else self.kind_label

    @property
    def full_title(self) -> str:
        """The document's name on one line (an HTML page's title, a DOCX's properties): the kind
        and the title, or the title alone where it names the kind."""
        return f"{self.kind_heading}. {self.title}" if self.kind_heading else self.title

    @property
    def clause_count(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "clause")


_WORD = re.compile(r"\w+")


def names_kind(title: str, phrases: Iterable[str]) -> bool:
    """``title`` names its kind with one of ``phrases`` (``kind_named`` of the label set) where
    the language puts the kind: "… лауазымды нұсқаулы" at its end, "должностн инструкци …" at
    its start (a phrase without "…" anywhere). Each word of the phrase begins a word of the
    title, one after the other, in capitals or not ("должностн инструкци" is in "ДОЛЖНОСТНАЯ
    ИНСТРУКЦИЯ …"); the kind's words elsewhere ("Приказ об утверждении должностных
    инструкций") are another document's, not the title's kind."""
    words = _WORD.findall(title.casefold())
    for phrase in phrases:
        stems = _WORD.findall(phrase.casefold())
        if not stems or len(stems) > len(words):
            continue
        last = len(words) - len(stems)
        edge = phrase.strip()
        starts = [last] if edge.startswith("…") else [0] if edge.endswith("…") else range(last + 1)
        for start in starts:
            if all(w.startswith(s) for w, s in zip(words[start:], stems, strict=False)):
                return True
    return False


def date(value: dt.date) -> str:
    """A date as the forms print it: 26.11.2026."""
    return f"{value:%d.%m.%Y}"


def _official(reg: Registry, pid: str, lang: str, records: Records | None = None) -> Official:
    """A position's title and holder in ``lang``: as the journal captured them (``records``),
    else as the registry states them now."""
    captured = (records.positions if records is not None else {}).get(pid)
    if captured is not None:
        title = (captured.get("title") or {}).get(lang, "")
        holder = (captured.get("holder") or {}).get(lang, "")
        return Official(pid, title, holder, _genitive(captured, lang))
    pos: Position | None = next((p for p in reg.positions if p.id == pid), None)
    if pos is None:  # gone from the registry: refused (``form_names``) by the forms printing it
        return Official(pid, "", "")
    holder = (pos.holder or {}).get(lang, "")
    return Official(pid, pos.title.get(lang, ""), holder, (pos.title_genitive or {}).get(lang, ""))


def _readers(
    registry: Registry, model: Regulation, lang: str, position: Official | None
) -> list[Official]:
    """Who has to read it, in ``lang``: a job instruction's holder now, under its title as the
    approval captured it (``position``); a unit regulation's holders of its unit's positions,
    each one the registry names (in any language: a missing one is ``form_names``' DLO117)."""
    if model.kind == "job_instruction" and position is not None:
        return [replace(position, name=_official(registry, position.position_id, lang).name)]
    ids = registry.readers(model.kind, model.position, model.unit)
    return [_official(registry, pid, lang) for pid in ids if registry.position(pid).holder]


def _genitive(captured: dict[str, Any], lang: str) -> str:
    """The title in the genitive as an event captured it: none when the registry gave none
    then, or the event was recorded before it could (the block prints as it did then)."""
    forms = captured.get("title_genitive")
    found = forms.get(lang) if isinstance(forms, dict) else None
    return found if isinstance(found, str) else ""


def build(
    doc: Document,
    registry: Registry,
    lang: str | None = None,
    templates: Path | None = None,
    records: Records | None = None,
    draft: bool = False,
    kept: bool = False,
    parts: Collection[str] = form_names.EVERY,
    today: dt.date | None = None,
) -> RenderDoc:
    """Resolve ``doc`` into ``lang`` (default: its first language); ``draft``: it is a working
    draft, to be marked as such; ``kept``: the label set may be read from its snapshot
    (``labels.labels``); ``today``: the organisation's day (``RenderDoc.today``). Raises DloError listing every text that is missing in that
    language, with its position, and every name the ``parts`` of the forms to be printed
    from it would print blank (``form_names``)."""
    model: Regulation = doc.model
    lang = lang or model.main_lang
    if lang not in model.languages:  # this regulation's problem: the others are rendered
        raise DloError(
            error(
                doc.source.at(["languages"]),
                "DLO030",
                Msg(
                    "regulation {id} has no {lang} version (it has: {langs})",
                    id=repr(model.id),
                    lang=repr(lang),
                    langs=", ".join(model.languages),
                ),
                Msg("add {lang} to languages: and give every text a {lang}: version", lang=lang),
            )
        )
    labels = load_labels(lang, templates, kept)
    tr = _Texts(doc, lang)
    blocks = _blocks(model, labels, tr)
    title = tr(model.title, ["title"])
    records = records or Records()
    blanks = form_names.missing(model, doc.source, registry, lang, records, parts)
    if tr.missing or blanks:
        raise DloError(tr.missing + blanks)
    rd = _resolved(model, registry, lang, labels, title, blocks, records, draft)
    rd.today = today
    rd.text_code = control_code(doc.content_hash) if draft else None
    return rd


class _Texts:
    """A text of the regulation in one language, stripped; each one missing is remembered
    (``missing``) as a problem at its position, and reads as ""."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.doc, self.lang = doc, lang
        self.missing: list[Problem] = []

    def __call__(self, text: Any, loc: list) -> str:
        value = text_in(text, self.lang, self.doc.model.main_lang)
        if value is None:
            self.missing.append(missing_text(self.doc, text, loc, self.lang))
            return ""
        return value.strip()


def missing_text(doc: Document, text: Any, loc: list, lang: str) -> Problem:
    """DLO030 at ``loc``: ``text`` has no ``lang`` version. A text by language (``{ru: …}``) is
    told to add it beside the others; a plain one, the main language's, to become a mapping."""
    if isinstance(text, dict):
        hint = Msg("add its {lang} text beside the others: {lang}: …", lang=lang)
    else:
        hint = Msg(
            "write it as a mapping: {{{main}: ..., {lang}: ...}}",
            main=doc.model.main_lang,
            lang=lang,
        )
    return error(doc.source.at(loc), "DLO030", Msg("no {lang} text here", lang=lang), hint)


def _blocks(model: Regulation, labels: dict, tr: _Texts) -> list[Block]:
    """Every chapter, paragraph, clause and item in order, numbered and printed."""
    locs = {eid: loc for eid, loc in element_ids(model)}
    blocks: list[Block] = []
    clause_n: numbering.Numbered | None = None
    for n in numbering.walk(model):
        el = n.element
        loc = locs[el.id]
        anchor = numbering.anchor(n.kind, n.number, n.chapter, n.clause, n.path)
        if n.kind in ("chapter", "paragraph"):
            text = tr(el.title, [*loc, "title"])  # type: ignore[union-attr]  # theirs
        else:
            text = tr(el.text, [*loc, "text"])  # type: ignore[union-attr]  # clauses', items'

        if n.kind == "clause":
            clause_n = n
        marker, line = numbering.printed(model, n, clause_n, text, labels)
        sub = numbering.subclause(n, clause_n)
        blocks.append(Block(n.kind, marker, text, line, anchor, el.id, len(n.path), sub))
    return blocks


def _resolved(
    model: Regulation,
    registry: Registry,
    lang: str,
    labels: dict,
    title: str,
    blocks: list[Block],
    records: Records,
    draft: bool,
) -> RenderDoc:
    """The render context: the texts resolved, the registry's names and the records' officials."""
    org = registry.organisation_of(model.organisation)
    # its title as the approval captured it; its holder the registry's now (who is to read it)
    position = _official(registry, model.position, lang, records) if model.position else None
    holder = _official(registry, model.position, lang) if model.position else None
    organisation = (records.organisation or {}).get(lang) or org.name.get(lang, "")
    return RenderDoc(
        id=model.id,
        lang=lang,
        labels=labels,
        kind=model.kind,
        kind_label=labels["kind"][model.kind],
        title=title,
        code=model.code,
        edition=model.edition,
        organisation=organisation,
        organisation_short=org.short.get(lang, ""),
        city=org.city.get(lang, ""),
        unit=(records.unit or {}).get(lang) or registry.unit(model.unit).name.get(lang, ""),
        position=position.position if position else None,
        holder=holder.name if holder else None,
        approving=_official(registry, records.approved_by or model.approval.by, lang, records),
        approvers=[
            _official(registry, pid, lang, records)
            for pid in (records.route or model.agreement.approvers)
        ],
        readers=_readers(registry, model, lang, position),
        sheets=model.sheets.model_dump(),
        blocks=blocks,
        records=records,
        approval_form=records.approval_form or model.approval.form,
        draft=draft,
    )
