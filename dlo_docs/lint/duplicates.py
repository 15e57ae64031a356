"""DLO107: near-duplicate entries in one list: two items of the same clause (or item), or two
clauses of the same chapter or paragraph, that say nearly the same thing.

Texts are compared as sets of word stems (the first five letters, lower case, without
conjunctions and other function words). Two entries are near-duplicates when they share at least
``MIN_SHARED`` stems and their Dice similarity (2·shared / (|a| + |b|)) is at least ``THRESHOLD``:
short entries that merely open alike ("қашықтықтан оқытуды қолдана отырып, …") share too few
words to count. The problem points at the later entry and names both, with the similarity.
Only the document's first language is compared (the others translate it).

What makes entries alike without making them say the same thing is not compared: names in
quotes; the document's subject where its name stands whole (the position's title, the unit's and
the organisation's names, with any case ending: "Research Assistant (Ассистент исследователя)");
words most entries use. Items of one list name actions ("утверждение маршрутов …", "… маршруттарын
келісу"): two items whose actions differ (the first verbal noun or infinitive in Russian, the
last word in Kazakh, where the verb ends the phrase) are different duties however much of their
object they share ("утверждение маршрутов …" and "ведение реестра маршрутов …"). Identical
entries are always reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from dataclasses import dataclass
from itertools import combinations

from ..errors import Problem
from ..i18n import Msg
from ..model import Clause, Item
from . import vocab
from .rule import Rule
from .view import WORD, Text, View

STEM = 5
QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"")
THRESHOLD = 0.5
MIN_SHARED = 8


def stem_list(text: str) -> list[str]:
    return [
        w.lower()[:STEM]
        for w in WORD.findall(text)
        if len(w) > 1 and w.lower() not in vocab.STOPWORDS
    ]


def stems(text: str) -> set[str]:
    return set(stem_list(text))


def without_names(found: list[str], names: list[list[str]]) -> list[str]:
    """``found`` without each run of stems that spells one of ``names`` whole."""
    for name in names:
        n, i, kept = len(name), 0, []
        while i < len(found):
            if n and found[i : i + n] == name:
                i += n
            else:
                kept.append(found[i])
                i += 1
        found = kept
    return found


def subject_names(view: View, lang: str) -> list[list[str]]:
    """The document's subject as stem runs: its position's title, its unit's and organisation's
    names (longest first, so a name inside another is not taken first)."""
    model, registry = view.model, view.registry
    texts = [registry.organisation_of(model.organisation).name.get(lang)]
    if any(u.id == model.unit for u in registry.units):
        texts.append(registry.unit(model.unit).name.get(lang))
    if model.position and any(p.id == model.position for p in registry.positions):
        texts.append(registry.position(model.position).title.get(lang))
    names = [stem_list(QUOTED.sub(" ", t)) for t in texts if t]
    return sorted((n for n in names if len(n) > 1), key=len, reverse=True)


def action(text: str, lang: str) -> str | None:
    """The action an item names: in Russian its first verbal noun or infinitive, in Kazakh its
    last word (the verb ends the phrase); ``None`` when it cannot be told."""
    found = [w.lower() for w in WORD.findall(text) if len(w) > 1]
    if lang == "kk":
        return found[-1][:STEM] if found else None
    return next((w[:STEM] for w in found if vocab.ACTION.get(lang, _NEVER).match(w)), None)


_NEVER = re.compile(r"(?!)")


def similarity(a: str | Set[str], b: str | Set[str]) -> tuple[float, int]:
    """(Dice similarity, number of shared stems) of two texts (or their stems)."""
    sa = stems(a) if isinstance(a, str) else a
    sb = stems(b) if isinstance(b, str) else b
    if not sa or not sb:
        return 0.0, 0
    shared = len(sa & sb)
    return 2 * shared / (len(sa) + len(sb)), shared


def lists(view: View) -> Iterator[list[Clause | Item]]:
    """Every list of sibling entries: the items of each clause and item, the clauses of each
    chapter and paragraph."""
    for chapter in view.model.chapters:
        yield list(chapter.clauses)
        for paragraph in chapter.paragraphs:
            yield list(paragraph.clauses)
    for items in view.children.values():
        yield list(items)


def common(stemmed: dict[str, set[str]]) -> set[str]:
    """Stems that appear in more than a quarter of a document's entries (of at least 12): its
    subject ("Управление ПТ и АД", the position's title) and its standard formulas ("в
    соответствии с законодательством Республики Казахстан"), which make entries alike without
    making them say the same thing."""
    if len(stemmed) < 12:
        return set()
    df: dict[str, int] = {}
    for found in stemmed.values():
        for stem in found:
            df[stem] = df.get(stem, 0) + 1
    return {stem for stem, n in df.items() if n * 4 > len(stemmed)}


@dataclass(frozen=True)
class _Entry:
    """What the comparison needs of one entry, computed once per document."""

    text: Text
    whole: frozenset[str]  # its stems, names in quotes left out
    stemmed: frozenset[str]  # ... and the subject's names and the document's frequent stems
    action: str | None  # the action an item names (None for a clause, or when not told)


def _entries(view: View, lang: str) -> dict[str, _Entry]:
    texts = [t for t in view.texts(lang) if t.kind in ("clause", "item")]
    # names in quotes («…») and the subject's names are names, not words the entries share
    found = {t.element_id: stem_list(QUOTED.sub(" ", t.value)) for t in texts}
    whole = {eid: set(stems) for eid, stems in found.items()}
    names = subject_names(view, lang)
    frequent = common(whole)
    return {
        t.element_id: _Entry(
            t,
            frozenset(whole[t.element_id]),
            frozenset(set(without_names(found[t.element_id], names)) - frequent),
            action(t.value, lang) if t.kind == "item" else None,
        )
        for t in texts
    }


def _pair(a: _Entry, b: _Entry) -> tuple[float, int] | None:
    """(similarity, shared stems) when ``b`` nearly repeats ``a``, else None."""
    if len(a.whole) >= 4 and a.whole == b.whole:
        return 1.0, len(a.whole)
    if a.action is not None and b.action is not None and a.action != b.action:
        return None  # two items that name different actions
    la, lb = len(a.stemmed), len(b.stemmed)
    # shared <= the smaller set: too small a set, or too unequal sizes, cannot reach the bar
    if min(la, lb) < MIN_SHARED or 2 * min(la, lb) < THRESHOLD * (la + lb):
        return None
    score, shared = similarity(a.stemmed, b.stemmed)
    return (score, shared) if score >= THRESHOLD and shared >= MIN_SHARED else None


def check(view: View) -> Iterator[Problem]:
    entries = _entries(view, view.model.main_lang)
    for siblings in lists(view):
        for a, b in combinations([entries[e.id] for e in siblings if e.id in entries], 2):
            found = _pair(a, b)
            if found is None:
                continue
            score, shared = found
            yield view.problem(
                RULE,
                view.at(b.text, 0),
                Msg(
                    "{b} nearly repeats {a} ({score:.0%} similar, {shared} words shared)",
                    b=b.text.label,
                    a=a.text.label,
                    score=score,
                    shared=shared,
                ),
                Msg("merge the two, or make the difference plain"),
            )


RULE = Rule(
    "DLO107",
    "near-duplicate",
    "warning",
    "two entries of one list say nearly the same thing",
    check,
)
