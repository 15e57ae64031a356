"""The ``dlo`` command (the only package that imports click). Each command is a few lines over
the library API; errors become positioned messages, never tracebacks."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import click

from .. import i18n, interrupts, usercache
from ..entry import VERSION, unblock
from ..errors import DloError, UsageError
from ..i18n import _
from . import click_words
from .once import given_once, misplaced

if TYPE_CHECKING:  # for the types only: the project is imported when a command needs it
    from ..project import Project

    _CommandBase = click.Command
else:
    _CommandBase = object

# The languages a document may be written in, for every --lang option: the model's LANGS,
# written here so that `dlo --help` imports no part of the library (a test keeps them equal).
DOC_LANGS = ("kk", "ru")


class Context:
    def __init__(self, root: str) -> None:
        self.root = root
        self._project: Project | None = None

    @property
    def project(self) -> Project:  # imported when a command needs it
        """One project per command, so its file cache is shared by everything the command does."""
        if self._project is None:
            from ..project import Project

            self._project = Project(self.root)
        return self._project


class PathArg(click.Path):
    """``click.Path`` whose word for what it takes ('file', 'directory', 'path'), which click's
    messages show ("File '…' is a directory."), is in the interface language: click translates
    it once, when the command is defined, before the language is chosen."""

    @property
    def name(self) -> str:
        if self.file_okay and not self.dir_okay:
            return _("file")
        if self.dir_okay and not self.file_okay:
            return _("directory")
        return _("path")

    @name.setter
    def name(self, value: str) -> None:  # click sets it, in English, when the option is made
        pass


class _Translated(_CommandBase):
    """Help texts are written in English and shown in the interface language, looked up when
    the help is printed (the language is chosen per run, after the commands are defined)."""

    def collect_usage_pieces(self, ctx):  # "[OPTIONS]", a group's "COMMAND [ARGS]..."
        return [click_words.metavar(p) for p in super().collect_usage_pieces(ctx)]

    def format_help_text(self, ctx, formatter):
        help_, self.help = self.help, i18n.help_text(self.help)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = help_

    def get_short_help_str(self, limit: int = 45) -> str:
        help_, short = self.help, self.short_help
        self.help, self.short_help = i18n.help_text(help_), i18n.help_text(short)
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help, self.short_help = help_, short

    def format_options(self, ctx, formatter):
        params = self.get_params(ctx)
        saved = [p.help if isinstance(p, click.Option) else None for p in params]
        for p in params:
            if isinstance(p, click.Option):
                p.help = i18n.help_text(p.help)
        try:
            super().format_options(ctx, formatter)
        finally:
            for p, help_ in zip(params, saved, strict=True):
                if isinstance(p, click.Option):
                    p.help = help_


class Command(_Translated, click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given_once(self.get_params(ctx), ctx, args)
        try:
            return super().parse_args(ctx, list(args))
        except click.NoSuchOption as exc:
            raise misplaced(exc, ctx, args) from None


class Group(_Translated, click.Group):
    """A group whose commands may be defined by modules imported when one of them is asked for
    (``lazy``: command name -> module of this package), so that a command imports its own."""

    command_class = Command
    group_class = type
    lazy: Mapping[str, str] = MappingProxyType({})  # (``main``'s is set below)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:  # an unknown name: all of them, for click's advice
            self.load(self.lazy.get(cmd_name))
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load()
        return super().list_commands(ctx)

    def load(self, module: str | None = None) -> None:
        """Define the commands of ``module`` (None: of every module ``lazy`` names)."""
        import importlib

        for name in [module] if module else sorted(set(self.lazy.values())):
            importlib.import_module(f"{__name__}.{name}")


def _lang_ui(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        i18n.use(i18n.choose(value))
    return value


click_words.speak()


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang-ui",
    type=click.Choice(i18n.UI_LANGS),
    is_eager=True,
    expose_value=False,
    callback=_lang_ui,
    help="Language of messages and help: en, kk or ru (default: DLO_UI_LANG, else the locale).",
)
@click.option(
    "--root",
    default=".",
    show_default=True,
    type=PathArg(file_okay=False),
    help="The project folder (the one that holds regulations/).",
)
@click.option(
    "--soffice",
    metavar="PATH",
    help="The LibreOffice program that makes PDFs (default: DLO_SOFFICE, PATH, usual places).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read and keep nothing in the user's cache (the PDFs made before; default: DLO_NO_CACHE).",
)
@click.version_option(version=VERSION, prog_name="dlo")
@click.pass_context
def main(ctx: click.Context, root: str, soffice: str | None, no_cache: bool) -> None:
    """dlo_docs: a university's regulations as structured data, rendered to DOCX, PDF and HTML."""
    ctx.obj = Context(root)
    usercache.disable(no_cache)  # not set: as DLO_NO_CACHE says (whatever an earlier run set)
    # None: the default search (a previous in-process run may have set another); a module not
    # imported yet searches by default, and help alone never imports it
    if soffice is not None or "dlo_docs.render.soffice" in sys.modules:
        from ..render import soffice as finder

        finder.use_soffice(soffice)


