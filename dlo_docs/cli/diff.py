"""``dlo diff``: what changed between two editions. A few lines over ``dlo_docs.comparison``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import lazy
from ..errors import UsageError
from ..i18n import Msg, _
from . import DOC_LANGS, PathArg, main
from .status_text import shown

diff_api = lazy.module("dlo_docs.comparison")
fsio = lazy.module("dlo_docs.fsio")
workflow = lazy.module("dlo_docs.workflow")
DRAFT = "draft"  # comparison.DRAFT
FORMATS = ("text", "table", "redline", "html")  # comparison.FORMATS


def _to(value: str) -> int | str:
    if value == DRAFT:
        return value
    if value.isdecimal() and int(value) >= 1:
        return int(value)
    raise UsageError(
        Msg("--to {value} is neither an edition number nor 'draft'", value=repr(value)),
        Msg("e.g. --to 2 or --to draft"),
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--from",
    "from_",
    type=click.IntRange(min=1),
    metavar="N",
    help="The old edition (default: the edition in force).",
)
@click.option(
    "--to",
    "to",
    default=DRAFT,
    show_default=True,
    metavar="N|draft",
    help="The new edition: a frozen edition's number, or the draft (the working text).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: to the terminal; table: the comparison table (DOCX); redline: the new text with "
    "tracked changes (DOCX); html: the comparison as a web page.",
)
@click.option(
    "--lang", type=click.Choice(DOC_LANGS), help="Language (default: the document's first)."
)
@click.option(
    "--out",
    type=PathArg(dir_okay=False),
    metavar="FILE",
    help="Where to write (default: the terminal for text, "
    "build/<id>.<lang>.<format>-<from>-<to>.<ext> otherwise).",
)
@click.pass_obj
def diff(
    obj, reg_id: str, from_: int | None, to: str, fmt: str, lang: str | None, out: str | None
) -> None:
    """Compare two editions of regulation ID: which elements were added, removed, changed or
    moved (old number → new number), word by word."""
    project = obj.project
    prepared = diff_api.prepare(project, reg_id, from_, _to(to), lang)
    if prepared.to == DRAFT:
        _say_if_unopened(project, reg_id)
    data = diff_api.output(prepared, fmt)
    if fmt == "text" and out is None:
        click.echo(shown(data.decode("utf-8")), nl=False)  # (a text's control characters: none)
        return
    if out is None:
        name = f"{reg_id}.{prepared.lang}.{fmt}-{prepared.suffix}.{diff_api.EXTENSIONS[fmt]}"
        path = project.output(None) / name
    else:
        path = project.output(Path(out))
    fsio.atomic_write(path, data)
    changes = len(prepared.comparison.changes)
    click.echo(_("wrote {path} ({n} change(s))").format(path=project.display(path), n=changes))


def _say_if_unopened(project, reg_id: str) -> None:
    """The draft compared is regulation.yaml as it is: said when no revision is open, as
    ``render --draft`` says it (the comparison read "edition 2 → edition 2 (draft)")."""
    status = workflow.status(project, reg_id)
    if status.draft_edition is None and status.edition_in_force is not None:
        said = _(
            "diff: {id} has no draft open (edition {n} is in force): the draft compared is "
            "regulation.yaml; to change the edition, open a revision first: dlo revise {id}"
        )
        click.echo(said.format(id=reg_id, n=status.edition_in_force), err=True)
