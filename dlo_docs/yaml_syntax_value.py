"""What a clerk wrote inside a value that YAML reads otherwise (a ': ', a character YAML reserves
at its start, text after its closing quote, a quote left open, a backslash in double quotes), in
their words, and the helpers ``yaml_syntax`` says every case with: where a line's content and its
key stand, and the value in quotes, shown as it is to be written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .i18n import Msg

Said = tuple[int, int, Msg, Msg]  # the 0-based line and column, the message, the hint

_CONTENT = re.compile(r"[ ]*(?:-[ ]+)*")  # a line's indentation and any "- " before its content
_KEY = re.compile(r"[^\s#'\"][^:]*?(?=: )|'[^']*'(?=: )|\"[^\"]*\"(?=: )")
_VALUE_START = re.compile(r"(?:.*\S)?(?::|(?:^|[ ])-)[ ]+")  # "key: ", "- ", "- key: "
CLOSING = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class Failure:
    problem: str  # the parser's words, on one line
    context: str | None
    lines: list[str]
    line: int  # where the parser saw the problem, 0-based
    col: int
    opened: tuple[int, int] | None  # where the parser's context began (a quote, a '[', a key)
    text: str

    def at(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""


def _guillemets(text: str) -> str | None:
    """``text`` with its double quotes written « », as Kazakh and Russian texts write quotes
    (None: it holds none, or they do not pair up)."""
    parts = text.split('"')
    if len(parts) == 1 or len(parts) % 2 == 0:
        return None
    return "".join(part + "«»"[i % 2] for i, part in enumerate(parts[:-1])) + parts[-1]


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _quoted(value: str) -> str:
    """``value`` as a YAML text in quotes: double ones, or single ones (an inner ' doubled); a
    value the clerk put in quotes as a whole keeps them, the quotes inside it doubled (in '…')
    or written « » (in "…", else the whole in '…')."""
    if len(value) > 1 and value[0] == value[-1] == "'":
        return _single(value[1:-1])
    if len(value) > 1 and value[0] == value[-1] == '"':
        paired = _guillemets(value[1:-1])
        return _single(value[1:-1]) if paired is None else f'"{paired}"'
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return _single(value)


_CLEAN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"")  # a value in quotes, as YAML reads it


def requoted(value: str) -> str:
    """``value`` in quotes (``_quoted``), or as it is when it is in quotes that YAML reads whole;
    one that starts with a quote and is text after it ('"один" два') has its quotes « »."""
    if _CLEAN.fullmatch(value):
        return value
    unclosed = value.startswith('"') and not value.endswith('"')
    paired = _guillemets(value) if unclosed else None
    return _quoted(value if paired is None else paired)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def content(line: str) -> int:
    match = _CONTENT.match(line)
    return match.end() if match else 0


def _is_value_start(line: str, col: int) -> bool:
    """Whether ``col`` is where the value of a key (or a list item) begins on ``line``."""
    return _VALUE_START.fullmatch(line[:col]) is not None


def _goes_on(lines: list[str], line: int) -> bool:
    """Whether the next line of content is indented more than the content of ``line`` starts:
    a value begun on ``line`` goes on there."""
    for below in lines[line + 1 :]:
        if below.strip() and not below.lstrip().startswith("#"):
            return _indent(below) > content(lines[line])
    return False


def quote_hint(error: Failure, line: int, col: int) -> Msg:
    """Put the value starting at ``col`` of ``line`` in quotes, showing how when it is one line."""
    if _goes_on(error.lines, line):
        return Msg('put the whole value in quotes, all its lines: "…"')
    row = error.at(line)
    comment = row.find(" #", error.col if error.line == line else col)
    value = row[col : comment if comment >= 0 else len(row)].strip()
    return Msg(
        "put the value in quotes: {example}",
        example=row[content(row) : col] + _quoted(value),
    )


def key_of(line: str) -> str | None:
    """The key of a ``key: value`` line whose value is on the line."""
    match = _KEY.match(line, content(line))
    return match.group() if match and line[match.end() + 2 :].strip() else None


def line_above(lines: list[str], line: int, left_of: int | None = None) -> int | None:
    """The nearest line of content above ``line`` (whose content starts left of ``left_of``)."""
    for above in range(line - 1, -1, -1):
        if lines[above].strip() and not lines[above].lstrip().startswith("#"):
            if left_of is None or content(lines[above]) < left_of:
                return above
    return None


def colon(error: Failure) -> Said | None:
    """ "mapping values are not allowed here": a ': ' (or ':' ending a line) inside a value."""
    row = error.at(error.line)
    key = key_of(row)
    if key is not None and content(row) + len(key) < error.col:  # the line's own value
        return (
            error.line,
            error.col,
            Msg(
                "YAML syntax: the value of '{key}' holds ':' followed by a space or the end of "
                "the line, which YAML reads as the start of another key",
                key=key,
            ),
            quote_hint(error, error.line, content(row) + len(key) + 2),
        )
    # the first ':' of a line indented more than a key with a value: it goes on with that value
    owner = line_above(error.lines, error.line, _indent(row))
    above = key_of(error.at(owner)) if owner is not None else None
    if above is None:
        return None
    word = row[content(row) : error.col]
    return (
        error.line,
        error.col,
        Msg(
            "YAML syntax: this line is indented more than '{key}' above it, so it goes on with "
            "the value of '{key}', where '{word}:' cannot be a key",
            key=above,
            word=word,
        ),
        Msg(
            "if '{word}' is a key, line it up with '{key}'; if the line is part of the text, "
            "put the whole value of '{key}' in quotes",
            key=above,
            word=word,
        ),
    )


def _reserved(error: Failure, line: int, col: int) -> Said | None:
    """A value that starts with a character YAML reserves for its own signs."""
    row = error.at(line)
    if not _is_value_start(row, col) or col >= len(row):
        return None
    return (
        line,
        col,
        Msg(
            "YAML syntax: the value starts with '{char}', a character YAML reserves for its "
            "own use",
            char=row[col],
        ),
        quote_hint(error, line, col),
    )


def no_token(error: Failure) -> Said | None:
    """ "found character '@' that cannot start any token" (also '`', '%')."""
    if error.at(error.line)[error.col : error.col + 1] not in ("@", "`", "%"):
        return None
    return _reserved(error, error.line, error.col)


def sign_alone(error: Failure) -> Said | None:
    """'*', '&' or '!' that starts a value and is no alias, anchor or tag ('* Ескерту')."""
    return _reserved(error, *error.opened) if error.opened else None


def block_header(error: Failure) -> Said | None:
    """'|' or '>' followed by text on its line: a block text's header, misused."""
    if error.opened is None:
        return None
    line, col = error.opened
    said = _reserved(error, line, col)
    if said is None:
        return None
    sign = error.at(line)[col]
    message = Msg(
        "YAML syntax: the value starts with '{char}', which opens a text written on the lines "
        "below it: nothing but a comment may follow it on its line",
        char=sign,
    )
    if _goes_on(error.lines, line):
        hint = Msg(
            "leave '{char}' alone on this line and write the whole text on the lines below it, "
            "indented",
            char=sign,
        )
    else:
        hint = Msg(
            "{hint} (or, for a text of several lines, leave '{char}' alone on this line and "
            "write the text on the lines below it, indented)",
            hint=said[3],
            char=sign,
        )
    return line, col, message, hint


def dash(error: Failure) -> Said | None:
    """ "sequence entries are not allowed here": a value that starts with '- '."""
    said = _reserved(error, error.line, error.col)
    if said is None:
        return None
    message = Msg("YAML syntax: the value starts with '- ', which YAML reads as a list item")
    return said[0], said[1], message, said[3]


QUOTES_HINT = Msg(
    "close it where the text ends; write quotes inside the text as « », and a ' inside '…' "
    "twice ('')"
)


def _inner_quote(error: Failure, line: int, col: int) -> Msg:
    """The value in quotes at ``col`` of ``line``, which holds its own quote: that quote written
    « » (a ' written twice), or the whole in the other quotes; shown when it is one line."""
    quote, row = error.at(line)[col], error.at(line)
    if _goes_on(error.lines, line):
        if quote == "'":
            return Msg(
                "write a ' inside the text twice (''), or put the whole value in double quotes"
            )
        return Msg("write quotes inside the text as « », or put the whole value in single quotes")
    comment = row.find(" #", error.col if error.line == line else col)
    value = row[col : comment if comment >= 0 else len(row)].strip()
    if len(value) > 1 and value[-1] == quote:
        inner = value[1:-1]
    else:  # the quotes of the text, or its opening one and pairs (its closing one left out)
        inner = value[value.count(quote) % 2 :]
    key = row[content(row) : col]
    if quote == "'":
        doubled = Msg("write a ' inside the text twice: {example}", example=key + _single(inner))
        if '"' in inner or "\\" in inner:
            return doubled
        return Msg(
            "{hint}; or put the value in double quotes: {example}",
            hint=doubled,
            example=key + '"' + inner + '"',
        )
    single = key + _single(inner)
    paired = _guillemets(inner)
    if paired is None:
        return Msg("put the whole value in single quotes: {example}", example=single)
    return Msg(
        "write the quotes inside the text as « »: {example}; or put the whole value in single "
        "quotes: {other}",
        example=key + _quoted(paired),
        other=single,
    )


def unclosed_quote(error: Failure) -> Said | None:
    """ "found unexpected end of stream" in a quoted text: the quote that opened it."""
    if error.opened is None:
        return None
    line, col = error.opened
    return (
        line,
        col,
        Msg(
            "YAML syntax: the quote {quote} that opens here is never closed",
            quote=error.at(line)[col : col + 1],
        ),
        QUOTES_HINT,
    )


def escape(error: Failure) -> Said | None:
    """A backslash in a double-quoted text that starts no escape YAML knows ('C:\\Users')."""
    at = error.at(error.line).rfind("\\", 0, error.col + 1)
    if at < 0:
        return None
    return (
        error.line,
        at,
        Msg(
            "YAML syntax: in a text in double quotes a backslash starts a special sign, and "
            "'{sequence}' is none",
            sequence=error.at(error.line)[at : at + 2],
        ),
        Msg("write the backslash twice (\\\\), or put the text in single quotes ('…')"),
    )


def closed_value(tokens: list[Any]) -> tuple[str, Any] | None:
    """The quoted text or the '[…]' / '{…}' the last token closes: its sign and start mark."""
    if not tokens:
        return None
    last = tokens[-1]
    name = type(last).__name__
    if name == "ScalarToken" and last.style in ("'", '"'):
        return last.style, last.start_mark
    if name not in ("FlowSequenceEndToken", "FlowMappingEndToken"):
        return None
    depth = 0
    for token in reversed(tokens):
        name = type(token).__name__
        depth += name in ("FlowSequenceEndToken", "FlowMappingEndToken")
        depth -= name in ("FlowSequenceStartToken", "FlowMappingStartToken")
        if depth == 0:
            return ("[" if name == "FlowSequenceStartToken" else "{"), token.start_mark
    return None


def closed_below(sign: str, line: int) -> tuple[Msg, Msg]:
    if sign in CLOSING:
        return (
            Msg(
                "YAML syntax: the '{sign}' that opens here is closed only on line {line}, and "
                "text follows the '{closing}' there",
                sign=sign,
                line=line + 1,
                closing=CLOSING[sign],
            ),
            Msg("close it on its line, or put the value in quotes"),
        )
    return (
        Msg(
            "YAML syntax: the quote {quote} that opens here is closed only on line {line}, and "
            "text follows it there",
            quote=sign,
            line=line + 1,
        ),
        QUOTES_HINT,
    )


def after_closed(error: Failure) -> Said | None:
    """ "expected <block end>, but found '<scalar>'" after a closing quote, ']' or '}': text
    that follows a quoted text, or a '[…]', on its line."""
    from .yaml_rt import tokens_before

    closed = closed_value(tokens_before(error.text, error.line, error.col))
    if closed is None:
        return None
    sign, start = closed
    if start.line != error.line:  # opened on a line above: most likely a quote left open there
        return start.line, start.column, *closed_below(sign, error.line)
    if sign in "'\"":
        message = Msg(
            "YAML syntax: text follows the closing quote, and YAML takes only the quoted part "
            "for the value"
        )
        return error.line, error.col, message, _inner_quote(error, start.line, start.column)
    hint = quote_hint(error, start.line, start.column)
    message = Msg(
        "YAML syntax: the value starts with '{sign}', which YAML reads as data up to its "
        "'{closing}', and text follows the '{closing}'",
        sign=sign,
        closing=CLOSING[sign],
    )
    after = Msg(
        "if the value is a text, {hint}; if it is a list, remove the text after its '{closing}'",
        hint=hint,
        closing=CLOSING[sign],
    )
    return error.line, error.col, message, after


def flow_hint(hint: Msg, sign: str) -> Msg:
    """The value in quotes if it is a text; else a list (or keys) in '[…]' closed once, at its end."""
    return Msg(
        "if the value is a text, {hint}; if it is a list, close it with '{closing}'",
        hint=hint,
        closing=CLOSING[sign],
    )
