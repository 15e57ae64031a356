"""Whom the position of another organisation's job instruction reports to (``reports_to``),
proposed from the clause that says so, and the note that asks to confirm it.

The clause may name more than one superior ("подчиняется непосредственно Директору (Декану)
Высшей школы, Руководителю научных школ"): the first position the import proposes that it
names is taken, and the note quotes what the clause says, so that the others are not lost
silently.

- ``propose(own, clause, candidates, lang)``: set ``own["reports_to"]`` from the clause.
- ``confirm(own, clause, lang, report, among)``: the note on it (where the clause names one of
  a group whose members are proposed a position each, which to choose from).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..i18n import Msg
from ..mentions import contains, words
from .tree import Node, full_text

# the words saying whom the holder reports to (the Kazakh verb ends its sentence)
_SAYS = re.compile(r"\b(?:подчиня|подчинён|подчинен|бағына)\w*", re.I)
_SENTENCES = re.compile(r"(?<=[.;!?])\s+")
_QUOTED = 160  # characters of the clause quoted at most


def propose(own: dict[str, Any], clause: Node | None, candidates: list[dict], lang: str) -> None:
    """``own``'s ``reports_to``: the first of ``candidates`` (positions proposed from the text)
    that ``clause`` names, unless it has one."""
    if clause is None or "reports_to" in own:
        return
    said = words(full_text(clause))
    head_of = [
        p for p in candidates if any(contains(said, m) for m in p.get("mentions", {}).get(lang, []))
    ]
    if head_of:
        own["reports_to"] = head_of[0]["id"]


def said(text: str) -> str:
    """What the clause says of the superior: the sentence with "подчиняется" / "бағынады"
    (the whole clause when it says it otherwise), at most ``_QUOTED`` characters."""
    sentence = next((s for s in _SENTENCES.split(text) if _SAYS.search(s)), text)
    quoted = " ".join(sentence.split()).rstrip(" .;")
    return quoted if len(quoted) <= _QUOTED else quoted[: _QUOTED - 1].rstrip() + "…"


def confirm(
    own: dict[str, Any] | None,
    clause: Node | None,
    lang: str,
    report: Any,
    among: Callable[[str], list[str]] | None = None,
) -> None:
    """Ask to confirm ``reports_to`` (or to set it when no proposed position is named),
    quoting the clause; ``among(text)``: the positions proposed for the members of a group
    ``text`` names one of ("Директору (Декану) Высшей школы": which school's?), to choose from;
    the clause then states no fact dlo check can hold it to (whichever is chosen, it names
    none of them by its own words)."""
    if own is None or clause is None:
        return
    quote = said(full_text(clause))
    choices = among(full_text(clause)) if among is not None else []
    if "reports_to" in own:
        message = Msg("reports_to proposed from the text: {id}", id=own["reports_to"])
        hint = Msg(
            "confirm whom the position reports to (one superior); the text says: «{quote}»",
            quote=quote,
        )
    elif choices:
        clause.states = None  # it names none of them: dlo check cannot hold it to reports_to
        message = Msg(
            "the clause on whom the position reports to names one of a group, proposed as "
            "positions {ids}",
            ids=", ".join(choices),
        )
        hint = Msg(
            "set reports_to of {id} in the registry to the one the holder reports to; the text "
            "says: «{quote}»",
            id=own["id"],
            quote=quote,
        )
    else:
        message = Msg("the clause on whom the position reports to names no position proposed")
        hint = Msg(
            "set reports_to of {id} in the registry; the text says: «{quote}»",
            id=own["id"],
            quote=quote,
        )
    report.confirm(clause.where, message, hint)
