"""dlo's styles in an organisation's reference document print their text legibly.

dlo writes no formatting of its own in a run: each paragraph's look is its style's (``STYLE``),
so a reference document that gave ``DLO Draft Mark`` hidden, white or tiny text would take
ЖОБА / ПРОЕКТ off every draft, and one that did so to the approval block, the title or the
header would print a document that does not say what it is. Each of dlo's styles, with the
run properties it takes from the styles it is based on and from the document's defaults
(the nearest that sets a property decides, as Word and LibreOffice read it), for its text and
for its paragraph mark (``w:pPr/w:rPr``), is refused (DLO303) when it prints its text:

- hidden: ``w:vanish``, ``w:specVanish``, ``w:webHidden``;
- struck out: ``w:strike``, ``w:dstrike``;
- smaller than ``DRAFT_MARK_PT`` (the draft mark) or ``SMALLEST_PT`` (the others), a
  superscript or subscript counted at two thirds; or squeezed below ``NARROWEST_SCALE`` % of its
  width (``w:w``);
- condensed (``w:spacing``) by more than a quarter of its size, or spaced out by more than its
  size: its letters drawn onto each other, or apart off the line;
- sized, squeezed, shifted or spaced by a value that is not a measure (a size, shift or spacing
  is a number of its unit or a number with its own, ``7pt``; a scale a number of per cent);
- raised or lowered (``w:position``) by more than a third of its size (``DEFAULT_PT`` when no
  layer sizes it): off its line, onto another's or off the page;
- in a colour of too little contrast with what is behind it (``CONTRAST``, WCAG's ratio of
  relative luminances; 3:1 is its minimum for large text): its ``w:color`` and its theme colour
  (``w:themeColor``, tint and shade applied, from the reference's theme) against its highlight,
  else its shading, else its paragraph's shading, else the white page; the table style's
  shadings (``DLO Table``, its conditional formats included) are behind the tables' text too.
  ``auto`` is the colour Word picks to contrast with what is behind it.

The table style itself (``DLO Table``) and each of its conditional formats are judged so too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from ...errors import DloError, Location, error
from ...i18n import Msg
from . import colours
from .names import STYLE
from .package import REFERENCE

SMALLEST_PT = 6.0
DRAFT_MARK_PT = 8.0
NARROWEST_SCALE = 50  # % of a character's width
CONTRAST = 3.0
DEFAULT_PT = 10.0  # the size of text no style sizes (Word's; LibreOffice's is larger)
_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)?")
_MEASURED = {"sz": 0.5, "position": 0.5, "spacing": 0.05, "w": 1.0}  # points per unit
_PER_UNIT = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}
_TABLE_ROLES = ("table_header", "table_text", "table_number")
_HIDDEN = ("vanish", "specVanish", "webHidden")
_STRUCK = ("strike", "dstrike")


@dataclass(frozen=True)
class _Layer:
    """Run properties (``w:rPr``) one style (or the defaults) gives, with where they are."""

    rpr: Any  # an lxml element
    where: str  # the style's name, or "" for the document defaults


def _w(element, tag: str):
    return None if element is None else element.find(qn(f"w:{tag}"))


def _on(element) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:strike w:val="0"/>`` ...) is on."""
    return element is not None and element.get(qn("w:val"), "1").lower() not in (
        "0",
        "false",
        "off",
    )


