"""The few case forms a new regulation's texts need, made from registry names.

A job instruction is titled by its position in the genitive ("… бастығының лауазымдық
нұсқаулығы", "Должностная инструкция начальника …"); a unit regulation by its unit in the Russian
prepositional ("Положение об отделе …"); its texts name officials in the genitive ("приказом
Председателя Правления – Ректора", "… бұйрығымен") and in the instrumental ("согласовывается с
проректором …", "… проректормен келісіледі"). Only the word that changes is declined: the last
word in Kazakh (the head of the phrase), the first words up to the first noun in Russian, in each
part of an apposition ("Председателем Правления – Ректором"). A form these rules cannot make
returns ``None`` and the caller asks for it instead of guessing.
Inside a sentence a title is written as a common noun ("начальник отдела …", ``in_sentence``).
"""

from __future__ import annotations

import re

_BACK, _FRONT = set("аоұыяё"), set("әеөүіэ")
_KK_VOICED = set("жз")
_KK_SONORANT = set("лрйуwи")  # и, у end a word as the semivowels ій, ұу do ("бақылаудың")
_KK_NASAL = set("мнң")
_KK_VOICELESS = set("пткқсшфхцчщбвгдғ")
# the suffix of a case after a vowel, м н ң, л р й у и, ж з, a voiceless consonant (v: ы or і,
# by vowel harmony)
_KK_SOUNDS = (_BACK | _FRONT, _KK_NASAL, _KK_SONORANT, _KK_VOICED, _KK_VOICELESS)
_KK_SUFFIX = {
    "genitive": ("нvң", "нvң", "дvң", "дvң", "тvң"),
    "accusative": ("нv", "дv", "дv", "дv", "тv"),
    "instrumental": ("мен", "мен", "мен", "бен", "пен"),
}


def _kk_front(word: str) -> bool | None:
    """Whether ``word`` takes front suffixes, by its last vowel (in a loanword that has no other,
    у is back and и front: "институттың", "министрдің")."""
    for ch in reversed(word.lower()):
        if ch in _BACK:
            return False
        if ch in _FRONT:
            return True
    loan = next((ch for ch in reversed(word.lower()) if ch in "уи"), None)
    return None if loan is None else loan == "и"


def _kk_suffixed(word: str, case: str = "genitive") -> str | None:
    """``word`` with the suffix of ``case`` its last sound and vowel harmony call for."""
    if not re.fullmatch(r"[^\W\d_]+", word):
        return None
    front, end = _kk_front(word), word[-1].lower()
    sound = next((i for i, sounds in enumerate(_KK_SOUNDS) if end in sounds), None)
    if front is None or sound is None:
        return None
    return word + _KK_SUFFIX[case][sound].replace("v", "і" if front else "ы")


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


def kk_instrumental(phrase: str) -> str | None:
    """``phrase`` with its last word in the instrumental (-мен, -бен, -пен): "… бөлімінің
    бастығымен", "академиялық мәселелер жөніндегі проректормен"."""
    words = phrase.split(" ")
    made = _kk_suffixed(words[-1], "instrumental")
    return None if made is None else " ".join([*words[:-1], made])


_RU_ADJ_GEN = (("ый", "ого"), ("ой", "ого"), ("ий", "его"))
_RU_ADJ_PREP = (("ый", "ом"), ("ой", "ом"), ("ий", "ем"), ("ая", "ой"), ("ое", "ом"), ("ее", "ем"))
_VELAR = set("гкх")


def _ru_decline(phrase: str, adjective_endings, noun) -> str | None:
    """Each part of an apposition declined ("Председателя Правления – Ректора"): its words up to
    its first noun; the first word of the phrase in lower case (``like`` gives its capital)."""
    parts = [
        _ru_decline_part(part, adjective_endings, noun, lower=index == 0)
        for index, part in enumerate(phrase.split(" – "))
    ]
    return None if None in parts else " – ".join(map(str, parts))


def _ru_decline_part(phrase: str, adjective_endings, noun, lower: bool) -> str | None:
    words = phrase.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        lower_word = word.lower() if index == 0 and lower else word
        if not re.fullmatch(r"[А-Яа-яЁё]+", lower_word):
            return None
        if lower_word.endswith(("ющий", "ящий")):  # заведующий, управляющий: a participle as a noun
            declined = noun(lower_word)
            return None if declined is None else " ".join([*out, declined, *words[index + 1 :]])
        for end, new in adjective_endings:
            if lower_word.endswith(end):
                if end == "ий" and new == "его" and lower_word[-3] in _VELAR:
                    new = "ого"  # строгий → строгого
                out.append(lower_word[: -len(end)] + new)
                break
        else:
            declined = noun(lower_word)
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
    if word.endswith(("ия", "ие")):  # лаборатории, управления
        return word[:-1] + ("и" if word[-1] == "я" else "я")
    if word.endswith("а"):  # кафедры, библиотеки
        return word[:-1] + ("и" if word[-2] in "гкхжшщч" else "ы")
    return None


