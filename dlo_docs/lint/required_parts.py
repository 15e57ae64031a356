"""DLO110: a job instruction lacks a part it must have: scope, normative references,
abbreviations, general provisions, qualification requirements, duties, rights, responsibility,
relationships, change procedure, and agreement/storage/distribution.

A part is present when a chapter or paragraph title names it (``vocab.JOB_INSTRUCTION_PARTS``,
in any of the document's languages). Unit regulations are not checked (their parts vary by
unit). The problem points at ``chapters:``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..i18n import Msg
from . import vocab
from .rule import Rule
from .view import View


def check(view: View) -> Iterator[Problem]:
    doc = view.model
    if doc.kind != "job_instruction":
        return
    at = view.source.at(["chapters"], key=True)
    for name, (what, phrases) in vocab.JOB_INSTRUCTION_PARTS.items():
        if view.part(name):
            continue
        example = phrases.get(doc.main_lang, [""])[0]
        yield view.problem(
            RULE,
            at,
            Msg("the job instruction has no chapter or paragraph '{part}'", part=what),
            Msg("add one titled like '{example}…'", example=example) if example else Msg("add it"),
        )


RULE = Rule(
    "DLO110",
    "required-parts",
    "warning",
    "a job instruction lacks one of the chapters or paragraphs it must have",
    check,
)
