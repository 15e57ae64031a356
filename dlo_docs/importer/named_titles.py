"""The officials a clause names as agreeing or approving the document, as titles in the
nominative, for the positions an import of another organisation's regulation proposes
(``foreign``).

Russian names them after the verb, in the instrumental ("согласовывается с: Провостом;
Директорами (Деканами) Высших школ; …"), a piece of a list each ("Провост", "Директор (Декан)
Высших школ"). Kazakh names the officials before the verb, the document first: "Осы лауазымдық нұсқаулық
директормен, заң бөлімінің басшысымен және кадр бөлімінің басшысымен келісіледі", "… бас
бухгалтермен келісім бойынша …", "Осы Ереже «…» ЖШС директорының бұйрығымен бекітіледі". The
document's name leading the sentence ("Осы лауазымдық нұсқаулық", "Осы Ереже", "Нұсқаулық") and
the verb ending it are no title's; the list is split at commas and at "және", "мен/бен/пен",
"немесе" where they join names (the piece before ends in the instrumental or with a position's
word: not "Қаржы және экономика бөлімінің басшысымен"); each item's instrumental or genitive
ending is taken off ("басшысымен" → "басшысы", "директордың" → "директор"), and a head named
without its possessor (none, or the organisation's name, dropped) without its possessive too
("«…» ЖШС директорының" → "директор", "бас бухгалтері" → "бас бухгалтер").

- ``stated(clause, lang, approval=False) -> [(title, said)]``: the officials the clause stating
  the agreement names (its items each, else the part of it saying who agrees), or the one the
  clause stating the approval names; ``said``: the words naming a group in the plural, as
  written ("Директорами (Деканами) Высших школ", "бөлім бастықтарымен": ``groups``), else "";
- ``nominative(word)``: a Russian head word from the instrumental ("Провостом" → "Провост");
- ``listed(text) -> [(title, said)]``: the officials an agreement names, in order; ``said``: the
  item's words as written ("бөлім бастықтарымен", a group: ``groups``).
- ``approving(text) -> title | None``: the official who approves: whose order ("директордың
  бұйрығымен бекітіледі"), else the one the approval names ("Басқарма Төрағасымен бекітіледі").
"""

from __future__ import annotations

import re

from ..mentions import agreement_part, approval_part
from . import groups
from .officials import HOLDERS
from .tree import Node, all_items

# the document naming itself as the sentence's subject or object
_LEAD = re.compile(
    r"^\s*(?:(?:осы|бұл)\s+)?(?:лауазымдық\s+)?(?:нұсқаулық\w*|ереже\w*|лн\w*)\s+", re.I
)
_VERB = re.compile(r"^(?:келіс|бекіт|визала)", re.I)  # the agreement's or approval's word
_TOKEN = re.compile(r"[,;]|[^\s,;]+")
_JOINS = frozenset({"және", "мен", "бен", "пен", "немесе", ",", ";"})
_INSTRUMENTAL = re.compile(r"^(\w[\w-]{2,}?)(?:мен|бен|пен)$", re.I)
_GENITIVE = re.compile(r"^(\w[\w-]{2,}?)(?:ның|нің|дың|дің|тың|тің)$", re.I)
# instrumentals that name no official: "мыналармен" (with the following), "тәртіппен" (in the
# order …), "бұйрығымен" (by order)
_NOT_NAMES = ("мыналар", "төмендегілер", "тәртіп", "бұйры", "келісім", "шешім", "хаттама")
# words that end what goes before the official who approves: "… келісілгеннен кейін директордың
# бұйрығымен", "… ұсынысы бойынша"
_BEFORE = ("кейін", "соң", "бойынша", "негізінде", "сәйкес")
_ORDER = re.compile(r"^бұйры", re.I)
_DATE = re.compile(r"^(?:\d[\w./-]*|№|жылғы|\w+(?:дағы|дегі|тағы|тегі))$", re.I)
# the organisation's name before an official: its quoted name, then its form ("ЖШС", "КММ",
# "жауапкершілігі шектеулі серіктестігінің", "коммуналдық мемлекеттік мекемесінің")
_FORM_WORDS = (
    *("жауапкершіліг", "шектеулі", "серіктестіг", "коммуналдық", "мемлекеттік", "мекеме"),
    *("акционерлік", "қоғам", "коммерциялық", "емес", "кәсіпорн", "шаруашылық", "жүргізу"),
)
# words that may stand before a head named without its possessor: "бас бухгалтері"
_ATTRIBUTES = frozenset({"бас", "аға", "жетекші", "кіші", "ғылыми"})
_VOWELS = "аәеиоөуұүыіэюя"


