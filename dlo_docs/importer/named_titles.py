"""The officials a clause names as agreeing or approving the document, as titles in the
nominative, for the positions an import of another organisation's regulation proposes
(``foreign``).

Russian names them after the verb, in the instrumental ("согласовывается с: Провостом;
Директорами (Деканами) Высших школ; …", "… с директором, главным бухгалтером и начальником
отдела кадров"), a piece of a list each ("Провост", "Директор (Декан) Высших школ", "Главный
бухгалтер"), and who approves it by his title there or whose order ("утверждается
Председателем Правления", "утверждается приказом главного бухгалтера"). Kazakh names the
officials before the verb, the document first: "Осы лауазымдық нұсқаулық директормен, заң бөлімінің басшысымен және кадр бөлімінің басшысымен келісіледі", "… бас
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
# a list's pieces: at a semicolon or a line's end, a comma before a capital (the items of
# "согласовывается с: Провостом, Директорами …"), and a comma or "и" before an official in the
# instrumental ("с директором, начальником юридического отдела и главным бухгалтером"; not "…
# правового обеспечения и государственных закупок")
_PIECES_RU = re.compile(
    r"[;\n]|,\s+(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])"
    r"|(?:,|\s+и)\s+(?=(?:[А-ЯЁа-яё-]+(?:ым|им)\s+)*[А-ЯЁа-яё-]+(?:ом|ем|ём|ами|ями)\b)"
)
# an adjective in the instrumental before the head word: "главным", "ведущим", "первым"
_ADJECTIVE_RU = re.compile(r"^([А-ЯЁа-яё-]{3,})(ым|им)$")


def _adjective(m: re.Match[str]) -> str:
    """An adjective's nominative: "главным" → "главный", "ведущим" → "ведущий"."""
    return m.group(1) + ("ый" if m.group(2) == "ым" else "ий")


def _titles_in(text: str, lang: str) -> list[tuple[str, str]]:
    """Positions named in the instrumental case, each piece of a list on its own: (its title,
    the words naming it as written where they are plural, a group: ``groups``; else "")."""
    if lang == "kk":
        return [
            (title, said if groups.plural(said.split()[-1], lang) else "")
            for title, said in listed(text)
        ]
    found = []
    for piece in _PIECES_RU.split(text):
        ws = piece.strip(" .;:").split()
        for k, w in enumerate(ws):
            if _INSTR_RU.match(w) and w.lower() not in ("согласованием", "приказом", "образом"):
                j = k
                while j > 0 and _ADJECTIVE_RU.match(ws[j - 1]):
                    j -= 1
                before = [_ADJECTIVE_RU.sub(_adjective, a) for a in ws[j:k]]
                tail = [_in_parens(t) for t in ws[k + 1 :]]
                title = " ".join([*before, nominative(w), *tail]).strip(" .,;:")
                said = " ".join(ws[k:])
                found.append(
                    (title[:1].upper() + title[1:], said if groups.plural(w, lang) else "")
                )
                break
    return found


# whose order approves it: "приказом директора", "приказом главного врача", "приказом
# Председателя Правления MNU" (the title's words to a preposition, a conjunction, a number, an
# abbreviation or a quoted name: "приказом директора ТОО «…» от …")
_BY_ORDER_RU = re.compile(r"\bприказом\s+(.*)", re.I)
_ADJECTIVE_GENITIVE_RU = re.compile(r"^([А-ЯЁа-яё-]{3,})(ого|его)$")
_NOT_TITLE_RU = frozenset({"после", "от", "по", "и", "или", "с", "со", "на", "в", "№"})
_ACTING_RU = frozenset({"и.", "о.", "и.о.", "исполняющего", "обязанности", "врио"})


def _nominative_genitive_ru(word: str) -> str | None:
    """A Russian word of a title from the genitive: "главного" → "главный", "заведующего" →
    "заведующий", "председателя" → "председатель", "директора" → "директор"; None for another."""
    adjective = _ADJECTIVE_GENITIVE_RU.match(word)
    if adjective:
        return adjective.group(1) + ("ый" if adjective.group(2) == "ого" else "ий")
    if word.endswith(("а", "я")) and len(word) > 3:
        return word[:-1] + ("ь" if word.endswith("я") else "")
    return None


def _whose_order_ru(text: str) -> str | None:
    """The official whose order ``text`` says approves it, in the nominative: "приказом главного
    бухгалтера" → "Главный бухгалтер"; None where no official's title follows "приказом"."""
    m = _BY_ORDER_RU.search(text)
    ws = [w for w in (m.group(1).split() if m else []) if w.lower() not in _ACTING_RU]
    k = 0
    while k < len(ws) and _ADJECTIVE_GENITIVE_RU.match(ws[k]):
        k += 1
    if k == len(ws) or not ws[k].rstrip(".,;:").endswith(("а", "я")):
        k -= 1  # the last adjective is the head: "заведующего кафедрой"
    if k < 0:
        return None
    head = ws[k].rstrip(".,;:")
    said = [_nominative_genitive_ru(w) for w in [*ws[:k], head]]
    if not any(_holder(w) for w in ws[: k + 1]) or None in said:
        return None
    if ws[k] == head:  # (a title's words after the head, to the punctuation)
        for w in ws[k + 1 :]:
            word = w.rstrip(".,;:")
            if w.lower() in _NOT_TITLE_RU or word.isupper() or not word.isalpha():
                break
            said.append(word)
            if word != w:
                break
    title = " ".join(w for w in said if w)
    return title[:1].upper() + title[1:]


def _holder(word: str) -> bool:
    return word.lower().startswith(HOLDERS)


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
        text = approval_part(clause.text)  # not whom it is agreed with
        m = re.search(r"(?:утверждается|утверждаются)\s+(.*)", text, re.I)
        found = _titles_in(m.group(1) if m else text, lang)[:1]
        by_order = _whose_order_ru(text)
        return found or ([(by_order, "")] if by_order else [])
    pieces = [item.text for item in all_items(clause.items)]
    if not pieces:
        tail = re.split(r"\s+с:?\s+|:\s*", agreement_part(clause.text), maxsplit=1)
        pieces = [tail[-1]]
    return [t for p in pieces for t in _titles_in(p, lang)]
