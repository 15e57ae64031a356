"""What a rule sees of one regulation: its texts in every language, each with the YAML location
of its string, its computed number and a readable label ("clause 10 item 2").

Not a rule (it has no ``RULE``): the engine builds one ``View`` per document and hands it to
every rule, so positions and numbers are computed once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import DloError, Location, Problem, Severity
from ..i18n import Msg, join
from ..labels import labels as load_labels
from ..load import Source
from ..mentions import contains, words
from ..model import Chapter, Item, Paragraph, Registry, Regulation, text_in
from ..numbering import ClauseNumbers, Numbered, clause_numbers, walk
from ..numbering import label as label
from ..project import Document
from ..refs import element_ids
from . import vocab

# A word: letters only (digits, '-', '_' and punctuation split words), any script.
WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"^[\u0400-\u04FF]+$")
_ROMAN_LOOKALIKE = re.compile(r"^[ІХ]+$")  # "ХХІ ғасыр", "ІІ тоқсан": numerals in Cyrillic letters


def is_abbreviation(token: str) -> bool:
    """An abbreviation: a Cyrillic word of two letters or more with at least two capitals, so
    ``ҚӨУ``, ``ҚР``, ``КеАҚ`` and ``ҚОжБББ`` count and ``Университет`` and ``ХХІ`` do not."""
    # (most words have no capital after the first letter: told at C speed)
    return (
        len(token) >= 2
        and not token[1:].islower()
        and bool(_CYRILLIC.match(token))
        and sum(1 for ch in token if ch.isupper()) >= 2
        and not _ROMAN_LOOKALIKE.match(token)
    )


def abbreviations(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` (as ``WORD`` finds them) that are abbreviations, in order (a word
    whose letters after the first are all small is told at C speed)."""
    return (m for m in WORD.finditer(text) if not m[0][1:].islower() and is_abbreviation(m[0]))


@dataclass(frozen=True)
class Text:
    """One string of the document in one language."""

    element_id: str  # "" for the regulation's own title
    kind: str  # "title" | "chapter" | "paragraph" | "clause" | "item"
    lang: str
    value: str
    loc: tuple  # YAML location of the string scalar
    label: (
        str  # "clause 10 item 2", "chapter 3 title", "title"; ", ru" added in bilingual documents
    )
    chapter: Chapter | None
    numbered: Numbered | None
    order: int  # position in document order
    within: tuple[str, ...] = ()  # ids of the element and every element that contains it

    def inside(self, element_ids: set[str] | list[str]) -> bool:
        return any(e in element_ids for e in self.within)


