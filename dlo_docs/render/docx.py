"""DOCX output: the official document (the only module that imports python-docx, besides
``render/docx_diff.py`` for the comparison of editions).

What a rendered regulation holds, in order:

1. the **title page**: organisation; the БЕКІТЕМІН / УТВЕРЖДАЮ block (the approving official's
   position and name, a signature line and a «__» ______ 20__ date line, or, once an edition is
   approved, the order's number and date); document kind and title; position (or unit); code;
   edition; city and year at the foot of the page;
2. the **body**: chapters, paragraphs, clauses and items with computed numbers;
3. the **sheets** the regulation switches on (``sheets:``), each on its own page: agreement,
   acquaintance, change registration, periodic review.

Every page after the title carries a running header (organisation; kind, code, edition) and a
footer "Бет X / Y" / "Стр. X из Y" made of Word fields (PAGE, NUMPAGES), so the numbers are right
in Word and in LibreOffice. The transfer act and each sheet can also be rendered on their own
(``render_sheet``).

**Styles, not direct formatting**: every paragraph and table uses a named style (``STYLE``), so
Word's navigation pane lists the chapters and the sheets, and an organisation can restyle
everything by supplying its own reference document, ``templates/reference.docx``: its styles and
page set-up are used, and styles it lacks are added with the defaults below. ``dlo reference-docx``
writes the default one to start from.

Speed (the seed: 64 ms before, ~6 ms now): python-docx's paragraph API costs ~0.5 ms a paragraph
(a style lookup each time), and opening and saving a package costs ~10 ms. So python-docx is used
once per process (per reference document) to prepare the styled, empty base package, which keeps
*slots* (placeholder paragraphs in the body, headers and footers; placeholder texts in the core
properties and the language); a render builds its OOXML as escaped strings, fills the slots in one
pass over the cached parts and zips them. The default template's 160 unused style definitions,
latent styles, Word 2010 ``stylesWithEffects`` part and thumbnail are dropped from the base.
Page set-up: A4, margins left 30 / right 10 / top 20 / bottom 20 mm, Times New Roman 14,
justified, first-line indent 1.25 cm.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ..context import Official, RenderDoc
from ..errors import DloError, Location, UsageError, error
from ..labels import BUNDLED

FONT = "Times New Roman"
SIZE = Pt(14)
REFERENCE = "reference.docx"
LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}

# role -> style name. Body styles keep their names: the importer and the diff rely on them.
STYLE = {
    "chapter": "Heading 1",
    "paragraph": "Heading 2",
    "clause": "DLO Clause",
    "item": "DLO Item",
    "item2": "DLO Item 2",
    "organisation": "DLO Organisation",
    "approval_heading": "DLO Approval Heading",
    "approval": "DLO Approval",
    "kind": "DLO Document Kind",
    "title": "DLO Document Title",
    "info": "DLO Document Info",
    "sheet_heading": "DLO Sheet Heading",
    "sheet_subtitle": "DLO Sheet Subtitle",
    "sheet_text": "DLO Sheet Text",
    "signature": "DLO Signature",
    "table_header": "DLO Table Header",
    "table_text": "DLO Table Text",
    "table_number": "DLO Table Number",
    "header": "Header",
    "footer": "Footer",
    "title_header": "DLO Title Header",
    "title_footer": "DLO Title Footer",
    "table": "DLO Table",
}
BODY_STYLES = frozenset(STYLE[k] for k in ("chapter", "paragraph", "clause", "item", "item2"))

# The paragraph styles' defaults: alignment, first-line indent and left indent (cm), space
# before/after (pt), bold, caps, size (pt), keep with next, page break before, outline level,
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
    "header": dict(align=_C, indent=0, size=10, rule=True),
    "footer": dict(align=_R, indent=0, size=10),
    "title_header": dict(align=_C, indent=0, size=10),  # the title page's: empty, no rule
    "title_footer": dict(align=_C, indent=0, base="footer"),
}
# column widths (mm, they add up to the 170 mm between the margins) and row heights of the sheets
_COLUMNS_MM = {
    "agreement": (10, 48, 32, 22, 26, 32),
    "acquaintance": (10, 52, 58, 26, 24),
    "changes": (22, 32, 44, 26, 46),
    "review": (10, 26, 60, 46, 28),
    "transfer": (10, 48, 38, 24, 24, 26),
}
_ROW_MM = {"agreement": 16, "acquaintance": 11, "changes": 13, "review": 13, "transfer": 10}
_ROWS = {"acquaintance": 18, "changes": 12, "review": 12}  # rows printed, blank ones included
SHEETS = ("agreement", "acquaintance", "changes", "review")  # appended to the document
STANDALONE = (*SHEETS, "transfer")  # `dlo sheet KIND ID`


@dataclass(frozen=True)
class Transfer:
    """The parties of the transfer act (clause 20) and the original's page count, when known."""

    handed: Official | None = None
    received: Official | None = None
    pages: int | None = None


