"""What of a DOCX's body is read, between the reader's blocks: our own output's text, and the
paragraphs Track Changes joined.

A DOCX that ``dlo render`` made is read by its body styles only (``wordml``): the title page
before the text and the sheets after it are printed from the data. What a Word user put in the
text in another style — a paragraph pasted from another document with its own style and list
numbering, one typed in Normal, a table — cannot be told a chapter, paragraph, clause or item:
it is not imported, and is said at its place (DLO504), never left out silently. The text runs
from its first body paragraph to the first sheet's title.

A paragraph whose mark was deleted with Track Changes on is one paragraph with the next once
the change is accepted (``join``), as the text is read (``revisions``).
"""

from __future__ import annotations

from dataclasses import replace
from xml.etree import ElementTree as ET

from ..errors import Location, Problem, warning
from ..i18n import Msg
from .source import Line, normalise
from .wordstyles import W

LEFT_OUT = "DLO504"  # text that fitted no structure (structure.UNSTRUCTURED)
SHEET = "dlo sheet heading"  # the title of each sheet after the text
BODY = frozenset({"dlo clause", "dlo item", "dlo item 2", "heading 1", "heading 2"})
TITLE = frozenset({"dlo document title", "dlo document name"})  # the title on the title page
PICTURES = (W + "drawing", W + "pict", W + "object")  # DrawingML, VML, an embedded object


class Body:
    """Where the blocks of our own DOCX stand, and what of its text is left out, said."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.begun = self.ended = False
        self.problems: list[Problem] = []
        self.title: list[Line] = []  # the title page's title, as the file has it

    @property
    def inside(self) -> bool:
        """The block is in the text (after its first body paragraph, before the sheets)."""
        return self.begun and not self.ended

    def paragraph(self, name: str, lines: list[Line]) -> bool:
        """Whether a paragraph of style ``name`` is read (else it is said, if in the text)."""
        if name in BODY:
            self.begun = True
            return True
        self.ended = self.ended or name == SHEET
        if name in TITLE and not self.begun:
            self.title += lines
        shown = " ".join(line.text for line in lines if line.text)
        if self.inside and shown:
            self.problems.append(
                warning(
                    Location(self.path, lines[0].where, 1),
                    LEFT_OUT,
                    Msg(
                        "a paragraph in the style {style}, not a chapter's, paragraph's, "
                        "clause's or item's, was not imported: {text}",
                        style=repr(name),
                        text=quoted(shown),
                    ),
                    Msg(
                        "in Word, give it the style of the element it is (Heading 1, Heading 2, "
                        "DLO Clause, DLO Item) and import again, or write it in regulation.yaml"
                    ),
                )
            )
        return False

    def pictures(self, p: ET.Element, name: str, at: int, lines: list[Line]) -> None:
        """A picture, chart or embedded object in paragraph ``p`` (number ``at``, style
        ``name``, its text ``lines``) of the text: said (a text box is said as such, by
        ``boxes``)."""
        inside = (self.begun or name in BODY) and not (self.ended or name == SHEET)
        if inside and any(
            el.tag in PICTURES and el.find(f".//{W}txbxContent") is None for el in p.iter()
        ):
            shown = " ".join(line.text for line in lines if line.text and line.hint != "box")
            self.problems.append(
                warning(
                    Location(self.path, at, 1),
                    LEFT_OUT,
                    Msg("a picture in the text was not imported, in {text}", text=quoted(shown))
                    if shown
                    else Msg("a picture on a line of its own in the text was not imported"),
                    Msg(
                        "a regulation's text holds no pictures: say in the clause what it shows, "
                        "or keep the picture in a document of its own"
                    ),
                )
            )

    def table(self, rows: list[Line]) -> None:
        """A table in the text: said, with its rows' text."""
        shown = "; ".join(line.text for line in rows if line.text)
        if shown:
            self.problems.append(
                warning(
                    Location(self.path, rows[0].where, 1),
                    LEFT_OUT,
                    Msg("a table in the text was not imported: {text}", text=quoted(shown)),
                    Msg(
                        "a regulation's text holds no tables: write its rows as a clause's "
                        "items in Word, or in regulation.yaml"
                    ),
                )
            )


def quoted(text: str, n: int = 200) -> str:
    return f"«{text if len(text) <= n else text[: n - 1] + '…'}»"


def join(held: list[Line], found: list[Line]) -> list[Line]:
    """A paragraph whose mark was deleted (its lines ``held``) joined to the next (``found``):
    the text runs on, a space between them only where one of them has it; the joined line keeps
    the first paragraph's place, style and number and both paragraphs' bookmarks."""
    if not found or not held:
        return held + found
    last, first = held[-1], found[0]
    tail = last.pieces[-1] if last.pieces else last.text
    head = first.pieces[0] if first.pieces else first.text
    gap = " " if tail[-1:].isspace() or head[:1].isspace() else ""
    merged = replace(
        last,
        text=normalise(last.text + gap + first.text),
        marks=last.marks + first.marks,
        pieces=(*last.pieces[:-1], tail + head, *first.pieces[1:]),
        raw="",
    )
    return [*held[:-1], merged, *found[1:]]


def title_changed(
    title: list[Line], expected: str, path: str, shown: str = "", where: Location | None = None
) -> list[Problem]:
    """A warning where the title page's title is not the regulation's (edited in Word): the title
    page is printed from the data, and its lines are not imported (DLO505). The title as the
    file has it: its ``title`` lines, or ``shown`` at ``where``."""
    shown = shown or " ".join(line.text for line in title if line.text)
    if not shown or " ".join(shown.split()) == " ".join(expected.split()):
        return []
    return [
        warning(
            where or Location(path, title[0].where, 1),
            "DLO505",
            Msg(
                "the title on the title page reads {text}, not the regulation's title; the title "
                "page is printed from regulation.yaml and was not imported",
                text=quoted(shown),
            ),
            Msg("to rename the regulation, change title: in regulation.yaml"),
        )
    ]
