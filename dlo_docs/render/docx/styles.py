"""The named styles of the official document and the page set-up, defined on a python-docx
Document: every paragraph and table uses one of them (``STYLE``), so Word's navigation pane lists
the chapters and the sheets, and an organisation restyles everything with its own reference
document. Page set-up: A4, margins left 30 / right 10 / top 20 / bottom 20 mm, Times New Roman 14,
justified, first-line indent 1.25 cm."""

from __future__ import annotations

import re
import warnings
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

from . import table_style
from .names import STYLE

FONT = "Times New Roman"
SIZE = Pt(14)

# The paragraph styles' defaults: alignment, first-line indent and left indent (cm), space
# before/after (pt), bold, caps, size (pt), keep with next, page break before, outline level,
# no space between paragraphs of the same style (contextual),
# and the style it is based on.
_J, _C, _L, _R = (
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)
_PARAGRAPH_STYLES: dict[str, dict[str, Any]] = {
    "chapter": dict(align=_C, indent=0, before=12, after=6, bold=True, keep=True, outline=0),
    "paragraph": dict(align=_C, indent=0, before=6, after=6, bold=True, keep=True, outline=1),
    "clause": dict(align=_J, indent=1.25),
    "item": dict(align=_J, indent=1.25),
    "item2": dict(align=_J, indent=1.25, left=1.0),
    "organisation": dict(align=_C, indent=0, after=36, bold=True),
    "approval": dict(align=_L, indent=0, left=9.0),
    "approval_heading": dict(align=_L, indent=0, left=9.0, bold=True, after=6, base="approval"),
    "kind": dict(
        align=_C, indent=0, before=110, after=12, bold=True, caps=True, size=16, keep=True
    ),
    "title": dict(align=_C, indent=0, after=24, bold=True, keep=True),
    "name": dict(align=_C, indent=0, before=110, after=24, bold=True, keep=True, base="title"),
    "info": dict(align=_C, indent=0, after=6),
    "sheet_heading": dict(
        align=_C, indent=0, after=6, bold=True, caps=True, keep=True, page_break=True, outline=0
    ),
    "sheet_subtitle": dict(align=_C, indent=0, after=12, size=12, keep=True),
    "sheet_text": dict(align=_J, indent=1.25, after=6),
    "signature": dict(align=_L, indent=0, before=18, keep=True),
    "table_header": dict(align=_C, indent=0, bold=True, size=11),
    "table_text": dict(align=_L, indent=0, size=12),
    "table_number": dict(align=_C, indent=0, size=12),
    # an electronic signature's stamp in a sheet's signature column, smaller than the table's
    # text so that a surname in capitals fits the column unbroken
    "table_stamp": dict(align=_L, indent=0, size=10, base="table_text"),
    # 6 pt under the running header, none between its lines (w:contextualSpacing): a draft's
    # header (ЖОБА over the two lines) is taller than the top margin, and Word and LibreOffice
    # then start the text right under it, on the rule; an approved one's ends above the margin
    "header": dict(align=_C, indent=0, size=10, after=6, contextual=True, rule=True),
    "footer": dict(align=_R, indent=0, size=10),
    "title_header": dict(align=_C, indent=0, size=10),  # the title page's: empty, no rule
    # a draft's ЖОБА / ПРОЕКТ, at the head of every page (the title page's header included)
    "draft_mark": dict(align=_C, indent=0, size=16, bold=True, caps=True, after=6),
    "title_footer": dict(align=_C, indent=0, base="footer"),
}


