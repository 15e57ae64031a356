"""Changes of spacing made visible: a doubled space, a space before a comma removed, a no-break
space for a normal one print as nothing, so a comparison that showed them as they are would show
two wordings that look the same.

In the segments that differ and hold only white space, each character is shown by a mark, as a
word processor shows formatting marks: ``·`` a space, ``°`` a no-break or any other white space
character (Word's marks for the two, which a printed page keeps in any typeface). The words of a
change are left as they are, and so is the white space that did not change. The outputs print
the marks only in the comparison table, the HTML page and the terminal text; the tracked-changes
copy keeps the real characters (accepting it must give the new text). A removed space's mark is
not struck through as a removed word is: the line would draw "·" as a hyphen ("а-б" for "а б").
"""

from __future__ import annotations

from collections.abc import Iterable

from .words import EQUAL, Segment

SPACE = "·"  # a space (U+0020)
OTHER = "°"  # a no-break space, a narrow or fixed-width one, a tab, a line break
_MARKS = {" ": SPACE}


def _spacing(segment: Segment) -> bool:
    """A changed segment of white space only."""
    return segment.op != EQUAL and bool(segment.text) and not segment.text.strip()


def visible(segments: Iterable[Segment]) -> list[Segment]:
    """The segments, each changed one of white space only written in marks."""
    return [
        Segment(s.op, "".join(_MARKS.get(ch, OTHER) for ch in s.text), spacing=True)
        if _spacing(s)
        else s
        for s in segments
    ]


def marked(segments: Iterable[Segment]) -> bool:
    """Some white space changed: ``visible`` writes marks."""
    return any(_spacing(s) for s in segments)


def only(segments: Iterable[Segment]) -> bool:
    """The text changed in its white space only."""
    changed = [s for s in segments if s.op != EQUAL]
    return bool(changed) and all(_spacing(s) for s in changed)
