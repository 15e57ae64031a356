"""A YAML syntax error in a clerk's words: what the round-trip parser's problem (ruamel.yaml's
words, its marks and the text around them) means in a regulation file, and what to write
instead, at the place to change. Only the errors reproduced from what clerks type are said
(``_SAID``: a value's own, in ``yaml_syntax_value``; a line's place, here); any other keeps the
parser's words (``load_rt``). Runs only when a file fails to parse, never on the fast path."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .i18n import Msg
from .yaml_syntax_flow import bracket_in_braces, closed_early, in_braces, unclosed_hint
from .yaml_syntax_quote import left_open
from .yaml_syntax_space import space_left_out
from .yaml_syntax_value import (
    CLOSING,
    Failure,
    Said,
    after_closed,
    block_header,
    colon,
    content,
    dash,
    escape,
    flow_hint,
    key_of,
    line_above,
    no_token,
    quote_hint,
    sign_alone,
    unclosed_quote,
)


def explain(exc: Any, text: str) -> Said | None:
    """The parser's ``MarkedYAMLError`` in a clerk's words, or None (no such case reproduced)."""
    problem = " ".join(str(exc.problem or "").split())
    mark, context = exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    if "\t" in str(exc.problem) or "'\\t'" in problem:
        return _tab(text.splitlines(), mark.line, mark.column)
    error = Failure(
        problem,
        exc.context,
        text.splitlines(),
        mark.line,
        mark.column,
        (context.line, context.column) if context is not None else None,
        text,
    )
    for context_words, problem_words, say in _SAID:
        if context_words not in (None, error.context) or not problem.startswith(problem_words):
            continue
        said = say(error)
        if said is not None:
            return said
    return None


def _tab(lines: list[str], line: int, col: int) -> Said:
    """ "found character '\\t' that cannot start any token": a tab in the indentation, or in a
    text (between its words, after its key's ':'), where YAML reads none."""
    before = lines[line][:col] if line < len(lines) else ""
    if not before.strip():
        hint = Msg("indent with spaces, not tabs")
        return line, col, Msg("YAML syntax: a tab in the indentation"), hint
    return (
        line,
        col,
        Msg("YAML syntax: a tab character in a text, which YAML does not read there"),
        Msg("replace it with a space, or put the whole text in quotes"),
    )


def _no_colon(error: Failure) -> Said | None:
    """ "could not find expected ':'": a line of text not indented under its key, or a key
    without ':'. Said at that line (the parser's mark is the line after it)."""
    if error.opened is None:
        return None
    line, col = error.opened
    opens = _opens_block(error.lines, line)
    if opens is not None:
        return line, col, *opens
    above = line_above(error.lines, line)
    key = key_of(error.at(above)) if above is not None else None
    if key is None:
        return (
            line,
            col,
            Msg("YAML syntax: this line has no ':' after a key"),
            Msg(
                "if it is a key, write ':' after it; if it goes on with a text above, indent it "
                "more than that text's key"
            ),
        )
    return (
        line,
        col,
        Msg(
            "YAML syntax: this line has no ':' after a key, and is not indented more than "
            "'{key}' above it, so it does not go on with the text of '{key}'",
            key=key,
        ),
        Msg(
            "if it goes on with the text of '{key}', indent it more than '{key}' (or write "
            "'{key}: |' and the whole text on the lines below, indented); if it is a key, write "
            "':' after it",
            key=key,
        ),
    )


def _opens_block(lines: list[str], line: int) -> tuple[Msg, Msg] | None:
    """A word alone on ``line`` (``text``) whose next line of content is indented more: a key
    whose value is below it (keys, items, a text), its ':' left out."""
    word = lines[line].strip()
    below = next((i for i in range(line + 1, len(lines)) if lines[i].strip()), None)
    if below is None or not re.fullmatch(r"[^\s:#'\"-][^\s:#]*", word):
        return None
    if content(lines[below]) <= content(lines[line]):
        return None
    return (
        Msg(
            "YAML syntax: '{word}' has no ':' after it, and the lines below it, indented more, "
            "are its value",
            word=word,
        ),
        Msg("write ':' after it: {example}", example=word + ":"),
    )


def _item_among_keys(error: Failure) -> Said | None:
    """ "expected <block end>, but found '-'": a '- ' item at the column of a block's keys."""
    if error.opened is None or error.opened[1] != error.col:
        return None
    if error.at(error.line)[: error.col].strip():
        return None
    return (
        error.line,
        error.col,
        Msg(
            "YAML syntax: a list item ('- ') stands among the keys of a block, and the key "
            "above it already has a value"
        ),
        Msg(
            "line it up with the '- ' of the items it belongs with; a list of its own goes "
            "under a key alone on its line ('items:'), its '- ' items below it"
        ),
    )


def _unclosed_flow(error: Failure) -> Said | None:
    """ "expected ',' or ']'" on a line after the '[' (or '{'): not closed on its line. Said
    where the parser saw it, naming the '['."""
    if error.opened is None or error.opened[0] >= error.line:
        return None
    line, col = error.opened
    sign = error.at(line)[col : col + 1]
    if sign not in CLOSING:
        return None
    return (
        error.line,
        error.col,
        Msg(
            "YAML syntax: the '{sign}' on line {line}, column {col} is not closed with "
            "'{closing}' on its line",
            sign=sign,
            line=line + 1,
            col=col + 1,
            closing=CLOSING[sign],
        ),
        unclosed_hint(error, line, col) or flow_hint(quote_hint(error, line, col), sign),
    )


_DUPLICATE = re.compile(r'found duplicate key "(.*?)" with value "')


def _duplicate(error: Failure) -> Said | None:
    """ "found duplicate key": the key in words, and the line it was first written on."""
    match = _DUPLICATE.match(error.problem)
    if match is None:
        return None
    key = match.group(1)
    first = next(
        (
            i
            for i in range((error.opened or (0, 0))[0], error.line)
            if re.match(rf"['\"]?{re.escape(key)}['\"]?[ ]*:", error.at(i)[error.col :])
            and not error.at(i)[: error.col].strip(" -")
        ),
        None,
    )
    if first is not None and error.at(first)[: error.col].rstrip().endswith("-"):
        return error.line, error.col, *_item_without_dash(error, key, first)
    message = (
        Msg("YAML syntax: the key '{key}' is written twice in one block", key=key)
        if first is None
        else Msg(
            "YAML syntax: the key '{key}' is written twice in one block (first on line {line})",
            key=key,
            line=first + 1,
        )
    )
    return (
        error.line,
        error.col,
        message,
        Msg("keep one '{key}' and delete the other: a key is written once in its block", key=key),
    )


def _item_without_dash(error: Failure, key: str, first: int) -> tuple[Msg, Msg]:
    """The key written twice is the one the items of a list start with (after their '- ', as on
    line ``first``): the line starts the next item, its '- ' left out."""
    return (
        Msg(
            "YAML syntax: the key '{key}' is written twice in one block (first on line {line}), "
            "and the items of the list start with it: this line starts a new item without its "
            "'- '",
            key=key,
            line=first + 1,
        ),
        Msg(
            "write '- ' before it, as on line {line}: {example}",
            line=first + 1,
            example="- " + error.at(error.line)[error.col :].strip(),
        ),
    )


def _misindented(error: Failure) -> Said | None:
    """The parser's "expected <block end>, but found ..." (the line starts at an indentation
    that matches no block it could belong to) in a clerk's words; None when the mark is not
    where its line's content starts."""
    row = error.at(error.line)
    if row[: error.col].strip(" -"):
        return None
    hint = Msg(
        "line it up with the keys (or the '- ' items) of the block it belongs to, with spaces"
    )
    if error.problem.endswith("found '?'"):  # a key where the list's next "- " would stand
        return (
            error.line,
            error.col,
            Msg(
                "YAML syntax: this line is indented as the items of the list above it ('- '), "
                "but is not one"
            ),
            Msg(
                "line a key up with the other keys of its block; an item of the list starts "
                "with '- '"
            ),
        )
    above = line_above(error.lines, error.line)
    # where the line above starts its content: after its indentation and any "- "
    indent = content(error.at(above)) if above is not None else error.col
    if error.col < indent:
        message = Msg(
            "YAML syntax: this line is indented less than the block above it, and more than the "
            "key that block belongs to"
        )
    elif error.col > indent:
        message = Msg(
            "YAML syntax: this line is indented more than the line above it, which opens no block"
        )
    else:
        return None
    return error.line, error.col, message, hint


_BLOCK_END = "expected <block end>, but found"

# (the parser's context, the start of its problem, what it means): the first that says it
_SAID: list[tuple[str | None, str, Callable[[Failure], Said | None]]] = [
    (None, "", left_open),  # whatever YAML stumbled on after it
    (None, "", space_left_out),
    (None, "mapping values are not allowed here", closed_early),
    (None, "mapping values are not allowed here", colon),
    (None, "sequence entries are not allowed here", dash),
    ("while scanning for the next token", "found character", no_token),
    ("while scanning an alias", "expected alphabetic or numeric character", sign_alone),
    ("while scanning an anchor", "expected alphabetic or numeric character", sign_alone),
    ("while parsing an tag", "expected URI", sign_alone),  # sic: ruamel.yaml's words
    ("while scanning a block scalar", "expected", block_header),
    ("while scanning a quoted scalar", "found unexpected end of stream", unclosed_quote),
    ("while scanning a double-quoted scalar", "found unknown escape character", escape),
    ("while scanning a double-quoted scalar", "expected escape sequence", escape),
    ("while scanning a simple key", "could not find expected ':'", _no_colon),
    (None, _BLOCK_END, closed_early),
    (None, _BLOCK_END + " '<scalar>'", after_closed),
    (None, _BLOCK_END + " '-'", _item_among_keys),
    (None, _BLOCK_END, _misindented),
    ("while parsing a flow sequence", "expected ',' or ']'", bracket_in_braces),
    ("while parsing a flow sequence", "expected ',' or ']'", _unclosed_flow),
    ("while parsing a flow mapping", "expected ',' or '}'", in_braces),
    ("while parsing a flow mapping", "expected ',' or '}'", _unclosed_flow),
    ("while constructing a mapping", "found duplicate key", _duplicate),
]
