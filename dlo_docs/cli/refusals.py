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


def end_if_refused(exc: BaseException) -> None:
    """When ``exc`` is the system's refusal: print it as the command's error and exit 1."""
    if not isinstance(exc, OSError) or exc.errno not in FULL | DENIED:
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
    else:
        hint = _(
            "run the command as a user who may write there (the folder's owner), or change the "
            "folder's permissions; then run it again"
        )
    click.echo(f"{message} " + _("(hint: {hint})").format(hint=hint), err=True)
    sys.exit(1)
