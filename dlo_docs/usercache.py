"""The one folder where ``dlo`` keeps what it can make again (converted PDFs and the like), so
that a later command does not redo the same work.

It is the user's cache folder, never a folder of the project: whoever can commit to the project
must not be able to plant an entry that a build would publish as its own output. In order:
``DLO_CACHE_DIR`` (tests and unusual set-ups), else ``$XDG_CACHE_HOME/dlo_docs``, else
``~/.cache/dlo_docs`` (on Windows ``%LOCALAPPDATA%\\dlo_docs\\cache``). Every cache of the
package lives in a sub-folder of it (``folder("pdf")``).

Caches are off when ``DLO_NO_CACHE`` is set to anything but ``""``/``0``, when ``DLO_CACHE_DIR``
is ``off``, or after ``disable()`` (the command line's ``dlo --no-cache``): nothing is read from
them or written to them. What is read from a cache is data only, checked before use (never
unpickled or run); a damaged entry is a miss.
"""

from __future__ import annotations

import os
from pathlib import Path

OFF = "off"  # DLO_CACHE_DIR=off: no cache, as DLO_NO_CACHE=1
_DISABLED = False  # set by ``disable`` (``dlo --no-cache``) for this process


def disable(off: bool = True) -> None:
    """Read and write no cache in this process (``off=False`` undoes it)."""
    global _DISABLED
    _DISABLED = off


def enabled() -> bool:
    """Are caches used? Not after ``disable()``, nor when ``DLO_NO_CACHE`` is set."""
    if _DISABLED or os.environ.get("DLO_CACHE_DIR", "").strip() == OFF:
        return False
    return os.environ.get("DLO_NO_CACHE", "").strip() in ("", "0")


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


def folder(name: str) -> Path:
    """The sub-folder of the cache for one kind of entry (``pdf``…)."""
    return root() / name
