"""Alignment of two editions by stable ids, not by position.

Every chapter, paragraph, clause and item is matched with the element of the same ``id`` in the
other edition. Then:

- an id only in the new edition is **added**, only in the old one **removed** (an element removed
  or added together with its parent is folded into the parent's change: deleting a clause deletes
  its items, and that is one change);
- an element whose text (or title) differs is **changed**, with a word-level difference;
- an element that now sits under another parent, or whose order among its siblings changed, is
  **moved**: it is named with its old and new numbers ("13 → 12");
- an element that only got a new number because something before it was added, removed or moved
  is **renumbered**: that is a consequence, not a change, and is listed apart.

``Comparison.rows`` is the paragraph-level alignment of the two texts that a tracked-changes
document needs: every line of the new text in order, with the lines of the old text that are gone
placed where they stood (after any new line that ends the element before them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import takewhile
from typing import TYPE_CHECKING, Any, Literal

from .. import numbering, placement
from ..errors import DloError
from ..i18n import Msg
from ..model_methods import text_in
from . import restyle, words
from .words import Segment

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Regulation, Text

What = Literal["added", "removed", "changed", "moved"]
_LEVEL = {"chapter": -2, "paragraph": -1}  # how deep an element stands; else its item depth


@dataclass(frozen=True)
class Place:
    """An element as it stands in one edition, in one language."""

    id: str
    kind: str  # chapter | paragraph | clause | item | the document's own: title, code, route.KINDS
    ref: str  # language-neutral, as printed: "ch3", "5§2", "11", "3.5.2" (numbering.reference)
    parent: str | None  # the id of the chapter, paragraph, clause or item it is in
    marker: str  # "3 тарау." / "Параграф 2." / "11." / "2)" ('' for the title)
    text: str  # the title or text
    line: str  # what is printed: marker and text as the label set joins them
    depth: int  # items: 1, 2, ...; others 0
    number: int  # its own number (chapter, paragraph in chapter, clause, item in its parent)
    chapter: int  # the chapter it is in
    clause: int  # the clause it is in (0 for chapters and paragraphs)
    path: tuple[int, ...]  # item numbers from the clause down
    note: str | None = None  # the drafter's rationale, in this language
    shown: str = ""  # as printed, of the clause or sub-clause it is or is in: "11", "3.5", "3.5.1"
    below: tuple[int, ...] = ()  # items: its path below that clause or sub-clause (numbering.named)
    paragraph: int = 0  # an item in a dashed list ("–"): the clause's paragraph it is or is in
    # the chapter it is in as printed, and its paragraph (параграф) if it is in one: "5 тарау.
    # Сипаттамасы, параграф 4. Жауапкершілік" ('' for a chapter and in a text of no chapters)
    heading: str = ""

    @property
    def anchor(self) -> str:
        """The element's anchor in the rendered HTML ("clause-11", "chapter-5-paragraph-2")."""
        return numbering.anchor(self.kind, self.number, self.chapter, self.clause, self.path)

    @property
    def prefix(self) -> str:
        """The printed line before the text: "11. ", "1 тарау. "."""
        return self.line[: len(self.line) - len(self.text)]


@dataclass
class Change:
    """One change, listed once: what happened to which element, with its old and new numbers."""

    what: What
    id: str
    kind: str
    old: Place | None
    new: Place | None
    segments: list[Segment] = field(default_factory=list)  # word diff of the text (no marker)
    text_changed: bool = False
    removed_with: list[Place] = field(default_factory=list)  # contents removed together with it
    added_with: list[Place] = field(default_factory=list)  # contents added together with it
    note: str | None = None  # the drafter's rationale for this change, if one is given
    # a clause whose items are printed in another style: its items, old and new (``restyle``)
    items: tuple[tuple[Place, ...], tuple[Place, ...]] = ((), ())

    @property
    def moved(self) -> bool:
        return self.what == "moved"

    @property
    def renumbered(self) -> bool:
        return self.old is not None and self.new is not None and self.old.ref != self.new.ref

    @property
    def old_lines(self) -> list[str]:
        return [p.line for p in ([self.old] if self.old else []) + self.removed_with]

    @property
    def new_lines(self) -> list[str]:
        return [p.line for p in ([self.new] if self.new else []) + self.added_with]


@dataclass(frozen=True)
class Row:
    """One line of the merged text: kept (``equal``, perhaps with changed words), ``delete`` (only
    in the old text) or ``insert`` (only in the new text)."""

    op: Literal["equal", "delete", "insert"]
    old: Place | None
    new: Place | None
    segments: tuple[Segment, ...]  # of the whole printed line

    @property
    def place(self) -> Place:
        place = self.new or self.old
        assert place is not None  # a row has at least one side
        return place


@dataclass
class Comparison:
    id: str
    lang: str
    old_edition: int
    new_edition: int
    old_title: str
    new_title: str
    changes: list[Change]
    renumbered: list[tuple[Place, Place]]  # (old, new) of elements that only got a new number
    rows: list[Row]

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def counts(self) -> dict[str, int]:
        whats = [change.what for change in self.changes]
        return {what: whats.count(what) for what in ("added", "removed", "changed", "moved")}