def _tokens(text: str) -> list[str]:
    """The words (and separating commas) from the document's name to the verb."""
    tokens = _TOKEN.findall(_LEAD.sub("", text.strip()))
    end = next((k for k, t in enumerate(tokens) if _VERB.match(t)), len(tokens))
    return [w for t in tokens[:end] if (w := t.strip(".:"))]


def _ends_name(word: str) -> bool:
    """Whether a list's item may end at ``word``: an official's word or the instrumental."""
    return word.lower().startswith(HOLDERS) or bool(_INSTRUMENTAL.match(word))


def _items(tokens: list[str]) -> list[list[str]]:
    """``tokens`` split where a comma or a conjunction joins two names, and after a word in the
    instrumental ("белгіленген тәртіппен директормен")."""
    items: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        if current and _INSTRUMENTAL.match(current[-1]):
            items.append(current)
            current = []
        if token.lower() in _JOINS:
            if current and _ends_name(current[-1]):
                items.append(current)
                current = []
            elif current and token not in (",", ";"):
                current.append(token)  # inside a title: "Қаржы және экономика бөлімінің"
            continue
        current.append(token)
    return [*items, current] if current else items


def _without_organisation(item: list[str]) -> tuple[list[str], bool]:
    """``item`` without the organisation's name leading it, and whether it had one."""
    quoted = [k for k, t in enumerate(item) if "»" in t]
    if not quoted:
        return item, False
    k = quoted[-1] + 1
    while k < len(item) - 1 and (
        (item[k].isupper() and len(item[k]) <= 6) or item[k].lower().startswith(_FORM_WORDS)
    ):
        k += 1
    return (item[k:], True) if k < len(item) else (item, False)


def _without_possessive(word: str) -> str:
    """A head word without its possessive ending: "директоры" → "директор", "басшысы" →
    "басшы"; as it is where the ending is its own ("басшы", "хатшы") or the stem would change
    ("бастығы", not "бастық")."""
    low = word.lower()
    if len(low) > 4 and low.endswith(("сы", "сі")) and low[-3] in _VOWELS:
        return word[:-2]
    bare = low[:-1]
    if low[-1:] in ("ы", "і") and bare.startswith(HOLDERS) and bare[-1] not in "ғгб":
        return word[:-1]
    return word


def _title(item: list[str]) -> str:
    """The title an item names, in the nominative (its case ending and, with no possessor,
    its possessive taken off)."""
    item, had_organisation = _without_organisation(item)
    head = item[-1]
    case = _INSTRUMENTAL.match(head) or _GENITIVE.match(head)
    head = case.group(1) if case else head
    if (had_organisation or case) and all(w.lower() in _ATTRIBUTES for w in item[:-1]):
        head = _without_possessive(head)
    title = " ".join([*item[:-1], head])
    return title[:1].upper() + title[1:]


def _is_name(item: list[str]) -> bool:
    """Whether ``item`` names an official: a position's word, else the instrumental of a word
    that is no order's, list's or manner's ("мыналармен", "тәртіппен")."""
    head = item[-1].lower()
    if head.startswith(_NOT_NAMES):
        return False
    return head.startswith(HOLDERS) or bool(_INSTRUMENTAL.match(head))


