"""The field types of the data model: texts by language, ids, dates within the years of real
documents, time zones; the strict base of every model, and a text in one language (``text_in``).
``model`` exports them with the models (the bounds, ``sane_date`` and ``text_in`` are
``model_methods``'s, the checks of a value ``model_checks``'s: neither needs pydantic)."""

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

from . import model_checks
from .model_methods import FIRST_YEAR as FIRST_YEAR
from .model_methods import LANGS as LANGS
from .model_methods import LAST_YEAR as LAST_YEAR
from .model_methods import MAX_EDITION as MAX_EDITION
from .model_methods import sane_date as sane_date
from .model_methods import text_in as text_in

Lang = Literal["kk", "ru"]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


_LANG_MAP_SCHEMA = {
    "type": "object",
    "propertyNames": {"enum": list(LANGS)},
    "additionalProperties": {"type": "string", "minLength": 1},
    "minProperties": 1,
}
LangMap = Annotated[
    dict[str, str], PlainValidator(model_checks.lang_map), WithJsonSchema(_LANG_MAP_SCHEMA)
]
Text = Annotated[
    str | dict[str, str],
    PlainValidator(model_checks.text),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, _LANG_MAP_SCHEMA]}),
]
Fact = Literal["approvers", "approval", "change_initiators", "reports_to", "instructions_from"]


Date = Annotated[dt.date, AfterValidator(sane_date)]
TimeZone = Annotated[
    str,
    StringConstraints(pattern=r"^[+-][0-9][0-9]:[0-9][0-9]$"),
    AfterValidator(model_checks.timezone),
]


class Strict(BaseModel):
    # defer_build: a model's validator is built when it first validates, not when its class is
    # made, so a command pays only for the models it uses (the nested ones are built once, inside
    # the model that holds them), not for building every one of them at import
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
