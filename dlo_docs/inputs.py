"""Reading an input file safely: a regular file only, of bounded size, never through a symlink
that leads out of where it belongs.

A FIFO would block a reader forever and a device (``/dev/zero``) never ends, so the file is opened
without blocking, checked with ``fstat`` on the open descriptor (no race between check and read),
and read up to a limit. A symlink is followed only when its target resolves inside ``root``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .i18n import Msg

MIB = 1024 * 1024
MAX_YAML_BYTES = 16 * MIB  # a regulation is tens of KB; a journal of decades stays far below
MAX_IMPORT_BYTES = 64 * MIB  # a Word document with pictures


class InputRefused(Exception):
    """The file cannot be read safely. ``reason`` says why, ``hint`` what to do."""

    def __init__(self, reason: Msg, hint: Msg | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def _confined(path: Path, root: Path | None) -> None:
    """Refuse a path whose symlinks (anywhere along it) lead outside ``root``."""
    if root is None:
        return
    try:
        resolved = path.resolve()
    except RuntimeError:  # Python 3.11 (3.13: OSError, ELOOP, from os.open below)
        raise InputRefused(
            Msg("the file is a symbolic link that leads back to itself"),
            Msg("replace the link with the file itself"),
        ) from None
    try:
        resolved.relative_to(Path(root).resolve())
    except ValueError:
        raise InputRefused(
            Msg("the file is a symbolic link to {target}, outside the project", target=resolved),
            Msg("replace the link with the file itself"),
        ) from None


def _open(path: Path, limit: int, root: Path | None) -> int:
    """A descriptor of the regular file at ``path`` of at most ``limit`` bytes (checked with
    ``fstat`` on the descriptor itself), or ``InputRefused``; the caller closes it."""
    _confined(path, root)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            kind = (
                Msg("a named pipe (FIFO)")
                if stat.S_ISFIFO(info.st_mode)
                else Msg("a device")
                if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                else Msg("a socket")
                if stat.S_ISSOCK(info.st_mode)
                else Msg("not a regular file")
            )
            raise InputRefused(
                Msg("the file is {kind}, not a regular file", kind=kind),
                Msg("put a regular file in its place"),
            )
        if info.st_size > limit:
            raise InputRefused(
                Msg(
                    "the file is {size} bytes, more than the {limit} bytes read",
                    size=info.st_size,
                    limit=limit,
                ),
                Msg("split it, or check that it is the file you meant"),
            )
    except BaseException:
        os.close(fd)
        raise
    return fd


def check(path: Path | str, *, limit: int, root: Path | None = None) -> None:
    """Refuse (``InputRefused``) what ``read_bytes`` would refuse, without reading the file."""
    os.close(_open(Path(path), limit, root))


def read_bytes(path: Path | str, *, limit: int, root: Path | None = None) -> bytes:
    """The bytes of the regular file at ``path``; at most ``limit`` bytes or ``InputRefused``.

    ``FileNotFoundError``, ``IsADirectoryError`` and other ``OSError`` pass through for the
    caller to word."""
    fd = _open(Path(path), limit, root)
    try:
        chunks: list[bytes] = []
        left = limit + 1  # a file that grows while read is caught too
        while left > 0:
            chunk = os.read(fd, min(left, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise InputRefused(
                Msg("the file is more than the {limit} bytes read", limit=limit),
                Msg("split it, or check that it is the file you meant"),
            )
        return data
    finally:
        os.close(fd)


def project_root_of(path: Path | str) -> Path | None:
    """The project a file of ``regulations/`` belongs to (the folder holding ``regulations``),
    found from the path as given, before any symlink is followed; None outside a project."""
    path = Path(os.path.abspath(path))
    for parent in path.parents:
        if parent.name == "regulations":
            return parent.parent
    return None
