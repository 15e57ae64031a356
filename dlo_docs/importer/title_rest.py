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
# a Russian case ending: a position in the genitive and in the nominative share what is left
# ("НАЧАЛЬНИКА" / "Начальник", "ЗАВЕДУЮЩЕЙ" / "Заведующая", "УЧРЕЖДЕНИЯ" / "учреждение")
_CASE_ENDING = re.compile(r"(?:ого|его|ое|ее|ой|ей|ий|ый|ие|ия|ая|яя|а|я|ь|й)$")
_WORD = re.compile(r"[^\W\d_][\w-]*")  # a word, not a number ("1.2.")
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


def _stem(word: str) -> str:
    """``word`` without its Russian case ending, each part of a hyphenated one on its own."""
    return "-".join(_CASE_ENDING.sub("", part) for part in word.casefold().split("-"))


def _whose(rest: str, lines: list[Line], first: int, last: int) -> bool:
    """A title's ``rest`` (lines ``first`` to ``last``) says whose regulation it is: it ends
    with a position or a body in the Kazakh genitive ("… БАСТЫҒЫНЫҢ", "ЗАҢГЕРДІҢ"), or opens
    with one in the Russian genitive ("НАЧАЛЬНИКА ОТДЕЛА", "ЗАВЕДУЮЩЕЙ …", "КОММУНАЛЬНОГО
    ГОСУДАРСТВЕННОГО УЧРЕЖДЕНИЯ …") that the text below names (``_named_below``). A heading
    opening with a noun ending alike ("ХАРАКТЕРИСТИКА РАБОТ", "СФЕРА ДЕЯТЕЛЬНОСТИ", "ОБЩАЯ
    ЧАСТЬ") says no such thing."""
    words = rest.casefold().split() or [""]
    if words[-1].rstrip(".,:").endswith(("ның", "нің", "дың", "дің", "тың", "тің")):
        return True
    genitive = words[0].endswith(("а", "я", "ого", "его", "ой", "ей"))
    if not genitive or words[0].endswith(("ая", "яя", "ия", "ья")):
        return False
    return _named_below(lines[first].text, lines[last + 1 :])


def _named_below(line: str, below: list[Line]) -> bool:
    """The text ``below`` is about what ``line`` opens with: a line opens with it ("1.
    Начальник отдела назначается …"), or its first words (up to three) stand together in it,
    in the nominative or the genitive ("Research Assistant (Ассистент исследователя)")."""
    head = [_stem(w) for w in _WORD.findall(line)[:3]]
    words = [[_stem(w) for w in _WORD.findall(other.text)] for other in below]
    if not head or any(these[:1] == head[:1] for these in words):
        return bool(head)
    stems, n = [s for these in words for s in these], len(head)
    return n > 1 and any(stems[k : k + n] == head for k in range(len(stems) - n + 1))
