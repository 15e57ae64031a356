"""A position a clause names in the plural, a group of officials ("Директорами (Деканами) Высших
школ", "деканами факультетов", "бөлім бастықтарымен"), that the source's agreement sheet or block
signs row by row, one official of the group on each ("Директор (Декан) ВШ Права", "Директор
(Декан) ВШ Экономики и права", …): each row is someone who signs, so each becomes a position of
its own, an approver where the clause names the group, in the sheet's order; the import says so
(DLO510, quoting the clause and the rows). A group with no such rows stays one position.

A row is the group's when it has the group's words, each a prefix in any case (Kazakh plurals
made singular: "бастықтарымен" finds "бастығы"), as written or with the abbreviations the text
defines written out (signed_check), and words of its own besides (its specifier: "Права").

The members' positions share one mention, the clause's words for the group as written
("директорами высших школ"): the clause stating the approvers names each of them (DLO101), a
clause naming one of them in the singular ("Директору (Декану) Высшей школы": which school's?)
none; a mention several positions share names none of them on a sheet's row.

- ``plural(word, lang)``: whether a position's head word, as a clause writes it, is plural;
- ``in_text(text, lang) -> [said]``: the groups an agreement clause names in the plural;
- ``find(said, signed, expansions, lang) -> Group | None``: its members on the sheet;
- ``unknown(text, signed, registry, expansions, lang) -> [Group]``: those of the groups ``text``
  names that the registry knows neither as one position nor by their rows;
- ``names(group, mention)``: whether an unknown official the clause names is the group;
- ``one_of(group, text)``: whether ``text`` names one of the group (in the singular too);
- ``mention(group)``: the members' shared mention;
- ``say(group, ids, signed, numbers, added, report)``: the DLO510.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import Msg
from ..mentions import contains, words
from ..model import Registry
from . import agreed, signed_check
from .agreed import Signed
from .facts import named_in_order
from .officials import HOLDERS, prefix
from .report import Report

# the instrumental plural of a position's head word: "Директорами", "руководителями";
# "бастықтарымен", "директорларымен", "басшыларымен"
_PLURAL_RU = re.compile(r"\w{3,}(?:ами|ями)[.,;:]?$", re.I)
_PLURAL_KK = re.compile(r"\w{3,}(?:лар|лер|дар|дер|тар|тер)[ыі]?(?:мен|бен|пен)[.,;:]?$", re.I)
_HEADS = (*HOLDERS, "бастық")  # "бастықтары": the Kazakh head's plural keeps its "қ"
# a Kazakh word's case ending and plural, taken off to find the singular the sheet writes
_CASE_KK = re.compile(r"(?:мен|бен|пен|ның|нің|дың|дің|тың|тің)$")
_PLURAL_SUFFIX_KK = re.compile(r"(?:лар|лер|дар|дер|тар|тер)[ыі]?$")
_PIECES = re.compile(r"[,;:]|\s+(?:және|мен|и|а\s+также)\s+", re.I)
_TOKENS = re.compile(r"\([^()]*\)|[^\s()]+")  # a parenthesised part is one token
_NOT_SAID = re.compile(r"^(?:согласов|утвержда|келісі|бекіт)", re.I)  # the verb after the names


@dataclass(frozen=True)
class Group:
    """A group a clause names and the sheet's rows for its members."""

    said: str  # the clause's words for it, as written: "Директорами (Деканами) Высших школ"
    rows: list[str]  # the titles of its members' rows, in the sheet's order
    lang: str


def plural(word: str, lang: str) -> bool:
    """Whether ``word``, a position's head word in the instrumental, is plural; only a word a
    position's title is made with ("директорами", not "подразделениями")."""
    pattern = _PLURAL_KK if lang == "kk" else _PLURAL_RU
    return bool(pattern.match(word)) and word.lower().startswith(_HEADS)


def in_text(text: str, lang: str) -> list[str]:
    """The groups ``text`` names in the plural: each the words from the head word to its piece's
    end (Russian: "деканами факультетов"), or from the piece's start to it (Kazakh: "… бөлім
    бастықтарымен"); ``find`` keeps as many of them as the sheet's rows have."""
    found = []
    for piece in _PIECES.split(text):
        tokens = _TOKENS.findall(piece.strip(" .;:"))
        if lang == "kk":
            tokens = [t for t in tokens if not _NOT_SAID.match(t)]
        head = next((k for k, t in enumerate(tokens) if plural(t, lang)), None)
        if head is None:
            continue
        if lang == "kk":
            found.append(" ".join(tokens[: head + 1]))
        else:
            found.append(" ".join(t for t in tokens[head:] if not _NOT_SAID.match(t)))
    return found


