"""The ``dlo`` executable: ``dlo --version`` answers at once; everything else is the command
line of ``dlo_docs.cli``.

Ctrl-C and SIGTERM are blocked while the command line is being imported (a tenth of a second or
more on a busy machine), before its handlers exist: one pressed then ended Python with a
traceback of the import. Blocked, it stays pending, and ``unblock`` (called by ``cli`` once its
handlers are installed, inside the ``try`` that turns an interrupt into 130 or 143) delivers it.
"""

from __future__ import annotations

import sys

VERSION = "0.1.0"  # the package's version (pyproject.toml; a test keeps them equal)


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"dlo, version {VERSION}")
        sys.exit(0)
    _block()
    from .cli import run as cli_run

    cli_run(exiting=True)  # Ctrl-C on the way out: ignored once interrupted (cli._leaving)


_BLOCKED: set[int] = set()  # blocked by ``_block`` until ``unblock``


def _block() -> None:
    """Hold Ctrl-C and SIGTERM back (pending) until ``unblock`` (POSIX; elsewhere nothing)."""
    import signal  # here: ``dlo --version`` does without it

    if hasattr(signal, "pthread_sigmask"):
        wanted = {signal.SIGINT, signal.SIGTERM}
        _BLOCKED.update(wanted - signal.pthread_sigmask(signal.SIG_BLOCK, wanted))


def unblock() -> None:
    """Deliver what ``_block`` held back, to the handlers installed since. The mask is inherited
    by the programs a command starts, so this comes before any of them is started."""
    if _BLOCKED:
        import signal

        blocked = set(_BLOCKED)
        _BLOCKED.clear()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, blocked)
