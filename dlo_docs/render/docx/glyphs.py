"""How a style draws its glyphs: its size, scale (``w:w``), shift (``w:position``) and
character spacing (``w:spacing``), each a measure in its unit or with its own (``7pt``, ``2.5mm``),
judged by ``legible``."""

from __future__ import annotations

import re

from ...i18n import Msg
from .layers import Illegible, Layer, nearest, values

NARROWEST_SCALE = 50  # % of a character's width
DEFAULT_PT = 10.0  # the size of text no style sizes (Word's; LibreOffice's is larger)
_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)?")
_SIZES = ("sz", "szCs")
_MEASURED = {"sz": 0.5, "szCs": 0.5, "position": 0.5, "spacing": 0.05, "w": 1.0}  # points per unit
_PER_UNIT = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}


def points(value: str, per_unit: float) -> float | None:
    """A measure in points: a number of the property's unit (``per_unit`` points: a half-point
    0.5, a twentieth 0.05) or of its own (``7pt``, ``2.5mm``); None when it is not one."""
    found = _MEASURE.fullmatch(value.strip())
    if found is None:
        return None
    unit = found.group(2)
    return float(found.group(1)) * (_PER_UNIT[unit] if unit else per_unit)


def measure(tag: str, value: str) -> float | None:
    """The value of the measured property ``tag`` in points (``w:w``: in per cent, ``%``
    or not); None when it is not one."""
    if tag == "w":
        number = value.strip().removesuffix("%")
        return float(number) if number.isdecimal() else None
    return points(value, _MEASURED[tag])


def measures(layers: list[Layer], tag: str) -> list[float]:
    return [m for v in values(nearest(layers, tag)[0]) if (m := measure(tag, v)) is not None]


def _sized(layers: list[Layer]) -> list[tuple[float, str]]:
    """Each size the text may print at, with where it is set: ``w:sz``, and ``w:szCs``, which
    Word takes for text it formats as complex script (``w:cs``, ``w:rtl``, or its characters)."""
    return [(m, nearest(layers, tag)[1]) for tag in _SIZES for m in measures(layers, tag)]


def size_pt(layers: list[Layer]) -> float:
    """The smallest size the text may print at (``DEFAULT_PT`` when no layer sizes it)."""
    return min((m for m, _ in _sized(layers)), default=DEFAULT_PT)


def malformed(layers: list[Layer]) -> Illegible | None:
    """A size, scale, shift or spacing that is not a measure: a reader's guess decides it."""
    for tag in _MEASURED:
        found, where = nearest(layers, tag)
        for value in values(found):
            if measure(tag, value) is None:
                why = Msg(
                    "with {prop} {value}, which is not a measure",
                    prop="w:" + tag,
                    value=repr(value),
                )
                return Illegible(why, where)
    return None


def size(layers: list[Layer], least: float) -> Illegible | None:
    scale = min(measures(layers, "w"), default=100)
    if scale < NARROWEST_SCALE:
        why = Msg(
            "squeezed to {scale} % of its width, below {least} %",
            scale=int(scale),
            least=NARROWEST_SCALE,
        )
        return Illegible(why, nearest(layers, "w")[1])
    sized = _sized(layers)
    if not sized:
        return None
    size, where = min(sized)
    if {"superscript", "subscript"} & set(values(nearest(layers, "vertAlign")[0])):
        size = size * 2 / 3
    if size >= least:
        return None
    why = Msg("at {size:g} pt, below {least:g} pt", size=round(size, 1), least=least)
    return Illegible(why, where)


def spacing(layers: list[Layer]) -> Illegible | None:
    """Letters drawn onto each other (condensed by more than a quarter of the text's size) or
    apart off the line (spaced out by more than its size): ``w:spacing``."""
    size = size_pt(layers)
    where = nearest(layers, "spacing")[1]
    for spacing in measures(layers, "spacing"):
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


def shift(layers: list[Layer]) -> Illegible | None:
    """Text raised or lowered (``w:position``) by more than a third of its size: off its line,
    onto another's or off the page (a superscript is raised by about a third)."""
    found, where = nearest(layers, "position")
    size = size_pt(layers)
    for shift in (points(v, 0.5) for v in values(found)):
        if shift is not None and abs(shift) > size / 3:
            moved = round(abs(shift), 1)
            why = (
                Msg("raised by {shift:g} pt, more than a third of its size", shift=moved)
                if shift > 0
                else Msg("lowered by {shift:g} pt, more than a third of its size", shift=moved)
            )
            return Illegible(why, where)
    return None
