"""Comparing editions of a regulation in the project: what ``dlo diff``, the approval package and
the site use.

A service above ``dlo_docs.diff`` (which compares two ``Regulation`` models and nothing else) and
the renderers: it knows the project, the workflow, the comparison and the output formats.

- ``prepare(project, reg_id, from_, to, lang)`` loads the two editions (default: the edition in
  force against the draft) and compares them;
- ``output(prepared, fmt)`` renders the comparison: ``text``, ``table`` (DOCX), ``redline`` (DOCX
  with tracked changes) or ``html``;
- ``approval_table(project, reg_id, lang)`` is the comparison table of the open revision for the
  approval package (None when there is no edition in force to compare with).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import workflow
from .canonical import control_code
from .context import missing_text, names_kind
from .diff import languages, route
from .diff import text as text_format
from .diff.align import Comparison, compare
from .diff.names import legends, unchanged
from .diff.names import rows as table_rows
from .errors import DloError, Problem, UsageError
from .i18n import Msg, _
from .labels import inner_quotes
from .labels import labels as load_labels
from .model_methods import text_in
from .project import Document, Loaded, Project
from .refs import element_ids

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .model import Registry

FORMATS = ("text", "table", "redline", "html")
EXTENSIONS = {"text": "txt", "table": "docx", "redline": "docx", "html": "html"}
DRAFT = "draft"


@dataclass
class Prepared:
    """Two editions, compared, with what the outputs print about them."""

    project: Project
    registry: Registry
    old: Document
    new: Document
    from_: int
    to: int | str  # an edition number or "draft"
    lang: str
    labels: dict[str, Any]
    comparison: Comparison
    reason: str | None  # the revision's reason: the rationale of changes without a note
    author: str  # the initiating role, as the tracked changes name it
    date: dt.datetime  # when the revision was opened
    # the other languages whose text changed where this one's did not (``diff.languages``)
    elsewhere: list[languages.Elsewhere] = field(default_factory=list)

    def label(self, which: str, lang: str | None = None) -> str:
        """ "edition 1" / "edition 2 (draft)" in the interface language (lang None: the terminal's
        text) or the document's language."""
        doc = self.old if which == "old" else self.new
        draft = which == "new" and self.to == DRAFT
        n = doc.model.edition
        if lang is None:
            return (_("edition {n} (draft)") if draft else _("edition {n}")).format(n=n)
        words: dict[str, str] = self.labels["diff"]
        return (words["draft"] if draft else words["edition"]).format(n=n)

    @property
    def text_code(self) -> str | None:
        """The draft's text's control code, on the table's pages (None between two editions)."""
        return control_code(self.new.content_hash) if self.to == DRAFT else None

    @property
    def kind_label(self) -> str:
        kinds: dict[str, str] = self.labels["kind"]
        return kinds[self.new.model.kind]

    @property
    def kind_heading(self) -> str:
        """The kind printed before the title, "" when the title names it (as the title page)."""
        named = self.labels.get("kind_named", {}).get(self.new.model.kind) or ()
        return "" if names_kind(self.comparison.new_title, named) else self.kind_label

    def titled(self, title: str) -> str:
        """``title`` after the kind ("Должностная инструкция. начальника …"), or alone."""
        return f"{self.kind_heading}. {title}" if self.kind_heading else title

    @property
    def organisation(self) -> str:
        """The regulation's organisation's name in the comparison's language, else in the
        regulation's main language (a working comparison, not a form: never a blank)."""
        model = self.new.model
        names = self.registry.organisation_of(model.organisation).name
        return names.get(self.lang) or names.get(model.main_lang) or next(iter(names.values()), "")

    @property
    def suffix(self) -> str:
        """For file names: "1-draft", "1-2"."""
        return f"{self.from_}-{self.to}"


def _draft(project: Project, reg_id: str) -> tuple[Document, Registry]:
    loaded = project.load([reg_id])
    if loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    return loaded.documents[reg_id], loaded.registry


def _registry(project: Project) -> Registry:
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.registry is None or loaded.errors:
        raise DloError(loaded.errors)
    return loaded.registry


def _edition(project: Project, reg_id: str, n: int) -> Document:
    """Frozen edition ``n``, as the journal approved it (``workflow.approved_edition``): the
    current wording of a comparison is never a frozen file edited by hand since."""
    return workflow.approved_edition(project, reg_id, n)


def _revision_event(project: Project, reg_id: str, edition: int) -> workflow.Event | None:
    """The journal event that opened the revision producing ``edition`` (None if there is none)."""
    try:
        found = [
            ev
            for ev in workflow.events(project, reg_id)
            if ev.event == "revised" and ev.edition == edition
        ]
    except DloError:
        return None
    return found[-1] if found else None


