"""DLO117: a name the forms print (the organisation's, the unit's, a position's title or holder)
that the registry gives, but not in one of the regulation's languages (``form_names``)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import form_names
from ..errors import Problem
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    for lang in view.model.languages:
        yield from form_names.missing(view.model, view.source, view.registry, lang)


RULE = Rule(
    form_names.CODE,
    "form-names",
    "error",
    "a name the forms print from the registry is missing in a language of the regulation",
    check,
)
