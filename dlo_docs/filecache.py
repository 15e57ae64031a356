"""A bounded cache of what was made from a file's content (``Project.cache``, ``project.PARSED``),
served only while the content is the same."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable


class FileCache:
    """Each file parsed (and validated) once, whoever asks for it: the workflow's status,
    records and editions, the diff, the lint rules and the site all read the same registry and
    texts many times in one command.

    An entry is keyed by the file's resolved path and holds the bytes it was parsed from; a
    lookup reads the file again (cheap) and parses again only when the bytes differ, so a file
    written in between is never served stale. At most ``size`` files are kept (least recently
    used first out), so memory stays bounded however large the project."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[tuple, tuple[bytes | str, object]] = OrderedDict()

    def get(self, key: tuple, raw: bytes | str, make):
        """The value made from ``raw`` under ``key``: cached when ``raw`` is unchanged."""
        entry = self._entries.get(key)
        if entry is not None and entry[0] == raw:
            self._entries.move_to_end(key)
            return entry[1]
        value = make()
        self.put(key, raw, value)
        return value

    def known(self, key: tuple, raw: bytes | str):
        """The value cached under ``key`` for exactly ``raw``, else None (nothing is made)."""
        entry = self._entries.get(key)
        return entry[1] if entry is not None and entry[0] == raw else None

    def put(self, key: tuple, raw: bytes | str, value) -> None:
        """Remember ``value`` as what ``raw`` makes under ``key`` (a writer that knows what the
        bytes it wrote read back as)."""
        self._entries[key] = (raw, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()

    def keys(self) -> list[tuple]:
        """The keys of what is kept, least recently used first."""
        return list(self._entries)

    def forget(self, matches: Callable[[tuple], bool]) -> None:
        """Drop every entry whose key ``matches``."""
        for key in [k for k in self._entries if matches(k)]:
            del self._entries[key]
