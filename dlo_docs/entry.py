"""The ``dlo`` executable: ``dlo --version`` answers at once; everything else is the command
line of ``dlo_docs.cli``."""

from __future__ import annotations

import sys

VERSION = "0.1.0"  # the package's version (pyproject.toml; a test keeps them equal)


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"dlo, version {VERSION}")
        sys.exit(0)
    from .cli import run as cli_run

    try:
        cli_run()
    except SystemExit as exc:
        if exc.code == 130:  # ended by Ctrl-C: a press more must not kill it on its way out
            _ignore_sigint()
        raise


def _ignore_sigint() -> None:
    """SIGINT ignored for the rest of this process's exit. ``cli`` ignores a Ctrl-C more once
    the command is cleaned up, but Python restores the default action while it shuts down,
    and a press then would end the process by SIGINT instead of 130. Only here, where the
    process ends: a caller running commands in its own process keeps its Ctrl-C."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
