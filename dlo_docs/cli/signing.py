"""Signing with the official's own key: ``dlo sign-pdf``, ``dlo verify-pdf``, and the key loader
the signing options of the workflow commands share."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import i18n
from ..errors import DloError, Location, UsageError, error, severity_word
from ..i18n import Msg, _
from . import DOC_LANGS, PathArg, main, report
from .core import echo_removed
from .status_text import shown
from .trust import trust_option, use_trust


def load_key(path: str):
    """The PKCS#12 key file ``path``, its password from DLO_KEY_PASSWORD or asked for (never an
    argument, so it stays out of the shell history and the process list)."""
    from ..signing import keys

    password = keys.password_from_env()
    if password is None:
        password = _ask(path)
    return keys.load_pkcs12(Path(path), password, path)


def _ask(path: str) -> bytes:
    """The password typed on the terminal; without one (a script), the first line of standard
    input, read as it is (no prompt to echo it beside); with none, a refusal that says how."""
    if sys.stdin is not None and sys.stdin.isatty():
        return click.prompt(
            _("Password of {path}").format(path=path),
            hide_input=True,
            default="",
            show_default=False,
            err=True,
        ).encode("utf-8")
    from ..signing import keys

    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise DloError(
            error(
                Location(path),
                "DLO901",
                Msg(
                    "no password for the key file {path}: there is no terminal to ask on", path=path
                ),
                Msg(
                    "set {variable}, or give the password on the first line of standard input",
                    variable=keys.PASSWORD_ENV,
                ),
            )
        )
    return line.rstrip("\r\n").encode("utf-8")


@main.command("sign-pdf")
@click.argument("reg_id", metavar="ID")
@click.option(
    "--sign",
    "key",
    required=True,
    metavar="KEY.p12",
    help="The approver's PKCS#12 key file (password: DLO_KEY_PASSWORD or asked for).",
)
@click.option("--lang", type=click.Choice(DOC_LANGS), help="Language (default: every language).")
@click.option("--out", type=PathArg(file_okay=False), help="Output folder (default: build/).")
@click.pass_obj
def sign_pdf(obj, reg_id: str, key: str, lang: str | None, out: str | None) -> None:
    """Render the PDF/A of the edition in force of ID and sign it with the approver's key
    (PAdES, a visible signature on the title page): <out>/<id>.<lang>.signed.pdf (the unsigned
    PDF stays <out>/<id>.<lang>.pdf, as dlo render writes it).

    Refused unless the key's certificate is the registry's certificate of the holder of the
    approving position on the order's date, valid now and issued by a trusted CA.
    """
    from .. import approved_pdf

    signer = load_key(key)
    paths = approved_pdf.sign_approved(
        obj.project,
        reg_id,
        signer,
        lang,
        Path(out) if out else None,
        rendered_as=lambda rendered: echo_removed(obj.project, rendered),
    )
    for path in paths:
        click.echo(
            _("wrote {path} (signed by {signer})").format(
                path=obj.project.display(path), signer=signer.info.common_name
            )
        )


@main.command("verify-pdf")
@click.argument("files", nargs=-1, required=True, type=PathArg(dir_okay=False))
@trust_option
@click.pass_obj
def verify_pdf(obj, files: tuple[str, ...], trust: tuple[str, ...]) -> None:
    """Check the signatures of signed PDFs against the project's trusted CAs (or --trust).

    Exit 0 when every file has at least one signature and every signature is intact, valid,
    trusted, covers the whole file and is an official's of the registry; a PDF that names a
    regulation of the project must name an approved edition of it, signed by the holder of the
    position that approved that edition on its order's date. 1 otherwise.
    """
    from .. import approved_pdf

    use_trust(obj.project, trust)
    failed = False
    for name in files:
        try:
            found = approved_pdf.check_pdf(obj.project, Path(name))
        except UsageError:
            raise
        except DloError as exc:  # this file cannot be read: say so at it, check the others
            report(exc)
            failed = True
            continue
        if not found:
            click.echo(
                f"{name}: {severity_word('error')} DLO909: " + _("the PDF is not signed"), err=True
            )
            failed = True
        for sig in found:
            when = sig.signing_time.isoformat() if sig.signing_time else _("no signing time")
            # what the PDF says (its field's name, its signer's) is anyone's who made it: a
            # terminal gets none of its control characters (ESC [ 8 m hid the line's failure)
            head = _("{name}: signature {field} by {signer} (serial {serial}, {when})").format(
                name=name,
                field=shown(str(sig.field)),
                signer=shown(
                    f"{sig.signer} ({', '.join(sig.positions)})" if sig.positions else sig.signer
                ),
                serial=sig.serial,
                when=when,
            )
            if sig.ok:
                scope = f": {i18n.text(sig.scope)}" if sig.scope else ""
                click.echo(head + ": " + _("valid") + shown(scope))
            else:
                failed = True
                why = shown("; ".join(i18n.text(f) for f in sig.failures()))
                click.echo(f"{head}: {severity_word('error')} DLO909: {why}", err=True)
    if failed:
        raise SystemExit(1)
