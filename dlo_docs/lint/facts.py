"""DLO101: a clause that states a fact in prose must agree with the structured data.

Clauses marked ``states: approvers | approval | change_initiators | reports_to | instructions_from``
are read for the positions they name; the set must equal the structured field, so the agreement
sheet (built from the data) and the text can never disagree. The clause stating approval also
says the form of approval ``approval.form`` gives, and no other. A clause that names none of them
but holds a text left to write (``[[кем утверждается: …]]``, DLO114) is read once it is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import Location, Problem, error, warning
from ..i18n import Msg, join
from ..mentions import contains, named_positions, stating_part, words
from ..model import Clause, Registry, text_in, walk_items
from ..project import Document
from ..refs import element_ids
from ..unwritten import unwritten
from .rule import Rule
from .view import View
from .view import label as name

FIELD = {
    "approvers": "agreement.approvers",
    "approval": "approval.by",
    "change_initiators": "change_initiators",
    "reports_to": Msg("the registry's reports_to of the position"),
    "instructions_from": Msg("instructions_from (default: reports_to)"),
}


def _boss(registry: Registry, position: str | None, unit: str | None) -> str | None:
    """Whom the position reports to; for a unit regulation (no position), whom the unit's head
    reports to, else the head of the unit above it."""
    if position:
        return registry.position(position).reports_to
    ids = {u.id: u for u in registry.units}
    found = ids.get(unit or "")
    if found is None:
        return None
    if found.head and found.head in {p.id for p in registry.positions}:
        above = registry.position(found.head).reports_to
        if above:
            return above
    parent = ids.get(found.parent or "")
    return parent.head if parent is not None else None


def expected(document: Document, registry: Registry, fact: str) -> set[str]:
    doc = document.model
    reports_to = _boss(registry, doc.position, doc.unit)
    boss: set[str] = {reports_to} if reports_to is not None else set()
    facts: dict[str, set[str]] = {
        "approvers": set(doc.agreement.approvers),
        "approval": {doc.approval.by},
        "change_initiators": set(doc.change_initiators),
        "reports_to": boss,
        "instructions_from": set(doc.instructions_from) or boss,
    }
    return facts[fact]


def clause_text(clause: Clause, lang: str, main: str) -> str:
    parts = [text_in(clause.text, lang, main) or ""]
    parts += [text_in(item.text, lang, main) or "" for _, item in walk_items(clause.items)]
    return " ".join(parts)


def check(view: View) -> Iterator[Problem]:
    doc = view.document.model
    locs = dict(element_ids(doc))
    numbered = {n.element.id: n for n in view.numbered if n.kind == "clause"}
    for _, _, clause in doc.clauses():
        if clause.states is None:
            continue
        want = expected(view.document, view.registry, clause.states)
        at = view.document.source.text_at([*locs[clause.id], "text"], 0)
        for lang in doc.languages:
            text = clause_text(clause, lang, doc.main_lang)
            text = stating_part(clause.states, text)  # not who approves, nor whose order
            if text.strip():
                label = join(" ", [name(numbered[clause.id], view.clause_numbers), f"({lang})"])
                yield from _check_text(view, _Stated(clause, lang, text, want, at, label))


@dataclass(frozen=True)
class _Stated:
    """One language of a clause that states a fact, and what the data says the fact is."""

    clause: Clause
    lang: str
    text: str
    want: set[str]
    at: Location
    label: str


def _check_text(view: View, st: _Stated) -> Iterator[Problem]:
    registry, doc = view.registry, view.document.model
    own = view.memo.get("own positions")  # another organisation's never count
    if own is None:
        own = view.memo["own positions"] = registry.positions_of(doc.organisation)
    named = named_positions(st.text, registry, st.lang) & own
    if doc.position not in st.want:
        named.discard(doc.position)
    if not named and unwritten(st.text):
        return  # the fact is left to write ("утверждается [[кем …]]"): DLO114 reports it
    if not named:
        yield warning(
            st.at,
            RULE.code,
            Msg(
                "{where} states {states} but names no known position (expected: {expected})",
                where=st.label,
                states=st.clause.states,
                expected=_titles(registry, st.want, st.lang),
            ),
            Msg("name the positions as the registry's mentions spell them, or add a mention"),
        )
        return
    if named != st.want:
        yield _disagreement(registry, st, named)
    if st.clause.states == "approval":
        yield from _form_of_approval(view, st)


def _titles(registry: Registry, ids: set[str], lang: str) -> str:
    return ", ".join(sorted(registry.position(i).title.get(lang, i) for i in ids))


def _disagreement(registry: Registry, st: _Stated, named: set[str]) -> Problem:
    field = FIELD[st.clause.states or ""]
    parts = []
    if st.want - named:
        parts.append(
            Msg("does not name {names}", names=_titles(registry, st.want - named, st.lang))
        )
    if named - st.want:
        parts.append(
            Msg(
                "names {names}, which {field} lacks",
                names=_titles(registry, named - st.want, st.lang),
                field=field,
            )
        )
    return error(
        st.at,
        RULE.code,
        Msg("{where} disagrees with the data: {parts}", where=st.label, parts=join("; ", parts)),
        Msg("make the text and {field} agree", field=field),
    )


def _form_of_approval(view: View, st: _Stated) -> Iterator[Problem]:
    """The form of approval the clause says (its words, from the label set) against
    ``approval.form``: the data's form unsaid where it has words, or another form said."""
    form = view.document.model.approval.form
    form_words: dict[str, list[str]] = view.labels(st.lang).get("approval_form_words", {})
    said = words(st.text)
    stated = sorted(f for f, ws in form_words.items() if any(contains(said, w) for w in ws))
    if form_words.get(form) and form not in stated:
        yield error(
            st.at,
            RULE.code,
            Msg("{where} does not state the form of approval ({form})", where=st.label, form=form),
            Msg("say that it is approved by order"),
        )
    elif other := [f for f in stated if f != form]:
        yield error(
            st.at,
            RULE.code,
            Msg(
                "{where} says it is approved by {stated}, but approval.form is {form}",
                where=st.label,
                stated=", ".join(other),
                form=form,
            ),
            Msg("make the text and {field} agree", field="approval.form"),
        )


RULE = Rule(
    "DLO101",
    "facts",
    "error",
    "prose that states approvers, approval, initiators or "
    "subordination must agree with the structured data",
    check,
    some_warnings=True,  # a stating clause that names no known position only warns
)