def _chain(styles, style) -> list:
    """``style`` and the styles it is based on, nearest first (a loop is cut)."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    found: list = []
    while style is not None and all(style is not s for s in found):
        found.append(style)
        based = _w(style, "basedOn")
        style = None if based is None else by_id.get(based.get(qn("w:val")))
    return found


def _name(style) -> str:
    name = _w(style, "name")
    return (name.get(qn("w:val")) if name is not None else None) or style.get(qn("w:styleId"), "")


def _passes(styles, style) -> Iterator[list[_Layer]]:
    """The layers that give ``style``'s text its run properties, nearest first, then those of
    its paragraph mark (its own ``w:pPr/w:rPr`` before each ``w:rPr``)."""
    chain = _chain(styles, style)
    defaults = _w(_w(_w(styles, "docDefaults"), "rPrDefault"), "rPr")
    tail = [] if defaults is None else [_Layer(defaults, "")]
    text = [_Layer(rpr, _name(s)) for s in chain if (rpr := _w(s, "rPr")) is not None]
    yield text + tail
    mark = [
        _Layer(rpr, _name(s))
        for s in chain
        for rpr in (_w(_w(s, "pPr"), "rPr"), _w(s, "rPr"))
        if rpr is not None
    ]
    yield mark + tail


def _nearest(layers: list[_Layer], tag: str) -> tuple[list[Any], str]:
    """The property ``tag`` as the nearest layer that sets it gives it (each, should it give it
    twice: a reader may take either), and where; ``([], "")`` when none does."""
    for layer in layers:
        found = layer.rpr.findall(qn(f"w:{tag}"))
        if found:
            return found, layer.where
    return [], ""


def _values(elements: list[Any]) -> list[str]:
    return [e.get(qn("w:val"), "") for e in elements]


def _points(value: str, per_unit: float) -> float | None:
    """A measure in points: a number of the property's unit (``per_unit`` points: a half-point
    0.5, a twentieth 0.05) or of its own (``7pt``, ``2.5mm``); None when it is not one."""
    found = _MEASURE.fullmatch(value.strip())
    if found is None:
        return None
    unit = found.group(2)
    return float(found.group(1)) * (_PER_UNIT[unit] if unit else per_unit)


def _measure(tag: str, value: str) -> float | None:
    """The value of the measured property ``tag`` in points (``w:w``: in per cent, ``%``
    or not); None when it is not one."""
    if tag == "w":
        number = value.strip().removesuffix("%")
        return float(number) if number.isdigit() else None
    return _points(value, _MEASURED[tag])


def _measures(layers: list[_Layer], tag: str) -> list[float]:
    return [m for v in _values(_nearest(layers, tag)[0]) if (m := _measure(tag, v)) is not None]


def _size_pt(layers: list[_Layer]) -> float:
    """The smallest size the text may print at (``DEFAULT_PT`` when no layer sizes it)."""
    return min(_measures(layers, "sz"), default=DEFAULT_PT)


def _paragraph_shading(styles, style) -> str | None:
    """The fill behind a paragraph of ``style`` (its own or its base's ``w:pPr/w:shd``)."""
    for s in _chain(styles, style):
        shd = _w(_w(s, "pPr"), "shd")
        if shd is not None:
            return colours.shading(shd)
    shd = _w(_w(_w(_w(styles, "docDefaults"), "pPrDefault"), "pPr"), "shd")
    return None if shd is None else colours.shading(shd)


@dataclass(frozen=True)
class Illegible:
    """Why a style's text does not print legibly, and which style (or "": the defaults) sets it."""

    why: str
    where: str


def _toggles(layers: list[_Layer]) -> Illegible | None:
    for tag in (*_HIDDEN, *_STRUCK):
        found, where = _nearest(layers, tag)
        if any(_on(e) for e in found):
            prop = "w:" + tag
            if tag in _HIDDEN:
                return Illegible(Msg("hidden ({prop})", prop=prop), where)
            return Illegible(Msg("struck out ({prop})", prop=prop), where)
    return None


def _malformed(layers: list[_Layer]) -> Illegible | None:
    """A size, scale, shift or spacing that is not a measure: a reader's guess decides it."""
    for tag in _MEASURED:
        found, where = _nearest(layers, tag)
        for value in _values(found):
            if _measure(tag, value) is None:
                why = Msg(
                    "with {prop} {value}, which is not a measure",
                    prop="w:" + tag,
                    value=repr(value),
                )
                return Illegible(why, where)
    return None


def _size(layers: list[_Layer], least: float) -> Illegible | None:
    scale = min(_measures(layers, "w"), default=100)
    if scale < NARROWEST_SCALE:
        why = Msg(
            "squeezed to {scale} % of its width, below {least} %",
            scale=int(scale),
            least=NARROWEST_SCALE,
        )
        return Illegible(why, _nearest(layers, "w")[1])
    size = _size_pt(layers)
    if {"superscript", "subscript"} & set(_values(_nearest(layers, "vertAlign")[0])):
        size = size * 2 / 3
    if size >= least or not _nearest(layers, "sz")[0]:
        return None
    why = Msg("at {size:g} pt, below {least:g} pt", size=round(size, 1), least=least)
    return Illegible(why, _nearest(layers, "sz")[1])


def _spacing(layers: list[_Layer]) -> Illegible | None:
    """Letters drawn onto each other (condensed by more than a quarter of the text's size) or
    apart off the line (spaced out by more than its size): ``w:spacing``."""
    size = _size_pt(layers)
    where = _nearest(layers, "spacing")[1]
    for spacing in _measures(layers, "spacing"):
        if spacing < -size / 4:
            why = Msg(
                "condensed by {spacing:g} pt, more than a quarter of its size",
                spacing=round(-spacing, 1),
            )
            return Illegible(why, where)
        if spacing > size:
            why = Msg("spaced out by {spacing:g} pt, more than its size", spacing=round(spacing, 1))
            return Illegible(why, where)
    return None


def _shift(layers: list[_Layer]) -> Illegible | None:
    """Text raised or lowered (``w:position``) by more than a third of its size: off its line,
    onto another's or off the page (a superscript is raised by about a third)."""
    found, where = _nearest(layers, "position")
    size = _size_pt(layers)
    for shift in (_points(v, 0.5) for v in _values(found)):
        if shift is not None and abs(shift) > size / 3:
            moved = round(abs(shift), 1)
            why = (
                Msg("raised by {shift:g} pt, more than a third of its size", shift=moved)
                if shift > 0
                else Msg("lowered by {shift:g} pt, more than a third of its size", shift=moved)
            )
            return Illegible(why, where)
    return None


def _colours(layers: list[_Layer], theme: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The colours the text may print in (its ``w:color`` and its theme colour; none for
    ``auto``), with where each is set."""
    colors, where = _nearest(layers, "color")
    for color in colors:
        for value in (
            colours.hex_colour(color.get(qn("w:val")), None),
            colours.theme_colour(color, theme),
        ):
            if value is not None:
                yield value, where


def _backgrounds(layers: list[_Layer], paragraph: str | None) -> set[str]:
    """What may be behind the text: its highlight, else its shading, else its paragraph's."""
    named = {
        colours.HIGHLIGHT[v]
        for v in _values(_nearest(layers, "highlight")[0])
        if v in colours.HIGHLIGHT
    }
    if named:
        return named
    shaded = {c for shd in _nearest(layers, "shd")[0] if (c := colours.shading(shd)) is not None}
    return shaded or {paragraph or colours.WHITE}


def _contrast(
    layers: list[_Layer], behind: list[str | None], theme: dict[str, str]
) -> Illegible | None:
    backs = set().union(*(_backgrounds(layers, paragraph) for paragraph in behind))
    for colour, where in _colours(layers, theme):
        for back in sorted(backs):
            ratio = colours.contrast(colour, back)
            if ratio < CONTRAST:
                why = Msg(
                    "in #{colour} on #{back}, a contrast of {ratio:.1f}:1, below {least:g}:1",
                    colour=colour,
                    back=back,
                    ratio=ratio,
                    least=CONTRAST,
                )
                return Illegible(why, where)
    return None


def _judged(
    layers: list[_Layer], least: float, behind: list[str | None], theme: dict[str, str]
) -> Illegible | None:
    return (
        _toggles(layers)
        or _malformed(layers)
        or _size(layers, least)
        or _shift(layers)
        or _spacing(layers)
        or _contrast(layers, behind, theme)
    )


def _table_parts(table) -> list:
    """The table style and each of its conditional formats (``w:tblStylePr``)."""
    return [table, *(table.findall(qn("w:tblStylePr")) if table is not None else [])]


def _table_shadings(table) -> list[str | None]:
    shadings = (_w(_w(part, "tcPr"), "shd") for part in _table_parts(table))
    return [colours.shading(shd) for shd in shadings if shd is not None]


def illegible(doc, styles_of: dict[str, Any]) -> tuple[str, Illegible] | None:
    """The first of dlo's styles (``styles_of``: role -> its ``w:style``) whose text would not
    print legibly, and why; None when each does."""
    styles, theme = doc.styles.element, colours.theme_colours(doc)
    table = styles_of.get("table")
    cells = [None, *_table_shadings(table)]
    for role, style in styles_of.items():
        if role == "table":
            continue
        least = DRAFT_MARK_PT if role == "draft_mark" else SMALLEST_PT
        behind = cells if role in _TABLE_ROLES else [None]
        paragraph = _paragraph_shading(styles, style)
        behind = [b or paragraph for b in behind]
        for layers in _passes(styles, style):
            if (found := _judged(layers, least, behind, theme)) is not None:
                return STYLE[role], found
    for part in _table_parts(table):
        rpr = _w(part, "rPr")
        layers = [] if rpr is None else [_Layer(rpr, STYLE["table"])]
        if (found := _judged(layers, SMALLEST_PT, cells, theme)) is not None:
            return STYLE["table"], found
    return None


def refused(reference: Path | None, name: str, found: Illegible) -> DloError:
    """DLO303: dlo's style ``name`` of the reference document prints its text illegibly."""
    where = (
        Msg("set in the document's defaults")
        if not found.where
        else Msg("set in its base style {base}", base=repr(found.where))
        if found.where.casefold() != name.casefold()
        else None
    )
    message = Msg(
        "the reference document's style {name} prints its text {why}",
        name=repr(name),
        why=found.why if where is None else Msg("{why}, {where}", why=found.why, where=where),
    )
    return DloError(
        [
            error(
                Location(reference.as_posix() if reference else REFERENCE),
                "DLO303",
                message,
                Msg(
                    "dlo's styles print what a document says: give the style text that is shown, "
                    "not struck out, at least {least:g} pt (the draft mark {mark:g} pt), dark on a "
                    "light background (Modify Style in Word), or start again from dlo "
                    "reference-docx",
                    least=SMALLEST_PT,
                    mark=DRAFT_MARK_PT,
                ),
            )
        ]
    )
