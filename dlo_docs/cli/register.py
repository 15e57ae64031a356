"""``dlo list``: the register of regulations."""

from __future__ import annotations

from pathlib import Path

import click

from .. import i18n, lazy
from ..errors import UsageError
from ..i18n import _
from . import DOC_LANGS, PathArg, main
from .workflow import DATE

register = lazy.module("dlo_docs.register")
output = lazy.module("dlo_docs.register.output")
fsio = lazy.module("dlo_docs.fsio")
shutil = lazy.module("shutil")

# the workflow's states (workflow.STATES, not imported for the help text) and the register's "error"
STATES = ("draft", "agreement", "agreed", "approved", "in_force", "withdrawn", "error")


@main.command("list")
@click.option("--unit", metavar="UNIT", help="Only this unit and the units under it.")
@click.option("--state", type=click.Choice(STATES), help="Only regulations in this state.")
@click.option("--overdue", is_flag=True, help="Only those whose periodic review is overdue.")
@click.option("--waiting-for", "waiting", metavar="ROLE", help="Only drafts waiting for ROLE.")
@click.option(
    "--unacknowledged",
    is_flag=True,
    help="Only editions in force that someone has not read yet, and who.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "xlsx", "json"]),
    help="The output's form (default: as --out FILE.xlsx|.csv|.json names it, else table).",
)
@click.option(
    "--lang",
    type=click.Choice(DOC_LANGS),
    help=(
        "Language of titles, units and readers' positions (default: the interface's, when kk "
        "or ru; else kk)."
    ),
)
@click.option(
    "--sep",
    type=click.Choice([",", ";", "tab"]),
    default=",",
    show_default=True,
    help="The CSV's separator: ';' for Excel set to Russian or Kazakh, whose list separator it is.",
)
@click.option("--out", type=PathArg(dir_okay=False), help="Write to FILE (xlsx: required).")
@click.option(
    "--today",
    type=DATE,
    metavar="DATE",
    help="Count reviews due as of DATE (YYYY-MM-DD, DD.MM.YYYY or today; default: today).",
)
@click.pass_obj
def list_(obj, unit, state, overdue, waiting, unacknowledged, fmt, lang, sep, out, today) -> None:
    """The register: every regulation with its code, title, unit, state, edition in force, order,
    effective date, next review (OVERDUE, or DUE within 90 days) and whom the draft waits for.

    A regulation that cannot be read, or whose journal does not verify (its chain, its events,
    its signatures: as dlo verify), is listed with the state 'error', its first problem and no
    order or date, and the others are shown; the exit code is then 1."""
    fmt = _format(fmt, out)
    project = obj.project
    day = today.date() if today else register.today(project)
    ui = i18n.current()
    listed = register.entries(project, lang or (ui if ui in DOC_LANGS else "kk"), day)
    found = register.select(
        listed,
        register.registry(project),
        unit=unit,
        state=state,
        overdue=overdue,
        waiting=waiting,
        unacknowledged=unacknowledged,
    )
    if fmt == "xlsx":
        if not out:
            raise UsageError(_("--format xlsx writes a file"), _("give --out FILE.xlsx"))
        from ..register import xlsx

        data: bytes | str = xlsx.workbook(found, day)
    elif fmt == "csv":
        data = output.to_csv(found, "\t" if sep == "tab" else sep)
    elif fmt == "json":
        data = output.to_json(found, day) + "\n"
    else:
        width = shutil.get_terminal_size((160, 24)).columns
        lines = output.table(
            found, width, lambda text, colour: click.style(text, fg=colour), unacknowledged
        )
        data = "\n".join(lines) + "\n"
    if out:
        path = project.output(Path(out))
        fsio.atomic_write(
            path, data.encode("utf-8-sig") if isinstance(data, str) and fmt == "csv" else data
        )
        click.echo(
            _("wrote {path} ({n} regulations)").format(path=project.display(path), n=len(found))
        )
    else:
        click.echo(data, nl=False)
    unreadable = sum(1 for e in listed if e.state == "error")  # filtered out or not
    if unreadable:
        click.echo(
            _(
                "{n} regulation(s) cannot be read or their journal does not verify "
                "(state 'error'): dlo check and dlo verify name the problems"
            ).format(n=unreadable),
            err=True,
        )
        raise click.exceptions.Exit(1)


SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".json": "json"}


def _format(fmt: str | None, out: str | None) -> str:
    """The format asked for, else the one --out's file name implies (``реестр.xlsx``), else the
    table; a file named for another format is refused (Excel cannot open CSV bytes named .xlsx)."""
    implied = SUFFIXES.get(Path(out).suffix.lower()) if out else None
    if fmt and implied and fmt != implied:
        raise UsageError(
            _("--format {fmt} does not fit the file name {out}").format(fmt=fmt, out=out),
            _("name the file .{fmt}, or leave out --format").format(fmt=fmt),
        )
    return fmt or implied or "table"
