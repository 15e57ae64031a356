"""DLO102: an abbreviation used in the text that nothing defines (reported at its first use).

Defined means: in the document's abbreviations chapter, inline ("(одан әрі – ПОҚ)") before the
use, or in the registry. A use inside a name in quotes is part of that name (not reported). A token spelled with other capitals than a defined one (``КеАҚ`` for
``КЕАҚ``) is not defined: the hint names the spelling to use.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import N_, Msg
from .abbrev import analyse, casefold_match
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    for lang in view.model.languages:
        found = analyse(view, lang)
        chapter = found.defined_in_chapter()
        inline = found.defined_inline()
        reported: set[str] = set()
        for use in found.by_role("use"):
            token = use.token
            if token in chapter or token in found.registry or token in reported or use.in_name:
                continue
            first = inline.get(token)
            if first is not None and first.text.order <= use.text.order:
                continue
            reported.add(token)
            at = view.at(use.text, use.offset)
            if first is not None:
                defined = view.at(first.text, first.offset)
                yield view.problem(
                    RULE,
                    at,
                    Msg(
                        "abbreviation {token} is used ({where}) before it is defined ({first}, "
                        "line {line})",
                        token=token,
                        where=use.text.label,
                        first=first.text.label,
                        line=defined.line,
                    ),
                    Msg("define it at its first use, or in the abbreviations chapter"),
                )
                continue
            other = casefold_match(token, set(chapter) | set(inline))
            defined_by = N_("the document defines {other}")
            if other is None:
                other = casefold_match(token, set(found.registry))
                defined_by = N_("the registry defines {other}")
            if other is not None:
                yield view.problem(
                    RULE,
                    at,
                    Msg(
                        "abbreviation {token} ({where}) is not defined; {defined}",
                        token=token,
                        where=use.text.label,
                        defined=Msg(defined_by, other=other),
                    ),
                    Msg("spell it {other}", other=other),
                )
            else:
                yield view.problem(
                    RULE,
                    at,
                    Msg(
                        "abbreviation {token} ({where}) is defined neither in the abbreviations "
                        "chapter nor in the registry",
                        token=token,
                        where=use.text.label,
                    ),
                    Msg("spell it out, or define it in the abbreviations chapter"),
                )


RULE = Rule(
    "DLO102",
    "abbreviation-undefined",
    "warning",
    "an abbreviation used in the text is defined nowhere",
    check,
)
