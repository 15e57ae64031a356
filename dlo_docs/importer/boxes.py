"""Text boxes of a DOCX (``Line.hint == "box"``): read on the title page, reported in the text;
and its footnotes and endnotes, reported where they are referred to.

Offices set a title page's blocks in floating text boxes — the approval block beside the
organisation's name, "УТВЕРЖДАЮ" over the title — so a box anchored before the text begins is
read as the title page's lines (its approval block is then found and reported as any other). A box
in the text floats beside it, outside its order (a note, a chart's labels): it is not imported
as a clause, and each one is named in a warning, so that nothing it says is lost unseen. A
footnote or endnote (``word/footnotes.xml``, ``word/endnotes.xml``) has no place in a regulation's
data either: each is named at the paragraph that refers to it (``notes``). Hidden text (Font →
Hidden, ``w:vanish``) is not printed: it is left out of the lines, as of the page, and quoted at
its paragraph (``concealed``), not imported as if it were printed.
"""

from __future__ import annotations

from dataclasses import replace
from xml.etree import ElementTree as ET

from ..errors import Location, Problem, warning
from ..i18n import Msg
from .classify import classify
from .source import Line
from .wordstyles import W, child, val

UNSTRUCTURED = "DLO504"
BODY = ("chapter", "paragraph", "clause", "item")


def apart(lines: list[Line], path: str) -> tuple[list[Line], list[Problem]]:
    """``lines`` with the boxes before the text as plain lines and those in it left out, and a
    warning for each box left out (its paragraphs' text, at the paragraph it is anchored in)."""
    kept: list[Line] = []
    left: dict[int, list[str]] = {}  # anchor paragraph → the box's lines
    started = False
    for line in lines:
        if line.hint != "box":
            kept.append(line)
            started = started or classify(line).kind in BODY
        elif started:
            left.setdefault(line.where, []).append(line.text)
        else:
            kept.append(replace(line, hint=None))
    problems = [
        warning(
            Location(path, where, 1),
            UNSTRUCTURED,
            Msg("text in a text box was not imported: {shown}", shown=_shown(" / ".join(texts))),
            Msg(
                "a text box floats outside the text: if it belongs to the regulation, move its "
                "text into the body in Word and import again"
            ),
        )
        for where, texts in left.items()
    ]
    return kept, problems


def _shown(text: str, n: int = 80) -> str:
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def notes(
    refs: list[tuple[int, str, str]], parts: dict[str, ET.Element | None], path: str
) -> list[Problem]:
    """A warning for each footnote or endnote referred to (``refs``: the paragraph, the note's
    kind — "footnote" or "endnote" — and its id), quoting its text from ``parts`` (kind → the
    part's root)."""
    texts: dict[tuple[str, str], str] = {}
    for kind, root in parts.items():
        for note in root.iter(W + kind) if root is not None else ():
            shown = " ".join("".join(t.text or "" for t in note.iter(W + "t")).split())
            texts[(kind, note.get(W + "id") or "")] = shown
    return [
        warning(
            Location(path, where, 1),
            UNSTRUCTURED,
            Msg("a footnote was not imported: {shown}", shown=_shown(texts.get((kind, nid), "")))
            if kind == "footnote"
            else Msg(
                "an endnote was not imported: {shown}", shown=_shown(texts.get((kind, nid), ""))
            ),
            Msg(
                "a regulation's text has no notes: write what it says into the clause in Word, "
                "or in regulation.yaml"
            ),
        )
        for where, kind, nid in refs
    ]


def hidden(run: ET.Element) -> bool:
    """The run is hidden text (``w:vanish`` on it, not switched off)."""
    rpr = child(run, "rPr")
    vanish = None if rpr is None else child(rpr, "vanish")
    return vanish is not None and val(vanish) not in ("0", "false", "off")


def concealed(found: list[tuple[int, str]], path: str) -> list[Problem]:
    """A warning for each paragraph's hidden text left out (``found``: paragraph, its text)."""
    return [
        warning(
            Location(path, where, 1),
            UNSTRUCTURED,
            Msg("hidden text was not imported: {shown}", shown=_shown(" ".join(text.split()))),
            Msg(
                "Word does not print hidden text: if it belongs to the regulation, unhide it in "
                "Word (Font → Hidden) and import again"
            ),
        )
        for where, text in found
    ]
