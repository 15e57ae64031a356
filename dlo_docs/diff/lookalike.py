"""Changes of characters that print the same: a Cyrillic letter typed as the Latin one drawn like
it (``семинaрларға`` with a Latin ``a``), or back, or a letter written in another Unicode form
(``й`` as ``и`` and a combining breve). A comparison shows such a change as a word struck out and
the same word inserted, two wordings that look the same; so each one is also said in words, after
the element's name, with the characters' codes: which character of which word was replaced by
which.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..chars import LOOKALIKES
from .words import DELETE, INSERT, Segment, tokens

_TO_CYRILLIC = str.maketrans(LOOKALIKES)


def _fold(text: str) -> str:
    """The text as it prints: its compatibility form, Latin letters drawn like Cyrillic ones as
    those."""
    return unicodedata.normalize("NFKC", text).translate(_TO_CYRILLIC)


@dataclass(frozen=True)
class Swap:
    """Characters ``old`` of a word replaced by ``new``, which print the same; ``word`` is the
    word as the new wording writes it."""

    word: str
    old: str
    new: str


def codes(text: str) -> str:
    return " ".join(f"U+{ord(ch):04X}" for ch in text)


def _script(text: str) -> str | None:
    """ "latin" or "cyrillic" when every letter of ``text`` is of that script."""
    found = {unicodedata.name(ch, "").split(" ")[0] for ch in text}
    return {"LATIN": "latin", "CYRILLIC": "cyrillic"}.get(found.pop()) if len(found) == 1 else None


def _in_word(old: str, new: str) -> list[Swap]:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        Swap(new, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal" and (old[i1:i2].strip() or new[j1:j2].strip())
    ]  # white space that changed is shown in marks (``spacing``)


def _pair(old: str, new: str) -> list[Swap]:
    a, b = tokens(old), tokens(new)
    if len(a) != len(b):
        return _in_word(old.strip(), new.strip())
    return [s for x, y in zip(a, b, strict=True) if x != y for s in _in_word(x, y)]


def swaps(segments: Sequence[Segment]) -> list[Swap]:
    """Each replacement of characters by others that print the same, in reading order: a removed
    wording followed by an inserted one that differs from it but prints the same."""
    found: list[Swap] = []
    for removed, inserted in zip(segments, segments[1:], strict=False):
        if (
            removed.op == DELETE
            and inserted.op == INSERT
            and removed.text != inserted.text
            and _fold(removed.text) == _fold(inserted.text)
        ):
            found += _pair(removed.text, inserted.text)
    return list(dict.fromkeys(found))  # a letter replaced twice in a word is said once


def _code(text: str, scripts: dict[str, str]) -> str:
    script = _script(text)
    name = scripts.get(script, "") if script else ""
    return f"{codes(text)}, {name}" if name else codes(text)


def said(segments: Sequence[Segment], labels: dict[str, Any]) -> list[str]:
    """Each swap in the document's words (label ``diff.lookalike``): "в слове «семинaрларға»
    знак «а» (U+0430, кириллица) заменен на похожий «a» (U+0061, латиница)"."""
    words: dict[str, Any] = labels["diff"]
    scripts: dict[str, str] = words.get("scripts", {})
    return [
        str(words["lookalike"]).format(
            word=s.word,
            old=s.old,
            new=s.new,
            old_code=_code(s.old, scripts),
            new_code=_code(s.new, scripts),
        )
        for s in swaps(segments)
    ]
