"""The source's own approval block on its title page, as Kazakhstan offices write it:

    УТВЕРЖДЕНА                                  БЕКІТІЛДІ
    приказом Председателя Правления             Басқарма Төрағасының
    АО «…» от 15.03.2024 г. № 112-п             2024 жылғы 15 наурыздағы № 112 бұйрығымен

also on one line ("Утверждено постановлением акимата … от … № …", "… № 5 қаулысымен
бекітілген"), as an annex ("Приложение к приказу … от … №", "… № 5 бұйрығына қосымша") or
signed by the official (УТВЕРЖДАЮ / БЕКІТЕМІН, then the position and a signature line or the
signatory's name); set in a column of its own beside an agreement block or the title, with tabs
or runs of spaces, it is read in its column (``title_columns``).

It says the text was approved on paper: the form of approval, the act (order, resolution,
decision), who issued it, its number and date. The regulation's own approval is recorded by the
workflow (``dlo register-paper`` for one approved on paper), so the import reports what the block
says, with the command that records it, and keeps it in the regulation's header comment; the
form of approval it states becomes ``approval.form``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Location, Problem, warning
from ..i18n import Msg
from . import doc_code, title_columns
from .source import Line

APPROVAL_BLOCK = "DLO507"  # the source's own approval block, read into the report

# the line that opens the block (or, in Kazakh, ends it: "… бұйрығымен бекітілген")
_OPENS = re.compile(
    r"^(?:утвержд[её]н[аоы]?|утверждаю|бекітілді|бекітемін|бекітілген)\b"
    r"|^приложение\s+(?:№\s*\d+\s+)?к\s+(?:приказу|постановлению|решению|распоряжению)",
    re.IGNORECASE,
)
_CLOSES_KK = re.compile(r"(?:бекітілген|бекітілді|қосымша)[.:]?$", re.IGNORECASE)
_SIGNED = re.compile(r"^(?:утверждаю|бекітемін)\b", re.IGNORECASE)
# what names a regulation's kind starts its title, never the block
_KIND = re.compile(r"инструкци|положени|регламент|нұсқаулы|ереже", re.IGNORECASE)
_ACTS = {
    "приказ": "приказ",
    "постановлени": "постановление",
    "решени": "решение",
    "распоряжени": "распоряжение",
    "бұйры": "бұйрық",
    "бұйрығ": "бұйрық",
    "қаулы": "қаулы",
    "шешім": "шешім",
    "өкім": "өкім",
}
_ACT = re.compile(r"(?<!\w)(" + "|".join(_ACTS) + r")\w*", re.IGNORECASE)
_NUMBER = re.compile(r"№\s*([^\s,;]+?)[.,;]?(?:\s|$)")
_MONTHS = {
    # Russian (genitive) and Kazakh month names, as dates are written in words
    **dict.fromkeys(["январ", "қаңтар"], 1),
    **dict.fromkeys(["феврал", "ақпан"], 2),
    **dict.fromkeys(["март", "наурыз"], 3),
    **dict.fromkeys(["апрел", "сәуір"], 4),
    **dict.fromkeys(["ма", "мамыр"], 5),
    **dict.fromkeys(["июн", "маусым"], 6),
    **dict.fromkeys(["июл", "шілде"], 7),
    **dict.fromkeys(["август", "тамыз"], 8),
    **dict.fromkeys(["сентябр", "қыркүйек"], 9),
    **dict.fromkeys(["октябр", "қазан"], 10),
    **dict.fromkeys(["ноябр", "қараша"], 11),
    **dict.fromkeys(["декабр", "желтоқсан"], 12),
}
_DIGITS = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_DAY = r"[«\"]?(\d{1,2})[»\"]?"
_RU_WORDS = re.compile(_DAY + r"\s+([^\W\d_]+)\s+(\d{4})", re.IGNORECASE)
# "2024 жылғы 15 наурыздағы" (an order's date), or "2024 жылғы «12» наурыз" under БЕКІТЕМІН
_KK_WORDS = re.compile(
    r"(\d{4})\s+жылғы\s+" + _DAY + r"\s+([^\W\d_]+?)(?:дағы|дегі|тағы|тегі)?(?![^\W\d_])"
)
_MAX_LINES = 8
# a signature line ("_________ Д. Е. Ахметов"), and a line of the signature's date, filled in or
# to fill in ("«20» мая 2024 г.", "«___» __________ 20__ г.", "2024 ж. «___» ________"; not
# "2025 жылға арналған …", a title's "for 2025")
_SIGNATURE = re.compile(r"_{3,}")
# a signatory's name alone on the signature's line, the initials before or after the surname
# ("І. Есенберлин", "Д.Е. Ахметов", "Ахметов Д.Е."): typed, signed by hand beside it
_CAPITAL, _SMALL = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z", "а-яёәғқңөұүһіa-z"
_INITIALS = rf"[{_CAPITAL}]\.(?:\s*[{_CAPITAL}]\.)?"
_SURNAME = rf"[{_CAPITAL}][{_SMALL}]+(?:-[{_CAPITAL}][{_SMALL}]+)?"
NAME = re.compile(rf"{_INITIALS}\s*{_SURNAME}|{_SURNAME}\s+{_INITIALS}")
_DATED = re.compile(
    r"[«\"]\s*[\d_]*\s*[»\"]|20_+|(?:19|20)\d\d\s*(?:ж|г|жылғы|года?)(?![^\W\d_])|\d{1,2}\.\d{1,2}\.(?:\d{2}|_)|_{2,}\s*\.\s*_{2,}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Approval:
    """What the source's approval block says."""

    form: str  # "order" | "signature" (the model's approval forms)
    act: str | None  # the act in the nominative: "приказ", "постановление", "бұйрық", "қаулы"
    authority: str | None  # who issued it, as written ("Председателя Правления АО «…»")
    number: str | None
    date: dt.date | None
    lines: tuple[Line, ...]  # the source's lines it is read from
    said: str = ""  # its text (of its own column only, when set beside another block)
    # set in a column: the title page's lines but its own, the other column's read on their own
    page: tuple[Line, ...] | None = None

    @property
    def text(self) -> str:
        return self.said or " ".join(line.text for line in self.lines)


