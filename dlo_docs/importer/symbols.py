"""Characters Word's Insert → Symbol puts in from a symbol font (``w:sym``).

Such a character is not in the run's text: ``w:sym`` names a font and a code in it ("Symbol",
"F0B3"), and Word draws that font's glyph — "≥" for F0B3 of the Symbol font. The Symbol font's
characters (Greek letters, ≤ ≥ ± × ÷ ≠ ≈ → • …) are read as the Unicode characters they draw
(``char``); a character of any other symbol font (Wingdings' ticks and boxes) has no letter of the
text, and each is named at its paragraph (``unread``) instead of being left out without a word.
LibreOffice saves the same character as the font's code in the text, a private-use character
(U+F0B3) in a run set in the font: read (``text``) and named (``lost``) the same way, not written
into regulation.yaml, where no font the regulation is printed in has it.
"""

from __future__ import annotations

import re
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
_PRIVATE = re.compile("[\uf020-\uf0ff]")
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


def font(run: ET.Element) -> str:
    """The font a run's text is set in, as far as it says (``w:rFonts``), else ""."""
    fonts = run.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return ""
    return next((f for k in ("ascii", "hAnsi", "cs") if (f := fonts.get(W + k))), "")


def _read(match: re.Match[str], symbol: bool) -> str:
    return SYMBOL.get(ord(match[0]) - 0xF000, "") if symbol else ""


def text(t: str, set_in: str) -> str:
    """A run's text with the symbol fonts' codes LibreOffice writes as private-use characters
    (U+F020–U+F0FF) read: the Symbol font's as the characters they draw, any other's left out
    (``lost`` names them)."""
    if not _PRIVATE.search(t):
        return t
    symbol = set_in.strip().lower() == "symbol"
    return _PRIVATE.sub(lambda m: _read(m, symbol), t)


def lost(runs) -> list[tuple[str, str]]:
    """(font, code) of each symbol in ``runs`` that is not read: a ``w:sym`` that ``char``
    cannot read, a private-use character ``text`` leaves out."""
    found = []
    for run in runs:
        set_in = font(run)
        found += [
            (s.get(W + "font") or "?", (s.get(W + "char") or "?").upper())
            for s in run.findall(W + "sym")
            if char(s) is None
        ]
        found += [
            (set_in or "?", f"{ord(c):04X}")
            for t in run.findall(W + "t")
            for c in _PRIVATE.findall(t.text or "")
            if not text(c, set_in)
        ]
    return found


def unread(found: list[tuple[int, str, str]], path: str) -> list[Problem]:
    """A warning for each symbol not read (``found``: its paragraph, font and code). The font
    and the code are the source's words, on one line (an attribute's ``&#10;`` is a line break
    that would start a line of its own in the output, reading as another problem)."""
    return [
        warning(
            Location(path, where, 1),
            UNSTRUCTURED,
            Msg(
                "a symbol of the font {font} ({code}) was not imported",
                font=" ".join(font.split()),
                code=" ".join(code.split()),
            ),
            Msg("insert it as a character of the text's own font, or write it in words"),
        )
        for where, font, code in found
    ]
