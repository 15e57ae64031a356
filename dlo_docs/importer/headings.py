"""Decisions about the whole source that one line cannot make alone.

- **Chapter headings numbered like clauses.** Many sources number chapters "1. Общие положения"
  and clauses "1. Коммунальное …" alike. A numbered line is a chapter heading when it is shaped
  like one (a short line starting with a capital and not ending like a sentence) and what
  follows says so: the next numbered line continues it hierarchically ("1.1." after "1."), or
  the clause numbering goes on after it as if it were not there ("14." after "13." and a
  heading "2. …"), while the number itself continues the chapters.
- **Chapter headings numbered in Roman numerals, in any case**, the full stop perhaps left out
  ("II Задачи отдела"). "II. Задачи отдела" is a chapter
  heading when it is shaped like one, clauses or items follow it, and it comes after a line
  such as "I. Общие положения" (or "I. ОБЩИЕ ПОЛОЖЕНИЯ", which ``classify`` takes line by line)
  that a "II. …" follows: one such line alone is no evidence (a signatory's "І. Есенберлин", a
  Kazakh initial and a surname, looks the same), nor are such lines in a source whose chapters
  are marked otherwise ("Глава 2" over sections "I.", "II.").
- **Chapter headings set apart by bold type only** (``promote_bold``), as offices write them in
  the Normal style: where the source numbers no chapter, after the text has begun, over a clause
  not in bold, at least two of them.
- **Chapter headings in plain type told by their words** (``promote_topics``), as a .txt saved
  from Word keeps the bold ones: a short line worded as a chapter's heading ("Задачи отдела",
  "Бөлімнің міндеттері"), between a clause ending a sentence and a clause, where the source's
  chapters are not numbered, in capitals, in bold or in a heading style; at least two such.
- **Numbering within chapters.** A source that numbers clauses "3.5." under chapter 3, or
  whose (Word) numbering starts again at 1 in each chapter, numbers its clauses per chapter.
"""

from __future__ import annotations

import re

from .classify import Cand, roman_heading, roman_value, topic_heading, upper_heading
from .source import Line

_SENTENCE_END = (".", ";", ":", ",", "!", "?")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def heading_shaped(text: str) -> bool:
    """A line that reads like a heading: not long, starts with a capital, no sentence end."""
    text = text.strip()
    if not text or len(text) > 300 or text.endswith(_SENTENCE_END):
        return False
    first = _FIRST_LETTER.search(text)
    return first is not None and first.group().isupper()


def set_apart(line: Line, cand: Cand, titled: bool) -> bool:
    """A line under a chapter heading (``titled``: which has its title already) that is the
    heading's own title or its continuation: in capitals, or all in bold (an office's heading in
    the Normal style) and shaped like one under a heading with no title ("Глава 1")."""
    return upper_heading(cand.text) or (line.strong and heading_shaped(cand.text) and not titled)


def _int(number: str | None) -> int | None:
    return int(number) if number is not None and number.isdecimal() else None


def _next_numbered(cands: list[Cand], i: int) -> Cand | None:
    for cand in cands[i + 1 :]:
        if cand.kind in ("clause", "item", "chapter", "paragraph"):
            return cand if cand.number is not None else None
    return None


def promote_chapters(cands: list[Cand]) -> list[Cand]:
    """``cands`` with the numbered lines that are chapter headings made chapters."""
    chapters, last_clause = 0, 0
    out = list(cands)
    for i, cand in enumerate(cands):
        if cand.kind == "chapter":
            chapters += 1
            continue
        n = _int(cand.number) if cand.kind == "clause" else None
        if n is None:
            continue
        following = _next_numbered(cands, i)
        if heading_shaped(cand.text) and following is not None:
            nested = following.number is not None and following.number.startswith(f"{n}.")
            goes_on = n == chapters + 1 and _int(following.number) == last_clause + 1
            if nested or goes_on:
                out[i] = Cand("chapter", cand.number, cand.text)
                chapters += 1
                continue
        last_clause = n
    return out


def _roman_heading(line: Line, cand: Cand) -> tuple[int, Cand] | None:
    """A plain line shaped like a Roman-numbered chapter heading (a full stop at its end
    allowed): its number's value and the chapter it would be."""
    roman = roman_heading(cand.text) if cand.kind == "none" and line.hint is None else None
    if roman is None:
        return None
    number, title = roman[0], roman[1].strip()
    if title.endswith(".") and len(title) <= 80 and ". " not in title:
        title = title[:-1]
    if not heading_shaped(title):
        return None
    value = roman_value(number.replace("І", "I"))
    return (value, Cand("chapter", number, title)) if value else None


def _opens_text(cands: list[Cand], i: int, headings: dict[int, tuple[int, Cand]]) -> bool:
    """The line ``i`` is followed by a clause or an item before any other heading (a list of
    lines numbered I, II… inside a clause is not chapters: each is followed by the next)."""
    for j in range(i + 1, len(cands)):
        if j in headings or cands[j].kind in ("chapter", "paragraph"):
            return False
        if cands[j].kind in ("clause", "item"):
            return True
    return False


