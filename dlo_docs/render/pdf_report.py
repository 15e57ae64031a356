"""A short report of the documents LibreOffice did not convert.

- ``failure_summary(failed, total, log)``: many failures in short (the count, the first ``SHOWN``
  names with their reasons), each of them in ``log``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..fsio import atomic_write
from ..i18n import Msg, join, text

SHOWN = 5  # failures named in a short report; the rest go to its log file


def failure_summary(failed: Mapping[str, str], total: int, log: Path | None = None) -> str:
    """One short line about ``failed`` (name -> reason) of ``total`` documents: the count and the
    first few names with their reasons; with ``log``, every failure is written there too (one
    line each: name, a tab, the reason). Both in the interface's language (``Msg``)."""
    names = list(failed)
    shown = join("; ", [Msg("{name} ({why})", name=n, why=failed[n]) for n in names[:SHOWN]])
    said = Msg(
        "PDF not made for {count} of {total} document(s): {shown}",
        count=len(names),
        total=total,
        shown=shown,
    )
    if log is not None:
        lines = "".join(f"{n}\t{text(failed[n])}\n" for n in names)
        atomic_write(log, lines.encode("utf-8"))
    if len(names) > SHOWN:
        more = len(names) - SHOWN
        said = (
            Msg("{text}; and {more} more, all listed in {log}", text=said, more=more, log=log)
            if log is not None
            else Msg("{text}; and {more} more", text=said, more=more)
        )
    return said
