"""The tracked-changes ("redline") copy's paragraphs as OOXML strings, with their revision marks
(``render/docx_diff.py`` puts them in a document): an inserted run is ``<w:ins …><w:r>…</w:r></w:ins>``,
a deleted one ``<w:del …><w:r><w:delText>…</w:delText></w:r></w:del>``, and a paragraph mark of
a paragraph only one text has is marked inserted or deleted (``w:pPr/w:rPr/w:ins``, ``w:del``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import count
from xml.sax.saxutils import escape, quoteattr

from ..diff import words
from ..diff.align import Place, Row
from ..diff.words import DELETE, EQUAL, INSERT, Segment
from .docx import STYLE
from .docx.ooxml import xml_safe as _clean


class Marks:
    """Revision marks with unique ids, one author and one date, as OOXML strings."""

    def __init__(self, author: str, date: dt.datetime, ids: Iterator[int] | None = None) -> None:
        when = date.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.attrs = f'w:author={quoteattr(_clean(author))} w:date="{when}"'
        self.ids = count(1) if ids is None else ids  # shared: ids are unique in a document

    def open(self, tag: str) -> str:
        return f'<{tag} w:id="{next(self.ids)}" {self.attrs}>'

    def empty(self, tag: str) -> str:
        return f'<{tag} w:id="{next(self.ids)}" {self.attrs}/>'


def run(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{escape(_clean(text))}</{tag}></w:r>'


def tracked_paragraph(
    style_id: str,
    segments: Iterable[tuple[Segment, Marks]],
    marks: Marks,
    mark: str | None,
    keep_next: bool = False,
) -> str:
    """A paragraph whose runs carry the segments' revision marks, each made by the marks given
    with it; ``mark`` ("w:ins"/"w:del") marks the paragraph mark itself as inserted or deleted;
    ``keep_next``: on the same page as the next paragraph (a lead-in, as the official document
    keeps it)."""
    ppr = f'<w:pStyle w:val="{style_id}"/>' + ("<w:keepNext/>" if keep_next else "")
    if mark is not None:
        ppr += f"<w:rPr>{marks.empty(mark)}</w:rPr>"
    parts = [f"<w:p><w:pPr>{ppr}</w:pPr>"]
    for seg, by in segments:
        if not seg.text:
            continue
        if seg.op == EQUAL:
            parts.append(run(seg.text))
        else:
            tag = "w:ins" if seg.op == INSERT else "w:del"
            parts.append(f"{by.open(tag)}{run(seg.text, deleted=seg.op == DELETE)}</{tag}>")
    parts.append("</w:p>")
    return "".join(parts)


def leads(place: Place, after: Place | None) -> bool:
    """A clause or item leading into items keeps with the first of them, as ``dlo render``
    prints it: "10. … обязан:" never ends a page whose next one starts with its items."""
    return (
        after is not None
        and place.kind in ("clause", "item")
        and after.kind == "item"
        and after.depth > place.depth
    )


def row_segments(row: Row, marks: Marks, numbering: Marks) -> list[tuple[Segment, Marks]]:
    """A row's segments with the marks of each: a kept element's new number alone (the
    renumbering another change caused) is a revision of ``numbering``, its text's of ``marks``."""
    old, new = row.old, row.new
    if row.op != "equal" or old is None or new is None or old.prefix == new.prefix:
        return [(s, marks) for s in row.segments]
    return [(s, numbering) for s in words.diff(old.prefix, new.prefix)] + [
        (s, marks) for s in words.diff(old.text, new.text)
    ]


def style(place: Place) -> str:
    if place.kind == "item" and place.depth > 1:
        return STYLE["item2"]
    return STYLE[place.kind]
