"""A text left to write: the ``[[...]]`` that ``dlo new`` writes for what only the drafter can
write (``[[обязанности: каждая отдельным подпунктом]]``) and ``dlo import`` for a code its source
does not give (``[[ЛН ?]]``). The one definition the lint (DLO114), the language parity (DLO112),
``dlo new`` and ``dlo translate`` share.

Found as the text prints, not as its characters run: a ``[[`` or ``]]`` is two brackets with
nothing printed between them, so a format character (Unicode category Cf: a zero-width space or
joiner, a soft hyphen, a word joiner ...) or a combining mark between them does not hide it
(``[[ЛН ?]\\u200b]`` prints ``[[ЛН ?]]``), nor does a bracket's full-width form (``［``). Any
``[[`` or ``]]`` left is a text to write, nested (``[[ЛН [?]]]``) or alone; a ``[[`` runs to the
``]]`` that closes it, counting the pairs inside, and takes in the brackets right after it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# the other forms of a bracket that print as one (full-width, vertical presentation forms)
_FOLD = str.maketrans("\uff3b\ufe47\uff3d\ufe48", "[[]]")
_BRACKET = re.compile("[\\[\\]\uff3b\ufe47\uff3d\ufe48]")
_PAIR = re.compile(r"\[\[|\]\]")
_BRACKETS_AFTER = re.compile(r"\]*")  # (always matches) the ones a mark takes in: ``[[ЛН [?]]]``
# the characters that may print nothing: a format character or a combining mark is neither a
# word character nor a space (nor a character of the Latin, Latin-1 or punctuation blocks a
# Kazakh or Russian text is typed with, but the soft hyphen and the general punctuation's
# invisible ones), so the characters of a real text are passed over by the pattern, not one by one
_MAYBE = re.compile("[^\\w\\s!-~\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]")


@dataclass(frozen=True)
class Unwritten:
    """One text left to write: where it starts and ends in its text, and what it prints."""

    start: int
    end: int
    shown: str


def _invisible(ch: str) -> bool:
    """Whether ``ch`` prints nothing of its own: a format character or a combining mark."""
    category = unicodedata.category(ch)
    return category == "Cf" or category[0] == "M"


def _printed(text: str) -> tuple[str, list[int] | None]:
    """``text`` as it prints, its brackets folded, and the index in ``text`` of each of its
    characters (None: the same text)."""
    hidden = {m.start() for m in _MAYBE.finditer(text) if _invisible(m.group())}
    folded = text.translate(_FOLD)
    if not hidden:
        return folded, None
    index = [i for i in range(len(text)) if i not in hidden]
    return "".join(folded[i] for i in index), index


def _closing(pairs: list[re.Match[str]], first: int) -> int:
    """The index in ``pairs`` of the pair that closes the one at ``first`` (itself when it is a
    ``]]``; the last one when none closes it)."""
    depth, at = 0, first
    for at in range(first, len(pairs)):
        depth += 1 if pairs[at].group() == "[[" else -1
        if depth <= 0:
            break
    return at


def unwritten(text: str) -> list[Unwritten]:
    """Every text left to write in ``text``, in order."""
    if _BRACKET.search(text) is None:
        return []
    printed, index = _printed(text)
    pairs, found, i = list(_PAIR.finditer(printed)), [], 0
    while i < len(pairs):
        last = _closing(pairs, i)
        start, end = pairs[i].start(), pairs[last].end()
        end = _BRACKETS_AFTER.match(printed, end).end()  # type: ignore[union-attr]
        if index is None:
            found.append(Unwritten(start, end, printed[start:end]))
        else:
            found.append(Unwritten(index[start], index[end - 1] + 1, printed[start:end]))
        i = next((j for j in range(last + 1, len(pairs)) if pairs[j].start() >= end), len(pairs))
    return found
