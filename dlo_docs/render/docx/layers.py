"""The run properties of a reference document's styles as layers, nearest first: what each
style (or the document's defaults) sets, and where; the property a reader takes is the nearest
layer's (``legible`` judges dlo's styles by them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn


@dataclass(frozen=True)
class Layer:
    """Run properties (``w:rPr``), or paragraph properties (``w:pPr``), one style (or the
    defaults) gives, with where they are."""

    rpr: Any  # an lxml element
    where: str  # the style's name, or "" for the document defaults


def w(element, tag: str):
    return None if element is None else element.find(qn(f"w:{tag}"))


def on(element) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:strike w:val="0"/>`` ...) is on."""
    return element is not None and element.get(qn("w:val"), "1").lower() not in (
        "0",
        "false",
        "off",
    )


def chain(styles, style) -> list:
    """``style`` and the styles it is based on, nearest first (a loop is cut)."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    found: list = []
    while style is not None and all(style is not s for s in found):
        found.append(style)
        based = w(style, "basedOn")
        style = None if based is None else by_id.get(based.get(qn("w:val")))
    return found


def style_name(style) -> str:
    name = w(style, "name")
    return (name.get(qn("w:val")) if name is not None else None) or style.get(qn("w:styleId"), "")


def nearest(layers: list[Layer], tag: str) -> tuple[list[Any], str]:
    """The property ``tag`` as the nearest layer that sets it gives it (each, should it give it
    twice: a reader may take either), and where; ``([], "")`` when none does."""
    for layer in layers:
        found = layer.rpr.findall(qn(f"w:{tag}"))
        if found:
            return found, layer.where
    return [], ""


def values(elements: list[Any]) -> list[str]:
    return [e.get(qn("w:val"), "") for e in elements]


@dataclass(frozen=True)
class Illegible:
    """Why a style's text does not print legibly, and which style (or "": the defaults) sets it."""

    why: str
    where: str
