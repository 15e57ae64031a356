"""A text by language written on one line in '{…}' (``text: {kk: …, ru: …}``) that a character
in one of its values breaks: a ': ' (read as another key), a ' #' (a comment, which takes the
closing '}' with it), a '{', '[' or ']' (YAML's own signs there), a '}' that closes the '{…}'
before the line ends, or text after a value's closing quote. Said at that character, naming the
value it is in, with the line as it is to be written: each value in quotes, or on lines of their
own where they read the same there without quotes (both checked by reading them as YAML)."""

from __future__ import annotations

import re
from typing import Any

from .i18n import Msg
from .yaml_rt import read_or_none, tokens_before
from .yaml_syntax_value import CLOSING, Failure, Said, closed_value, content, requoted

_GOT = re.compile(r"expected ',' or '\}', but got '(.*)'")
_SPLIT = re.compile(r",[ ]*(?=[A-Za-z][\w-]*:[ ])")  # between the "key: value" of '{…}'
_ENTRY = re.compile(r"([A-Za-z][\w-]*):[ ]+(\S.*)")
_COMMENT = re.compile(r"(?:^|[ \t])#")
_TRAILING = re.compile(r"\}[ \t]+#[^}]*$")  # a comment after the '}' that ends a line
_OPEN = ("FlowMappingStartToken", "FlowSequenceStartToken")
_CLOSE = ("FlowMappingEndToken", "FlowSequenceEndToken")


def _name(token: Any) -> str:
    return type(token).__name__


def _at(token: Any) -> tuple[int, int]:
    return token.start_mark.line, token.start_mark.column


def _key_in(tokens: list[Any], start: tuple[int, int]) -> str | None:
    """The key of the '{…}' opened at ``start`` whose value the last of ``tokens`` is in (None:
    the '{…}' is not among them, is closed, or no key is written yet)."""
    opened = next(
        (i for i, t in enumerate(tokens) if _at(t) == start and _name(t) == _OPEN[0]), None
    )
    if opened is None:
        return None
    depth, key, after_key = 0, None, False
    for token in tokens[opened + 1 :]:
        name = _name(token)
        depth += (name in _OPEN) - (name in _CLOSE)
        if depth < 0:
            return None
        if depth == 0 and name == "KeyToken":
            after_key = True
        elif after_key and name == "ScalarToken":
            key, after_key = str(token.value), False
    return key


def _rewritten(row: str, start: int) -> tuple[str, bool] | None:
    """The '{…}' opened at ``start`` of ``row`` and closed where the row ends, each value in
    quotes, and whether its values as written read the same on lines of their own (None: the
    row is no such '{…}', or its rewriting does not read as its keys with texts)."""
    written = _TRAILING.sub("}", row.rstrip())
    if not written.endswith("}"):
        return None
    entries = [_ENTRY.fullmatch(part.strip()) for part in _SPLIT.split(written[start + 1 : -1])]
    pairs = [(m.group(1), m.group(2).strip()) for m in entries if m is not None]
    if not pairs or len(pairs) < len(entries):
        return None
    line = "{" + ", ".join(f"{key}: {requoted(value)}" for key, value in pairs) + "}"
    meant = read_or_none(line)
    if not isinstance(meant, dict) or list(meant) != [key for key, _ in pairs]:
        return None
    if not all(isinstance(value, str) for value in meant.values()):
        return None
    on_lines = read_or_none("".join(f"{key}: {value}\n" for key, value in pairs)) == meant
    return row[content(row) : start] + line, on_lines


