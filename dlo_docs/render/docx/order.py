"""What a reference document's paragraph style prints in another order than its text says, or
with more than it says (``legible`` refuses it, DLO303): a number of Word's list before each
paragraph (``w:numPr``), or the paragraph set right to left (``w:bidi``), which moves its numbers
and the words around them.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ...i18n import Msg
from .layers import Illegible, Layer, nearest, on, w


def numbered(paragraph: list[Layer]) -> Illegible | None:
    """A paragraph numbered as a list by its style (``w:numPr`` naming a list, ``w:numId`` not
    0): Word and LibreOffice print the list's number before its text, a number the text does not
    hold ("1. 1. …", and a clause cited by the wrong one)."""
    for layer in paragraph:
        number = w(w(layer.rpr, "numPr"), "numId")
        if number is None:
            continue
        if number.get(qn("w:val"), "").strip() in ("", "0"):  # 0: no list (a base style's off)
            return None
        why = Msg("numbered as a list (w:numPr), with a number its text does not hold")
        return Illegible(why, layer.where)
    return None


def right_to_left(paragraph: list[Layer]) -> Illegible | None:
    """A paragraph set right to left (``w:bidi``): its numbers and the words around them are
    printed in another order ("26.11.2026 ж. № 45" as "ж. № 45 26.11.2026", "2007 жылғы …" with
    the year at the line's end)."""
    found, where = nearest(paragraph, "bidi")
    if any(on(e) for e in found):
        why = Msg("right to left (w:bidi), its numbers and words in another order")
        return Illegible(why, where)
    return None