def _singular(word: str, lang: str) -> str:
    """A Kazakh word without its case ending and plural: "бастықтарымен" → "бастық"."""
    if lang != "kk":
        return word
    bare = _CASE_KK.sub("", word)
    single = _PLURAL_SUFFIX_KK.sub("", bare)
    return single if len(single) >= 3 else bare


def _spans(said: str, lang: str) -> list[str]:
    """``said`` and the shorter runs of its words that keep the head word (the first in Russian,
    the last in Kazakh), longest first, of two words at least where it has two."""
    tokens = _TOKENS.findall(said.strip(" .,;:"))
    least = min(2, len(words(said)))
    if lang == "kk":
        runs = [tokens[k:] for k in range(len(tokens))]
    else:
        runs = [tokens[: len(tokens) - k] for k in range(len(tokens))]
    return [" ".join(run) for run in runs if run and len(words(" ".join(run))) >= least]


def find(said: str, signed: Signed | None, expansions: dict[str, str], lang: str) -> Group | None:
    """The group ``said`` names with its members' rows on ``signed``: the rows that have its
    words and a specifier of their own, two or more different ones; None where it has fewer."""
    if signed is None:
        return None
    officials = agreed.officials(signed)
    for run in _spans(said, lang):
        want = [_singular(w, lang) for w in words(run)]
        rows: dict[str, str] = {}
        for title in officials:
            if signed_check.covers(title, want, expansions):
                rows.setdefault(" ".join(words(title)), title)
        if len(rows) >= 2:
            return Group(run.strip(" .,;:"), list(rows.values()), lang)
    return None


def unknown(
    text: str, signed: Signed | None, registry: Registry, expansions: dict[str, str], lang: str
) -> list[Group]:
    """The groups ``text`` names in the plural that name no position of ``registry``, with
    their members' rows on ``signed``, none of which names one either."""
    found = []
    for said in in_text(text, lang):
        group = (
            None
            if named_in_order(said, registry, lang)[0]
            else find(said, signed, expansions, lang)
        )
        if group is not None and not any(named_in_order(r, registry, lang)[0] for r in group.rows):
            found.append(group)
    return found


def names(group: Group, mention: str) -> bool:
    """Whether ``mention`` (an official the clause names that the registry does not know) is
    the group's: "бөлім бастықтар" of "бөлім бастықтарымен"."""
    return contains(words(group.said), mention)


def one_of(group: Group, text: str) -> bool:
    """Whether ``text`` names one of the group, in the singular too ("Директору (Декану) Высшей
    школы" of "Директорами (Деканами) Высших школ")."""
    want = [prefix(_singular(w, group.lang)) for w in words(group.said)]
    return contains(words(text), " ".join(want))


def mention(group: Group) -> str:
    """The mention the group's members share: the clause's words for it ("директорами высших
    школ"), a prefix of those words only (not of "Директору Высшей школы")."""
    return " ".join(words(group.said))


def say(
    group: Group, ids: list[str], signed: Signed, numbers: str, added: bool, report: Report
) -> None:
    """The group proposed as a position for each of its rows, said at the sheet's line;
    ``added``: the positions are written to the registry (``--update-registry``)."""
    fields = {
        "numbers": numbers,
        "said": group.said,
        "rows": "; ".join(group.rows),
        "ids": ", ".join(ids),
    }
    if signed.what == "sheet":
        said = Msg(
            "clause {numbers} names a group, «{said}», whose members sign the source's agreement "
            "sheet on rows of their own ({rows}): proposed as a position each ({ids}), approvers "
            "in the sheet's order",
            **fields,
        )
    else:
        said = Msg(
            "clause {numbers} names a group, «{said}», whose members sign the source's agreement "
            "block on lines of their own ({rows}): proposed as a position each ({ids}), approvers "
            "in the block's order",
            **fields,
        )
    if added:
        hint = Msg(
            "confirm them and their order (the route is sequential); give each a unit and "
            "reports_to in the registry"
        )
    else:
        hint = Msg(
            "confirm them and their order (the route is sequential); give each a unit and "
            "reports_to in the registry, or import with --update-registry"
        )
    report.confirm(signed.where, said, hint)
