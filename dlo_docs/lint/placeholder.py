"""DLO114: a text left to write. ``dlo new`` fills what the registry knows and marks what only
the drafter can write as ``[[...]]`` (``[[обязанности: каждая отдельным подпунктом]]``), and
``dlo import`` so writes the code of a source that has none (``[[ДИ ?]]``); each such mark, in any
text, in a note (the comparison table prints it as the rationale of a change) or in the code, is
reported until it is replaced by the real text. Marks are found as the text prints
(``unwritten``): a zero-width character or a combining mark between two brackets does not hide
one, and a ``[[`` or ``]]`` left, nested or alone, is one. An error: a document with unwritten
parts cannot go for agreement.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg, join
from ..model import text_in
from ..unwritten import unwritten
from .rule import Rule
from .view import View, label


def check(view: View) -> Iterator[Problem]:
    for mark in unwritten(view.model.code):
        yield view.problem(
            RULE,
            view.source.at(["code"]),
            Msg("the code is left to write: {code}", code=mark.shown),
            Msg("give the code from the organisation's nomenclature of documents"),
        )
    for text in view.texts():
        for mark in unwritten(text.value):
            yield view.problem(
                RULE,
                view.at(text, mark.start),
                Msg("text left to write ({where}): {text}", where=text.label, text=mark.shown),
                Msg("replace [[...]] with the text"),
            )
    yield from _notes(view)


def _notes(view: View) -> Iterator[Problem]:
    """The marks of the elements' notes, which the comparison table prints."""
    doc = view.model
    for n in view.numbered:
        note = n.element.note
        if note is None:
            continue
        element = Msg("{element} note", element=label(n, view.clause_numbers))
        for lang in doc.languages:
            where = join(", ", [element, lang]) if len(doc.languages) > 1 else element
            value = text_in(note, lang, doc.main_lang)
            loc = [*view.locs[n.element.id], "note", *([] if isinstance(note, str) else [lang])]
            for mark in unwritten(value or ""):
                yield view.problem(
                    RULE,
                    view.source.text_at(loc, mark.start),
                    Msg("text left to write ({where}): {text}", where=where, text=mark.shown),
                    Msg("replace [[...]] with the text"),
                )


RULE = Rule(
    "DLO114",
    "placeholder",
    "error",
    "a text (or the code) still holds a [[...]] left to write",
    check,
)
