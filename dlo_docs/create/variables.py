"""The facts a template's texts name (``$position``, ``$approval_by_genitive`` …), filled from
the registry in one language.

A fact is written as a sentence writes it inside (``grammar.in_sentence``: "начальник отдела …",
"қашықтықтан оқыту бөлімінің бастығы"; a title the organisation capitalises as it stands); a
text starting with one starts with a capital (``_Filler``). A genitive is the registry's
``title_genitive``, else the title declined by ``grammar``; an instrumental is the title declined.
A form the rules cannot make is left to write, ``[[… в родительном падеже]]`` (``dlo check``:
DLO114), and a title needing it cannot be made (``--title``).

A list of positions (``$approvers``, ``$initiators``) is their titles joined by "; ", in each case
(``$approvers_instrumental``: "проректором …; начальником …"); ``$approvers_with`` is the one the
clause for a single position writes: "с проректором …" ("со специалистом …"), "… проректормен".
"""

from __future__ import annotations

import re

from ..model import Registry
from . import grammar
from .lists import code_in

# a form the rules cannot make, to write by hand: the title and what to make of it
_TO_DECLINE = {
    "genitive": {"kk": "[[{title}: ілік септігінде]]", "ru": "[[{title}: в родительном падеже]]"},
    "instrumental": {
        "kk": "[[{title}: көмектес септігінде]]",
        "ru": "[[{title}: в творительном падеже]]",
    },
}
_DECLINE = {
    ("genitive", "kk"): grammar.kk_genitive,
    ("genitive", "ru"): grammar.ru_genitive,
    ("instrumental", "kk"): grammar.kk_instrumental,
    ("instrumental", "ru"): grammar.ru_instrumental,
}
CASES = ("genitive", "instrumental")


def _declined(registry: Registry, pid: str, lang: str, case: str) -> str:
    position = registry.position(pid)
    title = position.title.get(lang, pid)
    given = (position.title_genitive or {}).get(lang) if case == "genitive" else None
    if given:
        return grammar.in_sentence(given)
    made = _DECLINE.get((case, lang), _DECLINE[(case, "ru")])(title)
    if made is None:
        hint = _TO_DECLINE[case]
        return hint.get(lang, hint["ru"]).format(title=grammar.in_sentence(title))
    return grammar.like(title, made)


# the unit's word when the rules cannot find it in its name, by case (``grammar.unit_word``)
_UNIT_WORD_TO_WRITE = {
    "kk": {
        "": "[[қысқаша атауы: мысалы, Бөлім]]",
        "genitive": "[[қысқаша атауы ілік септігінде: мысалы, Бөлімнің]]",
        "accusative": "[[қысқаша атауы табыс септігінде: мысалы, Бөлімді]]",
    },
    "ru": {
        "": "[[краткое наименование: например, Отдел]]",
        "genitive": "[[краткое наименование в родительном падеже: например, Отдела]]",
        "accusative": "[[краткое наименование в винительном падеже: например, Отдел]]",
    },
}


def _unit(registry: Registry, unit: str, head: str | None, lang: str) -> dict[str, str]:
    """The unit's facts: its name (``unit``; after "Положение", ``unit_prepositional``: "об
    отделе …"; ``unit_genitive``), the word its regulation calls it by once named
    (``unit_short``: "Отдел", "Бөлім"; ``unit_short_genitive``, ``unit_short_accusative``), and
    its head's title by that word (``head_short``: "начальник Отдела", "Бөлім бастығы"; the title
    as it is when it does not name the unit)."""
    name = registry.unit(unit).name.get(lang, unit)
    made = (grammar.kk_genitive if lang == "kk" else grammar.ru_genitive)(name)
    hint = _TO_DECLINE["genitive"].get(lang, _TO_DECLINE["genitive"]["ru"])
    genitive = grammar.like(name, made) if made else hint.format(title=grammar.in_sentence(name))
    about = (grammar.ru_about(name) or "") if lang == "ru" else grammar.in_sentence(name)
    word = grammar.unit_word(name, lang) or _UNIT_WORD_TO_WRITE.get(lang, _UNIT_WORD_TO_WRITE["ru"])
    values = {"unit": grammar.in_sentence(name), "unit_prepositional": about}
    values |= {"unit_genitive": genitive, "unit_short": word[""]}
    values |= {f"unit_short_{case}": form for case, form in word.items() if case}
    title = grammar.in_sentence(registry.position(head).title.get(lang, head)) if head else ""
    at = title.lower().find(genitive.lower()) if made else -1
    by = word["genitive"] if lang == "ru" else word[""]  # "начальник Отдела", "Бөлім бастығы"
    short = title[:at] + by + title[at + len(genitive) :] if at >= 0 else title
    return values | {"head_short": short}


def _with(registry: Registry, ids: list[str], lang: str) -> str:
    """The positions after "with": "с проректором …", "… проректормен" (the suffix says it)."""
    joined = "; ".join(_declined(registry, pid, lang, "instrumental") for pid in ids)
    if lang != "ru" or not ids:
        return joined
    return f"{grammar.ru_with(registry.position(ids[0]).title.get(lang, ids[0]))} {joined}"


def variables(
    registry: Registry,
    facts: dict[str, str | None],
    lists: dict[str, list[str]],
    unit: str,
    lang: str,
) -> dict[str, str]:
    """The facts in ``lang``: ``facts`` names a position for each of ``position``, ``head``,
    ``supervisor``, ``approval_by`` … (or None), ``lists`` the positions of ``approvers`` and
    ``initiators``; each position's title and its genitive (``position_genitive``), each list in
    every case of ``CASES`` and after "with" (``_with``), the unit's facts (``_unit``), the code
    of each registry document (``cite_<id>``)."""

    def title(pid: str | None) -> str:
        return grammar.in_sentence(registry.position(pid).title.get(lang, pid)) if pid else ""

    values = {name: title(pid) for name, pid in facts.items()}
    values |= {name: "; ".join(map(title, ids)) for name, ids in lists.items()}
    for name, pid in facts.items():
        values[f"{name}_genitive"] = _declined(registry, pid, lang, "genitive") if pid else ""
    for name, ids in lists.items():
        for case in CASES:
            values[f"{name}_{case}"] = "; ".join(_declined(registry, p, lang, case) for p in ids)
        values[f"{name}_with"] = _with(registry, ids, lang)
    values |= _unit(registry, unit, facts.get("head"), lang)
    return values | {
        "cite_" + re.sub(r"[^a-z0-9]", "_", d.id): code_in(registry, d.code, lang)
        for d in registry.normative_documents
        if d.code
    }
