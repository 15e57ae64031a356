"""What a command that writes no file of the project has read (``Project.reading_snapshots``):
each file's bytes, or why they could not be read (or that it is not there), kept by path, so
that the file is read from the disk once whatever asks for it and the command sees one state
of it; dropped folder by folder (``forget``) as the command is done with each regulation, so
that its memory is one regulation's files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .errors import Problem

Read = tuple[bytes | None, list[Problem]]  # the bytes, or None and why not


class Reads:
    def __init__(self) -> None:
        self._read: dict[tuple[str, str], Read] = {}

    def get(self, path: Path, display: str, read: Callable[[], Read]) -> Read:
        """What ``read`` gave for ``path`` the first time (shown as ``display``)."""
        key = (os.path.abspath(path), display)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = read()
        return found[0], list(found[1])

    def forget(self, folder: Path) -> None:
        """Drop what was read of the files under ``folder``: read again when asked for."""
        inside = os.path.join(os.path.abspath(folder), "")
        for key in [k for k in self._read if k[0].startswith(inside)]:
            del self._read[key]
