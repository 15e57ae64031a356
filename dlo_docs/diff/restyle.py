"""Clauses whose items are printed in another style ("1)", "–" or sub-clauses "11.1.", the
clause's ``items_style``) in the new edition: a change of the printed text with no word changed,
which the comparison lists as a change of the clause (as the change registration sheet does),
its items shown with their old and new markers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Regulation
    from .align import Place


def _styles(doc: Regulation) -> dict[str, str]:
    return {cl.id: getattr(cl, "items_style", "numbered") for _, _, cl in doc.clauses()}


def switched(
    old: Regulation, new: Regulation, old_places: list[Place], new_places: list[Place]
) -> dict[str, tuple[tuple[Place, ...], tuple[Place, ...]]]:
    """Clause id -> (its items in the old edition, in the new one) for every clause of both
    editions whose items are printed in another style and that has items in either."""
    before, after = _styles(old), _styles(new)
    found: dict[str, tuple[tuple[Place, ...], tuple[Place, ...]]] = {}
    for cid, style in after.items():
        if before.get(cid, style) == style:
            continue
        items = (
            tuple(p for p in old_places if p.parent == cid),
            tuple(p for p in new_places if p.parent == cid),
        )
        if items[0] or items[1]:
            found[cid] = items
    return found
