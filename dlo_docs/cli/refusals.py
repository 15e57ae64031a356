"""What the system refused a command: a full disk, a folder the user may not write in, a
read-only file system. Said as the command's error (where, why, what to do), exit code 1, not
as an internal error to report: nothing in dlo is wrong, and nothing is claimed done."""

from __future__ import annotations

import errno
import os
import sys

import click

from ..i18n import _

FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
# a path given that cannot be one: a file where a folder of it must be (--out FILE/x.csv), a
# name longer than the file system takes, a link that leads back to itself
PLACE = {errno.ENOTDIR, errno.ENAMETOOLONG, errno.ELOOP}


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
    if not isinstance(exc, OSError) or not (exc.errno in FULL | DENIED or _misplaced(exc)):
        return
    if os.environ.get("DLO_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    reason = exc.strerror or str(exc)
    if exc.filename:
        message = _("dlo: error: {path}: {reason}: the command stopped, unfinished").format(
            path=exc.filename, reason=reason
        )
    else:
        message = _("dlo: error: {reason}: the command stopped, unfinished").format(reason=reason)
    if exc.errno in FULL:
        hint = _("free space on that disk, or choose another folder; then run the command again")
    elif exc.errno == errno.EROFS:  # no user and no permission can write there
        hint = _(
            "that disk is mounted read-only: write to a folder on another disk (--out, where "
            "the command takes it), or have it mounted read-write; then run the command again"
        )
    elif exc.errno == errno.ENAMETOOLONG:
        hint = _("give a shorter name; then run the command again")
    elif exc.errno == errno.ELOOP:
        hint = _(
            "a symbolic link on the path leads back to itself: give another path, or mend the "
            "link; then run the command again"
        )
    elif exc.errno not in DENIED:
        hint = _(
            "a file stands where the path needs a folder: give another path, or move that file; "
            "then run the command again"
        )
    else:
        hint = _(
            "run the command as a user who may write there (the folder's owner), or change the "
            "folder's permissions; then run it again"
        )
    click.echo(f"{message} " + _("(hint: {hint})").format(hint=hint), err=True)
    sys.exit(1)
