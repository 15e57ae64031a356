"""DLO105: a document code cited in the text ("ҚП 082-2022", "ҰС 064-2022", "ISO 9001:2015")
that the document's normative references chapter does not list.

A code is one to three words of capitals followed by a number with a year ("064-2022",
"7.32-2017", "9001:2015"). The references are the codes written in the items of the normative
references chapter and the codes of the registry documents those items ``ref``. A citation
matches a reference with the same number whose prefix ends the citation's prefix, so
"ҚР ҚП 082-2022" matches "ҚП 082-2022". The document's own code is not a citation. A document
without a normative references chapter (DLO110 reports that) is checked against the registry's
normative documents instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from .rule import Rule
from .view import View

_CAPS = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]"
CODE = re.compile(
    rf"(?<![\w.-])((?:{_CAPS}[{_CAPS[1:-1]}a-zа-яёәғқңөұүһі]{{0,5}}[ \u00a0]+){{0,2}}{_CAPS}{{1,6}})"
    r"[ \u00a0]*(?:№[ \u00a0]*)?(\d{1,5}(?:\.\d+)*(?:-\d{2,4}|:\d{4}))(?![\w-])"
)

_YEARS = re.compile(r"^(19|20)\d\d-(19|20)\d\d$")


def codes(text: str) -> Iterator[tuple[int, tuple[str, ...], str]]:
    """(offset, prefix words, number) of every document code in ``text``."""
    for m in CODE.finditer(text):
        prefix = tuple(m.group(1).split())
        if len(prefix[-1]) > 1 and not prefix[-1].isupper():
            continue
        if _YEARS.match(m.group(2)):  # "ҚР 2015-2020 жылдарға": a span of years
            continue
        yield m.start(), prefix, m.group(2)


def _matches(cited: tuple[tuple[str, ...], str], listed: tuple[tuple[str, ...], str]) -> bool:
    (c_prefix, c_number), (l_prefix, l_number) = cited, listed
    return c_number == l_number and c_prefix[-len(l_prefix) :] == l_prefix


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    chapters = set(view.part("references"))
    listed: list[tuple[tuple[str, ...], str]] = []
    registry_docs = {d.id: d for d in view.registry.normative_documents}
    for text in view.texts():
        if text.inside(chapters):
            listed += [(prefix, number) for _, prefix, number in codes(text.value)]
            ref = getattr(text.numbered.element, "ref", None) if text.numbered else None
            code = registry_docs[ref].code if ref in registry_docs else None
            if code:
                listed += [(prefix, number) for _, prefix, number in codes(code)]
    if not chapters:  # no references chapter (DLO110 reports that): the registry's documents count
        listed += [
            (prefix, number)
            for d in registry_docs.values()
            if d.code
            for _, prefix, number in codes(d.code)
        ]
    own = [(prefix, number) for _, prefix, number in codes(doc.code)]
    reported: set[tuple] = set()
    for text in view.texts():
        if text.inside(chapters):
            continue
        for offset, prefix, number in codes(text.value):
            cited = (prefix, number)
            if any(_matches(cited, o) for o in own) or any(_matches(cited, r) for r in listed):
                continue
            key = (text.lang, prefix[-1], number)
            if key in reported:
                continue
            reported.add(key)
            code = f"{prefix[-1]} {number}"
            message = (
                Msg(
                    "{code} is cited ({where}) but the normative references chapter does not "
                    "list it",
                    code=code,
                    where=text.label,
                )
                if chapters
                else Msg(
                    "{code} is cited ({where}) but the registry has no such normative document",
                    code=code,
                    where=text.label,
                )
            )
            yield view.problem(
                RULE,
                view.at(text, offset + text.value[offset:].index(prefix[-1])),
                message,
                Msg("add it to the normative references, or correct the code"),
            )


RULE = Rule(
    "DLO105",
    "citation-not-referenced",
    "warning",
    "a document code cited in the text is missing from the normative references",
    check,
)
