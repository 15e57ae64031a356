"""Why a row of a translation table taken back is not taken: its element is gone, its source
text is not the draft's, its cells were merged or split, another row translates the same text,
or its translation is longer than any text may be. Each is refused at its row; the other rows
are taken."""

from __future__ import annotations

import re
import unicodedata

from ..chars import INVISIBLE
from ..errors import Location, Problem, error
from ..i18n import Msg
from ..model import text_in
from ..render import docx_translation as table
from ..yaml_limits import MAX_SCALAR


def normal(text: str | None) -> str:
    """A text as the table shows it: spaces collapsed (a non-breaking one is a space), the
    characters no DOCX holds dropped, and those that print as nothing (``chars.INVISIBLE``: a
    soft hyphen or a zero-width space pasted along with a translation, which ``dlo check``
    refuses, DLO118), as ``dlo import`` drops them; composed (NFC), as import reads a text."""
    shown = re.sub(INVISIBLE, "", table.xml_safe(text or ""))
    return " ".join(unicodedata.normalize("NFC", shown).split())


def refusal(at: Location, row, slot, langs: tuple[str, str], reg_id: str, doc) -> Problem | None:
    """Why a row of the table is not taken: its element is gone, or its source text changed."""
    src, dst = langs
    if slot is None:
        return error(
            at,
            "DLO701",
            Msg(
                "row {number} ({key}): the draft has no such element any more",
                number=row.number,
                key=row.key,
            ),
            Msg("translate it again from a new table"),
        )
    if row.cells != 2:
        return _not_two_cells(at, row, slot, reg_id, dst)
    current = text_in(slot.value, src, doc.main_lang)
    if normal(current) == normal(row.source):
        return _too_long(at, row, slot)
    return error(
        at,
        "DLO702",
        Msg(
            "row {number} ({label}, {key}): the {src} text in the left-hand column is not the "
            "draft's (the draft was edited since the table was made, or the left-hand column "
            "was); its translation was not taken",
            number=row.number,
            label=slot.label,
            key=slot.key,
            src=src,
        ),
        Msg(
            "make a new table (dlo translate {reg_id} --to {dst} --out FILE.docx) and translate "
            "this row again; in the table, change only the right-hand column",
            reg_id=reg_id,
            dst=dst,
        ),
    )


def _not_two_cells(at: Location, row, slot, reg_id: str, dst: str) -> Problem:
    """A row whose two cells were merged into one (its source text was taken as its
    translation) or split into more."""
    return error(
        at,
        "DLO706",
        Msg(
            "row {number} ({label}, {key}) has {cells} cell(s), not the two of the table: its "
            "cells were merged or split; its translation was not taken",
            number=row.number,
            label=slot.label,
            key=slot.key,
            cells=row.cells,
        ),
        Msg(
            "make a new table (dlo translate {reg_id} --to {dst} --out FILE.docx) and copy "
            "the translation into the right-hand cell of this row",
            reg_id=reg_id,
            dst=dst,
        ),
    )


def repeated(at: Location, row, slot, numbers: list[int]) -> Problem | None:
    """A row of an element another row of the table translates too (a row copied, or pasted
    twice): which of them is the translation cannot be told, so neither is taken (the last was,
    over the others, unsaid)."""
    if slot is None or len(numbers) < 2:
        return None
    return error(
        at,
        "DLO707",
        Msg(
            "row {number} ({label}, {key}): rows {rows} of the table are all of this text; "
            "none of their translations was taken",
            number=row.number,
            label=slot.label,
            key=slot.key,
            rows=", ".join(map(str, numbers)),
        ),
        Msg("keep one row for the text, with its translation, and delete the others"),
    )


def _too_long(at: Location, row, slot) -> Problem | None:
    """A translation longer than any text of a regulation may be (``MAX_SCALAR``, as the
    loader reads it): refused at its row, not written into a draft ``dlo`` would then refuse
    to read (a 5 MB cell was named as an error at a line of regulation.yaml, which the command
    had not written)."""
    size = len(normal(row.target))
    if size <= MAX_SCALAR:
        return None
    return error(
        at,
        "DLO705",
        Msg(
            "row {number} ({label}, {key}): the translation is {size} characters, more than "
            "the {limit} a text may have; it was not taken",
            number=row.number,
            label=slot.label,
            key=slot.key,
            size=size,
            limit=MAX_SCALAR,
        ),
        Msg("check the right-hand cell of this row: it holds more than this text's translation"),
    )
