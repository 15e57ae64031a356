"""The project on disk: where the registry and the regulations are, and loading them.

Layout::

    regulations/registry.yaml          organisation, units, positions, documents, abbreviations
    regulations/<id>/regulation.yaml   the working text of one regulation
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import load, refs
from .errors import Location, Problem, UsageError, error, relpath
from .model import Registry, Regulation

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
REGISTRY = "registry.yaml"
REGULATION = "regulation.yaml"


@dataclass
class Document:
    """A validated regulation and the source it came from (for positions)."""

    model: Regulation
    source: load.Source
    path: Path


@dataclass
class Loaded:
    registry: Registry | None = None
    registry_source: load.Source | None = None
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class Project:
    def __init__(self, root: Path | str = ".") -> None:
        self.root = Path(root).resolve()
        self.regulations = self.root / "regulations"
        self.templates = self.root / "templates"
        if not self.regulations.is_dir():
            raise UsageError(
                f"{self.root} is not a dlo_docs project: it has no regulations/ folder",
                "run dlo in the project folder or pass --root DIR",
            )

    # -- paths ---------------------------------------------------------------------------
    def display(self, path: Path) -> str:
        return relpath(path, self.root)

    @property
    def registry_path(self) -> Path:
        return self.regulations / REGISTRY

    def ids(self) -> list[str]:
        return sorted(
            p.parent.name
            for p in self.regulations.glob(f"*/{REGULATION}")
            if ID_RE.match(p.parent.name)
        )

    def folder(self, reg_id: str) -> Path:
        """The folder of regulation ``reg_id``; the id is checked so no path escapes the project."""
        if not ID_RE.match(reg_id or ""):
            raise UsageError(
                f"{reg_id!r} is not a valid regulation id",
                "ids are lower-case latin, digits, '.', '_', '-'",
            )
        return self.regulations / reg_id

    def regulation_path(self, reg_id: str) -> Path:
        path = self.folder(reg_id) / REGULATION
        if not path.is_file():
            known = ", ".join(self.ids()) or "none"
            raise UsageError(f"unknown regulation {reg_id!r}", f"known regulations: {known}")
        return path

    def inside(self, path: Path | str) -> Path:
        """Resolve a user-given path and refuse one outside the project."""
        resolved = (Path.cwd() / path).resolve()
        try:
            resolved.relative_to(self.root)
        except ValueError:
            raise UsageError(f"{path} is outside the project {self.root}") from None
        return resolved

    # -- loading -------------------------------------------------------------------------
    def load_registry(self, loaded: Loaded) -> None:
        display = self.display(self.registry_path)
        if not self.registry_path.is_file():
            loaded.problems.append(
                error(
                    Location(display, 1, 1),
                    "DLO005",
                    "the registry is missing",
                    "create regulations/registry.yaml with the organisation, units and positions",
                )
            )
            return
        source, problems = load.read(self.registry_path, display)
        loaded.problems += problems
        if source is None:
            return
        registry, problems = load.validate(Registry, source)
        loaded.problems += problems
        if registry is not None:
            loaded.problems += refs.registry_problems(registry, source)
            loaded.registry, loaded.registry_source = registry, source

    def load_file(self, path: Path, loaded: Loaded) -> Document | None:
        source, problems = load.read(path, self.display(path))
        loaded.problems += problems
        if source is None:
            return None
        model, problems = load.validate(Regulation, source)
        loaded.problems += problems
        if model is None:
            return None
        if loaded.registry is not None:
            folder = path.parent.name if path.name == REGULATION else None
            loaded.problems += refs.regulation_problems(model, source, loaded.registry, folder)
        return Document(model, source, path)

    def load(self, ids: list[str] | None = None) -> Loaded:
        """Load the registry and the named regulations (default: all), collecting every problem."""
        loaded = Loaded()
        self.load_registry(loaded)
        paths = (
            [self.regulation_path(i) for i in ids]
            if ids
            else [self.regulations / i / REGULATION for i in self.ids()]
        )
        for path in paths:
            document = self.load_file(path, loaded)
            if document is not None:
                loaded.documents[document.model.id] = document
        loaded.problems = sorted(set(loaded.problems))
        return loaded

    def load_paths(self, paths: list[str]) -> Loaded:
        """Load what ``dlo check PATH...`` names: regulation files, folders, or the registry."""
        files: list[Path] = []
        for given in paths:
            path = self.inside(given)
            if path.is_dir():
                found = sorted(path.rglob(REGULATION))
                files += found
                if path == self.regulations or not found and path.is_relative_to(self.regulations):
                    continue
                if not found:
                    raise UsageError(f"{given} holds no {REGULATION}")
            elif path.is_file():
                if path != self.registry_path:
                    files.append(path)
            else:
                raise UsageError(f"{given} does not exist")
        loaded = Loaded()
        self.load_registry(loaded)
        for path in dict.fromkeys(files):
            document = self.load_file(path, loaded)
            if document is not None:
                loaded.documents[document.model.id] = document
        loaded.problems = sorted(set(loaded.problems))
        return loaded
