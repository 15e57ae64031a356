"""Which elements of a regulation kept their place from one edition to the next: the one rule
of a **moved** element, shared by the comparison (``diff.align``) and the change registration
sheet's list of changed clauses (``workflow.forms``).

An element in both editions kept its place when it has the same parent and kind in both and
keeps its order among the siblings that did too (a longest common subsequence, as difflib finds
it); any other element in both moved. One that only got a new number, because something before
it was added, removed or moved, kept its place.

- ``parents(doc)``: (id, parent id) of every element, in the order of ``numbering.walk``;
- ``nodes(doc)``: (id, parent id, kind) of every element, in that order;
- ``kept(old, new)``: the ids that kept their place, of (id, parent id, kind) in document order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from . import numbering

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .model import Clause, Item, Regulation

Node = tuple[str, str | None, str]  # id, parent id, kind


def parents(doc: Regulation) -> Iterator[tuple[str, str | None]]:
    """(element id, parent id) in the order of ``numbering.walk``."""

    def items(entries: list[Item], parent: str) -> Iterator[tuple[str, str | None]]:
        for item in entries:
            yield item.id, parent
            yield from items(item.items, item.id)

    def clause(cl: Clause, parent: str) -> Iterator[tuple[str, str | None]]:
        yield cl.id, parent
        yield from items(cl.items, cl.id)

    for chapter in doc.chapters:
        yield chapter.id, None
        for cl in chapter.clauses:
            yield from clause(cl, chapter.id)
        for paragraph in chapter.paragraphs:
            yield paragraph.id, chapter.id
            for cl in paragraph.clauses:
                yield from clause(cl, paragraph.id)


def nodes(doc: Regulation) -> list[Node]:
    """(id, parent id, kind) of every element of ``doc``, in the order of ``numbering.walk``."""
    return [
        (eid, parent, n.kind)
        for n, (eid, parent) in zip(numbering.walk(doc), parents(doc), strict=True)
    ]


def _in_order(old_order: list[str], new_order: list[str]) -> set[str]:
    """Ids that keep their relative order (a longest common subsequence, as difflib finds it)."""
    matcher = SequenceMatcher(None, old_order, new_order, autojunk=False)
    return {
        eid
        for block in matcher.get_matching_blocks()
        for eid in old_order[block.a : block.a + block.size]
    }


def kept(old: Sequence[Node], new: Sequence[Node]) -> set[str]:
    """Ids of the elements that kept their parent, their kind and their order among siblings."""
    old_by = {eid: (parent, kind) for eid, parent, kind in old}
    same_parent = {eid for eid, parent, kind in new if old_by.get(eid) == (parent, kind)}
    old_children: dict[str | None, list[str]] = {}
    new_children: dict[str | None, list[str]] = {}
    for found, children in ((old, old_children), (new, new_children)):
        for eid, parent, _ in found:
            if eid in same_parent:
                children.setdefault(parent, []).append(eid)
    result: set[str] = set()
    for parent, new_order in new_children.items():
        result |= _in_order(old_children.get(parent, []), new_order)
    return result
