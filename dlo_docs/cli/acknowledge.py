"""``dlo acknowledge``: record who has read the edition in force (the acquaintance sheet)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import i18n, lazy
from ..errors import DloError, UsageError
from ..i18n import _, ngettext
from . import PathArg, main
from .signing import load_key
from .status_text import shown
from .workflow import DATE

if TYPE_CHECKING:  # for the types only: the library is imported when the command runs
    from ..workflow.acknowledgements import Reader

acquaintance = lazy.module("dlo_docs.acquaintance")
acks = lazy.module("dlo_docs.workflow.acknowledgements")
project_lib = lazy.module("dlo_docs.project")


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
    type=PathArg(dir_okay=False),
    metavar="FILE",
    help="The office's acquaintance list: name, position, date per row.",
)
@click.option(
    "--date",
    type=DATE,
    metavar="DATE",
    help="The day they signed (YYYY-MM-DD, DD.MM.YYYY or today; default: today).",
)
@click.option(
    "--sign",
    "key",
    metavar="KEY.p12",
    help="The reader signs with their own key (PKCS#12; password: DLO_KEY_PASSWORD or asked "
    "for): one person, named by their registry position.",
)
@click.option(
    "--clerk",
    metavar="ROLE",
    help="The registry position of the person recording this "
    "(default: $DLO_CLERK, else clerk: in regulations/registry.yaml).",
)
@click.pass_obj
def acknowledge(obj, reg_id, holders, name, position, csv_file, date, key, clerk) -> None:
    """Record that people have read the edition in force (one journal event each).

    The acquaintance sheet then prints them, and `dlo list --unacknowledged` shows who has not
    read it yet. A new edition in force starts a new round. With --sign the one person named
    signs their acknowledgement with their own key; a --csv list is recorded unsigned.
    """
    project = obj.project
    loaded = project_lib.Loaded()
    project.load_registry(loaded)
    if loaded.registry is None:
        raise DloError(loaded.errors)
    registry = loaded.registry
    lang = acks.language(project, reg_id)
    day = date.date() if date else None
    readers: list[tuple[Reader, dt.date | None]] = [
        (acks.holder(registry, pid, lang), day) for pid in holders
    ]
    if name or position:
        readers.append((acks.named(registry, name or "", position or "", lang), day))
    if csv_file:
        if date:
            raise UsageError(_("the CSV gives each row's date"), _("leave out --date with --csv"))
        if key:
            raise UsageError(
                _("an acquaintance list is recorded unsigned: --sign signs one person's own"),
                _("each person signs with: dlo acknowledge ID --holder POSITION --sign KEY.p12"),
            )
        path = Path(csv_file)
        readers += acquaintance.read(path, csv_file, registry, lang)
    signer = load_key(key) if key else None
    events = acks.acknowledge(project, reg_id, readers, clerk=clerk, signer=signer)
    for ev in events:
        _echo(reg_id, ev, registry if ev.get("position_id") in holders else None)
    if csv_file and events:
        click.echo(
            ngettext(
                "{id}: the {n} acknowledgement of {file} is recorded unsigned (the list stands "
                "for the paper sheet its people signed by hand)",
                "{id}: the {n} acknowledgements of {file} are recorded unsigned (the list stands "
                "for the paper sheet its people signed by hand)",
                len(events),
            ).format(id=reg_id, n=len(events), file=csv_file)
        )
    rest = acks.round_of(project, reg_id, registry)
    said = {"id": reg_id, "n": len(rest.done), "edition": rest.edition}
    if not rest.missing:
        click.echo(
            _("{id}: {n} acknowledged edition {edition}; everyone due to has").format(**said)
        )
        return
    missing = shown(", ".join(r.shown() for r in rest.missing))
    click.echo(
        _("{id}: {n} acknowledged edition {edition}; not yet: {rest}").format(**said, rest=missing)
    )


def _echo(reg_id: str, ev, registry=None) -> None:
    """What was recorded; a holder named by --holder (``registry`` given) as the registry names
    them in the clerk's language, as the sheet in it prints them, not in the journal's."""
    name, position = ev.get("name"), ev.get("position")
    ui = i18n.current()
    if registry is not None and ui != "en":
        holder = acks.holder(registry, ev.get("position_id"), ui)
        name, position = holder.name, holder.position
    click.echo(
        _("{id}: {name} ({position}) read edition {n} on {date} (journal event {seq})").format(
            id=reg_id,
            name=shown(str(name)),
            position=shown(str(position)),
            n=ev.edition,
            date=ev.get("date"),
            seq=ev.seq,
        )
    )
    sig = ev.get("signature")
    if sig:
        click.echo(
            _("  signed by {signer}, certificate {serial}, at {time}").format(
                signer=sig.get("signer") or sig.get("subject"),
                serial=sig.get("serial"),
                time=sig.get("signed_at"),
            )
        )