def promote_roman(lines: list[Line], cands: list[Cand]) -> list[Cand]:
    """``cands`` with the Roman-numbered chapter headings in any case made chapters: from the
    first I that a II follows (either perhaps in capitals, a chapter already), each followed by
    a clause or an item (a numbering slip after that, "II" twice, is reported by the sequence
    check, not lost). Not in a source whose chapters are marked otherwise ("Глава 2", "1 тарау",
    a heading style): its Roman-numbered lines are something else."""
    chapters = {i: c for i, c in enumerate(cands) if c.kind == "chapter"}
    if any(roman_heading(lines[i].text) is None for i in chapters):
        return cands
    found = {
        i: heading
        for i, (line, cand) in enumerate(zip(lines, cands, strict=True))
        if (heading := _roman_heading(line, cand))
    }
    runs = [(i, h) for i, h in found.items() if _opens_text(cands, i, found)]
    runs += [
        (i, (roman_value(c.number.replace("І", "I")) or 0, c))
        for i, c in chapters.items()
        if c.number
    ]
    runs.sort(key=lambda entry: entry[0])
    values = [value for _, (value, _) in runs]
    start = next((k for k, value in enumerate(values) if value == 1 and 2 in values[k + 1 :]), None)
    out = list(cands)
    for i, (_, chapter) in runs[start:] if start is not None else ():
        out[i] = chapter
    return out


# words that head a note, never a chapter
_NOTE = re.compile(r"(?:примечани[ея]|ескерту|ескертпе)\W*", re.IGNORECASE)


def promote_bold(lines: list[Line], cands: list[Cand]) -> list[Cand]:
    """``cands`` with the unnumbered headings set apart only by bold type made chapters, in a
    source that has no numbered chapter: a line all in bold, shaped as a heading, after the
    text has begun and not in a list (what comes before it does not end with ":" or ","),
    over a clause not in bold (a source all in bold sets nothing apart); at least two such, the
    first chapter's heading in bold ("Общие положения") counted."""
    if any(c.kind == "chapter" and c.number is not None for c in cands):
        return cands
    found: list[int] = []
    before, begun = "", False  # the last clause's or item's text; has the text begun?
    for i, (line, cand) in enumerate(zip(lines, cands, strict=True)):
        if cand.kind in ("clause", "item"):
            begun, before = True, cand.text
            continue
        after = i + 1 < len(cands) and cands[i + 1].kind == "clause" and not lines[i + 1].strong
        if (
            begun
            and after
            and cand.kind == "none"
            and line.strong
            and heading_shaped(cand.text)
            and not _NOTE.fullmatch(cand.text.strip())
            and not before.rstrip().endswith((":", ","))
        ):
            found.append(i)
    bold = sum(1 for i, c in enumerate(cands) if c.kind == "chapter" and lines[i].strong)
    out = list(cands)
    for i in found if len(found) + bold >= 2 else ():
        out[i] = Cand("chapter", None, cands[i].text)
    return out


# a clause's or an item's text that ends a sentence (a heading may follow it)
_ENDED = re.compile(r"[.!?][»\")]*$")


def promote_topics(lines: list[Line], cands: list[Cand]) -> list[Cand]:
    """``cands`` with the unnumbered headings in plain type worded as a chapter's
    (``classify.topic_heading``: "Задачи отдела", "Права") made chapters, as a .txt saved from
    Word keeps the bold headings of ``promote_bold``: in a source whose chapters are not
    numbered, nor in capitals, in bold or in a heading style, each between a clause or an item
    that ends a sentence and a clause; at least two such lines (one alone, with a first
    chapter's "Общие положения", may be a sub-heading: "Порядок ведения личных дел")."""
    marked = (
        c.number or upper_heading(c.text) or lines[i].strong or lines[i].hint
        for i, c in enumerate(cands)
        if c.kind == "chapter"
    )
    if any(marked):
        return cands
    found = [
        i
        for i in range(1, len(cands) - 1)
        if cands[i].kind == "none"
        and cands[i - 1].kind in ("clause", "item")
        and _ENDED.search(cands[i - 1].text.rstrip())
        and cands[i + 1].kind == "clause"
        and heading_shaped(cands[i].text)
        and topic_heading(cands[i].text)
    ]
    out = list(cands)
    for i in found if len(found) >= 2 else ():
        out[i] = Cand("chapter", None, cands[i].text.strip())
    return out


def numbered_by_chapter(cands: list[Cand]) -> bool:
    """Whether the source numbers its clauses within each chapter."""
    chapter: str | None = None
    firsts: list[str] = []
    dotted = plain = 0
    seen_clause = True
    for cand in cands:
        if cand.kind == "chapter":
            chapter, seen_clause = cand.number, False
            continue
        if cand.kind != "clause" or cand.number is None:
            continue
        if "." in cand.number:
            if chapter is not None and cand.number.split(".")[0] == chapter:
                dotted += 1
        else:
            plain += 1
        if not seen_clause:
            firsts.append(cand.number)
            seen_clause = True
    if dotted and not plain:
        return True
    return plain > 0 and len(firsts) >= 2 and all(f == "1" for f in firsts)


def unnumbered(lines: list[Line], cands: list[Cand]) -> list[Cand]:
    """``cands`` with the unnumbered chapter headings told by bold type, then by their words."""
    return promote_topics(lines, promote_bold(lines, cands))
