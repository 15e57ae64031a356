"""Where a style's paragraphs are placed across the page: their indents (``w:ind``), judged by
``legible`` against the reference's page.

Each of the indents (left, right, and the first line's: ``w:firstLine`` or ``w:hanging``) is
inherited on its own, so the nearest layer that sets it decides it (``w:start`` and ``w:end`` are
the left and right of a left-to-right paragraph; an indent in hundredths of a character,
``w:leftChars`` …, is taken over the one in twips when it is not 0, a character counted as the
text's size). A paragraph is refused when a line of it starts
past the page's left edge or ends past its right edge (a negative indent beyond the margin: the
text is printed off the page, as LibreOffice was seen to print the draft mark so), or when its
indents leave less than ``package.NARROWEST`` of the page's width for its text (a letter or two to
a line)."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

from ...i18n import Msg
from .glyphs import points
from .layers import Illegible, Layer
from .package import NARROWEST

_MM = 72 / 25.4  # points in a millimetre
# each indent, by the attributes that set it (the first line's: a hanging indent is negative)
# (in hundredths of a character, ``…Chars``, first: Word takes them over the twips when not 0)
_INDENTS = {
    "left": ("leftChars", "startChars", "left", "start"),
    "right": ("rightChars", "endChars", "right", "end"),
    "first": ("firstLineChars", "hangingChars", "firstLine", "hanging"),
}


@dataclass(frozen=True)
class Page:
    """The page's width and what its margins (and gutter) leave on each side, and the height
    its top and bottom margins leave for text, in points."""

    width: float
    left: float
    right: float
    text_height: float

    @classmethod
    def of(cls, doc) -> Page:
        section = doc.sections[-1]
        width, left, gutter, right, height, top, bottom = (
            (length or 0) / 12700
            for length in (
                section.page_width,
                section.left_margin,
                section.gutter,
                section.right_margin,
                section.page_height,
                section.top_margin,
                section.bottom_margin,
            )
        )
        return cls(width, left + gutter, right, height - top - bottom)


def _indent(paragraph: list[Layer], key: str, size: float) -> tuple[float, str] | Illegible:
    """The indent ``key`` in points as the nearest layer that sets it gives it, and where (a
    character counted as the text's ``size``)."""
    for layer in paragraph:
        ind = layer.rpr.find(qn("w:ind"))
        for attr in _INDENTS[key] if ind is not None else ():
            value = ind.get(qn(f"w:{attr}"))
            chars = attr.endswith("Chars")
            if value is None or (chars and value.strip() == "0"):
                continue
            measured = points(value, size / 100 if chars else 0.05)  # or twentieths of a point
            if measured is None:
                why = Msg(
                    "with {prop} {value}, which is not a measure",
                    prop="w:ind/@w:" + attr,
                    value=repr(value),
                )
                return Illegible(why, layer.where)
            return (-measured if attr.startswith("hanging") else measured), layer.where
    return 0.0, ""


def misplaced(paragraph: list[Layer], page: Page, size: float) -> Illegible | None:
    """Why a paragraph of these paragraph properties (``legible._paragraph``), its text of
    ``size``, is placed where its text cannot be read, or None."""
    found = {key: _indent(paragraph, key, size) for key in _INDENTS}
    for value in found.values():
        if isinstance(value, Illegible):
            return value
    (left, at_left), (right, at_right), (first, at_first) = found.values()  # type: ignore[misc]
    start = min(left, left + first)
    if start < -page.left - 0.5:
        why = Msg(
            "placed {mm:.0f} mm past the page's left edge (w:ind)", mm=(-start - page.left) / _MM
        )
        return Illegible(why, at_first if left + first < left else at_left)
    if right < -page.right - 0.5:
        why = Msg(
            "placed {mm:.0f} mm past the page's right edge (w:ind)", mm=(-right - page.right) / _MM
        )
        return Illegible(why, at_right)
    width = (page.width - page.left - page.right - left - right - max(first, 0)) / _MM
    if width < NARROWEST:
        why = Msg(
            "indented to leave {width:.0f} mm for its text, below {least} mm (w:ind)",
            width=max(width, 0),
            least=NARROWEST,
        )
        return Illegible(why, at_left or at_right or at_first)
    return None