def _missing_texts(doc: Document, lang: str) -> list[Problem]:
    """A DLO030 error at every title or text that has no ``lang`` version (as ``dlo render``
    reports them). The registry is not consulted: a frozen edition may name positions that have
    been renamed since, and a comparison does not need them."""
    model = doc.model
    places = [(model.title, ["title"])]
    nodes = {eid: loc for eid, loc in element_ids(model)}
    for loc in nodes.values():
        node: Any = model
        for part in loc:
            node = node[part] if isinstance(part, int) else getattr(node, part)
        field = "title" if hasattr(node, "title") else "text"
        places.append((getattr(node, field), [*loc, field]))
    return [
        missing_text(doc, text, loc, lang)
        for text, loc in places
        if text_in(text, lang, model.main_lang) is None
    ]


def _in_force(project: Project, reg_id: str) -> int:
    """The edition in force: what a comparison starts from unless told otherwise."""
    n = workflow.status(project, reg_id).edition_in_force
    if n is None:
        raise UsageError(
            Msg("regulation {reg_id} has no edition in force to compare with", reg_id=repr(reg_id)),
            Msg("name the editions: dlo diff ID --from N [--to M|draft]"),
        )
    return n


def _check_language(reg_id: str, lang: str, editions: list[tuple[Document, Msg]]) -> None:
    """Both editions have ``lang``, with every text in it."""
    for doc, which in editions:
        if lang not in doc.model.languages:
            raise UsageError(
                Msg(
                    "{reg_id} {which} has no {lang} version (it has: {langs})",
                    reg_id=reg_id,
                    which=which,
                    lang=repr(lang),
                    langs=", ".join(doc.model.languages),
                ),
                Msg("choose another --lang"),
            )
    problems = [p for doc, _ in editions for p in _missing_texts(doc, lang)]
    if problems:
        raise DloError(problems)


def _origin(
    project: Project, reg_id: str, registry: Registry, new: Document, lang: str, draft: bool
) -> tuple[str | None, str, dt.datetime]:
    """Why, by whom and when the new text was made: the revision's reason, its initiator's
    position (or, with no journal, the unit that drafts the text) and the revision's time."""
    reason = None
    if draft:
        try:
            reason = workflow.revision_reason(project, reg_id, lang)
        except DloError:  # a damaged journal is `dlo verify`'s business; the comparison stands
            reason = None
    event = _revision_event(project, reg_id, new.model.edition)
    if event is None:  # no journal: the unit that drafts the text is the author
        return reason, route.unit_name(registry, new.model.unit, lang), dt.datetime.now(dt.UTC)
    reason = reason or workflow.reason_in(event, lang)
    role = event.role
    author = route.position_title(registry, role, lang) if role else workflow.person(event.actor)
    try:
        date = event.when
    except ValueError:
        date = dt.datetime.now(dt.UTC)
    return reason, author, date


def prepare(
    project: Project,
    reg_id: str,
    from_: int | None = None,
    to: int | str | None = None,
    lang: str | None = None,
) -> Prepared:
    """Load and compare two editions of ``reg_id``: ``from_`` (default: the edition in force)
    and ``to`` (an edition number or "draft", the default)."""
    project.regulation_path(reg_id)  # an unknown id is a usage error, before anything else
    to = DRAFT if to is None else to
    if from_ is None:
        from_ = _in_force(project, reg_id)
    if to == DRAFT:
        new, registry = _draft(project, reg_id)
    else:  # two frozen editions: the working text is not needed (and may be mid-edit)
        new, registry = _edition(project, reg_id, int(to)), _registry(project)
    old = _edition(project, reg_id, from_)
    lang = lang or new.model.main_lang
    _check_language(
        reg_id,
        lang,
        [
            (old, Msg("edition {n}", n=from_)),
            (new, Msg("the draft") if to == DRAFT else Msg("edition {n}", n=to)),
        ],
    )
    labels = _named_sides(load_labels(lang, project.templates, project.snapshots), from_, to)
    fields = route.heads(old.model, new.model, labels, registry, lang)
    comparison = compare(old.model, new.model, labels, lang, fields)
    reason, author, date = _origin(project, reg_id, registry, new, lang, to == DRAFT)
    prepared = Prepared(
        project, registry, old, new, from_, to, lang, labels, comparison, reason, author, date
    )
    prepared.elsewhere = languages.elsewhere(
        old.model,
        new.model,
        comparison,
        labels,
        lambda other: load_labels(other, project.templates, project.snapshots),
    )
    return prepared


def no_changes(prepared: Prepared) -> str:
    """What a comparison with no change says: none between the editions, or, when only the text
    in another language changed, that and where."""
    if not prepared.elsewhere:
        return unchanged(prepared.comparison, prepared.labels)
    return " ".join(languages.said(prepared.elsewhere, prepared.labels, "no_changes_here"))


