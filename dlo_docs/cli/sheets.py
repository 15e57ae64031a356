"""``dlo sheet`` (one form as its own document) and ``dlo reference-docx``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import i18n, lazy
from ..i18n import _
from . import DOC_LANGS, PathArg, main
from .core import echo_removed

sheets = lazy.module("dlo_docs.sheets")
KINDS = ("agreement", "acquaintance", "changes", "review", "transfer")  # sheets.KINDS
FORMATS = ("docx", "pdf")  # sheets.FORMATS


@main.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("reg_id", metavar="ID")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="Output format; repeat for both (default: docx).",
)
@click.option(
    "--lang", type=click.Choice(DOC_LANGS), help="Language (default: the regulation's first)."
)
@click.option("--out", type=PathArg(file_okay=False), help="Output folder (default: build/).")
@click.option(
    "--from",
    "handed_by",
    metavar="POSITION",
    help="Transfer act: who hands the original over (default: the head of the regulation's unit).",
)
@click.option(
    "--to",
    "received_by",
    metavar="POSITION",
    help="Transfer act: who receives it (default: the head of the unit 'hr').",
)
@click.option(
    "--draft",
    is_flag=True,
    help="The sheet of the working draft, marked ЖОБА / ПРОЕКТ (default: of the edition in force).",
)
@click.pass_obj
def sheet(
    obj,
    kind: str,
    reg_id: str,
    formats: tuple[str, ...],
    lang: str | None,
    out: str | None,
    handed_by: str | None,
    received_by: str | None,
    draft: bool,
) -> None:
    """Write one sheet of regulation ID as its own document: <out>/<id>.<lang>.<kind>.<ext>
    (a draft's: <out>/<id>.<lang>.draft.<kind>.<ext>; for want of an edition in force, the
    draft's, and the sheet dlo wrote named as an edition in force's is removed).

    KIND is agreement, acquaintance, changes (change registration), review (periodic review) or
    transfer (the act that hands the original to HR).
    """
    outputs = sheets.sheet(
        obj.project,
        kind,
        reg_id,
        lang=lang,
        formats=formats,
        out=Path(out) if out else None,
        handed_by=handed_by,
        received_by=received_by,
        draft=draft,
    )
    for note in outputs.notes:
        click.echo(_("sheet: {note}").format(note=i18n.text(note)), err=True)
    for output in outputs.outputs:
        click.echo(_("wrote {path}").format(path=obj.project.display(output.path)))
    echo_removed(obj.project, outputs)


@main.command("reference-docx")
@click.option(
    "--out",
    type=PathArg(dir_okay=False),
    help="Where to write it (default: templates/reference.docx).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_obj
def reference_docx(obj, out: str | None, force: bool) -> None:
    """Write the default reference document: restyle it in Word, keep it as templates/reference.docx.

    Rendering takes the styles and page set-up of templates/reference.docx when it exists.
    """
    path = sheets.write_reference(obj.project, Path(out) if out else None, force)
    click.echo(_("wrote {path}").format(path=obj.project.display(path)))
