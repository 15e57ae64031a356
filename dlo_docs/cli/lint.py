"""``dlo schema``: write the JSON Schemas of regulation and registry files."""

from __future__ import annotations

from pathlib import Path

import click

from .. import lazy
from ..errors import os_reason
from ..i18n import _, text
from . import PathArg, main

schemas = lazy.module("dlo_docs.schema")


@main.command()
@click.option(
    "--out",
    type=PathArg(file_okay=False),
    help="Folder to write into (default: schemas/ in the project folder).",
)
@click.pass_obj
def schema(obj, out: str | None) -> None:
    """Write regulation.schema.json and registry.schema.json (JSON Schema draft-07).

    Editors that read a `# yaml-language-server: $schema=...` first line then complete keys and
    mark errors in regulation and registry files as you type.
    """
    folder = Path(out) if out is not None else Path(obj.root) / "schemas"
    try:
        written = schemas.write(folder)
    except OSError as exc:
        raise click.ClickException(
            _("cannot write into {folder}: {reason}").format(
                folder=folder, reason=text(os_reason(exc))
            )
        ) from None
    for path in written:
        click.echo(_("wrote {path}").format(path=path.as_posix()))