def _hint(error: Failure, start: tuple[int, int], key: str, quote: str = "") -> Msg:
    """Each value of the '{…}' opened at ``start`` in quotes (the ``quote`` a value holds written
    « », or twice), shown when it is one line; or its values on lines of their own, under the
    key the '{…}' is the value of."""
    row = error.at(start[0])
    rewritten = _rewritten(row, start[1])
    if rewritten is None:
        return Msg("put the value of '{key}' in quotes: {key}: \"…\"", key=key)
    example, on_lines = rewritten
    if quote == '"':
        hint = Msg(
            "write quotes inside a text as « », each value in quotes: {example}", example=example
        )
    elif quote == "'":
        hint = Msg("write a ' inside a text in '…' twice (''): {example}", example=example)
    else:
        hint = Msg("put each value in '{{…}}' in quotes: {example}", example=example)
    owner = re.fullmatch(r"(?:[ ]*-[ ]+)*[ ]*([^\s#'\"{\[][^:]*?):[ ]+", row[: start[1]])
    if not on_lines or owner is None:
        return hint
    return Msg(
        "{hint}; or write each value on a line of its own under '{owner}:', indented, without "
        "'{{…}}' ({key}: …)",
        hint=hint,
        owner=owner.group(1),
        key=key,
    )


def _comment(tokens: list[Any], row: str, line: int, col: int) -> int | None:
    """Where a comment starts on ``row`` (``line``), after the tokens read from ``col`` on."""
    ends = [t.end_mark.column for t in tokens if _at(t) >= (line, col) and t.end_mark.line == line]
    match = _COMMENT.search(row, max(ends, default=col))
    return None if match is None else match.end() - 1


def unclosed_hint(error: Failure, line: int, col: int) -> Msg | None:
    """A '{' of keys on ``line`` not closed on it, and no ' #' that took its '}': the line as it
    is with a '}' at the end of its last value, when that reads as keys with texts."""
    row = error.at(line)
    if row[col : col + 1] != "{":
        return None
    at = _comment(tokens_before(error.text, error.line, error.col), row, line, col)
    closed = row[: len(row) if at is None else at].rstrip() + "}"
    meant = read_or_none(closed[col:])
    if not isinstance(meant, dict) or not meant:
        return None
    if not all(isinstance(value, str) for value in meant.values()):
        return None
    return Msg(
        "close it with '}}' where its last value ends: {example}", example=closed[content(row) :]
    )


def _commented(error: Failure, tokens: list[Any]) -> Said | None:
    """A ' #' in a value of the '{…}' opened on a line above the parser's mark, followed by a
    '}' on its line: the comment took the closing '}' with it."""
    assert error.opened is not None
    line, col = error.opened
    if error.line <= line:
        return None
    row = error.at(line)
    at = _comment(tokens, row, line, col)
    if at is None or "}" not in row[at:]:
        return None
    key = _key_in([t for t in tokens if _at(t) < (line, at)], error.opened)
    if key is None:
        return None
    message = Msg(
        "YAML syntax: the value of '{key}' in '{{…}}' holds ' #', which YAML reads as the start "
        "of a comment: the rest of the line is left out, its closing '}}' with it, and the '{{' "
        "at column {col} is not closed",
        key=key,
        col=col + 1,
    )
    return line, at, message, _hint(error, error.opened, key)


def _goes_on(error: Failure) -> bool:
    """Whether the parser's mark is on the line of the '{' or on a line that can go on with it:
    indented more than that line's content (else the '{' was left open and YAML read on)."""
    assert error.opened is not None
    row = error.at(error.line)
    return error.line == error.opened[0] or (
        len(row) - len(row.lstrip(" ")) > content(error.at(error.opened[0]))
    )


def in_braces(error: Failure) -> Said | None:
    """ "expected ',' or '}', but got …": a ': ', '{', '[' or ']' in a value of '{…}', text
    after a value's closing quote (or its '[…]'), or a ' #' that left the '{' unclosed."""
    got = _GOT.match(error.problem)
    if error.opened is None or got is None:
        return None
    tokens = tokens_before(error.text, error.line, error.col)
    commented = _commented(error, tokens)
    if commented is not None:
        return commented
    key, sign = _key_in(tokens, error.opened), got.group(1)
    if key is None or not _goes_on(error):
        return None
    if sign == ":":
        message = Msg(
            "YAML syntax: the value of '{key}' in '{{…}}' holds ': ', which YAML reads there as "
            "the start of another key",
            key=key,
        )
    elif sign in ("{", "[", "]"):
        message = Msg(
            "YAML syntax: the value of '{key}' in '{{…}}' holds '{sign}', which YAML reads there "
            "as a sign of its own, not as text",
            key=key,
            sign=sign,
        )
    elif sign == "<scalar>" and (closed := closed_value(tokens)) is not None:
        message, quote = _after(key, closed[0]), "" if closed[0] in CLOSING else closed[0]
        return error.line, error.col, message, _hint(error, error.opened, key, quote)
    else:
        return None
    return error.line, error.col, message, _hint(error, error.opened, key)


