"""Which clause of a source says who initiates changes by the memo or proposal they are made on
("Изменения в настоящую инструкцию вносятся по служебной записке начальника …", "Осы Ережеге
өзгерістер … бастығының қызметтік жазбасы бойынша енгізіледі"): when no clause names an
initiative ("по инициативе …", "… бастамасы бойынша"), ``states.mark_states`` marks the best
ranked as the clause stating ``change_initiators``, and ``mentions.initiating_part`` reads the
writer.

A clause ranks when its own text is about changes and it or what it lists names a memo or a
proposal (``mentions.names_memo``): highest under a heading on changes (its chapter's or
paragraph's title), then naming this document ("в настоящую инструкцию", "осы Ережеге": a
demonstrative followed by a name of the document, not "данные АИС" or "осы бөлім"); never one
about the instructions of the staff ("в должностные инструкции работников", "қызметкерлерінің
лауазымдық нұсқаулықтарына"), which are other documents.
"""

from __future__ import annotations

import re

from ..mentions import names_memo, words
from .tree import Node, clauses, full_text

_CHANGES = ("өзгеріс", "изменени")
_DOCUMENT = r"(?:должностн\w*\s+|лауазымдық\s+)?(?:инструкци|положени|ереже|нұсқаулы|лн\b)"
_THIS = re.compile(r"(?:^|\s)(?:настоящ\w*|данн\w*|осы)\s+" + _DOCUMENT, re.IGNORECASE)
_STAFF = re.compile(
    r"(?:инструкци|положени)\w*\s+(?:\w+\s+)?(?:работник|сотрудник)"
    r"|қызметкер\w*\s+(?:\w+\s+)?нұсқаулы",
    re.IGNORECASE,
)


def memo_rank(heading: str, own: str, full: str) -> int:
    """How surely a clause (its ``own`` text, with what it lists ``full``, under ``heading``:
    its chapter's and paragraph's titles) says who initiates changes by a memo or proposal: 2
    under a heading on changes, 1 naming this document, 0 not at all."""
    said = words(own)
    if not (names_memo(full) and any(w.startswith(_CHANGES) for w in said)) or _STAFF.search(own):
        return 0
    if any(w.startswith(_CHANGES) for w in words(heading)):
        return 2
    return 1 if _THIS.search(own) else 0


def by_memo(chapters: list[Node]) -> Node | None:
    """The first of the best ranked clauses on changes by a memo not marked with another fact
    (``memo_rank``), or None."""
    headings = {
        id(c): f"{h.text} {p.text}" for h in chapters for p in h.paragraphs for c in p.clauses
    }
    best, rank = None, 0
    for chapter, clause in clauses(chapters):
        heading = headings.get(id(clause), chapter.text)
        ranked = memo_rank(heading, clause.text, full_text(clause)) if clause.states is None else 0
        if ranked > rank:
            best, rank = clause, ranked
    return best
