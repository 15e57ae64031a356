"""The word a misspelled one most likely meant: the nearest of the words allowed where it
stands (a key, a word of a fixed list, a registry id), offered in a hint ("did you mean
'text'?"), when one is near enough."""

from __future__ import annotations

from collections.abc import Iterable

from .i18n import Msg


def closest(word: object, allowed: Iterable[str]) -> str | None:
    """The allowed word nearest to ``word``, if one is near enough (None: none is, or ``word``
    is no text, or is allowed itself)."""
    if not isinstance(word, str) or not word:
        return None
    import difflib  # only when a word is wrong: not on the way of every file read

    found = difflib.get_close_matches(word, list(allowed), n=1, cutoff=0.6)
    return found[0] if found and found[0] != word else None


def did_you_mean(word: object, allowed: Iterable[str]) -> Msg | None:
    """ "did you mean 'text'?" for the word nearest to ``word`` (None: none is near)."""
    near = closest(word, allowed)
    return None if near is None else Msg("did you mean {word}?", word=repr(near))
