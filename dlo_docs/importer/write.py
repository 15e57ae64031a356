"""Writing an import: the regulation, and the proposed registry entries when asked for.

Nothing is written unless everything is valid; the registry is written under its lock and only if
nobody changed it while the import ran.
"""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

from .. import form_names, load, refs, yaml_append
from ..errors import DloError, Problem, UsageError
from ..fsio import LockTimeout, atomic_write, locked
from ..i18n import Msg
from ..model import Registry, Regulation
from ..project import REGULATION, Loaded, Project
from ..workflow import journal as _journal
from . import facts
from .convert import convert
from .reading import read_source
from .types import Options, Result


def _registry_with(
    project: Project, loaded: Loaded, proposals: list[facts.Proposal]
) -> tuple[str, Registry, load.Source, list[str]]:
    """The registry's text with the proposed entries appended: written after the last entry of
    their lists, every line already there kept (``yaml_append``); else, for a registry laid out
    otherwise, rewritten round-trip (comments kept)."""
    source = loaded.registry_source
    assert source is not None  # import_file reads the registry first
    data = load.plain(source.data)
    additions: dict[str, list[dict]] = {}
    added: list[str] = []
    for p in proposals:
        section = [*(data.get(p.section) or []), *additions.get(p.section, [])]
        if any(entry.get("id") == p.entry["id"] for entry in section):
            continue
        additions.setdefault(p.section, []).append(p.entry)
        added.append(f"{p.section}: {p.entry['id']}")
    text = yaml_append.appended(source, additions) or _rewritten(source, additions)
    display = project.display(project.registry_path)
    parsed, problems = load.parse(text.encode("utf-8"), display)
    registry = None
    if parsed is not None:
        registry, problems = load.validate(Registry, parsed)
        if registry is not None:
            problems = refs.registry_problems(registry, parsed)
    errors = [p for p in problems if p.severity == "error"]
    if errors or registry is None or parsed is None:
        raise DloError(errors or problems)
    return text, registry, parsed, added


def _rewritten(source: load.Source, additions: dict[str, list[dict]]) -> str:
    """The registry rewritten round-trip with ``additions`` appended to their lists."""
    data = source.roundtrip()
    for key, entries in additions.items():
        if data.get(key) is None:
            data[key] = load.pretty([])
        data[key].extend(load.pretty(entry) for entry in entries)
    text = load.dumps(data, like=source.text).replace("\r\n", "\n")  # (a comment keeps its CR)
    return text.replace("\n", "\r\n") if yaml_append.crlf(source.text) else text


def _write_registry(project: Project, before: str, text: str) -> None:
    """Replace the registry with ``text`` unless it changed since it was read as ``before`` (its
    bytes compared as read, line ends included; a byte order mark it opens with is kept)."""
    try:
        with locked(project.registry_path):
            raw = project.registry_path.read_bytes()
            bom = raw.startswith(codecs.BOM_UTF8)
            if raw.decode("utf-8-sig", errors="replace") != before:
                raise UsageError(
                    Msg(
                        "{value} changed while importing; nothing was written",
                        value=project.display(project.registry_path),
                    ),
                    Msg("run the import again"),
                )
            atomic_write(project.registry_path, ("\ufeff" if bom else "") + text)
    except LockTimeout:
        raise UsageError(
            Msg(
                "{value} is being changed by another dlo command; nothing was written",
                value=project.display(project.registry_path),
            ),
            Msg("try again in a moment"),
        ) from None


def _unprintable(model: Regulation, registry: Registry, source: load.Source) -> list[Problem]:
    """A finding (DLO117, at the registry's entry) for each name the regulation's forms print
    that the registry does not give in its language: ``dlo render`` refuses it until added."""
    return [
        replace(p, severity="warning")
        for lang in model.languages
        for p in form_names.in_registry(model, registry, source, lang)
    ]


def import_file(project: Project, path: Path | str, options: Options) -> Result:
    """Import one file into ``regulations/<id>/regulation.yaml`` (and, with ``update_registry``,
    the proposed entries into the registry). Nothing is written unless everything is valid."""
    if options.id is not None:
        project.new_folder(options.id)  # a usage error for an invalid id, before any work
    path = Path(path)
    display = project.display(path) if path.is_absolute() else path.as_posix()
    read = read_source(path, display)
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.registry is None or loaded.registry_source is None or loaded.errors:
        raise DloError(loaded.errors or loaded.problems)
    registry_before = loaded.registry_source.text
    imported = convert(read, loaded.registry, options, project.templates)
    target = project.new_folder(imported.model.id) / REGULATION
    if target.exists() and not options.force:
        raise UsageError(
            Msg("{path} exists; nothing was written", path=project.display(target)),
            Msg("pass --force to overwrite it, or --id to import under another id"),
        )
    registry, registry_source = loaded.registry, loaded.registry_source
    registry_text: str | None = None
    added: list[str] = []
    if options.update_registry and imported.proposals:
        registry_text, registry, registry_source, added = _registry_with(
            project, loaded, imported.proposals
        )
    source, problems = load.parse(imported.yaml.encode("utf-8"), project.display(target))
    if source is None:
        raise DloError(problems)
    problems += refs.regulation_problems(imported.model, source, registry, target.parent.name)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DloError(errors)
    imported.problems += _unprintable(imported.model, registry, registry_source)
    written = []
    if registry_text is not None and added:
        _write_registry(project, registry_before, registry_text)
        written.append(project.registry_path)
    _write_regulation(project, target, imported.model.id, imported.yaml)
    written.append(target)
    return Result(imported, written, added)


def _write_regulation(project: Project, target: Path, reg_id: str, text: str) -> None:
    """``text`` as the regulation's file; over a regulation there (``--force``), under its own
    lock, the workflow's: a revise or cancel at work that puts its draft back when its event is
    not recorded would write over the import (DLO630 after 30 s of waiting)."""
    if not project.is_regulation(target.parent):
        atomic_write(target, text)
        return
    with _journal.lock(project, reg_id):
        atomic_write(target, text)
