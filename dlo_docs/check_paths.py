"""What ``dlo check PATH|ID...`` names: the regulation files of the paths (a file or folder of
the project) and regulation ids it is given."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import lazy
from .errors import UsageError
from .i18n import Msg
from .project import ID_RE, REGULATION, Project

if TYPE_CHECKING:
    from . import spelling
else:  # the advice for a mistyped name, only when a name is
    spelling = lazy.module("dlo_docs.spelling")


def check_files(project: Project, names: list[str]) -> list[Path]:
    """The regulation files ``names`` name, each once, in order; without names every regulation
    of the project. A name is a path (from the current folder) when one exists: a regulation
    file, a folder (the regulation files under it), the registry or a label set (which every
    check reads); otherwise a regulation's id."""
    if not names:
        return [project.regulations / i / REGULATION for i in project.ids()]
    files: list[Path] = []
    for given in names:
        files += _named(project, given)
    return list(dict.fromkeys(files))


def _named(project: Project, given: str) -> list[Path]:
    path = _path(project, given)
    if path.is_dir():
        found = sorted(path.rglob(REGULATION))
        if not found and not path.is_relative_to(project.regulations):
            raise UsageError(Msg("{given} holds no {file}", given=given, file=REGULATION))
        return found
    if path == project.registry_path or path.parent == project.templates / "labels":
        return []
    return [path]


def _path(project: Project, given: str) -> Path:
    """The file or folder ``given`` names inside the project (a path, else an id)."""
    path = (Path.cwd() / given).resolve()
    if not (path.is_file() or path.is_dir()):  # (a FIFO, a device: none to check)
        # looked up in its own folder: listing every regulation for each id named made naming
        # the 1,000 of a corpus take 3 x as long as checking them all
        if ID_RE.match(given) and project.is_regulation(project.folder(given)):
            return project.folder(given)
        raise UsageError(
            Msg("{given} does not exist", given=given),
            spelling.known_regulations(given, project.ids()),
        )
    if not path.is_relative_to(project.root):
        raise UsageError(Msg("{path} is outside the project {root}", path=given, root=project.root))
    return path
