"""The translation table as DOCX: written for a translator working in Word, and read back.

Landscape A4; a heading naming the regulation and the languages; one table of two columns
(source | target) with a header row repeated on every page, one row per text. Each row keeps the
element's id as hidden text at the start of the source cell (Word and LibreOffice keep hidden
text; the translator does not see it), and the table's identity (regulation id, languages,
edition) is the document's ``dc:identifier`` core property. Rows still to translate have their
target cell shaded yellow.

Reading takes every table row whose source cell starts with a hidden id: the source text is the
cell's visible text, the target the target cell's visible text (paragraphs joined by a space;
hidden text a translator copied along is dropped).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.font import Font

from ..errors import DloError, Location, UsageError, error
from ..i18n import Msg
from . import stamp
from .docx import LANG_TAGS, new_document, plain_pages, set_language
from .docx.ooxml import property_text
from .docx.ooxml import xml_safe as xml_safe

IDENTIFIER = "dlo-translation"
TODO_FILL = "FFF2CC"  # light yellow: the rows to translate
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский"}


@dataclass(frozen=True)
class Meta:
    id: str
    source: str
    target: str
    edition: int
    title: str = ""
    code: str = ""  # the regulation's (the properties' subject, as its DOCX's)
    organisation: str = ""  # its organisation's name (the properties' creator, as its DOCX's)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    source: str
    target: str
    todo: bool = False
    number: int = 0  # the row's number in the table (reading), for messages
    cells: int = 2  # the cells the row holds (reading): other than two, merged or split


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _properties(doc, meta: Meta) -> None:
    """The document's properties (File > Properties) as the regulation's DOCX has them: its
    title and code, the organisation as its creator (``lastModifiedBy`` is dlo's, from the base),
    and the table's identity; its text in the target language, the source cells in theirs."""
    props = doc.core_properties
    props.identifier = f"{IDENTIFIER}:{meta.id}:{meta.source}:{meta.target}"
    props.title, props.subject = property_text(meta.title), property_text(meta.code)
    props.author = property_text(meta.organisation)
    set_language(doc, meta.target)


def _in_language(run, lang: str) -> None:
    """``run``'s text marked as in ``lang`` (Word checks its spelling in that language)."""
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANG_TAGS.get(lang, lang))
    run._r.get_or_add_rPr().append(language)  # last: after w:vanish and w:color, as the schema


