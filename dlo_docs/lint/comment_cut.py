"""DLO119: a text cut short by a ``#``. In a value written without quotes, a space and ``#`` begin
a YAML comment: ``text: Бұйрық #5 бойынша`` is read as "Бұйрық", the rest dropped without a word,
and every document prints the shorter text. Reported where a ``#`` directly followed by a letter
or digit (``#5``, ``#тег``: meant as text) ends a plain value on its line; a comment written as
one (``# note``, a space after ``#``) is the writer's own and not reported. An error: the text
read is not the text typed, and a draft is not submitted or approved so cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Location, Problem
from ..i18n import Msg
from ..load import Source
from .control_chars import strings
from .rule import Rule
from .view import View

# a comment that starts right after a plain value: a space, "#", then no space
_CUT = re.compile(r" #(?=[^\s#])")


def found(source: Source) -> Iterator[tuple[int, int, str]]:
    """(line, column, the text dropped) of each plain value a ``#`` cut, 1-based."""
    if " #" not in source.text:  # the common case, told at C speed
        return
    lines = source.text.splitlines()
    for loc, text in strings(source.data):
        at = source.at(list(loc))
        if not text or "\n" in text or not 0 < at.line <= len(lines):
            continue
        rest = lines[at.line - 1][at.col - 1 :]
        cut = _CUT.search(rest)  # a plain value holds no " #": the first is its comment
        if cut is not None and rest[: cut.start()].rstrip() == text:  # not quoted, not a block
            yield at.line, at.col + cut.start() + 1, rest[cut.start() + 1 :].strip()


def check(view: View) -> Iterator[Problem]:
    for line, col, dropped in found(view.source):
        yield view.problem(
            RULE,
            Location(view.source.path, line, col),
            Msg(
                "the text ends before '{dropped}': a space and '#' begin a YAML comment, so "
                "what follows is not part of the text",
                dropped=dropped,
            ),
            Msg('put the whole text in quotes ("…"), or write № instead of #'),
        )


RULE = Rule(
    "DLO119",
    "comment-in-text",
    "error",
    "a text written without quotes is cut short by ' #', which begins a YAML comment",
    check,
)
