"""The register as an Excel workbook, for the office and the auditors (the only module that
imports openpyxl): a header row, frozen under it, filters on it, column widths to the content,
dates as dates, reviews overdue or due soon filled red or yellow."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import _
from . import COLUMNS, DATES, Entry
from .output import cell, header

FILLS = {"overdue": "F4CCCC", "due": "FFF2CC"}
DATE_FORMAT = "DD.MM.YYYY"


def _safe(value: object) -> object:
    """A text without the characters a worksheet cannot hold (openpyxl refuses them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def workbook(found: list[Entry], today: dt.date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Register")
    sheet.append([header(c) for c in COLUMNS])
    for c in sheet[1]:
        c.font = Font(bold=True)
        c.alignment = Alignment(vertical="top", wrap_text=True)
    review_col = COLUMNS.index("next_review") + 1
    for entry in found:
        sheet.append([_safe(cell(entry, c)) for c in COLUMNS])
        row = sheet.max_row
        for index in range(1, len(COLUMNS) + 1):
            if isinstance(sheet.cell(row, index).value, dt.date):
                sheet.cell(row, index).number_format = DATE_FORMAT
            if sheet.cell(row, index).data_type == "f":  # text from the data, never a formula
                sheet.cell(row, index).data_type = "s"
        if entry.review:
            sheet.cell(row, review_col).fill = PatternFill("solid", fgColor=FILLS[entry.review])
    sheet.freeze_panes = "B2"  # the header row and the id column stay in view
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    for index, column in enumerate(COLUMNS, 1):
        values = [header(column)] + [str(cell(e, column)) for e in found]
        longest = max(len(v) for v in values)
        if column in DATES:
            longest = 10
        sheet.column_dimensions[get_column_letter(index)].width = min(60, longest + 2)
    book.properties.title = _("Register of regulations, {date}").format(date=today)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
