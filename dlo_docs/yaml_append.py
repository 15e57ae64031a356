"""Entries appended to the top-level lists of a YAML text, every byte already there kept.

A file people edit by hand (the registry) keeps its comments, line breaks and long lines when
``dlo import --update-registry`` adds entries to it: each new entry's text is written after the
last entry of its list (a block sequence under a top-level key), before whatever follows that
entry (the blank lines and comments that introduce the next key), and a list the file lacks is
added at its end. A round-trip rewrite instead re-flows every text to the emitter's width and
attaches a comment to the entry before it, so new entries land under the comment that
introduces the next key.

Every line already there stays as it was, its line end included (the new lines take the
file's: CRLF when most of its lines end so, ``crlf``); ``key: []`` becomes ``key:`` with the entries as its block list.

- ``appended(source, additions) -> str | None``: the new text; None when a list is not a block
  sequence at the top level (flow style, a key without a value) or the text would not read back
  as exactly the data with the entries added (the caller then rewrites round-trip).
"""

from __future__ import annotations

import re
from typing import Any

from . import load


def appended(source: load.Source, additions: dict[str, list[dict[str, Any]]]) -> str | None:
    """``source``'s text with ``additions`` (top-level key -> entries to append to its list)."""
    text, data = source.text, load.plain(source.data)
    if not isinstance(data, dict):
        return None
    newline = "\r\n" if crlf(text) else "\n"
    lines = text.split("\n")  # as the parser counts lines (a U+2028 in a text is no break)
    lines = [ln + "\n" for ln in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    edits: list[tuple[int, str, bool]] = []  # (line index, text, whether it replaces the line)
    tail = ""
    expected = dict(data)
    for key, entries in additions.items():
        block = "".join(_lines(load.dumps(load.pretty(entries)))).replace("\n", newline)
        expected[key] = [*(data.get(key) or []), *entries]
        if key not in data:
            tail += f"{key}:{newline}" + block
            continue
        edit = _edit(lines, source, key, data[key], block, newline)
        if edit is None:
            return None
        edits.append(edit)
    new = _applied(lines, edits, newline)
    if tail:
        new += ("" if not new or new.endswith("\n") else newline) + tail
    parsed, problems = load.parse(new.encode("utf-8"), source.path)
    if parsed is None or problems or load.plain(parsed.data) != expected:
        return None
    return new


def crlf(text: str) -> bool:
    """Whether most lines of ``text`` end in CRLF (the line end new lines take)."""
    return text.count("\r\n") * 2 > text.count("\n")


def _edit(
    lines: list[str], source: load.Source, key: str, value: Any, block: str, newline: str
) -> tuple[int, str, bool] | None:
    """How ``block`` (the new entries, unindented) goes into the list at ``key``: after its last
    entry, or, for ``key: []``, as its block list in place of that line. None: neither."""
    if value == []:
        at = source.at([key], key=True).line - 1
        line = lines[at] if 0 <= at < len(lines) else ""
        m = re.fullmatch(rf"{re.escape(key)}:[ \t]*\[[ \t]*\][ \t]*(#[^\r\n]*)?\r?\n?", line)
        if m is None:
            return None
        comment = f" {m.group(1)}" if m.group(1) else ""
        return at, f"{key}:{comment}{newline}{block}", True
    where = _end_of_list(lines, source, key, value)
    if where is None:
        return None
    last, indent = where
    return last, "".join(indent + ln if ln.strip() else ln for ln in _lines(block)), False


def _applied(lines: list[str], edits: list[tuple[int, str, bool]], newline: str) -> str:
    """The text with each edit made (from the last line up, so the indexes hold)."""
    lines = list(lines)
    for at, chunk, replace in sorted(edits, reverse=True):
        if replace:
            lines[at] = chunk
            continue
        if not lines[at].endswith("\n"):
            lines[at] += newline
        lines.insert(at + 1, chunk)
    return "".join(lines)


def _lines(block: str) -> list[str]:
    """The lines of a dumped list, its common indentation removed."""
    lines = block.splitlines(keepends=True)
    cut = min((len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()), default=0)
    return [ln[cut:] if ln.strip() else ln for ln in lines]


def _end_of_list(lines: list[str], source: load.Source, key: str, value: Any) -> tuple | None:
    """(index of the last line of the list's last entry, the indent of its "- "), or None when
    the value at ``key`` is not a non-empty block sequence."""
    if not isinstance(value, list) or not value:
        return None
    first = source.at([key, len(value) - 1]).line - 1
    if not 0 <= first < len(lines):
        return None
    line = lines[first]
    indent = line[: len(line) - len(line.lstrip(" "))]
    if not line.lstrip(" ").startswith("- "):
        return None  # flow style, or an entry that does not start its line
    last = first
    for i in range(first + 1, len(lines)):
        here = lines[i]
        if not here.strip():
            continue
        if len(here) - len(here.lstrip(" ")) <= len(indent):
            break  # the next entry, key or comment at the list's own level
        last = i
    return last, indent
