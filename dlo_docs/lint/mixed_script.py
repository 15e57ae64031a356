"""DLO116: a Cyrillic word typed with Latin letters that look like Cyrillic ones ("әлеуметтiк"
with a Latin i for і, "Pектор" with a Latin P): the same in print, but a different word to the
site's search, to sorting and to every other rule. The problem points at the first Latin letter.

Left alone: Latin words, a Latin word with a Cyrillic ending ("Moodle-да", "Moodleда": more
Latin letters than Cyrillic), and words joined by a hyphen ("IT-бөлім"), each part on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chars import LOOKALIKES
from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View

CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
WORD = re.compile(rf"[A-Za-z{CYRILLIC}]+")
LATIN = re.compile(r"[A-Za-z]")


def mixed(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset of the first Latin letter, the word, its Latin letters) for each Cyrillic word
    that holds Latin lookalikes."""
    for m in WORD.finditer(text):
        word = m.group()
        latin = LATIN.findall(word)
        if latin and 2 * len(latin) < len(word) and set(latin) <= LOOKALIKES.keys():
            first = LATIN.search(word)
            assert first is not None
            yield m.start() + first.start(), word, "".join(dict.fromkeys(latin))


def check(view: View) -> Iterator[Problem]:
    for text in view.texts():
        for offset, word, letters in mixed(text.value):
            yield view.problem(
                RULE,
                view.at(text, offset),
                Msg(
                    "'{word}' is typed with Latin letters among the Cyrillic ones: {letters} ({where})",
                    word=word,
                    letters=letters,
                    where=text.label,
                ),
                Msg(
                    "type the Cyrillic letters that look the same: search and sorting see a different word"
                ),
            )


RULE = Rule(
    "DLO116",
    "mixed-script",
    "warning",
    "a Cyrillic word typed with Latin letters that look the same",
    check,
)
