"""The tree structure recognition builds: chapters, paragraphs, clauses and items as read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
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
        return f"{self.kind} {self.position}" if self.position else self.kind


@dataclass
class Tree:
    chapters: list[Node]
    preamble: list[Line]
    problems: list[Problem]
    by_chapter: bool = False  # the source numbers its clauses within each chapter
    appendix: Appendix | None = None  # the source's own sheets, not imported


@dataclass
class Sequence:
    """The source numbers of one run of siblings, for the report."""

    what: str
    last: int = 0
    last_where: dict[int, int] = field(default_factory=dict)
    count: int = 0
