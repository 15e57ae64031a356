"""The fonts a style's text may print in, and which of them draw pictures, not letters.

A style names a font for each of four ranges of characters (``w:rFonts``: ``w:ascii``,
``w:hAnsi``, ``w:eastAsia``, ``w:cs``), by its name or by the theme's (``w:asciiTheme`` ...:
the theme's major or minor font); each is inherited on its own, so the nearest layer that names
a range's font decides it. Both the name and the theme's font are judged (Word takes the theme's,
another reader may take the name).

A symbol font (Symbol, Wingdings, Webdings, Marlett, dingbats ...) maps letters and digits to
pictures: where it is installed (Windows, so in Word) a date, an order's number or a Latin letter
prints as arrows and stars, and what a letter the font lacks prints in is the reader's choice.
(LibreOffice without the font, as on a server, prints the text in a fallback font: the DOCX,
opened in Word, is what the style falsifies.) Only these are refused: a font that is merely not installed is replaced (by fontconfig,
or Word's substitution) with one that has the letters, and a list of the fonts that have Cyrillic
and Kazakh letters would refuse an organisation's own (PT Astra Serif, a corporate typeface)
that print them well."""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn

from .layers import Layer

# the ranges of characters, each with its font's name and its theme font's attribute
_RANGES = (
    ("ascii", "asciiTheme"),
    ("hAnsi", "hAnsiTheme"),
    ("eastAsia", "eastAsiaTheme"),
    ("cs", "cstheme"),
)
_SYMBOL_FONTS = frozenset(
    {
        "marlett",
        "mt extra",
        "ms outlook",
        "ms reference specialty",
        "monotype sorts",
        "monotype sorts 2",
        "d050000l",
        "euclid extra",
        "euclid math one",
        "euclid math two",
    }
)
_SYMBOL_WORDS = ("symbol", "dings", "dingbat", "sorts")  # Symbol, Wingdings, OpenSymbol ...
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def symbolic(font: str) -> bool:
    """Whether ``font`` is a symbol font (its name, in any case and spacing)."""
    name = " ".join(font.casefold().split())
    return name in _SYMBOL_FONTS or any(word in name for word in _SYMBOL_WORDS)


def theme_fonts(theme) -> dict[str, list[str]]:
    """The theme's (its root element, or None) fonts: ``major`` and ``minor``, each with every
    typeface it names (Latin, East Asian, complex script and per script)."""
    found: dict[str, list[str]] = {"major": [], "minor": []}
    scheme = None if theme is None else theme.find(f".//{_DRAWING}fontScheme")
    if scheme is None:
        return found
    for kind in found:
        for font in scheme.iterfind(f"{_DRAWING}{kind}Font/*"):
            if typeface := (font.get("typeface") or "").strip():
                found[kind].append(typeface)
    return found


def fonts(layers: list[Layer], theme: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    """Each font the text may print in, with where it is named: per range of characters, the
    nearest layer that names its font, by name or by the theme's."""
    for name_attr, theme_attr in _RANGES:
        for layer in layers:
            named = layer.rpr.find(qn("w:rFonts"))
            if named is None:
                continue
            name, themed = named.get(qn(f"w:{name_attr}")), named.get(qn(f"w:{theme_attr}"))
            if name is None and themed is None:
                continue
            if name:
                yield name, layer.where
            kind = "major" if (themed or "").startswith("major") else "minor"
            for typeface in theme.get(kind, []) if themed else []:
                yield typeface, layer.where
            break
