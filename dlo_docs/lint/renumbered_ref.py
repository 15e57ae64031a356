"""DLO123: a reference left as it was while the clause or chapter it meant got another number.

A revision that inserts, removes or moves a clause renumbers the clauses after it; a text that
said "13-тармақ" / "пункт 13" and is unchanged in that reference still says 13, though the clause
it meant is now 14 (and 13 is another clause). Only a draft that revises a frozen edition is
checked (``View.previous``, the edition it revises), and only a reference that the element's
text has word for word as it had it in that edition (its words matched by ``difflib``): a
reference written or changed in the revision is taken as meant for the new numbers. A reference into another document is skipped
as DLO109 skips it. Documents that number their clauses within each chapter ("3.5.") are left
alone: their references name two numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from difflib import SequenceMatcher

from ..errors import Problem
from ..i18n import N_, Msg
from ..model import Regulation, text_in
from ..numbering import walk
from .missing_part import REFERENCES, _external
from .rule import Rule
from .view import Text, View

MOVED = {
    "clause": N_("'{ref}' ({where}): clause {n} of edition {edition} is clause {now} now"),
    "chapter": N_("'{ref}' ({where}): chapter {n} of edition {edition} is chapter {now} now"),
}
GONE = {
    "clause": N_("'{ref}' ({where}): clause {n} of edition {edition} is removed by this revision"),
    "chapter": N_(
        "'{ref}' ({where}): chapter {n} of edition {edition} is removed by this revision"
    ),
}


_WORD = re.compile(r"\S+")
_REST = re.compile(r"\w*")  # the rest of the word a reference's pattern ends in ("13-тармағ|ында")
# above this many pairs of words left to match, words as common as the matcher's heuristic says
# (more than 1% of them) are not matched: the exact match is quadratic in the words repeated
EXACT_UP_TO = 1_000_000


def _numbers(model: Regulation) -> dict[str, dict[int, str]]:
    """kind -> number -> the id of the clause or chapter of that number."""
    found: dict[str, dict[int, str]] = {"clause": {}, "chapter": {}}
    for n in walk(model):
        if n.kind in found:
            found[n.kind][n.number] = n.element.id
    return found


def _kept(old: str, new: str) -> list[tuple[int, int]]:
    """The spans of ``new`` the revision left as they were: its words (with the punctuation
    written on them: "13-тармағында", "13,") matched with ``old``'s; the common beginning and
    end at once, the rest by ``difflib``."""
    if old == new:
        return [(0, len(new))]
    a = _WORD.findall(old)
    words = list(_WORD.finditer(new))
    b = [m.group() for m in words]
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    exact = len(middle_a) * len(middle_b) <= EXACT_UP_TO
    blocks = SequenceMatcher(None, middle_a, middle_b, autojunk=not exact).get_matching_blocks()
    kept = [(0, head), *((head + j, head + j + size) for _, j, size in blocks if size)]
    kept.append((len(b) - tail, len(b)))
    return [(words[i].start(), words[j - 1].end()) for i, j in kept if j > i]


_DOTTED = re.compile(r"(?<![\d.])(\d{1,3})(?:\.\d{1,3})*\.$")


def _leading(value: str, start: int, number: str) -> tuple[int, int]:
    """The clause's number and its offset, for a reference whose number at ``start`` ends a
    dotted one: "3.1-тармақта" is sub-clause 1 of clause 3, not clause 1."""
    found = _DOTTED.search(value, max(0, start - 40), start)
    return (int(found.group(1)), found.start(1)) if found else (int(number), start)


def _kept_references(text: Text, old: str, view: View) -> Iterator[tuple[str, int, int, str]]:
    """(kind, number, offset, the reference as written) of each reference to this document's own clauses and chapters that
    ``text`` has as its old wording ``old`` had it, word for word."""
    spans: list[tuple[int, int]] | None = None
    for kind, pattern in REFERENCES.get(text.lang, []):
        for m in pattern.finditer(text.value):
            if _external(text, m.start(), m.end(), view):
                continue
            spans = _kept(old, text.value) if spans is None else spans
            for i in (1, 2):
                if not m.group(i):
                    continue
                number, at = _leading(text.value, m.start(i), m.group(i))
                if any(a <= at and m.end(i) <= b for a, b in spans):
                    end = rest.end() if (rest := _REST.match(text.value, m.end())) else m.end()
                    yield kind, number, at, text.value[min(at, m.start()) : end].strip()


def _old_text(previous: Regulation, text: Text, elements: Mapping[str, object]) -> str | None:
    if not text.element_id:
        return text_in(previous.title, text.lang, previous.main_lang)
    element = elements.get(text.element_id)
    if element is None:
        return None
    field = "title" if text.kind in ("chapter", "paragraph") else "text"
    return text_in(getattr(element, field, None), text.lang, previous.main_lang)


def check(view: View) -> Iterator[Problem]:
    previous = view.previous
    if previous is None or "chapter" in (previous.numbering, view.model.numbering):
        return
    before, after = _numbers(previous), _numbers(view.model)
    now = {kind: {eid: n for n, eid in numbers.items()} for kind, numbers in after.items()}
    elements = {n.element.id: n.element for n in walk(previous)}
    for text in view.texts():
        old = _old_text(previous, text, elements)
        if not old:
            continue
        for found in _kept_references(text, old, view):
            kind, number = found[:2]
            meant = before[kind].get(number)
            if meant is None or now[kind].get(meant) == number:
                continue
            yield _problem(view, text, found, now[kind].get(meant), previous.edition)


def _problem(
    view: View, text: Text, found: tuple[str, int, int, str], moved_to: int | None, edition: int
) -> Problem:
    kind, number, at, ref = found
    if moved_to is None:
        message = Msg(GONE[kind], ref=ref, n=number, edition=edition, where=text.label)
        hint = Msg("refer to the part meant now, or remove the reference")
    else:
        message = Msg(
            MOVED[kind], ref=ref, n=number, edition=edition, now=moved_to, where=text.label
        )
        hint = Msg(
            "write {now} if it still means that part; if it means the one numbered {n} now, "
            "silence {code} here, saying so",
            now=moved_to,
            n=number,
            code=RULE.code,
        )
    return view.problem(RULE, view.at(text, at), message, hint)


RULE = Rule(
    "DLO123",
    "renumbered-reference",
    "warning",
    "a reference the revision left as it was, to a clause or chapter that now has another number",
    check,
)
