"""``dlo check`` and ``dlo render``."""

from __future__ import annotations

import click

from .. import api, lint
from ..lint import output as lint_output
from . import main


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(lint_output.FORMATS)),
    default="text",
    show_default=True,
    help="text: file:line:col lines; json: one document; github: GitHub Actions annotations.",
)
@click.option(
    "--list-rules",
    is_flag=True,
    help="List the lint rules (code, severity, name, description) and exit.",
)
@click.pass_obj
def check(obj, paths: tuple[str, ...], strict: bool, fmt: str, list_rules: bool) -> None:
    """Validate regulations and the registry (default: the whole project).

    Exit 0 when there are no errors, 1 when there are (or warnings with --strict), 2 on usage errors.
    """
    if list_rules:
        click.echo(lint_output.rule_table(lint.listing()))
        return
    problems = api.check(obj.project, paths)
    counts = lint_output.counts(problems)
    report = lint_output.render(problems, fmt)
    if report:
        click.echo(report)
    if fmt != "json":
        click.echo(f"{counts['error']} error(s), {counts['warning']} warning(s)", err=True)
    failed = counts["error"] or (strict and counts["warning"])
    raise click.exceptions.Exit(1 if failed else 0)


@main.command()
@click.argument("ids", nargs=-1)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(list(api.RENDERERS)),
    help="Output format; repeat for several (default: docx and html).",
)
@click.option(
    "--lang",
    type=click.Choice(["kk", "ru"]),
    help="Language (default: every language of each document).",
)
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: build/).")
@click.pass_obj
def render(
    obj, ids: tuple[str, ...], formats: tuple[str, ...], lang: str | None, out: str | None
) -> None:
    """Render regulations (default: all) to <out>/<id>.<lang>.<ext>.

    A regulation that cannot be rendered is reported and left out; the others are rendered, and
    the exit code is 1."""
    from pathlib import Path

    result = api.render(obj.project, ids, formats, lang, Path(out) if out else None)
    for output in result.outputs:
        click.echo(f"wrote {obj.project.display(output.path)}")
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if result.failed:
        click.echo(f"render: not rendered (errors above): {', '.join(result.failed)}", err=True)
        raise click.exceptions.Exit(1)