def write(meta: Meta, rows: list[Row], words: dict[str, str]) -> bytes:
    """The table; ``words``: its heading and note for the translator (``translation:`` of the
    target language's labels). Made on dlo's own base document (``new_document``: its styles,
    settings and properties, not python-docx's template), dated as a draft's outputs are (the
    table is of the working text: ``SOURCE_DATE_EPOCH``, else 1980-01-01)."""
    doc = new_document()
    plain_pages(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    _properties(doc, meta)
    heading = doc.add_paragraph()
    heading.add_run(
        xml_safe(words["heading"].format(title=meta.title, id=meta.id, n=meta.edition))
    ).bold = True
    note = doc.add_paragraph(
        f"{LANG_NAMES.get(meta.source, meta.source)} → {LANG_NAMES.get(meta.target, meta.target)}. "
        + words["note"]
    )
    for paragraph in (heading, note):
        paragraph.paragraph_format.space_after = Pt(6)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_header(header)
    for cell, lang in zip(header.cells, (meta.source, meta.target), strict=True):
        cell.paragraphs[0].add_run(LANG_NAMES.get(lang, lang)).bold = True
    for row in rows:
        cells = table.add_row().cells
        paragraph = cells[0].paragraphs[0]
        hidden = paragraph.add_run(row.key)
        hidden.font.hidden = True
        hidden.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
        _in_language(paragraph.add_run(xml_safe(row.source)), meta.source)
        if row.target:
            cells[1].paragraphs[0].add_run(xml_safe(row.target))
        if row.todo:
            _shade(cells[1], TODO_FILL)
    for row in table.rows:
        row.cells[0].width = row.cells[1].width = Mm(133)
    out = io.BytesIO()
    doc.save(out)
    return stamp.fixed_zip(out.getvalue(), stamp.document_time(None))


# what holds a run whose text is not the paragraph's as Word shows it with every change
# accepted: the text a tracked change deleted or moved away
_NOT_SHOWN = frozenset(qn(tag) for tag in ("w:del", "w:moveFrom"))
_RUN, _CELL = qn("w:r"), qn("w:tc")
# what in a run is its text, as python-docx's ``Run.text`` reads it (its XPath, run for each
# run, took 20 µs a run: minutes for the millions of runs a small file may hold)
_RUN_TEXT = frozenset(qn(f"w:{tag}") for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def _runs(paragraph) -> list:
    """The runs (``w:r``) of ``paragraph`` as Word shows it with every tracked change accepted:
    those in the paragraph itself and those a tracked insertion, a hyperlink, a content control,
    a smart tag or a field wraps (python-docx's ``runs`` are the paragraph's own children only,
    so a translation typed with Track Changes on was taken without the text it inserted), never
    the text a tracked change deleted, nor a run held in a run (a text box's, read as its own).
    One walk down the paragraph, each element visited once: a run's wrappers were walked up
    for every run, so a million runs in 200 nested insertions (a 26 KB file) took minutes."""
    found = []
    pending = list(reversed(paragraph._p))
    while pending:
        element = pending.pop()
        if element.tag == _RUN:
            found.append(element)
        elif element.tag not in _NOT_SHOWN:
            pending.extend(reversed(element))
    return found


def _cells(row, table) -> list[_Cell]:
    """The cells ``row`` holds, each once, as its own: python-docx's ``cells`` repeats a cell
    for each grid column it spans (``w:gridSpan`` of two billion, in a 17 KB file, took 16 GB)
    and reads a cell merged with the one above from that one, up the whole table (minutes, then
    a RecursionError, for 20,000 such rows); a merged cell's text is its first row's."""
    return [_Cell(tc, table) for tc in row._tr.iterchildren(_CELL)]


def _visible(cell) -> tuple[str, str]:
    """(hidden text, visible text) of a cell, with its tracked changes accepted; paragraphs
    joined by a space."""
    hidden: list[str] = []
    shown: list[str] = []
    for paragraph in cell.paragraphs:
        parts: list[str] = []
        for run in _runs(paragraph):
            said = "".join(str(part) for part in run if part.tag in _RUN_TEXT)
            (hidden if Font(run).hidden else parts).append(said)
        shown.append("".join(parts))
    return "".join(hidden).strip(), " ".join(p for p in shown if p.strip())


MAX_UNPACKED = 256 * 1024 * 1024  # a translation table unpacks to a few MB; a zip bomb to GBs
# the tags ("<") of all its parts: python-docx builds a tree of every XML part whole, some 130
# bytes an element, so 256 MB of "<w:p/>" (a 500 KB file) would take 6 GB. The table dlo writes
# has some 30 a row, 3 MB at most for a regulation the loader reads (500,000 keys and values
# are 125,000 texts at most); Word saving it again adds some; this bounds the tree to ~500 MB
MAX_TAGS = 4_000_000
CHUNK = 1024 * 1024
_UNREADABLE_ZIP = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


def _bounded(raw: bytes, where: Location) -> None:
    """Refuse a package whose parts would unpack to more than ``MAX_UNPACKED`` bytes (the sizes
    its directory declares bound what zipfile unpacks), or hold more than ``MAX_TAGS`` tags, before
    python-docx reads it whole; a part compressed as Word never does (bzip2, LZMA: one read may
    inflate without bound) is refused."""
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        infos = package.infolist()
    except _UNREADABLE_ZIP:
        return  # not a ZIP package: Document() says so
    size = sum(info.file_size for info in infos)
    if size > MAX_UNPACKED:
        raise DloError(
            error(
                where,
                "DLO704",
                Msg("not a readable DOCX file: it unpacks to {size} bytes", size=size),
            )
        )
    tags = 0
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DloError(
                error(
                    where,
                    "DLO704",
                    Msg(
                        "not a readable DOCX file: {name} is compressed by a method Word never "
                        "uses",
                        name=info.filename,
                    ),
                    Msg("open it in Word and save it again"),
                )
            )
        tags += _tags(package, info)
        if tags > MAX_TAGS:
            raise DloError(
                error(
                    where,
                    "DLO704",
                    Msg(
                        "not a readable DOCX file: its parts hold more than {limit} XML tags, "
                        "more than a translation table of any regulation has",
                        limit=MAX_TAGS,
                    ),
                )
            )


def _tags(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """The ``<`` of part ``info``, unpacked a ``CHUNK`` at a time (0 if it cannot be: python-docx
    then says why)."""
    count = 0
    try:
        with package.open(info) as stream:
            while chunk := stream.read(CHUNK):
                count += chunk.count(b"<")
    except _UNREADABLE_ZIP:
        return 0
    return count


def read(raw: bytes, name: str) -> tuple[Meta, list[Row]]:
    """The table's identity and rows; a file that is not a translation table is refused, and so
    is a damaged package, whatever python-docx stumbles on in it (DLO704)."""
    where = Location(name)
    _bounded(raw, where)
    try:
        return _read(raw, name)
    except (DloError, UsageError):
        raise
    except SyntaxError as exc:  # lxml's XMLSyntaxError: a part is not well-formed, too deep...
        raise DloError(
            error(
                where,
                "DLO704",
                Msg("not a readable DOCX file: a part is not well-formed XML ({exc})", exc=exc),
            )
        ) from None
    except Exception as exc:  # noqa: BLE001 - a hostile package breaks the parser in many ways
        raise DloError(
            error(
                where,
                "DLO704",
                Msg("not a readable DOCX file ({kind}: {exc})", kind=type(exc).__name__, exc=exc),
                Msg(
                    "give the table dlo translate ID --to LANG --out FILE.docx wrote, saved by Word as .docx"
                ),
            )
        ) from None


def _identifier(doc) -> str:
    """The table's identity (``dc:identifier``) from the package's core properties, whatever
    relationship names them: LibreOffice saves them related as
    ``officedocument/2006/relationships/metadata/core-properties``, not by the package
    relationship python-docx looks for, which then gave a table re-saved by LibreOffice empty
    properties ("not a translation table")."""
    for rel in doc.part.package.rels.values():
        if not rel.is_external and isinstance(rel.target_part, CorePropertiesPart):
            found = rel.target_part.core_properties.identifier
            if found:
                return found
    return ""


def _read(raw: bytes, name: str) -> tuple[Meta, list[Row]]:
    doc = Document(io.BytesIO(raw))
    parts = _identifier(doc).split(":")
    if len(parts) != 4 or parts[0] != IDENTIFIER:
        raise UsageError(
            Msg("{name} is not a translation table made by dlo translate", name=name),
            Msg("make one with: dlo translate ID --to ru --out FILE.docx"),
        )
    rows: list[Row] = []
    for table in doc.tables:
        for number, tr in enumerate(table.rows, 1):
            cells = _cells(tr, table)
            if not cells:
                continue
            key, source = _visible(cells[0])
            if not key:
                continue
            target = _visible(cells[1])[1] if len(cells) == 2 else ""
            rows.append(Row(key, "", source, target, number=number, cells=len(cells)))
    return Meta(parts[1], parts[2], parts[3], 0), rows
