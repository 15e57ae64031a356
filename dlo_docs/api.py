"""The library API the CLI is a thin shell over: check and render."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import context, lint
from .errors import DloError, Problem, UsageError
from .fsio import atomic_write
from .project import Loaded, Project
from .records import Records
from .render import docx as docx_render
from .render import html as html_render
from .render import pdf as pdf_render

FORMATS = ("docx", "html", "pdf")
DEFAULT_FORMATS = ("docx", "html")  # PDF needs LibreOffice and takes seconds: asked for by name


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
        raise UsageError(
            "there are no regulations to render", "add regulations/<id>/regulation.yaml"
        )
    return loaded


def records_for(project: Project, doc_id: str) -> Records:
    """The workflow's records of a regulation (order, agreements, history) for its forms."""
    from . import workflow

    return workflow.records(project, doc_id)


def _render_docx(rd: context.RenderDoc, project: Project) -> bytes:
    return docx_render.render(rd, project.templates)


def _render_pdf(rd: context.RenderDoc, project: Project) -> bytes:
    """One document; ``render`` converts all its PDFs in one LibreOffice run instead."""
    name = f"{rd.id}.{rd.lang}"
    return pdf_render.convert({name: _render_docx(rd, project)})[name]


def _render_html(rd: context.RenderDoc, project: Project) -> bytes:
    return html_render.render(rd, project.templates).encode("utf-8")


RENDERERS: dict[str, Callable[[context.RenderDoc, Project], bytes]] = {
    "docx": _render_docx,
    "html": _render_html,
    "pdf": _render_pdf,
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
    formats = list(dict.fromkeys(formats)) or list(DEFAULT_FORMATS)
    for fmt in formats:
        if fmt not in RENDERERS:
            raise UsageError(f"unknown format {fmt!r}", f"use one of: {', '.join(RENDERERS)}")
    if "pdf" in formats:
        pdf_render.soffice()  # a missing LibreOffice is reported before anything is done
    out = project.inside(out if out is not None else project.root / "build")
    loaded = load_for_output(project, ids)
    contexts = []
    problems: list[Problem] = []
    for doc_id, document in loaded.documents.items():
        for language in [lang] if lang else document.model.languages:
            try:
                contexts.append(
                    context.build(
                        document,
                        loaded.registry,
                        language,
                        project.templates,
                        records_for(project, doc_id),
                    )
                )
            except UsageError:
                raise
            except DloError as exc:
                problems += exc.problems
    if problems:
        raise DloError(problems)
    rendered = []
    to_pdf: dict[str, bytes] = {}  # every PDF is converted from its DOCX in ONE LibreOffice run
    for rd in contexts:
        for fmt in formats:
            output = Output(rd.id, rd.lang, fmt, out / f"{rd.id}.{rd.lang}.{fmt}")
            if fmt == "pdf":
                docx = next(
                    (
                        data
                        for o, data in rendered
                        if o.format == "docx" and (o.id, o.lang) == (rd.id, rd.lang)
                    ),
                    None,
                )
                to_pdf[output.path.stem] = docx if docx is not None else _render_docx(rd, project)
                rendered.append((output, b""))
            else:
                rendered.append((output, RENDERERS[fmt](rd, project)))
    if to_pdf:
        pdfs = pdf_render.convert(to_pdf)
        rendered = [(o, pdfs[o.path.stem] if o.format == "pdf" else data) for o, data in rendered]
    if (
        "docx" in formats
    ):  # an open revision's approval package carries its comparison table (issue 7)
        from .diff.api import approval_table

        for rd in contexts:
            table = approval_table(project, rd.id, rd.lang)
            if table is not None:
                rendered.append(
                    (
                        Output(
                            rd.id, rd.lang, "comparison", out / f"{rd.id}.{rd.lang}.comparison.docx"
                        ),
                        table,
                    )
                )
    for output, data in rendered:
        atomic_write(output.path, data)
    return [o for o, _ in rendered]
