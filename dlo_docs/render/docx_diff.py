"""DOCX outputs of a comparison: the comparison table and the tracked-changes ("redline") copy.

This is the SECOND module that imports python-docx (the first is ``render/docx/``, whose page
set-up, fonts and named styles it reuses through ``new_document()`` and ``STYLE``). It is apart
because the redline is written as raw OOXML revision marks, which python-docx has no API for:

- an inserted run is ``<w:ins w:id w:author w:date><w:r><w:t>…</w:t></w:r></w:ins>``;
- a deleted run is ``<w:del …><w:r><w:delText>…</w:delText></w:r></w:del>``;
- a paragraph that exists only in the new text has its paragraph mark inserted
  (``w:pPr/w:rPr/w:ins``), one that exists only in the old text has it deleted
  (``w:pPr/w:rPr/w:del``), so accepting or rejecting removes the paragraph itself.

Accepting every change gives exactly the new text, rejecting every one exactly the old text
(tests/test_diff_redline.py checks both on the XML, and in LibreOffice through its own "accept
all" / "reject all"). A paragraph mark can only be tracked when a paragraph follows it, so a
redline whose last line is tracked ends with one empty, untracked paragraph. The document also
switches "track changes" on, so the approver's own edits are tracked too.

The redline's body is built as one OOXML string and parsed once (as ``render/docx/`` does for
the official document): python-docx's paragraph API costs ~1 ms a paragraph. Table cells get
their style by id for the same reason.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from ..diff import words
from ..diff.align import Comparison, Row
from ..diff.names import legends, rows, unchanged
from ..diff.words import DELETE, EQUAL, Segment
from ..labels import inner_quotes
from . import redline_xml, stamp
from .docx import STYLE, new_document, ooxml, plain_pages, set_language
from .docx.ooxml import xml_safe as _clean

# column widths of the comparison table on landscape A4 (257 mm between the margins)
COLUMNS_MM = (12, 40, 85, 85, 35)
# the roles this module prints, the render/docx/ style of each, and a fallback definition
# (alignment, bold, size in pt) for a reference document or a render/docx/ that lacks it
_ROLES = {
    "organisation": ("organisation", WD_ALIGN_PARAGRAPH.CENTER, True, 12),
    "heading": ("sheet_heading", WD_ALIGN_PARAGRAPH.CENTER, True, 14),
    "subtitle": ("sheet_subtitle", WD_ALIGN_PARAGRAPH.CENTER, False, 12),
    "header": ("table_header", WD_ALIGN_PARAGRAPH.CENTER, True, 11),
    "number": ("table_number", WD_ALIGN_PARAGRAPH.CENTER, False, 12),
    "text": ("table_text", WD_ALIGN_PARAGRAPH.LEFT, False, 12),
    "title": ("title", WD_ALIGN_PARAGRAPH.CENTER, True, 14),
    "footer": ("footer", WD_ALIGN_PARAGRAPH.RIGHT, False, 10),
    "draft_mark": ("draft_mark", WD_ALIGN_PARAGRAPH.CENTER, True, 14),
}


def _has(doc, name: str, kind: WD_STYLE_TYPE) -> bool:
    return any(s.name == name and s.type == kind for s in doc.styles)


def _styles(doc) -> dict[str, str]:
    """Role -> style name; the house styles of render/docx/ where the document has them."""
    names: dict[str, str] = {}
    for role, (key, align, bold, size) in _ROLES.items():
        name = STYLE.get(key, f"DLO Diff {role.title()}")
        if not _has(doc, name, WD_STYLE_TYPE.PARAGRAPH):
            name = f"DLO Diff {role.title()}"
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles["Normal"]
            style.font.bold, style.font.size = bold or None, Pt(size)
            pf = style.paragraph_format
            pf.alignment, pf.first_line_indent = align, Cm(0)
            pf.space_before = pf.space_after = Pt(0)
        names[role] = name
    table_style = STYLE.get("table", "")
    names["table"] = table_style if _has(doc, table_style, WD_STYLE_TYPE.TABLE) else "Table Grid"
    return names


# --- the comparison table --------------------------------------------------------------------------


def _cell_lines(
    cell,
    style: str,
    lines: Sequence[list[Segment] | str],
    italic: bool = False,
    more: bool = False,
) -> None:
    """Fill a cell (``more``: add to what it holds) with paragraphs (in the style with id
    ``style``), each a plain string or segments; a segment that is not EQUAL is a changed word:
    bold, struck through when deleted (but the marks of a removed space: the line would draw "·"
    as a hyphen), underlined when inserted."""
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 and not more else cell.add_paragraph()
        paragraph._p.style = style  # a style id: python-docx's lookup by name is slow
        segments = [Segment(EQUAL, line)] if isinstance(line, str) else line
        for seg in segments:
            run = paragraph.add_run(_clean(seg.text))
            if italic:
                run.italic = True
            if seg.op != EQUAL:
                run.bold = True
                if seg.op == DELETE:
                    run.font.strike = not seg.spacing
                else:
                    run.underline = True


def _properties(doc, title: str, code: str, comparison: Comparison, organisation: str) -> None:
    """The document's properties (File > Properties), as XML can hold them, and the language
    of its text."""
    props = doc.core_properties
    held = ooxml.property_text
    props.title, props.subject, props.author = held(title), held(code), held(organisation)
    props.keywords, props.language = comparison.id, comparison.lang
    set_language(doc, comparison.lang)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _page_marks(
    doc,
    style: dict[str, str],
    form: dict[str, Any],
    draft: bool,
    code: str | None,
    heading: str = "",
) -> None:
    """On every page: "Бет X / Y" / "Стр. X из Y" at its foot (PAGE and NUMPAGES fields, as the
    official document's footer), and a draft's ЖОБА / ПРОЕКТ at its head with the ``code`` of
    its text (``canonical.control_code``), as the draft's own; then ``heading``, centred (the
    redline's: what it compares)."""
    section = doc.sections[0]
    parts = [(section.footer, style["footer"], ooxml.page_of(form["page_of"]))]
    if draft:
        parts.append((section.header, style["draft_mark"], ooxml.runs(form["draft_mark"])))
    for part, name, runs in parts:
        part.is_linked_to_previous = False
        paragraph = part.paragraphs[0]
        paragraph.style = doc.styles[name]
        for run in parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>"):
            paragraph._p.append(run)
    if draft and code:
        line = _clean(form["draft_code"].format(code=code))
        section.header.add_paragraph(line, style=doc.styles[style["footer"]])
    if heading:
        section.header.is_linked_to_previous = False
        first = section.header.paragraphs[0]
        line = first if not draft else section.header.add_paragraph()
        line.style = doc.styles[style["footer"]]
        for run in parse_xml(f"<w:p {nsdecls('w')}>{ooxml.form_runs(heading)}</w:p>"):
            line._p.append(run)
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.paragraph_format.space_after = Pt(6)  # apart from the text the header stands over


def _one_line(value: str) -> str:
    """A code or an edition ("ЛН ҮББИ 01-2024", "2-басылым") kept on one line where a line
    surely holds it, as the official document's running header keeps them: no-break spaces and
    hyphens (U+2011, which ``ooxml.form_runs`` writes as Word's)."""
    if len(value) > ooxml.CODE_ON_ONE_LINE:
        return value
    return value.replace(" ", "\u00a0").replace("-", "\u2011")


def _landscape(doc) -> None:
    for section in doc.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)


