"""The library API the CLI is a thin shell over: check and render."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import check_paths, context, form_names, labels, pool, refcheck, scratch, snapshots, subject
from .errors import DloError, Problem, UsageError
from .fsio import refuse_read_only, write_bytes
from .i18n import Msg
from .model_methods import LANGS
from .outputs_left import clear_names, clear_other_texts
from .project import REGULATION, Loaded, Project

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from .load import Source
    from .model import Registry

# the renderers (python-docx, Jinja2, LibreOffice) and lint are imported where they are used

FORMATS = ("docx", "html", "pdf")
# a draft's outputs, removed when its edition in force is rendered and no draft is open
DRAFT_NAMES = ("draft.docx", "draft.html", "draft.pdf", "draft.comparison.docx")
DEFAULT_FORMATS = ("docx", "html")  # PDF needs LibreOffice and takes seconds: asked for by name


def check(
    project: Project,
    paths: Iterable[str] = (),
    jobs: int | None = 1,
    done: Callable[[int], None] | None = None,
) -> list[Problem]:
    """Every problem in the named files (default: the whole project), sorted by position.
    ``jobs``: processes checking regulations side by side (None: the cores); the result is the
    same whatever their number. ``done(n)`` is told as each ``n`` regulations are checked."""
    files = check_paths.check_files(project, list(paths))
    loaded = Loaded()
    project.load_registry(loaded)
    registry_ok = loaded.registry is not None and not loaded.errors
    problems = set(loaded.problems)
    checked = pool.run(_check_files, [str(f) for f in files], project, jobs, done)
    documents: dict[str, tuple[str, list[Problem]]] = {}  # id -> (file, lint problems)
    for display, reg_id, load_problems, lint_problems in checked:
        problems.update(load_problems)
        if reg_id is not None:
            documents[reg_id] = (display, lint_problems)  # a repeated id: the last file counts
    failed = {p.location.path for p in problems if p.severity == "error"}
    if registry_ok:
        for display, lint_problems in documents.values():
            if display not in failed:
                problems.update(lint_problems)
        problems.update(_signing_problems(project, loaded))
        source = loaded.registry_source
        if source is not None and "\\" in source.text:  # (an escape writes a control character)
            from .lint import control_chars

            problems.update(control_chars.found(source))
    problems.update(labels.problems(project.templates, LANGS), refcheck.problems(project))
    return sorted(problems)


def _check_files(files: list[str]) -> list[tuple[str, str | None, list[Problem], list[Problem]]]:
    """Load and lint each file against the registry: (file, id, load problems, lint problems)."""
    project = pool.project()
    loaded = Loaded()
    project.load_registry(loaded)
    registry_problems = set(loaded.problems)
    registry = loaded.registry if not loaded.errors else None  # lint needs a valid registry
    results = []
    for name in files:
        path = Path(name)
        loaded.problems = []
        document = project.load_file(path, loaded)
        problems = [p for p in loaded.problems if p not in registry_problems]
        lints: list[Problem] = []
        if document is not None and registry is not None:
            if not any(p.severity == "error" for p in problems):
                from . import lint
                from .workflow.editions import revised

                previous = revised(project, document)
                lints = lint.check_document(document, registry, None, project.templates, previous)
        display = project.display(path)
        results.append((display, document.model.id if document else None, problems, lints))
        if path.name == REGULATION and not pool.keep():  # memory: one regulation at a time
            project.forget(path.parent)
    return results


def _signing_problems(project: Project, loaded: Loaded) -> list[Problem]:
    """Certificates the registry names for signed decisions that are missing, unreadable,
    outside the project or issued to someone other than the holder."""
    registry = loaded.registry
    if registry is None or not (
        registry.signatures.trust or any(p.certificates for p in registry.positions)
    ):
        return []
    from .signing.registry import Signers  # cryptography is loaded only where it is used

    return Signers(project, registry, loaded.registry_source).problems()


def load_registry(project: Project) -> Registry:
    """The registry, or DloError with its problems (nothing can be rendered without it)."""
    return registry_and_source(project)[0]


def registry_and_source(project: Project) -> tuple[Registry, Source]:
    """The registry and its source (to place a problem found in it), or DloError with its
    problems."""
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.errors or loaded.registry is None or loaded.registry_source is None:
        raise DloError(loaded.errors)
    return loaded.registry, loaded.registry_source


def render_contexts(
    project: Project,
    registry: Registry,
    reg_id: str,
    lang: str | None = None,
    draft: bool = False,
    parts: Collection[str] = form_names.EVERY,
) -> tuple[subject.Subject, list[context.RenderDoc]]:
    """What to render of ``reg_id`` (``subject.select``: the edition in force, else or on request
    the draft) resolved in ``lang`` (default: each of its languages), for outputs printing
    ``parts`` of the forms (``form_names``)."""
    chosen = subject.select(project, registry, reg_id, draft)
    languages = [lang] if lang else chosen.document.model.languages
    return chosen, [
        chosen.context(registry, language, project, kept=project.snapshots, parts=parts)
        for language in languages
    ]


def _render_docx(rd: context.RenderDoc, project: Project) -> bytes:
    from .render import docx

    return docx.render(rd, project.templates)


def _render_pdf(rd: context.RenderDoc, project: Project) -> bytes:
    """One document; ``render`` converts all its PDFs in one LibreOffice run instead."""
    from .render import pdf

    name = f"{rd.id}.{rd.lang}"
    return pdf.convert({name: _render_docx(rd, project)})[name]


def _render_html(rd: context.RenderDoc, project: Project) -> bytes:
    from .render import html

    return html.render(rd, project.templates).encode("utf-8")


RENDERERS: dict[str, Callable[[context.RenderDoc, Project], bytes]] = {
    "docx": _render_docx,
    "html": _render_html,
    "pdf": _render_pdf,
}


@dataclass(frozen=True)
class Output:
    """A file a render wrote: a regulation in one language and one format."""

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
    notes: list[str] = field(default_factory=list)  # e.g. a draft shown for want of an edition
    removed: list[tuple[str, Path]] = field(default_factory=list)  # (id, file): no edition in force
    stale_drafts: list[tuple[str, Path]] = field(default_factory=list)  # (id, file): none open
    other_texts: list[tuple[str, Path]] = field(default_factory=list)  # (id, file): another text
    kept: list[tuple[str, Path]] = field(default_factory=list)  # (id, file): read-only, left


@dataclass
class _Job:
    """What every worker of one ``render`` call is asked to do."""

    formats: list[str]
    lang: str | None
    out: Path
    staging: Path  # outputs are written here first, and moved into ``out`` at the end
    draft: bool = False  # render the working drafts (marked), not the editions in force


@dataclass
class _Done:
    """One regulation's outcome: its outputs and comparison tables as (output, staged file)."""

    id: str
    outputs: list[tuple[Output, Path]] = field(default_factory=list)
    comparisons: list[tuple[Output, Path]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    note: Msg | None = None  # e.g. a draft shown for want of an edition in force
    fallen: bool = False  # a draft rendered for want of an edition in force
    closed: bool = False  # its edition in force rendered, no draft open: drafts are stale


def _render_ids(ids: list[str]) -> list[_Done]:
    """Render each regulation into the staging folder; a failure is its problems, never an
    exception (a usage error excepted)."""
    job, project = pool.state(), pool.project()
    done: list[_Done] = []
    with project.reading_snapshots():  # what is validated is read back as it was kept
        registry = load_registry(project)
        for doc_id in ids:
            try:
                done.append(_render_one(job, project, registry, doc_id))
            finally:
                if not pool.keep():  # memory: one regulation's files at a time, not all
                    project.forget(project.folder(doc_id))
    snapshots.trim()  # the folder within its bound, when this process kept some
    return done


def _render_one(job: _Job, project: Project, registry: Registry, doc_id: str) -> _Done:
    try:
        parts = form_names.printed_by(job.formats)
        chosen, contexts = render_contexts(project, registry, doc_id, job.lang, job.draft, parts)
    except UsageError:
        raise
    except DloError as exc:
        return _Done(doc_id, problems=sorted(set(exc.problems)))
    outputs = [o for rd in contexts for o in _stage_formats(job, project, rd)]
    comparisons = [c for rd in contexts for c in _stage_comparison(job, project, rd)]
    note = chosen.fallback or chosen.unopened
    closed = not chosen.draft and chosen.closed is not None
    return _Done(doc_id, outputs, comparisons, [], note, chosen.fallback is not None, closed)


def _stage_formats(job: _Job, project: Project, rd: context.RenderDoc) -> list[tuple[Output, Path]]:
    """One language of one regulation in every format asked for, written into the staging
    folder; a PDF is only announced (converted later, all together, from its DOCX)."""
    outputs = []
    docx: Path | None = None
    for fmt in job.formats:
        output = Output(rd.id, rd.lang, fmt, job.out / f"{rd.file_stem}.{fmt}")
        staged = job.staging / output.path.name
        if fmt == "pdf":
            if docx is None:
                docx = job.staging / "source" / f"{rd.file_stem}.docx"
                docx.parent.mkdir(exist_ok=True)
                write_bytes(docx, _render_docx(rd, project))
            outputs.append((output, staged))
            continue
        write_bytes(staged, RENDERERS[fmt](rd, project))
        if fmt == "docx":
            docx = staged
        outputs.append((output, staged))
    return outputs


def _stage_comparison(
    job: _Job, project: Project, rd: context.RenderDoc
) -> list[tuple[Output, Path]]:
    """An open revision's approval package: the comparison table beside its DOCX."""
    if "docx" not in job.formats or not rd.draft:
        return []
    from .comparison import approval_table

    table = approval_table(project, rd.id, rd.lang)
    if table is None:
        return []
    name = f"{rd.file_stem}.comparison.docx"
    write_bytes(job.staging / name, table)
    return [(Output(rd.id, rd.lang, "comparison", job.out / name), job.staging / name)]


def _known_ids(project: Project, ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(ids)) or project.ids()
    for doc_id in ids:
        project.regulation_path(doc_id)  # an unknown id is a usage error, before any work
    return ids


def render(
    project: Project,
    ids: Iterable[str] = (),
    formats: Iterable[str] = (),
    lang: str | None = None,
    out: Path | None = None,
    jobs: int | None = 1,
    done: Callable[[int], None] | None = None,
    draft: bool = False,
    pdfs_counted: Callable[[int], Callable[[int], None]] | None = None,
) -> Rendered:
    """Render regulations to ``<out>/<id>.<lang>.<ext>``; every language of a document unless
    ``lang`` is given. Each shows its edition in force (the frozen text the journal approved),
    or with ``draft`` (and for want of an edition in force) the working draft marked as a draft.
    A regulation is written whole or not at all: one that cannot be rendered (invalid, a text
    missing, a frozen edition that is not the approved text) is left out with its problems, and
    the others are rendered.
    ``jobs``: processes rendering regulations side by side (None: the cores); what is written
    is the same whatever their number. ``done(n)`` is told as each ``n`` regulations are done;
    ``pdfs_counted(n)`` how many PDFs are then to be made, and what it returns as each is made.
    The files are read through their validated snapshots (``Project.reading_snapshots``): the
    same bytes written, without parsing or validating what was validated before."""
    formats = list(dict.fromkeys(formats)) or list(DEFAULT_FORMATS)
    for fmt in formats:
        if fmt not in RENDERERS:
            choices = Msg("use one of: {choices}", choices=", ".join(RENDERERS))
            raise UsageError(Msg("unknown format {fmt}", fmt=repr(fmt)), choices)
    if "pdf" in formats:
        from .render import pdf

        pdf.soffice()  # a missing LibreOffice is reported before anything is done
    out = project.output(out)
    ids = _known_ids(project, ids)
    loaded = Loaded()
    with project.reading_snapshots():
        project.load_registry(loaded)
    if loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    if not ids:
        raise UsageError(
            Msg("there are no regulations to render"), Msg("add regulations/<id>/regulation.yaml")
        )
    top = out  # the top folder this call creates, removed again when nothing is written
    while not top.parent.exists():
        top = top.parent
    made = top if not top.exists() else None
    out.mkdir(parents=True, exist_ok=True)
    try:
        job = _Job(formats, lang, out, out, draft)
        return _render_into(project, ids, job, jobs, done, pdfs_counted)
    finally:
        folder = out
        while made is not None and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()  # only the empty folders this call made
            if folder == made:
                break
            folder = folder.parent


def _render_into(
    project: Project,
    ids: list[str],
    job: _Job,
    jobs: int | None,
    done: Callable[[int], None] | None,
    pdfs_counted: Callable[[int], Callable[[int], None]] | None = None,
) -> Rendered:
    formats, out = job.formats, job.out
    with scratch.folder("render", out, hidden=True) as staging:  # (swept: a killed render's)
        job.staging = staging
        results = pool.run(_render_ids, ids, project, jobs, done, state=job)
        failed = {d.id: d.problems for d in results if d.problems}
        result = Rendered(
            problems=sorted(p for problems in failed.values() for p in problems),
            failed=sorted(failed),
            notes=[d.note for d in results if d.note],
        )
        rendered = [o for d in results for o in d.outputs]
        rendered += [c for d in results for c in d.comparisons]
        source = staging if "docx" in formats else staging / "source"
        pdfs = [(o, source / f"{o.path.stem}.docx") for o, _ in rendered if o.format == "pdf"]
        if pdfs:
            from . import pdf_outputs

            made = pdfs_counted(len(pdfs)) if pdfs_counted is not None else None
            lost, problems = pdf_outputs.convert(pdfs, staging, out, jobs, made)
            result.problems += problems
            result.failed = sorted(set(result.failed) | lost)
            rendered = [(o, s) for o, s in rendered if o.id not in lost]
        for output, _ in rendered:  # (as atomic_write: refused before any is put in place)
            refuse_read_only(output.path)
        for output, staged in rendered:
            os.replace(staged, output.path)
    result.outputs = [o for o, _ in rendered]
    fallen = {d.id for d in results if d.fallen}
    written = [(o.id, o.lang) for o in result.outputs if o.id in fallen]
    result.removed = clear_names(out, written, RENDERERS, result.kept)
    closed = {d.id for d in results if d.closed}
    written = [(o.id, o.lang) for o in result.outputs if o.id in closed]
    result.stale_drafts = clear_names(out, written, DRAFT_NAMES, result.kept)
    result.other_texts = clear_other_texts(result.outputs, result.kept)
    return result