def _rfonts(rpr, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _font(style, name: str = FONT, size=SIZE, bold: bool | None = None) -> None:
    """Font of a style: name (all four scripts, no theme fonts), size (also complex-script), colour."""
    font = style.font
    font.name, font.size, font.bold = name, size, bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    _rfonts(rpr, name)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = rpr.makeelement(qn("w:szCs"), {})
        rpr.append(size_cs)
    size_cs.set(qn("w:val"), str(int(size.pt * 2)))


def named_style(doc, name: str):
    """``doc.styles[name]``: a style found by its name, else by its id as python-docx then does
    (without the warning it prints for that), else by its name in any case. LibreOffice and
    pandoc write Word's built-in styles under their display names ("Header", "Heading 1") where
    python-docx looks for "header", "heading 1": "Header" is found by its id, "Heading 1" (id
    "Heading1") only by its name; not found, a second "Heading 1" with the same id was added."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "style lookup by style_id is deprecated", UserWarning)
        try:
            return doc.styles[name]
        except KeyError:
            pass
    wanted = name.casefold()
    for style in doc.styles:
        if style.name is not None and style.name.casefold() == wanted:
            return style
    raise KeyError(f"no style with name {name!r}")


def has_style(doc, name: str) -> bool:
    try:
        named_style(doc, name)
    except KeyError:
        return False
    return True


def _define(doc, key: str, spec: dict[str, Any], keep_existing: bool) -> None:
    name = STYLE[key]
    styles = doc.styles
    if has_style(doc, name):
        if keep_existing:
            return
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    base = spec.get("base")
    style.base_style = styles[STYLE[base]] if base else styles["Normal"]
    style.hidden = False
    style.quick_style = True
    _font(style, size=Pt(spec.get("size", SIZE.pt)), bold=spec.get("bold"))
    style.font.italic = False
    style.font.all_caps = spec.get("caps") or None
    pf = style.paragraph_format
    pf.alignment = spec["align"]
    pf.first_line_indent = Cm(spec.get("indent", 0))
    pf.left_indent = Cm(spec.get("left", 0))
    pf.right_indent = Cm(0)
    pf.space_before, pf.space_after = Pt(spec.get("before", 0)), Pt(spec.get("after", 0))
    pf.line_spacing = 1.0
    pf.keep_with_next = spec.get("keep") or None
    pf.page_break_before = spec.get("page_break") or None
    pf.widow_control = True
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:outlineLvl", "w:pBdr", "w:contextualSpacing"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if spec.get("contextual"):  # no space between paragraphs of this style
        ppr.append(ppr.makeelement(qn("w:contextualSpacing"), {}))
    if spec.get("rule"):  # a thin line under the paragraph (consecutive ones share one line)
        ppr.append(
            parse_xml(
                f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="1" '
                'w:color="000000"/></w:pBdr>'
            )
        )
    if "outline" in spec:
        ppr.append(ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(spec["outline"])}))
    _sort_ppr(ppr)  # the schema fixes the order of pPr's children


_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _sort_ppr(ppr) -> None:
    rank = {qn(f"w:{tag}"): i for i, tag in enumerate(_PPR_ORDER)}
    children = sorted(ppr, key=lambda el: rank.get(el.tag, len(rank)))
    for child in children:
        ppr.append(child)


def _table_style(doc, keep_existing: bool) -> None:
    name = STYLE["table"]
    if has_style(doc, name):
        if keep_existing:
            return
        doc.styles.element.remove(named_style(doc, name).element)
    sid = re.sub(r"[^A-Za-z0-9]", "", name)
    definition = table_style.definition(sid, name, nsdecls("w"), _normal_table(doc))
    doc.styles.element.append(parse_xml(definition))


def _normal_table(doc) -> str | None:
    """The id of the document's "Normal Table", the table style ``DLO Table`` is based on:
    "TableNormal" in python-docx's template and an English Word's, "a1" in a Russian Word's
    (Word names a built-in style's id in the language it runs in); None when it has none
    (pandoc's reference), so that no ``w:basedOn`` names a style the document lacks."""
    for style in doc.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if (
            style.get(qn("w:type")) == "table"
            and name is not None
            and (name.get(qn("w:val")) or "").casefold() == "normal table"
            and style.get(qn("w:styleId"))
        ):
            return style.get(qn("w:styleId"))
    return None


# the form's page: A4, portrait, the margins of the university's documents
_PAGE = {
    "page_width": Mm(210),
    "page_height": Mm(297),
    "left_margin": Mm(30),
    "right_margin": Mm(10),
    "top_margin": Mm(20),
    "bottom_margin": Mm(20),
    "header_distance": Mm(8),
    "footer_distance": Mm(8),
}


def _page_setup(doc, keep_existing: bool = False) -> None:
    """The form's page; with ``keep_existing`` (a reference document) only what the reference
    leaves unset (pandoc's own has a bare ``<w:sectPr/>``), and its styles left alone."""
    doc.element.body.get_or_add_sectPr()  # a reference without any section gets one
    for section in doc.sections:
        if not keep_existing:
            section.orientation = WD_ORIENT.PORTRAIT
        page = dict(_PAGE)
        if section.orientation == WD_ORIENT.LANDSCAPE:  # a landscape reference's A4
            page["page_width"], page["page_height"] = _PAGE["page_height"], _PAGE["page_width"]
        for name, value in page.items():
            if not keep_existing or getattr(section, name) is None:
                setattr(section, name, value)
    if keep_existing:
        return
    normal = doc.styles["Normal"]
    _font(normal)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # the document defaults too, so that nothing falls back to a theme font
    rpr = doc.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr")
    )
    if rpr is not None:
        _rfonts(rpr, FONT)


def setup(doc, keep_existing: bool = False) -> None:
    """Page set-up and every named style the forms use. With ``keep_existing`` (a reference
    document), styles and page set-up already there are left as they are."""
    _page_setup(doc, keep_existing)
    for key, spec in _PARAGRAPH_STYLES.items():
        _define(doc, key, spec, keep_existing)
    _table_style(doc, keep_existing)


_KEEP_STYLES = {
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "Heading 3",
    "Title",
}


def trim_styles(doc) -> None:
    """Drop the default template's unused style definitions (Word knows its built-in styles
    anyway): styles.xml shrinks from 350 KB to a few, which every render compresses."""
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    keep = {
        named_style(doc, name).style_id
        for name in (*STYLE.values(), *_KEEP_STYLES)
        if has_style(doc, name)
    }
    todo = list(keep)
    while todo:  # and every style they are based on, linked to or followed by
        style = by_id.get(todo.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in keep:
                keep.add(ref.get(qn("w:val")))
                todo.append(ref.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
