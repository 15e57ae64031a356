"""Colours as a reference document's styles give them, and how far apart two are: a
``w:color`` (RRGGBB or ``auto``), a theme colour (``w:themeColor`` with its tint or shade, from
the reference's theme), a highlight, a shading (``w:shd``: its pattern's colour over its fill),
and WCAG's contrast ratio of two colours (``legible`` judges dlo's styles with it)."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import qn

WHITE = "FFFFFF"
HIGHLIGHT = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}
_THEME_SLOT = {
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def shading(shd, theme: dict[str, str]) -> set[str]:
    """The colours a ``w:shd`` may paint: its pattern's colour over its fill by the pattern's
    share, each as its RRGGBB and as its theme colour (``w:themeColor``, ``w:themeFill``, tint
    or shade applied: Word takes the theme's, another reader may take the RRGGBB); none when it
    paints none."""
    pattern = shd.get(qn("w:val"), "clear")
    fills = {hex_colour(shd.get(qn("w:fill")), None), theme_colour(shd, theme, "themeFill")}
    fills.discard(None)
    inks = {hex_colour(shd.get(qn("w:color")), "000000"), theme_colour(shd, theme)}
    inks.discard(None)
    if pattern in ("clear", "nil"):
        return {f for f in fills if f is not None}
    if pattern == "solid":
        return {c for c in inks if c is not None}
    share = int(pattern[3:]) / 100 if pattern.startswith("pct") and pattern[3:].isdecimal() else 0.5
    return {_mix(c or "000000", f or WHITE, share) for c in inks or {None} for f in fills or {None}}


def hex_colour(value: str | None, auto: str | None) -> str | None:
    """A colour as RRGGBB, ``auto`` for "auto" or none; None when it is not one."""
    if value is None or value.lower() == "auto":
        return auto
    value = value.upper()
    return value if len(value) == 6 and all(c in "0123456789ABCDEF" for c in value) else auto


def _mix(front: str, back: str, share: float) -> str:
    a, b = _rgb(front), _rgb(back)
    return "".join(f"{round(x * share + y * (1 - share)):02X}" for x, y in zip(a, b, strict=True))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _luminance(colour: str) -> float:
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two RRGGBB colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def theme(doc):
    """The reference's theme (its root element), or None when it has none that is one."""
    for rel in doc.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/relationships/theme"):
            try:
                return parse_xml(rel.target_part.blob)
            except Exception:
                return None
    return None


def theme_colours(root) -> dict[str, str]:
    """The theme's (``theme``) colours (``dk1``, ``lt1``, ``accent1`` ...) as RRGGBB."""
    scheme = None if root is None else root.find(f".//{_DRAWING}clrScheme")
    return {} if scheme is None else _scheme(scheme)


def _scheme(scheme) -> dict[str, str]:
    found = {}
    for slot in scheme:
        if not isinstance(slot.tag, str):
            continue
        for colour in slot:
            value = colour.get("val") if colour.tag == f"{_DRAWING}srgbClr" else None
            value = colour.get("lastClr") if colour.tag == f"{_DRAWING}sysClr" else value
            if (hexed := hex_colour(value, None)) is not None:
                found[slot.tag.removeprefix(_DRAWING)] = hexed
    return found


def theme_colour(color, theme: dict[str, str], attr: str = "themeColor") -> str | None:
    """The colour an element's theme colour (``w:themeColor``, or ``attr``: a shading's
    ``w:themeFill``) names, its tint or shade applied."""
    slot = _THEME_SLOT.get(color.get(qn(f"w:{attr}"), ""))
    base = theme.get(slot or "")
    if base is None:
        return None
    named = attr.removesuffix("Color")  # themeTint, themeFillTint ...
    tint, shade = color.get(qn(f"w:{named}Tint")), color.get(qn(f"w:{named}Shade"))
    if tint is not None and hex_colour(tint + "0000", None) is not None:
        return _mix(base, WHITE, int(tint, 16) / 255)
    if shade is not None and hex_colour(shade + "0000", None) is not None:
        return _mix(base, "000000", int(shade, 16) / 255)
    return base
