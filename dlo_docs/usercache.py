"""The one folder where ``dlo`` keeps what it can make again (converted PDFs and the like), so
that a later command does not redo the same work.

It is the user's cache folder, never a folder of the project: whoever can commit to the project
must not be able to plant an entry that a build would publish as its own output. In order:
``DLO_CACHE_DIR`` (tests and unusual set-ups), else ``$XDG_CACHE_HOME/dlo_docs``, else
``~/.cache/dlo_docs`` (on Windows ``%LOCALAPPDATA%\\dlo_docs\\cache``). Every cache of the
package lives in a sub-folder of it (``folder("pdf")``).

Caches are off when ``DLO_NO_CACHE`` is set to anything but ``""``/``0``, when ``DLO_CACHE_DIR``
is ``off``, after ``disable()`` (the command line's ``dlo --no-cache``), and when the folder is
inside a project (``DLO_CACHE_DIR`` pointing into one): nothing is read from them or written to
them. What is read from a cache is data only, checked before use (never
unpickled or run); a damaged entry is a miss.

``load`` and ``store`` keep one entry, named by a ``digest`` of everything it was made from (so a
change of any of it is another name; nothing is invalidated in place): bytes behind their
SHA-256, written atomically and private to the user (0600). An entry is read (``read_entry``)
only when it is the user's own: a regular file (no FIFO, no device), reached through no link
below the cache's folder, of bounded size, owned by the user and writable by nobody else — an
entry someone else could have written (a shared or group-writable cache folder) is not trusted.
An entry that is missing, unreadable, oversized, not the user's own or does not match its digest
is a miss; a cache that cannot be written is no error. The caller parses what it reads as data
and checks it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

from .errors import UsageError

OFF = "off"  # DLO_CACHE_DIR=off: no cache, as DLO_NO_CACHE=1
LIMIT = 64 * 1024 * 1024  # an entry larger than this is neither kept nor read
_DIGEST_LINE = 65  # 64 hex digits and a newline

_DISABLED = False  # set by ``disable`` (``dlo --no-cache``) for this process


def disable(off: bool = True) -> None:
    """Read and write no cache in this process (``off=False`` undoes it)."""
    global _DISABLED
    _DISABLED = off


def enabled() -> bool:
    """Are caches used? Not after ``disable()``, nor when ``DLO_NO_CACHE`` is set, nor when the
    cache folder is inside a project (``DLO_CACHE_DIR`` pointing there)."""
    if _DISABLED or os.environ.get("DLO_CACHE_DIR", "").strip() == OFF:
        return False
    if os.environ.get("DLO_NO_CACHE", "").strip() not in ("", "0"):
        return False
    return not _in_a_project(root())


_IN_A_PROJECT: dict[Path, bool] = {}


def _in_a_project(folder: Path) -> bool:
    """Is ``folder``, or a folder above it, a project (one holding ``regulations/registry.yaml``)?
    Its entries could then be committed to the project by whoever drafts there."""
    if folder not in _IN_A_PROJECT:
        paths = {Path(os.path.abspath(folder)), Path(os.path.realpath(folder))}
        _IN_A_PROJECT[folder] = any(
            (p / "regulations" / "registry.yaml").is_file()
            for path in paths
            for p in (path, *path.parents)
        )
    return _IN_A_PROJECT[folder]


def root() -> Path:
    """The cache folder of ``dlo`` (not made here; see the module's docstring)."""
    chosen = os.environ.get("DLO_CACHE_DIR", "").strip()
    if chosen:
        return Path(chosen).expanduser()
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA", "").strip()
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "dlo_docs" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "dlo_docs"


def megabytes(variable: str, default_mb: int) -> int:
    """The bound in bytes that the environment ``variable`` sets in megabytes (a negative one is
    0); the default when it is unset or not a finite number (text, ``inf``, ``1e999``)."""
    with contextlib.suppress(ValueError, OverflowError):
        return max(0, int(float(os.environ.get(variable, "")) * 1024 * 1024))
    return default_mb * 1024 * 1024


def folder(name: str) -> Path:
    """The sub-folder of the cache for one kind of entry (``pdf``…)."""
    return root() / name


def make(path: Path, top: Path | None = None) -> None:
    """The folder ``path`` below ``top`` (default: the cache's root) made, with ``top`` and
    every folder between, each private to the user (0700; ``mkdir`` would give the folders it
    makes on the way the default mode). Folders that are there are left as they are; the parents
    of ``top`` (such as ``~/.cache``) are made as the system makes them."""
    top = root() if top is None else top
    top.parent.mkdir(parents=True, exist_ok=True)
    below = path.relative_to(top).parts
    for depth in range(len(below) + 1):
        top.joinpath(*below[:depth]).mkdir(mode=0o700, exist_ok=True)


def digest(*parts: bytes | str) -> str:
    """The name of an entry made from ``parts`` (each counted with its length, so no two
    different lists of parts give the same name)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


def _entry(kind: str, name: str) -> Path | None:
    if not enabled() or not kind.isidentifier() or not name.isalnum():
        return None
    return folder(kind) / name


def load(kind: str, name: str) -> bytes | None:
    """The bytes kept under ``kind``/``name``, or None (a miss: none, or not to be trusted to be
    what was kept)."""
    path = _entry(kind, name)
    if path is None:
        return None
    raw = read_entry(path, LIMIT + _DIGEST_LINE, root())
    if raw is None:
        return None
    head, data = raw[:_DIGEST_LINE], raw[_DIGEST_LINE:]
    if head != hashlib.sha256(data).hexdigest().encode("ascii") + b"\n":
        return None
    return data


def store(kind: str, name: str, data: bytes) -> None:
    """Keep ``data`` under ``kind``/``name``; quietly nothing when caches are off, the data too
    big, or the folder cannot be written."""
    path = _entry(kind, name)
    if path is None or len(data) > LIMIT:
        return
    from . import fsio

    head = hashlib.sha256(data).hexdigest().encode("ascii") + b"\n"
    with contextlib.suppress(OSError, UsageError):
        make(path.parent)
        # not fsync'ed: ``load`` checks the digest line, so an entry a crash tore is a miss
        fsio.atomic_write(path, head + data, 0o600, root=path.parent.parent, durable=False)


_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_FLAGS |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _own(info: os.stat_result) -> bool:
    """Is it the user's, writable by nobody else? (Windows keeps no such modes: always.)"""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_entry(path: Path, limit: int, top: Path) -> bytes | None:
    """The bytes of the entry at ``path`` below the folder ``top`` (the cache's, or a kind's),
    or None: it, or a folder between ``top`` and it, is a link; it is not a regular file, larger
    than ``limit``, someone else's or writable by others. Never waits on a FIFO."""
    try:
        below = path.parent.relative_to(top).parts
        folder = top
        for part in below:
            folder = folder / part
            if stat.S_ISLNK(os.lstat(folder).st_mode):
                return None
        fd = os.open(path, _FLAGS)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit or not _own(info):
            return None
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, 1024 * 1024)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)
