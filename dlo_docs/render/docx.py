"""DOCX output (the only module that imports python-docx).

Every paragraph gets a named style, so Word's navigation pane shows the chapters and an
organisation can restyle the whole document. Numbers are written as text, so they survive any
viewer. Page set-up: A4, margins left 30 / right 10 / top 20 / bottom 20 mm, Times New Roman 14.
"""
from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ..context import RenderDoc

FONT = "Times New Roman"
SIZE = Pt(14)
STYLE = {
    "chapter": "Heading 1",
    "paragraph": "Heading 2",
    "clause": "DLO Clause",
    "item": "DLO Item",
    "item2": "DLO Item 2",
}


def _font(style, name: str = FONT, size=SIZE, bold: bool | None = None) -> None:
    font = style.font
    font.name, font.size, font.bold = name, size, bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = rpr.makeelement(qn("w:szCs"), {})
        rpr.append(size_cs)
    size_cs.set(qn("w:val"), str(int(size.pt * 2)))


def _paragraph_style(doc, name: str, *, indent_cm: float = 1.25, left_cm: float = 0.0, bold=None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    _font(style, bold=bold)
    pf = style.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(indent_cm)
    pf.left_indent = Cm(left_cm)
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    return style


def setup(doc) -> None:
    """Page set-up and the named styles every body paragraph uses."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(10)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = doc.styles["Normal"]
    _font(normal)
    normal.paragraph_format.space_after = Pt(0)
    for key in ("chapter", "paragraph"):
        style = doc.styles[STYLE[key]]
        _font(style, bold=True)
        pf = style.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.space_before, pf.space_after = Pt(12 if key == "chapter" else 6), Pt(6)
        pf.first_line_indent = Cm(0)
        pf.keep_with_next = True
        style.font.italic = False
    _paragraph_style(doc, STYLE["clause"])
    _paragraph_style(doc, STYLE["item"])
    _paragraph_style(doc, STYLE["item2"], left_cm=1.0)


def add_body(doc, rd: RenderDoc) -> None:
    for block in rd.blocks:
        style = STYLE["item2"] if block.kind == "item" and block.depth > 1 else STYLE[block.kind]
        doc.add_paragraph(block.line, style=style)


def new_document():
    doc = Document()
    # the default template starts with one empty paragraph: drop it
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    setup(doc)
    return doc


def render(rd: RenderDoc) -> bytes:
    doc = new_document()
    props = doc.core_properties
    props.title = f"{rd.kind_label}. {rd.title}"
    props.subject, props.keywords, props.language = rd.code, rd.id, rd.lang
    props.author = rd.organisation
    add_body(doc, rd)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def body_paragraphs(path: Path | bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph: for tests and import."""
    doc = Document(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    return [(p.style.name, p.text) for p in doc.paragraphs]
