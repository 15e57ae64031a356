"""The comparison as plain text for the terminal (``dlo diff --format text``).

Its words are the interface language's (``i18n``); the texts are the document's own. Changed
words are marked wdiff-style:
``[-deleted-]`` and ``{+inserted+}``, changed white space in marks (``[-·-]{+°+}``: a space became a
no-break one; ``spacing.visible``). References are neutral: "11" is clause 11, "11.3" item 3)
of clause 11, "5§2" paragraph 2 of chapter 5, "ch6" chapter 6.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import N_, _, ngettext
from . import lookalike, spacing
from .align import Change, Comparison
from .names import ref
from .words import markup

KIND = {
    "title": N_("title"),
    "code": N_("code"),
    "kind": N_("kind of document"),
    "organisation": N_("organisation"),
    "unit": N_("unit"),
    "position": N_("position"),
    "approval": N_("approving official"),
    "approvers": N_("approvers"),
    "initiators": N_("change initiators"),
    "sheets": N_("sheets printed"),
    "chapter": N_("chapter"),
    "paragraph": N_("paragraph"),
    "clause": N_("clause"),
    "item": N_("item"),
}
WHAT = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "moved": N_("moved"),
}


def _describe(change: Change) -> str:
    where = ref(change)
    what = _(WHAT[change.what])
    if change.moved:
        old_parent = change.old.parent if change.old else None
        new_parent = change.new.parent if change.new else None
        if old_parent != new_parent:
            what = _("moved from {old} to {new}").format(old=old_parent, new=new_parent)
        if change.text_changed:
            what = _("{what}, text changed").format(what=what)
    if change.text_changed and spacing.only(change.segments):
        what = _("{what} (spacing only)").format(what=what)
    if any(change.items):
        what = _("{what} (items numbered otherwise)").format(what=what)
    if change.text_changed:
        what += _swaps(change)
    extra = ""
    inside = len(change.removed_with or change.added_with or ())
    if inside:
        extra = " " + ngettext("(with {n} element in it)", "(with {n} elements in it)", inside)
        extra = extra.format(n=inside)
    place = change.new or change.old
    sub = place is not None and place.kind == "item" and not place.below  # printed "3.5.1."
    kind = _(KIND["clause" if sub else change.kind])
    if where == change.kind:  # the document's own field: named once, no element's id
        return f"{kind}: {what}{extra}"
    return f"{kind} {where} [{change.id}]: {what}{extra}"


def _swaps(change: Change) -> str:
    """The characters replaced by others that print the same, said: the two wordings look alike."""
    found = lookalike.swaps(change.segments)
    if not found:
        return ""
    said = "; ".join(
        _("{old} ({old_code}) → {new} ({new_code}) in {word}").format(
            old=repr(s.old),
            old_code=lookalike.codes(s.old),
            new=repr(s.new),
            new_code=lookalike.codes(s.new),
            word=repr(s.word),
        )
        for s in found
    )
    return " " + _("(characters that print the same: {swaps})").format(swaps=said)


def _places(change: Change) -> list[str]:
    """Where a moved element was and is, by the chapter (and paragraph) the document prints."""
    if not change.moved or change.old is None or change.new is None:
        return []
    old, new = change.old.heading, change.new.heading
    if old == new:
        return ["   " + _("in: {place}").format(place=new)] if new else []
    said = ((_("from: {place}"), old), (_("to: {place}"), new))
    return ["   " + label.format(place=place) for label, place in said if place]


def _markers(change: Change) -> list[str]:
    """The items of a clause printed in another style, each marker old and new: "[-5)-]{+–+} …"."""
    old = {p.id: p.marker for p in change.items[0]}
    return [
        f"   [-{old[p.id]}-]{{+{p.marker}+}}{p.line[len(p.marker) :]}"
        for p in change.items[1]
        if p.id in old and old[p.id] != p.marker
    ]


def _there(lang: str, refs: Sequence[str]) -> str:
    """What changed in another language's text alone; no references: the language is new in the
    new edition (its whole text)."""
    if not refs:
        return _("the {lang} text is new in this edition").format(lang=lang)
    return _("the {lang} text changed: {refs}").format(lang=lang, refs=", ".join(refs))


def render(
    comparison: Comparison,
    old_label: str,
    new_label: str,
    elsewhere: Sequence[tuple[str, list[str]]] = (),
) -> str:
    """The comparison; ``elsewhere``: (language, references) of the other languages whose text
    changed where this one's did not: said in the summary of a comparison with no change, after
    the changes of one with some."""
    summary = ", ".join(
        _("{n} {what}").format(n=n, what=_(WHAT[what]))
        for what, n in comparison.counts.items()
        if n
    )
    if not summary and comparison.renumbered:
        summary = _("numbering changed only")
    if not summary:
        summary = _("no changes") + "".join("; " + _there(lang, refs) for lang, refs in elsewhere)
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
        lines += _markers(change)
        if change.note:
            lines.append("   " + _("note: {note}").format(note=change.note))
    if comparison.renumbered:
        moves = ", ".join(f"{o.ref}→{n.ref}" for o, n in comparison.renumbered)
        lines.append(
            _("renumbered only ({n}): {moves}").format(n=len(comparison.renumbered), moves=moves)
        )
    if comparison.changes:
        lines += [
            _("also changed in the {lang} text only: {refs}").format(
                lang=lang, refs=", ".join(refs)
            )
            if refs
            else _("also: the {lang} text is new in this edition").format(lang=lang)
            for lang, refs in elsewhere
        ]
    return "\n".join(lines) + "\n"
