"""``--trust CA.pem`` of ``dlo verify`` and ``dlo verify-pdf``: the CA certificates a signature
must chain to, given by whoever checks, instead of the registry's ``signatures.trust``. The
registry is a file of the project that its clerks edit; an auditor who obtained the CA's
certificate themselves (the national CA's root, from its own site) checks against that."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..i18n import _
from . import PathArg


def trust_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--trust",
        "trust",
        multiple=True,
        type=PathArg(dir_okay=False),
        metavar="CA.pem",
        help="Check the signatures against these CA certificates (PEM or DER; repeat for "
        "several), not the registry's signatures.trust.",
    )(command)


def use_trust(project: Any, trust: tuple[str, ...]) -> None:
    """Make ``project`` check signatures against the files ``trust`` names, and say so."""
    if not trust:
        return
    project.trust = tuple(Path(path) for path in trust)
    click.echo(
        _(
            "signatures are checked against the CA certificates given ({files}), not the registry's"
        ).format(files=", ".join(trust)),
        err=True,
    )
    _readable(trust)


def _readable(trust: tuple[str, ...]) -> None:
    """Read each file now: a mistyped name, or an official's certificate given as a CA's, is
    said even where no signature is checked (a journal with none), instead of 'intact' from a
    check that trusted nothing it was given."""
    from ..errors import DloError
    from ..signing import keys

    problems = []
    for path in trust:
        try:
            keys.only_cas(keys.load_certificates(Path(path), path), path)
        except DloError as exc:
            problems += exc.problems
    if problems:
        raise DloError(problems)