# --- the elements of one edition -------------------------------------------------------------


def _named(
    doc: Regulation, n: numbering.Numbered, clause: numbering.Numbered | None
) -> tuple[str, tuple[int, ...]]:
    """``numbering.named`` of a clause or an item ('', () for the others)."""
    if n.kind not in ("clause", "item"):
        return "", ()
    style = getattr(clause.element, "items_style", "numbered") if clause else "numbered"
    return numbering.named(numbering.clause_shown(doc, n), style, n.path)


class _Paragraphs:
    """The paragraph (абзац) of its clause each item of a dashed list is, or is in: the lines
    the clause prints counted, its own text the first, every item below it one more (an item
    inside a dashed item is counted too, and named after the dashed item it is in)."""

    def __init__(self) -> None:
        self.printed = self.dash = 0

    def of(self, n: numbering.Numbered, clause: numbering.Numbered | None) -> int:
        if n.kind == "clause":
            self.printed = 1
            return 0
        if n.kind != "item" or clause is None:
            return 0
        self.printed += 1
        if getattr(clause.element, "items_style", "numbered") != "dashed":
            return 0
        if len(n.path) == 1:
            self.dash = self.printed
        return self.dash


def _heading(parent: Place | None) -> str:
    """``Place.heading`` of an element in ``parent``."""
    if parent is None:
        return ""
    if parent.kind == "chapter":
        return parent.line
    if parent.kind == "paragraph":
        line = parent.line[:1].lower() + parent.line[1:]
        return f"{parent.heading}, {line}" if parent.heading else parent.line
    return parent.heading


def places(doc: Regulation, lang: str, labels: dict[str, Any]) -> list[Place]:
    """Every element of ``doc`` in document order, numbered and printed as the renderers print it."""
    missing: list[str] = []

    def tr(text: Text | None, what: str) -> str:
        value = text_in(text, lang, doc.main_lang)
        if value is None:
            missing.append(what)
            return ""
        return value.strip()

    result: list[Place] = []
    by_id: dict[str, Place] = {}
    clause: numbering.Numbered | None = None
    paragraphs = _Paragraphs()
    for n, (eid, parent) in zip(numbering.walk(doc), placement.parents(doc), strict=True):
        el = n.element
        assert el.id == eid
        heading = n.kind in ("chapter", "paragraph")  # (asked by kind: a snapshot's too)
        text = tr(el.title if heading else el.text, el.id)  # type: ignore[union-attr]
        depth = len(n.path)
        if n.kind == "clause":
            clause = n
        marker, line = numbering.printed(doc, n, clause, text, labels)
        note = text_in(el.note, lang, doc.main_lang) if el.note is not None else None
        result.append(
            Place(
                el.id,
                n.kind,
                numbering.reference(doc, n),
                parent,
                marker,
                text,
                line,
                depth,
                n.number,
                n.chapter,
                n.clause,
                n.path,
                note.strip() if note else None,
                *_named(doc, n, clause),
                paragraphs.of(n, clause),
                _heading(by_id.get(parent) if parent else None),
            )
        )
        by_id[el.id] = result[-1]
    if missing:
        raise DloError(
            Msg(
                "regulation {id}, edition {edition}: no {lang} text for {where}",
                id=repr(doc.id),
                edition=doc.edition,
                lang=lang,
                where=", ".join(missing[:10]) + (" ..." if len(missing) > 10 else ""),
            )
        )
    return result


def _title(doc: Regulation, lang: str) -> str:
    value = text_in(doc.title, lang, doc.main_lang)
    if value is None:
        raise DloError(
            Msg(
                "regulation {id}, edition {edition}: no {lang} title",
                id=repr(doc.id),
                edition=doc.edition,
                lang=lang,
            )
        )
    return value.strip()


# --- alignment -----------------------------------------------------------------------------------


def _nodes(found: list[Place]) -> list[placement.Node]:
    return [(p.id, p.parent, p.kind) for p in found]


def _line_segments(old: Place, new: Place) -> tuple[Segment, ...]:
    """The printed line's difference: the marker and the text are compared apart, so a number
    never lines up with a word."""
    return tuple(
        words._merge([*words.diff(old.prefix, new.prefix), *words.diff(old.text, new.text)])
    )


def _rows(old: list[Place], new: list[Place]) -> list[Row]:
    old_ids, new_ids = [p.id for p in old], [p.id for p in new]
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for o, n in zip(old[i1:i2], new[j1:j2], strict=False):
                rows.append(Row("equal", o, n, _line_segments(o, n)))
            continue
        gone = [Row("delete", o, None, (Segment(words.DELETE, o.line),)) for o in old[i1:i2]]
        came = [Row("insert", None, n, (Segment(words.INSERT, n.line),)) for n in new[j1:j2]]
        # lines that came deeper than the first gone (a sub-item, a clause) end the one before
        top = _LEVEL.get(old[i1].kind, old[i1].depth) if i1 < i2 else 99
        k = sum(1 for _ in takewhile(top.__lt__, (_LEVEL.get(n.kind, n.depth) for n in new[j1:j2])))
        rows += came[:k] + gone + came[k:]
    return rows


