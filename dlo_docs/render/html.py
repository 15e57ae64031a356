"""HTML output (the only module that imports Jinja2). Autoescape is always on."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..context import RenderDoc
from ..labels import templates_dir


@lru_cache(maxsize=8)
def _environment(folder: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment(project_templates: Path | None = None) -> Environment:
    """The Jinja2 environment over ``templates/html`` (the project's, else the bundled one)."""
    return _environment(templates_dir(project_templates) / "html")


def render_template(name: str, project_templates: Path | None = None, **values) -> str:
    return environment(project_templates).get_template(name).render(**values)


def render(rd: RenderDoc, project_templates: Path | None = None) -> str:
    return render_template("regulation.html.j2", project_templates, doc=rd, labels=rd.labels)
