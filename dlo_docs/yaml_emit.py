"""YAML text of plain data at the speed of string joins, byte for byte what ``load.dumps`` (the
round-trip dumper of ruamel.yaml, in the house style: mappings indented by 2, sequences by 4
with the dash at 2, lines folded at 100 characters, unicode as is) writes for the same data.

It knows the shapes the journal is made of — mappings with string keys, sequences, strings,
integers and null — and the two scalar styles those need: plain, and single-quoted. Anything
else (another type, a non-empty sequence in a sequence, a string that needs double quotes
or holds a line break or a control character, a key too long to be a simple key) raises
``Unsupported`` and the caller dumps with ruamel.yaml itself, so the bytes never differ. The
rules below are ruamel.yaml's emitter's (``analyze_scalar``, ``choose_scalar_style``,
``write_plain``, ``write_single_quoted``), restricted to those cases.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from . import plain_scalars

WIDTH = 100  # the house style's line width
MAX_KEY = 128  # a longer key is written as a complex key ("? key")
_LEADING = frozenset("#,[]{}&*!|>'\"%@`")

IsString = Callable[[str], bool]


class Unsupported(Exception):
    """The data holds something this emitter does not write exactly as ruamel.yaml does."""


@functools.cache
def _special() -> re.Pattern[str]:
    """A character ruamel.yaml does not write as is (with ``allow_unicode``) on one line:
    controls, line breaks (\x85, \u2028, \u2029), surrogates, the byte order mark, \ufffe and
    \uffff. (Compiled when first written: its ranges cost ~5 ms to compile, which a command that
    writes no YAML does not pay.)"""
    return re.compile(
        "[^ -~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )


def _indicators(text: str) -> bool:
    """Whether ``text`` holds an indicator that forbids the plain style in block context."""
    if text.startswith(("---", "...")):
        return True
    first = text[0]
    followed = len(text) == 1 or text[1] == " "
    if first in _LEADING or (first in "?:-" and followed):
        return True
    return ": " in text or text.endswith(":") or " #" in text


def _style(text: str, is_string: IsString) -> str:
    """The style ruamel.yaml chooses: plain ("") or single-quoted ("'"); ``Unsupported``
    where it would write double quotes, a block or a multi-line scalar."""
    if _special().search(text):  # line breaks, tabs, controls: double quotes
        raise Unsupported("a character that needs escaping")
    plain = (
        bool(text)
        and text[0] != " "
        and text[-1] != " "
        and not _indicators(text)
        and is_string(text)
    )
    if plain:
        return ""
    if "'" in text:
        raise Unsupported("a quote: double-quoted")
    return "'"


def _plain(text: str, column: int, indent: int) -> str:
    """``write_plain`` of a one-line text starting at ``column``, continued lines at
    ``indent``."""
    if column + len(text) <= WIDTH:  # no word passes the width: nothing to fold
        return text
    out: list[str] = []
    start = end = 0
    spaces = False
    while end <= len(text):
        ch = text[end] if end < len(text) else None
        if spaces:
            if ch != " ":
                if start + 1 == end and column >= WIDTH:
                    out.append("\n" + " " * indent)
                    column = indent
                else:
                    out.append(text[start:end])
                    column += end - start
                start = end
        elif ch is None or ch == " ":
            word = text[start:end]
            if len(word) + column > WIDTH and column > indent:  # a word that does not fit
                if out and len(out[-1]) > 1 and not out[-1].strip(" "):
                    # the spaces before the break would be read back as one: ruamel.yaml's
                    # own text of it does not read back either (``yaml_write.dumps`` mends it)
                    raise Unsupported("a run of spaces before a folded line")
                out.append("\n" + " " * indent)
                column = indent
            out.append(word)
            column += len(word)
            start = end
        spaces = ch == " "
        end += 1
    return "".join(out)


def _quoted(text: str, column: int, indent: int) -> str:
    """``write_single_quoted`` of a one-line text without quotes, its opening quote at
    ``column``."""
    if column + len(text) + 1 <= WIDTH:  # no space after the width: nothing to fold
        return "'" + text + "'"
    out = ["'"]
    column += 1
    start = end = 0
    spaces = False
    while end <= len(text):
        ch = text[end] if end < len(text) else None
        if spaces:
            if ch != " ":
                if start + 1 == end and column > WIDTH and 0 < start and end < len(text):
                    out.append("\n" + " " * indent)
                    column = indent
                else:
                    out.append(text[start:end])
                    column += end - start
                start = end
        elif (ch is None or ch == " ") and start < end:
            out.append(text[start:end])
            column += end - start
            start = end
        spaces = ch == " "
        end += 1
    out.append("'")
    return "".join(out)


def _scalar(value: Any, column: int, indent: int, is_string: IsString) -> str:
    """A scalar value starting at ``column`` (after ``key: `` or ``- ``)."""
    if type(value) is int:  # written plain, and folded like a word
        return _plain(str(value), column, indent)
    if value is None:  # the house style writes null (an acknowledgement's role, for one)
        return _plain("null", column, indent)
    if type(value) is not str:
        raise Unsupported(f"a value of type {type(value).__name__}")
    if _style(value, is_string) == "":
        return _plain(value, column, indent)
    return _quoted(value, column, indent)


def _key(key: Any, column: int, is_string: IsString) -> str:
    if type(key) is not str or len(key) >= MAX_KEY:
        raise Unsupported("a key that is not a short string")
    text = key if _style(key, is_string) == "" else "'" + key + "'"
    if column + len(text) > WIDTH:  # ruamel.yaml would break the line inside the key
        raise Unsupported("a key past the line width")
    return text


_EMPTY: dict[type, str] = {dict: "{}", list: "[]"}  # written in flow style


def _empty(value: Any) -> bool:
    return type(value) in _EMPTY and not value


class _Writer:
    def __init__(self, is_string: IsString) -> None:
        self.is_string = is_string
        self.out: list[str] = []

    def mapping(self, data: Any, indent: int, after_dash: bool = False) -> None:
        """A block mapping at ``indent``; ``after_dash``: its first key goes on the current line,
        after a sequence's dash."""
        if type(data) is not dict or not data:
            raise Unsupported("not a plain dict")
        for n, (key, value) in enumerate(data.items()):
            if n or not after_dash:
                self.out.append(" " * indent)
            self.out.append(_key(key, indent, self.is_string) + ":")
            self.value(value, indent, indent + len(self.out[-1]))

    def value(self, value: Any, indent: int, column: int) -> None:
        """The value of a key at ``indent`` whose colon ends at ``column``."""
        if _empty(value):
            self.out.append(" " + _EMPTY[type(value)] + "\n")
        elif type(value) is dict:
            self.out.append("\n")
            self.mapping(value, indent + 2)
        elif type(value) is list:
            self.out.append("\n")
            self.sequence(value, indent + 2)
        else:
            self.out.append(" " + _scalar(value, column + 1, indent + 2, self.is_string) + "\n")

    def sequence(self, data: Any, dash: int) -> None:
        """A block sequence whose dashes are at column ``dash``."""
        if type(data) is not list or not data:
            raise Unsupported("not a plain list")
        for item in data:
            self.out.append(" " * dash + "- ")
            if _empty(item):
                self.out.append(_EMPTY[type(item)] + "\n")
            elif type(item) is dict:
                self.mapping(item, dash + 2, after_dash=True)
            elif type(item) is list:
                raise Unsupported("a sequence in a sequence")
            else:
                text = _scalar(item, dash + 2, dash + 2, self.is_string)
                self.out.append(text + "\n")


def dumps(data: Any, is_string: IsString) -> str:
    """The YAML text of ``data`` (a plain dict or list), as ``load.dumps`` writes it.
    ``is_string(text)``: whether the plain scalar ``text`` reads back as a string (the
    resolver's answer). Raises ``Unsupported`` for anything else."""
    writer = _Writer(is_string)
    if _empty(data):
        return _EMPTY[type(data)] + "\n"
    if type(data) is dict:
        writer.mapping(data, 0)
    elif type(data) is list:
        writer.sequence(data, 2)
    else:
        raise Unsupported("the root is not a mapping or a sequence")
    return "".join(writer.out)


def dumps_plain(data: Any) -> str | None:
    """``load.dumps(data)`` when this emitter writes it (block collections, plain and
    single-quoted scalars: no anchor, alias, tag, block scalar or document marker), else None.
    Whether a plain scalar reads back as a string is ``plain_scalars.is_string``: the
    round-trip resolver's own table, so ruamel.yaml is not loaded (a journal append)."""
    try:
        return dumps(data, plain_scalars.is_string)
    except Unsupported:
        return None
