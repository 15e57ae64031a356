"""Standalone sheets: one form of a regulation as a document of its own (``dlo sheet``).

The agreement, acquaintance, change registration and periodic review sheets are the same ones
the full document ends with; the transfer act hands the original to HR and exists
only on its own. Files are written as ``<out>/<id>.<lang>.<kind>.<docx|pdf>``, a draft's as
``<out>/<id>.<lang>.draft.<kind>.<docx|pdf>``.

The transfer act names who hands the original over (default: the head of the regulation's unit)
and who receives it (default: the head of the unit with id ``hr``); ``handed_by`` / ``received_by``
take other registry positions. With PDF output the act also states the original's page count,
read from the original converted in the same LibreOffice run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from . import api, context, form_names, outputs_left, subject
from .chars import unknown
from .context import Official
from .errors import DloError, UsageError
from .fsio import atomic_write
from .i18n import Msg
from .load import Source
from .model import Registry, Regulation
from .project import Project
from .render import docx as docx_render
from .render import pdf as pdf_render
from .spelling import known_positions

KINDS = docx_render.STANDALONE
FORMATS = ("docx", "pdf")
HR_UNIT = "hr"


def _official(registry: Registry, pid: str | None, lang: str) -> Official | None:
    if pid is None:
        return None
    ids = [p.id for p in registry.positions]
    if pid not in ids:
        raise UsageError(
            *unknown(pid, Msg("unknown position {pid}", pid=repr(pid)), known_positions(pid, ids))
        )
    position = registry.position(pid)
    return Official(pid, position.title.get(lang, ""), (position.holder or {}).get(lang, ""))


def _blanks(registry: Registry, source: Source, pids: Iterable[str | None], lang: str) -> None:
    """DloError (DLO117, at each position in the registry) when the act would print a party's
    title or name blank in ``lang``."""
    problems, parties = [], set(pids)
    for i, position in enumerate(registry.positions):
        if position.id in parties:
            fields = {"title": position.title, "holder": position.holder or {}}
            for field in form_names.unnamed(fields, lang):
                loc = ["positions", i, field]
                problems.append(form_names.blank(source, loc, "position", position.id, field, lang))
    if problems:
        raise DloError(problems)


def transfer_parties(
    registry: Registry,
    source: Source,
    model: Regulation,
    lang: str,
    handed_by: str | None = None,
    received_by: str | None = None,
) -> docx_render.Transfer:
    """Who hands the original over and who receives it (see the module's docstring); DloError
    (DLO117, at the registry's ``source``) if the act would print a party's name blank."""
    units = {u.id: u for u in registry.units}
    if handed_by is None and model.unit in units:
        handed_by = units[model.unit].head
    if received_by is None and HR_UNIT in units:
        received_by = units[HR_UNIT].head
    handed, received = _official(registry, handed_by, lang), _official(registry, received_by, lang)
    _blanks(registry, source, (handed_by, received_by), lang)
    return docx_render.Transfer(handed, received)


def page_count(pdf: bytes) -> int | None:
    """The number of pages of a PDF written by LibreOffice (its page tree is not compressed)."""
    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    if counts:
        return max(counts)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    return pages or None


def sheet(
    project: Project,
    kind: str,
    reg_id: str,
    *,
    lang: str | None = None,
    formats: Iterable[str] = (),
    out: Path | None = None,
    handed_by: str | None = None,
    received_by: str | None = None,
    draft: bool = False,
) -> api.Rendered:
    """Write one sheet of regulation ``reg_id`` (of its edition in force, or with ``draft`` and
    for want of one, of its working draft, marked as such); nothing is written unless every
    format is built. For want of an edition in force, its ``notes`` say so, and the sheet of
    that kind named as the edition in force's is ``removed``."""
    formats = _asked(kind, formats, handed_by or received_by)
    out = project.output(out)
    project.regulation_path(reg_id)
    registry, source = api.registry_and_source(project)
    chosen = subject.select(project, registry, reg_id, draft)
    # the act in PDF states the original's page count: the whole original is made first
    whole = kind == "transfer" and "pdf" in formats
    rd = chosen.context(
        registry, lang, project, parts=form_names.EVERY if whole else form_names.SHEET[kind]
    )
    transfer = None
    if kind == "transfer":
        transfer = transfer_parties(
            registry, source, chosen.document.model, rd.lang, handed_by, received_by
        )
    stem = f"{rd.file_stem}.{kind}"
    outputs: dict[str, bytes] = {}
    if "pdf" in formats and transfer is not None:
        transfer = _with_page_count(rd, project, transfer)
    data = docx_render.render_sheet(rd, kind, project.templates, transfer)
    if "docx" in formats:
        outputs["docx"] = data
    if "pdf" in formats:
        outputs["pdf"] = pdf_render.convert({stem: data})[stem]
    written = api.Rendered(notes=[chosen.fallback] if chosen.fallback else [])
    for fmt in formats:
        path = out / f"{stem}.{fmt}"
        atomic_write(path, outputs[fmt])
        written.outputs.append(api.Output(rd.id, rd.lang, fmt, path))
    if chosen.fallback:
        names = [f"{kind}.{fmt}" for fmt in FORMATS]
        written.removed = outputs_left.clear_names(out, [(rd.id, rd.lang)], names, written.kept)
    written.other_texts = outputs_left.clear_other_texts(written.outputs, written.kept)
    return written


def _asked(kind: str, formats: Iterable[str], parties: str | None) -> list[str]:
    """The formats asked for (DOCX when none), once the request is known to make sense."""
    if kind not in KINDS:
        raise UsageError(
            Msg("unknown sheet {kind}", kind=repr(kind)),
            Msg("use one of: {choices}", choices=", ".join(KINDS)),
        )
    asked = list(dict.fromkeys(formats)) or ["docx"]
    for fmt in asked:
        if fmt not in FORMATS:
            raise UsageError(
                Msg("unknown format {fmt} for a sheet", fmt=repr(fmt)),
                Msg("use one of: {choices}", choices=", ".join(FORMATS)),
            )
    if kind != "transfer" and parties:
        raise UsageError(Msg("--from and --to are for the transfer act only"))
    if "pdf" in asked:
        pdf_render.soffice()
    return asked


def _with_page_count(
    rd: context.RenderDoc, project: Project, transfer: docx_render.Transfer
) -> docx_render.Transfer:
    """The act states the original's page count: the original converted first."""
    original = pdf_render.convert({f"{rd.id}.{rd.lang}": docx_render.render(rd, project.templates)})
    pages = page_count(next(iter(original.values())))
    return docx_render.Transfer(transfer.handed, transfer.received, pages)


def write_reference(project: Project, path: Path | None = None, force: bool = False) -> Path:
    """Write the built-in styled reference document (default ``templates/reference.docx``), the
    starting point for an organisation's own styles."""
    if path is not None:
        target = project.output(path)
    else:  # the project's own templates/, not through a link
        target = project.output(None, project.templates.name) / docx_render.REFERENCE
    if target.exists() and not force:
        raise UsageError(
            Msg("{path} exists", path=project.display(target)),
            Msg("pass --force to overwrite it"),
        )
    atomic_write(target, docx_render.default_reference())
    return target
