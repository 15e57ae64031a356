"""The library API the CLI is a thin shell over: check and render."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import context, lint
from .errors import DloError, Problem, UsageError
from .fsio import atomic_write
from .project import Loaded, Project
from .records import Records
from .render import docx as docx_render
from .render import html as html_render

FORMATS = ("docx", "html")


def check(project: Project, paths: Iterable[str] = ()) -> list[Problem]:
    """Every problem in the named files (default: the whole project), sorted by position."""
    paths = list(paths)
    loaded = project.load_paths(paths) if paths else project.load()
    return sorted(set(loaded.problems) | set(lint.run(loaded)))


def load_for_output(project: Project, ids: Iterable[str] = ()) -> Loaded:
    """Load what is to be rendered; refuse (with every problem) when any of it is invalid."""
    loaded = project.load(list(ids) or None)
    if loaded.errors:
        raise DloError(loaded.errors)
    if not loaded.documents:
        raise UsageError("there are no regulations to render", "add regulations/<id>/regulation.yaml")
    return loaded


def records_for(project: Project, doc_id: str) -> Records:
    """The workflow's records of a regulation (order, agreements, history) for its forms."""
    from . import workflow

    return workflow.records(project, doc_id)


def _render_docx(rd: context.RenderDoc, project: Project) -> bytes:
    return docx_render.render(rd)


def _render_html(rd: context.RenderDoc, project: Project) -> bytes:
    return html_render.render(rd, project.templates).encode("utf-8")


RENDERERS: dict[str, Callable[[context.RenderDoc, Project], bytes]] = {
    "docx": _render_docx,
    "html": _render_html,
}


@dataclass(frozen=True)
class Output:
    id: str
    lang: str
    format: str
    path: Path


def render(
    project: Project,
    ids: Iterable[str] = (),
    formats: Iterable[str] = (),
    lang: str | None = None,
    out: Path | None = None,
) -> list[Output]:
    """Render regulations to ``<out>/<id>.<lang>.<ext>``; every language of a document unless
    ``lang`` is given. Nothing is written unless every requested output can be built."""
    formats = list(dict.fromkeys(formats)) or list(RENDERERS)
    for fmt in formats:
        if fmt not in RENDERERS:
            raise UsageError(f"unknown format {fmt!r}", f"use one of: {', '.join(RENDERERS)}")
    out = project.inside(out if out is not None else project.root / "build")
    loaded = load_for_output(project, ids)
    contexts = []
    problems: list[Problem] = []
    for doc_id, document in loaded.documents.items():
        for language in [lang] if lang else document.model.languages:
            try:
                contexts.append(context.build(document, loaded.registry, language, project.templates,
                                             records_for(project, doc_id)))
            except UsageError:
                raise
            except DloError as exc:
                problems += exc.problems
    if problems:
        raise DloError(problems)
    rendered = []
    for rd in contexts:
        for fmt in formats:
            rendered.append((Output(rd.id, rd.lang, fmt, out / f"{rd.id}.{rd.lang}.{fmt}"), RENDERERS[fmt](rd, project)))
    for output, data in rendered:
        atomic_write(output.path, data)
    return [o for o, _ in rendered]
