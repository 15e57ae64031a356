"""Who the source's own signatures say agree it, where offices write them:

    СОГЛАСОВАНО<tab><tab>УТВЕРЖДАЮ                    (the title page's agreement block, beside
    Начальник ОУП<tab><tab>Ректор                      the approval block or alone; КЕЛІСІЛДІ)
    _______ Г. М. Жумабаева<tab><tab>_______ Д. Е. Ахметов

    ЛИСТ СОГЛАСОВАНИЯ                                  (the agreement sheet after the text;
    Начальник ОУП<tab>_______<tab>Г. М. Жумабаева       КЕЛІСУ ПАРАҒЫ)

- ``read(preamble, appendix) -> Signed | None``: the sheet's lines, else the block's (the
  sheet is what people sign);
- ``unknown(signed, registry, lang) -> [(title, mention)]``: the officials it names that the
  registry does not know, each on a line of its own before the signature ("Главный бухгалтер
  ______ А. Б. Ким").

The import proposes the approvers from them when no clause names them, and says where a clause
and they disagree (``route``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..mentions import words
from ..model import Registry
from . import title_block, title_columns
from .appendix import Appendix
from .facts import named_in_order, stem
from .source import Line

# the block's opening line, alone ("СОГЛАСОВАНО", "КЕЛІСІЛДІ:") or with the first signatory
# after a colon ("СОГЛАСОВАНО: Проректор по учебной работе")
_OPENS = re.compile(
    r"^\W*(?:согласовано|согласован[аы]?|келісілді|келісілген)\W*?(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_MAX_LINES = 12  # a block of two or three signatories, each with a line for the signature and date
# a label of who wrote it, whose signature the sheet or block also carries
_AUTHOR = re.compile(
    r"^\W*(?:разработ|подготов|составил|исполнител|әзірле|дайында|орындаушы)\w*\W*?(?::\s*|$)",
    re.I,
)
_SIGNS = re.compile(r"_{3,}")  # a line to sign on


@dataclass(frozen=True)
class Signed:
    """The lines of the source's agreement block or sheet that name the signatories."""

    what: str  # "block" | "sheet"
    where: int  # the source's line of its heading
    text: str  # its signatories' lines, "; "-joined (names and dates name no position)
    lines: frozenset[tuple[str, int]] = (
        frozenset()
    )  # its lines (text, source line): not the title's


def read(preamble: list[Line], appendix: Appendix | None) -> Signed | None:
    return _sheet(appendix) or _block(preamble)


def _sheet(appendix: Appendix | None) -> Signed | None:
    """The agreement sheet's lines, to the next sheet's title or lead-in."""
    if appendix is None:
        return None
    titles = [line for _, line in appendix.sheets]
    for kind, title in appendix.sheets:
        if kind != "agreement":
            continue
        start = next(k for k, line in enumerate(appendix.lines) if line is title)
        lines = []
        for line in appendix.lines[start + 1 :]:
            if any(line is other for other in titles):
                break
            lines.append(line)
        return _signed("sheet", title.where, lines)
    return None


def _block(preamble: list[Line]) -> Signed | None:
    """The title page's agreement block: a column opening with it beside another (the approval
    block, the title), with the signatories under it after the other column ends, else the lines
    after its opening line to the approval block or the title."""
    for run in title_columns.runs(preamble):
        for column in (run.left, run.right):
            opened = _OPENS.match(column[0].text.strip()) if column else None
            if opened is not None:
                under = _signatories_under(preamble[run.end :]) if column is run.left else []
                return _signed("block", run.sources[id(column[0])].where, [*column, *under])
    for k, line in enumerate(preamble):
        opened = _OPENS.match(line.text.strip())
        if opened is None or title_columns.halves(line) is not None:
            continue
        lines = [line]
        for nxt in preamble[k + 1 : k + 1 + _MAX_LINES]:
            if (
                title_block.opens(nxt.text)
                or title_block.titled(nxt.text)
                or _OPENS.match(nxt.text)
            ):
                break
            lines.append(nxt)
        return _signed("block", line.where, lines)
    return None


def _signatories_under(lines: list[Line]) -> list[Line]:
    """The lines of signatories stacked under a column's last one, set on their own after the
    other column ended: each a position over a line to sign on, the date under it."""
    taken: list[Line] = []
    for k, line in enumerate(lines[:_MAX_LINES]):
        signs = _SIGNS.search(line.text) is not None
        if not (signs or any(_SIGNS.search(x.text) for x in lines[k + 1 : k + 3])):
            break
        taken.append(line)
    return taken


def _signed(what: str, where: int, lines: list[Line]) -> Signed | None:
    """The signatories of ``lines``: those after its opening word (on its line: "СОГЛАСОВАНО:
    Проректор …"), not those under a label of who wrote it ("Разработано:", "Әзірлеген:"), up to
    the next opening word."""
    said: list[str] = []
    author = False
    for line in lines:
        text = line.text.strip()
        opened = _OPENS.match(text)
        if opened is not None:
            author = False
            said.append(opened.group("rest") or "")
        elif (label := _AUTHOR.match(text)) is not None:
            author = label.end() == len(text)  # alone: over the author's lines, to the next
        elif not author:
            said.append(text)
    text = " ; ".join(x for x in said if x.strip())
    kept = frozenset((line.text, line.where) for line in lines)
    return Signed(what, where, text, kept) if text else None


# where a signatory's line goes on past the position: a line to sign on, a cell, a dash before the
# name, the name, a date
_PAST_TITLE = re.compile(
    r"_{3,}|\s\|\s|\s[–—-]\s|[«\"]|\d|" + title_block.NAME.pattern, re.IGNORECASE
)
_ADJECTIVE_RU = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его)$")
_HEADER = frozenset({"должность", "лауазымы", "лауазым", "подпись", "қолы", "дата", "күні", "фио"})


def unknown(signed: Signed, registry: Registry, lang: str) -> list[tuple[str, str]]:
    """The officials ``signed`` names that the registry does not know: (title, mention) of each
    line that opens with a title in capitals and names no registry position."""
    found: list[tuple[str, str]] = []
    for row in signed.text.split(" ; "):
        cut = _PAST_TITLE.search(row)
        title = row[: cut.start() if cut else len(row)].strip(" .,;:–—-")
        said = words(title)
        if (
            not title[:1].isupper()
            or not 1 <= len(said) <= 12
            or _HEADER & set(said)
            or named_in_order(title, registry, lang)[0]
            or title.lower() in (t.lower() for t, _ in found)
        ):
            continue
        if lang == "kk":
            mention = " ".join([*said[:-1], stem(said[-1], lang)])
        else:  # an adjective in any case: "главный бухгалтер" → "главн бухгалтер"
            mention = " ".join(_ADJECTIVE_RU.sub("", w) if len(w) > 5 else w for w in said)
        found.append((title, mention))
    return found
