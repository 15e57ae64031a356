"""A project page's failure as an error at its file and line (DLO304, no Jinja here: ``html``
catches the failure and says where Jinja put it)."""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from ..errors import Location, Problem, error, relpath
from ..i18n import Msg
from ..labels import template_dirs, template_file

TEMPLATE_ERROR = "DLO304"
BUNDLED_PREFIX = "bundled"  # {% extends "bundled/regulation.html.j2" %}: the bundled page


def own_frames(exc: BaseException, project_templates: Path | None) -> list[Any]:
    """The frames of ``exc``'s traceback in a page of the project's own templates (none when
    the project has none; the bundled folder itself, run from dlo's own folder, is that
    project's). A failure with one is the project's to mend (its page ran, or set what a
    bundled page it extends used); one with none is dlo's own."""
    dirs = template_dirs(project_templates)
    if len(dirs) < 2 and not _run_from_bundled(project_templates):
        return []
    own = os.path.realpath(dirs[0]) + os.sep
    return [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename.endswith(".j2") and os.path.realpath(f.filename).startswith(own)
    ]


def problem(
    exc: Exception,
    name: str,
    project_templates: Path | None,
    at: tuple[str | None, int | None] | None = None,
) -> Problem:
    """``exc``, raised reading or running page ``name``, as DLO304 at the page's line: ``at``
    (file, line) where Jinja said it, else the page's frame of the traceback."""
    path = template_file(project_templates, f"html/{name}")
    filename, line = at or (None, None)
    if filename:
        path = Path(filename)
    if line is None:  # a name the template uses and is not given: the template's frame says where
        frames = own_frames(exc, project_templates) or [
            f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")
        ]
        if frames:
            path, line = Path(frames[-1].filename), frames[-1].lineno
    shown = relpath(path, project_templates.parent if project_templates else None)
    return error(
        Location(shown, line or 0, 1 if line else 0),
        TEMPLATE_ERROR,
        Msg(
            "the template cannot be used: {kind}: {message}",
            kind=type(exc).__name__,
            message=_said(exc),
        ),
        Msg("fix the template: it is the bundled one (git checkout templates/ restores it)")
        if _run_from_bundled(project_templates)
        else Msg(
            "fix the template, or delete the project's copy to use the bundled one (a copy "
            "extends the bundled page as {example})",
            example=_extends(_page_name(path, project_templates) or name),
        ),
    )


def _page_name(path: Path, project_templates: Path | None) -> str | None:
    """The page ``path`` is, as the bundled pages are named ("site/base.html.j2"), when it is
    one of the project's own pages."""
    if project_templates is None:
        return None
    own = os.path.realpath(project_templates / "html") + os.sep
    found = os.path.realpath(path)
    return Path(found[len(own) :]).as_posix() if found.startswith(own) else None


def _run_from_bundled(project_templates: Path | None) -> bool:
    """The project's templates are the bundled folder itself: dlo run from its own folder."""
    dirs = template_dirs(project_templates)
    return project_templates is not None and os.path.realpath(project_templates) == (
        os.path.realpath(dirs[-1])
    )


def _said(exc: Exception) -> str:
    """What ``exc`` says: a message of dlo's own (``page_bounds``) as that message, to be shown
    in the interface's language."""
    if exc.args and isinstance(exc.args[0], Msg):
        return exc.args[0]
    return getattr(exc, "message", None) or str(exc)


def _extends(name: str) -> str:
    """How a project's copy of page ``name`` extends the bundled one."""
    return '{% extends "' + BUNDLED_PREFIX + "/" + name + '" %}'
