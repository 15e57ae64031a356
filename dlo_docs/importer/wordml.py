"""The DOCX reader: the standard library only (zipfile + ElementTree), never python-docx.

It turns ``word/document.xml`` into ``Line`` values:

- paragraphs in body order, including those inside content controls (``w:sdt``); drawings,
  deleted text and field codes are left out; a text box's paragraphs (read once, though Word
  writes each box twice) are lines hinted "box", before the paragraph it is anchored in
  (``boxes.apart``: the title page's are read, the text's reported);
- Word's automatic numbering (``w:numPr`` on the paragraph or its style) is computed from
  ``word/numbering.xml`` and written in front of the text, so "9." exists even when the number
  is not in the text at all; the list level becomes the line's ``level``;
- heading styles (``heading 1``/``heading 2`` or an outline level) hint chapters and paragraphs;
  a paragraph all in bold (by its runs, a character style or its paragraph style) is marked
  ``strong``, as offices set headings in the Normal style (``headings.promote_bold``);
- a symbol font's character is read, or named (``symbols``); hidden text is named (``boxes``);
- tabs are kept in the line as written (``Line.raw``) when they set its text apart in columns;
- soft line breaks (``w:br``, ``w:cr``) split a paragraph where the next piece starts a new
  numbered element, and are spaces otherwise (the line keeps its pieces: a title page set as one
  paragraph is read as the lines its breaks set apart);
- each table row becomes one line hinted as a row (cells joined by " – " when there are two),
  keeping its cells' lines as its pieces (a table on the title page is read line by line).

A DOCX rendered by ``dlo render`` is recognised by its named body styles ("DLO Clause", …): then
only the body (chapters, paragraphs, clauses, items) is read; the title page, running header and
the sheets are skipped, and the core properties give back the title, code, id and language.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..i18n import Msg
from ..records import Shown
from . import boxes, package, rendered, symbols
from .revisions import mark_gone, revisions
from .source import EMPTY, MAX_PARAGRAPHS, NOT_READABLE, Line, Read, fail, gapped, normalise
from .wordstyles import MAX_LEVEL, Numbering, Styles, W, bold, number
from .wordstyles import child as _w
from .wordstyles import val as _val

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

OUR_STYLES = {"dlo clause": "clause", "dlo item": "item", "dlo item 2": "item"}
HEADINGS = {"heading 1": "chapter", "heading 2": "paragraph"}
# a piece after a soft break that starts a new element ("2)", "17.", "§ 3", "Глава 2", and
# chapters numbered in Roman numerals: "Глава I", "III тарау", "II. ОБЩИЕ ПОЛОЖЕНИЯ" in capitals;
# the Kazakh letter І only by глава/тарау: "І. ЖАНСҮГІРОВ АТЫНДАҒЫ …" is an initial)
_ROMAN = r"(?-i:[IVXLCІ]+)"  # (І: the Kazakh letter, as Kazakh texts type I, by глава/тарау)
_STARTS = re.compile(
    r"^(\d+(\.\d+)*[.)]\s|[a-zа-яёәғқңөұүһі]\)\s|[-–—•·▪●]\s|§\s*\d"
    rf"|(глава|параграф)\s+(\d|{_ROMAN}\b)|(\d+|{_ROMAN})\s*-?\s*тарау(?![^\W\d_])"
    r"|(?-i:[IVXLC]+)\.\s+(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2}))",
    re.IGNORECASE,
)
_SKIP = {
    W + "txbxContent",
    W + "drawing",
    W + "pict",
    W + "object",
    W + "del",
    W + "delText",
    W + "moveFrom",
    W + "instrText",
    W + "footnoteReference",
    W + "endnoteReference",
    W + "commentReference",
    W + "rPr",
    W + "pPr",
    MC + "Fallback",
}

_CHARS = {W + "tab": "\t", W + "ptab": "\t", W + "noBreakHyphen": "-"}
# -- opening ----------------------------------------------------------------------------


def _pieces(p: ET.Element) -> list[str]:
    """The paragraph's text, split at soft line breaks. Each piece is gathered as a list of its
    runs' texts and joined once: appending to a string would copy it at every run, a time
    growing with the square of a paragraph's runs (minutes for one of a million)."""
    pieces: list[list[str]] = [[]]

    def walk(el: ET.Element, font: str) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or tag == W + "p" or (tag == W + "r" and boxes.hidden(child)):
                continue  # (W:p: a nested paragraph, a text box's escaped)
            if tag == W + "t":
                pieces[-1].append(symbols.text(child.text or "", font))
            elif tag in (W + "br", W + "cr"):
                pieces.append([])
            elif tag in _CHARS:
                pieces[-1].append(_CHARS[tag])
            elif tag == W + "sym":
                pieces[-1].append(symbols.char(child) or "")
            else:
                walk(child, symbols.font(child) if tag == W + "r" else font)

    walk(p, "")
    return ["".join(piece) for piece in pieces]


