"""The few case forms a new regulation's texts need, made from registry names.

A job instruction is titled by its position in the genitive ("… бастығының лауазымдық
нұсқаулығы", "Должностная инструкция начальника …"); a unit regulation by its unit in the Russian
prepositional ("Положение об отделе …"); its texts name officials in the genitive ("приказом
Председателя Правления – Ректора", "… бұйрығымен"). Only the word that changes is declined: the
last word in Kazakh (the head of the phrase), the first words up to the first noun in Russian. A
form these rules cannot make returns ``None`` and the caller asks for it instead of guessing.
Inside a sentence a title is written as a common noun ("начальник отдела …", ``in_sentence``).
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


def _kk_suffixed(word: str) -> str | None:
    """``word`` with the genitive suffix its last sound and vowel harmony call for."""
    if not re.fullmatch(r"[^\W\d_]+", word):
        return None
    front = _kk_front(word)
    if front is None:
        return None
    end = word[-1].lower()
    vowel = "і" if front else "ы"
    if end in _BACK | _FRONT | _KK_NASAL | set("иу"):
        return word + "н" + vowel + "ң"
    if end in _KK_SONORANT:
        return word + "д" + vowel + "ң"
    if end in _KK_VOICELESS:
        return word + "т" + vowel + "ң"
    return None


def _kk_possessive(word: str) -> bool:
    """Whether ``word`` ends in the 3rd-person possessive -ы/-і/-сы/-сі of its own harmony."""
    if len(word) < 3 or word[-1].lower() not in "ыі":
        return False
    return _kk_front(word[:-1]) == (word[-1].lower() == "і")


def _kk_bare(word: str) -> str:
    """``word`` without its genitive suffix when it has one ("бөлімінің" → "бөлімі"), else as is."""
    stem = word[:-3]
    return stem if len(stem) > 1 and _kk_suffixed(stem) == word else word


def kk_genitive(phrase: str) -> str | None:
    """``phrase`` with its last word in the genitive (-ның/-нің, -дың/-дің, -тың/-тің).

    In a Kazakh noun chain only the last possessor takes the genitive: when the phrase already ends
    in one ("бөлімінің бастығы"), that inner genitive turns bare ("бөлімі бастығының").
    """
    words = phrase.split(" ")
    genitive = _kk_suffixed(words[-1])
    if genitive is None:
        return None
    if len(words) > 1 and _kk_possessive(words[-1]):
        words[-2] = _kk_bare(words[-2])
    return " ".join([*words[:-1], genitive])


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


_LETTERS = re.compile(r"[^\W\d_]+")


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def in_sentence(phrase: str) -> str:
    """``phrase``, a registry's title or name written to head a form ("Начальник отдела …"), as a
    sentence writes it inside: its first letter in lower case ("приказ подписывает начальник
    отдела …"), unless it is a title the organisation capitalises, another word of it
    capitalised too ("Председатель Правления – Ректор", "Басқарма Төрағасы"), or its first word
    is an abbreviation ("ҮББИ директоры")."""
    words = _LETTERS.findall(phrase)
    if not words or not _capitalised(words[0]) or any(map(_capitalised, words[1:])):
        return phrase
    at = phrase.index(words[0])
    return phrase[:at] + phrase[at].lower() + phrase[at + 1 :]


def like(phrase: str, form: str) -> str:
    """``form``, a case form of ``phrase``, with the first letter ``in_sentence(phrase)`` has."""
    first = in_sentence(phrase)[:1]
    if not form or not first.isalpha():
        return form
    return (form[0].upper() if first.isupper() else form[0].lower()) + form[1:]
