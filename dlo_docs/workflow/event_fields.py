"""The fields of a journal event beside the head every event has, as the commands write them:
each of its type (``odd``), each on the events its commands write it on (``misplaced``), and
the registry facts an event carries of the shape the forms print (``odd_facts``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import Problem, error
from ..i18n import Msg
from ..model_methods import LANGS
from .events import HEAD, SIGNATURE, TAIL

if TYPE_CHECKING:
    from .journal import Journal


# the fields of the events that are not the head every event has, as the commands write them:
# every reader of an event takes them so (a route joined as texts, a route kind compared as one)
_FIELDS = {
    **dict.fromkeys(
        ("clerk", "route_kind", "approval_by", "approval_form", "form", "field"), "str"
    ),
    **dict.fromkeys(("reason", "remarks", "result"), "str"),
    **dict.fromkeys(("name", "position", "position_id"), "str"),
    **dict.fromkeys(("date", "next_due"), "date"),
    **dict.fromkeys(("corrects", "from_edition", "restored"), "int"),
    "route": "list of str",
    "reasons": "mapping of language to str",
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


# the fields each event has beside the head every event has (``HEAD``, ``TAIL``, its clerk, its
# registry facts and an official's signature), as its command writes them: any other is no
# command's (an order on an agreement, agreements on paper on a submission, remarks on an
# approval, a correction's mark on the event it names, which dlo log and the forms would show as
# if recorded; the chain alone does not tell a forger's)
_EVERY = (*HEAD, *TAIL, SIGNATURE, "clerk", "facts")
_DECISION = ("date", "remarks")
_WRITTEN_ON = {
    "revised": ("reason", "reasons", "from_edition"),
    "submitted": ("route", "route_kind", "approval_by", "approval_form"),
    "agreed": _DECISION,
    "rejected": _DECISION,
    "approved": ("order", "form"),
    "registered": ("order", "form", "route", "route_kind", "approval_by", "agreed"),
    "withdrawn": ("order",),
    "reviewed": ("result", "date", "next_due"),
    "acknowledged": ("name", "position", "position_id", "date"),
    "cancelled": ("reason", "restored"),
    "corrected": ("corrects", "field", "value", "was"),
}


def misplaced(entry: dict[str, Any], index: int, journal: Journal) -> list[Problem]:
    """Each field of the entry no command writes on its event."""
    own = _WRITTEN_ON.get(entry["event"], ())
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
        for key in entry
        if key not in _EVERY and key not in own
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
        "mapping of language to str": _texts(value),
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
