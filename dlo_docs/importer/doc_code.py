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


# the words that label a code, whole ("Код", "кода", Kazakh "коды", "Шифр", "шифра"), not a
# word they begin ("Кодекс", "кодировки", "шифрования")
_WORD = r"(?<![^\W\d_])(?:код[аы]?|шифра?)(?![^\W\d_])"
_CODE_WORD = re.compile(_WORD, re.IGNORECASE)
# a code's label, up to its colon: "Код:", "Шифр:", "Коды:", "Код должностной инструкции:"
_LABEL = re.compile(_WORD + r"[^:]{0,60}:", re.IGNORECASE)
# a label without its colon opening the line, the code next: "Шифр П-15-2024", "Шифр документа
# П-15-2024", "Ереже коды БЕ 01-2024"
_OPENING_LABEL = re.compile(
    r"\W*(?:(?:код|шифр)а?(?:\s+[^\W\d_]+){0,3}|(?:[^\W\d_]+\s+){0,2}коды)\s*[:.]?\s*",
    re.IGNORECASE,
)
# a registration's "№" just before the code labels the document's own: "Рег. № ПП 07-2024",
# "Учетный № ДИ 07-2024", "Инв. № …"; an order's "№" cites another document
_REG_NO = re.compile(
    r"(?<![^\W\d_])(?:рег|регистрационный|уч[её]тный|инв|инвентарный)\.?\s*№\s*$", re.IGNORECASE
)
_WORD_CHAR = re.compile(r"[^\W_]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# what follows the code on its own line: its date ("ПП 07-2024 от 01.09.2024", "… от «15» марта
# 2024 г.", "… от 12/2024")
_OWN_DATE = re.compile(r"\s*,?\s*от\s+[«\"]?\d[^()]{0,30}", re.IGNORECASE)
_BRACKET_BEFORE = re.compile(r"\(\s*$")
_BRACKET_AFTER = re.compile(r"\s*\)[\s.,;:]*")
# how far before a code the words citing it are looked for (a bounded look-back keeps a line of
# thousands of codes read in one pass)
_LOOK_BACK = 60


def without_code(text: str) -> str:
    """``text`` without the codes it holds and the punctuation around what is left."""
    return CODE.sub("", text).strip(" .,;:()–-")


def without_last_code(text: str, code: str) -> str:
    """A title without the code in brackets it ends with ("… обучения (ДИ 07-2024)") when that
    is ``code``, the regulation's ``code:``, or one the title page gives as its own ("(ПП
    07-2024)", "(П-15-2024)"), printed apart; another ("(П-12)") is the title's own."""
    last = next(reversed(list(CODE.finditer(text))), None)
    if last is None or text[last.end() :].strip() != ")":
        return text
    own = any(m.start() == last.start() and where for m, where in _codes_in(text))
    if not own and code_of(last) != code:
        return text
    before = text[: last.start()].rstrip()
    return before[:-1].rstrip() if before.endswith("(") and len(before) > 1 else text


def code_line(text: str) -> bool:
    """``text`` gives the document's code: labelled ("Ереже коды: …", "Шифр документа
    П-15-2024", "Рег. № ПП 07-2024"), alone ("ЛН ҮББИ 01-2024") or first with its date ("ПП
    07-2024 от 01.09.2024"); not a title ("Әдеп коды туралы ереже", "… шифрования (ПП
    07-2024)")."""
    if CODE.search(text) is None:
        return False
    if _CODE_WORD.search(text) is not None:
        return True
    return any(where == "line" for _, where in _codes_in(text))


def page_code(page: list[Line]) -> str | None:
    """The code the title page gives: the first written with a space ("ПП 07-2024"), else the
    first written with a dash after its letters ("П-15-2024") on a code's line or, with its
    year, in brackets ending a title ("Положение об отделе … (П-15-2024)"); one another
    document is cited by ("Приказ № П-45", "ДП 1/2 от 01.02.2024") is neither."""
    dashed, citing = None, False
    for line in page:
        text = line.text.replace("\u00ad", "")  # (soft hyphens)
        for m, where in _codes_in(text, citing):
            read_code = code_of(m)
            if read_code is not None and m.group(2).isspace():  # a space after its letters
                return read_code
            if read_code is not None and where and dashed is None:
                dashed = read_code
        citing = _cites_on(text)
    return dashed


def _cites_on(text: str) -> bool:
    """``text`` ends citing what the next line opens with ("Введено в действие приказом
    ректора" over "ПП 01-2024 от 01.02.2024"), not labelling it ("Рег. №")."""
    tail = text[-_LOOK_BACK:]
    return _CITING.search(tail) is not None and _REG_NO.search(tail) is None


# a code cited, not the document's: after "№", or after "Приказ", "приказом", "приказу",
# "согласно", "взамен", "бұйрығы" and up to two words ("Приказ ректора ПП 01-2024"), and the
# codes listed after it ("Изменения согласно П-11 и Е-10"); before "от <date>" (but the code's
# own line's: "ПП 07-2024 от 01.09.2024"), "сәйкес", "бұйрығымен"
_CITING = re.compile(
    r"(?:№|(?<![^\W\d_])(?:приказ(?:ом|у)?|согласно|взамен|бұйры[қғ](?!тар)[^\W\d_]*)"
    r"(?![^\W\d_])(?:\s+[^\W\d_]+\.?){0,2})\s*$",
    re.IGNORECASE,
)
_CITED_AS = re.compile(r"\s*,?\s*(?:сәйкес|бұйры[қғ])", re.IGNORECASE)
_DATED_AS = re.compile(r"\s*,?\s*от\s+«?\d", re.IGNORECASE)
_AND = re.compile(r"\s*(?:[,;]|(?<![^\W\d_])(?:и|және)(?![^\W\d_]))\s*", re.IGNORECASE)


def _codes_in(text: str, cited_first: bool = False) -> list[tuple[re.Match[str], str]]:
    """The codes ``text`` holds but those it cites, each with where it stands: "line" on the
    code's own line (the code alone, labelled, "Код: П-15-2024", "Рег. № ПП 07-2024", or first
    with its date), "bracket" in brackets ending the line ("… (П-15-2024)": with its year, if
    written with a dash), "" elsewhere; a labelled line's code first ("Код ПП-2024: П
    15-2024"). One pass: what is looked for before a code is looked for near it. With
    ``cited_first`` (the line above cites it) the code opening the line is cited too."""
    label = _LABEL.search(text)
    colon = label.end() - 1 if label else -1
    alone = len(without_code(text)) <= 3
    lead = _WORD_CHAR.search(text)
    found: list[tuple[re.Match[str], str]] = []
    cited_end = -1  # where the last code cited ends
    for m in CODE.finditer(text):
        first = lead is not None and m.start() == lead.start()
        labelled = 0 <= colon < m.start() or _labelled(text, m)
        dated = _YEAR.search(m.group(0)) is not None
        own_date = first and dated and _OWN_DATE.fullmatch(text, m.end()) is not None
        if not labelled and (
            (first and cited_first) or _cited(text, m, cited_end, first and dated)
        ):
            cited_end = m.end()
            continue
        cited_end = -1
        found.append((m, _where(text, m, alone or labelled or own_date, dated)))
    return sorted(found, key=lambda f: not (0 <= colon < f[0].start()))


def _labelled(text: str, m: re.Match[str]) -> bool:
    """The code ``m`` comes after a label without a colon: one opening the line ("Шифр
    документа П-15-2024") or a registration's "№" ("Рег. № ПП 07-2024")."""
    if m.start() <= _LOOK_BACK and _OPENING_LABEL.fullmatch(text, 0, m.start()):
        return True
    return _REG_NO.search(text, max(0, m.start() - _LOOK_BACK), m.start()) is not None


def _cited(text: str, m: re.Match[str], cited_end: int, own_line: bool) -> bool:
    """The code ``m`` is one ``text`` cites: listed after one cited (``cited_end``), after a
    citing word, or before what says it is cited; its date after it ("от 01.09.2024") cites
    it unless it is the line's own (``own_line``: first on the line, with its year)."""
    if cited_end >= 0 and _AND.fullmatch(text, cited_end, m.start()) is not None:
        return True
    if _CITING.search(text, max(0, m.start() - _LOOK_BACK), m.start()) is not None:
        return True
    if _CITED_AS.match(text, m.end()) is not None:
        return True
    return not own_line and _DATED_AS.match(text, m.end()) is not None


def _where(text: str, m: re.Match[str], own_line: bool, dated: bool) -> str:
    if own_line:
        return "line"
    spaced = m.group(2).isspace()
    bracketed = (
        _BRACKET_BEFORE.search(text, max(0, m.start() - 5), m.start()) is not None
        and _BRACKET_AFTER.fullmatch(text, m.end()) is not None
    )
    return "bracket" if bracketed and (spaced or dated) else ""
