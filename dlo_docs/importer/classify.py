"""Recognising one line: what element it starts (chapter, paragraph, clause, item) and its number.

Recognised (case-insensitive, leading spaces and any whitespace after the marker ignored):

==============  =====================================================================
chapter         "1 тарау. …", "1-тарау …", "Глава 1. …", "Раздел 1 …", "1. ОБЩИЕ ПОЛОЖЕНИЯ",
                "I. ЖАЛПЫ ЕРЕЖЕЛЕР" (a number and a title in capitals); a DOCX heading style
paragraph       "Параграф 1. …", "§ 1 …", "§1. …"; a DOCX "heading 2"
clause          "9. …", "1.1. …", "1.1 …"; a number alone on its line takes the next line's text
item            "1)", "а)", "a)", "-", "–", "•"; "1.1.1." under dotted clauses; nested items
                ("а)" under "1)", a bullet under a numbered item) become items of items
==============  =====================================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import Line
from .title_block import valid_date

_I = re.IGNORECASE
_CHAPTER = [
    re.compile(r"^(?P<n>\d+|(?-i:[IVXLCІ]+))\s*[.-]?\s*тарау(?![\w])[.:]?\s*(?P<t>.*)$", _I),
    re.compile(r"^тарау\s+(?P<n>\d+|(?-i:[IVXLCІ]+))(?![\w])[.:]?\s*(?P<t>.*)$", _I),
    re.compile(r"^(?:глава|раздел)\s+(?P<n>\d+|[IVXLCІ]+)(?![\w])[.:]?\s*(?P<t>.*)$", _I),
]
_PARAGRAPH = re.compile(r"^(?:параграф|§)\s*(?P<n>\d+)(?![\w])[.:]?\s*(?P<t>.*)$", _I)
_NUMBERED = re.compile(r"^(?P<n>\d{1,4}(?:\.\d{1,4})*)\.(?!\d)\s*(?P<t>.*)$")
_DOTTED = re.compile(r"^(?P<n>\d{1,4}(?:\.\d{1,4})+)\s+(?P<t>\S.*)$")
# a date: dd.mm.yyyy, or with a two-digit year written in full (03.06.24, never 1.2.10)
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{2})\.(\d{2})\.(\d{2})")
_YEAR_WORD = re.compile(r"(?:ж\.|г\.|жылғы(?!\w)|года(?!\w))")
_ROMAN = re.compile(r"^(?P<n>[IVXLC]{1,6})\.\s*(?P<t>\S.*)$")
# a Roman number, its I perhaps the Kazakh letter І (as Kazakh keyboards type it), and a title;
# the full stop left out, a number of I, V and X before a capital ("II Задачи отдела"; not
# "C 1 июня", a Latin C)
_ROMAN_HEADING = re.compile(
    r"^(?:(?P<n>[IVXLCІ]{1,6})\.\s*(?P<t>\S.*)|(?P<m>[IVXІ]{1,5})\s+(?P<u>[^\W\d_].*))$"
)
_ITEM_NUM = re.compile(r"^(?P<n>\d{1,3})\)\s*(?P<t>.*)$")
_ITEM_LETTER = re.compile(r"^(?P<n>[a-zа-яёәғқңөұүһі])\)\s*(?P<t>.*)$", _I)
_BULLET = re.compile(r"^(?:[-–—]\s+|[•·▪■●◦○➢✓*]\s*)(?P<t>.*)$")

KK_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RU_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


_KIND_ONLY = re.compile(
    r"(?:лауазымдық\s+нұсқаулық|должностная\s+инструкция|ереже|положение|нұсқаулық|инструкция)"
    r"[.:]?",
    re.IGNORECASE,
)


def kind_only(text: str) -> bool:
    """A line that is only the name of a document's kind ("ЕРЕЖЕ", "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ"):
    part of the title on a title page, never a chapter heading."""
    return _KIND_ONLY.fullmatch(text.strip()) is not None


# the titles a first chapter goes by, alone on the line (any case or spacing, perhaps
# numbered): "Общие положения", "Жалпы ережелер", "Негізгі ережелер", "Термины и определения"
_CHAPTER_TITLE = re.compile(
    r"(?:(?:\d+|[IVXLC]+)\s*[.)]?\s*)?(?:"
    r"(?:общие|основные)\s+положения|термины(?:,\s*|\s+и\s+)определения(?:\s+и\s+сокращения)?"
    r"|область\s+применения|нормативные\s+ссылки"
    r"|(?:жалпы|негізгі)\s+ережелер(?:і)?|терминдер\s+мен\s+анықтамалар|негізгі\s+ұғымдар"
    r"|қолданылу\s+саласы|қолдану\s+саласы|нормативтік\s+сілтемелер"
    r")[.:]?",
    re.IGNORECASE,
)


# titles a first chapter goes by that can also go on with a title ("ПОЛОЖЕНИЕ" / "НАЗНАЧЕНИЕ" /
# "СТИПЕНДИЙ ИМЕНИ АБАЯ", "ЦЕЛИ И ЗАДАЧИ" / "КАФЕДРЫ ИНФОРМАТИКИ"): the first chapter's only
# right over the text
_OVER_TEXT_TITLE = re.compile(
    r"(?:(?:\d+|[IVXLC]+)\s*[.)]?\s*)?(?:назначение(?:\s+и\s+область\s+применения)?"
    r"|общие\s+сведения|цели\s+и\s+задачи)[.:]?",
    re.IGNORECASE,
)


def chapter_title(text: str, over_text: bool = False) -> bool:
    """A line that is only a chapter's usual title ("Общие положения", "Жалпы  ережелер"): the
    text's first chapter, never a title page's line; "Назначение", "Общие сведения", "Цели и
    задачи" too when the text follows it (``over_text``)."""
    text = " ".join(text.split())
    if _CHAPTER_TITLE.fullmatch(text) is not None:
        return True
    return over_text and _OVER_TEXT_TITLE.fullmatch(text) is not None


