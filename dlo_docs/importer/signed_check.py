"""The source's agreement sheet or block (``agreed``) against the clause that names the
approvers: the clause is followed, and where the sheet people sign names someone else, lacks one
of them or has them in another order (the route is sequential), that is said (DLO510, at the
sheet's or block's line).

Both are read with the positions the clause's approvers are proposed as: a sheet line names a
position by its mention, as written or with the abbreviations the text defines or the registry
has written out ("Директор (Декан) ВШ Права" names "Директор (Декан) Высших школ" where "ВШ –
Высшая Школа"; the mention is then a prefix of each word, the unit written out in the
nominative), not as whose deputy the official is ("Заместитель Председателя Правления"). Several
lines naming one position are that approver once (where the clause names a group in the plural,
its members' rows are a position each: ``groups``); the holder's and the approving official's
lines are no approvers'; a line naming no position is an official by its title.

- ``compare(signed, approvers, positions, skip, expansions, lang) -> Difference``;
- ``covers(title, group, expansions)``: whether a line names an official of a group a clause
  names in the plural, with words of its own (``groups``);
- ``say(difference, signed, numbers, report)``: its findings;
- ``propose_holders(signed, entries, positions, expansions, lang, report)``: the name a line
  gives beside the title of a position the import proposes is that position's holder.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..i18n import Msg
from ..mentions import words
from ..model import Position
from . import agreed
from .agreed import Signed
from .officials import DEPUTIES, prefix
from .report import Report


@dataclass(frozen=True)
class Difference:
    """Titles: of the officials the sheet names that the clause does not; of the clause's
    approvers it does not name; of the approvers both name, in the sheet's order where it is not
    the clause's (else none)."""

    extra: list[str]
    missing: list[str]
    order: list[str]


def _expanded(text: str, expansions: dict[str, str]) -> str:
    for short, expansion in expansions.items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", expansion, text, flags=re.I)
    return text


def _forms(text: str, expansions: dict[str, str]) -> list[tuple[list[str], bool]]:
    """The words of ``text`` as written, and with its abbreviations written out (marked)."""
    expanded = _expanded(text, expansions)
    return [(words(text), False), *([(words(expanded), True)] if expanded != text else [])]


def _names(title: list[str], mention: list[str], loose: bool) -> bool:
    """Whether the words of a title name the position of ``mention``, not as whose deputy."""
    want = [prefix(w) for w in mention] if loose else mention
    for i in range(len(title) - len(want) + 1):
        if all(title[i + k].startswith(w) for k, w in enumerate(want)):
            rest = title[:i] + title[i + len(want) :]
            if not any(w.startswith(DEPUTIES) for w in rest):
                return True
    return False


def covers(title: str, group: list[str], expansions: dict[str, str]) -> bool:
    """Whether a sheet line's title names an official of a group (``group``: its words, each a
    prefix in any case) by the group's words and its own besides, as written or with the
    abbreviations written out: "Директор (Декан) ВШ Права" of "директорами высших школ"."""
    return any(
        len(said) > len(group) and _names(said, group, True)
        for said, _ in _forms(title, expansions)
    )


def _named(
    title: str, positions: list[Position], expansions: dict[str, str], lang: str
) -> list[str]:
    """The positions a sheet line's title names; a mention several of them share (a group's,
    whose members are proposed a position each) names none that has one of its own: a line is
    one official's."""
    titles = _forms(title, expansions)
    counted = Counter(m for position in positions for m in set(position.mentions_in(lang)))
    found = []
    for position in positions:
        given = position.mentions_in(lang)
        own = [m for m in given if counted[m] == 1] or given
        mentions = [f for m in own for f in _forms(m, expansions)]
        if any(
            _names(said, mention, loose or expanded)
            for said, loose in titles
            for mention, expanded in mentions
            if mention
        ):
            found.append(position.id)
    return found


