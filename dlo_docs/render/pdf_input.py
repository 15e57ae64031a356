"""What LibreOffice is given to convert: a DOCX in the built-in styles has its tables' named style
("DLO Table") written out on each table instead: the indent, borders and cell margins on the
table, the vertical alignment on each cell.

Why: LibreOffice 7.4's DOCX import spends ~15 ms of a document's ~105 ms applying a table style,
cell by cell (the four sheets hold ~255 cells, mostly blank rows for handwriting), and keeps no
table style afterwards: it writes the style's formatting on the cells itself. Written out
beforehand, the PDF is the same bytes (the style's paragraph spacing is left out: the table
paragraphs' own styles set the same). The DOCX published, and the key of its PDF in the cache,
stay those of the document itself.

Only a DOCX whose ``word/styles.xml`` is the built-in one (that of ``docx.package.base(None)``,
its language slots aside) and whose tables are as ``docx.ooxml.table`` writes them is changed;
anything else (an organisation's reference document, a DOCX from elsewhere, an unreadable one) is
given to LibreOffice as it is.

- ``for_libreoffice(docx: bytes) -> bytes | None``: the DOCX to convert instead, or None.
"""

from __future__ import annotations

import functools
import io
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


@functools.cache
def _builtin_styles() -> re.Pattern[bytes]:
    """The built-in ``styles.xml``, any value in its slots (the document's language)."""
    styles = dict(base(None).entries)[STYLES]
    slot = re.compile(re.escape(SLOT.format("")).encode() + rb"[a-z_]+")
    pieces = [re.escape(piece) for piece in slot.split(styles)]
    return re.compile(rb'[^<>"]*'.join(pieces))


def _flat(document: bytes) -> bytes | None:
    """``document.xml`` with the style written out on every table, or None when a table is not
    as ``ooxml.table`` writes it."""
    if document.count(b"<w:tbl>") != len(_TABLE.findall(document)):
        return None
    out = _TABLE.sub(
        lambda m: (
            b"<w:tblPr>"
            + m.group(1)
            + TABLE_PR.encode()
            + b'<w:tblLayout w:type="fixed"/>'
            + CELL_MARGINS.encode()
            + m.group(2)
            + b"</w:tblPr>"
        ),
        document,
    )
    if out.count(b"<w:tc>") != len(_CELL.findall(out)):
        return None
    return _CELL.sub(lambda m: b"<w:tcPr>" + m.group(1) + CELL_PR.encode() + b"</w:tcPr>", out)


def _part(package: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    return package.read(info) if info.file_size <= LIMIT else None


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
            flat = _flat(document)
            if flat is None or any(i.file_size > LIMIT for i in package.infolist()):
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as copy:  # stored: read once, right away
                for info in package.infolist():
                    data = flat if info.filename == DOCUMENT else package.read(info)
                    copy.writestr(info, data, compress_type=zipfile.ZIP_STORED)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
    return out.getvalue()
