"""OOXML fragments as escaped strings (runs, fields, paragraphs, tables): a render builds its
document body this way instead of through python-docx's object API, which costs ~0.5 ms a
paragraph."""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Iterable, Sequence

from ...chars import BIDI
from ...labels import inside_phrase

# dropped from every text a DOCX or a page prints: the characters XML 1.0 does not allow, and the
# bidirectional controls, which would print a text in another order than it is written (a unit's
# name "\u202egnp.exe" as "exe.png"): no Kazakh or Russian text needs one, and dlo check refuses
# them in every text and name (DLO118), but the registry's names are printed as they stand
DROPPED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff{BIDI[1:-1]}]")
TWIPS_PER_MM = 56.7
CODE_ON_ONE_LINE = 30  # characters: a longer code might not fit a line, and keeps its breaks
_FORMATTER = string.Formatter()
NO_BREAK_HYPHEN = "<w:r><w:noBreakHyphen/></w:r>"
PROPERTY_CHARS = 255  # the characters a core property may hold, as python-docx sets them


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` makes them (without
    importing ``xml.sax``, which brings ``urllib``, ``http`` and ``ssl`` along)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold (what python-docx refuses) and the
    bidirectional controls (``DROPPED``)."""
    return DROPPED.sub("", text)


def property_text(text: str) -> str:
    """``text`` as a document's property (File > Properties: title, subject, author) holds it:
    ``xml_safe``, and cut to 255 characters ending in "…" (python-docx refuses a longer one)."""
    text = xml_safe(text)
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"


def clean(text: str) -> str:
    """``text`` escaped for XML, with the characters XML cannot hold dropped."""
    return escape(xml_safe(text))


def runs(text: str) -> str:
    """Runs for ``text``; line breaks and tabs become w:br and w:tab."""
    out = []
    for i, line in enumerate(DROPPED.sub("", text).split("\n")):
        if i:
            out.append("<w:r><w:br/></w:r>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:r><w:tab/></w:r>")
            if piece:
                out.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def form_runs(text: str) -> str:
    """``runs`` for a text of the forms, its no-break hyphens (U+2011, which ``nobreak`` puts in
    a number after "№") written as Word's w:noBreakHyphen: the document font has no U+2011.
    The body's texts keep a U+2011 as typed (``runs``), for ``dlo import --onto``."""
    return NO_BREAK_HYPHEN.join(runs(piece) for piece in text.split("\u2011"))


def with_code(template: str, code: str, edition: str = "", **fields: str) -> str:
    """Runs for ``template`` (a label's format string) with ``fields``, the document's ``code``
    and its ``edition`` ("1-басылым"; "издание 1" inside a phrase: ``labels.inside_phrase``),
    each kept on one line where a line surely holds it ("ДИ DSHR 07-01/2026" was set "… 07-" /
    "01/2026"): their spaces no-break spaces, their hyphens Word's w:noBreakHyphen (the document font has no U+2011). Only a plain ``{code}`` and
    ``{edition}`` are so written (``{code!r}``, ``{code:.3}`` are formatted as Python formats
    them); the rest is a form's text (``form_runs``)."""
    kept = {"code": code, "edition": edition}
    values = {**kept, **fields}
    out = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        out.append(form_runs(literal))
        if name is None:
            continue
        if name == "edition" and not spec and not conversion:  # "…, ДП 01-2024, издание 1"
            out.append(_unbroken(inside_phrase(edition, literal)))
        elif name in kept and not spec and not conversion:
            out.append(_unbroken(kept[name]))
        else:  # the replacement field as it stands, formatted as ``str.format`` would
            field = "{" + name + (f"!{conversion}" if conversion else "") + f":{spec or ''}}}"
            out.append(form_runs(field.format(**values)))
    return "".join(out)


def _unbroken(value: str) -> str:
    if len(value) > CODE_ON_ONE_LINE:  # a line might not hold it: it keeps its breaks
        return runs(value)
    return form_runs(value.replace(" ", "\u00a0").replace("-", "\u2011"))


def _cell_role(column: int, small: Collection[int]) -> str:
    if column == 0:
        return "table_number"
    return "table_stamp" if column in small else "table_text"


def field(instr: str, shown: str) -> str:
    """A Word field (PAGE, NUMPAGES, ...) showing ``shown`` until the reader updates it."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def page_of(label: str) -> str:
    """Runs for the footer's "Бет {page} / {pages}" label: its placeholders as PAGE and NUMPAGES
    fields, so the numbers are right in Word and LibreOffice."""
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", label):
        if piece == "{page}":
            out.append(field("PAGE", "1"))
        elif piece == "{pages}":
            out.append(field("NUMPAGES", "1"))
        elif piece:
            out.append(runs(piece))
    return "".join(out)


def bookmark(n: int, name: str, content: str) -> str:
    """``content`` (runs) inside bookmark number ``n`` named ``name``."""
    return (
        f'<w:bookmarkStart w:id="{n}" w:name="{clean(name)}"/>{content}<w:bookmarkEnd w:id="{n}"/>'
    )


def paragraph(style_id: str, content: str, keep_next: bool = False) -> str:
    """A paragraph in the style with id ``style_id`` holding ``content`` (runs); ``keep_next``:
    on the same page as the next one (w:keepNext)."""
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}</w:pPr>{content}</w:p>'


# the bits of w:tblLook's w:val (a hexadecimal number, which Word 2007 reads) for each of its
# flags (attributes, which later Word reads): ECMA-376 Part 1, 17.4.56 (tblLook)
LOOK_BITS = {
    "firstRow": 0x0020,
    "lastRow": 0x0040,
    "firstColumn": 0x0080,
    "lastColumn": 0x0100,
    "noHBand": 0x0200,
    "noVBand": 0x0400,
}


def table_look(*flags: str) -> str:
    """A w:tblLook with the ``flags`` on and the others off, its w:val their bits."""
    value = sum(LOOK_BITS[flag] for flag in flags)
    attributes = "".join(f' w:{name}="{int(name in flags)}"' for name in LOOK_BITS)
    return f'<w:tblLook w:val="{value:04X}"{attributes}/>'


# the sheets' tables: the header row set apart, no banded rows or columns
SHEET_LOOK = table_look("firstRow", "noHBand", "noVBand")


def table(
    ids: dict[str, str],
    widths_mm: Sequence[float],
    row_mm: float,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    small: Collection[int] = (),
) -> str:
    """A fixed-layout table in the ``table`` style: a repeated header row, then rows of height
    ``row_mm`` whose first cell is a number; the cells of the columns ``small`` (a signature
    column, the agreement's remarks) in the smaller ``table_stamp``; ``ids`` maps roles to style
    ids."""
    widths = [round(w * TWIPS_PER_MM) for w in widths_mm]
    height = round(row_mm * TWIPS_PER_MM)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{ids["table"]}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/>{SHEET_LOOK}</w:tblPr>'
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
            role = "table_header" if head else _cell_role(i, small)
            tcs.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f"{paragraph(ids[role], form_runs(cell))}</w:tc>"
            )
        return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(tcs)}</w:tr>"

    out.append(row(header, True))
    out += [row(cells, False) for cells in rows]
    out.append("</w:tbl>")
    return "".join(out)