def subtitle(
    labels: dict[str, Any], kind: str, title: str, code: str, old_label: str, new_label: str
) -> str:
    """What a comparison compares: "{kind} «{title}» ({code}): {old} → {new}" (the title alone
    in «…» when ``kind`` is "", a title that names its kind)."""
    words = labels["diff"]
    return str(
        words["subtitle" if kind else "subtitle_named"].format(
            kind=kind, title=inner_quotes(title), code=code, old=old_label, new=new_label
        )
    )


def table(
    comparison: Comparison,
    labels: dict[str, Any],
    *,
    kind: str,
    code: str,
    old_label: str,
    new_label: str,
    reason: str | None = None,
    organisation: str = "",
    no_changes: str | None = None,
    draft: bool = False,
    text_code: str | None = None,
    also: Sequence[str] = (),
) -> bytes:
    """The comparison table (салыстырмалы кесте / сравнительная таблица) as DOCX: № · structural
    element · current wording · proposed wording · rationale (the drafter's ``note`` on the
    element, else the revision's ``reason``). ``organisation`` heads the page, as the HTML
    page's; ``kind`` precedes the title in the subtitle, "" when the title names it. ``no_changes``:
    what a table with no change says. Pages numbered, a ``draft``'s marked (``_page_marks``)."""
    words = labels["diff"]
    doc = new_document()
    plain_pages(doc)
    _landscape(doc)
    style = _styles(doc)
    _page_marks(doc, style, labels["form"], draft, text_code)
    _properties(
        doc, f"{words['table_title']}. {comparison.new_title}", code, comparison, organisation
    )
    if organisation:
        named = doc.add_paragraph(_clean(organisation), style=style["organisation"])
        named.paragraph_format.space_after = Pt(6)  # (the title page's style leaves 36 pt)
    heading = doc.add_paragraph(_clean(words["table_title"]), style=style["heading"])
    heading.paragraph_format.page_break_before = False
    kept = [_one_line(v) for v in (code, old_label, new_label)]  # each on one line, as a sheet's
    said = subtitle(labels, kind, comparison.new_title, *kept)
    subtitle_line = doc.add_paragraph(style=style["subtitle"])
    for run in parse_xml(f"<w:p {nsdecls('w')}>{ooxml.form_runs(said)}</w:p>"):
        subtitle_line._p.append(run)
    subtitle_line.paragraph_format.space_after = Pt(6)

    if not comparison.changes:
        doc.add_paragraph(_clean(no_changes or unchanged(comparison, labels)), style=style["text"])
    else:
        for text in legends(comparison, labels):
            legend = doc.add_paragraph(_clean(text), style=style["text"])
            legend.paragraph_format.space_after = Pt(6)
        _change_rows(doc, style, comparison, labels, reason)
        notes = [words["renumbered"]] if comparison.renumbered else []
        for note in (*notes, *also):  # ``also``: the changes of another language's text alone
            after = doc.add_paragraph(_clean(note), style=style["text"])
            after.paragraph_format.space_before = Pt(6)
    out = io.BytesIO()
    doc.save(out)
    return stamp.fixed_zip(out.getvalue(), stamp.document_time(None))