@dataclass
class View:
    document: Document
    registry: Registry
    templates: Path | None = None  # the project's templates/ (its label sets)
    previous: Regulation | None = None  # the frozen edition a draft revises (None: not a revision)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # analyses shared by rules

    def labels(self, lang: str) -> dict[str, Any]:
        """The label set of ``lang`` the outputs use: the project's, else the bundled one. A
        project's set that the outputs would refuse (``dlo check`` reports its problems apart:
        ``labels.problems``) is read here as the bundled one, so the rules still run."""
        try:
            return load_labels(lang, self.templates)
        except DloError:
            return load_labels(lang)

    @property
    def model(self) -> Regulation:
        return self.document.model

    @property
    def source(self) -> Source:
        return self.document.source

    @property
    def path(self) -> str:
        return self.source.path

    # -- elements ------------------------------------------------------------------------
    @cached_property
    def clause_numbers(self) -> ClauseNumbers:
        return clause_numbers(self.model, self.numbered)

    @cached_property
    def locs(self) -> dict[str, tuple]:
        """Element id → YAML location of the element."""
        return {eid: tuple(loc) for eid, loc in element_ids(self.model)}

    @cached_property
    def ancestry(self) -> dict[str, tuple[str, ...]]:
        """Element id → its own id and the ids of the elements that contain it."""
        by_loc = {loc: eid for eid, loc in self.locs.items()}
        return {
            eid: tuple(by_loc[loc[:k]] for k in range(len(loc), 0, -1) if loc[:k] in by_loc)
            for eid, loc in self.locs.items()
        }

    def part(self, name: str) -> list[str]:
        """Ids of the chapters and paragraphs whose title names the part ``name`` of
        ``vocab.JOB_INSTRUCTION_PARTS`` in any of the document's languages."""
        return self._parts.get(name, [])

    @cached_property
    def _parts(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for n in self.numbered:
            if not isinstance(n.element, Chapter | Paragraph):
                continue
            for lang in self.model.languages:
                title = text_in(n.element.title, lang, self.model.main_lang)
                if not title:
                    continue
                title_words = words(title)
                for name, (_, phrases) in vocab.JOB_INSTRUCTION_PARTS.items():
                    if any(contains(title_words, ph) for ph in phrases.get(lang, [])):
                        found.setdefault(name, [])
                        if n.element.id not in found[name]:
                            found[name].append(n.element.id)
        return found

    def has_introduction(self) -> bool:
        for n in self.numbered:
            if isinstance(n.element, Chapter | Paragraph):
                for lang in self.model.languages:
                    title = text_in(n.element.title, lang, self.model.main_lang) or ""
                    if any(contains(words(title), ph) for ph in vocab.INTRODUCTION.get(lang, [])):
                        return True
        return False

    @cached_property
    def numbered(self) -> list[Numbered]:
        return list(walk(self.model))

    @cached_property
    def by_id(self) -> dict[str, Numbered]:
        return {n.element.id: n for n in self.numbered}

    @cached_property
    def chapter_of(self) -> dict[str, Chapter]:
        """Element id → the chapter it is in."""
        found: dict[str, Chapter] = {}
        current: Chapter | None = None
        for n in self.numbered:
            if isinstance(n.element, Chapter):
                current = n.element
            if current is not None:  # (always: the walk starts with a chapter)
                found[n.element.id] = current
        return found

    @cached_property
    def children(self) -> dict[str, list[Item]]:
        """Clause or item id → its items (the lists a near-duplicate rule compares)."""
        found: dict[str, list[Item]] = {}
        for n in self.numbered:
            items = getattr(n.element, "items", None)
            if items:
                found[n.element.id] = list(items)
        return found

    # -- texts ---------------------------------------------------------------------------
    @cached_property
    def _texts(self) -> list[Text]:
        doc = self.model
        texts: list[Text] = []

        def add(
            value_holder,
            field_name: str,
            base: tuple,
            element_id: str,
            kind: str,
            lbl: str,
            chapter: Chapter | None,
            n: Numbered | None,
        ) -> None:
            value = getattr(value_holder, field_name)
            for lang in doc.languages:
                text = text_in(value, lang, doc.main_lang)
                if text is None:
                    continue
                loc = (*base, field_name) if isinstance(value, str) else (*base, field_name, lang)
                shown = join(", ", [lbl, lang]) if len(doc.languages) > 1 else lbl
                texts.append(
                    Text(
                        element_id,
                        kind,
                        lang,
                        text,
                        loc,
                        shown,
                        chapter,
                        n,
                        len(texts),
                        self.ancestry.get(element_id, ()),
                    )
                )

        add(doc, "title", (), "", "title", Msg("title"), None, None)
        for n in self.numbered:
            el = n.element
            loc = self.locs[el.id]
            chapter = self.chapter_of[el.id]
            if isinstance(el, (Chapter, Paragraph)):
                add(
                    el,
                    "title",
                    loc,
                    el.id,
                    n.kind,
                    Msg("{element} title", element=label(n, self.clause_numbers)),
                    chapter,
                    n,
                )
            else:
                add(el, "text", loc, el.id, n.kind, label(n, self.clause_numbers), chapter, n)
        return texts

    def texts(self, lang: str | None = None) -> list[Text]:
        return [t for t in self._texts if lang is None or t.lang == lang]

    # -- positions -----------------------------------------------------------------------
    def at(self, text: Text, offset: int = 0) -> Location:
        """The file position of character ``offset`` of ``text``."""
        return self.source.text_at(list(text.loc), offset)

    def element_at(self, element_id: str, *key: str | int) -> Location:
        return self.source.at([*self.locs[element_id], *key])

    def problem(
        self,
        rule,
        location: Location,
        message: str,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Problem:
        return Problem(location, severity or rule.severity, rule.code, message, hint)
