"""DLO115: a clause or item whose text starts with a number typed by hand ("13. 13. …" in the
source becomes a clause numbered 13 whose text still starts with "13."; "2) 2) …" likewise).
Numbers are computed, so a typed one prints twice, and goes wrong as soon as anything is
renumbered. The problem points at the typed number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View

TYPED = {
    "clause": re.compile(r"^\s*(\d{1,4}(?:\.\d{1,4})*\.)(?!\d)\s"),
    "item": re.compile(r"^\s*(\d{1,3}\)|\d{1,4}(?:\.\d{1,4})+\.)\s"),
}


def check(view: View) -> Iterator[Problem]:
    for text in view.texts():
        pattern = TYPED.get(text.kind)
        m = pattern.match(text.value) if pattern else None
        if m:
            yield view.problem(
                RULE,
                view.at(text, m.start(1)),
                Msg(
                    "the text starts with a typed number '{number}' ({where})",
                    number=m.group(1),
                    where=text.label,
                ),
                Msg("delete it: numbers are computed"),
            )


RULE = Rule(
    "DLO115",
    "typed-number",
    "warning",
    "a clause or item text that starts with a number typed by hand",
    check,
)
