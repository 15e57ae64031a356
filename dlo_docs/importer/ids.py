"""Readable ids from Kazakh and Russian text: transliterated to latin, lower-case, hyphenated."""

from __future__ import annotations

import re

_TRANSLIT = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def translit(text: str) -> str:
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())


# words an id does not end on (transliterated): Russian and Kazakh prepositions and conjunctions,
# "имени" ("named after"), English ones; "Директор ВШ Экономики и права" is "direktor-vsh-ekonomiki"
_DANGLING = frozenset(
    "i v vo na po s so k ko o ob ot do iz za dlya pri imeni zhane men ben pen nemese and of the "
    "for".split()
)


def slug(text: str, words: int = 3, limit: int = 40, fallback: str = "x") -> str:
    """ "Нормативтік сілтемелер" → "normativtik-siltemeler": the first ``words`` words, whole,
    within ``limit`` characters, not ending on a preposition, a conjunction or an initial."""
    parts = [p for p in re.split(r"[^a-z0-9]+", translit(text)) if p][:words]
    kept: list[str] = []
    for part in parts:
        if len("-".join([*kept, part])) > limit:
            break
        kept.append(part)
    while len(kept) > 1 and (kept[-1] in _DANGLING or (len(kept[-1]) == 1 and kept[-1].isalpha())):
        kept.pop()
    value = "-".join(kept) if kept else "-".join(parts)[:limit].strip("-")
    return value if value and ID_RE.match(value) else fallback


class Ids:
    """Hands out unique ids: a taken id gets "-2", "-3", …"""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def __call__(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self.taken.add(candidate)
        return candidate
