"""``dlo import``: a Word or text regulation into regulations/<id>/regulation.yaml."""

from __future__ import annotations

import click

from .. import lazy
from ..i18n import _
from . import DOC_LANGS, PathArg, main
from .status_text import revision_note

importer = lazy.module("dlo_docs.importer")


@main.command("import")
@click.argument("file", type=PathArg(dir_okay=True))
@click.option("--id", "reg_id", help="Regulation id (default: from the file name).")
@click.option(
    "--lang", type=click.Choice(DOC_LANGS), help="Language of the text (default: detected)."
)
@click.option(
    "--kind",
    type=click.Choice(["job_instruction", "unit_regulation"]),
    help="Kind of regulation (default: from the first clause).",
)
@click.option(
    "--position",
    help="Registry position a job instruction describes (default: the one named most).",
)
@click.option("--unit", help="Registry unit (default: the position's unit).")
@click.option("--title", help="Title (default: from the source, else the position's title).")
@click.option("--code", help="Document code, e.g. 'ЛН ҮББИ 01-2024' (default: from the source).")
@click.option("--force", is_flag=True, help="Overwrite an existing regulation.yaml.")
@click.option(
    "--onto",
    "onto",
    metavar="ID",
    help="Bring an edited DOCX back onto regulation ID: only its body changes, each element keeps "
    "its id (found by the bookmark dlo render put around it, else by its text).",
)
@click.option(
    "--accept-changes",
    is_flag=True,
    help="With --onto: read a DOCX with tracked changes as if every change were accepted "
    "(and ignore its comments) instead of refusing it.",
)
@click.option(
    "--update-registry",
    is_flag=True,
    help="Add the proposed abbreviations, normative documents and approver positions to "
    "regulations/registry.yaml.",
)
@click.pass_obj
def import_(
    obj,
    file: str,
    reg_id,
    lang,
    kind,
    position,
    unit,
    title,
    code,
    force: bool,
    onto,
    accept_changes: bool,
    update_registry: bool,
) -> None:
    """Import FILE (.docx or .txt) as regulations/<id>/regulation.yaml.

    Prints what looked odd in the source (repeated or missing numbers, a number alone on its
    line, text that fitted no structure) and the registry entries it proposes. Never overwrites
    without --force; writes nothing when the file cannot be read.
    """
    project = obj.project
    if onto is not None:
        _onto(project, file, onto, accept_changes)
        return
    options = importer.Options(
        reg_id, lang, kind, position, unit, title, code, force, update_registry
    )
    result = importer.import_file(project, file, options)
    imported = result.imported
    for problem in imported.problems:
        click.echo(str(problem), err=True)
    c = imported.counts
    click.echo(
        _(
            "recognised {chapters} chapter(s), {paragraphs} paragraph(s), {clauses} clause(s), "
            "{items} item(s); {findings} finding(s)"
        ).format(
            chapters=c["chapter"],
            paragraphs=c["paragraph"],
            clauses=c["clause"],
            items=c["item"],
            findings=len(imported.problems),
        ),
        err=True,
    )
    for path in result.written:
        click.echo(_("wrote {path}").format(path=project.display(path)))
    for entry in result.added:
        click.echo(_("added to the registry: {entry}").format(entry=entry))
    if imported.proposals and not update_registry:
        click.echo(
            _(
                "# proposed registry entries: add them to regulations/registry.yaml "
                "(or import again with --update-registry --force)"
            )
        )
        click.echo(imported.proposals_yaml().rstrip())


def _onto(project, file: str, reg_id: str, accept_changes: bool) -> None:
    result = importer.import_onto(project, file, reg_id, accept_changes)
    imported = result.imported
    for problem in imported.problems:
        click.echo(str(problem), err=True)
    c = imported.counts
    if c["by_place"]:
        click.echo(
            _(
                "{kept} element(s) took the DOCX's text by their place (its language was new to "
                "the regulation)"
            ).format(kept=c["kept"]),
            err=True,
        )
    else:
        click.echo(
            _(
                "{kept} element(s) kept their ids ({by_bookmark} by bookmark, {by_text} by text); "
                "{new} new"
            ).format(
                kept=c["kept"],
                by_bookmark=c["by_bookmark"],
                by_text=c["kept"] - c["by_bookmark"],
                new=c["chapter"] + c["paragraph"] + c["clause"] + c["item"] - c["kept"],
            ),
            err=True,
        )
    for path in result.written:
        click.echo(_("wrote {path}").format(path=project.display(path)))
    revision_note(project, reg_id)
