"""The organisation a source names, with its legal form: "Акционерное общество «Университет …»",
"«…» коммуналдық мемлекеттік мекемесі".

A state body's regulation states its legal name in a clause of its own ("Мемлекеттік органның
толық атауы – «…» коммуналдық мемлекеттік мекемесі", "Полное наименование государственного
органа - Коммунальное государственное учреждение "…""): that name is the organisation's, whatever
an earlier clause calls it (a word left out, «… автомобиль жолдары» for «… автомобиль жолдары
басқармасы»), and where the two differ, that is said. Without such a clause, the first
organisation the body (else the title block) names is the organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..i18n import Msg
from .report import Report
from .tree import Node, Tree, all_items, clauses

_RU_FORMS = (
    r"(?:некоммерческое\s+)?акционерное\s+общество|коммунальное\s+государственное\s+"
    r"(?:учреждение|предприятие)|республиканское\s+государственное\s+(?:учреждение|предприятие)|"
    r"государственное\s+учреждение|товарищество\s+с\s+ограниченной\s+ответственностью|"
    r"НАО|АО|КГУ|ГУ|ТОО|РГП"
)
_KK_FORMS = (
    r"(?:коммерциялық\s+емес\s+)?акционерлік\s+қоғамы|коммуналдық\s+мемлекеттік\s+"
    r"(?:мекемесі|кәсіпорны)|мемлекеттік\s+мекемесі|жауапкершілігі\s+шектеулі\s+серіктестігі|"
    r"КеАҚ|КЕАҚ|АҚ|ЖШС|КММ"
)
_QUOTED = r"«(?P<q>[^«»]{3,200})»"
_ORG_BEFORE = re.compile(rf"(?P<form>{_RU_FORMS})\s*{_QUOTED}", re.IGNORECASE)
_ORG_AFTER = re.compile(rf"{_QUOTED}\s*(?P<form>{_KK_FORMS}|{_RU_FORMS})(?!\w)", re.IGNORECASE)
# "the full name [of the state body] – …": the words between say whose (not a founder's or a
# superior body's, which such a regulation names too)
_FULL_NAME = re.compile(
    r"(?:полное\s+(?:официальное\s+)?наименование|толық\s+(?:ресми\s+)?атауы)"
    r"(?P<whose>(?:\s+[\w-]+){0,4}?)\s*[–—:-]\s*(?P<name>.+)",
    re.IGNORECASE,
)
_NOT_ITS_OWN = re.compile(r"учредител|вышестоящ|уполномоченн|құрылтайшы|жоғары|уәкілетті", re.I)
_NEARLY = 0.8  # a word or two apart: the same organisation, not one it names beside itself
_STRAIGHT = re.compile(r"[\"“„]([^\"“”„«»]{3,200})[\"”“]")


@dataclass(frozen=True)
class Organisation:
    name: str  # as the text gives it, legal form included
    quoted: str  # the name in quotes


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _named(text: str, at_start: bool = False) -> Organisation | None:
    for pattern in (_ORG_BEFORE, _ORG_AFTER):
        m = pattern.match(text) if at_start else pattern.search(text)
        if m:
            return Organisation(" ".join(m.group(0).split()), m["q"].strip())
    return None


def _texts(tree: Tree, items: bool = False) -> list[tuple[Node | None, str]]:
    """The clauses' texts (and their items', with ``items``), each with its clause, then the
    title block's lines."""
    texts: list[tuple[Node | None, str]] = []
    for _, clause in clauses(tree.chapters):
        texts.append((clause, clause.text))
        texts += [(clause, item.text) for item in all_items(clause.items)] if items else []
    return texts + [(None, line.text) for line in tree.preamble]


def _full_name(text: str) -> Organisation | None:
    """The organisation a statement of its full name gives, its quotes made «…»."""
    m = _FULL_NAME.search(text)
    if m is None or _NOT_ITS_OWN.search(m["whose"]):
        return None
    return _named(_STRAIGHT.sub(r"«\1»", m["name"].strip()), at_start=True)


def named_organisation(tree: Tree) -> Organisation | None:
    """The organisation whose full name the body states, else the first the body (else the
    title block) names with its legal form."""
    stated = next((org for _, text in _texts(tree, items=True) if (org := _full_name(text))), None)
    return stated or next((org for _, text in _texts(tree) if (org := _named(text))), None)


def say_named_otherwise(tree: Tree, org: Organisation, report: Report) -> None:
    """Where the first clause naming the organisation names it otherwise than the full name its
    text states (``org``) — nearly the same name, not another organisation's —: said there,
    naming both."""
    stating = next((c for c, text in _texts(tree, items=True) if c and _full_name(text)), None)
    first = next(((c, o) for c, text in _texts(tree) if c and (o := _named(text))), None)
    if stating is None or first is None:
        return
    clause, other = first
    said, full = _norm(other.quoted), _norm(org.quoted)
    if said == full or SequenceMatcher(None, said, full).ratio() < _NEARLY:
        return
    numbers = tree.clause_numbers()
    report.confirm(
        clause.where,
        Msg(
            "clause {numbers} names the organisation {other}, clause {full} gives its full name "
            "{name}: the registry takes the full name",
            numbers=tree.shown(numbers, clause),
            other=other.name,
            full=tree.shown(numbers, stating),
            name=org.name,
        ),
        Msg("check the organisation's name; correct the clause that names it otherwise"),
    )