def ru_genitive(phrase: str) -> str | None:
    """ "Начальник отдела …" → "начальника отдела …"; "Главный специалист" → "главного специалиста"."""
    return _ru_decline(phrase, _RU_ADJ_GEN, _ru_noun_genitive) if phrase else None


_RU_ADJ_INS = (("ый", "ым"), ("ой", "ым"), ("ий", "им"), ("ая", "ой"), ("ое", "ым"), ("ее", "им"))


def _ru_noun_instrumental(word: str) -> str | None:
    if word.endswith("ий"):  # заведующий, управляющий
        return word[:-2] + "им"
    if word[-1].lower() in "бвгдзклмнпрстфх":
        return word + "ом"
    if word.endswith(("ь", "й")):
        return word[:-1] + "ем"
    return None  # after ж, ш, ч, щ, ц the ending follows the stress (врачом, товарищем)


def ru_instrumental(phrase: str) -> str | None:
    """ "Проректор по академическим вопросам" → "проректором по академическим вопросам";
    "Председатель Правления – Ректор" → "председателем Правления – Ректором"."""
    return _ru_decline(phrase, _RU_ADJ_INS, _ru_noun_instrumental) if phrase else None


_RU_WITH_O = re.compile(r"[сзжшщ][бвгджзклмнпрстфхцчшщ]|мн|вс|вт", re.IGNORECASE)


def ru_with(phrase: str) -> str:
    """The preposition "with" before ``phrase`` (in any case: its first letters do not change):
    "с", or "со" where its first consonants call for it ("со специалистом", "со старшим …")."""
    return "со" if _RU_WITH_O.match(phrase) else "с"


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


_RU_ADJECTIVE = re.compile(r"[А-Яа-яЁё-]+(?:ый|ой|ий|ая|яя|ое|ее)")
_KK_HARDENED = {"ғ": "қ", "г": "к", "б": "п"}  # "орталығы" is "орталық" with its possessive


def _ru_head_noun(name: str) -> str | None:
    """The noun a Russian name is of: its first word after its adjectives ("Отдел дистанционного
    обучения", "Учебно-методический отдел": "отдел")."""
    for word in name.split(" "):
        if not _RU_ADJECTIVE.fullmatch(word):
            return word.lower() if re.fullmatch(r"[А-Яа-яЁё]+", word) else None
    return None


def _kk_head_noun(name: str) -> str | None:
    """The noun a Kazakh name is of: its last word without the possessive ("Қашықтықтан оқыту
    бөлімі": "бөлім", "… кафедрасы": "кафедра", "… орталығы": "орталық")."""
    word = name.split(" ")[-1].lower()
    if not re.fullmatch(r"[^\W\d_]+", word):
        return None
    if _kk_possessive(word):
        word = word[:-1]
        if word.endswith("с") and word[-2] in _BACK | _FRONT:
            word = word[:-1]
        word = word[:-1] + _KK_HARDENED.get(word[-1], word[-1])
    return word


def unit_word(name: str, lang: str) -> dict[str, str] | None:
    """The word a unit's regulation calls it by once it has named it ("… отдела дистанционного
    обучения (далее – Отдел)", "… бөлімінің (бұдан әрі – Бөлім)"), capitalised, by case: "" the
    nominative, "genitive", "accusative" ("Отдела", "Бөлімнің", "Бөлімді")."""
    word = _kk_head_noun(name) if lang == "kk" else _ru_head_noun(name)
    if not word:
        return None
    if lang == "kk":
        forms = {"genitive": _kk_suffixed(word), "accusative": _kk_suffixed(word, "accusative")}
    else:  # a unit is a thing: its accusative is the nominative but in -а, -я
        accusative = word[:-1] + ("у" if word[-1] == "а" else "ю") if word[-1] in "ая" else word
        forms = {"genitive": _ru_noun_genitive(word), "accusative": accusative}
    made = {"": word, **forms}
    if None in made.values():
        return None
    return {case: str(form)[:1].upper() + str(form)[1:] for case, form in made.items()}


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