def _text_boxes(el: ET.Element):
    """The text boxes anchored in a paragraph, each once: Word writes a box twice, as DrawingML
    (``mc:Choice``) and as VML for older readers (``mc:Fallback``). A box inside a box (a
    drawing's labels inside a shape) is not read."""
    for child in el:
        if child.tag == W + "txbxContent":
            yield child
        elif child.tag != MC + "Fallback":
            yield from _text_boxes(child)


def _runs(el: ET.Element):
    """The paragraph's runs that show text (as ``_pieces`` reads it); walked with a stack, not
    nested generators (each run went through one per element around it: minutes at worst)."""
    pending = list(reversed(el))
    while pending:
        child = pending.pop()
        if child.tag == W + "r":
            yield child
        elif child.tag not in _SKIP and child.tag != W + "p":
            pending.extend(reversed(child))


def _strong(p: ET.Element, styles: Styles, chain: list[str]) -> bool:
    """All the paragraph's text is bold: each run that shows text is, by itself, by its
    character style or by the paragraph's style."""
    base, shown = styles.chain_bold(chain), False
    for run in _runs(p):
        if not "".join(t.text or "" for t in run.iter(W + "t")).strip():
            continue
        rpr = _w(run, "rPr")
        on = bold(rpr)
        if on is None and rpr is not None:
            on = styles.char_bold.get(_val(_w(rpr, "rStyle")) or "")
        if not (base if on is None else on):
            return False
        shown = True
    return shown


def _join_pieces(pieces: list[str]) -> list[tuple[str, bool, tuple[str, ...]]]:
    """Soft-broken pieces → lines: a piece that starts a numbered element begins a new line; any
    other piece continues the line. The flag says a number stood alone before the break; the
    tuple holds the pieces the line was joined from, as written (tabs and spaces kept)."""
    lines: list[tuple[str, bool, tuple[str, ...]]] = []
    for raw in pieces:
        piece = normalise(raw)
        if not piece:
            continue
        if not lines or _STARTS.match(piece + " "):
            lines.append((piece, False, (raw,)))
            continue
        text, _, joined = lines[-1]
        lone = bool(re.fullmatch(r"\d+(\.\d+)*[.)]?", text))
        lines[-1] = (f"{text} {piece}", lone, (*joined, raw))
    return lines


