"""One person's name as compared: the same person, whichever way the name is written.

The registry and the journal write a holder's name by hand, so one person acting in two positions
may be written "М. Р. Бекова" in one and "Бекова М.Р." or "М.Р. Бекова" in the other, or with a
Latin letter that looks like a Cyrillic one ("M. P. Бекова" typed on a Latin keyboard). A
self-approval check that compared the names as written would miss each of these. The key:
casefolded, the Latin letters that look like Cyrillic ones read as those; its words (a surname,
a first name) in any order, its initials (a letter alone, its full stop or not) in theirs. A name
copied from elsewhere may be decomposed (й as и and a combining breve, as macOS and PDFs give it),
hold a soft hyphen or an invisible space from a Word document, or full-width letters: each would
split a word or be another letter, so the name is read composed (NFKC), without format characters
or stray combining marks; ё is read as е, as Russian names are written either way.

- ``key(name) -> str``: the key of ``name`` ("" for a name with no word).
- ``same(a, b) -> bool``: a position's holder, by language, is one person in ``a`` and ``b``.
- ``may_be_one(a, b) -> bool``: two names one person's certificate could name both of
  ("М. Р. Бекова" and "Мадина Бекова"), as the self-approval checks must read them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

# Latin and Greek letters drawn like Cyrillic ones, casefolded (A B C E H I K M O P T X Y: а в с
# е н і к м о р т х у; Greek Α Β Ε Η Ι Κ Μ Ο Ρ Τ Υ Χ and ο); ё, written е as often as not
_LOOKALIKE = str.maketrans("abcehikmoptxyё" + "αβεηικμορτυχ", "авсенікмортхуе" + "авенікмортух")
_WORD = re.compile(r"\w+\.?")


def _parts(name: str) -> list[str]:
    """The words and initials of ``name`` in their order, as compared: composed, casefolded,
    look-alike Latin letters read as Cyrillic, without full stops."""
    composed = unicodedata.normalize("NFKC", name)
    kept = "".join(ch for ch in composed if unicodedata.category(ch) not in ("Cf", "Mn"))
    return [part.rstrip(".") for part in _WORD.findall(kept.casefold().translate(_LOOKALIKE))]


def key(name: str) -> str:
    """``name`` casefolded, look-alike Latin letters read as Cyrillic: its words sorted, then its
    initials in their order ("Бекова М.Р." and "М. Р. Бекова": "бекова | м р"; "Р. М. Бекова"
    is another person's)."""
    parts = _parts(name)
    words = sorted(part for part in parts if len(part) > 1)
    initials = [part for part in parts if len(part) == 1]
    return " ".join(words) + " | " + " ".join(initials) if parts else ""


def may_be_one(a: str, b: str) -> bool:
    """Whether one person's certificate could name both ``a`` and ``b``, as a signature's holder
    check reads a name (every word of it a word of the certificate's name, its initials
    beginning the other words): the words both write in full (a surname) are shared, and the
    other words and initials, each name's in its order, agree pairwise, a word with a word, an
    initial with the word it begins ("М. Р. Бекова", "Мадина Бекова" and "Бекова Мадина
    Рахимовна" may be one person; "Р. М. Бекова", "Мадина Ахметова" are others). The same key
    (``key``) is always one person."""
    if key(a) == key(b) != "":
        return True
    one, other = _parts(a), _parts(b)
    shared = {p for p in one if len(p) > 1} & {p for p in other if len(p) > 1}
    if not shared:
        return False
    mine = [p for p in one if p not in shared]
    theirs = [p for p in other if p not in shared]
    # the longer name's further words or initials are ones the shorter does not write
    rest = zip(mine, theirs, strict=False)
    return all(x == y if len(x) > 1 and len(y) > 1 else x[0] == y[0] for x, y in rest)


def same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """A holder's names by language (``{lang: name}``) in ``a`` and ``b`` are one person's: the
    same key in every language both write ('М. Р. Бекова' respelt 'Бекова М.Р.' is no new
    holder). A vacancy (no name) is one only with a vacancy; names in no common language are
    taken as another person's."""
    if not a or not b:
        return not a and not b
    common = a.keys() & b.keys()
    return bool(common) and all(key(str(a[lang])) == key(str(b[lang])) for lang in common)


def shared(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> str | None:
    """The name, as ``mine`` writes it, of one person both holders' names by language (``{lang:
    name}``) may name in some language (``may_be_one``): one person holding two positions; None:
    no one."""
    found = sorted(
        str(name)
        for name in mine.values()
        if any(may_be_one(str(name), str(other)) for other in theirs.values())
    )
    return found[0] if found else None


def overlap(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """Whether one name of ``mine`` and one of ``theirs`` may be one person's (``may_be_one``)."""
    others = list(theirs)
    return any(may_be_one(name, other) for name in mine for other in others)
