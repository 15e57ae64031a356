"""The parts of a DOCX ``dlo render`` made that are printed from data, as ``generated``
compares them: the title page's paragraphs, the sheets' paragraphs and table cells, the running
header's and footer's paragraphs (each as printed: spaces normalised, deleted text, fields' codes
and their results — page numbers — left out), and the words of the text set bold, italic or
underlined by the runs themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from . import package, rendered
from .source import normalise
from .wordml import MC, _blocks, _cell_paragraphs, _runs, _within
from .wordstyles import Styles, W, bold, child, val

CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_RUNNING = re.compile(r"word/(header|footer)\d*\.xml")
_HIDDEN = {
    W + tag
    for tag in (
        "del",
        "delText",
        "moveFrom",
        "instrText",
        "fldSimple",
        "txbxContent",
        "drawing",
        "pict",
        "pPr",
        "rPr",
    )
} | {MC + "Fallback"}
_OFF = ("0", "false", "off", "none")


@dataclass(frozen=True)
class Unit:
    """A paragraph or a table cell printed from data: where, in which style, on which sheet."""

    where: int  # the paragraph's (or table row's) number, as the reader counts them
    style: str
    text: str
    sheet: str = ""  # the heading of the sheet it is on; "" on the title page


@dataclass
class Parts:
    """What of a DOCX ``dlo render`` made is compared (see the module)."""

    keywords: str = ""  # the core properties' keywords: the id, and an edition's number and hash
    title: list[Unit] = field(default_factory=list)
    sheets: list[Unit] = field(default_factory=list)
    running: list[str] = field(default_factory=list)  # header and footer paragraphs
    # body paragraphs: (where, first bookmark, formatting → the words it is on)
    formats: list[tuple[int, str, dict[str, list[str]]]] = field(default_factory=list)


def _text(p: ET.Element) -> str:
    """A paragraph's text as printed, without deleted text, fields' codes or their results."""
    out: list[str] = []
    fields: list[bool] = []  # the fields open around this point (their result is left out)

    def walk(el: ET.Element) -> None:
        for c in el:
            if c.tag in _HIDDEN:
                continue
            if c.tag == W + "fldChar":
                kind = c.get(W + "fldCharType")
                if kind == "begin":
                    fields.append(True)
                elif kind == "end" and fields:
                    fields.pop()
            elif c.tag == W + "t" and not fields:
                out.append(c.text or "")
            elif c.tag in (W + "tab", W + "ptab", W + "br", W + "cr"):
                out.append(" ")
            elif c.tag == W + "noBreakHyphen":
                out.append("-")
            else:
                walk(c)

    walk(p)
    return " ".join(normalise("".join(out)).split())


def _formats(p: ET.Element) -> dict[str, list[str]]:
    """The words of a paragraph set bold, italic or underlined by the runs themselves."""
    found: dict[str, list[str]] = {}
    for run in _runs(p):
        text = " ".join("".join(t.text or "" for t in run.iter(W + "t")).split())
        rpr = child(run, "rPr")
        if not text or rpr is None:
            continue
        kinds = {
            "bold": bold(rpr),
            "italic": (i := child(rpr, "i")) is not None and val(i) not in _OFF,
            "underline": (u := child(rpr, "u")) is not None and val(u) not in _OFF,
        }
        for kind, on in kinds.items():
            if on:
                found.setdefault(kind, []).append(text)
    return found


def _style(p: ET.Element, styles: Styles) -> str:
    ppr = child(p, "pPr")
    sid = val(child(ppr, "pStyle")) if ppr is not None else None
    return styles.name(sid or styles.default)


class _Walk:
    """The body's blocks in order, counted as the reader counts them (``wordml``)."""

    def __init__(self, styles: Styles, parts: Parts) -> None:
        self.styles, self.parts = styles, parts
        self.count = 0
        self.begun = False
        self.sheet: str | None = None  # the current sheet's heading, once the sheets begin

    def _unit(self, style: str, text: str) -> None:
        if not text or (self.begun and self.sheet is None):
            return  # (text between the body's paragraphs is the reader's: DLO504)
        unit = Unit(self.count, style, text, self.sheet or "")
        (self.parts.sheets if self.sheet is not None else self.parts.title).append(unit)

    def paragraph(self, p: ET.Element) -> None:
        self.count += 1
        style = _style(p, self.styles)
        if style in rendered.BODY and self.sheet is None:
            self.begun = True
            mark = next((b.get(W + "name") or "" for b in p.iter(W + "bookmarkStart")), "")
            self.parts.formats.append((self.count, mark, _formats(p)))
            return
        if style == rendered.SHEET:
            self.sheet = _text(p)
        self._unit(style, _text(p))

    def table(self, tbl: ET.Element) -> None:
        for tr in _within(tbl, W + "tr"):
            self.count += 1
            for tc in _within(tr, W + "tc"):
                texts = [_text(p) for p in _cell_paragraphs(tc)]
                self._unit("cell", " ".join(t for t in texts if t))


def parts(raw: bytes, path: str) -> Parts:
    """The parts of DOCX ``raw`` that are compared."""
    archive = package.open_package(raw, path)
    budget = package.Budget()
    with archive:
        document = package.part(archive, "word/document.xml", path, budget=budget)
        styles = Styles(package.part(archive, "word/styles.xml", path, budget=budget))
        core = package.part(archive, "docProps/core.xml", path, budget=budget)
        running = [
            package.part(archive, name, path, budget=budget)
            for name in archive.namelist()
            if _RUNNING.fullmatch(name)
        ]
    found = Parts()
    keywords = core.find(CP + "keywords") if core is not None else None
    # (LibreOffice saves "id, edition=1, content=…" without its commas)
    found.keywords = (
        re.sub(r"[\s,;]+", " ", keywords.text or "").strip() if keywords is not None else ""
    )
    found.running = [
        t for root in running if root is not None for t in map(_text, root.iter(W + "p"))
    ]
    body = document.find(W + "body") if document is not None else None
    walk = _Walk(styles, found)
    for block in _blocks(body) if body is not None else ():
        (walk.table if block.tag == W + "tbl" else walk.paragraph)(block)
    return found
