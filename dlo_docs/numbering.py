"""Computed numbers. Chapters 1..N; paragraphs 1..N within their chapter; clauses 1..N through
the whole document; items 1..N within their clause, items of items within their item.

And how an element's number is printed in a language (``marker``, ``printed``): the one place
the renderers, the site and the comparison take it from; and how a message names an element
(``label``: "clause 10 item 2"), in a valid document or in one still to be validated
(``element_names``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from .i18n import Msg

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .model import Chapter, Clause, Item, Paragraph, Regulation


@dataclass(frozen=True)
class Numbered:
    """A chapter, paragraph, clause or item with the numbers it is printed and cited with."""

    kind: str  # "chapter" | "paragraph" | "clause" | "item"
    element: Chapter | Paragraph | Clause | Item
    number: int  # the element's own number
    clause: int  # the clause it is in (0 for chapters and paragraphs)
    path: tuple[int, ...]  # item numbers from the clause down (empty for others)
    chapter: int
    in_chapter: int = 0  # clauses and items: the (item's) clause's number within its chapter


def clause_shown(doc: Regulation, n: Numbered) -> str:
    """The number as printed, without punctuation, of a clause or of the clause an item is in:
    "11", or "3.5" when the document numbers its clauses within each chapter."""
    if doc.numbering == "chapter":
        return f"{n.chapter}.{n.in_chapter}"
    return str(n.clause)


def walk(doc: Regulation) -> Iterator[Numbered]:
    """Every element in document order, with its computed number."""
    clause_no = 0
    in_chapter = 0

    def clause(ch_no: int, cl: Clause) -> Iterator[Numbered]:
        nonlocal clause_no, in_chapter
        clause_no += 1
        in_chapter += 1
        yield Numbered("clause", cl, clause_no, clause_no, (), ch_no, in_chapter)
        yield from items(ch_no, cl.items, ())

    def items(ch_no: int, entries: list[Item], path: tuple[int, ...]) -> Iterator[Numbered]:
        for n, item in enumerate(entries, 1):
            yield Numbered("item", item, n, clause_no, (*path, n), ch_no, in_chapter)
            yield from items(ch_no, item.items, (*path, n))

    for ch_no, chapter in enumerate(doc.chapters, 1):
        in_chapter = 0
        yield Numbered("chapter", chapter, ch_no, 0, (), ch_no)
        for cl in chapter.clauses:
            yield from clause(ch_no, cl)
        for p_no, paragraph in enumerate(chapter.paragraphs, 1):
            yield Numbered("paragraph", paragraph, p_no, 0, (), ch_no)
            for cl in paragraph.clauses:
                yield from clause(ch_no, cl)


def reference(doc: Regulation, n: Numbered) -> str:
    """A language-neutral reference, numbered as the document prints it: "ch3" (chapter 3),
    "3§2" (paragraph), "11" or "3.5" (clause, see ``clause_shown``), "11.2" or "3.5.2" (item)."""
    if n.kind == "item":
        return ".".join((clause_shown(doc, n), *(str(p) for p in n.path)))
    if n.kind == "paragraph":
        return f"{n.chapter}§{n.number}"
    if n.kind == "chapter":
        return f"ch{n.number}"
    return clause_shown(doc, n)


def anchor(kind: str, number: int, chapter: int, clause: int, path: tuple[int, ...]) -> str:
    """The HTML anchor of an element: "chapter-5", "chapter-5-paragraph-2", "clause-11",
    "clause-11-2" (item 2 of clause 11); the same in every output that links to a clause."""
    if kind == "chapter":
        return f"chapter-{number}"
    if kind == "paragraph":
        return f"chapter-{chapter}-paragraph-{number}"
    if kind == "clause":
        return f"clause-{number}"
    if kind == "item":
        return f"clause-{clause}-" + "-".join(str(p) for p in path)
    return ""


# -- printing -----------------------------------------------------------------------------------

LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def item_number(number: int, depth: int, labels: Mapping[str, Any]) -> str:
    """How an item's number is shown: an item of a clause (depth 1) by its number, an item of an
    item by a letter (the label set's ``subitem_letters``, Latin when it has none; after the last
    letter they start again)."""
    if depth <= 1:
        return str(number)
    letters = labels.get("subitem_letters") or LATIN_LETTERS
    return str(letters[(number - 1) % len(letters)])


def item_marker(number: int, depth: int, labels: Mapping[str, Any]) -> str:
    """An item's marker in a language: "3)", "а)"."""
    return str(labels["item"].format(n=item_number(number, depth, labels)))


def subclause(n: Numbered, clause: Numbered | None) -> bool:
    """Whether item ``n`` is a sub-clause: an item of a clause (``clause``) whose items are
    numbered as clauses ("3.5.1.")."""
    return (
        n.kind == "item"
        and len(n.path) == 1
        and clause is not None
        and clause.kind == "clause"
        and clause.element.items_style == "subclauses"  # type: ignore[union-attr]  # a clause's
    )


