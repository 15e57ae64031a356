"""DLO118: a control character in any text of the regulation — a clause, a title, a note, the
code (a double-quoted YAML escape writes one: ``"Қолдану\\x01 саласы"``; a paste from another
program can bring one). No DOCX holds it: every output drops it, so what is printed is not what
the text says; and it would reach a terminal that shows the text. An error: the text is to be
typed as it is meant. Tab and line breaks are a text's own layout, not reported. ``dlo check``
reads the registry so too (``found``): its titles and names are printed on every document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..chars import CONTROL
from ..errors import Problem, error
from ..i18n import Msg
from ..load import Source
from .rule import Rule
from .view import View


def strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text of the parsed file, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*loc, i))
    elif isinstance(data, str):
        yield loc, data


def found(source: Source) -> Iterator[Problem]:
    """Each control character of any text of ``source`` (a regulation, or the registry, whose
    titles and names every document prints), at its position."""
    if "\\" not in source.text:  # only a double-quoted escape writes one: none without a "\"
        return
    for loc, text in strings(source.data):
        for m in CONTROL.finditer(text):
            yield error(
                source.text_at(list(loc), m.start()),
                RULE.code,
                Msg("a control character (U+{code:04X})", code=ord(m.group())),
                Msg("delete it, or type the character meant"),
            )


def check(view: View) -> Iterator[Problem]:
    for problem in found(view.source):
        yield view.problem(RULE, problem.location, problem.message, problem.hint)


RULE = Rule(
    "DLO118",
    "control-character",
    "error",
    "a text (or the code) holds a control character, which no document can print",
    check,
)
