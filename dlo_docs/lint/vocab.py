"""The words the rules look for, per language. Not a rule (no ``RULE``).

Phrases are matched as word prefixes (``mentions.contains``): each word of a phrase must begin a
word of the text, in order, so Kazakh and Russian case endings follow ("міндет" matches
"міндеттері"). Keep stems short enough for the endings and long enough to stay unambiguous.
"""

from __future__ import annotations

import re

from ..i18n import Msg

# The parts a job instruction must have (chapters or paragraphs), in their usual order:
# name → (what to call it in a message, {lang: title phrases, any of which names the part}).
JOB_INSTRUCTION_PARTS: dict[str, tuple[str, dict[str, list[str]]]] = {
    "scope": (Msg("scope"), {"kk": ["қолдану салас"], "ru": ["област применени"]}),
    "references": (
        Msg("normative references"),
        {"kk": ["нормативтік сілтеме"], "ru": ["нормативн ссылк"]},
    ),
    "abbreviations": (Msg("abbreviations"), {"kk": ["қысқарту", "қысқартыл"], "ru": ["сокращени"]}),
    "general": (Msg("general provisions"), {"kk": ["жалпы ереже"], "ru": ["общ положени"]}),
    "qualification": (
        Msg("qualification requirements"),
        {"kk": ["біліктілік талап"], "ru": ["квалификационн требовани"]},
    ),
    "duties": (Msg("duties"), {"kk": ["міндет"], "ru": ["обязанност"]}),
    "rights": (Msg("rights"), {"kk": ["құқық"], "ru": ["права"]}),
    "responsibility": (Msg("responsibility"), {"kk": ["жауапкершілік"], "ru": ["ответственност"]}),
    "relationships": (
        Msg("relationships"),
        {
            "kk": ["қарым қатынас", "өзара байланыс", "өзара іс"],
            "ru": ["взаимоотношени", "взаимодействи", "взаимосвяз"],
        },
    ),
    "changes": (Msg("change procedure"), {"kk": ["өзгеріс"], "ru": ["изменени"]}),
    "agreement": (
        Msg("agreement, storage and distribution"),
        {"kk": ["келісу", "сақтау", "тарату"], "ru": ["согласовани", "хранени", "рассылк"]},
    ),
}

# Words (exact, lower case) that make the next words a name of the document itself.
SELF: dict[str, set[str]] = {
    "kk": {"осы", "бұл", "аталған"},
    "ru": {
        "настоящий",
        "настоящая",
        "настоящее",
        "настоящего",
        "настоящей",
        "настоящему",
        "настоящим",
        "настоящую",
        "настоящем",
        "данный",
        "данная",
        "данного",
        "данной",
        "данному",
        "данным",
        "данную",
        "данном",
        "этот",
        "эта",
        "этого",
        "этой",
        "этому",
        "этим",
        "эту",
        "этом",
    },
}

# How a text names a document of each kind: phrases (word prefixes, lower case) and
# abbreviations (exact, case-sensitive).
KIND_NAMES: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "job_instruction": {
        "kk": (["лауазымдық нұсқаулық", "лауазымдық нұсқаулығ", "нұсқаулық", "нұсқаулығ"], ["ЛН"]),
        "ru": (["должностн инструкци", "инструкци"], ["ДИ"]),
    },
    "unit_regulation": {
        "kk": (["ереже", "бөлімше туралы ереже"], []),
        "ru": (["положени"], []),
    },
}
KIND_WORDS = {"job_instruction": Msg("job instruction"), "unit_regulation": Msg("unit regulation")}
# How a document of each kind is to call itself, whole words (KIND_NAMES' phrases are prefixes).
KIND_TITLES: dict[str, dict[str, str]] = {
    "job_instruction": {"kk": "лауазымдық нұсқаулық", "ru": "должностная инструкция"},
    "unit_regulation": {"kk": "ереже", "ru": "положение"},
}

