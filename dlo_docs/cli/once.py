"""An option that takes one value may be given once: click keeps the last of two silently."""

from __future__ import annotations

from collections.abc import Iterator

import click

from .. import i18n
from ..i18n import _


def _named(token: str, options: dict[str, click.Option]) -> tuple[str, click.Option, bool] | None:
    """The option of one value ``token`` gives (as written, the option, whether its value is in
    the token: ``--lang=kk``, ``-j4``), as click reads it; None: a flag, a value, another word.
    A short option's letters may run together (``-vj4``): the flags are passed over, the first
    option that takes a value takes the rest of the token."""
    if token.startswith("--"):
        name, eq, _value = token.partition("=")
        param = options.get(name)
        return (name, param, bool(eq)) if param is not None else None
    if not token.startswith("-") or len(token) < 2:
        return None
    for i, letter in enumerate(token[1:], start=2):
        param = options.get("-" + letter)
        if param is None:
            return None
        if not (param.is_flag or param.count):
            return "-" + letter, param, i < len(token)
    return None


def given_once(params: list[click.Parameter], ctx: click.Context, args: list[str]) -> None:
    """Refuses an option of one value given twice (click keeps the last: ``dlo render --lang kk
    --lang ru`` rendered Russian only, as if kk had not been asked for), however it is written
    (``--jobs 2``, ``--jobs=2``, ``-j 2``, ``-j2``)."""
    options = {
        name: p
        for p in params
        if isinstance(p, click.Option)
        for name in (*p.opts, *p.secondary_opts)
    }
    seen: set[str | None] = set()
    tokens: Iterator[str] = iter(args)
    for token in tokens:
        if token == "--":
            return
        found = _named(token, options)
        if found is None or found[1].is_flag or found[1].count:
            continue
        name, param, attached = found
        if not attached:
            for _skipped in range(param.nargs):  # its value, even one that looks like an option
                next(tokens, None)
        if not param.multiple and param.name in seen:
            raise click.UsageError(
                _("{option} is given twice: it takes one value; give it once").format(option=name),
                ctx,
            )
        seen.add(param.name)


OWN = ("--lang-ui", "--root", "--soffice", "--no-cache")  # dlo's own options (``main``'s)


def misplaced(exc: click.NoSuchOption, ctx: click.Context, args: list[str]) -> click.UsageError:
    """The refusal of an option of dlo itself given after the command (``dlo new … --lang-ui
    ru``): click said "No such option. Did you mean '--lang'?", and ``--lang`` is another
    option (``dlo new``'s: the document's languages). It says where the option goes, in the
    language ``--lang-ui`` asks for; any other unknown option is click's refusal as it was."""
    name = exc.option_name
    if name not in OWN or ctx.command.name is None:
        return exc
    at = next(i for i, token in enumerate(args) if token.partition("=")[0] == name)
    given = args[at]
    if "=" not in given and name != "--no-cache" and at + 1 < len(args):
        given += " " + args[at + 1]
    value = given.partition("=")[2] or given.partition(" ")[2]
    if name == "--lang-ui" and value in i18n.UI_LANGS:
        i18n.use(i18n.choose(value))
    return click.UsageError(
        _(
            "{option} is an option of dlo itself, not of {command}: give it before the command,"
            " as in: dlo {given} {command} …"
        ).format(option=name, command=ctx.command.name, given=given),
        ctx,
    )
