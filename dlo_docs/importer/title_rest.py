"""The rest of a title in capitals set right over the text's first clause, under a line that is
only its kind's name: "ПОЛОЖЕНИЕ" / "ОБ ОТДЕЛЕ КАДРОВ" / "1. …". Such a line (or two or three)
is the title's when it goes on with the kind as a title does, saying what about or whose;
otherwise it is the first chapter's heading ("ПОЛОЖЕНИЕ" / "ОБЩИЕ ПОЛОЖЕНИЯ" / "1. …").

- ``in_title(lines, i)``: line ``i`` (right over the first clause) is the title's.
"""

from __future__ import annotations

import re

from . import classify, doc_code
from .source import Line
from .title_lines import names_kind

# a title's rest says what about ("ОБ ОТДЕЛЕ КАДРОВ", "ПО ДЕЛОПРОИЗВОДСТВУ", "… ТУРАЛЫ")
_ABOUT_LINE = re.compile(r"^\W*(?:о|об|обо|по|для|при)\s|туралы\W*$", re.IGNORECASE)
# a Russian position's noun in the genitive, by its suffix: "руководителя", "директора",
# "специалиста", "ассистента", "секретаря", "переводчика", "инженера", "бухгалтера",
# "менеджера", "начальника" (not "сфера", "техника": a heading's noun in the nominative)
_POSITION = re.compile(r"(?:теля|тора|иста|ента|анта|аря|[чщ]ика|нера|тера|жера|льника|тника)$")
_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
# a word opening a line, after its number, or after a bracket or a dash
_NAMING = re.compile(r"(?:^[\W\d_]*|[(–—]\s*|\s-\s*)([^\W\d_][\w-]*)")
# a conjunction or a preposition, with which a title's line goes on on the next line
_LINK = r"(?:и|или|и/или|а\s+также|по|в|во|на|с|со|для|при|и\s+по|және|мен|бен|пен)"
_OPENS_LINKED = re.compile(rf"^\W*{_LINK}\s", re.IGNORECASE)  # "И АВТОМОБИЛЬНЫХ ДОРОГ"
_ENDS_LINKED = re.compile(rf"(?:\s{_LINK}|[,–-])\W*$", re.IGNORECASE)  # "… КӨЛІГІ ЖӘНЕ"
# a word in the genitive or the plural of an adjective: "ВЫСШЕЙ ШКОЛЫ", "АВТОМОБИЛЬНЫХ ДОРОГ"
_ADJECTIVE_FIRST = re.compile(r"^\W*[^\W\d_]+(?:ых|их|ого|его|ой|ей)(?!\w)", re.IGNORECASE)
_MOST_LINES = 3  # of a title's rest


def in_title(lines: list[Line], i: int) -> bool:
    """The line ``i``, before the text begins, is the title's: it names the kind, or with the
    lines above it that it goes on with (``_goes_on``: "ОБ УПРАВЛЕНИИ …" / "И АВТОМОБИЛЬНЫХ
    ДОРОГ") it goes on with a line that is only the kind's name (a code's line perhaps between)
    as a title does, saying what about ("ПОЛОЖЕНИЕ" / "ОБ ОТДЕЛЕ КАДРОВ", "ЕРЕЖЕ" / "КАДР
    БӨЛІМІ ТУРАЛЫ") or whose ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" / "НАЧАЛЬНИКА ОТДЕЛА", "ПОЛОЖЕНИЕ" /
    "КОММУНАЛЬНОГО … УЧРЕЖДЕНИЯ"); a first chapter's heading ("ВВЕДЕНИЕ", "ОБЩАЯ ЧАСТЬ",
    "ОБЩИЕ ПОЛОЖЕНИЯ", "ЗАДАЧИ И ФУНКЦИИ") does not."""
    if names_kind(lines[i].text.strip()):
        return True
    first = i
    while i - first + 1 < _MOST_LINES and _goes_on(lines, _above(lines, first), first):
        first = _above(lines, first)
    kind = _above(lines, first)
    if kind < 0 or not classify.kind_only(lines[kind].text):
        return False
    texts = [
        lines[k].text.strip() for k in range(first, i + 1) if not doc_code.code_line(lines[k].text)
    ]
    rest = " ".join(texts)
    if any(classify.chapter_title(t, True) or classify.topic_heading(t) for t in texts):
        return False
    return _ABOUT_LINE.search(rest) is not None or _whose(rest, lines, first, i)


def _above(lines: list[Line], i: int) -> int:
    """The line above ``i`` but a code's ("П ОК 01-2024"); -1 at the top."""
    j = i - 1
    while j >= 0 and doc_code.code_line(lines[j].text):
        j -= 1
    return j


def _goes_on(lines: list[Line], upper: int, lower: int) -> bool:
    """Line ``lower`` goes on with the title's line ``upper`` (a code's line perhaps between):
    ``upper`` is no kind's name and ends with a conjunction, a preposition or a comma, or
    ``lower`` starts in lower case, with one, or with an adjective in the genitive or plural."""
    if upper < 0 or classify.kind_only(lines[upper].text) or names_kind(lines[upper].text):
        return False
    one, two = lines[upper].text.strip(), lines[lower].text.strip()
    opens = _OPENS_LINKED.match(two) or _ADJECTIVE_FIRST.match(two) or two[:1].islower()
    return bool(opens or _ENDS_LINKED.search(one))


def _whose(rest: str, lines: list[Line], first: int, last: int) -> bool:
    """A title's ``rest`` (lines ``first`` to ``last``) says whose regulation it is: it ends
    with a position or a body in the Kazakh genitive ("… БАСТЫҒЫНЫҢ", "ЗАҢГЕРДІҢ"), or opens
    with one in the Russian genitive: an adjective's or a participle's ("ГЛАВНОГО БУХГАЛТЕРА",
    "ЗАВЕДУЮЩЕЙ …", "КОММУНАЛЬНОГО … УЧРЕЖДЕНИЯ"), which no nominative has, or a noun's in
    -а/-я that is a position's (``_position``) or that the text below names in the nominative
    (``_named_below``: "НАЧАЛЬНИКА …" over "1. Начальник …", "ДЕКАНА" over "Dean (декан …)").
    A heading opening with a noun in the nominative ending alike ("ХАРАКТЕРИСТИКА РАБОТ",
    "СФЕРА ДЕЯТЕЛЬНОСТИ", "ОБЩАЯ ЧАСТЬ") says no such thing."""
    words = rest.casefold().replace("ё", "е").split() or [""]
    if words[-1].rstrip(".,:").endswith(("ның", "нің", "дың", "дің", "тың", "тің")):
        return True
    word = words[0].split("-")[0]
    if _KAZAKH.search(rest) or word.endswith(("ая", "яя", "ия", "ья")):
        return False
    if word.endswith(("ого", "его", "ой", "ей")):
        return True
    if not word.endswith(("а", "я")) or len(word) < 4:
        return False
    return _POSITION.search(word) is not None or _named_below(word, lines[last + 1 :])


def _named_below(word: str, below: list[Line]) -> bool:
    """The text ``below`` names ``word`` (a noun in the genitive, in -а/-я) in the nominative,
    where a text names a position: opening a line ("1. Начальник отдела назначается …"), or
    after a bracket or a dash ("Research Assistant (ассистент исследователя)", "далее –
    начальник")."""
    nominative = {word[:-1]} if word.endswith("а") else {word[:-1] + "ь", word[:-1] + "й"}
    for line in below:
        for m in _NAMING.finditer(line.text):
            if m[1].casefold().replace("ё", "е").split("-")[0] in nominative:
                return True
    return False
