"""The tree structure recognition builds: chapters, paragraphs, clauses and items as read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import Problem
from ..i18n import Msg
from .appendix import Appendix
from .source import Line


@dataclass
class Node:
    kind: str  # chapter | paragraph | clause | item
    text: str  # title for chapters and paragraphs
    number: str | None
    where: int
    clauses: list[Node] = field(default_factory=list)  # chapters and paragraphs
    paragraphs: list[Node] = field(default_factory=list)  # chapters
    items: list[Node] = field(default_factory=list)  # clauses and items
    states: str | None = None
    ref: str | None = None
    style: str = ""  # items: how the source marked them (num | letter | bullet | dotted | row)
    # computed while building: the element's own number in the output
    position: int = 0

    def label(self) -> str:
        """ "clause 5", "item 2"...: a message, in the interface language where printed."""
        n = self.position
        if self.kind == "chapter":
            return Msg("chapter {n}", n=n) if n else Msg("chapter")
        if self.kind == "paragraph":
            return Msg("paragraph {n}", n=n) if n else Msg("paragraph")
        if self.kind == "clause":
            return Msg("clause {n}", n=n) if n else Msg("clause")
        if self.kind == "item":
            return Msg("item {n}", n=n) if n else Msg("item")
        return f"{self.kind} {n}" if n else self.kind


def word(kind: str) -> str:
    """The name of a kind of element, as a message ("clause"...)."""
    return {
        "chapter": Msg("chapter"),
        "paragraph": Msg("paragraph"),
        "clause": Msg("clause"),
        "item": Msg("item"),
        "sub-item": Msg("sub-item"),
    }.get(kind, kind)


@dataclass
class Tree:
    chapters: list[Node]
    preamble: list[Line]
    problems: list[Problem]
    by_chapter: bool = False  # the source numbers its clauses within each chapter
    appendix: Appendix | None = None  # the source's own sheets, not imported

    def clause_numbers(self) -> dict[int, str]:
        """id(clause) -> its number as the imported regulation prints it: "18", or "8.2" when
        the source numbers its clauses within each chapter."""
        numbers: dict[int, str] = {}
        for n, chapter in enumerate(self.chapters, 1):
            inside = chapter.clauses + [c for p in chapter.paragraphs for c in p.clauses]
            for k, clause in enumerate(inside, 1):
                numbers[id(clause)] = f"{n}.{k}" if self.by_chapter else str(len(numbers) + 1)
        return numbers

    def shown(self, numbers: dict[int, str], clause: Node) -> str:
        """A clause as a message names it: as the source numbers it ("8.2"), else as the
        imported regulation will (``numbers``: ``clause_numbers``); the source's own number
        alone, "2" under chapter 8 in a list that starts again in each chapter, would mislead."""
        if self.by_chapter or not clause.number:
            return numbers[id(clause)]
        return clause.number


@dataclass
class Sequence:
    """The source numbers of one run of siblings, for the report."""

    what: str
    last: int = 0
    last_where: dict[int, int] = field(default_factory=dict)
    count: int = 0


def clauses(chapters: list[Node]) -> Iterator[tuple[Node, Node]]:
    """(chapter, clause) in document order."""
    for chapter in chapters:
        for clause in chapter.clauses:
            yield chapter, clause
        for paragraph in chapter.paragraphs:
            for clause in paragraph.clauses:
                yield chapter, clause


def all_items(items: list[Node]) -> Iterator[Node]:
    for item in items:
        yield item
        yield from all_items(item.items)


def full_text(clause: Node) -> str:
    return " ".join([clause.text, *(item.text for item in all_items(clause.items))])
