"""The source's own appendix sheets (agreement, acquaintance, change registration, review).

``dlo`` prints these sheets itself from the data, so the source's copies are not body text: they
are recognised from the first "Приложение А" / "Қосымша" line or sheet title after the body,
reported with what they hold (DLO506), and left out of the import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source import Line

_APPENDIX = re.compile(
    r"^(?:приложение|қосымша)(?:\s+(?:№\s*)?[\wА-Яа-я]{1,3}\.?)?$|^\d{1,2}\s*-\s*қосымша$",
    re.IGNORECASE,
)
SHEETS = {
    "agreement": re.compile(
        r"^(?:лист\s+(?:согласования|визирования)|(?:келісу|келісім|визалау)\s+парағы)", re.I
    ),
    # titled, or led in by who signs it ("С должностной инструкцией ознакомлен(а):",
    # "С Положением ознакомлены:", "Лауазымдық нұсқаулықпен таныстым:")
    "acquaintance": re.compile(
        r"^(?:лист\s+ознакомления|танысу\s+парағы"
        r"|(?:с\s+(?:\w+\s+){1,3})?ознакомлен\w*(?:\s*\(\w+\))?\s*:\s*$"
        r"|(?:\w+\s+){0,3}таныстым\b[^.]{0,60}:\s*$)",
        re.I,
    ),
    "changes": re.compile(
        r"^(?:лист\s+регистрации\s+изменений|өзгерістерді\s+тіркеу\s+парағы)", re.I
    ),
    "review": re.compile(
        r"^(?:лист\s+учета\s+периодических\s+проверок|лист\s+периодической\s+проверки|"
        r"мерзімді\s+тексеру)",
        re.I,
    ),
}
_SENTENCE = re.compile(r"[,;]|\.(?:\s|$)")
# a title set with its letters spaced out ("Л И С Т   С О Г Л А С О В А Н И Я")
_SPACED = re.compile(r"^\w(?:[ \u00a0]+\w){3,}$")


@dataclass
class Appendix:
    lines: list[Line]
    sheets: list[tuple[str, Line]] = field(default_factory=list)  # (kind, title line)


def sheet_kind(text: str) -> str | None:
    """The kind of sheet a line is the title (or lead-in) of: one that opens with a capital and
    says no sentence ("лист согласования, подписанный …", "келісу парағы қоса беріледі.", a
    clause's text wrapped onto a line of its own, is none)."""
    text = text.strip()
    if _SPACED.match(text):  # the letters of a word one space apart, the words more
        text = " ".join(word.replace(" ", "") for word in re.split(r"[ \u00a0]{2,}", text))
    if not text[:1].isupper() or (_SENTENCE.search(text) and not text.endswith(":")):
        return None  # (a lead-in, "…таныстым, бір данасын алдым:", may have a comma)
    for kind, pattern in SHEETS.items():
        if pattern.match(text):
            return kind
    return None


def split(lines: list[Line]) -> tuple[list[Line], Appendix | None]:
    """The body lines and, when the source ends with its own sheets, those sheets."""
    started = False
    for i, line in enumerate(lines):
        if not started:
            started = bool(re.match(r"^\d", line.text)) or line.hint == "chapter"
            if not started:
                continue
        if line.hint in ("clause", "item"):
            continue
        if _APPENDIX.match(line.text) or (i > 0 and sheet_kind(line.text) and not line.auto):
            rest = lines[i:]
            sheets = [(k, x) for x in rest if (k := sheet_kind(x.text))]
            return lines[:i], Appendix(rest, sheets)
    return lines, None
