"""``dlo acknowledge``: record who has read the edition in force (the acquaintance sheet)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .. import acquaintance
from ..errors import DloError, UsageError
from ..i18n import _
from ..project import Loaded
from ..workflow import acknowledgements as acks
from . import main

DATE = click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"])


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option(
    "--holder",
    "holders",
    multiple=True,
    metavar="POSITION",
    help="The registry holder of this position has read it; repeat for several.",
)
@click.option("--name", help="The person's name (with --position).")
@click.option("--position", help="Their position: a registry id, or the title as written.")
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="The office's acquaintance list: name, position, date per row.",
)
@click.option("--date", type=DATE, metavar="DATE", help="The day they signed (default: today).")
@click.option(
    "--clerk",
    metavar="ROLE",
    help="The registry position of the person recording this "
    "(default: $DLO_CLERK, else clerk: in regulations/registry.yaml).",
)
@click.pass_obj
def acknowledge(obj, reg_id, holders, name, position, csv_file, date, clerk) -> None:
    """Record that people have read the edition in force (one journal event each).

    The acquaintance sheet then prints them, and `dlo list --unacknowledged` shows who has not
    read it yet. A new edition in force starts a new round.
    """
    project = obj.project
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.registry is None:
        raise DloError(loaded.errors)
    registry = loaded.registry
    lang = "kk"
    day = date.date() if date else None
    readers: list[tuple[acks.Reader, dt.date | None]] = [
        (acks.holder(registry, pid, lang), day) for pid in holders
    ]
    if name or position:
        readers.append((acks.named(registry, name or "", position or "", lang), day))
    if csv_file:
        if date:
            raise UsageError(_("the CSV gives each row's date"), _("leave out --date with --csv"))
        path = Path(csv_file)
        readers += acquaintance.read(path, csv_file, registry, lang)
    events = acks.acknowledge(project, reg_id, readers, clerk=clerk)
    for ev in events:
        click.echo(
            _("{id}: {name} ({position}) read edition {n} on {date} (journal event {seq})").format(
                id=reg_id,
                name=ev.get("name"),
                position=ev.get("position"),
                n=ev.edition,
                date=ev.get("date"),
                seq=ev.seq,
            )
        )
    rest = acks.round_of(project, reg_id, registry)
    click.echo(
        _("{id}: {n} acknowledged edition {edition}; not yet: {rest}").format(
            id=reg_id,
            n=len(rest.done),
            edition=rest.edition,
            rest=", ".join(r.shown() for r in rest.missing) or _("nobody"),
        )
    )
