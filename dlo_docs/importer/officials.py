"""Whom a job instruction is about, as an import reads it from its clauses (Kazakh and Russian).

- ``main_position(chapters, registry, lang)``: the position a job instruction describes, the
  registry position its clauses name most often (at least twice), an official named as the author
  of an order they cite aside.
- ``titled(title, registry, lang)``: the position a job instruction's title names beside the
  kind's name ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника …", "… бастығының лауазымдық нұсқаулығы");
- ``titled_near(title, registry, lang)``: the position the title names in full a few words off
  the kind's name or in another form ("Члена Правления – проректора …", "… бөлімі бастығының");
- ``titled_other(title, position, lang)``: the title naming there another position of the same
  unit ("… специалиста отдела …"), which the registry does not know.
"""

from __future__ import annotations

import re

from ..mentions import sentences, without_parens, words
from ..model import Position, Registry
from .facts import occurrences
from .tree import Node, clauses, full_text

# An official named as whose order a clause cites ("назначается приказом и. о. ректора",
# "Басқарма Төрағасы-Ректорының 2024 жылғы … бұйрығымен") is not the position the instruction is
# about. Russian names the order first, the official after it in the genitive; Kazakh the
# official first, in the genitive, the order after it, by which ("-мен") or on which ("бойынша",
# "негізінде") something is done. Orders only: a head's own instructions, decisions and proposals
# ("распоряжением начальника отдела", "по представлению начальника отдела", "бастығының
# шешімімен") are his duties; and only an order of someone: "на основании приказа начальник
# отдела …", "бастығы бұйрықпен тағайындалады" name the subject. The same sentence; the
# official's own title, or a list of officials ("или", "немесе", "не"); in Russian any case of
# "приказ", in the singular or the plural, and an order listed with other acts ("приказами и
# распоряжениями Ректора", "приказов, указаний ректора").
_ACT_RU = re.compile(r"приказ(?:|а|у|ом|е|ы|ов|ам|ами|ах)")
_WITH_ACT_RU = re.compile(r"(?:распоряжени|указани|решени|поручени)\w*|и")
_ACT_KK = re.compile(r"бұйры\w*")
_GENITIVE_RU = ("а", "я", "ого", "его")  # "ректора", "председателя", "заведующего"
_GENITIVE_KK = ("ның", "нің", "дың", "дің", "тың", "тің")
# a list of officials: "приказом Ректора или проректора", "приказами Ректора и проректора"
_OR = frozenset({"или", "либо", "и", "немесе", "не", "болмаса", "және"})
_BY_KK = re.compile(r"\w+(?:мен|бен|пен)")
_ON_KK = ("бойынша", "негізінде")
_IN_TITLE = frozenset({"и", "о", "врио", "временно"})
_ACTING = ["исполняющего", "обязанности"]  # not "обязанности" alone: "обязанности Ректора"
_IN_DATE = re.compile(r"\d+|\w|жылғы|\w+(?:дағы|дегі|тағы|тегі)")  # 2024 жылғы 15 қаңтардағы № 12


def _kk_act(text_words: list[str], i: int) -> bool:
    """Whether a Kazakh order by or on which something is done stands at ``i`` (dates skipped)."""
    while i < len(text_words) and _IN_DATE.fullmatch(text_words[i]):
        i += 1
    if i >= len(text_words) or not _ACT_KK.fullmatch(text_words[i]):
        return False
    after = text_words[i + 1] if i + 1 < len(text_words) else ""
    return bool(_BY_KK.fullmatch(text_words[i])) or after in _ON_KK


def _ru_act(text_words: list[str], start: int) -> bool:
    """Whether a Russian order (alone or first of a list of acts) ends right before ``start``."""
    i = start - 1
    while i > 0 and _WITH_ACT_RU.fullmatch(text_words[i]) and not _ACT_RU.fullmatch(text_words[i]):
        i -= 1
    return i >= 0 and _ACT_RU.fullmatch(text_words[i]) is not None


