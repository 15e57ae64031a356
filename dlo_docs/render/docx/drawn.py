"""How a style draws its letters other than as letters on a line, which ``legible`` refuses
(DLO303) in dlo's styles:

- with Word 2010's text effects (``w14:textFill``, ``w14:textOutline``), which paint the glyphs
  over their ``w:color`` (``w14:noFill``: not at all);
- in relief (``w:emboss``, ``w:imprint``): LibreOffice draws the letters white, only an edge of
  each shaded (light grey embossed, dark engraved), so the approval block's black text printed
  white on the white page, and its PDF held letters twice ("№ 0000--ҮЛГІ" for "№ 0000-ҮЛГІ");
- laid out as East Asian text is (``w:eastAsianLayout``): turned a quarter round (``w:vert``:
  the approval block's lines ran into one another, "бұйрығыменБасқарма", and pushed the title,
  the position, the code and the edition off the title page) or as two lines in one
  (``w:combine``: its text in two rows at half its size, which the size judged by ``glyphs``
  does not say).
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ...i18n import Msg
from .layers import Illegible, Layer, nearest, on

_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_EFFECTS = ("textFill", "textOutline")
_RELIEF = ("emboss", "imprint")
_EAST_ASIAN = ("vert", "combine")  # w:eastAsianLayout's attributes that turn or halve the text


def effects(layers: list[Layer]) -> Illegible | None:
    """Word 2010's text effects, which dlo's styles have none of."""
    for layer in layers:
        for tag in _EFFECTS:
            if layer.rpr.find(f"{{{_W14}}}{tag}") is not None:
                why = Msg("drawn with Word's text effects ({prop})", prop="w14:" + tag)
                return Illegible(why, layer.where)
    return None


def relief(layers: list[Layer]) -> Illegible | None:
    """Embossed or engraved: its letters drawn white, only their edge shaded."""
    for tag in _RELIEF:
        found, where = nearest(layers, tag)
        if any(on(e) for e in found):
            why = Msg(
                "in relief ({prop}): its letters drawn white, only their edge shaded",
                prop="w:" + tag,
            )
            return Illegible(why, where)
    return None


def _attribute_on(element, name: str) -> bool:
    value = element.get(qn(f"w:{name}"))
    return value is not None and value.strip().lower() not in ("0", "false", "off")


def east_asian(layers: list[Layer]) -> Illegible | None:
    """Turned a quarter round, or printed as two lines in one (``w:eastAsianLayout``)."""
    found, where = nearest(layers, "eastAsianLayout")
    for name in _EAST_ASIAN:
        if any(_attribute_on(e, name) for e in found):
            why = (
                Msg("turned a quarter round ({prop})", prop="w:eastAsianLayout/@w:vert")
                if name == "vert"
                else Msg(
                    "as two lines in one at half its size ({prop})",
                    prop="w:eastAsianLayout/@w:combine",
                )
            )
            return Illegible(why, where)
    return None
