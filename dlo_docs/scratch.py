"""A private scratch folder for one run (LibreOffice's profile, a conversion's files, a render's
staging folder) that nothing leaves behind: not an interrupt, nor a killed process.

- ``folder(kind, parent=None, hidden=False)``: a context whose folder is made in ``parent``
  (default: the temporary folder) and removed whole as the block ends, however it ends. It is
  made with Ctrl-C and SIGTERM held (``interrupts``) until the ``try`` whose ``finally`` removes
  it: one that came between the folder being made and that ``try`` left it behind (a stress run
  of random SIGTERMs found one). Its removal holds them too: one that comes then is raised once
  the folder is gone, not in the middle (which left it half removed).
- It is named ``[.]dlo-<kind>-<host>-<pid>-…`` (``fsio.staging``), and before one is made those
  of ``kind`` in ``parent`` whose process (of this host) no longer runs are removed
  (``fsio.sweep_staging``: SIGKILL, a power cut); another host's, a running process's and other
  names are left alone, a link is removed, not followed.
- ``remove(path)``: the folder removed whole, interrupts held meanwhile.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import fsio, interrupts


@contextlib.contextmanager
def folder(kind: str, parent: Path | None = None, *, hidden: bool = False) -> Iterator[Path]:
    """A new folder of ``kind`` in ``parent`` for the block, removed as it ends."""
    where = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    fsio.sweep_staging(where, kind, hidden)
    held = interrupts.hold()
    try:
        path = Path(tempfile.mkdtemp(prefix=fsio.staging(kind, hidden), dir=where))
    except BaseException:
        held.release()
        raise
    try:
        held.release()  # an interrupt that came meanwhile is raised here: the folder is removed
        yield path
    finally:
        remove(path)


def remove(path: Path) -> None:
    """``path`` removed whole; an interrupt meanwhile is raised once it is gone."""
    with interrupts.holding():
        shutil.rmtree(path, ignore_errors=True)
