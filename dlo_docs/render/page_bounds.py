"""Bounds on what one operation of a project's page may make (no Jinja here: the sandbox in
``html`` calls these). A power, a repetition, a padding or a format width written as a small
number can ask for gigabytes (``'x'.center(10**9)``, ``'%0999999999d' % 1``, a list repeated
inside a list repeated); each such operation is refused (OverflowError: the page's error at
its line) before it is computed. What a page makes by looping is its author's to keep
reasonable, as its loops are."""

from __future__ import annotations

import re
import string
import types
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

PRODUCT_MAX = 10**6  # characters or items one operation of a page may make
POWER_BITS = 2**16  # bits of a page's power of integers (~20,000 digits; 4,300 can be printed)

_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?")
_DIGITS = re.compile(r"\d+")


def _refuse(what: str) -> None:
    raise OverflowError(f"{what} would make more than {PRODUCT_MAX:,} characters or items")


def size(value: Any, limit: int = PRODUCT_MAX) -> int:
    """What printing ``value`` takes, roughly: a text's characters, a list's or tuple's items and
    theirs (a list held many times counts each time), 1 for anything else; counting stops past
    ``limit``."""
    if isinstance(value, str | bytes):
        return len(value)
    if not isinstance(value, list | tuple):
        return 1
    total = len(value)
    for item in value:
        if total > limit:
            break
        if isinstance(item, str | bytes | list | tuple):
            total += size(item, limit - total)
    return total


def binop(operator: str, left: Any, right: Any) -> None:
    """``left operator right`` of a page, refused when its result would be huge."""
    if operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 0 and abs(left) > 1 and right * abs(left).bit_length() > POWER_BITS:
            raise OverflowError(f"{left} ** {right} is too large")
    elif operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int):
                if times > 1 and size(seq, PRODUCT_MAX // times + 1) * times > PRODUCT_MAX:
                    _refuse("a repetition")
    elif operator == "%" and isinstance(left, str):
        printf(left, right)


def printf(text: str, values: Any) -> None:
    """``text % values`` refused when a width or precision asks for more than the bound (a
    ``*`` takes it from ``values``)."""
    given = values if isinstance(values, tuple) else (values,)
    for spec in _PRINTF.finditer(text):
        for part in spec.groups():
            if part == "*":
                if any(isinstance(v, int) and v > PRODUCT_MAX for v in given):
                    _refuse("a width")
            elif part and int(part) > PRODUCT_MAX:
                _refuse("a width")


def format_spec(text: str) -> None:
    """``text.format(...)`` refused when a field's width or precision exceeds the bound."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # Python's own error, when the page's format runs
    for _, _, spec, _ in fields:
        if spec and any(int(n) > PRODUCT_MAX for n in _DIGITS.findall(spec)):
            _refuse("a width")


def _width(width: Any, lines: int = 1) -> None:
    if isinstance(width, int) and width * lines > PRODUCT_MAX:
        _refuse("a padding")
    if isinstance(width, str) and len(width) * lines > PRODUCT_MAX:
        _refuse("a padding")


def _replace(text: Any, old: Any, new: Any, count: Any = None) -> None:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return
    times = len(text) + 1 if not old else text.count(old)
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    if len(text) + times * (len(new) - len(old)) > PRODUCT_MAX:
        _refuse("a replacement")


def _join(sep: Any, items: Any) -> None:
    if isinstance(items, list | tuple) and isinstance(sep, str):
        if len(sep) * len(items) + size(items) > PRODUCT_MAX:
            _refuse("a join")


def _method(name: str, text: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    if name in ("center", "ljust", "rjust", "zfill") and args:
        _width(args[0])
    elif name == "expandtabs":
        _width(args[0] if args else kwargs.get("tabsize", 8), text.count("\t"))
    elif name == "replace" and len(args) >= 2:
        _replace(text, *args[:3])
    elif name == "join" and args:
        _join(text, args[0])
    elif name in ("format", "format_map"):
        format_spec(text)


def call(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """A page's call of a text's method (``'x'.center(n)``, ``sep.join(items)``; ``format`` as
    Jinja's sandbox wraps it), refused when its result would be huge."""
    if isinstance(obj, types.FunctionType):
        obj = getattr(obj, "__wrapped__", obj)
    if isinstance(obj, types.BuiltinMethodType) and isinstance(obj.__self__, str):
        _method(obj.__name__, obj.__self__, args, kwargs)


def _center(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    _width(width)


def _indent(value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    _width(width, str(value).count("\n") + 1)


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, str):
        printf(value, args or kwargs)


def _replace_filter(eval_ctx: Any, text: Any, old: Any, new: Any, count: Any = None) -> None:
    _replace(str(text), str(old), str(new), count)


def _join_filter(eval_ctx: Any, value: Any, d: Any = "", *_: Any, **__: Any) -> None:
    _join(d, value)


_FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _center,
    "indent": _indent,
    "format": _format,
    "replace": _replace_filter,
    "join": _join_filter,
}


def filters(table: dict[str, Any]) -> None:
    """The filters of ``table`` that make a text as long as a number says, or from other texts,
    each checked before it runs (with Jinja's markers of what a filter is passed kept)."""
    for name, check in _FILTER_CHECKS.items():
        table[name] = _checked(table[name], check)


def _checked(function: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    @wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        check(*args, **kwargs)
        return function(*args, **kwargs)

    return checked
