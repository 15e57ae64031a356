"""DLO118: a control character in a text or the code (a double-quoted YAML escape writes one:
``"Қолдану\\x01 саласы"``; a paste from another program can bring one). No DOCX holds it: every
output drops it, so what is printed is not what the text says; and it would reach a terminal
that shows the text. An error: the text is to be typed as it is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View

# the C0 characters but tab and line breaks (the ones a text's own layout uses), and DEL
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check(view: View) -> Iterator[Problem]:
    hint = Msg("delete it, or type the character meant")
    for m in CONTROL.finditer(view.model.code):
        yield view.problem(
            RULE,
            view.source.at(["code"]),
            Msg("the code holds a control character (U+{code:04X})", code=ord(m.group())),
            hint,
        )
    for text in view.texts():
        for m in CONTROL.finditer(text.value):
            yield view.problem(
                RULE,
                view.at(text, m.start()),
                Msg(
                    "a control character (U+{code:04X}) in the text ({where})",
                    code=ord(m.group()),
                    where=text.label,
                ),
                hint,
            )


RULE = Rule(
    "DLO118",
    "control-character",
    "error",
    "a text (or the code) holds a control character, which no document can print",
    check,
)
