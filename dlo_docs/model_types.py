"""The field types of the data model: texts by language, ids, dates within the years of real
documents, time zones; the strict base of every model, and a text in one language (``text_in``).
``model`` exports them with the models (the bounds, ``sane_date`` and ``text_in`` are
``model_methods``'s, which needs no pydantic)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from .i18n import Msg
from .model_methods import FIRST_YEAR as FIRST_YEAR
from .model_methods import LANGS as LANGS
from .model_methods import LAST_YEAR as LAST_YEAR
from .model_methods import MAX_EDITION as MAX_EDITION
from .model_methods import sane_date as sane_date
from .model_methods import text_in as text_in

Lang = Literal["kk", "ru"]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


def _lang_map(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(Msg("expected a mapping by language, e.g. {kk: ..., ru: ...}"))
    if not value:
        raise ValueError(Msg("the mapping by language is empty"))
    for lang, text in value.items():
        if lang not in LANGS:
            raise ValueError(
                Msg(
                    "unknown language {lang}; use one of: {langs}",
                    lang=repr(lang),
                    langs=", ".join(LANGS),
                )
            )
        if not isinstance(text, str) or not text.strip():
            raise ValueError(Msg("the {lang} text must be a non-empty string", lang=lang))
    return {str(k): str(v) for k, v in value.items()}


def _text(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(Msg("the text is empty"))
        return str(value)
    if isinstance(value, dict):
        return _lang_map(value)
    raise ValueError(Msg("expected a text: a string, or a mapping by language {kk: ..., ru: ...}"))


_LANG_MAP_SCHEMA = {
    "type": "object",
    "propertyNames": {"enum": list(LANGS)},
    "additionalProperties": {"type": "string", "minLength": 1},
    "minProperties": 1,
}
LangMap = Annotated[dict[str, str], PlainValidator(_lang_map), WithJsonSchema(_LANG_MAP_SCHEMA)]
Text = Annotated[
    str | dict[str, str],
    PlainValidator(_text),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, _LANG_MAP_SCHEMA]}),
]
Fact = Literal["approvers", "approval", "change_initiators", "reports_to", "instructions_from"]


def _timezone(value: str) -> str:
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


Date = Annotated[dt.date, AfterValidator(sane_date)]
TimeZone = Annotated[str, StringConstraints(pattern=r"^[+-]\d\d:\d\d$"), AfterValidator(_timezone)]


class Strict(BaseModel):
    # defer_build: a model's validator is built when it first validates, not when its class is
    # made, so a command pays only for the models it uses (the nested ones are built once, inside
    # the model that holds them), not for building every one of them at import
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
