"""The library API the CLI is a thin shell over: check and render."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import context, lint
from .errors import DloError, Problem, UsageError
from .fsio import atomic_write
from .project import REGULATION, Loaded, Project
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


def load_each(project: Project, ids: Iterable[str] = ()) -> tuple[Loaded, dict[str, list[Problem]]]:
    """Load the named regulations (default: all) so that one broken regulation does not stop the
    others: returns the loaded project, holding only the regulations without errors, and the
    errors of each regulation left out. An invalid registry stops everything (DloError)."""
    ids = list(ids) or project.ids()
    loaded = project.load(ids)
    files = {project.display(project.regulations / i / REGULATION): i for i in ids}
    failed: dict[str, list[Problem]] = {}
    fatal = []
    for problem in loaded.errors:
        reg_id = files.get(problem.location.path)
        if reg_id is None:
            fatal.append(problem)
        else:
            failed.setdefault(reg_id, []).append(problem)
    if fatal or loaded.registry is None:
        raise DloError(fatal or loaded.errors)
    for reg_id in failed:
        loaded.documents.pop(reg_id, None)
    return loaded, failed


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


@dataclass
class Rendered:
    """What ``render`` wrote, and the errors of the regulations it could not render."""

    outputs: list[Output] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # ids of regulations left out


def _contexts(
    project: Project, loaded: Loaded, doc_id: str, lang: str | None
) -> list[context.RenderDoc]:
    document = loaded.documents[doc_id]
    return [
        context.build(
            document, loaded.registry, language, project.templates, records_for(project, doc_id)
        )
        for language in ([lang] if lang else document.model.languages)
    ]


def render(
    project: Project,
    ids: Iterable[str] = (),
    formats: Iterable[str] = (),
    lang: str | None = None,
    out: Path | None = None,
) -> Rendered:
    """Render regulations to ``<out>/<id>.<lang>.<ext>``; every language of a document unless
    ``lang`` is given. A regulation is written whole or not at all: one that cannot be rendered
    (invalid, a text missing) is left out with its problems, and the others are rendered."""
    formats = list(dict.fromkeys(formats)) or list(DEFAULT_FORMATS)
    for fmt in formats:
        if fmt not in RENDERERS:
            raise UsageError(f"unknown format {fmt!r}", f"use one of: {', '.join(RENDERERS)}")
    if "pdf" in formats:
        pdf_render.soffice()  # a missing LibreOffice is reported before anything is done
    out = project.inside(out if out is not None else project.root / "build")
    loaded, failed = load_each(project, ids)
    if not loaded.documents and not failed:
        raise UsageError(
            "there are no regulations to render", "add regulations/<id>/regulation.yaml"
        )
    contexts = []
    for doc_id in loaded.documents:
        try:
            contexts += _contexts(project, loaded, doc_id, lang)
        except UsageError:
            raise
        except DloError as exc:
            failed[doc_id] = exc.problems
    result = Rendered(
        problems=sorted(p for problems in failed.values() for p in problems), failed=sorted(failed)
    )
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
    if "docx" in formats:  # an open revision's approval package carries its comparison table
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
    result.outputs = [o for o, _ in rendered]
    return result
