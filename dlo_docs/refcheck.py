"""``dlo check`` on the project's own reference document (``templates/reference.docx``): what
render would refuse in it (DLO303: unreadable, its page, its styles, the legibility of dlo's),
found by the code render refuses it with (``render.docx.package.base``), said at the file as
the project names it. A project without one is not slowed: the DOCX renderer and python-docx are
not even imported. The prepared styles are cached, so a reference render takes is read once."""

from __future__ import annotations

import dataclasses

from .errors import DloError, Location, Problem
from .project import Project


def problems(project: Project) -> list[Problem]:
    """What render refuses in the project's own reference document; none when it has none."""
    reference = project.templates / "reference.docx"  # render.docx.package.REFERENCE
    if not reference.is_file():
        return []
    from .render.docx import package

    try:
        package.base(project.templates)
    except DloError as exc:
        where = Location(project.display(reference))
        return [dataclasses.replace(p, location=where) for p in exc.problems]
    return []