def report(exc: DloError) -> None:
    for problem in exc.problems:
        click.echo(str(problem), err=True)


_MAIN: list[int] = []  # the process ``run`` was called in (a forked worker is another)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM ends the command as Ctrl-C does: each ``finally`` runs, so LibreOffice is ended
    and temporary folders are removed; exit 128 + 15. A second one waits for that clean-up; a
    worker forked from the command ends at once, as by default."""
    if _worker_ends(signum):
        return
    signal.signal(signum, _again)
    if _ENDING[0]:  # after Ctrl-C, whose clean-up goes on: the command ends with 130
        return
    _ending()  # the command ends with 143: a Ctrl-C now neither breaks its clean-up nor kills it
    _TERMINATED[0] = True
    interrupts.handle(lambda: _exit(128 + signum))  # held while LibreOffice is being started


def _again(signum: int, frame: object) -> None:
    """A SIGTERM after the first: the clean-up it began goes on. Not ``SIG_IGN``, which a
    program started meanwhile (LibreOffice, as the first was held) would inherit and keep:
    ended only by SIGKILL, seconds later. A forked worker ends at once, as by default."""
    _worker_ends(signum)


def _worker_ends(signum: int) -> bool:
    """In a worker forked from the command (not the process ``run`` was called in): ``signum``
    given its default effect, ending it. False in the command itself."""
    if os.getpid() in _MAIN:
        return False
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    return True


_ENDING = [False]  # interrupted and cleaned up: a Ctrl-C more is ignored (``_ending``)
_TERMINATED = [False]  # ended by SIGTERM: said as the command ends (``_leaving``)


def _exit(code: int) -> None:
    raise SystemExit(code)


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C as Python's own handler (KeyboardInterrupt), but held while a program is being
    started (``interrupts``), and nothing once the command is ending after one (``_ending``):
    pressed again while the first unwinds, it would cut a clean-up short (a staging folder half
    removed, or ``shutil.rmtree`` closing a folder's descriptor twice: EBADF)."""
    if not _ENDING[0]:
        _ending()
        interrupts.handle(_keyboard)


def _keyboard() -> None:
    raise KeyboardInterrupt


def _on_sigterm() -> None:
    """Let SIGTERM clean up (``_terminated``), unless whoever runs us handles it already; Ctrl-C
    held like it while a program is being started."""
    if hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        _MAIN[:] = [os.getpid()]
        signal.signal(signal.SIGTERM, _terminated)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted)


def _ending() -> None:
    """Interrupted, everything cleaned up: Ctrl-C pressed again (impatience) does nothing more
    (``_interrupted``), so the command still ends with 130, not killed by SIGINT on its way out.
    The handler stays (no SIG_IGN, which the programs a caller starts later would inherit)."""
    _ENDING[0] = True


def _aborted(ctrl_c: bool) -> None:
    """Say so and exit: after Ctrl-C (click turns KeyboardInterrupt into Abort) with 128 +
    SIGINT, as shells expect; else 1."""
    if ctrl_c:
        _ending()
    click.echo(interrupts.said(terminated=False), err=True)
    sys.exit(130 if ctrl_c else 1)


