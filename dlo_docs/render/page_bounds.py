"""Bounds on what one operation of a project's page may make (no Jinja here: the sandbox in
``html`` calls these). A power, a repetition, a padding, a width or a join written with a small
number can ask for gigabytes (``'x'.center(10**9)``, ``'%0999999999d' % 1``, a list repeated
inside a list repeated); each such operation is refused (OverflowError: the page's error at
its line) before it is computed: at most a million characters or items (``size``) each. A
guard against a mistyped number, not a quota: what a page builds up by loops, macros, captured
blocks or filters over filters is its author's to keep reasonable, as its loops are."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import Any

from ..i18n import Msg
from .page_formats import attributes, format_spec, printf
from .page_size import MANY, PRODUCT_MAX, TEXT, grouped, refuse, size, sizes

POWER_BITS = 2**16  # bits of a page's power of integers (~20,000 digits; 4,300 can be printed)


def _too_long(what: Msg) -> None:
    digits = grouped(round(POWER_BITS * math.log10(2)))
    raise OverflowError(
        Msg("{what} would make more than {digits} digits", what=what, digits=digits)
    )


def _over(value: Any, times: int = 1) -> None:
    """Refuse ``value`` printed or made ``times`` over when that is more than the bound."""
    if (
        isinstance(value, TEXT | MANY)
        and size(value, PRODUCT_MAX // max(times, 1) + 1) * max(times, 1) > PRODUCT_MAX
    ):
        refuse(Msg("a text or list"))


def binop(operator: str, left: Any, right: Any) -> None:
    """``left operator right`` of a page, refused when its result would be huge."""
    if operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > POWER_BITS:
            _too_long(Msg("a power"))
    elif operator == "*":
        _times(left, right)
    elif operator == "+" and isinstance(left, TEXT | list | tuple):
        # their lengths only: what each holds was bounded where it was made, and a page that
        # adds an item at a time to a list must not have the list counted over at every step
        if isinstance(right, TEXT | list | tuple) and len(left) + len(right) > PRODUCT_MAX:
            refuse(Msg("a text or list"))
    elif operator == "%" and isinstance(left, TEXT):
        printf(left, right)


def _times(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > POWER_BITS:
            _too_long(Msg("a product"))
    for seq, times in ((left, right), (right, left)):
        if isinstance(times, int) and times > 1:
            _over(seq, times)


def joined(join: Callable[[tuple[Any, ...]], Any], parts: tuple[Any, ...]) -> Any:
    """A page's ``a ~ b ~ …``, ``join(parts)``, refused before it is made when its texts are
    longer than the bound together: doubling a text step by step stops at the first step over
    it; a list joined counts as it prints."""
    if sizes(parts) > PRODUCT_MAX:
        refuse(Msg("a text or list"))
    return join(parts)


def made(value: Any) -> Any:
    """A list, tuple or dict a page made (written, or returned by what it called), refused
    when it holds more than the bound (``[a, a]`` counts ``a``'s items twice)."""
    if isinstance(value, MANY):
        _over(value)
    return value


def printed(value: Any) -> None:
    """A list or dict a page prints (its text is about as long as its ``size``)."""
    if isinstance(value, MANY):
        _over(value)


def _width(width: Any, lines: int = 1) -> None:
    if isinstance(width, int) and abs(width) * lines > PRODUCT_MAX:
        refuse(Msg("a padding"))
    if isinstance(width, str) and len(width) * lines > PRODUCT_MAX:
        refuse(Msg("a padding"))


def _replace(text: Any, old: Any, new: Any, count: Any = None) -> None:
    if not (isinstance(text, TEXT) and isinstance(old, TEXT) and isinstance(new, TEXT)):
        return
    times = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    if len(text) + times * (len(new) - len(old)) > PRODUCT_MAX:
        refuse(Msg("a replacement"))


def _join(sep: Any, items: Any) -> list[Any] | None:
    """``sep`` joining ``items``, refused past the bound; ``items`` read into a list when they
    are made as they are read (a generator, a range), which the join is then given."""
    if isinstance(items, TEXT):
        items = list(items)
    elif not isinstance(items, list | tuple):
        try:
            items = list(items)
        except TypeError:
            return None  # not iterable: Jinja's or Python's own error
    if isinstance(sep, TEXT) and len(sep) * len(items) + size(items) > PRODUCT_MAX:
        refuse(Msg("a join"))
    return items


def _translate(text: Any, table: Any) -> None:
    values = table.values() if isinstance(table, Mapping) else table
    if isinstance(text, str) and isinstance(values, Iterable) and not isinstance(values, str):
        longest = max((len(v) for v in values if isinstance(v, str)), default=1)
        _width(longest, len(text))


def _method(name: str, text: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """Check a text's method; returns the arguments to call it with (a join's items read)."""
    if name in ("center", "ljust", "rjust", "zfill") and args:
        _width(args[0])
    elif name == "expandtabs":
        tabs = text.count("\t" if isinstance(text, str) else b"\t")
        _width(args[0] if args else kwargs.get("tabsize", 8), tabs)
    elif name == "replace" and len(args) >= 2:
        _replace(text, *args[:3])
    elif name == "join" and args:
        items = _join(text, args[0])
        return args if items is None else (items, *args[1:])
    elif name == "translate" and args:
        _translate(text, args[0])
    elif name == "format":
        format_spec(text, args, kwargs)
    elif name == "format_map" and args and isinstance(args[0], Mapping):
        format_spec(text, (), args[0])
    return args


def call(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """A page's call of a text's method (``'x'.center(n)``, ``sep.join(items)``, a ``Markup``'s,
    ``format`` as Jinja's sandbox wraps it) or of ``int.to_bytes``, refused when its result
    would be huge; returns the arguments to call it with."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, TEXT | int):  # a function wrapping a method: Jinja's format
        obj = getattr(obj, "__wrapped__", obj)
        owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, TEXT):
        return tuple(_method(name, owner, args, kwargs))
    if isinstance(owner, int) and name == "to_bytes" and args:
        _width(args[0])
    return args


def _center(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    _width(width)


def _indent(value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    _width(width, str(value).count("\n") + 1)


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, str):
        printf(value, args or kwargs)


def _replace_filter(eval_ctx: Any, text: Any, old: Any, new: Any, count: Any = None) -> None:
    _replace(str(text), str(old), str(new), count)


def _join_filter(*args: Any, **kwargs: Any) -> Any:
    """``join(eval_ctx, value, d, attribute)``: the items read (their attributes joined, when
    it joins those)."""
    sep = args[2] if len(args) > 2 else kwargs.get("d", "")
    path = args[3] if len(args) > 3 else kwargs.get("attribute")
    if path is None:
        joined_items = _join(sep, args[1])
        return None if joined_items is None else (args[0], joined_items, *args[2:])
    try:  # (read once: a generator is given on as the list)
        items = list(args[1])
    except TypeError:
        return None  # not iterable: Jinja's own error
    values = attributes(items, path)
    if values is not None and isinstance(sep, TEXT):
        _join(sep, values)
    return (args[0], items, *args[2:])


def _wordwrap(env: Any, text: Any, width: Any = 79, *rest: Any, **kwargs: Any) -> None:
    wrap = kwargs.get("wrapstring", rest[1] if len(rest) > 1 else None)
    if isinstance(text, str) and isinstance(wrap, str) and isinstance(width, int):
        _width(wrap, len(text) // max(width, 1) + 1)


def _tojson(eval_ctx: Any, value: Any, indent: Any = None) -> None:
    indent = indent if isinstance(indent, int) and indent > 0 else 0
    if isinstance(value, TEXT | MANY) and size(value, indent=indent) > PRODUCT_MAX:
        refuse(Msg("a text or list"))


def _count(value: Any, count: Any, *_: Any, **__: Any) -> None:
    _width(count)


def _slice(eval_ctx: Any, value: Any, count: Any, *_: Any, **__: Any) -> None:
    _width(count)


def _sum(*args: Any, **kwargs: Any) -> Any:
    """``sum(environment, iterable, attribute, start)`` of lists or texts: the items read."""
    start = args[3] if len(args) > 3 else kwargs.get("start", 0)
    if not isinstance(start, TEXT | list | tuple):
        return None
    items = list(args[1])
    path = args[2] if len(args) > 2 else kwargs.get("attribute")
    values = items if path is None else attributes(items, path)
    if values is not None and size(start) + sizes(values) > PRODUCT_MAX:
        refuse(Msg("a sum"))
    return (args[0], items, *args[2:])


def _printed(value: Any, *_: Any, **__: Any) -> None:
    printed(value)


_FILTER_CHECKS: dict[str, Callable[..., Any]] = {
    "center": _center,
    "indent": _indent,
    "format": _format,
    "replace": _replace_filter,
    "join": _join_filter,
    "wordwrap": _wordwrap,
    "tojson": _tojson,
    "batch": _count,
    "slice": _slice,
    "sum": _sum,
    "string": _printed,
    "pprint": _printed,
}


def filters(table: dict[str, Any]) -> None:
    """The filters of ``table`` whose result a number or a shared list can make huge, each
    checked before it runs (with Jinja's markers of what a filter is passed kept)."""
    for name, check in _FILTER_CHECKS.items():
        table[name] = _checked(table[name], check)


def lipsum(function: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``lipsum(n, html, min, max)``, its paragraphs times their words bounded."""

    def check(n: Any = 5, html: Any = True, *bounds: Any, **named: Any) -> None:
        high = named.get("max", bounds[1] if len(bounds) > 1 else 100)
        if isinstance(n, int | float) and isinstance(high, int | float):
            words = n * high
            if not math.isfinite(words) or words * 8 > PRODUCT_MAX:  # a word: ~8 characters
                refuse(Msg("a padding"))

    return _checked(function, check)


def _checked(function: Callable[..., Any], check: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        given = check(*args, **kwargs)
        return function(*(args if given is None else given), **kwargs)

    return checked
