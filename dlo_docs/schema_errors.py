"""A schema error (one of pydantic's ``ValidationError.errors()``) as a message in our words.

pydantic writes its messages in English only; each kind of error a project file can make is said
here as an ``i18n.Msg``, so it is read in the interface language. The model's own validators
raise ``ValueError(Msg(...))``: that message is used as it is. A kind not foreseen keeps
pydantic's English text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .i18n import Msg

_EXPECTED = {
    "string_type": Msg("expected a text"),
    "int_type": Msg("expected a whole number"),
    "int_parsing": Msg("expected a whole number"),
    "int_from_float": Msg("expected a whole number"),
    "float_type": Msg("expected a number"),
    "float_parsing": Msg("expected a number"),
    "bool_type": Msg("expected true or false"),
    "bool_parsing": Msg("expected true or false"),
    "date_type": Msg("expected a date (YYYY-MM-DD)"),
    "date_parsing": Msg("expected a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": Msg("expected a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": Msg("expected a date (YYYY-MM-DD), without a time"),
    "datetime_type": Msg("expected a date and time (YYYY-MM-DDTHH:MM:SS+05:00)"),
    "datetime_parsing": Msg("expected a date and time (YYYY-MM-DDTHH:MM:SS+05:00)"),
    "datetime_from_date_parsing": Msg("expected a date and time (YYYY-MM-DDTHH:MM:SS+05:00)"),
    "timezone_aware": Msg("expected a date and time with its time zone (e.g. +05:00)"),
    "list_type": Msg("expected a list"),
    "dict_type": Msg("expected a mapping (key: value)"),
    "model_type": Msg("expected a mapping (key: value)"),
    "model_attributes_type": Msg("expected a mapping (key: value)"),
    "string_pattern_mismatch": Msg(
        "an id must be lower-case latin letters, digits, '.', '_' or '-'"
    ),
}


def _bounded(kind: str, ctx: Mapping[str, Any]) -> Msg | None:
    if kind == "string_too_short":
        return Msg("at least {n} character(s)", n=ctx.get("min_length"))
    if kind == "string_too_long":
        return Msg("at most {n} characters", n=ctx.get("max_length"))
    if kind == "too_short":
        return Msg("at least {n} item(s)", n=ctx.get("min_length"))
    if kind == "too_long":
        return Msg("at most {n} items", n=ctx.get("max_length"))
    if kind == "greater_than_equal":
        return Msg("expected a number of at least {n}", n=ctx.get("ge"))
    if kind == "less_than_equal":
        return Msg("expected a number of at most {n}", n=ctx.get("le"))
    if kind == "greater_than":
        return Msg("expected a number greater than {n}", n=ctx.get("gt"))
    if kind == "less_than":
        return Msg("expected a number less than {n}", n=ctx.get("lt"))
    return None


def message(err: Mapping[str, Any]) -> Msg:
    """What is wrong with the value, in our words (pydantic's English when not foreseen)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        values = re.findall(r"'[^']*'|\"[^\"]*\"|-?\d+", expected)  # pydantic: "'a', 'b' or 'c'"
        return Msg("expected one of: {expected}", expected=", ".join(values) or expected)
    bounded = _bounded(kind, ctx)
    if bounded is not None:
        return bounded
    reason = ctx.get("error")
    if isinstance(reason, Exception) and reason.args and isinstance(reason.args[0], Msg):
        return reason.args[0]
    text = re.sub(r"^(Value error|Assertion failed), ", "", err["msg"])
    return Msg(text[:1].lower() + text[1:])  # not in the catalogue: English
