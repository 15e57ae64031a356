"""DLO111: a stored ``source_number`` (kept when a document is imported) disagrees with the number
the element gets now. Numbers are computed; a disagreement means the source numbered it wrongly
("10." twice) or an element was lost or added on import.

Compared after dropping the marker's punctuation and words ("10." → "10", "2)" → "2",
"3 тарау" → "3", "Параграф 2" → "2"); items inside items compare their letter ("а)") or number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from ..numbering import item_number
from .rule import Rule
from .view import View, label

_LETTER = re.compile(r"([^\W\d_])\W*$")
_ROMAN = re.compile(r"(?<![^\W\d_])([IVXLC]+)(?![^\W\d_])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def core(marker: str) -> str:
    """The number or letter of a marker: "10." → "10", "Параграф 2." → "2", "10.2)" → "2",
    "IV" → "4" (its I perhaps the Kazakh letter І), "а)" → "а"."""
    digits = re.findall(r"\d+", marker)
    if digits:
        return str(int(digits[-1]))
    roman = _ROMAN.search(marker.replace("І", "I"))  # Kazakh texts type I as the letter І
    if roman:
        return str(_roman(roman.group(1)))
    m = _LETTER.search(marker.strip())
    return m.group(1).lower() if m else marker.strip()


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    label_set = view.labels(doc.main_lang)
    for n in view.numbered:
        stored = getattr(n.element, "source_number", None)
        if stored is None:
            continue
        if n.kind == "item" and not re.search(r"\d", stored):
            computed = item_number(n.number, len(n.path), label_set)
        elif n.kind == "clause" and doc.numbering == "chapter":
            computed = str(n.in_chapter)
        else:
            computed = str(n.number)
        if core(stored) != computed:
            yield view.problem(
                RULE,
                view.element_at(n.element.id, "source_number"),
                Msg(
                    "the source numbered {element} '{stored}'",
                    element=label(n, view.clause_numbers),
                    stored=stored,
                ),
                Msg(
                    "check the source's numbering and whether an element was lost or added "
                    "on import; remove source_number once checked"
                ),
            )


RULE = Rule(
    "DLO111",
    "source-number",
    "warning",
    "a stored source number disagrees with the computed number",
    check,
)
