"""The acquaintance list the office already keeps, as CSV (Excel's "Save as CSV"): one row per
person who has read a regulation — name, position, date — read into acknowledgements.

Headers are recognised in English, Kazakh and Russian (``name`` / ``Т.А.Ә.`` / ``ФИО``,
``position`` / ``Лауазымы`` / ``Должность``, ``date`` / ``Күні`` / ``Дата``); a ``holder``
column may give a registry position instead of the name. The file may be UTF-8 (with or without
a BOM), UTF-16 with its BOM or Windows-1251, separated by commas, semicolons or tabs, of at most
``MAX_ROWS`` rows. Every bad row is reported at its line; nothing is recorded unless every row
is good.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from . import inputs
from .codepages import mostly_utf8
from .errors import DloError, Location, Problem, UsageError, error, os_reason
from .i18n import Msg
from .model import Registry
from .workflow.acknowledgements import Reader, holder, named

HEADERS = {
    "name": {"name", "т.а.ә.", "т.а.ә", "тaә", "аты-жөні", "фио", "ф.и.о.", "ф.и.о"},
    "position": {"position", "лауазымы", "лауазым", "должность"},
    "date": {"date", "күні", "танысқан күні", "дата", "дата ознакомления"},
    "holder": {"holder", "position_id", "лауазым коды", "код должности"},
}
FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
MAX_BYTES = inputs.MAX_YAML_BYTES  # an office's list of thousands of names is well below
# rows of one list: each is a journal event of some 40 keys and values, and a journal holds 500,000
# (yaml_limits.MAX_VALUES); 10,000 take 6 s to record, 30,000 took four minutes and 1 GB only to
# be refused then as a journal that would not read back
MAX_ROWS = 10_000


def _text(raw: bytes, where: str) -> str:
    """The list's text: UTF-16 with its BOM (Excel's "Unicode Text", which keeps the Kazakh
    letters Windows-1251 has not), UTF-8 (with or without a BOM), else Windows-1251. A UTF-8 list
    with a byte no UTF-8 text holds is refused at that byte, not read as Windows-1251, which would
    record every Cyrillic name as mojibake (Иванов as Р˜РІР°РЅРѕРІ) in the journal for good."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise DloError(error(Location(where), "DLO641", _NOT_TEXT)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if mostly_utf8(raw):
            raise DloError(_broken_utf8(raw, exc.start, where)) from None
    try:  # a BOM before it (an editor that adds one to whatever it saves) is no text of it
        return raw.removeprefix(codecs.BOM_UTF8).decode("cp1251")
    except UnicodeDecodeError:
        raise DloError(error(Location(where), "DLO641", _NOT_TEXT)) from None


_NOT_TEXT = Msg("not a text file (UTF-8, UTF-16 or Windows-1251)")


def _broken_utf8(raw: bytes, at: int, where: str) -> Problem:
    start = raw.rfind(b"\n", 0, at) + 1
    line = raw.count(b"\n", 0, start) + raw.count(b"\r", 0, start) - raw.count(b"\r\n", 0, start)
    column = len(raw[start:at].decode("utf-8", "replace").lstrip("\ufeff")) + 1
    return error(
        Location(where, line + 1, column),
        "DLO641",
        Msg(
            "the list is UTF-8 but for the byte 0x{byte:02x} here, which no UTF-8 text holds",
            byte=raw[at],
        ),
        Msg("type this cell again, or save the list again as CSV UTF-8"),
    )


def _date(value: str) -> dt.date | None:
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


# a day written otherwise: day first (5/12/2026, 05-12-2026) or year first (2026.12.05, 2026/12/5)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[/.\- ](\d{1,2})[/.\- ](\d{1,2})")


def _as_date(value: str) -> Msg:
    """How a date the list cannot read is to be written: the very day, where ``value`` names one
    in another form; else the two forms it takes. Never another day as an example, which a clerk
    fixing 2026-13-01 would take for the day meant."""
    day_first, year_first = _DAY_FIRST.fullmatch(value), _YEAR_FIRST.fullmatch(value)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
    elif year_first:
        year, month, day = (int(part) for part in year_first.groups())
    else:
        return Msg("write it as YYYY-MM-DD or DD.MM.YYYY")
    try:
        return Msg("write it as {value}", value=dt.date(year, month, day).isoformat())
    except ValueError:  # 2026-13-01, 31.02.2026: no day of the calendar
        return Msg("write it as YYYY-MM-DD or DD.MM.YYYY")


