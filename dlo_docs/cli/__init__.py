"""The ``dlo`` command (the only package that imports click). Each command is a few lines over
the library API; errors become positioned messages, never tracebacks."""

from __future__ import annotations

import os
import sys
import traceback

import click

from ..entry import VERSION
from ..errors import DloError, UsageError


class Context:
    def __init__(self, root: str) -> None:
        self.root = root
        self._project = None

    @property
    def project(self):  # a dlo_docs.project.Project (imported when a command needs it)
        """One project per command, so its file cache is shared by everything the command does."""
        if self._project is None:
            from ..project import Project

            self._project = Project(self.root)
        return self._project


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="The project folder (the one that holds regulations/).",
)
@click.option(
    "--soffice",
    metavar="PATH",
    help="The LibreOffice program that makes PDFs (default: DLO_SOFFICE, PATH, usual places).",
)
@click.version_option(version=VERSION, prog_name="dlo")
@click.pass_context
def main(ctx: click.Context, root: str, soffice: str | None) -> None:
    """dlo_docs: a university's regulations as structured data, rendered to DOCX, PDF and HTML."""
    ctx.obj = Context(root)
    from ..render import pdf  # the standard library only: cheap

    pdf.use_soffice(soffice)  # None: the default search (a previous in-process run may have set it)


def report(exc: DloError) -> None:
    for problem in exc.problems:
        click.echo(str(problem), err=True)


def run() -> None:
    """Entry point: turns every failure into a message and an exit code."""
    try:
        code = main.main(prog_name="dlo", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UsageError as exc:
        click.echo(
            f"dlo: error: {exc.message}" + (f" (hint: {exc.hint})" if exc.hint else ""), err=True
        )
        sys.exit(2)
    except DloError as exc:
        report(exc)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so briefly; DLO_DEBUG=1 shows the traceback
        if os.environ.get("DLO_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"dlo: internal error: {type(exc).__name__}: {exc} (set DLO_DEBUG=1 for details "
            "and report it)",
            err=True,
        )
        sys.exit(3)


def _register_commands() -> None:
    """Each module of this package defines its commands on ``main`` when imported."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


_register_commands()
