"""What an organisation's reference document gives the documents rendered with it, and nothing
else: its styles (``styles.xml``), its theme (the fonts and colours styles may name; taken when
it is a theme and links to nothing) and its page settings (the size, orientation and margins of
its last section, as numbers), put into python-docx's default template.

Anything else a reference may hold is not taken, so no rendered or published document carries
it: its text, headers and footers (even-page ones included), its settings (an attached template
on a server, a mail merge's data source, protection, compatibility options), macros, controls,
embedded objects, comments, custom XML, and links to other files or to the web; nor, in its
styles and theme, another program's data (namespaces Office does not define) or text.

A reference is refused (``unreadable``: DLO303) when it is not a DOCX, when a part of it
unpacks to more than ``PART_LIMIT`` (or all of them to more than ``TOTAL_LIMIT``), when its
styles part is not one or holds a slot marker (``package.SLOT``), and when its page is not one
a document can be set on (``PAGE_MM`` for its sides, ``package.NARROWEST`` of text each way);
``prepare`` refuses a reference whose dlo styles print their text illegibly (``legible``).

- ``taken(source, reference) -> Document``: the clean document.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm

from .package import SLOT, unreadable

PART_LIMIT = 16 * 1024 * 1024  # unpacked; a styles part is well under 1 MB
TOTAL_LIMIT = 64 * 1024 * 1024
# "<" in all its parts: python-docx builds every XML part's tree whole (~130 bytes an element),
# so 60 MB of "<a/>" in four parts (a 75 KB file) took 2.3 GB and 30 s; Word's reference
# document has some 30,000, one that kept a long document's body a few hundred thousand
TAG_LIMIT = 1_000_000
PAGE_MM = (50, 1200)  # a page side, in mm (A0 is 841 x 1189)
_MARKER = SLOT.format("").encode()
_THEME = "/relationships/theme"
_THEME_TAG = "{http://schemas.openxmlformats.org/drawingml/2006/main}theme"
_SIDES = ("page_width", "page_height")
_MARGINS = ("left_margin", "right_margin", "top_margin", "bottom_margin", "gutter")
_DISTANCES = ("header_distance", "footer_distance")
_OFFICE_NAMESPACES = (
    "http://schemas.openxmlformats.org/",
    "http://purl.oclc.org/ooxml/",  # strict Office Open XML
    "http://schemas.microsoft.com/office/",  # Word's extensions (w14, w15, thm15 …)
)
# top and bottom margins may be negative: Word's "exactly", the text starts (ends) there however
# tall the header (footer) is
_SIGNED = ("top_margin", "bottom_margin")


def taken(source: bytes, reference: Path | None):
    """The default template with the reference's styles, theme and page settings."""
    try:
        _bounded(source)
        ref = Document(io.BytesIO(source))
        doc = Document()
        _styles(ref, doc)
        _theme(ref, doc)
        _page(ref, doc)
    except Exception as exc:  # not a DOCX, a broken one, a page that is not one
        raise unreadable(reference, exc) from None
    return doc


def _bounded(source: bytes) -> None:
    """Refuse parts over ``PART_LIMIT`` (``TOTAL_LIMIT`` in all), compressed as Word never does
    (bzip2, LZMA: one read may inflate without bound) or of more than ``TAG_LIMIT`` tags in all
    (python-docx builds each XML part's tree whole), before python-docx reads the package."""
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        infos = package.infolist()
        sizes = [info.file_size for info in infos]
        if max(sizes, default=0) > PART_LIMIT or sum(sizes) > TOTAL_LIMIT:
            raise ValueError(f"a part unpacks to more than {PART_LIMIT // 2**20} MB")
        tags = 0
        for info in infos:
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ValueError(f"{info.filename} is compressed by a method Word never uses")
            with package.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    tags += chunk.count(b"<")
            if tags > TAG_LIMIT:
                raise ValueError(f"its parts hold more than {TAG_LIMIT} XML tags")


def _styles(ref, doc) -> None:
    theirs = ref.part._styles_part.element
    if theirs.tag != qn("w:styles"):
        raise ValueError("its styles part holds no styles")
    styles = copy.deepcopy(theirs)
    for node in styles.xpath("//comment() | //processing-instruction()"):  # notes, not styles
        node.getparent().remove(node)
    _office_only(styles)
    if _MARKER in styles.xml.encode():
        raise ValueError(f"its styles name {SLOT.format('…')}, which dlo uses itself")
    doc.part._styles_part._element = styles


def _theme(ref, doc) -> None:
    ours, theirs = _related(doc.part, _THEME), _related(ref.part, _THEME)
    if ours is None or theirs is None or theirs.rels or _MARKER in theirs.blob:
        return
    try:
        root = parse_xml(theirs.blob)  # python-docx's parser: no entities resolved
    except Exception:
        return  # not XML: the template's theme
    if root.tag == _THEME_TAG:
        _office_only(root)
        ours._blob = serialize_part_xml(root)


def _office_only(root) -> None:
    """Drop what no style or theme holds: elements and attributes of namespaces Office does
    not define (a program's own data, kept from Word by ``mc:Ignorable``) and text (their
    values are attributes)."""
    for node in list(root.iter()):
        if not isinstance(node.tag, str):  # a comment or processing instruction
            node.getparent().remove(node)
            continue
        if _foreign(node.tag) and node.getparent() is not None:
            node.getparent().remove(node)
            continue
        for name in [a for a in node.attrib if _foreign(a)]:
            del node.attrib[name]
        if node.text and node.text.strip():
            node.text = None
        if node.tail and node.tail.strip():
            node.tail = None


def _foreign(name: str) -> bool:
    """Whether a qualified name is of a namespace Office does not define."""
    return name.startswith("{") and not name[1:].startswith(_OFFICE_NAMESPACES)


def _related(part, reltype_end: str):
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.endswith(reltype_end):
            return rel.target_part
    return None


def _page(ref, doc) -> None:
    """The reference's page size, orientation and margins, as numbers, in place of the
    template's (US Letter); one it does not set is left unset, for the form's to fill
    (``styles.setup``). Nothing else of its section is taken."""
    ours = doc.element.body.get_or_add_sectPr()
    for tag in ("w:pgSz", "w:pgMar"):
        for old in ours.findall(qn(tag)):
            ours.remove(old)
    mine = doc.sections[-1]
    if ref.element.body.sectPr is None:
        return
    theirs = ref.sections[-1]
    for name in (*_SIDES, *_MARGINS, *_DISTANCES):
        value = getattr(theirs, name)
        if value is not None:
            setattr(mine, name, int(value))
    if theirs.orientation == WD_ORIENT.LANDSCAPE:
        mine.orientation = WD_ORIENT.LANDSCAPE
    _check(mine)


def _check(section) -> None:
    """A page a document can be set on: sides within ``PAGE_MM``, margins, gutter and distances
    from 0 to its largest side, the top and bottom margins from minus that (the room left for the
    text is ``prepare``'s to tell)."""

    def mm(name: str) -> float | None:
        value = getattr(section, name)
        return None if value is None else value / Mm(1)

    for name in _SIDES:
        side = mm(name)
        if side is not None and not PAGE_MM[0] <= side <= PAGE_MM[1]:
            raise ValueError(f"its page's {name.split('_')[1]} is {side:.1f} mm")
    for name in (*_MARGINS, *_DISTANCES):
        value = mm(name)
        low = -PAGE_MM[1] if name in _SIGNED else 0
        if value is not None and not low <= value <= PAGE_MM[1]:
            raise ValueError(f"its {name.replace('_', ' ')} is {value:.1f} mm")
