"""``dlo new``: start a regulation from the template of its kind."""

from __future__ import annotations

import click

from .. import lazy
from ..i18n import _
from . import DOC_LANGS, main
from .status_text import shown

api = lazy.module("dlo_docs.api")
create = lazy.module("dlo_docs.create")
KINDS = ("job_instruction", "unit_regulation")  # create.KINDS


def _ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@main.command()
@click.argument("reg_id", metavar="ID")
@click.option("--kind", required=True, type=click.Choice(KINDS), help="The kind of regulation.")
@click.option("--position", metavar="POSITION", help="The position (a job instruction).")
@click.option("--unit", metavar="UNIT", help="The unit (a unit regulation).")
@click.option(
    "--lang",
    "langs",
    multiple=True,
    type=click.Choice(DOC_LANGS),
    help="Languages, the first one main; repeat for several (default: kk and ru).",
)
@click.option("--code", help="The document code (default: left to write).")
@click.option("--title", help="The title in the first language (default: made from the registry).")
@click.option(
    "--approvers",
    multiple=True,
    metavar="POSITION,...",
    help="The route of agreement (default: the positions above it, up to the approver).",
)
@click.option(
    "--approval-by",
    metavar="POSITION",
    help="Who approves it by order (default: the head of the organisation).",
)
@click.option(
    "--initiators",
    multiple=True,
    metavar="POSITION,...",
    help="Who may initiate changes (default: the unit's head and the positions above it).",
)
@click.pass_obj
def new(obj, reg_id: str, **kw) -> None:
    """Start a regulation from the template of its kind: regulations/<ID>/regulation.yaml.

    The chapters of the kind are there, with what the registry knows filled in; the texts left
    to write are marked [[...]] and `dlo check` lists them (DLO114).
    """
    options = create.Options(
        kind=kw["kind"],
        position=kw["position"],
        unit=kw["unit"],
        languages=tuple(dict.fromkeys(kw["langs"])) or DOC_LANGS,
        code=kw["code"],
        title=kw["title"],
        approvers=_ids(kw["approvers"]),
        approval_by=kw["approval_by"],
        initiators=_ids(kw["initiators"]),
    )
    project = obj.project
    made = create.create(project, reg_id, options)
    click.echo(
        _("wrote {path} (from {template})").format(
            path=project.display(made.path), template=project.display(made.template)
        )
    )
    doc = made.model
    title = doc.title if isinstance(doc.title, str) else doc.title[doc.main_lang]
    click.echo(shown("  " + _("title: {title}").format(title=title)))
    route = ", ".join(doc.agreement.approvers)
    if doc.approval.by == doc.position:  # the text leaves who approves it to write
        said = _(
            "route: {route}; who approves it is left to write: once written, set approval.by "
            "(now {approver}, the position itself)"
        )
    else:
        said = _("route: {route}; approved by {approver}")
    click.echo("  " + said.format(route=route, approver=doc.approval.by))
    problems = api.check(project, [str(made.path)])
    todo = [p for p in problems if p.code == "DLO114"]
    others = [p for p in problems if p.code != "DLO114"]
    click.echo(
        "  " + _("{n} text(s) left to write: dlo check lists them (DLO114)").format(n=len(todo))
    )
    for problem in others:
        click.echo(str(problem), err=True)
