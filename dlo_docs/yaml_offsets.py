"""Where a character of a YAML string scalar is in the YAML text (for ``load.Source.text_at``).

The value and its source are walked together, so the answer is exact for every scalar style:
plain or quoted over several lines (folded line breaks, trailing spaces, ``''`` and backslash
escapes, escaped line breaks), folded and literal blocks. An offset inside a run of white space
that spans lines gives the start of the run.
"""

from __future__ import annotations

SPACE = " \t\r\n"
_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}  # \xXX, \uXXXX, \UXXXXXXXX; others: 2


def scalar_index(text: str, start: int, value: str, offset: int) -> int | None:
    """The index in ``text`` of character ``offset`` of the scalar ``value`` whose node starts
    at index ``start``; None when the source does not spell the value as expected."""
    j, quote = _content_start(text, start)
    offset = min(offset, len(value))
    i = 0
    while i < offset and j < len(text):
        ch = value[i]
        if quote == '"' and text[j] == "\\":
            after = _escaped_break(text, quote, j)
            if after != j:  # an escaped line break: no character of the value
                j = after
            else:
                i, j = i + 1, j + _ESCAPE_LENGTH.get(text[j + 1 : j + 2], 2)
        elif ch in SPACE:  # a run of white space in the value matches one in the source
            i, j, inside = _space_run(text, quote, value, (i, j), offset)
            if inside:
                break
        elif text[j] == ch:
            i, j = i + 1, j + (2 if quote == "'" and ch == "'" else 1)
        else:
            return None
    return _escaped_break(text, quote, j)


def _content_start(text: str, j: int) -> tuple[int, str]:
    """Where the scalar's characters start, and its quote ("" when it is not quoted)."""
    quote = text[j] if text[j : j + 1] in ("'", '"') else ""
    if quote:
        j += 1
    elif text[j : j + 1] in ("|", ">"):  # block scalar: the content starts on the next line
        j = text.find("\n", j) + 1 or len(text)
        while j < len(text) and text[j] in SPACE:
            j += 1
    return j, quote


def _escaped_break(text: str, quote: str, k: int) -> int:
    """In a double-quoted scalar, the end of an escaped line break at ``k`` (else ``k``)."""
    if quote == '"' and text[k : k + 2] in ("\\\n", "\\\r"):
        k = text.find("\n", k) + 1
        while k < len(text) and text[k] in " \t":
            k += 1
    return k


def _space_run(
    text: str, quote: str, value: str, at: tuple[int, int], offset: int
) -> tuple[int, int, bool]:
    """Past a run of white space at value index ``i`` and text index ``j`` (``at``): the new
    indices, and whether the offset sought is inside the run (the walk ends there: exact when
    the run is on one line, else the run's start)."""
    i, j = at
    vi = i
    while vi < len(value) and value[vi] in SPACE:
        vi += 1
    sj = j
    while sj < len(text) and (text[sj] in SPACE or _escaped_break(text, quote, sj) != sj):
        after = _escaped_break(text, quote, sj)
        sj = after if after != sj else sj + 1
    if offset < vi:
        k = offset - i
        if text[j : j + k] == value[i:offset] and "\n" not in value[i:offset]:
            j += k
        return i, j, True
    return vi, sj, False
