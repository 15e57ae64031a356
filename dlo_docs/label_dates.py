"""A date or an order's number, in whatever way a label writes it.

``label_numbers`` reads a label as printed (its placeholders filled, its letters drawn like
digits read as the digits); this finds in that reading each date or order's number, and the
parts it is made of, so that ``label_record`` can tell one the label writes of its own (a part
outside every placeholder) from the journal's (``{date}``, ``№ {number}``). A date is

- a day, a month and a year, with any punctuation or spaces between them (one to three
  characters: ``26.11.2026``, ``26-11-2026``, ``26 11 2026``, ``«26» 11 2026``), or a year,
  a month and a day (``2026-11-26``); the month in digits, as a Roman numeral (``26.XI.2026``,
  in Latin or Cyrillic letters) or by its name;
- a day and a month in two digits each (``26.11``, ``26/11``);
- a day and a month's name (``3 июня``, ``03 маусым``, ``маусымның 3-і``, ``June 3``), a
  month's name and a year (``маусым 2024``), a year and a month's name (``2024 жылғы
  маусым``): the names of the months in Kazakh, Russian and English, in any inflection, and
  their short forms with a full stop (``июн.``, ``мау.``), in English without one too (``Nov 26``); a blank to fill in by hand in place
  of the day or the year is one (``«___» маусым 20___``: a draft's blank that prints a month);
- a year of four digits with the word for a year (``2026 ж.``, ``2026 жылы``, ``2026-жылы``,
  ``2026 г.``, ``2026 года``).

An order's number is ``№`` or ``N`` / ``No`` followed by a number, or a number next to the
word for an order or for a number (``бұйрық 45``, ``45-НҚ бұйрығымен``, ``приказ номер 45``,
``order 45``). A number alone, or two joined by a hyphen (the form codes ``Ф-01``,
``ҚП 082-2022``), is neither.

- ``found(text) -> list[tuple[int, int, list[tuple[int, int]]]]``: each date or order's number
  in ``text`` (a label's reading), where it starts and ends, and where each of its parts is.
"""

from __future__ import annotations

import re

# the months' names in Kazakh, Russian and English, their stems (any inflection follows), and
# their short forms, written with a full stop ("қаз." is October, "қазақ" is no month)
_MONTHS = (
    "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
    "|январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    "|january|february|march|april|may|june|july|august|september|october|november|december"
)
_SHORT = (
    "қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел"
    "|янв|фев|мар|апр|авг|сен|сент|окт|ноя|нояб|дек"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# English writes a month's short form without the full stop too ("Nov 26, 2026")
_SHORT_EN = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH = rf"(?<!\w)(?:(?:{_MONTHS})\w*|(?:{_SHORT})\.|(?:{_SHORT_EN})(?!\w))"
_ROMAN = r"(?<!\w)[IVXІХ]{1,4}(?!\w)"  # a month as a Roman numeral, Latin or Cyrillic letters
_ROMAN_MONTHS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
_DAY = r"(?<!\d)\d{1,2}(?!\d)"
_YEAR = r"(?<!\d)(?:\d{4}|\d{2})(?!\d)"
_SEP = r"[^\w\n]{1,3}"  # any punctuation or spaces between the parts
_YEAR_WORD = r"[\s\-\u2011]*(?:ж\b\.?|жыл\w*|г\b\.?|год\w*)"
# the words for an order and for a number: a number next to one is an order's number
_AFTER_NO = "(?<!№)(?<!№ )(?<!№\u00a0)(?<!N )(?<!No )"  # "№ 45 бұйрығымен": the № form's
_ORDER_WORD = r"(?<!\w)(?:бұйры[қғ]\w*|приказ\w*|распоряжени\w*|order\w*|нөмі?р\w*|номер\w*)"

_FORMS = [  # each found at every place it starts (in a lookahead: one may begin inside another)
    re.compile(f"(?=(?P<all>{p}))", re.IGNORECASE)
    for p in (
        rf"(?P<d>{_DAY}){_SEP}(?P<m>\d{{1,2}}|{_ROMAN}|{_MONTH}){_SEP}(?P<y>{_YEAR})",
        rf"(?P<y>(?<!\d)\d{{4}}){_SEP}(?P<m>\d{{1,2}}|{_ROMAN}){_SEP}(?P<d>{_DAY})",
        r"(?P<d>(?<!\d)\d{2})[./](?P<m>\d{2})(?!\d)",
        rf"(?P<d>{_DAY}|_{{2,}}){_SEP}(?P<m>{_MONTH})",
        rf"(?P<m>{_MONTH}){_SEP}(?P<d>{_DAY}|_{{2,}})",
        rf"(?P<m>{_MONTH}){_SEP}(?P<y>(?<!\d)\d{{4}}(?!\d)|(?<!\d)\d{{2}}_+|_{{2,}})",
        rf"(?P<y>(?<!\d)\d{{4}})(?:{_YEAR_WORD})?\s+(?P<m>{_MONTH})",
        rf"(?P<y>(?<!\d)\d{{4}})(?={_YEAR_WORD}(?!\w))",
        r"(?:№|(?<!\w)N[oOоО]?\.?)[^\w\n]{0,3}(?P<n>\d+)",
        rf"{_ORDER_WORD}[^\w\n]{{1,3}}(?P<n>\d+)",
        rf"{_AFTER_NO}(?P<n>(?<![\d\-\u2011])\d+)(?:[\-\u2011]\w+)?[^\w\n]{{1,3}}{_ORDER_WORD}",
    )
]


def _valid(match: re.Match[str]) -> bool:
    """The parts of ``match`` are a day (1 to 31) and a month (1 to 12), where it has them."""
    day, month = match.groupdict().get("d"), match.groupdict().get("m")
    if day is not None and day.isdecimal() and not 1 <= int(day) <= 31:
        return False
    if month is None or not month.isdecimal():
        roman = (month or "").upper().replace("І", "I").replace("Х", "X")
        return month is None or not re.fullmatch(r"[IVX]+", roman) or roman in _ROMAN_MONTHS
    return 1 <= int(month) <= 12


def found(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each date or order's number ``text`` writes, where it starts and ends, and its parts."""
    dates = []
    for form in _FORMS:
        for match in form.finditer(text):
            if _valid(match):
                parts = [match.span(g) for g, part in match.groupdict().items() if part]
                dates.append((*match.span("all"), parts[1:]))
    return sorted(dates, key=lambda date: (date[0], -date[1]))  # the longest first
