"""An option that takes one value may be given once: click keeps the last of two silently."""

from __future__ import annotations

import click

from ..i18n import _


def given_once(params: list[click.Parameter], ctx: click.Context, args: list[str]) -> None:
    """Refuses an option of one value given twice (click keeps the last: ``dlo render --lang kk
    --lang ru`` rendered Russian only, as if kk had not been asked for)."""
    options = {
        name: p
        for p in params
        if isinstance(p, click.Option)
        for name in (*p.opts, *p.secondary_opts)
    }
    seen: set[str | None] = set()
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            return
        name, eq, _value = token.partition("=")
        param = options.get(name)
        if param is None or param.is_flag or param.count:
            continue
        if not eq:
            for _skipped in range(param.nargs):  # its value, even one that looks like an option
                next(tokens, None)
        if not param.multiple and param.name in seen:
            raise click.UsageError(
                _("{option} is given twice: it takes one value; give it once").format(option=name),
                ctx,
            )
        seen.add(param.name)