def compare(
    signed: Signed,
    approvers: list[str],
    positions: list[Position],
    skip: set[str],
    expansions: dict[str, str],
    lang: str,
) -> Difference:
    """``signed`` against the ``approvers`` a clause names (of ``positions``); ``skip``: the
    positions that sign it as no approvers (the holder, the approving official)."""
    titled = {p.id: p.title.get(lang) or p.id for p in positions}
    on_sheet: list[str] = []
    extra: dict[str, str] = {}
    for title in agreed.officials(signed):
        named = _named(title, positions, expansions, lang)
        if any(p in approvers for p in named):
            on_sheet += [p for p in named if p in approvers and p not in on_sheet]
        elif not named:
            extra.setdefault(title.lower(), title)
        elif not skip.intersection(named):
            extra.setdefault(named[0], titled[named[0]])
    missing = [titled[a] for a in approvers if a not in on_sheet and a not in skip]
    order = [] if on_sheet == [a for a in approvers if a in on_sheet] else on_sheet
    return Difference(list(extra.values()), missing, [titled[p] for p in order])


def say(difference: Difference, signed: Signed, numbers: str, report: Report) -> None:
    """The text and the sheet people sign name different approvers: said, the clause followed."""
    sheet = signed.what == "sheet"
    hint = Msg("find out who agrees it; correct the clause or agreement.approvers")
    if difference.extra:
        fields = {"signed": ", ".join(difference.extra), "numbers": numbers}
        said = (
            Msg(
                "the source's agreement sheet names {signed}, whom clause {numbers} does not name: "
                "agreement.approvers follows the clause",
                **fields,
            )
            if sheet
            else Msg(
                "the source's agreement block names {signed}, whom clause {numbers} does not name: "
                "agreement.approvers follows the clause",
                **fields,
            )
        )
        report.confirm(signed.where, said, hint)
    if difference.missing:
        fields = {"names": ", ".join(difference.missing), "numbers": numbers}
        said = (
            Msg(
                "clause {numbers} names {names}, whom the source's agreement sheet does not: "
                "agreement.approvers follows the clause",
                **fields,
            )
            if sheet
            else Msg(
                "clause {numbers} names {names}, whom the source's agreement block does not: "
                "agreement.approvers follows the clause",
                **fields,
            )
        )
        report.confirm(signed.where, said, hint)
    if difference.order:
        fields = {"signed": ", ".join(difference.order), "numbers": numbers}
        said = (
            Msg(
                "the source's agreement sheet names {signed} in another order than clause "
                "{numbers}: agreement.approvers follows the clause",
                **fields,
            )
            if sheet
            else Msg(
                "the source's agreement block names {signed} in another order than clause "
                "{numbers}: agreement.approvers follows the clause",
                **fields,
            )
        )
        report.confirm(signed.where, said, hint)


def propose_holders(
    signed: Signed,
    entries: list[dict],
    positions: list[Position],
    expansions: dict[str, str],
    lang: str,
    report: Report,
) -> None:
    """The name a line of ``signed`` gives beside the title of a position the import proposes
    (``entries``, as registry entries; ``positions``: those and the registry's) becomes that
    entry's ``holder``, said (DLO510) at the line: the sheet dlo prints then names whom the
    source's names. A line naming several positions, a position named with two names (a dean
    of each school) or a name beside two titles (a blank sheet's filler) gives none."""
    proposed = {entry["id"]: entry for entry in entries if not entry.get("holder")}
    rows = agreed.named_officials(signed)
    signing: dict[str, set[str]] = {}  # each name's titles: one person holds one position
    for title, name, _ in rows:
        signing.setdefault(name, set()).add(title.lower())
    names: dict[str, set[tuple[str, int]]] = {}
    for title, name, where in rows:
        named = _named(title, positions, expansions, lang)
        if len(named) == 1 and named[0] in proposed and len(signing[name]) == 1:
            names.setdefault(named[0], set()).add((name, where))
    for position_id, given in names.items():
        if len({name for name, _ in given}) != 1:
            continue
        name, where = min(given, key=lambda x: x[1])
        proposed[position_id]["holder"] = {lang: name}
        fields = {"name": name, "title": proposed[position_id]["title"][lang], "id": position_id}
        said = (
            Msg(
                "the source's agreement sheet names {name} as {title}: proposed as the holder of "
                "position {id}",
                **fields,
            )
            if signed.what == "sheet"
            else Msg(
                "the source's agreement block names {name} as {title}: proposed as the holder of "
                "position {id}",
                **fields,
            )
        )
        hint = Msg("confirm the holder in the registry (the source may be older than the text)")
        report.confirm(where, said, hint)