# --- the styled base package ----------------------------------------------------------------


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


def _has_style(doc, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


def _paragraph_style(doc, name: str, *, indent_cm: float = 1.25, left_cm: float = 0.0, bold=None):
    """A justified body style (kept for other DOCX writers that build on these styles)."""
    styles = doc.styles
    style = (
        styles[name] if _has_style(doc, name) else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles["Normal"]
    _font(style, bold=bold)
    pf = style.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(indent_cm)
    pf.left_indent = Cm(left_cm)
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    return style


def _define(doc, key: str, spec: dict[str, Any], keep_existing: bool) -> None:
    name = STYLE[key]
    styles = doc.styles
    if _has_style(doc, name):
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
    for old in ppr.findall(qn("w:outlineLvl")) + ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
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


_TABLE_STYLE = (
    '<w:style {ns} w:type="table" w:customStyle="1" w:styleId="{sid}">'
    '<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:qFormat/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>'
)


def _table_style(doc, keep_existing: bool) -> None:
    name = STYLE["table"]
    if _has_style(doc, name):
        if keep_existing:
            return
        doc.styles.element.remove(doc.styles[name].element)
    sid = re.sub(r"[^A-Za-z0-9]", "", name)
    doc.styles.element.append(parse_xml(_TABLE_STYLE.format(ns=nsdecls("w"), sid=sid, name=name)))


def setup(doc, keep_existing: bool = False) -> None:
    """Page set-up and every named style the forms use. With ``keep_existing`` (a reference
    document), styles and page set-up already there are left as they are."""
    if not keep_existing:
        for section in doc.sections:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin, section.right_margin = Mm(30), Mm(10)
            section.top_margin, section.bottom_margin = Mm(20), Mm(20)
            section.header_distance, section.footer_distance = Mm(8), Mm(8)
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
    for key, spec in _PARAGRAPH_STYLES.items():
        _define(doc, key, spec, keep_existing)
    _table_style(doc, keep_existing)


@dataclass(frozen=True)
class _Base:
    data: bytes  # the styled, empty package (a DOCX that opens as it is)
    entries: tuple[tuple[zipfile.ZipInfo, bytes], ...]  # its parts, slots included
    ids: dict[str, str]  # role -> style id
    usable_mm: float  # width between the margins


# Slots: placeholders the base package carries where a render puts its content. A paragraph
# slot is replaced by paragraphs; a text slot by escaped text.
_SLOT = "DLO-SLOT-{}"
_PARAGRAPH_SLOTS = ("body", "header", "footer", "first_header", "first_footer")
_TEXT_SLOTS = ("title", "subject", "creator", "keywords", "language", "langtag")


def _slot_paragraph(name: str) -> str:
    return f"<w:p><w:r><w:t>{_SLOT.format(name)}</w:t></w:r></w:p>"


def _empty_body(doc) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _docdefaults_rpr(doc):
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    return rpr


_KEEP_STYLES = {
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "Heading 3",
    "Title",
}


def _trim_styles(doc) -> None:
    """Drop the default template's unused style definitions (Word knows its built-in styles
    anyway): styles.xml shrinks from 350 KB to a few, which every render compresses."""
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    keep = {
        doc.styles[name].style_id
        for name in (*STYLE.values(), *_KEEP_STYLES)
        if _has_style(doc, name)
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


def _prepare(reference: Path | None) -> _Base:
    if reference is None:
        doc = Document()
    else:
        try:
            doc = Document(str(reference))
        except Exception as exc:  # not a DOCX, or a broken one
            raise DloError(
                [
                    error(
                        Location(reference.as_posix()),
                        "DLO303",
                        f"the reference document cannot be read: {exc}",
                        "save it from Word or LibreOffice as .docx, or remove it",
                    )
                ]
            ) from None
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):  # a picture of some other document
            package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(
            "/stylesWithEffects"
        ):  # Word 2010's copy of styles.xml: 440 KB, unused
            doc.part.rels.pop(rid)
    _empty_body(doc)
    setup(doc, keep_existing=reference is not None)
    if reference is None:
        _trim_styles(doc)
    section = doc.sections[-1]
    section.different_first_page_header_footer = True
    slots = {
        "header": section.header,
        "footer": section.footer,
        "first_header": section.first_page_header,
        "first_footer": section.first_page_footer,
    }
    for name, hf in slots.items():
        hf.is_linked_to_previous = False
        for child in list(hf._element):
            hf._element.remove(child)
        hf._element.append(
            parse_xml(_slot_paragraph(name).replace("<w:p>", f"<w:p {nsdecls('w')}>", 1))
        )
    body = doc.element.body
    body.find(qn("w:sectPr")).addprevious(
        parse_xml(_slot_paragraph("body").replace("<w:p>", f"<w:p {nsdecls('w')}>", 1))
    )
    lang = _docdefaults_rpr(doc).find(qn("w:lang"))
    if lang is None:
        lang = _docdefaults_rpr(doc).makeelement(qn("w:lang"), {})
        _docdefaults_rpr(doc).append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), _SLOT.format("langtag"))
    props = doc.core_properties
    props.title, props.subject, props.author = (
        _SLOT.format(n) for n in ("title", "subject", "creator")
    )
    props.keywords, props.language = _SLOT.format("keywords"), _SLOT.format("language")
    props.comments, props.last_modified_by = "", "dlo_docs"
    usable = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    ids = {key: doc.styles[name].style_id for key, name in STYLE.items()}
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = tuple((info, z.read(info)) for info in z.infolist())
    found = b"".join(content for _, content in entries)
    for name in _PARAGRAPH_SLOTS:
        if found.count(_slot_paragraph(name).encode()) != 1:
            raise RuntimeError(f"the base package lost its {name} slot")
    # the empty base itself, for new_document() and `dlo reference-docx`: no slots
    return _Base(
        _fill_package(entries, {n: "" for n in _PARAGRAPH_SLOTS}, {n: "" for n in _TEXT_SLOTS}),
        entries,
        ids,
        float(usable),
    )


