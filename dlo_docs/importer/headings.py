"""Decisions about the whole source that one line cannot make alone.

- **Chapter headings numbered like clauses.** Many sources number chapters "1. Общие положения"
  and clauses "1. Коммунальное …" alike. A numbered line is a chapter heading when it is shaped
  like one (a short line starting with a capital and not ending like a sentence) and what
  follows says so: the next numbered line continues it hierarchically ("1.1." after "1."), or
  the clause numbering goes on after it as if it were not there ("14." after "13." and a
  heading "2. …"), while the number itself continues the chapters.
- **Numbering within chapters.** A source that numbers clauses "3.5." under chapter 3, or
  whose (Word) numbering starts again at 1 in each chapter, numbers its clauses per chapter.
"""

from __future__ import annotations

import re

from .classify import Cand

_SENTENCE_END = (".", ";", ":", ",", "!", "?")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def heading_shaped(text: str) -> bool:
    """A line that reads like a heading: not long, starts with a capital, no sentence end."""
    text = text.strip()
    if not text or len(text) > 300 or text.endswith(_SENTENCE_END):
        return False
    first = _FIRST_LETTER.search(text)
    return first is not None and first.group().isupper()


def _int(number: str | None) -> int | None:
    return int(number) if number is not None and number.isdigit() else None


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