def named(shown: str, items_style: str, path: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """How an element is named after the document's print: (the number of the clause or
    sub-clause it is or is in, its item path below that). ``shown``: its clause's number
    (``clause_shown``); ``items_style``: that clause's. Clause 3.5 → ("3.5", ()); its item 2 →
    ("3.5", (2,)), or ("3.5.2", ()) when its items are sub-clauses, whose item 1 ("а)") is
    ("3.5.2", (1,))."""
    if items_style == "subclauses" and path:
        return f"{shown}.{path[0]}", path[1:]
    return shown, path


# the clauses of a document as its readers number them: global clause number → (the number as
# printed, "11" or "3.5"; the clause's items_style)
ClauseNumbers = dict[int, tuple[str, str]]


def clause_numbers(doc: Regulation, numbered: list[Numbered]) -> ClauseNumbers:
    return {
        n.number: (clause_shown(doc, n), getattr(n.element, "items_style", "numbered"))
        for n in numbered
        if n.kind == "clause"
    }


def label(n: Numbered, clauses: ClauseNumbers | None = None) -> Msg:
    """A readable, language-neutral name of a numbered element (shown in the interface
    language), numbered as the document prints it when ``clauses`` is given: "clause 3.5" in a
    document that numbers its clauses within chapters, "clause 3.5.1" for a sub-clause."""
    if n.kind == "chapter":
        return Msg("chapter {n}", n=n.number)
    if n.kind == "paragraph":
        return Msg("chapter {chapter} paragraph {n}", chapter=n.chapter, n=n.number)
    shown, style = (clauses or {}).get(n.clause, (str(n.clause), "numbered"))
    number, below = named(shown, style, n.path)  # "3.5", or a sub-clause's "3.5.1"
    if not below:
        return Msg("clause {n}", n=number)
    return Msg("clause {clause} item {n}", clause=number, n=".".join(str(p) for p in below))


# what each element lists, as the model names it
_PARTS = {
    "chapters": ("clauses", "paragraphs"),
    "paragraphs": ("clauses",),
    "clauses": ("items",),
    "items": ("items",),
}


def _outline(node: Any, loc: tuple[str | int, ...], parts: tuple[str, ...]) -> SimpleNamespace:
    """An element of data not validated yet, as ``walk`` reads one of the model: its lists of
    elements (each entry counts, whatever it holds; a list that is none is empty), its
    ``items_style``, and ``loc``, the path to it."""
    mapping = node if isinstance(node, dict) else {}
    found = SimpleNamespace(loc=loc)
    style = mapping.get("items_style")
    if isinstance(style, str):
        found.items_style = style
    for part in parts:
        entries = mapping.get(part)
        entries = entries if isinstance(entries, list) else []
        setattr(
            found,
            part,
            [_outline(e, (*loc, part, i), _PARTS[part]) for i, e in enumerate(entries)],
        )
    return found


def element_names(data: Any) -> dict[tuple[str | int, ...], Msg]:
    """Each element of a regulation's data as YAML read it (not validated: an error in it is
    being reported) by its path in the data (``("chapters", 2, "clauses", 3)``), named as the
    document numbers it ("clause 10"); none in data without chapters."""
    if not isinstance(data, dict):
        return {}
    doc: Any = _outline(data, (), ("chapters",))  # read as ``walk`` reads a Regulation
    doc.numbering = data.get("numbering")
    numbered = list(walk(doc))
    clauses = clause_numbers(doc, numbered)
    return {vars(n.element)["loc"]: label(n, clauses) for n in numbered}


def marker(doc: Regulation, n: Numbered, clause: Numbered | None, labels: Mapping[str, Any]) -> str:
    """The marker printed before a clause or an item: "11." ("3.5." when the document numbers its
    clauses within each chapter), "3)", "а)" for an item of an item, "–" in a dashed list,
    "3.5.1." for a sub-clause. ``clause`` is the clause an item is in."""
    if n.kind == "clause":
        return str(labels["clause"].format(n=clause_shown(doc, n)))
    depth = len(n.path)
    if depth > 1 or clause is None or clause.kind != "clause":
        return item_marker(n.number, depth, labels)
    if subclause(n, clause):
        return str(labels["clause"].format(n=f"{clause_shown(doc, clause)}.{n.number}"))
    if clause.element.items_style == "dashed":  # type: ignore[union-attr]  # a clause's
        return str(labels.get("dash", "–"))
    return item_marker(n.number, depth, labels)


def printed(
    doc: Regulation,
    n: Numbered,
    clause: Numbered | None,
    text: str,
    labels: Mapping[str, Any],
) -> tuple[str, str]:
    """(marker, line) of an element as every output prints it: a chapter or paragraph through its
    label with its title ("3 тарау. Құқықтары" → marker "3 тарау."), a clause or an item by its
    ``marker`` followed by its text. ``clause`` is the clause an item is in."""
    if n.kind in ("chapter", "paragraph"):
        line = str(labels[n.kind].format(n=n.number, title=text))
        return line[: len(line) - len(text)].strip(), line
    shown = marker(doc, n, clause, labels)
    return shown, f"{shown} {text}"
