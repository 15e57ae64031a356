"""How a plain YAML scalar reads (a string, or an int, a date, true, null...), as ruamel.yaml's
round-trip loader reads it, without importing ruamel.yaml for what regulation files hold: the
fast reader (``yamlc``) asks about every plain scalar, and the journal's writer
(``yaml_emit.dumps_plain``) whether a string may be written plain.

``IMPLICIT`` is ruamel.yaml's own table of implicit types for YAML 1.2 (a test keeps it equal
to the resolver's): a plain scalar that none of them matches is a string (``is_string``). Of the
others, a word (true, null...), a decimal number from 1 without sign or underscore and a date
``YYYY-MM-DD`` are read here; anything else (a float, a sign, hex, an impossible date...) is what
ruamel.yaml's resolver and constructor make of it (``yaml_rt.RESOLVED``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# (type, the first characters it may start with, its pattern, verbose), in the resolver's order
IMPLICIT: list[tuple[str, str, str, bool]] = [
    ("bool", "tTfF", "^(?:true|True|TRUE|false|False|FALSE)$", True),
    (
        "float",
        "-+0123456789.",
        "^(?:\n         [-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?\n        "
        "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)\n        "
        "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?\n        |[-+]?\\.(?:inf|Inf|INF)\n        "
        "|\\.(?:nan|NaN|NAN))$",
        True,
    ),
    (
        "int",
        "-+0123456789",
        "^(?:[-+]?0b[0-1_]+\n        |[-+]?0o?[0-7_]+\n        |[-+]?[0-9_]+\n        "
        "|[-+]?0x[0-9a-fA-F_]+)$",
        True,
    ),
    (
        "timestamp",
        "0123456789",
        "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\n        "
        "|[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?\n        "
        "(?:[Tt]|[ \\t]+)[0-9][0-9]?\n        :[0-9][0-9] :[0-9][0-9] (?:\\.[0-9]*)?\n        "
        "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
        True,
    ),
    ("merge", "<", "^(?:<<)$", False),
    ("null", "~nN", "^(?: ~\n        |null|Null|NULL\n        | )$", True),
    ("value", "=", "^(?:=)$", False),
    ("yaml", "!&*", "^(?:!|&|\\*)$", False),
]
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _firsts, _pattern, _verbose in IMPLICIT:
    _compiled = re.compile(_pattern, re.X if _verbose else 0)
    for _first in _firsts:
        _BY_FIRST.setdefault(_first, []).append((_kind, _compiled))

_WORDS: dict[str, Any] = {
    w: value
    for base, value in (("true", True), ("false", False), ("null", None))
    for w in (base, base.capitalize(), base.upper())
} | {"~": None}
_INT = re.compile(r"[1-9][0-9]{0,17}\Z")  # the loader reads 0, 00, 1_0... as its own ScalarInt
_DATA = ("bool", "null", "int", "float", "timestamp")  # the rest (merge <<, value =) is no data
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def kind(value: str) -> str | None:
    """The implicit type a non-empty plain scalar reads as ("int", "timestamp"...; None: a
    string), as the resolver decides it: the first of the types its first character may start
    that matches."""
    for name, pattern in _BY_FIRST.get(value[:1], ()):
        if pattern.match(value):
            return name
    return None


def is_string(value: str) -> bool:
    """A plain scalar that reads as this string."""
    return bool(value) and kind(value) is None


def resolve(value: str) -> Any:
    """A plain scalar that is not ``is_string``, as the round-trip loader reads it. One that
    reads as no data (``<<``, ``=``) raises ``yamlc.Unusual``: the round-trip parser says
    where it is and what is wrong."""
    if kind(value) not in _DATA:
        from .yamlc import Unusual

        raise Unusual(f"plain scalar {value!r}")
    if value in _WORDS:
        return _WORDS[value]
    if _INT.match(value):
        return int(value)
    if _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # what the round-trip loader says of it
    from .yaml_rt import RESOLVED

    return RESOLVED(value)