def _names(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The mentions of one position, a title of two side by side ("Председателя Правления –
    Ректора", "Басқарма Төрағасы-Ректорының") as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _about(text_words: list[str], span: tuple[int, int], own: set[int], named: set[int]) -> bool:
    """Whether a mention at ``span`` names a position the text is about, not an order's author
    (``own``: the indexes of the words the same position's mentions cover: its title of two,
    "Председателя Правления – Ректора", is one name; ``named``: those of any position's, an
    official before "или" or after "немесе" being one of a list)."""
    start, end = span
    name = own
    while start > 0:
        if text_words[max(start - 2, 0) : start] == _ACTING:
            start -= 2
            continue
        if not (start - 1 in name or text_words[start - 1] in _IN_TITLE | _OR):
            break
        if text_words[start - 1] in _OR:
            name = own | named
        start -= 1
    if text_words[span[0]].endswith(_GENITIVE_RU) and _ru_act(text_words, start):
        return False
    name = own
    while end < len(text_words) and (end in name or text_words[end] in _OR):
        if text_words[end] in _OR:
            name = own | named
        end += 1
    return not (text_words[end - 1].endswith(_GENITIVE_KK) and _kk_act(text_words, end))


_KIND_WORDS = (("должностн", "инструкци"), ("лауазымдық", "нұсқаулы"))
_ACTING_WORDS = frozenset({"исполняющего", "обязанности", "временно", "врио"})
# words naming whom in a unit: "заместителя начальника", "ведущего специалиста по учебно-методической
# работе", "бастығының орынбасарының"
_HEAD_WORDS = 8
# words a position's title is made with (prefixes): a line without one names no official (the
# organisation's name, a council's decision, a table's header, a unit's name)
HOLDERS = (
    *("начальник", "заместител", "директор", "проректор", "ректор", "декан", "заведующ"),
    *("руководител", "главн", "ведущ", "старш", "специалист", "бухгалтер", "юрисконсульт"),
    *("юрист", "инженер", "методист", "менеджер", "секретар", "председател", "помощник"),
    *("советник", "инспектор", "эксперт", "аналитик", "экономист", "администратор", "провост"),
    *("координатор", "куратор", "профессор", "доцент", "преподавател", "бастығ", "басшы"),
    *("меңгеруш", "орынбасар", "маман", "заңгер", "әдіскер", "хатшы", "төраға", "көмекші"),
    *("кеңесші", "сарапшы", "талдаушы", "әкімші", "үйлестіруші", "оқытушы"),
)
# words naming a deputy or an assistant: "заместитель начальника …" is not the head
DEPUTIES = ("заместител", "зам", "помощник", "орынбасар", "көмекші")
# a unit's head, by any of the words for it (prefixes)
_HEADS = ("начальн", "руковод", "заведу", "бастығ", "басшы", "меңгеру")
_NOT_CODES = frozenset({"зам", "пом", "ст", "гл", "вед", "мл", "нач"})  # "зам. начальника"


def _kind_at(text_words: list[str]) -> int | None:
    """Where the kind's name ("должностная инструкция", "лауазымдық нұсқаулық") first is."""
    return next(
        (
            i
            for i in range(len(text_words) - 1)
            if any(
                text_words[i].startswith(a) and text_words[i + 1].startswith(b)
                for a, b in _KIND_WORDS
            )
        ),
        None,
    )


def titled(title: str, registry: Registry, lang: str) -> str | None:
    """The one position ``title`` names right after the kind's name, a code or "и. о." between
    them aside ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника …", "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ … бастығы"), or,
    in Kazakh, right before it ("… бастығының лауазымдық нұсқаулығы"); not one named
    further off ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ заместителя начальника отдела": the deputy's, not the
    head's), and none of two named there."""
    text_words = words(title)
    at = _kind_at(text_words)
    if at is None:
        return None
    russian = text_words[at].startswith(_KIND_WORDS[0][0])
    found = {
        pos.id
        for pos in registry.positions
        for start, end in _names(
            [o for m in pos.mentions_in(lang) for o in occurrences(text_words, m)]
        )
        if start == _beside(text_words, at + 2) or (end == at and not russian)
    }
    return found.pop() if len(found) == 1 else None


def titled_near(title: str, registry: Registry, lang: str) -> str | None:
    """The one registry position ``title`` names in full a few words from the kind's name, in any
    case ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ Члена Правления – проректора по академическим вопросам"), not
    as whose deputy or assistant the holder is ("заместителя начальника отдела …", "… бастығының
    орынбасарының")."""
    text_words = words(title)
    at = _kind_at(text_words)
    if at is None:
        return None
    russian = text_words[at].startswith(_KIND_WORDS[0][0])
    after = _beside(text_words, at + 2)
    found = set()
    for pos in registry.positions:
        own = words(pos.title.get(lang) or "")
        if len(own) < 2:
            continue
        for start, end in occurrences(text_words, " ".join(prefix(w) for w in own)):
            between = text_words[after:start] if russian else text_words[end:at]
            near = after <= start <= after + _HEAD_WORDS if russian else end <= at <= end + 2
            if near and not any(w.startswith(DEPUTIES) for w in between):
                found.add(pos.id)
    return found.pop() if len(found) == 1 else None


def titled_holder(title: str, position: Position, lang: str) -> str | None:
    """The words of ``title`` beside the kind's name that name a holder other than ``position``
    by a position's word ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ специалиста по дистанционному обучению",
    "… маманының ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ" for a head), None where they name none or its own."""
    own = words(position.title.get(lang) or "")
    text_words = words(title)
    at = _kind_at(text_words)
    if not own or at is None:
        return None
    russian = text_words[at].startswith(_KIND_WORDS[0][0])
    at_word = _beside(text_words, at + 2) if russian else at - 1
    if not 0 <= at_word < len(text_words) or not text_words[at_word].startswith(HOLDERS):
        return None
    head = prefix(own[0] if russian else own[-1])
    heads = (
        (head, *_HEADS)
        if any(head.startswith(h) or h.startswith(head) for h in _HEADS)
        else (head,)
    )
    if text_words[at_word].startswith(heads):
        return None
    said = text_words[at_word : at_word + 6] if russian else text_words[max(0, at - 6) : at]
    return " ".join(said)


def titled_other(title: str, position: Position, lang: str) -> str | None:
    """The words of ``title`` beside the kind's name that name another position of
    ``position``'s unit: the unit's words with another holder's ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
    специалиста отдела документационного обеспечения", "… заместителя начальника отдела …" for
    the head of that department; "ҚАШЫҚТЫҚТАН ОҚЫТУ БӨЛІМІНІҢ ӘДІСКЕРІНІҢ ЛАУАЗЫМДЫҚ
    НҰСҚАУЛЫҒЫ", "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ … бөлімінің әдіскері"); None where it names none."""
    own = words(position.title.get(lang) or "")
    text_words = words(title)
    at = _kind_at(text_words)
    if len(own) < 2 or at is None:
        return None
    russian = text_words[at].startswith(_KIND_WORDS[0][0])
    head, unit = (own[0], own[1:]) if russian else (own[-1], own[:-1])
    stems = [prefix(head)]
    if any(stems[0].startswith(h) or h.startswith(stems[0]) for h in _HEADS):
        stems += _HEADS  # "руководителя отдела …" is its head, as "начальника отдела …"

    def other(before: list[str]) -> bool:  # the words naming the holder over the unit's
        return not (len(before) == 1 and before[0].startswith(tuple(stems)))

    after = _beside(text_words, at + 2)
    # the unit's words in any case ("бөлімі әдіскерінің" as "бөлімінің бастығы")
    for start, end in occurrences(text_words, " ".join(prefix(w) for w in unit)):
        if russian and after < start <= after + _HEAD_WORDS and other(text_words[after:start]):
            return " ".join(text_words[after:end])
        if not russian and end < at <= end + _HEAD_WORDS and other(text_words[end:at]):
            return " ".join(text_words[start:at])
        if (
            not russian
            and start == after
            and end < len(text_words)
            and other(text_words[end : end + 1])
        ):
            return " ".join(text_words[start : end + 1])
    return None


def prefix(word: str) -> str:
    """A word as a prefix that finds it in any case: "бөлімінің" → "бөлімі", "отдела" → "отде"."""
    return word[: max(4, len(word) - 3)]


def _beside(text_words: list[str], i: int) -> int:
    """The first word from ``i`` on that is not a code's ("ДИ 014-2024") nor an acting
    official's ("и. о.", "исполняющего обязанности"); a deputy's "зам." is the title's."""
    while i < len(text_words) and (
        text_words[i].isdigit()
        or (len(text_words[i]) <= 3 and text_words[i] not in _NOT_CODES)
        or text_words[i] in _ACTING_WORDS
    ):
        i += 1
    return i


def main_position(chapters: list[Node], registry: Registry, lang: str) -> str | None:
    """The position named most often (at least twice) across the clauses, not counting an
    official named as the author of an order they cite."""
    counts: dict[str, int] = {}
    for _, clause in clauses(chapters):
        for sentence in sentences(without_parens(full_text(clause))):
            text_words = words(sentence)
            found = [
                (
                    pos.id,
                    _names([o for m in pos.mentions_in(lang) for o in occurrences(text_words, m)]),
                )
                for pos in registry.positions
            ]
            named = {k for _, spans in found for a, b in spans for k in range(a, b)}
            for pid, spans in found:
                own = {k for a, b in spans for k in range(a, b)}
                n = sum(1 for span in spans if _about(text_words, span, own, named))
                if n:
                    counts[pid] = counts.get(pid, 0) + n
    if not counts:
        return None
    best = max(counts, key=lambda pid: counts[pid])
    return best if counts[best] >= 2 else None
