"""The project on disk: where the registry and the regulations are, and loading them.

Layout::

    regulations/registry.yaml          organisation, units, positions, documents, abbreviations
    regulations/<id>/regulation.yaml   the working text of one regulation
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import folder_names, lazy, load, refs, snapshots
from .canonical import content_hash
from .chars import unknown
from .errors import DloError, Location, Problem, UsageError, error, relpath
from .filecache import FileCache as FileCache
from .fsio import output_folder
from .i18n import Msg
from .reads import Read, Reads

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from . import spelling
    from .model import Registry, Regulation
else:  # the advice for a mistyped name, only when a name is
    spelling = lazy.module("dlo_docs.spelling")

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")  # as model.Id: a folder and file names
REGISTRY = "registry.yaml"
REGULATION = "regulation.yaml"


@dataclass
class Document:
    """A validated regulation and the source it came from (for positions)."""

    model: Regulation
    source: load.Source
    path: Path
    hashed: str | None = field(default=None, repr=False, compare=False)  # see content_hash

    @property
    def content_hash(self) -> str:
        """``canonical.content_hash`` of the model, worked out once (or kept with it)."""
        if self.hashed is None:
            self.hashed = content_hash(self.model)
        return self.hashed


@dataclass
class Loaded:
    """The registry and the regulations read from a project, with the problems found reading them."""

    registry: Registry | None = None
    registry_source: load.Source | None = None
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


# The parses of every project of this process, by display path and bytes: a project opened
# again (each command opens its own; the tests run thousands of commands in one process, on
# copies of the same files) does not parse an unchanged file again. A parsed source is shared,
# never changed in place (``Project.read``).
PARSED = FileCache(size=256)


def _where_to_run(folder: Path) -> Msg:
    """The hint for a command run outside a project: the project ``folder`` is inside of (run
    in ``regulations/`` or a regulation's folder), else where a project is."""
    above = next((p for p in folder.parents if (p / "regulations").is_dir()), None)
    if above is None:
        return Msg("run dlo in the project folder or pass --root DIR")
    return Msg(
        "this folder is inside the project {project}: run dlo there (cd {project}) or pass "
        "--root {project}",
        project=above,
    )


class Project:
    def __init__(self, root: Path | str = ".") -> None:
        self.root = Path(root).resolve()
        self.regulations = self.root / "regulations"
        self.templates = self.root / "templates"
        if not self.regulations.is_dir():
            raise UsageError(
                Msg(
                    "{root} is not a dlo_docs project: it has no regulations/ folder",
                    root=self.root,
                ),
                _where_to_run(self.root),
            )
        self.cache = FileCache()
        # read validated files from their snapshots (``reading_snapshots``); off: parse them
        self.snapshots = False
        self.reads: Reads | None = None  # what was read, within ``reading_snapshots``
        # the CA certificate files a signature must chain to instead of the registry's
        # ``signatures.trust`` (``dlo verify --trust``: an auditor's own, outside the project)
        self.trust: tuple[Path, ...] | None = None

    @contextlib.contextmanager
    def reading_snapshots(self) -> Iterator[None]:
        """For a command that writes no file of the project (a render, the site, the status):
        within, a file validated before (``snapshots``) is read back from the user's cache as
        plain objects (``lite``), its source parsed only for a position, and one read anew is
        kept; what an output reads works on either. And each file is read once (``reads``).
        Outside (the default), all is validated and read anew (a writer reads under its lock)."""
        before, reads = self.snapshots, self.reads
        self.snapshots, self.reads = True, reads or Reads()
        try:
            yield
        finally:
            self.snapshots, self.reads = before, reads

    # -- reading, once per content -----------------------------------------------------------
    def read(
        self, path: Path, display: str | None = None
    ) -> tuple[load.Source | None, list[Problem]]:
        """``load.read`` through the process's cache (``PARSED``): the same bytes under the same
        display path are parsed once, in this project or another. The source is shared: a
        caller that changes its data to write it back parses a copy
        (``load.parse(source.text.encode("utf-8"), ...)``)."""
        path = Path(path)
        display = display if display is not None else self.display(path)
        raw, problems = self.read_raw(path, display)
        if raw is None:
            return None, problems
        return self.parsed(raw, display)

    @staticmethod
    def parsed(raw: bytes, display: str) -> tuple[load.Source | None, list[Problem]]:
        """``load.parse`` of ``raw`` through the process's cache (see ``read``)."""
        return PARSED.get(("parse", display, hash(raw)), raw, lambda: load.parse(raw, display))

    def forget(self, folder: Path) -> None:
        """Drop what this project's cache and the process's parses (``PARSED``) hold of the files
        under ``folder``: a command that goes through every regulation once (the register, the
        status) forgets each when done with it, so its memory is one regulation's files, not
        the project's. Only a cache is dropped: a file asked for again is read again."""
        where, shown = Path(folder).resolve(), self.display(Path(folder)) + "/"

        def under(key: tuple) -> bool:
            return any(
                isinstance(part, Path)
                and part.is_relative_to(where)
                or isinstance(part, str)
                and part.startswith(shown)
                for part in key
            )

        self.cache.forget(under)
        PARSED.forget(under)
        if self.reads is not None:
            self.reads.forget(folder)

    def read_raw(self, path: Path, display: str | None = None, absent_ok: bool = False) -> Read:
        """``load.read_raw`` of a file of the project (once, within ``reading_snapshots``: the
        file's absence, with ``absent_ok``, is kept as its one state too)."""
        shown = display if display is not None else self.display(path)
        read = functools.partial(load.read_raw, path, shown, root=self.root, absent_ok=absent_ok)
        return read() if self.reads is None else self.reads.get(path, shown, read)

    # -- paths ---------------------------------------------------------------------------
    def display(self, path: Path) -> str:
        return relpath(path, self.root)

    @property
    def registry_path(self) -> Path:
        return self.regulations / REGISTRY

    def ids(self) -> list[str]:
        """Every regulation: a folder holding its working text, or its journal or frozen
        editions (a regulation whose ``regulation.yaml`` is missing is still one: see
        ``missing``)."""
        return sorted(
            folder.name
            for folder in self.regulations.iterdir()
            if ID_RE.match(folder.name) and self.is_regulation(folder)
        )

    @staticmethod
    def is_regulation(folder: Path) -> bool:
        """``folder`` holds a regulation: its working text, its journal or its editions."""
        return folder.is_dir() and any(
            (folder / name).exists() for name in (REGULATION, "journal.yaml", "editions")
        )

    def missing(self, reg_id: str) -> Problem | None:
        """The error of a regulation folder without its ``regulation.yaml`` (None: it has one)."""
        path = self.folder(reg_id) / REGULATION
        if path.exists() or path.is_symlink():
            return None
        return error(
            Location(self.display(path), 1, 1),
            "DLO005",
            Msg(
                "regulation {id} has no {file}: its working text is missing",
                id=reg_id,
                file=REGULATION,
            ),
            Msg(
                "restore it from version control (git checkout -- {path}); a regulation is "
                "withdrawn by the workflow, not by deleting it",
                path=self.display(path),
            ),
        )

    def missing_all(self) -> list[Problem]:
        return [p for reg_id in self.ids() if (p := self.missing(reg_id)) is not None]

    def folder(self, reg_id: str) -> Path:
        """The folder of regulation ``reg_id``; the id is checked so no path escapes the project."""
        if not ID_RE.match(reg_id or ""):
            raise UsageError(
                *unknown(
                    reg_id,
                    Msg("{reg_id} is not a valid regulation id", reg_id=repr(reg_id)),
                    Msg("ids are lower-case latin, digits, '.', '_', '-', at most 80 characters"),
                )
            )
        return self.regulations / reg_id

    def new_folder(self, reg_id: str) -> Path:
        """``folder`` for a regulation about to be written (``folder_names.refuse``)."""
        folder_names.refuse(reg_id)
        return self.folder(reg_id)

    def regulation_path(self, reg_id: str) -> Path:
        path = self.folder(reg_id) / REGULATION
        if self.is_regulation(path.parent) and (problem := self.missing(reg_id)) is not None:
            raise DloError(problem)
        if not path.is_file() and not path.exists() and not path.is_symlink():
            raise UsageError(
                Msg("unknown regulation {reg_id}", reg_id=repr(reg_id)),
                spelling.known_regulations(reg_id, self.ids()),
            )
        return path

    def output(self, path: Path | str | None, default: str = "build") -> Path:
        """Where to write what the user asked for (``fsio.output_folder``): ``path``, else
        ``default`` in the project. What the tool derives from data inside it (file names from
        ids) is confined by the writer."""
        return output_folder(self.root, path, default)

    # -- loading -------------------------------------------------------------------------
    def load_registry(self, loaded: Loaded) -> None:
        display = self.display(self.registry_path)
        path = self.registry_path
        if not (path.is_file() or path.exists() or path.is_symlink()):  # a FIFO: DLO009 below
            loaded.problems.append(
                error(
                    Location(display, 1, 1),
                    "DLO005",
                    Msg("the registry is missing"),
                    Msg(
                        "create regulations/registry.yaml with the organisation, units and positions"
                    ),
                )
            )
            return
        raw, problems = self.read_raw(self.registry_path, display)
        if raw is None:
            loaded.problems += problems
            return
        key = ("registry", self.registry_path.resolve(), self.snapshots)
        fresh = self.cache.get(key, raw, lambda: self._registry(display, raw))
        loaded.problems += fresh.problems
        loaded.registry, loaded.registry_source = fresh.registry, fresh.registry_source

    def _registry(self, display: str, raw: bytes) -> Loaded:
        fresh = Loaded()
        if self.snapshots and (kept := snapshots.registry(raw)) is not None:
            fresh.registry, fresh.registry_source = kept, load.unparsed(raw, display)
            return fresh
        source, problems = self.parsed(raw, display)
        fresh.problems += problems
        if source is None:
            return fresh
        registry, problems = load.validate_as("Registry", source, plain=self.snapshots)
        fresh.problems += problems
        if registry is not None:
            fresh.problems += refs.registry_problems(registry, source)
            fresh.registry, fresh.registry_source = registry, source
            if self.snapshots and not fresh.problems:
                snapshots.keep_registry(raw, registry)
        return fresh

    def load_file(self, path: Path, loaded: Loaded) -> Document | None:
        """Validate one regulation file against the loaded registry (cached per content and
        registry: the returned document is shared, never to be changed in place)."""
        if path.name == REGULATION and (problem := self.missing(path.parent.name)) is not None:
            loaded.problems.append(problem)
            return None
        display = self.display(path)
        raw, problems = self.read_raw(path, display)
        if raw is None:
            loaded.problems += problems
            return None
        registry, against = loaded.registry, self._registry_text(loaded)
        # the entry holds the registry it was checked against, so its id names it while cached
        key = ("regulation", Path(path).resolve(), display, id(registry), self.snapshots)
        _, document, problems = self.cache.get(
            key, raw, lambda: (registry, *self._validate(path, raw, registry, against))
        )
        loaded.problems += problems
        return document

    def _registry_text(self, loaded: Loaded) -> str | None:
        """The registry's text a regulation is cross-checked against, when reading snapshots
        (given the registry alone: this project's, if it is the same)."""
        if not self.snapshots or loaded.registry is None:
            return None
        known = loaded
        if loaded.registry_source is None:
            self.load_registry(known := Loaded())
        source = known.registry_source if known.registry is loaded.registry else None
        return source.text if source is not None else None

    def _validate(
        self, path: Path, raw: bytes, registry: Registry | None, against: str | None
    ) -> tuple[Document | None, list]:
        display = self.display(path)
        folder = refs.folder_of(path)
        if against is not None and (kept := snapshots.checked(raw, against, folder)) is not None:
            self.cache.put(self._model_key(path), raw, kept)  # for regulation_model
            return Document(kept, load.unparsed(raw, display), path), []
        source, problems = self.parsed(raw, display)
        if source is None:
            return None, problems
        model, more = self._regulation(path, raw, source, keep=False)
        problems = problems + more
        if model is None:
            return None, problems
        document = Document(model, source, path)
        if registry is not None:
            problems += refs.regulation_problems(model, source, registry, folder)
            if against is not None and not problems:
                snapshots.keep_checked(raw, against, folder, model, document.content_hash)
        return document, problems

    def _regulation(
        self, path: Path, raw: bytes, source: load.Source, keep: bool = True
    ) -> tuple[Regulation | None, list]:
        """The validated regulation (remembered for ``regulation_model``; with ``keep``, kept
        as its snapshot when reading them) and its problems."""
        model, problems = load.validate_as("Regulation", source, plain=self.snapshots)
        if model is not None:
            self.cache.put(self._model_key(path), raw, model)
            if keep and self.snapshots:
                snapshots.keep_regulation(raw, model, content_hash(model))
        return model, problems

    def regulation_model(self, path: Path) -> Regulation | None:
        """The validated text of a regulation file, not checked against the registry (None:
        it cannot be read, or does not validate); from its snapshot when reading them."""
        display = self.display(path)
        raw, _ = self.read_raw(path, display)
        if raw is None:
            return None
        found = self.cache.known(self._model_key(path), raw)
        if found is not None:
            return found  # this command validated it already
        if self.snapshots and (kept := snapshots.regulation(raw)) is not None:
            return kept  # a lite.Regulation
        source, _ = self.parsed(raw, display)
        return self._regulation(path, raw, source)[0] if source is not None else None

    def _model_key(self, path: Path) -> tuple:
        return ("regulation model", Path(path).resolve(), self.snapshots)

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
