"""A title page set in two columns with tabs or runs of spaces, as offices set an agreement block
beside the approval block::

    СОГЛАСОВАНО<tab><tab>УТВЕРЖДАЮ
    Проректор<tab><tab>Ректор
    _______ А.Б. Сидоров<tab><tab>_______ В.Г. Петров

read column by column, as a table's cells are, so that each block is read whole (line by line,
the right one's lines were glued to the left one's).

- ``halves(line) -> (left, right) | None``: a line's two columns ("" for one it leaves empty:
  text after a leading gap is the right one's), or None when it is not set in two;
- ``by_column(lines) -> [(column line, source line)]``: the first run of lines set in two
  columns (at least two of them with both halves), the left column's lines then the right
  one's, each with the line it is part of; empty when there is none.
"""

from __future__ import annotations

import re

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


def by_column(lines: list[Line]) -> list[tuple[Line, Line]]:
    run: list[tuple[Line, tuple[str, str]]] = []
    for line in lines:
        found = halves(line)
        if found is not None and (run or all(found)):
            run.append((line, found))
        elif run:
            break
    if sum(1 for _, (left, right) in run if left and right) < 2:
        return []
    return [(Line(half[k], line.where), line) for k in (0, 1) for line, half in run if half[k]]
