"""DLO106: a word or phrase repeated next to itself: "the the", "сайлануға және сайлануға".

Two cases, compared without regard to case:
- the same word twice with only spaces between ("the the", "мен мен");
- the same one to four words on both sides of a conjunction ("X және X", "X и X") when the
  repeat ends the phrase (punctuation, the end of the text, or another conjunction follows).
  Without that condition elliptical wording would be reported: "жоғары немесе жоғары оқу
  орнынан кейінгі" (higher or post-graduate) repeats "жоғары" on purpose. A comma followed by a
  participle does not end the phrase but qualifies the repeat: "закрепленным за ним имуществом и
  имуществом, приобретенным за счет…" names two kinds of property.
The problem points at the repeated (second) occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from . import vocab
from .rule import Rule
from .view import WORD, Text, View

_SPACES = re.compile(r"^[ \u00a0\t\n]+$")
_PHRASE_END = re.compile(r"^[ \u00a0]*(?:[;:.,!?)»\"]|$)")
_QUALIFIED = re.compile(r"^[ \u00a0]*,[ \u00a0]*([^\W\d_]+)(?:[ \u00a0]+([^\W\d_]+))?")
MAX_WORDS = 4


def _qualified(after: str) -> bool:
    """What follows the repeat is a participle's phrase that tells it apart from the first."""
    m = _QUALIFIED.match(after)  # the first two words: a Kazakh verb may be compound
    return bool(m and any(w and vocab.PARTICIPLE.match(w) for w in m.groups()))


def repeats(text: str) -> Iterator[tuple[int, int, int]]:
    """(start of the whole repetition, offset of the repeat, its end) for every repetition."""
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    low = [w.lower() for _, _, w in words]
    taken = -1
    for i in range(len(words)):
        if i <= taken:
            continue
        # "the the"
        if (
            i + 1 < len(words)
            and low[i] == low[i + 1]
            and len(low[i]) > 1
            and _SPACES.match(text[words[i][1] : words[i + 1][0]])
        ):
            yield words[i][0], words[i + 1][0], words[i + 1][1]
            taken = i + 1
            continue
        # "X conj X"
        for n in range(MAX_WORDS, 0, -1):
            j = i + n  # the conjunction
            k = j + 1  # the repeat starts
            if k + n > len(words) or low[j] not in vocab.ANY_CONJUNCTION:
                continue
            if low[i : i + n] != low[k : k + n] or any(
                w in vocab.ANY_CONJUNCTION for w in low[i : i + n]
            ):
                continue
            if not all(
                _SPACES.match(text[words[a][1] : words[a + 1][0]]) for a in range(i + n - 1, k)
            ):
                continue
            end = words[k + n - 1][1]
            after = text[end:]
            follows_conj = (
                k + n < len(words)
                and low[k + n] in vocab.ANY_CONJUNCTION
                and _SPACES.match(text[end : words[k + n][0]])
            )
            if not (_PHRASE_END.match(after) or follows_conj) or _qualified(after):
                continue
            yield words[i][0], words[k][0], end
            taken = k + n - 1
            break


def check(view: View) -> Iterator[Problem]:
    text: Text
    for text in view.texts():
        for start, offset, end in repeats(text.value):
            whole = " ".join(text.value[start:end].split())
            repeated = " ".join(text.value[offset:end].split())
            yield view.problem(
                RULE,
                view.at(text, offset),
                Msg(
                    "'{repeated}' is repeated: '{whole}' ({where})",
                    repeated=repeated,
                    whole=whole,
                    where=text.label,
                ),
                Msg("delete the repetition, or write what was meant"),
            )


RULE = Rule("DLO106", "repetition", "warning", "a word or phrase is repeated next to itself", check)
