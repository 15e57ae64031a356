"""Who the source's own signatures say agree it, where offices write them:

    СОГЛАСОВАНО<tab><tab>УТВЕРЖДАЮ                    (the title page's agreement block, beside
    Начальник ОУП<tab><tab>Ректор                      the approval block or alone; КЕЛІСІЛДІ)
    _______ Г. М. Жумабаева<tab><tab>_______ Д. Е. Ахметов

    ЛИСТ СОГЛАСОВАНИЯ                                  (the agreement sheet after the text;
    Начальник ОУП<tab>_______<tab>Г. М. Жумабаева       КЕЛІСУ ПАРАҒЫ)

- ``read(preamble, appendix) -> Signed | None``: the sheet's lines, else the block's (the
  sheet is what people sign);
- ``officials(signed) -> [title]``: the officials it names, each on a line of its own before
  the signature ("Главный бухгалтер ______ А. Б. Ким");
- ``named_officials(signed) -> [(title, name, line)]``: those whose line gives their name;
- ``unknown(signed, registry, lang) -> [(title, mention)]``: those the registry does not know;
- ``mention(title, lang)``: the mention proposed for one of them.

The import proposes the approvers from them when no clause names them, and says where a clause
and they disagree (``route``, ``signed_check``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..mentions import words
from ..model import Registry
from . import title_block, title_columns
from .appendix import Appendix
from .facts import named_in_order, occurrences, stem
from .officials import HOLDERS
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
    r"^\W*(?:разработ|подготов|состав(?:ил|ител)|исполнител|әзірле|дайында|орындаушы)\w*"
    r"(?:\s*\(\w+\))?\s*(?::\s*|$)",
    re.I,
)
# a label of those who agree it, ending the author's lines
_VISAS = re.compile(r"^\W*(?:визы|виза|визалар|согласующие|келісушілер)\W*$", re.I)
_SIGNS = re.compile(r"_{3,}")  # a line to sign on


@dataclass(frozen=True)
class Signed:
    """The lines of the source's agreement block or sheet that name the signatories."""

    what: str  # "block" | "sheet"
    where: int  # the source's line of its heading
    text: str  # its signatories' lines, "; "-joined (names and dates name no position)
    # its lines as (text, source line): none of them is the title's
    lines: frozenset[tuple[str, int]] = frozenset()


def read(preamble: list[Line], appendix: Appendix | None) -> Signed | None:
    return _sheet(appendix) or _block(preamble)


def _sheet(appendix: Appendix | None) -> Signed | None:
    """The agreement sheet's lines, to the next sheet's title or lead-in (and those of its
    continuation: "ЛИСТ СОГЛАСОВАНИЯ (продолжение)")."""
    if appendix is None:
        return None
    titles = {id(line) for _, line in appendix.sheets}
    agreements = [line for kind, line in appendix.sheets if kind == "agreement"]
    lines: list[Line] = []
    reading = False
    for line in appendix.lines:
        if id(line) in titles:
            reading = any(line is title for title in agreements)
        elif reading:
            lines.append(line)
    return _signed("sheet", agreements[0].where, lines) if agreements else None


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
    Проректор …"), not the one under a label of who wrote it ("Разработано:", "Әзірлеген:"), to
    his signature or the next opening word."""
    said: list[str] = []
    author = False
    for line in lines:
        text = line.text.strip()
        opened = _OPENS.match(text)
        if opened is not None or _VISAS.match(text):
            author = False
            said.append((opened.group("rest") or "") if opened else "")
        elif (label := _AUTHOR.match(text)) is not None:
            author = label.end() == len(text)  # alone: over the author's lines
        elif author:  # the author's, to his signature
            author = not (_SIGNS.search(text) or title_block.NAME.search(text))
        else:
            said.append(text)
    text = " ; ".join(x for x in said if x.strip())
    kept = frozenset((line.text, line.where) for line in lines)
    return Signed(what, where, text, kept) if text else None


# where a signatory's line goes on past the position: a line to sign on, a cell, a dash before the
# name, a date; or the name ("А. Б. Сеитова", "Сеитова А. Б.": capitals, so not "проректор А. Б.")
_PAST_TITLE = re.compile(r"_{3,}|\s\|\s|\s[–—-]\s|[«\"]|\d")
# a Russian adjective's ending, or a noun's soft sign: "главный" → "главн", "руководитель" →
# "руководител", so the mention finds them in any case
_ENDING_RU = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ь)$")


def _title(row: str) -> str | None:
    """A signatory's line's title: its words before the signature, the name or a date, when
    they open with a capital and have a position's word (not the organisation's name, a
    council's decision, a table's header or a unit's name)."""
    cuts = [m.start() for m in (_PAST_TITLE.search(row), title_block.NAME.search(row)) if m]
    title = row[: min(cuts, default=len(row))].strip(" .,;:–—-")
    said = words(title)
    if title[:1].isupper() and 1 <= len(said) <= 12 and any(w.startswith(HOLDERS) for w in said):
        return title
    return None


def officials(signed: Signed) -> list[str]:
    """The title of each official ``signed`` names, in its order (``_title``)."""
    return [title for row in signed.text.split(" ; ") if (title := _title(row))]


def named_officials(signed: Signed) -> list[tuple[str, str, int]]:
    """(title, name, source line) of each of ``signed``'s officials whose line gives the name
    after the title: "Провост | Ибраева А.Б.", "Начальник ОУП _______ Г. М. Жумабаева"."""
    rows = set(signed.text.split(" ; "))
    found = []
    for text, where in sorted(signed.lines, key=lambda line: line[1]):
        row = text.strip()
        title = _title(row) if row in rows else None
        name = title_block.NAME.search(row, row.find(title) + len(title)) if title else None
        if title and name:
            found.append((title, name.group(0), where))
    return found


def unknown(signed: Signed, registry: Registry, lang: str) -> list[tuple[str, str]]:
    """The officials ``signed`` names that the registry does not know: (title, mention) of each
    that names no registry position nor is part of one's mention ("Проректор" alone: which?)."""
    found: list[tuple[str, str]] = []
    known = [words(m) for p in registry.positions for m in p.mentions_in(lang)]
    for title in officials(signed):
        if named_in_order(title, registry, lang)[0] or title.lower() in (
            t.lower() for t, _ in found
        ):
            continue
        said = mention(title, lang)
        if not any(occurrences(k, said) for k in known):
            found.append((title, said))
    return found


def mention(title: str, lang: str) -> str:
    """The mention of an official a line names by ``title``: its words, in any case."""
    said = words(title)
    if lang == "kk":
        return " ".join([*said[:-1], stem(said[-1], lang)])
    return " ".join(_ENDING_RU.sub("", w) if len(w) > 5 else w for w in said)