def _open_braces(tokens: list[Any]) -> tuple[int, int] | None:
    """Where the innermost '{' still open after ``tokens`` starts (None: none is, or a '[' is
    open within it)."""
    opened: list[Any] = []
    for token in tokens:
        name = _name(token)
        if name in _OPEN:
            opened.append(token)
        elif name in _CLOSE and opened:
            opened.pop()
    if not opened or _name(opened[-1]) != _OPEN[0]:
        return None
    return _at(opened[-1])


def bracket_in_braces(error: Failure) -> Said | None:
    """ "expected ',' or ']', but got '}'" for a '[' opened on the line of the mark, in a value of
    '{…}' ({kk: бір, ru: [1 пункт}): said at the '['."""
    if error.opened is None or error.opened[0] != error.line or not error.problem.endswith("'}'"):
        return None
    tokens = tokens_before(error.text, *error.opened)
    start = _open_braces(tokens)
    key = _key_in(tokens, start) if start is not None else None
    if start is None or key is None:
        return None
    message = Msg(
        "YAML syntax: the value of '{key}' in '{{…}}' holds '{sign}', which YAML reads there as a "
        "sign of its own, not as text",
        key=key,
        sign="[",
    )
    return *error.opened, message, _hint(error, start, key)


def _after(key: str, sign: str) -> Msg:
    """Text after the closing quote (or the ']' of a '[…]') a value of '{…}' starts with."""
    if sign in CLOSING:
        return Msg(
            "YAML syntax: the value of '{key}' in '{{…}}' starts with '{sign}', which YAML reads "
            "as data up to its '{closing}', and text follows the '{closing}'",
            key=key,
            sign=sign,
            closing=CLOSING[sign],
        )
    return Msg(
        "YAML syntax: text follows the closing quote of the value of '{key}' in '{{…}}', and "
        "YAML takes only the quoted part for that value",
        key=key,
    )


def closed_early(error: Failure) -> Said | None:
    """A '}' that closes a '{…}' of keys begun on its line, with text after it on the line (the
    parser then finds no ':' or ',' where it expects, or a ':' in that text): a '}' within a
    value, most likely. Said at the '}'."""
    tokens = tokens_before(error.text, error.line, error.col)
    last = tokens[-1] if tokens else None
    if last is not None and _name(last) == "ScalarToken" and last.style is None:
        tokens = tokens[:-1]  # the plain text after the '}', up to a ':' in it
    if not tokens or _name(tokens[-1]) != "FlowMappingEndToken":
        return None
    end = tokens[-1].start_mark
    closed = closed_value(tokens)
    if closed is None or end.line != error.line or closed[1].line != error.line:
        return None
    start = (closed[1].line, closed[1].column)
    key = _key_in(tokens[:-1], start)
    if key is None:
        return None
    message = Msg(
        "YAML syntax: this '}}' after the value of '{key}' closes the '{{' at column {col}, and "
        "text follows it on the line",
        key=key,
        col=start[1] + 1,
    )
    if _rewritten(error.at(end.line), start[1]) is not None:
        return end.line, end.column, message, _hint(error, start, key)
    hint = Msg(
        "if the '}}' is part of the value of '{key}', put that value in quotes ({key}: \"…\"); "
        "if not, remove the text after it",
        key=key,
    )
    return end.line, end.column, message, hint
