"""What LibreOffice is given to convert: a DOCX in the built-in styles, made lighter to read
without a change to what it shows.

- its tables' named style ("DLO Table") is written out on each table: the indent, borders and
  cell margins on the table, the vertical alignment on each cell. LibreOffice 7.4's DOCX import
  spends ~15 ms of a document's ~105 ms applying a table style, cell by cell (the four sheets
  hold ~255 cells, mostly blank rows for handwriting), and keeps no table style afterwards: it
  writes the style's formatting on the cells itself. (The style's paragraph spacing is left out:
  the table paragraphs' own styles set the same.)
- the parts the document does not use are left out: the theme (the styles name their fonts and
  colours), the numbering definitions (no paragraph is numbered by a list: numbers are text),
  the web settings and the custom XML; and the body's bookmarks, which only ``dlo import
  --onto`` reads back, when no field or link refers to one (~5 ms).
- the styles no part refers to are left out of ``styles.xml`` (of the built-in 37, a regulation
  uses ~19: the table style is written out, the character styles linked to the headings, the
  title, the draft mark... are not used), with the links and "next" references to them; the
  defaults and every style a kept one is based on stay.

The PDF is the same bytes either way (a test converts both). The DOCX published, and the key of
its PDF in the cache, stay those of the document itself.

Only a DOCX whose ``word/styles.xml`` is the built-in one (that of ``docx.package.base(None)``,
its language slots aside) and whose tables are as ``docx.ooxml.table`` writes them is changed;
anything else (an organisation's reference document, a DOCX from elsewhere, an unreadable one) is
given to LibreOffice as it is.

- ``for_libreoffice(docx: bytes) -> bytes | None``: the DOCX to convert instead, or None.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile

from .docx.names import STYLE
from .docx.package import SLOT, base
from .docx.table_style import CELL_MARGINS, CELL_PR, TABLE_PR

DOCUMENT, STYLES = "word/document.xml", "word/styles.xml"
LIMIT = 32 * 1024 * 1024  # a part larger than this (unpacked) is not read: given as it is
_STYLE_ID = re.sub(r"[^A-Za-z0-9]", "", STYLE["table"])  # as ``docx.styles`` names it
_TABLE = re.compile(
    rb'<w:tblPr><w:tblStyle w:val="' + _STYLE_ID.encode() + rb'"/>(<w:tblW [^<>]*/>)'
    rb'<w:tblLayout w:type="fixed"/>(<w:tblLook [^<>]*/>)</w:tblPr>'
)
_CELL = re.compile(rb"<w:tcPr>(<w:tcW [^<>]*/>)</w:tcPr>")
_UNUSED = re.compile(r"word/theme/[^/]+|word/numbering\.xml|word/webSettings\.xml|customXml/.+")
_BOOKMARK = re.compile(rb"<w:bookmark(?:Start|End) [^<>]*/>")
_REFERS = (b"<w:instrText", b"<w:fldSimple", b"<w:hyperlink")  # what could point at a bookmark
_RELATIONSHIP = re.compile(rb'<Relationship [^<>]*Target="([^"]*)"[^<>]*/>')
_OVERRIDE = re.compile(rb'<Override PartName="/([^"]*)"[^<>]*/>')
_STYLE = re.compile(rb'<w:style [^<>]*w:styleId="([^"]*)"[^<>]*>.*?</w:style>', re.S)
_DEFAULT = re.compile(rb'<w:style [^<>]*w:default="1"[^<>]*w:styleId="([^"]*)"')
_STYLE_REF = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]*)"/>')
_BASED_ON = re.compile(rb'<w:basedOn w:val="([^"]*)"/>')
_STYLE_LINK = re.compile(rb'<w:(?:link|next) w:val="([^"]*)"/>')


@functools.cache
def _builtin_styles() -> re.Pattern[bytes]:
    """The built-in ``styles.xml``, any value in its slots (the document's language)."""
    styles = dict(base(None).entries)[STYLES]
    slot = re.compile(re.escape(SLOT.format("")).encode() + rb"[a-z_]+")
    pieces = [re.escape(piece) for piece in slot.split(styles)]
    return re.compile(rb'[^<>"]*'.join(pieces))


def _template(xml: str) -> bytes:
    """``xml`` as a ``re.sub`` template (a literal: its backslashes doubled)."""
    return xml.encode().replace(b"\\", b"\\\\")


# the style written out: on the table, then on each cell (templates: substituted at C speed)
_TABLE_FLAT = (
    b"<w:tblPr>\\1"
    + _template(TABLE_PR)
    + b'<w:tblLayout w:type="fixed"/>'
    + _template(CELL_MARGINS)
    + b"\\2</w:tblPr>"
)
_CELL_FLAT = b"<w:tcPr>\\1" + _template(CELL_PR) + b"</w:tcPr>"


def _flat(document: bytes) -> bytes | None:
    """``document.xml`` with the style written out on every table, or None when a table is not
    as ``ooxml.table`` writes it."""
    out, tables = _TABLE.subn(_TABLE_FLAT, document)
    if document.count(b"<w:tbl>") != tables:
        return None
    out, cells = _CELL.subn(_CELL_FLAT, out)
    return out if out.count(b"<w:tc>") == cells else None


def _kept_styles(styles: bytes, referred: set[bytes]) -> set[bytes]:
    """The styles referred to, the defaults, and every style these are based on."""
    based = {m.group(1): _BASED_ON.findall(m.group(0)) for m in _STYLE.finditer(styles)}
    kept, todo = set(), [*referred, *_DEFAULT.findall(styles)]
    while todo:
        style = todo.pop()
        if style not in kept:
            kept.add(style)
            todo.extend(based.get(style, ()))
    return kept


def _used_styles(styles: bytes, others: list[bytes]) -> bytes:
    """``styles`` without the styles that none of the ``others`` parts refers to."""
    kept = _kept_styles(styles, {ref for part in others for ref in _STYLE_REF.findall(part)})

    def style(m: re.Match[bytes]) -> bytes:
        if m.group(1) not in kept:
            return b""
        return _STYLE_LINK.sub(lambda r: r.group(0) if r.group(1) in kept else b"", m.group(0))

    return _STYLE.sub(style, styles)


def _part(package: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    return package.read(info) if info.file_size <= LIMIT else None


def _left_out(names: list[str], document: bytes, styles: bytes) -> set[str]:
    """The parts LibreOffice is not given (numbering only when nothing is numbered by a list)."""
    unused = {n for n in names if _UNUSED.fullmatch(n)}
    if b"<w:numPr" in document or b"<w:numPr" in styles:
        unused.discard("word/numbering.xml")
    return unused


def _without(name: str, data: bytes, unused: set[str]) -> bytes:
    """A relationships or content-types part without its entries for the ``unused`` parts."""
    if name == "[Content_Types].xml":
        return _OVERRIDE.sub(lambda m: b"" if m.group(1).decode() in unused else m.group(0), data)
    folder = posixpath.dirname(posixpath.dirname(name))  # "word/_rels/x.rels" -> "word"

    def keep(m: re.Match[bytes]) -> bytes:
        target = posixpath.normpath(posixpath.join(folder, m.group(1).decode()))
        return b"" if target in unused else m.group(0)

    return _RELATIONSHIP.sub(keep, data)


def _lighter(package: zipfile.ZipFile, document: bytes, styles: bytes) -> bytes | None:
    """The package to give LibreOffice (stored: read once, right away), or None."""
    flat = _flat(document)
    if flat is None or any(i.file_size > LIMIT for i in package.infolist()):
        return None
    if not any(ref in flat for ref in _REFERS):
        flat = _BOOKMARK.sub(b"", flat)
    unused = _left_out(package.namelist(), document, styles)
    given = {i.filename: i for i in package.infolist() if i.filename not in unused}
    parts = {name: package.read(info) for name, info in given.items()}
    parts[DOCUMENT] = flat
    others = [  # the parts that may name a style: word/'s XML but the styles (not its media)
        data
        for name, data in parts.items()
        if name.startswith("word/") and name.endswith(".xml") and name != STYLES
    ]
    parts[STYLES] = _used_styles(styles, others)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for name, info in given.items():
            data = parts[name]
            if name == "[Content_Types].xml" or name.endswith(".rels"):
                data = _without(name, data, unused)
            copy.writestr(info, data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def for_libreoffice(docx: bytes) -> bytes | None:
    """The DOCX to give LibreOffice instead of ``docx`` (the same PDF, converted faster), or
    None when ``docx`` is to be given as it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            document, styles = _part(package, DOCUMENT), _part(package, STYLES)
            if document is None or styles is None or not _TABLE.search(document):
                return None
            if not _builtin_styles().fullmatch(styles):
                return None
            return _lighter(package, document, styles)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
