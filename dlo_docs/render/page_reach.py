"""What a read of a project's page reaches (no Jinja here: the sandbox in ``html`` asks)."""

from __future__ import annotations

import types
from collections.abc import Iterable
from typing import Any

# what a method of a built-in type is, read from the type (``dict.update``), from something that
# passes reads on to it (``dict[0].update``: a generic alias) or from an object (bound)
_BUILTIN_METHODS = frozenset(
    {
        types.MethodDescriptorType,
        types.WrapperDescriptorType,
        types.MethodWrapperType,
        types.ClassMethodDescriptorType,
        types.BuiltinMethodType,
    }
)


def reaches_around(value: Any, mutable: Iterable[tuple[type, frozenset[str]]]) -> bool:
    """``value`` is a method that changes a list, dict, set or deque (``dict.update``,
    ``dict[0].clear``, ``list.append``), or a type's ``mro``, however it was reached: Jinja's
    immutable sandbox judges the object an attribute is read from, so one read from the type, or
    from a generic alias that passes reads on to it, came through (``{{ dict.update(labels, …)
    }}`` changed the labels a page is given). ``mutable``: each mutable type with the names of
    its methods that change it (Jinja's table)."""
    if type(value) not in _BUILTIN_METHODS:
        return False
    name = getattr(value, "__name__", "")
    owner = getattr(value, "__objclass__", None) or getattr(value, "__self__", None)
    if isinstance(owner, type) and name == "mro":
        return True
    if owner is not None and not isinstance(owner, type):
        owner = type(owner)
    return isinstance(owner, type) and any(
        issubclass(owner, spec) and name in unsafe for spec, unsafe in mutable
    )
