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
from .title_lines import GENITIVE, names_kind

# a title's rest says what about ("ОБ ОТДЕЛЕ КАДРОВ", "ПО ДЕЛОПРОИЗВОДСТВУ", "… ТУРАЛЫ")
_ABOUT_LINE = re.compile(r"^\W*(?:о|об|обо|по|для|при)\s|туралы\W*$", re.IGNORECASE)
# a Russian position's noun in the genitive, by its suffix: "руководителя", "директора",
# "специалиста", "ассистента", "секретаря", "переводчика", "инженера", "бухгалтера",
# "менеджера", "начальника" (not "сфера", "техника": a heading's noun in the nominative)
_POSITION = re.compile(
    r"(?:теля|тора|иста|ента|анта|аря|[чщ]ика|[бвгджзклмнпрстфцчшщ]ника|нера|тера|жера|чера"
    r"|ссира|ульта|рача)$"
)
_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
# a word opening a line, after its number, or after a bracket or a dash; one after "должность"
_NAMING = re.compile(r"(?:^[\W\d_]*|[(–—]\s*|\s-\s*)([^\W\d_][\w-]*)")
_AFTER_POST = re.compile(r"должност[ьи]\s+([^\W\d_][\w-]*)")
# a conjunction or a preposition, with which a title's line goes on on the next line
_LINK = r"(?:и|или|и/или|а\s+также|по|в|во|на|с|со|для|при|және|мен|бен|пен)"
_OPENS_PREPOSITION = re.compile(r"^\W*(?:по|в|во|на|с|со|при)\s", re.IGNORECASE)
_OPENS_LINKED = re.compile(r"^\W*(?:и|или|а\s+также|для|және|мен)\s", re.IGNORECASE)  # "И …"
_ENDS_LINKED = re.compile(rf"(?:\s{_LINK}|[,–-])\W*$", re.IGNORECASE)  # "… КӨЛІГІ ЖӘНЕ"
# an adjective in the genitive or the plural ("АВТОМОБИЛЬНЫХ ДОРОГ"), or in -ой/-ей before a
# noun in an oblique case ("ЖАМБЫЛСКОЙ ОБЛАСТИ", "ВЫСШЕЙ ШКОЛЫ"; not a nominative: "ПРАВОВОЙ
# СТАТУС"; nor a noun in -ей: "МУЗЕЙ ИСТОРИИ", "ЛИЦЕЙ ПРИ …")
_ADJECTIVE_FIRST = re.compile(
    r"^\W*[^\W\d_]+(?:ых|их|ого|его)(?!\w)|^\W*[^\W\d_]{3,}(?:ой|[шжчщн]ей)\s+[^\W\d_]+[ыие](?!\w)",
    re.IGNORECASE,
)
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
    first, closed = i, _kazakh_end(lines[i].text)
    while i - first + 1 < _MOST_LINES and _goes_on(lines, _above(lines, first), first, closed):
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


def _kazakh_end(text: str) -> bool:
    """``text`` ends as a Kazakh title's rest does: what about, or whose ("… ТУРАЛЫ", "…
    БАСТЫҒЫНЫҢ")."""
    end = re.sub(r"\W+$", "", text)
    return end.casefold().endswith("туралы") or GENITIVE.search(end) is not None


def _above(lines: list[Line], i: int) -> int:
    """The line above ``i`` but a code's ("П ОК 01-2024"); -1 at the top."""
    j = i - 1
    while j >= 0 and doc_code.code_line(lines[j].text):
        j -= 1
    return j


def _goes_on(lines: list[Line], upper: int, lower: int, closed: bool) -> bool:
    """Line ``lower`` goes on with the title's line ``upper`` (a code's line perhaps between):
    ``upper`` is no kind's name and ends with a conjunction, a preposition or a comma, or
    ``lower`` starts in lower case, with a conjunction, or with an adjective in the genitive or
    plural, or with a preposition under a line of two words ("ОБ ОТДЕЛЕ" / "ПО РАБОТЕ С …");
    or both are in capitals and the rest they are part of is ``closed`` as a Kazakh one is,
    wherever it is broken ("… АВТОМОБИЛЬ ЖОЛДАРЫ" / "БАСҚАРМАСЫ ТУРАЛЫ")."""
    if upper < 0 or classify.kind_only(lines[upper].text) or names_kind(lines[upper].text):
        return False
    one, two = lines[upper].text.strip(), lines[lower].text.strip()
    if closed and one.isupper() and two.isupper():
        return True
    opens = _OPENS_LINKED.match(two) or _ADJECTIVE_FIRST.match(two) or two[:1].islower()
    short = len(one.split()) <= 2 and _OPENS_PREPOSITION.match(two)  # "ОБ ОТДЕЛЕ" / "ПО …"
    return bool(opens or short or _ENDS_LINKED.search(one))


