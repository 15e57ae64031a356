"""DLO104: an abbreviation defined but never used, or defined a second time.

An abbreviation listed in the abbreviations chapter (or defined inline) must be used somewhere
else in the text; an inline definition ("(одан әрі – ПОҚ)") of one the chapter, or an earlier
inline definition, already defines repeats it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .abbrev import analyse
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    for lang in view.model.languages:
        found = analyse(view, lang)
        used = {o.token for o in found.by_role("use")}
        chapter = found.defined_in_chapter()
        for token, first in chapter.items():
            if token not in used:
                yield view.problem(
                    RULE,
                    view.at(first.text, first.offset),
                    Msg(
                        "abbreviation {token} is defined ({where}) but never used",
                        token=token,
                        where=first.text.label,
                    ),
                    Msg("use it, or remove its definition"),
                )
        seen: dict[str, str] = {token: o.text.label for token, o in chapter.items()}
        for o in found.by_role("inline"):
            at = view.at(o.text, o.offset)
            if o.token in seen:
                yield view.problem(
                    RULE,
                    at,
                    Msg(
                        "abbreviation {token} is defined again ({where}); {first} defines it",
                        token=o.token,
                        where=o.text.label,
                        first=seen[o.token],
                    ),
                    Msg("remove the repeated definition"),
                )
                continue
            seen[o.token] = o.text.label
            if o.token not in used:
                yield view.problem(
                    RULE,
                    at,
                    Msg(
                        "abbreviation {token} is defined ({where}) but never used",
                        token=o.token,
                        where=o.text.label,
                    ),
                    Msg("use it, or remove its definition"),
                )


RULE = Rule(
    "DLO104",
    "abbreviation-definition",
    "warning",
    "an abbreviation is defined but never used, or defined twice",
    check,
)
