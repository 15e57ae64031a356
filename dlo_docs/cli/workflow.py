"""The workflow commands: revise, submit, agree, reject, approve, cancel, withdraw, review (status,
log and verify: ``cli/journal.py``). Each is a few lines over ``dlo_docs.workflow``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from .. import lazy
from ..i18n import _
from . import Context, main
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
    pass

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


# the word for the organisation's day, in each interface language (a clerk types their own)
TODAY_WORDS = ("today", "бүгін", "сегодня")


class _Date(click.DateTime):
    """A day: YYYY-MM-DD, DD.MM.YYYY, or ``today`` (the organisation's, in the registry's time
    zone); one that is none says so in those words (click names strptime's, '%Y-%m-%d')."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value.strip().lower() in TODAY_WORDS and ctx is not None:
            from ..api import load_registry

            zone = load_registry(ctx.find_object(Context).project).organisation.timezone
            return dt.datetime.combine(workflow.today(zone), dt.time())
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(
                _("{value!r} is not a date: write it as YYYY-MM-DD or DD.MM.YYYY, or today").format(
                    value=value
                ),
                param,
                ctx,
            )


DATE = _Date(formats=DATE_FORMATS)


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _decide(decision, obj, reg_id, as_, remarks, date, text, clerk, key):
    """An approver's decision on the draft (``workflow.agree`` or ``workflow.reject``), as the
    two commands take it."""
    return decision(
        obj.project,
        reg_id,
        as_,
        remarks,
        clerk=clerk,
        signer=_signer(key),
        date=_date(date),
        text=text,
    )


# the approving act, as approve and register-paper take it
ORDER = click.option(
    "--order",
    "order",
    metavar="NO",
    help="The number of the approving order (none when approval.form is signature).",
)
ORDER_DATE = click.option(
    "--date",
    "date",
    required=True,
    type=DATE,
    metavar="DATE",
    help="The order's date, or the day the official signed (YYYY-MM-DD, DD.MM.YYYY or today).",
)

TEXT_READ = click.option(
    "--text",
    "text",
    metavar="CODE",
    help="The control code the copy read prints at the head of its pages (beside ЖОБА / "
    "ПРОЕКТ): refused if the text is no longer that one.",
)
CLERK = click.option(
    "--clerk",
    metavar="ROLE",
    help="The registry position of the person recording this event "
    "(default: $DLO_CLERK, else clerk: in regulations/registry.yaml).",
)


def echo_takes_effect(reg_id: str, ev) -> None:
    """When an edition takes effect, if later than its order ("took effect": by the day recorded)."""
    if ev.order.effective and ev.order.effective > ev.order.date:
        if ev.order.effective <= ev.date:
            said = _("{id}: edition {n} took effect on {date}")
        else:
            said = _("{id}: edition {n} takes effect on {date}")
        click.echo(said.format(id=reg_id, n=ev.edition, date=ev.order.effective))


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
@click.option(
    "--reason-kk",
    metavar="TEXT",
    help="The reason in Kazakh, which the Kazakh comparison table and site show instead.",
)
@click.option(
    "--reason-ru",
    metavar="TEXT",
    help="The reason in Russian, which the Russian comparison table and site show instead.",
)
@CLERK
@click.pass_obj
def revise(
    obj, reg_id: str, by: str, reason: str, reason_kk: str | None, reason_ru: str | None, clerk
) -> None:
    """Open a revision: a new draft edition from the edition in force (which stays in force)."""
    worded = {"kk": reason_kk, "ru": reason_ru}
    ev = workflow.revise(obj.project, reg_id, by, reason, clerk=clerk, reasons=worded)
    click.echo(
        _("{id}: edition {n} opened as a draft by {by} (journal event {seq})").format(
            id=reg_id, n=ev.edition, by=by, seq=ev.seq
        )
    )


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
    how = _("in this order") if ev.get("route_kind") == "sequential" else _("all at once")
    click.echo(
        _(
            "{id}: edition {n} submitted for agreement to {roles} ({how}) (journal event {seq})"
        ).format(id=reg_id, n=ev.edition, roles=", ".join(route), how=how, seq=ev.seq)
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
    "--date",
    "date",
    type=DATE,
    metavar="DATE",
    help="The day it was signed (YYYY-MM-DD, DD.MM.YYYY or today; default: today).",
)
@TEXT_READ
@CLERK
@SIGN
@click.pass_obj
def agree(
    obj,
    reg_id: str,
    as_: str,
    remarks: str | None,
    date: dt.datetime | None,
    text: str | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Agree to the draft as ROLE."""
    ev = _decide(workflow.agree, obj, reg_id, as_, remarks, date, text, clerk, key)
    st = workflow.status(obj.project, reg_id)
    rest = (
        _("pending: {roles}").format(roles=", ".join(st.pending))
        if st.pending
        else _("every approver has agreed")
    )
    click.echo(
        _("{id}: {role} agreed to edition {n}; {rest} (journal event {seq})").format(
            id=reg_id, role=as_, n=ev.edition, rest=rest, seq=ev.seq
        )
    )


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
    "--date",
    "date",
    type=DATE,
    metavar="DATE",
    help="The day it was returned (YYYY-MM-DD, DD.MM.YYYY or today; default: today).",
)
@TEXT_READ
@CLERK
@SIGN
@click.pass_obj
def reject(
    obj,
    reg_id: str,
    as_: str,
    remarks: str,
    date: dt.datetime | None,
    text: str | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Return the draft to the drafter with remarks."""
    ev = _decide(workflow.reject, obj, reg_id, as_, remarks, date, text, clerk, key)
    click.echo(
        _("{id}: {role} returned edition {n} to the drafter (journal event {seq})").format(
            id=reg_id, role=as_, n=ev.edition, seq=ev.seq
        )
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@ORDER
@ORDER_DATE
@click.option(
    "--effective",
    type=DATE,
    metavar="DATE",
    help="When the edition takes effect (YYYY-MM-DD, DD.MM.YYYY or today; default: the order's date).",
)
@TEXT_READ
@CLERK
@SIGN
@click.pass_obj
def approve(
    obj,
    reg_id: str,
    order: str | None,
    date: dt.datetime,
    effective: dt.datetime | None,
    text: str | None,
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
        text=text,
    )
    if ev.order.number:
        click.echo(
            _(
                "{id}: edition {n} approved by order № {number} of {date}, frozen as "
                "regulations/{id}/editions/{n}.yaml (journal event {seq})"
            ).format(
                id=reg_id, n=ev.edition, number=ev.order.number, date=ev.order.date, seq=ev.seq
            )
        )
    else:
        click.echo(
            _(
                "{id}: edition {n} approved by the signature of {role} on {date}, frozen as "
                "regulations/{id}/editions/{n}.yaml (journal event {seq})"
            ).format(id=reg_id, n=ev.edition, role=ev.role, date=ev.order.date, seq=ev.seq)
        )
    echo_takes_effect(reg_id, ev)


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
        _(
            "{id}: the revision (edition {n}) is cancelled; regulation.yaml is edition "
            "{restored} in force again (journal event {seq})"
        ).format(id=reg_id, n=ev.edition, restored=ev.get("restored"), seq=ev.seq)
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
    help="The order's date (YYYY-MM-DD, DD.MM.YYYY or today).",
)
@CLERK
@SIGN
@click.pass_obj
def withdraw(
    obj, reg_id: str, order: str, date: dt.datetime, clerk: str | None, key: str | None
) -> None:
    """Withdraw the edition in force by order."""
    ev = workflow.withdraw(
        obj.project, reg_id, order, date.date(), clerk=clerk, signer=_signer(key)
    )
    click.echo(
        _("{id}: edition {n} withdrawn by order № {number} (journal event {seq})").format(
            id=reg_id, n=ev.edition, number=ev.order.number, seq=ev.seq
        )
    )


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option("--by", "by", required=True, metavar="ROLE", help="Who reviewed it.")
@click.option("--result", required=True, help="The result of the review.")
@click.option(
    "--date",
    "date",
    type=DATE,
    metavar="DATE",
    help="The review's date (YYYY-MM-DD, DD.MM.YYYY or today; default: today).",
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
        _(
            "{id}: review of edition {n} recorded; next review due {due} (journal event {seq})"
        ).format(id=reg_id, n=ev.edition, due=ev.next_due, seq=ev.seq)
    )