class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering, ours: bool = False) -> None:
        self.styles, self.numbering, self.ours = styles, numbering, ours
        self.count = 0
        self.notes: list[tuple[int, str, str]] = []  # (paragraph, "footnote"/"endnote", id)
        self.symbols: list[tuple[int, str, str]] = []  # (paragraph, font, code) not read
        self.hidden: list[tuple[int, str]] = []  # (paragraph, its hidden text)

    def paragraph(self, p: ET.Element) -> tuple[str, list[Line]]:
        """(style name, lines) of one paragraph."""
        self.count += 1
        ppr = _w(p, "pPr")
        sid = _val(_w(ppr, "pStyle")) if ppr is not None else None
        sid = sid or self.styles.default
        chain = self.styles.chain(sid)
        name = self.styles.name(sid)
        numpr = self._numpr(ppr, chain, name)
        outline = _val(_w(ppr, "outlineLvl")) if ppr is not None else None
        if outline is None:
            outline = next(
                (str(self.styles.outline[s]) for s in chain if s in self.styles.outline), None
            )
        hint = OUR_STYLES.get(name) or HEADINGS.get(name)
        if hint is None:
            hint = next(
                (
                    HEADINGS.get(self.styles.name(s))
                    for s in chain
                    if self.styles.name(s) in HEADINGS
                ),
                None,
            )
        if hint is None and outline in ("0", "1"):
            hint = "chapter" if outline == "0" else "paragraph"
        level = 1 if name == "dlo item 2" else (0 if name == "dlo item" else None)
        label = None
        if numpr is not None:
            num_id = _val(_w(numpr, "numId")) or ""
            ilvl = number(_val(_w(numpr, "ilvl")) or "0", 0, MAX_LEVEL) or 0
            label = self.numbering.label(num_id, ilvl)
            if label is not None:
                level = ilvl
        lines = []
        self.notes += [
            (self.count, ref.tag[len(W) : -len("Reference")], ref.get(W + "id") or "")
            for ref in p.iter()
            if ref.tag in (W + "footnoteReference", W + "endnoteReference")
        ]
        self.unread(p)
        strong = _strong(p, self.styles, chain)
        marks = tuple(
            n for b in p.iter(W + "bookmarkStart") if (n := b.get(W + "name")) is not None
        )
        for i, (text, lone, pieces) in enumerate(_join_pieces(_pieces(p))):
            auto = False
            if i == 0 and label:
                text, auto = f"{label} {text}", True
                pieces = (f"{label} {pieces[0]}", *pieces[1:])
            mark = marks if i == 0 else ()
            raw = gapped(pieces[0]) if len(pieces) == 1 else ""
            line = Line(text, self.count, hint, level, auto, lone, mark, pieces, strong, raw)
            lines.append(line)
        if not lines and label and hint in ("chapter", "paragraph"):
            lines.append(Line(label, self.count, hint, level, True))
        return name, self.boxes(p) + lines

    def unread(self, p: ET.Element) -> None:
        """Note what of paragraph ``p`` is not read: symbols, hidden text."""
        runs = list(_runs(p))
        self.symbols += [(self.count, *s) for s in symbols.lost(runs)]
        hidden = "".join(t.text or "" for r in runs if boxes.hidden(r) for t in r.iter(W + "t"))
        if hidden.strip():
            self.hidden.append((self.count, hidden))

    def _numpr(self, ppr: ET.Element | None, chain: list[str], name: str) -> ET.Element | None:
        """The paragraph's Word list numbering; none on the body styles of a DOCX dlo rendered,
        whose numbers it computes: there the style is the element and its level."""
        if self.ours and name in rendered.BODY:
            return None
        numpr = _w(ppr, "numPr") if ppr is not None else None
        if numpr is None:
            numpr = next((self.styles.numpr[s] for s in chain if s in self.styles.numpr), None)
        return numpr

    def boxes(self, p: ET.Element) -> list[Line]:
        """The lines of the text boxes anchored in paragraph ``p`` (``boxes.apart`` reads them),
        at its number: a box is not a paragraph of the text, and numbers none."""
        return [
            Line(text, self.count, "box")
            for box in _text_boxes(p)
            for para in _cell_paragraphs(box)
            for text, _, _ in _join_pieces(_pieces(para))
        ]

    def row(self, tr: ET.Element) -> list[Line]:
        self.count += 1
        cells: list[str] = []
        pieces: list[str] = []
        for tc in _within(tr, W + "tc"):
            texts = []
            for p in _cell_paragraphs(tc):
                self.unread(p)
                for t, _, joined in _join_pieces(_pieces(p)):
                    texts.append(t)
                    pieces += joined
            cells.append(" ".join(texts).strip())
        cells = [c for c in cells if c]
        if not cells:
            return []
        if len(cells) >= 2 and re.fullmatch(r"\d+(\.\d+)*[.)]?", cells[0]):  # "1.", "2.1.1."
            number = cells.pop(0)
            cells[0] = f"{number if number[-1] in '.)' else number + '.'} {cells[0]}"
        text = " – ".join(cells) if len(cells) == 2 else " | ".join(cells)
        return [Line(normalise(text), self.count, "row", pieces=tuple(pieces))]


def _within(el: ET.Element, tag: str):
    """``el``'s children ``tag`` (a table's rows, a row's cells), in a content control too — not
    those of a table nested in a cell."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = _w(child, "sdtContent")
            yield from _within(content if content is not None else child, tag)


def _cell_paragraphs(el: ET.Element):
    """A cell's paragraphs in order, a nested table's among them (each once), a text box's not."""
    for child in el:
        if child.tag == W + "p":
            yield child
        elif child.tag == W + "tbl":
            for tr in _within(child, W + "tr"):
                for tc in _within(tr, W + "tc"):
                    yield from _cell_paragraphs(tc)
        elif child.tag not in _SKIP:
            yield from _cell_paragraphs(child)