def _month(word: str) -> int | None:
    low = word.lower()
    found = [(len(stem), n) for stem, n in _MONTHS.items() if low.startswith(stem)]
    return max(found)[1] if found else None


def valid_date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(text: str) -> dt.date | None:
    """The first date in ``text``: 15.03.2024, «15» марта 2024 г., 2024 жылғы 15 наурыздағы."""
    found: list[tuple[int, dt.date]] = []
    for m in _DIGITS.finditer(text):
        if day := valid_date(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            found.append((m.start(), day))
    for m in _RU_WORDS.finditer(text):
        if day := valid_date(int(m.group(3)), _month(m.group(2)), int(m.group(1))):
            found.append((m.start(), day))
    for m in _KK_WORDS.finditer(text):
        if day := valid_date(int(m.group(1)), _month(m.group(3)), int(m.group(2))):
            found.append((m.start(), day))
    return min(found)[1] if found else None


def _block(preamble: list[Line]) -> list[Line]:
    """The lines of the approval block in the title page's lines, or none."""
    for i, line in enumerate(preamble):
        text = line.text.strip()
        acted = _ACT.search(text) or (i > 0 and _ACT.search(preamble[i - 1].text))
        if _CLOSES_KK.search(text) and acted and not _KIND.search(text):
            # Kazakh puts the verb last: the block ends here and starts lines before (unless
            # this one says it all: the issuer, the date and number, the act)
            start = i
            while (
                start > 0
                and i - start < _MAX_LINES
                and not _KIND.search(preamble[start - 1].text)
                and not _whole(text)
            ):
                start -= 1
            return preamble[start : i + 1]
        if _OPENS.match(text):
            block = [line]
            rest = preamble[i + 1 : i + _MAX_LINES]
            for k, nxt in enumerate(rest):
                if _KIND.search(nxt.text) or _OPENS.match(nxt.text.strip()):
                    break
                block.append(nxt)
                if _ends(block, rest[k + 1].text if k + 1 < len(rest) else ""):
                    break
            return block
    return []


def _whole(text: str) -> bool:
    """A Kazakh block's closing line says it all: the issuer before the date and number, the act
    ("Академиялық мәселелер жөніндегі проректордың 2024 жылғы «2» қыркүйектегі № 112 бұйрығымен
    бекітілген")."""
    act = _ACT.search(text)
    issuer = _authority(text, signed=False) if act else None
    return bool(issuer and _NUMBER.search(text) and read_date(text))


def opens(text: str) -> bool:
    """The line opens an approval block ("УТВЕРЖДАЮ", "Утверждено приказом …")."""
    return _OPENS.match(text.strip()) is not None


def _ends(block: list[Line], after: str) -> bool:
    """The block is complete: it has its number and date; signed, its date, or its signature
    line with no date on the line ``after`` it."""
    text = " ".join(line.text for line in block)
    if _SIGNED.match(block[0].text.strip()):
        last = block[-1].text
        dated = bool(re.search(r"\d{4}", last))
        undated = _DATED.search(after) is None and read_date(after) is None
        named = NAME.fullmatch(" ".join(last.split())) is not None
        signed = (_SIGNATURE.search(last) is not None or named) and undated
        return len(block) > 1 and (dated or signed)
    return bool(_NUMBER.search(text)) and read_date(text) is not None


def _authority(text: str, signed: bool) -> str | None:
    if signed:
        rest = _SIGNED.sub("", text, count=1)
        rest = re.split(r"_{3,}|[«\"]?\d{1,2}[»\"]?\s+\w+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}", rest)[0]
        return " ".join(rest.strip(" :").split()) or None
    act = _ACT.search(text)
    if act is None:
        return None
    if act.group(1).lower().startswith(("бұйры", "бұйрығ", "қаулы", "шешім", "өкім")):
        # Kazakh: the issuer stands before the date, number and act
        before = _OPENS.sub("", text[: act.start()], count=1)
        before = re.split(r"\d{4}\s+жылғы|№|\d{1,2}\.\d{1,2}\.\d{4}", before)[0]
        return " ".join(before.strip(" :,").split()) or None
    after = text[act.end() :]
    after = re.split(r"\s+от\s+|№|\d{1,2}\.\d{1,2}\.\d{4}", after)[0]
    return " ".join(after.strip(" :,").split()) or None


def _in_columns(preamble: list[Line], block: list[Line] | None) -> Approval | None:
    """The block opened on a line set in two columns, or right above them when, read line by
    line, it takes the title's or the code's half of a line (or stops unfinished on one), read in
    its own column and the lines after them; the other column's lines stay the title page's.
    None when it is read line by line (``block``: it opens elsewhere, or its lines are split
    in halves, "Ректор<tab>_____ Д.Е. Ахметов")."""
    at = {id(line): k for k, line in enumerate(preamble)}
    opened = at[id(block[0])] if block else -1
    for run in title_columns.runs(preamble):
        above = opened == run.start - 1 and _takes_the_title(preamble, block or [], run.start)
        if block and not above and not run.start <= opened < run.end:
            continue
        head = preamble[opened : opened + 1] if above else []
        for column, other in ((run.left, run.right), (run.right, run.left)):
            found = _block(head + column + preamble[run.end :])
            if not _column_block(found, head, run.sources):
                continue
            taken = {id(line) for line in found}
            page = [*preamble[: run.start - len(head)], *column, *other, *preamble[run.end :]]
            return _approval(found, run.sources, [x for x in page if id(x) not in taken])
    return None


# a title's or a code's line: opening with the kind, ending with a Kazakh title's words
_TITLE_START = re.compile(rf"\W*(?:{_KIND.pattern}|должностн|лауазымд)", re.IGNORECASE)
_TITLE_END = re.compile(r"(?:туралы|ереже(?:сі)?|нұсқаулығы)\W*$", re.IGNORECASE)


def titled(text: str) -> bool:
    """A title's or a code's line."""
    return bool(_TITLE_START.match(text) or _TITLE_END.search(text) or doc_code.code_line(text))


def _takes_the_title(preamble: list[Line], block: list[Line], start: int) -> bool:
    """The block, read line by line from right above a run, takes a line whose half is the
    title's or the code's, or stops unfinished on one (no signature, no date)."""
    rows = block[1:]
    after = preamble[start + len(rows) : start + len(rows) + 1]
    if len(block) < 2 or not _ends(block, after[0].text if after else ""):
        rows = rows + after
    halves = [title_columns.halves(line) for line in rows]
    return any(titled(half) for pair in halves if pair for half in pair)


def _column_block(found: list[Line], head: list[Line], of: dict[int, Line]) -> bool:
    """``found`` is the block read in a column: opened in it, or opened above it (``head``)
    and going on in it with none of the title's or code's lines."""
    if not found:
        return False
    if not head:
        return id(found[0]) in of
    return len(found) > 1 and id(found[1]) in of and not any(titled(x.text) for x in found[1:])


def read(preamble: list[Line]) -> Approval | None:
    """The approval block of the lines before the first chapter, if they hold one (set in a
    column of its own beside another block or the title, ``title_columns``, too)."""
    block = _block(preamble)
    columned = _in_columns(preamble, block)
    if columned is not None or not block:
        return columned
    return _approval(block, {}, None)


def _approval(block: list[Line], of: dict[int, Line], page: list[Line] | None) -> Approval:
    """What ``block`` says; ``of``: the line each of its lines is part of, when read in a column."""
    sources = {id(s): s for s in (of.get(id(line), line) for line in block)}
    text = " ".join(" ".join(line.text.split()) for line in block)
    signed = bool(_SIGNED.match(block[0].text.strip()))
    act = None if signed else _ACT.search(text)
    number = None if signed else _NUMBER.search(text)
    return Approval(
        form="signature" if signed else "order",
        act=_ACTS[act.group(1).lower()] if act else None,
        authority=_authority(text, signed),
        # dlo prints the number's hyphens as no-break ones: U+2011 where a text is saved
        number=number.group(1).replace("\u2011", "-") if number else None,
        date=read_date(text),
        lines=tuple(sources.values()),
        said=text,
        page=None if page is None else tuple(page),
    )


def at_head(lines: list[Line], body: list[bool]) -> list[int]:
    """Indexes of the approval block's lines among the lines before the first numbered element
    (``body``: which lines are), however they are styled: an office DOCX may set "УТВЕРЖДЕНА:"
    as a heading, which is not the first chapter."""
    end = next((i for i, is_body in enumerate(body) if is_body), len(lines))
    block = read(lines[:end])
    taken = {id(line) for line in block.lines} if block else set()
    return [i for i, line in enumerate(lines[:end]) if id(line) in taken]


def rest(preamble: list[Line], approval: Approval | None) -> list[Line]:
    """The title page's lines without the approval block (where the title is)."""
    if approval is None:
        return preamble
    if approval.page is not None:
        return list(approval.page)
    taken = {id(line) for line in approval.lines}
    return [line for line in preamble if id(line) not in taken]


def problem(approval: Approval, path: str, reg_id: str) -> Problem:
    """The report's note of the block: what it says, and how the workflow records it."""
    first, last = approval.lines[0].where, approval.lines[-1].where
    day = approval.date.isoformat() if approval.date else None
    if approval.form == "signature":
        said = Msg(
            "the source's approval block (lines {first}-{last}) says it was approved on paper: "
            "signed by {authority} on {date} (approval.form: signature); not imported as text",
            first=first,
            last=last,
            authority=approval.authority or "?",
            date=approval.date or "?",
        )
        command = f"dlo register-paper {reg_id} --date {day or 'DATE'}"
    else:
        said = Msg(
            "the source's approval block (lines {first}-{last}) says it was approved on paper: "
            "{act}, issued by {authority}, № {number} of {date} (approval.form: {form}); "
            "not imported as text",
            first=first,
            last=last,
            act=approval.act or approval.form,
            authority=approval.authority or "?",
            number=approval.number or "?",
            date=approval.date or "?",
            form=approval.form,
        )
        known = approval.number and day
        order, on = (approval.number, day) if known else ("NO", "DATE")
        command = f"dlo register-paper {reg_id} --order {order} --date {on}"
    return warning(
        Location(path, first, 1),
        APPROVAL_BLOCK,
        said,
        Msg(
            "the journal holds no approval yet: once the text is checked, record this one with "
            "{command}",
            command=command,
        ),
    )


def comment(approval: Approval) -> Msg:
    """A line for the regulation's header comment: the block as the source writes it."""
    return Msg("The source's title page says: {text}", text=" ".join(approval.text.split()))
