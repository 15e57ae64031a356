"""A title page set in two columns with tabs or runs of spaces, as offices set an agreement block
beside the approval block (or the title beside it)::

    СОГЛАСОВАНО<tab><tab>УТВЕРЖДАЮ
    Проректор<tab><tab>Ректор
    _______ А.Б. Сидоров<tab><tab>_______ В.Г. Петров

read column by column, as a table's cells are, so that each block is read whole (line by line,
the right one's lines were glued to the left one's).

- ``halves(line) -> (left, right) | None``: a line's two columns ("" for one it leaves empty:
  text after a leading gap is the right one's), or None when it is not set in two;
- ``runs(lines) -> [Run]``: each run of lines set in two columns (at least two of them with
  both halves), with each column's lines and the line each is part of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source import Line, normalise

_GAP = re.compile(r"\t[\t ]*|[ \u00a0]{3,}")
_LEAD = re.compile(r"^(?:\t|[ \u00a0]{3,})")


def halves(line: Line) -> tuple[str, str] | None:
    if not line.raw:
        return None
    parts = [text for part in _GAP.split(line.raw.strip()) if (text := normalise(part))]
    if len(parts) == 2:
        return parts[0], parts[1]
    if len(parts) == 1 and _LEAD.match(line.raw):
        return "", parts[0]
    return None


def _run(lines: list[Line], start: int) -> list[tuple[Line, tuple[str, str]]]:
    """The run of lines set in two columns from ``start``: lines with both halves, a half's
    alone (a leading gap: the right one's), and a line with no gap at all between two such (the
    left column's going on: "Проректор по учебной" / "работе")."""
    run: list[tuple[Line, tuple[str, str]]] = []
    for k in range(start, len(lines)):
        found = halves(lines[k])
        if found is None and run and not lines[k].raw and k + 1 < len(lines):
            found = (lines[k].text, "") if halves(lines[k + 1]) else None
        if found is None:
            break
        run.append((lines[k], found))
    return run


@dataclass
class Run:
    """Lines ``start`` to ``end`` (excluded) set in two columns: each column's lines, and the
    line each of them is part of (by ``id``)."""

    start: int
    end: int
    left: list[Line] = field(default_factory=list)
    right: list[Line] = field(default_factory=list)
    sources: dict[int, Line] = field(default_factory=dict)


def runs(lines: list[Line]) -> list[Run]:
    """Each run of lines set in two columns, at least two of them with both halves."""
    found: list[Run] = []
    k = 0
    while k < len(lines):
        run = _run(lines, k) if halves(lines[k]) else []
        if sum(1 for _, (left, right) in run if left and right) < 2:
            k += 1
            continue
        one = Run(k, k + len(run))
        for line, half in run:
            for text, column in ((half[0], one.left), (half[1], one.right)):
                if text:
                    part = Line(text, line.where)
                    one.sources[id(part)] = line
                    column.append(part)
        found.append(one)
        k = one.end
    return found
