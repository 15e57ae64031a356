"""DLO103: an abbreviation used in the text that the registry defines but the document's
abbreviations chapter does not list, reported at its first use (only for documents that have such a chapter: the reader of
the printed document never sees the registry)."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg, join
from .abbrev import analyse
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    for lang in view.model.languages:
        found = analyse(view, lang)
        if not found.has_chapter:
            continue
        chapter = found.defined_in_chapter()
        inline = found.defined_inline()
        uses: dict[str, list] = {}
        for use in found.by_role("use"):
            if use.in_name:
                continue  # part of a name in quotes, not the document's own abbreviation
            if use.token not in chapter and use.token not in inline and use.token in found.registry:
                uses.setdefault(use.token, []).append(use)
        for token, all_uses in uses.items():
            first, expansion = all_uses[0], found.registry[token]
            others = list(dict.fromkeys(u.text.label for u in all_uses[1:]))
            where = (
                Msg("{first}; also {others}", first=first.text.label, others=join(", ", others))
                if others
                else first.text.label
            )
            yield view.problem(
                RULE,
                view.at(first.text, first.offset),
                Msg(
                    "abbreviation {token} ({where}) is not in the abbreviations chapter",
                    token=token,
                    where=where,
                ),
                Msg("add '{token} – {expansion}' to it", token=token, expansion=expansion)
                if expansion
                else Msg("add it to the chapter"),
            )


RULE = Rule(
    "DLO103",
    "abbreviation-not-listed",
    "warning",
    "an abbreviation the text uses is missing from the document's abbreviations chapter",
    check,
)
