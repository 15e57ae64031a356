"""The styled base package made with python-docx (the one module of the package's fast path
that needs it): python-docx's default template, or the organisation's reference document, with
the named styles and page set-up of ``styles``, the unused parts dropped, and the slots ``fill``
replaces (see ``package``). A render imports it only when the base is not in the cache."""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from ...errors import DloError
from . import legible
from . import reference as reference_doc
from .names import STYLE
from .package import (
    NARROWEST,
    SLOT,
    Base,
    misfit_style,
    shared_style_id,
    slot_paragraph,
    too_narrow,
    unreadable,
)
from .stored import STYLE_ID
from .styles import named_style, setup, trim_styles


def _slot_element(name: str):
    return parse_xml(slot_paragraph(name).replace("<w:p>", f"<w:p {nsdecls('w')}>", 1))


def _open(source: bytes | None, reference: Path | None):
    if source is None:
        return Document()
    return reference_doc.taken(source, reference)  # its styles, theme and page settings only


# what python-docx's default template holds that no rendered document takes: a thumbnail (a
# picture of some other document) and Word 2010's copy of styles.xml (440 KB, unused)
_DROPPED = ("/metadata/thumbnail", "/stylesWithEffects")


def _drop_extras(doc) -> None:
    """The parts ``_DROPPED`` names left out (a part no relationship reaches is not saved);
    an empty body; no proofing state in the settings (the template's says its spelling and
    grammar were checked and found clean: Word would not check a document nobody checked)."""
    for part in (doc.part.package, doc.part):
        for rid, rel in list(part.rels.items()):
            if rel.reltype.endswith(_DROPPED):
                part.rels.pop(rid)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    settings = doc.settings.element
    for proof in settings.findall(qn("w:proofState")):
        settings.remove(proof)


APP = "docProps/app.xml"
# the extended properties (File > Properties): what wrote the document, and none of the
# template's (Microsoft Macintosh Word 14.0, Normal.dotm, a page and no words). AppVersion is
# left out: ECMA-376 gives it as an Office version (XX.YYYY), which dlo's is not
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>dlo_docs</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


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


# the children of w:rPr the schema puts before w:lang (ECMA-376 Part 1, wml.xsd, CT_RPr: its
# EG_RPrBase in the order Word writes and reads it)
_BEFORE_LANG = {
    qn(f"w:{tag}")
    for tag in (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em"
    ).split()
}


def _add_lang(rpr):
    """A new w:lang in the run properties ``rpr`` (a reference's document defaults that set no
    language), at its place in the schema's order: before what the schema puts after it (a
    w:eastAsianLayout, Word's w14:ligatures), not appended after them."""
    lang = rpr.makeelement(qn("w:lang"), {})
    for child in rpr:
        if child.tag not in _BEFORE_LANG:
            child.addprevious(lang)
            return lang
    rpr.append(lang)
    return lang


def _place_slots(doc) -> None:
    """Paragraph slots in the body, the headers and the footers; text slots in the language and
    the core properties."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = True
    parts = {
        "header": section.header,
        "footer": section.footer,
        "first_header": section.first_page_header,
        "first_footer": section.first_page_footer,
    }
    for name, hf in parts.items():
        hf.is_linked_to_previous = False
        for child in list(hf._element):
            hf._element.remove(child)
        hf._element.append(_slot_element(name))
    doc.element.body.find(qn("w:sectPr")).addprevious(_slot_element("body"))
    rpr = _docdefaults_rpr(doc)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _add_lang(rpr)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), SLOT.format("langtag"))
    props = doc.core_properties
    props.title, props.subject, props.author = (
        SLOT.format(n) for n in ("title", "subject", "creator")
    )
    props.keywords, props.language = SLOT.format("keywords"), SLOT.format("language")
    props.comments, props.last_modified_by = "", "dlo_docs"


def prepare(source: bytes | None, reference: Path | None = None) -> Base:
    """The styled base with its slots, made with python-docx from the reference document's
    bytes ``source`` (read from ``reference``), or from python-docx's default template."""
    doc = _open(source, reference)
    try:
        return _made(doc, source is not None, reference)
    except DloError:
        raise
    except Exception as exc:  # what a reference's styles or page make impossible: DLO303
        if source is None:
            raise
        raise unreadable(reference, exc) from None


def _edge(margin: int, distance: int | None) -> int:
    """Where the text starts from its page's edge: a header (footer) below the margin pushes it
    on; a negative margin (Word's "exactly") is where it starts, however tall the header."""
    return -margin if margin < 0 else max(margin, distance or 0)


def _fits(doc, reference: Path | None, key: str, name: str) -> None:
    """A reference's style of dlo's is of the type dlo writes with it, and its id is its own."""
    style = named_style(doc, name)
    table = key == "table"
    if style.type != (WD_STYLE_TYPE.TABLE if table else WD_STYLE_TYPE.PARAGRAPH):
        raise misfit_style(reference, name, table)
    for other in doc.styles.element.style_lst:
        if other.styleId == style.style_id and other is not style.element:
            raise shared_style_id(reference, name, other.name_val or "", style.style_id)


def _made(doc, restyled: bool, reference: Path | None) -> Base:
    _drop_extras(doc)
    setup(doc, keep_existing=restyled)
    if not restyled:
        trim_styles(doc)
    _place_slots(doc)
    section = doc.sections[-1]
    gutter = section.gutter or 0  # a reference's binding margin
    usable = (section.page_width - section.left_margin - section.right_margin - gutter) / Mm(1)
    top = _edge(section.top_margin, section.header_distance)
    bottom = _edge(section.bottom_margin, section.footer_distance)
    high = (section.page_height - top - bottom) / Mm(1)
    if min(usable, high) < NARROWEST:  # only a reference's page can be this small
        raise too_narrow(reference, math.floor(min(usable, high)))
    if restyled:
        for key, name in STYLE.items():
            _fits(doc, reference, key, name)
        styles = {key: named_style(doc, name).element for key, name in STYLE.items()}
        if (found := legible.illegible(doc, styles)) is not None:
            raise legible.refused(reference, *found)
    ids = {key: named_style(doc, name).style_id for key, name in STYLE.items()}
    for name, sid in ids.items():  # written into attributes: plain names only
        if not isinstance(sid, str) or not STYLE_ID.fullmatch(sid):
            raise ValueError(f"the style {STYLE[name]} has no plain id ({sid!r})")
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        entries = tuple(
            (info.filename, APP_XML if info.filename == APP else z.read(info))
            for info in z.infolist()
        )
    made = Base(entries, ids, float(usable))
    if made.lost_slot() is not None:
        raise RuntimeError(f"the base package lost its {made.lost_slot()} slot")
    return made
