"""Finding which registry positions a text names, across Kazakh and Russian case endings.

A mention is a phrase whose every word must begin a word of the text, in order
("проректор" matches "проректормен", "бастығ" matches "бастығының"). Text in parentheses
("(одан әрі – ҮББИ)") is ignored, so a definition inside a name does not break it.
"""

from __future__ import annotations

import re

from .model import Registry

_WORD = re.compile(r"\w+", re.UNICODE)
_PARENS = re.compile(r"\([^()]*\)")


def without_parens(text: str) -> str:
    """``text`` with every parenthesised part blanked out, as mentions are matched."""
    return _PARENS.sub(" ", text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text``, as ``words`` splits it."""
    return [m.span() for m in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    return _WORD.findall(without_parens(text).lower())


def contains(text_words: list[str], phrase: str) -> bool:
    want = words(phrase)
    if not want:
        return False
    last = len(text_words) - len(want)
    return any(
        all(text_words[i + k].startswith(w) for k, w in enumerate(want)) for i in range(last + 1)
    )


def named_positions(text: str, registry: Registry, lang: str) -> set[str]:
    """Ids of the positions whose mentions appear in ``text``."""
    found = set()
    text_words = words(text)
    for pos in registry.positions:
        if any(contains(text_words, m) for m in pos.mentions_in(lang)):
            found.add(pos.id)
    return found
