"""A title page set in two columns with tabs or runs of spaces, as offices set an agreement block
beside the approval block (or the title beside it)::

    СОГЛАСОВАНО<tab><tab>УТВЕРЖДАЮ
    Проректор<tab><tab>Ректор
    _______ А.Б. Сидоров<tab><tab>_______ В.Г. Петров

read column by column, as a table's cells are, so that each block is read whole (line by line,
the right one's lines were glued to the left one's).

- ``halves(line) -> (left, right) | None``: a line's two columns ("" for one it leaves empty:
  text after a leading gap is the right one's), or None when it is not set in two;
- ``by_column(lines) -> (lines, sources) | None``: the lines with each run of lines set in two
  columns (at least two of them with both halves) read column by column, the left column's
  lines then the right one's; ``sources`` maps each such line (by ``id``) to the line it is
  part of. None when no run is set in two columns.
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


def _run(lines: list[Line], start: int) -> list[tuple[Line, tuple[str, str]]]:
    """The run of lines set in two columns from ``start``: lines with both halves, a half's
    alone (a leading gap: the right one's), and a line with no gap between two such (the left
    column's going on: "Проректор по учебной" / "работе")."""
    run: list[tuple[Line, tuple[str, str]]] = []
    for k in range(start, len(lines)):
        found = halves(lines[k])
        if found is None and run and k + 1 < len(lines) and halves(lines[k + 1]):
            found = (lines[k].text, "")
        if found is None:
            break
        run.append((lines[k], found))
    return run


def by_column(lines: list[Line]) -> tuple[list[Line], dict[int, Line]] | None:
    out: list[Line] = []
    sources: dict[int, Line] = {}
    k = 0
    while k < len(lines):
        run = _run(lines, k) if halves(lines[k]) else []
        if sum(1 for _, (left, right) in run if left and right) < 2:
            out.append(lines[k])
            k += 1
            continue
        for column in (0, 1):
            for line, half in run:
                if half[column]:
                    part = Line(half[column], line.where)
                    sources[id(part)] = line
                    out.append(part)
        k += len(run)
    return (out, sources) if sources else None