# a line opening with a number, Arabic or Roman ("2.", "IV. ")
_NUMBER_FIRST = re.compile(r"\W*(?:\d|[IVXLCІ]+\W)")


def first_chapter(text: str) -> bool:
    """A line right over the text that is only a first chapter's usual title, unnumbered, with
    a capital ("Назначение")."""
    unnumbered = _NUMBER_FIRST.match(text) is None
    return chapter_title(text, over_text=True) and unnumbered and text.strip()[:1].isupper()


# the nouns a chapter of a regulation is named by, as its heading words them: in Russian first
# ("Задачи отдела", "Права и обязанности"), perhaps after one of _TOPIC_ADJ ("Общие положения");
# in Kazakh last ("Бөлімнің міндеттері", "Құқықтары мен жауапкершілігі")
_TOPIC_RU = frozenset(
    "задачи функции права обязанности ответственность структура управление руководство "
    "взаимоотношения взаимодействие требования цели назначение организация реорганизация "
    "ликвидация имущество финансирование полномочия компетенция компетенции термины "
    "сокращения обозначения статус изменения порядок положения".split()
)
_TOPIC_ADJ = frozenset(
    "общие основные заключительные должностные квалификационные служебные организационная "
    "организационные главные прочие".split()
)
_TOPIC_KK = re.compile(
    r"(?:ережелер(?:і)?|міндет(?:тер|тері)|функция(?:лар|лары)|құқ(?:ықтар|ықтары|ығы)"
    r"|жауапкершіліг?і?|жауапкершілік|талап(?:тар|тары)|қарым-қатынас(?:тар|тары)?|құрылымы"
    r"|басқару|ұйымдастыру|мақсат(?:тар|тары)|терминдер|анықтамалар|қысқартулар|тәртібі|тарату"
    r"|мәртебесі|өкілеттіктері|өзара\s+іс-қимыл)",
    re.IGNORECASE,
)


# a verb in the third person, as a sentence has and a heading has not: "определяются",
# "осуществляет", "бағынады", "айқындайды"
_VERB = re.compile(
    r"(?:ает|яет|еет|ует|ают|яют|уют|ется|ится|ются|ятся|ады|еді|йды|йді)(?!\w)", re.IGNORECASE
)


# what opens a phrase of the text, never a heading: "Осы тармақта …", "Настоящие требования"
_TEXT_FIRST = frozenset(
    "осы бұл мұндай аталған настоящий настоящая настоящее настоящие данный данная данное "
    "данные указанный указанная указанное указанные".split()
)
# a Kazakh participle, as a phrase of the text has ("көрсетілген талаптар"): -ған, -ген, -қан, -кен
_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен)(?!\w)", re.IGNORECASE)


def topic_heading(text: str) -> bool:
    """A short line worded as the heading of a regulation's chapter, naming its subject
    ("Задачи отдела", "Общие положения", "Права", "Бөлімнің міндеттері"): the evidence that an
    unnumbered line in plain type is a chapter heading (``headings.promote_topics``). Not a
    sentence ("Работники отдела имеют право", "… құқылы") or a phrase of one ("Осы тармақта
    көрсетілген талаптар"), a position ("Начальник управления по …"), a line with ":" or a dash
    in it, nor one of more than five words."""
    words = text.strip().rstrip(".").casefold().split()
    if not 1 <= len(words) <= 5 or re.search(r":|\s[–—-]\s", text) or words[0] in _TEXT_FIRST:
        return False
    if _VERB.search(text) or _PARTICIPLE.search(text):
        return False
    if words[0] == "положения":
        return False  # only "Общие положения" and the like
    first = words[1] if words[0] in _TOPIC_ADJ and len(words) > 1 else words[0]
    return first in _TOPIC_RU or _TOPIC_KK.fullmatch(words[-1]) is not None