# An introduction (the part "кіріспеде" / "во введении" refers to), by chapter title.
INTRODUCTION: dict[str, list[str]] = {
    "kk": ["кіріспе", "преамбула"],
    "ru": ["введени", "вступлени", "преамбул"],
}

# Inline definitions of an abbreviation: "(одан әрі – ПОҚ)", "(далее – ППС)"; "ары қарай" and
# "бұдан ары" are the spoken forms of "әрі қарай", "бұдан әрі" that published texts also use.
INLINE_DEFINITION: dict[str, list[str]] = {
    "kk": [
        "одан әрі",
        "бұдан әрі",
        "әрі қарай",
        "ары қарай",
        "бұдан ары",
        "одан ары",
        "бұдан кейін",
    ],
    "ru": ["далее", "в дальнейшем"],
}

# Conjunctions that join two phrases ("X және X" repeats X).
CONJUNCTIONS: dict[str, set[str]] = {
    "kk": {"және", "мен", "бен", "пен", "немесе", "не", "әрі", "яғни"},
    "ru": {"и", "или", "либо", "да"},
}
ANY_CONJUNCTION: set[str] = set().union(*CONJUNCTIONS.values()) | {"and", "or"}

# Participles (and "который"), which open a phrase that qualifies the noun before them
# ("имуществом, приобретенным за счет…", "мүлік, сатып алынған…"): "X и X, <participle> …" names
# two different things (DLO106). Russian: a participle suffix and an adjective's ending; Kazakh:
# -ған/-ген/-атын….
PARTICIPLE = re.compile(
    r"^(?:[^\W\d_]+(?:нн|ем|им|ющ|ущ|ащ|ящ|вш)(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ой"
    r"|ей|ую|юю|ых|их|ыми|ими)|котор[^\W\d_]*|[^\W\d_]+(?:ған|ген|қан|кен|атын|етін|йтын|йтін))$",
    re.IGNORECASE,
)

# The action a Russian list item names: a verbal noun ("утверждение", "организация", "выдача",
# "разработка") or an infinitive ("осуществлять", "вести"); DLO107 compares items' actions.
ACTION: dict[str, re.Pattern[str]] = {
    # (an infinitive ends in a vowel and -ть, or -ести / -зти / -чь: "область", "ответственность",
    # "безопасности" are no actions)
    "ru": re.compile(
        r"^(?=[^\W\d_]{5,}$)[^\W\d_]+"
        r"(?:ние|тие|ция|ача|тка|вка|рка|нка|[аяеиуыоё]ть|[аяеиуыоё]ться|ести|зти|чь)$"
    ),
}

# Words that carry no content, left out when comparing items for near-duplicates.
STOPWORDS: set[str] = ANY_CONJUNCTION | {
    # kk
    "бойынша",
    "үшін",
    "да",
    "де",
    "та",
    "те",
    "сондай",
    "ақ",
    "осы",
    "отырып",
    "оның",
    "олардың",
    "өз",
    "өзіне",
    "тиісті",
    "басқа",
    "барлық",
    "арқылы",
    "туралы",
    "жөніндегі",
    "кейін",
    "сәйкес",
    "т",
    "б",
    # ru
    "в",
    "во",
    "на",
    "по",
    "с",
    "со",
    "к",
    "ко",
    "о",
    "об",
    "от",
    "для",
    "за",
    "из",
    "при",
    "а",
    "также",
    "его",
    "ее",
    "её",
    "их",
    "не",
    "что",
    "как",
    "том",
    "числе",
}

# Words that, near a clause reference, make it a reference into another document
# ("Еңбек кодексінің 52-тармағы", "пункт 5 Правил"): word prefixes, lower case.
OTHER_DOCUMENT: dict[str, list[str]] = {
    "kk": [
        "заң",
        "кодекс",
        "қағида",
        "бұйры",
        "бұйрық",
        "стандарт",
        "жарғ",
        "процедура",
        "тәртіб",
        "шарт",
    ],
    "ru": [
        "закон",
        "кодекс",
        "правил",
        "приказ",
        "стандарт",
        "устав",
        "процедур",
        "порядк",
        "договор",
    ],
}
