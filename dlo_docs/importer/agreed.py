"""Who the source's own signatures say agree it, where offices write them:

    СОГЛАСОВАНО<tab><tab>УТВЕРЖДАЮ                    (the title page's agreement block, beside
    Начальник ОУП<tab><tab>Ректор                      the approval block or alone; КЕЛІСІЛДІ)
    _______ Г. М. Жумабаева<tab><tab>_______ Д. Е. Ахметов

    ЛИСТ СОГЛАСОВАНИЯ                                  (the agreement sheet after the text;
    Начальник ОУП<tab>_______<tab>Г. М. Жумабаева       КЕЛІСУ ПАРАҒЫ)

- ``read(preamble, appendix) -> Signed | None``: the sheet's lines, else the block's (the
  sheet is what people sign).

The import proposes the approvers from them when no clause names them, and says where a clause
and they disagree (``route``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import title_block, title_columns
from .appendix import Appendix
from .source import Line

# the block's opening line, alone ("СОГЛАСОВАНО", "КЕЛІСІЛДІ:") or with the first signatory
# after a colon ("СОГЛАСОВАНО: Проректор по учебной работе")
_OPENS = re.compile(
    r"^\W*(?:согласовано|согласован[аы]?|келісілді|келісілген)\W*?(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_MAX_LINES = 12  # a block of two or three signatories, each with a line for the signature and date


@dataclass(frozen=True)
class Signed:
    """The lines of the source's agreement block or sheet that name the signatories."""

    what: str  # "block" | "sheet"
    where: int  # the source's line of its heading
    text: str  # its lines, "; "-joined (names and dates name no position)


def read(preamble: list[Line], appendix: Appendix | None) -> Signed | None:
    return _sheet(appendix) or _block(preamble)


def _sheet(appendix: Appendix | None) -> Signed | None:
    """The agreement sheet's lines, to the next sheet's title."""
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
            lines.append(line.text)
        return Signed("sheet", title.where, " ; ".join(lines)) if lines else None
    return None


def _block(preamble: list[Line]) -> Signed | None:
    """The title page's agreement block: a column opening with it beside another (the approval
    block, the title), else the lines after its opening line to the approval block or the
    title."""
    for run in title_columns.runs(preamble):
        for column in (run.left, run.right):
            opened = _OPENS.match(column[0].text.strip()) if column else None
            if opened is not None:
                lines = [opened.group("rest") or "", *(line.text for line in column[1:])]
                return _signed(run.sources[id(column[0])].where, lines)
    for k, line in enumerate(preamble):
        opened = _OPENS.match(line.text.strip())
        if opened is None or title_columns.halves(line) is not None:
            continue
        lines = [opened.group("rest") or ""]
        for nxt in preamble[k + 1 : k + 1 + _MAX_LINES]:
            if (
                title_block.opens(nxt.text)
                or title_block.titled(nxt.text)
                or _OPENS.match(nxt.text)
            ):
                break
            lines.append(nxt.text)
        return _signed(line.where, lines)
    return None


def _signed(where: int, lines: list[str]) -> Signed | None:
    text = " ; ".join(x for x in lines if x.strip())
    return Signed("block", where, text) if text else None
