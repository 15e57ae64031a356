"""The officials a text names, as an import reads them from its clauses (Kazakh and Russian).

- ``main_position(chapters, registry, lang)``: the position a job instruction describes, the
  registry position its clauses name most often (at least twice), an official named as the author
  of an order, decision or proposal they cite aside;
- ``approving_official(part, registry, lang)``: who approves the text, in the words of a clause
  stating who agrees it that ``mentions.approval_part`` gives.
"""

from __future__ import annotations

import re

from ..mentions import words
from ..model import Registry
from .facts import clauses, full_text, named_in_order, occurrences
from .tree import Node

# An official named as whose order, decision or proposal a clause cites ("назначается приказом
# и. о. ректора", "по представлению проректора", "Басқарма Төрағасы-Ректорының 2024 жылғы …
# бұйрығымен") is not the position the instruction is about. Russian names the act first, the
# official after it (in the genitive); Kazakh the official first, in the genitive, the act after.
_ACT_RU = re.compile(
    r"(?:приказ(?:ом|у|а|ами)|распоряжени(?:ем|ю|ями)|решени(?:ем|ю|ями)"
    r"|представлени(?:ем|ю)|указани(?:ем|ю|ями))"
)
_ACT_KK = re.compile(r"(?:бұйры|өкім|шешім|ұсыну)\w*")
_GENITIVE_KK = ("ның", "нің", "дың", "дің", "тың", "тің")
_IN_TITLE = frozenset({"и", "о", "исполняющего", "обязанности", "врио"})  # и. о. ректора
_IN_DATE = re.compile(r"\d+|жылғы|\w+(?:дағы|дегі|тағы|тегі)")  # 2024 жылғы 15 қаңтардағы № 12


def _about(text_words: list[str], span: tuple[int, int], named: set[int]) -> bool:
    """Whether a mention at ``span`` names a position the text is about, not an act's author
    (``named``: the indexes of the words any position's mention covers, a title such as
    "Председателя Правления – Ректора" being one name)."""
    start, end = span
    while start > 0 and (start - 1 in named or text_words[start - 1] in _IN_TITLE):
        start -= 1
    if start > 0 and _ACT_RU.fullmatch(text_words[start - 1]):
        return False
    while end < len(text_words) and end in named:
        end += 1
    if not text_words[end - 1].endswith(_GENITIVE_KK):
        return True
    while end < len(text_words) and _IN_DATE.fullmatch(text_words[end]):
        end += 1
    return not (end < len(text_words) and _ACT_KK.fullmatch(text_words[end]))


_APPROVING_ACT_RU = re.compile(r"приказом|распоряжением|решением")
_APPROVING_ACT_KK = re.compile(r"(?:бұйры|өкім|шешім)\w*")


def approving_official(part: tuple[str, str], registry: Registry, lang: str) -> str | None:
    """The position that approves the text, in the words ``mentions.approval_part`` gives: in
    Russian the official right after the act ("приказом [и. о.] Ректора"), or right after the
    verb when no act is named ("утверждается Ректором"); in Kazakh the official right before
    the act ("Ректордың [2024 жылғы …] бұйрығымен"), or right before the verb ("оны Ректор
    бекітеді"). None when no position stands there (a proposer or a council approves)."""
    kind, text = part
    text_words = words(text)
    at: dict[int, str] = {}  # a mention's first word -> its position
    ends: dict[int, str] = {}  # the word after a mention's last -> its position
    for pos in registry.positions:
        for mention in pos.mentions_in(lang):
            for start, end in occurrences(text_words, mention):
                at.setdefault(start, pos.id)
                ends.setdefault(end, pos.id)
    if kind == "ru":
        acts = [k + 1 for k, w in enumerate(text_words) if _APPROVING_ACT_RU.fullmatch(w)]
        i = acts[0] if acts else 0
        while i < len(text_words) and text_words[i] in _IN_TITLE:
            i += 1
        return at.get(i)
    acts = [k for k, w in enumerate(text_words) if _APPROVING_ACT_KK.fullmatch(w)]
    i = acts[-1] if acts else len(text_words)
    while acts and i > 0 and _IN_DATE.fullmatch(text_words[i - 1]):
        i -= 1
    return ends.get(i)


def main_position(chapters: list[Node], registry: Registry, lang: str) -> str | None:
    """The position named most often (at least twice) across the clauses, not counting an
    official named as the author of an order, decision or proposal."""
    counts: dict[str, int] = {}
    for _, clause in clauses(chapters):
        text = full_text(clause)
        text_words = words(text)
        _, named = named_in_order(text, registry, lang)
        for pos in registry.positions:
            spans = [o for m in pos.mentions_in(lang) for o in occurrences(text_words, m)]
            n = sum(1 for span in spans if _about(text_words, span, named))
            if n:
                counts[pos.id] = counts.get(pos.id, 0) + n
    if not counts:
        return None
    best = max(counts, key=lambda pid: counts[pid])
    return best if counts[best] >= 2 else None
