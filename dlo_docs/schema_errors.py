"""A schema error (one of pydantic's ``ValidationError.errors()``) as a message in our words.

pydantic writes its messages in English only; each kind of error a project file can make is said
here as an ``i18n.Msg``, so it is read in the interface language. The model's own validators
raise ``ValueError(Msg(...))``: that message is used as it is. A kind not foreseen keeps
pydantic's English text. Where the error is (``where``) is said as a clerk reads the file:
"clause 10 item 2, text", "agreement.approvers, entry 2", not pydantic's path from 0.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import Location, Problem, error
from .i18n import Msg, join
from .model_checks import AtKey, key_not_text, read_as, what_is
from .spelling import did_you_mean

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


def where(names: Mapping[tuple[str | int, ...], Msg], loc: Sequence[str | int]) -> Msg:
    """Where ``loc`` is: the element it is in as the document numbers it (``names``, from
    ``numbering.element_names``: "clause 10 item 2"), then the keys below it, an entry of a
    list counted from 1 ("agreement.approvers, entry 2")."""
    depth = next((d for d in range(len(loc), 0, -1) if tuple(loc[:d]) in names), 0)
    parts: list[Msg | str] = [names[tuple(loc[:depth])]] if depth else []
    keys: list[str] = []
    for part in loc[depth:]:
        if isinstance(part, int):
            parts += [".".join(keys)] if keys else []
            parts.append(Msg("entry {n}", n=part + 1))
            keys = []
        else:
            keys.append(str(part))
    parts += [".".join(keys)] if keys else []
    return join(", ", parts)


INVALID_KEY = "invalid_key"  # a key that is not a text (~, 1, true): pydantic names it as text


def said_at(err: Mapping[str, Any]) -> tuple[list[str | int], bool]:
    """Where the error is said, and whether that is a key: the key of the mapping at its place
    that a check's message is about (``model_checks.AtKey``: a language of a text by language),
    else its place, as pydantic gives it."""
    loc = list(err["loc"])
    reason = (err.get("ctx") or {}).get("error")
    if isinstance(reason, AtKey):
        return [*loc, reason.key], True
    if err["type"] == INVALID_KEY:  # pydantic names a key ~ 'None': the key itself is asked for
        return [*loc[:-1], err.get("input")], True
    if _empty(err):  # a value that is not there is at its key (YAML puts it on the next line)
        return loc, True
    return loc, False


def _empty(err: Mapping[str, Any]) -> bool:
    """A key written with nothing after it (``text:`` and the next key below): its value is
    empty, and it is not a key left out."""
    loc = err["loc"]
    return (
        err.get("input") is None
        and err["type"] not in ("missing", INVALID_KEY)
        and bool(loc)
        and isinstance(loc[-1], str)
    )


def _listed(ctx: Mapping[str, Any]) -> list[str]:
    """The words of a fixed list, as pydantic writes them ("'a', 'b' or 'c'")."""
    return re.findall(r"'[^']*'|\"[^\"]*\"|-?\d+", str(ctx.get("expected", "")))


_DAY_FIRST = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")  # 23.11.2015, 1.9.2020, 23/11/2015
_YEAR_FIRST = re.compile(r"(\d{4})([./])(\d{1,2})\2(\d{1,2})")  # 2015.11.23, 2015/11/23
_DATE_KINDS = ("date_type", "date_parsing", "date_from_datetime_parsing")


def _iso(value: object) -> Msg | None:
    """A date written day first (DD.MM.YYYY, D.M.YYYY, DD/MM/YYYY) or year first with dots or
    slashes (YYYY.MM.DD) as it is to be written: YYYY-MM-DD (None: ``value`` is no such date, or
    no day of the calendar)."""
    text = value.strip() if isinstance(value, str) else ""
    if found := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(found[i]) for i in (1, 3, 4))
    elif found := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(found[i]) for i in (1, 3, 4))
    else:
        return None
    try:
        written = dt.date(year, month, day)
    except ValueError:  # 31.02.2020
        return None
    return Msg("write it as {value}", value=written.isoformat())


# what an empty list that must hold at least one entry is to name, with an example (the bundled
# registry's ids: the registry is not at hand where a file is validated)
_FIRST = {
    "approvers": Msg(
        "name at least one position that agrees it: {example}", example="approvers: [vp-academic]"
    ),
    "change_initiators": Msg(
        "name at least one position that may initiate its changes: {example}",
        example="change_initiators: [dlo-head]",
    ),
    "languages": Msg("name the language(s) of its text: {example}", example="languages: [kk]"),
}


def _shown(err: Mapping[str, Any]) -> Msg | None:
    """A text where a list belongs (``languages: kk, ru``), a whole number (``edition:
    бірінші``), an empty list that must name one (``approvers: []``), or a date written day
    first (``date: 23.11.2015``): the value as it is to be written."""
    value, loc = err.get("input"), err["loc"]
    if err["type"] == "too_short" and value == [] and loc and loc[-1] in _FIRST:
        return _FIRST[loc[-1]]
    if err["type"] in _DATE_KINDS:
        return _iso(value)
    key = loc[-1] + ": " if loc and isinstance(loc[-1], str) else ""
    if err["type"] == "list_type" and isinstance(value, str) and value.strip():
        items = ", ".join(re.split(r"[,\s]+", value.strip(" ,")))
        example = key + "[" + items + "]"
        return Msg("a list is written in '[…]': {example}", example=example)
    if err["type"] in ("int_parsing", "int_type") and isinstance(value, str):
        return Msg("write it in digits, e.g. {example}", example=key + "2")
    return None


_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")  # model_types.Id's pattern


def _ids(err: Mapping[str, Any]) -> list[str] | None:
    """The ids an entry of a list is made of when they are written without the ',' between
    them ([ubbi-director vp-academic] is one entry): None when it is no such entry."""
    value, loc = err.get("input"), err["loc"]
    if err["type"] != "string_pattern_mismatch" or not loc or not isinstance(loc[-1], int):
        return None
    words = value.split() if isinstance(value, str) else []
    return words if len(words) > 1 and all(_ID.fullmatch(w) for w in words) else None


# the keys of a regulation whose values are ids the registry gives (a position, a unit, an
# organisation), which a clerk may write as the title the forms print instead
_REGISTRY_IDS = ("organisation", "unit", "position", "agreement", "approval", "change_initiators")


def _named_not_id(err: Mapping[str, Any]) -> Msg | None:
    """The hint for a registry's id written as a name or title ("Академиялық мәселелер жөніндегі
    проректор" for vp-academic): a text with a space or a letter not Latin, where an id goes."""
    value, loc = err.get("input"), err["loc"]
    if err["type"] != "string_pattern_mismatch" or not isinstance(value, str) or not loc:
        return None
    if loc[0] not in _REGISTRY_IDS or not re.search(r"[^\x00-\x7f]|\s", value.strip()):
        return None
    return Msg(
        "write the id regulations/registry.yaml gives the position, unit or organisation (its "
        "id:, such as vp-academic), not its title or name"
    )


