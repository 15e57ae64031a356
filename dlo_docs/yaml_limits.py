"""Limits on what a project YAML file may contain, checked on the parser's event stream.

Checked event by event, as the parser produces them and before anything is built from them, so a
hostile file is refused in time proportional to its size:

- anchors (``&a``) and aliases (``*a``): never needed in a project file, and the way to an alias
  bomb (a few hundred bytes that expand to billions of nodes);
- nesting depth: a deeply nested file would exhaust the recursion of every later stage;
- the number of values (keys and scalars) in a file: a file of short ones (``k1: 1`` a line) fills
  memory by their count long before its size (16 MiB) is reached;
- scalar length: no text of a regulation is anywhere near it;
- a plain ``<<``: YAML's merge key, which copies the keys of the mapping after it into the one
  it stands in (``<<: {unit: x}`` reads as ``unit: x``, hidden from the checks that name a key
  at its position);
- a ``\\u`` escape that writes half of a UTF-16 surrogate pair (``"\\ud800"``): no character,
  which no UTF-8 file, DOCX or content hash can hold;
- integers of more digits than any number in a project file (Python refuses to convert
  integers of 4,300 digits and more);
- dates and times that are not (2026-02-30, 25:00, a zone of +99:00) or lie outside the years of
  real documents: refused here, at their position, rather than failing when built or used later.

The checks read only what every YAML parser's events carry (PyYAML's and ruamel.yaml's alike: the
event class name, ``anchor``, ``value``, ``style``, ``start_mark.line``/``column``), so they do
not depend on the parser. ``Guard.see(event)`` raises ``LimitExceeded`` with the 0-based line
and column and a message.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .i18n import Msg

MAX_DEPTH = 64  # a regulation needs about 12 (items of items of items...), a journal 4
MAX_SCALAR = 100_000  # characters; the longest clause of the real corpus is a few thousand
MAX_DIGITS = 40  # an edition number, a year, a review period: a handful of digits
# keys and scalars of one file: the seed's regulation has ~470, a journal ~40 an acknowledgement
# (some 12,000 of them fit: workflow.appending refuses more, DLO635); ~0.4 KB of memory each once read
MAX_VALUES = 500_000

# the patterns below are compiled where first used (re's own cache), not when the module is
# imported: a command reading no YAML (a render from kept snapshots) needs none of them
_NUMBER = r"[-+]?([0-9][0-9_:]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)"

# an integer of YAML 1.2 with no digit after its sign or base: ruamel.yaml's constructor fails
# on it with an IndexError, so it is refused first
_NO_DIGIT = r"[-+]?(0[box])?_+"

_SURROGATE = "[\ud800-\udfff]"
_NUMERIC_START = frozenset("+-0123456789")  # what a number or a date starts with

_TIMESTAMP = (
    r"(\d{4})-(\d\d?)-(\d\d?)"
    r"(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.\d*)?"
    r"(?:[ \t]*(?:Z|([-+])(\d\d?)(?::?(\d\d))?))?)?"
)
FIRST_YEAR, LAST_YEAR = 1900, 2199  # as ``model.FIRST_YEAR``/``LAST_YEAR``

# error codes of these limits
NOT_TEXT = "DLO002"  # as a file that is not UTF-8
TAGGED = "DLO004"  # as an explicit tag: what a plain << reads as
# the tags of YAML's merge and value keys, which the parser acts on before any check sees the key
_KEY_TAGS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
ALIAS = "DLO006"
TOO_DEEP = "DLO007"
TOO_LONG = "DLO008"
INVALID = "DLO013"


class LimitExceeded(Exception):
    def __init__(self, line: int, col: int, code: str, message: Msg, hint: Msg) -> None:
        super().__init__(message)
        self.line, self.col, self.code, self.message, self.hint = line, col, code, message, hint


def _mark(event: Any) -> tuple[int, int]:
    mark = getattr(event, "start_mark", None)
    return (getattr(mark, "line", 0) or 0, getattr(mark, "column", 0) or 0)


class Guard:
    """Feed it every event in order; it raises on the first one over a limit."""

    def __init__(self) -> None:
        self.depth = 0
        self.values = 0

    def _refuse(self, event: Any, code: str, message: Msg, hint: Msg) -> None:
        line, col = _mark(event)
        raise LimitExceeded(line, col, code, message, hint)

    def see(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "ScalarEvent" and event.anchor is None:  # most events: first, and quickly
            self._scalar(event)
            return
        if kind == "AliasEvent":
            self._refuse(
                event,
                ALIAS,
                Msg(
                    "the value starts with '*', which YAML reads as a reference to another "
                    "value (an alias, *{anchor}), not as text; project files use none",
                    anchor=event.anchor,
                ),
                Msg(
                    "a text that starts with '*' goes in quotes: \"*{anchor} …\"; otherwise "
                    "write the value out in full",
                    anchor=event.anchor,
                ),
            )
        if getattr(event, "anchor", None) is not None and kind != "AliasEvent":
            self._refuse(
                event,
                ALIAS,
                Msg(
                    "the value starts with '&', which YAML reads as a name given to the value "
                    "(an anchor, &{anchor}), not as text; project files use none",
                    anchor=event.anchor,
                ),
                Msg(
                    "a text that starts with '&' goes in quotes: \"&{anchor} …\"; otherwise "
                    "remove the anchor",
                    anchor=event.anchor,
                ),
            )
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self._refuse(
                    event,
                    TOO_DEEP,
                    Msg("nested more than {n} levels deep", n=MAX_DEPTH),
                    Msg("flatten the structure: no regulation needs this depth"),
                )
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self.depth -= 1
        elif kind == "ScalarEvent":
            self._scalar(event)

    def _scalar(self, event: Any) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            self._refuse(
                event,
                TOO_LONG,
                Msg("more than {limit} keys and values in one file", limit=MAX_VALUES),
                Msg("no project file holds this many: check that it is the file you meant"),
            )
        value = event.value or ""
        if len(value) > MAX_SCALAR:
            self._refuse(
                event,
                TOO_LONG,
                Msg("a value of {n} characters, more than {limit}", n=len(value), limit=MAX_SCALAR),
                Msg("split the text into clauses or items"),
            )
        style = getattr(event, "style", None)
        self._merge_key(event, value, style)
        # a text decoded from UTF-8 holds no surrogate: only a double-quoted escape writes one
        if style == '"' and (half := re.search(_SURROGATE, value)) is not None:
            self._refuse(
                event,
                NOT_TEXT,
                Msg(
                    "an escape writes U+{code:04X}, half of a surrogate pair, which is no character",
                    code=ord(half.group()),
                ),
                Msg("write the character itself, or escape it whole (\\U and 8 hex digits)"),
            )
        if style or value[:1] not in _NUMERIC_START:  # quoted, or no number nor date
            return
        if len(value) > MAX_DIGITS and re.fullmatch(_NUMBER, value):
            self._refuse(
                event,
                TOO_LONG,
                Msg("a number of {n} characters", n=len(value)),
                Msg("no number in a project file is this long; quote it if it is a text"),
            )
        if value[:1] in "+-0" and re.fullmatch(_NO_DIGIT, value):
            self._refuse(
                event,
                INVALID,
                Msg("{value} is not a number: no digit after its sign or base", value=value),
                Msg("write the number, or quote it if it is a text"),
            )
        if value[:1].isdigit():
            self._timestamp(event, value)

    def _merge_key(self, event: Any, value: str, style: str | None) -> None:
        """Refuse YAML's merge key (and its value key), plain or written as its tag: the parser
        copies the keys of the mapping after it in, where no line writes them."""
        if not style and value == "<<":  # YAML's merge key: it copies a mapping's keys in
            self._refuse(
                event,
                TAGGED,
                Msg("{value} written plain is not a text in YAML", value=value),
                Msg("quote it if it is a text: '{value}'", value=value),
            )
        tag = getattr(event, "tag", None)
        if tag in _KEY_TAGS:  # the same written as a tag ('!!merge "<<":', '!!merge x:')
            self._refuse(
                event,
                TAGGED,
                Msg(
                    "explicit YAML tag {tag} is not allowed",
                    tag=tag.replace("tag:yaml.org,2002:", "!!"),
                ),
                Msg("remove the tag: regulation files hold plain data only"),
            )

    def _timestamp(self, event: Any, value: str) -> None:
        match = re.fullmatch(_TIMESTAMP, value)
        if match is None:
            return
        year, month, day, hour, minute, second, sign, zh, zm = match.groups()
        try:
            dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
            if int(second or 0) > 59 or int(zh or 0) > 14 or int(zm or 0) > 59:
                raise ValueError(Msg("the time or its zone is out of range"))
            if not FIRST_YEAR <= int(year) <= LAST_YEAR:
                raise ValueError(
                    Msg("the year is outside {first}..{last}", first=FIRST_YEAR, last=LAST_YEAR)
                )
        except ValueError as exc:
            # our own reasons are messages; the calendar's (no 30 February) is said in our words
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Msg) else None
            self._refuse(
                event,
                INVALID,
                Msg(
                    "{value} is not a valid date: {reason}",
                    value=value,
                    reason=reason or Msg("no such day, month or time ({error})", error=exc),
                ),
                Msg("write a real date as YYYY-MM-DD (quote it if it is a text)"),
            )
