"""Computed numbers. Chapters 1..N; paragraphs 1..N within their chapter; clauses 1..N through
the whole document; items 1..N within their clause, items of items within their item."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Chapter, Clause, Item, Paragraph, Regulation


@dataclass(frozen=True)
class Numbered:
    kind: str  # "chapter" | "paragraph" | "clause" | "item"
    element: Chapter | Paragraph | Clause | Item
    number: int  # the element's own number
    clause: int  # the clause it is in (0 for chapters and paragraphs)
    path: tuple[int, ...]  # item numbers from the clause down (empty for others)
    chapter: int
    in_chapter: int = 0  # clauses: the clause's number within its chapter


def clause_shown(doc: Regulation, n: Numbered) -> str:
    """A clause's number as printed, without punctuation: "11", or "3.5" when the document
    numbers its clauses within each chapter."""
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
            yield Numbered("item", item, n, clause_no, (*path, n), ch_no)
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


def reference(n: Numbered) -> str:
    """A language-neutral reference: "3" (chapter 3), "§2" (paragraph), "11" (clause), "11.2" (item)."""
    if n.kind == "item":
        return ".".join(str(p) for p in (n.clause, *n.path))
    if n.kind == "paragraph":
        return f"{n.chapter}§{n.number}"
    if n.kind == "chapter":
        return f"ch{n.number}"
    return str(n.number)


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


def numbers(doc: Regulation) -> dict[str, str]:
    """Element id → language-neutral reference (see ``reference``)."""
    return {n.element.id: reference(n) for n in walk(doc)}