def _common_changes(
    old_by: dict[str, Place], new_by: dict[str, Place], kept: set[str]
) -> tuple[dict[str, Change], list[tuple[Place, Place]]]:
    """Moved and changed elements (in both editions), and those that only got a new number."""
    changes: dict[str, Change] = {}
    renumbered: list[tuple[Place, Place]] = []
    for eid in (eid for eid in new_by if eid in old_by):
        o, n = old_by[eid], new_by[eid]
        note = n.note if n.note and n.note != o.note else None
        text_changed = o.text != n.text
        if eid not in kept or text_changed:
            what: What = "changed" if eid in kept else "moved"
            diff = list(words.diff(o.text, n.text))
            changes[eid] = Change(what, eid, n.kind, o, n, diff, text_changed, note=note)
        elif o.ref != n.ref:
            renumbered.append((o, n))
    return changes, renumbered


def _top_gone(by: dict[str, Place], parent: str, other: dict[str, Place]) -> str:
    """The outermost element above ``parent`` (itself included) that ``other`` lacks."""
    top = parent
    while (up := by[top].parent) is not None and up not in other:
        top = up
    return top


def _one_sided_changes(
    changes: dict[str, Change],
    old_places: list[Place],
    new_places: list[Place],
) -> None:
    """Removed and added elements; one removed or added with its parent is listed under the
    outermost such parent (``removed_with`` / ``added_with``)."""
    old_by, new_by = {p.id: p for p in old_places}, {p.id: p for p in new_places}
    for p in old_places:
        if p.id in new_by:
            continue
        if p.parent is not None and p.parent not in new_by:  # removed with its parent
            changes[_top_gone(old_by, p.parent, new_by)].removed_with.append(p)
        else:
            deleted = [Segment(words.DELETE, p.text)]
            changes[p.id] = Change("removed", p.id, p.kind, p, None, deleted, True)
    for p in new_places:
        if p.id in old_by:
            continue
        if p.parent is not None and p.parent not in old_by:  # added with its parent
            changes[_top_gone(new_by, p.parent, old_by)].added_with.append(p)
        else:
            inserted = [Segment(words.INSERT, p.text)]
            changes[p.id] = Change("added", p.id, p.kind, None, p, inserted, True, note=p.note)


def _in_document_order(
    changes: dict[str, Change], rows: list[Row], new_by: dict[str, Place]
) -> list[Change]:
    """Changes ordered by where the element stands in the merged text (the new place for a moved
    one)."""
    position: dict[str, int] = {}
    for i, row in enumerate(rows):
        if row.op != "delete" or row.place.id not in new_by:  # (a deleted row's place is its old)
            position.setdefault(row.place.id, i)
    return sorted(changes.values(), key=lambda c: position[c.id])


def _of_document(eid: str, kind: str, old: str, new: str) -> Change:
    """A change of the document's own title or code, listed before those of its text."""
    o, n = (Place(eid, kind, kind, None, "", t, t, 0, 0, 0, 0, ()) for t in (old, new))
    return Change("changed", eid, kind, o, n, list(words.diff(old, new)), True)


def compare(
    old: Regulation,
    new: Regulation,
    labels: dict[str, Any],
    lang: str | None = None,
    fields: tuple[tuple[str, str, str], ...] = (),
) -> Comparison:
    """Compare two editions of one regulation in ``lang`` (default: the new edition's first
    language; ``labels``, its label set), the document's ``fields`` (``route.heads``) included."""
    lang = lang or new.main_lang
    old_places, new_places = places(old, lang, labels), places(new, lang, labels)
    old_by, new_by = {p.id: p for p in old_places}, {p.id: p for p in new_places}
    rows = _rows(old_places, new_places)
    changes, renumbered = _common_changes(
        old_by, new_by, placement.kept(_nodes(old_places), _nodes(new_places))
    )
    _one_sided_changes(changes, old_places, new_places)
    for cid, items in restyle.switched(old, new, old_places, new_places).items():
        if cid not in changes:  # no word of it changed: its items' markers did
            kept = [Segment(words.EQUAL, new_by[cid].text)]
            changes[cid] = Change("changed", cid, "clause", old_by[cid], new_by[cid], kept)
        changes[cid].items = items
    ordered = _in_document_order(changes, rows, new_by)
    old_title, new_title = _title(old, lang), _title(new, lang)
    heads = (("title", old_title, new_title), ("code", old.code or "", new.code or ""), *fields)
    ordered[:0] = [_of_document(new.id, kind, a, b) for kind, a, b in heads if a != b]
    return Comparison(
        new.id, lang, old.edition, new.edition, old_title, new_title, ordered, renumbered, rows
    )
