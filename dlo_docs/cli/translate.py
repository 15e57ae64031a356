"""``dlo translate``: the texts of a regulation as a Word table for a translator, and back."""

from __future__ import annotations

from pathlib import Path

import click

from .. import lazy
from ..errors import DloError, UsageError, error
from ..i18n import Msg, _, text
from . import DOC_LANGS, PathArg, main
from .status_text import revision_note

translation = lazy.module("dlo_docs.translate")


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option("--to", "to", type=click.Choice(DOC_LANGS), help="The language to translate into.")
@click.option(
    "--out",
    type=PathArg(dir_okay=False),
    metavar="FILE.docx",
    help="Write the translation table here (with --to).",
)
@click.option(
    "--from",
    "from_",
    type=PathArg(dir_okay=False),
    metavar="FILE.docx",
    help="Take a translated table back into the draft.",
)
@click.pass_obj
def translate(obj, reg_id: str, to: str | None, out: str | None, from_: str | None) -> None:
    """Hand the texts to a translator as a two-column DOCX, and take the translation back.

    `--to ru --out FILE.docx` writes the table (one row per text; rows to translate are shaded);
    `--from FILE.docx` fills the draft's texts in that language from it, refusing rows whose
    source text changed since the table was made.
    """
    project = obj.project
    if from_ and (to or out):
        raise UsageError(_("give either --to LANG --out FILE.docx, or --from FILE.docx"))
    if from_:
        result = translation.take_back(project, reg_id, Path(from_))
        click.echo(
            _(
                "{id}: {filled} text(s) filled, {unchanged} unchanged, {empty} left empty, "
                "{refused} refused"
            ).format(
                id=reg_id,
                filled=len(result.filled),
                unchanged=result.unchanged,
                empty=len(result.empty),
                refused=len(result.refused),
            )
            + "; "
            + (
                _("wrote {path}").format(path=project.display(result.path))
                if result.filled
                else _("nothing written")
            )
        )
        if result.added_language:
            click.echo(
                "  " + _("the language was added to languages:; dlo check lists what is missing")
            )
        if result.filled:
            revision_note(project, reg_id)
        if result.refused:  # each refusal reported once, by the entry point; many, counted
            raise DloError(_listed(result.refused))
        return
    if not (to and out):
        raise UsageError(
            _("say what to do"),
            Msg("dlo translate ID --to ru --out FILE.docx, or --from FILE.docx"),
        )
    _export(project, reg_id, to, Path(out))


def _export(project, reg_id: str, to: str, out: Path) -> None:
    """The table written, and what in it is to translate or to update."""
    done = translation.export(project, reg_id, to, out)
    click.echo(
        _("wrote {path}: {rows} rows, {todo} to translate").format(
            path=project.display(done.path), rows=done.rows, todo=done.todo
        )
    )
    if done.stale:
        click.echo(
            "  "
            + _(
                "of them {count} to update: the {src} text changed since edition {n}, "
                "the {dst} text did not: {where}"
            ).format(
                count=len(done.stale),
                src=done.source,
                n=done.in_force,
                dst=to,
                where=", ".join(text(label) for label in done.stale),
            )
        )


LISTED = 20  # refused rows listed; the rest counted


def _listed(refused: list) -> list:
    """The first ``LISTED`` refusals, then one line counting the rest, at the first of them (a
    table of thousands of rows naming texts the draft does not have printed a line for each)."""
    if len(refused) <= LISTED:
        return refused
    first = refused[LISTED]
    more = Msg("… and {n} more rows refused, not listed", n=len(refused) - LISTED)
    hint = Msg("mend the rows listed, then take the table back again")
    return [*refused[:LISTED], error(first.location, first.code, more, hint)]
