"""The checks pydantic calls on a field's value (a text by language, a text, a time zone, a path
in the project), as plain functions without pydantic: the models (``model_types``, ``model``)
declare them, and the compiled validator (``validator``) calls the same functions. Each returns
the value as validated or raises ``ValueError`` with a message for the user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .i18n import Msg
from .model_methods import LANGS
from .spelling import space_missing


class AtKey(ValueError):
    """A check's message about one key of the mapping checked (a language of a text by
    language): the loader says it at that key, not where the mapping starts."""

    def __init__(self, message: Msg, key: object, hint: Msg | None = None) -> None:
        super().__init__(message)
        self.key, self.hint = key, hint


def read_as(value: object) -> tuple[Msg, str] | None:
    """What a plain YAML value that is no text was read as (a number, a date, true or false),
    and the value as written: in quotes, it is a text."""
    if isinstance(value, bool):
        return Msg("a yes/no value"), str(value).lower()
    if isinstance(value, int | float):
        return Msg("a number"), str(value)
    if isinstance(value, dt.date):
        return Msg("a date"), value.isoformat()
    return None


def what_is(value: object) -> Msg:
    """What a value (or a key) that is no text is, said as the file shows it."""
    if isinstance(value, list | tuple):  # a key written as a list reads as a tuple
        return Msg("a list")
    if isinstance(value, Mapping):
        return Msg("a mapping (key: value)")
    if isinstance(value, str):
        return Msg("a text")
    read = read_as(value)
    return read[0] if read is not None else Msg("an empty value")


def key_not_text(key: object) -> tuple[Msg, Msg]:
    """What is said of a key that is no text (``~``, ``1``, ``2026-01-01``, ``[a, b]``), and
    what to do: never the key as Python shows it ('None', 'datetime.date(…)')."""
    return (
        Msg("a key must be a text, not {found}", found=what_is(key)),
        Msg("write the key as a word, or put it in quotes ('~': …, '1': …)"),
    )


def _unknown(value: dict[object, object], lang: object) -> Msg:
    """A key of a mapping by language that is no language: words after a ',' in the text before
    it, when it has no text of its own ({kk: бір, екі, ru: …} reads as ``екі: null``)."""
    keys = list(value)
    before = keys[keys.index(lang) - 1] if keys.index(lang) > 0 else None
    if value[lang] is None and before in LANGS:
        return Msg(
            "unknown language {lang}, with no text: if it is words of the {before} text after a "
            "',' in '{{…}}', that ',' ended the text; put the {before} text in quotes "
            '({before}: "…, …"), or write each text on a line of its own',
            lang=repr(lang),
            before=before,
        )
    return Msg(
        "unknown language {lang}; use one of: {langs}", lang=repr(lang), langs=", ".join(LANGS)
    )


def lang_map(value: object) -> dict[str, str]:
    """A mapping by language of non-empty texts, e.g. ``{kk: ..., ru: ...}``."""
    if not isinstance(value, dict):
        raise ValueError(Msg("expected a mapping by language, e.g. {kk: ..., ru: ...}"))
    if not value:
        raise ValueError(Msg("the mapping by language is empty"))
    for lang, text in value.items():
        if not isinstance(lang, str):  # ~: …, 1: …: no language, and no text to name it by
            what, hint = key_not_text(lang)
            raise AtKey(what, lang, hint)
        if lang not in LANGS:
            missing = space_missing(lang, LANGS)
            if missing is not None:  # kk:'…': …, read as the key "kk:'…"
                why, hint = missing
                raise AtKey(
                    Msg("unknown language {lang}: {why}", lang=repr(lang), why=why), lang, hint
                )
            raise AtKey(_unknown(value, lang), lang)
        if (read := read_as(text)) is not None:
            what, written = read
            raise AtKey(
                Msg(
                    "the {lang} text is read as {what} ({value}), not as a text: put it in "
                    "quotes: '{value}'",
                    lang=lang,
                    what=what,
                    value=written,
                ),
                lang,
            )
        if not isinstance(text, str) or not text.strip():
            raise AtKey(Msg("the {lang} text must be a non-empty string", lang=lang), lang)
    return {str(k): str(v) for k, v in value.items()}


def text(value: object) -> str | dict[str, str]:
    """A non-empty text, or a mapping by language (``lang_map``)."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(Msg("the text is empty"))
        return str(value)
    if isinstance(value, dict):
        return lang_map(value)
    if (read := read_as(value)) is not None:
        what, written = read
        raise ValueError(
            Msg(
                "the text is read as {what} ({value}), not as a text: put it in quotes: '{value}'",
                what=what,
                value=written,
            )
        )
    raise ValueError(Msg("expected a text: a string, or a mapping by language {kk: ..., ru: ...}"))


def timezone(value: str) -> str:
    """A UTC offset ``±HH:MM`` between -12:00 and +14:00 (its form checked before)."""
    hours, minutes = int(value[1:3]), int(value[4:6])
    offset = (hours * 60 + minutes) * (-1 if value.startswith("-") else 1)
    if minutes > 59 or not -12 * 60 <= offset <= 14 * 60:
        raise ValueError(
            Msg(
                "{value} is not a time zone: use -12:00 .. +14:00 (Kazakhstan: +05:00)",
                value=value,
            )
        )
    return value


def project_path(value: str) -> str:
    """A path inside the project, relative to its root: no absolute path, no "..", no
    backslash, no drive."""
    parts = value.split("/")
    if value.startswith("/") or "\\" in value or ":" in value or "\x00" in value or ".." in parts:
        raise ValueError(
            Msg("expected a path relative to the project, without '..' (e.g. keys/ca.pem)")
        )
    return value
