"""What a page's value takes printed (``size``), and the refusal of an operation that would
make more than a page may (no Jinja here: ``page_bounds`` and ``page_formats`` use these)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..i18n import Msg

PRODUCT_MAX = 10**6  # characters or items one operation of a page may make
TEXT = str | bytes | bytearray
MANY = list | tuple | dict | set | frozenset


def refuse(what: Msg) -> None:
    """Refuse an operation (its error, a message, is shown in the interface's language)."""
    limit = grouped(PRODUCT_MAX)
    raise OverflowError(
        Msg("{what} would make more than {limit} characters or items", what=what, limit=limit)
    )


def grouped(number: int) -> str:
    """``number`` with its thousands set apart by a no-break space, as Kazakh and Russian
    write them (and English reads them): 1 000 000."""
    return f"{number:,}".replace(",", "\u00a0")


def size(value: Any, limit: int = PRODUCT_MAX, indent: int = 0, level: int = 1) -> int:
    """What printing ``value`` takes, roughly: a text's characters, a collection's items and
    theirs (a list held many times counts each time), each item ``indent`` times its ``level``
    more when it is printed indented (JSON), 1 for anything else; counting stops past
    ``limit``."""
    if isinstance(value, TEXT):
        return len(value)
    if not isinstance(value, MANY):
        return 1
    total = len(value) * (1 + indent * level)
    items = value.items() if isinstance(value, dict) else value
    for item in items:
        if total > limit:
            break
        if isinstance(item, TEXT | MANY):
            total += size(item, limit - total, indent, level + 1)
    return total


def sizes(values: Iterable[Any]) -> int:
    """The texts and lists of ``values`` printed, their lengths together (``size``)."""
    total = 0
    for value in values:
        if isinstance(value, TEXT | MANY):
            total += size(value, PRODUCT_MAX - total)
        if total > PRODUCT_MAX:
            break
    return total
