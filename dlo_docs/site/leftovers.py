"""What a build interrupted or killed left in the site folder: the temporary files of the writes
it tore (searched for unless the last build finished leaving none: ``FINISHED``), and its
private work files in ``.dlo-site/``. Called by ``build`` under the build's lock."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from pathlib import Path

from ..fsio import sweep, sync_folder
from .manifest import FOLDER

FINISHED = "finished"  # in FOLDER: the last build finished, leaving no temporary file
WALK_EVERY = 24 * 3600 * 10**9  # ns: the site is searched for them at least this often


def swept(out: Path) -> int | None:
    """Remove the temporary files of writes an interrupted build left anywhere in the site: a
    walk of every folder (~60 ms for 1,000 regulations), spared while the last build finished
    leaving none and the walk its mark (``FINISHED``) dates is less than ``WALK_EVERY`` old
    (so what no mark can tell of, a site restored from a copy or built by an older dlo that
    was killed, is found within that time). The mark is removed first, durably: a build
    interrupted from here on leaves none. Returns the time of the walk since which no
    temporary file is left (ns), None when one is (too recent to be a dead writer's, or not
    removable, or in a folder that cannot be listed: the next build looks again)."""
    mark = out / FOLDER / FINISHED
    now = time.time_ns()
    try:
        info: os.stat_result | None = os.lstat(mark)
        os.unlink(mark)  # a link is removed, not followed
    except OSError:
        info = None
    else:
        sync_folder(mark.parent)
    if info is not None and stat.S_ISREG(info.st_mode) and 0 <= now - info.st_mtime_ns < WALK_EVERY:
        return info.st_mtime_ns
    return None if sweep(out, recursive=True) else now


def finished(out: Path, walked: int) -> None:
    """Mark the build finished, with no temporary file left since the walk at ``walked`` (its
    modification time; see ``swept``). Not made durable: a mark a crash loses costs a walk."""
    path = out / FOLDER / FINISHED
    with contextlib.suppress(OSError):  # exclusive: an existing name (even a link) is left
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.utime(fd if os.utime in os.supports_fd else path, ns=(walked, walked))
        finally:
            os.close(fd)


def private_leftovers(private: Path) -> None:
    """Remove what a killed build left in the site's private folder (no clean-up ran): its PDF
    conversion folders (``pdf-*``), the search index it was writing (``search-*.tmp``) and what a
    group held (``held-*.tmp``, named only where a file cannot be unnamed: Windows).
    Called under the build's lock, so no build is using them; a link is removed, not followed."""
    with contextlib.suppress(OSError):
        for path in [
            *private.glob("pdf-*"),
            *private.glob("search-*.tmp"),
            *private.glob("held-*.tmp"),
        ]:
            with contextlib.suppress(OSError):
                if path.is_symlink() or path.suffix == ".tmp":
                    path.unlink()
                elif path.is_dir():  # not pdf-failures.log, the last build's report
                    shutil.rmtree(path)
