"""What the official document holds, written as OOXML strings: the title page, the numbered body,
the sheets (agreement, acquaintance, change registration, periodic review, transfer act), and the
running header and footer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ... import bookmarks
from ...context import Official, RenderDoc
from ...labels import inner_quotes
from ...labels import signed as labels_signed
from ...records import spelled
from ..nobreak import tied
from . import ooxml
from .package import Base

# column widths (mm, they add up to the 170 mm between the margins) and row heights of the sheets;
# a name column holds a name with its initials on one line ("А. К. Темирбекова" is 34 mm in 12 pt:
# its spaces are no-break ones, so a narrower column splits the surname), a position column the
# longest word of a title ("документационного", 36 mm), a column heading its words kept together
# ("№ изменения", 24 mm in bold 11 pt), a signature column each word of an electronic
# signature's stamp in its 10 pt ("ЖҰМАБАЕВА" is 23 mm), a date column a date in 12 pt (19 mm;
# the review's, a corrected date's mark too: "(исправлено)" is 24 mm),
# the agreement's remarks column, in 10 pt, a word of sixteen Kazakh letters ("ұйымдастырушылық",
# 32 mm; in 28 mm and 12 pt the remarks broke inside their words); each with 3 mm of cell margins
_COLUMNS_MM = {
    "agreement": (8, 40, 37, 27, 23, 35),
    "acquaintance": (10, 46, 54, 30, 30),
    "changes": (28, 32, 44, 26, 40),
    "review": (10, 28, 58, 46, 28),
    "transfer": (10, 48, 38, 24, 24, 26),
}
_ROW_MM = {"agreement": 16, "acquaintance": 11, "changes": 13, "review": 13, "transfer": 10}
# the columns of a sheet set in the smaller type (``table_stamp``): the signature column, where a
# signed event's stamp is printed, and the agreement's remarks
_SMALL_COLUMNS = {"agreement": (3, 5), "acquaintance": (4,), "review": (4,)}
_ROWS = {"acquaintance": 18, "changes": 12, "review": 12}  # rows printed, blank ones included
_SPARE = 5  # blank rows the acquaintance sheet keeps after its last name, to be signed by hand
SHEETS = ("agreement", "acquaintance", "changes", "review")  # appended to the document
STANDALONE = (*SHEETS, "transfer")  # `dlo sheet KIND ID`


@dataclass(frozen=True)
class Transfer:
    """The parties of the transfer act and the original's page count, when known."""

    handed: Official | None = None
    received: Official | None = None
    pages: int | None = None


