"""What an import is asked for and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import load
from ..errors import Problem
from ..model import Regulation
from . import facts
from .source import Read

CONFIRM = "DLO510"  # facts taken from the text: confirm them
ASSUMED = "DLO511"  # metadata the source does not carry: set by the import, check it


@dataclass
class Options:
    id: str | None = None
    lang: str | None = None
    kind: str | None = None
    position: str | None = None
    unit: str | None = None
    title: str | None = None
    code: str | None = None
    force: bool = False
    update_registry: bool = False


@dataclass
class Imported:
    """The result of converting one source: the model, its YAML, the report and the proposals."""

    model: Regulation
    yaml: str
    problems: list[Problem]
    proposals: list[facts.Proposal]
    read: Read
    counts: dict[str, int] = field(default_factory=dict)

    def proposals_yaml(self) -> str:
        """The proposed registry entries as YAML, grouped by section."""
        sections: dict[str, list] = {}
        for p in self.proposals:
            sections.setdefault(p.section, []).append(p.entry)
        return load.dumps_pretty(sections) if sections else ""


@dataclass
class Result:
    imported: Imported
    written: list[Path]
    added: list[str]  # registry entries added: "abbreviations: kr"
