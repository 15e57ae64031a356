"""DLO108: a document that calls itself by another kind's name: a job instruction that says
"Осы Ережеге" / "настоящее Положение" of itself (text copied from a unit regulation), or a unit
regulation that says "осы лауазымдық нұсқаулық".

A self-reference is a demonstrative ("осы", "бұл", "настоящий", "данный", …) followed by the name
of a document kind (``vocab.KIND_NAMES``). The problem points at the wrong name.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from . import vocab
from .rule import Rule
from .view import WORD, View


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    own = vocab.KIND_WORDS[doc.kind]
    for text in view.texts():
        demonstratives = vocab.SELF.get(text.lang, set())
        lowered = text.value.lower()
        if not any(d in lowered for d in demonstratives):
            continue  # no demonstrative even inside a word (most texts): no word to look at
        words = [(m.start(), m.group()) for m in WORD.finditer(text.value)]
        low = [w.lower() for _, w in words]
        for i, word in enumerate(low[:-1]):
            if word not in demonstratives:
                continue
            for kind, names in vocab.KIND_NAMES.items():
                if kind == doc.kind:
                    continue
                phrases, abbreviations = names.get(text.lang, ([], []))
                hit = words[i + 1][1] in abbreviations or any(
                    len(p.split()) <= len(low) - i - 1
                    and all(low[i + 1 + j].startswith(part) for j, part in enumerate(p.split()))
                    for p in phrases
                )
                if hit:
                    offset, name = words[i + 1]
                    called = words[i][1] + " " + name
                    yield view.problem(
                        RULE,
                        view.at(text, offset),
                        Msg(
                            "the document calls itself '{name}', the name of a {other}, but it "
                            "is a {own} ({where})",
                            name=called,
                            other=vocab.KIND_WORDS[kind],
                            own=own,
                            where=text.label,
                        ),
                        Msg("call it {example}", example=_example(doc.kind, text.lang)),
                    )
                    break


def _example(kind: str, lang: str) -> str:
    title = vocab.KIND_TITLES[kind].get(lang)
    abbreviations = vocab.KIND_NAMES[kind].get(lang, ([], []))[1]
    names = [f"'{name}'" for name in [*([title] if title else []), *abbreviations[:1]]]
    return Msg("{a} or {b}", a=names[0], b=names[1]) if len(names) == 2 else "".join(names)


RULE = Rule(
    "DLO108", "self-name", "warning", "the document calls itself by another kind's name", check
)
