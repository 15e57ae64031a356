"""A space left out where YAML needs one, on a line near a syntax error: after a key's ':'
(``kk:'Мәтін'``, which YAML reads as a text, or as a key with the rest of the line in it) or
after a list item's '-' (``-id: c2``, a key '-id'). YAML stumbles on the line after it, or
later on the same; said at the place of the space, with the line as it is to be written."""

from __future__ import annotations

import re

from .i18n import Msg
from .yaml_syntax_value import Failure, Said, line_above

# a key (lower-case latin, as the files' keys are) with no space after its ':', or a '-'
# with none before the key of a list item, where a line's content starts
_COLON = re.compile(r"((?:[ ]*-[ ]+)*[ ]*)([a-z_][a-z0-9_]*):(?=[^\s:])")
_DASH = re.compile(r"([ ]*)-([a-z_][a-z0-9_]*):(?=\s|$)")


def _said(lines: list[str], line: int) -> Said | None:
    row = lines[line] if 0 <= line < len(lines) else ""
    dash = _DASH.match(row)
    if dash is not None:
        return (
            line,
            dash.end(1),
            Msg(
                "YAML syntax: a space is missing after '-', so YAML does not read the line as a "
                "list item ('- '), but '-{key}' as a key",
                key=dash.group(2),
            ),
            Msg("put a space after '-': {example}", example="- " + row[dash.end(1) + 1 :].strip()),
        )
    colon = _COLON.match(row)
    if colon is None:
        return None
    key, at = colon.group(2), colon.end()
    example = row[colon.end(1) : at] + " " + row[at:].strip()
    return (
        line,
        at,
        Msg(
            "YAML syntax: a space is missing after '{key}:', so YAML does not read '{key}' as a "
            "key with its value",
            key=key,
        ),
        Msg(
            "write a space after '{key}:': {example}",
            key=key,
            example=example,
        ),
    )


def space_left_out(error: Failure) -> Said | None:
    """The line the parser's context began on, the line above its mark, or the mark's own: the
    first of them that has a key without the space after its ':' or a '-' without its space."""
    near = [error.opened[0]] if error.opened is not None else []
    near += [line for line in (line_above(error.lines, error.line), error.line) if line is not None]
    for line in near:
        said = _said(error.lines, line)
        if said is not None:
            return said
    return None
