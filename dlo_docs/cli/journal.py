"""``dlo status``, ``dlo log`` and ``dlo verify``: what the journals say, read only. A few lines
over ``dlo_docs.workflow``; the text they print is ``status_text``'s."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from .. import i18n, lazy
from ..chars import json_visible
from ..errors import DloError, UsageError
from ..i18n import _, ngettext
from . import PathArg, main, status_text
from .trust import trust_option, use_trust

workflow = lazy.module("dlo_docs.workflow")
api = lazy.module("dlo_docs.api")
if TYPE_CHECKING:  # the types only: the package itself is imported when a command runs
    from ..workflow import Status


def _unverified(project, reg_id: str) -> list:
    """The problems that keep ``reg_id``'s journal from being shown as its approved state (the
    chain, the events, the signatures, the frozen edition in force: as the register checks it);
    none when it verifies."""
    try:
        workflow.intact(project, reg_id, editions=True)
    except UsageError:
        raise
    except DloError as exc:
        return exc.problems
    return []


def _read(project, ids: tuple[str, ...]) -> tuple[list, dict[str, list], dict[str, list]]:
    """Each regulation's status (None when it cannot be read or does not verify), the problems
    of those that cannot be read, and those of the ones that do not verify."""
    results: list[tuple[str, Status | None]] = []
    failed: dict[str, list] = {}
    forged: dict[str, list] = {}
    with project.reading_snapshots():  # what was validated before is read back as it was kept
        for reg_id in ids or project.ids():
            results.append((reg_id, _one(project, reg_id, failed, forged)))
            project.forget(project.folder(reg_id))  # memory: one regulation's files, not all
    return results, failed, forged


def _one(project, reg_id: str, failed: dict[str, list], forged: dict[str, list]) -> Status | None:
    """``reg_id``'s status, or None with its problems in ``failed`` or ``forged``."""
    try:
        st = workflow.status(project, reg_id)
    except UsageError:
        raise
    except DloError as exc:
        failed[reg_id] = exc.problems
        return None
    problems = _unverified(project, reg_id)  # a forged history is never shown as approved
    if problems:
        forged[reg_id] = problems
    return None if problems else st


def _not_verified(reg_id: str, n: int) -> str:
    return ngettext(
        "{id}: does not verify ({n} error, listed above): its state, order and dates are not "
        "shown; dlo verify {id} names each failure",
        "{id}: does not verify ({n} errors, listed above): its state, order and dates are not "
        "shown; dlo verify {id} names each failure",
        n,
    ).format(id=reg_id, n=n)


def _titles(project, results) -> dict[str, str]:
    """The registry's titles of its positions in the interface's language (kk, ru; none in
    English, which the registry does not write), when a regulation waits for agreements."""
    ui = i18n.current()
    if ui == "en" or not any(st and st.pending for _, st in results):
        return {}
    registry = api.load_registry(project)
    return {p.id: p.title.get(ui, "") for p in registry.positions}


