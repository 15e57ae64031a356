"""DLO114: a text left to write. ``dlo new`` fills what the registry knows and marks what only
the drafter can write as ``[[...]]`` (``[[обязанности: каждая отдельным подпунктом]]``), and
``dlo import`` so writes the code of a source that has none (``[[ДИ ?]]``); each such mark, in any
text or in the code, is reported until it is replaced by the real text. An error: a document with
unwritten parts cannot go for agreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View

PLACEHOLDER = re.compile(r"\[\[[^\[\]]*\]\]")


def check(view: View) -> Iterator[Problem]:
    code = view.model.code
    for m in PLACEHOLDER.finditer(code):
        yield view.problem(
            RULE,
            view.source.at(["code"]),
            Msg("the code is left to write: {code}", code=m.group()),
            Msg("give the code from the organisation's nomenclature of documents"),
        )
    for text in view.texts():
        for m in PLACEHOLDER.finditer(text.value):
            yield view.problem(
                RULE,
                view.at(text, m.start()),
                Msg("text left to write ({where}): {text}", where=text.label, text=m.group()),
                Msg("replace [[...]] with the text"),
            )


RULE = Rule(
    "DLO114",
    "placeholder",
    "error",
    "a text (or the code) still holds a [[...]] left to write",
    check,
)