def _change_rows(
    doc, style: dict[str, str], comparison: Comparison, labels: dict[str, Any], reason: str | None
) -> None:
    """The table of the changes: a header row repeated on each page, then one row a change."""
    words = labels["diff"]
    grid = doc.add_table(rows=1, cols=len(COLUMNS_MM))
    grid.style = doc.styles[style["table"]]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    sid = {role: doc.styles[name].style_id for role, name in style.items() if role != "table"}
    header = grid.rows[0]
    _repeat_header(header)
    for cell, title in zip(header.cells, words["columns"], strict=False):
        _cell_lines(cell, sid["header"], [title])
    for row in rows(comparison, labels, reason):
        added = grid.add_row()
        # a change's row is kept on one page (one taller than a page still flows on)
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = added.cells
        _cell_lines(cells[0], sid["number"], [str(row["n"])])
        _cell_lines(cells[1], sid["text"], [row["name"]])
        _cell_lines(cells[1], sid["text"], row["places"], italic=True, more=True)
        old, new = row["old"], row["new"]
        _cell_lines(
            cells[2], sid["text"], old if old is not None else [words["absent"]], italic=old is None
        )
        _cell_lines(
            cells[3],
            sid["text"],
            new if new is not None else [words["removed"]],
            italic=new is None,
        )
        _cell_lines(cells[4], sid["text"], [row["rationale"]])
    for column, width in zip(grid.columns, COLUMNS_MM, strict=False):
        column.width = Mm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, COLUMNS_MM, strict=False):
            cell.width = Mm(width)


