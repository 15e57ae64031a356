"""The time written into an output, so that the same input always gives the same bytes.

It is ``SOURCE_DATE_EPOCH`` when the environment sets it (the reproducible-builds convention),
else the date of the order that approved the edition, else the earliest time a ZIP can hold
(a draft has no date of its own). A DOCX carries it as the time of every ZIP member and as its
properties' created and modified dates; the PDF made from that DOCX reads it back from there
(``of_docx``), so its dates follow the document too.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
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


CORE = "docProps/core.xml"  # a DOCX's properties: its created and modified dates among them
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def dated(name: str, content: bytes, when: dt.datetime) -> bytes:
    """A package member as it is kept: the properties' created and modified dates (Word's File >
    Info; python-docx's template says 2013-12-23) set to ``when`` as well."""
    if name != CORE:
        return content
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _CORE_DATES.sub(lambda m: m[1] + stamp + m[2], content)


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """A ZIP package (a DOCX saved by python-docx) with every member's time set to ``when``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            content = dated(member.filename, src.read(member), when)
            dst.writestr(zip_info(member.filename, when), content, compresslevel=6)
    return out.getvalue()


def of_docx(data: bytes) -> dt.datetime:
    """The time a DOCX carries (its first member's); the earliest when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return dt.datetime(*z.infolist()[0].date_time, tzinfo=dt.UTC)
    except (zipfile.BadZipFile, IndexError, ValueError, OSError):
        return EARLIEST