def hint(err: Mapping[str, Any]) -> Msg | None:
    """The word of a fixed list that a misspelled one most likely is ("did you mean …?"), or
    the hint of a check's message about a key (``model_checks.AtKey``)."""
    reason = (err.get("ctx") or {}).get("error")
    if isinstance(reason, AtKey):
        return reason.hint
    if err["type"] == INVALID_KEY:
        return key_not_text(err.get("input"))[1]
    if _empty(err):
        return Msg(
            "write its value after the ':' on the same line, or on the lines under it, indented "
            "further than the key"
        )
    ids = _ids(err)
    if ids is not None and any("-" in i for i in ids):  # ids of their own: "vp-academic hr-head"
        return Msg("separate ids with ', ': {example}", example=", ".join(ids))
    if ids is not None:  # "vp academic": one id with a space, or two
        return Msg(
            "if it is one id, write it without the space: {one}; if several, separate them with "
            "', ': {example}",
            one="-".join(ids),
            example=", ".join(ids),
        )
    shown = _shown(err) or _named_not_id(err)
    if shown is not None:
        return shown
    if err["type"] != "literal_error":
        return None
    words = [word.strip("'\"") for word in _listed(err.get("ctx") or {})]
    return did_you_mean(err.get("input"), words)


def message(err: Mapping[str, Any]) -> Msg:
    """What is wrong with the value, in our words (pydantic's English when not foreseen)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if not err["loc"] and kind in ("dict_type", "model_type", "model_attributes_type"):
        return Msg(
            "the file must hold keys with their values (key: value), not {found}",
            found=what_is(value),
        )
    if kind == "string_type" and (read := read_as(value)) is not None:
        return Msg(
            "{value} is read as {what}, not as a text: put it in quotes: '{value}'",
            value=read[1],
            what=read[0],
        )
    if kind == INVALID_KEY:
        return key_not_text(value)[0]
    if _empty(err):
        return Msg("'{key}:' has nothing after it", key=err["loc"][-1])
    if _ids(err) is not None:
        return Msg(
            "{value} holds a space, which no id does: it is most likely ids without the ',' "
            "between them",
            value=repr(value),
        )
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return Msg("expected one of: {expected}", expected=", ".join(_listed(ctx)) or expected)
    bounded = _bounded(kind, ctx)
    if bounded is not None:
        return bounded
    reason = ctx.get("error")
    if isinstance(reason, Exception) and reason.args and isinstance(reason.args[0], Msg):
        return reason.args[0]
    text = re.sub(r"^(Value error|Assertion failed), ", "", err["msg"])
    return Msg(text[:1].lower() + text[1:])  # not in the catalogue: English


# schema errors listed for one file: a file of a million unknown keys is not a million messages
# (each ~0.1 ms and ~2 KB to say); the rest are counted
MAX_LISTED = 500


def unlisted(path: str, n: int) -> list[Problem]:
    """One error counting the file's ``n`` schema errors not listed (none when ``n`` <= 0)."""
    if n <= 0:
        return []
    return [
        error(
            Location(path),
            "DLO010",
            Msg("{n} more errors of the file not listed", n=n),
            Msg("correct the ones listed and check again"),
        )
    ]


def fixed_by_latin(err: Mapping[str, Any], fixed: str) -> bool:
    """Whether ``fixed``, the value with its Cyrillic lookalikes typed in Latin, is valid where
    it stands: the pattern it failed, or one of the words expected."""
    ctx = err.get("ctx") or {}
    if err["type"] == "string_pattern_mismatch":
        return re.search(str(ctx.get("pattern", "")), fixed) is not None
    return repr(fixed) in str(ctx.get("expected", ""))
