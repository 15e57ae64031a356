"""``dlo site build`` and ``dlo site serve``: the intranet site. A few lines over ``dlo_docs.site``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import i18n, lazy
from ..i18n import _
from ..progress import Bars
from . import _TERMINATED, PathArg, _ending, main

site_lib = lazy.module("dlo_docs.site")
memory = lazy.module("dlo_docs.memory")  # ctypes: only for a build
DEFAULT_OUT = "public"  # site.DEFAULT_OUT
DEFAULT_PORT = 8000  # site.DEFAULT_PORT


@main.group()
def site() -> None:
    """The intranet site: the working copies of the regulations in force."""


@site.command()
@click.option(
    "--out",
    type=PathArg(file_okay=False),
    metavar="DIR",
    help=f"Where to build the site (default: {DEFAULT_OUT}/ in the project).",
)
@click.option(
    "--pdf/--no-pdf",
    default=True,
    show_default=True,
    help=(
        "Make PDF downloads (needs LibreOffice; without it the site is built with a warning). "
        "A build that makes none keeps those made before of an unchanged edition."
    ),
)
@click.option(
    "--url-path",
    metavar="PATH",
    help=(
        "The path the web server serves the site at, e.g. /regulations/ (default: the one the "
        "last build of the folder was given, else /): the links of its page for a missing "
        "address, 404.html, start there."
    ),
)
@click.option("-v", "--verbose", is_flag=True, help="Say what is being loaded and rendered.")
@click.pass_obj
def build(obj, out: str | None, pdf: bool, url_path: str | None, verbose: bool) -> None:
    """Build or update the static site: only editions in force, in Kazakh and Russian, with
    search; unchanged regulations are not rendered again."""
    project = obj.project
    progress = (
        (lambda message: click.echo(f"  {i18n.text(message)}", err=True)) if verbose else None
    )
    memory.one_arena()  # before the build's threads start
    with Bars() as bars:  # (not with --verbose, whose lines would cut a bar drawn on a line)
        report = site_lib.build(
            project,
            Path(out) if out else None,
            pdf=pdf,
            progress=progress,
            served_at=url_path,
            counted=None if verbose else bars.start("site"),
        )
    for problem in report.problems:
        click.echo(str(problem), err=True)
    n = len(report.published)
    click.echo(_summary(project, report))
    if left := [i for i in report.failed if i not in report.unpublished]:
        click.echo(
            _(
                "site: not published (see above; their pages, if any, left as they were): {ids}"
            ).format(ids=", ".join(left)),
            err=True,
        )
    if report.unpublished:
        click.echo(
            _(
                "site: not published (see above), and their pages removed: they were no longer "
                "as the previous build left them (changed since, or restored from a copy), so "
                "they could not be kept; mend what is said above and build again: {ids}"
            ).format(ids=", ".join(report.unpublished)),
            err=True,
        )
    if not report.failed and not n:
        click.echo(
            _(
                "site: no regulation has an edition in force yet "
                "(approve one: dlo approve ID --order NO --date DATE)"
            )
        )
    if report.errors:
        raise click.exceptions.Exit(1)


def _summary(project, report) -> str:
    """The build's line: how many regulations are published where, and what was written."""
    where = project.display(report.out)
    n = len(report.published)
    published = i18n.ngettext(
        "site: {n} regulation in force published to {where}/",
        "site: {n} regulations in force published to {where}/",
        n,
    ).format(n=n, where=where)
    counts = _(
        "{rendered} rendered, {same} unchanged; {written} file(s) written, {unchanged} unchanged, "
        "{removed} removed"
    ).format(
        rendered=len(report.rebuilt),
        same=n - len(report.rebuilt),
        written=len(report.written),
        unchanged=report.unchanged,
        removed=len(report.removed),
    )
    served = (
        "" if report.served_at == "/" else _("; served at {path}").format(path=report.served_at)
    )
    return f"{published} ({counts}{_without_pdf(report)}{served})"


def _without_pdf(report) -> str:
    """What a build that made no PDF did with those published before."""
    if report.pdf:
        return ""
    if not report.pdfs and not report.pdfs_removed:
        return _("; no PDF")
    return _("; no PDF made: {kept} kept, {removed} removed").format(
        kept=report.pdfs, removed=report.pdfs_removed
    )


@site.command()
@click.option(
    "--dir",
    "folder",
    type=PathArg(file_okay=False),
    metavar="DIR",
    help=f"The built site (default: {DEFAULT_OUT}/ in the project).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port on 127.0.0.1.",
)
@click.pass_obj
def serve(obj, folder: str | None, port: int) -> None:
    """Preview the built site on http://127.0.0.1:PORT/ (this computer only), under the path it
    was built for (site build --url-path), followed as it is built again. Ctrl-C stops it."""
    path = Path(folder) if folder else obj.project.root / DEFAULT_OUT
    server = site_lib.server(path, port, log=lambda line: click.echo(i18n.text(line), err=True))
    host, bound = str(server.server_address[0]), server.server_address[1]
    url = f"http://{host}:{bound}{site_lib.built_for(path)}"  # at the path it was built for
    click.echo(_("serving {path} on {url} (Ctrl-C stops)").format(path=path, url=url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        _ending()  # stopped as asked: a press more changes nothing (exit 0, as docs/cli.md says)
        click.echo(_("stopped"))
    except SystemExit:  # SIGTERM, a service manager's stop: still 143, as it expects
        _TERMINATED[0] = False  # not "no file is half-written; run the command again"
        click.echo(_("stopped"))
        raise
    finally:
        server.server_close()