_SLOT_RE = re.compile(rb"<w:p><w:r><w:t>DLO-SLOT-([a-z_]+)</w:t></w:r></w:p>|DLO-SLOT-([a-z_]+)")


def _fill_package(
    entries, paragraphs: dict[str, str], texts: dict[str, str], title_page: bool = True
) -> bytes:
    """The package with every slot filled, in one pass (so no filled-in text is read as a slot):
    paragraph slots with OOXML, text slots with escaped text."""
    values = {name.encode(): xml.encode() for name, xml in paragraphs.items()}
    values.update(
        {name.encode(): escape(_INVALID_XML.sub("", text)).encode() for name, text in texts.items()}
    )

    def fill(match: re.Match) -> bytes:
        return values[match.group(1) or match.group(2)]

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for info, content in entries:
            if b"DLO-SLOT-" in content:
                content = _SLOT_RE.sub(fill, content)
                if not title_page and info.filename == "word/document.xml":
                    content = content.replace(b"<w:titlePg/>", b"")
            z.writestr(info, content)
    return out.getvalue()


@lru_cache(maxsize=8)
def _base_cached(reference: str | None, stamp: tuple[int, int]) -> _Base:
    return _prepare(Path(reference) if reference else None)


def reference_document(project_templates: Path | None) -> Path | None:
    """The organisation's reference document: ``templates/reference.docx`` of the project, else
    of the bundled templates; None when there is none (the built-in styles are used)."""
    for folder in (project_templates, BUNDLED):
        if folder is not None and (folder / REFERENCE).is_file():
            return folder / REFERENCE
    return None