def upper_heading(text: str) -> bool:
    """A short line in capitals with no sentence punctuation at its end: "ОБЩИЕ ПОЛОЖЕНИЯ"."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and len(text) <= 150
        and not text.rstrip().endswith((";", ",", ":"))
    )


@dataclass
class Cand:
    kind: str  # chapter | paragraph | clause | item | none
    number: str | None
    text: str
    style: str = ""  # items: num | letter | bullet | dotted | row


def roman_value(s: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = values.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def number_value(number: str | None, style: str, lang: str) -> int | None:
    """The value of a source number for checking its sequence; None when it is not checked."""
    if number is None:
        return None
    if number.isdecimal():
        return int(number)
    if "." in number:
        last = number.rsplit(".", 1)[-1]
        return int(last) if last.isdecimal() else None
    if style == "letter":
        alphabet = KK_ALPHABET if lang == "kk" else RU_ALPHABET
        if number in alphabet:
            return None  # letters: only repeats are reported (alphabets differ in what they skip)
    return roman_value(number)


def classify(line: Line) -> Cand:
    text, hint = line.text, line.hint
    if hint == "chapter":
        return _hinted_chapter(text)
    if hint == "paragraph":
        m = _PARAGRAPH.match(text) or _NUMBERED.match(text)
        return Cand("paragraph", m["n"], m["t"]) if m else Cand("paragraph", None, text)
    return _heading(text, hint) or _numbered(text, hint) or _marked(text, hint)


def _hinted_chapter(text: str) -> Cand:
    """A line the source styles as a chapter heading, with its number if it has one."""
    for pattern in _CHAPTER:
        m = pattern.match(text)
        if m:
            return Cand("chapter", m["n"], m["t"])
    m = _NUMBERED.match(text)
    if m:
        return Cand("chapter", m["n"], m["t"])
    roman = roman_heading(text)
    return Cand("chapter", *roman) if roman else Cand("chapter", None, text)


def roman_heading(text: str) -> tuple[str, str] | None:
    """The number and the title of a line shaped as a Roman-numbered heading ("II. Задачи",
    "ІІ Бөлімнің міндеттері")."""
    m = _ROMAN_HEADING.match(text)
    if m is None:
        return None
    if m["n"]:
        return m["n"], m["t"]
    return (m["m"], m["u"]) if m["u"][0].isupper() else None


def _heading(text: str, hint: str | None) -> Cand | None:
    """A chapter or paragraph heading by its words ("1 тарау", "Глава 1", "§ 1")."""
    if hint in ("clause", "item", "row"):
        return None
    for pattern in _CHAPTER:
        m = pattern.match(text)
        if m:
            return Cand("chapter", m["n"], m["t"])
    m = _PARAGRAPH.match(text)
    return Cand("paragraph", m["n"], m["t"]) if m else None


def _date(number: str, rest: str, dotted: bool) -> bool:
    """``number`` is a date, as an approval block's line opens: "26.11.2026 ж. № 12 бұйрығымен"
    is no item 26.11.2026. A valid dd.mm.yyyy, or, with no dot after it, one written as a date
    is ("31.06.2024 ж.", "03.06.24 г.": a typo or a short year, then the year's abbreviation);
    "1.2.11. Жыл сайын …" stays an item."""
    m = _DATE.fullmatch(number)
    if m is None:
        return False
    if not dotted and _YEAR_WORD.match(rest):
        return True
    if m[3] is None:  # a two-digit year: only with the year's word
        return False
    return valid_date(int(m[3]), int(m[2]), int(m[1])) is not None


def _numbered(text: str, hint: str | None) -> Cand | None:
    """A line opening with a number ("9.", "1.1.", "1.1.1.", "I."): clause, item or chapter."""
    m = _NUMBERED.match(text)
    dotted = m is not None  # "1.2.11." (a dot after the number), else "1.2.11"
    m = m or _DOTTED.match(text)
    if m and not _date(m["n"], m["t"], dotted):
        number, rest = m["n"], m["t"]
        if (
            number.count(".") == 0
            and rest
            and upper_heading(rest)
            and hint not in ("clause", "item", "row")
        ):
            return Cand("chapter", number, rest)
        if number.count(".") >= 2 or hint == "item":
            return Cand("item", number, rest, "dotted")
        return Cand("clause", number, rest)
    m = _ROMAN.match(text)
    if m and upper_heading(m["t"]) and hint is None:
        return Cand("chapter", m["n"], m["t"])
    return None


def _marked(text: str, hint: str | None) -> Cand:
    """A list item by its marker ("1)", "а)", a bullet), else what the source's hint says. In
    the DLO Clause style the style says what it is: an item restyled a clause in Word keeps its
    typed "3) ", a number dlo computes, and is a clause."""
    if hint == "clause":
        m = _ITEM_NUM.match(text) or _ITEM_LETTER.match(text) or _BULLET.match(text)
        return Cand("clause", None, m["t"] if m and m["t"] else text)
    m = _ITEM_NUM.match(text)
    if m:
        return Cand("item", m["n"], m["t"], "num")
    m = _ITEM_LETTER.match(text)
    if m:
        return Cand("item", m["n"].lower(), m["t"], "letter")
    m = _BULLET.match(text)
    if m and m["t"]:
        return Cand("item", None, m["t"], "bullet")
    if hint in ("item", "row"):
        return Cand("item", None, text, hint)
    return Cand("none", None, text)


def as_written(cand: Cand) -> str:
    """A candidate's number as the source wrote it: "1)" for items, "1." otherwise."""
    if cand.style in ("num", "letter"):
        return f"{cand.number})"
    return f"{cand.number}."
