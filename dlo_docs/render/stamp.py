"""The time written into an output, so that the same input always gives the same bytes.

It is ``SOURCE_DATE_EPOCH`` when the environment sets it (the reproducible-builds convention),
else the date of the order that approved the edition, else the earliest time a ZIP can hold
(a draft has no date of its own). A DOCX carries it as the time of every ZIP member; the PDF made
from that DOCX reads it back from there (``of_docx``), so its dates follow the document too.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from ..records import Records

EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the ZIP format's epoch


def document_time(records: Records | None) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdecimal():
        return max(EARLIEST, dt.datetime.fromtimestamp(int(epoch), dt.UTC))
    order = getattr(records, "order", None)
    if order is not None and isinstance(order.date, dt.date):
        return max(EARLIEST, dt.datetime.combine(order.date, dt.time(), dt.UTC))
    return EARLIEST


def clamp(when: dt.datetime) -> dt.datetime:
    """``when`` as an aware time a ZIP can hold."""
    when = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    return max(EARLIEST, when)


def zip_info(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    """A ZIP member entry that says nothing of the machine or the moment it was made on."""
    info = zipfile.ZipInfo(name, date_time=when.astimezone(dt.UTC).timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0o644 << 16  # a plain readable file on every system
    return info


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """A ZIP package (a DOCX saved by python-docx) with every member's time set to ``when``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            dst.writestr(zip_info(member.filename, when), src.read(member), compresslevel=6)
    return out.getvalue()


def of_docx(data: bytes) -> dt.datetime:
    """The time a DOCX carries (its first member's); the earliest when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return dt.datetime(*z.infolist()[0].date_time, tzinfo=dt.UTC)
    except (zipfile.BadZipFile, IndexError, ValueError, OSError):
        return EARLIEST
