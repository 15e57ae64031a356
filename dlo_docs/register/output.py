"""The register as text for a terminal, CSV and JSON (XLSX: ``register/xlsx.py``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata

from .. import workflow
from ..chars import CONTROL
from ..i18n import N_, _, written
from . import COLUMNS, Entry

# the column headers, in the interface language where shown (``header``); JSON keeps the keys
HEADERS = {
    "id": N_("ID"),
    "code": N_("Code"),
    "title": N_("Title"),
    "unit": N_("Unit"),
    "state": N_("State"),
    "edition": N_("Edition"),
    "order": N_("Order"),
    "order_date": N_("Order date"),
    "effective": N_("Effective"),
    "approved_edition": N_("Approved edition"),
    "approved_order": N_("Approved edition: order"),
    "approved_order_date": N_("Approved edition: order date"),
    "takes_effect": N_("Takes effect"),
    "next_review": N_("Next review"),
    "review": N_("Review"),
    "waiting_for": N_("Waiting for"),
    "acknowledged": N_("Read by"),
    "not_acknowledged": N_("Not yet read by"),
    "read": N_("Read"),
    "problem": N_("Problem"),
}


# the register's own state (a regulation that cannot be read); the workflow's six are named by
# ``workflow.state_name``, as ``dlo status`` names them
ERROR = N_("error")
# the review marks as the terminal table shows them
REVIEW = {"overdue": N_("OVERDUE"), "due": N_("DUE")}
# the review mark in a CSV or XLSX cell
REVIEW_CELL = {"overdue": N_("overdue"), "due": N_("due")}


def header(column: str) -> str:
    return _(HEADERS[column])


def cell(entry: Entry, column: str) -> object:
    """A value as the formats store it: dates stay dates, lists are joined."""
    value = getattr(entry, column)
    if column == "waiting_for":  # by holder and title (the JSON keeps the ids)
        return ", ".join(entry.waiting_for_named or value)
    if column == "not_acknowledged":
        return ", ".join(value)
    if column == "state":
        return state(value)
    if column == "review" and value in REVIEW_CELL:
        return _(REVIEW_CELL[value])
    if column == "edition" and value is None:
        return entry.draft_edition and f"({entry.draft_edition})" or ""
    return "" if value is None else value


def state(value: str) -> str:
    """The state column: the workflow's name of the state, or the register's "error"."""
    return _(ERROR) if value == "error" else workflow.state_name(value)


def _text(value: object) -> str:
    """A cell of CSV: a date ISO, as the data it is (XLSX keeps it a date)."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _said(value: object) -> str:
    """A cell of the terminal's table: a date as the interface language writes it (Kazakh and
    Russian DD.MM.YYYY, English ISO)."""
    return str(written(value))


# a cell starting with one of these is a formula to Excel and LibreOffice opening the CSV
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """``text`` as a spreadsheet shows it and never evaluates it: a leading apostrophe before
    what would start a formula (``=HYPERLINK(…)`` typed into a title, a name or an order), its
    full-width forms too (``＝``, which a spreadsheet in an East Asian locale reads as ``=``)."""
    first = unicodedata.normalize("NFKC", text[:1])
    return "'" + text if first.startswith(FORMULA_START) else text


def to_csv(found: list[Entry], sep: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow([header(c) for c in COLUMNS])
    for entry in found:
        writer.writerow([inert(re.sub(CONTROL, "", _text(cell(entry, c)))) for c in COLUMNS])
    return out.getvalue()


def to_json(found: list[Entry], today: dt.date) -> str:
    return json.dumps(
        {"today": today.isoformat(), "regulations": [e.as_dict() for e in found]},
        ensure_ascii=False,
        indent=2,
    )


# the terminal table: the columns that fit, the title last and cut to the width
TABLE: tuple[str, ...] = (
    "id",
    "code",
    "state",
    "edition",
    "order",
    "effective",
    "next_review",
    "waiting_for",
    "unit",
    "title",
)
# --unacknowledged: who has read the edition in force and who has not yet
READERS = ("id", "code", "edition", "read", "not_acknowledged", "unit", "title")
COLOUR = {"overdue": "red", "due": "yellow"}


def _order(number: str, date: dt.date | None) -> str:
    """An order as the table shows it: "№ 45-НҚ 2024-06-03" ("" for an approval by signature;
    the date as the interface language writes it, "№ 45-НҚ 03.06.2024" in Kazakh and Russian)."""
    if not number:
        return ""
    return f"№ {number} {_said(date)}" if date else f"№ {number}"


def _then(in_force: str, approved: str) -> str:
    """A cell of the edition in force followed by the approved one waiting for its date."""
    return f"{in_force} → {approved}" if in_force else approved


def _row(e: Entry, columns: tuple[str, ...]) -> dict[str, str]:
    """The cells of ``e`` as the table shows them."""
    row = {c: _said(cell(e, c)) for c in columns if c != "read"}
    if e.acknowledged is not None:
        row["read"] = f"{e.acknowledged}/{e.acknowledged + len(e.not_acknowledged)}"
    else:
        row["read"] = ""
    row["order"] = _order(e.order, e.order_date)
    if e.approved_edition is not None and "effective" in row:  # after the edition in force
        row["edition"] = _then(row["edition"], str(e.approved_edition))
        row["order"] = _then(row["order"], _order(e.approved_order, e.approved_order_date))
        row["effective"] = _then(row["effective"], _said(e.takes_effect or ""))
    if e.review and "next_review" in row:  # the readers' table has no review column
        row["next_review"] += " " + _(REVIEW.get(e.review, e.review.upper()))
    if e.state == "error":
        row["title"] = e.problem
        if "state" in row:  # the code stays in view when the problem is cut to the width
            row["state"] = " ".join(filter(None, [row["state"], e.problem_code]))
    return row


def table(found: list[Entry], width: int, style, readers: bool = False) -> list[str]:
    """Lines of an aligned table; ``style(text, review)`` colours a review date (or not);
    ``readers``: with who has not read the edition in force yet."""
    columns = READERS if readers else TABLE
    # a terminal gets no control character a registry's or a journal's text could carry (an
    # escape sequence that retitles the window or hides the line: ``dlo check`` says DLO118)
    rows = [(e, {c: re.sub(CONTROL, "", v) for c, v in _row(e, columns).items()}) for e in found]
    widths = {c: max([len(header(c)), *(len(r[c]) for _e, r in rows)]) for c in columns}
    fixed = sum(widths[c] + 2 for c in columns[:-1])
    widths["title"] = max(20, min(widths["title"], width - fixed))

    def fit(text: str, n: int) -> str:
        return text if len(text) <= n else text[: n - 1] + "…"

    lines = ["  ".join(fit(header(c), widths[c]).ljust(widths[c]) for c in columns).rstrip()]
    for e, row in rows:
        parts = []
        for c in columns:
            text = fit(row[c], widths[c]).ljust(widths[c])
            if c == "next_review" and e.review:
                text = style(text, COLOUR[e.review])
            parts.append(text)
        lines.append("  ".join(parts).rstrip())
    return lines