def _blocks(body: ET.Element):
    """Body-level paragraphs and tables in order, looking inside content controls."""
    for child in body:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "smartTag"):
            content = _w(child, "sdtContent")
            yield from _blocks(content if content is not None else child)


def _body_lines(
    body: ET.Element, reader: _Reader, ours: bool, path: str
) -> tuple[list[Line], int, rendered.Body]:
    """The body's lines, the paragraphs of our own output left out, and where the text was.
    A paragraph whose mark was deleted with Track Changes on runs on into the next."""
    lines: list[Line] = []
    skipped = 0
    where = rendered.Body(path)
    held: tuple[str, list[Line]] | None = None
    for block in _blocks(body):
        if block.tag == W + "tbl":
            rows = list(_within(block, W + "tr"))
            if ours and not where.inside:  # (each row counted, as in the text)
                skipped += len(rows)
                reader.count += len(rows)
                continue
            read = [line for tr in rows if not _header_row(tr, reader) for line in reader.row(tr)]
            if ours:
                skipped += len(rows)
                where.table(read)
            else:
                lines += read
            continue
        name, found = reader.paragraph(block)
        if ours:
            where.pictures(block, name, reader.count, found)
        if held is not None:
            name, found, held = held[0], rendered.join(held[1], found), None
        if mark_gone(block) is not None and any(line.text for line in found):
            held = (name, found)
            continue
        if ours and not where.paragraph(name, found):
            skipped += bool(found)
            continue
        lines += found
    if held is not None:
        lines += held[1]
    return lines, skipped, where


def _header_row(tr: ET.Element, reader: _Reader) -> bool:
    """A table's header row, repeated on each page: counted, not read."""
    trpr = _w(tr, "trPr")
    if trpr is not None and _w(trpr, "tblHeader") is not None:
        reader.count += 1
        return True
    return False


def read_docx(raw: bytes, path: str) -> Read:
    archive = package.open_package(raw, path)
    budget = package.Budget()  # the elements of all the parts read, together
    with archive:
        document = package.part(archive, "word/document.xml", path, MAX_PARAGRAPHS, budget)
        styles = Styles(package.part(archive, "word/styles.xml", path, budget=budget))
        numbering = Numbering(package.part(archive, "word/numbering.xml", path, budget=budget))
        core = package.core_properties(archive, path, budget)
        comments, footnotes, endnotes = (
            package.part(archive, f"word/{name}.xml", path, budget=budget)
            if f"word/{name}.xml" in archive.namelist()
            else None
            for name in ("comments", "footnotes", "endnotes")
        )
    body = document.find(W + "body") if document is not None else None
    if body is None:
        no_body = Msg("the DOCX has no document body")
        raise fail(path, NOT_READABLE, no_body, Msg("open it in Word and save it again"))
    styles.hide_styled(body, _runs)
    ours = any(name in OUR_STYLES for name in styles.names.values()) and any(
        styles.name(_val(p.find(f"{W}pPr/{W}pStyle"))) in OUR_STYLES for p in body.iter(W + "p")
    )
    reader = _Reader(styles, numbering, ours)
    lines, skipped, where = _body_lines(body, reader, ours, path)
    if not any(line.text for line in lines):
        raise fail(path, EMPTY, Msg("the document holds no text"), Msg("is this the right file?"))
    said = where.problems + boxes.notes(
        reader.notes, {"footnote": footnotes, "endnote": endnotes}, path
    )
    said += symbols.unread(reader.symbols, path) + boxes.concealed(reader.hidden, path)
    result = Read(path, "docx", lines, ours=ours, skipped=skipped, problems=said)
    result.page_title = where.title
    result.revisions = revisions(document, comments)
    if ours:
        title, code = core.get("title"), core.get("subject")
        result.title = normalise(title) if title else title
        result.code = normalise(code) if code else code
        keywords = core.get("keywords")
        result.id = Shown.parse(keywords).id if keywords else keywords
        result.lang = core.get("language")
    return result
