"""Label sets: the fixed words of every output, per language, from ``templates/labels/<lang>.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from . import load
from .errors import DloError, UsageError
from .i18n import Msg

_PACKAGE = Path(__file__).resolve().parent
# the templates shipped with the code: inside the package when installed from a wheel, the
# top-level templates/ of the source tree otherwise
BUNDLED = (
    _PACKAGE / "templates" if (_PACKAGE / "templates").is_dir() else _PACKAGE.parent / "templates"
)


def templates_dir(project_templates: Path | None) -> Path:
    """The project's own ``templates/`` when it has one, else the bundled templates."""
    if project_templates is not None and (project_templates / "labels").is_dir():
        return project_templates
    return BUNDLED


@lru_cache(maxsize=16)
def _load(path: Path) -> dict[str, Any]:
    source, problems = load.read(path, path.as_posix())
    if source is None or problems:
        raise DloError(problems)
    return load.plain(source.data)


def labels(lang: str, project_templates: Path | None = None) -> dict[str, Any]:
    path = templates_dir(project_templates) / "labels" / f"{lang}.yaml"
    if not path.is_file():
        raise UsageError(
            Msg("no label set for language {lang}", lang=repr(lang)), Msg("add {path}", path=path)
        )
    return _load(path)


def signed(words: dict[str, Any], note: Any) -> str:
    """A signed event's note as the forms print it (``signature.signed``): signer, certificate
    serial, signing time. ``note`` is a ``records.SignatureNote``; empty when it is None."""
    if note is None:
        return ""
    when = f"{note.time:%d.%m.%Y %H:%M}" if note.time is not None else ""
    return words["signature"]["signed"].format(signer=note.signer, serial=note.serial, time=when)
