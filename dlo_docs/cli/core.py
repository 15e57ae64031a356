"""``dlo check`` and ``dlo render``."""

from __future__ import annotations

import click

from .. import i18n, lazy
from ..i18n import _
from ..progress import Bars, Progress
from . import DOC_LANGS, PathArg, main

api = lazy.module("dlo_docs.api")
check_paths = lazy.module("dlo_docs.check_paths")
lint = lazy.module("dlo_docs.lint")
lint_output = lazy.module("dlo_docs.lint.output")
REPORT_FORMATS = ("text", "json", "github")  # lint.output.FORMATS
OUTPUT_FORMATS = ("docx", "html", "pdf")  # api.FORMATS

JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Regulations worked on side by side, in as many processes (default: the cores).",
)


@main.command()
@click.argument("paths", nargs=-1, metavar="[PATH|ID]...")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="text: file:line:col lines; json: one document; github: GitHub Actions annotations.",
)
@click.option(
    "--list-rules",
    is_flag=True,
    help="List the lint rules (code, severity, name, description) and exit.",
)
@JOBS
@click.pass_obj
def check(
    obj, paths: tuple[str, ...], strict: bool, fmt: str, list_rules: bool, jobs: int | None
) -> None:
    """Validate regulations and the registry (default: the whole project; PATH: a regulation's
    file or a folder of the project, ID: a regulation's id).

    Exit 0 when there are no errors, 1 when there are (or warnings with --strict), 2 on usage errors.
    """
    if list_rules:
        click.echo(lint_output.rule_table(lint.listing()))
        return
    files = check_paths.check_files(obj.project, list(paths))
    with Progress(len(files), "check") as bar:
        problems = api.check(obj.project, paths, jobs, bar.advance)
    counts = lint_output.counts(problems)
    report = lint_output.render(problems, fmt)
    if report:
        click.echo(report)
    if fmt != "json":
        click.echo(
            _("{errors} error(s), {warnings} warning(s)").format(
                errors=counts["error"], warnings=counts["warning"]
            ),
            err=True,
        )
    failed = counts["error"] or (strict and counts["warning"])
    raise click.exceptions.Exit(1 if failed else 0)


@main.command()
@click.argument("ids", nargs=-1)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(OUTPUT_FORMATS),
    help="Output format; repeat for several (default: docx and html).",
)
@click.option(
    "--lang",
    type=click.Choice(DOC_LANGS),
    help="Language (default: every language of each document).",
)
@click.option("--out", type=PathArg(file_okay=False), help="Output folder (default: build/).")
@JOBS
@click.option(
    "--draft",
    is_flag=True,
    help="Render the working draft, marked ЖОБА / ПРОЕКТ on every page, with no approval filled "
    "in (default: the edition in force, from its frozen file); with DOCX, while a revision is "
    "open, also its comparison table <out>/<id>.<lang>.draft.comparison.docx.",
)
@click.pass_obj
def render(
    obj,
    ids: tuple[str, ...],
    formats: tuple[str, ...],
    lang: str | None,
    out: str | None,
    jobs: int | None,
    draft: bool,
) -> None:
    """Render regulations (default: all) to <out>/<id>.<lang>.<ext> (a draft:
    <out>/<id>.<lang>.draft.<ext>).

    Each shows its edition in force, from the frozen text the journal approved; a regulation with
    no edition in force is rendered as a draft (and says so), and the files dlo wrote of it named
    as an edition in force, <out>/<id>.<lang>.<ext>, are removed; so is a file of another format
    under the name written that shows another text (an earlier render's), and, when no draft is
    open, the draft's files (<out>/<id>.<lang>.draft.*); a file of your own is left. A
    regulation that cannot be rendered is reported and left out; the others are rendered, and
    the exit code is 1."""
    from pathlib import Path

    count = len(ids) if ids else len(obj.project.ids())
    with Bars() as bars, Progress(count, "render") as bar:
        result = api.render(
            obj.project,
            ids,
            formats,
            lang,
            Path(out) if out else None,
            jobs,
            bar.advance,
            draft,
            bars.start("PDF"),  # a bar of its own once the documents are ready to convert
        )
    for note in result.notes:
        click.echo(_("render: {note}").format(note=i18n.text(note)), err=True)
    for output in result.outputs:
        click.echo(_("wrote {path}").format(path=obj.project.display(output.path)))
    echo_removed(obj.project, result)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if result.failed:
        names = ", ".join(result.failed[:10])
        more = (
            _(" and {n} more").format(n=len(result.failed) - 10) if len(result.failed) > 10 else ""
        )
        click.echo(
            _("render: not rendered (errors above): {ids}").format(ids=names + more), err=True
        )
        raise click.exceptions.Exit(1)


def echo_removed(project, result) -> None:
    """Say each file removed: named as an edition in force its regulation no longer has, as a
    draft it no longer has open, or showing another text than the one just written under the
    same name; and each such file left because it is read-only."""
    for reg_id, path in result.removed:
        click.echo(
            _("removed {path}: {id} has no edition in force").format(
                path=project.display(path), id=reg_id
            )
        )
    for reg_id, path in result.stale_drafts:
        click.echo(
            _("removed {path}: {id} has no draft open, only its edition in force").format(
                path=project.display(path), id=reg_id
            )
        )
    for reg_id, path in result.other_texts:
        click.echo(
            _("removed {path}: another text of {id} than the one written now").format(
                path=project.display(path), id=reg_id
            )
        )
    for reg_id, path in result.kept:
        click.echo(
            _(
                "left {path}: it is read-only, and dlo does not remove a file its owner "
                "protected, though it is not the text of {id} now (make it writable to have it "
                "removed)"
            ).format(path=project.display(path), id=reg_id),
            err=True,
        )
