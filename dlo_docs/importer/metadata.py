"""Metadata a source may not carry: kind, position and unit, id, title and code.

Each is taken from the options first, then from what the source says; what neither gives is set
by the import and reported (DLO511) so a person confirms it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UsageError
from ..model import Registry
from . import facts
from .ids import ID_RE, slug
from .report import Report
from .source import Read
from .structure import Tree
from .types import Options

_CODE_LINE = re.compile(
    r"(?<!\w)((?:ЛН|ДИ|ҚП|ҰС|ДП|СО|БЕ|ПП|П|Е)(?:\s+[^\W\d_]{1,8})?\s+\d[\d.\-]*\d)(?!\w)"
)
_KIND_WORDS = ("лауазымдық нұсқаулы", "должностная инструкци", "ереже", "положени")
_PLACEHOLDER_CODE = {
    "job_instruction": {"kk": "ЛН", "ru": "ДИ"},
    "unit_regulation": {"kk": "БЕ", "ru": "ПП"},
}


def kind(tree: Tree, given: str | None) -> str:
    if given:
        return given
    first = next((c.text.lower() for _, c in facts.clauses(tree.chapters)), "")
    if "нұсқаулық" in first or "должностн" in first:
        return "job_instruction"
    if "ереже" in first or "положени" in first:
        return "unit_regulation"
    return "job_instruction"


def position(
    tree: Tree, registry: Registry, given: str | None, kind: str, lang: str, report: Report
) -> str | None:
    """The registry position a job instruction describes."""
    if given is not None and given not in {p.id for p in registry.positions}:
        raise UsageError(
            f"unknown position {given!r}",
            f"known positions: {', '.join(p.id for p in registry.positions) or 'none'}",
        )
    if given is not None or kind != "job_instruction":
        return given
    found = facts.main_position(tree.chapters, registry, lang)
    if found is None:
        raise UsageError(
            "cannot tell which position this job instruction describes: its clauses name "
            "no registry position twice",
            "pass --position ID (add the position and its mentions to the registry first)",
        )
    report.assumed(
        f"position: {found} (the position the clauses name most often)",
        "check position: and unit:",
    )
    return found


def unit(registry: Registry, given: str | None, position: str | None) -> str:
    found = given
    if found is None and position is not None:
        found = registry.position(position).unit
    if found is None:
        raise UsageError("cannot tell which unit this regulation belongs to", "pass --unit ID")
    if found not in {u.id for u in registry.units}:
        raise UsageError(
            f"unknown unit {found!r}", f"known units: {', '.join(u.id for u in registry.units)}"
        )
    return found


def reg_id(read: Read, options: Options) -> str:
    found = options.id or (read.id if read.id and ID_RE.match(read.id) else None)
    if found is None:
        stem = re.sub(r"\.(kk|ru)$", "", Path(read.path).stem)
        found = slug(stem, words=8, limit=60, fallback="imported")
    return found


def _title_from_preamble(tree: Tree) -> str | None:
    lines = [line.text for line in tree.preamble]
    for i, text in enumerate(lines):
        low = text.lower()
        if any(w in low for w in _KIND_WORDS):
            rest = text
            for w in _KIND_WORDS:
                rest = re.sub(w + r"\w*", "", rest, flags=re.IGNORECASE)
            rest = rest.strip(" .,:;–-")
            if len(rest) > 3:
                return text.strip()
            if i + 1 < len(lines):
                return lines[i + 1].strip()
    return None


def title(read: Read, options: Options, tree: Tree, kind_label: str) -> str | None:
    """The title the options, a DOCX rendered by dlo or the source's title page give."""
    if options.title is not None:
        return options.title
    if read.title:
        found = read.title
        if kind_label and found.startswith(kind_label + ". "):
            found = found[len(kind_label) + 2 :]
        return found
    return _title_from_preamble(tree)


def fallback_title(
    registry: Registry, position: str | None, unit: str, lang: str, reg_id: str, report: Report
) -> str:
    found = registry.position(position).title.get(lang) if position else None
    found = found or (registry.unit(unit).name.get(lang) or reg_id)
    report.assumed(
        f"the source has no title; title set to {found!r}", "write the regulation's real title"
    )
    return found


def code(read: Read, options: Options, tree: Tree, kind: str, lang: str, report: Report) -> str:
    found = options.code or (read.code if read.code and read.ours else None)
    if found is None:
        for line in tree.preamble:
            m = _CODE_LINE.search(line.text)
            if m:
                return m.group(1)
    if found is None:
        found = f"{_PLACEHOLDER_CODE[kind][lang]} ?"
        report.assumed(
            f"the source has no document code; code set to {found!r}",
            "set code: to the registered code",
        )
    return found
