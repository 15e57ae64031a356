"""What the system refused a command: a full disk, a file over the size a process or file
system allows, a failing disk, a folder the user may not write in, a read-only file system, a
folder where a file is to be written. Said as the command's error (where, why, what to do), exit
code 1, not as an internal error to report: nothing in dlo is wrong, and nothing is claimed
done."""

from __future__ import annotations

import errno
import os
import sys

import click

from ..errors import from_here, os_reason
from ..i18n import _, text

FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
# a path given that cannot be one: a file where a folder of it must be (--out FILE/x.csv), a
# name longer than the file system takes, a link that leads back to itself, a folder where a
# file is written (build/x.kk.docx made a folder)
PLACE = {errno.ENOTDIR, errno.ENAMETOOLONG, errno.ELOOP, errno.EISDIR}
# a file larger than the process may write (ulimit -f) or the file system keeps (FAT32's 4 GiB);
# a disk or network share that failed to read or write
FAULT = {errno.EFBIG, errno.EIO}


def _misplaced(exc: OSError) -> bool:
    """A folder to be made where a file already is (``mkdir`` says it exists), or ``PLACE``."""
    if exc.errno in PLACE:
        return True
    name = exc.filename
    return (
        exc.errno == errno.EEXIST
        and isinstance(name, str)
        and os.path.lexists(name)
        and not os.path.isdir(name)
    )


def end_if_refused(exc: BaseException) -> None:
    """When ``exc`` is the system's refusal: print it as the command's error and exit 1."""
    if not isinstance(exc, OSError) or not (exc.errno in FULL | DENIED | FAULT or _misplaced(exc)):
        return
    if os.environ.get("DLO_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    why = text(os_reason(exc))
    # a rename's target (``filename2``), not the temporary file it came from: the file meant
    path = exc.filename2 or exc.filename
    if path:
        message = _("dlo: error: {path}: {reason}: the command stopped, unfinished").format(
            path=from_here(path), reason=why
        )
    else:
        message = _("dlo: error: {reason}: the command stopped, unfinished").format(reason=why)
    click.echo(f"{message} " + _("(hint: {hint})").format(hint=_hint(exc)), err=True)
    sys.exit(1)


def _hint(exc: OSError) -> str:
    """What to do about the system's refusal ``exc``."""
    if exc.errno == errno.EFBIG:
        return _(
            "the file would be larger than this system lets a file be (the shell's limit, "
            "ulimit -f, or the file system's own): raise the limit, or choose a folder on "
            "another disk; then run the command again"
        )
    if exc.errno == errno.EIO:
        return _(
            "the disk (or network share) failed to read or write: check it and its connection, "
            "or choose a folder on another disk; then run the command again"
        )
    if exc.errno == errno.EISDIR:
        return _(
            "a folder stands where the command writes a file: move that folder away, or give "
            "another path; then run the command again"
        )
    if exc.errno in FULL:
        return _("free space on that disk, or choose another folder; then run the command again")
    if exc.errno == errno.EROFS:  # no user and no permission can write there
        return _(
            "that disk is mounted read-only: write to a folder on another disk (--out, where "
            "the command takes it), or have it mounted read-write; then run the command again"
        )
    if exc.errno == errno.ENAMETOOLONG:
        return _("give a shorter name; then run the command again")
    if exc.errno == errno.ELOOP:
        return _(
            "a symbolic link on the path leads back to itself: give another path, or mend the "
            "link; then run the command again"
        )
    if exc.errno not in DENIED:
        return _(
            "a file stands where the path needs a folder: give another path, or move that file; "
            "then run the command again"
        )
    return _(
        "run the command as a user who may write there (the folder's owner), or change the "
        "folder's permissions; then run it again"
    )
