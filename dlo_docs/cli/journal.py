"""``dlo status``, ``dlo log`` and ``dlo verify``: what the journals say, read only. A few lines
over ``dlo_docs.workflow``; the text they print is ``status_text``'s."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from .. import lazy
from ..errors import DloError, UsageError
from ..i18n import _, ngettext
from . import PathArg, main, status_text

workflow = lazy.module("dlo_docs.workflow")
if TYPE_CHECKING:  # the types only: the package itself is imported when a command runs
    from ..workflow import Status


@main.command()
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def status(obj, ids: tuple[str, ...], fmt: str) -> None:
    """State, edition in force, pending approvers and review due date (default: every regulation).

    A regulation that cannot be read is reported and the others are shown; the exit code is 1."""
    project = obj.project
    results: list[tuple[str, Status | None]] = []
    failed: dict[str, list] = {}
    for reg_id in ids or project.ids():
        try:
            results.append((reg_id, workflow.status(project, reg_id)))
        except UsageError:
            raise
        except DloError as exc:
            failed[reg_id] = exc.problems
            results.append((reg_id, None))
    for problem in sorted({p for problems in failed.values() for p in problems}):
        click.echo(str(problem), err=True)
    if fmt == "json":
        regulations = [
            st.as_dict()
            if st is not None
            else {"id": reg_id, "state": None, "problems": [p.as_dict() for p in failed[reg_id]]}
            for reg_id, st in results
        ]
        click.echo(json.dumps({"regulations": regulations}, ensure_ascii=False, indent=2))
    else:
        for reg_id, st in results:
            if st is None:
                n = len(failed[reg_id])
                click.echo(
                    _("{id}: cannot be read ({n} error(s), listed above)").format(id=reg_id, n=n)
                )
                continue
            for line in status_text.status_lines(st):
                click.echo(line)
    if failed:
        raise click.exceptions.Exit(1)


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def log(obj, reg_id: str, fmt: str) -> None:
    """Print the journal of a regulation."""
    evs = workflow.events(obj.project, reg_id)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"id": reg_id, "events": [e.as_dict() for e in evs]}, ensure_ascii=False, indent=2
            )
        )
        return
    if not evs:
        click.echo(
            _("{id}: no journal yet (a draft that has not been through the workflow)").format(
                id=reg_id
            )
        )
    for ev in evs:
        click.echo(status_text.event_line(ev))


@main.command()
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--export",
    "export",
    type=PathArg(file_okay=False),
    metavar="DIR",
    help="Also write each signature as DIR/<id>-<seq>-<event>.p7s with its signed bytes (.bin) "
    "and the trusted CAs (ca.pem), for openssl cms -verify.",
)
@click.pass_obj
def verify(obj, ids: tuple[str, ...], export: str | None) -> None:
    """Check the journals' hash chains, the frozen editions and the signatures of signed events
    (default: every regulation).

    Exit 0 when intact, 1 when an event was edited, deleted, inserted or reordered, a frozen
    edition was edited or is missing, or a signature fails a check (its signer's certificate, its
    validity on the event's date, its CA, or the signed bytes)."""
    results = workflow.verify(obj.project, ids)
    if export:
        from pathlib import Path

        folder = obj.project.output(Path(export))
        for reg_id in results:
            for path in workflow.export_signatures(obj.project, reg_id, folder):
                click.echo(_("wrote {path}").format(path=obj.project.display(path)))
    errors = []
    for reg_id, problems in results.items():
        bad = [p for p in problems if p.severity == "error"]
        for problem in problems:
            if problem.severity != "error":
                click.echo(str(problem), err=True)
        if bad:
            errors += bad
        else:
            n = len(workflow.events(obj.project, reg_id))
            intact = ngettext(
                "{id}: intact ({n} journal event)", "{id}: intact ({n} journal events)", n
            )
            click.echo(intact.format(id=reg_id, n=n))
    if errors:
        raise DloError(errors)
