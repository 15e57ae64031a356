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

# tokens of the changed stretches of two texts matched one by one up to this many pairs (a clause
# of some 500 words each side); beyond, words are matched with the spaces before them and the
# commonest words are not starting points (difflib's autojunk): a text of 2,000 words changed
# every 50 took 8 s to compare (the space, every other token, tried as a start at each step), and
# the time grew as the cube of the length (a 100,000-character text: hours)
EXACT_UP_TO = 1_000_000
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


def _spaced(found: list[str]) -> list[str]:
    """The tokens with each run of white space joined to the token after it (a text's last
    words, added, are then one insertion): the commonest token, a space, no longer one that
    every match may start from."""
    out: list[str] = []
    space = ""
    for token in found:
        if token.strip():
            out.append(space + token)
            space = ""
        else:
            space += token
    if space:
        out.append(space)
    return out


def _common_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many tokens ``a`` and ``b`` share at their start, and then at their end."""
    head, shortest = 0, min(len(a), len(b))
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def diff(old: str, new: str) -> list[Segment]:
    """The word-level difference between two texts, as segments in reading order."""
    if old == new:
        return [Segment(EQUAL, old)] if old else []
    a, b = tokens(old), tokens(new)
    exact = len(a) * len(b) <= EXACT_UP_TO
    if not exact:  # a long text changed: each word with its spaces, the common ends apart
        a, b = _spaced(a), _spaced(b)
    head, tail = (0, 0) if exact else _common_ends(a, b)
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=not exact)
    segments: list[Segment] = [Segment(EQUAL, "".join(a[:head]))]
    same_chars = sum(len(t) for t in (*a[:head], *a[len(a) - tail :]) if t.strip())
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            text = "".join(middle_a[i1:i2])
            segments.append(Segment(EQUAL, text))
            same_chars += sum(len(t) for t in middle_a[i1:i2] if t.strip())
        else:
            segments.append(Segment(DELETE, "".join(middle_a[i1:i2])))
            segments.append(Segment(INSERT, "".join(middle_b[j1:j2])))
    segments.append(Segment(EQUAL, "".join(a[len(a) - tail :])))
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
