"""The comparison as plain text for the terminal (``dlo diff --format text``).

Messages are English; the texts are the document's own. Changed words are marked wdiff-style:
``[-deleted-]`` and ``{+inserted+}``, changed white space in marks (``[-·-]{+°+}``: a space became a
no-break one; ``spacing.visible``). References are neutral: "11" is clause 11, "11.3" item 3)
of clause 11, "5§2" paragraph 2 of chapter 5, "ch6" chapter 6.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import spacing
from .align import Change, Comparison
from .names import ref
from .words import markup

KIND = {
    "title": "title",
    "chapter": "chapter",
    "paragraph": "paragraph",
    "clause": "clause",
    "item": "item",
}


def _describe(change: Change) -> str:
    where = ref(change)
    what: str = change.what
    if change.moved:
        old_parent = change.old.parent if change.old else None
        new_parent = change.new.parent if change.new else None
        what = "moved" if old_parent == new_parent else f"moved from {old_parent} to {new_parent}"
        if change.text_changed:
            what += ", text changed"
    if change.text_changed and spacing.only(change.segments):
        what += " (spacing only)"
    extra = ""
    if change.removed_with:
        extra = f" (with {len(change.removed_with)} element(s) in it)"
    elif change.added_with:
        extra = f" (with {len(change.added_with)} element(s) in it)"
    place = change.new or change.old
    sub = place is not None and place.kind == "item" and not place.below  # printed "3.5.1."
    return f"{KIND['clause' if sub else change.kind]} {where} [{change.id}]: {what}{extra}"


def _places(change: Change) -> list[str]:
    """Where a moved element was and is, by the chapter (and paragraph) the document prints."""
    if not change.moved or change.old is None or change.new is None:
        return []
    old, new = change.old.heading, change.new.heading
    if old == new:
        return [f"   in: {new}"] if new else []
    return [f"   {where}: {place}" for where, place in (("from", old), ("to", new)) if place]


def render(
    comparison: Comparison,
    old_label: str,
    new_label: str,
    elsewhere: Sequence[tuple[str, list[str]]] = (),
) -> str:
    """The comparison; ``elsewhere``: (language, references) of the other languages whose text
    changed, said when this one's did not."""
    summary = ", ".join(f"{n} {what}" for what, n in comparison.counts.items() if n)
    if not summary:
        summary = "no changes" + "".join(
            f"; the {lang} text changed: {', '.join(refs)}" for lang, refs in elsewhere
        )
    lines = [f"{comparison.id} ({comparison.lang}): {old_label} → {new_label}: {summary}"]
    for i, change in enumerate(comparison.changes, 1):
        lines.append(f"{i}. {_describe(change)}")
        lines += _places(change)
        if change.what == "removed":
            lines += [f"   - {line}" for line in change.old_lines]
        elif change.what == "added":
            lines += [f"   + {line}" for line in change.new_lines]
        elif change.text_changed:
            lines.append(f"   {markup(spacing.visible(change.segments))}")
        if change.note:
            lines.append(f"   note: {change.note}")
    if comparison.renumbered:
        moves = ", ".join(f"{o.ref}→{n.ref}" for o, n in comparison.renumbered)
        lines.append(f"renumbered only ({len(comparison.renumbered)}): {moves}")
    return "\n".join(lines) + "\n"
