"""Characters Word's Insert → Symbol puts in from a symbol font (``w:sym``).

Such a character is not in the run's text: ``w:sym`` names a font and a code in it ("Symbol",
"F0B3"), and Word draws that font's glyph — "≥" for F0B3 of the Symbol font. The Symbol font's
characters (Greek letters, ≤ ≥ ± × ÷ ≠ ≈ → • …) are read as the Unicode characters they draw
(``char``); a character of any other symbol font (Wingdings' ticks and boxes) has no letter of the
text, and each is named at its paragraph (``unread``) instead of being left out without a word.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..errors import Location, Problem, warning
from ..i18n import Msg
from .wordstyles import W

UNSTRUCTURED = "DLO504"

# The Symbol font's encoding (Adobe Symbol; Unicode's SYMBOL.TXT, with the letters Greek rather
# than the signs Δ Ω µ look like): its codes from 0x20 on, then from 0xA0 on; " " where none.
_LOW = (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?"
    "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"
    "‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"
)
_HIGH = (
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵"
    "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"
    "◊⟨®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪ ⟩∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭"
)
SYMBOL = {
    **{0x20 + i: c for i, c in enumerate(_LOW)},
    **{0xA0 + i: c for i, c in enumerate(_HIGH) if c != " "},
}


def _code(el: ET.Element) -> int | None:
    """The symbol's code in its font: Word writes F0xx (the font's xx) or 00xx."""
    try:
        code = int(el.get(W + "char") or "", 16)
    except ValueError:
        return None
    return code - 0xF000 if 0xF000 <= code <= 0xF0FF else code


def char(el: ET.Element) -> str | None:
    """The Unicode character a ``w:sym`` of the Symbol font draws; None for another font's."""
    if (el.get(W + "font") or "").strip().lower() != "symbol":
        return None
    code = _code(el)
    return SYMBOL.get(code) if code is not None else None


def lost(runs) -> list[tuple[str, str]]:
    """(font, code) of each symbol in ``runs`` that ``char`` cannot read."""
    return [
        (s.get(W + "font") or "?", (s.get(W + "char") or "?").upper())
        for run in runs
        for s in run.iter(W + "sym")
        if char(s) is None
    ]


def unread(found: list[tuple[int, str, str]], path: str) -> list[Problem]:
    """A warning for each symbol not read (``found``: its paragraph, font and code)."""
    return [
        warning(
            Location(path, where, 1),
            UNSTRUCTURED,
            Msg("a symbol of the font {font} ({code}) was not imported", font=font, code=code),
            Msg("insert it as a character of the text's own font, or write it in words"),
        )
        for where, font, code in found
    ]
