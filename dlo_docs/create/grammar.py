"""The few case forms a new regulation's title needs, made from registry names.

A job instruction is titled by its position in the genitive ("… бастығының лауазымдық
нұсқаулығы", "Должностная инструкция начальника …"); a unit regulation by its unit in the Russian
prepositional ("Положение об отделе …"). Only the word that changes is declined: the last word in
Kazakh (the head of the phrase), the first words up to the first noun in Russian. A form these
rules cannot make returns ``None`` and the caller asks for the title instead of guessing.
"""

from __future__ import annotations

import re

_BACK, _FRONT = set("аоұыяё"), set("әеөүіэ")
_KK_SONORANT = set("лрйуwжз")
_KK_NASAL = set("мнң")
_KK_VOICELESS = set("пткқсшфхцчщбвгдғ")


def _kk_front(word: str) -> bool | None:
    for ch in reversed(word.lower()):
        if ch in _BACK:
            return False
        if ch in _FRONT:
            return True
    return None


def kk_genitive(phrase: str) -> str | None:
    """``phrase`` with its last word in the genitive (-ның/-нің, -дың/-дің, -тың/-тің)."""
    head, _, last = phrase.rpartition(" ")
    if not re.fullmatch(r"[^\W\d_]+", last):
        return None
    front = _kk_front(last)
    if front is None:
        return None
    end = last[-1].lower()
    vowel = "і" if front else "ы"
    if end in _BACK | _FRONT | _KK_NASAL | set("иу"):
        suffix = "н" + vowel + "ң"
    elif end in _KK_SONORANT:
        suffix = "д" + vowel + "ң"
    elif end in _KK_VOICELESS:
        suffix = "т" + vowel + "ң"
    else:
        return None
    return f"{head} {last}{suffix}".strip()


_RU_ADJ_GEN = (("ый", "ого"), ("ой", "ого"), ("ий", "его"))
_RU_ADJ_PREP = (("ый", "ом"), ("ой", "ом"), ("ий", "ем"), ("ая", "ой"), ("ое", "ом"), ("ее", "ем"))
_VELAR = set("гкх")


def _ru_decline(phrase: str, adjective_endings, noun) -> str | None:
    words = phrase.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower() if index == 0 else word
        if not re.fullmatch(r"[А-Яа-яЁё]+", lower):
            return None
        if lower.endswith(("ющий", "ящий")):  # заведующий, управляющий: a participle as a noun
            declined = noun(lower)
            return None if declined is None else " ".join([*out, declined, *words[index + 1 :]])
        for end, new in adjective_endings:
            if lower.endswith(end):
                if end == "ий" and new == "его" and lower[-3] in _VELAR:
                    new = "ого"  # строгий → строгого
                out.append(lower[: -len(end)] + new)
                break
        else:
            declined = noun(lower)
            if declined is None:
                return None
            return " ".join([*out, declined, *words[index + 1 :]])
    return None


def _ru_noun_genitive(word: str) -> str | None:
    if word[-1] in "бвгджзклмнпрстфхцчшщ":
        return word + "а"
    if word.endswith("ь"):
        return word[:-1] + "я"
    if word.endswith("ий"):  # заведующий, управляющий
        return word[:-2] + "его"
    return None


def ru_genitive(phrase: str) -> str | None:
    """ "Начальник отдела …" → "начальника отдела …"; "Главный специалист" → "главного специалиста"."""
    return _ru_decline(phrase, _RU_ADJ_GEN, _ru_noun_genitive) if phrase else None


def _ru_noun_prepositional(word: str) -> str | None:
    if word.endswith("ий"):
        return word[:-2] + "ем"
    if word.endswith(("ия", "ие")):
        return word[:-1] + "и"
    if word.endswith(("а", "я")):
        return word[:-1] + "е"
    if word[-1] in "бвгджзклмнпрстфхцчшщ":
        return word + "е"
    return None


def ru_about(phrase: str) -> str | None:
    """ "Отдел дистанционного обучения" → "об отделе дистанционного обучения"."""
    declined = _ru_decline(phrase, _RU_ADJ_PREP, _ru_noun_prepositional) if phrase else None
    if declined is None:
        return None
    return ("об " if declined[0] in "аоуэиы" else "о ") + declined
