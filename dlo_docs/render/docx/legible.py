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
- smaller (``w:sz``, or ``w:szCs``: complex script) than ``DRAFT_MARK_PT`` (the draft mark) or ``SMALLEST_PT`` (the others), a
  superscript or subscript counted at two thirds; or squeezed below ``glyphs.NARROWEST_SCALE`` % of its
  width (``w:w``);
- condensed (``w:spacing``) by more than a quarter of its size, or spaced out by more than its
  size: its letters drawn onto each other, or apart off the line;
- sized, squeezed, shifted or spaced by a value that is not a measure (a size, shift or spacing
  is a number of its unit or a number with its own, ``7pt``; a scale a number of per cent);
- raised or lowered (``w:position``) by more than a third of its size (``glyphs.DEFAULT_PT`` when no
  layer sizes it): off its line, onto another's or off the page;
- in a colour of too little contrast with what is behind it (``CONTRAST``, WCAG's ratio of
  relative luminances; 3:1 is its minimum for large text): its ``w:color`` and its theme colour
  (``w:themeColor``, tint and shade applied, from the reference's theme) against its highlight,
  else its shading, else its paragraph's shading, else the white page (a shading's fill and
  pattern colour each as RRGGBB and as theme colour, ``w:themeFill``, ``w:themeColor``, tint or
  shade applied); the table style's
  shadings (``DLO Table``, its conditional formats included) are behind the tables' text too.
  ``auto`` is the colour Word picks to contrast with what is behind it;
- drawn with Word 2010's text effects (``w14:textFill``, ``w14:textOutline``), which paint the
  glyphs over their colour (``w14:noFill``: not at all), in relief (``w:emboss``,
  ``w:imprint``: white letters), turned or as two lines in one (``w:eastAsianLayout``'s
  ``w:vert``, ``w:combine``): ``drawn``;
- in a symbol font (``typefaces``: Symbol, Wingdings, Webdings, Marlett, dingbats ...), by its
  name or the theme's, for any range of characters (``w:rFonts``, each range inherited on its own);
  it draws letters and digits as pictures.

