"""DLO113: spacing that shows in print: a run of spaces inside a text, a space before a comma,
semicolon, colon, full stop or closing bracket, and a missing space after a punctuation mark
that ends a sentence or a list entry ("064-2022.Ұйым", "бастығы,оның").

Left alone: numbers ("1,5", "20.03.2015", "9001:2015"), initials and dotted abbreviations
("Д.Е. Ахметов", "т.б."), an ellipsis, and line breaks of the YAML source (folding makes them one
space). The problem points at the first offending character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View

# Each pattern opens with a look at the one character its match starts with, which rules out
# most places at once (a look-behind first is tried everywhere: AFTER took 5 x as long).
RUN = re.compile(r"(?=[ \u00a0])(?<=\S)[ \u00a0]{2,}(?=\S)")
BEFORE = re.compile(r"(?=[ \u00a0])(?<=[^\W_])[ \u00a0]+(?=[,;:.)](?!\.\.)(?!\d))")
# after two letters, a digit or a closing quote/bracket: ";", "," or ":" before a letter, or "."
# before a capital ("стандарты.Бөлім", "2022.Ұйым"); a lone capital before "." is an initial
AFTER = re.compile(
    r"(?=[;,:.])"
    r"(?:(?<=[^\W\d_]{2})|(?<=\d)|(?<=[»\"”)]))"
    r"(?:([;,:])(?=[^\W\d_])|(\.)(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))"
)


def problems_in(text: str) -> Iterator[tuple[int, str]]:
    """(offset, what is wrong) for every spacing fault in ``text``."""
    for m in RUN.finditer(text):
        yield m.start(), Msg("{n} spaces in a row", n=len(m.group()))
    for m in BEFORE.finditer(text):
        yield m.start(), Msg("a space before '{mark}'", mark=text[m.end()])
    for m in AFTER.finditer(text):
        mark = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        yield start, Msg("no space after '{mark}'", mark=mark)


def check(view: View) -> Iterator[Problem]:
    for text in view.texts():
        for offset, what in sorted(problems_in(text.value)):
            yield view.problem(
                RULE,
                view.at(text, offset),
                Msg("{what} ({where})", what=what, where=text.label),
                Msg("one space between words, none before punctuation, one after it"),
            )


RULE = Rule(
    "DLO113",
    "spacing",
    "warning",
    "spaces that show in print: doubled, before punctuation, or missing after it",
    check,
)
