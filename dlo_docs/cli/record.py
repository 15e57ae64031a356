"""Commands that bring into the journal what happened outside it or was mistyped in it:
``register-paper`` (an edition approved on paper before the workflow) and ``correct`` (a date or
remark fixed by a correction event). A few lines over ``dlo_docs.workflow``."""

from __future__ import annotations

import datetime as dt

import click

from .. import lazy
from ..errors import UsageError
from ..i18n import _
from . import main, status_text
from .workflow import (
    CLERK,
    DATE,
    DATE_FORMATS,
    ORDER,
    ORDER_DATE,
    SIGN,
    TEXT_READ,
    _date,
    _signer,
    echo_takes_effect,
)

workflow = lazy.module("dlo_docs.workflow")


def _agreed(values: tuple[str, ...]) -> list[tuple[str, dt.date]]:
    """``ROLE:DATE`` pairs (the date as YYYY-MM-DD or DD.MM.YYYY)."""
    pairs = []
    for value in values:
        role, sep, day = value.partition(":")
        parsed = None
        for fmt in DATE_FORMATS:
            try:
                parsed = dt.datetime.strptime(day.strip(), fmt).date()
                break
            except ValueError:
                continue
        if not sep or not role.strip() or parsed is None:
            raise UsageError(
                _("--agreed {value!r} is not ROLE:DATE").format(value=value),
                _("for example --agreed vp-academic:2020-08-25"),
            )
        pairs.append((role.strip(), parsed))
    return pairs


@main.command("register-paper")
@click.argument("reg_id", metavar="ID")
@ORDER
@ORDER_DATE
@click.option(
    "--effective",
    type=DATE,
    metavar="DATE",
    help="When the edition took (or takes) effect (YYYY-MM-DD, DD.MM.YYYY or today; default: the order's date).",
)
@click.option(
    "--agreed",
    "agreed",
    multiple=True,
    metavar="ROLE:DATE",
    help="An approver who signed the paper agreement sheet, and the day (repeatable).",
)
@TEXT_READ
@CLERK
@SIGN
@click.pass_obj
def register_paper(
    obj,
    reg_id: str,
    order: str | None,
    date: dt.datetime,
    effective: dt.datetime | None,
    agreed: tuple[str, ...],
    text: str | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Register the text of ID as its edition approved on paper before the workflow, in force
    by that order, or by the official's signature (approval.form: signature); freezes
    regulations/<id>/editions/<n>.yaml."""
    ev = workflow.register_paper(
        obj.project,
        reg_id,
        order,
        date.date(),
        _date(effective),
        _agreed(agreed),
        clerk=clerk,
        signer=_signer(key),
        text=text,
    )
    if ev.order.number:
        said = _(
            "{id}: edition {n} registered as approved on paper by order № {order} of {date}, "
            "frozen as regulations/{id}/editions/{n}.yaml (journal event {seq})"
        )
    else:
        said = _(
            "{id}: edition {n} registered as approved on paper by the signature of {role} on "
            "{date}, frozen as regulations/{id}/editions/{n}.yaml (journal event {seq})"
        )
    click.echo(
        said.format(
            id=reg_id,
            n=ev.edition,
            order=ev.order.number,
            role=ev.role,
            date=ev.order.date,
            seq=ev.seq,
        )
    )
    echo_takes_effect(reg_id, ev)


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--event", "event", required=True, type=int, metavar="K", help="The journal event to correct."
)
@click.option(
    "--date",
    "date",
    type=DATE,
    metavar="DATE",
    help="The date it should have (YYYY-MM-DD, DD.MM.YYYY or today).",
)
@click.option("--remark", "remark", metavar="TEXT", help="The remarks (or result) it should have.")
@click.option(
    "--effective",
    "effective",
    type=DATE,
    metavar="DATE",
    help="The effective date an approval or registration should have (YYYY-MM-DD, DD.MM.YYYY or today).",
)
@click.option(
    "--order",
    "order",
    metavar="NO",
    help="The order number an approval, a registration or a withdrawal should have.",
)
@CLERK
@SIGN
@click.pass_obj
def correct(
    obj,
    reg_id: str,
    event: int,
    date: dt.datetime | None,
    remark: str | None,
    effective: dt.datetime | None,
    order: str | None,
    clerk: str | None,
    key: str | None,
) -> None:
    """Correct a mistyped date, remark, effective date or order number of journal event K: a
    correction event; the original stays in the journal, and the sheets and the log show the
    corrected value, marked. A correction of a signed event is signed by whoever may sign that
    event (--sign)."""
    ev = workflow.correct(
        obj.project,
        reg_id,
        event,
        _date(date),
        remark,
        clerk=clerk,
        effective=_date(effective),
        order=order,
        signer=_signer(key),
    )
    click.echo(
        _(
            "{id}: journal event {k} corrected: {field} {was} → {value} (journal event {seq})"
        ).format(
            id=reg_id,
            k=event,
            field=status_text.corrected_field(ev.get("field")),
            was=status_text.corrected_value(ev.get("field"), ev.get("was")) or "-",
            value=status_text.corrected_value(ev.get("field"), ev.get("value")),
            seq=ev.seq,
        )
    )