# --- the tracked-changes copy -----------------------------------------------------------------------


# the elements that precede w:trackRevisions in w:settings (ECMA-376 CT_Settings sequence)
_BEFORE_TRACK_REVISIONS = {
    qn(f"w:{tag}")
    for tag in (
        "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
        "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
        "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
        "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView"
    ).split()
}


def _track_changes_on(doc) -> None:
    """Switch "track changes" on, so the approver's own edits are tracked as well."""
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    element = OxmlElement("w:trackRevisions")
    for child in settings:
        if child.tag not in _BEFORE_TRACK_REVISIONS:
            child.addprevious(element)
            return
    settings.append(element)


def _append_body(doc, parts: list[str]) -> None:
    """The paragraphs ``parts`` (OOXML) at the end of the body, before its section properties."""
    body = doc.element.body
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(parts)}</w:body>")
    sect_pr = body.find(qn("w:sectPr"))
    for paragraph in list(fragment):
        if sect_pr is not None:
            sect_pr.addprevious(paragraph)
        else:
            body.append(paragraph)


def redline(
    comparison: Comparison,
    *,
    title_old: str,
    title_new: str,
    author: str,
    date: dt.datetime,
    code: str = "",
    organisation: str = "",
    numbering_author: str | None = None,
    labels: dict[str, Any] | None = None,
    kind: str = "",
    sides: tuple[str, str] = ("", ""),
    draft: bool = False,
    text_code: str | None = None,
) -> bytes:
    """The new text with native tracked changes against the old one: Word and LibreOffice show
    them in review mode; accepting all gives the new text, rejecting all the old one.

    The first paragraph is the document's title line (``title_old`` → ``title_new``), then the
    body, line by line as ``dlo render`` prints it. A number that changed only because of
    another change is a revision by ``numbering_author`` (default ``author``), so a reviewer
    tells it from a change of the text (and can hide it: Word's markup by reviewer). With the
    ``labels``, each page is numbered and headed, as the table's, by what it compares (its
    ``subtitle``: ``kind``, title, ``code``, the two ``sides``) and a ``draft``'s by ЖОБА."""
    doc = new_document()
    plain_pages(doc)
    if labels is not None:
        kept = [_one_line(v) for v in (code, *sides)]
        said = subtitle(labels, kind, comparison.new_title, *kept)
        _page_marks(doc, _styles(doc), labels["form"], draft, text_code, said)
    marks = redline_xml.Marks(author, date)
    numbering = redline_xml.Marks(numbering_author, date, marks.ids) if numbering_author else marks
    _properties(doc, title_new, code, comparison, organisation)
    ids = {
        name: doc.styles[name].style_id
        for name in {*STYLE.values(), _styles(doc)["title"], "Normal"}
        if _has(doc, name, WD_STYLE_TYPE.PARAGRAPH)
    }
    title = [(s, marks) for s in words.diff(title_old, title_new)]
    parts = [redline_xml.tracked_paragraph(ids[_styles(doc)["title"]], title, marks, None)]
    rows: list[Row] = comparison.rows
    for n, row in enumerate(rows, 1):
        # (a row's place is its new side, or its old one for a deleted row)
        mark = {"equal": None, "insert": "w:ins", "delete": "w:del"}[row.op]
        keep = redline_xml.leads(row.place, rows[n].place if n < len(rows) else None)
        segments = redline_xml.row_segments(row, marks, numbering)
        parts.append(
            redline_xml.tracked_paragraph(
                ids[redline_xml.style(row.place)], segments, marks, mark, keep
            )
        )
    if rows and rows[-1].op != "equal":
        # a paragraph mark can only be tracked when another paragraph follows it
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{ids["Normal"]}"/></w:pPr></w:p>')
    _append_body(doc, parts)
    _track_changes_on(doc)
    out = io.BytesIO()
    doc.save(out)
    return stamp.fixed_zip(out.getvalue(), stamp.clamp(date))
