"""A quote left open in a regulation file: YAML reads on past the line's end, up to the next
quote of its kind (most likely the one that opens the next text), and stumbles after it, on a
line of its own. Said at the quote that opens, as ``yaml_syntax`` says the rest."""

from __future__ import annotations

from typing import Any

from .yaml_rt import tokens_before
from .yaml_syntax_value import Failure, Said, closed_below, content


def _swallows(lines: list[str], start: int, end: int) -> bool:
    """Whether a line after ``start``, up to ``end``, starts its content no further in than the
    content of line ``start`` does: it is a key or an item of its own, not the text going on."""
    own = content(lines[start])
    return any(
        row.strip() and not row.lstrip().startswith("#") and content(row) <= own
        for row in lines[start + 1 : end + 1]
    )


def left_open(error: Failure) -> Said | None:
    """A text in quotes read over several lines, the lines after its first one standing where a
    key or an item does, and text after its closing quote: a quote left open where it opens."""
    tokens = tokens_before(error.text, error.line, error.col)
    if tokens and type(tokens[-1]).__name__ == "ScalarToken" and tokens[-1].style is None:
        tokens = tokens[:-1]  # the plain text after the closing quote, read up to the mark
    last: Any = tokens[-1] if tokens else None
    if type(last).__name__ != "ScalarToken" or last.style not in ("'", '"'):
        return None
    start, end = last.start_mark, last.end_mark
    if end.line <= start.line or not _swallows(error.lines, start.line, end.line):
        return None
    after = error.at(end.line)[end.column :].strip()
    if not after or after.startswith("#"):
        return None
    return start.line, start.column, *closed_below(last.style, end.line)
