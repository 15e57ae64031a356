"""Bounds on a page's ``%`` and ``format``: their fields' widths and what they print, read as
Python and Jinja's sandbox read them (no Jinja here: ``page_bounds`` calls these)."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from ..i18n import Msg
from .page_size import PRODUCT_MAX, refuse, sizes

_PRINTF = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?")
_FIELD_PART = re.compile(r"\.([^.[]+)|\[([^\]]+)\]")  # ".name" or "[key]" of a format's field
_DIGITS = re.compile(r"\d+")


def printf(text: str | bytes | bytearray, values: Any) -> None:
    """``text % values`` refused when its widths and precisions together (a ``*`` takes one
    from ``values``, a negative one too) and the texts and lists it prints come to more than
    the bound."""
    if not isinstance(text, str):
        text = bytes(text).decode("latin-1")
    given = values if isinstance(values, tuple) else (values,)
    total = len(text) + (0 if isinstance(values, Mapping) else sizes(given))
    for spec in _PRINTF.finditer(text):
        key, *widths = spec.groups()
        if key is not None and isinstance(values, Mapping):  # "%(a)s": printed each time
            total += sizes([values.get(key)])
        for part in widths:
            if part == "*":
                total += sum(abs(v) for v in given if isinstance(v, int))
            elif part:
                total += int(part)
        if total > PRODUCT_MAX:
            refuse(Msg("a width"))


def format_spec(text: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """``text.format(*args, **kwargs)`` refused when its fields' widths and precisions (one
    given by a field, ``{0:{1}}``, read as Python reads it) and the texts and lists they print
    come to more than the bound."""
    formatter = string.Formatter()
    try:
        fields = list(formatter.parse(text))
    except ValueError:
        return  # Python's own error, when the page's format runs
    total, auto = len(text), iter(range(len(text)))
    for _, name, spec, _ in fields:
        try:
            if name is not None:  # "{}": the next of ``args``
                total += sizes([_field(name or str(next(auto)), args, kwargs)])
            if spec and "{" in spec:  # its own fields as they are: "{:{}}", "{0:{1.w}}"
                inner = [f for _, f, _, _ in formatter.parse(spec) if f is not None]
                spec = "".join(str(_field(f or str(next(auto)), args, kwargs)) for f in inner)
        except (LookupError, ValueError, TypeError, AttributeError):
            continue  # Python's own error, when the page's format runs
        try:
            total += sum(int(n) for n in _DIGITS.findall(spec or ""))
        except ValueError:  # more digits than Python reads
            total = PRODUCT_MAX + 1
        if total > PRODUCT_MAX:
            refuse(Msg("a width"))


def _field(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """The value a format's field ``name`` ("0", "a", "0.w", "1[n]") reads, as Jinja's sandbox
    reads it (an attribute a dict lacks is its item)."""
    first = re.match(r"[^.[]*", name).group()  # type: ignore[union-attr]
    value = args[int(first)] if first.isdecimal() else kwargs[first]
    for attr, key in _FIELD_PART.findall(name[len(first) :]):
        if attr:
            value = attribute(value, attr)
        else:
            value = value[int(key)] if key.isdecimal() else value[key]
    return value


def attribute(value: Any, name: str) -> Any:
    """``value.name`` as a page reads it: the attribute, else the item; one starting with "_"
    is not read (the sandbox refuses it when the page runs)."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return getattr(value, name)
    except AttributeError:
        return value[name]


def attributes(items: list[Any], path: Any) -> list[Any] | None:
    """Each item's ``path`` ("a", "a.b", "a.0"), as Jinja's ``attribute=`` reads it; None
    when one cannot be read (Jinja's own error then)."""
    found = []
    try:
        for item in items:
            for part in str(path).split("."):
                item = item[int(part)] if part.isdecimal() else attribute(item, part)
            found.append(item)
    except (LookupError, TypeError, AttributeError, ValueError):
        return None
    return found