A paragraph of one of dlo's styles placed in a frame (``w:framePr`` in the style, a style it is
based on or the paragraphs' defaults) is refused too: a frame puts it anywhere, off the page or
over another paragraph, and dlo's styles have none; and so is one whose indents (``indents``)
put a line of it past the page's edge, or leave too little of the page's width for its text, or
whose line height (``w:spacing``'s ``w:line``) cuts its lines (exactly less than two thirds of its
size) or draws them over each other (less than half a line apart); and one spaced before or after
(``w:spacing``'s ``w:before``, ``w:after``, or counted in lines) or set on lines higher than
``MOST_SPACE`` of the page's height for text: ``DLO Draft Mark`` heads every page's header, and
35 cm before it pushed ЖОБА off every page of a draft. A run fitted into a fixed width
(``w:fitText``) is refused with the run properties: a longer text is squeezed into it. So is a
paragraph numbered as a list by its style (``w:numPr``: a number the text does not hold) or set
right to left (``w:bidi``: its numbers and words printed in another order).

The table style itself (``DLO Table``), the table styles it is based on and each one's
conditional formats are judged so too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from ...errors import DloError, Location, error
from ...i18n import Msg
from . import colours, drawn, glyphs, indents, order, typefaces
from .layers import Illegible, Layer, chain, nearest, on, style_name, values, w
from .names import STYLE
from .package import REFERENCE

SMALLEST_PT = 6.0
DRAFT_MARK_PT = 8.0
CONTRAST = 3.0
MOST_SPACE = 1 / 3  # of the page's height for text: a paragraph's space before or after, a line
_TABLE_ROLES = ("table_header", "table_text", "table_number", "table_stamp")
_HIDDEN = ("vanish", "specVanish", "webHidden")
_STRUCK = ("strike", "dstrike")


def _passes(styles, style) -> Iterator[list[Layer]]:
    """The layers that give ``style``'s text its run properties, nearest first, then those of
    its paragraph mark (its own ``w:pPr/w:rPr`` before each ``w:rPr``), then those of the
    character style linked to it (``w:link``: Word keeps the pair in step, and formats with it
    the text of a part of a paragraph the style is given to)."""
    based = chain(styles, style)
    defaults = w(w(w(styles, "docDefaults"), "rPrDefault"), "rPr")
    tail = [] if defaults is None else [Layer(defaults, "")]
    text = [Layer(rpr, style_name(s)) for s in based if (rpr := w(s, "rPr")) is not None]
    yield text + tail
    mark = [
        Layer(rpr, style_name(s))
        for s in based
        for rpr in (w(w(s, "pPr"), "rPr"), w(s, "rPr"))
        if rpr is not None
    ]
    yield mark + tail
    link = w(style, "link")
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    linked = by_id.get(None if link is None else link.get(qn("w:val")))
    if linked is not None and linked is not style:
        layers = [
            Layer(rpr, style_name(s))
            for s in chain(styles, linked)
            if (rpr := w(s, "rPr")) is not None
        ]
        yield layers + tail


def _paragraph(styles, style) -> list[Layer]:
    """The layers that give a paragraph of ``style`` its paragraph properties (``w:pPr``)."""
    found = [
        Layer(ppr, style_name(s)) for s in chain(styles, style) if (ppr := w(s, "pPr")) is not None
    ]
    defaults = w(w(w(styles, "docDefaults"), "pPrDefault"), "pPr")
    return found if defaults is None else [*found, Layer(defaults, "")]


def _paragraph_shading(paragraph: list[Layer], theme: dict[str, str]) -> set[str]:
    """The fills behind a paragraph (the nearest ``w:pPr/w:shd``)."""
    return set().union(*(colours.shading(shd, theme) for shd in nearest(paragraph, "shd")[0]))


def _frame(paragraph: list[Layer]) -> Illegible | None:
    """A paragraph in a frame (``w:framePr``, a drop cap's too) is placed where the frame says:
    off the page, or over or under another paragraph's text."""
    found, where = nearest(paragraph, "framePr")
    return Illegible(Msg("placed in a frame (w:framePr)"), where) if found else None


def _lines(paragraph: list[Layer], size: float) -> Illegible | None:
    """Lines cut (an exact height below two thirds of the text's size: Word clips the glyphs)
    or drawn over each other (less than half a line apart): ``w:spacing``'s ``w:line``, from
    the nearest layer that sets it."""
    for layer in paragraph:
        spacing = w(layer.rpr, "spacing")
        line = None if spacing is None else spacing.get(qn("w:line"))
        if line is None:
            continue
        rule = spacing.get(qn("w:lineRule"), "auto")
        height = glyphs.points(line, 1 / 240 if rule == "auto" else 0.05)  # lines, or points
        if height is None:
            prop, value = "w:spacing/@w:line", repr(line)
            why = Msg("with {prop} {value}, which is not a measure", prop=prop, value=value)
        elif rule == "exact" and height < size * 2 / 3:
            why = Msg(
                "with its lines cut to {line:g} pt, less than two thirds of its size",
                line=round(height, 1),
            )
        elif rule == "auto" and height < 0.5:
            why = Msg(
                "with its lines {share:g} of a line apart, less than half", share=round(height, 2)
            )
        else:
            return None
        return Illegible(why, layer.where)
    return None


def _spaces(paragraph: list[Layer], page: indents.Page, size: float) -> Illegible | None:
    """Space before or after a paragraph, or lines, higher than ``MOST_SPACE`` of the page's
    height for text: the paragraph pushed down the page, off it. Each of ``w:spacing``'s
    attributes is inherited on its own; a count of lines (``w:beforeLines``, in hundredths,
    taken over the points when not 0; ``w:line`` with ``lineRule`` auto, in 240ths) counted as
    1.2 times the text's size a line."""
    line = size * 1.2
    for attrs in (("beforeLines", "before"), ("afterLines", "after"), ("line",)):
        for layer in paragraph:
            spacing = w(layer.rpr, "spacing")
            found = [
                (a, v) for a in attrs if spacing is not None and (v := spacing.get(qn("w:" + a)))
            ]
            found = [(a, v) for a, v in found if not (a.endswith("Lines") and v.strip() == "0")]
            if not found:
                continue
            attr, value = found[0]
            auto = attr == "line" and spacing.get(qn("w:lineRule"), "auto") == "auto"
            per_unit = line / 100 if attr.endswith("Lines") else line / 240 if auto else 0.05
            height = glyphs.points(value, per_unit)
            if height is not None and height > page.text_height * MOST_SPACE:
                why = Msg(
                    "with {mm:.0f} mm of space or line height (w:spacing/@w:{attr}), more than a "
                    "third of the page's height for text",
                    mm=height / (72 / 25.4),
                    attr=attr,
                )
                return Illegible(why, layer.where)
            break
    return None


def _fitted(layers: list[Layer]) -> Illegible | None:
    """A run fitted into a fixed width (``w:fitText``): a longer text is squeezed into it."""
    found, where = nearest(layers, "fitText")
    return Illegible(Msg("fitted into a fixed width (w:fitText)"), where) if found else None


def _toggles(layers: list[Layer]) -> Illegible | None:
    for tag in (*_HIDDEN, *_STRUCK):
        found, where = nearest(layers, tag)
        if any(on(e) for e in found):
            prop = "w:" + tag
            if tag in _HIDDEN:
                return Illegible(Msg("hidden ({prop})", prop=prop), where)
            return Illegible(Msg("struck out ({prop})", prop=prop), where)
    return None


def _colours(layers: list[Layer], theme: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The colours the text may print in (its ``w:color`` and its theme colour; none for
    ``auto``), with where each is set."""
    colors, where = nearest(layers, "color")
    for color in colors:
        for value in (
            colours.hex_colour(color.get(qn("w:val")), None),
            colours.theme_colour(color, theme),
        ):
            if value is not None:
                yield value, where


def _backgrounds(layers: list[Layer], paragraph: set[str], theme: dict[str, str]) -> set[str]:
    """What may be behind the text: its highlight, else its shading, else its paragraph's."""
    named = {
        colours.HIGHLIGHT[v]
        for v in values(nearest(layers, "highlight")[0])
        if v in colours.HIGHLIGHT
    }
    if named:
        return named
    shaded = set().union(*(colours.shading(shd, theme) for shd in nearest(layers, "shd")[0]))
    return shaded or paragraph or {colours.WHITE}


def _contrast(
    layers: list[Layer], behind: list[set[str]], theme: dict[str, str]
) -> Illegible | None:
    backs = set().union(*(_backgrounds(layers, paragraph, theme) for paragraph in behind))
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


@dataclass(frozen=True)
class _Theme:
    colours: dict[str, str]
    fonts: dict[str, list[str]]


def _symbol_font(layers: list[Layer], theme: _Theme) -> Illegible | None:
    for font, where in typefaces.fonts(layers, theme.fonts):
        if typefaces.symbolic(font):
            why = Msg(
                "in the symbol font {font}, which draws pictures, not letters", font=repr(font)
            )
            return Illegible(why, where)
    return None


def _judged(
    layers: list[Layer], least: float, behind: list[set[str]], theme: _Theme
) -> Illegible | None:
    return (
        _toggles(layers)
        or drawn.effects(layers)
        or drawn.relief(layers)
        or drawn.east_asian(layers)
        or _fitted(layers)
        or glyphs.malformed(layers)
        or glyphs.size(layers, least)
        or glyphs.shift(layers)
        or glyphs.spacing(layers)
        or _symbol_font(layers, theme)
        or _contrast(layers, behind, theme.colours)
    )


def _table_parts(styles, table) -> list:
    """The table style, the table styles it is based on, and each one's conditional formats
    (``w:tblStylePr``)."""
    based = [] if table is None else chain(styles, table)
    return [*based, *(part for s in based for part in s.findall(qn("w:tblStylePr")))]


def _table_layers(styles, table, part) -> list[Layer]:
    """The run properties of a table style's ``part``: its own, then its table style's and
    those of the table styles it is based on."""
    own = w(part, "rPr")
    layers = [] if own is None else [Layer(own, STYLE["table"])]
    for s in [] if table is None else chain(styles, table):
        if s is not part and (rpr := w(s, "rPr")) is not None:
            layers.append(Layer(rpr, style_name(s)))
    return layers


def _table_shadings(styles, table, theme: dict[str, str]) -> list[set[str]]:
    shadings = (w(w(part, "tcPr"), "shd") for part in _table_parts(styles, table))
    return [colours.shading(shd, theme) for shd in shadings if shd is not None]


def illegible(doc, styles_of: dict[str, Any]) -> tuple[str, Illegible] | None:
    """The first of dlo's styles (``styles_of``: role -> its ``w:style``) whose text would not
    print legibly, and why; None when each does."""
    root = colours.theme(doc)
    styles = doc.styles.element
    theme = _Theme(colours.theme_colours(root), typefaces.theme_fonts(root))
    table, page = styles_of.get("table"), indents.Page.of(doc)
    cells: list[set[str]] = [set(), *_table_shadings(styles, table, theme.colours)]
    for role, style in styles_of.items():
        if role == "table":
            continue
        least = DRAFT_MARK_PT if role == "draft_mark" else SMALLEST_PT
        behind = cells if role in _TABLE_ROLES else [set()]
        paragraph = _paragraph(styles, style)
        passes = list(_passes(styles, style))
        size = glyphs.size_pt(passes[0])
        placed = (
            _frame(paragraph)
            or order.numbered(paragraph)
            or order.right_to_left(paragraph)
            or indents.misplaced(paragraph, page, size)
            or _lines(paragraph, size)
            or _spaces(paragraph, page, size)
        )
        if placed is not None:
            return STYLE[role], placed
        behind = [b or _paragraph_shading(paragraph, theme.colours) for b in behind]
        for layers in passes:
            if (found := _judged(layers, least, behind, theme)) is not None:
                return STYLE[role], found
    for part in _table_parts(styles, table):
        layers = _table_layers(styles, table, part)
        if (found := _judged(layers, SMALLEST_PT, cells, theme)) is not None:
            return STYLE["table"], found
    return None


def refused(reference: Path | None, name: str, found: Illegible) -> DloError:
    """DLO303: dlo's style ``name`` of the reference document prints its text illegibly."""
    where = (
        Msg("set in the document's defaults")
        if not found.where
        else Msg("set in the style {base}", base=repr(found.where))
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
                    "light background, in a font of letters, on the page, not raised, lowered, "
                    "condensed, framed, in relief, turned, numbered as a list, right to left or "
                    "cut (Modify Style in Word), or start again from dlo reference-docx",
                    least=SMALLEST_PT,
                    mark=DRAFT_MARK_PT,
                ),
            )
        ]
    )
