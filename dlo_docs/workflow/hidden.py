"""An invisible character in what a journal event records: a control character or a format
character or another that prints as nothing (``chars.HIDDEN``: a zero-width space, a joiner, a
direction override, a Hangul filler …) in an order's
number, remarks, a reason, a result, a reader's name, or the registry's titles and names an event
captured (its ``facts``). None prints, so the site, the sheets and a terminal show another text
than the one recorded: "45-<U+202E>ҚН" prints as "45-НҚ", a number with a zero-width space looks
like one it is not. The options that record a text refuse one (``loading.optional_text``), and an
event is never appended with one (``refusal``: a registry's name holding one is refused before
it is recorded), so an event holding one was written by hand: ``problems`` names each (DLO612) and
the journal does not verify. Not read: the ``actor`` (the OS and git user, for the audit trail
only: a name of the git configuration, which dlo does not choose) and an official's signature
(its fields are the certificate's, checked against it by ``signatures``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..chars import HIDDEN, named
from ..errors import DloError, Location, Problem, error
from ..i18n import Msg
from .events import SIGNATURE

_HIDDEN = re.compile(HIDDEN)
_UNREAD = ("actor", SIGNATURE)


def found(entry: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each field of ``entry`` (dotted: ``order.number``, ``facts.positions.rector.holder.kk``)
    holding an invisible character, and the first such character, in the entry's order."""
    for key, value in entry.items():
        if key not in _UNREAD:
            yield from _in(str(key), value)


def _in(where: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _in(f"{where}.{key}", inner)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _in(f"{where}.{i + 1}", inner)
    elif isinstance(value, str) and (m := _HIDDEN.search(value)) is not None:
        yield where, m.group()


def problems(entries: list[dict[str, Any]], at: Any) -> list[Problem]:
    """Each field of each event holding an invisible character (DLO612), at its event's field
    (``at(index, key)``: the journal's position of a top-level key)."""
    hint = Msg("restore the journal from version control (git log -p on it shows the change)")
    return [
        error(
            at(index, where.split(".", 1)[0]),
            "DLO612",
            Msg(
                "journal event {seq} ({event}): the field {field} holds {what}, which no dlo command "
                "records: it prints as another text than the one recorded, so the event was "
                "written by hand",
                seq=entry.get("seq"),
                event=entry.get("event"),
                field=where,
                what=named(ch),
            ),
            hint,
        )
        for index, entry in enumerate(entries)
        if isinstance(entry, dict)
        for where, ch in found(entry)
    ]


def refusal(entry: dict[str, Any]) -> None:
    """Refuse (DLO118, at the registry) an event about to be appended that holds an invisible
    character: the options that record a text refuse one before, so it is a text of the registry
    the event captures (a holder's name, a title), which ``dlo check`` names at its line."""
    first = next(found(entry), None)
    if first is not None:
        where, ch = first
        raise DloError(
            error(
                Location("regulations/registry.yaml"),
                "DLO118",
                Msg(
                    "the event would record {what} in the field {field}, a text of the registry: "
                    "nothing was recorded",
                    what=named(ch),
                    field=where,
                ),
                Msg(
                    "dlo check names it in the registry: delete it there, then run the command again"
                ),
            )
        )