def _whose(rest: str, lines: list[Line], first: int, last: int) -> bool:
    """A title's ``rest`` (lines ``first`` to ``last``) says whose regulation it is: it ends
    with a position or a body in the Kazakh genitive ("… БАСТЫҒЫНЫҢ", "ЗАҢГЕРДІҢ"), or opens
    with one in the Russian genitive: an adjective's or a participle's (``_ADJECTIVE_FIRST``:
    "ГЛАВНОГО БУХГАЛТЕРА", "ПРИЁМНОЙ КОМИССИИ", "ЗАВЕДУЮЩЕЙ …"; not "ПРАВОВОЙ СТАТУС"), or
    a noun's in -а/-я that is a position's (``_POSITION``; each part of
    "ИНЖЕНЕРА-ПРОГРАММИСТА", "PR-МЕНЕДЖЕРА") or that the text below names (``_named_below``:
    "НАЧАЛЬНИКА …" over "1. Начальник …", "ДЕКАНА" over "Dean (декан …)"). A heading opening
    with a noun in the nominative ending alike ("ХАРАКТЕРИСТИКА РАБОТ", "СФЕРА ДЕЯТЕЛЬНОСТИ",
    "ТЕХНИКА БЕЗОПАСНОСТИ", "ОБЩАЯ ЧАСТЬ") says no such thing."""
    words = rest.casefold().replace("ё", "е").split() or [""]
    if GENITIVE.search(words[-1].rstrip(".,:")):
        return True
    parts = [p for p in re.split(r"[-/]", words[0]) if len(p) >= 4]
    if _KAZAKH.search(rest) or not parts or parts[-1].endswith(("ая", "яя", "ия", "ья")):
        return False
    if _ADJECTIVE_FIRST.match(rest) or parts[-1].endswith("щей"):  # "ЗАВЕДУЮЩЕЙ …"
        return True
    if any(_POSITION.search(part) for part in parts):
        return True
    after = words[1] if len(words) > 1 else ""
    return parts[-1].endswith(("а", "я")) and _named_below(parts, after, lines[last + 1 :])


def _named_below(parts: list[str], after: str, below: list[Line]) -> bool:
    """The text ``below`` names the position whose genitive ``parts`` are ("эксперта",
    "аналитика" of "ЭКСПЕРТА-АНАЛИТИКА") where a text names a position: in the nominative
    opening a line ("1. Начальник отдела назначается …") or after a bracket or a dash ("Research
    Assistant (ассистент исследователя)", "далее – начальник"), or as it is after "должность"
    ("На должность кассира назначается …"). A word in -ика is a field's name as often as a
    position's genitive ("ТЕХНИКА БЕЗОПАСНОСТИ" over "Техник …"): the text must name it with
    the word ``after`` it too ("ТЕХНИКА ЛАБОРАТОРИИ" over "Техник лаборатории …")."""
    nominative = set()
    for part in parts:
        if part.endswith("а"):
            nominative.add(part[:-1])
        elif part.endswith("я"):
            nominative |= {part[:-1] + "ь", part[:-1] + "й"}
    field = parts[-1].endswith("ика") and after
    for line in below:
        text = line.text.casefold().replace("ё", "е")
        if field:
            if f"{parts[-1][:-1]} {after}" in text:
                return True
            continue
        named = {p for m in _NAMING.finditer(text) for p in re.split(r"[-/]", m[1])}
        post = {p for w in _AFTER_POST.findall(text) for p in re.split(r"[-/]", w)}
        if named & nominative or post & set(parts):
            return True
    return False