def _leaving(exiting: bool) -> None:
    """The command has ended. In a process that now exits (``exiting``, the ``dlo`` executable):
    Ctrl-C and SIGTERM ignored for the rest of it, so that it exits with the command's code.
    Handled, one raised in an ``atexit`` callback or as threads are joined printed a traceback
    ("Exception ignored … SystemExit: 143"); and Python restores the default actions late in
    its shutdown, so one then ended it by the signal instead of its code. Otherwise the flag is
    cleared: a caller running commands in its own process keeps its Ctrl-C (``_interrupted``)."""
    if _TERMINATED[0]:  # said as Ctrl-C's "Interrupted": a service manager's log shows why
        click.echo(interrupts.said(terminated=True), err=True)
    if exiting:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if os.getpid() in _MAIN:  # SIGTERM is ours (``_on_sigterm``)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _ENDING[0] = False


def run(exiting: bool = False) -> None:
    """Entry point: turns every failure into a message and an exit code; ``exiting``: the
    process ends with the command (``_leaving``)."""
    i18n.use(i18n.choose())  # --lang-ui, read while parsing, may change it
    _ENDING[0] = _TERMINATED[0] = False  # (a caller running commands in its own process)
    _on_sigterm()
    try:
        with interrupts.redelivering():  # one dropped in a finalizer is raised again
            _command()
    finally:
        _leaving(exiting)


def _command() -> None:
    """The command, each failure made a message and an exit code (``SystemExit``)."""
    try:
        unblock()  # an interrupt that came while the command line was imported comes now
        code = main.main(prog_name="dlo", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:
        _aborted(ctrl_c=isinstance(exc.__cause__, KeyboardInterrupt))
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UsageError as exc:
        message = _("dlo: error: {message}").format(message=i18n.text(exc.message))
        if exc.hint:
            message += " " + _("(hint: {hint})").format(hint=i18n.text(exc.hint))
        click.echo(message, err=True)
        sys.exit(2)
    except DloError as exc:
        report(exc)
        sys.exit(1)
    except KeyboardInterrupt:
        _ending()
        sys.exit(130)
    except Exception as exc:  # a bug: say so briefly; DLO_DEBUG=1 shows the traceback
        _wrapped_interrupt(exc)
        from . import refusals  # (only when a command failed: no start-up cost)

        refusals.end_if_refused(exc)  # the system's refusal (a full disk, no permission): no bug
        if os.environ.get("DLO_DEBUG"):
            import traceback

            traceback.print_exc()
        click.echo(
            _("dlo: internal error: {error} (set DLO_DEBUG=1 for details and report it)").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            err=True,
        )
        sys.exit(3)


def _wrapped_interrupt(exc: Exception) -> None:
    """An interrupt turned into another exception, raised as itself: Ctrl-C or SIGTERM whose
    handler ran in a class's ``__set_name__`` (a module being imported) came out as
    ``RuntimeError`` (Python 3.11), and one in pydantic-core building a model's validator as
    ``SchemaError``: reported as an internal error with a traceback."""
    cause = interrupts.raised() or exc.__cause__
    if isinstance(cause, KeyboardInterrupt):
        _ending()
        sys.exit(130)
    if isinstance(cause, SystemExit):
        raise cause


# Each module of this package and the commands (names, by spaces) it defines on ``main`` when
# imported: a command imports only its own module (a test keeps this equal to what they define).
main.lazy = {
    name: module
    for module, names in {
        "acknowledge": "acknowledge",
        "core": "check render",
        "diff": "diff",
        "importer": "import",
        "journal": "log status verify",
        "lint": "schema",
        "new": "new",
        "record": "correct register-paper",
        "register": "list",
        "sheets": "reference-docx sheet",
        "signing": "sign-pdf verify-pdf",
        "site": "site",
        "translate": "translate",
        "workflow": "agree approve cancel reject review revise submit withdraw",
    }.items()
    for name in names.split()
}


def all_commands() -> Group:
    """``main`` with every command defined (its help lists them; the tests read them)."""
    main.load()
    return main
