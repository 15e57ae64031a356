"""Word-level differences for Kazakh and Russian (and any other script Unicode calls letters).

A text is cut into tokens: words (letters and digits of any script, with combining accents, joined
by inner hyphens and apostrophes: «Төрағасы-Ректорының», «ПОҚ-ын», «что-либо»), numbers with
inner separators («20.03.2015», «3,5»), runs of white space, and single punctuation marks
(«, », –, №, …). The difference is computed over tokens, so a change never splits a word, and
joining the segments gives back the texts exactly:

    "".join(s.text for s in segments if s.op != INSERT) == old
    "".join(s.text for s in segments if s.op != DELETE) == new
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "delete", "insert"]
EQUAL: Op = "equal"
DELETE: Op = "delete"
INSERT: Op = "insert"

_LETTER = r"[^\W_]|[\u0300-\u036f]"  # a letter or digit of any script, or a combining accent
_WORD = rf"(?:{_LETTER})+(?:[-\u2010\u2011'\u2019](?:{_LETTER})+)*"
_NUMBER = r"\d+(?:[.,/:]\d+)+"
TOKEN = re.compile(rf"{_NUMBER}|{_WORD}|\s+|.", re.DOTALL)

# below this share of unchanged word characters, a change reads better as a whole replacement
WHOLE_REPLACEMENT_BELOW = 0.25


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str
    spacing: bool = False  # the text is marks that show white space (``spacing.visible``)


def tokens(text: str) -> list[str]:
    """The tokens of ``text``; ``"".join(tokens(text)) == text``."""
    return TOKEN.findall(text)


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    """Join neighbours with the same operation and drop empty segments."""
    merged: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if merged and merged[-1].op == seg.op:
            merged[-1] = Segment(seg.op, merged[-1].text + seg.text)
        else:
            merged.append(seg)
    return merged


def _ordered(segments: list[Segment]) -> list[Segment]:
    """Within each run of changes, deletions first, then insertions (how a reader expects them)."""
    out: list[Segment] = []
    run: list[Segment] = []

    def flush() -> None:
        out.extend(s for s in run if s.op == DELETE)
        out.extend(s for s in run if s.op == INSERT)
        run.clear()

    for seg in segments:
        if seg.op == EQUAL:
            flush()
            out.append(seg)
        else:
            run.append(seg)
    flush()
    return _merge(out)


def _absorb_spaces(segments: list[Segment]) -> list[Segment]:
    """A bare space between two changes becomes part of both: "[-a b-]{+x y+}" rather than
    "[-a-]{+x+} [-b-]{+y+}". The texts on either side are unchanged by this."""
    out = list(segments)
    changed = True
    while changed:
        changed = False
        for i in range(1, len(out) - 1):
            seg = out[i]
            if (
                seg.op == EQUAL
                and not seg.text.strip()
                and out[i - 1].op != EQUAL
                and out[i + 1].op != EQUAL
            ):
                out[i : i + 1] = [Segment(DELETE, seg.text), Segment(INSERT, seg.text)]
                out = _ordered(_merge(out))
                changed = True
                break
    return out


def diff(old: str, new: str) -> list[Segment]:
    """The word-level difference between two texts, as segments in reading order."""
    if old == new:
        return [Segment(EQUAL, old)] if old else []
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    segments: list[Segment] = []
    same_chars = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            text = "".join(a[i1:i2])
            segments.append(Segment(EQUAL, text))
            same_chars += sum(len(t) for t in a[i1:i2] if t.strip())
        else:
            segments.append(Segment(DELETE, "".join(a[i1:i2])))
            segments.append(Segment(INSERT, "".join(b[j1:j2])))
    longest = max(len(old.replace(" ", "")), len(new.replace(" ", "")), 1)
    if same_chars / longest < WHOLE_REPLACEMENT_BELOW:
        return _merge([Segment(DELETE, old), Segment(INSERT, new)])
    return _absorb_spaces(_ordered(_merge(segments)))


def old_text(segments: Iterable[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != INSERT)


def new_text(segments: Iterable[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != DELETE)


def markup(segments: Iterable[Segment]) -> str:
    """wdiff-style plain text: ``[-deleted-]{+inserted+}``."""
    parts = []
    for seg in segments:
        if seg.op == DELETE:
            parts.append(f"[-{seg.text}-]")
        elif seg.op == INSERT:
            parts.append(f"{{+{seg.text}+}}")
        else:
            parts.append(seg.text)
    return "".join(parts)
