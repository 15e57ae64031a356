"""The PDFs of one ``render`` call, converted all together from their DOCX by LibreOffice.

- ``convert(pdfs, staging, out, jobs) -> (lost, problems)``: each ``(output, docx)`` converted
  into the staging folder under its output's name; a regulation whose PDF is not made is to be
  left out whole (its id in ``lost``), each failure named in ``problems`` (beyond a few, one
  line and a log file beside the outputs).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from . import pool
from .errors import Location, Problem, error
from .i18n import Msg
from .outputs_left import Output
from .render import pdf as pdf_render


def convert(
    pdfs: Sequence[tuple[Output, Path]],
    staging: Path,
    out: Path,
    jobs: int | None,
    done: Callable[[int], None] | None = None,
) -> tuple[set[str], list[Problem]]:
    """Every PDF from its DOCX, into the staging folder under its output's name; returns the
    regulations whose PDF could not be made (to be left out whole) and the problems naming
    each failure (beyond a few, one line and a log file beside the outputs); ``done(n)`` is
    told as each ``n`` are made."""
    converted = pdf_render.convert_many(
        [docx for _, docx in pdfs], staging / "pdf", jobs=jobs or pool.default_jobs(), done=done
    )
    failed: dict[str, tuple[str, str]] = {}
    lost: set[str] = set()
    for output, docx in pdfs:
        made = converted.made.get(docx.stem)
        if made is not None:
            os.replace(made, staging / output.path.name)
        else:
            failed[output.path.name] = converted.failed.get(
                docx.stem, ("DLO301", Msg("LibreOffice made no PDF of it"))
            )
            lost.add(output.id)
    problems: list[Problem] = []
    hint = Msg("open the DOCX in LibreOffice to see why, or try again")
    if len(failed) > pdf_render.SHOWN:  # a short report; every name in the log
        summary = pdf_render.failure_summary(
            {name: why for name, (_, why) in failed.items()}, len(pdfs), out / "pdf-failures.log"
        )
        code = next(iter(failed.values()))[0]
        problems.append(error(Location("soffice"), code, summary, hint))
    else:
        for name, (code, why) in failed.items():
            message = Msg("PDF {name} not made: {why}", name=name, why=why)
            problems.append(error(Location("soffice"), code, message, hint))
    return lost, problems
