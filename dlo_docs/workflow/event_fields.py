"""The fields of a journal event beside the head every event has, as the commands write them:
each of its type (``odd``), each on the events its commands write it on (``misplaced``), and
the registry facts an event carries of the shape the forms print (``odd_facts``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import Problem, error
from ..i18n import Msg
from ..model_methods import LANGS
from .events import BY_ORDER

if TYPE_CHECKING:
    from .journal import Journal


# the fields of the events that are not the head every event has, as the commands write them:
# every reader of an event takes them so (a route joined as texts, a route kind compared as one)
_FIELDS = {
    **dict.fromkeys(
        ("clerk", "route_kind", "approval_by", "approval_form", "form", "field"), "str"
    ),
    **dict.fromkeys(("reason", "reason_kk", "reason_ru", "remarks", "result"), "str"),
    **dict.fromkeys(("name", "position", "position_id"), "str"),
    **dict.fromkeys(("date", "next_due"), "date"),
    **dict.fromkeys(("corrects", "from_edition", "restored"), "int"),
    "route": "list of str",
}  # (an order's shape: ``_dates_in_range``)


def odd(entry: dict[str, Any], index: int, journal: Journal) -> list[Problem]:
    """Each field of ``_FIELDS`` the entry has that is not of the type dlo writes."""
    problems = []
    for key in _FIELDS:
        if key in entry and (odd := _odd_field(key, entry[key])) is not None:
            problems.append(
                error(
                    journal.at(index, key),
                    "DLO609",
                    Msg(
                        "journal entry {n}: {key} is missing or not a {kind}",
                        n=index + 1,
                        key=repr(key),
                        kind=odd,
                    ),
                    Msg("the journal is written by dlo only: restore it from version control"),
                )
            )
    return problems


# the fields that say what an event did, and the events the commands write them on: one on
# another event is no command's (an order on an agreement, agreements on paper on a submission,
# which dlo log would show as if recorded; the chain alone does not tell a forger's)
_ONLY_ON = {
    "order": BY_ORDER,
    "agreed": ("registered",),
    **dict.fromkeys(("route", "route_kind", "approval_by"), ("submitted", "registered")),
    "approval_form": ("submitted",),
    "next_due": ("reviewed",),
}


def misplaced(entry: dict[str, Any], index: int, journal: Journal) -> list[Problem]:
    """Each field of ``_ONLY_ON`` on an event no command writes it on."""
    return [
        error(
            journal.at(index, key),
            "DLO609",
            Msg(
                "journal entry {n}: no command writes {key} on an event {event}",
                n=index + 1,
                event=repr(entry["event"]),
                key=repr(key),
            ),
            Msg("the journal is written by dlo only: restore it from version control"),
        )
        for key, kinds in _ONLY_ON.items()
        if key in entry and entry["event"] not in kinds
    ]


def _odd_field(key: str, value: Any) -> str | None:
    """What field ``key`` of an event should be, when ``value`` is not that (None: it is). A
    field left empty (``null``) is one dlo writes for some of them (an order's form)."""
    kind = _FIELDS[key]
    if value is None and kind != "list of str":
        return None
    fits = {
        "str": isinstance(value, str),
        "date": isinstance(value, (str, dt.date)) and not isinstance(value, dt.datetime),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "list of str": isinstance(value, list) and all(isinstance(v, str) for v in value),
    }[kind]
    return None if fits else kind


_POSITION_FACTS = ("title", "holder", "title_genitive")  # each a text per language


def odd_facts(facts: Any) -> str | None:
    """Where ``facts`` (an event's registry facts: ``workflow.facts``) are not of the shape dlo
    writes, as ``positions.rector.title``; None when they are. The forms print them: a shape
    the chain protects is not one they can print."""
    if not isinstance(facts, dict):
        return "facts"
    positions = facts.get("positions", {})
    if not isinstance(positions, dict):
        return "positions"
    for pid, found in positions.items():
        if not isinstance(found, dict):
            return f"positions.{pid}"
        for key in _POSITION_FACTS:
            if key in found and not _texts(found[key]):
                return f"positions.{pid}.{key}"
    if "organisation" in facts and not _texts(facts["organisation"]):
        return "organisation"
    if "head" in facts and not isinstance(facts["head"], str):
        return "head"
    return None


def _texts(value: Any) -> bool:
    """A mapping of the registry's languages to texts (``{kk: …, ru: …}``). Another key is
    none the registry gives and no form prints, but a certificate naming it would pass the
    signature's holder check (a clerk's own name beside the official's)."""
    return isinstance(value, dict) and all(
        k in LANGS and isinstance(v, str) for k, v in value.items()
    )
