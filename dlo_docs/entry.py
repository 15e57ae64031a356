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

    cli_run(exiting=True)  # Ctrl-C on the way out: ignored once interrupted (cli._leaving)
