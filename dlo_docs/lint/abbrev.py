"""Where each abbreviation of a document is defined and used. Not a rule (no ``RULE``): the
analysis shared by DLO102 (undefined), DLO103 (not in the abbreviations chapter) and DLO104
(defined but unused, or defined twice).

An abbreviation is a Cyrillic word with at least two capitals (``view.is_abbreviation``). It is
*defined*
- in the document's abbreviations chapter: an item ``ABBR[, ABBR…] – expansion`` (the tokens
  before the dash), or an item whose ``ref`` names a registry abbreviation;
- inline: ``(одан әрі – ABBR)`` / ``(далее – ABBR)``, or ``(ABBR)`` right after its expansion;
- in the registry (``abbreviations:``), which a document without an abbreviations chapter may
  rely on.
Every other occurrence is a *use*. A use inside a name in quotes («Университет КАЗГЮУ имени …») is
part of that name, which the document cannot define: it needs no definition (DLO102, DLO103) but
still counts as a use (DLO104). A text without a lower-case letter (a heading in capitals) holds
no abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import vocab
from .view import WORD, Text, View, abbreviations, is_abbreviation

_DASH = re.compile(r"\s[–—-]\s")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|„[^„“]*“")


@dataclass(frozen=True)
class Occurrence:
    token: str
    text: Text
    offset: int
    role: str  # "chapter" (defined in the abbreviations chapter) | "inline" | "use"
    in_name: bool = False  # inside a name in quotes: part of that name


@dataclass
class Abbreviations:
    lang: str
    occurrences: list[Occurrence] = field(default_factory=list)
    registry: dict[str, str] = field(default_factory=dict)  # short → expansion
    has_chapter: bool = False

    def by_role(self, role: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.role == role]

    def defined_in_chapter(self) -> dict[str, Occurrence]:
        found: dict[str, Occurrence] = {}
        for o in self.by_role("chapter"):
            found.setdefault(o.token, o)
        return found

    def defined_inline(self) -> dict[str, Occurrence]:
        found: dict[str, Occurrence] = {}
        for o in self.by_role("inline"):
            found.setdefault(o.token, o)
        return found


def _inline_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of inline definitions in ``text``."""
    spans = []
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = m.group(1).strip()
        lowered = inner.lower()
        starts = [p for p in vocab.INLINE_DEFINITION.get(lang, []) if lowered.startswith(p)]
        tokens = WORD.findall(inner)
        if starts or (tokens and all(is_abbreviation(t) for t in tokens) and len(tokens) <= 2):
            spans.append((m.start(1), m.end(1)))
    return spans


def _chapter_definition_end(text: Text) -> int:
    """In an item of the abbreviations chapter: where the defined tokens end (the dash), or -1
    when the item defines nothing by its text."""
    m = _DASH.search(text.value)
    return m.start() if m else -1


def _analyse(view: View, lang: str) -> Abbreviations:
    result = Abbreviations(lang)
    for a in view.registry.abbreviations:
        short = a.short.get(lang)
        if short:
            result.registry[short] = a.expansion.get(lang, "")
    chapters = set(view.part("abbreviations"))
    result.has_chapter = bool(chapters)
    refs = {a.id: a for a in view.registry.abbreviations}
    for text in view.texts(lang):
        if not any(map(str.islower, text.value)):
            continue  # a heading in capitals ("ЖАЛПЫ ЕРЕЖЕЛЕР") is emphasis, not abbreviations
        in_chapter = text.kind == "item" and text.inside(chapters)
        definition_end = _chapter_definition_end(text) if in_chapter else -1
        ref = getattr(text.numbered.element, "ref", None) if in_chapter and text.numbered else None
        ref_short = refs[ref].short.get(lang) if in_chapter and ref in refs else None
        spans = _inline_spans(text.value, lang)
        names = [m.span() for m in _QUOTED.finditer(text.value)]
        for m in abbreviations(text.value):
            token = m.group()
            if in_chapter and (
                m.start() < definition_end or (definition_end < 0 and token == ref_short)
            ):
                role = "chapter"
            elif any(a <= m.start() < b for a, b in spans):
                role = "inline"
            else:
                role = "use"
            in_name = any(a < m.start() < b for a, b in names)
            result.occurrences.append(Occurrence(token, text, m.start(), role, in_name))
    return result


def analyse(view: View, lang: str) -> Abbreviations:
    key = ("abbreviations", lang)
    if key not in view.memo:
        view.memo[key] = _analyse(view, lang)
    return view.memo[key]


def casefold_match(token: str, known: set[str] | dict) -> str | None:
    """A defined abbreviation spelled with other capitals (``КеАҚ`` for ``КЕАҚ``)."""
    folded = token.casefold()
    return next((k for k in known if k != token and k.casefold() == folded), None)


def expansion_of(view: View, lang: str, short: str) -> str:
    for a in view.registry.abbreviations:
        if a.short.get(lang) == short:
            return a.expansion.get(lang, "")
    return ""
