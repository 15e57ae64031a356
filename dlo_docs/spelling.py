"""The word a misspelled one most likely meant: the nearest of the words allowed where it
stands (a key, a word of a fixed list, a registry id), offered in a hint ("did you mean
'text'?"), when one is near enough."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .i18n import N_, Msg


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


LISTED = 12  # a kind with more ids than this is not listed in full in a hint


@dataclass(frozen=True)
class Listing:
    """The hints that list the ids of one kind, each a sentence of its own (so each is
    translated whole): every id (``known``); the nearest, then every id (``meant``); the count
    and the nearest, and where all are listed (``nearest``); the count and where (``counted``)."""

    known: str
    meant: str
    nearest: str
    counted: str


REGULATIONS = Listing(
    N_("known regulations: {known}"),
    N_("did you mean {word}? known regulations: {known}"),
    N_("the project has {n} regulations; the nearest: {near} (dlo list lists them all)"),
    N_("the project has {n} regulations: dlo list lists them"),
)
POSITIONS = Listing(
    N_("positions in the registry: {known}"),
    N_("did you mean {word}? positions in the registry: {known}"),
    N_(
        "the registry has {n} positions; the nearest: {near} (regulations/registry.yaml lists "
        "them all, under 'positions:')"
    ),
    N_("the registry has {n} positions: regulations/registry.yaml lists them, under 'positions:'"),
)


def known_ids(given: object, ids: list[str], listing: Listing) -> Msg:
    """The hint refusing ``given``, an id that names none of ``ids``: every id of a short list
    (the nearest offered first, as ``did_you_mean`` offers it in a file), only the nearest few
    of a longer one, whose list would fill the screen."""
    if not ids:
        return Msg(listing.known, known="none")
    import difflib

    near = difflib.get_close_matches(given, ids, n=5, cutoff=0.6) if isinstance(given, str) else []
    if len(ids) <= LISTED:
        known = ", ".join(ids)
        if near:
            return Msg(listing.meant, word=repr(near[0]), known=known)
        return Msg(listing.known, known=known)
    if near:
        return Msg(listing.nearest, n=len(ids), near=", ".join(near))
    return Msg(listing.counted, n=len(ids))


def known_regulations(given: object, ids: list[str]) -> Msg:
    """The hint refusing ``given``, a regulation id that names none of the project's."""
    return known_ids(given, ids, REGULATIONS)


def known_positions(
    given: object, ids: list[str], titles: Mapping[str, Iterable[str]] | None = None
) -> Msg:
    """The hint refusing ``given``, a position id (``--as``, ``--by``, ``--position`` …) that
    names none of the registry's: when it is a position's title (``titles``: id -> its titles,
    in any language; spaces and case aside), that position's id to give instead."""
    key = " ".join(given.split()).casefold() if isinstance(given, str) else None
    for pid, names in (titles or {}).items():
        if key and any(" ".join(name.split()).casefold() == key for name in names):
            return Msg("that is the title of position {id}: give its id, {id}", id=repr(pid))
    return known_ids(given, ids, POSITIONS)


def glued(word: object, allowed: Iterable[str]) -> tuple[str, str] | None:
    """An allowed key written without the space YAML needs after it: after its ':' (YAML reads
    ``kk:'Мәтін`` as one key) or after the '-' of a list item (``-id``, a key). The key and
    the sign the space is missing after (None: ``word`` is no such key)."""
    if not isinstance(word, str):
        return None
    allowed = set(allowed)
    if word.startswith("-") and word[1:] in allowed:
        return word[1:], "-"
    key, colon, rest = word.partition(":")
    return (key, ":") if colon and rest and key in allowed else None


def space_missing(word: object, allowed: Iterable[str]) -> tuple[Msg, Msg] | None:
    """What is wrong with a ``glued`` key and what to write (None: ``word`` is not one)."""
    found = glued(word, allowed)
    if found is None:
        return None
    key, sign = found
    if sign == "-":
        example = "- " + key + ": …"
        return (
            Msg("a space is missing after '-', which starts a list item"),
            Msg("put a space after '-': {example}", example=example),
        )
    quote = str(word)[len(key) + 1 :][:1]
    example = f"{key}: {quote}…{quote}" if quote in ("'", '"') else f"{key}: …"
    return (
        Msg("a space is missing after '{key}:'", key=key),
        Msg("write a space after '{key}:': {example}", key=key, example=example),
    )
