"""DLO109: a reference to a part of the document that does not exist.

- the introduction ("кіріспеде", "во введении") in a document without a chapter or paragraph
  titled so (``vocab.INTRODUCTION``);
- a clause ("15-тармақ", "пункт 15", "п. 15") beyond the last clause, or a chapter
  ("8-тарау", "глава 8") beyond the last chapter.

Kazakh references are ordinals with a hyphen ("5-тармақ"); "5 тармақтан" is a count and is
left alone. A reference into another document ("Еңбек кодексінің 52-тармағы", "пункт 5
Правил") is skipped: a word naming a document or a document code close before it (Kazakh) or
after it (Russian) marks it. "введение в действие" (bringing into force) is not an introduction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import N_, Msg
from ..mentions import contains
from . import vocab
from .citations import codes
from .rule import Rule
from .view import WORD, Text, View

_NUM = r"(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?"
REFERENCES: dict[str, list[tuple[str, re.Pattern]]] = {
    "kk": [
        ("clause", re.compile(_NUM + r"\s*[-–]\s*тарма(?:қ|ғ)(?!ш)", re.IGNORECASE)),
        ("chapter", re.compile(_NUM + r"\s*[-–]\s*тарау", re.IGNORECASE)),
    ],
    "ru": [
        ("clause", re.compile(r"(?<![^\W\d_])(?:пункт[а-яё]*|п\.)\s*" + _NUM, re.IGNORECASE)),
        ("chapter", re.compile(r"(?<![^\W\d_])(?:глав[а-яё]*|гл\.)\s*" + _NUM, re.IGNORECASE)),
    ],
}
MISSING = {
    "clause": N_("clause {n} does not exist: the document has {count} clauses ({where})"),
    "chapter": N_("chapter {n} does not exist: the document has {count} chapters ({where})"),
}
EXISTING = {
    "clause": N_("refer to an existing clause"),
    "chapter": N_("refer to an existing chapter"),
}
_NOT_INTRODUCTION = re.compile(r"^\S*\s+в\s+(?:действие|силу|эксплуатацию)", re.IGNORECASE)


def _external(text: Text, start: int, end: int, view: View) -> bool:
    """Whether the reference at text[start:end] points into another document."""
    sentence_start = max(text.value.rfind(".", 0, start), text.value.rfind(";", 0, start)) + 1
    before = text.value[sentence_start:start]
    if any(True for _ in codes(before)):
        return True
    stems = vocab.OTHER_DOCUMENT.get(text.lang, [])
    for kind, names in vocab.KIND_NAMES.items():
        if kind != view.model.kind:
            stems = [*stems, *names.get(text.lang, ([], []))[0]]
    window = WORD.findall(before)[-4:] if text.lang == "kk" else WORD.findall(text.value[end:])[:3]
    lowered = [w.lower() for w in window]
    return any(contains(lowered[i:], s) for s in stems for i in range(len(lowered)))


def check(view: View) -> Iterator[Problem]:
    counts = {
        "clause": sum(1 for n in view.numbered if n.kind == "clause"),
        "chapter": len(view.model.chapters),
    }
    has_intro = view.has_introduction()
    for text in view.texts():
        if not has_intro:
            yield from _introductions(view, text)
        for what, pattern in REFERENCES.get(text.lang, []):
            for m in pattern.finditer(text.value):
                numbers = [int(g) for g in m.groups() if g]
                beyond = [n for n in numbers if n > counts[what] or n == 0]
                if not beyond or _external(text, m.start(), m.end(), view):
                    continue
                offset = m.start(1) if int(m.group(1)) in beyond else m.start(2)
                yield view.problem(
                    RULE,
                    view.at(text, offset),
                    Msg(
                        MISSING[what],
                        n=beyond[0],
                        count=counts[what],
                        where=text.label,
                    ),
                    Msg(EXISTING[what]),
                )


def _introductions(view: View, text: Text) -> Iterator[Problem]:
    """The words of ``text`` that refer to an introduction (the document has none)."""
    stems = vocab.INTRODUCTION.get(text.lang, [])
    lowered = text.value.lower()
    if not any(s in lowered for s in stems):
        return  # (a word that begins with a stem holds it: most texts are told at once)
    for m in WORD.finditer(text.value):
        word = m.group().lower()
        if any(word.startswith(s) for s in stems):
            if text.lang == "ru" and _NOT_INTRODUCTION.match(text.value[m.start() :]):
                continue
            yield view.problem(
                RULE,
                view.at(text, m.start()),
                Msg(
                    "'{words}' refers to an introduction, which the document does not "
                    "have ({where})",
                    words=m.group(),
                    where=text.label,
                ),
                Msg("name the part that is meant, or add it"),
            )


RULE = Rule(
    "DLO109",
    "missing-part",
    "warning",
    "the text refers to an introduction, clause or chapter that does not exist",
    check,
)
