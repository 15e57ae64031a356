"""DLO112: language parity. Every text must exist in each of the document's languages (error: the
output in that language cannot be built; in a document of one language too, a text written
{kk: …} only in another), and in a document with several languages the versions of one text must
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
from ..i18n import Msg
from ..model import Chapter, Paragraph
from ..unwritten import unwritten
from .rule import Rule
from .view import Text, View, label

_NUMBER = re.compile(r"\d+")
_LATIN = re.compile(r"(?<![^\W\d_])[A-Za-z][A-Za-z]+(?![^\W\d_])")
# how a text ends, as the words after "ends" (a language that declines its nouns says the
# sign in the case the verb takes: "заканчивается точкой с запятой", "без знака препинания")
_ENDINGS = {
    ":": Msg("with a colon"),
    ";": Msg("with a semicolon"),
    ".": Msg("with a full stop"),
    ",": Msg("with a comma"),
}


def _ending(text: str) -> Msg:
    end = text.rstrip()[-1:]
    return _ENDINGS.get(end, Msg("without punctuation"))


def _facts(text: str) -> dict[Msg, Counter]:
    return {
        Msg("numbers"): Counter(_NUMBER.findall(text)),
        Msg("Latin words"): Counter(_LATIN.findall(text)),
    }


def _show(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements())) or Msg("none")


def _missing(
    view: View,
    base: tuple[str | int, ...],
    field: str,
    where: Msg,
    found: dict[str, Text],
    by_language: bool,
) -> Iterator[Problem]:
    """An error for each language the text at ``base`` has no version in (``by_language``: it
    is written as a mapping, {kk: …} already, perhaps in none of the document's languages)."""
    languages = view.model.languages
    for lang in languages:
        if lang not in found:
            yield view.problem(
                RULE,
                view.source.at([*base, field]),
                Msg("{where} has no {lang} text", where=where, lang=lang),
                Msg("add its {lang} text beside the others: {lang}: …", lang=lang)
                if by_language
                else Msg(
                    "write it as a mapping: {mapping}",
                    mapping="{" + ", ".join(f"{code}: …" for code in languages) + "}",
                ),
                severity="error",
            )


def _disagreements(view: View, where: Msg, first: Text, other: Text) -> Iterator[Problem]:
    """Warnings where ``other`` (a translation) differs from ``first`` in what does not
    translate: numbers, Latin words, the closing punctuation."""
    main, lang = first.lang, other.lang
    at = view.at(other, 0)
    ours_all, theirs_all = _facts(first.value), _facts(other.value)
    for kind, ours in ours_all.items():
        theirs = theirs_all[kind]
        if ours != theirs:
            yield view.problem(
                RULE,
                at,
                Msg(
                    "{where}: the {main} and {lang} texts differ in {what} ({main}: {ours}; "
                    "{lang}: {theirs})",
                    where=where,
                    main=main,
                    lang=lang,
                    what=kind,
                    ours=_show(ours),
                    theirs=_show(theirs),
                ),
                Msg("make the translations say the same"),
            )
    if _ending(first.value) != _ending(other.value):
        yield view.problem(
            RULE,
            at,
            Msg(
                "{where}: the {main} text ends {ours}, and the {lang} text {theirs}",
                where=where,
                main=main,
                lang=lang,
                ours=_ending(first.value),
                theirs=_ending(other.value),
            ),
            Msg("end both alike"),
        )


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    by_field: dict[tuple[str | int, ...], dict[str, Text]] = {}
    for text in view.texts():
        base = text.loc[:-1] if text.loc[-1] in doc.languages else text.loc
        by_field.setdefault(base, {})[text.lang] = text
    places = [((), "title", Msg("title"), doc.title)] + [
        (
            view.locs[n.element.id],
            "title" if isinstance(n.element, (Chapter, Paragraph)) else "text",
            Msg("{element} title", element=label(n, view.clause_numbers))
            if isinstance(n.element, (Chapter, Paragraph))
            else label(n, view.clause_numbers),
            getattr(n.element, "title" if isinstance(n.element, (Chapter, Paragraph)) else "text"),
        )
        for n in view.numbered
    ]
    for base, field, where, value in places:
        found = by_field.get((*base, field), {})
        by_language = value is not None and not isinstance(value, str)
        yield from _missing(view, base, field, where, found, by_language)
        if doc.main_lang not in found:
            continue
        for lang in doc.languages[1:]:
            to_write = any(unwritten(t.value) for t in (found[doc.main_lang], found.get(lang)) if t)
            if lang in found and not to_write:  # a text left to write is DLO114's alone
                yield from _disagreements(view, where, found[doc.main_lang], found[lang])


RULE = Rule(
    "DLO112",
    "language-parity",
    "warning",
    "the languages of a bilingual document differ in structure or miss a text",
    check,
    some_errors=True,  # a text missing in a language is an error
)
