"""How a comparison names elements, in the document's language ("11-тармақтың 3) тармақшасы",
"Подпункт 3) пункта 11") and in the neutral notation of the CLI ("11.3")."""

from __future__ import annotations

from typing import Any

from ..numbering import item_marker
from . import lookalike, route, spacing
from .align import Change, Comparison, Place
from .words import DELETE, EQUAL, INSERT, Segment


def _item_marker(place: Place, labels: dict[str, Any], skip: int = 0) -> str:
    """The markers of an item and the items it is in, below the clause or sub-clause it is
    named after (``Place.below``), the first ``skip`` left out: "3) а)", "а)" in sub-clause
    3.5.3."""
    top = len(place.path) - len(place.below)
    below = list(enumerate(place.below, 1))[skip:]
    return " ".join(item_marker(n, top + d, labels) for d, n in below)


def _paragraph_name(place: Place, element: dict[str, str], labels: dict[str, Any]) -> str:
    """An item of a dashed list, printed "–", named by the clause's paragraph (абзац) it is
    (``Place.paragraph``: "Абзац 4 пункта 10"), and an item inside it by its marker in that
    paragraph."""
    n = place.paragraph
    if len(place.below) == 1:
        return element["indent"].format(n=n, clause=place.shown)
    item = _item_marker(place, labels, skip=1)
    return element["indent_item"].format(item=item, n=n, clause=place.shown)


def name(place: Place, labels: dict[str, Any]) -> str:
    """The element's name in the document's language, numbered as the document prints it."""
    element: dict[str, str] = labels["diff"]["element"]
    if place.kind in ("title", "code", *route.KINDS):
        return element[place.kind]
    if place.kind == "chapter":
        return element["chapter"].format(n=place.number)
    if place.kind == "paragraph":
        return element["paragraph"].format(n=place.number, chapter=place.chapter)
    if place.kind == "clause" or not place.below:  # a clause, or a sub-clause
        return element["clause"].format(n=place.shown)
    if place.paragraph:
        return _paragraph_name(place, element, labels)
    return element["item"].format(item=_item_marker(place, labels), clause=place.shown)


def change_name(change: Change, labels: dict[str, Any]) -> str:
    """ "Пункт 13 → Пункт 12 (перенесен)" for a moved element, else the one name that applies;
    "Пункт 7 (изменены только пробелы)" for a text changed in its spacing alone; each character
    replaced by one that prints the same said in words (``lookalike.said``)."""
    old = name(change.old, labels) if change.old else None
    new = name(change.new, labels) if change.new else None
    if old and new and old != new:
        text = f"{old} → {new}"
    else:
        text = new or old or ""
    if change.moved:
        text += f" ({labels['diff']['moved']})"
    if change.text_changed and spacing.only(change.segments):
        text += f" ({labels['diff']['spacing_only']})"
    if any(change.items):
        text += f" ({labels['diff']['restyled']})"
    if change.text_changed and (swapped := lookalike.said(change.segments, labels)):
        text += f" ({'; '.join(swapped)})"
    return text


def moved_places(change: Change, labels: dict[str, Any]) -> list[str]:
    """Where a moved element was and is, by the chapter (and paragraph) as the document prints
    them: "Прежнее место: Глава 5. …, параграф 4. …" and "Новое место: …", or one line
    "Расположение: …" when it stays in them; none for anything else (or a text of no chapters)."""
    if not change.moved or change.old is None or change.new is None:
        return []
    words: dict[str, str] = labels["diff"]
    old, new = change.old.heading, change.new.heading
    if old == new:
        return [words["moved_within"].format(place=new)] if new else []
    return [
        words[key].format(place=place)
        for key, place in (("moved_from", old), ("moved_to", new))
        if place
    ]


def rows(
    comparison: Comparison, labels: dict[str, Any], reason: str | None
) -> list[dict[str, Any]]:
    """The rows of the comparison table, as the DOCX table and the HTML page print them: the
    number ``n``, the ``change``, its ``name`` and where a moved one was and is (``places``), the
    two wordings ``old`` and ``new`` (``side``), the ``rationale`` (the drafter's note, else the
    revision's ``reason``)."""
    return [
        {
            "n": n,
            "change": change,
            "name": change_name(change, labels),
            "places": moved_places(change, labels),
            "old": side(change, "old"),
            "new": side(change, "new"),
            "rationale": change.note or reason or "",
        }
        for n, change in enumerate(comparison.changes, 1)
    ]


def legends(comparison: Comparison, labels: dict[str, Any]) -> list[str]:
    """What the marks of a table mean: the changed words' and, when some white space changed,
    the marks that show it (``spacing.visible``)."""
    words = labels["diff"]
    found = [words["legend"]]
    if any(spacing.marked(change.segments) for change in comparison.changes):
        found.append(words["spacing_legend"].format(space=spacing.SPACE, other=spacing.OTHER))
    return found


def unchanged(comparison: Comparison, labels: dict[str, Any]) -> str:
    """What a table with no change says: that nothing changed, or, when only the numbers as
    printed did (the document's ``numbering`` switched), that."""
    return str(labels["diff"]["renumbered_only" if comparison.renumbered else "no_changes"])


def ref(change: Change) -> str:
    """The neutral notation: "11.3", "13 → 12", "ch6"."""
    old = change.old.ref if change.old else None
    new = change.new.ref if change.new else None
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old or ""


def side(change: Change, which: str) -> list[list[Segment]] | None:
    """One wording of a change for a two-column view (``which`` is "old" or "new"): a list of
    lines, each a list of segments; the segments that differ are DELETE (old) or INSERT (new),
    white space among them in marks (``spacing.visible``). None when the element does not exist
    on that side."""
    place = change.old if which == "old" else change.new
    if place is None:
        return None
    show = DELETE if which == "old" else INSERT
    if change.text_changed and change.what in ("changed", "moved"):
        first = [
            Segment(EQUAL, place.prefix),
            *(s for s in spacing.visible(change.segments) if s.op in (EQUAL, show)),
        ]
    else:
        first = [Segment(EQUAL, place.line)]
    extra = change.removed_with if which == "old" else change.added_with
    lines = [[Segment(EQUAL, p.line)] for p in extra]
    items = change.items[0] if which == "old" else change.items[1]
    lines += [[Segment(show, p.marker), Segment(EQUAL, p.line[len(p.marker) :])] for p in items]
    return [[s for s in first if s.text], *lines]