def listed(text: str) -> list[tuple[str, str]]:
    """The officials an agreement ``text`` names: (title, the item's words as written)."""
    return [(_title(item), " ".join(item)) for item in _items(_tokens(text)) if _is_name(item)]


def approving(text: str) -> str | None:
    """The official who approves, as the approval ``text`` names him: whose order (the genitive
    before "бұйрығымен", a date between them aside), else the first official it names."""
    tokens = _tokens(text)
    order = next((k for k, t in enumerate(tokens) if _ORDER.match(t)), None)
    if order is not None:
        before = tokens[:order]
        while before and _DATE.match(before[-1]):
            before.pop()
        if before and _GENITIVE.match(before[-1]):
            start = max((k + 1 for k, t in enumerate(before) if t.lower() in _BEFORE), default=0)
            items = _items(before[start:])
            return _title(items[-1]) if items else None
    found = [_title(item) for item in _items(tokens) if _is_name(item)]
    return found[0] if found else None


# -- Russian -------------------------------------------------------------------------------------


def nominative(word: str) -> str:
    """A Russian position's head word from the instrumental case: "Провостом" → "Провост",
    "Руководителем" → "Руководитель"."""
    for ending, repl in (
        ("ителем", "итель"),
        ("телем", "тель"),
        ("ами", ""),
        ("ями", "ь"),
        ("ем", "ь"),
    ):
        if word.lower().endswith(ending) and len(word) > len(ending) + 2:
            return word[: len(word) - len(ending)] + repl
    if word.lower().endswith(("ом", "ём")) and len(word) > 4:
        return word[:-2]
    return word


_INSTR_RU = re.compile(r"^[А-ЯЁA-Zа-яё][а-яёa-z-]+(?:ом|ем|ём|ами|ями)$")


def _titles_in(text: str, lang: str) -> list[tuple[str, str]]:
    """Positions named in the instrumental case, each piece of a list on its own: (its title,
    the words naming it as written where they are plural, a group: ``groups``; else "")."""
    if lang == "kk":
        return [
            (title, said if groups.plural(said.split()[-1], lang) else "")
            for title, said in listed(text)
        ]
    found = []
    for piece in re.split(r"[;\n]|,\s+(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])", text):
        ws = piece.strip(" .;:").split()
        for k, w in enumerate(ws):
            if _INSTR_RU.match(w) and w.lower() not in ("согласованием", "приказом", "образом"):
                base = nominative(w)
                tail = [_in_parens(t) for t in ws[k + 1 :]]
                title = " ".join([base, *tail]).strip(" .,;:")
                said = " ".join(ws[k:])
                found.append(
                    (title[:1].upper() + title[1:], said if groups.plural(w, lang) else "")
                )
                break
    return found


def _in_parens(word: str) -> str:
    """ "(Деканами)" → "(Декан)": a synonym in parentheses takes the case of the title."""
    m = re.fullmatch(r"\((\w+)\)([.,;:]?)", word)
    return f"({nominative(m.group(1))}){m.group(2)}" if m else word


def stated(clause: Node | None, lang: str, approval: bool = False) -> list[tuple[str, str]]:
    """The officials ``clause`` names as agreeing the document (``approval``: the one it names
    as approving it, not those it says it is agreed with), as (title, said)."""
    if clause is None:
        return []
    if approval and lang == "kk":
        title = approving(approval_part(clause.text))
        return [(title, "")] if title else []
    if approval:
        m = re.search(r"(?:утверждается|утверждаются)\s+(.*)", clause.text, re.I)
        return _titles_in(m.group(1) if m else clause.text, lang)[:1]
    pieces = [item.text for item in all_items(clause.items)]
    if not pieces:
        tail = re.split(r"\s+с:?\s+|:\s*", agreement_part(clause.text), maxsplit=1)
        pieces = [tail[-1]]
    return [t for p in pieces for t in _titles_in(p, lang)]
