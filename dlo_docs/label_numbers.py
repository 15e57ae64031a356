"""The numbers a label prints, read as printed.

``label_record`` holds a label to the numbers of its bundled text. A label is read as printed
(``Reading``): each placeholder of its bundled text is replaced by a sample of what the outputs
put there (``sample``) — 07.07.2007 for a date (``{date}``, ``{effective}``), 07.07.2007 07:07
for the signing time (``{time}``), 2007 for a year, 7 for any other: a number, and a name, a
title, a code or an edition's name, which may begin or end with digits — then each word that reads as a number is
read as the digits it looks like (``reading``). Its numbers are the runs of numerals of that
reading (``Reading.numbers``), each

- the placeholder's, inside the sample of one;
- joined to a placeholder, when it runs on from its sample: digits or letters drawn like digits
  written beside a placeholder print another number than the journal's (``{number}О`` reads 70,
  ``1{n}`` 17, ``{number}{number}`` 77, ``{number}-І`` the 1 of 7-1);
- the label's own, outside every sample.

A word reads as a number when it is made only of numerals (any script's digits, ², ½, Ⅻ) and of
letters drawn like a digit (``chars.DIGIT_LOOKALIKES``: О, І, l, З, б, Ч ...), and

- holds a digit ("2О2б" reads 2026, "1О" 10), or
- has two characters or more, none of them a small letter (``chars.DIGIT_LOOKALIKES_SMALL``:
  о, з, б, ч are words and letters of words): "ІО" reads 10, "lO" 10, "ІІ" 11 (a Roman numeral
  typed in І or I is printed as one), or
- follows "№" ("№ І", "№ о"), or
- is joined to such a number by ".", "/" or "-" (the "Об" of "О3.Об.2О24").

A word with any other letter ("Іс", "Із", "XII") or of small letters ("о", "об", "оз") is a
word. The dates and orders' numbers of a reading are ``label_dates``'.

- ``Reading(text, names)``: ``text`` read with its placeholders ``names`` filled: its
  ``numbers`` and its ``dates`` (``Number``), each where the label writes it.
- ``reading(text) -> str``: ``text`` with each word that reads as a number in the digits it
  reads as (as long as ``text``: each character at its place).
- ``numbers(text)``: each number of ``text`` as it reads, and where it starts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from . import label_dates
from .chars import drawn_digit

_JOINS = "./-"  # what joins the parts of a date or of an order's number: 03.06.2024, 45-НҚ
_WORDS = re.compile(r"[^\W_]+")  # a run of letters and numerals
_PLACEHOLDER = re.compile(r"\{\w+\}")
# what a placeholder is read as: a date, a date and time, a year; any other reads as 7
_SAMPLES = {
    "{date}": "07.07.2007",
    "{effective}": "07.07.2007",
    "{time}": "07.07.2007 07:07",
    "{year}": "2007",
}


# the placeholders the outputs fill with a number or a date: the journal's, a clause's, a page's
NUMBERED = frozenset(
    f"{{{field}}}"
    for field in ("n", "number", "year", "page", "pages", "chapter", "clause", "item", "serial")
    + ("date", "effective", "time")
)


def sample(placeholder: str, words: bool = False) -> str:
    """What ``placeholder`` (``{number}``) is read as: a date, a year, else the number 7; with
    ``words``, one the outputs fill with words (a name, a title, a code) is a word."""
    return "Ж" if words and placeholder not in NUMBERED else _SAMPLES.get(placeholder, "7")


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


def _runs(read: str) -> Iterator[tuple[str, int]]:
    """Each run of numerals of the reading ``read`` and where it starts."""
    for word in _WORDS.finditer(read):
        at = word.start()
        for numeric, run in itertools.groupby(word.group(), str.isnumeric):
            part = "".join(run)
            if numeric:
                yield part, at
            at += len(part)


def numbers(text: str) -> Iterator[tuple[str, int]]:
    """Each number of ``text`` (a run of numerals, as it reads) and where it starts."""
    return _runs(reading(text))


@dataclass(frozen=True)
class Number:
    """A number (or a date) a label prints: the digits it reads as, where the label writes it
    (``at``, ``end``), the placeholder it is of (``of``) or runs on from (``joins``), and the
    blank that follows it (the bundled "20___": a year to fill in by hand)."""

    digits: str
    at: int
    end: int
    of: str | None = None
    joins: str | None = None
    blank: str = ""

    @property
    def own(self) -> tuple[str, str] | None:
        """What it counts as when it is the label's own: its digits and its blank."""
        return None if self.of or self.joins else (self.digits, self.blank)


