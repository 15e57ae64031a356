"""No-break spaces (U+00A0) where typography keeps words on one line, in the texts the forms
compose: the title page (organisation, approval block, kind, title, position), the running
header's organisation, the city and year, the sheets and the transfer act, in DOCX and HTML;
and what the site's pages print around the text (working copy notice, metadata, history,
reviews, the register's rows), through the pages' filter ``tied``.

Not in the body (chapters, clauses, items): it is the text as written and approved, which the
comparison of editions, ``dlo import --onto`` and the content hash read as typed; its
typography is the drafter's.

- a dash between words stays with the word before it: "Төрағасы – Ректор" never starts a line
  with "–";
- "№" stays with its number, a blank included: "№ 45-НҚ", "№ ______", and the number with
  itself in DOCX: its hyphens are no-break hyphens (U+2011; the DOCX writes them as Word's
  w:noBreakHyphen), so "№ 0000-ҮЛГІ" never ends a line with "0000-" (not in HTML, whose
  order numbers the browser's search must find as typed); a "№" naming no number
  ends with the word before it: "Өзгеріс №", "(бұйрық №, күні)";
- a number stays with the ending a hyphen joins to it (in DOCX, a no-break hyphen; the HTML
  pages keep "-"): "12-ші сектор", "1-санатты", "3-м сектором" never end a line with "12-";
- a year or a date stays with its "ж." / "г.": "26.11.2026 ж.", "20___ г.";
- initials stay with each other and with the surname: "Д. Е. Ахметов", "Ахметов Д. Е.".
"""

from __future__ import annotations

import re
from typing import Any

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"
_CAPITAL = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_SPACES = re.compile(
    "|".join(
        (
            r"(?<=\S) +(?=[–—](?:\s|$))",  # before a dash standing between words
            r"(?<=№) +(?=\S)",  # after "№"
            r"(?<=\S) +(?=№(?![ \u00a0]*[^\s,;:)]))",  # before a "№" that names no number
            r"(?<=[\d_]) +(?=[жг]\.)",  # between a year (or its blank) and "ж." / "г."
            rf"(?<=\b[{_CAPITAL}]\.) +(?=[{_CAPITAL}])",  # after an initial
            rf"(?<=[^\W_]) +(?=[{_CAPITAL}]\.)",  # before an initial (not after a signature line)
        )
    )
)


_NUMBER = re.compile(r"(?<=№)([ \u00a0]*)(\S+)")  # "№" and the number after it
_ENDING = re.compile(r"(?<=\d)-(?=[^\W\d_])")  # a number's hyphenated ending: "12-ші", "3-м"


def tied(text: str, hyphens: bool = True) -> str:
    """``text`` with the spaces these rules keep made no-break spaces, and (``hyphens``) the
    hyphens of a number after "№", and of a number's ending, no-break hyphens."""
    if hyphens:
        text = _NUMBER.sub(lambda m: m.group(1) + m.group(2).replace("-", NB_HYPHEN), text)
        text = _ENDING.sub(NB_HYPHEN, text)
    return _SPACES.sub(NBSP, text)


def tied_filter(value: Any) -> Any:
    """``tied`` as the HTML pages' filter (``{{ line|tied }}``): a text (markup stays markup)
    tied, any other value as it is. The hyphens stay hyphens: a page's order number is found
    by the browser's search and copied as it is typed ("45-НҚ"), which U+2011 would not be."""
    return type(value)(tied(value, hyphens=False)) if isinstance(value, str) else value
