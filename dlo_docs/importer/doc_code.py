"""The document's code on a title page ("ПП 07-2024", "ЛН ҮББИ 01-2024", "Код: П-15-2024"): how
it is written, which line gives it, and which codes a page only cites ("Приказ № П-45")."""

from __future__ import annotations

import re

from .source import Line

# a code's hyphens and dashes as typeset: dlo's own DOCX writes U+2011 (no break) into
# "ЛН ҮББИ 01‑2024"; Word turns " - " into an en dash as one types; a soft hyphen is invisible
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_D = "[" + _DASHES + "]"
# the code's letters, then (after a space or a dash: "П-15-2024") its number: digits and dots
# joined by dashes or slashes ("01-2024", "12.3-2024", "12/2024"), else a number, a spaced dash
# and a year ("01 - 2024"), and perhaps a capital-letter suffix
CODE = re.compile(
    r"(?<!\w)((?:ЛН|ДИ|ҚП|ҰС|ДП|СО|БЕ|ПП|П|Е)(?:\s+[^\W\d_]{1,8})?)(\s+|" + _D + r")"
    r"(\d(?:[\d.]|[/" + _DASHES + r"](?=\d))*\d|\d(?=\s*" + _D + r"))"
    r"(?:\s?" + _D + r"\s?(\d{4})(?![\d.]))?"
    r"(?:" + _D + r"([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,2}))?(?!\w)"
)


def code_of(m: re.Match[str]) -> str | None:
    """The code a match of ``CODE`` reads, its dashes plain hyphens and its spaces plain
    ones; a spaced dash joins only a number without one to its year ("ДИ 07-2024 – 2-издание" is
    ДИ 07-2024, "ДИ 01 - 2024" ДИ 01-2024); letters joined to the number by a dash stay so
    ("П-15-2024"); None when only a lone digit is left."""
    letters, joint, number, year, suffix = m.groups()
    number = re.sub(_D, "-", number)
    if year and "-" not in number:
        number += f"-{year}"
    if len(number) < 2:
        return None
    joint = " " if joint.isspace() else "-"
    return " ".join(letters.split()) + joint + number + (f"-{suffix}" if suffix else "")


_CODE_WORD = re.compile(r"(?<![^\W\d_])(?:код|шифр)", re.IGNORECASE)
# a code's label, up to its colon: "Код:", "Шифр:", "Коды:", "Код должностной инструкции:"
_LABEL = re.compile(r"(?<![^\W\d_])(?:код|шифр)[^:]*:", re.IGNORECASE)


def without_code(text: str) -> str:
    """``text`` without the codes it holds and the punctuation around what is left."""
    return CODE.sub("", text).strip(" .,;:()–-")


def without_last_code(text: str, code: str) -> str:
    """A title without the code in brackets it ends with ("… обучения (ДИ 07-2024)") when that
    is ``code``, the regulation's ``code:``, printed apart; another is the title's own."""
    last = next(reversed(list(CODE.finditer(text))), None)
    if last is None or text[last.end() :].strip() != ")" or code_of(last) != code:
        return text
    before = text[: last.start()].rstrip()
    return before[:-1].rstrip() if before.endswith("(") and len(before) > 1 else text


def code_line(text: str) -> bool:
    """``text`` gives the document's code, labelled ("Ереже коды: …", "Код должностной
    инструкции: …") or alone ("ЛН ҮББИ 01-2024"), not a title ("Әдеп коды туралы ереже")."""
    if CODE.search(text) is None:
        return False
    return _CODE_WORD.search(text) is not None or len(without_code(text)) <= 3


def page_code(page: list[Line]) -> str | None:
    """The code the title page gives: the first written with a space ("ПП 07-2024"), else the
    first written with a dash after its letters ("П-15-2024") on a code's line; one another
    document is cited by ("Приказ № П-45", "ДП 1/2 от 01.02.2024") is neither."""
    dashed = None
    for line in page:
        for m, own in _codes_in(line.text.replace("\u00ad", "")):  # (soft hyphens)
            read_code = code_of(m)
            if read_code is not None and m.group(2).isspace():  # a space after its letters
                return read_code
            if read_code is not None and own and dashed is None:
                dashed = read_code
    return dashed


# a code cited, not the document's: after "№", "Приказ", "согласно" ("Изменения согласно П-1 и
# Е-10": the codes listed after it too), "бұйрығы" (_CITING); before "от <date>", "сәйкес"
_CITING = re.compile(r"(?:№|(?<![^\W\d_])(?:приказ\w*|согласно|бұйры[қғ]\w*))\s*$", re.I)
_CITED_AS = re.compile(r"\s*,?\s*(?:от\s+«?\d|сәйкес)", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|;|и|және)?\s*", re.IGNORECASE)


def _codes_in(text: str) -> list[tuple[re.Match[str], bool]]:
    """The codes ``text`` holds but those it cites, each with whether it is the line's own (the
    line is the code alone, or it is after a label's colon: "Код: П-15-2024"); a labelled
    line's code first ("Код ПП-2024: П 15-2024")."""
    label = _LABEL.search(text)
    colon = label.end() - 1 if label else -1
    alone = len(without_code(text)) <= 3
    found: list[tuple[re.Match[str], bool]] = []
    cited_end = -1  # where the last code cited ends
    for m in CODE.finditer(text):
        labelled = 0 <= colon < m.start()
        listed = cited_end >= 0 and _AND.fullmatch(text, cited_end, m.start()) is not None
        if not labelled and (
            listed or _CITING.search(text, 0, m.start()) or _CITED_AS.match(text, m.end())
        ):
            cited_end = m.end()
            continue
        cited_end = -1
        found.append((m, alone or labelled))
    return sorted(found, key=lambda f: not (0 <= colon < f[0].start()))
