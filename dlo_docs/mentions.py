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
_AGREES = re.compile(r"\b(?:согласов|келісіл|келісу)\w*", re.IGNORECASE)
_APPROVES_RU = re.compile(r"[\s,;]+(?:и\s+|а\s+также\s+)?утвержд\w*", re.IGNORECASE)
_APPROVES_KK = re.compile(r"\bбекіт\w*", re.IGNORECASE)


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


def agreement_part(text: str) -> str:
    """The part of a clause stating who agrees the text that names them: a clause that also says
    who approves it ("согласовывается с проректором … и утверждается приказом ректора",
    "… проректормен келісіледі және Ректордың бұйрығымен бекітіледі") names the approving
    official after the agreement (Russian) or after its verb (Kazakh), and he does not agree it."""
    agree = _AGREES.search(text)
    if agree is None:
        return text
    approves = _APPROVES_RU.search(text, agree.end())
    if approves is not None:
        return text[: approves.start()]
    if _APPROVES_KK.search(text, agree.end()):
        return text[: agree.end()]
    return text
