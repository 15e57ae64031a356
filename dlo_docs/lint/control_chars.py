"""DLO118: a control character or a format character in any text of the regulation — a clause, a
title, a note, the code (a double-quoted YAML escape writes a control character:
``"Қолдану\\x01 саласы"``; a paste from another program can bring either, and a format
character, Unicode category Cf — a zero-width space or joiner, a soft hyphen, a word joiner, a
byte order mark, a bidirectional control — can be typed into the file as itself). No DOCX, page
or terminal shows one: a control character is dropped, a format character prints as nothing, so
what is printed is not what the text says, and a check or a search reads another text than the
one printed (a ``[[`` split by a zero-width space, a word split by a soft hyphen). An error: the
text is to be typed as it is meant; a Kazakh or Russian text needs none (``dlo import`` drops the
format characters of its source). Tab and line breaks are a text's own layout, not reported.
``dlo check`` reads the registry so too (``found``): its titles and names are printed on every
document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..chars import CONTROL, HIDDEN, INVISIBLE, named
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


_HIDDEN = re.compile(HIDDEN)


def found(source: Source) -> Iterator[Problem]:
    """Each control or format character of any text of ``source`` (a regulation, or the
    registry, whose titles and names every document prints), at its position."""
    # a control character only a double-quoted escape writes: none without a "\\"; a format
    # character is in the file as itself or escaped
    if "\\" not in source.text and re.search(INVISIBLE, source.text) is None:
        return
    for loc, text in strings(source.data):
        for m in _HIDDEN.finditer(text):
            yield error(source.text_at(list(loc), m.start()), RULE.code, *_what(m.group()))


def _what(ch: str) -> tuple[Msg, Msg]:
    """The message and hint of the character ``ch``."""
    if re.match(CONTROL, ch):
        return named(ch), Msg("delete it, or type the character meant")
    return (
        named(ch),
        Msg(
            "delete it: it prints as nothing, so checks and searches read another text than the one printed"
        ),
    )


def check(view: View) -> Iterator[Problem]:
    for problem in found(view.source):
        yield view.problem(RULE, problem.location, problem.message, problem.hint)


RULE = Rule(
    "DLO118",
    "control-character",
    "error",
    "a text (or the code) holds a control or format character, which no document prints",
    check,
)
