"""DLO112: language parity. In a document with several languages every text must exist in each
of them (error: the output in that language cannot be built), and the versions of one text must
agree in what does not translate (warning):
- the numbers they contain ("5 жыл" / "5 лет", "№ 553", dates, the numbers of document codes
  whose letters translate: "ҚП 082-2022" / "ДП 082-2022"), compared as multisets;
- Latin words ("Moodle");
- how they end (":" introducing a list, ";" inside one, "." closing it).
Structure (chapters, paragraphs, clauses, items) is shared by construction: each element holds
all its languages. Problems point at the text of the non-first language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..errors import Problem
from ..model import Chapter, Paragraph
from .rule import Rule
from .view import Text, View, label

_NUMBER = re.compile(r"\d+")
_LATIN = re.compile(r"(?<![^\W\d_])[A-Za-z][A-Za-z]+(?![^\W\d_])")
_ENDINGS = {":": "a colon", ";": "a semicolon", ".": "a full stop", ",": "a comma"}


def _ending(text: str) -> str:
    end = text.rstrip()[-1:]
    return _ENDINGS.get(end, "no punctuation")


def _facts(text: str) -> dict[str, Counter]:
    return {
        "numbers": Counter(_NUMBER.findall(text)),
        "Latin words": Counter(_LATIN.findall(text)),
    }


def _show(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements()))


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    if len(doc.languages) < 2:
        return
    main = doc.main_lang
    by_field: dict[tuple[object, ...], dict[str, Text]] = {}
    for text in view.texts():
        base = text.loc[:-1] if text.loc[-1] in doc.languages else text.loc
        by_field.setdefault(base, {})[text.lang] = text
    places = [((), "title", "title")] + [
        (
            view.locs[n.element.id],
            "title" if isinstance(n.element, (Chapter, Paragraph)) else "text",
            f"{label(n)}{' title' if isinstance(n.element, (Chapter, Paragraph)) else ''}",
        )
        for n in view.numbered
    ]
    for base, field, where in places:
        found = by_field.get((*base, field), {})
        for lang in doc.languages:
            if lang not in found:
                yield view.problem(
                    RULE,
                    view.source.at([*base, field]),
                    f"{where} has no {lang} text",
                    f"write it as a mapping: {{{', '.join(f'{code}: …' for code in doc.languages)}}}",
                    severity="error",
                )
        if main not in found:
            continue
        first = found[main]
        facts = _facts(first.value)
        for lang in doc.languages[1:]:
            other = found.get(lang)
            if other is None:
                continue
            at = view.at(other, 0)
            theirs = _facts(other.value)
            for kind, ours in facts.items():
                if ours != theirs[kind]:
                    yield view.problem(
                        RULE,
                        at,
                        f"{where}: the {main} and {lang} texts differ in {kind} "
                        f"({main}: {_show(ours) or 'none'}; {lang}: {_show(theirs[kind]) or 'none'})",
                        "make the translations say the same",
                    )
            if _ending(first.value) != _ending(other.value):
                yield view.problem(
                    RULE,
                    at,
                    f"{where}: the {main} text ends with {_ending(first.value)}, the "
                    f"{lang} text with {_ending(other.value)}",
                    "end both alike",
                )


RULE = Rule(
    "DLO112",
    "language-parity",
    "warning",
    "the languages of a bilingual document differ in structure or miss a text",
    check,
)
