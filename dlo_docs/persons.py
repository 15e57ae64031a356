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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

# Latin letters drawn like Cyrillic ones, casefolded (A B C E H I K M O P T X Y: а в с е н і к м
# о р т х у); ё, written е as often as not
_LOOKALIKE = str.maketrans("abcehikmoptxyё", "авсенікмортхуе")
_WORD = re.compile(r"\w+\.?")


def key(name: str) -> str:
    """``name`` casefolded, look-alike Latin letters read as Cyrillic: its words sorted, then its
    initials in their order ("Бекова М.Р." and "М. Р. Бекова": "бекова | м р"; "Р. М. Бекова"
    is another person's)."""
    composed = unicodedata.normalize("NFKC", name)
    kept = "".join(ch for ch in composed if unicodedata.category(ch) not in ("Cf", "Mn"))
    parts = _WORD.findall(kept.casefold().translate(_LOOKALIKE))
    words = sorted(part for part in parts if len(part.rstrip(".")) > 1)
    initials = [part.rstrip(".") for part in parts if len(part.rstrip(".")) == 1]
    return " ".join(words) + " | " + " ".join(initials) if parts else ""


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
    name}``) name in some language (``key``): one person holding two positions; None: no one."""
    named = {key(str(name)): str(name) for name in mine.values()}
    named.pop("", None)
    common = sorted(named.keys() & {key(str(name)) for name in theirs.values()})
    return named[common[0]] if common else None