def _date(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


class Writer:
    """Collects the body's OOXML (``parts``) for one document, in the base package's styles."""

    def __init__(self, base: Base, rd: RenderDoc) -> None:
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
        """A paragraph of the forms (never the body's: ``body``), its spaces tied (``nobreak``)."""
        return ooxml.paragraph(self.ids[role], ooxml.form_runs(tied(text)) + tail)

    def table(self, key: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        widths_mm = _COLUMNS_MM[key]
        scale = self.usable_mm / sum(widths_mm)
        cells = ([tied(cell) for cell in row] for row in rows)
        heads = [tied(cell) for cell in header]
        small = _SMALL_COLUMNS.get(key, ())
        widths = [w * scale for w in widths_mm]
        self.parts.append(ooxml.table(self.ids, widths, _ROW_MM[key], heads, cells, small))

    # -- pieces of the document
    def edition(self) -> str:
        return self.labels["edition_n"].format(n=self.rd.edition)

    def title_page(self) -> None:
        rd, form = self.rd, self.form
        self.p("organisation", rd.organisation)
        heading, *lines = rd.approval_lines
        self.p("approval_heading", heading)
        for line in lines:
            self.p("approval", line)
        if rd.kind_heading:
            self.p("kind", rd.kind_heading)
            self.p("title", rd.title)
        else:  # the title names the kind: alone, in the kind's place
            self.p("name", rd.title)
        if rd.position:
            self.p("info", form["position"].format(position=rd.position))
        else:
            self.p("info", form["unit"].format(unit=rd.unit))
        self.parts.append(ooxml.paragraph(self.ids["info"], ooxml.with_code(form["code"], rd.code)))
        self.p("info", self.edition(), tail='<w:r><w:br w:type="page"/></w:r>')

    def body(self) -> None:
        """The body; each paragraph in a bookmark named after its element's id, which Word
        keeps, so that ``dlo import --onto`` knows each element again. A clause or item that
        has items leads into them: it keeps with its first item (w:keepNext), so that "10.
        Директор … обязан:" never ends a page whose next one starts with its items."""
        blocks = self.rd.blocks
        for n, block in enumerate(blocks, 1):
            role = "item2" if block.kind == "item" and block.depth > 1 else block.kind
            after = blocks[n] if n < len(blocks) else None
            leads = after is not None and after.kind == "item" and after.depth > block.depth
            self.parts.append(
                ooxml.paragraph(
                    self.ids[role],
                    ooxml.bookmark(n, bookmarks.name(block.element_id), ooxml.runs(block.line)),
                    keep_next=leads and block.kind in ("clause", "item"),
                )
            )

    def sheet_heading(self, key: str) -> None:
        """A sheet's heading, and under it the document it belongs to: its kind, title, code and
        edition; the title without the kind where it names the kind (``RenderDoc.kind_heading``)."""
        rd = self.rd
        self.p("sheet_heading", self.labels["sheet"][key]["title"])
        subtitle = ooxml.with_code(
            self.form["of_document" if rd.kind_heading else "of_named_document"],
            rd.code,
            self.edition(),
            kind=rd.kind_label,
            title=tied(inner_quotes(rd.title)),
        )
        self.parts.append(ooxml.paragraph(self.ids["sheet_subtitle"], subtitle))

    def fixed(self, value: str, corrected: bool) -> str:
        """A value a correction event fixed, marked as corrected ("(түзетілді)")."""
        return f"{value} ({self.form['corrected']})" if corrected and value else value

    def sheet(self, key: str, transfer: Transfer | None = None) -> None:
        getattr(self, f"_sheet_{key}")(self.labels["sheet"][key], transfer or Transfer())

    def _sheet_agreement(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("agreement")
        if self.rd.records.paper:
            self.p("sheet_text", self.form["paper"])
        rows = []
        for n, official in enumerate(self.rd.approvers, 1):
            mark = self.rd.records.agreements.get(official.position_id)
            date = remarks = ""
            if mark is not None:
                date = self.fixed(_date(mark.date), "date" in mark.corrected)
                remarks = self.fixed(mark.remarks, "remarks" in mark.corrected)
                if mark.decision != "agreed":
                    decision = self.form["decision"].get(mark.decision, mark.decision)
                    remarks = f"{decision}: {remarks}" if remarks else decision
            signed = labels_signed(self.labels, mark.signed) if mark is not None else ""
            rows.append([str(n), official.position, official.name, signed, date, remarks])
        self.table("agreement", labels["columns"], rows)

    def _sheet_acquaintance(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("acquaintance")
        lang = self.rd.lang
        read = [
            (a.names.get(lang, a.name), a.titles.get(lang, a.position), a)
            for a in self.rd.records.acquaintances
        ]
        rows = [
            [str(n), name, title, _date(a.date), labels_signed(self.labels, a.signed)]
            for n, (name, title, a) in enumerate(read, 1)
        ]
        signed = {name for name, _title, _a in read}
        for reader in self.rd.readers:  # who has to read it and has not yet
            if reader.name not in signed:
                rows.append([str(len(rows) + 1), reader.name, reader.position, "", ""])
        last = max(_ROWS["acquaintance"], len(rows) + _SPARE)
        rows += [[str(n), "", "", "", ""] for n in range(len(rows) + 1, last + 1)]
        self.table("acquaintance", labels["columns"], rows)

    def _sheet_changes(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("changes")
        rows = []
        for change in self.rd.records.history:
            clauses = change.clauses.shown(self.form["whole_text"], self.form["removed"])
            order = self.form["signed_approval" if change.by_signature else "order"].format(
                date=_date(change.order.date), number=change.order.number
            )
            if change.signed is not None:
                order = f"{order}; {labels_signed(self.labels, change.signed)}"
            order = self.fixed(order, bool({"date", "number"} & set(change.corrected)))
            if change.paper:
                order = f"{order}; {self.form['paper_short']}"
            entered = self.fixed(_date(change.entered), "effective" in change.corrected)
            clerk = spelled(change.entered_by, self.rd.lang)[0]
            rows.append([str(change.number), clauses, order, entered, clerk])
        rows += [[""] * 5 for _ in range(len(rows), _ROWS["changes"])]
        self.table("changes", labels["columns"], rows)

    def _sheet_review(self, labels: dict, _: Transfer) -> None:
        self.sheet_heading("review")
        rows = [
            [
                str(n),
                self.fixed(_date(r.date), "date" in r.corrected),
                spelled(r.reviewer, self.rd.lang)[0],
                self.fixed(r.result, "remarks" in r.corrected),
                labels_signed(self.labels, r.signed),
            ]
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
                    # the document's name: the title alone where it names the kind
                    f"{rd.kind_heading} «{inner_quotes(rd.title)}»"
                    if rd.kind_heading
                    else rd.title,
                    rd.code,  # breaks at its hyphen in the narrow column rather than anywhere
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
        line = ooxml.with_code(self.form["header"], rd.code, self.edition(), kind=rd.kind_label)
        organisation = self.para("header", rd.organisation)
        return self.draft_mark() + organisation + ooxml.paragraph(self.ids["header"], line)

    def draft_mark(self) -> str:
        """A draft's ЖОБА / ПРОЕКТ paragraph for the head of every page, and its text's control
        code, which an approver's ``--text`` is checked against (empty for an approved text)."""
        if not self.rd.draft_mark:
            return ""
        code = self.form["draft_code"].format(code=self.rd.text_code) if self.rd.text_code else ""
        return self.para("draft_mark", self.rd.draft_mark) + (
            self.para("header", code) if code else ""
        )

    def title_header(self) -> str:
        """The title page's header: empty (a part must hold one paragraph), or a draft's mark."""
        return self.draft_mark() or self.para("title_header")

    def footer(self) -> str:
        return ooxml.paragraph(self.ids["footer"], ooxml.page_of(self.form["page_of"]))

    def title_footer(self) -> str:
        rd = self.rd
        return self.para("title_footer", self.form["city_year"].format(city=rd.city, year=rd.year))