class _CellRefused(UsageError):
    """A row refused for one of its cells (``key``: the column it is in), said at that cell."""

    def __init__(self, key: str, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.key = key


def _column(raw: str, delimiter: str, row: list[str], index: int) -> int:
    """The character column where cell ``index`` of ``row``, read from the line ``raw``, starts
    its text (1 where the line is not simply its cells split by the delimiter: a quoted cell, as
    Excel writes one holding the delimiter or a line break)."""
    cells = raw.split(delimiter)
    if cells != row or index >= len(cells):
        return 1
    before = sum(len(cell) + len(delimiter) for cell in cells[:index])
    return before + len(cells[index]) - len(cells[index].lstrip()) + 1


def _rows(path: Path, display: str) -> tuple[list[tuple[int, list[str]]], dict[int, str], str]:
    """Each row with the line it starts on, the line each row kept starts with, the delimiter.
    The lines are those csv reads (ended by CR LF, LF or CR alone, as a list saved by Excel for
    Mac ends them; not by U+2028 or NEL, which str.splitlines would): a row quoted over two lines
    puts the rows after it a line further down, where an editor shows them. Only the rows with
    a cell filled are kept, and their lines: the millions of empty rows 16 MiB of ",\n" hold
    (a sheet saves its empty rows below its list) took 0.7 GB, every line kept twice."""
    try:
        raw = inputs.read_bytes(path, limit=MAX_BYTES)
    except inputs.InputRefused as exc:
        raise DloError(error(Location(display, 1, 1), "DLO641", exc.reason, exc.hint)) from None
    except OSError as exc:
        raise UsageError(
            Msg("cannot read {path}: {reason}", path=display, reason=os_reason(exc))
        ) from None
    text = io.StringIO(_text(raw, display), newline="")
    first = text.readline()
    try:
        dialect = csv.Sniffer().sniff(first.rstrip("\r\n") + "\n", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    text.seek(0)
    read: list[str] = []  # the lines of the row being read
    reader = csv.reader(_remembered(text, read), dialect)
    rows: list[tuple[int, list[str]]] = []
    lines: dict[int, str] = {}
    start = 1
    try:
        for row in reader:  # line_num: the lines read so far, this row's last among them
            # (the empty rows a sheet saves below its own are not kept)
            if not rows or any(cell.strip() for cell in row):
                rows.append((start, row))  # (the header's place, said as naming no column)
                lines[start] = read[0].rstrip("\r\n")
            if len(rows) > MAX_ROWS + 1:  # and the header
                raise DloError(_too_many(Location(display, start, 1)))
            start = reader.line_num + 1
            read.clear()
    except csv.Error as exc:
        raise DloError(_unreadable(Location(display, start, 1), exc)) from None
    if not rows:
        raise DloError(error(Location(display, 1, 1), "DLO641", Msg("the file is empty")))
    return rows, lines, dialect.delimiter


def _remembered(text: io.StringIO, read: list[str]) -> Iterator[str]:
    """The lines of ``text``, each also put in ``read``."""
    for line in text:
        read.append(line)
        yield line


def _unreadable(where: Location, exc: csv.Error) -> Problem:
    """A row csv cannot read (a quote left open, a cell over csv's field limit), said at the
    line it starts on, where the quote was opened (not hundreds of lines below, where csv
    gave up reading the file as that one cell)."""
    return error(
        where,
        "DLO641",
        Msg("not a readable CSV row: {exc}", exc=exc),
        Msg(
            'check the quotes of this row: a cell that opens with " ends with "; no cell may '
            "be over 128 KiB"
        ),
    )


def _too_many(where: Location) -> Problem:
    return error(
        where,
        "DLO641",
        Msg(
            "the list has more than {limit} rows, more than a regulation has readers",
            limit=MAX_ROWS,
        ),
        Msg("check that it is the list you meant"),
    )


def _columns(header: list[str], display: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        for key, names in HEADERS.items():
            if cell.strip().casefold() in names:
                columns[key] = index
    if "date" not in columns or not ({"name", "position"} <= set(columns) or "holder" in columns):
        raise DloError(
            error(
                Location(display, 1, 1),
                "DLO641",
                Msg(
                    "the header row must name the columns name, position and date (or holder and date)"
                ),
                Msg("e.g. Т.А.Ә.;Лауазымы;Күні  or  ФИО;Должность;Дата"),
            )
        )
    return columns


def _row(
    row: list[str], columns: dict[str, int], registry: Registry, lang: str
) -> tuple[Reader, dt.date]:
    def cell(key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    date = _date(cell("date"))
    if date is None:
        raise _CellRefused(
            "date", Msg("not a date: {value}", value=repr(cell("date"))), _as_date(cell("date"))
        )
    if cell("holder") and not cell("name"):
        return holder(registry, cell("holder"), lang), date
    if not cell("name") or not (cell("position") or cell("holder")):
        raise UsageError(
            Msg("a reader needs a name and a position"),
            Msg("fill in the row's name and position, or delete the row"),
        )
    return named(registry, cell("name"), cell("position") or cell("holder"), lang), date


def read(
    path: Path, display: str, registry: Registry, lang: str
) -> list[tuple[Reader, dt.date | None]]:
    """The readers and dates of every row; every bad row is reported at its line."""
    rows, raw, delimiter = _rows(path, display)
    columns = _columns(rows[0][1], display)
    found: list[tuple[Reader, dt.date | None]] = []
    problems = []
    lines: dict[str, int] = {}  # each reader's first line
    for line, row in rows[1:]:
        try:
            reader, date = _row(row, columns, registry, lang)
        except UsageError as exc:
            at = 1
            if isinstance(exc, _CellRefused):
                at = _column(raw[line], delimiter, row, columns[exc.key])
            problems.append(_at(display, line, exc, at))
            continue
        first = lines.setdefault(reader.key(), line)
        if first != line:
            problems.append(_twice(display, line, reader, first))
        dated = _column(raw[line], delimiter, row, columns["date"])
        where = Location(display, line, 1)
        found.append((replace(reader, where=where, dated=Location(display, line, dated)), date))
    if problems:
        raise DloError(problems)
    if not found:  # its header alone, or empty rows
        raise UsageError(
            Msg("{file} lists nobody: a header row and no reader", file=display),
            Msg("add a row for each person who read it: name, position, date"),
        )
    return found


def _twice(display: str, line: int, reader: Reader, first: int) -> Problem:
    return error(
        Location(display, line, 1),
        "DLO641",
        Msg("{value} is listed twice (also line {first})", value=reader.shown(), first=first),
        Msg("delete one of the two rows; nothing was recorded"),
    )


def _at(display: str, line: int, exc: UsageError, column: int = 1) -> Problem:
    return error(Location(display, line, column), "DLO641", exc.message, exc.hint)