def _base(project_templates: Path | None) -> _Base:
    reference = reference_document(project_templates)
    if reference is None:
        return _base_cached(None, (0, 0))
    stat = reference.stat()
    return _base_cached(str(reference.resolve()), (stat.st_mtime_ns, stat.st_size))


def default_reference() -> bytes:
    """The built-in styled base as a DOCX: edit its styles in Word, save it as
    ``templates/reference.docx``."""
    return _base_cached(None, (0, 0)).data


# --- OOXML fragments as strings -------------------------------------------------------------

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _runs(text: str) -> str:
    """Runs for ``text``; line breaks and tabs become w:br and w:tab."""
    out = []
    for i, line in enumerate(_INVALID_XML.sub("", text).split("\n")):
        if i:
            out.append("<w:r><w:br/></w:r>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:r><w:tab/></w:r>")
            if piece:
                out.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def _field(instr: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


class _Writer:
    def __init__(self, base: _Base, rd: RenderDoc) -> None:
        self.ids = base.ids
        self.usable_mm = base.usable_mm
        self.rd = rd
        self.labels = rd.labels
        self.form = rd.labels["form"]
        self.parts: list[str] = []

    # -- primitives
    def p(self, role: str, text: str = "", tail: str = "") -> None:
        self.parts.append(self.para(role, text, tail))

    def para(self, role: str, text: str = "", tail: str = "") -> str:
        return f'<w:p><w:pPr><w:pStyle w:val="{self.ids[role]}"/></w:pPr>{_runs(text)}{tail}</w:p>'

    def table(self, key: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        widths_mm = _COLUMNS_MM[key]
        scale = self.usable_mm / sum(widths_mm)
        widths = [round(w * scale * 56.7) for w in widths_mm]  # twips
        height = round(_ROW_MM[key] * 56.7)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.ids["table"]}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" '
            f'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        ]

        def row(cells: Sequence[str], head: bool) -> str:
            props = (
                "<w:cantSplit/><w:tblHeader/>"
                if head
                else f'<w:cantSplit/><w:trHeight w:val="{height}"/>'
            )
            tcs = []
            for i, (cell, width) in enumerate(zip(cells, widths, strict=False)):
                role = "table_header" if head else ("table_number" if i == 0 else "table_text")
                tcs.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{self.para(role, cell)}</w:tc>'
                )
            return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(tcs)}</w:tr>"

        out.append(row(header, True))
        out += [row(cells, False) for cells in rows]
        out.append("</w:tbl>")
        self.parts.append("".join(out))

    # -- pieces of the document
    def edition(self) -> str:
        return self.labels["edition_n"].format(n=self.rd.edition)

    def title_page(self) -> None:
        rd, form = self.rd, self.form
        self.p("organisation", rd.organisation)
        self.p("approval_heading", form["approve"])
        self.p("approval", rd.approving.position)
        order = rd.records.order
        if order is not None:
            self.p("approval", rd.approving.name)
            self.p(
                "approval",
                form["approved_by_order"].format(date=_date(order.date), number=order.number),
            )
        else:
            self.p("approval", form["signature"].format(name=rd.approving.name))
            self.p("approval", form["date_line"])
        self.p("kind", rd.kind_label)
        self.p("title", rd.title)
        if rd.position:
            self.p("info", form["position"].format(position=rd.position))
        else:
            self.p("info", form["unit"].format(unit=rd.unit))
        self.p("info", form["code"].format(code=rd.code))
        self.p("info", self.edition(), tail='<w:r><w:br w:type="page"/></w:r>')

    def body(self) -> None:
        for block in self.rd.blocks:
            role = "item2" if block.kind == "item" and block.depth > 1 else block.kind
            self.p(role, block.line)

    def sheet_heading(self, key: str) -> None:
        rd = self.rd
        self.p("sheet_heading", self.labels["sheet"][key]["title"])
        self.p(
            "sheet_subtitle",
            self.form["of_document"].format(
                kind=rd.kind_label, title=rd.title, code=rd.code, edition=self.edition()
            ),
        )

    def sheet(self, key: str, transfer: Transfer | None = None) -> None:
        getattr(self, f"_sheet_{key}")(self.labels["sheet"][key], transfer or Transfer())

    def _sheet_agreement(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("agreement")
        rows = []
        for n, official in enumerate(self.rd.approvers, 1):
            mark = self.rd.records.agreements.get(official.position_id)
            date = remarks = ""
            if mark is not None:
                date = _date(mark.date)
                remarks = mark.remarks
                if mark.decision != "agreed":
                    decision = self.form["decision"].get(mark.decision, mark.decision)
                    remarks = f"{decision}: {remarks}" if remarks else decision
            rows.append([str(n), official.position, official.name, "", date, remarks])
        self.table("agreement", labels["columns"], rows)

    def _sheet_acquaintance(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("acquaintance")
        rows = []
        if self.rd.position:
            rows.append(["1", self.rd.holder or "", self.rd.position, "", ""])
        rows += [[str(n), "", "", "", ""] for n in range(len(rows) + 1, _ROWS["acquaintance"] + 1)]
        self.table("acquaintance", labels["columns"], rows)

    def _sheet_changes(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("changes")
        rows = []
        for change in self.rd.records.history:
            clauses = (
                self.form["whole_text"]
                if change.clauses.strip().lower() == "whole text"
                else change.clauses
            )
            order = self.form["order"].format(
                date=_date(change.order.date), number=change.order.number
            )
            rows.append(
                [str(change.number), clauses, order, _date(change.entered), change.entered_by]
            )
        rows += [[""] * 5 for _ in range(len(rows), _ROWS["changes"])]
        self.table("changes", labels["columns"], rows)

    def _sheet_review(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("review")
        rows = [
            [str(n), _date(r.date), r.reviewer, r.result, ""]
            for n, r in enumerate(self.rd.records.reviews, 1)
        ]
        rows += [[str(n), "", "", "", ""] for n in range(len(rows) + 1, _ROWS["review"] + 1)]
        self.table("review", labels["columns"], rows)

    def _sheet_transfer(self, labels: dict, transfer: Transfer) -> None:
        rd = self.rd
        self.p("sheet_heading", labels["title"])
        self.p("sheet_subtitle", labels["number"])
        self.p("sheet_text", labels["text"])
        pages = str(transfer.pages) if transfer.pages else ""
        self.table(
            "transfer",
            labels["columns"],
            [
                [
                    "1",
                    f"{rd.kind_label} «{rd.title}»",
                    rd.code,
                    self.edition(),
                    pages,
                    labels["copies"],
                ]
            ],
        )
        for word, official in (
            (labels["handed"], transfer.handed),
            (labels["received"], transfer.received),
        ):
            self.p("signature", f"{word}: {official.position if official else ''}")
            self.p(
                "approval", self.form["signature"].format(name=official.name if official else "")
            )
            self.p("approval", self.form["date_line"])

    # -- header and footer
    def header(self) -> str:
        rd = self.rd
        line = self.form["header"].format(kind=rd.kind_label, code=rd.code, edition=self.edition())
        return self.para("header", rd.organisation) + self.para("header", line)

    def footer(self) -> str:
        runs = []
        for piece in re.split(r"(\{page\}|\{pages\})", self.form["page_of"]):
            if piece == "{page}":
                runs.append(_field("PAGE", "1"))
            elif piece == "{pages}":
                runs.append(_field("NUMPAGES", "1"))
            elif piece:
                runs.append(_runs(piece))
        return f'<w:p><w:pPr><w:pStyle w:val="{self.ids["footer"]}"/></w:pPr>{"".join(runs)}</w:p>'

    def title_footer(self) -> str:
        rd = self.rd
        year = rd.records.order.date.year if rd.records.order else dt.date.today().year
        return self.para("title_footer", self.form["city_year"].format(city=rd.city, year=year))


def _date(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


def _check_labels(rd: RenderDoc) -> None:
    if "form" not in rd.labels or "sheet" not in rd.labels:
        raise UsageError(
            f"the {rd.lang} label set has no form labels (form:, sheet:)",
            "copy them from the bundled templates/labels",
        )


def _assemble(rd: RenderDoc, project_templates: Path | None, build, title_page: bool) -> bytes:
    _check_labels(rd)
    base = _base(project_templates)
    writer = _Writer(base, rd)
    build(writer)
    paragraphs = {
        "body": "".join(writer.parts),
        "header": writer.header(),
        "footer": writer.footer(),
        # (a header or footer part must hold at least one paragraph, even when unused)
        "first_header": writer.para("title_header"),
        "first_footer": writer.title_footer() if title_page else writer.para("title_header"),
    }
    texts = {
        "title": f"{rd.kind_label}. {rd.title}",
        "subject": rd.code,
        "creator": rd.organisation,
        "keywords": rd.id,
        "language": rd.lang,
        "langtag": LANG_TAGS.get(rd.lang, rd.lang),
    }
    return _fill_package(base.entries, paragraphs, texts, title_page)


def render(rd: RenderDoc, project_templates: Path | None = None) -> bytes:
    """The whole official document: title page, body, and the sheets the regulation switches on."""

    def build(w: _Writer) -> None:
        w.title_page()
        w.body()
        for key in SHEETS:
            if rd.sheets.get(key, True):
                w.sheet(key)

    return _assemble(rd, project_templates, build, title_page=True)


def render_sheet(
    rd: RenderDoc,
    kind: str,
    project_templates: Path | None = None,
    transfer: Transfer | None = None,
) -> bytes:
    """One sheet (or the transfer act) as a document of its own."""
    if kind not in STANDALONE:
        raise UsageError(f"unknown sheet {kind!r}", f"use one of: {', '.join(STANDALONE)}")

    def build(w: _Writer) -> None:
        w.sheet(kind, transfer)  # (a page break before the first paragraph makes no blank page)

    return _assemble(rd, project_templates, build, title_page=False)


# --- helpers kept for other DOCX writers (comparison of editions) and for tests --------------


def new_document():
    """A python-docx Document with the page set-up and every named style, and no content."""
    return Document(io.BytesIO(_base(None).data))


def add_body(doc, rd: RenderDoc) -> None:
    """Append the numbered body of ``rd`` to a python-docx Document made by ``new_document``."""
    ids = {key: doc.styles[name].style_id for key, name in STYLE.items() if _has_style(doc, name)}
    parts = []
    for block in rd.blocks:
        role = "item2" if block.kind == "item" and block.depth > 1 else block.kind
        parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{ids[role]}"/></w:pPr>{_runs(block.line)}</w:p>'
        )
    body = doc.element.body
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(parts)}</w:body>")
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(fragment):
        sect_pr.addprevious(child)


def body_paragraphs(path: Path | bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph: for tests and import."""
    doc = Document(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    return [(p.style.name, p.text) for p in doc.paragraphs]