@dataclass(frozen=True)
class _Span:
    start: int  # in the filled text
    end: int
    name: str  # the placeholder
    at: int  # in the label as written
    until: int


class Reading:
    """The label ``text`` read as printed, its placeholders ``names`` filled with samples
    (``sample``; with ``words``, those filled with words as a word)."""

    def __init__(self, text: str, names: Collection[str], words: bool = False) -> None:
        self.text, self.names, self.words = text, names, words
        self.filled = ""
        self._spans: list[_Span] = []
        self._origin: list[int] = []  # for each character filled, where the label writes it
        self._until: list[int] = []  # and where what writes it ends
        done = 0
        for m in _PLACEHOLDER.finditer(text):
            if m.group() in names:
                self._literal(done, m.start())
                filled = sample(m.group(), words)
                start = len(self.filled)
                self._spans.append(_Span(start, start + len(filled), m.group(), *m.span()))
                self.filled += filled
                self._origin += [m.start()] * len(filled)
                self._until += [m.end()] * len(filled)
                done = m.end()
        self._literal(done, len(text))
        self.read = reading(self.filled)

    def _literal(self, start: int, end: int) -> None:
        self.filled += self.text[start:end]
        self._origin += range(start, end)
        self._until += range(start + 1, end + 1)

    def _number(
        self, digits: str, start: int, end: int, of: str | None = None, joins: str | None = None
    ) -> Number:
        """The number ``digits``, at ``start:end`` of the reading, where the label writes it."""
        blank = "" if of or joins else _blank(self.filled, end)
        return Number(digits, self._origin[start], self._until[end - 1], of, joins, blank)

    def numbers(self) -> list[Number]:
        """The numbers the label prints, each the placeholder's, joined to one or its own."""
        found = []
        for digits, start in _runs(self.read):
            end = start + len(digits)
            span = next((s for s in self._spans if s.start < end and start < s.end), None)
            if span is None:
                found.append(self._number(digits, start, end))
            elif span.start <= start and end <= span.end:
                found.append(self._number(digits, start, end, of=span.name))
            else:
                found.append(self._number(digits, start, end, joins=span.name))
        return found

    def dates(self) -> list[Number]:
        """The dates and orders' numbers the label writes of its own, as it reads: each with a
        part outside every placeholder (``маусым {year}``, ``01.06.{year}``), read with the
        placeholders filled with words as a word (a code's 7 is no day); the first own part
        first, the longest first."""
        if not self.words:
            return Reading(self.text, self.names, words=True).dates()
        found = []
        for text in (self.read, self.filled):  # the reading, and the Roman numerals as written
            for start, end, parts in label_dates.found(text):
                own = [part for part in parts if not self._inside(part)]
                if own:
                    date = self._number(self.read[start:end], start, end)
                    found.append((self._origin[own[0][0]], -date.end, date))
        return [date for *_, date in sorted(found, key=lambda found: found[:2])]

    def _inside(self, part: tuple[int, int]) -> bool:
        return any(s.start <= part[0] and part[1] <= s.end for s in self._spans)


def _blank(text: str, end: int) -> str:
    """The blank that follows a number ending at ``end`` of ``text``: the bundled "20___" (a
    year to fill in) lets a label write "20___", not a "20" of its own ("№ 20", "«20» ноября",
    "20_")."""
    return text[end : len(text) - len(text[end:].lstrip("_"))]
