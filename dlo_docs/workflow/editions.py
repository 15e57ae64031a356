"""The frozen editions: ``regulations/<id>/editions/<n>.yaml``, the exact text each approval
recorded. Approving writes the copy under a pending name, journals the approval, then renames it
into place (``complete_approvals`` finishes an approval interrupted between the two).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import load
from ..errors import DloError, UsageError
from ..fsio import atomic_write
from ..i18n import Msg
from ..project import REGULATION, Document, Loaded, Project
from . import stored_hashes
from .journal import content_hash
from .state import History

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Regulation

EDITIONS = "editions"


def folder(project: Project, reg_id: str) -> Path:
    """``regulations/<id>/editions``."""
    return project.folder(reg_id) / EDITIONS


_EDITION = re.compile(r"[1-9][0-9]{0,5}")  # the stem of a frozen file (path)


def path(project: Project, reg_id: str, n: int) -> Path:
    """The frozen file of edition ``n`` (it may not exist)."""
    return folder(project, reg_id) / f"{n}.yaml"


def numbers(project: Project, reg_id: str) -> list[int]:
    """The editions whose frozen file exists, in order: files named as ``path`` names them
    ("2.yaml"; not "02.yaml", nor "².yaml", whose digit ``int`` does not read)."""
    where = folder(project, reg_id)
    if not where.is_dir():
        return []
    return sorted(int(p.stem) for p in where.glob("*.yaml") if _EDITION.fullmatch(p.stem))


def revised(project: Project, document: Document) -> Regulation | None:
    """The frozen edition a working text revises (lint's DLO123 compares with it): the last one
    before the text's own while the text's own is not frozen yet (a revision open); None for a
    first edition, one approved and not revised since, or a frozen edition that does not load
    (``dlo verify`` and ``dlo diff`` say why)."""
    model, where = document.model, document.path.parent / EDITIONS
    if document.path.name != REGULATION or (where / f"{model.edition}.yaml").is_file():
        return None
    before = [n for n in numbers(project, model.id) if n < model.edition]
    if not before or project.folder(model.id) != document.path.parent:
        return None
    loaded = Loaded()
    project.load_registry(loaded)
    found = project.load_file(where / f"{before[-1]}.yaml", loaded)
    return found.model if found is not None else None


# the lines that open a file before its first line of content: blank, comments, a directive, the
# document's start marker; a line further down that begins with "#" may be a line of a quoted text
_OPENING = re.compile(r"\A\ufeff?(?:[ \t]*(?:#[^\n]*|%[^\n]*|---[ \t]*)?\r?\n)*")


def schema_line(text: str, pattern: str, replacement: str) -> str:
    """``text`` with the editor's schema comment (``pattern``, at a line's start) rewritten as
    ``replacement``, where it is a comment: among the lines that open the file, never in a text
    (a quoted title's second line that begins like it is part of the text approved)."""
    head = _OPENING.match(text)
    end = head.end() if head else 0
    return re.sub(pattern, replacement, text[:end], count=1, flags=re.M) + text[end:]


def frozen_text(text: str) -> str:
    """The draft's text for editions/<n>.yaml: one folder deeper, so the editor's schema line
    (``# yaml-language-server: $schema=../../schemas/...``) gains one ``../``."""
    return schema_line(text, r"^(# yaml-language-server: \$schema=)(?!/|[a-z]+:)", r"\1../")


def pending_path(final: Path) -> Path:
    return final.with_name(final.name + ".pending")


@contextlib.contextmanager
def freezing(final: Path, text: str, journal: Path) -> Iterator[None]:
    """The frozen copy ``text`` of an approval the block journals (under the journal's lock):
    written as ``pending_path(final)`` first, renamed to ``final`` after. When the block fails
    before the journal was replaced (a full disk, a file over the size limit, Ctrl-C), the copy
    is removed: none is left for an approval never recorded (``dlo verify`` warned of it,
    DLO610, until it was deleted by hand). Once journaled it is moved into place even then (an
    interrupt held while the journal was written is raised after it); only a kill leaves it
    for the next command to complete (``complete_approvals``)."""
    pending = pending_path(final)
    before = _identity(journal)
    try:
        atomic_write(pending, text)
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            if _identity(journal) == before:  # the journal as read: nothing recorded
                pending.unlink()
            else:  # recorded (Ctrl-C is held until the journal is written): completed now
                os.replace(pending, final)
        raise
    os.replace(pending, final)


def _identity(file: Path) -> tuple[int, ...] | None:
    """Which file ``file`` is and its state (an atomic write replaces it: another inode)."""
    try:
        info = os.stat(file)
    except FileNotFoundError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def file_hash(file: Path, project: Project, kept: bool = False) -> str | None:
    """The content hash of a regulation file (None: it does not read or validate), worked out
    once per content of the file in the project's cache: every command checks every frozen
    edition its journal approved, and a frozen edition does not change. With ``kept`` (the
    register and ``dlo status``, checking the edition in force) see ``_kept_hash``; ``dlo
    verify``, the commands that write and every output work it out every time."""
    if kept:
        return _kept_hash(Path(file), project)
    source, _ = project.read(file)
    if source is None:
        return None
    key = ("content hash", Path(file).resolve())
    found: str | None = project.cache.get(key, source.text, lambda: _hash(source))
    return found


def _kept_hash(file: Path, project: Project) -> str | None:
    """The hash kept in the user's cache for the file's bytes (``stored_hashes``: one SHA-256 and
    one small read), else worked out from those same bytes and kept."""
    display = project.display(file)
    raw, _ = project.read_raw(file, display)
    if raw is None:
        return None
    found = stored_hashes.find(raw)
    if found is None:
        source, _ = project.parsed(raw, display)  # shared with the reads of its facts
        found = _hash(source) if source is not None else None
        if found is not None:
            stored_hashes.keep(raw, found)
    return found


def _hash(source: load.Source) -> str | None:
    """The content hash of a regulation's text (None: it does not validate), as pydantic's
    dump gives it, worked out by the compiled validator where it accepts the text."""
    model, _ = load.validate_as("Regulation", source, plain=True)
    return content_hash(model) if model is not None else None


def file_model(file: Path, project: Project) -> Regulation | None:
    return project.regulation_model(Path(file))


def frozen_model(project: Project, reg_id: str, n: int) -> Regulation | None:
    """The validated text of frozen edition ``n`` (None: missing or invalid)."""
    return file_model(path(project, reg_id, n), project)


def complete_approvals(project: Project, reg_id: str, history: History) -> None:
    """Finish an approval that was interrupted after it was journaled (called under the lock):
    move its pending frozen copy into place when it is exactly the approved text."""
    for n, ev in history.approvals.items():
        final = path(project, reg_id, n)
        pending = pending_path(final)
        if (
            not final.exists()
            and pending.is_file()
            and file_hash(pending, project) == ev.content_hash
        ):
            os.replace(pending, final)


def load_edition(project: Project, reg_id: str, n: int) -> Document:
    """Frozen edition ``n`` of ``reg_id`` (``regulations/<id>/editions/<n>.yaml``)."""
    project.folder(reg_id)
    file = path(project, reg_id, n)
    if not file.is_file():
        have = numbers(project, reg_id)
        raise UsageError(
            Msg("regulation {reg_id} has no edition {n}", reg_id=repr(reg_id), n=n),
            Msg("its frozen editions: {value}", value=", ".join(map(str, have)) or "none yet"),
        )
    loaded = Loaded()
    project.load_registry(loaded)
    document = project.load_file(file, loaded)
    if document is None:
        raise DloError(loaded.errors)
    return document


def edition_model(project: Project, reg_id: str, n: int, working: Document | None) -> Regulation:
    """The text of frozen edition ``n``: the ``working`` text's model when the frozen file is
    byte for byte what approving it would write from the working text (``frozen_text``: the
    edition approved and not revised since, so the same text but for the schema comment line),
    without parsing or validating it again; else ``load_edition``'s (which raises as it does)."""
    if working is not None:
        file = path(project, reg_id, n)
        raw, _ = project.read_raw(file)
        if raw is not None and raw == frozen_text(working.source.text).encode("utf-8"):
            return working.model
    return load_edition(project, reg_id, n).model


def write_number(document: Document, n: int) -> None:
    """The draft's file with its ``edition`` set to ``n`` (comments, layout and a byte order
    mark kept): the number's own characters replaced where the file writes it plainly, else
    round-trip."""
    source = document.source
    with open(document.path, "rb") as handle:  # the text is read without its byte order mark
        mark = "\ufeff" if handle.read(3) == b"\xef\xbb\xbf" else ""
    text = source.with_number("edition", n)
    if text is None:
        data = source.roundtrip()
        if "edition" in data:
            data["edition"] = n
        else:
            keys = list(data)
            at = keys.index("languages") + 1 if "languages" in keys else len(keys)
            data.insert(at, "edition", n)
        text = load.dumps(data, like=source.text)
    atomic_write(document.path, mark + text)