def changed_there_only(prepared: Prepared) -> list[str]:
    """What a comparison with changes says after them: the elements whose text changed in
    another language alone, which it does not show."""
    if not prepared.comparison:
        return []
    return languages.said(prepared.elsewhere, prepared.labels, "changed_there_only")


def _named_sides(labels: dict[str, Any], old: int, new: int | str) -> dict[str, Any]:
    """The labels with the table's two wording columns named for what they hold: the form's
    "in force" and "proposed" for a draft against the edition in force (the approval package),
    the two editions by number when both are approved ("Издание 1", "Издание 2")."""
    words = labels["diff"]
    columns = list(words["columns"])
    if new == DRAFT or len(columns) != 5:
        return labels
    named = (words["edition"].format(n=n) for n in (old, new))
    columns[2:4] = [text[:1].upper() + text[1:] for text in named]
    return {**labels, "diff": {**words, "columns": columns}}


def output(prepared: Prepared, fmt: str) -> bytes:
    """The comparison in one format, as the bytes of the file."""
    p = prepared
    c = p.comparison
    if fmt == "text":
        elsewhere = [(e.lang, e.refs) for e in p.elsewhere]
        return text_format.render(c, p.label("old"), p.label("new"), elsewhere).encode("utf-8")
    if fmt == "table":
        from .render import docx_diff

        return docx_diff.table(
            c,
            p.labels,
            kind=p.kind_heading,
            code=p.new.model.code,
            old_label=p.label("old", p.lang),
            new_label=p.label("new", p.lang),
            reason=p.reason,
            organisation=p.organisation,
            no_changes=no_changes(p),
            draft=p.to == DRAFT,
            text_code=p.text_code,
            also=changed_there_only(p),
        )
    if fmt == "redline":
        from .render import docx_diff

        return docx_diff.redline(
            c,
            title_old=p.titled(c.old_title),
            title_new=p.titled(c.new_title),
            author=p.author,
            date=p.date,
            code=p.new.model.code,
            organisation=p.organisation,
            numbering_author=p.labels["diff"]["numbering_author"],
            labels=p.labels,
            kind=p.kind_heading,
            sides=(p.label("old", p.lang), p.label("new", p.lang)),
            draft=p.to == DRAFT,
            text_code=p.text_code,
        )
    if fmt == "html":
        return html(p).encode("utf-8")
    raise UsageError(
        Msg("unknown format {fmt}", fmt=repr(fmt)),
        Msg("use one of: {choices}", choices=", ".join(FORMATS)),
    )


def html(prepared: Prepared, regulation_href: str | None = None) -> str:
    """The comparison as an HTML page (``templates/html/diff.html.j2``); ``regulation_href`` links
    each element to its anchor in the rendered regulation (for the intranet site)."""
    from .render import html as html_render

    p = prepared
    c = p.comparison
    rows = table_rows(c, p.labels, p.reason)
    meta = {
        "organisation": p.organisation,
        "kind": p.kind_heading,  # "" when the title names it: the subtitle without it
        "title": inner_quotes(c.new_title),  # set inside the subtitle's «…»
        "code": p.new.model.code,
        "old": p.label("old", p.lang),
        "new": p.label("new", p.lang),
        "regulation_href": regulation_href,
        "no_changes": no_changes(p),
        "also": changed_there_only(p),  # after the changes: those of another language alone
        # the same two, each cut at the other language's name, which the page marks in it
        "no_changes_marked": languages.marked(p.elsewhere, p.labels, "no_changes_here"),
        "also_marked": languages.marked(p.elsewhere, p.labels, "changed_there_only") if c else [],
        "legends": legends(c, p.labels),  # the marks' meaning: changed words, changed spaces
        "draft": p.to == DRAFT,  # against the draft: the page says it is no approved text
        "text_code": p.text_code,  # and its text's control code
    }
    return html_render.render_template(
        "diff.html.j2", p.project.templates, c=c, rows=rows, labels=p.labels, meta=meta
    )


def approval_table(project: Project, reg_id: str, lang: str | None = None) -> bytes | None:
    """The comparison table of the open revision (the edition in force against the draft), for
    the approval package next to the agreement sheet; None when there is nothing to compare:
    no edition in force yet (a first edition), no open revision, or an edition in force that has
    no ``lang`` version."""
    st = workflow.status(project, reg_id)
    if st.edition_in_force is None or st.draft_edition is None:
        return None
    if (
        lang is not None
        and lang not in _edition(project, reg_id, st.edition_in_force).model.languages
    ):
        return None  # the revision adds this language: there is no current wording to compare with
    return output(prepare(project, reg_id, st.edition_in_force, DRAFT, lang), "table")
