"""The numbers a label writes: in numerals, or in letters drawn like digits.

``label_check`` holds a label that prints the journal's record, a draft's blank, the approval
block's heading or a mark of what the text is to the numbers of its bundled text, and a label of
the forms to no date or order's number of its own. A number is a run of numerals (any script's
digits, ², ½, Ⅻ), or a word that reads as one (``reading``): a word made only of digits and of
letters drawn like a digit (``chars.DIGIT_LOOKALIKES``: О, І, l, |, З, б ...) that

- holds a digit ("2О2б" reads 2026, "1О" 10), or
- has two characters or more, none of them a small letter (``chars.DIGIT_LOOKALIKES_SMALL``:
  о, з, б are words and letters of words): "ІО" reads 10, "lO" 10, "ІІ" 11 (a Roman numeral
  typed in І or I is printed as one), or
- follows "№" ("№ І", "№ о"), or
- is joined to such a number by ".", "/" or "-" (the "Об" of "О3.Об.2О24").

A word with any other letter ("Іс", "Із", "XII") or of small letters ("о", "об", "оз") is a
word.

- ``reading(text) -> str``: ``text`` with each word that reads as a number in the digits it
  reads as (as long as ``text``: each character at its place).
- ``numbers(text)``: each number of ``text`` as it reads, and where it starts.
- ``own_number(value, reference)``: the first number of ``value`` that ``reference`` lacks.
- ``dated(value)``: a date or an order's number in ``value`` ("03.06.2024", "№ 45").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from .chars import drawn_digit

_JOINS = "./-"  # what joins the parts of a date or of an order's number: 03.06.2024, 45-НҚ
# what reads as a date or an order's number: "03.06.2024", "2024-06-03", "№ 45"
_DATED = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|№\s*\d+")
_WORDS = re.compile(r"[^\W_]+")  # a run of letters and numerals


def _words(text: str) -> list[tuple[int, int]]:
    """Where each word of ``text`` (letters, numerals, the bars drawn like a 1) starts and ends."""
    bars = "".join(ch for ch in set(text) if not ch.isalnum() and drawn_digit(ch))
    word = re.compile(rf"(?:[^\W_]|[{re.escape(bars)}])+" if bars else r"[^\W_]+")
    return [m.span() for m in word.finditer(text)]


def _drawn(word: str) -> bool:
    """``word`` is made only of numerals and letters drawn like a digit."""
    return all(ch.isnumeric() or drawn_digit(ch) for ch in word)


def _small(ch: str) -> bool:
    """``ch`` is a small letter drawn like a digit: a digit only beside one."""
    drawn = drawn_digit(ch)
    return drawn is not None and drawn[1]


def _digit(ch: str) -> str:
    """``ch`` as the numeral it reads as: itself, or the digit it is drawn like."""
    drawn = None if ch.isnumeric() else drawn_digit(ch)
    return ch if drawn is None else drawn[0]


def _alone(text: str, start: int, end: int) -> bool:
    """The drawn word ``text[start:end]`` reads as a number by itself: it holds a numeral, or
    is two characters or more of no small letter, or follows "№"."""
    word = text[start:end]
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return (
        any(ch.isnumeric() for ch in word)
        or (len(word) > 1 and not any(_small(ch) for ch in word))
        or text[before - 1 : before] == "№"
    )


def _joined(text: str, spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """The drawn words ``spans`` in groups, each joined to the one before by one "." "/" "-"."""
    group: list[tuple[int, int]] = []
    for start, end in spans:
        if group and not (group[-1][1] == start - 1 and text[start - 1] in _JOINS):
            yield group
            group = []
        group.append((start, end))
    if group:
        yield group


def reading(text: str) -> str:
    """``text`` with each word that reads as a number written in the digits it reads as; the
    words joined to one are parts of it (the "Об" of "01.Об.2О24")."""
    spans = [(start, end) for start, end in _words(text) if _drawn(text[start:end])]
    read = list(text)
    for group in _joined(text, spans):
        if any(_alone(text, start, end) for start, end in group):
            for start, end in group:
                read[start:end] = map(_digit, text[start:end])
    return "".join(read)


def numbers(text: str) -> Iterator[tuple[str, int]]:
    """Each number of ``text`` (a run of numerals, as it reads) and where it starts."""
    read = reading(text)
    for word in _WORDS.finditer(read):
        at = word.start()
        for numeric, run in itertools.groupby(word.group(), str.isnumeric):
            part = "".join(run)
            if numeric:
                yield part, at
            at += len(part)


def own_number(value: str, reference: str) -> tuple[str, int] | None:
    """The first number of ``value`` that ``reference`` does not have, as often at most and
    as it is there (``_blanked``), and where it starts."""
    left = Counter(_blanked(reference, number, at) for number, at in numbers(reference))
    for number, at in numbers(value):
        if left[_blanked(value, number, at)] <= 0:
            return number, at
        left[_blanked(value, number, at)] -= 1
    return None


def dated(value: str) -> tuple[str, int] | None:
    """A date or an order's number that ``value`` writes, as it reads, and where it starts."""
    found = _DATED.search(reading(value))
    return None if found is None else (found.group(), found.start())


def _blanked(text: str, number: str, at: int) -> tuple[str, str]:
    """A number of ``text`` and the blank that follows it: the bundled "20___" (a year to fill
    in) lets a label write "20___", not a "20" of its own ("№ 20", "«20» ноября", "20_")."""
    end = at + len(number)
    return number, text[end : len(text) - len(text[end:].lstrip("_"))]