@main.command()
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def status(obj, ids: tuple[str, ...], fmt: str) -> None:
    """State, edition in force, pending approvers and review due date (default: every regulation).

    A regulation that cannot be read, or whose journal or frozen edition in force does not verify
    (as dlo verify checks them), is reported first with its problems and none of its state, and
    the others are shown; the exit code is 1."""
    results, failed, forged = _read(obj.project, ids)
    for problem in sorted({p for problems in failed.values() for p in problems}):
        click.echo(str(problem), err=True)
    for problems in forged.values():
        for problem in problems:
            click.echo(str(problem), err=True)
    problems_of = failed | forged
    if fmt == "json":
        regulations = [
            {**st.as_dict(), "verified": True}
            if st is not None
            else {
                "id": reg_id,
                "state": None,
                "verified": False,
                "problems": [p.as_dict() for p in problems_of[reg_id]],
            }
            for reg_id, st in results
        ]
        click.echo(
            json_visible(json.dumps({"regulations": regulations}, ensure_ascii=False, indent=2))
        )
    else:
        titles = _titles(obj.project, results)
        for reg_id, st in results:
            if reg_id in forged:
                click.echo(_not_verified(reg_id, len(forged[reg_id])))
            elif st is None:
                n = len(failed[reg_id])
                click.echo(
                    _("{id}: cannot be read ({n} error(s), listed above)").format(id=reg_id, n=n)
                )
            else:
                for line in status_text.status_lines(st, titles):
                    click.echo(line)
    if problems_of:
        raise click.exceptions.Exit(1)


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def log(obj, reg_id: str, fmt: str) -> None:
    """Print the journal of a regulation.

    A journal that does not verify (its chain, its events, its signatures, the frozen edition in
    force: as dlo verify checks them) is still listed, for investigation: its problems first,
    then every event marked unverified; the exit code is 1."""
    evs = workflow.events(obj.project, reg_id)
    problems = _unverified(obj.project, reg_id)
    for problem in problems:
        click.echo(str(problem), err=True)
    if fmt == "json":
        listed = {
            "id": reg_id,
            "verified": not problems,
            "problems": [p.as_dict() for p in problems],
            "events": [e.as_dict() for e in evs],
        }
        click.echo(json_visible(json.dumps(listed, ensure_ascii=False, indent=2)))
    elif not evs:
        click.echo(
            _("{id}: no journal yet (a draft that has not been through the workflow)").format(
                id=reg_id
            )
        )
    elif problems:
        click.echo(_unverified_heading(reg_id, len(problems)))
        mark = _("UNVERIFIED")
        for ev in evs:
            click.echo(f"{mark} {status_text.event_line(ev)}")
    else:
        for ev in evs:
            click.echo(status_text.event_line(ev))
    if problems:
        raise click.exceptions.Exit(1)


def _unverified_heading(reg_id: str, n: int) -> str:
    return ngettext(
        "{id}: does not verify ({n} error, listed above): the events below are "
        "unverified, not the regulation's approved state; dlo verify {id} names each failure",
        "{id}: does not verify ({n} errors, listed above): the events below are "
        "unverified, not the regulation's approved state; dlo verify {id} names each failure",
        n,
    ).format(id=reg_id, n=n)


def _verified(project, ids: tuple[str, ...]) -> dict[str, tuple[list, int]]:
    """Each regulation's problems (``workflow.verify``) and its journal's event count, one
    regulation at a time: its files are forgotten once it is verified and counted, so memory is
    one regulation's, not the project's (the parse cache kept up to 256 journals and editions),
    and the count reads the journal the verification parsed."""
    for reg_id in ids:
        project.regulation_path(reg_id)  # an unknown id is a usage error, before any work
    results = {}
    for reg_id in ids or project.ids():
        problems = workflow.verify(project, [reg_id])[reg_id]
        intact = not any(p.severity == "error" for p in problems)
        results[reg_id] = (problems, len(workflow.events(project, reg_id)) if intact else 0)
        project.forget(project.folder(reg_id))
    return results


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
@trust_option
@click.pass_obj
def verify(obj, ids: tuple[str, ...], export: str | None, trust: tuple[str, ...]) -> None:
    """Check the journals' hash chains, the frozen editions and the signatures of signed events
    (default: every regulation).

    Exit 0 when intact, 1 when an event was edited, deleted, inserted or reordered, a frozen
    edition was edited or is missing, or a signature fails a check (its signer's certificate, its
    validity on the event's date, its CA, or the signed bytes)."""
    use_trust(obj.project, trust)
    results = _verified(obj.project, ids)
    if export:
        from pathlib import Path

        folder = obj.project.output(Path(export))
        for reg_id in results:
            written = workflow.export_signatures(obj.project, reg_id, folder)
            for path in written:
                click.echo(_("wrote {path}").format(path=obj.project.display(path)))
            if not written:
                click.echo(_("{id}: no signed event: nothing to export").format(id=reg_id))
    errors = []
    for reg_id, (problems, n) in results.items():
        bad = [p for p in problems if p.severity == "error"]
        for problem in problems:
            if problem.severity != "error":
                click.echo(str(problem), err=True)
        if bad:
            errors += bad
        else:
            intact = ngettext(
                "{id}: intact ({n} journal event)", "{id}: intact ({n} journal events)", n
            )
            click.echo(intact.format(id=reg_id, n=n))
    if errors:
        raise DloError(errors)
