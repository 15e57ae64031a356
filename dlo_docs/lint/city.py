"""DLO122: a regulation whose organisation the registry gives no city in one of its languages.
The title page's foot prints the city and the year ("Қостанай 2024 ж.", "Костанай 2024 г."); with
no city it prints the year alone, which no official document of the organisation does. A warning:
the document is complete; the registry's ``city`` makes the foot right. An import of another
organisation's document proposes the city its text names ("город Тараз"), and none when it names
none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    organisation = view.registry.organisation_of(view.model.organisation)
    for lang in view.model.languages:
        if str(organisation.city.get(lang) or "").strip():
            continue
        yield view.problem(
            RULE,
            view.source.at(["organisation"]),
            Msg(
                "the registry gives organisation {id} no {lang} city: the {lang} title page's "
                "foot prints the year alone",
                id=repr(organisation.id),
                lang=lang,
            ),
            Msg(
                "add city: {{{lang}: …}} to organisation {id} in regulations/registry.yaml",
                lang=lang,
                id=organisation.id,
            ),
        )


RULE = Rule(
    "DLO122",
    "organisation-city",
    "warning",
    "the organisation has no city, which the title page's foot prints with the year",
    check,
)
