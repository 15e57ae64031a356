"""DLO101: a clause that states a fact in prose must agree with the structured data.

Clauses marked ``states: approvers | approval | change_initiators | reports_to | instructions_from``
are read for the positions they name; the set must equal the structured field, so the agreement
sheet (built from the data) and the text can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem, error, warning
from ..i18n import Msg, join
from ..mentions import contains, named_positions, words
from ..model import Clause, Registry, text_in, walk_items
from ..numbering import walk
from ..project import Document
from ..refs import element_ids
from .rule import Rule
from .view import View

FIELD = {
    "approvers": "agreement.approvers",
    "approval": "approval.by",
    "change_initiators": "change_initiators",
    "reports_to": Msg("the registry's reports_to of the position"),
    "instructions_from": Msg("instructions_from (default: reports_to)"),
}


def expected(document: Document, registry: Registry, fact: str) -> set[str]:
    doc = document.model
    reports_to = registry.position(doc.position).reports_to if doc.position else None
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
    document, registry = view.document, view.registry
    doc = document.model
    locs = dict(element_ids(doc))
    numbers = {n.element.id: n.number for n in walk(doc) if n.kind == "clause"}
    own = registry.positions_of(doc.organisation)  # another organisation's never count
    for _, _, clause in doc.clauses():
        if clause.states is None:
            continue
        want = expected(document, registry, clause.states)
        at = document.source.text_at([*locs[clause.id], "text"], 0)
        for lang in doc.languages:
            text = clause_text(clause, lang, doc.main_lang)
            if not text.strip():
                continue
            named = named_positions(text, registry, lang) & own
            if doc.position not in want:
                named.discard(doc.position)
            label = f"clause {numbers[clause.id]} ({lang})"

            def titles(ids: set[str], lang: str = lang) -> str:
                return ", ".join(sorted(registry.position(i).title.get(lang, i) for i in ids))

            if not named:
                yield warning(
                    at,
                    RULE.code,
                    Msg(
                        "{where} states {states} but names no known position (expected: "
                        "{expected})",
                        where=label,
                        states=clause.states,
                        expected=titles(want),
                    ),
                    Msg(
                        "name the positions as the registry's mentions spell them, or add a mention"
                    ),
                )
                continue
            if named != want:
                parts = []
                if want - named:
                    parts.append(Msg("does not name {names}", names=titles(want - named)))
                if named - want:
                    parts.append(
                        Msg(
                            "names {names}, which {field} lacks",
                            names=titles(named - want),
                            field=FIELD[clause.states],
                        )
                    )
                yield error(
                    at,
                    RULE.code,
                    Msg(
                        "{where} disagrees with the data: {parts}",
                        where=label,
                        parts=join("; ", parts),
                    ),
                    Msg("make the text and {field} agree", field=FIELD[clause.states]),
                )
            if clause.states == "approval":
                form_words = (
                    view.labels(lang).get("approval_form_words", {}).get(doc.approval.form, [])
                )
                if form_words and not any(contains(words(text), w) for w in form_words):
                    yield error(
                        at,
                        RULE.code,
                        Msg(
                            "{where} does not state the form of approval ({form})",
                            where=label,
                            form=doc.approval.form,
                        ),
                        Msg("say that it is approved by order"),
                    )


RULE = Rule(
    "DLO101",
    "facts",
    "error",
    "prose that states approvers, approval, initiators or "
    "subordination must agree with the structured data",
    check,
)
