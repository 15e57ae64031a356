"""What every reader hands to structure recognition: lines of text with hints, and the little
metadata a file carries. Also the plain-text reader (any encoding a real office produces).

A ``Line`` is one paragraph of the source: one line of a ``.txt`` file, one paragraph (or one
table row) of a DOCX. Readers normalise whitespace the same way, so recognition never sees a
BOM, a carriage return, a tab or a zero-width space; non-breaking spaces stay in the text and are
whitespace to every pattern.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..chars import INVISIBLE
from ..codepages import mostly_utf8, windows_text
from ..errors import DloError, Location, Problem, error
from ..i18n import Msg

# Error codes of the import (DLO5xx): the file cannot be read.
NOT_READABLE = "DLO520"  # missing, unreadable, not a DOCX, corrupt
ENCRYPTED = "DLO521"  # password-protected (or a legacy binary .doc)
EMPTY = "DLO522"  # no bytes, or no text at all
NOT_TEXT = "DLO523"  # binary data, or an encoding we cannot decode
NO_STRUCTURE = "DLO524"  # text, but no chapter or clause anywhere

# Tabs become spaces; non-breaking and other typographic spaces are kept in the text (an author's
# "ҚП 082-2022" keeps its NBSP) but count as whitespace everywhere in recognition (``\s``, strip).
_SPACES = dict.fromkeys(map(ord, "\t\v"), " ")


@dataclass
class Line:
    """One paragraph of the source."""

    text: str  # normalised: no tabs, NBSP or zero-width characters; stripped
    where: int  # 1-based line (.txt) or paragraph (.docx) number
    hint: str | None = (
        None  # from a DOCX style: "chapter" | "paragraph" | "clause" | "item" | "row" | "box"
    )
    level: int | None = None  # DOCX list level (w:ilvl) or item depth from a style (0-based)
    auto: bool = False  # the leading number was produced by Word's automatic numbering
    lone_number: bool = False  # a number stood alone before a soft line break
    marks: tuple[str, ...] = ()  # DOCX bookmarks that start in this paragraph
    # the text's pieces between soft line breaks (DOCX), or a table row's cells' lines, when it
    # was joined from several: a title page set as one paragraph broken by Shift+Enter, or in a
    # table, is read as its lines (``at_breaks``)
    pieces: tuple[str, ...] = ()  # (as written: ``at_breaks`` normalises them)
    strong: bool = False  # DOCX: all its text is bold, as an office marks a heading in Normal
    # as the source wrote it, when tabs or a run of spaces set its text apart in columns (a
    # title page's two blocks side by side: ``title_columns``); else ""
    raw: str = ""

    def at_breaks(self) -> list[Line]:
        """The line as the lines its soft breaks set apart (itself when it had none)."""
        if len(self.pieces) < 2:
            return [self]
        hint = None if self.hint == "row" else self.hint  # a table's cells: lines of their own
        return [
            Line(normalise(piece), self.where, hint, self.level, raw=gapped(piece))
            for piece in self.pieces
        ]


@dataclass
class Read:
    """A source file as lines, with what it says about itself."""

    path: str  # as shown to the user
    format: str  # "txt" | "docx"
    lines: list[Line]
    title: str | None = None  # DOCX core properties (our own output carries them)
    code: str | None = None
    id: str | None = None
    lang: str | None = None
    ours: bool = False  # a DOCX rendered by dlo (named body styles)
    skipped: int = 0  # paragraphs left out (title page, sheets, tables of our own output)
    notes: list[str] = field(default_factory=list)
    revisions: list[str] = field(default_factory=list)  # unresolved tracked changes, comments
    problems: list[Problem] = field(default_factory=list)  # what the reader left out, at its place
    page_title: list[Line] = field(default_factory=list)  # our own title page's title lines


_GAPPED = re.compile(r"\S(?:\t|[ \u00a0]{3})|^(?:\t|[ \u00a0]{3})\s*\S")


def gapped(raw: str) -> str:
    """``raw`` when tabs or a run of spaces set its text apart (``Line.raw``), else ""."""
    return raw if _GAPPED.search(raw) else ""


def normalise(text: str) -> str:
    """One paragraph's text as recognition wants it. The characters that print as nothing
    (``chars.INVISIBLE``: zero-width characters, the soft hyphen, the marks that set the
    direction of bidirectional text, the fillers ...) are dropped: none prints, a Kazakh or Russian text has none to hold (pasted from
    elsewhere, they hid a sheet's title from recognition), and `dlo check` refuses them in a
    regulation (DLO118). A control character is kept: `dlo check` reports it (DLO118)."""
    text = unicodedata.normalize("NFC", re.sub(INVISIBLE, "", text).translate(_SPACES))
    return text.strip()


def fail(path: str, code: str, message: str, hint: str | None = None) -> DloError:
    return DloError(error(Location(path), code, message, hint))


# the longest real regulation has a few thousand paragraphs; recognising the structure of a
# crafted file of hundreds of thousands (a few MB) would take minutes
MAX_PARAGRAPHS = 20_000


def too_long(path: str, n: int) -> DloError:
    """The refusal of a source of ``n`` paragraphs, more than ``MAX_PARAGRAPHS``."""
    return fail(
        path,
        NOT_READABLE,
        Msg(
            "the document has {n} paragraphs, more than the {limit} a regulation could have",
            n=n,
            limit=MAX_PARAGRAPHS,
        ),
        Msg("split it, or check that it is the file you meant"),
    )


def _decode_utf16(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError:
        raise fail(
            path,
            NOT_TEXT,
            Msg("the file starts like UTF-16 text but is not"),
            Msg("save it as UTF-8"),
        ) from None


def _decode_8bit(raw: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else the Windows Cyrillic code page, or the Kazakh one where
    the Cyrillic code page reads the letters it has in place of the Kazakh ones. UTF-8 but for
    a stray byte, it is refused at that byte: read in a code page, it would be text lost."""
    if b"\x00" in raw:
        raise fail(
            path,
            NOT_TEXT,
            Msg("the file is binary, not text"),
            Msg("import a .docx or a UTF-8 .txt (in Word: Save As → Plain Text → UTF-8)"),
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if mostly_utf8(raw):  # read as a code page, its every letter would be two others
            before = raw[: exc.start]
            at = Location(path, before.count(b"\n") + 1, exc.start - before.rfind(b"\n"))
            raise DloError(
                error(
                    at,
                    NOT_TEXT,
                    Msg(
                        "the file is UTF-8 but for a stray byte (0x{byte:02x})", byte=raw[exc.start]
                    ),
                    Msg("type the character at that place again, and save the text as UTF-8"),
                )
            ) from None
    found = windows_text(raw)  # Windows-1251, or KZ-1048 where 1251 reads its Kazakh letters
    if found is not None:
        return found[1]
    try:
        raw.decode("cp1251")
    except UnicodeDecodeError:
        raise fail(
            path,
            NOT_TEXT,
            Msg("the file is not text: neither UTF-8 nor Windows-1251 (binary data?)"),
            Msg("import a .docx, or save the text as UTF-8"),
        ) from None
    raise fail(
        path,
        NOT_TEXT,
        Msg("the file is not text (or in an unknown encoding)"),
        Msg("save it as UTF-8"),
    )


def decode(raw: bytes, path: str) -> str:
    """Bytes of a text file as a string: UTF-8 (with or without BOM), UTF-16 with BOM, or the
    Windows Cyrillic or Kazakh code page; binary data is refused."""
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise fail(
            path,
            EMPTY,
            Msg("the file is empty"),
            Msg("export the document's text into it, or import the .docx"),
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_utf16(raw, path)
    else:
        text = _decode_8bit(raw, path)
    controls = sum(
        1
        for ch in text
        if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\t\n\r\f\v"
    )
    if controls > max(2, len(text) // 200):
        raise fail(
            path,
            NOT_TEXT,
            Msg("the file is binary, not text"),
            Msg("import a .docx or a UTF-8 .txt (in Word: Save As → Plain Text → UTF-8)"),
        )
    if not text.strip():
        raise fail(path, EMPTY, Msg("the file holds no text"))
    return text


def read_text(raw: bytes, path: str) -> Read:
    text = decode(raw, path)
    lines = [
        Line(normalise(line), n, raw=gapped(line)) for n, line in enumerate(text.splitlines(), 1)
    ]
    return Read(path, "txt", [line for line in lines if line.text])
