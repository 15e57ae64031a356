"""The workflow commands: revise, submit, agree, reject, approve, withdraw, review, status, log,
verify. Each is a few lines over ``dlo_docs.workflow``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from .. import lazy
from ..errors import DloError, UsageError
from ..i18n import _, ngettext
from . import main, status_text
from .signing import load_key

SIGN = click.option(
    "--sign",
    "key",
    metavar="KEY.p12",
    help="Sign the decision with the official's own key (PKCS#12; password: DLO_KEY_PASSWORD or asked for).",
)


def _signer(key: str | None):
    return load_key(key) if key else None


workflow = lazy.module("dlo_docs.workflow")
json = lazy.module("json")
if TYPE_CHECKING:  # the types only: the package itself is imported when a command runs
    from ..workflow import Status

DATE = click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"])


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


CLERK = click.option(
    "--clerk",
    metavar="ROLE",
    help="The registry position of the person recording this event "
    "(default: $DLO_CLERK, else clerk: in regulations/registry.yaml).",
)


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--by",
    "by",
    required=True,
    metavar="ROLE",
    help="Who opens the revision: one of the change initiators.",
)
@click.option("--reason", required=True, help="Why the regulation is being changed.")
@CLERK
@click.pass_obj
def revise(obj, reg_id: str, by: str, reason: str, clerk: str | None) -> None:
    """Open a revision: a new draft edition from the edition in force (which stays in force)."""
    ev = workflow.revise(obj.project, reg_id, by, reason, clerk=clerk)
    click.echo(f"{reg_id}: edition {ev.edition} opened as a draft by {by} (journal event {ev.seq})")


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--by", "by", metavar="ROLE", help="The drafter (default: the head of the regulation's unit)."
)
@CLERK
@click.pass_obj
def submit(obj, reg_id: str, by: str | None, clerk: str | None) -> None:
    """Send the draft for agreement along the route of agreement.approvers."""
    ev = workflow.submit(obj.project, reg_id, by, clerk=clerk)
    route = ev.get("route") or []
    how = "in this order" if ev.get("route_kind") == "sequential" else "all at once"
    click.echo(
        f"{reg_id}: edition {ev.edition} submitted for agreement to {', '.join(route)} ({how}) "
        f"(journal event {ev.seq})"
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--as",
    "as_",
    required=True,
    metavar="ROLE",
    help="The approver who agrees (a role on the route).",
)
@click.option("--remarks", help="Remarks that do not block the agreement.")
@click.option(
    "--date", "date", type=DATE, metavar="DATE", help="The day it was signed (default: today)."
)
@CLERK
@SIGN
@click.pass_obj
def agree(
    obj,
    reg_id: str,
    as_: str,
    remarks: str | None,
    date: dt.datetime | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Agree to the draft as ROLE."""
    ev = workflow.agree(
        obj.project, reg_id, as_, remarks, clerk=clerk, signer=_signer(key), date=_date(date)
    )
    st = workflow.status(obj.project, reg_id)
    rest = f"pending: {', '.join(st.pending)}" if st.pending else "every approver has agreed"
    click.echo(f"{reg_id}: {as_} agreed to edition {ev.edition}; {rest} (journal event {ev.seq})")


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--as",
    "as_",
    required=True,
    metavar="ROLE",
    help="The approver who rejects (a role on the route).",
)
@click.option("--remarks", required=True, help="What must change: returned to the drafter.")
@click.option(
    "--date", "date", type=DATE, metavar="DATE", help="The day it was returned (default: today)."
)
@CLERK
@SIGN
@click.pass_obj
def reject(
    obj,
    reg_id: str,
    as_: str,
    remarks: str,
    date: dt.datetime | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Return the draft to the drafter with remarks."""
    ev = workflow.reject(
        obj.project, reg_id, as_, remarks, clerk=clerk, signer=_signer(key), date=_date(date)
    )
    click.echo(
        f"{reg_id}: {as_} returned edition {ev.edition} to the drafter (journal event {ev.seq})"
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--order",
    "order",
    metavar="NO",
    help="The number of the approving order (none when approval.form is signature).",
)
@click.option(
    "--date",
    "date",
    required=True,
    type=DATE,
    metavar="DATE",
    help="The order's date, or the day the official signed (YYYY-MM-DD).",
)
@click.option(
    "--effective",
    type=DATE,
    metavar="DATE",
    help="When the edition takes effect (default: the order's date).",
)
@CLERK
@SIGN
@click.pass_obj
def approve(
    obj,
    reg_id: str,
    order: str | None,
    date: dt.datetime,
    effective: dt.datetime | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Approve the agreed draft by order, or by the official's signature (approval.form:
    signature); freezes regulations/<id>/editions/<n>.yaml."""
    ev = workflow.approve(
        obj.project,
        reg_id,
        order,
        date.date(),
        _date(effective),
        clerk=clerk,
        signer=_signer(key),
    )
    if ev.order.number:
        click.echo(
            f"{reg_id}: edition {ev.edition} approved by order № {ev.order.number} of "
            f"{ev.order.date}, frozen as regulations/{reg_id}/editions/{ev.edition}.yaml "
            f"(journal event {ev.seq})"
        )
    else:
        click.echo(
            _(
                "{id}: edition {n} approved by the signature of {role} on {date}, frozen as "
                "regulations/{id}/editions/{n}.yaml (journal event {seq})"
            ).format(id=reg_id, n=ev.edition, role=ev.role, date=ev.order.date, seq=ev.seq)
        )
    if ev.order.effective and ev.order.effective > ev.order.date:
        click.echo(f"{reg_id}: edition {ev.edition} takes effect on {ev.order.effective}")


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--by", "by", required=True, metavar="ROLE", help="Who closes it: one of the change initiators."
)
@click.option("--reason", required=True, help="Why the revision is abandoned.")
@CLERK
@click.pass_obj
def cancel(obj, reg_id: str, by: str, reason: str, clerk: str | None) -> None:
    """Close the open revision and put regulation.yaml back to the edition in force."""
    ev = workflow.cancel(obj.project, reg_id, by, reason, clerk=clerk)
    click.echo(
        f"{reg_id}: the revision (edition {ev.edition}) is cancelled; regulation.yaml is edition "
        f"{ev.get('restored')} in force again (journal event {ev.seq})"
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--order", "order", required=True, metavar="NO", help="The number of the withdrawing order."
)
@click.option(
    "--date",
    "date",
    required=True,
    type=DATE,
    metavar="DATE",
    help="The order's date (YYYY-MM-DD).",
)
@CLERK
@click.pass_obj
def withdraw(obj, reg_id: str, order: str, date: dt.datetime, clerk: str | None) -> None:
    """Withdraw the edition in force by order."""
    ev = workflow.withdraw(obj.project, reg_id, order, date.date(), clerk=clerk)
    click.echo(
        f"{reg_id}: edition {ev.edition} withdrawn by order № {ev.order.number} (journal event {ev.seq})"
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option("--by", "by", required=True, metavar="ROLE", help="Who reviewed it.")
@click.option("--result", required=True, help="The result of the review.")
@click.option(
    "--date", "date", type=DATE, metavar="DATE", help="The review's date (default: today)."
)
@CLERK
@SIGN
@click.pass_obj
def review(
    obj,
    reg_id: str,
    by: str,
    result: str,
    date: dt.datetime | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Record a periodic review of the edition in force."""
    ev = workflow.review(
        obj.project, reg_id, by, result, _date(date), clerk=clerk, signer=_signer(key)
    )
    click.echo(
        f"{reg_id}: review of edition {ev.edition} recorded; next review due {ev.next_due} "
        f"(journal event {ev.seq})"
    )


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
    type=click.Path(file_okay=False),
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
