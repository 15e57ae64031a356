"""The ``dlo`` executable: ``dlo --version`` answers at once (after the global options too, as
in ``dlo --root X --version``); everything else is the command line of ``dlo_docs.cli``.

Ctrl-C and SIGTERM are blocked while the command line is being imported (a tenth of a second or
more on a busy machine), before its handlers exist: one pressed then ended Python with a
traceback of the import. Blocked, it stays pending, and ``unblock`` (called by ``cli`` once its
handlers are installed, inside the ``try`` that turns an interrupt into 130 or 143) delivers it.
"""

from __future__ import annotations

import sys

VERSION = "0.1.0"  # the package's version (pyproject.toml; a test keeps them equal)
UI_LANGS = ("en", "kk", "ru")  # --lang-ui's choices (i18n.UI_LANGS; a test keeps them equal)


def asks_version(args: list[str]) -> bool:
    """Whether the command line is global options and then ``--version``, last: what click
    answers with the version alone (a test compares the two). Anything else goes to click."""
    i = 0
    while i < len(args):
        name, eq, value = args[i].partition("=")
        if args[i] == "--version":
            return i == len(args) - 1
        if name in ("--root", "--soffice", "--lang-ui"):
            if not eq:
                value = args[i + 1] if i + 1 < len(args) else ""
                i += 1
            if name == "--lang-ui" and value not in UI_LANGS:
                return False
        elif args[i] != "--no-cache":
            return False
        i += 1
    return False


def run() -> None:
    if asks_version(sys.argv[1:]):
        print(f"dlo, version {VERSION}")
        sys.exit(0)
    _block()
    _collect_less()
    from .cli import run as cli_run

    cli_run(exiting=True)  # Ctrl-C on the way out: ignored once interrupted (cli._leaving)


def _collect_less() -> None:
    """The cycle collector run every 20,000 allocations of containers, not Python's 700: a
    command allocates millions (every file read, every model built) and frees nearly all by
    reference counting, so the collector's passes found little and cost ~1 % of a site build's
    instructions (cachegrind, 30 regulations). What it finds is still freed."""
    import gc

    gc.set_threshold(20_000, 50, 100)


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
